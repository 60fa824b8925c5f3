"""Patient facts from JSON: the format of ``docs/eligibility.md``, read strictly.

Whose fault: what is wrong in the facts raises the ValueError family; a caller who hands
from_json anything but text, or from_dict anything but a mapping, gets InvalidTypeError."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from distribution import (
    DistributionError,
    HelsenorgeConsent,
    InvalidTypeError,
    InvalidValueError,
    KrrStatus,
    PatientFacts,
)

GOOD: dict[str, Any] = {
    "reference_time": "2026-11-25T12:00:00+01:00",
    "birth_date": "1988-04-02",
    "level4_eid": True,
    "helsenorge_consent": "full",
    "helsenorge_representable": False,
    "research_reserved": True,
    "postal_address": True,
    "physical_address": False,
    "krr": {"personidentifikator": "15108695088", "status": "AKTIV", "reservasjon": "NEI"},
}


def _read(payload: Any) -> PatientFacts:
    """Read JSON text with from_json, decoded facts with from_dict."""
    if isinstance(payload, str):
        return PatientFacts.from_json(payload)
    return PatientFacts.from_dict(payload)


def test_reads_every_field() -> None:
    facts = PatientFacts.from_json(json.dumps(GOOD))
    assert facts.reference_time == datetime(2026, 11, 25, 12, tzinfo=timezone(timedelta(hours=1)))
    assert facts.birth_date == date(1988, 4, 2)
    assert facts.age_at_reference == 38
    assert facts.level4_eid is True
    assert facts.helsenorge_consent is HelsenorgeConsent.FULL
    assert facts.helsenorge_representable is False
    assert facts.research_reserved is True
    assert facts.postal_address is True
    assert facts.krr is not None
    assert facts.krr.status is KrrStatus.AKTIV


def test_reads_the_national_id_as_the_source_of_the_birth_date() -> None:
    payload = {"reference_time": GOOD["reference_time"], "national_id": "20914695016"}
    facts = PatientFacts.from_dict(payload)
    assert facts.known_birth_date == date(1946, 11, 20)
    assert facts.age_at_reference == 80
    with pytest.raises(InvalidValueError) as caught:
        PatientFacts.from_dict({**payload, "national_id": 20914695016})
    assert str(caught.value) == "national_id must be a string of 11 digits, not integer"


def test_null_and_missing_mean_unknown() -> None:
    facts = PatientFacts.from_dict({"reference_time": GOOD["reference_time"], "level4_eid": None})
    assert facts.level4_eid is None
    assert facts.krr is None


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"level4eid": True}, ["unexpected keys", "level4eid", "level4_eid"]),
        ({"reference_time": None}, ["reference_time is missing"]),
        ({"reference_time": "2026-11-25"}, ["reference_time", "UTC offset"]),
        ({"reference_time": 1}, ["reference_time must be a string"]),
        ({"birth_date": "02.04.1988"}, ["birth_date", "YYYY-MM-DD"]),
        ({"birth_date": 1988}, ["birth_date must be a string"]),
        ({"age": "38"}, ["age must be an integer"]),
        ({"age": 38.0}, ["age must be an integer"]),
        ({"level4_eid": "yes"}, ["level4_eid must be true, false or null"]),
        ({"research_reserved": "ja"}, ["research_reserved must be true, false or null"]),
        ({"researchreserved": True}, ["unexpected keys", "researchreserved", "research_reserved"]),
        ({"helsenorge_consent": "partial"}, ["helsenorge_consent", "full", "limited", "none"]),
        ({"helsenorge_consent": 1}, ["helsenorge_consent must be a string"]),
        ({"krr": {"status": "GONE"}}, ["krr.status", "'GONE'"]),
        ({"krr": "AKTIV"}, ["krr must be an object, not text 'AKTIV'"]),
        (
            {"krr": {"status": "AKTIV", "kontaktinformasjon": {"epostadresse_oppdatert": "x"}}},
            ["krr.kontaktinformasjon.epostadresse_oppdatert"],
        ),
    ],
)
def test_bad_facts_name_the_field(changes: dict[str, Any], words: list[str]) -> None:
    payload = {**GOOD, **changes}
    if changes.get("reference_time", "") is None:
        del payload["reference_time"]
    with pytest.raises(DistributionError) as caught:
        PatientFacts.from_dict(payload)
    for word in words:
        assert word in str(caught.value)
    assert isinstance(caught.value, ValueError)  # what is wrong in the facts is bad data


@pytest.mark.parametrize("text", ["", "[", "[]", "null", "42", b"[]"])
def test_not_an_object(text: str | bytes) -> None:
    with pytest.raises(InvalidValueError):
        PatientFacts.from_json(text)


def test_the_wrong_python_type_is_the_callers() -> None:
    assert PatientFacts.from_json(json.dumps(GOOD).encode()) == PatientFacts.from_dict(GOOD)
    with pytest.raises(InvalidTypeError) as caught:
        PatientFacts.from_json(GOOD)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "facts must be JSON text (str or bytes), not object <dict of length 9>"
    )
    with pytest.raises(InvalidTypeError) as caught:
        PatientFacts.from_dict(json.dumps(GOOD))  # type: ignore[arg-type]
    assert str(caught.value) == "facts must be a mapping of decoded JSON (dict), not text"
    assert "15108695088" not in caught.value.message("nb")


KEYS = (
    "reference_time, national_id, age, birth_date, level4_eid, helsenorge_consent,"
    " helsenorge_representable, research_reserved, krr, postal_address, physical_address"
)
WHEN = "2026-11-25T12:00:00+01:00"


@pytest.mark.parametrize(
    ("payload", "field", "value", "message"),
    [
        ("{broken", "facts", "<hidden>", "facts is not valid JSON: line 1, column 2"),
        ("[]", "facts", [], "facts must be an object, not list []"),
        (
            "[" * 100_000,
            "facts",
            "<hidden>",
            "facts is nested deeper than the JSON reader allows; it is not read",
        ),
        (
            {"reference_time": WHEN, "national_id": 12},
            "national_id",
            "<hidden>",
            "national_id must be a string of 11 digits, not integer",
        ),
        (
            {"reference_time": 1},
            "reference_time",
            1,
            "reference_time must be a string, not integer 1",
        ),
        (
            {"reference_time": WHEN, "birth_date": 1988},
            "birth_date",
            1988,
            "birth_date must be a string, not integer 1988",
        ),
        (
            {"reference_time": WHEN, "helsenorge_consent": 1},
            "helsenorge_consent",
            1,
            "helsenorge_consent must be a string, not integer 1",
        ),
        (
            {"reference_time": WHEN, "level4eid": True},
            "facts",
            ["level4eid"],
            f"facts has unexpected keys ['level4eid']; allowed keys: {KEYS}",
        ),
        (
            {"age": 1},
            "facts.reference_time",
            None,
            f"facts.reference_time is missing; expected keys: {KEYS}",
        ),
        (
            {"reference_time": WHEN, "age": "38"},
            "age",
            "38",
            "age must be an integer, not text '38'",
        ),
        (
            {"reference_time": WHEN, "postal_address": "yes"},
            "postal_address",
            "yes",
            "postal_address must be true, false or null, not text 'yes'",
        ),
        (
            {"reference_time": WHEN, "birth_date": "02.04.1988"},
            "birth_date",
            "02.04.1988",
            "birth_date is '02.04.1988', not a date written as YYYY-MM-DD",
        ),
        (
            {"reference_time": "2026-11-25"},
            "reference_time",
            "2026-11-25",
            (
                "reference_time is '2026-11-25', not an ISO 8601 time with a UTC offset"
                " (for example 2023-06-29T10:14:52+02:00)"
            ),
        ),
        (
            {"reference_time": WHEN, "helsenorge_consent": "partial"},
            "helsenorge_consent",
            "partial",
            (
                "'partial' is not a known helsenorge_consent; valid codes and names: full, limited,"
                " none"
            ),
        ),
    ],
)
def test_errors_word_for_word(payload: object, field: str, value: object, message: str) -> None:
    with pytest.raises(DistributionError) as caught:
        _read(payload)
    assert (caught.value.field, caught.value.value, str(caught.value)) == (field, value, message)
    assert isinstance(caught.value, ValueError)
