"""Reading files for the commands: text and standard input, JSON lines and CSV tables.

One reason to change: how the command line opens and reads what it is given (a new kind of
file, an encoding). Whatever goes wrong while reading is bad input
that names the file and says why in either language, never a traceback.
"""

from __future__ import annotations

import codecs
import gzip
import io
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from distribution._errors import InvalidValueError, Stand, UnknownCodeError, nearest
from distribution._reading import MAX_JSON_SIZE
from distribution.cli._texts import FILE_PROBLEMS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from distribution._texts import Lang

_ENCODINGS: Final = ("utf-8", "cp1252", "latin-1")  # offered when --encoding is unknown
MAX_LINE: Final = MAX_JSON_SIZE
"""The longest line read, in characters without its line break: 2 MiB, one JSON document.

A line (of JSON lines or a CSV file) is read at most this far; a longer one is refused, so memory
is bounded by the limit, not by the input (``/dev/zero`` has no line break at all)."""


# The first bytes of a compressed file or an archive, and its kind (a FILE_PROBLEMS key).
_MAGIC: Final = (
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"PK\x03\x04", "zip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
)
_GZIP: Final = b"\x1f\x8b"
# The codecs that need a byte-order mark to read, and the marks they take.
_BYTE_ORDER_MARKS: Final = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}


class FileProblem:
    """Why a file could not be read, in either language (rendered by the error message)."""

    def __init__(self, error: Exception | str) -> None:
        self.key = (
            error
            if isinstance(error, str)
            else "bad_gzip"
            if isinstance(error, (gzip.BadGzipFile, EOFError))
            else "missing"
            if isinstance(error, FileNotFoundError)
            else "denied"
            if isinstance(error, PermissionError)
            else "directory"
            if isinstance(error, IsADirectoryError)
            else "not_text"
            if isinstance(error, UnicodeError)
            else "other"
        )

    def describe(self, *, lang: Lang) -> str:
        return FILE_PROBLEMS[lang][self.key]


def cannot_read(path: str, error: Exception | str) -> InvalidValueError:
    """Return the error that says *path* could not be read, and why."""
    return InvalidValueError("cannot_read", value=path, field="file", problem=FileProblem(error))


def too_long(path: str, line: int, limit: int) -> InvalidValueError:
    """Return the error that says line *line* of *path* is longer than *limit* characters."""
    return InvalidValueError("line_too_long", value=None, field=path, line=line, limit=limit)


def read(path: str, stdin: TextIO) -> str:
    """Return the whole text of *path* (UTF-8, a BOM allowed); ``-`` is standard input.

    At most :data:`~distribution._reading.MAX_JSON_SIZE` characters are read: a longer text is
    refused before it fills memory.
    """
    try:
        if path == "-":
            text = stdin.read(MAX_JSON_SIZE + 1)
        else:
            with Path(path).open(encoding="utf-8-sig") as handle:
                text = handle.read(MAX_JSON_SIZE + 1)
    except (OSError, UnicodeDecodeError, ValueError) as error:  # ValueError: a NUL in the path
        raise cannot_read(path, error) from None
    _check_utf8(text, path)
    if len(text) > MAX_JSON_SIZE:
        shown = Stand(f"<more than {MAX_JSON_SIZE} characters>")
        raise InvalidValueError("too_large", value=shown, field=path, limit=MAX_JSON_SIZE)
    return text


def first_line(stdin: TextIO, limit: int) -> str:
    """Return the first line of standard input without its line break, at most *limit* long."""
    try:
        line = stdin.readline(limit + 2).rstrip("\r\n")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise cannot_read("-", error) from None
    if len(line) > limit:
        raise too_long("-", 1, limit)
    _check_utf8(line, "-")
    return line


def _check_utf8(text: str, path: str) -> None:
    """Refuse text read with ``surrogateescape`` (standard input in a C locale) from bad bytes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise cannot_read(path, UnicodeDecodeError("utf-8", b"", 0, 1, "not UTF-8")) from None


def open_utf8(path: str) -> TextIO:
    """Open *path* as UTF-8 text (a BOM allowed), to be read line by line with :func:`lines`."""
    try:
        return Path(path).open(encoding="utf-8-sig")
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise cannot_read(path, error) from None


def open_text(path: str, encoding: str) -> TextIO:
    """Open *path* as text in *encoding* for the csv module (``newline=""``)."""
    codec = _codec(encoding)
    try:
        raw = Path(path).open("rb")  # noqa: SIM115  # closed with the stream returned
        head = raw.peek(4)[:4]
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise cannot_read(path, error) from None
    try:
        _check_bom(head, encoding, codec, path)
    except InvalidValueError:
        raw.close()
        raise
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


def _codec(encoding: str) -> str:
    """Return the codec's own name for *encoding*; an unknown one is bad input with choices."""
    try:
        "".encode(encoding)  # a text encoding (not rot13, not base64), or LookupError
        return codecs.lookup(encoding).name
    except LookupError:
        raise UnknownCodeError(
            "unknown_encoding",
            value=encoding,
            field="--encoding",
            choices=_ENCODINGS,
            suggestion=nearest(encoding, _ENCODINGS),
        ) from None


def _check_bom(head: bytes, encoding: str, codec: str, path: str) -> None:
    """Refuse UTF-16 or UTF-32 text without its byte-order mark before it is decoded.

    Python's ``utf-16`` codec needs the mark to know the byte order, and fails on the first
    read without it; ``utf-16-le`` and ``utf-16-be`` say the order themselves.
    """
    marks = _BYTE_ORDER_MARKS.get(codec)
    if marks is not None and head and not head.startswith(marks):
        raise InvalidValueError(
            "no_byte_order_mark", value=encoding, field=path, choices=(f"{codec}-le", f"{codec}-be")
        )


def _check_head(  # noqa: PLR0913, PLR0917  # one caller, which has them all at hand
    raw: io.BufferedReader, head: bytes, encoding: str, codec: str, path: str, stdin: TextIO
) -> None:
    """Check *head* with :func:`_check_bom`; on failure let go of *raw*, never of stdin."""
    try:
        _check_bom(head, encoding, codec, path)
    except InvalidValueError:
        if path != "-":
            raw.close()
        elif raw is not getattr(stdin, "buffer", None):  # the look-ahead buffer given to it
            raw.detach()
        raise


def open_table(path: str, encoding: str, stdin: TextIO) -> TextIO:
    """Open *path* (``-``: standard input) as text for the csv module, a gzip file unpacked.

    A gzip file is known by its first bytes, whatever its name; a file compressed another way
    (or a ZIP archive, such as an Excel workbook) is refused with what to do instead.
    """
    codec = _codec(encoding)
    if path == "-":
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:  # a text stream with no bytes under it (the tests' StringIO)
            return stdin
        # A pipe's buffer can look ahead; another binary stream is given a buffer that can.
        raw: io.BufferedReader = buffer if hasattr(buffer, "peek") else io.BufferedReader(buffer)
    else:
        try:
            raw = Path(path).open("rb")  # noqa: SIM115  # closed with the stream returned
        except (OSError, ValueError) as error:  # ValueError: a NUL in the path
            raise cannot_read(path, error) from None
    try:
        head = raw.peek(8)[:8]
    except OSError as error:  # a directory, on some systems only when read
        raw.close()
        raise cannot_read(path, error) from None
    kind = next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)
    if kind is not None:
        raw.close()
        raise cannot_read(path, kind)
    if not head.startswith(_GZIP):
        _check_head(raw, head, encoding, codec, path, stdin)
        return io.TextIOWrapper(raw, encoding=encoding, newline="")
    if path != "-":  # opened again by gzip, which then closes the file with itself
        raw.close()
        return gzip.open(path, "rt", encoding=encoding, newline="")
    return io.TextIOWrapper(
        gzip.GzipFile(fileobj=raw, mode="rb"),
        encoding=encoding,
        newline="",
    )


def release(handle: TextIO, path: str, stdin: TextIO) -> None:
    """Close what :func:`open_table` opened; standard input is left open."""
    if path != "-":
        handle.close()
    elif isinstance(handle, io.TextIOWrapper):
        inner = handle.detach()
        if isinstance(inner, io.BufferedReader) and inner is not getattr(stdin, "buffer", None):
            inner.detach()  # the look-ahead buffer given to a stream that had none


def lines(handle: TextIO, path: str) -> Iterator[str]:
    """Yield *handle*'s lines; a read error (a directory, bytes that are not UTF-8) names *path*.

    A line longer than :data:`MAX_LINE` is refused: it is never read whole.
    """
    number = 0
    try:
        while line := handle.readline(MAX_LINE + 2):
            number += 1
            if len(line.rstrip("\r\n")) > MAX_LINE:
                raise too_long(path, number, MAX_LINE)
            yield line
    except (OSError, UnicodeError) as error:  # UnicodeError: UTF-16 text without its BOM
        raise cannot_read(path, error) from None
