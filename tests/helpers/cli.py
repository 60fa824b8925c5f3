"""Running the command line in the tests: its output and exit code, and the files it reads."""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from benchmarks.make_workbook import workbook

from distribution.cli import main

if TYPE_CHECKING:
    from pathlib import Path

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))


def run(
    *argv: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        list(argv),
        environ=env or {},
        stdout=out,
        stderr=err,
        stdin=io.StringIO(stdin or ""),
        now=NOW,
    )
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)


class Terminal(io.StringIO):
    """Standard error as a terminal, where the progress bar is drawn."""

    def isatty(self) -> bool:
        return True


HEADER: list[object] = [
    "Id",
    "Code",
    "DistributionRule",
    "NotificationChannel",
    "OrderStatus",
    "ErrorCode",
]


def xlsx(path: Path, rows: list[list[object]], sheet: str = "Bestillinger") -> Path:
    """Write *rows* as the one sheet of workbook *path*, as Excel writes it."""
    return workbook(path, {sheet: rows})
