"""The fake ePROM's patient directory: availability or facts per national ID, and scenarios."""

from __future__ import annotations

import json

import pytest

from distribution import (
    Availability,
    DistributionError,
    InvalidTypeError,
    InvalidValueError,
    UnknownCodeError,
)
from distribution.fake import Patient, PatientDirectory, Scenario
from tests.helpers.fake import H_NUMBER, HELSENORGE, PAPER

KRR = {
    "personidentifikator": HELSENORGE,
    "status": "AKTIV",
    "reservasjon": "NEI",
    "varslingsstatus": "KAN_VARSLES",
    "kontaktinformasjon": {
        "epostadresse": "test@example.no",
        "epostadresse_oppdatert": "2026-01-10T10:00:00+01",
    },
    "digital_post": {"postkasseadresse": "test#1", "postkasseleverandoeradresse": "984661185"},
}
FACTS = {
    "reference_time": "2026-03-02T10:00:00+01:00",
    "national_id": HELSENORGE,
    "level4_eid": True,
    "helsenorge_consent": "full",
    "krr": KRR,
    "postal_address": True,
}


def test_an_entry_is_an_availability_or_patient_facts() -> None:
    directory = PatientDirectory.from_json(json.dumps({HELSENORGE: FACTS, PAPER: {"paper": True}}))
    assert directory.get(HELSENORGE) == Patient(
        availability=Availability(
            helsenorge=True, digital_mailbox=True, krr_contact=True, paper=True
        )
    )
    assert directory.get(PAPER) == Patient(availability=Availability(paper=True))
    assert list(directory) == [HELSENORGE, PAPER]


def test_facts_are_assessed_for_research_when_asked() -> None:
    facts = {**FACTS, "research_reserved": True}
    plain = PatientDirectory.from_json({HELSENORGE: facts})
    research = PatientDirectory.from_json({HELSENORGE: facts}, research=True)
    assert plain.get(HELSENORGE).availability.helsenorge  # type: ignore[union-attr]
    assert not research.get(HELSENORGE).availability.helsenorge  # type: ignore[union-attr]


def test_an_entry_names_its_scenarios() -> None:
    directory = PatientDirectory.from_json(
        {PAPER: {"paper": True, "scenarios": ["physicalmailreturned", "NEVER_ANSWERS"]}}
    )
    patient = directory.get(PAPER)
    assert patient is not None
    assert patient.scenarios == {Scenario.PHYSICAL_MAIL_RETURNED, Scenario.NEVER_ANSWERS}
    assert Patient(availability=Availability(), scenarios=frozenset({"WrongApiKey"})).scenarios == {  # type: ignore[arg-type]
        Scenario.WRONG_API_KEY
    }


def test_a_directory_shows_no_national_id() -> None:
    directory = PatientDirectory({HELSENORGE: Patient(availability=Availability())})
    assert repr(directory) == "PatientDirectory(<1 patients>)"
    assert len(directory) == 1


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        ("{", InvalidValueError, "patients is not valid JSON"),
        ("[]", InvalidValueError, "patients must be a JSON object, not list"),
        ({HELSENORGE: []}, InvalidValueError, r"patients\[0\].entry must be an object"),
        (
            {HELSENORGE: {"paper": "yes"}},
            InvalidValueError,
            r"patients\[0\].entry.paper must be true or false, not text 'yes'",
        ),
        ({HELSENORGE: {"paper": True, "scenarios": ["Pigeon"]}}, UnknownCodeError, "scenario"),
        ({HELSENORGE: {"paper": True, "scenarios": 3}}, InvalidTypeError, "scenarios"),
        ({HELSENORGE: {"age": 40}}, InvalidValueError, r"patients\[0\].facts.reference_time"),
        ({"x": {"paper": True}}, InvalidValueError, r"patients\[0\]"),
        ({PAPER: {}, H_NUMBER: {"paper": True}}, InvalidValueError, r"patients\[1\]"),
    ],
)
def test_a_bad_directory_is_refused_by_position_never_by_national_id(
    data: object, error: type[DistributionError], message: str
) -> None:
    with pytest.raises(error, match=message) as raised:
        PatientDirectory.from_json(data)
    assert H_NUMBER not in str(raised.value)


def test_a_directory_built_by_hand_is_checked_too() -> None:
    with pytest.raises(InvalidTypeError, match="patients must be an object"):
        PatientDirectory([])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"patients\[0\].patient must be Patient"):
        PatientDirectory({HELSENORGE: {"paper": True}})  # type: ignore[dict-item]


def test_one_person_given_twice_with_and_without_spaces_is_refused() -> None:
    """Orders are looked up without spaces: the spaced entry could never be reached."""
    spaced = PAPER[:6] + " " + PAPER[6:]
    with pytest.raises(InvalidValueError) as caught:
        PatientDirectory.from_json({PAPER: {"paper": False}, spaced: {"paper": True}})
    assert str(caught.value) == (
        "patients[1] is the same person as an entry before it (the national ID without spaces);"
        " each person may appear only once"
    )
    assert caught.value.message("nb").startswith("patients[1] er samme person som en oppføring")
    assert PAPER not in repr(caught.value)
    # One entry written with a space is found by the number as orders carry it.
    directory = PatientDirectory.from_json({spaced: {"paper": True}})
    assert directory.get(PAPER) is not None
    assert list(directory) == [PAPER]
