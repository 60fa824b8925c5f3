"""Explaining a rule for a patient of whom not everything is known: never a result guessed.

Rule 1: when a channel the rule tries is not known, the explanation says what ePROM does in
each case (:func:`~distribution.partial.possible_decisions`) and what settles it, and states a
result only when every case gives the same one. It changes when the shape of such an
explanation changes; its words are in :mod:`distribution.presentation._undecided_texts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from distribution._texts import CHANNEL_LABELS, CHANNEL_NAMES, MEANINGS, join_list
from distribution.availability import CHANNEL_FIELDS
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import Outcome
from distribution.partial import ChannelStatus, PartialAvailability, possible_decisions
from distribution.presentation._texts import CHANNEL_REACH, PHRASES, RESULTS
from distribution.presentation._undecided_texts import FACT_WORDS, UNDECIDED
from distribution.routes import ROUTES

if TYPE_CHECKING:
    from distribution._texts import Lang
    from distribution.availability import Availability
    from distribution.engine import Decision
    from distribution.partial import Case, Diagnosis
    from distribution.patient.diagnosis import FactsDiagnosis
    from distribution.patient.eligibility import Eligibility

__all__ = ["explain_diagnosis", "explain_undecided"]

_BY_FIELD: Final = {field: channel for channel, field in CHANNEL_FIELDS.items()}
_NONE: Final = NotificationChannel.NONE
_STEPS: Final = {
    ChannelStatus.AVAILABLE: "step_available",
    ChannelStatus.UNAVAILABLE: "step_missing",
    ChannelStatus.UNKNOWN: "step_unknown",
}


def explain_undecided(  # noqa: PLR0913  # two keyword-only options, each with a default
    rule: DistributionRule | tuple[NotificationChannel, ...],
    known: PartialAvailability,
    eligibility: Eligibility | None,
    lang: Lang,
    *,
    because: bool = True,
    can_have: frozenset[Availability] | None = None,
) -> str:
    """Return the explanation of *rule* (or a message's priority list) for what is *known*.

    Some channel is not known.
    With *eligibility* (whose :attr:`~Eligibility.partial` is *known*) what settles it is said
    in facts, and each step says why unless *because* is false (the reasons were said already).
    *can_have* are the availabilities the patient can have: only the cases they fall in are
    told (:meth:`~distribution.partial.PossibleDecisions.within`).
    """
    say, words = UNDECIDED[lang], PHRASES[lang]
    possible = possible_decisions(rule, known)
    if can_have is not None:
        possible = possible.within(can_have)
    if isinstance(rule, DistributionRule):
        meaning = MEANINGS[lang][f"DistributionRule.{rule.name}"]
        lines = [words["rule"].format(code=rule.value, name=rule.api_name, meaning=meaning)]
        kind, permits = "order", "unreachable"
    else:
        lines, kind, permits = [words["priority_list"]], "message", "unreachable_list"
    chosen = possible.cases[0].decision.channel if possible.settled else None
    route = possible.cases[0].decision.route
    lines += _steps(route, chosen, known, eligibility, lang, because=because)
    if possible.settled:
        decision = possible.cases[0].decision
        lines.append(_settled_result(decision, permits, lang))
        lines.append(
            words[f"callback_{kind}_{decision.outcome.name}"].format(
                code=decision.channel.value, name=decision.channel.api_name
            )
        )
    else:
        lines.append(say["unsettled"])
        last = len(possible.cases) - 1
        said: set[str] = set()  # the facts earlier conditions named
        for index, case in enumerate(possible.cases):
            result = _result(case, lang)
            if index == last:
                lines.append(say["last"].format(result=result))
            else:
                key = "first" if index == 0 else "next"
                condition = _condition(case.decision.channel, eligibility, said, lang)
                lines.append(say[key].format(condition=condition, result=result))
        lines.append(_decides(possible.cases, eligibility, lang))
    lines.append(say["whatif_unknown"])  # a channel not known: other rules cannot be judged
    return "\n".join(lines)


def _steps(  # noqa: PLR0913  # the parts of one explanation, each needed
    route: tuple[NotificationChannel, ...],
    chosen: NotificationChannel | None,
    known: PartialAvailability,
    eligibility: Eligibility | None,
    lang: Lang,
    *,
    because: bool,
) -> list[str]:
    """Return the channels tried, in order, and a line each (with its reasons)."""
    say, words, labels = UNDECIDED[lang], PHRASES[lang], CHANNEL_LABELS[lang]
    if not route:  # NoDistribution: no channel is tried, so none that is not known matters
        return [words["route_empty"]]
    lines = [words["route"].format(route=" → ".join(labels[ch.name] for ch in route))]
    for n, channel in enumerate(route, start=1):
        label = labels[channel.name]
        step = "step_chosen" if channel is chosen else _STEPS[known.status(channel)]
        lines.append(say[step].format(n=n, channel=label[0].upper() + label[1:]))
        if eligibility is not None and because:
            reasons = "; ".join(r.describe(lang=lang) for r in eligibility.reasons(channel))
            lines.append(words["because"].format(reasons=reasons))
    return lines


def _settled_result(decision: Decision, permits: str, lang: Lang) -> str:
    if decision.outcome is Outcome.NOTIFIED:
        return RESULTS[lang][decision.channel.name]
    if decision.outcome is Outcome.NOT_DISTRIBUTED:
        return PHRASES[lang]["result_NOT_DISTRIBUTED"]
    return UNDECIDED[lang][permits]


def _result(case: Case, lang: Lang) -> str:
    channel = case.decision.channel
    if channel is NotificationChannel.NONE:
        return UNDECIDED[lang]["none"]
    return CHANNEL_NAMES[lang][channel.name]


def _condition(
    channel: NotificationChannel, eligibility: Eligibility | None, said: set[str], lang: Lang
) -> str:
    """Say when *channel* is chosen: by the one fact it waits for, else by the channel.

    A fact an earlier condition named is not named again: "otherwise, if" the same fact would
    contradict itself.
    """
    if eligibility is not None:
        missing = eligibility.missing(channel)
        if len(missing) == 1 and missing[0] not in said:
            said.add(missing[0])
            return FACT_WORDS[lang][f"if_{missing[0]}"]
        said.update(missing)
    return UNDECIDED[lang]["reach"].format(reach=CHANNEL_REACH[lang][channel.name])


def _decides(cases: tuple[Case, ...], eligibility: Eligibility | None, lang: Lang) -> str:
    # The channels the cases turn on, in route order; each named once.
    channels = list(dict.fromkeys(_BY_FIELD[field] for case in cases for field in case.assuming))
    if eligibility is None:
        reach = join_list([CHANNEL_REACH[lang][ch.name] for ch in channels], lang, "or")
        return UNDECIDED[lang]["decides_channels"].format(channels=reach)
    facts = dict.fromkeys(fact for ch in channels for fact in eligibility.missing(ch))
    said = join_list([FACT_WORDS[lang][f"check_{fact}"] for fact in facts], lang)
    return UNDECIDED[lang]["decides"].format(facts=said)


def _by_rule(used: NotificationChannel, rule: DistributionRule, got: str, lang: Lang) -> str | None:
    """Return what the *rule* alone says of the channel *used*, or ``None`` when it needs facts."""
    if used is not _NONE and used not in ROUTES[rule]:
        return UNDECIDED[lang]["diag_never"].format(code=rule.value, name=rule.api_name, got=got)
    if not ROUTES[rule] and used is _NONE:  # a rule that sends nothing
        return UNDECIDED[lang]["diag_no_distribution"].format(code=rule.value, name=rule.api_name)
    return None


def _inconsistent(
    found: Diagnosis, facts: FactsDiagnosis | None, got: str, lang: Lang
) -> str | None:
    """Return why *found* cannot be, naming the facts to check; ``None`` when it can be."""
    if found.consistent:
        return None
    if facts is not None and facts.suspects:
        named = join_list([FACT_WORDS[lang][f"check_{f}"] for f in facts.suspects], lang)
        return UNDECIDED[lang]["diag_suspects"].format(got=got, facts=named)
    return UNDECIDED[lang]["diag_inconsistent"].format(got=got)


def explain_diagnosis(
    found: Diagnosis, lang: Lang, facts: FactsDiagnosis | None, rule: DistributionRule
) -> str:
    """Return what *found* says, in words: each channel that must have been (un)available.

    With *facts* (what it says about the patient's facts, whose :attr:`~FactsDiagnosis.diagnosis`
    is *found*), a channel the facts close says why, and one they leave open says what must
    hold and what to check, likeliest first; and when what was given cannot all be right, it
    names the facts to check. Each reason and each fact is said once: a later channel that
    turns on the same ones says so. A channel the *rule* never uses is blamed on the rule, not
    on the facts, and NoDistribution's nothing sent is said as its own.
    """
    say, labels = UNDECIDED[lang], CHANNEL_LABELS[lang]
    got = CHANNEL_NAMES[lang][found.got.name] if found.got is not _NONE else say["none"]
    short = _by_rule(found.got, rule, got, lang) or _inconsistent(found, facts, got, lang)
    if short is not None:
        return short
    head = "diag_head_none" if found.got is NotificationChannel.NONE else "diag_head"
    lines = [say[head].format(got=got)]
    explained, must, check = (
        ({}, {}, {})
        if facts is None
        else (dict(facts.explained), dict(facts.must), dict(facts.check))
    )
    said: set[object] = set()  # the reasons and facts said already
    for channel in found.must_be_unavailable:
        label = labels[channel.name][0].upper() + labels[channel.name][1:]
        if channel in explained:
            new = [r.describe(lang=lang) for r in explained[channel] if r not in said]
            said.update(explained[channel])
            key = "diag_explained" if new else "diag_explained_above"
            lines.append(say[key].format(channel=label, reasons="; ".join(new)))
        elif channel in must or channel in check:
            parts = [say["diag_not_available"].format(channel=label)]
            certain = [r.describe(lang=lang) for r in must.get(channel, ()) if r not in said]
            said.update(must.get(channel, ()))
            if certain:
                parts.append(say["diag_must"].format(reasons="; ".join(certain)))
            fresh = [
                FACT_WORDS[lang][f"check_{f}"] for f in check.get(channel, ()) if f not in said
            ]
            said.update(check.get(channel, ()))
            if fresh:
                parts.append(say["diag_check"].format(facts=join_list(fresh, lang)))
            if len(parts) == 1:
                parts.append(say["diag_above"])
            lines.append(" ".join(parts))
        elif channel in found.already_known:
            lines.append(say["diag_known"].format(channel=label))
        else:
            reach = CHANNEL_REACH[lang][channel.name]
            lines.append(say["diag_check_channel"].format(channel=label, reach=reach))
    lines.extend(
        say["diag_available"].format(
            channel=labels[channel.name][0].upper() + labels[channel.name][1:]
        )
        for channel in found.must_be_available
    )
    return "\n".join(lines)
