"""The progress bar: bytes, not characters; 100 % at the end; a clean line; only on a terminal."""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING

import pytest

from distribution.cli import main
from distribution.cli._progress import Bar, file_bar, on_terminal
from tests.helpers.cli import HEADER, NOW, Terminal, xlsx

if TYPE_CHECKING:
    from pathlib import Path

CLEAR = "\r" + " " * 37 + "\r"
COHORT = "kommune,helsenorge,digital_mailbox,krr_contact,paper\n"


def test_the_bar_draws_each_per_cent_once_ends_full_and_clears_its_line() -> None:
    err = Terminal()
    bar = Bar(err, 200, lambda done: done)
    bar.tick(120)
    bar.tick(121)  # still 60 %: nothing drawn
    assert err.getvalue() == "\r[" + "#" * 18 + " " * 12 + "]  60%"
    bar.close(done=True)
    assert err.getvalue().endswith("\r[" + "#" * 30 + "] 100%" + CLEAR)
    bar.close(done=True)  # drawn again only if it was cleared: nothing more but the full bar
    assert err.getvalue().count("100%") == 2  # once per close


def test_a_bar_never_drawn_clears_nothing() -> None:
    err = Terminal()
    Bar(err, 10, lambda done: done).close(done=False)
    assert err.getvalue() == ""


def test_the_bar_counts_bytes_of_the_file_not_characters(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("æøå" * 50, encoding="utf-8")  # 150 characters, 300 bytes
    err = Terminal()
    with path.open(encoding="utf-8") as handle, file_bar(handle, err) as bar:
        assert bar is not None
        handle.read(150)  # every character: every byte read from the system
        bar.tick(150)
        assert err.getvalue() == "\r[" + "#" * 30 + "] 100%"
    assert err.getvalue().endswith(CLEAR)


def test_no_bar_off_a_terminal_or_without_a_file(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("x", encoding="utf-8")
    with path.open(encoding="utf-8") as handle, file_bar(handle, io.StringIO()) as bar:
        assert bar is None
    with file_bar(io.StringIO("x"), Terminal()) as bar:
        assert bar is None  # no file under it: its size is not known

    class Closed(io.StringIO):
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    assert not on_terminal(Closed())


def test_an_error_clears_the_line_without_claiming_100_per_cent(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    good = "Tromsø,1,0,0,1\n" * 20_000
    path.write_text(COHORT + good + "Tromsø,kanskje,0,0,1\n" * 6 + good, encoding="utf-8")
    err = Terminal()
    assert main(["simulate", str(path)], environ={}, stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().startswith("\r[")
    assert "100%" not in err.getvalue()
    assert CLEAR + "eprom-distribution: error:" in err.getvalue()


def _cohort(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "c.csv"
    path.write_text(COHORT + "Tromsø,1,0,0,1\n" * rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("grouped", [False, True], ids=["chunks", "row by row"])
def test_simulate_ends_at_100_and_clears_before_its_results(tmp_path: Path, grouped: bool) -> None:
    # Non-ASCII text: the characters read fall short of the bytes, which the bar counts.
    path = _cohort(tmp_path, 20_000)
    out, err = io.StringIO(), Terminal()
    extra = ["--by", "kommune"] if grouped else []
    argv = ["simulate", str(path), "--rules", "3", "--format", "csv", *extra]
    assert main(argv, environ={}, stdout=out, stderr=err, now=NOW) == 0
    drawn = err.getvalue()
    assert drawn.endswith("] 100%" + CLEAR)
    assert drawn.count("\r[") == len(set(drawn.split("\r[")[1:]))  # each per cent once
    assert ("Tromsø," if grouped else "") + "3,BasicOrPaper,20000," in out.getvalue()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_audit_draws_row_by_row_to_100_and_clears(tmp_path: Path, suffix: str) -> None:
    rows = [HEADER] + [["x", "K", 0, 1, 1, 0]] * 9000
    if suffix == ".csv":
        path = tmp_path / "d.csv"
        path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    else:
        path = xlsx(tmp_path / "d.xlsx", rows)
    err = Terminal()
    code = main(["audit", str(path)], environ={}, stdout=io.StringIO(), stderr=err, now=NOW)
    assert code == 0
    assert err.getvalue().startswith("\r[")
    assert err.getvalue().endswith("] 100%" + CLEAR)


def test_nothing_is_drawn_when_stderr_is_no_terminal(tmp_path: Path) -> None:
    path = _cohort(tmp_path, 5000)
    err = io.StringIO()
    assert main(["simulate", str(path)], environ={}, stdout=io.StringIO(), stderr=err) == 0
    assert main(["audit", str(path)], environ={}, stdout=io.StringIO(), stderr=err) == 2
    assert "\r" not in err.getvalue()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_real_terminal_the_bar_is_drawn_and_cleared(tmp_path: Path) -> None:
    path = _cohort(tmp_path, 20_000)
    leader, follower = os.openpty()
    with os.fdopen(follower, "w", encoding="utf-8", closefd=True) as terminal:
        assert terminal.isatty()
        code = main(
            ["simulate", str(path), "--rules", "3"],
            environ={},
            stdout=io.StringIO(),
            stderr=terminal,
        )
        terminal.flush()
        seen = b""
        while not seen.endswith(b"\r"):
            seen += os.read(leader, 65536)
    os.close(leader)
    assert code == 0
    assert seen.startswith(b"\r[")
    assert seen.endswith(b"] 100%" + CLEAR.encode())
