"""--rest-ok (--resten-ok): facts not given are taken as met, and the answer says which."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.helpers.cli import run

if TYPE_CHECKING:
    from pathlib import Path


def test_explain_what_if_names_what_it_took_as_met() -> None:
    code, out, _ = run(
        "explain", "AllowUnsecure", "--alder", "15", "--resten-ok", "--lang", "nb"
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Opplysningene gjelder 28. november 2026 kl. 10.00 (norsk tid)."
    # Under 16 Helsenorge opens only by representation, so that is what is taken as met.
    assert lines[1] == (
        "Hva om (--resten-ok): dette er ikke oppgitt, men regnet som oppfylt: pasienten har"
        " BankID eller annen elektronisk ID på nivå 4, pasienten har gitt fullt samtykke på"
        " Helsenorge, noen (for eksempel en forelder) kan åpne Helsenorge på vegne av pasienten,"
        " pasienten er aktiv i KRR, ikke reservert, kan varsles, har e-post eller mobilnummer"
        " oppdatert nå og har sikker digital postkasse og pasienten har postadresse. Svaret"
        " under gjelder bare hvis det stemmer."
    )
    assert "Resultat: pasienten får skjemaet på Helsenorge." in lines


def test_a_what_if_with_everything_given_assumes_nothing() -> None:
    code, out, _ = run(
        "explain", "PaperOnly", "--alder", "40", "--bankid", "ja", "--samtykke", "full",
        "--kan-representeres", "nei", "--krr-status", "slettet", "--postadresse", "ja",
        "--rest-ok",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[1] == (
        "What if (--rest-ok): everything needed was given; nothing is assumed."
    )


def test_a_what_if_with_nothing_given_and_as_json() -> None:
    code, out, _ = run("explain", "AllowUnsecure", "--rest-ok", "--json")
    assert code == 0
    assert json.loads(out) == {
        "settled": True,
        "cases": [{"channel": "Helsenorge", "outcome": "NOTIFIED", "assuming": {}}],
        "missing": {},
        "assumed": [
            "age",
            "level4_eid",
            "helsenorge_consent",
            "helsenorge_representable_not",
            "krr_record",
            "postal_address",
        ],
    }


def test_an_active_krr_record_needs_no_companions_in_a_what_if() -> None:
    code, out, _ = run(
        "explain", "DigitalMailboxOnly", "--alder", "40", "--bankid", "ja", "--krr-status",
        "aktiv", "--rest-ok", "--reply",
    )  # fmt: skip
    assert code == 0
    assert out.endswith(
        ", the form is sent to the patient in the digital mailbox (Digipost or e-Boks).\n"
    )
    assert "KRR says the patient can be notified" in out
    assert "not reserved against digital communication in KRR" in out


def test_a_what_if_fills_a_krr_record_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    facts = {
        "reference_time": "2026-11-28T10:00:00+01:00",
        "age": 40,
        "level4_eid": True,
        "research_reserved": True,
        "krr": {
            "personidentifikator": "26670271527",
            "status": "AKTIV",
            "kontaktinformasjon": {"epostadresse": "navn@example.no"},
        },
    }
    path.write_text(json.dumps(facts), encoding="utf-8")
    code, out, _ = run(
        "explain", "UnsecureOnly", "--facts", str(path), "--forskning", "--rest-ok", "--json"
    )
    assert code == 0
    assert json.loads(out)["assumed"] == [
        "helsenorge_consent",
        "helsenorge_representable_not",
        "krr_reserved",
        "krr_can_notify",
        "digital_activity",
        "postal_address",
    ]
    assert json.loads(out)["cases"][0]["channel"] == "Unsecure"


def test_diagnose_what_if() -> None:
    code, out, _ = run(
        "hvorfor", "Basic", "--fikk", "digipost", "--alder", "40", "--samtykke", "ingen",
        "--resten-ok", "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert out == (
        "Hva om (--resten-ok): dette er ikke oppgitt, men regnet som oppfylt: pasienten har"
        " BankID eller annen elektronisk ID på nivå 4, ingen åpner Helsenorge på vegne av"
        " pasienten (det trengs ikke fra 16 år), pasienten er aktiv i KRR, ikke reservert, kan"
        " varsles, har e-post eller mobilnummer oppdatert nå og har sikker digital postkasse og"
        " pasienten har postadresse. Svaret under gjelder bare hvis det stemmer.\n"
        "For at ePROM skulle velge sikker digital postkasse (Digipost/e-Boks), må dette ha vært"
        " tilfelle:\n"
        "- Helsenorge: ikke tilgjengelig, og det stemmer med det som er oppgitt: pasienten har"
        " ikke gitt fullt samtykke på Helsenorge; ingen (for eksempel en forelder) kan åpne"
        " Helsenorge på vegne av pasienten.\n"
        "- Sikker digital postkasse (DigitalMailbox): tilgjengelig.\n"
        "- SMS eller e-post (Unsecure): tilgjengelig.\n"
        "- Papirbrev (PhysicalMailbox): tilgjengelig.\n"
    )
    code, out, _ = run(
        "diagnose", "Basic", "--got", "digipost", "--age", "40", "--consent", "none", "--rest-ok",
        "--json",
    )  # fmt: skip
    assert json.loads(out)["assumed"][0] == "level4_eid"
    assert json.loads(out)["consistent"] is True


def test_a_research_what_if_and_a_krr_record_with_its_flags_given(tmp_path: Path) -> None:
    code, out, _ = run(
        "explain", "HelsenorgeOnly", "--forskning", "--alder", "40", "--rest-ok", "--json"
    )  # fmt: skip
    assert code == 0
    assert "research_reserved" in json.loads(out)["assumed"]
    assert json.loads(out)["cases"][0]["channel"] == "Helsenorge"
    path = tmp_path / "facts.json"
    facts = {
        "reference_time": "2026-11-28T10:00:00+01:00",
        "krr": {
            "personidentifikator": "26670271527",
            "status": "AKTIV",
            "reservasjon": "NEI",
            "varslingsstatus": "KAN_VARSLES",
            "kontaktinformasjon": {
                "epostadresse": "navn@example.no",
                "mobiltelefonnummer": "+4799999999",
            },
        },
    }
    path.write_text(json.dumps(facts), encoding="utf-8")
    code, out, _ = run("explain", "UnsecureOnly", "--facts", str(path), "--rest-ok", "--json")
    assert code == 0
    # Both contact details undated: one fact taken as met, said once.
    assert json.loads(out)["assumed"] == [
        "age",
        "level4_eid",
        "helsenorge_consent",
        "helsenorge_representable_not",
        "digital_activity",
        "postal_address",
    ]
