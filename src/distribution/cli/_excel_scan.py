"""The quick proof that an ordinary sheet is within the limits, by searching its bytes (internal).

One reason to change: which sheets can be proved within the limits of
:mod:`distribution.cli._excel` without a Python call per cell. The check there parses every cell
through expat's callbacks, which costs several times what calamine's read of the values does.
Most sheets are plain (every cell with its ``r``, no formula, no inline text, no prefixed tag):
for those, a few searches of the unpacked bytes in C give what the limits need (the highest
row, the widest column, the longest value, how many cells hold a shared text) as upper bounds.
When they prove every limit holds, the cell-by-cell check could only agree, so it is skipped;
when anything is unusual or a limit may be crossed, :func:`scan_sheet` says so and the check
runs, and its error names the row and column.

Every bound here can only be higher than what the check counts: a part's bytes are at least
its characters, and a comment or a ``CDATA`` section that looks like a cell adds to the counts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["UNBOUNDED", "Limits", "longest_shared", "scan_sheet"]

# A cell as Excel and most writers put it, its reference first: the row number is taken.
_CELL_ROW: Final = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_CELL_LETTERS: Final = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')
_ANY_CELL: Final = re.compile(rb"<c[\s/>]")
_ROW: Final = re.compile(rb'<row r="([0-9]{1,7})"')
_ANY_ROW: Final = re.compile(rb"<row[\s/>]")
# What only the cell-by-cell check judges: a prefixed cell, row or value (x:c), a formula, an
# inline text, the text of a formula; a <v> with attributes is found by counting.
_PREFIXED: Final = re.compile(rb":(?:c|v|f|t|is|row|si)[\s/>]")
_UNUSUAL: Final = (b"<f", b"<is", b't="str"', b't="inlineStr"')
_SHARED_CELL: Final = b' t="s"'
_SHARED_VALUE: Final = re.compile(rb' t="s"[^<>]*>\s*<v>([^<]*)<')
_SHARED_ITEM: Final = re.compile(rb"<si[\s/>]")
_CARRY: Final = 1 << 20  # bytes after a chunk's last tag carried on; more is not plain
UNBOUNDED: Final = 1 << 62
"""What :func:`longest_shared` says when it cannot bound the shared texts."""


class Limits:
    """The limits a sheet is proved against (those of :mod:`distribution.cli._excel`)."""

    def __init__(self, *, rows: int, columns: int, cells: int, cell: int, text: int) -> None:
        self.rows, self.columns, self.cells, self.cell, self.text = rows, columns, cells, cell, text
        self.long_value = re.compile(rb"<v>[^<]{%d}" % (cell + 1))


def longest_shared(chunks: Iterable[bytes]) -> int:
    """Return an upper bound of the characters of any shared text: its item's bytes, tags and all.

    An item runs from one ``<si>`` to the next, so its text lies in it whatever it holds. What
    comes before the first is no item. A prefixed item (``<x:si>``) is not looked for: with one,
    the bound is :data:`UNBOUNDED`.
    """
    longest = 0
    carry = b""
    first = True
    for chunk in chunks:
        text = carry + chunk
        if b":si" in text:
            return UNBOUNDED
        items = _SHARED_ITEM.split(text)
        carry = items.pop()
        if first and items:
            first = False
            del items[0]
        longest = max(longest, max(map(len, items), default=0))
    return longest if first else max(longest, len(carry))


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


class _Bounds:
    """What the searches found so far: the highest row, the columns, the shared-text cells."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.highest = self.strings = self.longest = 0
        self.letters: set[bytes] = set()

    def add(self, text: bytes) -> bool:
        """Search whole rows of a sheet; ``False`` if they are not plain."""
        if (
            any(marker in text for marker in _UNUSUAL)
            or _PREFIXED.search(text)
            or text.count(b"<v") != text.count(b"<v>")
            or self.limits.long_value.search(text)
        ):
            return False
        rows = _ROW.findall(text)
        numbers = _CELL_ROW.findall(text)
        # Every <c…> a cell with its reference: by a count when nothing else begins with "<c".
        starts = text.count(b"<c")
        if starts != len(numbers) and len(_ANY_CELL.findall(text)) != len(numbers):
            return False
        if len(rows) != text.count(b"<row") and len(rows) != len(_ANY_ROW.findall(text)):
            return False
        values = _SHARED_VALUE.findall(text)
        if len(values) != text.count(_SHARED_CELL):
            return False  # a cell of a shared text whose value the search did not find
        if numbers:
            self.letters.update(_CELL_LETTERS.findall(text))
            self.highest = max(self.highest, *map(int, numbers))
        if rows:
            self.highest = max(self.highest, *map(int, rows))
        self.strings += len(values)
        self.longest = max(self.longest, *map(len, values)) if values else self.longest
        return True

    def within(self, shared: int) -> bool:
        """Return whether the sheet searched is within the limits, with shared texts *shared*."""
        limits = self.limits
        widest = max(map(_column, self.letters), default=0)
        each = max(shared, self.longest)  # a cell's shared text, or its own value if no index
        return (
            self.highest <= limits.rows
            and widest <= limits.columns
            and self.highest * widest <= limits.cells
            and each <= limits.cell
            and self.strings * each <= limits.text
        )


def scan_sheet(chunks: Iterable[bytes], shared: int, limits: Limits) -> bool:
    """Return whether the sheet in *chunks* is plain and certainly within *limits*.

    *shared* is :func:`longest_shared` of the workbook's shared texts (0 without any). The
    chunks are searched a whole number of rows at a time: a cell is never cut from its value.
    ``False`` says only that the cell-by-cell check must decide.
    """
    bounds = _Bounds(limits)
    carry = b""
    for chunk in chunks:
        text = carry + chunk
        end = text.rfind(b"</row>") + len(b"</row>") if b"</row>" in text else 0
        text, carry = text[:end], text[end:]
        if len(carry) > _CARRY or not bounds.add(text):
            return False
    return bounds.add(carry) and bounds.within(shared)
