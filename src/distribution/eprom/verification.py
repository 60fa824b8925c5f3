"""Checking a whole integration run: every order's callbacks, judged and counted as they stream.

Rule 1: what a run finds besides a verdict (a duplicate, a missing or an unknown callback) is
decided here, in :class:`Verification`; each callback's verdict comes from the judge in
:mod:`distribution.eprom.reconciliation`, never from here. This module changes when the shape of
a run (its order lines, its anomalies, what it keeps per order) changes.

>>> import json
>>> from distribution import Availability, decide
>>> guid = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
>>> order = {"formOrderId": guid, "decision": decide("Basic", Availability()).to_dict()}
>>> run = verify([json.dumps(order)], [])
>>> [(a.kind.value, a.expected_status.api_name) for a in run]
[('NO_CALLBACK', 'Error')]
"""

from __future__ import annotations

import enum
import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypedDict, final

import attrs

from distribution._errors import HIDDEN, DistributionError, InvalidValueError, check_lang, exactly
from distribution._formats import guid as read_guid
from distribution._formats import is_guid
from distribution._nested import found_at
from distribution._reading import check_keys, json_object, load_json, required
from distribution.codes import FormOrderStatus, NotificationChannel, SentStatus
from distribution.engine import Decision
from distribution.eprom._texts import VERIFY_ANOMALY
from distribution.eprom.callbacks import Callback, MessageStatusCallback, read_callback
from distribution.eprom.reconciliation import (
    CASES,
    Status,
    Verdict,
    VerdictCase,
    error_code_of,
    expected_callbacks,
    judge,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from distribution._texts import Lang

__all__ = ["Anomaly", "AnomalyDict", "AnomalyKind", "Verification", "verify"]

_S = FormOrderStatus


class AnomalyKind(enum.Enum):
    """What :func:`verify` finds besides a verdict. Values are stable identifiers."""

    DUPLICATE = "DUPLICATE"
    """The same callback (the same status) came twice for one order."""
    NO_CALLBACK = "NO_CALLBACK"
    """An order never got its status callback."""
    UNKNOWN_ORDER = "UNKNOWN_ORDER"
    """A callback for an id that is not among the orders (or is an order of the other kind)."""


class AnomalyDict(TypedDict):
    """An anomaly on the wire (``verify --json``)."""

    id: str
    kind: str
    case: str | None
    line: int | None
    status: str | None
    channel: str | None
    expected_status: str | None
    expected_channel: str | None


def _name(member: Status | NotificationChannel | None) -> str | None:
    return None if member is None else member.api_name


@final
@attrs.frozen(kw_only=True)
class Anomaly:
    """One thing in an integration run that needs attention.

    Attributes:
        id: the order's or message's GUID.
        kind: a :class:`Verdict` that is not expected, or an :class:`AnomalyKind`.
        case: the verdict's finer case (:attr:`Reconciliation.case`), else ``None``.
        line: the line of the callbacks the anomaly was found at (``None`` for ``NO_CALLBACK``).
        status, channel: what the callback reported (``None`` for ``NO_CALLBACK``).
        expected_status, expected_channel: what the decision expects (``None`` for an unknown
            order).
    """

    id: str = attrs.field(validator=exactly(str))
    kind: Verdict | AnomalyKind = attrs.field(validator=exactly(Verdict, AnomalyKind))
    case: VerdictCase | None = attrs.field(
        default=None, validator=exactly(VerdictCase, optional=True)
    )
    line: int | None = attrs.field(default=None, validator=exactly(int, optional=True))
    status: Status | None = attrs.field(
        default=None, validator=exactly(FormOrderStatus, SentStatus, optional=True)
    )
    channel: NotificationChannel | None = attrs.field(
        default=None, validator=exactly(NotificationChannel, optional=True)
    )
    expected_status: Status | None = attrs.field(
        default=None, validator=exactly(FormOrderStatus, SentStatus, optional=True)
    )
    expected_channel: NotificationChannel | None = attrs.field(
        default=None, validator=exactly(NotificationChannel, optional=True)
    )

    def to_dict(self) -> AnomalyDict:
        """Return the anomaly as JSON-ready data, codes by their API names."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "case": None if self.case is None else self.case.value,
            "line": self.line,
            "status": _name(self.status),
            "channel": _name(self.channel),
            "expected_status": _name(self.expected_status),
            "expected_channel": _name(self.expected_channel),
        }

    def describe(self, *, lang: Lang = "en") -> str:
        """Return the anomaly as a line of ``verify``'s report, in *lang* (``"nb"`` or ``"en"``).

        Codes by their API names; what the anomaly has not (a line, a case) is shown as ``—``.
        """
        say = VERIFY_ANOMALY[check_lang(lang)]
        fields = {key: "—" if v is None else str(v) for key, v in self.to_dict().items()}
        return say.get(fields["kind"], say["verdict"]).format(**fields)


def _guid_key(guid: str) -> int:
    # 16 bytes as an int instead of a 36-character text: a million orders cost a third less.
    return int(guid.replace("-", ""), 16)


def _guid_text(key: int) -> str:
    text = f"{key:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# A seen status is one bit of an order's state (status.value); the bits above hold the index of
# the order's decision in the run's table of distinct decisions.
_SHIFT: Final = 8
_STATUS_BITS: Final = {
    False: sum(1 << s.value for s in FormOrderStatus if s not in {_S.COMPLETED, _S.EXPIRED}),
    True: sum(1 << s.value for s in SentStatus),
}
"""For a form order (False) and a message (True): the bits of a status callback's statuses."""
_ORDER_KEYS: Final = ("formOrderId", "messageToCitizenId", "decision")
_CACHED_DECISIONS: Final = 4096


@final
class Verification:
    """A run of :func:`verify`: iterate it once for the anomalies, then read the counts.

    It is an iterator over :class:`Anomaly`: each callback is read, judged and forgotten as the
    iteration reaches it, and the orders that never got a status callback come last, in the
    order they were given. While it runs it keeps, per order, only the id (as a 128-bit int)
    and one small int (the index of its decision among the run's distinct decisions, and a bit
    per status seen): a million orders and a million callbacks ran in 147 MB and 22 s
    (``docs/callbacks.md``).
    """

    def __init__(
        self,
        decisions: list[Decision],
        state: dict[int, int],
        callbacks: Iterable[object],
        name: str,
    ) -> None:
        self._decisions = decisions
        self._state = state
        self._counts: dict[Verdict | AnomalyKind, int] = dict.fromkeys([*Verdict, *AnomalyKind], 0)
        self._cases: dict[tuple[int, object, object, object], VerdictCase] = {}
        self._run = self._anomalies(callbacks, name)
        self._done = False

    def __iter__(self) -> Verification:
        return self

    def __next__(self) -> Anomaly:
        return next(self._run)

    @property
    def orders(self) -> int:
        """The number of orders (and messages) given."""
        return len(self._state)

    @property
    def counts(self) -> Mapping[Verdict | AnomalyKind, int]:
        """Callbacks per verdict, and anomalies per kind; complete once :attr:`done`."""
        return MappingProxyType(self._counts)

    @property
    def done(self) -> bool:
        """Whether every callback has been read and the missing ones reported."""
        return self._done

    @property
    def attention(self) -> int:
        """The number of anomalies found so far: everything that needs attention."""
        return sum(n for kind, n in self._counts.items() if not _expected(kind))

    @property
    def needs_attention(self) -> bool:
        """Whether anything found so far needs attention."""
        return self.attention > 0

    def _anomalies(self, callbacks: Iterable[object], name: str) -> Iterator[Anomaly]:
        for number, line in enumerate(callbacks, start=1):
            if isinstance(line, str) and not line.strip():
                continue
            try:
                callback = read_callback(load_json(line, "callback"))
            except DistributionError as error:
                raise found_at(error, "bad_line", field=name, line=number) from None
            anomaly = self._judge(callback, number)
            if anomaly is not None:
                yield anomaly
        for key, state in self._state.items():
            decision = self._decisions[state >> _SHIFT]
            if not state & _STATUS_BITS[decision.rule is None]:
                self._counts[AnomalyKind.NO_CALLBACK] += 1
                expected = expected_callbacks(decision)
                yield Anomaly(
                    id=_guid_text(key),
                    kind=AnomalyKind.NO_CALLBACK,
                    expected_status=expected.status,
                    expected_channel=expected.channel,
                )
        self._done = True

    def _judge(self, callback: Callback, line: int) -> Anomaly | None:
        """Judge one callback; return the anomaly it is, if any, having counted it."""
        message = isinstance(callback, MessageStatusCallback)
        guid = _id_of(callback)
        key = _guid_key(guid)
        state = self._state.get(key)
        if state is None or (self._decisions[state >> _SHIFT].rule is None) is not message:
            return self._found(AnomalyKind.UNKNOWN_ORDER, callback, line)
        index = state >> _SHIFT
        decision = self._decisions[index]
        bit = 1 << callback.status.value
        if state & bit:
            return self._found(AnomalyKind.DUPLICATE, callback, line, decision)
        self._state[key] = state | bit
        if callback.channel is None:
            return None  # a returned form that does not name its channel cannot be judged
        code = error_code_of(callback)
        memo = (index, callback.status, code, callback.channel)
        case = self._cases.get(memo)
        if case is None:
            case = self._cases[memo] = judge(decision, callback.status, code, callback.channel)
        verdict = CASES[case]
        if verdict.expected:
            self._counts[verdict] += 1
            return None
        return self._found(verdict, callback, line, decision, case)

    def _found(
        self,
        kind: Verdict | AnomalyKind,
        callback: Callback,
        line: int,
        decision: Decision | None = None,
        case: VerdictCase | None = None,
    ) -> Anomaly:
        self._counts[kind] += 1
        return Anomaly(
            id=_id_of(callback),
            kind=kind,
            case=case,
            line=line,
            status=callback.status,
            channel=callback.channel,
            expected_status=None if decision is None else expected_callbacks(decision).status,
            expected_channel=None if decision is None else decision.channel,
        )


def _id_of(callback: Callback) -> str:
    if isinstance(callback, MessageStatusCallback):
        return callback.message_to_citizen_id
    return callback.form_order_id


def _expected(kind: Verdict | AnomalyKind) -> bool:
    return isinstance(kind, Verdict) and kind.expected


def verify(
    orders: Iterable[object],
    callbacks: Iterable[object],
    *,
    orders_name: str = "orders",
    callbacks_name: str = "callbacks",
) -> Verification:
    """Check a whole integration run, as Hemit's checklist asks (``docs/sources.md`` §8).

    *orders* holds one item per order or message, each a mapping or a JSON text
    ``{"formOrderId": ID, "decision": DECISION}`` or ``{"messageToCitizenId": ID, "decision":
    DECISION}``, where DECISION is a decision in the wire format (a rule's for a form order, a
    priority list's for a message). *callbacks* holds ePROM's callback bodies as they came.
    Blank lines are skipped; line numbers count them.

    The orders are read now (a bad item raises at once, naming *orders_name* and the line); the
    callbacks as the returned :class:`Verification` is iterated, which yields each
    :class:`Anomaly` as it is found.
    """
    decisions: list[Decision] = []
    index: dict[Decision, int] = {}
    state: dict[int, int] = {}
    cache: dict[tuple[str, str], Decision] = {}
    for number, line in enumerate(orders, start=1):
        if isinstance(line, str) and not line.strip():
            continue
        try:
            key, decision = _order(line, cache)
        except DistributionError as error:
            raise found_at(error, "bad_line", field=orders_name, line=number) from None
        if key in state:
            repeated = InvalidValueError("duplicate_order", value=_guid_text(key), field="id")
            raise found_at(repeated, "bad_line", field=orders_name, line=number)
        position = index.get(decision)
        if position is None:
            position = index[decision] = len(decisions)
            decisions.append(decision)
        state[key] = position << _SHIFT
    return Verification(decisions, state, callbacks, callbacks_name)


# A line as verify's callers write it (json.dumps of {ID key: GUID, "decision": …}). The fast path
# below only takes a line of exactly this shape.
_ORDER_LINE: Final = re.compile(
    r'\{"(formOrderId|messageToCitizenId)": "([0-9a-fA-F-]{36})", "decision": (\{.*\})\}\s*'
)


def _order(line: object, cache: dict[tuple[str, str], Decision]) -> tuple[int, Decision]:
    # The one fast path: the same decision comes on many lines. A line of the usual shape whose
    # decision text (and ID key) was read before is the same JSON with another GUID, so it needs
    # neither parsing nor checking again: a million orders take half the time.
    shape = _ORDER_LINE.fullmatch(line) if isinstance(line, str) else None
    if shape is not None and is_guid(shape[2]):
        known = cache.get((shape[1], shape[3]))
        if known is not None:
            return _guid_key(shape[2]), known
    data = load_json(line, "order")
    message = "messageToCitizenId" in data
    id_key = "messageToCitizenId" if message else "formOrderId"
    check_keys(data, "order", allowed=(id_key, "decision"), listed=_ORDER_KEYS)
    guid = read_guid(required(data, id_key, "order", (id_key, "decision")), id_key)
    payload = json_object(required(data, "decision", "order", (id_key, "decision")), "decision")
    try:
        decision = Decision.from_dict(payload)
    except DistributionError as error:
        # The wire reader names some fields inside "decision" already, others not.
        inside = error if error.field.startswith("decision") else error.within("decision")
        raise inside from None
    if (decision.rule is None) is not message:
        raise InvalidValueError("order_kind", value=HIDDEN, field=id_key)
    if shape is not None and len(cache) < _CACHED_DECISIONS:
        cache[shape[1], shape[3]] = decision
    return _guid_key(guid), decision
