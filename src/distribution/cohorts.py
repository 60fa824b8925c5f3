"""Cohorts: deciding for many patients at once, and what-if simulation of the rules.

:func:`simulate` counts, for each rule, how many patients of a cohort each channel reaches, how
many are unreachable, and how many get paper although they have a digital channel. It reads the
cohort once, counting the 16 possible availabilities, so its cost is one pass over the cohort
whatever the number of rules. :class:`CsvCohort` streams a cohort from CSV lines.

>>> from distribution import Availability, DistributionRule
>>> cohort = [Availability(paper=True), Availability(helsenorge=True, paper=True), Availability()]
>>> tally = simulate(cohort).tally("BasicOrPaper")
>>> tally.reached("PhysicalMailbox"), tally.reached("Helsenorge"), tally.unreachable
(1, 1, 1)
"""

from __future__ import annotations

import csv
import itertools
from collections import Counter
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution._errors import (
    HIDDEN,
    InvalidValueError,
    UnknownCodeError,
    check_lang,
    looks_personal,
    wrong_type,
)
from distribution._texts import (
    ROW_PROBLEMS,
    Lang,
)
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import Outcome, decide

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import TextIO

__all__ = ["BadRow", "CsvCohort", "RuleTally", "Simulation", "simulate"]

_PAPER = NotificationChannel.PHYSICAL_MAILBOX
_REACHABLE: Final = tuple(CHANNEL_FIELDS)


@final
@attrs.frozen
class RuleTally:
    """What one rule does for a cohort."""

    rule: DistributionRule
    patients: int
    by_channel: tuple[int, ...]
    """Patients notified on each channel, in the order Helsenorge, DigitalMailbox, Unsecure,
    PhysicalMailbox."""
    unreachable: int
    not_distributed: int
    """Patients who get a one-time code instead (NoDistribution)."""
    paper_despite_digital: int
    """Patients sent paper although they could be reached on a digital channel."""

    def reached(self, channel: NotificationChannel | int | str) -> int:
        """Return how many patients *channel* notifies under this rule."""
        return self.by_channel[_REACHABLE.index(parse_channel(channel))]

    def to_dict(self) -> dict[str, object]:
        """Return the tally as JSON-ready data."""
        return {
            "rule": {"code": self.rule.value, "name": self.rule.api_name},
            "patients": self.patients,
            "channels": {ch.api_name: self.by_channel[i] for i, ch in enumerate(_REACHABLE)},
            "unreachable": self.unreachable,
            "not_distributed": self.not_distributed,
            "paper_despite_digital": self.paper_despite_digital,
        }


@final
@attrs.frozen
class Simulation:
    """The tallies of several rules over one cohort."""

    patients: int
    tallies: tuple[RuleTally, ...]

    def tally(self, rule: DistributionRule | int | str) -> RuleTally:
        """Return the tally of *rule* (anything ``DistributionRule.parse`` takes)."""
        wanted = DistributionRule.parse(rule)
        for tally in self.tallies:
            if tally.rule is wanted:
                return tally
        raise UnknownCodeError(
            "unknown_code",
            value=rule,
            field="simulated rule",
            choices=[t.rule.api_name for t in self.tallies],
        )

    def to_dict(self) -> dict[str, object]:
        """Return the simulation as JSON-ready data."""
        return {"patients": self.patients, "rules": [t.to_dict() for t in self.tallies]}


def _count(cohort: Iterable[Availability]) -> Counter[int]:
    def bad(value: object) -> int:
        raise wrong_type(value, field="cohort item", expected="an Availability")

    items: Iterable[object] = cohort
    return Counter(a.index if a.__class__ is Availability else bad(a) for a in items)


def simulate(
    cohort: Iterable[Availability], rules: Iterable[DistributionRule | int | str] | None = None
) -> Simulation:
    """Return, per rule, how a cohort of patients would be reached.

    *cohort* is any iterable of :class:`Availability` (read once, in constant memory); *rules*
    are anything ``DistributionRule.parse`` takes, all nine by default.
    """
    chosen = (
        tuple(DistributionRule)
        if rules is None
        else tuple(dict.fromkeys(DistributionRule.parse(rule) for rule in rules))
    )
    # A CSV file is counted in blocks, in C; any other cohort one Availability at a time.
    counts = cohort.counts() if cohort.__class__ is CsvCohort else _count(cohort)
    patients = sum(counts.values())
    tallies = []
    for rule in chosen:
        by_channel = dict.fromkeys(_REACHABLE, 0)
        outcomes = dict.fromkeys(Outcome, 0)
        paper_despite_digital = 0
        for index, count in counts.items():
            availability = _ALL[index]
            decision = decide(rule, availability)
            outcomes[decision.outcome] += count
            if decision.outcome is Outcome.NOTIFIED:
                by_channel[decision.channel] += count
            if decision.channel is _PAPER and any(ch is not _PAPER for ch in availability.channels):
                paper_despite_digital += count
        tallies.append(
            RuleTally(
                rule=rule,
                patients=patients,
                by_channel=tuple(by_channel.values()),
                unreachable=outcomes[Outcome.UNREACHABLE],
                not_distributed=outcomes[Outcome.NOT_DISTRIBUTED],
                paper_despite_digital=paper_despite_digital,
            )
        )
    return Simulation(patients, tuple(tallies))


# --- reading a cohort from CSV ----------------------------------------------------------------

_VALUES: Final = {
    **dict.fromkeys(("true", "yes", "1", "ja"), True),
    **dict.fromkeys(("false", "no", "0", "nei"), False),
}
_FIELDS: Final = tuple(CHANNEL_FIELDS.values())  # in Availability.index bit order
_ALL: Final = Availability.all()
_SHOWN: Final = 20
_DELIMITERS: Final = (None, ",", ";", "\t")
_BLOCK: Final = 1 << 20  # characters read at a time by CsvCohort.counts()


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


def _add_digit_rows(columns: list[list[str]], rows: int, counts: list[int]) -> bool:
    """Add a block's rows to *counts* by index and return ``True`` if every flag is 0 or 1.

    Otherwise change nothing and return ``False``. The caller knows no field of the block is
    empty. Each flag column's characters, read as one integer, must then be one byte per row,
    each "0" (0x30) or "1" (0x31), whose lowest bit is the flag: shifted to the column's bit
    and or-ed together, each byte is the row's ``Availability.index``. Whole columns are
    handled by C integer operations, with no Python step per row.
    """
    ones = int.from_bytes(b"\x01" * rows)
    digits = 0x31 * ones  # "111...1"
    packed = 0
    for bit, column in enumerate(columns):
        text = "".join(column)
        if not text.isascii():  # not a flag, and a lone surrogate cannot even be encoded
            return False
        value = int.from_bytes(text.encode("ascii"))
        # A character other than 0 or 1, or a flag of two characters (so more bytes than rows),
        # reads as another number.
        if value | ones != digits:
            return False
        packed |= (value & ones) << bit
    indexes = packed.to_bytes(rows)
    for index in range(len(counts)):
        counts[index] += indexes.count(index)
    return True


def _by_index(raw: Counter[tuple[str, ...]]) -> Counter[int] | None:
    """Return the counts by availability index, or ``None`` if a value is not a flag."""
    counts: Counter[int] = Counter()
    for cells, count in raw.items():
        index = 0
        for bit, cell in enumerate(cells):
            flag = _VALUES.get(cell.strip().lower())
            if flag is None:
                return None
            index |= flag << bit
        counts[index] += count
    return counts


class CsvCohort:
    """A cohort streamed from CSV lines: iterate it for one :class:`Availability` per row.

    The header must name the columns ``helsenorge``, ``digital_mailbox``, ``krr_contact`` and
    ``paper`` (any order and letter case; other columns are ignored). Values are true/false,
    yes/no, 1/0 or ja/nei in any letter case. The delimiter is a comma or, as Excel writes CSV
    under a Norwegian locale, a semicolon: found from the header line unless *delimiter* is
    given. Open the file with ``newline=""`` (Windows line endings are read as they come) and
    ``encoding="utf-8-sig"`` (a byte-order mark is dropped). A bad row is never dropped
    silently: by default iterating raises :class:`~distribution.errors.InvalidValueError`
    listing the first bad rows (after reading up to ``report_limit`` of them); with
    ``skip_bad=True`` the row is skipped, counted in :attr:`skipped` and the first ones kept in
    :attr:`bad_rows`. *progress*, if given, is called with the number of characters read so
    far as a file is counted (the command line's progress bar).
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
    ) -> None:
        if delimiter not in _DELIMITERS:
            raise UnknownCodeError(
                "unknown_code", value=delimiter, field="delimiter", choices=_DELIMITERS[1:]
            )
        self.delimiter = delimiter
        self.progress = progress
        self._lines = lines
        self.name = name
        self.skip_bad = skip_bad
        self.report_limit = report_limit
        self.rows = 0
        self.skipped = 0
        self.bad_rows: list[BadRow] = []

    def counts(self) -> Counter[int]:
        """Return how many rows have each :attr:`Availability.index`: what :func:`simulate` needs.

        A file opened for reading is counted a block at a time, in C: the block is split into
        fields and each row's four flags are taken by slicing; flags that are all ``0`` or ``1``
        are counted as whole columns, others by each distinct value, checked once. Anything
        that block reading cannot judge exactly (a quote, a NUL, a lone carriage return, a row
        with another number of fields, a value that is not a flag) sends the whole file back
        to the row-by-row reader, which names every bad line.
        """
        source = self._lines
        seekable = getattr(source, "seekable", None)
        if callable(seekable) and seekable() and hasattr(source, "read"):
            start = source.tell()  # type: ignore[attr-defined]  # a file opened for reading
            counted = self._fast_counts(source)  # type: ignore[arg-type]  # it has read()
            if counted is not None:
                return counted
            source.seek(start)  # type: ignore[attr-defined]
        return Counter(availability.index for availability in self)

    def _fast_counts(self, source: TextIO) -> Counter[int] | None:
        head = source.readline()
        if not head or '"' in head:
            return None
        delimiter = self.delimiter or (";" if head.count(";") > head.count(",") else ",")
        header, positions = self._columns(next(csv.reader([head], delimiter=delimiter)), delimiter)
        width = len(header)
        # Each line becomes its fields and a NUL sentinel, so one split gives all fields of a
        # block, and the sentinels prove every row had exactly `width` fields.
        joint = f"{delimiter}\x00{delimiter}"
        stride = width + 1
        columns = [slice(position, None, stride) for position in positions]
        sentinels = slice(width, None, stride)
        raw: Counter[tuple[str, ...]] = Counter()  # the blocks whose flags are not all 0 or 1
        by_digits = [0] * len(_ALL)  # by index, the rows of blocks whose flags are all 0 or 1
        rest, done = "", len(head)
        while True:
            block = source.read(_BLOCK)
            if not block:
                break
            done += len(block)
            block = rest + block
            cut = block.rfind("\n") + 1
            rest, block = block[cut:], block[:cut]
            lines = block.count("\n")
            if (
                '"' in block
                or "\x00" in block
                or ("\r" in block and block.count("\r") != block.count("\r\n"))
            ):
                return None
            text = block.replace("\n", joint)
            fields = text.split(delimiter)
            fields.pop()  # after the last line's sentinel
            if len(fields) != lines * stride or fields[sentinels].count("\x00") != lines:
                return None
            flags = [fields[column] for column in columns]
            # Two delimiters in a row (or one first) is an empty field somewhere, in any column:
            # such a block is counted by value, as an empty flag and a flag "10" would otherwise
            # join to two characters, each a 0 or a 1.
            solid = delimiter * 2 not in text and not text.startswith(delimiter)
            if not (solid and _add_digit_rows(flags, lines, by_digits)):
                raw.update(zip(*flags, strict=True))
            if self.progress is not None:
                self.progress(done)
        if rest:
            return None  # a last line without a line break: the row-by-row reader judges it
        counts = _by_index(raw)
        if counts is not None:
            counts.update({index: n for index, n in enumerate(by_digits) if n})
            self.rows, self.skipped, self.bad_rows = sum(counts.values()), 0, []
        return counts

    def __iter__(self) -> Iterator[Availability]:
        # Counts describe the latest pass: iterating again (over a list of lines) starts afresh.
        self.rows, self.skipped, self.bad_rows = 0, 0, []
        lines = iter(self._lines)
        head = next(lines, None)
        if head is None:
            raise InvalidValueError("csv_no_header", value=None, field=self.name, choices=_FIELDS)
        delimiter = self.delimiter or (";" if head.count(";") > head.count(",") else ",")
        reader = csv.reader(itertools.chain((head,), lines), delimiter=delimiter)
        try:
            first = next(reader, None)
        except csv.Error:
            raise InvalidValueError(
                "csv_bad_header", value=None, field=self.name, choices=_FIELDS
            ) from None
        header, positions = self._columns(first, delimiter)
        width = len(header)
        while True:
            line = reader.line_num
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error:
                # A NUL byte or an oversized field: the csv module drops the line and reading
                # can go on. If it could not even advance, the rest is unreadable.
                self._bad(BadRow(reader.line_num, "unreadable", ""))
                if reader.line_num == line:  # pragma: no cover  # csv consumes a line first
                    break
                continue
            read = self._read(row, width, positions, reader.line_num)
            if read.__class__ is Availability:
                self.rows += 1
                yield read
            else:
                self._bad(read)  # type: ignore[arg-type]  # a BadRow
        if self.bad_rows and not self.skip_bad:
            self._fail()

    def _columns(
        self, header: list[str] | None, delimiter: str
    ) -> tuple[list[str], tuple[int, ...]]:
        if not header:
            raise InvalidValueError("csv_no_header", value=None, field=self.name, choices=_FIELDS)
        other = next((d for d in _DELIMITERS[1:] if d != delimiter and d in "".join(header)), None)
        if other is not None and len(header) == 1:
            # One column that holds another delimiter: the file is split by something else.
            raise InvalidValueError(
                "csv_wrong_delimiter", value=other, field=self.name, choices=_FIELDS
            )
        names = [cell.strip().lstrip("\ufeff").strip().lower() for cell in header]
        for field in _FIELDS:
            if names.count(field) > 1:
                raise InvalidValueError("csv_duplicate_column", value=field, field=self.name)
        missing = [field for field in _FIELDS if field not in names]
        if missing:
            raise InvalidValueError(
                "csv_missing_columns",
                value=None,
                field=self.name,
                missing=tuple(missing),
                choices=_FIELDS,
            )
        return header, tuple(names.index(field) for field in _FIELDS)

    @staticmethod
    def _read(
        row: list[str], width: int, positions: tuple[int, ...], line: int
    ) -> Availability | BadRow:
        if len(row) != width:
            return BadRow(line, "field_count", str(len(row)), expected=width)
        index = 0
        for bit, position in enumerate(positions):
            flag = _VALUES.get(row[position].strip().lower())
            if flag is None:
                cell = row[position]
                shown = repr(cell if len(cell) <= _SHOWN else cell[: _SHOWN - 3] + "...")
                if looks_personal(cell):  # a phone number or e-mail in the wrong column
                    shown = HIDDEN
                return BadRow(line, "bad_value", shown, column=_FIELDS[bit])
            index |= flag << bit
        return _ALL[index]

    def _bad(self, problem: BadRow) -> None:
        self.skipped += 1
        if len(self.bad_rows) < self.report_limit:
            self.bad_rows.append(problem)
        elif not self.skip_bad:
            self._fail()

    def _fail(self) -> None:
        raise InvalidValueError(
            "csv_bad_rows_one" if self.skipped == 1 else "csv_bad_rows",
            value=None,
            field=self.name,
            count=f"{self.skipped}{'+' if len(self.bad_rows) < self.skipped else ''}",
            rows=tuple(self.bad_rows),
        )
