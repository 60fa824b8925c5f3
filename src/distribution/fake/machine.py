"""A fake ePROM as a state machine: requests in, answers and scheduled callbacks out, no I/O.

Rule 1: everything the fake decides lives here: whether it takes an order, which id and code it
gives, which callbacks fall due when. It has no sockets and no clock of its own: the caller
passes each request's body, its ``Authorization`` header and the current time (``at``), and asks
which callbacks are due at a time it chooses. Given the same seed and the same calls it answers
the same, byte for byte, so a test can pin what it sends. :mod:`distribution.http.server` puts
it on a socket.

>>> import json
>>> from datetime import datetime, timezone
>>> fake = FakeEprom({"26670271527": {"helsenorge": True}}, api_key="s3cret", seed=1)
>>> now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
>>> reply = fake.order('''{"formId": "1bc5f9f0-2607-49eb-94f0-6af955bbd79a",
...     "nationalId": "26670271527", "expiryDate": "2026-03-16T00:00:00Z"}''',
...     "Basic s3cret", at=now)
>>> reply.status, reply.channel
(200, <NotificationChannel.HELSENORGE: 1>)
>>> for due, path, body in fake.due(now + Timing().answer):
...     print(due.time(), path, json.loads(body)["formOrderStatus"])
09:00:00 /api/PromsFormOrder Ordered
09:00:02 /api/PromsFormOrder Completed
>>> fake.order("{}", "Basic guess", at=now).body
"apiKey '<hidden>' doesn't exists"
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import json
import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final, NamedTuple, final

import attrs

from distribution import (
    Decision,
    DistributionRule,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    InvalidValueError,
    NotificationChannel,
    Outcome,
    SentStatus,
    decide,
    decide_priority_list,
)
from distribution._errors import Expected, exactly, wrong_type
from distribution.fake import _bodies
from distribution.fake._requests import (
    BAD_GATEWAY,
    GATEWAY_TIMEOUT,
    UNKNOWN_API_KEY,
    BadRequest,
    FormSettings,
    Order,
    body_object,
    read_message,
    read_order,
)
from distribution.fake.directory import PatientDirectory
from distribution.fake.scenarios import Scenario, parse_scenarios

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["FakeEprom", "Reply", "ScheduledCallback", "Timing"]

ORDER_CALLBACK_PATH: Final = "/api/PromsFormOrder"
MESSAGE_CALLBACK_PATH: Final = "/api/MessageToCitizen"
JSON: Final = "application/json; charset=utf-8"
TEXT: Final = "text/plain; charset=utf-8"
DEFAULT_LOGIN_URL: Final = "https://fake-eprom.invalid/Proms/"
# The questions of the guide's returned-form example; the fake's patients answer three of them.
_QUESTIONS: Final = ("HealthGeneral", "LastFourWeeksPain", "LastFourWeeksSocial")
_CODE_LETTERS: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone

_S = Scenario
_C = NotificationChannel


def _not_negative(instance: object, attribute: attrs.Attribute[timedelta], value: object) -> None:
    exactly(timedelta)(instance, attribute, value)
    if value < timedelta(0):  # type: ignore[operator]  # checked to be a timedelta just above
        raise InvalidValueError(
            "out_of_range",
            value=str(value),
            field=f"Timing.{attribute.name}",
            choices="0 seconds or more",
        )


@final
@attrs.frozen(kw_only=True)
class Timing:
    """When the fake's callbacks fall due, counted from the order.

    Attributes:
        status: the status callback (``Ordered``, ``Error``; a message's ``SentStatus``).
        delivery: ``DigipostDelivered`` or ``PhysicalMailReturned``, when planted.
        answer: the completed form; an order whose expiry comes first expires instead.
        late: the status callback of an order with :attr:`Scenario.LATE_CALLBACK`.
    """

    status: timedelta = attrs.field(default=timedelta(0), validator=_not_negative)
    delivery: timedelta = attrs.field(default=timedelta(seconds=1), validator=_not_negative)
    answer: timedelta = attrs.field(default=timedelta(seconds=2), validator=_not_negative)
    late: timedelta = attrs.field(default=timedelta(hours=1), validator=_not_negative)


class ScheduledCallback(NamedTuple):
    """A callback ePROM will send: when, to which path under the callback base, and the body."""

    due: datetime
    path: str
    body: str


@final
@attrs.frozen(kw_only=True)
class Reply:
    """What ePROM answers a request.

    Attributes:
        status: the HTTP status: 200, 400 (``BadRequest``), 502 or 504.
        body: the JSON answer, or the plain text of a refusal.
        content_type: the body's media type.
        id: the order's or message's id; ``None`` when none was made.
        channel: the preferred channel of an order, the channel of a message; ``None`` when
            refused.
        record: the line :func:`~distribution.verify` reads for this order or message, or
            ``None`` when none was made.
    """

    status: int
    body: str = attrs.field(repr=False)
    content_type: str = JSON
    id: str | None = None
    channel: NotificationChannel | None = None
    record: str | None = attrs.field(default=None, repr=False)


def _refused(text: str, status: int = 400) -> Reply:
    return Reply(status=status, body=text, content_type=TEXT)


def _record(kind: str, guid: str, decision: Decision) -> str:
    return json.dumps({kind: guid, "decision": decision.to_dict()})


def _api_key(value: object) -> str:
    if type(value) is not str:
        raise wrong_type(value, field="api_key", expected="a string", secret=True)
    if not value:
        raise InvalidValueError("empty_key", value=None, field="api_key")
    return value


def _forms(value: Mapping[str, FormSettings] | None) -> dict[str, FormSettings] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise wrong_type(value, field="forms", expected="an object")
    for settings in value.values():
        if type(settings) is not FormSettings:
            raise wrong_type(settings, field="forms", expected="an object")
    return {form_id.lower(): settings for form_id, settings in value.items()}


@final
class FakeEprom:
    """ePROM's v2 ordering API and its callbacks, with a patient directory as its population.

    Args:
        patients: a :class:`~distribution.fake.directory.PatientDirectory`, or what its
            ``from_json`` reads.
        api_key: the ordering system's apiKey: orders must carry it as ``Authorization: Basic
            <apiKey>`` (the key as it is, as ePROM's v2 takes it), and callbacks carry it in
            their body. Never shown.
        seed: makes the ids, one-time codes and answers; the same seed gives the same run.
        timing: when callbacks fall due (:class:`Timing`).
        forms: ePROM's form catalogue, form id → :class:`FormSettings`; ``None``: every form
            exists, is published and paper enabled.
        numeric_codes: write codes in callbacks as numbers (``"notificationChannel": 1``), as
            the guide's later examples do, instead of names.
        login_url: the ``loginUrl`` of every order.
        research: the ordering system is marked as research (for patient facts).

    Not thread-safe: a server holds a lock around it.
    """

    __slots__ = (
        "_api_key",
        "_forms",
        "_login_url",
        "_made",
        "_numeric",
        "_patients",
        "_queue",
        "_seed",
        "_sequence",
        "_timing",
    )

    def __init__(  # noqa: PLR0913  # every knob of the fake, keyword-only
        self,
        patients: PatientDirectory | Mapping[str, object] | str | bytes,
        *,
        api_key: str,
        seed: int = 0,
        timing: Timing | None = None,
        forms: Mapping[str, FormSettings] | None = None,
        numeric_codes: bool = False,
        login_url: str = DEFAULT_LOGIN_URL,
        research: bool = False,
    ) -> None:
        self._patients = (
            patients
            if type(patients) is PatientDirectory
            else PatientDirectory.from_json(patients, research=research)
        )
        self._api_key = _api_key(api_key)
        if type(seed) is not int:
            raise wrong_type(seed, field="seed", expected="an integer")
        self._seed = seed
        self._timing = Timing() if timing is None else timing
        if type(self._timing) is not Timing:
            raise wrong_type(timing, field="timing", expected=Expected(types=(Timing,)))
        self._forms = _forms(forms)
        for name, flag in (("numeric_codes", numeric_codes), ("research", research)):
            if type(flag) is not bool:
                raise wrong_type(flag, field=name, expected="true, false or null")
        self._numeric = numeric_codes
        if type(login_url) is not str:
            raise wrong_type(login_url, field="login_url", expected="a string")
        self._login_url = login_url
        self._queue: list[tuple[datetime, int, ScheduledCallback]] = []
        self._sequence = 0
        self._made = 0

    def __repr__(self) -> str:
        return f"FakeEprom({self._patients!r}, pending={len(self._queue)})"

    # --- what the caller asks -------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """The number of callbacks scheduled and not yet taken by :meth:`due`."""
        return len(self._queue)

    @property
    def next_due(self) -> datetime | None:
        """When the next callback falls due, or ``None`` when none is scheduled."""
        return self._queue[0][0] if self._queue else None

    def due(self, at: datetime) -> list[ScheduledCallback]:
        """Return (and forget) the callbacks due by *at*, earliest first.

        Callbacks due at the same time come in the order they were scheduled.
        """
        at = _now(at)
        taken = []
        while self._queue and self._queue[0][0] <= at:
            taken.append(heapq.heappop(self._queue)[2])
        return taken

    def order(
        self,
        body: bytes | str,
        authorization: str | None,
        *,
        at: datetime,
        scenarios: Collection[Scenario | str] | str = (),
    ) -> Reply:
        """Answer ``POST /api/v2/formorder`` as ePROM does, and schedule its callbacks.

        *scenarios* are played for this order besides the patient's own.
        """
        at, planted = _now(at), parse_scenarios(scenarios)
        if not self._authorized(authorization):
            return _refused(UNKNOWN_API_KEY)
        try:
            order = read_order(body_object(body), self._forms)
        except BadRequest as refusal:
            return _refused(refusal.text)
        patient = self._patients.get(order.national_id)
        if patient is None:
            return Reply(status=200, body=_bodies.unknown_person_response(order))
        planted |= patient.scenarios
        gateway = _gateway(planted)
        if gateway is not None:
            return gateway
        availability = patient.availability
        if order.physical_address:  # paper goes to physicalAddress when the order gives one
            availability = availability.with_(_C.PHYSICAL_MAILBOX)
        decision = decide(order.rule, availability)
        number = self._next()
        guid = self._guid("order", number)
        code = (
            self._single_use_code(number)
            if order.rule is DistributionRule.NO_DISTRIBUTION
            else None
        )
        self._schedule_order(order, decision, guid, planted, at)
        return Reply(
            status=200,
            body=_bodies.order_response(
                order,
                form_order_id=guid,
                channel=decision.channel,
                single_use_code=code,
                login_url=self._login_url,
            ),
            id=guid,
            channel=decision.channel,
            record=_record("formOrderId", guid, decision),
        )

    def message(
        self,
        body: bytes | str,
        authorization: str | None,
        *,
        at: datetime,
        scenarios: Collection[Scenario | str] | str = (),
    ) -> Reply:
        """Answer ``POST /api/v2/messagetocitizen`` as ePROM does, and schedule its status."""
        at, planted = _now(at), parse_scenarios(scenarios)
        if not self._authorized(authorization):
            return _refused(UNKNOWN_API_KEY)
        try:
            message = read_message(body_object(body))
        except BadRequest as refusal:
            return _refused(refusal.text)
        patient = self._patients.get(message.national_id)
        if patient is None:
            # "Dette er også tilfelle hvis fødselsnummeret ikke eksisterer": nothing was sent.
            return Reply(status=200, body=_bodies.message_response(None, _C.NONE))
        planted |= patient.scenarios
        gateway = _gateway(planted)
        if gateway is not None:
            return gateway
        decision = decide_priority_list(message.priority_list, patient.availability)
        guid = self._guid("message", self._next())
        if not message.test_mode:
            lost = decision.outcome is Outcome.UNREACHABLE or _S.PATIENT_UNREACHABLE in planted
            body_ = _bodies.message_status(
                api_key=self._key(planted),
                message_id=guid,
                channel=_C.NONE if lost else decision.channel,
                status=SentStatus.ERROR if lost else SentStatus.SENT,
                numeric=self._numeric,
            )
            self._status(at, planted, MESSAGE_CALLBACK_PATH, body_)
        return Reply(
            status=200,
            body=_bodies.message_response(guid, decision.channel),
            id=guid,
            channel=decision.channel,
            record=_record("messageToCitizenId", guid, decision),
        )

    # --- the callbacks of an order --------------------------------------------------------------

    def _schedule_order(
        self,
        order: Order,
        decision: Decision,
        guid: str,
        planted: frozenset[Scenario],
        at: datetime,
    ) -> None:
        key = self._key(planted)
        channel = decision.channel
        if decision.outcome is Outcome.UNREACHABLE or _S.PATIENT_UNREACHABLE in planted:
            # The guide's Error example: channel None and no timestamps.
            said = (_C.NONE, FormOrderStatus.ERROR, FormOrderStatusErrorCode.PATIENT_UNREACHABLE)
        elif _S.SIKKER_DIGITAL_POST_ERROR in planted:
            said = (
                channel,
                FormOrderStatus.ERROR,
                FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR,
            )
        else:
            said = (channel, FormOrderStatus.ORDERED, FormOrderStatusErrorCode.NONE)
        self._status(
            at,
            planted,
            ORDER_CALLBACK_PATH,
            _bodies.order_status(
                api_key=key,
                form_order_id=guid,
                channel=said[0],
                status=said[1],
                error_code=said[2],
                initiated=None if said[0] is _C.NONE and said[1] is FormOrderStatus.ERROR else at,
                numeric=self._numeric,
            ),
        )
        if said[1] is FormOrderStatus.ERROR:  # a failed order is never answered
            return
        expires = _S.NEVER_ANSWERS in planted
        later = {
            _C.DIGITAL_MAILBOX: (_S.DIGIPOST_DELIVERED, FormOrderStatus.DIGIPOST_DELIVERED),
            _C.PHYSICAL_MAILBOX: (
                _S.PHYSICAL_MAIL_RETURNED,
                FormOrderStatus.PHYSICAL_MAIL_RETURNED,
            ),
        }.get(channel)
        if later is not None and later[0] in planted:
            self._schedule(
                at + self._timing.delivery,
                ORDER_CALLBACK_PATH,
                _bodies.order_status(
                    api_key=key,
                    form_order_id=guid,
                    channel=channel,
                    status=later[1],
                    error_code=FormOrderStatusErrorCode.NONE,
                    initiated=at,
                    numeric=self._numeric,
                ),
            )
            # A letter that came back was never read: the form expires.
            expires |= later[1] is FormOrderStatus.PHYSICAL_MAIL_RETURNED
        if order.test_mode:  # "the form answer shall not to be returned to the BestillerSystem"
            return
        answered = at + self._timing.answer
        if expires or answered > order.expiry:
            self._schedule(
                max(order.expiry, at),
                ORDER_CALLBACK_PATH,
                self._returned(
                    key=key,
                    guid=guid,
                    channel=channel,
                    order=order,
                    planted=planted,
                    ordered=None,
                    submitted=order.expiry,
                ),
            )
        else:
            self._schedule(
                answered,
                ORDER_CALLBACK_PATH,
                self._returned(
                    key=key,
                    guid=guid,
                    channel=channel,
                    order=order,
                    planted=planted,
                    ordered=at,
                    submitted=answered,
                ),
            )

    def _returned(  # noqa: PLR0913  # what a returned form is made of
        self,
        *,
        key: str,
        guid: str,
        channel: NotificationChannel,
        order: Order,
        planted: frozenset[Scenario],
        ordered: datetime | None,
        submitted: datetime,
    ) -> str:
        """Return the returned form's body: completed when *ordered* is given, else expired."""
        nil = _bodies.NIL_GUID
        if ordered is None:
            return _bodies.returned_form(
                api_key=key,
                form_order_id=guid,
                status=FormOrderStatus.EXPIRED,
                channel=channel,
                submitted=submitted,
                form_data=None,
                signed_form_id=nil,
                scanned_paper_id=nil,
                events=[],
                filled_out_by=None,
                numeric=self._numeric,
            )
        digest = self._digest("answers", guid)
        answers = {question: 1 + digest[i] % 5 for i, question in enumerate(_QUESTIONS)}
        logged = _S.EVENT_LOG in planted
        return _bodies.returned_form(
            api_key=key,
            form_order_id=guid,
            status=FormOrderStatus.COMPLETED,
            channel=channel,
            submitted=submitted,
            form_data=json.dumps(answers),
            signed_form_id=self._guid("signed", guid) if order.must_be_signed else nil,
            scanned_paper_id=self._guid("scanned", guid) if channel is _C.PHYSICAL_MAILBOX else nil,
            events=_events(order, ordered, submitted) if logged else [],
            filled_out_by=(
                {
                    "filledOutByActNationalId": order.national_id,
                    "filledOutByActType": "Foreldrerepresentasjon"
                    if order.on_behalf_of
                    else "SegSelv",
                }
                if logged and channel is _C.HELSENORGE  # "Helsenorge only"
                else None
            ),
            numeric=self._numeric,
        )

    # --- scheduling and making ids ------------------------------------------------------------

    def _status(self, at: datetime, planted: frozenset[Scenario], path: str, body: str) -> None:
        due = at + (self._timing.late if _S.LATE_CALLBACK in planted else self._timing.status)
        for _ in range(2 if _S.DUPLICATE_CALLBACK in planted else 1):
            self._schedule(due, path, body)

    def _schedule(self, due: datetime, path: str, body: str) -> None:
        self._sequence += 1
        heapq.heappush(self._queue, (due, self._sequence, ScheduledCallback(due, path, body)))

    def _key(self, planted: frozenset[Scenario]) -> str:
        return "wrong-" + self._api_key if _S.WRONG_API_KEY in planted else self._api_key

    def _authorized(self, authorization: str | None) -> bool:
        if type(authorization) is not str:
            return False
        scheme, _, key = authorization.strip().partition(" ")
        return scheme.lower() == "basic" and hmac.compare_digest(
            key.strip().encode(), self._api_key.encode()
        )

    def _next(self) -> int:
        self._made += 1
        return self._made

    def _digest(self, *parts: object) -> bytes:
        return hashlib.blake2b(repr((self._seed, *parts)).encode(), digest_size=16).digest()

    def _guid(self, *parts: object) -> str:
        return str(uuid.UUID(bytes=self._digest(*parts), version=4))

    def _single_use_code(self, number: int) -> str:
        digest = self._digest("code", number)
        return "".join(_CODE_LETTERS[byte % len(_CODE_LETTERS)] for byte in digest[:8])


def _events(order: Order, ordered: datetime, submitted: datetime) -> list[dict[str, str]]:
    """Return a plausible event log from the order to the answer, in the guide's format."""
    steps: list[tuple[str, str | None]] = [
        ("FormOpened", None),
        *(("QuestionAccessed", question) for question in _QUESTIONS),
    ]
    if order.must_be_signed:
        steps += [("SigningStarted", None), ("SigningCompleted", None)]
    steps.append(("FormDelivered", None))
    span, count = submitted - ordered, len(steps)
    log = []
    for index, (event, question) in enumerate(steps, start=1):
        entry = {"eventType": event}
        if question is not None:
            entry["questionId"] = question
        entry["timestampUtc"] = _bodies.event_time(ordered + span * index / count)
        log.append(entry)
    return log


def _gateway(planted: frozenset[Scenario]) -> Reply | None:
    if _S.GATEWAY_TIMEOUT in planted:
        return _refused(GATEWAY_TIMEOUT, 504)
    if _S.BAD_GATEWAY in planted:
        return _refused(BAD_GATEWAY, 502)
    return None


def _now(value: object) -> datetime:
    """Return *value*, the caller's current time, if it is a timezone-aware datetime."""
    if type(value) is not datetime:
        raise wrong_type(value, field="at", expected=Expected(types=(datetime,)))
    if value.utcoffset() is None:
        raise InvalidValueError("bad_timestamp", value=value.isoformat(), field="at")
    return value
