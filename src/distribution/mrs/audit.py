"""The audit of MRS's datadump: counts per rule, channel and status, and rows that cannot be right.

Rule 1: which datadump rows cannot be right is one small judge, :func:`_judge`, over the cases
below; nothing else decides it. What MRS's statuses mean (and which stand for ePROM's) is
:mod:`distribution.mrs.statuses`'. A flagged row says itself (:meth:`AuditAnomaly.describe`);
the report in words is :func:`~distribution.explain_audit`.

MRS, Hemit's register platform, keeps its own list of PROMS orders and lets a register download
it as an Excel "datadump" (``docs/sources.md`` §9). :func:`audit` reads its columns
``DistributionRule``, ``NotificationChannel``, ``OrderStatus`` and ``ErrorCode`` (and the
columns it is asked to group by) and nothing else (never the one-time ``Code``). A row is
flagged, in this order:

- ``UNREADABLE``: a cell that is not one of MRS's codes (``bad_value``). The row is skipped:
  counted in :attr:`Audit.skipped`, in no other count.
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

from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from distribution._errors import (
    HIDDEN,
    DistributionError,
    InvalidValueError,
    looks_personal,
    nearest,
    wrong_type,
)
from distribution._flags import MAX_GROUPS
from distribution._nested import found_at
from distribution.codes import (
    Code,
    DistributionRule,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
)
from distribution.mrs._findings import (
    _PARSERS,
    ANOMALY_COLUMNS,
    COLUMNS,
    RECORD_COLUMNS,
    Audit,
    AuditAnomaly,
    AuditGroup,
    AuditKind,
    Key,
)
from distribution.mrs.statuses import FAILED, WENT_OUT
from distribution.routes import ROUTES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

__all__ = [
    "ANOMALY_COLUMNS",
    "COLUMNS",
    "RECORD_COLUMNS",
    "Audit",
    "AuditAnomaly",
    "AuditGroup",
    "AuditKind",
    "audit",
    "datadump_rows",
]

_M = MrsOrderStatus
_E = MrsErrorCode
_NONE = NotificationChannel.NONE
_SHOWN: Final = 20  # the longest unreadable cell shown whole

_CASES: Final[Mapping[str, AuditKind]] = MappingProxyType(
    {
        "outside_route": AuditKind.NOT_PERMITTED,
        "failed_with_channel": AuditKind.INCONSISTENT,
        "not_ordered_with_channel": AuditKind.INCONSISTENT,
        "silent": AuditKind.INCONSISTENT,
        "failed_without_error": AuditKind.INCONSISTENT,
        "error_without_failure": AuditKind.INCONSISTENT,
        "should_not_happen": AuditKind.SHOULD_NOT_HAPPEN,
        "bad_value": AuditKind.UNREADABLE,
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


_MEMO_SIZE: Final = 4096


class _Bad(tuple[str, str]):
    """An unreadable row: the column of its first bad cell, and that cell as shown."""

    __slots__ = ()


Read = tuple[Key, MrsErrorCode, str | None] | _Bad


class _Tally:
    """The counters of one audit (the whole datadump, or a group), kept while reading."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.read = 0
        self.counts: Counter[Key] = Counter()
        self.errors: Counter[tuple[MrsOrderStatus, MrsErrorCode]] = Counter()
        self.attention: Counter[AuditKind] = Counter()
        self.anomalies: list[AuditAnomaly] = []

    def add(self, key: Key, error: MrsErrorCode) -> None:
        self.read += 1
        self.counts[key] += 1
        if key[2] in FAILED:
            self.errors[key[2], error] += 1

    def flag(self, anomaly: AuditAnomaly) -> None:
        self.attention[anomaly.kind] += 1
        if len(self.anomalies) < self.limit:
            self.anomalies.append(anomaly)

    def audit(self, by: tuple[str, ...] = (), groups: tuple[AuditGroup, ...] = ()) -> Audit:
        return Audit(
            rows=self.read,
            counts=tuple(sorted(self.counts.items(), key=lambda item: _codes(item[0]))),
            errors=tuple(sorted(self.errors.items(), key=lambda item: _codes(item[0]))),
            anomalies=tuple(self.anomalies),
            attention=tuple((kind, self.attention[kind]) for kind in AuditKind),
            by=by,
            groups=groups,
        )


def _codes(key: tuple[Code, ...]) -> tuple[int, ...]:
    return tuple(code.value for code in key)


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


def _group_value(value: object) -> str:
    return "" if value is None else str(_cell(value)).strip()


def audit(  # noqa: PLR0913  # the options are keyword-only
    rows: Iterable[Mapping[str, object]],
    *,
    name: str = "datadump",
    first_row: int = 2,
    limit: int = 100,
    by: Iterable[str] = (),
    on_anomaly: Callable[[AuditAnomaly], object] | None = None,
) -> Audit:
    """Audit MRS's datadump of PROMS orders (``docs/sources.md`` §9); see the module docstring.

    *rows* holds one mapping per row, column name to cell value as read from the file (a code
    as an ``int``, a whole ``float`` or text; MRS's word also does). Only :data:`COLUMNS` and
    the columns *by* names are read. Rows are numbered from *first_row* (2: the header is row
    1); blank rows are skipped but counted in the numbering. A row with a cell that is not a
    code is an ``UNREADABLE`` anomaly, skipped (:attr:`Audit.skipped`), and the audit goes on.

    It streams: it keeps only counters and the first *limit* anomalies, counting the rest;
    *on_anomaly*, if given, is called with every anomaly, in row order, as it is found. *by*
    names columns to audit each group of their values apart as well (:attr:`Audit.groups`),
    at most 1,000 groups.
    """
    if type(limit) is not int:
        raise wrong_type(limit, field="limit", expected="an integer")
    if isinstance(by, str):
        raise wrong_type(by, field="by", expected="a list")
    auditor = _Auditor(name, limit, tuple(by), on_anomaly)
    for number, row in enumerate(rows, start=first_row):
        if not isinstance(row, Mapping):
            raise found_at(
                wrong_type(row, field="row", expected="a mapping"),
                "bad_row",
                field=name,
                row=number,
                column="",
            )
        if not _blank(row):
            auditor.take(number, row)
    return auditor.audit()


class _Auditor:
    """What :func:`audit` keeps while it reads: the tallies, and the rows already judged."""

    def __init__(
        self,
        name: str,
        limit: int,
        by: tuple[str, ...],
        on_anomaly: Callable[[AuditAnomaly], object] | None,
    ) -> None:
        self.name, self.limit, self.by, self.on_anomaly = name, limit, by, on_anomaly
        self.whole = _Tally(limit)
        self.groups: dict[tuple[str, ...], _Tally] = {}
        self.memo: dict[tuple[object, ...], Read] = {}

    def take(self, number: int, row: Mapping[str, object]) -> None:
        """Count and judge one row that is not blank."""
        tallies = [self.whole]
        if self.by:
            tallies.append(self._group(_values(row, self.by, self.name)))
        cells = tuple(_cell(row.get(column)) for column in COLUMNS)
        plain = all(type(c) in {int, str} for c in cells)
        known = self.memo.get(cells) if plain else None
        if known is None:
            known = _read(cells)
            if plain and len(self.memo) < _MEMO_SIZE:
                self.memo[cells] = known
        anomaly = _anomaly(number, known)
        for tally in tallies:
            if not isinstance(known, _Bad):
                tally.add(known[0], known[1])
            if anomaly is not None:
                tally.flag(anomaly)
        if anomaly is not None and self.on_anomaly is not None:
            self.on_anomaly(anomaly)

    def _group(self, values: tuple[str, ...]) -> _Tally:
        tally = self.groups.get(values)
        if tally is None:
            if len(self.groups) >= MAX_GROUPS:
                raise InvalidValueError(
                    "csv_too_many_groups", value=self.by, field=self.name, limit=MAX_GROUPS
                )
            tally = self.groups[values] = _Tally(self.limit)
        return tally

    def audit(self) -> Audit:
        groups = sorted(self.groups.items())
        return self.whole.audit(
            self.by, tuple(AuditGroup(values=v, audit=t.audit()) for v, t in groups)
        )


def _values(row: Mapping[str, object], columns: tuple[str, ...], name: str) -> tuple[str, ...]:
    missing = next((column for column in columns if column not in row), None)
    if missing is not None:
        raise InvalidValueError(
            "csv_no_column", value=missing, field=name, choices=tuple(map(str, row))
        )
    return tuple(_group_value(row[column]) for column in columns)


def _anomaly(number: int, known: Read) -> AuditAnomaly | None:
    """Return the anomaly a row read as *known* is, or ``None`` if it needs no attention."""
    if isinstance(known, _Bad):
        column, value = known
        return AuditAnomaly(
            row=number,
            kind=AuditKind.UNREADABLE,
            case="bad_value",
            rule=None,
            channel=None,
            status=None,
            error_code=None,
            column=column,
            value=value,
        )
    (rule, channel, status), error, case = known
    if case is None:
        return None
    return AuditAnomaly(
        row=number,
        kind=_CASES[case],
        case=case,
        rule=rule,
        channel=channel,
        status=status,
        error_code=error,
    )


def _read(cells: tuple[object, ...]) -> Read:
    """Return a row's codes and case, or the first cell that is not a code."""
    codes = []
    for parser, cell, column in zip(_PARSERS, cells, COLUMNS, strict=True):
        try:
            codes.append(parser.parse(cell))
        except DistributionError:
            return _Bad((column, _shown(cell)))
    row: Row = tuple(codes)  # type: ignore[assignment]  # the four parsers' codes, in order
    return row[:3], row[3], _judge(row)


def _shown(cell: object) -> str:
    """Return an unreadable cell as it may be shown: shortened, personal data hidden."""
    text = "" if cell is None else cell if isinstance(cell, str) else str(cell)
    if looks_personal(text):  # a national ID or an e-mail address in the wrong column
        return HIDDEN
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def datadump_rows(
    table: Iterable[Sequence[object]], *, name: str = "datadump", by: Iterable[str] = ()
) -> Iterator[dict[str, object]]:
    """Yield the rows of a table whose first row is the header, as mappings of :data:`COLUMNS`.

    The header's names are matched ignoring letter case, spaces and a byte-order mark; the
    other columns (``Id``, ``Code``, …) are dropped here, so their cells never go further,
    except those *by* names (to group by), which are kept under the names given. A header
    without one of them raises the library's error naming the column and the nearest name
    the header has.
    """
    if isinstance(by, str):
        raise wrong_type(by, field="by", expected="a list")
    rows = iter(table)
    header = next(rows, None)
    if header is None:
        raise InvalidValueError("csv_no_header", value=None, field=name, choices=COLUMNS)
    names = ["" if cell is None else str(cell).lstrip("\ufeff").strip() for cell in header]
    folded = ["".join(n.split()).lower() for n in names]
    wanted = (*COLUMNS, *by)
    positions = []
    for column in wanted:
        key = "".join(column.split()).lower()
        if key not in folded:
            raise InvalidValueError(
                "missing_column" if column in COLUMNS else "csv_no_column",
                value=column,
                field=name,
                choices=COLUMNS if column in COLUMNS else tuple(n for n in names if n),
                suggestion=nearest(column, [n for n in names if n]),
            )
        positions.append(folded.index(key))
    for row in rows:
        yield {
            column: row[position] if position < len(row) else None
            for column, position in zip(wanted, positions, strict=True)
        }
