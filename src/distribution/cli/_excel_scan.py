"""The quick proof that a plain sheet is within the limits, by searching its bytes (internal).

One reason to change: which sheets can be proved within the limits of
:mod:`distribution.cli._excel` without a Python call per cell. The check there parses every cell
through expat's callbacks, which costs several times what calamine's read of the values does.
Most sheets are plain, as MRS writes its datadump: each cell is ``<c r="B7" s="1" t="s">``
with at most a style and one of the types ``s``, ``n``, ``b``, ``e`` or ``d``, holding at most
one ``<v>`` of text, and no text stands outside a value once the cells begin. For such a sheet a
few searches of the unpacked bytes in C give what the limits need (the highest row, the widest
column, the longest value, how many cells hold a shared text) as upper bounds. When they show
every limit holds, the cell-by-cell check could only agree, so it is skipped; when anything is
not plain or a limit may be crossed, :func:`scan_sheet` says so, the check runs, and its error
names the row and column.

What makes a bound safe: a cell's text is its one value, which is searched whole, and a shared
text lies inside its item, whose bytes are at least its characters. A comment, a ``CDATA``
section or a processing instruction (which could hide or fake a cell or an item) makes a sheet
or its shared texts not plain. ``tests/cli/test_excel_scan.py`` checks on generated and hostile
sheets that the outcome of the check never changes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["UNBOUNDED", "Limits", "longest_shared", "scan_sheet"]

# A whole plain cell: its reference, a style and a type (either order), one value at most.
_CELL: Final = re.compile(
    rb'<c r="[A-Z]{1,3}[0-9]{1,7}"(?: s="[0-9]{1,5}")?(?: t="[sbned]")?(?: s="[0-9]{1,5}")?'
    rb"(?:/>|>(?:<v>[^<]*</v>)?</c>)"
)
_CELL_ROW: Final = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_CELL_LETTERS: Final = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')
_FIRST_CELL: Final = re.compile(rb"<c[\s/>]")
_ROW: Final = re.compile(rb'<row r="([0-9]{1,7})"')
# A prefixed cell, row, value, formula, text or item (x:c): the check reads it by its local name.
_PREFIXED: Final = re.compile(rb":(?:c|v|f|t|is|row|si|r)[\s/>]")
_TEXT: Final = re.compile(rb">[^<]")  # text after a tag
_SHARED_CELL: Final = b' t="s"'
_SHARED_VALUE: Final = re.compile(rb' t="s"(?: s="[0-9]{1,5}")?><v>([^<]*)</v>')
_SHARED_ITEM: Final = re.compile(rb"<si[\s/>]")
_CARRY: Final = 1 << 20  # bytes carried from one chunk to the next; more is not plain
UNBOUNDED: Final = 1 << 62
"""What :func:`longest_shared` says when it cannot bound the shared texts."""


@attrs.frozen(kw_only=True)
class Limits:
    """The limits a sheet is proved against (those of :mod:`distribution.cli._excel`)."""

    rows: int
    columns: int
    cells: int
    cell: int
    text: int


def _after_declaration(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Yield a part's chunks without its XML declaration (``<?xml …?>``), if it begins with one."""
    head = b""
    chunks = iter(chunks)
    for chunk in chunks:
        head += chunk
        if len(head) >= len(b"<?xml") or not b"<?xml".startswith(head):
            break
    if head.startswith(b"<?xml"):
        end = head.find(b"?>")
        while end < 0 and len(head) <= _CARRY:
            more = next(chunks, b"")
            if not more:
                break
            head += more
            end = head.find(b"?>")
        head = head if end < 0 else head[end + 2 :]
    yield head
    yield from chunks


def _hidden(text: bytes) -> bool:
    """Return whether *text* holds a comment, ``CDATA``, a DTD or a processing instruction."""
    return b"<!" in text or b"<?" in text


def longest_shared(chunks: Iterable[bytes]) -> int:
    """Return an upper bound of the characters of any shared text: its item's bytes, tags and all.

    An item runs from one ``<si>`` to the next, so its text lies in it whatever it holds; what
    comes before the first is no item, the last runs to the end of the part. With a prefixed
    item (``<x:si>``), something that could hide or fake one (a comment, ``CDATA``), or an item
    over a mebibyte, the bound is :data:`UNBOUNDED`.
    """
    longest = 0
    carry = b""
    before = True
    for chunk in _after_declaration(chunks):
        text = carry + chunk
        if b":si" in text or _hidden(text):
            return UNBOUNDED
        items = _SHARED_ITEM.split(text)
        carry = items.pop()
        if before and items:
            before = False
            del items[0]
        if len(carry) > _CARRY:
            return UNBOUNDED
        longest = max(longest, max(map(len, items), default=0))
    return longest if before else max(longest, len(carry))


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


class _Bounds:
    """What the searches found so far: the highest row, the columns, the shared-text cells."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.long_value = re.compile(rb"<v>[^<]{%d}" % (limits.cell + 1))
        self.highest = self.strings = self.longest = 0
        self.letters: set[bytes] = set()
        self.started = False  # whether the cells have begun

    def add(self, text: bytes) -> bool:
        """Search whole rows of a sheet; ``False`` if they are not plain."""
        if _PREFIXED.search(text) or _hidden(text):
            return False
        rows = _ROW.findall(text)
        if len(rows) != text.count(b"<row"):
            return False
        if rows:
            self.highest = max(self.highest, *map(int, rows))
        cells = text
        if not self.started:
            found = _FIRST_CELL.search(text)
            if found is None:
                return True  # before the cells: nothing the check counts
            self.started = True
            cells = text[found.start() :]
        return self._add_cells(cells)

    def _add_cells(self, text: bytes) -> bool:
        """Search a sheet's text from its first cell on; ``False`` if it is not plain."""
        rest, count = _CELL.subn(b"", text)
        # Every cell plain and whole; no value or text outside one (the check would count it).
        # (Text where the text begins follows the first cell, which the search removed.)
        if b"<c" in rest or b"<v" in rest or _TEXT.search(b">" + rest):
            return False
        if not count:
            return True
        if self.long_value.search(text):
            return False
        values = _SHARED_VALUE.findall(text)
        if len(values) != text.count(_SHARED_CELL):
            return False
        self.letters.update(_CELL_LETTERS.findall(text))
        self.highest = max(self.highest, *map(int, _CELL_ROW.findall(text)))
        self.strings += len(values)
        if values:
            self.longest = max(self.longest, *map(len, values))
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
    for chunk in _after_declaration(chunks):
        text = carry + chunk
        end = text.rfind(b"</row>") + len(b"</row>") if b"</row>" in text else 0
        text, carry = text[:end], text[end:]
        if len(carry) > _CARRY or not bounds.add(text):
            return False
    # What follows the last row (the end of the part) may end with a line break.
    return bounds.add(carry.rstrip()) and bounds.within(shared)
