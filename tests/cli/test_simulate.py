"""simulate as a registry runs it: standard input, gzip, --missing, --max-skipped, --by, --plot."""

from __future__ import annotations

import bz2
import gzip
import importlib
import io
import json
import lzma
from typing import TYPE_CHECKING

import pytest

from distribution.cli import _plot, main
from tests.helpers.cli import NOW, Terminal, assert_one_line_error, run

if TYPE_CHECKING:
    from pathlib import Path

COHORT = "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n0,0,1,1\n"
# BasicOrPaper over COHORT: Helsenorge 1, paper 1 (with a digital channel).
ROW = "3,BasicOrPaper,2,1,50.0,0,0.0,0,0.0,1,50.0,0,0.0,0,0.0,1,50.0,0,0.0,0,0"


def _csv(*argv: str, stdin: io.TextIOBase | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["simulate", *argv, "--rules", "BasicOrPaper", "--format", "csv"],
        environ={},
        stdout=out,
        stderr=err,
        stdin=stdin,  # type: ignore[arg-type]
        now=NOW,
    )
    return code, out.getvalue(), err.getvalue()


def test_a_dash_reads_standard_input() -> None:
    code, out, err = run("simulate", "-", "--rules", "3", "--format", "csv", stdin=COHORT)
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == ROW
    # Standard input as bytes, in cp1252, as a pipe gives it.
    stdin = io.TextIOWrapper(io.BytesIO(COHORT.replace(",", ";").encode("cp1252")))
    assert _csv("-", "--encoding", "cp1252", stdin=stdin)[1].splitlines()[1] == ROW
    assert not stdin.closed  # standard input is left open


def test_gzip_is_read_by_its_name_or_its_first_bytes(tmp_path: Path) -> None:
    for name in ("cohort.csv.gz", "cohort.csv"):
        path = tmp_path / name
        path.write_bytes(gzip.compress(COHORT.encode()))
        assert _csv(str(path)) == (0, f"{_header()}\n{ROW}\n", "")
    stdin = io.TextIOWrapper(io.BytesIO(gzip.compress(COHORT.encode())))
    assert _csv("-", stdin=stdin)[1].splitlines()[1] == ROW


def _header() -> str:
    return _csv("-", stdin=io.StringIO(COHORT))[1].splitlines()[0]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (bz2.compress(COHORT.encode()), "compressed with bzip2; unpack it (bunzip2) or pipe"),
        (lzma.compress(COHORT.encode()), "compressed with xz; unpack it (unxz)"),
        (b"\x28\xb5\x2f\xfd" + b"\x00" * 20, "compressed with zstd"),
        (b"PK\x03\x04" + b"\x00" * 20, "a ZIP archive or an Excel workbook"),
        (b"7z\xbc\xaf\x27\x1c" + b"\x00" * 20, "a 7z archive"),
        (gzip.compress(COHORT.encode())[:20], "the gzip file is damaged or cut short"),
        (b"\x1f\x8bnot gzip at all", "the gzip file is damaged"),
    ],
    ids=["bzip2", "xz", "zstd", "zip", "7z", "cut-gzip", "bad-gzip"],
)
def test_a_file_compressed_another_way_says_what_to_do(
    tmp_path: Path, content: bytes, needle: str
) -> None:
    path = tmp_path / "cohort.csv"
    path.write_bytes(content)
    assert_one_line_error(*run("simulate", str(path)), needle)


def test_missing_values_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text(COHORT + "NULL,0,0,1\n", encoding="utf-8")
    assert_one_line_error(*run("simulate", str(path)), "line 4: no value ('NULL')")
    code, out, err = _csv(str(path), "--missing", "unknown")
    assert (code, err) == (0, "")
    # The third patient: Helsenorge not known, paper available: not settled under BasicOrPaper.
    assert out.splitlines()[1] == (
        "3,BasicOrPaper,3,1,33.3,0,0.0,0,0.0,1,33.3,0,0.0,0,0.0,1,33.3,1,33.3,0,0"
    )
    code, out, err = run("simulate", str(path), "--missing", "unknown", "--rules", "3")
    assert "not settled" in out
    assert "1 (33.3 %)" in out
    code, out, err = _csv(str(path), "--missing", "skip")
    assert out.splitlines()[1].endswith(",0,1")  # skipped 0, incomplete 1
    code, out, _ = run("simulate", str(path), "--missing", "skip", "--lang", "nb")
    assert "rader utelatt for manglende verdi: 1" in out


def test_skipping_every_row_is_never_a_success(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text("helsenorge,digital_mailbox,krr_contact,paper\n2,0,0,1\n?,1,1,1\n")
    for fmt in ("text", "markdown", "csv", "json"):
        code, out, err = run("simulate", str(path), "--skip-bad", "--format", fmt)
        assert code == 1
        assert "skipped every row; the figures say nothing" in err
        assert out  # the table is printed, and says what was skipped
    code, out, _ = run("simulate", str(path), "--skip-bad", "--format", "json")
    assert json.loads(out)["skipped"] == 2
    blank = tmp_path / "blank.csv"
    blank.write_text("helsenorge,digital_mailbox,krr_contact,paper\n,,,\n")
    code, _, err = run("simulate", str(blank), "--missing", "skip")
    assert code == 1
    assert "skipped every row" in err


def test_max_skipped_is_a_share_or_a_count(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    rows = COHORT.split("\n", 1)[1]
    path.write_text(COHORT + rows * 49 + "?,1,1,1\n")  # 1 bad row of 101 read: under 1 %
    assert run("simulate", str(path), "--skip-bad")[0] == 0
    assert run("simulate", str(path), "--skip-bad", "--max-skipped", "0.5%")[0] == 1
    assert run("simulate", str(path), "--skip-bad", "--max-skipped", "0")[0] == 1
    assert run("simulate", str(path), "--skip-bad", "--max-skipped", "1")[0] == 0
    for bad in ("lots", "-1", "150%", "1.5", "nan%"):
        assert_one_line_error(
            *run("simulate", str(path), "--max-skipped", bad), "--max-skipped", "1%"
        )


def test_by_a_column_gives_each_groups_table(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text(
        "kommune;helsenorge;digital_mailbox;krr_contact;paper\n"
        "Oslo;1;0;0;1\nBergen;0;0;1;1\nOslo;0;0;0;0\n",
        encoding="utf-8",
    )
    code, out, err = _csv(str(path), "--by", "kommune")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("kommune,rule_code,rule_name,patients,helsenorge,")
    assert (
        lines[1]
        == "Bergen,3,BasicOrPaper,1,0,0.0,0,0.0,0,0.0,1,100.0,0,0.0,0,0.0,1,100.0,0,0.0,0,0"
    )
    assert lines[2] == "Oslo,3,BasicOrPaper,2,1,50.0,0,0.0,0,0.0,0,0.0,1,50.0,0,0.0,0,0.0,0,0.0,0,0"
    code, out, _ = run(
        "simulate", str(path), "--by", "kommune", "--rules", "3", "--format", "markdown"
    )
    assert "### kommune = Bergen (patients: 1)" in out
    code, out, _ = run("simulate", str(path), "--by", "kommune", "--rules", "3", "--lang", "nb")
    assert "kommune = Oslo (pasienter: 2)" in out
    assert_one_line_error(
        *run("simulate", str(path), "--by", "fylke"), "no column 'fylke'", "kommune"
    )


def test_plot_draws_an_svg_and_a_png(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text(COHORT, encoding="utf-8")
    svg, png = tmp_path / "figure.svg", tmp_path / "figure.PNG"
    assert run("simulate", str(path), "--plot", str(svg))[0] == 0
    picture = svg.read_text(encoding="utf-8")
    assert picture.startswith("<?xml")
    for text in ("3 BasicOrPaper", "Helsenorge", "unreachable", "not settled", "patients"):
        assert text in picture, text
    assert run("simulate", str(path), "--plot", str(svg))[0] == 0
    assert svg.read_text(encoding="utf-8") == picture  # the same file every time
    assert run("simulate", str(path), "--plot", str(png), "--lang", "nb")[0] == 0
    assert png.read_bytes().startswith(b"\x89PNG")


def test_plot_refuses_another_kind_of_file_before_reading(tmp_path: Path) -> None:
    assert_one_line_error(
        *run("simulate", str(tmp_path / "none.csv"), "--plot", "figure.pdf"),
        "--plot 'figure.pdf': the file must end in .svg or .png",
    )


def test_plot_without_matplotlib_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(_plot, "_MODULES", {})
    monkeypatch.setattr(importlib, "import_module", missing)
    assert_one_line_error(
        *run("simulate", str(tmp_path / "c.csv"), "--plot", "f.svg"),
        "pip install 'eprom-distribution[plot]'",
    )


def test_the_progress_bar_is_not_drawn_for_standard_input() -> None:
    err = Terminal()
    out = io.StringIO()
    stdin = io.StringIO(COHORT)
    assert main(["simulate", "-"], environ={}, stdout=out, stderr=err, stdin=stdin) == 0
    assert err.getvalue() == ""
