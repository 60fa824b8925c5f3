"""Plain explanations of a decision, for hospital support staff, in bokmål and English.

>>> from distribution import Availability
>>> print(explain("BasicOrPaper", Availability(paper=True, krr_contact=True)))
Rule: 3 BasicOrPaper. As Basic, with a paper letter as the last resort.
Channels tried, in order: Helsenorge → secure digital mailbox (DigitalMailbox) → paper letter
(PhysicalMailbox).
  1. Helsenorge: not available.
  2. Secure digital mailbox (DigitalMailbox): not available.
  3. Paper letter (PhysicalMailbox): available, chosen.
Result: the patient gets a paper letter in the post.
Fallbacks left: none.
What ePROM reports back (callback): Ordered (FormOrderStatus 2 Ordered), then Completed (0
Completed) when the patient has answered.
Note: the patient can also be reached by SMS or e-mail (contact details from KRR), but the rule
does not use that channel.
Rules that would reach this patient digitally instead of by paper letter:
  - 1 AllowUnsecure: by SMS or e-mail (contact details from KRR)
  - 4 AllowUnsecureOrPaper: by SMS or e-mail (contact details from KRR)
  - 8 UnsecureOnly: by SMS or e-mail (contact details from KRR)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from distribution._errors import check_lang, wrong_type
from distribution._texts import (
    CHANNEL_LABELS,
    CHANNEL_NAMES,
    MEANINGS,
    Lang,
    join_list,
)
from distribution.availability import Availability
from distribution.codes import CODE_ENUMS, DistributionRule, EpromCode, NotificationChannel
from distribution.engine import Decision, Outcome, decide
from distribution.partial import PartialAvailability
from distribution.patient.eligibility import Eligibility
from distribution.presentation._texts import (
    CHANNEL_REACH,
    PHRASES,
    RESULTS,
)
from distribution.presentation._undecided import explain_undecided

if TYPE_CHECKING:
    from collections.abc import Iterable

    from distribution.availability import Availability

__all__ = ["describe", "explain", "explain_decision", "meaning", "rules_reaching"]

_PAPER = NotificationChannel.PHYSICAL_MAILBOX


def rules_reaching(availability: Availability) -> tuple[Decision, ...]:
    """Return the decisions of every rule that would notify a patient with *availability*.

    In rule-code order; NoDistribution never appears (it notifies nobody).

    >>> from distribution import Availability
    >>> [(d.rule.api_name, d.channel.api_name) for d in rules_reaching(Availability(paper=True))]
    [('BasicOrPaper', 'PhysicalMailbox'), ('AllowUnsecureOrPaper', 'PhysicalMailbox'),
     ('PaperOnly', 'PhysicalMailbox')]
    """
    return tuple(decision for _, decision in _reaching(availability))


def _reaching(availability: Availability) -> list[tuple[DistributionRule, Decision]]:
    decisions = ((rule, decide(rule, availability)) for rule in DistributionRule)
    return [(rule, d) for rule, d in decisions if d.outcome is Outcome.NOTIFIED]


def explain(
    rule: DistributionRule | int | str,
    availability: Availability | Eligibility | PartialAvailability,
    *,
    lang: Lang = "en",
) -> str:
    """Return a short multi-line explanation of how *rule* reaches a patient.

    It names the rule and its route, walks the route channel by channel, gives the result and
    the fallbacks left, says what ePROM's status callback will report, and suggests rules that
    would do better when the patient is unreachable or gets paper despite a digital channel.

    *availability* may be an :class:`~distribution.patient.eligibility.Eligibility`, in which
    case each step also says why the channel is or is not available, or a
    :class:`~distribution.partial.PartialAvailability`. While a channel is not known (an
    eligibility's :attr:`~Eligibility.status` ``UNKNOWN``, a partial availability's ``None``),
    no result is stated that a fact not known could change: the explanation says what ePROM
    does in each case, and what settles it. *lang* is ``"nb"`` or ``"en"``.
    """
    eligibility: Eligibility | None = None
    if isinstance(availability, Eligibility):
        eligibility, known = availability, availability.partial
    elif isinstance(availability, PartialAvailability):
        known = availability
    else:  # an Availability; decide() refuses anything else
        return explain_decision(decide(rule, availability), lang=lang)
    if known.unknown:
        lang = check_lang(lang)
        return explain_undecided(DistributionRule.parse(rule), known, eligibility, lang)
    settled = known.completions()[0]  # every channel known: the one availability there is
    return explain_decision(decide(rule, settled), lang=lang, eligibility=eligibility)


def explain_decision(
    decision: Decision, *, lang: Lang = "en", eligibility: Eligibility | None = None
) -> str:
    """Return the explanation of *decision* (a rule's or a priority list's); see :func:`explain`.

    With *eligibility* (whose availability must be the decision's), each step says why.
    """
    lang = check_lang(lang)
    if type(decision) is not Decision:
        raise wrong_type(decision, field="decision", expected="a Decision")
    if eligibility is not None and eligibility.availability != decision.availability:
        raise wrong_type(
            eligibility.availability,
            field="eligibility",
            expected="the decision's own availability",
        )
    say, labels = PHRASES[lang], CHANNEL_LABELS[lang]
    kind = "message" if decision.rule is None else "order"
    permits = "list" if decision.rule is None else "rule"
    lines = [_rule_line(decision, lang)]
    route = " → ".join(labels[channel.name] for channel in decision.route)
    lines.append(say["route"].format(route=route) if route else say["route_empty"])
    for n, channel in enumerate(decision.route, start=1):
        lines.append(_step(decision, channel, n, lang))
        if eligibility is not None:
            reasons = "; ".join(
                reason.describe(lang=lang) for reason in eligibility.reasons(channel)
            )
            lines.append(say["because"].format(reasons=reasons))
    if decision.outcome is Outcome.NOTIFIED:
        lines.append(RESULTS[lang][decision.channel.name])
    elif decision.outcome is Outcome.UNREACHABLE:
        count = "one" if len(decision.route) == 1 else "many"
        key = f"unreachable_{permits}_{count}"
        lines.append(say[key].format(route=_names(decision.route, lang)))
    else:
        lines.append(say["result_NOT_DISTRIBUTED"])
    if decision.route:
        fallbacks = _names(decision.fallbacks, lang)
        lines.append(
            say["fallbacks"].format(channels=fallbacks) if fallbacks else say["fallbacks_none"]
        )
    lines.append(
        say[f"callback_{kind}_{decision.outcome.name}"].format(
            code=decision.channel.value, name=decision.channel.api_name
        )
    )
    unused = [ch for ch in decision.availability.channels if ch not in decision.route]
    if unused:
        count = "one" if len(unused) == 1 else "many"
        reach = join_list([CHANNEL_REACH[lang][channel.name] for channel in unused], lang)
        lines.append(say[f"unused_{permits}_{count}"].format(channels=reach))
    if decision.rule is not None:
        lines.extend(_what_if(decision, lang))
    return "\n".join(lines)


def _step(decision: Decision, channel: NotificationChannel, n: int, lang: Lang) -> str:
    """Return the line of the *n*-th channel of the route: chosen, a fallback, or missing."""
    say, labels = PHRASES[lang], CHANNEL_LABELS[lang]
    above = [labels[ch.name] for ch in _above(decision, channel)]
    if channel is decision.channel:
        step = "step_chosen"
    elif channel not in decision.fallbacks:
        step = "step_missing"
    else:  # "if neither Helsenorge nor the mailbox can be used": every channel tried before it
        step = "step_fallback_many" if len(above) > 1 else "step_fallback"
    said = ", ".join(above[:-1]) + f" {say['nor']} " + above[-1] if len(above) > 1 else above[0]
    label = labels[channel.name]
    return say[step].format(n=n, channel=label[0].upper() + label[1:], above=said)


def _above(decision: Decision, channel: NotificationChannel) -> tuple[NotificationChannel, ...]:
    """Return the channels a fallback stands in for: every one ePROM tries before it."""
    used = (decision.channel, *decision.fallbacks)
    if channel not in decision.fallbacks:
        return (channel,)  # not a fallback: its line does not name another channel
    return used[: used.index(channel)]


def _rule_line(decision: Decision, lang: Lang) -> str:
    if decision.rule is None:
        return PHRASES[lang]["priority_list"]
    rule = decision.rule
    return PHRASES[lang]["rule"].format(
        code=rule.value, name=rule.api_name, meaning=meaning(rule, lang)
    )


def _what_if(decision: Decision, lang: Lang) -> list[str]:
    say = PHRASES[lang]
    digital = [ch for ch in decision.availability.channels if ch is not _PAPER]
    if decision.outcome is Outcome.UNREACHABLE:
        header, better = "whatif", _reaching(decision.availability)
    elif decision.channel is _PAPER and digital:
        header = "whatif_paper"
        better = [(r, d) for r, d in _reaching(decision.availability) if d.channel is not _PAPER]
    else:
        return []
    if not better:
        return [say["whatif_none"]]
    return [say[header]] + [
        say["whatif_item"].format(
            code=rule.value, name=rule.api_name, channel=CHANNEL_REACH[lang][d.channel.name]
        )
        for rule, d in better
    ]


def _names(channels: Iterable[NotificationChannel], lang: Lang) -> str:
    return join_list([CHANNEL_NAMES[lang][channel.name] for channel in channels], lang)


def describe(member: EpromCode, *, lang: Lang = "en") -> str:
    """Return one line saying what a code of any ePROM enum means, and what to do next.

    >>> from distribution import FormOrderStatus
    >>> describe(FormOrderStatus.PHYSICAL_MAIL_RETURNED, lang="nb")
    'FormOrderStatus 4 PhysicalMailReturned – Brev i retur: papirbrevet kom tilbake. ...'
    """
    lang = check_lang(lang)
    if not isinstance(member, CODE_ENUMS):
        raise wrong_type(member, field="member", expected="a member of an ePROM enum")
    return f"{type(member).__name__} {member.value} {member.api_name} – {meaning(member, lang)}"


def meaning(member: EpromCode, lang: Lang) -> str:
    """Return what *member* means, in *lang*: the text behind :func:`describe`."""
    return MEANINGS[lang][f"{type(member).__name__}.{member.name}"]
