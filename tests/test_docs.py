"""The docs: generated parts match the code, the JSON Schema fits real output, links resolve."""

from __future__ import annotations

import io
import json
import re
import shlex
import shutil
import subprocess
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from hypothesis import given
from tools import docgen
from tools.docgen import DOCS, expected, main

from distribution import Availability, DistributionRule, decide, decide_priority_list, read_data
from distribution.cli import main as cli_main
from tests.strategies import availabilities, priority_lists

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA = json.loads(read_data("decision.schema.json"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_generated_docs_match_the_code() -> None:
    """Fails when a rule or text changed without `python -m tools.docgen`."""
    for path, text in expected().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m tools.docgen"
        )
    assert main(["--check"]) == 0


def test_the_check_notices_drift(tmp_path: Path) -> None:
    for path in DOCS.glob("*.md"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    stale = (
        (tmp_path / "rules.md")
        .read_text(encoding="utf-8")
        .replace("Helsenorge → DigitalMailbox |", "DigitalMailbox |", 1)
    )
    (tmp_path / "rules.md").write_text(stale, encoding="utf-8")
    assert expected(tmp_path, tmp_path)[tmp_path / "rules.md"] != stale


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_rule_decision_fits_the_schema() -> None:
    for rule in DistributionRule:
        for availability in Availability.all():
            VALIDATOR.validate(decide(rule, availability).to_dict())


@given(priority_lists, availabilities)
def test_priority_list_decisions_fit_the_schema(channels: tuple[Any, ...], a: Availability) -> None:
    """Every message decision validates against the published schema."""
    VALIDATOR.validate(decide_priority_list(channels, a).to_dict())


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.pop("outcome"),
        lambda p: p.update(extra=1),
        lambda p: p["rule"].update(name="Basic"),
        lambda p: p["channel"].update(code=True),
        lambda p: p["availability"].update(paper=1),
        lambda p: p.update(outcome="MAYBE"),
    ],
)
def test_schema_refuses_malformed_payloads(change: object) -> None:
    payload = decide(3, Availability(paper=True)).to_dict()
    change(payload)  # type: ignore[operator]
    assert not VALIDATOR.is_valid(payload)


def test_matrix_json_is_every_rule_decision() -> None:
    matrix = json.loads((DOCS / "decision-matrix.json").read_text(encoding="utf-8"))
    assert len(matrix) == 9 * 16
    for payload in matrix:
        VALIDATOR.validate(payload)


def test_links_between_pages_resolve() -> None:
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)\)", page.read_text(encoding="utf-8")):
            assert (DOCS / target).exists(), f"{page.name} links to missing {target}"


def test_docgen_writes_and_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in DOCS.glob("*.md"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    rules = tmp_path / "rules.md"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("| 0 | Basic |", "| 0 | Basik |"),
        encoding="utf-8",
    )
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(docgen, "expected", lambda: expected(tmp_path, tmp_path / "data"))
    assert docgen.main(["--check"]) == 1
    assert "stale:" in capsys.readouterr().err
    assert docgen.main([]) == 0
    assert docgen.main(["--check"]) == 0
    assert (tmp_path / "data" / "decision-matrix.json").read_text(encoding="utf-8") == read_data(
        "decision-matrix.json"
    )
    assert "| 0 | Basic |" in rules.read_text(encoding="utf-8")


def test_docgen_needs_its_markers(tmp_path: Path) -> None:
    for path in DOCS.glob("*.md"):
        (tmp_path / path.name).write_text("no markers here\n", encoding="utf-8")
    with pytest.raises(LookupError, match="generated:"):
        expected(tmp_path, tmp_path)


# --- command-line transcripts in the docs --------------------------------------------------------

ROOT = DOCS.parent
TRANSCRIPT = re.compile(r"```console\n(.*?)```", re.DOTALL)
TRANSCRIPT_TIME = datetime(2026, 11, 28, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))
"""The time the transcripts in the docs say they were run at."""


def _transcripts() -> list[tuple[str, str, str]]:
    """Every ``$ eprom-distribution …`` in a console block of docs/*.md, with what follows it."""
    found = []
    for page in sorted(DOCS.glob("*.md")):
        for block in TRANSCRIPT.findall(page.read_text(encoding="utf-8")):
            for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
                command, _, output = part.partition("\n")
                found.append((page.name, command, output))
    return found


@pytest.mark.parametrize(("page", "command", "output"), _transcripts())
def test_transcripts_are_what_the_command_line_prints(
    page: str, command: str, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The transcripts in the docs are real: each command, run from the repository at the time
    the docs name, prints exactly what the page shows (standard output, then standard error)."""
    words = shlex.split(command)
    assert words[0] == "eprom-distribution", page
    stdin = ""
    if "<" in words:
        at = words.index("<")
        stdin = (ROOT / words[at + 1]).read_text(encoding="utf-8")
        words = words[:at]
    monkeypatch.chdir(ROOT)
    out, err = io.StringIO(), io.StringIO()
    cli_main(
        words[1:],
        environ={},
        stdout=out,
        stderr=err,
        stdin=io.StringIO(stdin),
        now=TRANSCRIPT_TIME,
    )
    assert out.getvalue() + err.getvalue() == output


def test_the_support_page_has_transcripts_of_explain_check_and_verify() -> None:
    commands = [command for page, command, _ in _transcripts() if page == "support.md"]
    assert any(" explain " in c for c in commands)
    assert any(" check " in c for c in commands)
    assert any(" verify " in c for c in commands)


# Examples that read names made by examples before them, found by their text: `table`, the
# imports and `facts`, and two of partial.py out of order (the later one makes another `known`).
_CHOSEN = [
    ("src/distribution/mrs/audit.py", ">>> result = audit_table(table)"),
    ("src/distribution/patient/eligibility.py", ">>> eligibility = assess(facts)"),
    ("src/distribution/partial.py", '>>> possible = possible_decisions("AllowUnsecure", known)'),
    ("src/distribution/partial.py", ">>> len(known.completions())"),
]


def _chosen() -> list[str]:
    """Return the pytest ids of the examples in :data:`_CHOSEN`, by the line each starts on."""
    ids = []
    for path, text in _CHOSEN:
        lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
        line = next(n for n, line in enumerate(lines, start=1) if line.strip() == text)
        ids.append(f"{path}::sybil:docstrings,line:{line},column:1")
    return ids


def _run_chosen(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--no-cov", "-p", "no:cacheprovider", *_chosen()],
        cwd=where,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.reads_source
def test_an_example_chosen_alone_runs_with_the_examples_before_it() -> None:
    """The root conftest runs the examples a chosen one reads: `table`, the imports, `facts`.

    The last two are chosen out of order, as mutmut may: the later one makes another `known`.
    """
    run = _run_chosen(ROOT)
    assert run.returncode == 0, run.stdout
    assert "4 passed" in run.stdout


@pytest.mark.reads_source
def test_an_example_chosen_from_a_copy_of_the_source_runs(tmp_path: Path) -> None:
    """As from an unpacked sdist: the package imported is another copy than the file named.

    Pytest would import the file as a test module and stop at the mismatch; only Sybil collects it.
    """
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    run = _run_chosen(tmp_path)
    assert run.returncode == 0, run.stdout
    assert "4 passed" in run.stdout
