"""Reading a CSV text stream in large chunks of whole records, in bounded memory (internal).

One reason to change: how a stream is cut into chunks that a CSV reader can parse one at a
time. :func:`chunks` reads a fixed number of characters at a time and cuts after the last line
break that ends a record: a line break inside a quoted field (an odd number of quotes before
it) is not an end. What follows the cut waits for the next read. A record longer than
:data:`RECORD_LIMIT` is refused, so memory never holds more than that and one read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import Protocol

    class Readable(Protocol):
        """A text stream: an open file, standard input, a decompressing reader."""

        def read(self, size: int = -1, /) -> str:
            """Return up to *size* characters, ``""`` at the end."""

    class LineReadable(Readable, Protocol):
        """A text stream that reads a line too, as an open text file does."""

        def readline(self, size: int = -1, /) -> str:
            """Return the next line, at most *size* characters of it; ``""`` at the end."""


BLOCK: Final = 1 << 16
"""Characters read at a time."""
RECORD_LIMIT: Final = 1 << 20
"""The longest record read, in characters; no cohort row comes near it."""


def sniff_delimiter(header: str) -> str:
    """Return the delimiter of a CSV file by its header line: ``;`` if it has more than ``,``.

    Excel in a Norwegian locale writes ``;``; everything else ``,``.
    """
    return ";" if header.count(";") > header.count(",") else ","


def plain_columns(
    text: str, delimiter: str, width: int, positions: Sequence[int]
) -> list[list[str]] | None:
    """Return the columns at *positions* of *text*; ``None`` unless each line has *width* fields.

    *text* is whole lines of CSV without quotes, each ending in a line feed, and no NUL. Each
    line becomes its fields and a NUL sentinel, so one split in C gives every field of the
    text, and the sentinels prove each line had *width* fields.
    """
    lines = text.count("\n")
    stride = width + 1
    fields = text.replace("\n", f"{delimiter}\x00{delimiter}").split(delimiter)
    fields.pop()  # after the last line's sentinel
    if len(fields) != lines * stride or fields[width::stride].count("\x00") != lines:
        return None
    return [fields[position::stride] for position in positions]


class RecordTooLongError(Exception):
    """A record is longer than the limit (its first line given); the caller names the file."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def line_breaks(text: str) -> int:
    """Return how many lines *text* ends, as a file opened with ``newline=""`` splits them."""
    count = text.count("\n")
    if "\r" in text:
        count += text.count("\r") - text.count("\r\n")
    return count


def _last_break(block: str, end: int) -> int:
    """Return the index of the last line break in ``block[:end]`` (``-1`` if none).

    A carriage return alone ends a line too (old Mac files), unless it is the block's last
    character: a line feed may follow in the next read.
    """
    newline = block.rfind("\n", 0, end)
    carriage = block.rfind("\r", 0, min(end, len(block) - 1))
    return max(newline, carriage)


def _cut(block: str, odd: bool) -> int:
    """Return where *block* can be cut after a whole record (0: nowhere).

    *odd* says whether the text pending before *block* holds an odd number of quotes.
    """
    end = _last_break(block, len(block)) + 1
    if '"' not in block:
        return 0 if odd else end
    odd ^= bool(block.count('"', 0, end) & 1)
    while end:
        if not odd:
            return end
        previous = _last_break(block, end - 1) + 1
        odd ^= bool(block.count('"', previous, end) & 1)
        end = previous
    return 0


def chunks(  # noqa: PLR0913  # the options are keyword-only
    source: Readable,
    *,
    first_line: int,
    progress: Callable[[int], object] | None = None,
    read: int = 0,
    block: int = BLOCK,
    limit: int = RECORD_LIMIT,
) -> Iterator[tuple[str, int, bool]]:
    """Yield ``(text, line, last)``: *source*'s text in chunks of whole records.

    *line* is the number of the chunk's first line (*first_line* for the first chunk); *last*
    is true for a final chunk that does not end with a line break (a file whose last line has
    none, or which ends inside a quoted field). *progress* is called with the characters read
    so far (*read* before the first read) after each read.

    Raises:
        RecordTooLongError: a record is longer than *limit* characters.
    """
    pending: list[str] = []
    size = 0
    odd = False
    done = read
    line = first_line
    while True:
        text = source.read(block)
        if not text:
            break
        done += len(text)
        cut = _cut(text, odd)
        if cut:
            pending.append(text[:cut])
            whole = "".join(pending)
            yield whole, line, False
            line += line_breaks(whole)
            rest = text[cut:]
            pending, size, odd = [rest], len(rest), bool(rest.count('"') & 1)
        else:
            pending.append(text)
            size += len(text)
            odd ^= bool(text.count('"') & 1)
        if size > limit:
            raise RecordTooLongError(line)
        if progress is not None:
            progress(done)
    tail = "".join(pending)
    if tail:
        yield tail, line, True


def quoted_parts(text: str) -> Iterator[tuple[str, bool]]:
    """Yield *text* in parts, and whether each holds a quote.

    *text* is whole rows, each line ending in a line feed. A quoted part runs from the line
    of a quote to the first line break after it where the quotes since the part began are
    even.
    """
    done = 0
    while True:
        quote = text.find('"', done)
        if quote < 0:
            if done < len(text):
                yield text[done:], False
            return
        start = max(done, text.rfind("\n", done, quote) + 1)  # done begins a line
        if start > done:
            yield text[done:start], False
        end, odd = start, False
        while True:
            line_end = text.index("\n", end) + 1
            odd ^= bool(text.count('"', end, line_end) & 1)
            end = line_end
            if not odd:
                break
        yield text[start:end], True
        done = end
