"""The audit of MRS's datadump: counts per rule, channel and status, and rows that cannot be right.

Rule 1: which datadump rows cannot be right is one small judge, :func:`_judge`, over the cases
below; nothing else decides it. What MRS's statuses mean (and which stand for ePROM's) is
:mod:`distribution.mrs.statuses`'. A flagged row says itself (:meth:`AuditAnomaly.describe`);
the report in words is :func:`~distribution.explain_audit`.

MRS, Hemit's register platform, keeps its own list of PROMS orders and lets a register download
it as an Excel "datadump" (``docs/sources.md`` §9). :func:`audit` reads its columns
``DistributionRule``, ``NotificationChannel``, ``OrderStatus`` and ``ErrorCode`` and nothing else
(never the one-time ``Code``). A row is flagged, in this order:

- ``NOT_PERMITTED``: a channel other than 0 that the row's rule never uses (``routes.ROUTES``;
  under NoDistribution, any channel).
- ``INCONSISTENT``: a status that contradicts the channel or error code. MRS says channel 0 is
  "engangskode eller feilet bestilling", so Feilet or Mottaker ikke nådd with a channel
  (``failed_with_channel``), Ikke bestilt with a channel (``not_ordered_with_channel``), and
  Bestilt, Besvart or Utgått with channel 0 under a rule that notifies (``silent``) contradict
  it; Feilet with error 0 "ingen feil" (``failed_without_error``) and Bestilt, Besvart or
  Utgått with an error code (``error_without_failure``) contradict themselves.
- ``SHOULD_NOT_HAPPEN``: an error code MRS marks "bør ikke skje" (1, 4, 5 and 7).

>>> result = audit([{"DistributionRule": 0, "NotificationChannel": 3, "OrderStatus": 0,
...                  "ErrorCode": 0}])
>>> [(a.row, a.kind.value, a.case) for a in result.anomalies]
[(2, 'NOT_PERMITTED', 'outside_route')]
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypedDict, TypeVar, final

import attrs

from distribution._errors import (
    DistributionError,
    InvalidValueError,
    check_lang,
    exactly,
    nearest,
    wrong_type,
)
from distribution._nested import found_at
from distribution.codes import (
    Code,
    DistributionRule,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
)
from distribution.mrs._texts import AUDIT_ANOMALY
from distribution.mrs.statuses import FAILED, WENT_OUT
from distribution.routes import ROUTES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from distribution._texts import Lang

__all__ = ["COLUMNS", "Audit", "AuditAnomaly", "AuditKind", "audit", "datadump_rows"]

_M = MrsOrderStatus
_E = MrsErrorCode
_NONE = NotificationChannel.NONE

C = TypeVar("C", bound=Code)
COLUMNS: Final = ("DistributionRule", "NotificationChannel", "OrderStatus", "ErrorCode")
"""The datadump's columns the audit reads; every other column is ignored."""


class AuditKind(enum.Enum):
    """Why a datadump row needs attention. Values are stable identifiers."""

    NOT_PERMITTED = "NOT_PERMITTED"
    """The row's channel is one its rule never uses."""
    INCONSISTENT = "INCONSISTENT"
    """The row's status contradicts its channel or its error code."""
    SHOULD_NOT_HAPPEN = "SHOULD_NOT_HAPPEN"
    """The row's error code is one MRS marks "bør ikke skje": report it to Hemit."""


_CASES: Final[Mapping[str, AuditKind]] = MappingProxyType(
    {
        "outside_route": AuditKind.NOT_PERMITTED,
        "failed_with_channel": AuditKind.INCONSISTENT,
        "not_ordered_with_channel": AuditKind.INCONSISTENT,
        "silent": AuditKind.INCONSISTENT,
        "failed_without_error": AuditKind.INCONSISTENT,
        "error_without_failure": AuditKind.INCONSISTENT,
        "should_not_happen": AuditKind.SHOULD_NOT_HAPPEN,
    }
)
"""Every case a row can be flagged for, and its kind; the texts are ``AUDIT_ANOMALY["case_…"]``."""


Row = tuple[DistributionRule, NotificationChannel, MrsOrderStatus, MrsErrorCode]

# The cases in the order they are asked: each a case and when a row (rule, channel, status,
# error) is in it. The first that holds is the row's case; NOT_PERMITTED comes first.
_CHECKS: Final[tuple[tuple[str, Callable[[Row], bool]], ...]] = (
    ("outside_route", lambda r: r[1] is not _NONE and r[1] not in ROUTES[r[0]]),
    ("failed_with_channel", lambda r: r[2] in FAILED and r[1] is not _NONE),
    ("not_ordered_with_channel", lambda r: r[2] is _M.NOT_ORDERED and r[1] is not _NONE),
    ("silent", lambda r: r[2] in WENT_OUT and r[1] is _NONE and bool(ROUTES[r[0]])),
    ("failed_without_error", lambda r: r[2] is _M.FAILED and r[3] is _E.NONE),
    ("error_without_failure", lambda r: r[2] in WENT_OUT and r[3] is not _E.NONE),
    ("should_not_happen", lambda r: r[3].should_not_happen),
)


def _judge(row: Row) -> str | None:
    """Return the case of a row, or ``None`` when nothing about it needs attention."""
    return next((case for case, holds in _CHECKS if holds(row)), None)


class AuditAnomalyDict(TypedDict):
    """An anomaly on the wire (``audit --json``): the row's codes as the datadump has them."""

    row: int
    kind: str
    case: str
    rule: int
    channel: int
    status: int
    error: int


@final
@attrs.frozen(kw_only=True)
class AuditAnomaly:
    """One datadump row that needs attention.

    Attributes:
        row: the row number as a spreadsheet shows it (the header is row 1).
        kind: the :class:`AuditKind`.
        case: the finer case, a stable identifier (``"outside_route"``, ``"silent"``, …).
        rule, channel, status, error_code: the row's codes.
    """

    row: int = attrs.field(validator=exactly(int))
    kind: AuditKind = attrs.field(validator=exactly(AuditKind))
    case: str = attrs.field(validator=exactly(str))
    rule: DistributionRule = attrs.field(validator=exactly(DistributionRule))
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))
    status: MrsOrderStatus = attrs.field(validator=exactly(MrsOrderStatus))
    error_code: MrsErrorCode = attrs.field(validator=exactly(MrsErrorCode))

    def to_dict(self) -> AuditAnomalyDict:
        """Return the anomaly as JSON-ready data, the codes as numbers."""
        return {
            "row": self.row,
            "kind": self.kind.value,
            "case": self.case,
            "rule": self.rule.value,
            "channel": self.channel.value,
            "status": self.status.value,
            "error": self.error_code.value,
        }

    def describe(self, *, lang: Lang = "en") -> str:
        """Return the row, its kind and why, in one line in *lang*."""
        say = AUDIT_ANOMALY[check_lang(lang)]
        text = say[f"case_{self.case}"].format(
            rule=f"{self.rule.value} {self.rule.api_name}",
            channel=f"{self.channel.value} {self.channel.api_name}",
            status=f"{self.status.value} {self.status.api_name}",
            error=f"{self.error_code.value} {self.error_code.api_name}",
        )
        return say["anomaly"].format(row=self.row, kind=self.kind.value, text=text)


Key = tuple[DistributionRule, NotificationChannel, MrsOrderStatus]


@final
@attrs.frozen(kw_only=True)
class Audit:
    """What :func:`audit` found in a datadump: counts, the error codes behind failures, anomalies.

    Attributes:
        rows: the number of rows read (blank rows are not counted).
        counts: ``((rule, channel, status), n)`` for every combination that occurs, in code order.
        errors: ``((status, error_code), n)`` for every Feilet and Mottaker ikke nådd row.
        anomalies: the first rows that need attention (at most the audit's limit).
        attention: ``(kind, n)`` for every :class:`AuditKind`: all such rows, shown or not.
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

    @property
    def needs_attention(self) -> bool:
        """Whether any row needs attention."""
        return any(n for _, n in self.attention)

    @property
    def not_shown(self) -> int:
        """How many rows that need attention are counted but not in :attr:`anomalies`."""
        return sum(n for _, n in self.attention) - len(self.anomalies)

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

    def to_dict(self) -> dict[str, object]:
        """Return the audit as JSON-ready data; codes as the datadump's numbers."""
        return {
            "rows": self.rows,
            "counts": [
                {"rule": r.value, "channel": c.value, "status": s.value, "rows": n}
                for (r, c, s), n in self.counts
            ],
            "errors": [
                {"status": s.value, "error": e.value, "rows": n} for (s, e), n in self.errors
            ],
            "attention": {kind.value: n for kind, n in self.attention},
            "anomalies": [anomaly.to_dict() for anomaly in self.anomalies],
            "anomalies_not_shown": self.not_shown,
        }


_PARSERS: Final = (DistributionRule, NotificationChannel, MrsOrderStatus, MrsErrorCode)
_MEMO_SIZE: Final = 4096


def _cell(value: object) -> object:
    # Excel stores numbers as floats; a whole one is the code it shows.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _blank(row: Mapping[str, object]) -> bool:
    return all(
        (value := row.get(column)) is None or (isinstance(value, str) and not value.strip())
        for column in COLUMNS
    )


def audit(
    rows: Iterable[Mapping[str, object]],
    *,
    name: str = "datadump",
    first_row: int = 2,
    limit: int = 100,
) -> Audit:
    """Audit MRS's datadump of PROMS orders (``docs/sources.md`` §9); see the module docstring.

    *rows* holds one mapping per row, column name to cell value as read from the file (a code
    as an ``int``, a whole ``float`` or text; MRS's word also does). Only :data:`COLUMNS` are
    read. Rows are numbered from *first_row* (2: the header is row 1), blank rows are skipped
    but counted in the numbering. It streams: it keeps only counters and the first *limit*
    anomalies, counting the rest. A bad row raises the library's error naming *name*, the row
    and the column.
    """
    if type(limit) is not int:
        raise wrong_type(limit, field="limit", expected="an integer")
    counts: Counter[Key] = Counter()
    errors: Counter[tuple[MrsOrderStatus, MrsErrorCode]] = Counter()
    attention: Counter[AuditKind] = Counter()
    anomalies: list[AuditAnomaly] = []
    memo: dict[tuple[object, ...], tuple[Key, MrsErrorCode, str | None]] = {}
    read = 0
    for number, row in enumerate(rows, start=first_row):
        if not isinstance(row, Mapping):
            raise found_at(
                wrong_type(row, field="row", expected="a mapping"),
                "bad_row",
                field=name,
                row=number,
                column="",
            )
        if _blank(row):
            continue
        cells = tuple(_cell(row.get(column)) for column in COLUMNS)
        known = memo.get(cells) if all(type(c) in {int, str} for c in cells) else None
        if known is None:
            known = _read(cells, name, number)
            if len(memo) < _MEMO_SIZE and all(type(c) in {int, str} for c in cells):
                memo[cells] = known
        key, error, case = known
        read += 1
        counts[key] += 1
        if key[2] in FAILED:
            errors[key[2], error] += 1
        if case is not None:
            kind = _CASES[case]
            attention[kind] += 1
            if len(anomalies) < limit:
                rule, channel, status = key
                anomalies.append(
                    AuditAnomaly(
                        row=number,
                        kind=kind,
                        case=case,
                        rule=rule,
                        channel=channel,
                        status=status,
                        error_code=error,
                    )
                )
    return Audit(
        rows=read,
        counts=tuple(sorted(counts.items(), key=lambda item: tuple(k.value for k in item[0]))),
        errors=tuple(sorted(errors.items(), key=lambda item: tuple(k.value for k in item[0]))),
        anomalies=tuple(anomalies),
        attention=tuple((kind, attention[kind]) for kind in AuditKind),
    )


def _read(
    cells: tuple[object, ...], name: str, number: int
) -> tuple[Key, MrsErrorCode, str | None]:
    row = (
        _parse(DistributionRule, cells[0], name, number, COLUMNS[0]),
        _parse(NotificationChannel, cells[1], name, number, COLUMNS[1]),
        _parse(MrsOrderStatus, cells[2], name, number, COLUMNS[2]),
        _parse(MrsErrorCode, cells[3], name, number, COLUMNS[3]),
    )
    return row[:3], row[3], _judge(row)


def _parse(cls: type[C], cell: object, name: str, number: int, column: str) -> C:
    try:
        return cls.parse(cell)
    except DistributionError as error:
        raise found_at(error, "bad_row", field=name, row=number, column=column) from None


def datadump_rows(
    table: Iterable[Sequence[object]], *, name: str = "datadump"
) -> Iterator[dict[str, object]]:
    """Yield the rows of a table whose first row is the header, as mappings of :data:`COLUMNS`.

    The header's names are matched ignoring letter case, spaces and a byte-order mark; the
    other columns (``Id``, ``Code``, …) are dropped here, so their cells never go further. A
    header without one of :data:`COLUMNS` raises the library's error naming the column and
    the nearest name the header has.
    """
    rows = iter(table)
    header = next(rows, None)
    if header is None:
        raise InvalidValueError("csv_no_header", value=None, field=name, choices=COLUMNS)
    names = ["" if cell is None else str(cell).lstrip("\ufeff").strip() for cell in header]
    folded = ["".join(n.split()).lower() for n in names]
    positions = []
    for column in COLUMNS:
        if column.lower() not in folded:
            raise InvalidValueError(
                "missing_column",
                value=column,
                field=name,
                choices=COLUMNS,
                suggestion=nearest(column, [n for n in names if n]),
            )
        positions.append(folded.index(column.lower()))
    for row in rows:
        yield {
            column: row[position] if position < len(row) else None
            for column, position in zip(COLUMNS, positions, strict=True)
        }
