"""The command line, through its entry point: output, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import runpy
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from distribution.cli import _usage_message, _with_progress, lang_from_environment, main

if TYPE_CHECKING:
    from pathlib import Path


def run(
    *argv: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        old = sys.stdin
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv), environ=env or {}, stdout=out, stderr=err)
    finally:
        if stdin is not None:
            sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)


def test_decide_prints_the_decision() -> None:
    code, out, err = run("decide", "BasicOrPaper", "--available", "digital_mailbox,paper")
    assert (code, err) == (0, "")
    assert "Rule: 3 BasicOrPaper" in out
    assert "Channel: 2 DigitalMailbox" in out
    assert "Fallback chain: DigitalMailbox → PhysicalMailbox" in out
    assert "Outcome: NOTIFIED" in out


def test_decide_json_is_the_wire_format() -> None:
    code, out, _ = run("decide", "3", "--available", "DigitalMailbox, paper", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["rule"] == {"code": 3, "name": "BasicOrPaper"}
    assert payload["channel"] == {"code": 2, "name": "DigitalMailbox"}
    assert payload["outcome"] == "NOTIFIED"


def test_decide_with_a_priority_list_and_nothing_available() -> None:
    code, out, _ = run("decide", "--priority-list", "paper,helsenorge", "--available", "", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["rule"] is None
    assert [c["name"] for c in payload["route"]] == ["PhysicalMailbox", "Helsenorge"]
    assert payload["outcome"] == "UNREACHABLE"


def test_decide_without_a_rule_uses_basic_like_eprom() -> None:
    code, out, _ = run("decide", "--available", "helsenorge")
    assert code == 0
    assert "Rule: 0 Basic" in out


def test_explain_in_bokmal_and_english() -> None:
    code, out, _ = run("explain", "AllowUnsecure", "--available", "krr_contact", "--lang", "nb")
    assert code == 0
    assert "Regel: 1 AllowUnsecure" in out
    assert "tilgjengelig, valgt" in out
    code, out, _ = run("explain", "AllowUnsecure", "--available", "krr_contact", "--lang", "en")
    assert "available, chosen" in out


def test_lang_defaults_from_the_locale() -> None:
    _, out, _ = run("explain", "Basic", "--available", "helsenorge", env={"LANG": "nb_NO.UTF-8"})
    assert "Regel: 0 Basic" in out
    _, out, _ = run("explain", "Basic", "--available", "helsenorge", env={"LANG": "de_DE.UTF-8"})
    assert "Rule: 0 Basic" in out


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "nb_NO.UTF-8"}, "nb"),
        ({"LANG": "no_NO"}, "nb"),
        ({"LANG": "nn_NO.UTF-8"}, "nb"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "nbx"}, "en"),
        ({"LANG": "nb_NO.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US", "LC_MESSAGES": "nb_NO"}, "nb"),
    ],
)
def test_locale_precedence(environ: dict[str, str], lang: str) -> None:
    assert lang_from_environment(environ) == lang


def test_rules_lists_every_rule() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for name in (
        "Basic",
        "AllowUnsecure",
        "NoDistribution",
        "BasicOrPaper",
        "AllowUnsecureOrPaper",
        "PaperOnly",
        "HelsenorgeOnly",
        "DigitalMailboxOnly",
        "UnsecureOnly",
    ):
        assert name in out
    code, out, _ = run("rules", "--format", "json", "--lang", "nb")
    rules = json.loads(out)
    assert [r["code"] for r in rules] == list(range(9))
    assert rules[3]["route"] == [
        {"code": 1, "name": "Helsenorge"},
        {"code": 2, "name": "DigitalMailbox"},
        {"code": 4, "name": "PhysicalMailbox"},
    ]
    assert "brev i posten" in rules[3]["meaning"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_matrix_in_every_format(fmt: str) -> None:
    code, out, _ = run("matrix", "--format", fmt)
    assert code == 0
    if fmt == "json":
        assert len(json.loads(out)) == 9 * 16
    elif fmt == "csv":
        assert len(out.strip().splitlines()) == 1 + 9 * 16
    else:
        assert "BasicOrPaper" in out


def test_describe_a_status() -> None:
    code, out, _ = run("describe", "status", "4", "--lang", "nb")
    assert code == 0
    assert out.startswith("FormOrderStatus 4 PhysicalMailReturned: Brev i retur")
    code, out, _ = run("describe", "FormOrderStatusErrorCode", "PatientUnreachable")
    assert "FormOrderStatusErrorCode 1 PatientUnreachable" in out


def test_preflight_exit_codes() -> None:
    code, out, _ = run("preflight", "Basic")
    assert code == 0
    assert "No problems" in out
    code, out, _ = run("preflight", "NoDistribution", "--must-be-signed", "--lang", "nb")
    assert code == 1
    assert "NoDistribution" in out
    code, out, _ = run(
        "preflight", "BasicOrPaper", "--not-paper-enabled", "--national-id", "15108695077", "--json"
    )
    assert code == 1
    assert json.loads(out) == ["paper_not_enabled", "national_id_checksum"]
    assert "15108695077" not in out


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (
            ["decide", "9", "--available", "paper"],
            ["'9'", "DistributionRule", "0=Basic", "8=UnsecureOnly"],
        ),
        (
            ["decide", "Basic", "--available", "fax"],
            ["'fax'", "helsenorge", "krr_contact", "paper"],
        ),
        (["decide", "Basic", "--available", "none"], ["'none'", "helsenorge"]),
        (["decide", "Basic"], ["--available"]),
        (
            ["decide", "Basic", "--available", "paper", "--priority-list", "paper"],
            ["'Basic'", "--priority-list"],
        ),
        (["decide", "--priority-list", "paper,paper", "--available", "paper"], ["more than once"]),
        (["decide", "--priority-list", "", "--available", "paper"], ["empty"]),
        (["explain", "Basic", "--available", "paper", "--lang", "de"], ["'de'", "nb", "en"]),
        (["matrix", "--format", "xml"], ["'xml'", "markdown", "csv"]),
        (["describe", "colour", "1"], ["'colour'", "status"]),
        (["describe", "status", "9"], ["'9'", "PhysicalMailReturned"]),
        (["assess", "/nonexistent/patient.json"], ["/nonexistent/patient.json"]),
        (["bogus"], ["'bogus'", "decide", "explain"]),
        ([], ["COMMAND"]),
        (["decide", "Basic", "--available", "paper", "--frobnicate"], ["--frobnicate"]),
    ],
)
def test_bad_input_is_one_line_naming_the_value_and_choices(
    argv: list[str], needles: list[str]
) -> None:
    assert_one_line_error(*run(*argv), *needles)


def test_errors_follow_the_language() -> None:
    code, out, err = run("decide", "Basic", "--available", "fax", "--lang", "nb")
    assert_one_line_error(code, out, err, "feil:", "er ikke en kjent kanal")
    code, out, err = run("decide", "Basic", env={"LANG": "nb_NO.UTF-8"})
    assert_one_line_error(code, out, err, "mangler", "--available")


@pytest.mark.parametrize(
    "command", ["decide", "explain", "rules", "matrix", "describe", "assess", "preflight"]
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example: eprom-distribution " + command in out


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("eprom-distribution ")


def test_assess_reads_facts_from_a_file(tmp_path: Path) -> None:
    facts = {
        "reference_time": "2026-11-25T12:00:00+01:00",
        "age": 40,
        "level4_eid": True,
        "helsenorge_consent": "none",
        "postal_address": True,
        "krr": {
            "personidentifikator": "15108695088",
            "status": "AKTIV",
            "reservasjon": "JA",
            "varslingsstatus": "KAN_IKKE_VARSLES",
            "digital_post": {"postkasseadresse": "x#1"},
        },
    }
    path = tmp_path / "patient.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    code, out, _ = run("assess", str(path), "--rule", "BasicOrPaper", "--lang", "nb")
    assert code == 0
    assert "er reservert mot digital kommunikasjon i KRR" in out
    assert "Brev i posten: tilgjengelig, valgt" in out
    assert "15108695088" not in out
    code, out, _ = run("assess", "-", "--json", stdin=json.dumps(facts))
    payload = json.loads(out)
    assert payload["decision"]["channel"]["name"] == "None"
    assert payload["eligibility"]["reasons"]["digital_mailbox"] == [
        "not_digitally_active",
        "no_contact_details",
        "krr_cannot_notify",
        "krr_reserved",
    ]


ACTIVE_ADULT = {
    "reference_time": "2026-11-25T12:00:00+01:00",
    "national_id": "20914695016",
    "level4_eid": True,
    "helsenorge_consent": "full",
    "research_reserved": True,
    "postal_address": True,
    "krr": {
        "status": "AKTIV",
        "reservasjon": "NEI",
        "varslingsstatus": "KAN_VARSLES",
        "kontaktinformasjon": {
            "epostadresse": "kari@example.no",
            "epostadresse_oppdatert": "2026-06-01T10:00:00+02:00",
        },
    },
}


def test_assess_reads_the_new_facts_and_marks_research(tmp_path: Path) -> None:
    path = tmp_path / "adult.json"
    path.write_text(json.dumps(ACTIVE_ADULT), encoding="utf-8")
    code, out, _ = run("assess", str(path), "--json")
    assert code == 0
    assert json.loads(out)["decision"]["channel"]["name"] == "Helsenorge"
    code, out, _ = run("assess", str(path), "--json", "--research")
    payload = json.loads(out)
    assert payload["eligibility"]["reasons"]["helsenorge"] == ["research_reserved"]
    assert payload["decision"]["channel"]["name"] == "None"  # Basic: no mailbox either
    code, out, _ = run("assess", str(path), "--research", "--rule", "AllowUnsecure", "--lang", "nb")
    assert code == 0
    assert "har reservert seg på Helsenorge mot henvendelser til andre formål enn helsehjelp" in out
    assert "20914695016" not in out


def test_assess_on_behalf_of_reads_the_second_person(tmp_path: Path) -> None:
    parent = tmp_path / "parent.json"
    parent.write_text(json.dumps({**ACTIVE_ADULT, "research_reserved": None}), encoding="utf-8")
    child = tmp_path / "child.json"
    child.write_text(
        json.dumps(
            {
                "reference_time": "2026-11-25T12:00:00+01:00",
                "national_id": "26670271527",
                "helsenorge_representable": False,
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run("assess", str(parent), "--on-behalf-of", str(child), "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["eligibility"]["reasons"]["helsenorge"][0] == "on_behalf_of"
    assert payload["eligibility"]["availability"]["helsenorge"] is False
    code, out, _ = run("assess", str(parent), "--on-behalf-of", str(child), "--lang", "nb")
    assert "på Helsenorge går skjemaet til den det gjelder (onBehalfOfNationalId)" in out
    child.write_text('{"reference_time": "2026-11-25T12:00:00+01:00", "age": "9"}', "utf-8")
    assert_one_line_error(
        *run("assess", str(parent), "--on-behalf-of", str(child)),
        "on_behalf_of.age must be an integer",
    )
    assert_one_line_error(
        *run("assess", str(parent), "--on-behalf-of", str(tmp_path / "none.json")),
        "cannot read",
    )
    child.write_text('{"reference_time": "2026-11-26T12:00:00+01:00"}', "utf-8")
    assert_one_line_error(
        *run("assess", str(parent), "--on-behalf-of", str(child)),
        "on_behalf_of.reference_time",
    )


def test_assess_still_refuses_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "typo.json"
    path.write_text(json.dumps({**ACTIVE_ADULT, "researchreserved": True}), encoding="utf-8")
    assert_one_line_error(*run("assess", str(path)), "unexpected keys", "researchreserved")


def test_assess_refuses_bad_facts_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "patient.json"
    path.write_text('{"reference_time": "yesterday"}', encoding="utf-8")
    assert_one_line_error(*run("assess", str(path)), "reference_time", "'yesterday'")
    path.write_text("{not json", encoding="utf-8")
    assert_one_line_error(*run("assess", str(path)), "not valid JSON")


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "distribution", "decide", "Basic", "--available", "bogus"],
        capture_output=True,
        text=True,
        check=False,
        env={"LANG": "C"},
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "'bogus'" in done.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text(
        "helsenorge,digital_mailbox,krr_contact,paper\n" + "1,0,0,1\n" * 10, encoding="utf-8"
    )
    terminal = _Terminal()
    with path.open(encoding="utf-8") as handle:
        lines = list(_with_progress(handle, terminal, every=4))
    assert len(lines) == 11
    drawn = terminal.getvalue()
    assert "[" in drawn
    assert "8 rows" in drawn
    assert drawn.endswith("\r")  # the bar is wiped when done
    out, err = _Terminal(), _Terminal()
    assert main(["simulate", str(path), "--format", "csv"], environ={}, stdout=out, stderr=err) == 0
    assert "0 Basic,10,0,0,0,0,0,0" in out.getvalue()


def test_module_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["distribution", "describe", "sent", "1"])
    with pytest.raises(SystemExit) as done:
        runpy.run_module("distribution", run_name="__main__")
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("SentStatus 1 Error:")


def test_matrix_legend_follows_the_language() -> None:
    _, out, _ = run("matrix", "--lang", "nb")
    assert "brev i posten" in out
    assert "engangskode" in out
    _, out, _ = run("matrix", "--format", "markdown")
    assert "one-time code" in out


def test_argparse_messages_are_said_in_bokmal() -> None:
    err = io.StringIO()
    assert main(["preflight", "Basic", "--n", "1", "--lang", "nb"], stderr=err) == 2
    assert err.getvalue() == (
        "eprom-distribution: tvetydig valg: --n kan bety --not-paper-enabled, --national-id"
        " (se eprom-distribution --help)\n"
    )


def test_an_argparse_message_without_a_translation_is_passed_on_as_it_is() -> None:
    assert _usage_message("something argparse never said", "nb") == (
        "something argparse never said (se eprom-distribution --help)"
    )
