"""Judging what ePROM did against the decision: every case of the verdict table against a model
written here from the table, pinned explanations, the event-log timeline, and verify()."""

from __future__ import annotations

import itertools
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    Availability,
    Decision,
    DistributionError,
    DistributionRule,
    FormOrderResponse,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    InvalidTypeError,
    InvalidValueError,
    MessageResponse,
    NotificationChannel,
    ResponseReconciliation,
    SentStatus,
    VerdictCase,
    decide,
    decide_priority_list,
    explain_decision,
    reconcile_response,
)
from distribution.eprom.callbacks import (
    Callback,
    FormOrderStatusCallback,
    FormReturnCallback,
    MessageStatusCallback,
    read_callback,
)
from distribution.eprom.reconciliation import (
    CASES,
    ExpectedCallbacks,
    Reconciliation,
    Verdict,
    expected_callbacks,
    reconcile,
)
from tests.helpers.guide import LETTER_OF_CHANNEL, LETTER_OF_FLAG, ROUTE
from tests.strategies import availabilities, code_spellings, guids, priority_lists, rules

C = NotificationChannel
S = FormOrderStatus
E = FormOrderStatusErrorCode
ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
EXAMPLES = Path(__file__).parents[1] / "data" / "eprom"

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
    assert seen == set(CASES)


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
                if line.startswith(("What ePROM", "Dette melder", "ePROM svarer", "ePROM answers"))
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


def test_a_reconciliation_is_a_value() -> None:
    decision = decide("Basic", Availability(helsenorge=True))
    result = reconcile(decision, status_callback(S.ORDERED, E.NONE, C.HELSENORGE))
    assert result == Reconciliation(decision, status_callback(S.ORDERED, E.NONE, C.HELSENORGE))
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301  # our own value
    assert hash(result) == hash(Reconciliation(decision, result.callback))


# --- the answer to the request: the preferred channel, judged before any callback -------------
# Expected cases written by hand from the response's meaning (the preferred channel; NONE when
# there is nobody to send to), not computed by the judge under test.

NIL = "00000000-0000-0000-0000-000000000000"
# BasicOrPaper for a patient on Helsenorge with a postal address: Helsenorge, then paper.
BASIC_OR_PAPER = decide("BasicOrPaper", Availability(helsenorge=True, paper=True))


def order_response(channel: str, order_id: str = ID) -> FormOrderResponse:
    return FormOrderResponse.from_dict({"id": order_id, "notificationChannel": channel})


@pytest.mark.parametrize(
    ("channel", "verdict", "case"),
    [
        ("Helsenorge", Verdict.AS_PREDICTED, VerdictCase.AS_PREDICTED),
        # A later link of the decision's chain: the fallback the decision allowed for.
        ("PhysicalMailbox", Verdict.FALLBACK, VerdictCase.FALLBACK),
        # In the rule's route, not in this patient's chain: ePROM's KRR knows otherwise.
        ("DigitalMailbox", Verdict.AVAILABILITY_CHANGED, VerdictCase.REACHED_ELSEWHERE),
        # Nobody to send to, though the decision reached the patient: lost since.
        ("None", Verdict.AVAILABILITY_CHANGED, VerdictCase.LOST_SINCE),
        # e-mail/SMS is not in BasicOrPaper's route at all.
        ("Unsecure", Verdict.NOT_PERMITTED, VerdictCase.OUTSIDE_ROUTE),
    ],
)
def test_the_preferred_channel_is_judged_against_the_decision(
    channel: str, verdict: Verdict, case: VerdictCase
) -> None:
    result = reconcile_response(BASIC_OR_PAPER, order_response(channel))
    assert (result.verdict, result.case) == (verdict, case)
    assert result.decision is BASIC_OR_PAPER
    assert result.response == order_response(channel)


def test_no_channel_is_as_predicted_for_a_patient_the_decision_could_not_reach() -> None:
    unreachable = decide("Basic", Availability())
    result = reconcile_response(unreachable, order_response("None"))
    assert (result.verdict, result.case) == (
        Verdict.UNREACHABLE_AS_PREDICTED,
        VerdictCase.UNREACHABLE,
    )
    # A national ID ePROM does not know: no order, no channel; the same case.
    assert reconcile_response(unreachable, order_response("None", NIL)).case is (
        VerdictCase.UNREACHABLE
    )
    # Reached on Helsenorge after all: the patient's channels changed since the decision.
    assert reconcile_response(unreachable, order_response("Helsenorge")).case is (
        VerdictCase.REACHED_ELSEWHERE
    )


def test_no_distribution_expects_no_channel() -> None:
    decision = decide("NoDistribution", Availability(helsenorge=True))
    assert reconcile_response(decision, order_response("None")).verdict is Verdict.AS_PREDICTED
    assert reconcile_response(decision, order_response("None")).case is (
        VerdictCase.NO_DISTRIBUTION
    )
    sent = reconcile_response(decision, order_response("Helsenorge"))
    assert (sent.verdict, sent.case) == (
        Verdict.NOT_PERMITTED,
        VerdictCase.SENT_WITHOUT_DISTRIBUTION,
    )


def test_a_message_response_is_judged_against_a_priority_lists_decision() -> None:
    decision = decide_priority_list(["helsenorge", "paper"], Availability(paper=True))
    sent = MessageResponse.from_dict({"messageToCitizenId": ID, "notificationChannel": 4})
    assert reconcile_response(decision, sent).verdict is Verdict.AS_PREDICTED
    nothing = MessageResponse.from_dict({"notificationChannel": "0"})
    assert reconcile_response(decision, nothing).case is VerdictCase.LOST_SINCE


def test_a_response_of_the_other_kind_or_type_is_refused() -> None:
    message = decide_priority_list(["helsenorge"], Availability(helsenorge=True))
    with pytest.raises(InvalidValueError) as caught:
        reconcile_response(message, order_response("Helsenorge"))
    assert str(caught.value) == (
        "response is a FormOrderResponse, but a priority list's decision is checked against"
        " ePROM's answer to a message (MessageResponse)"
    )
    answer = MessageResponse.from_dict({"messageToCitizenId": ID, "notificationChannel": 1})
    with pytest.raises(InvalidValueError, match=r"answer to a form order \(FormOrderResponse\)"):
        reconcile_response(BASIC_OR_PAPER, answer)
    with pytest.raises(InvalidTypeError, match="must be FormOrderResponse or MessageResponse"):
        reconcile_response(BASIC_OR_PAPER, {"id": ID})  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        ResponseReconciliation("Basic", order_response("None"))  # type: ignore[arg-type]
