"""Reading files: damaged and unreadable tables, Excel without its extra, the progress bar."""

from __future__ import annotations

import csv
import io
import sys
from typing import TYPE_CHECKING

import pytest

from distribution.cli import main
from tests.helpers.cli import HEADER, NOW, Terminal, assert_one_line_error, run, xlsx

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("d.xlsx", b"not a zip file", "it is a text file, not an Excel workbook (.xlsx)"),
        (
            "d.csv",
            b"DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,"
            + b"1" * 200_000
            + b",0\n",
            "line 2 is longer than the CSV reader's limit of 131072 characters a field",
        ),
        ("d.csv", b"\xff\xfe\xfa", "cannot read"),
        ("d.csv", b"", "is empty"),
    ],
)
def test_audit_bad_files_are_one_line(
    tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_one_line_error(*run("audit", str(path)), needle)


def test_audit_without_the_excel_extra_says_which_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # fails, as when not installed
    code, out, err = run("audit", str(tmp_path / "d.xlsx"))
    assert_one_line_error(code, out, err, "pip install 'eprom-distribution[excel]'")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_audit_draws_a_progress_bar_on_a_terminal(tmp_path: Path, suffix: str) -> None:
    rows = [HEADER] + [["x", "K", 0, 1, 1, 0]] * 5000
    if suffix == ".csv":
        path = tmp_path / "d.csv"
        path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    else:
        path = xlsx(tmp_path / "d.xlsx", rows)
    err = Terminal()
    code = main(
        ["audit", str(path), "--delimiter", ","] if suffix == ".csv" else ["audit", str(path)],
        environ={},
        stdout=io.StringIO(),
        stderr=err,
        now=NOW,
    )
    assert code == 0
    assert "[" in err.getvalue()
    assert "100%" in err.getvalue()


def test_audit_says_a_csv_error_without_a_limit_as_a_file_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python 3.10 refused a NUL so; later versions read it, and no other error is known.
    def refuses(*_args: object, **_kwargs: object) -> object:
        raise csv.Error("line contains NUL")

    monkeypatch.setattr(csv, "reader", refuses)
    path = tmp_path / "d.csv"
    path.write_text("DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,1,0\n")
    assert_one_line_error(*run("audit", str(path)), "cannot read", "could not open it")
