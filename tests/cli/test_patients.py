"""assess and preflight: facts from a file, the second person, the national ID kept off the line."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

from distribution.cli import main
from tests.helpers.cli import assert_one_line_error, run

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


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


def test_a_clean_preflight_says_what_it_took_for_granted() -> None:
    """No problem found is true only of the order described: what was not given is named."""
    code, out, _ = run("preflight", "BasicOrPaper", "--lang", "nb")
    assert code == 0
    assert out == (
        "Ingen problemer funnet: ePROM bør godta denne bestillingen.\n"
        "Det forutsetter at skjemaet kan sendes på papir (--not-paper-enabled er ikke gitt) og"
        " fødselsnummeret er gyldig (--national-id er ikke gitt).\n"
    )
    code, out, _ = run("preflight", "NoDistribution")
    assert out.splitlines()[1] == (
        "That assumes the form need not be signed (no --must-be-signed) and the national ID is"
        " valid (no --national-id)."
    )
    code, out, _ = run("preflight", "Basic", "--must-be-signed", "--national-id", "15108695088")
    assert out.splitlines()[1] == (
        "That assumes the order is not on behalf of someone else (no --on-behalf-of)."
    )
    # Everything that could make ePROM refuse Basic was given: nothing is assumed.
    code, out, _ = run("preflight", "Basic", "--national-id", "15108695088")
    assert out == "No problems found: ePROM should accept this order.\n"


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
    # Nobody said whether someone can represent the patient on Helsenorge: that alone decides
    # it, and no result is stated.
    assert "- Helsenorge: ikke kjent ennå\n" in out
    assert "Resultat" not in out
    assert out.endswith(
        "Kan ikke avgjøres ennå.\n"
        "Hvis noen (for eksempel en forelder) kan åpne Helsenorge på vegne av pasienten:"
        " Helsenorge.\n"
        "Ellers: papirbrev.\n"
        "Dette avgjør det: om noen (for eksempel en forelder) kan åpne Helsenorge på vegne av"
        " pasienten.\n"
        "Hvilke andre regler som ville nådd pasienten, kan ikke sies før alle kanalene er kjent.\n"
    )
    facts["helsenorge_representable"] = False
    code, out, _ = run(
        "assess", "-", "--rule", "BasicOrPaper", "--lang", "nb", stdin=json.dumps(facts)
    )
    assert "Papirbrev (PhysicalMailbox): tilgjengelig, valgt" in out
    assert out.count("KRR sier at pasienten ikke kan varsles") == 1
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


def test_assess_json_states_no_decision_a_fact_not_given_could_change(tmp_path: Path) -> None:
    """A child whose representation is not known: Helsenorge is neither open nor closed."""
    parent = tmp_path / "parent.json"
    parent.write_text(json.dumps({**ACTIVE_ADULT, "research_reserved": None}), encoding="utf-8")
    child = tmp_path / "child.json"
    child.write_text('{"reference_time": "2026-11-25T12:00:00+01:00", "age": 10}', "utf-8")
    code, out, _ = run("assess", str(parent), "--on-behalf-of", str(child), "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["eligibility"]["known"] == {
        "helsenorge": None,
        "digital_mailbox": False,
        "krr_contact": True,
        "paper": True,
    }
    assert payload["decision"] is None
    assert payload["possible"] == [
        {
            "assuming": {"helsenorge": True},
            "channel": {"code": 1, "name": "Helsenorge"},
            "outcome": "NOTIFIED",
        },
        {
            "assuming": {"helsenorge": False},
            "channel": {"code": 0, "name": "None"},
            "outcome": "UNREACHABLE",
        },
    ]
    # Everything known: the decision, and one case that assumes nothing.
    path = tmp_path / "adult.json"
    path.write_text(json.dumps(ACTIVE_ADULT), encoding="utf-8")
    payload = json.loads(run("assess", str(path), "--json")[1])
    assert payload["decision"]["channel"]["name"] == "Helsenorge"
    assert payload["possible"] == [
        {"assuming": {}, "channel": {"code": 1, "name": "Helsenorge"}, "outcome": "NOTIFIED"}
    ]


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
