"""The cases told for a patient are those the facts allow: checked by brute force over completions.

The completions here are written from the sources' words, not read from the library: an age on
each side of 13, 16 and 18; yes and no; full consent or none; and for a KRR lookup not made,
a deleted record or an active one with each notice status, contact details current, old or
absent, and a digital mailbox or not.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from distribution import (
    DistributionRule,
    HelsenorgeConsent,
    KrrRecord,
    KrrStatus,
    NotificationChannel,
    PatientFacts,
    assess,
    decide,
    possible_decisions,
)
from distribution.patient.completions import completions, possible_availabilities
from tests.helpers.cli import run

if TYPE_CHECKING:
    from collections.abc import Iterator

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
CURRENT = datetime(2026, 6, 1, tzinfo=UTC)
OLD = datetime(2023, 1, 1, tzinfo=UTC)


def _records() -> list[KrrRecord]:
    active = [
        KrrRecord(
            status=KrrStatus.AKTIV,
            reserved=reserved,
            can_notify=notify,
            email=None if updated is None else "kari@example.no",
            email_updated=updated,
            mailbox_address=mailbox,
        )
        for reserved, notify in ((False, True), (False, False), (True, False))
        for updated in (CURRENT, OLD, None)
        for mailbox in ("kari#1", None)
    ]
    return [KrrRecord(status=KrrStatus.SLETTET), *active]


SLOTS: dict[str, tuple[Any, ...]] = {
    "age": (10, 14, 17, 40),
    "level4_eid": (True, False),
    "helsenorge_consent": (HelsenorgeConsent.FULL, HelsenorgeConsent.LIMITED),
    "helsenorge_representable": (True, False),
    "postal_address": (True, False),
    "krr": tuple(_records()),
}


def by_hand(facts: PatientFacts) -> Iterator[PatientFacts]:
    unknown = [name for name in SLOTS if getattr(facts, name) is None]
    for values in itertools.product(*(SLOTS[name] for name in unknown)):
        yield attrs.evolve(facts, **dict(zip(unknown, values, strict=True)))


# Facts half known, in the shapes a support desk meets: a teenager with consent, an old person
# without BankID, a reserved patient with a mailbox, a lookup made long ago.
KNOWN: list[dict[str, Any]] = [
    {},
    {"age": 17, "helsenorge_consent": HelsenorgeConsent.FULL},
    {"age": 80, "level4_eid": False},
    {"age": 40, "level4_eid": True, "krr": _records()[13]},
    {"age": 40, "krr": _records()[4], "postal_address": True},
    {"helsenorge_representable": False, "postal_address": True},
]


@pytest.mark.parametrize("given", KNOWN)
@pytest.mark.parametrize("rule", list(DistributionRule))
def test_the_cases_told_are_exactly_those_some_completion_gives(
    given: dict[str, Any], rule: DistributionRule
) -> None:
    """Every case told for the facts is the choice ePROM makes for some completion of them, and
    every completion's choice is a case told."""
    facts = PatientFacts(reference_time=NOW, **given)
    eligibility = assess(facts)
    told = possible_decisions(rule, eligibility.partial).within(possible_availabilities(facts))
    chosen = {case.decision.channel for case in told.cases}
    brute = {decide(rule, assess(complete).availability).channel for complete in by_hand(facts)}
    assert chosen == brute


def test_a_teenager_with_consent_and_an_sms_is_no_case() -> None:
    """At 17 with full consent, the BankID and current KRR data an SMS needs open Helsenorge,
    which comes first: "otherwise SMS" is not a case."""
    facts = PatientFacts(reference_time=NOW, age=17, helsenorge_consent=HelsenorgeConsent.FULL)
    known = assess(facts).partial
    every = possible_decisions("AllowUnsecure", known)
    assert [c.decision.channel for c in every.cases] == [
        NotificationChannel.HELSENORGE,
        NotificationChannel.UNSECURE,
        NotificationChannel.NONE,
    ]
    told = every.within(possible_availabilities(facts))
    assert [c.decision.channel for c in told.cases] == [
        NotificationChannel.HELSENORGE,
        NotificationChannel.NONE,
    ]
    code, out, _ = run(
        "explain", "AllowUnsecure", "--alder", "17", "--samtykke", "full", "--lang", "nb"
    )
    assert code == 0
    assert (
        "Hvis pasienten kan nås på Helsenorge: Helsenorge.\nEllers: skjemaet blir ikke sendt.\n"
        in out
    )
    assert ": SMS eller e-post (kontaktinformasjon fra KRR).\n" not in out


def test_completions_keep_what_is_known_and_try_the_rest() -> None:
    facts = PatientFacts(
        reference_time=NOW,
        age=40,
        level4_eid=True,
        helsenorge_consent=HelsenorgeConsent.FULL,
        helsenorge_representable=False,
        postal_address=True,
        krr=KrrRecord(status=KrrStatus.AKTIV, email="kari@example.no"),  # undated, flags unknown
    )
    found = list(completions(facts))
    # (reserved, can_notify): three pairs; the undated e-mail address: current or old.
    assert len(found) == 6
    assert {(f.krr.reserved, f.krr.can_notify) for f in found if f.krr} == {
        (False, True),
        (False, False),
        (True, False),
    }
    assert all(f.age == 40 and f.postal_address for f in found)
    research = list(completions(facts, research=True))
    assert {f.research_reserved for f in research} == {True, False}
    deleted = attrs.evolve(facts, krr=KrrRecord(status=KrrStatus.SLETTET))
    assert list(completions(deleted)) == [deleted]


def test_a_hidden_key_in_krr_may_hide_a_mailbox_or_contact_details() -> None:
    record = KrrRecord(status=KrrStatus.AKTIV, reserved=False, can_notify=True)
    hidden = attrs.evolve(record, unrecognised=("digitalpost",))
    facts = PatientFacts(reference_time=NOW, krr=hidden, age=40, level4_eid=True)
    mailboxes = {f.krr.mailbox_address is not None for f in completions(facts) if f.krr}
    assert mailboxes == {True, False}
    plain = attrs.evolve(facts, krr=record)
    assert {f.krr.mailbox_address for f in completions(plain) if f.krr} == {None}


def test_completions_take_only_facts() -> None:
    with pytest.raises(TypeError, match="facts"):
        list(completions(None))  # type: ignore[arg-type]
