"""What every command is given besides its arguments: the program's name, the streams, the clock.

One reason to change: a command needs something more from the world than the streams and the
clock (which come in as arguments, so the tests can give their own).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from datetime import datetime
    from typing import TextIO

    #: A command: reads its arguments, writes to the context's streams, returns the exit code.
    Handler = Callable[[argparse.Namespace, "Context"], int]
    from typing import Protocol

    class Adder(Protocol):
        """Adds a command (name, example, handler, aliases) and returns its own parser."""

        def __call__(
            self, name: str, example: str, handler: Handler, aliases: tuple[str, ...] = (), /
        ) -> argparse.ArgumentParser: ...


PROG = "eprom-distribution"


class Context:
    """What a command gets besides its arguments: the streams and the clock (CLI only)."""

    def __init__(self, out: TextIO, err: TextIO, stdin: TextIO, now: datetime) -> None:
        self.out, self.err, self.stdin, self.now = out, err, stdin, now
