"""The timeline of a returned form's event log: word for word, every text used, no personal data."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from distribution import (
    FormOrderStatus,
    FormOrderStatusErrorCode,
    InvalidTypeError,
    NotificationChannel,
    explain_timeline,
)
from distribution.eprom.callbacks import (
    FilledOutBy,
    FormOrderStatusCallback,
    FormReturnCallback,
    read_callback,
)
from distribution.eprom.events import FormEvent, FormOrderEvent
from distribution.presentation._texts import TIMELINE

C = NotificationChannel
S = FormOrderStatus
ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
EXAMPLES = Path(__file__).parents[1] / "data" / "eprom"
ORDERED = FormOrderStatusCallback(
    form_order_id=ID, channel=C.NONE, status=S.ORDERED, error_code=FormOrderStatusErrorCode.NONE
)


def returned(*events: tuple[FormEvent, str | None], **fields: Any) -> FormReturnCallback:
    from_json = json.loads((EXAMPLES / "return.json").read_text(encoding="utf-8"))
    log = [
        {
            "eventType": event.value,
            "questionId": question,
            "timestampUtc": f"2025-03-0{n + 1} 10:00",
        }
        for n, (event, question) in enumerate(events)
    ]
    from_json.update(formOrderEventLog=log, notificationChannel="Helsenorge", **fields)
    callback = read_callback(from_json)
    assert type(callback) is FormReturnCallback
    return callback


def test_the_timeline_of_a_failed_signing_in_bokmal_word_for_word() -> None:
    callback = returned(
        (FormEvent.FORM_OPENED, None),
        (FormEvent.QUESTION_ACCESSED, "HealthGeneral"),
        (FormEvent.QUESTION_ACCESSED, "HealthLimitingActivities"),
        (FormEvent.QUESTION_ACCESSED, "LastFourWeeksSocial"),
        (FormEvent.SIGNING_STARTED, None),
        (FormEvent.SIGNING_ERROR, None),
        formOrderStatus="Expired",
        filledOutBy={"filledOutByActType": "Foreldrerepresentasjon"},
    )
    assert explain_timeline(callback, lang="nb") == (
        "Skjema 184738d0-3c39-e611-9c2a-34e6d72e03c7: Utgått (FormOrderStatus 1 Expired); kanal:"
        " Helsenorge.\n"
        "  1. mars 2025 kl. 11.00  åpnet skjemaet\n"
        "  2. mars 2025 kl. 11.00  så på 3 spørsmål (HealthGeneral … LastFourWeeksSocial)\n"
        "  5. mars 2025 kl. 11.00  begynte å signere\n"
        "  6. mars 2025 kl. 11.00  signeringen feilet\n"
        "Fylt ut av: en forelder på vegne av pasienten (Foreldrerepresentasjon).\n"
        "Hva det betyr: pasienten begynte å signere, men signeringen feilet, så skjemaet ble"
        " aldri levert. Pasienten kan tro at skjemaet er sendt. Bestill på nytt og be pasienten"
        " fullføre signeringen."
    )


@pytest.mark.parametrize(
    ("events", "status", "conclusion"),
    [
        ((), "Completed", "completed"),
        (((FormEvent.FORM_DELIVERED, None),), "Expired", "delivered_but_expired"),
        (
            ((FormEvent.SIGNING_STARTED, None), (FormEvent.SIGNING_CANCELLED, None)),
            "Expired",
            "signing_cancelled",
        ),
        (
            ((FormEvent.SIGNING_ERROR, None), (FormEvent.SIGNING_COMPLETED, None)),
            "Expired",
            "signed_not_delivered",
        ),
        (((FormEvent.FORM_OPENED, None),), "Expired", "opened_not_delivered"),
        ((), "Expired", "never_opened"),
    ],
)
def test_the_timeline_says_what_the_log_means(
    events: tuple[tuple[FormEvent, str | None], ...], status: str, conclusion: str
) -> None:
    callback = returned(*events, formOrderStatus=status)
    for lang in ("nb", "en"):
        channel = "Helsenorge"  # the callback's channel, named where the conclusion needs it
        expected = TIMELINE[lang][conclusion].format(channel=channel)
        assert explain_timeline(callback, lang=lang).splitlines()[-1] == expected


def test_a_form_never_opened_names_the_channel_to_check() -> None:
    callback = returned(formOrderStatus="Expired")
    assert explain_timeline(callback, lang="nb").splitlines()[-1] == (
        "Hva det betyr: pasienten åpnet aldri skjemaet. Sjekk at pasienten fikk varselet"
        " (Helsenorge), og bestill på nytt om svaret fortsatt trengs."
    )
    silent = FormReturnCallback(form_order_id=ID, status=S.EXPIRED)
    assert explain_timeline(silent, lang="en").splitlines()[-1] == (
        "What it means: the patient never opened the form. Check that the patient got the notice"
        " (the channel ePROM used), and order again if the answer is still needed."
    )


def test_the_timeline_tells_the_rest_and_shows_no_personal_data() -> None:
    callback = FormReturnCallback(
        form_order_id=ID,
        status=S.COMPLETED,
        signed_form_id=ID,
        scanned_paper_id=ID,
        events=(
            FormOrderEvent(type=FormEvent.QUESTION_ACCESSED),
            FormOrderEvent(type=FormEvent.QUESTION_ACCESSED, question_id="15108695088\x07"),
            FormOrderEvent(type=FormEvent.FORM_DELIVERED),
        ),
        filled_out_by=FilledOutBy(act_type="Verge", national_id="15108695088"),
    )
    text = explain_timeline(callback)
    assert text.splitlines() == [
        (
            "Form 184738d0-3c39-e611-9c2a-34e6d72e03c7: Completed (FormOrderStatus 0 Completed);"
            " the body does not say which channel ePROM used."
        ),
        "The form is signed (signedFormId).",
        "The answer came on paper and was scanned (scannedPaperId).",
        "  (no time)  looked at 2 questions (? … <hidden>?)",
        "  (no time)  delivered the form",
        "Filled out by: filledOutByActType Verge.",
        "What it means: the answer has reached the ordering system.",
    ]
    alone = FormReturnCallback(
        form_order_id=ID,
        status=S.EXPIRED,
        events=(FormOrderEvent(type=FormEvent.QUESTION_ACCESSED),),
        filled_out_by=FilledOutBy(),
    )
    lines = explain_timeline(alone, lang="nb").splitlines()
    assert lines[1] == "  (uten tidspunkt)  så på et spørsmål"
    assert lines[2] == "Fylt ut av: ikke oppgitt (ePROM oppgir det bare for Helsenorge)."
    for act, words in (
        ("SegSelv", "pasienten selv"),
        ("Ukjent", "ukjent"),
        ("Fullmakt", "fullmakt"),
    ):
        told = FormReturnCallback(
            form_order_id=ID, status=S.COMPLETED, filled_out_by=FilledOutBy(act_type=act)
        )
        assert words in explain_timeline(told, lang="nb")
    assert "Loggen har ingen hendelser." in explain_timeline(told, lang="nb")
    with pytest.raises(InvalidTypeError, match="callback must be a FormReturnCallback"):
        explain_timeline(ORDERED)  # type: ignore[arg-type]


def test_every_timeline_text_is_used() -> None:
    """Each event, each act type, each conclusion and each header has its text in a timeline."""
    texts: set[str] = set()
    callbacks = [
        FormReturnCallback(
            form_order_id=ID,
            status=S.EXPIRED,
            channel=C.HELSENORGE if n % 2 else None,
            events=(FormOrderEvent(type=event, question_id="Q1"),),
            filled_out_by=FilledOutBy(act_type=act),
        )
        for n, (event, act) in enumerate(
            itertools.product(
                FormEvent, ["Ukjent", "SegSelv", "Foreldrerepresentasjon", "Fullmakt"]
            )
        )
    ]
    for lang in ("nb", "en"):
        said = "\n".join(explain_timeline(callback, lang=lang) for callback in callbacks)
        for key, text in TIMELINE[lang].items():
            stem = text.split("{")[0].strip()
            if stem and stem in said:
                texts.add(key)
    unused = set(TIMELINE["en"]) - texts
    # The rest are pinned by the tests above: a completed form, signed, on paper, without events,
    # a question without an id, a run of questions, an unknown act type, no filledOutBy.
    assert unused <= {
        "completed",
        "signed",
        "on_paper",
        "no_events",
        "no_time",
        "no_channel",
        "QUESTION_ACCESSED_unnamed",
        "questions",
        "who_other",
        "filled_out_by_none",
        "never_opened",
        "opened_not_delivered",
    }, unused
