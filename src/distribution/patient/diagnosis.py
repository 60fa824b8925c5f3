"""From the channel ePROM used back to the patient's facts: what explains it, and what to check.

Rule 1: :func:`~distribution.partial.diagnose` says which channels must have been unavailable
for ePROM to choose what it did; this module says, for each, whether the facts known already
explain it (a 17-year-old has no digital mailbox) or which facts to check, most likely first.
It changes when that reading changes; which facts close a channel stays in the rule table.

>>> from datetime import datetime, timezone
>>> from distribution import HelsenorgeConsent, PatientFacts, assess
>>> teen = assess(PatientFacts(reference_time=datetime(2026, 11, 25, tzinfo=timezone.utc),
...                            age=17, helsenorge_consent=HelsenorgeConsent.FULL))
>>> found = diagnose_facts("AllowUnsecure", got="sms", eligibility=teen)
>>> found.diagnosis.consistent
True
>>> [(channel.api_name, [r.value for r in why]) for channel, why in found.explained]
[('DigitalMailbox', ['eid_unknown', 'under_18', 'digital_activity_unknown', 'krr_unknown'])]
>>> [(channel.api_name, facts) for channel, facts in found.check]
[('Helsenorge', ('helsenorge_representable', 'level4_eid', 'krr_record'))]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, final

import attrs

from distribution._errors import wrong_type
from distribution.partial import ChannelStatus, Diagnosis, diagnose
from distribution.patient.eligibility import Eligibility

if TYPE_CHECKING:
    from distribution.codes import DistributionRule, NotificationChannel
    from distribution.patient.reasons import Reason

__all__ = ["LIKELY", "FactsDiagnosis", "diagnose_facts"]

LIKELY: Final[tuple[str, ...]] = (
    # A support desk's experience, most common first: contact details in KRR gone stale, then
    # consent and representation on Helsenorge, then the mailbox and KRR's flags, then eID, age,
    # a research reservation and the address. The same names as FACTS (a test holds them so).
    "digital_activity",
    "helsenorge_consent",
    "helsenorge_representable",
    "krr_mailbox",
    "krr_reserved",
    "krr_can_notify",
    "level4_eid",
    "krr_record",
    "age",
    "research_reserved",
    "postal_address",
)
"""Every fact name of :data:`~distribution.patient._rules.FACTS`, the likeliest cause first."""

_RANK: Final = {fact: rank for rank, fact in enumerate(LIKELY)}


@final
@attrs.frozen
class FactsDiagnosis:
    """What the channel ePROM used says about the patient's facts.

    Attributes:
        diagnosis: what it says about the channels (:func:`~distribution.partial.diagnose`).
        explained: the channels that must have been unavailable and that the facts known
            already close, each with the reasons (in the wire order).
        check: the channels that must have been unavailable and that the facts known leave
            open, each with the facts to check, the likeliest cause first (in the wire order).
    """

    diagnosis: Diagnosis
    explained: tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]
    check: tuple[tuple[NotificationChannel, tuple[str, ...]], ...]


def diagnose_facts(
    rule: DistributionRule | int | str, *, got: object, eligibility: Eligibility
) -> FactsDiagnosis:
    """Return what ePROM choosing *got* under *rule* says about the facts of *eligibility*.

    *rule* and *got* are as :func:`~distribution.partial.diagnose` takes them; *eligibility*
    is the patient's :func:`~distribution.patient.eligibility.assess` result, whose
    :attr:`~Eligibility.partial` is what was known.
    """
    if type(eligibility) is not Eligibility:
        raise wrong_type(eligibility, field="eligibility", expected="an Eligibility")
    found = diagnose(rule, got=got, known=eligibility.partial)
    explained = []
    check = []
    for channel in found.must_be_unavailable:
        if eligibility.status(channel) is ChannelStatus.UNAVAILABLE:
            explained.append((channel, eligibility.reasons(channel)))
        else:  # not known: a channel known available is never in must_be_unavailable
            facts = tuple(sorted(eligibility.missing(channel), key=_RANK.__getitem__))
            check.append((channel, facts))
    return FactsDiagnosis(found, tuple(explained), tuple(check))
