"""The ``eprom-distribution`` console script: Ctrl-C while the package loads ends quietly, 130.

pip's script wrapper runs ``from _eprom_distribution import main``. This module stands outside
the package on purpose: importing any module inside it runs the package's ``__init__`` first,
before a ``try`` of ours could catch the ``KeyboardInterrupt``, which then printed a traceback.
So its top makes SIGINT end the process with 130 before the package loads, and :func:`main`
gives Ctrl-C back to the command line, which ends just as quietly with 130 itself.
``python -m distribution`` does the same in ``distribution/__main__.py``.
"""

import signal
import sys
from types import FrameType

_EXIT_INTERRUPTED = 130  # 128 + SIGINT, as the command line's own EXIT_INTERRUPTED


def _interrupted(_signum: int, _frame: FrameType | None) -> None:
    sys.exit(_EXIT_INTERRUPTED)


# Only where Ctrl-C would raise KeyboardInterrupt: a SIGINT ignored (nohup, a background job in
# some shells) stays ignored.
if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted)

# The package loads here, after the handler: E402 is the point of this module.
from distribution.cli import main as _main  # noqa: E402


def main() -> int:
    """Run the command line (:func:`distribution.cli.main`) with Ctrl-C handled by it again."""
    if signal.getsignal(signal.SIGINT) is _interrupted:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    return _main()
