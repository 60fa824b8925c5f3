"""Reading a sheet of an Excel workbook (.xlsx) for ``audit``, within stated limits.

One reason to change: what a workbook may hold before it is read, and how it is read. The values
are read by python-calamine (the ``excel`` extra), which is fast but reads a sheet whole into a
grid of rows × columns, copies each text into every cell that uses it, cannot tell a formula
without a saved value from an empty cell, and asks for hundreds of gigabytes (and aborts the
process, which no ``except`` can catch) when two cells of a 2 KB file lie far apart. So calamine
sees a workbook only after it has been checked here, in a stream, in memory bounded by the
limits below:

- the sizes the ZIP directory claims: at most :data:`MAX_UNPACKED` bytes in all, and no large
  part packed tighter than :data:`MAX_RATIO` to one, as a ZIP bomb is. Nothing is unpacked
  past its claim (zipfile stops there and checks the CRC; calamine's ZIP reader refuses a part
  larger than it claims), so the claims bound what can be unpacked;
- the XML calamine reads is parsed here first, in chunks, without DTDs: a ``<!DOCTYPE>``
  (entities, XXE) is refused, as Excel never writes one;
- the chosen sheet's cells are counted: at most :data:`MAX_ROWS` rows, :data:`MAX_COLUMNS`
  cells per row, :data:`MAX_CELLS` in the grid calamine builds, :data:`MAX_CELL` characters in
  a cell and :data:`MAX_TEXT` in the sheet (a shared text counted wherever it is used);
- a formula without a saved value is refused naming its row and column: Excel saves each
  formula's value, a workbook written by a program may not, and the audit would read nothing.

calamine's grid then takes at most 32 bytes × :data:`MAX_CELLS` (320 MiB) and its texts at
most :data:`MAX_TEXT` characters.

A plain sheet (each cell with its reference, no formula, no inline text) is shown within the
cell limits by searching its bytes (:mod:`distribution.cli._excel_scan`), with its XML still
parsed for a DTD; the check of each cell runs only when that proof cannot be made, and it is
what names the row and column of a cell over a limit.
"""

from __future__ import annotations

import array
import functools
import importlib
import pyexpat
import string
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Final

from distribution._errors import InvalidValueError, UnknownCodeError, nearest
from distribution.cli._excel_scan import Limits, longest_shared, scan_sheet
from distribution.cli._files import cannot_read

if TYPE_CHECKING:
    import contextlib
    from collections.abc import Callable, Iterator, Sequence
    from typing import BinaryIO

    from distribution._texts import Lang

__all__ = [
    "MAX_CELL",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_TEXT",
    "MAX_UNPACKED",
    "sheet",
]

MAX_UNPACKED: Final = 256 * 1024 * 1024
"""Bytes of all the workbook's parts unpacked, as the ZIP directory claims them (256 MiB)."""
MAX_RATIO: Final = 100
"""How much tighter than this a part of over 1 MiB may not be packed (a sheet packs 10 to 20)."""
MAX_ROWS: Final = 1_048_576
"""The last row a sheet may use: Excel's own."""
MAX_COLUMNS: Final = 64
"""Cells per row: the last column a sheet may use is BL (the datadump has ten)."""
MAX_CELLS: Final = 10 * MAX_ROWS
"""Cells in the grid calamine builds (last row × last column): ten columns at Excel's height."""
MAX_CELL: Final = 32_767
"""Characters in one cell: Excel's own limit."""
MAX_TEXT: Final = MAX_UNPACKED
"""Characters of text in the sheet, a shared text counted each time a cell uses it."""

_RATIO_FLOOR: Final = 1024 * 1024  # bytes; a smaller part cannot hold a bomb worth the name
_CHUNK: Final = 64 * 1024
_SCAN_CHUNK: Final = 1024 * 1024  # the quick proof searches larger chunks: fewer calls
_SNIFF: Final = 4096  # bytes looked at to say what a file that is no workbook is
_ZIP: Final = (b"PK\x03\x04", b"PK\x05\x06")  # a ZIP archive; the second one empty
_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls, or an encrypted workbook
_WORKBOOK: Final = "xl/workbook.xml"
_RELATIONS: Final = "xl/_rels/workbook.xml.rels"
_SHARED: Final = "xl/sharedStrings.xml"
_ASCII_LOWER: Final = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_LETTERS: Final = string.ascii_letters
_ROW_DIGITS: Final = len(str(MAX_ROWS))  # a row number with more digits is over the limit
# Saved values of these types may be empty: a formula that gives "" saves <v></v>.
_TEXT_TYPES: Final = frozenset({"str", "inlineStr"})
_STRING_TYPES: Final = frozenset({"s", "str", "inlineStr"})  # the cells calamine holds text of


def sheet(
    path: str, name: str | None, stack: contextlib.ExitStack
) -> tuple[Iterator[Sequence[object]], int]:
    """Return the rows of sheet *name* (default: the first) of workbook *path*, and how many.

    The workbook is checked first (see the module); whatever is wrong is bad input naming
    *path*, and a limit names itself. The workbook is closed when *stack* is.
    """
    try:
        # Loaded only here: CSV and every other command run without the optional extra.
        calamine = importlib.import_module("python_calamine")
    except ImportError:
        raise InvalidValueError("needs_excel", value=None, field=path) from None
    try:
        handle: BinaryIO = stack.enter_context(Path(path).open("rb"))  # noqa: SIM115  # stack
        head = handle.read(_SNIFF)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise cannot_read(path, error) from None
    if not head.startswith(_ZIP):
        raise cannot_read(path, _kind(head))
    handle.seek(0)
    chosen = _check(handle, path, name)
    try:
        # By its path: calamine reads a file-like object whole into memory first. The file was
        # checked through the handle still open; one swapped in between is the user's own.
        book = calamine.CalamineWorkbook.from_path(path)
        stack.callback(book.close)
        grid = book.get_sheet_by_name(chosen)
        rows = grid.iter_rows()
    except (KeyboardInterrupt, SystemExit):
        raise
    # calamine raises its own errors, and a Rust panic is a BaseException: all are a damaged
    # workbook, as the checks above let through only what calamine can hold.
    except BaseException:  # noqa: BLE001
        raise cannot_read(path, "bad_workbook") from None
    start = grid.start
    return rows, grid.height + (0 if start is None else start[0])


def _kind(head: bytes) -> str:
    """Return what a file that is no ZIP archive is, as a ``FILE_PROBLEMS`` key."""
    if head.startswith(_OLE):
        return "old_excel"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:  # perhaps cut inside a character at the end
        text = head[: error.start].decode("utf-8") if error.start > len(head) - 4 else "\0"
    if not text or any(c < " " and c not in "\t\r\n" for c in text):
        return "not_xlsx"
    first = text.lstrip("\ufeff").partition("\n")[0]
    return "csv_as_xlsx" if any(c in first for c in ",;\t") else "text_as_xlsx"


# --- the checks, in one pass over the parts -------------------------------------------------------


def _check(handle: BinaryIO, path: str, name: str | None) -> str:
    """Check the workbook in *handle* within the limits; return the name of the sheet to read."""
    archive = _archive(handle, path)
    names = _sheets(archive, path)
    chosen = next(iter(names), "") if name is None else name
    if chosen not in names:
        raise UnknownCodeError(
            "unknown_sheet",
            value=name,
            field=path,
            choices=tuple(names),
            suggestion=nearest(chosen, names),
        )
    sheet = _part(archive, names[chosen])
    if sheet is None:
        raise cannot_read(path, "bad_workbook")
    target = sheet.filename
    # The XML calamine reads is parsed here first, so a DTD anywhere it looks is refused: the
    # parts besides the sheets, and of the sheets only the one it is asked for.
    done = {_fold(name) for name in (_WORKBOOK, _RELATIONS, _SHARED, target)}
    for part in archive.infolist():
        name = _fold(part.filename)
        xml = name.endswith((".xml", ".rels"))
        if xml and name not in done and not name.startswith("xl/worksheets/"):
            _read(archive, part, _parser(path, part.filename), path)
    # A plain sheet is shown within the limits by searching its bytes; the cell-by-cell check
    # below runs only when that cannot show it (and names the row and column of what is not).
    shared = _part(archive, _SHARED)
    longest = 0 if shared is None else longest_shared(_chunks(archive, shared, path))
    limits = Limits(
        rows=MAX_ROWS, columns=MAX_COLUMNS, cells=MAX_CELLS, cell=MAX_CELL, text=MAX_TEXT
    )
    if scan_sheet(_chunks(archive, sheet, path), longest, limits):
        return chosen
    lengths: array.array[int] = array.array("L")
    if shared is not None:
        parser = _parser(path, shared.filename)
        lengths = _listen_shared(parser)
        _read(archive, shared, parser, path)
    parser = _parser(path, target)
    last = _listen_cells(parser, path, lengths)
    _read(archive, sheet, parser, path)
    last()
    return chosen


def _archive(handle: BinaryIO, path: str) -> zipfile.ZipFile:
    """Return the workbook's ZIP archive, once the sizes its directory claims are in limits.

    Nothing is unpacked past its claim: zipfile stops there and checks the CRC, and calamine's
    ZIP reader refuses a part larger than it claims, so the claims bound the memory.
    """
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise cannot_read(path, "bad_zip") from None
    parts = archive.infolist()
    if len({_fold(part.filename) for part in parts}) < len(parts):
        # calamine finds a part by its name in any letter case, the first of twins: which one
        # that is, the check cannot know.
        raise cannot_read(path, "twin_parts")
    if sum(part.file_size for part in parts) > MAX_UNPACKED:
        raise InvalidValueError("xlsx_unpacked", value=None, field=path, limit=_Count(MAX_UNPACKED))
    for part in parts:
        if part.file_size > _RATIO_FLOOR and part.file_size > MAX_RATIO * part.compress_size:
            raise InvalidValueError("xlsx_ratio", value=part.filename, field=path, limit=MAX_RATIO)
    return archive


def _fold(name: str) -> str:
    """Return *name* with its ASCII capitals in lower case, as calamine compares part names."""
    return name.translate(_ASCII_LOWER)


def _part(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    """Return the part named *name* in any letter case, as calamine finds it, or ``None``."""
    wanted = _fold(name)
    return next((part for part in archive.infolist() if _fold(part.filename) == wanted), None)


def _chunks(archive: zipfile.ZipFile, part: zipfile.ZipInfo, path: str) -> Iterator[bytes]:
    """Yield *part* unpacked in large chunks, each parsed by a parser that refuses a DTD first.

    The parser has no other handlers, so it runs in C: it finds what the check finds of the XML
    (a DTD, a part that is not XML), and the caller searches the bytes.
    """
    parser = _parser(path, part.filename)
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_SCAN_CHUNK):
                _feed(parser, chunk, path, part.filename)
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError):
        raise cannot_read(path, "bad_zip") from None
    _feed(parser, b"", path, part.filename, final=True)


def _read(
    archive: zipfile.ZipFile, part: zipfile.ZipInfo, parser: pyexpat.XMLParserType, path: str
) -> None:
    """Unpack *part* in chunks into *parser*: memory holds a chunk, never the part."""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                _feed(parser, chunk, path, part.filename)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError):
        # A CRC that does not match (a part longer than it claims), a method zipfile lacks.
        raise cannot_read(path, "bad_zip") from None
    _feed(parser, b"", path, part.filename, final=True)


def _feed(
    parser: pyexpat.XMLParserType, chunk: bytes, path: str, part: str, *, final: bool = False
) -> None:
    try:
        parser.Parse(chunk, final)
    except pyexpat.ExpatError as error:
        raise InvalidValueError("xlsx_xml", value=part, field=path, line=error.lineno) from None


def _parser(path: str, part: str, *, namespaces: bool = False) -> pyexpat.XMLParserType:
    """Return an XML parser that refuses a DTD; with *namespaces*, tags are ``uri name``.

    Without, a tag is as written (``c``, or ``x:c`` with a prefix): the cells and shared texts
    are matched by their local names, as calamine matches them, whatever the namespace.
    """
    parser = pyexpat.ParserCreate(namespace_separator=" ") if namespaces else pyexpat.ParserCreate()
    parser.buffer_text = True

    def refuse(*_: object) -> None:
        raise InvalidValueError("xlsx_dtd", value=part, field=path)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def _sheets(archive: zipfile.ZipFile, path: str) -> dict[str, str]:
    """Return each sheet's name and its part, as ``xl/workbook.xml`` and its relations say."""
    ids: dict[str, str] = {}
    targets: dict[str, str] = {}
    parts = [_part(archive, _WORKBOOK), _part(archive, _RELATIONS)]

    def sheet_found(tag: str, attributes: dict[str, str]) -> None:
        if tag == f"{_MAIN} sheet":
            ids[attributes.get("name", "")] = attributes.get(f"{_REL} id", "")

    def relation_found(tag: str, attributes: dict[str, str]) -> None:
        if tag.endswith(" Relationship"):
            target = attributes.get("Target", "")
            # As calamine resolves them: from the package's root, or from xl/.
            part = target[1:] if target.startswith("/") else f"xl/{target}"
            targets[attributes.get("Id", "")] = part.replace("xl/xl/", "xl/", 1)

    for part, handler in zip(parts, (sheet_found, relation_found), strict=True):
        if part is None:
            raise cannot_read(path, "bad_workbook")
        parser = _parser(path, part.filename, namespaces=True)
        parser.StartElementHandler = handler
        _read(archive, part, parser, path)
    names = {name: targets[identity] for name, identity in ids.items() if identity in targets}
    if not names:
        raise cannot_read(path, "bad_workbook")
    return names


def _listen_shared(parser: pyexpat.XMLParserType) -> array.array[int]:
    """Return the lengths, in characters, of the shared texts *parser* will read.

    No end tags are handled (the fewer calls, the faster): text after a ``<t>`` is counted
    too, which can only make a length longer, and a phonetic run (``<rPh>``, whose text Excel
    does not show) comes last in its item, so its flag is cleared at the next.
    """
    lengths = array.array("L")
    text = phonetic = False

    def start(tag: str, _: dict[str, str]) -> None:
        nonlocal text, phonetic
        local = tag.rpartition(":")[2]
        if local == "si":
            lengths.append(0)
            text = phonetic = False
        elif local == "t":
            text = bool(lengths) and not phonetic
        elif local == "rPh":
            text, phonetic = False, True

    def data(chunk: str) -> None:
        if text:
            lengths[-1] = min(lengths[-1] + len(chunk), MAX_CELL + 1)

    parser.StartElementHandler = start
    parser.CharacterDataHandler = data
    return lengths


def _listen_cells(  # noqa: C901, PLR0915  # the hot path: a cell's steps inline, not calls
    parser: pyexpat.XMLParserType, path: str, lengths: array.array[int]
) -> Callable[[], None]:
    """Check one sheet's cells as its XML streams through *parser*; return the last step.

    The handlers run for every cell, so their state is in closure variables, the commonest
    tags are tested first, and no end tag is handled: a cell is judged when the next one (or
    row) starts, and by the step returned once the part is read. Text after a ``<v>`` counts
    into its cell, which can only make a cell longer. Whatever is over a limit leaves through
    :class:`_Sheet`.
    """
    sheet = _Sheet(path)
    row = column = highest = widest = length = text = 0
    kind = "n"
    open_cell = formula = saved = inside = False  # inside: a <v>, or the <t> of an inline text
    value: list[str] = []

    def judge() -> None:
        nonlocal text, open_cell, inside
        open_cell = inside = False
        size = length
        if formula and not (size or (saved and kind in _TEXT_TYPES)):
            sheet.unsaved(row, column)
        if kind == "s" and size <= MAX_CELL:
            index = "".join(value).strip()
            if _digits(index) and int(index) < len(lengths):
                size = lengths[int(index)]
        if size > MAX_CELL:
            sheet.too_long(row, column)
        if kind in _STRING_TYPES:  # a number is a float in calamine's grid, however long
            text += size
            if text > MAX_TEXT:
                sheet.too_much_text()

    def start(tag: str, attributes: dict[str, str]) -> None:  # noqa: C901, PLR0912
        nonlocal row, column, highest, widest, length, kind, open_cell, formula, saved, inside
        local = tag.rpartition(":")[2] if ":" in tag else tag  # "x:c" is "c", as for calamine
        if local == "c":
            if open_cell:
                judge()
            given = attributes.get("r")
            if given is None:
                column += 1
            else:
                digits = given.lstrip(_LETTERS)
                letters = given[: len(given) - len(digits)]
                if not letters or not _digits(digits):
                    raise cannot_read(path, "bad_workbook")
                row = int(digits) if len(digits) <= _ROW_DIGITS else MAX_ROWS + 1
                column = _column(letters)
                if column > MAX_COLUMNS:
                    sheet.too_wide(row, letters)
            if row > highest or column > widest:
                highest, widest = sheet.grid(row, column, highest, widest)
            kind = attributes.get("t", "n")
            open_cell, formula, saved, inside = True, False, False, False
            length = 0
            value.clear()
        elif local == "v":
            saved = inside = True
        elif local == "row":
            if open_cell:
                judge()
            given = attributes.get("r")
            if given is None:
                row += 1
            elif _digits(given):
                row = int(given) if len(given) <= _ROW_DIGITS else MAX_ROWS + 1
            else:
                raise cannot_read(path, "bad_workbook")
            column = 0
            highest, widest = sheet.grid(row, 0, highest, widest)
        elif local == "f":
            formula = True
        elif local == "t":
            saved = inside = kind == "inlineStr"

    def data(chunk: str) -> None:
        nonlocal length
        if inside:
            length += len(chunk)
            if length <= MAX_CELL:  # kept only while short enough to be a cell
                value.append(chunk)

    def last() -> None:
        if open_cell:
            judge()

    parser.StartElementHandler = start
    parser.CharacterDataHandler = data
    return last


class _Sheet:
    """The errors of a sheet's cells: each names the limit, the row and the column."""

    def __init__(self, path: str) -> None:
        self.path = path

    def grid(self, row: int, column: int, highest: int, widest: int) -> tuple[int, int]:
        """Return the grid grown to *row* and *column*, if it stays within the limits."""
        if row > MAX_ROWS:
            raise InvalidValueError(
                "xlsx_rows", value=None, field=self.path, row=_Count(row), limit=_Count(MAX_ROWS)
            )
        highest, widest = max(highest, row), max(widest, column)
        if highest * widest > MAX_CELLS:
            raise InvalidValueError(
                "xlsx_cells",
                value=None,
                field=self.path,
                cells=_Count(highest * widest),
                limit=_Count(MAX_CELLS),
            )
        return highest, widest

    def too_wide(self, row: int, letters: str) -> None:
        raise InvalidValueError(
            "xlsx_columns",
            value=letters.upper(),
            field=self.path,
            row=_Count(row),
            limit=MAX_COLUMNS,
        )

    def unsaved(self, row: int, column: int) -> None:
        raise InvalidValueError(
            "xlsx_formula",
            value=None,
            field=self.path,
            row=_Count(row),
            column=_letters(column),
        )

    def too_long(self, row: int, column: int) -> None:
        raise InvalidValueError(
            "xlsx_cell",
            value=None,
            field=self.path,
            row=_Count(row),
            column=_letters(column),
            limit=_Count(MAX_CELL),
        )

    def too_much_text(self) -> None:
        raise InvalidValueError("xlsx_text", value=None, field=self.path, limit=_Count(MAX_TEXT))


class _Count:
    """A number as the message's language writes it: 10,485,760 or 10 485 760.

    The space in bokmål is a no-break space; the mask of personal data hides eight digits in
    a row, or with single plain spaces, and a limit is no one's phone number.
    """

    def __init__(self, number: int) -> None:
        self.number = number

    def describe(self, *, lang: Lang) -> str:
        text = f"{self.number:,}"
        return text.replace(",", "\u00a0") if lang == "nb" else text


def _digits(text: str) -> bool:
    """Return whether *text* is ASCII digits (``isdigit`` takes ``²``, which ``int`` refuses)."""
    return text.isascii() and text.isdigit()


@functools.cache
def _column(letters: str) -> int:
    """Return the number of a column from its letters: ``A`` is 1, ``BL`` 64, ``bl`` too.

    Cached: a sheet has few columns and many rows; a string of letters longer than the
    limit's is never counted out (``AAAAAAAAAAAA`` would be a huge number).
    """
    if len(letters) > len(_letters(MAX_COLUMNS)):
        return MAX_COLUMNS + 1
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _letters(column: int) -> str:
    """Return the letters of column *column*: 1 is ``A``, 65 is ``BM``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
