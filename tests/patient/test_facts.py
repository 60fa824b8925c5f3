"""PatientFacts: the reference date in Norway, ages, the national ID, and strict construction."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from distribution import (
    DistributionError,
    HelsenorgeConsent,
    InvalidTypeError,
    InvalidValueError,
    NationalIdKind,
    PatientFacts,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ADULT = PatientFacts(
    reference_time=NOW, age=40, level4_eid=True, helsenorge_consent=HelsenorgeConsent.FULL
)


def test_ages_are_counted_on_the_date_in_oslo() -> None:
    # 2026-02-28T23:30Z is 2026-03-01 00:30 in Oslo: someone born 2013-03-01 is 13 there.
    facts = PatientFacts(
        reference_time=datetime(2026, 2, 28, 23, 30, tzinfo=UTC), birth_date=date(2013, 3, 1)
    )
    assert facts.reference_date == date(2026, 3, 1)
    assert facts.age_at_reference == 13
    # ...and a birth date that is "tomorrow" in UTC but today in Oslo is accepted.
    born_today = PatientFacts(
        reference_time=datetime(2026, 2, 28, 23, 30, tzinfo=UTC), birth_date=date(2026, 3, 1)
    )
    assert born_today.age_at_reference == 0


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2026, 2, 28), 17),  # a common year: no 29 February
        (date(2026, 3, 1), 18),  # the birthday is reached on 1 March
        (date(2028, 2, 28), 19),
        (date(2028, 2, 29), 20),  # a leap year: on the day itself
    ],
)
def test_leap_day_birthdays(on: date, age: int) -> None:
    noon_in_oslo = datetime(on.year, on.month, on.day, 12, tzinfo=timezone(timedelta(hours=1)))
    facts = PatientFacts(reference_time=noon_in_oslo, birth_date=date(2008, 2, 29))
    assert facts.age_at_reference == age


def test_the_national_id_is_the_source_of_the_birth_date() -> None:
    # 26670271527: a synthetic test person (month 67 = February + 65), born 26 February 2002.
    facts = PatientFacts(reference_time=NOW, national_id="26670271527")
    assert facts.known_birth_date == date(2002, 2, 26)
    assert facts.age_at_reference == 24
    assert facts.national_id_kind is NationalIdKind.SYNTHETIC_FODSELSNUMMER
    assert facts.birth_date is None  # what the caller gave is kept apart from what was read
    assert "26670271527" not in repr(facts)
    assert "national_id='***********'" in repr(facts)
    agreeing = PatientFacts(
        reference_time=NOW, national_id="26670271527", birth_date=date(2002, 2, 26), age=24
    )
    assert agreeing.age_at_reference == 24
    # Evolving to another person reads the new number afresh.
    other = attrs.evolve(facts, national_id="15108695088")
    assert other.known_birth_date == date(1986, 10, 15)
    assert other.national_id_kind is NationalIdKind.FODSELSNUMMER
    assert attrs.evolve(facts, national_id=None).age_at_reference is None


@pytest.mark.parametrize(
    ("changes", "error", "words"),
    [
        ({"birth_date": date(2002, 2, 27)}, InvalidValueError, "national ID gives another"),
        ({"age": 23}, InvalidValueError, "does not match the birth date, which gives 24"),
        ({"national_id": "26670271528"}, InvalidValueError, "check digits are wrong"),
        ({"national_id": "15508695088"}, InvalidValueError, "H-number"),
        ({"national_id": 26670271527}, InvalidTypeError, "PatientFacts.national_id"),
        (
            {"reference_time": datetime(2002, 2, 25, 12, tzinfo=UTC)},
            InvalidValueError,
            r"national_id is <hidden>: born after 2002-02-25, the day the facts are judged on",
        ),
    ],
)
def test_a_national_id_that_disagrees_or_is_invalid_is_refused(
    changes: dict[str, Any], error: type, words: str
) -> None:
    with pytest.raises(DistributionError, match=words) as caught:
        PatientFacts(**{"reference_time": NOW, "national_id": "26670271527", **changes})
    assert type(caught.value) is error
    for shown in (str(caught.value), caught.value.message("nb")):
        assert "26670271527" not in shown
        assert "266702" not in shown


@pytest.mark.parametrize(
    ("changes", "error", "words"),
    [
        ({"reference_time": datetime(2026, 1, 1)}, InvalidValueError, "UTC offset"),  # noqa: DTZ001
        ({"reference_time": "2026-01-01"}, InvalidTypeError, "reference_time"),
        ({"age": True}, InvalidTypeError, "age"),
        ({"age": -1}, InvalidValueError, "age"),
        ({"age": 151}, InvalidValueError, "age"),
        ({"age": 30, "birth_date": date(1990, 1, 1)}, InvalidValueError, "does not match"),
        ({"birth_date": date(2027, 1, 1)}, InvalidValueError, "birth_date"),
        ({"birth_date": datetime(1990, 1, 1, tzinfo=UTC)}, InvalidTypeError, "birth_date"),
        ({"level4_eid": 1}, InvalidTypeError, "level4_eid"),
        ({"helsenorge_consent": "full"}, InvalidTypeError, "helsenorge_consent"),
        ({"krr": {"status": "AKTIV"}}, InvalidTypeError, "krr"),
        ({"physical_address": None}, InvalidTypeError, "physical_address"),
    ],
)
def test_bad_facts_are_refused(changes: dict[str, Any], error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        attrs.evolve(ADULT, **changes)


def test_a_birth_date_after_the_reference_time_is_refused_in_either_language() -> None:
    with pytest.raises(InvalidValueError) as caught:
        PatientFacts(reference_time=NOW, birth_date=date(2030, 1, 1))
    assert str(caught.value) == (
        "PatientFacts.birth_date is '2030-01-01': born after 2026-11-25, the day the facts are"
        " judged on"
    )
    assert caught.value.message("nb") == (
        "PatientFacts.birth_date er '2030-01-01': født etter 2026-11-25, dagen opplysningene"
        " gjelder for"
    )
