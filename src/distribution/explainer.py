"""Plain explanations of a decision, for hospital support staff, in bokmål and English.

>>> from distribution import Availability
>>> print(explain("BasicOrPaper", Availability(paper=True, krr_contact=True)))
Rule: 3 BasicOrPaper. As Basic, with a paper letter as the last resort.
Order of channels tried: Helsenorge → DigitalMailbox → PhysicalMailbox.
  1. Helsenorge: not available.
  2. Secure digital mailbox (Digipost/e-Boks): not available.
  3. Paper letter: available, chosen.
Result: the patient is notified by paper letter.
Fallbacks left: none.
Expect in ePROM's status callback: FormOrderStatus 2 Ordered, then 0 Completed when the patient
answers.
Note: the patient can also be reached by e-mail/SMS to the contact details in KRR, which this
rule does not use.
Rules that would reach this patient digitally instead of by paper:
  - 1 AllowUnsecure: by e-mail/SMS to the contact details in KRR
  - 4 AllowUnsecureOrPaper: by e-mail/SMS to the contact details in KRR
  - 8 UnsecureOnly: by e-mail/SMS to the contact details in KRR
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from distribution._texts import CHANNEL_NAMES, MEANINGS, PHRASES, Lang
from distribution.codes import CODE_ENUMS, DistributionRule, EpromCode, NotificationChannel
from distribution.eligibility import Eligibility
from distribution.engine import Decision, Outcome, decide
from distribution.errors import InvalidTypeError, check_lang, wrong_type

if TYPE_CHECKING:
    from collections.abc import Iterable

    from distribution.availability import Availability

__all__ = ["describe", "explain", "explain_decision", "rules_reaching"]

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
    availability: Availability | Eligibility,
    *,
    lang: Lang = "en",
) -> str:
    """Return a short multi-line explanation of how *rule* reaches a patient.

    It names the rule and its route, walks the route channel by channel, gives the result and
    the fallbacks left, says what ePROM's status callback will report, and suggests rules that
    would do better when the patient is unreachable or gets paper despite a digital channel.

    *availability* may be an :class:`~distribution.eligibility.Eligibility`, in which case each
    step also says why the channel is or is not available. *lang* is ``"nb"`` or ``"en"``.
    """
    if isinstance(availability, Eligibility):
        return explain_decision(
            decide(rule, availability.availability), lang=lang, eligibility=availability
        )
    return explain_decision(decide(rule, availability), lang=lang)


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
        raise InvalidTypeError(
            "wrong_type",
            value=eligibility.availability,
            field="eligibility",
            expected="the decision's own availability",
            type="Availability",
        )
    say, names = PHRASES[lang], CHANNEL_NAMES[lang]
    kind = "message" if decision.rule is None else "order"
    lines = [_rule_line(decision, lang)]
    route = " → ".join(channel.api_name for channel in decision.route)
    lines.append(say["route"].format(route=route) if route else say["route_empty"])
    for n, channel in enumerate(decision.route, start=1):
        step = (
            "step_chosen"
            if channel is decision.channel
            else "step_fallback"
            if channel in decision.fallbacks
            else "step_missing"
        )
        name = names[channel.name]
        lines.append(say[step].format(n=n, channel=name[0].upper() + name[1:]))
        if eligibility is not None:
            reasons = "; ".join(
                reason.describe(lang=lang) for reason in eligibility.reasons(channel)
            )
            lines.append(say["because"].format(reasons=reasons))
    lines.append(
        say[f"result_{decision.outcome.name}"].format(
            channel=names[decision.channel.name], route=_join(decision.route, lang)
        )
    )
    if decision.route:
        fallbacks = _join(decision.fallbacks, lang)
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
        key = "unused_list" if decision.rule is None else "unused"
        lines.append(say[key].format(channels=_join(unused, lang)))
    if decision.rule is not None:
        lines.extend(_what_if(decision, lang))
    return "\n".join(lines)


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
            code=rule.value, name=rule.api_name, channel=CHANNEL_NAMES[lang][d.channel.name]
        )
        for rule, d in better
    ]


def _join(channels: Iterable[NotificationChannel], lang: Lang) -> str:
    return ", ".join(CHANNEL_NAMES[lang][channel.name] for channel in channels)


def describe(member: EpromCode, *, lang: Lang = "en") -> str:
    """Return one line saying what a code of any ePROM enum means, and what to do next.

    >>> from distribution import FormOrderStatus
    >>> describe(FormOrderStatus.PHYSICAL_MAIL_RETURNED, lang="nb")
    'FormOrderStatus 4 PhysicalMailReturned: Brev i retur: brevet kom tilbake; ...'
    """
    lang = check_lang(lang)
    if not isinstance(member, CODE_ENUMS):
        raise wrong_type(member, field="member", expected="a member of an ePROM enum")
    return f"{type(member).__name__} {member.value} {member.api_name}: {meaning(member, lang)}"


def meaning(member: EpromCode, lang: Lang) -> str:
    """Return what *member* means, in *lang*: the text behind :func:`describe`."""
    return MEANINGS[lang][f"{type(member).__name__}.{member.name}"]
