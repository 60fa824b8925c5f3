"""``main``: run one command line and turn every way it can end into an exit code.

One reason to change: what the command line does around a command (choosing the language,
reporting bad input in one line, ending quietly on a closed pipe, a full disk or Ctrl-C).
The exit codes are listed in the package's docstring.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final, TextIO

from distribution._errors import DistributionError
from distribution._texts import LABELS
from distribution.cli._context import PROG, Context
from distribution.cli._lang import bokmal_flags, lang_from_environment, lang_in, usage_message
from distribution.cli._parser import UsageError, build_parser

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# Exit codes beyond 0 (done), 1 (problems found) and 2 (bad input).
EXIT_CANNOT_WRITE: Final = 74  # sysexits' EX_IOERR
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE, as a shell reports a closed pipe


# What a character becomes on a stream whose encoding lacks it (cp1252, latin-1, ascii). The
# Norwegian letters are written as a Norwegian would without them; anything else is a "?".
_FALLBACK: Final = {
    "→": "->",
    "←": "<-",
    "…": "...",
    "–": "-",
    "—": "-",
    "æ": "ae",
    "ø": "oe",
    "å": "aa",
    "Æ": "Ae",
    "Ø": "Oe",
    "Å": "Aa",
    "\u00a0": " ",  # a no-break space, between the digits of a large number
}
_NBSP: Final = "\u00a0"
_ERRORS: Final = "eprom-distribution-fallback"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    wanted = error.object[error.start : error.end]
    return "".join(_FALLBACK.get(ch, "?") for ch in wanted), error.end


def _stream(stream: TextIO | None) -> TextIO:
    """Return *stream*, or one that refuses every read and write if it was closed (``>&-``).

    A stream that cannot take every character (``PYTHONIOENCODING=ascii``) writes a fallback.
    """
    if stream is None:  # io.TextIOBase's reads and writes raise io.UnsupportedOperation, an OSError
        return io.TextIOBase()  # type: ignore[return-value]  # it is a text stream
    if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
        codecs.register_error(_ERRORS, _fallback)
        stream.reconfigure(errors=_ERRORS)
    return stream


def _say(err: TextIO, text: str) -> None:
    """Write *text* to *err*; if standard error is closed or full, say nothing, quietly."""
    try:
        err.write(text)
        err.flush()
    except (OSError, ValueError):
        _gone(err)


def _one_line(text: str) -> str:
    """Return *text* as one line: control characters a user typed are shown escaped.

    A no-break space is kept: bokmål groups the digits of a large number with it (1 048 576).
    """
    return "".join(ch if ch.isprintable() or ch == _NBSP else repr(ch)[1:-1] for ch in text) + "\n"


def main(  # noqa: PLR0913  # the streams and the clock come in as arguments, for the tests
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    now: datetime | None = None,
) -> int:
    """Run the command line and return its exit code (see :mod:`distribution.cli`)."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    out = _stream(sys.stdout if stdout is None else stdout)
    err = _stream(sys.stderr if stderr is None else stderr)
    given = _stream(sys.stdin if stdin is None else stdin)
    context = Context(out, err, given, datetime.now(UTC) if now is None else now)
    lang = lang_from_environment(os.environ if environ is None else environ)
    try:
        lang = lang_in(args_in, lang)
        args = build_parser(lang, out).parse_args(args_in)
        code = int(args.handler(args, context))
        out.flush()
    except UsageError as error:
        _say(err, _one_line(f"{PROG}: {usage_message(str(error), lang)}"))
    except DistributionError as error:
        message = error.message(lang)
        if lang == "nb":
            message = bokmal_flags(message, build_parser(lang, out))
        _say(err, _one_line(f"{PROG}: {LABELS[lang]['error']}: {message}"))
    except SystemExit as done:  # --help and --version
        return _flushed(out, done.code if isinstance(done.code, int) else 0)
    except KeyboardInterrupt:
        _say(err, "\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _gone(out)
    except OSError:  # reading is reported as bad input above; this is writing the output
        _say(err, _one_line(f"{PROG}: {LABELS[lang]['error']}: {LABELS[lang]['cannot_write']}"))
        _gone(out)
        return EXIT_CANNOT_WRITE
    else:
        return code
    return 2


def _flushed(out: TextIO, code: int) -> int:
    try:
        out.flush()
    except BrokenPipeError:
        return _gone(out)
    return code


def _gone(out: TextIO) -> int:
    """Stop writing to *out*, whose reader went away, quietly, even at interpreter exit."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    return EXIT_BROKEN_PIPE
