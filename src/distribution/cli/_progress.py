"""The progress bar: how far a command has read its file, drawn on standard error.

One reason to change: how progress is measured and drawn. A file is measured in bytes, by the
offset the system has read it to, so text in any encoding, a gzip file (by its compressed
bytes) and a chunk read again row by row all move the bar alike and it ends at the file's
size; an Excel sheet is measured in rows. The bar is drawn only when standard error is a
terminal, only when its whole per cent changes, ends at 100 % and clears its line before the
command prints its results, or an error.
"""

from __future__ import annotations

import contextlib
import os
import stat
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import TextIO

_WIDTH: Final = 30  # characters of the bar between its brackets
_EVERY: Final = 4096  # rows between two looks at how far a row-by-row reader has come


def on_terminal(err: TextIO) -> bool:
    """Return whether *err* is a terminal; a closed or odd stream is not."""
    try:
        return bool(err.isatty())
    except (AttributeError, OSError, ValueError):
        return False


class Bar:
    """A bar of *done* out of *total*; :meth:`tick` looks at *position* and draws if it moved."""

    def __init__(self, err: TextIO, total: int, position: Callable[[int], int]) -> None:
        self._err = err
        self._total = max(total, 1)
        self._position = position
        self._shown: int | None = None  # the per cent drawn last; None before the first

    def tick(self, done: int = 0, /) -> None:
        """Draw how far the reader has come; *done* is what it counted (rows or characters)."""
        self.draw(self._position(done))

    def draw(self, done: int) -> None:
        """Draw *done* of the total, if its whole per cent is not the one on the screen."""
        percent = min(done * 100 // self._total, 100)
        if percent != self._shown:
            self._shown = percent
            filled = percent * _WIDTH // 100
            self._err.write(f"\r[{'#' * filled:<{_WIDTH}}] {percent:3d}%")
            self._err.flush()

    def close(self, *, done: bool) -> None:
        """Draw 100 % if reading is *done*; then clear the bar's line, if it was drawn."""
        if done:
            self.draw(self._total)
        if self._shown is not None:
            self._err.write("\r" + " " * (_WIDTH + 7) + "\r")
            self._err.flush()
            self._shown = None


@contextlib.contextmanager
def _drawing(bar: Bar) -> Iterator[Bar]:
    try:
        yield bar
    except BaseException:
        bar.close(done=False)  # the error is printed on a clean line
        raise
    bar.close(done=True)


@contextlib.contextmanager
def file_bar(handle: TextIO, err: TextIO) -> Iterator[Bar | None]:
    """Give a bar of the bytes read of the file *handle* reads, cleared when the block ends.

    ``None`` when *err* is not a terminal, or *handle* reads no regular file (a pipe, standard
    input given as text): its size is not known.
    """
    try:
        descriptor = handle.fileno()
        status = os.fstat(descriptor)
    except (AttributeError, OSError, ValueError):
        status = None
    if status is None or not stat.S_ISREG(status.st_mode) or not on_terminal(err):
        yield None
        return
    with _drawing(Bar(err, status.st_size, lambda _: os.lseek(descriptor, 0, os.SEEK_CUR))) as bar:
        yield bar


@contextlib.contextmanager
def row_bar(total: int, err: TextIO) -> Iterator[Bar | None]:
    """Give a bar of the rows read out of *total*, or ``None`` when *err* is not a terminal."""
    if not on_terminal(err):
        yield None
        return
    with _drawing(Bar(err, total, lambda rows: rows)) as bar:
        yield bar


def ticking(table: Iterator[Sequence[object]], bar: Bar) -> Iterator[Sequence[object]]:
    """Yield *table*'s rows, letting *bar* look how far they have come every few thousand."""
    for number, row in enumerate(table, start=1):
        if number % _EVERY == 0:
            bar.tick(number)
        yield row
