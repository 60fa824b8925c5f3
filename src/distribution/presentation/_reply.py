"""A reply a support desk can paste to a nurse or a patient: one short paragraph, plain words.

Rule 1: a reply never states a result that something not known could change, and never shows
a code or a name from the API. When the answer is not settled it says what it may be and what
it turns on; when the facts given cannot all be right it says so and what to check. It changes
when what such a reply says changes; its words are ``REPLY`` in
:mod:`distribution.presentation._reply_texts`, and the reasons' and facts' words are the
patient layer's and :mod:`distribution.presentation._undecided_texts`' (any code in
parentheses taken out).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from distribution._texts import join_list
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import Outcome
from distribution.partial import possible_decisions
from distribution.patient._rules import REQUIREMENTS
from distribution.patient.reasons import Reason
from distribution.presentation._reply_texts import REPLY
from distribution.presentation._undecided_texts import FACT_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from distribution._texts import Lang
    from distribution.availability import Availability
    from distribution.eprom.reconciliation import Reconciliation
    from distribution.partial import Diagnosis, PartialAvailability
    from distribution.patient.diagnosis import FactsDiagnosis
    from distribution.patient.eligibility import Eligibility

__all__ = ["reply_check", "reply_diagnosis", "reply_explain"]

# A parenthesis that holds a code or an API name ("(KAN_IKKE_VARSLES)", "(physicalAddress)",
# "(JA)", "(DigitalMailbox)"): a reply leaves it out, the words around it say the same.
_CODE: Final = re.compile(
    r" \((?=[^()]*(?:"
    r"\b[A-Z]{2,}(?:_[A-Z]+)+\b"  # KAN_IKKE_VARSLES
    r"|\b[a-z]+[A-Z]\w*"  # physicalAddress, onBehalfOfNationalId
    r"|\b(?!BankID\b)[A-Z][a-z]+[A-Z]\w*"  # DigitalMailbox, not BankID
    r"|\b(?:JA|NEI)\b"  # KRR's reservasjon
    r"))[^()]*\)"
)


def plain(text: str) -> str:
    """Return *text* without a parenthesis that holds a code or an API name."""
    return _CODE.sub("", text)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _what(kind: str, lang: Lang) -> dict[str, str]:
    what = REPLY[lang][kind]
    return {"what": what, "What": _cap(what)}


def reply_explain(  # noqa: PLR0913  # what the explanation takes, and the what-if
    rule: DistributionRule | tuple[NotificationChannel, ...],
    known: PartialAvailability,
    lang: Lang,
    *,
    eligibility: Eligibility | None = None,
    can_have: frozenset[Availability] | None = None,
    assumed: Iterable[str] = (),
) -> str:
    """Return how the patient gets the form (or message), in one paragraph.

    *known*, *eligibility* and *can_have* are as for the explanation; *assumed* are the
    phrases of what was taken as met (a what-if), said with the result so that it is never
    read as a fact.
    """
    say = REPLY[lang]
    kind = "order" if isinstance(rule, DistributionRule) else "message"
    words = _what(kind, lang)
    assumed_ = join_list(list(assumed), lang)
    possible = possible_decisions(rule, known)
    if can_have is not None:
        possible = possible.within(can_have)
    if possible.settled:
        decision = possible.cases[0].decision
        if decision.outcome is Outcome.NOT_DISTRIBUTED:
            return say["no_notice"]
        how = say[f"how_{decision.channel.name}"] if decision.channel.name != "NONE" else ""
        key = "sent" if decision.outcome is Outcome.NOTIFIED else "not_sent"
        if assumed_:
            text = say[f"{key}_if"].format(assumed=assumed_, how=how, **words)
        else:
            text = say[key].format(how=how, **words)
        return text + _closed(decision.route, decision.channel, eligibility, words, lang)
    channels = [c.decision.channel for c in possible.cases]
    hows = [say[f"how_{ch.name}"] for ch in channels if ch is not NotificationChannel.NONE]
    outcomes = say[
        "outcomes_or_not" if NotificationChannel.NONE in channels else "outcomes"
    ].format(hows=join_list(hows, lang, "or"), **words)
    turning = list(dict.fromkeys(name for case in possible.cases for name in case.assuming))
    if eligibility is not None:
        facts = dict.fromkeys(
            fact for name in turning for fact in eligibility.missing(_CHANNEL_OF[name])
        )
        text = say["unsettled"].format(
            Outcomes=outcomes,
            facts=join_list([plain(FACT_WORDS[lang][f"check_{f}"]) for f in facts], lang),
            **words,
        )
    else:
        reach = [say[f"how_{_CHANNEL_OF[name].name}"] for name in turning]
        text = say["unsettled_channels"].format(
            Outcomes=outcomes, channels=join_list(reach, lang, "or"), **words
        )
    return text + (say["assumed_note"].format(assumed=assumed_) if assumed_ else "")


def _closed(
    route: tuple[NotificationChannel, ...],
    chosen: NotificationChannel,
    eligibility: Eligibility | None,
    words: dict[str, str],
    lang: Lang,
) -> str:
    """Say why the channels before *chosen* on *route* are closed: each closing reason once.

    Only the facts known that close a channel count (no BankID, under 18, old KRR data); a
    channel before the chosen one is never open, and never merely not known, in a settled
    answer.
    """
    if eligibility is None:
        return ""
    before = route[: route.index(chosen)] if chosen in route else route
    if not before:
        return ""
    reasons = dict.fromkeys(
        reason
        for channel in before
        for reason in eligibility.reasons(channel)
        if reason in REQUIREMENTS[channel] or reason is Reason.KRR_CONTRADICTORY
    )
    hows = join_list([REPLY[lang][f"how_{channel.name}"] for channel in before], lang, "or")
    said = "; ".join(plain(reason.describe(lang=lang)) for reason in reasons)
    return " " + REPLY[lang]["closed"].format(hows=hows, reasons=said, **words)


def reply_diagnosis(found: Diagnosis, lang: Lang, facts: FactsDiagnosis | None = None) -> str:
    """Return why the patient got it the way ePROM sent it, in one paragraph.

    What is certain is said as certain, what is not as what it turns on; when what was given
    cannot all be right, it says so and what to check.
    """
    say = REPLY[lang]
    got = found.got
    how = say[f"how_{got.name}"] if got is not NotificationChannel.NONE else ""
    if not found.consistent:
        if facts is not None and facts.suspects:
            named = join_list([plain(FACT_WORDS[lang][f"check_{f}"]) for f in facts.suspects], lang)
            key = "does_not_fit" if how else "does_not_fit_none"
            return say[key].format(how=how, facts=named)
        return say["does_not_fit_order"]
    sentences = [say["got"].format(how=how) if how else say["got_none"]]
    explained = {} if facts is None else dict(facts.explained)
    must = {} if facts is None else dict(facts.must)
    check = {} if facts is None else dict(facts.check)
    said: set[object] = set()
    route = () if facts is None else facts.route
    for channel in found.must_be_unavailable:
        if route and channel not in route:
            continue  # the rule never tries it: true, but no part of the answer
        name = say[f"how_{channel.name}"]
        label = say[f"name_{channel.name}"]
        if channel in explained:
            sentences.append(_because("because_known", label, explained[channel], said, lang))
        elif channel in must:
            sentences.append(_because("because_must", label, must[channel], said, lang))
        if channel in check:
            fresh = [f for f in check[channel] if f not in said]
            said.update(fresh)
            if fresh:
                words = join_list([plain(FACT_WORDS[lang][f"check_{f}"]) for f in fresh], lang)
                sentences.append(say["because_check"].format(channel=label, facts=words))
        if channel not in explained and channel not in must and channel not in check:
            sentences.append(say["because_unknown"].format(how=name))
    return " ".join(s for s in sentences if s)


def _because(
    key: str, channel: str, reasons: tuple[Reason, ...], said: set[object], lang: Lang
) -> str:
    fresh = [r for r in reasons if r not in said]
    said.update(fresh)
    if not fresh:
        return ""
    text = "; ".join(plain(r.describe(lang=lang)) for r in fresh)
    return REPLY[lang][key].format(Channel=_cap(channel), reasons=text)


def reply_check(
    reconciliation: Reconciliation, lang: Lang, diagnosis: FactsDiagnosis | None = None
) -> str:
    """Return what ePROM's callback means for the patient, in one paragraph.

    For a fallback, *diagnosis* (of the channel ePROM used) says what it may be down to.
    """
    say = REPLY[lang]
    decision, callback = reconciliation.decision, reconciliation.callback
    kind = "order" if decision.rule is not None else "message"
    words = _what(kind, lang)
    channel = callback.channel or NotificationChannel.NONE
    how = say.get(f"how_{channel.name}", "")
    predicted = say.get(f"how_{decision.channel.name}", "")
    status = say.get(f"status_{callback.status.name}", "")
    case = reconciliation.case
    if case == "as_predicted":
        return say["check_as_predicted"].format(how=how, **words) + status
    if case == "fallback":
        text = say["check_fallback"].format(how=how, predicted=predicted, **words)
        checks = () if diagnosis is None else diagnosis.check  # none for a message's list
        facts = dict.fromkeys(f for _, found in checks for f in found)
        if facts:
            named = join_list([plain(FACT_WORDS[lang][f"check_{f}"]) for f in facts], lang)
            text += say["check_fallback_why"].format(facts=named)
        return text + status
    key = _CHECK.get(case, "check_unclear")
    return say[key].format(how=how, predicted=predicted, **words)


_CHECK: Final = {
    "unreachable": "check_unreachable",
    "lost_since": "check_lost_since",
    "reached_elsewhere": "check_reached_elsewhere",
    "no_distribution": "check_no_distribution",
    "delivery_failed": "check_delivery_failed",
}
_CHANNEL_OF: Final = {
    "helsenorge": NotificationChannel.HELSENORGE,
    "digital_mailbox": NotificationChannel.DIGITAL_MAILBOX,
    "krr_contact": NotificationChannel.UNSECURE,
    "paper": NotificationChannel.PHYSICAL_MAILBOX,
}
