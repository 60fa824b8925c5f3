"""The benchmarks run in quick mode so they cannot rot; no timing is asserted here."""

from __future__ import annotations

from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def bench_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))


@pytest.mark.usefixtures("bench_modules")
def test_quick_benchmark_writes_every_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import run  # noqa: PLC0415

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
        "`simulate` from a CSV",
        "bytes left allocated",
        "import time of `distribution`",
    ):
        assert row in text, row
    capsys.readouterr()


@pytest.mark.usefixtures("bench_modules")
def test_the_naive_baseline_agrees_with_decide() -> None:
    import run  # noqa: PLC0415

    from distribution import Availability, DistributionRule, decide  # noqa: PLC0415

    for rule in DistributionRule:
        for availability in Availability.all():
            assert run.naive(rule, availability) is decide(rule, availability).channel


@pytest.mark.usefixtures("bench_modules")
def test_make_cohort_is_repeatable(tmp_path: Path) -> None:
    import make_cohort  # noqa: PLC0415

    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    make_cohort.write(200, a, seed=5)
    make_cohort.write(200, b, seed=5)
    assert a.read_bytes() == b.read_bytes()
    lines = a.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "patient,helsenorge,digital_mailbox,krr_contact,paper"
    assert len(lines) == 201
