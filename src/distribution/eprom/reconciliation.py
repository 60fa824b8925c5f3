"""Judging one callback against the decision it answers: the verdict table and its judge.

Rule 1: every verdict comes from one literal table, :data:`CASES`, and one small judge,
:func:`judge`, written from the verdict table below; nothing else decides a verdict (a whole
run, :mod:`distribution.eprom.verification`, asks the same judge, and :func:`judge_response`,
for the channel in ePROM's answer to the request, asks its channel rows). The words, keyed by the
cases, are :func:`~distribution.explain_reconciliation`'s.

x is the callback's channel; the decision has route R, chain C, channel C[0] (or none) and
outcome O. In the order the judge asks (``docs/callbacks.md`` has the same table):

- Error (or SentStatus Error) under NoDistribution: ``INCONSISTENT`` (a choice).
- Error + SikkerDigitalPostError: ``DELIVERY_FAILED`` (a choice).
- Error + PatientUnreachable (or no error code, a choice), or SentStatus Error: x is not None:
  ``INCONSISTENT``; else O is UNREACHABLE: ``UNREACHABLE_AS_PREDICTED``; O is NOTIFIED:
  ``AVAILABILITY_CHANGED`` (the patient was lost since the decision).
- Any other status with an error code other than None: ``INCONSISTENT``.
- DigipostDelivered with x not DigitalMailbox, PhysicalMailReturned with x not PhysicalMailbox:
  ``INCONSISTENT``.
- Then by channel (Ordered, Sent, Completed, Expired, and the two above): x is the decision's
  channel (x = None when O is NOT_DISTRIBUTED): ``AS_PREDICTED``; x a later link of C:
  ``FALLBACK``; x in R but not in C: ``AVAILABILITY_CHANGED``; x not in R (None under a rule that
  notifies, or any channel under NoDistribution): ``NOT_PERMITTED``.

The three choices are where the guide is silent; ``docs/sources.md`` ("Choices where the sources
are silent") gives the reasons. Expected verdicts are ``AS_PREDICTED``, ``FALLBACK`` and
``UNREACHABLE_AS_PREDICTED``; the others need attention.

>>> from distribution import Availability, decide
>>> from distribution.eprom.callbacks import read_callback
>>> decision = decide("Basic", Availability(helsenorge=True, digital_mailbox=True))
>>> callback = read_callback({"formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
...     "notificationChannel": "DigitalMailbox", "formOrderStatus": "Ordered"})
>>> reconcile(decision, callback).verdict
<Verdict.FALLBACK: 'FALLBACK'>
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution._errors import InvalidValueError, exactly, wrong_type
from distribution._evidence import Stand, evidence
from distribution.codes import (
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)
from distribution.engine import Decision, Outcome
from distribution.eprom.callbacks import (
    Callback,
    FormOrderStatusCallback,
    FormReturnCallback,
    MessageStatusCallback,
)
from distribution.eprom.responses import FormOrderResponse, MessageResponse

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CASES",
    "ExpectedCallbacks",
    "Reconciliation",
    "Response",
    "ResponseReconciliation",
    "Status",
    "Verdict",
    "VerdictCase",
    "error_code_of",
    "expected_callbacks",
    "judge",
    "judge_response",
    "reconcile",
    "reconcile_response",
]

_C = NotificationChannel
_S = FormOrderStatus
_NONE = NotificationChannel.NONE
_SDP_ERROR = FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR


class Verdict(enum.Enum):
    """What ePROM did, judged against the decision. Values are stable identifiers."""

    AS_PREDICTED = "AS_PREDICTED"
    """ePROM used the decision's channel (or, under NoDistribution, sent nothing)."""
    FALLBACK = "FALLBACK"
    """ePROM used a later channel of the decision's fallback chain."""
    UNREACHABLE_AS_PREDICTED = "UNREACHABLE_AS_PREDICTED"
    """ePROM could not reach the patient, and the decision said so."""
    AVAILABILITY_CHANGED = "AVAILABILITY_CHANGED"
    """The patient's channels have changed since the decision (gained or lost one)."""
    NOT_PERMITTED = "NOT_PERMITTED"
    """ePROM used a channel the rule does not permit (or none, where the rule notifies)."""
    INCONSISTENT = "INCONSISTENT"
    """The callback contradicts itself, or the decision in a way no availability explains."""
    DELIVERY_FAILED = "DELIVERY_FAILED"
    """Sending by secure digital post failed (SikkerDigitalPostError): a failure, not a fact."""

    @property
    def expected(self) -> bool:
        """Whether nothing needs doing: the verdict is one of the three expected ones."""
        return self in _EXPECTED


class VerdictCase(enum.StrEnum):
    """The finer case behind a :class:`Verdict` (:func:`judge`); values are stable identifiers.

    A ``StrEnum``, so that a member still equals the text it was before it was an enum
    (``result.case == "lost_since"``). ``docs/callbacks.md`` has the table of cases.
    """

    AS_PREDICTED = "as_predicted"
    NO_DISTRIBUTION = "no_distribution"
    FALLBACK = "fallback"
    UNREACHABLE = "unreachable"
    REACHED_ELSEWHERE = "reached_elsewhere"
    LOST_SINCE = "lost_since"
    OUTSIDE_ROUTE = "outside_route"
    SILENT = "silent"
    SENT_WITHOUT_DISTRIBUTION = "sent_without_distribution"
    ERROR_WITH_CHANNEL = "error_with_channel"
    ORDERED_WITH_ERROR_CODE = "ordered_with_error_code"
    DIGIPOST_ELSEWHERE = "digipost_elsewhere"
    RETURNED_ELSEWHERE = "returned_elsewhere"
    ERROR_WITHOUT_DISTRIBUTION = "error_without_distribution"
    DELIVERY_FAILED = "delivery_failed"


_EXPECTED: Final = frozenset(
    {Verdict.AS_PREDICTED, Verdict.FALLBACK, Verdict.UNREACHABLE_AS_PREDICTED}
)
_V = Verdict

_K = VerdictCase

CASES: Final[Mapping[VerdictCase, Verdict]] = MappingProxyType(
    {
        # case: verdict. What each case means and what to do about it are words, said by
        # distribution.presentation.reconciliation.
        _K.AS_PREDICTED: _V.AS_PREDICTED,
        _K.NO_DISTRIBUTION: _V.AS_PREDICTED,
        _K.FALLBACK: _V.FALLBACK,
        _K.UNREACHABLE: _V.UNREACHABLE_AS_PREDICTED,
        _K.REACHED_ELSEWHERE: _V.AVAILABILITY_CHANGED,
        _K.LOST_SINCE: _V.AVAILABILITY_CHANGED,
        _K.OUTSIDE_ROUTE: _V.NOT_PERMITTED,
        _K.SILENT: _V.NOT_PERMITTED,
        _K.SENT_WITHOUT_DISTRIBUTION: _V.NOT_PERMITTED,
        _K.ERROR_WITH_CHANNEL: _V.INCONSISTENT,
        _K.ORDERED_WITH_ERROR_CODE: _V.INCONSISTENT,
        _K.DIGIPOST_ELSEWHERE: _V.INCONSISTENT,
        _K.RETURNED_ELSEWHERE: _V.INCONSISTENT,
        _K.ERROR_WITHOUT_DISTRIBUTION: _V.INCONSISTENT,
        _K.DELIVERY_FAILED: _V.DELIVERY_FAILED,
    }
)
"""Every finer case a callback can fall in (:func:`judge`), and its verdict."""

# A status that may only come with one channel (the table's DigipostDelivered and
# PhysicalMailReturned rows), and the case when it comes with another.
_CHANNEL_OF_STATUS: Final[Mapping[object, tuple[NotificationChannel, VerdictCase]]] = {
    _S.DIGIPOST_DELIVERED: (_C.DIGITAL_MAILBOX, _K.DIGIPOST_ELSEWHERE),
    _S.PHYSICAL_MAIL_RETURNED: (_C.PHYSICAL_MAILBOX, _K.RETURNED_ELSEWHERE),
}
_FAILED: Final = frozenset({FormOrderStatus.ERROR, SentStatus.ERROR})

Status = FormOrderStatus | SentStatus
"""A status callback's status: a form order's, or a message's."""


def judge(
    decision: Decision,
    status: Status,
    error_code: FormOrderStatusErrorCode | None,
    channel: NotificationChannel,
) -> VerdictCase:
    """Return the :class:`VerdictCase` (a key of :data:`CASES`) of a callback for *decision*.

    *status*, *error_code* and *channel* (x) are the callback's; the judge asks the table at the
    top of this module row by row.
    """
    if status in _FAILED:
        return _failed_case(decision, error_code, channel)
    if error_code is not None and error_code is not FormOrderStatusErrorCode.NONE:
        return _K.ORDERED_WITH_ERROR_CODE
    only = _CHANNEL_OF_STATUS.get(status)
    if only is not None and channel is not only[0]:
        return only[1]
    return _by_channel(decision, channel)


def _failed_case(
    decision: Decision, error_code: FormOrderStatusErrorCode | None, channel: NotificationChannel
) -> VerdictCase:
    if not decision.route:
        return _K.ERROR_WITHOUT_DISTRIBUTION  # choice: NoDistribution sends nothing to fail
    if error_code is _SDP_ERROR:
        return _K.DELIVERY_FAILED  # choice: a failure in the sending, whatever x says
    if channel is not _NONE:
        return _K.ERROR_WITH_CHANNEL
    # PatientUnreachable, or no code at all (the guide: "the only reason" for Error).
    return _K.UNREACHABLE if decision.outcome is Outcome.UNREACHABLE else _K.LOST_SINCE


def _by_channel(decision: Decision, channel: NotificationChannel) -> VerdictCase:
    if not decision.route:
        return _K.NO_DISTRIBUTION if channel is _NONE else _K.SENT_WITHOUT_DISTRIBUTION
    if channel is _NONE:
        return _K.SILENT
    if channel is decision.channel:
        return _K.AS_PREDICTED
    if channel in decision.fallbacks:
        return _K.FALLBACK
    if channel in decision.route:
        return _K.REACHED_ELSEWHERE
    return _K.OUTSIDE_ROUTE


# --- what a decision expects ------------------------------------------------------------------


@final
@attrs.frozen
class ExpectedCallbacks:
    """What ePROM should send back for a decision, as data (:func:`expected_callbacks`).

    Attributes:
        status: the status callback's status: ``ORDERED`` or ``ERROR`` for a form order,
            ``SENT`` or ``ERROR`` for a message.
        error_code: the status callback's error code (``PATIENT_UNREACHABLE`` with ``ERROR``,
            else ``NONE``); ``None`` for a message, whose callback has none.
        channel: the status callback's ``notificationChannel``: the decision's channel, ``NONE``
            when nothing is sent.
        fallbacks: channels ePROM may use instead (each is a ``FALLBACK``, not a surprise).
        then: the statuses that may follow in the returned form: ``COMPLETED`` or ``EXPIRED``
            after ``ORDERED``; none for a message or after ``ERROR``.
        single_use_code: whether the order response carries ``singleUseCode`` (NoDistribution).
    """

    status: Status
    error_code: FormOrderStatusErrorCode | None
    channel: NotificationChannel
    fallbacks: tuple[NotificationChannel, ...]
    then: tuple[FormOrderStatus, ...]
    single_use_code: bool


def expected_callbacks(decision: Decision) -> ExpectedCallbacks:
    """Return what ePROM should send back for *decision* (``docs/sources.md`` §2 and §8).

    >>> from distribution import Availability, decide
    >>> expected = expected_callbacks(decide("Basic", Availability(paper=True)))
    >>> expected.status, expected.error_code, expected.channel
    (<FormOrderStatus.ERROR: 3>, <FormOrderStatusErrorCode.PATIENT_UNREACHABLE: 1>,
     <NotificationChannel.NONE: 0>)
    """
    if type(decision) is not Decision:
        raise wrong_type(evidence(decision), field="decision", expected="a Decision")
    reached = decision.outcome is not Outcome.UNREACHABLE
    if decision.rule is None:
        return ExpectedCallbacks(
            status=SentStatus.SENT if reached else SentStatus.ERROR,
            error_code=None,
            channel=decision.channel,
            fallbacks=decision.fallbacks,
            then=(),
            single_use_code=False,
        )
    return ExpectedCallbacks(
        status=_S.ORDERED if reached else _S.ERROR,
        error_code=(
            FormOrderStatusErrorCode.NONE
            if reached
            else FormOrderStatusErrorCode.PATIENT_UNREACHABLE
        ),
        channel=decision.channel,
        fallbacks=decision.fallbacks,
        then=(_S.COMPLETED, _S.EXPIRED) if reached else (),
        single_use_code=decision.outcome is Outcome.NOT_DISTRIBUTED,
    )


# --- one callback -----------------------------------------------------------------------------


def error_code_of(callback: Callback) -> FormOrderStatusErrorCode | None:
    """Return a status callback's error code; ``None`` for the callbacks that carry none."""
    return callback.error_code if type(callback) is FormOrderStatusCallback else None


@final
@attrs.frozen
class Reconciliation:
    """A callback judged against the decision it answers: build it with :func:`reconcile`.

    A rule's decision takes a form order's callback (status or returned form), a priority list's
    decision a message's callback; a returned form that does not name its channel cannot be
    judged. Each is refused with :class:`~distribution.errors.InvalidValueError`. In words, for
    support staff: :func:`~distribution.explain_reconciliation`.

    Attributes:
        decision: the :class:`~distribution.engine.Decision`.
        callback: the callback (:data:`~distribution.eprom.callbacks.Callback`).
        verdict: the :class:`Verdict`.
        case: the finer :class:`VerdictCase` behind the verdict (``VerdictCase.FALLBACK``,
            ``VerdictCase.LOST_SINCE``, …; ``docs/callbacks.md`` lists them). It was a ``str``; as a
            ``StrEnum`` it still equals that text.
    """

    decision: Decision = attrs.field(validator=exactly(Decision))
    callback: Callback = attrs.field(
        validator=exactly(FormOrderStatusCallback, FormReturnCallback, MessageStatusCallback)
    )
    verdict: Verdict = attrs.field(init=False)
    case: VerdictCase = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        callback, decision = self.callback, self.decision
        name = Stand(type(callback).__name__)  # shown as the class name, without quotes
        if decision.rule is None and type(callback) is not MessageStatusCallback:
            raise InvalidValueError("message_callback_wanted", value=name, field="callback")
        if decision.rule is not None and type(callback) is MessageStatusCallback:
            raise InvalidValueError("order_callback_wanted", value=name, field="callback")
        if callback.channel is None:
            raise InvalidValueError("no_channel", value=None, field="callback")
        case = judge(decision, callback.status, error_code_of(callback), callback.channel)
        object.__setattr__(self, "case", case)
        object.__setattr__(self, "verdict", CASES[case])


def reconcile(decision: Decision, callback: Callback) -> Reconciliation:
    """Judge *callback* against *decision*; see the table at the top of this module.

    >>> from distribution import Availability, decide_priority_list
    >>> from distribution.eprom.callbacks import read_callback
    >>> message = decide_priority_list(["helsenorge"], Availability(helsenorge=True))
    >>> result = reconcile(message, read_callback({"messageToCitizenId":
    ...     "184738d0-3c39-e611-9c2a-34e6d72e03c7", "notificationChannel": 0, "sentStatus": 1}))
    >>> result.verdict, result.case
    (<Verdict.AVAILABILITY_CHANGED: 'AVAILABILITY_CHANGED'>, <VerdictCase.LOST_SINCE: 'lost_since'>)
    """
    return Reconciliation(decision, callback)


# --- the answer to the request ----------------------------------------------------------------


def judge_response(decision: Decision, channel: NotificationChannel) -> VerdictCase:
    """Return the :class:`VerdictCase` of a response's channel for *decision*.

    The order response's channel is ePROM's *preferred* one (the one it will try first), the
    message response's the one it used; ``NONE`` means nobody to send to. So ``NONE`` under a
    rule that notifies is the patient unreachable (``UNREACHABLE`` if the decision said so,
    else ``LOST_SINCE``), not a silent callback; every other channel is judged as a callback's.
    """
    if decision.route and channel is _NONE:
        return _K.UNREACHABLE if decision.outcome is Outcome.UNREACHABLE else _K.LOST_SINCE
    return _by_channel(decision, channel)


Response = FormOrderResponse | MessageResponse
"""ePROM's answer to an order or a message, which names a channel before any callback."""


@final
@attrs.frozen
class ResponseReconciliation:
    """The channel in ePROM's answer judged against the decision (:func:`reconcile_response`).

    The answer to an order comes at once and names ePROM's *preferred* channel, which ePROM
    chose from its own KRR lookup; the channel actually used comes later, in the callback. A
    system that cannot look up KRR itself (a registry without KRR access, which decides from
    what it knows) learns here, before any callback, whether ePROM sees the patient as the
    decision did: ``AS_PREDICTED`` or ``FALLBACK`` is as expected; ``AVAILABILITY_CHANGED`` and
    ``NOT_PERMITTED`` are worth a look before the callback confirms them.

    A rule's decision takes a :class:`~distribution.eprom.responses.FormOrderResponse`, a
    priority list's decision a :class:`~distribution.eprom.responses.MessageResponse`; the other
    is refused with :class:`~distribution.errors.InvalidValueError`. An order response whose
    ``id`` is all zeros (:attr:`~distribution.eprom.responses.FormOrderResponse.created` false:
    the national ID does not exist) names ``NONE``, judged as an unreachable patient.

    Attributes:
        decision: the :class:`~distribution.engine.Decision`.
        response: the response.
        verdict: the :class:`Verdict`, from :data:`CASES` as a callback's.
        case: the finer :class:`VerdictCase` (:func:`judge_response`).
    """

    decision: Decision = attrs.field(validator=exactly(Decision))
    response: Response = attrs.field(validator=exactly(FormOrderResponse, MessageResponse))
    verdict: Verdict = attrs.field(init=False)
    case: VerdictCase = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        response, decision = self.response, self.decision
        name = Stand(type(response).__name__)  # shown as the class name, without quotes
        if decision.rule is None and type(response) is not MessageResponse:
            raise InvalidValueError("message_response_wanted", value=name, field="response")
        if decision.rule is not None and type(response) is MessageResponse:
            raise InvalidValueError("order_response_wanted", value=name, field="response")
        case = judge_response(decision, response.channel)
        object.__setattr__(self, "case", case)
        object.__setattr__(self, "verdict", CASES[case])


def reconcile_response(decision: Decision, response: Response) -> ResponseReconciliation:
    """Judge the channel in ePROM's answer (*response*) against *decision*.

    >>> from distribution import Availability, decide
    >>> from distribution.eprom.responses import FormOrderResponse
    >>> decision = decide("BasicOrPaper", Availability(helsenorge=True, paper=True))
    >>> response = FormOrderResponse.from_dict({"id": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
    ...     "notificationChannel": "PhysicalMailbox"})
    >>> result = reconcile_response(decision, response)
    >>> result.verdict, result.case
    (<Verdict.FALLBACK: 'FALLBACK'>, <VerdictCase.FALLBACK: 'fallback'>)
    """
    return ResponseReconciliation(decision, response)
