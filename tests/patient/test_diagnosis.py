"""From the channel ePROM used back to the facts: explained, or what to check."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from distribution import (
    HelsenorgeConsent,
    InvalidTypeError,
    NotificationChannel,
    PatientFacts,
    Reason,
    diagnose_facts,
)
from distribution.patient._rules import FACTS
from distribution.patient.diagnosis import LIKELY

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def test_likely_orders_every_fact_once() -> None:
    assert sorted(LIKELY) == sorted(FACTS)
    assert len(set(LIKELY)) == len(LIKELY)


def test_a_17_year_old_with_consent_who_got_an_sms() -> None:
    """An SMS needs BankID and current KRR data; with full consent at 17 those open Helsenorge,
    which comes first. So the facts given cannot all be right: consent or age is wrong."""
    teen = PatientFacts(reference_time=NOW, age=17, helsenorge_consent=HelsenorgeConsent.FULL)
    found = diagnose_facts("AllowUnsecure", got="Unsecure", facts=teen)
    assert not found.diagnosis.consistent
    assert found.explained == found.must == ()
    assert found.check == ()
    assert found.suspects == ("helsenorge_consent", "age")


def test_a_17_year_old_who_got_an_sms_had_no_consent_and_no_representative() -> None:
    teen = PatientFacts(reference_time=NOW, age=17)
    found = diagnose_facts("AllowUnsecure", got="sms", facts=teen)
    assert found.diagnosis.consistent
    assert found.diagnosis.must_be_unavailable == (
        NotificationChannel.HELSENORGE,
        NotificationChannel.DIGITAL_MAILBOX,
    )
    assert found.diagnosis.must_be_available == (NotificationChannel.UNSECURE,)
    assert found.explained == ((NotificationChannel.DIGITAL_MAILBOX, (Reason.UNDER_18,)),)
    assert found.must == (
        (NotificationChannel.HELSENORGE, (Reason.NO_HELSENORGE_CONSENT, Reason.NOT_REPRESENTABLE)),
    )
    assert found.check == ()
    assert found.suspects == ()


def test_paper_under_basic_or_paper_with_nothing_known() -> None:
    """Helsenorge and the mailbox were closed. Nobody represents the patient (else Helsenorge),
    and the rest is open: consent, BankID, the KRR record (no lookup was made) and age."""
    found = diagnose_facts("BasicOrPaper", got="paper", facts=PatientFacts(reference_time=NOW))
    assert found.diagnosis.must_be_unavailable == (
        NotificationChannel.HELSENORGE,
        NotificationChannel.DIGITAL_MAILBOX,
    )
    assert found.diagnosis.must_be_available == (NotificationChannel.PHYSICAL_MAILBOX,)
    assert dict(found.must) == {NotificationChannel.HELSENORGE: (Reason.NOT_REPRESENTABLE,)}
    assert dict(found.check) == {
        NotificationChannel.HELSENORGE: ("helsenorge_consent", "level4_eid", "krr_record", "age"),
        NotificationChannel.DIGITAL_MAILBOX: ("level4_eid", "krr_record", "age"),
    }


def test_an_impossible_channel_explains_nothing() -> None:
    everyone = PatientFacts(reference_time=NOW, postal_address=True)
    found = diagnose_facts("Basic", got="paper", facts=everyone)
    assert not found.diagnosis.consistent
    assert found.explained == ()
    assert found.check == ()
    assert found.suspects == ()  # no fact given would let Basic send paper


def test_diagnose_facts_takes_only_facts_and_a_bool() -> None:
    with pytest.raises(InvalidTypeError, match="facts"):
        diagnose_facts("Basic", got=None, facts=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="research"):
        diagnose_facts(
            "Basic",
            got=None,
            facts=PatientFacts(reference_time=NOW),
            research=1,  # type: ignore[arg-type]
        )
