"""What an audit of MRS's datadump found, as values: the anomalies, the counts and their views.

One reason to change: what an audit's result holds and how it is given as data (records for a
data frame, JSON). Reading the datadump and judging its rows is :mod:`distribution.mrs.audit`'s;
the report in words is :func:`~distribution.explain_audit`. The names here are public through
:mod:`distribution.mrs.audit` and :mod:`distribution`.
"""

from __future__ import annotations

import enum
from collections import Counter
from typing import TYPE_CHECKING, Final, TypedDict, final

import attrs

from distribution._errors import HIDDEN, check_lang, exactly
from distribution.codes import (
    Code,
    DistributionRule,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
)
from distribution.mrs._texts import AUDIT_ANOMALY

if TYPE_CHECKING:
    from distribution._texts import Lang

__all__ = [
    "ANOMALY_COLUMNS",
    "COLUMNS",
    "RECORD_COLUMNS",
    "Audit",
    "AuditAnomaly",
    "AuditAnomalyDict",
    "AuditGroup",
    "AuditKind",
    "Key",
]

_M = MrsOrderStatus

COLUMNS: Final = ("DistributionRule", "NotificationChannel", "OrderStatus", "ErrorCode")
"""The datadump's columns the audit reads; every other column is ignored."""
_PARSERS: Final[tuple[type[Code], ...]] = (
    DistributionRule,
    NotificationChannel,
    MrsOrderStatus,
    MrsErrorCode,
)

# The statuses as record columns: the member names in snake_case, stable in every language.
_STATUS_COLUMNS: Final = tuple(status.name.lower() for status in MrsOrderStatus)
RECORD_COLUMNS: Final = (
    "rule_code",
    "rule_name",
    "channel_code",
    "channel_name",
    "orders",
    *(f"{name}{suffix}" for name in _STATUS_COLUMNS for suffix in ("", "_pct")),
    "skipped",
)
"""The columns of :meth:`Audit.to_records` (after the grouping columns) and of ``--format csv``.

``completed_pct`` is the response rate: the share of the orders that are Besvart."""
ANOMALY_COLUMNS: Final = (
    "row",
    "kind",
    "case",
    "rule_code",
    "rule_name",
    "channel_code",
    "channel_name",
    "status_code",
    "status_name",
    "error_code",
    "error_name",
    "column",
    "value",
)
"""The keys of :meth:`AuditAnomaly.to_dict`, the columns of ``audit --anomalies-csv``."""


class AuditKind(enum.Enum):
    """Why a datadump row needs attention. Values are stable identifiers."""

    NOT_PERMITTED = "NOT_PERMITTED"
    """The row's channel is one its rule never uses."""
    INCONSISTENT = "INCONSISTENT"
    """The row's status contradicts its channel or its error code."""
    SHOULD_NOT_HAPPEN = "SHOULD_NOT_HAPPEN"
    """The row's error code is one MRS marks "bør ikke skje": report it to Hemit."""
    UNREADABLE = "UNREADABLE"
    """A cell of the row is not one of MRS's codes: the row is skipped, not counted."""


def _percent(count: int, whole: int) -> float:
    return round(100 * count / whole, 1) if whole else 0.0


_maybe = attrs.validators.optional


class AuditAnomalyDict(TypedDict):
    """An anomaly as data (``audit --format json``, ``--anomalies-csv``); see ANOMALY_COLUMNS."""

    row: int
    kind: str
    case: str
    rule_code: int | None
    rule_name: str | None
    channel_code: int | None
    channel_name: str | None
    status_code: int | None
    status_name: str | None
    error_code: int | None
    error_name: str | None
    column: str
    value: str


@final
@attrs.frozen(kw_only=True)
class AuditAnomaly:
    """One datadump row that needs attention.

    Attributes:
        row: the row number as a spreadsheet shows it (the header is row 1).
        kind: the :class:`AuditKind`.
        case: the finer case, a stable identifier (``"outside_route"``, ``"silent"``, …).
        rule, channel, status, error_code: the row's codes; ``None`` for a code an
            ``UNREADABLE`` row does not have.
        column, value: for an ``UNREADABLE`` row, the column of the first cell that is not a
            code, and that cell as shown (shortened; personal data hidden); else empty.
    """

    row: int = attrs.field(validator=exactly(int))
    kind: AuditKind = attrs.field(validator=exactly(AuditKind))
    case: str = attrs.field(validator=exactly(str))
    rule: DistributionRule | None = attrs.field(validator=_maybe(exactly(DistributionRule)))
    channel: NotificationChannel | None = attrs.field(
        validator=_maybe(exactly(NotificationChannel))
    )
    status: MrsOrderStatus | None = attrs.field(validator=_maybe(exactly(MrsOrderStatus)))
    error_code: MrsErrorCode | None = attrs.field(validator=_maybe(exactly(MrsErrorCode)))
    column: str = attrs.field(default="", validator=exactly(str))
    value: str = attrs.field(default="", validator=exactly(str))

    def to_dict(self) -> AuditAnomalyDict:
        """Return the anomaly as data with stable snake_case keys (:data:`ANOMALY_COLUMNS`)."""
        rule, channel, status, error = self.rule, self.channel, self.status, self.error_code
        return {
            "row": self.row,
            "kind": self.kind.value,
            "case": self.case,
            "rule_code": None if rule is None else rule.value,
            "rule_name": None if rule is None else rule.api_name,
            "channel_code": None if channel is None else channel.value,
            "channel_name": None if channel is None else channel.api_name,
            "status_code": None if status is None else status.value,
            "status_name": None if status is None else status.api_name,
            "error_code": None if error is None else error.value,
            "error_name": None if error is None else error.api_name,
            "column": self.column,
            "value": self.value,
        }

    def describe(self, *, lang: Lang = "en") -> str:
        """Return the row, its kind and why, in one line in *lang*."""
        say = AUDIT_ANOMALY[check_lang(lang)]
        parser = _PARSERS[COLUMNS.index(self.column)] if self.column in COLUMNS else None
        text = say[f"case_{self.case}"].format(
            rule=_code(self.rule),
            channel=_code(self.channel),
            status=_code(self.status),
            error=_code(self.error_code),
            column=self.column,
            value=self.value if self.value == HIDDEN else repr(self.value),
            choices=", ".join(str(code.value) for code in parser or ()),
        )
        return say["anomaly"].format(row=self.row, kind=self.kind.value, text=text)


def _code(code: Code | None) -> str:
    return "" if code is None else f"{code.value} {code.api_name}"


Key = tuple[DistributionRule, NotificationChannel, MrsOrderStatus]


@final
@attrs.frozen(kw_only=True)
class AuditGroup:
    """The audit of the datadump's rows that share the values of the grouping columns."""

    values: tuple[str, ...]
    """The values of the columns :attr:`Audit.by` names, in that order."""
    audit: Audit


@final
@attrs.frozen(kw_only=True)
class Audit:
    """What :func:`audit` found in a datadump: counts, the error codes behind failures, anomalies.

    Attributes:
        rows: the number of rows read and counted (blank and unreadable rows are not).
        counts: ``((rule, channel, status), n)`` for every combination that occurs, in code order.
        errors: ``((status, error_code), n)`` for every Feilet and Mottaker ikke nådd row.
        anomalies: the first rows that need attention (at most the audit's limit).
        attention: ``(kind, n)`` for every :class:`AuditKind`: all such rows, shown or not.
        by: the columns the datadump was grouped by, as given.
        groups: each group's audit, in the order of their values.
    """

    rows: int = attrs.field(validator=exactly(int))
    counts: tuple[tuple[Key, int], ...] = attrs.field(validator=exactly(tuple))
    errors: tuple[tuple[tuple[MrsOrderStatus, MrsErrorCode], int], ...] = attrs.field(
        validator=exactly(tuple)
    )
    anomalies: tuple[AuditAnomaly, ...] = attrs.field(
        validator=attrs.validators.deep_iterable(exactly(AuditAnomaly), exactly(tuple))
    )
    attention: tuple[tuple[AuditKind, int], ...] = attrs.field(validator=exactly(tuple))
    by: tuple[str, ...] = attrs.field(default=(), validator=exactly(tuple))
    groups: tuple[AuditGroup, ...] = attrs.field(
        default=(), validator=attrs.validators.deep_iterable(exactly(AuditGroup), exactly(tuple))
    )

    @property
    def needs_attention(self) -> bool:
        """Whether any row needs attention (an unreadable one included)."""
        return any(n for _, n in self.attention)

    @property
    def not_shown(self) -> int:
        """How many rows that need attention are counted but not in :attr:`anomalies`."""
        return sum(n for _, n in self.attention) - len(self.anomalies)

    @property
    def skipped(self) -> int:
        """How many rows were skipped because a cell is not a code (``UNREADABLE``)."""
        return dict(self.attention).get(AuditKind.UNREADABLE, 0)

    def count(
        self,
        *,
        rule: DistributionRule | int | str | None = None,
        channel: NotificationChannel | int | str | None = None,
        status: MrsOrderStatus | int | str | None = None,
    ) -> int:
        """Return the number of rows with *rule*, *channel* and *status* (``None``: any).

        Each is anything its enum's ``parse`` takes.
        """
        want = (
            None if rule is None else DistributionRule.parse(rule),
            None if channel is None else NotificationChannel.parse(channel),
            None if status is None else MrsOrderStatus.parse(status),
        )
        return sum(
            n
            for key, n in self.counts
            if all(w is None or w is k for w, k in zip(want, key, strict=True))
        )

    def response_rate(
        self,
        *,
        rule: DistributionRule | int | str | None = None,
        channel: NotificationChannel | int | str | None = None,
    ) -> float:
        """Return the share, in per cent to one decimal, of the orders that were answered.

        The orders are those with *rule* and *channel* (``None``: any) in every status, so an
        order not yet answered (Bestilt) counts as not answered; 0.0 when there are none.
        """
        answered = self.count(rule=rule, channel=channel, status=_M.COMPLETED)
        return _percent(answered, self.count(rule=rule, channel=channel))

    def _table(self) -> list[dict[str, object]]:
        """Return one record per rule and channel: the orders by status, each with its share."""
        by_pair: dict[tuple[DistributionRule, NotificationChannel], Counter[MrsOrderStatus]] = {}
        for (rule, channel, status), n in self.counts:
            by_pair.setdefault((rule, channel), Counter())[status] += n
        table = []
        for (rule, channel), statuses in by_pair.items():
            orders = statuses.total()
            record: dict[str, object] = {
                "rule_code": rule.value,
                "rule_name": rule.api_name,
                "channel_code": channel.value,
                "channel_name": channel.api_name,
                "orders": orders,
            }
            for status, name in zip(MrsOrderStatus, _STATUS_COLUMNS, strict=True):
                record[name] = statuses[status]
                record[f"{name}_pct"] = _percent(statuses[status], orders)
            table.append(record)
        return table

    def response_rates(self) -> dict[str, list[dict[str, object]]]:
        """Return the answered orders and their share per rule and per channel, as data.

        ``{"rules": [{"rule_code", "rule_name", "orders", "completed", "completed_pct"}, …],
        "channels": [{"channel_code", "channel_name", …}, …]}``, for each that occurs.
        """
        rules = [
            (r, self.count(rule=r), self.count(rule=r, status=_M.COMPLETED))
            for r in DistributionRule
        ]
        channels = [
            (c, self.count(channel=c), self.count(channel=c, status=_M.COMPLETED))
            for c in NotificationChannel
        ]
        rates: dict[str, list[dict[str, object]]] = {}
        for kind, found in (("rule", rules), ("channel", channels)):
            rates[f"{kind}s"] = [
                {
                    f"{kind}_code": code.value,
                    f"{kind}_name": code.api_name,
                    "orders": orders,
                    "completed": answered,
                    "completed_pct": _percent(answered, orders),
                }
                for code, orders, answered in found
                if orders
            ]
        return rates

    def to_records(self) -> list[dict[str, object]]:
        """Return one flat row per rule and channel (per group, rule and channel when grouped).

        The keys are stable snake_case names, whatever the language: the grouping columns
        first, then :data:`RECORD_COLUMNS`: ``rule_code``, ``rule_name``, ``channel_code``,
        ``channel_name``, ``orders``, each status's count and share of the orders
        (``ordered`` and ``ordered_pct``, ``completed`` and ``completed_pct`` (the response
        rate), …), and the file's ``skipped`` rows. ``pandas.DataFrame(audit.to_records())``
        is the table.

        >>> from distribution import audit
        >>> rows = [{"DistributionRule": 0, "NotificationChannel": 1, "OrderStatus": s,
        ...          "ErrorCode": 0} for s in (1, 1, 2)]
        >>> record = audit(rows).to_records()[0]
        >>> record["rule_name"], record["channel_name"], record["orders"], record["completed_pct"]
        ('Basic', 'Helsenorge', 3, 66.7)
        """
        parts = [((), self)] if not self.by else [(g.values, g.audit) for g in self.groups]
        return [
            dict(zip(self.by, values, strict=True)) | row | {"skipped": self.skipped}
            for values, part in parts
            for row in part._table()  # noqa: SLF001  # an Audit's own helper
        ]

    def _data(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "skipped": self.skipped,
            "table": self._table(),
            "response_rates": self.response_rates(),
            "errors": [
                {
                    "status_code": s.value,
                    "status_name": s.api_name,
                    "error_code": e.value,
                    "error_name": e.api_name,
                    "orders": n,
                }
                for (s, e), n in self.errors
            ],
            "attention": {kind.value: n for kind, n in self.attention},
        }

    def to_dict(self) -> dict[str, object]:
        """Return the audit as JSON-ready data with stable snake_case keys in every language.

        ``table`` holds the rows of :meth:`to_records` (without the grouping columns and
        ``skipped``), ``response_rates`` those of :meth:`response_rates`; when grouped,
        ``groups`` holds each group's ``values`` and the same parts, its anomalies not listed.
        """
        data = self._data()
        data["anomalies"] = [anomaly.to_dict() for anomaly in self.anomalies]
        data["anomalies_not_shown"] = self.not_shown
        if self.by:
            data["by"] = list(self.by)
            data["groups"] = [
                {"values": dict(zip(self.by, group.values, strict=True))} | group.audit._data()  # noqa: SLF001
                for group in self.groups
            ]
        return data
