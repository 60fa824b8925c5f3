"""Eligibility: every reason by hand, the boundaries, and laws over arbitrary facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    Availability,
    DistributionError,
    Eligibility,
    HelsenorgeConsent,
    InvalidTypeError,
    InvalidValueError,
    KrrRecord,
    KrrStatus,
    NationalIdKind,
    PatientFacts,
    Reason,
    assess,
    explain,
)
from distribution.eligibility import months_before

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
FRESH = datetime(2026, 6, 1, tzinfo=UTC)
STALE = datetime(2024, 1, 1, tzinfo=UTC)
ACTIVE = KrrRecord(
    status=KrrStatus.AKTIV,
    reserved=False,
    can_notify=True,
    email="kari@example.no",
    email_updated=FRESH,
    mailbox_address="kari#1",
)
EVERYTHING = PatientFacts(
    reference_time=NOW,
    age=40,
    level4_eid=True,
    helsenorge_consent=HelsenorgeConsent.FULL,
    helsenorge_representable=False,
    krr=ACTIVE,
    postal_address=True,
)


def reasons(facts: PatientFacts, channel: str) -> list[str]:
    return [reason.value for reason in assess(facts).reasons(channel)]


def with_krr(**changes: Any) -> PatientFacts:
    return attrs.evolve(EVERYTHING, krr=attrs.evolve(ACTIVE, **changes))


def test_a_fully_reachable_adult() -> None:
    e = assess(EVERYTHING)
    assert e.availability == Availability(
        helsenorge=True, digital_mailbox=True, krr_contact=True, paper=True
    )
    assert reasons(EVERYTHING, "helsenorge") == ["helsenorge_active"]
    assert reasons(EVERYTHING, "digital_mailbox") == ["digital_mailbox_active"]
    assert reasons(EVERYTHING, "krr_contact") == ["email_current"]
    assert reasons(EVERYTHING, "paper") == ["postal_address"]


def test_nothing_known_means_nothing_available_and_says_so() -> None:
    facts = PatientFacts(reference_time=NOW)
    assert assess(facts).availability == Availability()
    assert reasons(facts, "helsenorge") == ["eid_unknown", "helsenorge_unknown", "age_unknown"]
    assert reasons(facts, "digital_mailbox") == ["eid_unknown", "age_unknown", "krr_unknown"]
    assert reasons(facts, "krr_contact") == ["eid_unknown", "age_unknown", "krr_unknown"]
    assert reasons(facts, "paper") == ["postal_address_unknown"]


@pytest.mark.parametrize(
    ("changes", "channel", "expected"),
    [
        ({"level4_eid": False}, "helsenorge", ["no_level4_eid"]),
        ({"level4_eid": False}, "digital_mailbox", ["no_level4_eid"]),
        ({"level4_eid": False}, "krr_contact", ["no_level4_eid"]),
        (
            {"helsenorge_consent": HelsenorgeConsent.LIMITED},
            "helsenorge",
            ["no_helsenorge_consent"],
        ),
        ({"helsenorge_consent": HelsenorgeConsent.NONE}, "helsenorge", ["no_helsenorge_consent"]),
        ({"helsenorge_consent": None}, "helsenorge", ["helsenorge_unknown"]),
        ({"age": 15}, "helsenorge", ["under_16"]),
        ({"age": 16}, "helsenorge", ["helsenorge_active"]),
        (
            {"age": 15, "helsenorge_representable": True},
            "helsenorge",
            ["helsenorge_active", "helsenorge_represented"],
        ),
        (
            {"age": None, "helsenorge_representable": True},
            "helsenorge",
            ["helsenorge_active", "helsenorge_represented"],
        ),
        ({"age": 17}, "digital_mailbox", ["under_18"]),
        ({"age": 18}, "digital_mailbox", ["digital_mailbox_active"]),
        ({"age": 12}, "krr_contact", ["under_13"]),
        ({"age": 13}, "krr_contact", ["email_current"]),
        ({"age": None}, "digital_mailbox", ["age_unknown"]),
        ({"krr": None}, "digital_mailbox", ["krr_unknown"]),
        ({"krr": None}, "krr_contact", ["krr_unknown"]),
        ({"postal_address": False}, "paper", ["no_postal_address"]),
        ({"postal_address": None}, "paper", ["postal_address_unknown"]),
        ({"postal_address": False, "physical_address": True}, "paper", ["physical_address"]),
        ({"postal_address": None, "physical_address": True}, "paper", ["physical_address"]),
    ],
)
def test_each_fact_gives_its_reason(
    changes: dict[str, Any], channel: str, expected: list[str]
) -> None:
    facts = attrs.evolve(EVERYTHING, **changes)
    assert reasons(facts, channel) == expected
    available = expected[0] in {
        "helsenorge_active",
        "digital_mailbox_active",
        "email_current",
        "physical_address",
    }
    assert assess(facts).availability.has(channel) is available


def test_reserved_person_with_a_digipost_address_gets_no_digital_mailbox() -> None:
    facts = with_krr(reserved=True, can_notify=False)
    assert ACTIVE.has_digital_mailbox
    assert reasons(facts, "digital_mailbox") == ["krr_cannot_notify", "krr_reserved"]
    assert reasons(facts, "krr_contact") == ["krr_cannot_notify"]
    assert assess(facts).availability == Availability(helsenorge=True, paper=True)


def test_reserved_is_enough_even_if_krr_still_says_can_notify() -> None:
    assert reasons(with_krr(reserved=True), "digital_mailbox") == ["krr_reserved"]
    assert reasons(with_krr(reserved=None), "digital_mailbox") == ["krr_reserved"]


@pytest.mark.parametrize(
    ("status", "reason"),
    [(KrrStatus.SLETTET, "krr_deleted"), (KrrStatus.IKKE_REGISTRERT, "krr_not_registered")],
)
def test_deleted_and_unregistered_krr_records(status: KrrStatus, reason: str) -> None:
    facts = attrs.evolve(EVERYTHING, krr=KrrRecord(status=status, can_notify=False))
    assert reasons(facts, "digital_mailbox") == [reason]
    assert reasons(facts, "krr_contact") == [reason]
    assert assess(facts).availability == Availability(helsenorge=True, paper=True)


def test_cannot_notify_and_unknown_notify_status() -> None:
    assert reasons(with_krr(can_notify=False), "krr_contact") == ["krr_cannot_notify"]
    assert reasons(with_krr(can_notify=None), "krr_contact") == ["krr_notify_unknown"]


def test_contact_details_missing_stale_or_undated() -> None:
    assert reasons(with_krr(email=None, email_updated=None), "krr_contact") == [
        "no_contact_details"
    ]
    assert reasons(with_krr(email_updated=STALE), "krr_contact") == ["contact_details_stale"]
    assert reasons(with_krr(email_updated=None), "krr_contact") == ["contact_details_undated"]
    assert reasons(with_krr(mailbox_address=None), "digital_mailbox") == ["no_digital_mailbox"]


def test_eighteen_months_boundary_on_both_sides() -> None:
    # The reference time 2026-11-25 12:00 UTC is 25 November in Oslo; 18 calendar months before
    # is 25 May 2025, which is included, however late in that Norwegian day.
    first_minute = datetime(2025, 5, 24, 22, 0, tzinfo=UTC)  # 2025-05-25 00:00 in Oslo (CEST)
    assert reasons(with_krr(email_updated=first_minute), "krr_contact") == ["email_current"]
    day_before = first_minute - timedelta(seconds=1)  # 2025-05-24 23:59:59 in Oslo
    assert reasons(with_krr(email_updated=day_before), "krr_contact") == ["contact_details_stale"]
    # The same instant written in another offset is the same instant, and the same Oslo date.
    oslo = datetime(2025, 5, 25, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    assert reasons(with_krr(email_updated=oslo), "krr_contact") == ["email_current"]


def test_the_window_is_counted_from_the_reference_date_in_oslo() -> None:
    # 2026-11-24T23:30Z is already 25 November in Oslo (CET, +01:00).
    late = attrs.evolve(with_krr(), reference_time=datetime(2026, 11, 24, 23, 30, tzinfo=UTC))
    assert late.reference_date == date(2026, 11, 25)
    edge = datetime(2025, 5, 25, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    assert reasons(
        attrs.evolve(late, krr=attrs.evolve(ACTIVE, email_updated=edge)), "krr_contact"
    ) == ["email_current"]


def test_month_end_windows_clamp_to_the_last_day_of_february() -> None:
    # 31 August minus 18 months is 28 February, or 29 February in a leap year.
    aug31 = attrs.evolve(with_krr(), reference_time=datetime(2026, 8, 31, 12, tzinfo=UTC))
    feb28 = datetime(2025, 2, 28, 12, tzinfo=UTC)
    assert reasons(
        attrs.evolve(aug31, krr=attrs.evolve(ACTIVE, email_updated=feb28)), "krr_contact"
    ) == ["email_current"]
    feb27 = datetime(2025, 2, 27, 12, tzinfo=UTC)
    assert reasons(
        attrs.evolve(aug31, krr=attrs.evolve(ACTIVE, email_updated=feb27)), "krr_contact"
    ) == ["contact_details_stale"]
    leap = attrs.evolve(with_krr(), reference_time=datetime(2025, 8, 31, 12, tzinfo=UTC))
    feb29 = datetime(2024, 2, 29, 12, tzinfo=UTC)
    assert reasons(
        attrs.evolve(leap, krr=attrs.evolve(ACTIVE, email_updated=feb29)), "krr_contact"
    ) == ["email_current"]
    assert reasons(
        attrs.evolve(leap, krr=attrs.evolve(ACTIVE, email_updated=feb28 - timedelta(days=366))),
        "krr_contact",
    ) == ["contact_details_stale"]


def test_updated_or_verified_each_count_and_email_and_mobile_are_judged_apart() -> None:
    assert reasons(with_krr(email_updated=STALE, email_verified=FRESH), "krr_contact") == [
        "email_current"
    ]
    mixed = with_krr(email_updated=STALE, mobile="+4790000000", mobile_verified=FRESH)
    assert reasons(mixed, "krr_contact") == ["mobile_current"]
    both = with_krr(mobile="+4790000000", mobile_updated=FRESH)
    assert reasons(both, "krr_contact") == ["email_current", "mobile_current"]
    # A fresh date on a missing number does not make the stale e-mail usable.
    orphan = with_krr(email_updated=STALE, mobile=None, mobile_updated=FRESH)
    assert reasons(orphan, "krr_contact") == ["contact_details_stale"]


def test_age_from_birth_date_at_the_reference_time() -> None:
    turns_18_tomorrow = attrs.evolve(EVERYTHING, age=None, birth_date=date(2008, 11, 26))
    assert reasons(turns_18_tomorrow, "digital_mailbox") == ["under_18"]
    turns_18_today = attrs.evolve(EVERYTHING, age=None, birth_date=date(2008, 11, 25))
    assert reasons(turns_18_today, "digital_mailbox") == ["digital_mailbox_active"]
    assert turns_18_today.age_at_reference == 18


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
            "birth dates up to 2002-02-25",
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


def test_months_before_by_hand() -> None:
    assert months_before(date(2026, 11, 25), 18) == date(2025, 5, 25)
    assert months_before(date(2026, 8, 31), 18) == date(2025, 2, 28)
    assert months_before(date(2025, 8, 31), 18) == date(2024, 2, 29)
    assert months_before(date(2025, 8, 29), 18) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


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
        attrs.evolve(EVERYTHING, **changes)


def test_assess_refuses_what_is_not_facts() -> None:
    with pytest.raises(InvalidTypeError, match="PatientFacts"):
        assess({"age": 40})  # type: ignore[arg-type]


def test_explain_shows_the_reasons_in_both_languages() -> None:
    facts = attrs.evolve(
        EVERYTHING, age=15, krr=attrs.evolve(ACTIVE, reserved=True, can_notify=False)
    )
    en = explain("AllowUnsecureOrPaper", assess(facts))
    assert "(why: is under 16 and cannot be represented on Helsenorge)" in en
    assert "is reserved against digital communication in KRR" in en
    assert "(why: has a postal address in Folkeregisteret)" in en
    nb = explain("AllowUnsecureOrPaper", assess(facts), lang="nb")
    assert "(hvorfor: er under 16 år og kan ikke representeres på Helsenorge)" in nb
    assert "er reservert mot digital kommunikasjon i KRR" in nb


def test_eligibility_to_dict() -> None:
    assert assess(attrs.evolve(EVERYTHING, postal_address=False)).to_dict() == {
        "availability": {
            "helsenorge": True,
            "digital_mailbox": True,
            "krr_contact": True,
            "paper": False,
        },
        "reasons": {
            "helsenorge": ["helsenorge_active"],
            "digital_mailbox": ["digital_mailbox_active"],
            "krr_contact": ["email_current"],
            "paper": ["no_postal_address"],
        },
    }


def test_every_reason_can_be_produced_and_described() -> None:
    for reason in Reason:
        assert reason.describe(lang="en") != reason.describe(lang="nb")


# --- laws -----------------------------------------------------------------------------------

stamps = st.one_of(
    st.none(), st.sampled_from([FRESH, STALE, datetime(2025, 5, 25, 12, tzinfo=UTC)])
)
records = st.builds(
    KrrRecord,
    status=st.sampled_from(KrrStatus),
    reserved=st.sampled_from([None, True, False]),
    can_notify=st.sampled_from([None, True, False]),
    email=st.sampled_from([None, "a@example.no"]),
    email_updated=stamps,
    email_verified=stamps,
    mobile=st.sampled_from([None, "+4790000000"]),
    mobile_updated=stamps,
    mobile_verified=stamps,
    mailbox_address=st.sampled_from([None, "a#1"]),
)
facts_strategy = st.builds(
    PatientFacts,
    reference_time=st.just(NOW),
    age=st.one_of(st.none(), st.integers(0, 120)),
    level4_eid=st.sampled_from([None, True, False]),
    helsenorge_consent=st.one_of(st.none(), st.sampled_from(HelsenorgeConsent)),
    helsenorge_representable=st.sampled_from([None, True, False]),
    krr=st.one_of(st.none(), records),
    postal_address=st.sampled_from([None, True, False]),
    physical_address=st.booleans(),
)

Worsen = Callable[[PatientFacts], PatientFacts]


def _krr(f: PatientFacts, **changes: Any) -> PatientFacts:
    return f if f.krr is None else attrs.evolve(f, krr=attrs.evolve(f.krr, **changes))


WORSENINGS: list[Worsen] = [
    lambda f: attrs.evolve(f, level4_eid=False),
    lambda f: attrs.evolve(f, level4_eid=None),
    lambda f: attrs.evolve(f, age=None),
    lambda f: attrs.evolve(f, age=max((f.age or 0) - 3, 0)) if f.age is not None else f,
    lambda f: attrs.evolve(f, helsenorge_consent=HelsenorgeConsent.LIMITED),
    lambda f: attrs.evolve(f, helsenorge_consent=None),
    lambda f: attrs.evolve(f, helsenorge_representable=False),
    lambda f: attrs.evolve(f, krr=None),
    lambda f: attrs.evolve(f, postal_address=False),
    lambda f: attrs.evolve(f, postal_address=None),
    lambda f: attrs.evolve(f, physical_address=False),
    lambda f: _krr(f, status=KrrStatus.SLETTET),
    lambda f: _krr(f, reserved=True),
    lambda f: _krr(f, can_notify=False),
    lambda f: _krr(f, can_notify=None),
    lambda f: _krr(f, email=None),
    lambda f: _krr(f, mobile=None),
    lambda f: _krr(f, email_updated=STALE, email_verified=None),
    lambda f: _krr(f, mobile_updated=None, mobile_verified=None),
    lambda f: _krr(f, mailbox_address=None),
]


@given(facts_strategy, st.sampled_from(WORSENINGS))
def test_making_a_fact_worse_never_adds_a_channel(facts: PatientFacts, worsen: Worsen) -> None:
    """Monotonicity: losing eID, age, consent, KRR data or an address never opens a channel."""
    before = set(assess(facts).availability.channels)
    after = set(assess(worsen(facts)).availability.channels)
    assert after <= before


@given(facts_strategy)
def test_assessment_is_total_and_consistent(facts: PatientFacts) -> None:
    """Assessing well-typed facts never raises; every channel has reasons, which agree with it."""
    try:
        e = assess(facts)
    except DistributionError as error:  # pragma: no cover  # the law says this never happens
        pytest.fail(f"assess raised {error!r}")
    positive = {
        Reason.HELSENORGE_ACTIVE,
        Reason.HELSENORGE_REPRESENTED,
        Reason.DIGITAL_MAILBOX_ACTIVE,
        Reason.EMAIL_CURRENT,
        Reason.MOBILE_CURRENT,
        Reason.POSTAL_ADDRESS,
        Reason.PHYSICAL_ADDRESS,
    }
    for channel in ("helsenorge", "digital_mailbox", "krr_contact", "paper"):
        why = e.reasons(channel)
        assert why
        assert all((reason in positive) == e.availability.has(channel) for reason in why)


def test_the_hand_written_cases_produce_every_reason() -> None:
    """Every Reason is reachable from facts: none is dead text (checked over the cases above)."""
    facts = [
        EVERYTHING,
        PatientFacts(reference_time=NOW),
        attrs.evolve(EVERYTHING, level4_eid=False, helsenorge_consent=HelsenorgeConsent.NONE),
        attrs.evolve(EVERYTHING, age=12, postal_address=False),
        attrs.evolve(EVERYTHING, age=15, helsenorge_representable=True, physical_address=True),
        attrs.evolve(EVERYTHING, age=17),
        with_krr(reserved=True, can_notify=False),
        with_krr(can_notify=None, mailbox_address=None),
        with_krr(email=None, email_updated=None),
        with_krr(email_updated=STALE),
        with_krr(email_updated=None, mobile="+4790000000", mobile_verified=FRESH),
        with_krr(email_updated=None),
        attrs.evolve(EVERYTHING, krr=KrrRecord(status=KrrStatus.SLETTET)),
        attrs.evolve(EVERYTHING, krr=KrrRecord(status=KrrStatus.IKKE_REGISTRERT)),
    ]
    seen = {
        reason
        for f in facts
        for channel in ("helsenorge", "digital_mailbox", "krr_contact", "paper")
        for reason in assess(f).reasons(channel)
    }
    assert seen == set(Reason)


def test_eligibility_refuses_what_assess_would_never_build() -> None:
    good = assess(EVERYTHING)
    with pytest.raises(InvalidTypeError, match=r"Eligibility\.availability"):
        Eligibility(None, good.reasons_by_channel)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Eligibility\.reasons_by_channel"):
        Eligibility(good.availability, ())
    with pytest.raises(InvalidTypeError, match=r"Eligibility\.reasons_by_channel"):
        Eligibility(good.availability, good.reasons_by_channel[::-1])
    no_reasons = (good.reasons_by_channel[0][0], ())
    with pytest.raises(InvalidTypeError, match=r"reasons_by_channel\[Helsenorge\]"):
        Eligibility(good.availability, (no_reasons, *good.reasons_by_channel[1:]))
    text_reason = (good.reasons_by_channel[0][0], ("helsenorge_active",))
    with pytest.raises(InvalidTypeError, match="a non-empty tuple of Reason"):
        Eligibility(good.availability, (text_reason, *good.reasons_by_channel[1:]))  # type: ignore[arg-type]
    assert Eligibility(good.availability, good.reasons_by_channel) == good


def test_krr_record_refuses_what_from_json_would_never_build() -> None:
    with pytest.raises(InvalidTypeError, match=r"KrrRecord\.status"):
        KrrRecord(status="AKTIV")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"KrrRecord\.email") as caught:
        KrrRecord(status=KrrStatus.AKTIV, email=5)  # type: ignore[arg-type]
    assert "5" not in caught.value.message("en").replace("KrrRecord", "")
    with pytest.raises(InvalidValueError, match=r"KrrRecord\.mobile_updated"):
        KrrRecord(status=KrrStatus.AKTIV, mobile_updated=datetime(2026, 1, 1))  # noqa: DTZ001
