"""The command line, through its entry point: output, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import os
import runpy
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from distribution import Availability, CsvCohort, UnknownCodeError, decide
from distribution.cli import main
from distribution.cli._files import progress_bar as _progress_bar
from distribution.cli._lang import lang_from_environment
from distribution.cli._lang import usage_message as _usage_message

if TYPE_CHECKING:
    from collections.abc import Iterator

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


def test_decide_prints_the_decision() -> None:
    code, out, err = run("decide", "BasicOrPaper", "--available", "digital_mailbox,paper")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Rule: 3 BasicOrPaper",
        (
            "Route: Helsenorge → secure digital mailbox (DigitalMailbox)"
            " → paper letter (PhysicalMailbox)"
        ),
        "Available: secure digital mailbox (DigitalMailbox), paper letter (PhysicalMailbox)",
        "Fallback chain: secure digital mailbox (DigitalMailbox) → paper letter (PhysicalMailbox)",
        "Channel: secure digital mailbox (DigitalMailbox)",
        "Outcome: the form is sent (NOTIFIED)",
    ]


def test_decide_in_bokmal_says_channels_and_outcome_in_norwegian_words() -> None:
    code, out, _ = run("decide", "HelsenorgeOnly", "--available", "papir", "--lang", "nb")
    assert code == 0
    assert out.splitlines() == [
        "Regel: 6 HelsenorgeOnly",
        "Rekkefølge: Helsenorge",
        "Tilgjengelig: papirbrev (PhysicalMailbox)",
        "Reservekjede: ingen",
        "Kanal: ingen kanal (None)",
        "Utfall: pasienten kan ikke nås (UNREACHABLE)",
    ]


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
    assert rules[3]["meaning"] == "Som Basic, med papirbrev som siste utvei."


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
    assert out.startswith("FormOrderStatus 4 PhysicalMailReturned – Brev i retur:")
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
        (["decide", "Basic", "--available", "paper,none"], ["'none'", "helsenorge"]),
        (["decide", "Basic", "--available", "papr"], ["'papr'", "did you mean paper?"]),
        (["decide", "Basci", "--available", "paper"], ["'Basci'", "did you mean Basic?"]),
        (["matrix", "--format", "markdwn"], ["'markdwn'", "did you mean markdown?"]),
        (["describe", "stauts", "1"], ["'stauts'", "did you mean status?"]),
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
    assert "pasienten er reservert mot digital kommunikasjon i KRR" in out
    assert "Papirbrev (PhysicalMailbox): tilgjengelig, valgt" in out
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
        draw = _progress_bar(handle, terminal)
        draw(75)  # of the file's 125 bytes
        assert terminal.getvalue() == "\r[" + "#" * 18 + " " * 12 + "]  60%"
        draw(125)
    assert terminal.getvalue().endswith("100%\r" + " " * 40 + "\r")  # wiped when done
    out, err = _Terminal(), _Terminal()
    assert main(["simulate", str(path), "--format", "csv"], environ={}, stdout=out, stderr=err) == 0
    assert "0 Basic,10,0,0,0,0,0,0" in out.getvalue()
    assert "100%" in err.getvalue()


def test_module_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["distribution", "describe", "sent", "1"])
    with pytest.raises(SystemExit) as done:
        runpy.run_module("distribution", run_name="__main__")
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("SentStatus 1 Error – ")


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


# --- the support desk: Norwegian words, facts as flags, files from Excel --------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("papir", "papirbrev (PhysicalMailbox)"),
        ("BREV,Post", "papirbrev (PhysicalMailbox)"),
        ("postadresse", "papirbrev (PhysicalMailbox)"),
        ("Digipost", "sikker digital postkasse (DigitalMailbox)"),
        ("e-boks,eboks,postkasse", "sikker digital postkasse (DigitalMailbox)"),
        ("digital postkasse", "sikker digital postkasse (DigitalMailbox)"),
        ("SMS", "SMS eller e-post (Unsecure)"),
        ("e-post,epost,mobil,krr", "SMS eller e-post (Unsecure)"),
        ("hn", "Helsenorge"),
        ("ingen", "ingen"),
        ("None", "ingen"),
    ],
)
def test_channels_in_the_words_people_use(words: str, expected: str) -> None:
    code, out, _ = run("decide", "PaperOnly", "--available", words, "--lang", "nb")
    assert code == 0
    assert f"Tilgjengelig: {expected}\n" in out


@pytest.mark.parametrize("spelling", ["nb", "NO", "nb-NO", "nb_NO", "nn", "no_NO.UTF-8"])
def test_lang_takes_norwegian_in_any_spelling(spelling: str) -> None:
    code, out, _ = run("rules", "--lang", spelling)
    assert code == 0
    assert "Som Basic, med papirbrev som siste utvei." in out


@pytest.mark.parametrize("spelling", ["en", "EN", "en-GB", "en_US"])
def test_lang_takes_english_in_any_spelling(spelling: str) -> None:
    code, out, _ = run("rules", f"--lang={spelling}", env={"LANG": "nb_NO.UTF-8"})
    assert code == 0
    assert "As Basic, with a paper letter as the last resort." in out


def test_an_unknown_language_gets_the_nearest() -> None:
    assert_one_line_error(*run("rules", "--lang", "nbb"), "'nbb'", "did you mean nb?")


def test_help_is_in_bokmal_under_a_bokmal_locale_or_lang() -> None:
    for argv, env in (
        (["--help"], {"LANG": "nb_NO.UTF-8"}),
        (["explain", "--help", "--lang", "nb"], {}),
    ):
        code, out, _ = run(*argv, env=env)
        assert code == 0
        assert out.startswith("bruk: eprom-distribution")
        assert "vis denne hjelpen og avslutt" in out
        assert "Eksempel: eprom-distribution" in out
        assert "usage:" not in out
        assert "show this help" not in out
    code, out, _ = run("explain", "--help", "--lang", "nb")
    # Python 3.13 writes "--age, --alder VALUE", older ones "--age VALUE, --alder VALUE".
    assert any("--alder" in line and "--age" in line for line in out.splitlines())
    assert "samtykke på Helsenorge: full, begrenset eller ingen" in out


def test_argparse_errors_are_said_in_bokmal_with_a_suggestion() -> None:
    code, _, err = run("matrix", "--format", "markdwn", "--lang", "nb")
    assert code == 2
    assert err == (
        "eprom-distribution: --format: 'markdwn' er ikke et gyldig valg (mente du markdown?);"
        " velg mellom 'text', 'markdown', 'csv', 'json', 'sql' (se eprom-distribution --help)\n"
    )
    code, _, err = run("decide", "--lang", "nb")
    assert err == (
        "eprom-distribution: dette mangler: --available/--tilgjengelig"
        " (se eprom-distribution --help)\n"
    )


@pytest.mark.parametrize(
    ("kind", "code", "start"),
    [
        ("kanal", "papir", "NotificationChannel 4 PhysicalMailbox – "),
        ("channel", "paper", "NotificationChannel 4 PhysicalMailbox – "),
        ("kanal", "ingen", "NotificationChannel 0 None – "),
        ("regel", "BasicOrPaper", "DistributionRule 3 BasicOrPaper – "),
        ("skjemastatus", "besvart", "FormOrderStatus 0 Completed – "),
        ("status", "Brev i retur", "FormOrderStatus 4 PhysicalMailReturned – "),
        ("feilkode", "1", "FormOrderStatusErrorCode 1 PatientUnreachable – "),
        ("sendestatus", "sendt", "SentStatus 0 Sent – "),
        ("hendelse", "0", "FormOrderEventLogType 0 FormOpened – "),
        ("hendelseslogg", "SigningError", "FormOrderEventLogType 4 SigningError – "),
        ("FormOrderStatus", "2", "FormOrderStatus 2 Ordered – "),
        ("mrs-status", "3", "MrsOrderStatus 3 Feilet – "),
        ("mrs-status", "mottaker ikke nådd", "MrsOrderStatus 5 Mottaker ikke nådd – "),
        ("mrs-feilkode", "6", "MrsErrorCode 6 pasient er død – Pasienten er død. Stopp"),
        ("mrs-error", "2", "MrsErrorCode 2 tidligere bestilt – "),
        ("MrsErrorCode", "3", "MrsErrorCode 3 Person er ikke digitalt aktiv"),
    ],
)
def test_describe_takes_norwegian_kinds_and_words(kind: str, code: str, start: str) -> None:
    status, out, _ = run("describe", kind, code, "--lang", "nb")
    assert status == 0
    assert out.startswith(start)


def test_the_fifteen_year_old_is_answered_by_one_command_with_flags() -> None:
    code, out, _ = run(
        "explain", "BasicOrPaper", "--alder", "15", "--bankid", "ja", "--samtykke", "full",
        "--kan-representeres", "nei", "--postadresse", "ja", "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Opplysningene gjelder 2026-11-28 10:00 (norsk tid)."
    assert "  1. Helsenorge: ikke tilgjengelig." in lines
    assert "under 16 år" in lines[lines.index("  1. Helsenorge: ikke tilgjengelig.") + 1]
    assert "Resultat: pasienten får papirbrev i posten." in lines


def test_facts_as_flags_in_english_with_a_krr_record_and_a_reference_time() -> None:
    code, out, _ = run(
        "explain", "AllowUnsecure", "--age", "40", "--level4-eid", "yes", "--consent", "none",
        "--krr-status", "active", "--reserved", "no", "--can-notify", "yes",
        "--contact-updated", "2026-01-15", "--digital-mailbox", "no",
        "--reference-time", "2026-06-01T12:00",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("The facts hold at 2026-06-01 12:00 (Norwegian time).\n")
    assert "Result: the patient is notified by SMS or e-mail (contact details from KRR)." in out
    assert "(oppgitt)" not in out


def test_no_contact_details_in_krr_said_as_ingen_and_an_inactive_record_needs_no_more() -> None:
    code, out, _ = run(
        "explain", "AllowUnsecureOrPaper", "--alder", "40", "--bankid", "ja", "--postadresse", "ja",
        "--krr-status", "aktiv", "--digipost", "nei", "--kontakt-oppdatert", "ingen",
        "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert "pasienten har verken e-postadresse eller mobilnummer i KRR" in out
    assert "Resultat: pasienten får papirbrev i posten." in out
    code, out, _ = run("explain", "Basic", "--krr-status", "slettet", "--lang", "nb")
    assert code == 0
    assert "Resultat: ingenting kunne sendes." in out


def test_facts_from_a_file_for_explain(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(
        json.dumps({"reference_time": "2026-11-28T10:00:00+01:00", "postal_address": True}),
        encoding="utf-8",
    )
    code, out, _ = run("explain", "PaperOnly", "--facts", str(path))
    assert code == 0
    assert "Result: the patient gets a paper letter in the post." in out


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["--bankid", "kanskje"], ["'kanskje'", "--level4-eid", "ja, nei"]),
        (["--samtykke", "fult"], ["'fult'", "did you mean full?"]),
        (["--alder", "femten"], ["'femten'", "--age", "must be an integer"]),
        (["--fodselsdato", "15.03.2011"], ["'15.03.2011'", "--birth-date"]),
        (["--tidspunkt", "i går"], ["'i går'", "--reference-time"]),
        (["--reservert", "nei"], ["--krr-status", "aktiv"]),
        (["--krr-status", "aktivt"], ["'aktivt'", "did you mean aktiv?"]),
        # Active in KRR: leaving out the mailbox or the contact date would state a fact unsaid.
        (["--krr-status", "aktiv", "--kontakt-oppdatert", "ingen"], ["--digital-mailbox", "ja"]),
        (["--krr-status", "aktiv", "--digipost", "nei"], ["--contact-updated", "ingen"]),
        (["--postadresse", "ja", "--available", "papir"], ["--available", "'papir'"]),
        ([], ["--available", "--facts"]),
    ],
)
def test_bad_facts_as_flags_are_one_line_errors(argv: list[str], needles: list[str]) -> None:
    assert_one_line_error(*run("explain", "Basic", *argv), *needles)


@pytest.mark.parametrize(
    ("argv", "bokmal", "english"),
    [
        (["--alder", "femten"], "--alder må være et heltall", "--age"),
        (
            ["--krr-status", "aktiv", "--digipost", "nei"],
            "oppgi også --kontakt-oppdatert",
            "--contact-updated",
        ),
        (["--fodselsdato", "15.03.2011"], "--fødselsdato", "--birth-date"),
        (["--postadresse", "ja", "--available", "papir"], "--tilgjengelig", "--available"),
    ],
)
def test_errors_in_bokmal_name_the_options_by_their_bokmal_spelling(
    argv: list[str], bokmal: str, english: str
) -> None:
    code, _, err = run("explain", "Basic", *argv, "--lang", "nb")
    assert code == 2
    assert bokmal in err
    assert english not in err


def test_national_id_from_standard_input_never_on_the_command_line() -> None:
    code, out, _ = run("preflight", "Basic", "--national-id", "-", "--json", stdin="15108695077\n")
    assert (code, json.loads(out)) == (1, ["national_id_checksum"])
    code, out, _ = run("preflight", "Basic", "--national-id", "-", "--json", stdin="15108695088\n")
    assert (code, json.loads(out)) == (0, [])


def test_national_id_is_asked_for_without_echo_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return "15108695088"

    monkeypatch.setattr("getpass.getpass", getpass)
    out = io.StringIO()
    code = main(
        ["preflight", "Basic", "--national-id", "-", "--lang", "nb"],
        environ={},
        stdout=out,
        stderr=io.StringIO(),
        stdin=Terminal(),
    )
    assert code == 0
    assert asked == ["Fødselsnummer eller D-nummer (vises ikke): "]
    assert "15108695088" not in out.getvalue()


COHORT = "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n0,0,1,1\n"


@pytest.mark.parametrize(
    ("content", "extra"),
    [
        (COHORT.replace(",", ";").encode(), []),
        (("\ufeff" + COHORT).encode(), []),
        (COHORT.replace("\n", "\r\n").encode(), []),
        (
            "pasient;navn;helsenorge;digital_mailbox;krr_contact;paper\r\n"
            "1;Ærlig Åse;1;0;0;1\r\n2;Øyvind Ås;0;0;1;1\r\n".encode("cp1252"),
            ["--encoding", "cp1252"],
        ),
        (COHORT.replace(",", "\t").encode(), ["--delimiter", "\t"]),
    ],
    ids=["semicolon", "bom", "crlf", "cp1252", "tab"],
)
def test_simulate_reads_what_norwegian_excel_writes(
    tmp_path: Path, content: bytes, extra: list[str]
) -> None:
    path = tmp_path / "pasienter.csv"
    path.write_bytes(content)
    code, out, err = run(
        "simulate", str(path), "--rules", "BasicOrPaper", "--format", "csv", *extra
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == "3 BasicOrPaper,1,0,0,1,0,0,1"


def test_simulate_says_what_it_suspects_when_a_file_does_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pasienter.csv"
    path.write_bytes(("navn;" + COHORT.replace(",", ";")).replace("navn", "Åse").encode("cp1252"))
    assert_one_line_error(
        *run("simulate", str(path), "--lang", "nb"),
        "er ikke lagret som UTF-8; prøv --encoding cp1252",
    )
    path.write_bytes(COHORT.replace(",", ";").encode())
    assert_one_line_error(
        *run("simulate", str(path), "--delimiter", ","), "split by ';'", "--delimiter ';'"
    )
    assert_one_line_error(
        *run("simulate", str(path), "--encoding", "utf-9"), "'utf-9'", "did you mean utf-8?"
    )


# --- no traceback, ever: pipes, full disks, interrupts --------------------------------------------


def _cli(*argv: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "distribution", *argv], **kwargs
    )


def test_a_closed_pipe_ends_quietly_with_141() -> None:
    # As in `eprom-distribution matrix | head -1`, with the reader gone before the first write.
    process = _cli("matrix", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(timeout=30) == 141
    assert err == b""


def test_a_full_disk_is_one_line_and_74() -> None:
    with Path("/dev/full").open("wb") as full:
        process = _cli("rules", "--lang", "nb", stdout=full, stderr=subprocess.PIPE)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 74
    assert err.decode() == (
        "eprom-distribution: feil: kan ikke skrive utdata: disken er full eller kan ikke skrives"
        " til\n"
    )


def test_ctrl_c_is_130_without_a_traceback() -> None:
    process = _cli(
        "assess", "-", stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    time.sleep(1.0)  # let it start reading standard input
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert err.count(b"\n") <= 1


def test_a_closed_pipe_after_the_output_is_written_is_caught_too() -> None:
    class Closed(io.StringIO):
        def fileno(self) -> int:
            return os.open(os.devnull, os.O_WRONLY)

        def flush(self) -> None:
            raise BrokenPipeError

    assert main(["rules"], environ={}, stdout=Closed(), stderr=io.StringIO()) == 141
    assert main(["--version"], environ={}, stdout=Closed(), stderr=io.StringIO()) == 141


def test_a_full_disk_in_process_is_one_line_and_74() -> None:
    class Full(io.StringIO):
        def fileno(self) -> int:
            return os.open(os.devnull, os.O_WRONLY)

        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

    err = io.StringIO()
    assert main(["rules"], environ={}, stdout=Full(), stderr=err) == 74
    assert err.getvalue().startswith("eprom-distribution: error: cannot write the output")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_a_read_error_in_the_middle_of_a_file_is_one_line() -> None:
    # Reading /proc/self/mem from its start fails with EIO, like a failing disk.
    assert_one_line_error(*run("simulate", "/proc/self/mem"), "/proc/self/mem")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2026-06-01", "2026-06-01 00:00"),
        ("2026-06-01 12:30", "2026-06-01 12:30"),
        ("2026-06-01T12:30", "2026-06-01 12:30"),
        ("2026-06-01T10:30+00:00", "2026-06-01 12:30"),
    ],
)
def test_reference_time_as_a_date_or_a_time_in_norwegian_time(typed: str, shown: str) -> None:
    code, out, _ = run("explain", "PaperOnly", "--postadresse", "ja", "--tidspunkt", typed)
    assert code == 0
    assert out.startswith(f"The facts hold at {shown} (Norwegian time).")


def test_a_cohort_refuses_an_unknown_delimiter() -> None:
    with pytest.raises(UnknownCodeError, match="delimiter"):
        CsvCohort([], delimiter="|")


def test_ctrl_c_in_process_is_130() -> None:
    class Interrupted(io.StringIO):
        def read(self, _size: int | None = -1) -> str:
            raise KeyboardInterrupt

    err = io.StringIO()
    code = main(["assess", "-"], environ={}, stdout=io.StringIO(), stderr=err, stdin=Interrupted())
    assert (code, err.getvalue()) == (130, "\n")


# --- check and verify --------------------------------------------------------------------------

EXAMPLES = Path(__file__).parent / "data" / "eprom"
GUID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
OTHER = "2f1c8a4e-5b7d-4e2a-9c3b-8d6e1f0a2b4c"


def test_check_says_the_verdict_and_exits_0_when_expected() -> None:
    code, out, err = run(
        "check",
        "Basic",
        "--available",
        "helsenorge,digital_mailbox",
        "--callback",
        str(EXAMPLES / "status-ordered.json"),
        "--lang",
        "nb",
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Vurdering: som forventet (AS_PREDICTED)."
    assert out.splitlines()[-1] == "Hva du gjør: Ingenting å gjøre med kanalen."


def test_check_exits_1_when_the_verdict_needs_attention_and_reads_stdin() -> None:
    body = (EXAMPLES / "status-error.json").read_text(encoding="utf-8")
    code, out, _ = run(
        "check", "BasicOrPaper", "--available", "paper", "--callback", "-", stdin=body
    )
    assert code == 1
    assert out.startswith(
        "Verdict: the patient's channels seem to have changed (AVAILABILITY_CHANGED)"
        " – needs attention.\n"
    )


def test_check_a_message_and_a_returned_form_with_its_timeline(tmp_path: Path) -> None:
    code, out, _ = run(
        "check",
        "--priority-list",
        "paper,helsenorge",
        "--available",
        "paper,helsenorge",
        "--callback",
        str(EXAMPLES / "message-sent.json"),
    )
    assert (code, out.splitlines()[0]) == (
        0,
        "Verdict: a fallback channel was used (the rule allows it) (FALLBACK).",
    )
    returned = json.loads((EXAMPLES / "return.json").read_text(encoding="utf-8"))
    returned.update(notificationChannel="Helsenorge", formOrderStatus="Expired")
    path = tmp_path / "returned.json"
    path.write_text(json.dumps(returned), encoding="utf-8")
    code, out, _ = run("check", "Basic", "--available", "helsenorge", "--callback", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Verdict: as predicted (AS_PREDICTED)."
    assert lines[7] == f"Form {GUID}: FormOrderStatus 1 Expired; channel: Helsenorge."
    assert lines[-1].startswith("What it means: the patient opened the form but did not")


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["Basic", "--available", "paper", "--callback", "/no/such.json"], ["cannot read"]),
        (
            ["Basic", "--available", "paper", "--callback", str(EXAMPLES / "message-sent.json")],
            ["MessageStatusCallback, but a rule's decision"],
        ),
        (
            ["Basic", "--available", "paper", "--callback", str(EXAMPLES / "return.json")],
            ["does not say which channel"],
        ),
        (
            [
                "Basic",
                "--available",
                "paper",
                "--callback",
                str(EXAMPLES / "return-as-written.txt"),
            ],
            ["callback is not valid JSON"],
        ),
        (["Basic", "--available", "fax", "--callback", "x"], ["'fax' is not a known channel"]),
        (["Basic", "--available", "paper"], ["--callback"]),
    ],
)
def test_check_refuses_bad_input_with_one_line(argv: list[str], needles: list[str]) -> None:
    assert_one_line_error(*run("check", *argv), *needles)


def _jsonl(path: Path, items: list[object]) -> str:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return str(path)


def _run_files(tmp_path: Path) -> tuple[str, str]:
    both = Availability.of("helsenorge", "digital_mailbox")
    orders = _jsonl(
        tmp_path / "orders.jsonl",
        [
            {"formOrderId": GUID, "decision": decide("Basic", both).to_dict()},
            {"formOrderId": OTHER, "decision": decide("PaperOnly", both).to_dict()},
        ],
    )
    callbacks = _jsonl(
        tmp_path / "callbacks.jsonl",
        [
            {
                "formOrderId": GUID,
                "notificationChannel": "DigitalMailbox",
                "formOrderStatus": "Ordered",
            }
        ],
    )
    return orders, callbacks


def test_verify_prints_the_anomalies_then_the_counts(tmp_path: Path) -> None:
    orders, callbacks = _run_files(tmp_path)
    code, out, err = run("verify", orders, callbacks)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"NO_CALLBACK {OTHER}: no status callback arrived; expected Error, channel None",
        "Orders and messages: 2",
        "  AS_PREDICTED              0",
        "  FALLBACK                  1",
        "  UNREACHABLE_AS_PREDICTED  0",
        "  AVAILABILITY_CHANGED      0",
        "  NOT_PERMITTED             0",
        "  INCONSISTENT              0",
        "  DELIVERY_FAILED           0",
        "  DUPLICATE                 0",
        "  NO_CALLBACK               1",
        "  UNKNOWN_ORDER             0",
        "Needs attention: 1.",
    ]


def test_verify_json_and_a_clean_run(tmp_path: Path) -> None:
    orders, callbacks = _run_files(tmp_path)
    code, out, _ = run("verify", orders, callbacks, "--json")
    assert code == 1
    report = json.loads(out)
    assert report["counts"]["FALLBACK"] == 1
    assert report["orders"] == 2
    assert report["anomalies"] == [
        {
            "id": OTHER,
            "kind": "NO_CALLBACK",
            "case": None,
            "line": None,
            "status": None,
            "channel": None,
            "expected_status": "Error",
            "expected_channel": "None",
        }
    ]
    only = _jsonl(
        tmp_path / "only.jsonl",
        [json.loads(Path(orders).read_text(encoding="utf-8").splitlines()[0])],
    )
    code, out, _ = run("verify", only, callbacks, "--lang", "nb")
    assert (code, out.splitlines()[-1]) == (0, "Ingenting må følges opp.")
    code, out, _ = run("verify", only, callbacks, "--json")
    assert (code, json.loads(out)["anomalies"]) == (0, [])


def test_verify_names_the_file_and_line_of_bad_input(tmp_path: Path) -> None:
    orders, callbacks = _run_files(tmp_path)
    broken = tmp_path / "broken.jsonl"
    broken.write_text(Path(callbacks).read_text(encoding="utf-8") + "\n{nope\n", encoding="utf-8")
    code, _, err = run("verify", orders, str(broken))
    assert code == 2
    assert f"{broken} line 3: callback is not valid JSON" in err
    assert err.count("\n") == 1
    code, _, err = run("verify", str(broken), callbacks, "--lang", "nb")
    assert code == 2
    assert f"{broken} linje 1: order" in err
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(Path(callbacks).read_bytes() + b"\xff\xfe\n")
    code, _, err = run("verify", orders, str(binary))
    assert code == 2
    assert err.startswith("eprom-distribution: error: cannot read '/")
    assert err.endswith("onl': not a UTF-8 text file\n")  # a long path is shortened
    assert_one_line_error(*run("verify", orders, str(tmp_path)), "it is a directory")
    assert_one_line_error(*run("verify", "/no/orders.jsonl", callbacks), "no such file")
    assert_one_line_error(*run("verify", orders, "bad\x00path"), "cannot read")


# --- audit: MRS's datadump ---

DATADUMP = Path(__file__).parent / "data" / "datadump.csv"
HEADER: list[object] = [
    "Id",
    "Code",
    "DistributionRule",
    "NotificationChannel",
    "OrderStatus",
    "ErrorCode",
]


def _xlsx(path: Path, rows: list[list[object]], sheet: str = "Bestillinger") -> Path:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    for cells in rows:
        worksheet.append(cells)
    workbook.save(path)
    return path


def test_audit_reads_a_csv_datadump_and_never_prints_the_one_time_code() -> None:
    code, out, err = run("audit", str(DATADUMP), "--lang", "nb")
    assert (code, err) == (1, "")
    assert "rad 5: NOT_PERMITTED – kanal 3 Unsecure er ikke en kanal regel 0 Basic bruker." in out
    assert "1 fikk papirbrev" in out
    for secret in ("K7Q2ZP", "X9PL3M", "R4T8WV", "M2N6QD"):
        assert secret not in out
    code, out, _ = run("audit", str(DATADUMP), "--json")
    payload = json.loads(out)
    assert payload["rows"] == 4
    assert payload["anomalies"] == [
        {
            "row": 5,
            "kind": "NOT_PERMITTED",
            "case": "outside_route",
            "rule": 0,
            "channel": 3,
            "status": 0,
            "error": 0,
        }
    ]
    assert "M2N6QD" not in out


def test_audit_reads_an_xlsx_datadump_as_a_stream(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "d.xlsx",
        [HEADER, ["a", "HEMMELIG1", 0, 1, 1, 0], [None] * 6, ["b", "HEMMELIG2", 3, 4, 0, 0]],
    )
    code, out, err = run("audit", str(path), "--sheet", "Bestillinger")
    assert (code, err) == (0, "")
    assert "The datadump has 2 orders." in out
    assert "HEMMELIG" not in out
    code, out, err = run("audit", str(path), "--sheet", "Bestilinger", "--lang", "nb")
    assert_one_line_error(code, out, err, "'Bestilinger'", "mente du Bestillinger?")


def test_audit_names_the_missing_column_with_the_nearest(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "d.xlsx",
        [["DistributionRule", "NotificationChannel", "Order_Status", "ErrorCode"]],
    )
    code, out, err = run("audit", str(path))
    assert_one_line_error(code, out, err, "no column 'OrderStatus'", "did you mean Order_Status?")


def test_audit_names_the_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,1,0\n0,1,9,0\n",
        encoding="utf-8",
    )
    code, out, err = run("audit", str(path))
    assert_one_line_error(code, out, err, "row 3, column OrderStatus")


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("d.xlsx", b"not a zip file", "cannot read"),
        (
            "d.csv",
            b"DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,"
            + b"1" * 200_000
            + b",0\n",
            "cannot read",
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


def test_audit_bad_options_are_one_line(tmp_path: Path) -> None:
    assert_one_line_error(*run("audit", str(tmp_path / "none.csv")), "cannot read")
    assert_one_line_error(*run("audit", str(DATADUMP), "--sheet", "Ark1"), "--sheet")
    assert_one_line_error(*run("audit", str(DATADUMP), "--encoding", "utf-9"), "utf-8")


def test_audit_a_damaged_sheet_found_while_streaming_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _xlsx(tmp_path / "d.xlsx", [HEADER])

    def broken(*_: object, **__: object) -> Iterator[object]:
        yield from ()  # a generator, as openpyxl's, that fails once read
        raise KeyError("xl/worksheets/sheet1.xml")

    monkeypatch.setattr("openpyxl.worksheet._read_only.ReadOnlyWorksheet.iter_rows", broken)
    assert_one_line_error(*run("audit", str(path)), "cannot read")


def test_audit_without_openpyxl_says_which_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import fails, as when not installed
    code, out, err = run("audit", str(tmp_path / "d.xlsx"))
    assert_one_line_error(code, out, err, "pip install 'eprom-distribution[excel]'")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_audit_draws_a_progress_bar_on_a_terminal(tmp_path: Path, suffix: str) -> None:
    rows = [HEADER] + [["x", "K", 0, 1, 1, 0]] * 5000
    if suffix == ".csv":
        path = tmp_path / "d.csv"
        path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    else:
        path = _xlsx(tmp_path / "d.xlsx", rows)
    err = _Terminal()
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
