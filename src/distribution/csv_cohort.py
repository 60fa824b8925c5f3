r"""A cohort read from CSV as registries export it: the header, the flags, missing values.

One reason to change: what a cohort file may look like (a spelling of yes or no, a column name,
a missing value, a dialect a database or a spreadsheet writes). :class:`CsvCohort` streams the
file; :meth:`CsvCohort.grouped_counts` counts it a large chunk at a time in C, which is what
:func:`~distribution.cohorts.simulate` uses. Deciding for the counted patients is not here.

Each flag is read in any letter case with the spaces around it dropped:

- available: ``1``, ``t``, ``true``, ``y``, ``yes``, ``j``, ``ja``, ``sann`` (Norwegian Excel's
  TRUE), ``x`` (a tick mark) and ``1.0`` (pandas writes a flag column with a gap as numbers);
- unavailable: ``0``, ``f``, ``false``, ``n``, ``no``, ``nei``, ``usann`` and ``0.0``;
- missing: an empty field, ``NULL``, ``NA``, ``N/A``, ``NaN`` and ``\N``; what a missing flag
  means is the reader's *missing* option. An empty cell is a missing value in every column,
  also beside tick marks: a sheet of ticks is read with ``missing="unavailable"``.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Literal, final, get_args

import attrs

from distribution import _records
from distribution._error_texts import ROW_PROBLEMS
from distribution._errors import (
    HIDDEN,
    InvalidValueError,
    UnknownCodeError,
    check_lang,
    looks_personal,
    wrong_type,
)
from distribution._flags import (
    BAD,
    GAP,
    INCOMPLETE,
    MAX_GROUPS,
    UNSETTLED,
    CellCodes,
    flag_positions,
    flag_texts,
    group_positions,
    mapped_states,
    one_character_rows,
)
from distribution._records import (
    RecordTooLongError,
    chunks,
    plain_columns,
    quoted_parts,
    sniff_delimiter,
)
from distribution.availability import CHANNEL_FIELDS, Availability
from distribution.partial import PartialAvailability

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from distribution._texts import Lang

__all__ = ["MISSING_CHOICES", "BadRow", "CsvCohort", "Missing", "from_state"]

Missing = Literal["error", "unknown", "unavailable", "skip"]
"""What a missing flag means: a bad row; not known (three-valued reasoning); unavailable; or
the row is left out (counted in :attr:`CsvCohort.incomplete`)."""
MISSING_CHOICES: Final[tuple[Missing, ...]] = get_args(Missing)

_FIELDS: Final = tuple(CHANNEL_FIELDS.values())  # in Availability.index bit order
_ALL: Final = Availability.all()
_SHOWN: Final = 20
_TEXTS: Final = (str, bytes, bytearray, memoryview)  # iterable, but not lines of text
_DELIMITERS: Final = (None, ",", ";", "\t")
_SPARSE: Final = 16  # a chunk with fewer quotes than a sixteenth of its lines is mostly plain


def from_state(state: int) -> Availability | PartialAvailability:
    """Return the patient a counting state stands for (see :meth:`CsvCohort.grouped_counts`)."""
    if state < len(_ALL):
        return _ALL[state]
    flags = {
        name: None if state >> (bit + 4) & 1 else bool(state >> bit & 1)
        for bit, name in enumerate(_FIELDS)
    }
    return PartialAvailability(**flags)


@final
@attrs.frozen
class BadRow:
    """A row of a cohort CSV that could not be read."""

    line: int
    key: str
    value: str
    column: str = ""
    expected: int = 0

    def describe(self, *, lang: Lang = "en") -> str:
        """Return what is wrong with the row, naming its line."""
        return ROW_PROBLEMS[check_lang(lang)][self.key].format(
            line=self.line, value=self.value, column=self.column, expected=self.expected
        )


def _shown(cell: str) -> str:
    if looks_personal(cell):  # a phone number or e-mail in the wrong column
        return HIDDEN
    return repr(cell if len(cell) <= _SHOWN else cell[: _SHOWN - 3] + "...")


class CsvCohort:
    """A cohort streamed from CSV lines: iterate it for one patient per row.

    The header must name the four channels' columns: ``helsenorge``, ``digital_mailbox``,
    ``krr_contact`` and ``paper``, or the words the command line takes for them (``hn``,
    ``digipost``, ``sms``, ``papir``, ``Unsecure``, …), in any order and letter case; other
    columns are ignored. Values: see the module's docstring. The delimiter is a comma or, as
    Excel writes CSV under a Norwegian locale, a semicolon: found from the header line unless
    *delimiter* is given. Quoted fields (as R's ``write.csv`` writes every field) are read.
    Open the file with ``newline=""`` and ``encoding="utf-8-sig"``.

    *missing* says what a missing flag means (``"error"`` by default: a bad row naming its
    line; see :data:`Missing`). With ``"unknown"`` iterating yields a
    :class:`~distribution.partial.PartialAvailability` for such a row, else an
    :class:`~distribution.availability.Availability`.

    A bad row is never dropped silently: by default reading raises
    :class:`~distribution.errors.InvalidValueError` listing the first bad rows (after reading
    up to ``report_limit`` of them); with ``skip_bad=True`` the row is skipped, counted in
    :attr:`skipped` and the first ones kept in :attr:`bad_rows`. *by* names columns to count
    each group of their values apart (:meth:`grouped_counts`). *progress*, if given, is
    called with the number of characters read so far as a file is read, counted or iterated.
    """

    def __init__(  # noqa: PLR0913  # the options are keyword-only
        self,
        lines: Iterable[str],
        *,
        name: str = "cohort",
        skip_bad: bool = False,
        report_limit: int = 5,
        delimiter: str | None = None,
        progress: Callable[[int], object] | None = None,
        missing: Missing = "error",
        by: Iterable[str] = (),
    ) -> None:
        if delimiter not in _DELIMITERS:
            raise UnknownCodeError(
                "unknown_code", value=delimiter, field="delimiter", choices=_DELIMITERS[1:]
            )
        if missing not in MISSING_CHOICES:
            raise UnknownCodeError(
                "unknown_code", value=missing, field="missing", choices=MISSING_CHOICES
            )
        given: object = lines  # the annotation is a promise the caller may not keep
        if not isinstance(given, Iterable) or isinstance(given, _TEXTS):
            raise wrong_type(lines, field="lines", expected="lines of text")
        if isinstance(by, str):
            raise wrong_type(by, field="by", expected="a list")
        self.by: tuple[str, ...] = tuple(by)
        self.delimiter = delimiter
        self.progress = progress
        self.missing: Missing = missing
        self._mode: Missing = missing
        self._maps: list[dict[str, int]] = []  # by flag, each spelling's part of the state
        self._short = True
        self._lines = lines
        self.name = name
        self.skip_bad = skip_bad
        self.report_limit = report_limit
        self.rows = 0
        self.skipped = 0
        self.incomplete = 0
        self.bad_rows: list[BadRow] = []
        self._cells = CellCodes()
        self._delimiter = ","
        self._width = 0
        self._positions: tuple[int, ...] = ()  # the flags', in the field order
        self._columns: tuple[int, ...] = ()  # the flags', then the groups'
        self._layout: tuple[str, int] | None = None  # the flags side by side: where, after what
        self._order: tuple[int, ...] = ()  # each flag's place among the four side by side

    # --- counting ----------------------------------------------------------------------------

    def counts(self) -> Counter[int]:
        """Return how many rows have each state, over every group.

        A state is an :attr:`Availability.index` (0-15) when every flag is known; with
        ``missing="unknown"`` a row with unknown flags has the index of its known ones plus 16
        times the bits of the unknown ones (:func:`from_state` turns a state back).
        """
        total: Counter[int] = Counter()
        for counts in self.grouped_counts().values():
            total.update(counts)
        return total

    def grouped_counts(
        self, *, missing: Missing | None = None
    ) -> dict[tuple[str, ...], Counter[int]]:
        """Return the states' counts (see :meth:`counts`) by the values of the *by* columns.

        *missing*, if given, is used instead of the reader's own for this count.

        A file opened for reading is counted a chunk of whole rows at a time, in C: an
        unquoted chunk is split into fields and each row's flags taken by slicing; a quoted
        one goes through the csv module at once. Each distinct spelling is judged once. A
        chunk with anything that this cannot judge exactly (a bad row, a missing flag when
        missing is an error) is read again row by row, which names every bad line.
        """
        self.rows, self.skipped, self.incomplete, self.bad_rows = 0, 0, 0, []
        self._mode = self.missing if missing is None else missing
        self._maps = [{} for _ in _FIELDS]
        self._short = True  # every flag one character, as far as read
        tally: dict[tuple[str, ...], Counter[int]] = {}
        source = self._lines
        read = getattr(source, "read", None)
        if callable(read) and hasattr(source, "readline"):
            self._count_stream(source, tally)  # type: ignore[arg-type]  # it reads
        else:
            for line, row in self._rows(iter(source)):
                self._add(tally, row, self._state(row, line))
            self._finish()
        self.rows = sum(sum(counts.values()) for counts in tally.values())
        return tally

    def _count_stream(self, source: _Stream, tally: dict[tuple[str, ...], Counter[int]]) -> None:
        head = source.readline(_records.RECORD_LIMIT + 1)
        self._header(head)
        delimiter = self._delimiter
        try:
            for text, line, last in chunks(
                source,
                first_line=2,
                progress=self.progress,
                read=len(head),
                block=_records.BLOCK,
                limit=_records.RECORD_LIMIT,
            ):
                if last or not self._count_chunk(text, tally):
                    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                    for number, row in self._numbered(reader, line - 1):
                        self._add(tally, row, self._state(row, number))
        except RecordTooLongError as error:
            raise self._too_long(error.line) from None
        self._finish()

    def _count_chunk(self, text: str, tally: dict[tuple[str, ...], Counter[int]]) -> bool:
        """Count a chunk of whole rows into *tally*; ``False`` (nothing counted) if unsure."""
        if "\r\n" in text:
            text = text.replace("\r\n", "\n")
        plain = '"' not in text and "\r" not in text and "\x00" not in text
        if plain and self._layout is not None and not self.by:
            return self._count_flag_blocks(text, tally)
        if not plain and not self.by and "\x00" not in text:
            sparse = "\r" not in text and text.count('"') * _SPARSE < text.count("\n")
            if sparse and self._layout is not None:
                return self._count_mixed(text, tally)
            return self._count_parsed(text, tally)
        split = self._split(text)
        if split is None:
            return False
        columns, rows, solid = split
        if not self.by:
            # Once a chunk's flags were not all one character, the file's seldom are.
            states = one_character_rows(columns, rows) if solid and self._short else None
            if states is None:
                self._short = False
                states = mapped_states(self._maps, columns, self._mode)
            if states is not None:
                self._add_states(states, tally)
                return True
        return self._settle(Counter(zip(*columns, strict=True)), tally)

    def _count_flag_blocks(self, text: str, tally: dict[tuple[str, ...], Counter[int]]) -> bool:
        """Count a chunk whose four flags are side by side at either end of each line.

        The fast path, for the layout nearly every export has (an id, then the flags): each
        line is cut once, in C, into the other columns and the four flags as one text; the
        distinct flag texts are counted, and each is split and judged once. A flag text that
        is not four fields (a row too short or too long) sends the chunk to the row-by-row
        reader.
        """
        delimiter = self._delimiter
        lines = text.split("\n")
        lines.pop()  # after the last line break
        flags = flag_texts(lines, delimiter, *self._layout)  # type: ignore[misc]  # not None
        return self._judge(Counter(flags), delimiter, self._order, tally)

    def _count_mixed(self, text: str, tally: dict[tuple[str, ...], Counter[int]]) -> bool:
        """Count a chunk with a few quoted rows: those by the csv module, the rest as plain.

        A name with a comma is quoted now and then (pandas, DuckDB and psql quote it); only
        the rows from the line of a quote to the line break where the quotes are even again
        are parsed. Nothing is counted unless every part is.
        """
        stage: dict[tuple[str, ...], Counter[int]] = {}
        incomplete = self.incomplete
        for part, quoted in quoted_parts(text):
            counted = (self._count_parsed if quoted else self._count_flag_blocks)(part, stage)
            if not counted:
                self.incomplete = incomplete
                return False
        for group, counts in stage.items():
            self._group(tally, group).update(counts)
        return True

    def _count_parsed(self, text: str, tally: dict[tuple[str, ...], Counter[int]]) -> bool:
        """Count a quoted chunk: parsed by the csv module at once, each row's flags joined.

        The caller knows the chunk holds no NUL, so the flags joined by one are told apart.
        """
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=self._delimiter))
        except csv.Error:
            return False
        if any(length != self._width for length in set(map(len, rows))):
            return False
        if self._short:  # one character a flag, as far as read: whole columns as integers
            columns = [list(map(operator.itemgetter(p), rows)) for p in self._positions]
            states = (
                None if any("" in c for c in columns) else one_character_rows(columns, len(rows))
            )
            if states is not None:
                self._add_states(states, tally)
                return True
            self._short = False
        flags = map("\x00".join, map(operator.itemgetter(*self._positions), rows))
        return self._judge(Counter(flags), "\x00", tuple(range(len(_FIELDS))), tally)

    def _add_states(self, states: bytes, tally: dict[tuple[str, ...], Counter[int]]) -> None:
        counts = self._group(tally, ())
        if self._mode == "unknown":
            counts.update(states)
        else:
            counts.update({i: n for i in range(len(_ALL)) if (n := states.count(i))})

    def _judge(
        self,
        blocks: Counter[str],
        separator: str,
        order: tuple[int, ...],
        tally: dict[tuple[str, ...], Counter[int]],
    ) -> bool:
        """Add each distinct text of four flags, judged once.

        ``False`` (and nothing added) if one is not four fields or cannot be settled.
        """
        judged = []
        for block, count in blocks.items():
            cells = block.split(separator)
            if len(cells) != len(_FIELDS):
                return False
            state = self._cells.state(tuple(cells[i] for i in order), self._mode)
            if state == UNSETTLED:
                return False
            judged.append((state, count))
        counts = self._group(tally, ())
        for state, count in judged:
            if state == INCOMPLETE:
                self.incomplete += count
            else:
                counts[state] += count
        return True

    def _split(self, text: str) -> tuple[list[list[str]], int, bool] | None:
        """Return a chunk's flag and group columns, its rows, and whether no flag is empty.

        An empty flag would make joined columns ambiguous: an empty flag and a flag "10" join
        to two one-character flags.

        ``None`` if its rows do not all have the header's number of fields, or the csv module
        cannot read it.
        """
        delimiter, width, positions = self._delimiter, self._width, self._columns
        if '"' in text or "\r" in text or "\x00" in text:
            try:
                rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
            except csv.Error:
                return None
            if any(length != width for length in set(map(len, rows))):
                return None
            columns = [list(map(operator.itemgetter(p), rows)) for p in positions]
            solid = self._short and not any("" in c for c in columns[: len(_FIELDS)])
            return columns, len(rows), solid
        plain = plain_columns(text, delimiter, width, positions)
        if plain is None:
            return None
        lines = text.count("\n")
        return plain, lines, self._short and not any("" in c for c in plain[: len(_FIELDS)])

    def _settle(
        self, raw: Counter[tuple[str, ...]], tally: dict[tuple[str, ...], Counter[int]]
    ) -> bool:
        """Add a chunk's counted cells to *tally*; ``False`` (and nothing added) if unsure."""
        flags = len(_FIELDS)
        judged = []
        for cells, count in raw.items():
            state = self._cells.state(cells[:flags], self._mode)
            if state == UNSETTLED:
                return False
            judged.append((tuple(cell.strip() for cell in cells[flags:]), state, count))
        for group, state, count in judged:
            if state == INCOMPLETE:
                self.incomplete += count
            else:
                self._group(tally, group)[state] += count
        return True

    def _group(
        self, tally: dict[tuple[str, ...], Counter[int]], group: tuple[str, ...]
    ) -> Counter[int]:
        counts = tally.get(group)
        if counts is None:
            if len(tally) >= MAX_GROUPS:
                raise InvalidValueError(
                    "csv_too_many_groups", value=self.by, field=self.name, limit=MAX_GROUPS
                )
            counts = tally[group] = Counter()
        return counts

    def _add(
        self, tally: dict[tuple[str, ...], Counter[int]], row: list[str], state: int | BadRow
    ) -> None:
        if isinstance(state, BadRow):
            self._bad(state)
        elif state == INCOMPLETE:
            self.incomplete += 1
        else:
            group = tuple(row[position].strip() for position in self._columns[len(_FIELDS) :])
            self._group(tally, group)[state] += 1

    # --- judging one row ---------------------------------------------------------------------

    def _state(self, row: list[str], line: int) -> int | BadRow:
        """Return a row's state, or what is wrong with it."""
        if len(row) != self._width:
            return BadRow(line, "field_count", str(len(row)), expected=self._width)
        cells = tuple(row[position] for position in self._positions)
        state = self._cells.state(cells, self._mode)
        if state != UNSETTLED:
            return state
        for field, cell in zip(_FIELDS, cells, strict=True):
            code = self._cells.code(cell)
            if code == BAD:
                return BadRow(line, "bad_value", _shown(cell), column=field)
            if code == GAP:
                return BadRow(line, "missing_value", _shown(cell), column=field)
        raise AssertionError(cells)  # pragma: no cover  # an unsettled row has such a cell

    # --- iterating ---------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Availability | PartialAvailability]:
        # Counts describe the latest pass: iterating again (over a list of lines) starts afresh.
        self.rows, self.skipped, self.incomplete, self.bad_rows = 0, 0, 0, []
        self._mode = self.missing
        source = self._lines
        if callable(getattr(source, "read", None)) and hasattr(source, "readline"):
            lines = self._stream_lines(source)  # type: ignore[arg-type]  # it reads
        else:
            lines = iter(source)
        for line, row in self._rows(lines):
            state = self._state(row, line)
            if isinstance(state, BadRow):
                self._bad(state)
            elif state == INCOMPLETE:
                self.incomplete += 1
            else:
                self.rows += 1
                yield from_state(state)
        self._finish()

    def _stream_lines(self, source: _Stream) -> Iterator[str]:
        """Yield a stream's lines in bounded memory: a record too long is refused."""
        head = source.readline(_records.RECORD_LIMIT + 1)
        yield head
        try:
            for text, _, _ in chunks(
                source,
                first_line=2,
                progress=self.progress,
                read=len(head),
                block=_records.BLOCK,
                limit=_records.RECORD_LIMIT,
            ):
                yield from io.StringIO(text, newline="")
        except RecordTooLongError as error:
            raise self._too_long(error.line) from None

    def _rows(self, lines: Iterator[str]) -> Iterator[tuple[int, list[str]]]:
        """Read the header from *lines*; yield each further row with its line number."""
        head = next(lines, "")
        self._header(head)
        reader = csv.reader(itertools.chain((head,), lines), delimiter=self._delimiter)
        next(reader)  # the header, read above
        yield from self._numbered(reader, 0)

    def _numbered(
        self, reader: Iterator[list[str]], offset: int
    ) -> Iterator[tuple[int, list[str]]]:
        while True:
            line = reader.line_num  # type: ignore[attr-defined]  # a csv reader
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                # A NUL byte or an oversized field: the csv module drops the line and reading
                # can go on. If it could not even advance, the rest is unreadable.
                self._bad(BadRow(offset + reader.line_num, "unreadable", ""))  # type: ignore[attr-defined]
                if reader.line_num == line:  # type: ignore[attr-defined]  # pragma: no cover
                    return
                continue
            yield offset + reader.line_num, row  # type: ignore[attr-defined]

    # --- the header --------------------------------------------------------------------------

    def _header(self, head: object) -> None:
        if not head:
            raise InvalidValueError("csv_no_header", value=None, field=self.name, choices=_FIELDS)
        if not isinstance(head, str):  # a file opened in binary mode gives bytes
            raise wrong_type(head, field="lines", expected="lines of text")
        if len(head) > _records.RECORD_LIMIT:
            raise self._too_long(1)
        delimiter = self.delimiter or sniff_delimiter(head)
        self._delimiter = delimiter
        try:
            header = next(csv.reader([head], delimiter=delimiter), None)
        except csv.Error:
            raise InvalidValueError(
                "csv_bad_header", value=None, field=self.name, choices=_FIELDS
            ) from None
        if not header:
            raise InvalidValueError("csv_no_header", value=None, field=self.name, choices=_FIELDS)
        other = next((d for d in _DELIMITERS[1:] if d != delimiter and d in "".join(header)), None)
        if other is not None and len(header) == 1:
            # One column that holds another delimiter: the file is split by something else.
            raise InvalidValueError(
                "csv_wrong_delimiter", value=other, field=self.name, choices=_FIELDS
            )
        self._width = len(header)
        self._positions = flag_positions(header, name=self.name)
        self._columns = (*self._positions, *group_positions(header, self.by, name=self.name))
        first = min(self._positions)
        after = self._width - first - len(_FIELDS)
        self._layout = None
        if sorted(self._positions) == list(range(first, first + len(_FIELDS))):
            # The flags side by side: at the end after `first` columns, or first of all.
            self._layout = ("tail", first) if not after else ("head", after) if not first else None
        self._order = tuple(position - first for position in self._positions)

    # --- bad rows ----------------------------------------------------------------------------

    def _too_long(self, line: int) -> InvalidValueError:
        return InvalidValueError(
            "csv_long_line", value=None, field=self.name, line=line, limit=_records.RECORD_LIMIT
        )

    def _bad(self, problem: BadRow) -> None:
        self.skipped += 1
        if len(self.bad_rows) < self.report_limit:
            self.bad_rows.append(problem)
        elif not self.skip_bad:
            self._fail()

    def _finish(self) -> None:
        if self.bad_rows and not self.skip_bad:
            self._fail()

    def _fail(self) -> None:
        raise InvalidValueError(
            "csv_bad_rows_one" if self.skipped == 1 else "csv_bad_rows",
            value=None,
            field=self.name,
            count=f"{self.skipped}{'+' if len(self.bad_rows) < self.skipped else ''}",
            rows=tuple(self.bad_rows),
        )


if TYPE_CHECKING:
    from typing import Protocol

    class _Stream(Protocol):
        def read(self, size: int = -1, /) -> str: ...
        def readline(self, size: int = -1, /) -> str: ...
