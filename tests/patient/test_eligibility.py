"""Eligibility: every reason by hand, the boundaries, and laws over arbitrary facts."""

from __future__ import annotations

import itertools
import pickle
import weakref
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

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
    NotificationChannel,
    PatientFacts,
    Reason,
    assess,
    decide,
    explain,
)
from distribution.availability import parse_channel
from distribution.patient._rules import KRR_CAN_NOTIFY, REQUIREMENTS, Way, months_before
from tests.strategies import REFERENCE_TIME, patient_facts

NOW = REFERENCE_TIME  # 2026-11-25 12:00 UTC: 25 November in Oslo
FRESH = datetime(2026, 6, 1, tzinfo=UTC)
STALE = datetime(2024, 1, 1, tzinfo=UTC)
TWO_YEARS_AGO = datetime(2024, 11, 25, 12, tzinfo=UTC)
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
CHANNELS = ("helsenorge", "digital_mailbox", "krr_contact", "paper")
# Written from the sources' words, not from the library: the reasons that say why a channel IS
# available.
POSITIVE = {
    "helsenorge_active",
    "helsenorge_represented",
    "research_not_reserved",
    "digitally_active",
    "digital_mailbox_active",
    "email_current",
    "mobile_current",
    "postal_address",
    "physical_address",
}


def reasons(facts: PatientFacts, channel: str) -> list[str]:
    """The reasons for *channel*, having checked that every channel's availability agrees."""
    eligibility = assess(facts)
    assert _agrees(eligibility)
    return [reason.value for reason in eligibility.reasons(channel)]


def with_krr(**changes: Any) -> PatientFacts:
    return attrs.evolve(EVERYTHING, krr=attrs.evolve(ACTIVE, **changes))


def test_a_fully_reachable_adult() -> None:
    e = assess(EVERYTHING)
    assert e.availability == Availability(
        helsenorge=True, digital_mailbox=True, krr_contact=True, paper=True
    )
    assert reasons(EVERYTHING, "helsenorge") == ["helsenorge_active", "digitally_active"]
    assert reasons(EVERYTHING, "digital_mailbox") == ["digital_mailbox_active", "digitally_active"]
    assert reasons(EVERYTHING, "krr_contact") == ["email_current"]
    assert reasons(EVERYTHING, "paper") == ["postal_address"]


def test_nothing_known_means_nothing_available_and_says_so() -> None:
    facts = PatientFacts(reference_time=NOW)
    assert assess(facts).availability == Availability()
    assert reasons(facts, "helsenorge") == [
        "eid_unknown",
        "helsenorge_unknown",
        "age_unknown",
        "digital_activity_unknown",
        "krr_unknown",
        "representation_unknown",
    ]
    for channel in ("digital_mailbox", "krr_contact"):
        assert reasons(facts, channel) == [
            "eid_unknown",
            "age_unknown",
            "digital_activity_unknown",
            "krr_unknown",
        ]
    assert reasons(facts, "paper") == ["postal_address_unknown"]


@pytest.mark.parametrize(
    ("changes", "channel", "expected"),
    [
        ({"level4_eid": False}, "helsenorge", ["no_level4_eid", "not_representable"]),
        ({"level4_eid": False}, "digital_mailbox", ["no_level4_eid"]),
        ({"level4_eid": False}, "krr_contact", ["no_level4_eid"]),
        ({"level4_eid": None}, "krr_contact", ["eid_unknown"]),
        (
            {"helsenorge_consent": HelsenorgeConsent.LIMITED},
            "helsenorge",
            ["no_helsenorge_consent", "not_representable"],
        ),
        (
            {"helsenorge_consent": HelsenorgeConsent.NONE},
            "helsenorge",
            ["no_helsenorge_consent", "not_representable"],
        ),
        ({"helsenorge_consent": None}, "helsenorge", ["helsenorge_unknown", "not_representable"]),
        ({"age": 15}, "helsenorge", ["under_16", "not_representable"]),
        (
            {"age": 15, "helsenorge_representable": None},
            "helsenorge",
            ["under_16", "representation_unknown"],
        ),
        ({"age": 16}, "helsenorge", ["helsenorge_active", "digitally_active"]),
        ({"age": 15, "helsenorge_representable": True}, "helsenorge", ["helsenorge_represented"]),
        (
            {"helsenorge_representable": True},
            "helsenorge",
            ["helsenorge_active", "digitally_active", "helsenorge_represented"],
        ),
        ({"age": 17}, "digital_mailbox", ["under_18"]),
        ({"age": 18}, "digital_mailbox", ["digital_mailbox_active", "digitally_active"]),
        ({"age": 12}, "krr_contact", ["under_13"]),
        ({"age": 13}, "krr_contact", ["email_current"]),
        ({"age": None}, "digital_mailbox", ["age_unknown"]),
        ({"age": None}, "helsenorge", ["age_unknown", "not_representable"]),
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
    assert assess(facts).availability.has(channel) is (expected[0] in POSITIVE)


# --- digitally active gates every digital channel (docs/sources.md §4) ------------------------


def test_two_year_old_krr_data_closes_helsenorge_despite_full_consent() -> None:
    facts = with_krr(email_updated=TWO_YEARS_AGO)
    assert reasons(facts, "helsenorge") == [
        "not_digitally_active",
        "email_stale",
        "not_representable",
    ]
    assert assess(facts).availability == Availability(paper=True)


def test_kan_varsles_with_two_year_old_details_gets_no_digital_mailbox() -> None:
    # KRR said KAN_VARSLES when it was asked; at the reference time the details are too old.
    facts = with_krr(can_notify=True, email_updated=TWO_YEARS_AGO)
    assert reasons(facts, "digital_mailbox") == ["not_digitally_active", "email_stale"]
    assert reasons(facts, "krr_contact") == ["not_digitally_active", "email_stale"]


def test_no_krr_lookup_means_not_known_to_be_active_so_no_digital_channel() -> None:
    facts = attrs.evolve(EVERYTHING, krr=None)
    assert reasons(facts, "helsenorge") == [
        "digital_activity_unknown",
        "krr_unknown",
        "not_representable",
    ]
    assert reasons(facts, "digital_mailbox") == ["digital_activity_unknown", "krr_unknown"]
    assert reasons(facts, "krr_contact") == ["digital_activity_unknown", "krr_unknown"]
    assert assess(facts).availability == Availability(paper=True)


def test_someone_who_can_be_represented_needs_no_eid_consent_or_krr_of_their_own() -> None:
    # RepresentasjonPaaHelsenorge.md: a representation OR being contactable directly.
    child = PatientFacts(reference_time=NOW, age=10, helsenorge_representable=True)
    assert reasons(child, "helsenorge") == ["helsenorge_represented"]
    assert assess(child).availability == Availability(helsenorge=True)


@pytest.mark.parametrize(
    ("status", "reason"),
    [(KrrStatus.SLETTET, "krr_deleted"), (KrrStatus.IKKE_REGISTRERT, "krr_not_registered")],
)
def test_deleted_and_unregistered_krr_records(status: KrrStatus, reason: str) -> None:
    facts = attrs.evolve(EVERYTHING, krr=KrrRecord(status=status, can_notify=False))
    assert reasons(facts, "helsenorge") == ["not_digitally_active", reason, "not_representable"]
    assert reasons(facts, "digital_mailbox") == ["not_digitally_active", reason]
    assert reasons(facts, "krr_contact") == ["not_digitally_active", reason]
    assert assess(facts).availability == Availability(paper=True)


# --- unknown is not false ----------------------------------------------------------------------


def test_reasons_name_only_the_contact_details_that_exist() -> None:
    mobile_only = with_krr(
        email=None, email_updated=None, mobile="+4790000000", mobile_updated=STALE
    )
    assert reasons(mobile_only, "krr_contact") == ["not_digitally_active", "mobile_stale"]
    assert assess(mobile_only).reasons("krr_contact")[1].describe() == (
        "the mobile number in KRR was last updated or confirmed more than 18 months ago"
    )
    both = with_krr(email_updated=STALE, mobile="+4790000000", mobile_verified=STALE)
    assert reasons(both, "krr_contact") == ["not_digitally_active", "email_stale", "mobile_stale"]
    none = with_krr(email=None, email_updated=None)
    assert reasons(none, "krr_contact") == ["not_digitally_active", "no_contact_details"]


def test_an_undated_detail_leaves_activity_unknown() -> None:
    assert reasons(with_krr(email_updated=None), "krr_contact") == [
        "digital_activity_unknown",
        "email_undated",
    ]
    mixed = with_krr(email_updated=STALE, mobile="+4790000000")
    assert reasons(mixed, "helsenorge") == [
        "digital_activity_unknown",
        "email_stale",
        "mobile_undated",
        "not_representable",
    ]


def test_a_record_without_reservasjon_is_not_said_to_be_reserved() -> None:
    facts = with_krr(reserved=None)
    assert reasons(facts, "digital_mailbox") == ["krr_reservation_unknown"]
    assert assess(facts).reasons("digital_mailbox")[0].describe() == (
        "it is not given whether the patient is reserved against digital communication in KRR"
    )
    assert reasons(facts, "krr_contact") == ["email_current"]  # the reservation alone: §7


def test_reserved_person_with_a_digipost_address_gets_no_digital_mailbox() -> None:
    facts = with_krr(reserved=True, can_notify=False)
    assert ACTIVE.has_digital_mailbox
    assert reasons(facts, "digital_mailbox") == ["krr_cannot_notify", "krr_reserved"]
    assert reasons(facts, "krr_contact") == ["krr_cannot_notify"]
    assert assess(facts).availability == Availability(helsenorge=True, paper=True)


def test_a_record_that_contradicts_itself_is_reported_as_such() -> None:
    # Digdir: a reserved person is KAN_IKKE_VARSLES. JA with KAN_VARSLES cannot both hold.
    facts = with_krr(reserved=True, can_notify=True)
    assert reasons(facts, "digital_mailbox") == ["krr_contradictory"]
    assert reasons(facts, "krr_contact") == ["krr_contradictory"]
    assert reasons(facts, "helsenorge") == ["helsenorge_active", "digitally_active"]
    assert assess(facts).availability == Availability(helsenorge=True, paper=True)


def test_cannot_notify_and_unknown_notify_status() -> None:
    assert reasons(with_krr(can_notify=False), "krr_contact") == ["krr_cannot_notify"]
    assert reasons(with_krr(can_notify=None), "krr_contact") == ["krr_notify_unknown"]
    assert reasons(with_krr(can_notify=None), "digital_mailbox") == ["krr_notify_unknown"]
    assert reasons(with_krr(mailbox_address=None), "digital_mailbox") == ["no_digital_mailbox"]


def test_an_unrecognised_key_turns_an_absence_into_not_known() -> None:
    # {"digitalpost": {...}}: perhaps a mailbox under a misspelt key, so not "no mailbox".
    misspelt = KrrRecord.from_dict(
        {
            "status": "AKTIV",
            "reservasjon": "NEI",
            "varslingsstatus": "KAN_VARSLES",
            "kontaktinformasjon": {
                "epostadresse": "kari@example.no",
                "epostadresse_oppdatert": "2026-06-01T10:00:00+02:00",
            },
            "digitalpost": {"postkasseadresse": "kari#1"},
        }
    )
    facts = attrs.evolve(EVERYTHING, krr=misspelt)
    assert reasons(facts, "digital_mailbox") == ["digital_mailbox_unknown", "krr_unrecognised"]
    assert reasons(facts, "krr_contact") == ["email_current"]  # what was read still counts
    # {"kontaktinfo": {...}}: the contact details may be there, so activity is not known.
    elsewhere = KrrRecord.from_dict(
        {"status": "AKTIV", "reservasjon": "NEI", "kontaktinfo": {"epostadresse": "x@y.no"}}
    )
    facts = attrs.evolve(EVERYTHING, krr=elsewhere)
    assert reasons(facts, "krr_contact") == [
        "digital_activity_unknown",
        "krr_unrecognised",
        "krr_notify_unknown",
    ]
    assert reasons(facts, "digital_mailbox") == [
        "digital_activity_unknown",
        "krr_unrecognised",
        "krr_notify_unknown",
        "digital_mailbox_unknown",
    ]
    stale_and_unknown = attrs.evolve(
        facts, krr=attrs.evolve(elsewhere, email="a@b.no", email_updated=STALE)
    )
    assert reasons(stale_and_unknown, "helsenorge") == [
        "digital_activity_unknown",
        "email_stale",
        "krr_unrecognised",
        "not_representable",
    ]


# --- research (ReservasjonMotForskning.md, docs/sources.md §4) --------------------------------


def research(facts: PatientFacts, channel: str) -> list[str]:
    return [reason.value for reason in assess(facts, research=True).reasons(channel)]


def test_a_research_reservation_closes_helsenorge_even_when_active_and_consenting() -> None:
    reserved = attrs.evolve(EVERYTHING, research_reserved=True)
    assert research(reserved, "helsenorge") == ["research_reserved"]
    assert assess(reserved, research=True).availability == Availability(
        digital_mailbox=True, krr_contact=True, paper=True
    )  # "disse kanalene ikke er omfattet av reservasjonen"
    assert reasons(reserved, "helsenorge") == ["helsenorge_active", "digitally_active"]


def test_an_unknown_research_reservation_is_not_taken_as_none() -> None:
    assert research(EVERYTHING, "helsenorge") == ["research_reservation_unknown"]
    assert not assess(EVERYTHING, research=True).availability.helsenorge


def test_no_research_reservation_says_so_when_it_matters() -> None:
    free = attrs.evolve(EVERYTHING, research_reserved=False)
    assert research(free, "helsenorge") == [
        "helsenorge_active",
        "digitally_active",
        "research_not_reserved",
    ]
    child = attrs.evolve(free, age=10, helsenorge_representable=True)
    assert research(child, "helsenorge") == ["helsenorge_represented", "research_not_reserved"]
    represented_but_reserved = attrs.evolve(child, research_reserved=True)
    assert research(represented_but_reserved, "helsenorge") == ["research_reserved"]


def test_a_reserved_person_who_is_also_unreachable_gets_every_reason() -> None:
    facts = attrs.evolve(EVERYTHING, research_reserved=True, level4_eid=False)
    assert research(facts, "helsenorge") == [
        "research_reserved",
        "no_level4_eid",
        "not_representable",
    ]


def test_research_takes_only_a_bool() -> None:
    with pytest.raises(InvalidTypeError, match="research must be true or false, not integer 1"):
        assess(EVERYTHING, research=1)  # type: ignore[arg-type]


# --- on behalf of someone (BestillingAvSkjemaV2.md, PaVegneAvFlyt.md, ePROM v13.1) ----------

PARENT = EVERYTHING  # the recipient (nationalId): an adult reachable on every channel
CHILD = PatientFacts(reference_time=NOW, age=10, helsenorge_representable=True)


def test_on_helsenorge_the_form_goes_to_the_child_who_can_be_represented() -> None:
    e = assess(PARENT, on_behalf_of=CHILD)
    assert [r.value for r in e.reasons("helsenorge")] == ["on_behalf_of", "helsenorge_represented"]
    assert e.availability == Availability(
        helsenorge=True, digital_mailbox=True, krr_contact=True, paper=True
    )
    # The other channels carry the ordinary on-behalf-of routine, to the recipient.
    for channel in ("digital_mailbox", "krr_contact", "paper"):
        assert e.reasons(channel) == assess(PARENT).reasons(channel)


def test_otherwise_the_other_channels_reach_the_recipient() -> None:
    not_represented = attrs.evolve(CHILD, helsenorge_representable=False)
    e = assess(PARENT, on_behalf_of=not_represented)
    # The parent could use Helsenorge, but Helsenorge is the child's, who cannot be reached.
    assert assess(PARENT).availability.helsenorge
    assert [r.value for r in e.reasons("helsenorge")] == [
        "on_behalf_of",
        "eid_unknown",
        "helsenorge_unknown",
        "under_16",
        "digital_activity_unknown",
        "krr_unknown",
        "not_representable",
    ]
    assert e.availability == Availability(digital_mailbox=True, krr_contact=True, paper=True)
    assert decide("Basic", e.availability).channel is NotificationChannel.DIGITAL_MAILBOX
    en = explain("Basic", e)
    assert (
        "(why: on Helsenorge the form goes to the person it concerns (onBehalfOfNationalId)" in en
    )
    nb = explain("Basic", e, lang="nb")
    assert "(hvorfor: på Helsenorge går skjemaet til den det gjelder (onBehalfOfNationalId)" in nb


def test_research_is_judged_on_the_person_the_form_concerns() -> None:
    reserved_child = attrs.evolve(CHILD, research_reserved=True)
    e = assess(PARENT, research=True, on_behalf_of=reserved_child)
    assert [r.value for r in e.reasons("helsenorge")] == ["on_behalf_of", "research_reserved"]
    free_child = attrs.evolve(CHILD, research_reserved=False)
    assert assess(
        attrs.evolve(PARENT, research_reserved=True), research=True, on_behalf_of=free_child
    ).availability.helsenorge


def test_both_persons_are_judged_at_the_same_time() -> None:
    same_instant = attrs.evolve(
        CHILD, reference_time=datetime(2026, 11, 25, 13, 0, tzinfo=timezone(timedelta(hours=1)))
    )
    assert assess(PARENT, on_behalf_of=same_instant).availability.helsenorge
    later = attrs.evolve(CHILD, reference_time=datetime(2026, 11, 26, tzinfo=UTC))
    with pytest.raises(InvalidValueError) as caught:
        assess(PARENT, on_behalf_of=later)
    assert str(caught.value) == (
        "on_behalf_of.reference_time is '2026-11-26T00:00:00+00:00', but the recipient's"
        " reference_time is 2026-11-25T12:00:00+00:00; both persons must be judged at the"
        " same time"
    )
    with pytest.raises(InvalidTypeError, match="on_behalf_of must be PatientFacts or None"):
        assess(PARENT, on_behalf_of={"age": 10})  # type: ignore[arg-type]


def test_the_simple_case_stays_simple() -> None:
    assert assess(PARENT, on_behalf_of=None) == assess(PARENT)


# --- Norwegian dates ----------------------------------------------------------------------------


def test_eighteen_months_boundary_on_both_sides() -> None:
    # The reference time 2026-11-25 12:00 UTC is 25 November in Oslo; 18 calendar months before
    # is 25 May 2025, which is included, however early in that Norwegian day.
    first_minute = datetime(2025, 5, 24, 22, 0, tzinfo=UTC)  # 2025-05-25 00:00 in Oslo (CEST)
    assert reasons(with_krr(email_updated=first_minute), "krr_contact") == ["email_current"]
    day_before = first_minute - timedelta(seconds=1)  # 2025-05-24 23:59:59 in Oslo
    assert reasons(with_krr(email_updated=day_before), "krr_contact") == [
        "not_digitally_active",
        "email_stale",
    ]
    # The same instant written in another offset is the same instant, and the same Oslo date.
    oslo = datetime(2025, 5, 25, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    assert reasons(with_krr(email_updated=oslo), "krr_contact") == ["email_current"]


def test_the_window_is_counted_from_the_reference_date_in_oslo() -> None:
    # 2026-11-24T23:30Z is already 25 November in Oslo (CET, +01:00).
    edge = datetime(2025, 5, 25, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    late = attrs.evolve(
        with_krr(email_updated=edge), reference_time=datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    )
    assert late.reference_date == date(2026, 11, 25)
    assert reasons(late, "krr_contact") == ["email_current"]


@pytest.mark.parametrize(
    ("reference", "updated", "current"),
    [
        # 31 August minus 18 months is 28 February, or 29 February in a leap year.
        (datetime(2026, 8, 31, 12, tzinfo=UTC), datetime(2025, 2, 28, 12, tzinfo=UTC), True),
        (datetime(2026, 8, 31, 12, tzinfo=UTC), datetime(2025, 2, 27, 12, tzinfo=UTC), False),
        (datetime(2025, 8, 31, 12, tzinfo=UTC), datetime(2024, 2, 29, 12, tzinfo=UTC), True),
        (datetime(2025, 8, 31, 12, tzinfo=UTC), datetime(2024, 2, 28, 12, tzinfo=UTC), False),
    ],
)
def test_month_end_windows_clamp_to_the_last_day_of_february(
    reference: datetime, updated: datetime, current: bool
) -> None:
    facts = attrs.evolve(with_krr(email_updated=updated), reference_time=reference)
    expected = ["email_current"] if current else ["not_digitally_active", "email_stale"]
    assert reasons(facts, "krr_contact") == expected


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
    assert reasons(orphan, "krr_contact") == ["not_digitally_active", "email_stale"]


def test_age_from_birth_date_at_the_reference_time() -> None:
    turns_18_tomorrow = attrs.evolve(EVERYTHING, age=None, birth_date=date(2008, 11, 26))
    assert reasons(turns_18_tomorrow, "digital_mailbox") == ["under_18"]
    turns_18_today = attrs.evolve(EVERYTHING, age=None, birth_date=date(2008, 11, 25))
    assert reasons(turns_18_today, "digital_mailbox") == [
        "digital_mailbox_active",
        "digitally_active",
    ]


def test_months_before_by_hand() -> None:
    assert months_before(date(2026, 11, 25), 18) == date(2025, 5, 25)
    assert months_before(date(2026, 8, 31), 18) == date(2025, 2, 28)
    assert months_before(date(2025, 8, 31), 18) == date(2024, 2, 29)
    assert months_before(date(2025, 8, 29), 18) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


# --- the result ---------------------------------------------------------------------------------


def test_assess_refuses_what_is_not_facts() -> None:
    with pytest.raises(InvalidTypeError, match="PatientFacts"):
        assess({"age": 40})  # type: ignore[arg-type]


def test_explain_shows_the_reasons_in_both_languages() -> None:
    facts = attrs.evolve(
        EVERYTHING, age=15, krr=attrs.evolve(ACTIVE, reserved=True, can_notify=False)
    )
    en = explain("AllowUnsecureOrPaper", assess(facts))
    assert (
        "(why: the patient is under 16; nobody (a parent, say) can open Helsenorge on the"
        " patient's behalf)"
    ) in en
    assert "the patient is reserved against digital communication in KRR" in en
    assert "(why: the patient has a postal address in Folkeregisteret)" in en
    nb = explain("AllowUnsecureOrPaper", assess(facts), lang="nb")
    assert (
        "(hvorfor: pasienten er under 16 år; ingen (for eksempel en forelder) kan åpne"
        " Helsenorge på vegne av pasienten)" in nb
    )
    assert "pasienten er reservert mot digital kommunikasjon i KRR" in nb


def test_eligibility_to_dict() -> None:
    assert assess(attrs.evolve(EVERYTHING, postal_address=False)).to_dict() == {
        "availability": {
            "helsenorge": True,
            "digital_mailbox": True,
            "krr_contact": True,
            "paper": False,
        },
        "reasons": {
            "helsenorge": ["helsenorge_active", "digitally_active"],
            "digital_mailbox": ["digital_mailbox_active", "digitally_active"],
            "krr_contact": ["email_current"],
            "paper": ["no_postal_address"],
        },
    }


def test_every_reason_has_its_own_words_in_both_languages() -> None:
    for reason in Reason:
        assert reason.describe(lang="en") != reason.describe(lang="nb")
    for lang in ("en", "nb"):
        texts = [reason.describe(lang=lang) for reason in Reason]
        assert len(set(texts)) == len(texts)
    assert {reason.value for reason in Reason} >= POSITIVE


def test_the_hand_written_cases_produce_every_reason() -> None:
    """Every Reason is reachable from facts: none is dead text."""
    facts = [
        EVERYTHING,
        PatientFacts(reference_time=NOW),
        attrs.evolve(EVERYTHING, level4_eid=False, helsenorge_consent=HelsenorgeConsent.NONE),
        attrs.evolve(EVERYTHING, research_reserved=True),
        attrs.evolve(EVERYTHING, research_reserved=False),
        attrs.evolve(EVERYTHING, age=12, postal_address=False),
        attrs.evolve(EVERYTHING, age=15, helsenorge_representable=True, physical_address=True),
        attrs.evolve(EVERYTHING, age=15, helsenorge_representable=None),
        attrs.evolve(EVERYTHING, age=17),
        with_krr(reserved=True, can_notify=False),
        with_krr(reserved=True, can_notify=True),
        with_krr(reserved=None, can_notify=None, mailbox_address=None),
        with_krr(email=None, email_updated=None),
        with_krr(email_updated=STALE, mobile="+4790000000", mobile_updated=STALE),
        with_krr(email_updated=None, mobile="+4790000000"),
        with_krr(email_updated=None, mobile="+4790000000", mobile_verified=FRESH),
        with_krr(mailbox_address=None, unrecognised=("digitalpost",)),
        attrs.evolve(EVERYTHING, krr=KrrRecord(status=KrrStatus.SLETTET)),
        attrs.evolve(EVERYTHING, krr=KrrRecord(status=KrrStatus.IKKE_REGISTRERT)),
    ]
    seen = {
        reason
        for f in facts
        for study in (False, True)
        for channel in CHANNELS
        for reason in assess(f, research=study).reasons(channel)
    }
    seen |= set(assess(EVERYTHING, on_behalf_of=EVERYTHING).reasons("helsenorge"))
    assert seen == set(Reason)
    # The support page's checklist: every reason it lists for a channel closes that channel in
    # one of the cases above.
    closed = {
        (parse_channel(channel), reason)
        for f in facts
        for study in (False, True)
        for channel in CHANNELS
        if not assess(f, research=study).availability.has(channel)
        for reason in assess(f, research=study).reasons(channel)
    }
    for channel, reasons in REQUIREMENTS.items():
        for reason in reasons:
            assert (channel, reason) in closed, (channel, reason)


# --- laws ---------------------------------------------------------------------------------------

Change = Callable[[PatientFacts], PatientFacts]


def _krr(f: PatientFacts, **changes: Any) -> PatientFacts:
    return f if f.krr is None else attrs.evolve(f, krr=attrs.evolve(f.krr, **changes))


WORSENINGS: list[Change] = [
    lambda f: attrs.evolve(f, level4_eid=False),
    lambda f: attrs.evolve(f, age=max((f.age or 0) - 3, 0)) if f.age is not None else f,
    lambda f: attrs.evolve(f, helsenorge_consent=HelsenorgeConsent.LIMITED),
    lambda f: attrs.evolve(f, helsenorge_representable=False),
    lambda f: attrs.evolve(f, research_reserved=True),
    lambda f: attrs.evolve(f, postal_address=False),
    lambda f: attrs.evolve(f, physical_address=False),
    lambda f: _krr(f, status=KrrStatus.SLETTET),
    lambda f: _krr(f, reserved=True),
    lambda f: _krr(f, can_notify=False),
    lambda f: _krr(f, email=None),
    lambda f: _krr(f, mobile=None),
    lambda f: _krr(f, email_updated=STALE, email_verified=None),
    lambda f: _krr(f, mailbox_address=None),
]
FORGETTINGS: list[Change] = [
    lambda f: attrs.evolve(f, level4_eid=None),
    lambda f: attrs.evolve(f, age=None),
    lambda f: attrs.evolve(f, helsenorge_consent=None),
    lambda f: attrs.evolve(f, helsenorge_representable=None),
    lambda f: attrs.evolve(f, research_reserved=None),
    lambda f: attrs.evolve(f, krr=None),
    lambda f: attrs.evolve(f, postal_address=None),
    lambda f: _krr(f, reserved=None),
    lambda f: _krr(f, can_notify=None),
    lambda f: _krr(f, email_updated=None, email_verified=None),
    lambda f: _krr(f, mobile_updated=None, mobile_verified=None),
    lambda f: _krr(f, unrecognised=("kontaktinfo",)),
]


def _channels(facts: PatientFacts, *, study: bool = False) -> set[str]:
    availability = assess(facts, research=study).availability
    return {channel for channel in CHANNELS if availability.has(channel)}


@given(patient_facts, st.sampled_from(WORSENINGS), st.booleans())
def test_making_a_fact_worse_never_adds_a_channel(
    facts: PatientFacts, worsen: Change, study: bool
) -> None:
    """Monotonicity: losing eID, age, consent, KRR data or an address never opens a channel."""
    assert _channels(worsen(facts), study=study) <= _channels(facts, study=study)


@given(patient_facts, st.sampled_from(FORGETTINGS), st.booleans())
def test_an_unknown_fact_never_adds_a_channel(
    facts: PatientFacts, forget: Change, study: bool
) -> None:
    """Unknown is not active: forgetting a fact (or reading keys we do not know) opens nothing."""
    assert _channels(forget(facts), study=study) <= _channels(facts, study=study)


@given(
    patient_facts,
    st.sampled_from(["26670271527", "20914695016", "01039494104", "15108695088", "57912075186"]),
)
def test_forgetting_the_national_id_never_adds_a_channel(
    facts: PatientFacts, national_id: str
) -> None:
    """The national ID is the source of the age: without it the age is not known, and that
    opens nothing."""
    with_id = attrs.evolve(facts, age=None, national_id=national_id)
    assert with_id.age_at_reference is not None
    assert _channels(attrs.evolve(with_id, national_id=None)) <= _channels(with_id)


@given(patient_facts)
def test_research_never_adds_a_channel_and_touches_only_helsenorge(facts: PatientFacts) -> None:
    """An ordering system marked as research can only close Helsenorge (ReservasjonMotForskning:
    the other channels are not covered by the reservation)."""
    plain, study = assess(facts), assess(facts, research=True)
    assert _channels(facts, study=True) <= _channels(facts)
    for channel in ("digital_mailbox", "krr_contact", "paper"):
        assert study.reasons(channel) == plain.reasons(channel)
    assert study.availability.helsenorge is (
        plain.availability.helsenorge and facts.research_reserved is False
    )


@given(patient_facts, st.integers(1, 2000))
def test_an_older_krr_record_never_opens_a_digital_channel(facts: PatientFacts, days: int) -> None:
    """Moving every KRR time stamp back never makes a channel available."""
    older = facts
    if facts.krr is not None:
        shift = timedelta(days=days)
        stamps = ("email_updated", "email_verified", "mobile_updated", "mobile_verified")
        older = _krr(
            facts,
            **{
                name: getattr(facts.krr, name) - shift
                for name in stamps
                if getattr(facts.krr, name) is not None
            },
        )
    assert _channels(older) <= _channels(facts)


@given(patient_facts, st.booleans(), st.one_of(st.none(), patient_facts))
def test_assessment_is_total_and_consistent(
    facts: PatientFacts, study: bool, behalf: PatientFacts | None
) -> None:
    """Assessing well-typed facts never raises; every channel has reasons, which agree with it.

    assess() decides the availability and works out the reasons later, by other code: this law
    holds the two to each other."""
    if behalf is not None:
        behalf = attrs.evolve(behalf, reference_time=facts.reference_time)
    try:
        e = assess(facts, research=study, on_behalf_of=behalf)
    except DistributionError as error:  # pragma: no cover  # the law says this never happens
        pytest.fail(f"assess raised {error!r}")
    for channel in CHANNELS:
        why = e.reasons(channel)
        assert why
        assert all(
            (reason.value in POSITIVE) == e.availability.has(channel)
            for reason in why
            if reason is not Reason.ON_BEHALF_OF
        )
        assert len(set(why)) == len(why)


def _agrees(e: Eligibility) -> bool:
    """Whether each channel's reasons say what its availability says."""
    return all(
        (reason.value in POSITIVE) == e.availability.has(channel)
        for channel in CHANNELS
        for reason in e.reasons(channel)
        if reason is not Reason.ON_BEHALF_OF
    )


# A detail's dates: current, too old, or none given (with the detail, or without it).
_DETAIL = {"current": (FRESH, None), "stale": (None, STALE), "undated": (None, None)}


def test_every_combination_of_the_krr_facts_agrees_with_its_reasons() -> None:
    """Every combination of what the digital mailbox and e-mail/SMS read, each fact known or not:
    the availability that assess() decides is the one its reasons give."""
    facts_read = itertools.product(
        (None, 12, 13, 17, 18),
        (None, True, False),
        (None, True, False),
        (None, "kari#1"),
        ((), ("digitalpost",)),
        KrrStatus,
        [(None, (FRESH, None)), *(("kari@example.no", d) for d in _DETAIL.values())],
        [(None, (FRESH, None)), *(("+4790000000", d) for d in _DETAIL.values())],
    )
    for age, reserved, notify, box, unrecognised, status, email_dates, mobile_dates in facts_read:
        (email, (e_up, e_ver)), (mobile, (m_up, m_ver)) = email_dates, mobile_dates
        record = KrrRecord(
            status=status, reserved=reserved, can_notify=notify, mailbox_address=box,
            unrecognised=unrecognised, email=email, email_updated=e_up, email_verified=e_ver,
            mobile=mobile, mobile_updated=m_up, mobile_verified=m_ver,
        )  # fmt: skip
        for eid in (None, True, False):
            facts = attrs.evolve(EVERYTHING, age=age, level4_eid=eid, krr=record)
            assert _agrees(assess(facts)), facts


def test_every_combination_of_the_helsenorge_facts_agrees_with_its_reasons() -> None:
    """The same for Helsenorge, with and without research and on behalf of someone else."""
    facts_read = itertools.product(
        (None, True, False),
        (None, *HelsenorgeConsent),
        (None, 15, 16),
        (None, True, False),
        (None, True, False),
        (None, ACTIVE, attrs.evolve(ACTIVE, email_updated=STALE)),
        (None, True, False),
        (False, True),
    )
    for eid, consent, age, representable, reserved, krr, postal, physical in facts_read:
        facts = attrs.evolve(
            EVERYTHING,
            level4_eid=eid,
            helsenorge_consent=consent,
            age=age,
            helsenorge_representable=representable,
            research_reserved=reserved,
            krr=krr,
            postal_address=postal,
            physical_address=physical,
        )
        for study in (False, True):
            assert _agrees(assess(facts, research=study)), (facts, study)
            assert _agrees(assess(EVERYTHING, research=study, on_behalf_of=facts)), (facts, study)


@given(patient_facts, patient_facts, st.booleans())
def test_on_behalf_of_changes_only_helsenorge_and_judges_it_on_the_person_concerned(
    recipient: PatientFacts, concerned: PatientFacts, study: bool
) -> None:
    """With onBehalfOfNationalId, Helsenorge is the concerned person's and the other three
    channels are the recipient's, exactly as each would be assessed alone."""
    both = assess(recipient, research=study, on_behalf_of=concerned)
    alone = assess(recipient, research=study)
    them = assess(concerned, research=study)
    assert both.availability.helsenorge is them.availability.helsenorge
    assert both.reasons("helsenorge") == (Reason.ON_BEHALF_OF, *them.reasons("helsenorge"))
    for channel in ("digital_mailbox", "krr_contact", "paper"):
        assert both.reasons(channel) == alone.reasons(channel)
        assert both.availability.has(channel) is alone.availability.has(channel)


@given(patient_facts)
def test_every_digital_channel_needs_digital_activity_or_representation(
    facts: PatientFacts,
) -> None:
    """No digital channel opens for a person not known to be digitally active, except
    Helsenorge through someone who can represent them."""
    e = assess(facts)
    inactive = Reason.DIGITALLY_ACTIVE not in e.reasons("digital_mailbox") and not any(
        r in e.reasons("krr_contact") for r in (Reason.EMAIL_CURRENT, Reason.MOBILE_CURRENT)
    )
    if inactive:
        assert not e.availability.digital_mailbox
        assert not e.availability.krr_contact
        assert e.availability.helsenorge is (
            facts.helsenorge_representable is True
            or Reason.DIGITALLY_ACTIVE in e.reasons("helsenorge")
        )


@given(
    st.integers(0, 6 * 365 * 24 * 60).map(
        lambda m: datetime(2022, 1, 1, tzinfo=UTC) + timedelta(minutes=m)
    ),
    st.integers(-3 * 24 * 60, 3 * 24 * 60),
)
def test_a_contact_detail_is_current_exactly_when_its_date_in_norway_is_in_the_window(
    reference: datetime, minutes: int
) -> None:
    """Law: e-mail updated at a moment counts as current iff its date in Oslo is on or after
    the day 18 calendar months before the reference date in Oslo (both dates by zoneinfo);
    moments drawn within three days of that boundary, midnights and DST changes included."""
    oslo = ZoneInfo("Europe/Oslo")
    since = months_before(reference.astimezone(oslo).date(), 18)
    boundary = datetime(since.year, since.month, since.day, 12, tzinfo=UTC)
    stamp = boundary + timedelta(minutes=minutes)
    facts = attrs.evolve(
        EVERYTHING, reference_time=reference, krr=attrs.evolve(ACTIVE, email_updated=stamp)
    )
    eligibility = assess(facts)
    current = stamp.astimezone(oslo).date() >= since
    assert (Reason.EMAIL_CURRENT in eligibility.reasons("sms")) is current
    assert eligibility.availability.krr_contact is current


@given(patient_facts, st.booleans(), st.one_of(st.none(), patient_facts))
def test_whatever_assess_builds_passes_the_constructors_checks(
    facts: PatientFacts, study: bool, behalf: PatientFacts | None
) -> None:
    """assess() builds its Eligibility without running the checks again: the checks hold."""
    if behalf is not None:
        behalf = attrs.evolve(behalf, reference_time=facts.reference_time)
    result = assess(facts, research=study, on_behalf_of=behalf)
    rebuilt = Eligibility(result.availability, result.reasons_by_channel, result.missing_by_channel)
    assert rebuilt == result


def test_an_assessment_is_a_value_whether_or_not_its_reasons_were_asked_for() -> None:
    fresh, asked = assess(EVERYTHING), assess(EVERYTHING)
    asked.reasons("paper")
    built = Eligibility(asked.availability, asked.reasons_by_channel)
    assert fresh == asked == built
    assert hash(fresh) == hash(built)
    assert repr(assess(EVERYTHING)) == repr(built)
    assert assess(EVERYTHING) != assess(attrs.evolve(EVERYTHING, postal_address=None))
    assert fresh.__eq__(fresh.availability) is NotImplemented
    copy = pickle.loads(pickle.dumps(assess(EVERYTHING)))  # noqa: S301  # our own value
    assert copy == built
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fresh.availability = fresh.availability  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fresh.reasons_by_channel = ()  # type: ignore[misc]
    # What attrs offers sees the reasons, never what stands in for them before they are read.
    assert attrs.asdict(assess(EVERYTHING), recurse=False) == {
        "availability": built.availability,
        "reasons_by_channel": built.reasons_by_channel,
        "missing_by_channel": built.missing_by_channel,
    }
    assert attrs.evolve(assess(EVERYTHING)) == built
    assert attrs.evolve(assess(EVERYTHING), availability=Availability()).reasons("paper") == (
        Reason.POSTAL_ADDRESS,
    )
    match assess(EVERYTHING):
        case Eligibility(availability, reasons_by_channel):
            assert (availability, reasons_by_channel) == attrs.astuple(built, recurse=False)[:2]


def test_an_assessment_lets_its_facts_go_once_the_reasons_are_made() -> None:
    facts = attrs.evolve(EVERYTHING)
    kept = weakref.ref(facts)
    result = assess(facts)
    del facts
    assert kept() is not None  # held for the reasons
    result.reasons("paper")
    assert kept() is None


def test_a_reader_that_finds_the_reasons_made_meanwhile_reads_them() -> None:
    """Two threads can find the reasons' slot empty at once; the one whose turn comes second
    finds the facts let go and reads the reasons the first one stored."""
    result = assess(EVERYTHING)
    made = result.reasons_by_channel
    late = Eligibility.__getattr__  # type: ignore[attr-defined]  # hidden from type checkers
    assert late(result, "reasons_by_channel") is made
    with pytest.raises(AttributeError, match="'Eligibility' object has no attribute 'reason'"):
        result.reason  # type: ignore[attr-defined]  # noqa: B018  # the read is the test
    with pytest.raises(AttributeError):
        Eligibility(result.availability, made)._given  # noqa: B018  # never set


def test_ages_over_150_from_a_birth_date_are_read_too() -> None:
    """Ages are looked up in a table written out up to 150; an older birth date still counts."""
    old = attrs.evolve(EVERYTHING, age=None, birth_date=date(1860, 1, 1))
    assert old.age_at_reference == 166
    assert reasons(old, "digital_mailbox") == ["digital_mailbox_active", "digitally_active"]
    assert assess(old).availability == assess(EVERYTHING).availability


def test_a_way_reads_the_krr_record_only_behind_digital_activity() -> None:
    """The table refuses a way that reads KRR facts without digital activity, which shows the
    record is there: the fast evaluator relies on it."""
    with pytest.raises(ValueError, match="digital-activity"):
        Way(krr=(KRR_CAN_NOTIFY,))


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
    with pytest.raises(InvalidTypeError, match="at least one Reason"):
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
