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
    assess,
    diagnose_facts,
)
from distribution.patient._rules import FACTS
from distribution.patient.diagnosis import LIKELY

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def test_likely_orders_every_fact_once() -> None:
    assert sorted(LIKELY) == sorted(FACTS)
    assert len(set(LIKELY)) == len(LIKELY)


def test_a_17_year_old_with_consent_who_got_an_sms() -> None:
    """Age explains the digital mailbox; Helsenorge must have been closed, and the likeliest
    reason is that nobody can represent them there or their KRR data, which nobody gave."""
    teen = assess(
        PatientFacts(reference_time=NOW, age=17, helsenorge_consent=HelsenorgeConsent.FULL)
    )
    found = diagnose_facts("AllowUnsecure", got="Unsecure", eligibility=teen)
    assert found.diagnosis.consistent
    assert [channel for channel, _ in found.explained] == [NotificationChannel.DIGITAL_MAILBOX]
    assert Reason.UNDER_18 in found.explained[0][1]
    assert found.check == (
        (
            NotificationChannel.HELSENORGE,
            ("helsenorge_representable", "level4_eid", "krr_record"),
        ),
    )


def test_an_impossible_channel_explains_nothing() -> None:
    everyone = assess(PatientFacts(reference_time=NOW, postal_address=True))
    found = diagnose_facts("Basic", got="paper", eligibility=everyone)
    assert not found.diagnosis.consistent
    assert found.explained == ()
    assert found.check == ()


def test_diagnose_facts_takes_only_an_eligibility() -> None:
    with pytest.raises(InvalidTypeError, match="eligibility"):
        diagnose_facts("Basic", got=None, eligibility=None)  # type: ignore[arg-type]
