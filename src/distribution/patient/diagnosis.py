"""From the channel ePROM used back to the patient's facts: what explains it, and what to check.

Rule 1: a channel ePROM used says something about the facts that were not known, and the
facts are tied together (the BankID and the KRR data that let an SMS through would open
Helsenorge too). So this module reasons over the patient's facts, not over channels: it tries
every completion of the facts not known (:mod:`distribution.patient.completions`), keeps those
in which ePROM makes the choice it made, and reads off what they agree on. A channel the facts
known already close is explained by them (a 17-year-old has no digital mailbox); for one they
leave open it says what must hold, and what to check, most likely first. When no completion
gives ePROM's choice, what was given cannot all be right, and it names the facts one of which
must be wrong. It changes when that reading changes; which facts close a channel stays in the
rule table.

>>> from datetime import datetime, timezone
>>> from distribution import HelsenorgeConsent, PatientFacts
>>> teen = PatientFacts(reference_time=datetime(2026, 11, 25, tzinfo=timezone.utc), age=17)
>>> found = diagnose_facts("AllowUnsecure", got="sms", facts=teen)
>>> found.diagnosis.consistent
True
>>> [(channel.api_name, [r.value for r in why]) for channel, why in found.explained]
[('DigitalMailbox', ['under_18'])]
>>> [(channel.api_name, [r.value for r in why]) for channel, why in found.must]
[('Helsenorge', ['no_helsenorge_consent', 'not_representable'])]

With full consent given as well, an SMS is impossible: BankID and current KRR data would have
opened Helsenorge. One of the facts given must be wrong:

>>> with_consent = attrs.evolve(teen, helsenorge_consent=HelsenorgeConsent.FULL)
>>> found = diagnose_facts("AllowUnsecure", got="sms", facts=with_consent)
>>> found.diagnosis.consistent, found.suspects
(False, ('helsenorge_consent', 'age'))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, final

import attrs

from distribution._errors import InvalidTypeError, TypeName, wrong_type
from distribution.availability import CHANNEL_FIELDS, parse_channel
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import decide
from distribution.partial import ChannelStatus, Diagnosis
from distribution.patient._rules import REQUIREMENTS
from distribution.patient.completions import completions
from distribution.patient.eligibility import Eligibility, assess
from distribution.patient.facts import PatientFacts
from distribution.patient.reasons import Reason
from distribution.routes import ROUTES

if TYPE_CHECKING:
    from distribution.availability import Availability

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

# The fact behind each reason that closes a channel (REQUIREMENTS), by the names of FACTS.
_FACT_OF: Final[dict[Reason, str]] = {
    Reason.NO_LEVEL4_EID: "level4_eid",
    Reason.UNDER_13: "age",
    Reason.UNDER_16: "age",
    Reason.UNDER_18: "age",
    Reason.NOT_REPRESENTABLE: "helsenorge_representable",
    Reason.NO_HELSENORGE_CONSENT: "helsenorge_consent",
    Reason.NOT_DIGITALLY_ACTIVE: "digital_activity",
    Reason.NO_CONTACT_DETAILS: "digital_activity",
    Reason.EMAIL_STALE: "digital_activity",
    Reason.MOBILE_STALE: "digital_activity",
    Reason.KRR_NOT_REGISTERED: "krr_record",
    Reason.KRR_DELETED: "krr_record",
    Reason.KRR_RESERVED: "krr_reserved",
    Reason.KRR_CANNOT_NOTIFY: "krr_can_notify",
    Reason.KRR_CONTRADICTORY: "krr_reserved",
    Reason.NO_DIGITAL_MAILBOX: "krr_mailbox",
    Reason.RESEARCH_RESERVED: "research_reserved",
    Reason.NO_POSTAL_ADDRESS: "postal_address",
}

# The facts a person gives, and how each is taken back to "not known" (a suspect is one that,
# not known, would let ePROM's choice happen).
_FORGET: Final[dict[str, dict[str, Any]]] = {
    "helsenorge_consent": {"helsenorge_consent": None},
    "helsenorge_representable": {"helsenorge_representable": None},
    "level4_eid": {"level4_eid": None},
    "krr_record": {"krr": None},
    "age": {"age": None, "birth_date": None, "national_id": None},
    "research_reserved": {"research_reserved": None},
    "postal_address": {"postal_address": None},
}


@final
@attrs.frozen
class FactsDiagnosis:
    """What the channel ePROM used says about the patient's facts.

    Attributes:
        diagnosis: what it says about the channels, over every completion of the facts that
            makes ePROM choose what it did (:class:`~distribution.partial.Diagnosis`).
        explained: the channels that must have been unavailable and that the facts known
            already close, each with the reasons that close it whatever the facts not known
            are (a 17-year-old has no digital mailbox, BankID or not), in the wire order.
        must: the channels that must have been unavailable and that the facts known leave
            open, each with the reasons that hold in every such completion: what must be so.
        check: the same channels, each with the facts to check: those behind the reasons that
            hold in some of the completions but not all, the likeliest cause first.
        suspects: when no completion makes ePROM's choice, the facts given one of which must
            be wrong (or have changed): each, were it not known, would allow it. Likeliest first.
        route: the channels the rule tries, in order (a reply names only these).
    """

    diagnosis: Diagnosis
    explained: tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]
    check: tuple[tuple[NotificationChannel, tuple[str, ...]], ...]
    must: tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...] = ()
    suspects: tuple[str, ...] = ()
    route: tuple[NotificationChannel, ...] = ()


def diagnose_facts(
    rule: DistributionRule | int | str,
    *,
    got: object,
    facts: PatientFacts,
    research: bool = False,
) -> FactsDiagnosis:
    """Return what ePROM choosing *got* under *rule* says about the patient's *facts*.

    *rule* is what :func:`~distribution.engine.decide` takes; *got* is the channel ePROM used
    (anything :func:`~distribution.availability.parse_channel` takes), or ``None`` (or
    ``NONE``) when nothing was sent; *facts* and *research* are what
    :func:`~distribution.patient.eligibility.assess` takes.
    """
    rule = DistributionRule.parse(rule)
    if type(facts) is not PatientFacts:
        raise wrong_type(facts, field="facts", expected="PatientFacts")
    if type(research) is not bool:
        raise InvalidTypeError(
            "not_bool", value=research, field="research", type=TypeName(research)
        )
    channel = (
        NotificationChannel.NONE
        if got is None
        else parse_channel(got, field="got", allow_none=True)
    )
    eligibility = assess(facts, research=research)
    chosen = _choosing(rule, channel, facts, research)
    if not chosen:
        return FactsDiagnosis(
            _inconsistent(channel),
            (),
            (),
            suspects=_suspects(rule, channel, facts, research),
            route=ROUTES[rule],
        )
    seen = {availability for availability, _ in chosen}
    by_flag = {
        flag: tuple(ch for ch in CHANNEL_FIELDS if {a.has(ch) for a in seen} == {flag})
        for flag in (True, False)
    }
    unavailable = by_flag[False]
    known_closed = tuple(
        ch for ch in unavailable if eligibility.status(ch) is ChannelStatus.UNAVAILABLE
    )
    found = Diagnosis(
        got=channel,
        consistent=True,
        must_be_unavailable=unavailable,
        must_be_available=by_flag[True],
        irrelevant=tuple(ch for ch in CHANNEL_FIELDS if ch not in unavailable + by_flag[True]),
        already_known=known_closed,
    )
    explained = tuple((ch, _closing(ch, eligibility.reasons(ch))) for ch in known_closed)
    must, check = [], []
    for ch in found.inferred:
        # Only the facts not known that could still open the channel say anything new; a
        # reason a fact known gives (no BankID) is no inference, and neither is a reason that
        # holds beside it (stale KRR data, when no BankID already closes the channel).
        open_ = set(eligibility.missing(ch))
        closing = [
            tuple(r for r in _closing(ch, each.reasons(ch)) if _fact(r, open_) in open_)
            for _, each in chosen
        ]
        certain = tuple(r for r in closing[0] if all(r in other for other in closing))
        maybe = dict.fromkeys(r for why in closing for r in why if r not in certain)
        facts_ = dict.fromkeys(str(_fact(r, open_)) for r in maybe)
        if certain:
            must.append((ch, certain))
        if facts_:
            check.append((ch, tuple(sorted(facts_, key=_RANK.__getitem__))))
    return FactsDiagnosis(found, explained, tuple(check), tuple(must), route=ROUTES[rule])


_IN_KRR: Final = frozenset({"digital_activity", "krr_reserved", "krr_can_notify", "krr_mailbox"})


def _fact(reason: Reason, open_: set[str]) -> str | None:
    """Return the fact behind *reason*: the KRR record itself when no lookup was made."""
    fact = _FACT_OF.get(reason)
    if fact in _IN_KRR and "krr_record" in open_:
        return "krr_record"
    return fact


def _choosing(
    rule: DistributionRule, channel: NotificationChannel, facts: PatientFacts, research: bool
) -> list[tuple[Availability, Eligibility]]:
    """Return each completion of *facts* in which ePROM chooses *channel*, assessed."""
    found = []
    for complete in completions(facts, research=research):
        eligibility = assess(complete, research=research)
        if decide(rule, eligibility.availability).channel is channel:
            found.append((eligibility.availability, eligibility))
    return found


def _suspects(
    rule: DistributionRule, channel: NotificationChannel, facts: PatientFacts, research: bool
) -> tuple[str, ...]:
    """Return the facts given that, were they not known, would let ePROM choose *channel*."""
    found = []
    for fact, forget in _FORGET.items():
        if all(getattr(facts, name) is None for name in forget):
            continue  # not given
        if _choosing(rule, channel, attrs.evolve(facts, **forget), research):
            found.append(fact)
    return tuple(sorted(found, key=_RANK.__getitem__))


def _inconsistent(channel: NotificationChannel) -> Diagnosis:
    return Diagnosis(
        got=channel,
        consistent=False,
        must_be_unavailable=(),
        must_be_available=(),
        irrelevant=(),
        already_known=(),
    )


def _closing(channel: NotificationChannel, reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """Return the reasons that close *channel* for certain (a fact known, not one unknown).

    A closed channel has at least one; a KRR record that contradicts itself closes it too.
    """
    closing = (*REQUIREMENTS[channel], Reason.KRR_CONTRADICTORY)
    return tuple(reason for reason in reasons if reason in closing) or reasons
