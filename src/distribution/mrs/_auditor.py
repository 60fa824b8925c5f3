"""The judge of a datadump's rows and the counters an audit keeps (internal).

One reason to change: which rows cannot be right, and how they are counted. :func:`_judge` is the
one small judge over :data:`_CHECKS` (the cases :mod:`distribution.mrs.audit` describes); nothing
else decides it. :class:`Auditor` keeps the tallies while a reader feeds it rows: one at a time
(:meth:`Auditor.take`), or many of text cells at once (:meth:`Auditor.take_batch`,
:meth:`Auditor.take_text`), which must count exactly what one at a time would; the suite checks
it by comparing :func:`~distribution.audit_table` and :func:`~distribution.audit_csv` with
:func:`~distribution.audit` on generated tables.
"""

from __future__ import annotations

import itertools
from collections import Counter
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from distribution._errors import HIDDEN, DistributionError, InvalidValueError, looks_personal
from distribution._flags import MAX_GROUPS
from distribution._records import plain_columns
from distribution.codes import (
    Code,
    DistributionRule,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
)
from distribution.mrs._findings import (
    _PARSERS,
    COLUMNS,
    Audit,
    AuditAnomaly,
    AuditGroup,
    AuditKind,
    Key,
)
from distribution.mrs.statuses import FAILED, WENT_OUT
from distribution.routes import ROUTES

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

__all__ = ["BATCH", "MEMO_SIZE", "Auditor", "blank"]

_PLAIN_KINDS: Final = frozenset({str, int, float})  # what a CSV reader and a spreadsheet give

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


MEMO_SIZE: Final = 4096
BATCH: Final = 4096  # the rows audit_table counts at once


class _Bad(tuple[str, str]):
    """An unreadable row: the column of its first bad cell, and that cell as shown."""

    __slots__ = ()


Judged = tuple[Key, MrsErrorCode, str | None]
Read = Judged | _Bad


class _Tally:
    """The counters of one audit (the whole datadump, or a group), kept while reading."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.read = 0
        self.counts: Counter[Key] = Counter()
        self.errors: Counter[tuple[MrsOrderStatus, MrsErrorCode]] = Counter()
        self.attention: Counter[AuditKind] = Counter()
        self.anomalies: list[AuditAnomaly] = []

    def add(self, key: Key, error: MrsErrorCode, count: int = 1) -> None:
        self.read += count
        self.counts[key] += count
        if key[2] in FAILED:
            self.errors[key[2], error] += count

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


def blank(row: Mapping[str, object]) -> bool:
    return all(
        (value := row.get(column)) is None or (isinstance(value, str) and not value.strip())
        for column in COLUMNS
    )


def _group_value(value: object) -> str:
    return "" if value is None else str(_cell(value)).strip()


class Auditor:
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
            known = _read_cells(cells)
            if plain and len(self.memo) < MEMO_SIZE:
                self.memo[cells] = known
        anomaly = _anomaly(number, known)
        for tally in tallies:
            if not isinstance(known, _Bad):
                tally.add(known[0], known[1])
            if anomaly is not None:
                tally.flag(anomaly)
        if anomaly is not None and self.on_anomaly is not None:
            self.on_anomaly(anomaly)

    def take_batch(
        self,
        batch: list[Sequence[object]],
        cells: Callable[[Sequence[object]], tuple[object, ...]],
    ) -> bool:
        """Count rows of a table none of which needs attention, each distinct row judged once.

        *cells* takes a row's code cells, then its group cells. ``False``, and nothing counted,
        unless every row is a list or tuple that reaches every column *cells* takes, each of
        those cells text or a number (not a ``bool``), and no row is blank or needs attention:
        the caller then reads the batch row by row.
        """
        found = _distinct(batch, cells)
        return found is not None and self.take_distinct(found)

    def take_text(self, text: str, delimiter: str, width: int, positions: Sequence[int]) -> bool:
        """Count the lines of *text*, CSV without quotes, as :meth:`take_batch` counts rows.

        ``False``, and nothing counted, if a line has not exactly *width* fields (a blank line
        too), or a row needs attention.
        """
        columns = plain_columns(text, delimiter, width, positions)
        return columns is not None and self.take_distinct(Counter(zip(*columns, strict=True)))

    def take_distinct(self, found: Counter[tuple[object, ...]]) -> bool:
        """Count each distinct row of cells (codes, then groups) as often as it came.

        ``False``, and nothing counted, if one is blank or needs attention.
        """
        judged = []
        for key, count in found.items():
            known = self._judged(key[: len(COLUMNS)])
            if known is None:
                return False
            judged.append((known, key[len(COLUMNS) :], count))
        for (codes, error, _), values, count in judged:
            self.whole.add(codes, error, count)
            if self.by:
                self._group(tuple(map(_group_value, values))).add(codes, error, count)
        return True

    def _judged(self, key: tuple[object, ...]) -> Judged | None:
        """Return how a row of text or number cells reads; ``None`` if blank or to be looked at."""
        cells = tuple(map(_cell, key))
        if all(type(c) is str and not c.strip() for c in cells):
            return None
        known = self.memo.get(cells)
        if known is None:
            known = _read_cells(cells)
            if len(self.memo) < MEMO_SIZE:
                self.memo[cells] = known
        return None if isinstance(known, _Bad) or known[2] is not None else known

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


def _read_cells(cells: tuple[object, ...]) -> Read:
    """Return a row's codes and case, or the first cell that is not a code."""
    codes = []
    for parser, cell, column in zip(_PARSERS, cells, COLUMNS, strict=True):
        try:
            codes.append(parser.parse(cell))
        except DistributionError:
            return _Bad((column, _shown(cell)))
    row: Row = tuple(codes)  # type: ignore[assignment]  # the four parsers' codes, in order
    return row[:3], row[3], _judge(row)


_LONGEST_INT = 64  # bits: a longer int is shown hidden, never turned into its digits


def _shown(cell: object) -> str:
    """Return an unreadable cell as it may be shown: shortened, personal data hidden."""
    if type(cell) is int and cell.bit_length() > _LONGEST_INT:
        return HIDDEN  # str() refuses 4,300 digits and more; twenty already look like an ID
    try:
        text = "" if cell is None else cell if isinstance(cell, str) else str(cell)
    except Exception:  # noqa: BLE001  # a caller's own __str__ may raise anything
        return f"<{type(cell).__qualname__}>"
    if looks_personal(text):  # a national ID or an e-mail address in the wrong column
        return HIDDEN
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _distinct(
    batch: list[Sequence[object]], cells: Callable[[Sequence[object]], tuple[object, ...]]
) -> Counter[tuple[object, ...]] | None:
    """Return how many rows of *batch* have each tuple of *cells*, if all are text or numbers.

    ``None`` if a row is not a list or tuple, is shorter than the header, or has a cell of
    another type: one that equals a cell that reads differently would be counted with it
    (``True == 1``), while ``1 == 1.0`` read alike.
    """
    if not set(map(type, batch)) <= {list, tuple}:
        return None
    try:
        keys = list(map(cells, batch))
    except IndexError:  # a row shorter than the header
        return None
    if not set(map(type, itertools.chain.from_iterable(keys))) <= _PLAIN_KINDS:
        return None
    return Counter(keys)
