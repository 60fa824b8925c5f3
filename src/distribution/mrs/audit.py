"""The audit of MRS's datadump: counts per rule, channel and status, and rows that cannot be right.

Rule 1: how a datadump is read for its audit lives here: as rows (:func:`audit`), as a table
with its header (:func:`audit_table`, :func:`datadump_rows`) and as CSV text
(:func:`audit_csv`). Which rows cannot be right is one small judge over the cases below, in
:mod:`distribution.mrs._auditor`; nothing else decides it. What MRS's statuses mean (and which
stand for ePROM's) is :mod:`distribution.mrs.statuses`. A flagged row says itself
(:meth:`AuditAnomaly.describe`); the report in words is :func:`~distribution.explain_audit`.

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

import csv
import io
import itertools
import operator
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from distribution._errors import InvalidValueError, nearest, wrong_type
from distribution._nested import found_at
from distribution._records import BLOCK as BLOCK_SIZE
from distribution._records import RECORD_LIMIT, RecordTooLongError, chunks, sniff_delimiter
from distribution.mrs._auditor import BATCH, Auditor, blank
from distribution.mrs._findings import (
    ANOMALY_COLUMNS,
    COLUMNS,
    RECORD_COLUMNS,
    Audit,
    AuditAnomaly,
    AuditGroup,
    AuditKind,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from distribution._records import LineReadable

__all__ = [
    "ANOMALY_COLUMNS",
    "COLUMNS",
    "RECORD_COLUMNS",
    "Audit",
    "AuditAnomaly",
    "AuditGroup",
    "AuditKind",
    "audit",
    "audit_csv",
    "audit_table",
    "datadump_rows",
]


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
    auditor = Auditor(name, limit, _groups(limit, by), on_anomaly)
    for number, row in enumerate(rows, start=first_row):
        if not isinstance(row, Mapping):
            raise found_at(
                wrong_type(row, field="row", expected="a mapping"),
                "bad_row",
                field=name,
                row=number,
            )
        if not blank(row):
            auditor.take(number, row)
    return auditor.audit()


def _groups(limit: object, by: Iterable[str]) -> tuple[str, ...]:
    """Return the columns to group by, once *limit* and *by* are of the types the readers take."""
    if type(limit) is not int:
        raise wrong_type(limit, field="limit", expected="an integer")
    if isinstance(by, str):
        raise wrong_type(by, field="by", expected="a list")
    return tuple(by)


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
    wanted = (*COLUMNS, *by)
    positions = _positions(next(rows, None), wanted, name)
    for number, given in enumerate(rows, start=2):
        row = _cells(given, number, name)
        yield {
            column: row[position] if position < len(row) else None
            for column, position in zip(wanted, positions, strict=True)
        }


def _positions(header: Sequence[object] | None, wanted: tuple[str, ...], name: str) -> list[int]:
    """Return where each *wanted* column is in *header*, or raise naming one missing or repeated.

    The header's names are matched ignoring letter case, spaces and a byte-order mark.
    """
    if header is None:
        raise InvalidValueError("csv_no_header", value=None, field=name, choices=COLUMNS)
    names = ["" if cell is None else str(cell).lstrip("\ufeff").strip() for cell in header]
    folded = ["".join(n.split()).lower() for n in names]
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
        found = [i for i, fold in enumerate(folded) if fold == key]
        if len(found) > 1:  # which one holds the data is a guess: refuse rather than pick
            shown = " / ".join(names[i] for i in found)
            raise InvalidValueError("csv_duplicate_column", value=shown, field=name)
        positions.append(found[0])
    return positions


def audit_table(
    table: Iterable[Sequence[object]],
    *,
    name: str = "datadump",
    limit: int = 100,
    by: Iterable[str] = (),
    on_anomaly: Callable[[AuditAnomaly], object] | None = None,
) -> Audit:
    """Audit a datadump given as a table whose first row is the header, as a CSV reader gives it.

    The same as ``audit(datadump_rows(table, name=name, by=by), name=name, limit=limit, by=by,
    on_anomaly=on_anomaly)``, row numbers and anomalies included, and faster on text cells (a
    CSV file's): it counts a few thousand rows at a time, judging each distinct row once. A
    batch with a row that needs attention, a blank row, a row shorter than the header or a
    cell that is not text is read row by row, as :func:`audit` reads it.

    >>> table = [["Id", "DistributionRule", "NotificationChannel", "OrderStatus", "ErrorCode"],
    ...          ["1", "3", "4", "1", "0"], ["2", "0", "3", "0", "0"]]
    >>> result = audit_table(table)
    >>> result.rows, [(a.row, a.case) for a in result.anomalies]
    (2, [(3, 'outside_route')])
    """
    by = _groups(limit, by)
    rows = iter(table)
    wanted = (*COLUMNS, *by)
    positions = _positions(next(rows, None), wanted, name)
    auditor = Auditor(name, limit, by, on_anomaly)
    _take_rows(auditor, rows, 2, wanted, positions)
    return auditor.audit()


def _cells(row: object, number: int, name: str) -> Sequence[object]:
    """Return a row of a table, if it is a list of cells (a text is not one: its letters)."""
    if isinstance(row, str | bytes) or not isinstance(row, Sequence):
        raise found_at(
            wrong_type(row, field="row", expected="a list of cells"),
            "bad_row",
            field=name,
            row=number,
        )
    return row


def _take_row(
    auditor: Auditor, number: int, given: object, wanted: tuple[str, ...], positions: list[int]
) -> None:
    """Audit one row of a table, as :func:`audit` audits it from :func:`datadump_rows`."""
    row = _cells(given, number, auditor.name)
    mapped = {
        column: row[position] if position < len(row) else None
        for column, position in zip(wanted, positions, strict=True)
    }
    if not blank(mapped):
        auditor.take(number, mapped)


def audit_csv(  # noqa: PLR0913  # the options are keyword-only
    source: LineReadable,
    *,
    name: str = "datadump",
    delimiter: str | None = None,
    limit: int = 100,
    by: Iterable[str] = (),
    on_anomaly: Callable[[AuditAnomaly], object] | None = None,
    progress: Callable[[int], object] | None = None,
    max_row: int = RECORD_LIMIT,
) -> Audit:
    r"""Audit a datadump exported as CSV, from a text stream (a file opened with ``newline=""``).

    The same as :func:`audit_table` over ``csv.reader(source, delimiter=delimiter)``, row
    numbers and anomalies included, and faster: the text is read a chunk of whole lines at a
    time, and a chunk without quotes is split into its fields in C, each distinct row judged
    once. From the first quote on, the rest is read by the csv module, as one text. The
    *delimiter*, unless given, is ``;`` when the header has more of them than of ``,``.
    *progress*, if given, is called with the characters read so far after each read.

    A row longer than *max_row* characters (a mebibyte unless given), or a field longer than the
    csv module's limit, raises :class:`~distribution.errors.InvalidValueError` naming its line;
    nothing much longer is held in memory.

    >>> result = audit_csv(io.StringIO("Id;DistributionRule;NotificationChannel;OrderStatus;"
    ...                                "ErrorCode\n1;3;4;1;0\n2;0;3;0;0\n"))
    >>> result.rows, [(a.row, a.case) for a in result.anomalies]
    (2, [(3, 'outside_route')])
    """
    by = _groups(limit, by)
    if type(max_row) is not int:
        raise wrong_type(max_row, field="max_row", expected="an integer")
    if max_row < 1:
        raise InvalidValueError("not_positive", value=max_row, field="max_row")
    head = source.readline(max_row + 2)  # a line break of two characters after max_row
    if not isinstance(head, str):  # a file opened in binary mode gives bytes
        raise wrong_type(head, field="source", expected="a text stream")
    if not head:
        raise InvalidValueError("csv_no_header", value=None, field=name, choices=COLUMNS)
    if len(head.rstrip("\r\n")) > max_row:
        raise InvalidValueError("line_too_long", value=None, field=name, line=1, limit=max_row)
    delimiter = delimiter or sniff_delimiter(head)
    texts = chunks(
        source,
        first_line=2,
        progress=progress,
        read=len(head),
        block=min(BLOCK_SIZE, max_row),  # no whole row longer than max_row in a block either
        limit=max_row,
    )
    try:
        if '"' in head or not head.endswith(("\n", "\r")):
            # A quoted header, or a file of one line: all of it by the csv module.
            rows = _csv_rows(itertools.chain((head,), _lines(texts)), delimiter, name, 0)
            return audit_table(rows, name=name, limit=limit, by=by, on_anomaly=on_anomaly)
        header = next(csv.reader([head], delimiter=delimiter), [])
        wanted = (*COLUMNS, *by)
        auditor = Auditor(name, limit, by, on_anomaly)
        _take_texts(
            auditor, texts, delimiter, len(header), wanted, _positions(header, wanted, name)
        )
        return auditor.audit()
    except RecordTooLongError as error:
        raise InvalidValueError(
            "row_too_long", value=None, field=name, line=error.line, limit=max_row
        ) from None


def _take_texts(  # noqa: PLR0913, PLR0917  # one step of audit_csv, called from one place
    auditor: Auditor,
    texts: Iterator[tuple[str, int, bool]],
    delimiter: str,
    width: int,
    wanted: tuple[str, ...],
    positions: list[int],
) -> None:
    """Audit the chunks of text after the header: each without quotes at once, if it can be."""
    number = 2
    for text, line, last in texts:
        plain = text.replace("\r\n", "\n") if "\r\n" in text else text
        if last or '"' in plain or "\r" in plain or "\x00" in plain:
            # The rest by the csv module, which keeps quoted fields whole across lines.
            lines = itertools.chain(io.StringIO(text, newline=""), _lines(texts))
            rows = _csv_rows(lines, delimiter, auditor.name, line - 1)
            _take_rows(auditor, rows, number, wanted, positions)
            return
        # A field over the csv module's limit is an error there: only a chunk longer than the
        # limit can hold one, and it is read by the csv module.
        short = len(plain) <= csv.field_size_limit()
        if not (short and auditor.take_text(plain, delimiter, width, positions)):
            rows = _csv_rows(io.StringIO(plain, newline=""), delimiter, auditor.name, line - 1)
            _take_rows(auditor, rows, number, wanted, positions)
        number += plain.count("\n")


def _lines(texts: Iterator[tuple[str, int, bool]]) -> Iterator[str]:
    """Yield the lines of chunks of text, as a file opened with ``newline=""`` gives them."""
    for text, _, _ in texts:
        yield from io.StringIO(text, newline="")


def _csv_rows(lines: Iterable[str], delimiter: str, name: str, offset: int) -> Iterator[list[str]]:
    """Yield the rows the csv module reads from *lines*, which begin after line *offset*.

    A field longer than the csv module takes raises the library's error naming its line.
    """
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as error:
        if not str(error).startswith("field larger than field limit"):
            raise  # no other case is known on Python 3.11 and later
        raise InvalidValueError(
            "field_too_long",
            value=None,
            field=name,
            line=offset + reader.line_num,
            limit=csv.field_size_limit(),
        ) from None


def _take_rows(
    auditor: Auditor,
    rows: Iterator[Sequence[object]],
    number: int,
    wanted: tuple[str, ...],
    positions: list[int],
) -> int:
    """Audit *rows*, numbered from *number*, a batch at a time; return the next row's number."""
    cells = operator.itemgetter(*positions)
    while batch := list(itertools.islice(rows, BATCH)):
        if not auditor.take_batch(batch, cells):
            for offset, row in enumerate(batch):
                _take_row(auditor, number + offset, row, wanted, positions)
        number += len(batch)
    return number
