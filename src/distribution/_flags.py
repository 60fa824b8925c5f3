r"""The words of a cohort file, and reading many flags at once in C (internal).

One reason to change: what a cohort file's header and flags may say, what one row's flags
come to, and how a chunk's flags are read without a Python step per row.
:mod:`distribution.csv_cohort` reads the file and keeps the counts; the spellings are listed in
its docstring.
"""

from __future__ import annotations

import itertools
import operator
from typing import TYPE_CHECKING, Final

from distribution._errors import DistributionError, InvalidValueError
from distribution.availability import CHANNEL_FIELDS, parse_channel

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

FIELDS: Final = tuple(CHANNEL_FIELDS.values())  # in Availability.index bit order
MAX_GROUPS: Final = 1000
"""The most groups a count by columns (``--by``) keeps: a column with more values is no group."""

# One code per spelling (stripped, in lower case): unavailable, available, missing, else bad.
NO, YES, GAP, BAD = 0, 1, 2, 3
SPELLINGS: Final = {
    **dict.fromkeys(("1", "1.0", "t", "true", "y", "yes", "j", "ja", "sann", "x"), YES),
    **dict.fromkeys(("0", "0.0", "f", "false", "n", "no", "nei", "usann"), NO),
    **dict.fromkeys(("", "null", "na", "n/a", "nan", "\\n"), GAP),
}
# The one-character spellings as the digit each stands for, for counting whole columns at once.
_ONE_CHARACTER: Final = str.maketrans(dict.fromkeys("tTyYjJxX", "1") | dict.fromkeys("fFnN", "0"))
LEFT_OUT: Final = b"left out"
"""What :func:`column_part` returns when a row is left out (a part of 256)."""
# A missing flag's part of a row's state, by the missing option: unknown bits above the index,
# nothing, or past a byte whatever the flag's bit (the row is left out); "error" is never learnt.
_GAP_PARTS: Final = {"unknown": 16, "unavailable": 0, "skip": 256, "error": 0}
MAX_SPELLINGS: Final = 64  # per flag column
INCOMPLETE: Final = -1  # a state: the row has a missing flag and missing="skip"
UNSETTLED: Final = -2  # a state: a flag is bad, or missing when missing="error"
_MAX_CACHED: Final = 4096  # distinct spellings a reader remembers
_FIRST: Final = operator.itemgetter(0)
_THIRD: Final = operator.itemgetter(2)
_LAST: Final = operator.itemgetter(-1)


# --- the header -----------------------------------------------------------------------------


def _cell(cell: str) -> str:
    return cell.strip().lstrip("\ufeff").strip()


def _header_name(cell: str) -> str | None:
    """Return the flag field a header cell names (``papir`` → ``paper``), if any."""
    name = _cell(cell)
    if name.lower() in FIELDS:
        return name.lower()
    if not name or name.isdigit():  # a rule's or channel's code is no column name
        return None
    try:
        return CHANNEL_FIELDS[parse_channel(name)]
    except DistributionError:
        return None


def flag_positions(header: Sequence[str], *, name: str) -> tuple[int, ...]:
    """Return where each flag's column is, in the field order; *name* names the file.

    A field's own name wins; another word for it (``papir``) counts only where it is absent.

    Raises:
        InvalidValueError: a flag has no column, or two.
    """
    names = [_cell(cell).lower() for cell in header]
    words = [_header_name(cell) for cell in header]
    positions = []
    missing = []
    for field in FIELDS:
        found = [i for i, cell in enumerate(names) if cell == field] or [
            i for i, word in enumerate(words) if word == field
        ]
        if len(found) > 1:
            shown = " / ".join(header[i].strip() for i in found)
            raise InvalidValueError("csv_duplicate_column", value=shown, field=name)
        if not found:
            missing.append(field)
        else:
            positions.append(found[0])
    if missing:
        raise InvalidValueError(
            "csv_missing_columns", value=None, field=name, missing=tuple(missing), choices=FIELDS
        )
    return tuple(positions)


def group_positions(header: Sequence[str], by: Iterable[str], *, name: str) -> tuple[int, ...]:
    """Return where each column of *by* is (any letter case); *name* names the file.

    Raises:
        InvalidValueError: the header has no such column.
    """
    names = [_cell(cell).lower() for cell in header]
    positions = []
    for column in by:
        wanted = column.strip().lower()
        if wanted not in names:
            raise InvalidValueError(
                "csv_no_column",
                value=column,
                field=name,
                choices=tuple(cell.strip() for cell in header),
            )
        positions.append(names.index(wanted))
    return tuple(positions)


# --- many flags at once ---------------------------------------------------------------------


def flag_texts(lines: list[str], delimiter: str, end: str, others: int) -> Iterable[str]:
    """Return each line's four flags as one text: the lines cut once each, in C.

    The flags stand side by side at the ``"tail"`` of each line after *others* columns, or at
    its ``"head"`` before them. A line with too few or too many fields gives a text that is not
    four fields, which the caller finds.
    """
    delimiter_ = itertools.repeat(delimiter)
    if not others:
        return lines
    if end == "tail" and others == 1:
        return map(_THIRD, map(str.partition, lines, delimiter_))
    if end == "tail":
        return map(_LAST, map(str.split, lines, delimiter_, itertools.repeat(others)))
    if others == 1:
        return map(_FIRST, map(str.rpartition, lines, delimiter_))
    return map(_FIRST, map(str.rsplit, lines, delimiter_, itertools.repeat(others)))


def mapped_states(
    maps: list[dict[str, int]], columns: list[list[str]], missing: str
) -> bytes | None:
    """Return each row's state as a byte, each distinct spelling judged once.

    Each flag column becomes bytes through a small dict of *maps* (spelling → the flag's part
    of the state, learnt as new spellings come, for the *missing* option); the columns, read
    as integers, are or-ed together: all in C, per column. ``None`` if a flag is bad, missing
    when that is an error, or the row is left out.
    """
    packed = 0
    for bit, column in enumerate(columns[: len(FIELDS)]):
        part = column_part(maps[bit], column)
        if part is None:  # a spelling not seen before: learn the column's, once
            if not _learn(maps[bit], bit, column, missing):
                return None
            part = column_part(maps[bit], column)
        if part is None or part is LEFT_OUT:
            return None
        packed |= int.from_bytes(part)
    return packed.to_bytes(len(columns[0]))


def _learn(known: dict[str, int], bit: int, column: list[str], missing: str) -> bool:
    """Add a column's new spellings to *known*; ``False`` if one cannot be judged alone."""
    for cell in set(column).difference(known):
        code = SPELLINGS.get(cell.strip().lower(), BAD)
        if code == BAD or (code == GAP and missing == "error"):
            return False
        if len(known) >= MAX_SPELLINGS:
            return False
        known[cell] = _GAP_PARTS[missing] << bit if code == GAP else code << bit
    return True


def column_part(known: dict[str, int], column: list[str]) -> bytes | None:
    """Return a column's parts of the rows' states, one byte per row, looked up in C.

    ``None`` if a spelling is not in *known*; :data:`LEFT_OUT` if a row is left out (a part
    of 256).
    """
    try:
        return bytes(map(known.get, column))  # type: ignore[arg-type]  # None: not known
    except TypeError:
        return None
    except ValueError:
        return LEFT_OUT


def one_character_rows(columns: list[list[str]], rows: int) -> bytes | None:
    """Return each row's ``Availability.index`` as a byte, if every flag is one character.

    ``None`` if any is not. The caller knows no flag is empty. Each flag column's characters,
    the one-character spellings turned into ``0`` or ``1``, read as one integer, must then be
    one byte per row, each ``0`` (0x30) or ``1`` (0x31), whose lowest bit is the flag: shifted
    to the column's bit and or-ed together, each byte is the row's index. Whole columns are
    handled by C integer operations, with no Python step per row.
    """
    ones = int.from_bytes(b"\x01" * rows)
    digits = 0x31 * ones  # "111...1"
    packed = 0
    for bit, column in enumerate(columns[: len(FIELDS)]):
        text = "".join(column)
        value = _digits(text, ones, digits)
        if value is None:
            value = _digits(text.translate(_ONE_CHARACTER), ones, digits)
            if value is None:
                return None
        packed |= (value & ones) << bit
    return packed.to_bytes(rows)


def _digits(text: str, ones: int, digits: int) -> int | None:
    if not text.isascii():  # not a flag, and a lone surrogate cannot even be encoded
        return None
    value = int.from_bytes(text.encode("ascii"))
    # A character other than 0 or 1, or a flag of two characters (so more bytes than rows),
    # reads as another number.
    return value if value | ones == digits else None


# --- one row's flags ------------------------------------------------------------------------


class CellCodes:
    """Each flag cell's code and a row's state, the good spellings remembered as they come.

    A reader keeps one: a file's flags are spelt a handful of ways, each remembered as written
    (up to 4,096), so a row costs four dict look-ups.
    """

    __slots__ = ("_known",)

    def __init__(self) -> None:
        self._known: dict[str, int] = {}

    def code(self, cell: str) -> int:
        """Return the cell's code: :data:`NO`, :data:`YES`, :data:`GAP` or :data:`BAD`."""
        code = self._known.get(cell)
        if code is None:
            code = SPELLINGS.get(cell.strip().lower(), BAD)
            if code != BAD and len(self._known) < _MAX_CACHED:
                self._known[cell] = code
        return code

    def state(self, cells: tuple[str, ...], missing: str) -> int:
        """Return the state of a row's flag cells, :data:`INCOMPLETE` or :data:`UNSETTLED`.

        *missing* is the reader's option: a missing flag's bit is unknown (16 times the bit
        above the index), the flag is unavailable, the row is left out, or it is an error.
        """
        state = 0
        for bit, cell in enumerate(cells):
            code = self.code(cell)
            if code == GAP:
                if missing == "unknown":
                    state |= 16 << bit
                elif missing == "skip":
                    return INCOMPLETE
                elif missing == "error":
                    return UNSETTLED
            elif code == BAD:
                return UNSETTLED
            else:
                state |= code << bit
        return state
