"""A returned form's event log told as a timeline, and what it means, for support staff.

Rule 1: how an event log reads (its lines, who filled the form out, the conclusion) is decided
here, with the words in ``_texts`` (``TIMELINE``); reading the log is
:mod:`distribution.eprom.callbacks`' job. This module changes when the timeline should say
something else.

>>> from distribution import read_callback
>>> returned = read_callback({"formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
...     "formOrderStatus": "Expired", "notificationChannel": "Helsenorge",
...     "formOrderEventLog": [{"eventType": "FormOpened", "timestampUtc": "2025-03-01 10:00"}]})
>>> print(explain_timeline(returned))  # doctest: +NORMALIZE_WHITESPACE
Form 184738d0-3c39-e611-9c2a-34e6d72e03c7: Expired (FormOrderStatus 1 Expired); channel: Helsenorge.
  1 March 2025 at 11:00  opened the form
Filled out by: not stated (ePROM states it for Helsenorge only).
What it means: the patient opened the form but did not deliver it before the deadline. Order
again if the answer is still needed.
"""

from __future__ import annotations

from typing import Final

from distribution._errors import check_lang, mask_personal, wrong_type
from distribution._evidence import evidence
from distribution._texts import CHANNEL_NAMES, Lang
from distribution.codes import FormOrderStatus, NotificationChannel
from distribution.eprom.callbacks import FilledOutBy, FormReturnCallback
from distribution.eprom.events import FormEvent, FormOrderEvent
from distribution.presentation._dates import spoken_time
from distribution.presentation._texts import STATUS_WORDS, TIMELINE

__all__ = ["explain_timeline"]

_SIGNING_END: Final = {
    FormEvent.SIGNING_ERROR: "signing_failed",
    FormEvent.SIGNING_CANCELLED: "signing_cancelled",
    FormEvent.SIGNING_COMPLETED: "signed_not_delivered",
}


def explain_timeline(callback: FormReturnCallback, *, lang: Lang = "en") -> str:
    """Return a returned form's event log as a short timeline, and what it means.

    For the ticket "she says she sent it, we got nothing": the log shows whether the patient
    opened the form, which questions she looked at, whether signing started, failed, was
    cancelled or completed, whether the form was delivered, and who filled it out. Times are
    Norwegian time, as people read them; consecutive questions are told as one line.
    """
    lang = check_lang(lang)
    if type(callback) is not FormReturnCallback:
        raise wrong_type(evidence(callback), field="callback", expected="a FormReturnCallback")
    say = TIMELINE[lang]
    status = callback.status
    head = {"id": callback.form_order_id, "status": _status_text(status, lang)}
    lines = [
        say["header"].format(channel=CHANNEL_NAMES[lang][callback.channel.name], **head)
        if callback.channel is not None
        else say["header_no_channel"].format(**head)
    ]
    if callback.signed:
        lines.append(say["signed"])
    if callback.on_paper:
        lines.append(say["on_paper"])
    lines.extend(_events(callback, lang) or [say["no_events"]])
    lines.append(_who(callback.filled_out_by, lang))
    channel = (
        CHANNEL_NAMES[lang][callback.channel.name]
        if callback.channel is not None and callback.channel is not NotificationChannel.NONE
        else say["no_channel"]
    )
    lines.append(say[_conclusion(callback)].format(channel=channel))
    return "\n".join(lines)


def _status_text(status: FormOrderStatus, lang: Lang) -> str:
    return STATUS_WORDS[lang][f"{type(status).__name__}.{status.name}"]


def _when(event: FormOrderEvent, lang: Lang) -> str:
    moment = event.timestamp_utc
    if moment is None:
        return TIMELINE[lang]["no_time"]
    return spoken_time(moment, lang)


def _events(callback: FormReturnCallback, lang: Lang) -> list[str]:
    say = TIMELINE[lang]
    lines: list[str] = []
    events = callback.events
    i = 0
    while i < len(events):
        event = events[i]
        run = i
        while (
            run + 1 < len(events)
            and events[run + 1].type is FormEvent.QUESTION_ACCESSED
            and event.type is FormEvent.QUESTION_ACCESSED
        ):
            run += 1
        if run > i:
            first, last = events[i].question_id, events[run].question_id
            text = say["questions"].format(
                count=run - i + 1, first=_shown(first), last=_shown(last)
            )
        elif event.type is FormEvent.QUESTION_ACCESSED and event.question_id is None:
            text = say["QUESTION_ACCESSED_unnamed"]
        else:
            text = say[event.type.name].format(question=_shown(event.question_id))
        lines.append(f"  {_when(event, lang)}  {text}")
        i = run + 1
    return lines


def _shown(text: str | None) -> str:
    """Return a text from the callback fit for a line: printable, short, no personal data."""
    if text is None:
        return "?"
    printable = "".join(ch if ch.isprintable() else "?" for ch in text[:80])
    return mask_personal(printable)


def _who(filled_out_by: FilledOutBy | None, lang: Lang) -> str:
    say = TIMELINE[lang]
    if filled_out_by is None or filled_out_by.act_type_name is None:
        return say["filled_out_by_none"]
    key = f"who_{filled_out_by.act_type_name}"
    who = (
        say[key]
        if key in say
        else say["who_other"].format(value=_shown(filled_out_by.act_type_name))
    )
    return say["filled_out_by"].format(who=who)


def _conclusion(callback: FormReturnCallback) -> str:
    if callback.status is FormOrderStatus.COMPLETED:
        return "completed"
    types = [event.type for event in callback.events]
    if FormEvent.FORM_DELIVERED in types:
        return "delivered_but_expired"
    signing = [t for t in types if t in _SIGNING_END]
    if signing:
        return _SIGNING_END[signing[-1]]
    return "opened_not_delivered" if types else "never_opened"
