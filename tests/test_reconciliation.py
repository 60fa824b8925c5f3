"""Judging what ePROM did against the decision: every case of the verdict table against a model
written here from the table, pinned explanations, the event-log timeline, and verify()."""

from __future__ import annotations

import itertools
import json
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    Availability,
    Decision,
    DistributionError,
    DistributionRule,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    InvalidTypeError,
    InvalidValueError,
    NotificationChannel,
    SentStatus,
    decide,
    decide_priority_list,
    explain_decision,
)
from distribution.eprom import reconciliation
from distribution.eprom._texts import (
    RECONCILE,
    TIMELINE,
)
from distribution.eprom.callbacks import (
    Callback,
    FilledOutBy,
    FormEvent,
    FormOrderEvent,
    FormOrderStatusCallback,
    FormReturnCallback,
    MessageStatusCallback,
    read_callback,
)
from distribution.eprom.reconciliation import (
    _CASES,
    Anomaly,
    AnomalyKind,
    ExpectedCallbacks,
    Reconciliation,
    Verdict,
    expected_callbacks,
    explain_timeline,
    reconcile,
    verify,
)
from tests.helpers.guide import LETTER_OF_CHANNEL, LETTER_OF_FLAG, ROUTE
from tests.strategies import availabilities, code_spellings, guids, priority_lists, rules

if TYPE_CHECKING:
    from collections.abc import Iterator

C = NotificationChannel
S = FormOrderStatus
E = FormOrderStatusErrorCode
ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
EXAMPLES = Path(__file__).parent / "data" / "eprom"

# --- the model, written from the verdict table in docs/callbacks.md (not from the library) -----


def model(  # noqa: C901, PLR0911  # the table row by row reads better than any split of it
    route: str, available: str, status: str, code: str | None, x: str | None
) -> str:
    """The verdict by the table: x is the callback's channel as a letter, None for channel 0."""
    chain = [c for c in route if c in available]
    outcome = "NOTIFIED" if chain else "UNREACHABLE" if route else "NOT_DISTRIBUTED"
    if status == "Error":  # FormOrderStatus Error or SentStatus Error
        if not route:
            return "INCONSISTENT"  # our choice: NoDistribution sends nothing that could fail
        if code == "SikkerDigitalPostError":
            return "DELIVERY_FAILED"  # our choice
        if x is not None:
            return "INCONSISTENT"
        # PatientUnreachable, or no error code (our choice: the guide's only reason for Error)
        return "UNREACHABLE_AS_PREDICTED" if outcome == "UNREACHABLE" else "AVAILABILITY_CHANGED"
    if code not in {None, "None"}:
        return "INCONSISTENT"
    if status == "DigipostDelivered" and x != "D":
        return "INCONSISTENT"
    if status == "PhysicalMailReturned" and x != "P":
        return "INCONSISTENT"
    decision_channel = chain[0] if chain else None
    if x == decision_channel and (x is not None or outcome == "NOT_DISTRIBUTED"):
        return "AS_PREDICTED"
    if x in chain[1:]:
        return "FALLBACK"
    if x is not None and x in route:
        return "AVAILABILITY_CHANGED"
    return "NOT_PERMITTED"


def letters(availability: Availability) -> str:
    return "".join(LETTER_OF_FLAG[name] for name, on in availability.to_dict().items() if on)


def status_callback(
    status: FormOrderStatus, code: FormOrderStatusErrorCode, channel: NotificationChannel
) -> FormOrderStatusCallback:
    return FormOrderStatusCallback(
        form_order_id=ID, channel=channel, status=status, error_code=code
    )


FORM_CALLBACKS: list[Callback] = [
    *(
        status_callback(status, code, channel)
        for status in (S.ORDERED, S.ERROR, S.PHYSICAL_MAIL_RETURNED, S.DIGIPOST_DELIVERED)
        for code in E
        for channel in C
    ),
    *(
        FormReturnCallback(form_order_id=ID, status=status, channel=channel)
        for status in (S.COMPLETED, S.EXPIRED)
        for channel in C
    ),
]


def _model_of(decision: Decision, callback: Any) -> str:
    route = "".join(LETTER_OF_CHANNEL[c] for c in decision.route)
    code = callback.error_code.api_name if type(callback) is FormOrderStatusCallback else None
    x = None if callback.channel is C.NONE else LETTER_OF_CHANNEL[callback.channel]
    return model(route, letters(decision.availability), callback.status.api_name, code, x)


def test_every_rule_availability_channel_and_status_gets_the_tables_verdict() -> None:
    """Law: for all 9 rules × 16 availabilities × 5 channels × every status (and error code) of
    a form order's callbacks, reconcile() gives the verdict of the model written from the table."""
    seen = set()
    for rule, availability in itertools.product(DistributionRule, Availability.all()):
        decision = decide(rule, availability)
        assert ROUTE[rule.api_name] == "".join(LETTER_OF_CHANNEL[c] for c in decision.route)
        for callback in FORM_CALLBACKS:
            result = reconcile(decision, callback)
            assert result.verdict.value == _model_of(decision, callback), (
                rule,
                availability,
                callback,
            )
            seen.add(result.case)
    # Form orders reach every case of the table (a message reaches fewer).
    assert seen == set(_CASES)


def test_every_priority_list_availability_channel_and_status_gets_the_tables_verdict() -> None:
    """Law: the same for all 64 priority lists × 16 availabilities × 5 channels × both statuses."""
    reachable = tuple(LETTER_OF_CHANNEL)
    count = 0
    for size in range(1, 5):
        for channels in itertools.permutations(reachable, size):
            for availability in Availability.all():
                decision = decide_priority_list(channels, availability)
                for status, channel in itertools.product(SentStatus, C):
                    callback = MessageStatusCallback(
                        message_to_citizen_id=ID, channel=channel, status=status
                    )
                    result = reconcile(decision, callback)
                    assert result.verdict.value == _model_of(decision, callback)
                    count += 1
    assert count == 64 * 16 * 10


@given(
    rule=rules,
    availability=availabilities,
    status=st.sampled_from([S.ORDERED, S.ERROR, S.DIGIPOST_DELIVERED, S.PHYSICAL_MAIL_RETURNED]),
    code=st.sampled_from(E),
    channel=st.sampled_from(C),
    data=st.data(),
)
def test_a_callback_read_from_json_in_any_spelling_gets_the_same_verdict(
    rule: DistributionRule,
    availability: Availability,
    status: FormOrderStatus,
    code: FormOrderStatusErrorCode,
    channel: NotificationChannel,
    data: st.DataObject,
) -> None:
    """Law: the verdict depends on the codes, not on how ePROM spelt them (name or number), and
    a decision read back from the wire format judges as the one decided."""
    body = {
        "formOrderId": data.draw(guids),
        "formOrderStatus": data.draw(code_spellings(status)),
        "formOrderStatusErrorCode": data.draw(code_spellings(code)),
        "notificationChannel": data.draw(code_spellings(channel)),
    }
    decision = Decision.from_dict(json.loads(json.dumps(decide(rule, availability).to_dict())))
    callback = read_callback(json.dumps(body))
    assert reconcile(decision, callback).verdict.value == _model_of(decision, callback)


# --- the guide's examples, judged --------------------------------------------------------------


def test_the_guides_examples_judged_against_decisions_written_by_hand() -> None:
    ordered = read_callback((EXAMPLES / "status-ordered.json").read_text(encoding="utf-8"))
    error = read_callback((EXAMPLES / "status-error.json").read_text(encoding="utf-8"))
    message = read_callback((EXAMPLES / "message-sent.json").read_text(encoding="utf-8"))
    everywhere = Availability.of("helsenorge", "digital_mailbox", "krr_contact", "paper")
    nowhere = Availability()
    assert reconcile(decide("Basic", everywhere), ordered).verdict is Verdict.AS_PREDICTED
    assert reconcile(decide("PaperOnly", everywhere), ordered).verdict is Verdict.NOT_PERMITTED
    assert reconcile(decide("Basic", nowhere), ordered).verdict is Verdict.AVAILABILITY_CHANGED
    assert reconcile(decide("NoDistribution", nowhere), ordered).case == "sent_without_distribution"
    assert reconcile(decide("Basic", nowhere), error).verdict is Verdict.UNREACHABLE_AS_PREDICTED
    assert reconcile(decide("Basic", everywhere), error).case == "lost_since"
    assert reconcile(decide("NoDistribution", nowhere), error).verdict is Verdict.INCONSISTENT
    listed = decide_priority_list(["DigitalMailbox", "Helsenorge"], everywhere)
    assert reconcile(listed, message).verdict is Verdict.FALLBACK


def test_sikker_digital_post_error_is_a_delivery_failure_and_an_error_without_a_code_is_not() -> (
    None
):
    both = decide("BasicOrPaper", Availability.of("helsenorge", "digital_mailbox"))
    failed = status_callback(S.ERROR, E.SIKKER_DIGITAL_POST_ERROR, C.DIGITAL_MAILBOX)
    assert reconcile(both, failed).verdict is Verdict.DELIVERY_FAILED
    bare = status_callback(S.ERROR, E.NONE, C.NONE)  # a body from before error codes
    assert (
        reconcile(decide("Basic", Availability()), bare).verdict is Verdict.UNREACHABLE_AS_PREDICTED
    )
    assert not Verdict.DELIVERY_FAILED.expected
    assert [v.value for v in Verdict if v.expected] == [
        "AS_PREDICTED",
        "FALLBACK",
        "UNREACHABLE_AS_PREDICTED",
    ]


# --- what a decision expects --------------------------------------------------------------------


def test_expected_callbacks_as_data() -> None:
    paper = Availability(paper=True)
    assert expected_callbacks(
        decide("BasicOrPaper", Availability.of("digital_mailbox", "paper"))
    ) == (
        ExpectedCallbacks(
            status=S.ORDERED,
            error_code=E.NONE,
            channel=C.DIGITAL_MAILBOX,
            fallbacks=(C.PHYSICAL_MAILBOX,),
            then=(S.COMPLETED, S.EXPIRED),
            single_use_code=False,
        )
    )
    assert expected_callbacks(decide("Basic", paper)) == ExpectedCallbacks(
        status=S.ERROR,
        error_code=E.PATIENT_UNREACHABLE,
        channel=C.NONE,
        fallbacks=(),
        then=(),
        single_use_code=False,
    )
    assert expected_callbacks(decide("NoDistribution", paper)) == ExpectedCallbacks(
        status=S.ORDERED,
        error_code=E.NONE,
        channel=C.NONE,
        fallbacks=(),
        then=(S.COMPLETED, S.EXPIRED),
        single_use_code=True,
    )
    assert expected_callbacks(decide_priority_list(["paper"], paper)) == ExpectedCallbacks(
        status=SentStatus.SENT,
        error_code=None,
        channel=C.PHYSICAL_MAILBOX,
        fallbacks=(),
        then=(),
        single_use_code=False,
    )
    assert (
        expected_callbacks(decide_priority_list(["helsenorge"], paper)).status is SentStatus.ERROR
    )
    with pytest.raises(InvalidTypeError, match="decision must be a Decision"):
        expected_callbacks("Basic")  # type: ignore[arg-type]


@given(st.one_of(st.tuples(rules, availabilities), st.tuples(priority_lists, availabilities)))
def test_the_callbacks_a_decision_expects_are_judged_expected(
    pair: tuple[Any, Availability],
) -> None:
    """Law: the status callback a decision expects gets an expected verdict, and so does each
    fallback; the statuses that may follow (Completed, Expired) on the same channel too."""
    how, availability = pair
    decision = (
        decide(how, availability)
        if isinstance(how, DistributionRule)
        else decide_priority_list(how, availability)
    )
    expected = expected_callbacks(decision)
    for channel in (expected.channel, *expected.fallbacks):
        if decision.rule is None:
            callback: Any = MessageStatusCallback(
                message_to_citizen_id=ID,
                channel=channel,
                status=expected.status,  # type: ignore[arg-type]  # a message's SentStatus
            )
        else:
            callback = status_callback(expected.status, expected.error_code, channel)  # type: ignore[arg-type]
        assert reconcile(decision, callback).verdict.expected
        for then in expected.then:
            returned = FormReturnCallback(form_order_id=ID, status=then, channel=channel)
            assert reconcile(decision, returned).verdict.expected


def test_the_explainers_words_and_the_data_agree() -> None:
    """What explain() tells support staff to expect is what expected_callbacks() says."""
    decisions = [decide(rule, a) for rule in DistributionRule for a in Availability.all()]
    decisions += [decide_priority_list(["paper", "helsenorge"], a) for a in Availability.all()]
    for decision in decisions:
        expected = expected_callbacks(decision)
        for lang in ("nb", "en"):
            line = next(
                line
                for line in explain_decision(decision, lang=lang).splitlines()
                if line.startswith(("What ePROM", "Dette melder", "Dette svarer"))
            )
            assert f"{expected.status.value} {expected.status.api_name}" in line
            if expected.error_code not in {None, E.NONE}:
                assert expected.error_code.api_name in line
            if decision.rule is None:
                assert f"NotificationChannel {expected.channel.value}" in line
            assert ("singleUseCode" in line) is expected.single_use_code


# --- refusals -----------------------------------------------------------------------------------


def test_a_callback_must_answer_its_kind_of_decision() -> None:
    form = decide("Basic", Availability())
    listed = decide_priority_list(["paper"], Availability())
    message = MessageStatusCallback(
        message_to_citizen_id=ID, channel=C.NONE, status=SentStatus.ERROR
    )
    with pytest.raises(
        InvalidValueError, match="a rule's decision is checked against a form order's"
    ):
        reconcile(form, message)
    with pytest.raises(
        InvalidValueError, match="a priority list's decision is checked against a message"
    ):
        reconcile(listed, status_callback(S.ORDERED, E.NONE, C.NONE))
    silent = FormReturnCallback(form_order_id=ID, status=S.COMPLETED)
    with pytest.raises(InvalidValueError, match="does not say which channel ePROM used"):
        reconcile(form, silent)
    with pytest.raises(InvalidTypeError, match=r"Reconciliation\.decision must be Decision"):
        reconcile("Basic", message)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Reconciliation\.callback must be"):
        reconcile(form, {"formOrderStatus": "Ordered"})  # type: ignore[arg-type]
    try:
        reconcile(form, message)
    except DistributionError as error:
        assert "MessageStatusCallback" in error.message("nb")


# --- explanations -------------------------------------------------------------------------------


def test_an_explanation_in_english_word_for_word() -> None:
    decision = decide("Basic", Availability.of("helsenorge", "digital_mailbox"))
    callback = status_callback(S.ORDERED, E.NONE, C.DIGITAL_MAILBOX)
    assert reconcile(decision, callback).explain() == (
        "Verdict: a fallback channel was used (the rule allows it) (FALLBACK).\n"
        "Predicted: ePROM uses Helsenorge, or else secure digital mailbox (Digipost/e-Boks); the"
        " status callback should say FormOrderStatus 2 Ordered with NotificationChannel 1"
        " Helsenorge.\n"
        "ePROM reported: FormOrderStatus 2 Ordered; channel: secure digital mailbox"
        " (Digipost/e-Boks) (NotificationChannel 2 DigitalMailbox).\n"
        "What it means: ePROM used secure digital mailbox (Digipost/e-Boks), a later channel of"
        " the fallback chain: the decision's channel, Helsenorge, must have failed when ePROM"
        " tried it.\n"
        "About the status: Ordered: the form is ordered and waits for the patient's answer"
        " (with NoDistribution the patient opens it with a one-time code).\n"
        "What to do: Nothing to do; if it happens often, find out why Helsenorge fails for these"
        " patients."
    )


def test_an_explanation_in_bokmal_word_for_word() -> None:
    decision = decide("BasicOrPaper", Availability(helsenorge=True))
    callback = status_callback(S.ERROR, E.PATIENT_UNREACHABLE, C.NONE)
    assert reconcile(decision, callback).explain(lang="nb") == (
        "Vurdering: pasientens kanaler ser ut til å ha endret seg (AVAILABILITY_CHANGED)"
        " – må følges opp.\n"
        "Forventet: ePROM bruker Helsenorge; statuskallet skal si FormOrderStatus 2 Ordered"
        " (Bestilt) med NotificationChannel 1 Helsenorge.\n"
        "ePROM meldte: FormOrderStatus 3 Error (Feilet) med FormOrderStatusErrorCode 1"
        " PatientUnreachable; kanal: ingen (NotificationChannel 0 None).\n"
        "Hva det betyr: ePROM kunne ikke nå pasienten, selv om beslutningen valgte Helsenorge:"
        " pasienten ser ut til å ha mistet den kanalen etter at beslutningen ble tatt (eller"
        " kanalene ble oppgitt feil).\n"
        "Om statusen: Feilet: bestillingen kunne ikke sendes. Feilkoden sier hvorfor:"
        " PatientUnreachable (pasienten kunne ikke nås på noen kanal regelen tillater) eller"
        " SikkerDigitalPostError (leveringen til Digipost eller e-Boks feilet).\n"
        "Hva du gjør: Sjekk pasientens opplysninger i KRR og samtykket på Helsenorge, og bestill"
        " på nytt med en regel som når pasienten."
    )


def test_every_case_explains_itself_in_both_languages() -> None:
    """Every case of every verdict, for forms and messages: six lines, no placeholder left, the
    same verdict word in both languages."""
    decisions = [decide(rule, a) for rule in DistributionRule for a in Availability.all()]
    decisions += [decide_priority_list(["paper", "helsenorge"], a) for a in Availability.all()]
    explained = set()
    for decision in decisions:
        callbacks: list[Any] = (
            [
                MessageStatusCallback(message_to_citizen_id=ID, channel=c, status=s)
                for s in SentStatus
                for c in C
            ]
            if decision.rule is None
            else FORM_CALLBACKS
        )
        for callback in callbacks:
            result = reconcile(decision, callback)
            if result.case in explained:
                continue
            explained.add(result.case)
            for lang in ("nb", "en"):
                text = result.explain(lang=lang)
                assert len(text.splitlines()) == 6
                assert "{" not in text
                assert result.verdict.value in text.splitlines()[0]
    assert explained == set(_CASES)
    used = {f"meaning_{case}" for case in _CASES} | {todo for _, todo in _CASES.values()}
    assert {key for key in RECONCILE["en"] if key.startswith(("meaning_", "todo_"))} == used


def test_a_reconciliation_is_a_value() -> None:
    decision = decide("Basic", Availability(helsenorge=True))
    result = reconcile(decision, status_callback(S.ORDERED, E.NONE, C.HELSENORGE))
    assert result == Reconciliation(decision, status_callback(S.ORDERED, E.NONE, C.HELSENORGE))
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301  # our own value
    assert hash(result) == hash(Reconciliation(decision, result.callback))
    with pytest.raises(InvalidValueError, match="not a supported language"):
        result.explain(lang="de")  # type: ignore[arg-type]


# --- the timeline -------------------------------------------------------------------------------


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
        "Skjema 184738d0-3c39-e611-9c2a-34e6d72e03c7: FormOrderStatus 1 Expired (Utgått); kanal:"
        " Helsenorge.\n"
        "  2025-03-01 10:00:00 UTC  åpnet skjemaet\n"
        "  2025-03-02 10:00:00 UTC  så på 3 spørsmål (HealthGeneral … LastFourWeeksSocial)\n"
        "  2025-03-05 10:00:00 UTC  begynte å signere\n"
        "  2025-03-06 10:00:00 UTC  signeringen feilet\n"
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
        assert explain_timeline(callback, lang=lang).splitlines()[-1] == TIMELINE[lang][conclusion]


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
            "Form 184738d0-3c39-e611-9c2a-34e6d72e03c7: FormOrderStatus 0 Completed; the body"
            " does not say which channel ePROM used."
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
        explain_timeline(status_callback(S.ORDERED, E.NONE, C.NONE))  # type: ignore[arg-type]


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
        "QUESTION_ACCESSED_unnamed",
        "questions",
        "who_other",
        "filled_out_by_none",
        "never_opened",
        "opened_not_delivered",
    }, unused


# --- verify ---------------------------------------------------------------------------------------


def order_line(guid: str, decision: Decision) -> str:
    key = "formOrderId" if decision.rule is not None else "messageToCitizenId"
    return json.dumps({key: guid, "decision": decision.to_dict()})


def status_line(guid: str, status: str, channel: str, code: str = "None") -> str:
    return json.dumps(
        {
            "apiKey": "k",
            "formOrderId": guid,
            "notificationChannel": channel,
            "formOrderStatus": status,
            "formOrderStatusErrorCode": code,
        }
    )


GUIDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(10)]
BOTH = Availability.of("helsenorge", "digital_mailbox")


def test_verify_reports_what_needs_attention() -> None:
    orders = [
        order_line(GUIDS[0], decide("Basic", BOTH)),  # as predicted
        "",  # blank lines are skipped, and counted
        order_line(GUIDS[1], decide("Basic", BOTH)),  # fallback, then a duplicate
        order_line(GUIDS[2], decide("PaperOnly", BOTH)),  # reached outside the route
        order_line(GUIDS[3], decide("Basic", BOTH)),  # never called back
        order_line(GUIDS[4], decide_priority_list(["helsenorge"], BOTH)),  # a message, sent
        order_line(GUIDS[5], decide("Basic", Availability())),  # unreachable, as predicted
    ]
    callbacks = [
        status_line(GUIDS[0], "Ordered", "Helsenorge"),
        status_line(GUIDS[1], "Ordered", "DigitalMailbox"),
        status_line(GUIDS[2], "Ordered", "Helsenorge"),
        status_line(GUIDS[1], "Ordered", "DigitalMailbox"),
        "   ",
        status_line(GUIDS[9], "Ordered", "Helsenorge"),
        json.dumps({"messageToCitizenId": GUIDS[4], "notificationChannel": 1, "sentStatus": 0}),
        json.dumps({"messageToCitizenId": GUIDS[0], "notificationChannel": 1, "sentStatus": 0}),
        status_line(GUIDS[5], "Error", "None", "PatientUnreachable"),
        json.dumps({"formOrderId": GUIDS[0], "formOrderStatus": "Completed"}),  # no channel
    ]
    run = verify(orders, callbacks)
    assert iter(run) is run
    before = run.done
    anomalies = list(run)
    assert (before, run.done) == (False, True)
    assert [(a.kind, a.id, a.line, a.case) for a in anomalies] == [
        (Verdict.NOT_PERMITTED, GUIDS[2], 3, "outside_route"),
        (AnomalyKind.DUPLICATE, GUIDS[1], 4, None),
        (AnomalyKind.UNKNOWN_ORDER, GUIDS[9], 6, None),
        (AnomalyKind.UNKNOWN_ORDER, GUIDS[0], 8, None),  # a message callback for a form order
        (AnomalyKind.NO_CALLBACK, GUIDS[3], None, None),
    ]
    assert anomalies[0].to_dict() == {
        "id": GUIDS[2],
        "kind": "NOT_PERMITTED",
        "case": "outside_route",
        "line": 3,
        "status": "Ordered",
        "channel": "Helsenorge",
        "expected_status": "Error",
        "expected_channel": "None",
    }
    assert anomalies[2].expected_status is None
    assert anomalies[4].to_dict()["expected_status"] == "Ordered"
    assert {kind.value: n for kind, n in run.counts.items() if n} == {
        "AS_PREDICTED": 2,
        "FALLBACK": 1,
        "UNREACHABLE_AS_PREDICTED": 1,
        "NOT_PERMITTED": 1,
        "DUPLICATE": 1,
        "UNKNOWN_ORDER": 2,
        "NO_CALLBACK": 1,
    }
    assert run.orders == 6
    assert run.needs_attention
    assert list(run) == []  # an iterator, used up


def test_verify_with_nothing_amiss_needs_no_attention() -> None:
    run = verify(
        [{"formOrderId": GUIDS[0], "decision": decide("Basic", BOTH).to_dict()}],
        [status_line(GUIDS[0], "Ordered", "Helsenorge")],
    )
    assert list(run) == []
    assert not run.needs_attention


def _generated_orders(count: int) -> Iterator[str]:
    decisions = [decide(rule, a) for rule in DistributionRule for a in Availability.all()]
    for n in range(count):
        yield order_line(f"00000000-0000-4000-8000-{n:012d}", decisions[n % len(decisions)])


def _generated_callbacks(count: int) -> Iterator[str]:
    decisions = [decide(rule, a) for rule in DistributionRule for a in Availability.all()]
    for n in range(count):
        decision = decisions[n % len(decisions)]
        expected = expected_callbacks(decision)
        yield status_line(
            f"00000000-0000-4000-8000-{n:012d}",
            expected.status.api_name,
            expected.channel.api_name,
            expected.error_code.api_name,  # type: ignore[union-attr]  # a form order's
        )


def test_verify_streams_and_keeps_little_per_order() -> None:
    """A generated run of 3,000 orders: every callback as expected, nothing needs attention; the
    callbacks are read only as the run is iterated; per order the run keeps two ints."""
    count = 3000
    consumed = []

    def callbacks() -> Iterator[str]:
        for line in _generated_callbacks(count):
            consumed.append(1)
            yield line

    run = verify(_generated_orders(count), callbacks())
    assert consumed == []  # nothing read before the iteration
    assert list(run) == []
    assert len(consumed) == count
    assert sum(run.counts.values()) == count
    assert not run.needs_attention
    state = run._state
    assert len(state) == count
    assert all(type(k) is int and type(v) is int for k, v in state.items())
    assert len(run._decisions) == 9 * 16  # each distinct decision is kept once


@pytest.mark.parametrize(
    ("orders", "message"),
    [
        (["{"], "orders line 1: order is not valid JSON"),
        (["", "[]"], "orders line 2: order must be a JSON object, not list"),
        ([{"formOrderId": GUIDS[0]}], "orders line 1: order.decision is missing"),
        (
            [{"formOrderId": GUIDS[0], "decision": {}, "x": 1}],
            "orders line 1: order has unexpected keys",
        ),
        ([{"formOrderId": "x", "decision": {}}], "orders line 1: formOrderId is 'x', not a GUID"),
        (
            [{"formOrderId": GUIDS[0], "decision": {"rule": None}}],
            "orders line 1: decision.route is missing",
        ),
        (
            [
                {
                    "formOrderId": GUIDS[0],
                    "decision": decide_priority_list(["paper"], BOTH).to_dict(),
                }
            ],
            "orders line 1: formOrderId does not fit the decision",
        ),
        (
            [order_line(ID.upper(), decide("Basic", BOTH)), order_line(ID, decide("Basic", BOTH))],
            f"orders line 2: id '{ID}' is already on an earlier line",
        ),
    ],
)
def test_verify_refuses_bad_orders_naming_the_line(orders: list[Any], message: str) -> None:
    with pytest.raises(DistributionError) as caught:
        verify(orders, [])
    assert message in str(caught.value)
    assert caught.value.message("nb").startswith("orders linje")


def test_verify_refuses_a_bad_callback_naming_the_line() -> None:
    run = verify(
        [order_line(GUIDS[0], decide("Basic", BOTH))],
        ["", '{"formOrderId": 5}'],
        callbacks_name="cb.jsonl",
    )
    with pytest.raises(DistributionError) as caught:
        list(run)
    assert str(caught.value).startswith("cb.jsonl line 2: ")
    assert pickle.loads(pickle.dumps(caught.value)).message("nb").startswith("cb.jsonl linje 2: ")  # noqa: S301  # our own value


def test_verify_reads_each_distinct_decision_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines of the usual shape with a decision text read before skip the parsing; any other
    line (a mapping, other spacing, an id that is no GUID) is read in full."""
    calls: list[object] = []
    real = Decision.from_dict

    def counting(payload: Any) -> Decision:
        calls.append(payload)
        return real(payload)

    monkeypatch.setattr(Decision, "from_dict", counting)
    decision = decide("Basic", BOTH)
    lines = [order_line(g, decision) for g in GUIDS[:3]]
    spaced = json.dumps({"formOrderId": GUIDS[3], "decision": decision.to_dict()}, indent=1)
    run = verify([*lines, {"formOrderId": GUIDS[4], "decision": decision.to_dict()}, spaced], [])
    assert len(calls) == 3  # the first line, the mapping, the other spacing
    assert len(run._decisions) == 1
    assert [a.kind for a in run] == [AnomalyKind.NO_CALLBACK] * 5
    not_a_guid = order_line("-" * 36, decision)
    with pytest.raises(InvalidValueError, match="orders line 2: formOrderId is"):
        verify([lines[0], not_a_guid], [])


def test_verify_is_right_with_the_cache_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconciliation, "_CACHED_DECISIONS", 0)
    decision = decide("Basic", BOTH)
    run = verify([order_line(g, decision) for g in GUIDS[:3]], [])
    assert len(list(run)) == 3


def test_an_anomaly_checks_its_fields() -> None:
    with pytest.raises(InvalidTypeError):
        Anomaly(id=ID, kind="DUPLICATE")  # type: ignore[arg-type]
    assert Anomaly(id=ID, kind=AnomalyKind.DUPLICATE).to_dict()["status"] is None


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("Basic", "ePROM uses Helsenorge, or else secure digital mailbox (Digipost/e-Boks);"),
        (
            "AllowUnsecureOrPaper",
            (
                "ePROM uses Helsenorge, or else secure digital mailbox (Digipost/e-Boks), then"
                " SMS or e-mail (contact details from KRR) and last paper letter;"
            ),
        ),
    ],
)
def test_fallbacks_are_said_in_order_never_as_a_bare_list(rule: str, expected: str) -> None:
    everywhere = Availability.of("helsenorge", "digital_mailbox", "krr_contact", "paper")
    callback = status_callback(S.ORDERED, E.NONE, C.HELSENORGE)
    assert expected in reconcile(decide(rule, everywhere), callback).explain()
    nb = reconcile(decide("AllowUnsecureOrPaper", everywhere), callback).explain(lang="nb")
    assert (
        "ellers sikker digital postkasse (Digipost/e-Boks), deretter SMS eller e-post"
        " (kontaktinformasjon fra KRR) og til sist papirbrev;" in nb
    )
