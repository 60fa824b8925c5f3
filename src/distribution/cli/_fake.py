"""The command that runs a fake ePROM on this machine: fake-eprom.

One reason to change: what ``fake-eprom`` takes and prints. It serves the pure fake
(:mod:`distribution.fake`) with :class:`~distribution.http.server.FakeEpromServer`, prints the URL
it listens on as its first line, logs each request and callback (redacted) to standard error,
and stops cleanly on Ctrl-C or SIGTERM, exiting 0.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from distribution._errors import InvalidValueError
from distribution.cli._files import read
from distribution.cli._texts import FAKE_EPROM
from distribution.fake import FakeEprom
from distribution.http.server import FakeEpromServer

_LAST_PORT = 65535

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from distribution.cli._context import Adder, Context


def add_fake_eprom(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``fake-eprom``."""
    sub = add(
        "fake-eprom",
        "fake-eprom --port 0 --patients pasienter.json --callback-base "
        "http://127.0.0.1:8080 --api-key hemmelig --record kjøring",
        _fake_eprom,
    )
    sub.add_argument("--port", type=int, required=True, metavar=say["mv_port"], help=say["port"])
    sub.add_argument("--host", default="127.0.0.1", metavar=say["mv_host"], help=say["host"])
    sub.add_argument(
        "--patients",
        "--pasienter",
        required=True,
        metavar=say["mv_json"],
        help=say["patients_file"],
    )
    sub.add_argument(
        "--callback-base", metavar=say["mv_url"], default=None, help=say["callback_base"]
    )
    sub.add_argument("--api-key", required=True, metavar=say["mv_key"], help=say["api_key"])
    sub.add_argument("--record", metavar=say["mv_dir"], default=None, help=say["record"])
    sub.add_argument("--seed", type=int, default=0, metavar=say["mv_seed"], help=say["seed"])
    sub.add_argument("--numeric-codes", action="store_true", help=say["numeric_codes"])


def _interrupt(_signal: int, _frame: object) -> NoReturn:
    raise KeyboardInterrupt


def _fake_eprom(args: argparse.Namespace, context: Context) -> int:
    if not 0 <= args.port <= _LAST_PORT:  # bind() would raise OverflowError
        raise InvalidValueError(
            "out_of_range", value=args.port, field="--port", choices=f"0-{_LAST_PORT}"
        )
    key = context.stdin.readline().strip() if args.api_key == "-" else args.api_key
    fake = FakeEprom(
        read(args.patients, context.stdin),
        api_key=key,
        seed=args.seed,
        numeric_codes=args.numeric_codes,
    )
    err = context.err

    def log(line: str) -> None:
        err.write(line + "\n")
        err.flush()

    try:
        server = FakeEpromServer(
            fake,
            host=args.host,
            port=args.port,
            callback_base=args.callback_base,
            record=None if args.record is None else Path(args.record),
            log=log,
        )
    except OSError:  # the address is taken, or not this machine's
        raise InvalidValueError(
            "cannot_listen", value=f"{args.host}:{args.port}", field="--port"
        ) from None
    # CI stops a background job with SIGTERM; it ends the run as Ctrl-C does.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with server:
            context.out.write(server.url + "\n")
            context.out.flush()
            while True:
                time.sleep(0.25)
    except KeyboardInterrupt:
        pass  # the server has stopped: the with block saw to it
    finally:
        signal.signal(signal.SIGTERM, previous)
    log(
        FAKE_EPROM[args.lang]["stopped"].format(
            orders=len(server.orders), delivered=len(server.delivered), failed=len(server.failed)
        )
    )
    return 0
