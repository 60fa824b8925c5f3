"""A reconciliation explained for support staff: its verdict, and what to do about it.

One line each for the verdict, what was predicted, what ePROM reported, what it means, what the
status means and what to do.

Rule 1: how a verdict reads, and what staff are told to do about each case, is decided here,
with the words in ``_texts`` (``RECONCILE``, ``VERDICT_NAMES``, ``STATUS_WORDS``); the verdict
itself is :mod:`distribution.eprom.reconciliation`'s. This module changes when the explanation
should say something else.

>>> from distribution import Availability, decide, read_callback, reconcile
>>> decision = decide("Basic", Availability(helsenorge=True))
>>> callback = read_callback({"formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
...     "notificationChannel": "Helsenorge", "formOrderStatus": "Ordered"})
>>> print(explain_reconciliation(reconcile(decision, callback)).splitlines()[0])
Verdict: as predicted (AS_PREDICTED).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from distribution._errors import check_lang, wrong_type
from distribution._texts import CHANNEL_NAMES, MEANINGS, Lang
from distribution.codes import FormOrderStatus, FormOrderStatusErrorCode, NotificationChannel
from distribution.engine import Decision, Outcome
from distribution.eprom.reconciliation import (
    Reconciliation,
    Status,
    VerdictCase,
    error_code_of,
    expected_callbacks,
)
from distribution.presentation._texts import RECONCILE, STATUS_WORDS, VERDICT_NAMES

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["explain_reconciliation"]

_NONE = NotificationChannel.NONE

_WHAT_TO_DO: Final[Mapping[str, str]] = MappingProxyType(
    {
        # case (a key of eprom.reconciliation.CASES): what to do, a key of RECONCILE; what the
        # case means is RECONCILE["meaning_" + case].
        "as_predicted": "todo_as_predicted",
        "no_distribution": "todo_no_distribution",
        "fallback": "todo_fallback",
        "unreachable": "todo_unreachable",
        "reached_elsewhere": "todo_reached_elsewhere",
        "lost_since": "todo_lost_since",
        "outside_route": "todo_check_order",
        "silent": "todo_silent",
        "sent_without_distribution": "todo_check_order",
        "error_with_channel": "todo_report",
        "ordered_with_error_code": "todo_report",
        "digipost_elsewhere": "todo_report",
        "returned_elsewhere": "todo_report",
        "error_without_distribution": "todo_report",
        "delivery_failed": "todo_delivery_failed",
    }
)
"""What support staff are told to do about each case a callback can fall in."""

# The cases where ePROM sent on a channel the rule permits: a letter that came back is sent again.
_SENT: Final = frozenset(
    {VerdictCase.AS_PREDICTED, VerdictCase.FALLBACK, VerdictCase.REACHED_ELSEWHERE}
)


def explain_reconciliation(reconciliation: Reconciliation, *, lang: Lang = "en") -> str:
    """Return the verdict of *reconciliation* in words, in *lang* (``"nb"`` or ``"en"``).

    One line each: the verdict, what was predicted, what ePROM reported, what it means, what
    the status means, and what to do.
    """
    lang = check_lang(lang)
    if type(reconciliation) is not Reconciliation:
        raise wrong_type(reconciliation, field="reconciliation", expected="a Reconciliation")
    say, names = RECONCILE[lang], CHANNEL_NAMES[lang]
    callback, decision = reconciliation.callback, reconciliation.decision
    verdict = reconciliation.verdict
    channel = callback.channel or _NONE  # never None here: checked when built
    status = callback.status
    params = {
        "channel": names[channel.name],
        "predicted": names[decision.channel.name],
        "status": _status_text(status, lang),
    }
    verdict_key = "verdict_expected" if verdict.expected else "verdict_attention"
    code = error_code_of(callback)
    error = (
        ""
        if code is None or code is FormOrderStatusErrorCode.NONE
        else say["reported_error"].format(code=code.value, name=code.api_name)
    )
    return "\n".join(
        [
            say[verdict_key].format(verdict=verdict.value, name=VERDICT_NAMES[lang][verdict.value]),
            say["predicted"].format(text=_predicted(decision, lang)),
            say["reported"].format(
                status=params["status"],
                error=error,
                channel=say["no_channel"] if channel is _NONE else params["channel"],
                code=channel.value,
                name=channel.api_name,
            ),
            say["meaning"].format(text=_said(say, _meaning(reconciliation), decision, **params)),
            say["about_status"].format(
                text=MEANINGS[lang][f"{type(status).__name__}.{status.name}"]
            ),
            say["todo"].format(text=_said(say, _what_to_do(reconciliation), decision, **params)),
        ]
    )


def _said(say: Mapping[str, str], key: str, decision: Decision, **params: str) -> str:
    """Return the text of *key*, in a message's words (``key_list``) when there is one."""
    if decision.rule is None and f"{key}_list" in say:
        key = f"{key}_list"
    return say[key].format(**params)


def _meaning(reconciliation: Reconciliation) -> str:
    """Return the key of what the case means; a channel used after the chosen one has its own."""
    case = reconciliation.case
    if case is VerdictCase.REACHED_ELSEWHERE and _instead(reconciliation):
        return "meaning_reached_instead"
    return f"meaning_{case}"


def _what_to_do(reconciliation: Reconciliation) -> str:
    """Return the key of what to do: a returned letter is ordered again, whatever the channel."""
    case = reconciliation.case
    if reconciliation.callback.status is FormOrderStatus.PHYSICAL_MAIL_RETURNED and case in _SENT:
        return "todo_returned"
    if case is VerdictCase.REACHED_ELSEWHERE and _instead(reconciliation):
        return "todo_reached_instead"
    return _WHAT_TO_DO[case]


def _instead(reconciliation: Reconciliation) -> bool:
    """Whether ePROM used a channel after the one the decision chose: it passed that one over."""
    decision, used = reconciliation.decision, reconciliation.callback.channel
    route = decision.route
    if decision.channel not in route:  # nothing was chosen: ePROM passed nothing over
        return False
    return route.index(used) > route.index(decision.channel)


def _status_text(status: Status, lang: Lang) -> str:
    return STATUS_WORDS[lang][f"{type(status).__name__}.{status.name}"]


def _sequence(items: list[str], lang: Lang) -> str:
    """Return channels in the order ePROM tries them ("A, then B and last C")."""
    say = RECONCILE[lang]
    if len(items) < 2:
        return "".join(items)
    head = items[0]
    for item in items[1:-1]:
        head = say["then"].format(first=head, second=item)
    return say["and_then" if len(items) == 2 else "and_last"].format(first=head, second=items[-1])


def _predicted(decision: Decision, lang: Lang) -> str:
    say, names = RECONCILE[lang], CHANNEL_NAMES[lang]
    expected = expected_callbacks(decision)
    status = _status_text(expected.status, lang)
    if decision.outcome is Outcome.NOTIFIED:
        fallbacks = _sequence([names[c.name] for c in expected.fallbacks], lang)
        return say["predicted_NOTIFIED"].format(
            channel=names[expected.channel.name],
            fallbacks=say["predicted_fallbacks"].format(channels=fallbacks) if fallbacks else "",
            status=status,
            code=expected.channel.value,
            name=expected.channel.api_name,
        )
    code = expected.error_code
    error = (
        "" if code is None else say["reported_error"].format(code=code.value, name=code.api_name)
    )
    return _said(say, f"predicted_{decision.outcome.name}", decision, status=status, error=error)
