"""The benchmarks run in quick mode so they cannot rot; no timing is asserted here."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest
from benchmarks import excel, make_cohort, run

from distribution import Availability, DistributionRule, assess, decide

if TYPE_CHECKING:
    from pathlib import Path


def test_quick_benchmark_writes_every_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "performance.md"
    output.write_text(
        "before\n<!-- benchmark results -->\nold\n<!-- /benchmark results -->\nafter\n",
        encoding="utf-8",
    )
    assert run.main(["--quick", "--output", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert text.startswith("before\n<!-- benchmark results -->\nRun: ")
    assert text.endswith("<!-- /benchmark results -->\nafter\n")
    assert "old" not in text
    for row in (
        "**limit**",
        "naive inline",
        "`decide` with an enum rule",
        "`decide` with an int rule",
        "`decide` with a str rule",
        "`fallback_chain`",
        "`decide_priority_list`",
        "`decide_many`",
        "5.5 million decisions",
        "`simulate`, all 9 rules",
        "`simulate(CsvCohort(file))`",
        "**csv.reader pass**",
        "`decide(int, Availability(helsenorge=…, …))`",
        "`Availability` as a dict key",
        "`decide_each` with int rules",
        "DuckDB",
        "`assess(facts)`",
        "bytes left allocated",
        "orders through the fake ePROM server and the client",
        "import: whole",
    ):
        assert row in text, row
    capsys.readouterr()


def test_the_naive_baseline_agrees_with_decide() -> None:
    for rule in DistributionRule:
        for availability in Availability.all():
            assert run.naive(rule, availability) is decide(rule, availability).channel


def test_the_hand_written_assess_agrees_with_assess() -> None:
    for facts in run.facts_cohort(300, seed=2):
        a = assess(facts).availability
        assert run.hand_assess(facts) == (a.helsenorge, a.digital_mailbox, a.krr_contact, a.paper)


def test_make_cohort_is_repeatable(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    make_cohort.write(200, a, seed=5)
    make_cohort.write(200, b, seed=5)
    assert a.read_bytes() == b.read_bytes()
    lines = a.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "patient,helsenorge,digital_mailbox,krr_contact,paper"
    assert len(lines) == 201


def test_the_excel_benchmark_times_the_audit_and_its_steps(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as where the benchmark group is not
    assert excel.main(["--rows", "200"]) == 0
    out, err = capsys.readouterr()
    assert "| `audit` of a 200-row .xlsx datadump" in out
    assert "| … its checks (expat; a plain sheet searched in C) |" in out
    assert "| … calamine's read of the values |" in out
    assert "openpyxl, read-only" not in out
    assert err == "openpyxl is not installed: its row is left out\n"


def test_the_excel_benchmark_compares_with_openpyxl_where_it_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("openpyxl", reason="the benchmark dependency group is not installed")
    assert excel.main(["--rows", "200"]) == 0
    out = capsys.readouterr().out
    assert "| openpyxl, read-only, values only |" in out
    assert "openpyxl, read-only, values only | " in out.splitlines()[2]  # the audit's baseline
