"""The ledger a callback handler keeps: each order's decision, and every callback as it comes.

Rule 1: what one callback means for the order it answers besides its verdict (the first of its
kind, a duplicate, an unknown id, or a contradiction of an earlier callback) is decided here, by
:meth:`CallbackLedger.record` and the literal table :data:`CONFLICTS`; the verdict comes from
the judge in :mod:`distribution.eprom.reconciliation`. :func:`~distribution.verify` is this
ledger run over two files, so a handler and a verification of its run agree by construction.

The ledger is sans-IO: a web framework hands it the body, it hands back a :class:`Receipt` with
the reply ePROM expects (``{"success": true}``). Its state is JSON lines, one per order, in the
shape ``verify`` reads (:meth:`CallbackLedger.dump`, :meth:`CallbackLedger.load`); per order it
keeps the GUID as an int and one small int (the decision's index among the distinct decisions,
the channel, a bit per status seen), so a million orders fit in memory. It is not thread-safe:
a handler that serves requests in threads holds a lock around :meth:`~CallbackLedger.feed`.

>>> from distribution import Availability, decide
>>> ledger = CallbackLedger()
>>> ledger.register("184738d0-3c39-e611-9c2a-34e6d72e03c7",
...                 decide("Basic", Availability(helsenorge=True)), ref="visit-17")
>>> receipt = ledger.feed('{"formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",'
...                       ' "notificationChannel": 1, "formOrderStatus": "Ordered"}')
>>> receipt.finding.value, receipt.verdict.value, receipt.ref, receipt.reply
('NEW', 'AS_PREDICTED', 'visit-17', {'success': True})
"""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution._errors import (
    HIDDEN,
    DistributionError,
    InvalidValueError,
    without_secret,
    wrong_type,
)
from distribution._evidence import evidence
from distribution._formats import guid as read_guid
from distribution._formats import is_guid
from distribution._nested import found_at
from distribution._reading import check_keys, json_list, json_object, load_json, maybe, required
from distribution.codes import FormOrderStatus, NotificationChannel, SentStatus
from distribution.engine import Decision
from distribution.eprom.callbacks import (
    Callback,
    MessageStatusCallback,
    read_callback,
)
from distribution.eprom.reconciliation import (
    CASES,
    Status,
    Verdict,
    VerdictCase,
    error_code_of,
    judge,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "CONFLICTS",
    "CallbackFinding",
    "CallbackLedger",
    "Receipt",
    "order_line",
]

_S = FormOrderStatus


class CallbackFinding(enum.Enum):
    """What a callback is for the order it answers. Values are stable identifiers."""

    NEW = "NEW"
    """The first callback of its status for a registered order, in line with the earlier ones."""
    DUPLICATE = "DUPLICATE"
    """The same status came before for this order, on the same channel."""
    CONTRADICTS = "CONTRADICTS"
    """It contradicts an earlier callback for this order (:data:`CONFLICTS`, or another channel)."""
    UNKNOWN_ORDER = "UNKNOWN_ORDER"
    """No order (or message) of that kind is registered with this id."""


CONFLICTS: Final[Mapping[Status, frozenset[Status]]] = {
    # status: the statuses it cannot come together with for one order. An order is either
    # ordered or failed; a returned form is either completed or expired, and a failed order
    # never comes back or is delivered. A message is either sent or failed.
    _S.ORDERED: frozenset({_S.ERROR}),
    _S.ERROR: frozenset(
        {_S.ORDERED, _S.COMPLETED, _S.EXPIRED, _S.DIGIPOST_DELIVERED, _S.PHYSICAL_MAIL_RETURNED}
    ),
    _S.COMPLETED: frozenset({_S.EXPIRED, _S.ERROR}),
    _S.EXPIRED: frozenset({_S.COMPLETED, _S.ERROR}),
    _S.DIGIPOST_DELIVERED: frozenset({_S.ERROR}),
    _S.PHYSICAL_MAIL_RETURNED: frozenset({_S.ERROR}),
    SentStatus.SENT: frozenset({SentStatus.ERROR}),
    SentStatus.ERROR: frozenset({SentStatus.SENT}),
}
"""Which statuses contradict each other for one order. Besides these, a callback that names a
channel other than the one an earlier callback named contradicts it (``Ordered`` on Helsenorge,
then ``Completed`` on paper; a second ``Ordered`` on another channel); ``Error`` names none."""

_CONFLICT_BITS: Final = {
    status: sum(1 << other.value for other in others) for status, others in CONFLICTS.items()
}

# One order's state in one int: a bit per status seen (bits 0-7, by the status's code), the
# channel the callbacks named (bits 8-10: its code + 1, 0 while none has), and above them the
# index of the order's decision in the ledger's table of distinct decisions.
_STATUS_MASK: Final = 0xFF
_CHANNEL_SHIFT: Final = 8
_SHIFT: Final = 11
_STATUS_BITS: Final = {
    False: sum(1 << s.value for s in FormOrderStatus if s not in {_S.COMPLETED, _S.EXPIRED}),
    True: sum(1 << s.value for s in SentStatus),
}
"""For a form order (False) and a message (True): the bits of a status callback's statuses."""
_KINDS: Final[Mapping[bool, tuple[Status, ...]]] = {
    False: tuple(FormOrderStatus),
    True: tuple(SentStatus),
}
_PARSE: Final[Mapping[bool, type[FormOrderStatus | SentStatus]]] = {
    False: FormOrderStatus,
    True: SentStatus,
}
_ID_KEYS: Final = {False: "formOrderId", True: "messageToCitizenId"}
_LINE_KEYS: Final = ("formOrderId", "messageToCitizenId", "ref", "seen", "channel", "decision")
_CACHED_DECISIONS: Final = 4096


def _guid_key(guid: str) -> int:
    # 16 bytes as an int instead of a 36-character text: a million orders cost a third less.
    return int(guid.replace("-", ""), 16)


def _guid_text(key: int) -> str:
    text = f"{key:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _id_of(callback: Callback) -> str:
    if isinstance(callback, MessageStatusCallback):
        return callback.message_to_citizen_id
    return callback.form_order_id


def _ref(value: object) -> str | None:
    return maybe(value, str, "ref", "a string or null")


@final
@attrs.frozen(kw_only=True)
class Receipt:
    """What the ledger made of one callback: hand :attr:`reply` back to ePROM.

    Attributes:
        id: the order's or message's GUID.
        finding: the :class:`CallbackFinding`.
        callback: the callback as read (its apiKey and answers are never shown in a repr).
        ref: the caller's reference given at registration, or ``None``.
        decision: the registered decision, ``None`` for an unknown order.
        verdict, case: the callback judged against the decision; ``None`` for a duplicate, an
            unknown order, and a returned form that names no channel.
        earlier: the statuses recorded for the order before this callback, in code order.
        earlier_channel: the channel earlier callbacks named, or ``None``.
    """

    # Built by the ledger alone, once per callback: no validators, which would cost a third of
    # verify's time over a million callbacks.
    id: str
    finding: CallbackFinding
    callback: Callback
    ref: str | None = None
    decision: Decision | None = None
    verdict: Verdict | None = None
    case: VerdictCase | None = None
    earlier: tuple[Status, ...] = ()
    earlier_channel: NotificationChannel | None = None

    @property
    def needs_attention(self) -> bool:
        """Whether this callback needs a look: anything but a new one with an expected verdict.

        Hemit's checklist asks for "ingen feilsituasjoner eller duplikate meldinger", so a
        duplicate needs attention too.
        """
        if self.finding is not CallbackFinding.NEW:
            return True
        return self.verdict is not None and not self.verdict.expected

    @property
    def reply(self) -> dict[str, bool]:
        """The body to answer ePROM with: ``{"success": true}`` once the callback is recorded.

        ``false`` for an unknown order, which this system cannot process (the guide: "true if
        the request was processed successfully, otherwise false"). A duplicate or a
        contradiction is recorded, so it is answered ``true``: a ``false`` would not make ePROM's
        earlier callback right, and what ePROM does with a ``false`` is not published.
        """
        return {"success": self.finding is not CallbackFinding.UNKNOWN_ORDER}


@final
class CallbackLedger:
    """Every registered order's decision, and what its callbacks were; see the module.

    Register each order (or message) with :meth:`register` when ePROM has answered it, then
    :meth:`feed` each callback body. :meth:`dump` and :meth:`load` keep the state in JSON lines.
    """

    def __init__(self) -> None:
        self._decisions: list[Decision] = []
        self._index: dict[Decision, int] = {}
        self._state: dict[int, int] = {}
        self._refs: dict[int, str] = {}
        self._cases: dict[tuple[int, object, object, object], VerdictCase] = {}

    def __len__(self) -> int:
        return len(self._state)

    def __contains__(self, order_id: object) -> bool:
        return (
            isinstance(order_id, str) and is_guid(order_id) and _guid_key(order_id) in self._state
        )

    def register(self, order_id: str, decision: Decision, *, ref: str | None = None) -> None:
        """Record an order (a rule's decision) or a message (a priority list's) by its GUID.

        *ref* is the caller's own reference (a text the ledger keeps and hands back in each
        :class:`Receipt`; no personal data, as it is written to the state and reports). An id
        registered before raises :class:`~distribution.errors.InvalidValueError`.
        """
        if type(decision) is not Decision:
            raise wrong_type(evidence(decision), field="decision", expected="a Decision")
        if ref is not None and type(ref) is not str:
            raise wrong_type(evidence(ref), field="ref", expected="a string")
        key = _guid_key(read_guid(order_id, "order_id"))
        if key in self._state:
            raise InvalidValueError("already_registered", value=_guid_text(key), field="order_id")
        self._add(key, decision, ref)

    def _add(self, key: int, decision: Decision, ref: str | None) -> None:
        position = self._index.get(decision)
        if position is None:
            position = self._index[decision] = len(self._decisions)
            self._decisions.append(decision)
        self._state[key] = position << _SHIFT
        if ref is not None:
            self._refs[key] = ref

    def feed(
        self, body: str | bytes | Mapping[str, object], *, api_key: str | None = None
    ) -> Receipt:
        """Read one callback body, as a web framework hands it over, and :meth:`record` it.

        With *api_key* (the system's own key), a callback whose ``apiKey`` is not it raises
        :class:`~distribution.errors.InvalidValueError` and is not recorded; answer it with
        ``401``. A body that cannot be read raises the library's error, as
        :func:`~distribution.read_callback` does, and is not recorded either.
        """
        if api_key is not None and type(api_key) is not str:  # named as the caller knows it
            raise wrong_type(api_key, field="api_key", expected="a string", secret=True)
        if api_key == "":  # a receiver configured with "" would accept anyone
            raise InvalidValueError("empty_key", value=None, field="api_key")
        try:
            callback = read_callback(body)
        except DistributionError as error:
            if api_key is None:
                raise
            # The system's own key, sent in another field, is no more shown than the body's.
            raise without_secret(error, api_key) from None
        if api_key is not None and not callback.api_key_matches(api_key):
            raise InvalidValueError("wrong_key", value=HIDDEN, field="apiKey")
        return self.record(callback)

    def record(self, callback: Callback) -> Receipt:
        """Record a callback already read; return what it is for its order."""
        message = type(callback) is MessageStatusCallback
        guid = _id_of(callback)
        key = _guid_key(guid)
        state = self._state.get(key)
        if state is None or (self._decisions[state >> _SHIFT].rule is None) is not message:
            return Receipt(id=guid, finding=CallbackFinding.UNKNOWN_ORDER, callback=callback)
        index = state >> _SHIFT
        decision = self._decisions[index]
        status, channel = callback.status, callback.channel
        seen, known = state & _STATUS_MASK, (state >> _CHANNEL_SHIFT) & 0b111
        clash = channel is not None and known != 0 and known != channel.value + 1
        bit = 1 << status.value
        if seen & bit:
            finding = CallbackFinding.CONTRADICTS if clash else CallbackFinding.DUPLICATE
        elif clash or seen & _CONFLICT_BITS[status]:
            finding = CallbackFinding.CONTRADICTS
        else:
            finding = CallbackFinding.NEW
            if known == 0 and channel is not None:
                state |= (channel.value + 1) << _CHANNEL_SHIFT
        self._state[key] = state | bit
        case = None
        if finding is not CallbackFinding.DUPLICATE and channel is not None:
            code = error_code_of(callback)
            memo = (index, status, code, channel)
            case = self._cases.get(memo)
            if case is None:
                case = self._cases[memo] = judge(decision, status, code, channel)
        return Receipt(
            id=guid,
            finding=finding,
            callback=callback,
            ref=self._refs.get(key),
            decision=decision,
            verdict=None if case is None else CASES[case],
            case=case,
            earlier=_earlier(message, seen),
            earlier_channel=None if known == 0 else _CHANNELS[known - 1],
        )

    def missing(self) -> Iterator[tuple[str, Decision, str | None]]:
        """Yield ``(id, decision, ref)`` of each order without a status callback yet, in order.

        A returned form is not a status callback: an order answered only by one is missing its
        status callback still.
        """
        for key, state in self._state.items():
            decision = self._decisions[state >> _SHIFT]
            if not state & _STATUS_BITS[decision.rule is None]:
                yield _guid_text(key), decision, self._refs.get(key)

    def dump(self) -> Iterator[str]:
        """Yield the state as JSON lines, one per order, in the order they were registered.

        Each is an order line as :func:`order_line` writes it, with what the callbacks said so
        far: ``"seen"`` (the statuses' names) and ``"channel"`` (the channel they named), both
        left out while there is none. :meth:`load` and :func:`~distribution.verify` read them.
        """
        for key, state in self._state.items():
            decision = self._decisions[state >> _SHIFT]
            message = decision.rule is None
            line: dict[str, object] = {_ID_KEYS[message]: _guid_text(key)}
            if key in self._refs:
                line["ref"] = self._refs[key]
            seen = [s.api_name for s in _KINDS[message] if state & (1 << s.value)]
            if seen:
                line["seen"] = seen
            known = (state >> _CHANNEL_SHIFT) & 0b111
            if known:
                line["channel"] = NotificationChannel.parse(known - 1).api_name
            line["decision"] = decision.to_dict()
            yield json.dumps(line, ensure_ascii=False) + "\n"

    @classmethod
    def load(cls, lines: Iterable[object], *, name: str = "ledger") -> CallbackLedger:
        """Read a ledger from JSON lines: :meth:`dump`'s, or ``verify``'s order lines.

        Each item is a JSON text, a mapping (whose ``"decision"`` may be a
        :class:`~distribution.engine.Decision` already, or its wire format), or an
        ``(id, Decision)`` pair. Blank lines are skipped; line numbers count them. A bad line
        raises the library's error naming *name* and the line; an item of another Python type
        is :class:`~distribution.errors.InvalidTypeError`.
        """
        ledger = cls()
        cache: dict[tuple[str, str], Decision] = {}
        for number, line in enumerate(lines, start=1):
            if isinstance(line, str) and not line.strip():
                continue
            try:
                ledger._load_line(line, cache)  # its own class
            except DistributionError as error:
                raise found_at(error, "bad_line", field=name, line=number) from None
        return ledger

    def _load_line(self, line: object, cache: dict[tuple[str, str], Decision]) -> None:
        # The one fast path: the same decision comes on many lines. A line of order_line's
        # shape whose decision text (and id key) was read before is the same JSON with another
        # GUID, so it needs neither parsing nor checking again: a million orders take half the
        # time.
        shape = _ORDER_LINE.fullmatch(line) if isinstance(line, str) else None
        if shape is not None and is_guid(shape[2]):
            cached = cache.get((shape[1], shape[4]))
            if cached is not None:
                key = _guid_key(shape[2])
                self._check_new(key)
                self._add(key, cached, None if shape[3] is None else json.loads(shape[3]))
                return
        if isinstance(line, tuple):
            self._load_pair(line)
            return
        if not isinstance(line, str | bytes | bytearray | Mapping):
            raise wrong_type(evidence(line), field="order", expected=_ORDER_ITEM)
        data = load_json(line, "order")
        message = "messageToCitizenId" in data
        id_key = _ID_KEYS[message]
        allowed = (id_key, "ref", "seen", "channel", "decision")
        check_keys(data, "order", allowed=allowed, listed=_LINE_KEYS)
        guid = read_guid(required(data, id_key, "order", (id_key, "decision")), id_key)
        payload = required(data, "decision", "order", (id_key, "decision"))
        decision = payload if type(payload) is Decision else _read_decision(payload)
        if (decision.rule is None) is not message:
            raise InvalidValueError("order_kind", value=HIDDEN, field=id_key)
        key = _guid_key(guid)
        self._check_new(key)
        seen = _seen(data.get("seen"), _PARSE[message])
        channel = data.get("channel")
        self._add(key, decision, _ref(data.get("ref")))
        known = 0 if channel is None else _channel_code(channel) + 1
        self._state[key] |= seen | known << _CHANNEL_SHIFT
        if shape is not None and len(cache) < _CACHED_DECISIONS:
            cache[shape[1], shape[4]] = decision

    def _load_pair(self, pair: tuple[object, ...]) -> None:
        """Add an ``(id, Decision)`` pair as :meth:`register` does, refusing an id seen before."""
        decision = pair[1] if len(pair) == 2 else None  # a pair
        if type(decision) is not Decision:
            raise wrong_type(evidence(pair), field="order", expected=_ORDER_ITEM)
        key = _guid_key(read_guid(pair[0], "id"))
        self._check_new(key)
        self._add(key, decision, None)

    def _check_new(self, key: int) -> None:
        if key in self._state:
            raise InvalidValueError("duplicate_order", value=_guid_text(key), field="id")


_CHANNELS: Final = tuple(NotificationChannel)  # by code: a channel's code is its index
_ORDER_ITEM: Final = "JSON text, a mapping or an (id, Decision) pair"  # an EXPECTED phrase


def _read_decision(payload: object) -> Decision:
    """Return the decision an order line holds in the wire format, its errors inside it."""
    try:
        return Decision.from_dict(json_object(payload, "decision"))
    except DistributionError as error:
        # The wire reader names some fields inside "decision" already, others not.
        inside = error if error.field.startswith("decision") else error.within("decision")
        raise inside from None


@functools.cache
def _earlier(message: bool, seen: int) -> tuple[Status, ...]:  # at most 2 × 256 entries
    return tuple(s for s in _KINDS[message] if seen & (1 << s.value))


def _seen(value: object, kind: type[FormOrderStatus | SentStatus]) -> int:
    items = () if value is None else json_list(value, "seen", "a list or null")
    bits = 0
    for index, item in enumerate(items):
        bits |= 1 << int(kind.parse(_named(item, f"seen[{index}]")).value)
    return bits


def _named(item: object, field: str) -> str:
    return maybe(item, str, field, "a string") or ""


def _channel_code(value: object) -> int:
    return int(NotificationChannel.parse(_named(value, "channel")).value)


# order_line's shape, with or without a ref: the fast path in _load_line takes only this.
_ORDER_LINE: Final = re.compile(
    r'\{"(formOrderId|messageToCitizenId)": "([0-9a-fA-F-]{36})", '
    r'(?:"ref": ("(?:[^"\\]|\\.)*"), )?"decision": (\{.*\})\}\s*'
)


def order_line(order_id: str, decision: Decision, *, ref: str | None = None) -> str:
    """Return one line of ``verify``'s orders file (and of a ledger), ending in a newline.

    ``{"formOrderId": ID, "decision": DECISION}`` for a rule's decision, ``messageToCitizenId``
    for a priority list's, with ``"ref"`` between them when given; the decision in the wire
    format.

    >>> from distribution import Availability, decide
    >>> order_line("184738D0-3C39-E611-9C2A-34E6D72E03C7", decide("PaperOnly", Availability()),
    ...            ref="A-1")[:77]
    '{"formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7", "ref": "A-1", "decisi'
    """
    if type(decision) is not Decision:
        raise wrong_type(evidence(decision), field="decision", expected="a Decision")
    if ref is not None and type(ref) is not str:
        raise wrong_type(evidence(ref), field="ref", expected="a string")
    line: dict[str, object] = {_ID_KEYS[decision.rule is None]: read_guid(order_id, "order_id")}
    if ref is not None:
        line["ref"] = ref
    line["decision"] = decision.to_dict()
    return json.dumps(line, ensure_ascii=False) + "\n"
