"""Checking a whole integration run: every order's callbacks, judged and counted as they stream.

Rule 1: a run is the :class:`~distribution.eprom.ledger.CallbackLedger` a handler keeps, loaded
from the order lines and fed the callback lines: what each callback is (a duplicate, an unknown
id, a contradiction) and its verdict come from there, never from here. This module turns the
ledger's receipts into a report: which :class:`Anomaly` each one is, a line that cannot be read
(``UNREADABLE``, and the run goes on), the orders that never got a status callback, the counts.

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
from collections import deque
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypedDict, final

import attrs

from distribution._errors import (
    DistributionError,
    InvalidTypeError,
    check_lang,
    exactly,
    mask_personal,
    wrong_type,
)
from distribution._evidence import evidence
from distribution._nested import found_at
from distribution._reading import load_json
from distribution.codes import FormOrderStatus, NotificationChannel, SentStatus
from distribution.eprom._texts import VERIFY_ANOMALY
from distribution.eprom.callbacks import (
    Callback,
    FormOrderStatusCallback,
    FormReturnCallback,
    MessageStatusCallback,
    read_callback,
)
from distribution.eprom.ledger import CallbackFinding, CallbackLedger, Receipt
from distribution.eprom.reconciliation import (
    Status,
    Verdict,
    VerdictCase,
    expected_callbacks,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from distribution._texts import Lang

__all__ = ["Anomaly", "AnomalyDict", "AnomalyKind", "Verification", "verify"]


class AnomalyKind(enum.Enum):
    """What :func:`verify` finds besides a verdict. Values are stable identifiers."""

    DUPLICATE = "DUPLICATE"
    """The same callback (the same status, on the same channel) came twice for one order."""
    NO_CALLBACK = "NO_CALLBACK"
    """An order never got its status callback."""
    UNKNOWN_ORDER = "UNKNOWN_ORDER"
    """A callback for an id that is not among the orders (or is an order of the other kind)."""
    CONTRADICTS = "CONTRADICTS"
    """A callback contradicts an earlier one for the same order (``ledger.CONFLICTS``)."""
    UNREADABLE = "UNREADABLE"
    """A line of the callbacks that is not a callback: not JSON, too long, a bad field."""


class AnomalyDict(TypedDict):
    """An anomaly on the wire (``verify --json``)."""

    id: str | None
    kind: str
    case: str | None
    line: int | None
    status: str | None
    channel: str | None
    expected_status: str | None
    expected_channel: str | None
    ref: str | None
    earlier: list[str]
    problem: str | None


def _name(member: Status | NotificationChannel | None) -> str | None:
    return None if member is None else member.api_name


_STATUS = (FormOrderStatus, SentStatus)


@final
@attrs.frozen(kw_only=True)
class Anomaly:
    """One thing in an integration run that needs attention.

    Attributes:
        id: the order's or message's GUID (``None`` for an ``UNREADABLE`` line).
        kind: a :class:`Verdict` that is not expected, or an :class:`AnomalyKind`.
        case: the verdict's finer case (:attr:`Reconciliation.case`), else ``None``.
        line: the line of the callbacks the anomaly was found at (``None`` for ``NO_CALLBACK``).
        status, channel: what the callback reported (``None`` for ``NO_CALLBACK``).
        expected_status, expected_channel: what the decision expects (``None`` for an unknown
            order).
        ref: the order line's ``"ref"``, or ``None``; shown with personal data masked.
        earlier: for ``CONTRADICTS``, the statuses recorded for the order before.
        problem: for ``UNREADABLE``, the library's error saying what is wrong with the line
            (the apiKey and personal data never shown); it takes no part in equality.
    """

    id: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    kind: Verdict | AnomalyKind = attrs.field(validator=exactly(Verdict, AnomalyKind))
    case: VerdictCase | None = attrs.field(
        default=None, validator=exactly(VerdictCase, optional=True)
    )
    line: int | None = attrs.field(default=None, validator=exactly(int, optional=True))
    status: Status | None = attrs.field(default=None, validator=exactly(*_STATUS, optional=True))
    channel: NotificationChannel | None = attrs.field(
        default=None, validator=exactly(NotificationChannel, optional=True)
    )
    expected_status: Status | None = attrs.field(
        default=None, validator=exactly(*_STATUS, optional=True)
    )
    expected_channel: NotificationChannel | None = attrs.field(
        default=None, validator=exactly(NotificationChannel, optional=True)
    )
    ref: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    earlier: tuple[Status, ...] = attrs.field(default=())
    problem: DistributionError | None = attrs.field(default=None, eq=False, repr=False)

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
            "ref": None if self.ref is None else mask_personal(self.ref),
            "earlier": [status.api_name for status in self.earlier],
            "problem": None if self.problem is None else self.problem.message("en"),
        }

    def describe(self, *, lang: Lang = "en") -> str:
        """Return the anomaly as a line of ``verify``'s report, in *lang* (``"nb"`` or ``"en"``).

        Codes by their API names; what the anomaly has not (a line, a case) is shown as ``—``.
        """
        say = VERIFY_ANOMALY[check_lang(lang)]
        fields = {key: "—" if v is None else str(v) for key, v in self.to_dict().items()}
        fields["earlier"] = ", ".join(status.api_name for status in self.earlier) or "—"
        if self.problem is not None:
            fields["problem"] = self.problem.message(lang)
        text = say.get(fields["kind"], say["verdict"]).format(**fields)
        return text if self.ref is None else text + say["ref"].format(ref=fields["ref"])


_CALLBACKS: Final = (FormOrderStatusCallback, FormReturnCallback, MessageStatusCallback)
_CALLBACK_ITEM: Final = "JSON text, a mapping or a callback already read"  # an EXPECTED phrase


def _callback(line: object) -> Callback:
    """Return the callback a line of *callbacks* is: read already, or its body to read."""
    if isinstance(line, _CALLBACKS):
        return line
    if not isinstance(line, str | bytes | bytearray | Mapping):
        raise wrong_type(evidence(line), field="callback", expected=_CALLBACK_ITEM)
    return read_callback(load_json(line, "callback"))


def _expected(kind: Verdict | AnomalyKind) -> bool:
    return isinstance(kind, Verdict) and kind.expected


_KIND_OF: Final = {
    CallbackFinding.DUPLICATE: AnomalyKind.DUPLICATE,
    CallbackFinding.UNKNOWN_ORDER: AnomalyKind.UNKNOWN_ORDER,
    CallbackFinding.CONTRADICTS: AnomalyKind.CONTRADICTS,
}


@final
class Verification:
    """A run of :func:`verify`: iterate it once for the anomalies, then read the counts.

    It is an iterator over :class:`Anomaly`: each callback is read, fed to the run's
    :attr:`ledger` and forgotten as the iteration reaches it, and the orders that never got a
    status callback come last, in the order they were given. The ledger keeps, per order, only
    the id (as a 128-bit int) and one small int: a million orders and a million callbacks ran in
    147 MB and 22 s (``docs/callbacks.md``).
    """

    def __init__(self, ledger: CallbackLedger, callbacks: Iterable[object], name: str) -> None:
        self._ledger = ledger
        self._orders = len(ledger)
        self._counts: dict[Verdict | AnomalyKind, int] = dict.fromkeys([*Verdict, *AnomalyKind], 0)
        self._run = self._anomalies(callbacks, name)
        self._pending: deque[Anomaly] = deque()  # read ahead by needs_attention, not yet yielded
        self._unjudged = 0
        self._done = False

    def __iter__(self) -> Verification:
        return self

    def __next__(self) -> Anomaly:
        return self._pending.popleft() if self._pending else next(self._run)

    @property
    def ledger(self) -> CallbackLedger:
        """The ledger the run feeds; after the run its ``dump()`` is the state."""
        return self._ledger

    @property
    def orders(self) -> int:
        """The number of orders (and messages) given."""
        return self._orders

    @property
    def counts(self) -> Mapping[Verdict | AnomalyKind, int]:
        """Callbacks per verdict, and anomalies per kind; complete once :attr:`done`."""
        return MappingProxyType(self._counts)

    @property
    def unjudged(self) -> int:
        """The returned forms that named no channel, so got no verdict; complete once :attr:`done`.

        Counted so that none is lost, and no anomaly: the guide's own example of a returned form
        has no ``notificationChannel``, so one without it is normal. Each is still checked for
        duplicates, contradictions and unknown ids, and its order's status callback is judged.
        """
        return self._unjudged

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
        """Whether anything in the run needs attention, asked before, during or after iterating.

        Asked before the run is done, it reads the rest of the callbacks at once and keeps their
        anomalies for the iteration, which still yields every one, in order.
        """
        self._pending.extend(self._run)
        return self.attention > 0

    def _anomalies(self, callbacks: Iterable[object], name: str) -> Iterator[Anomaly]:
        for number, line in enumerate(callbacks, start=1):
            if isinstance(line, str) and not line.strip():
                continue
            try:
                callback = _callback(line)
            except InvalidTypeError:
                raise  # not a line of text or a mapping: the caller's mistake, not the file's
            except DistributionError as error:
                self._counts[AnomalyKind.UNREADABLE] += 1
                yield Anomaly(
                    kind=AnomalyKind.UNREADABLE,
                    line=number,
                    problem=found_at(error, "bad_line", field=name, line=number),
                )
                continue
            anomaly = self._judge(self._ledger.record(callback), number)
            if anomaly is not None:
                yield anomaly
        for guid, decision, ref in self._ledger.missing():
            self._counts[AnomalyKind.NO_CALLBACK] += 1
            expected = expected_callbacks(decision)
            yield Anomaly(
                id=guid,
                kind=AnomalyKind.NO_CALLBACK,
                expected_status=expected.status,
                expected_channel=expected.channel,
                ref=ref,
            )
        self._done = True

    def _judge(self, receipt: Receipt, line: int) -> Anomaly | None:
        """Return the anomaly a receipt is, if any, having counted it."""
        kind: Verdict | AnomalyKind
        if receipt.finding is CallbackFinding.NEW:
            if receipt.verdict is None:
                self._unjudged += 1  # a returned form that does not name its channel
                return None
            if receipt.verdict.expected:
                self._counts[receipt.verdict] += 1
                return None
            kind = receipt.verdict
        else:
            kind = _KIND_OF[receipt.finding]
        self._counts[kind] += 1
        decision = receipt.decision
        return Anomaly(
            id=receipt.id,
            kind=kind,
            case=receipt.case if isinstance(kind, Verdict) else None,
            line=line,
            status=receipt.callback.status,
            channel=receipt.callback.channel,
            expected_status=None if decision is None else expected_callbacks(decision).status,
            expected_channel=None if decision is None else decision.channel,
            ref=receipt.ref,
            earlier=receipt.earlier if kind is AnomalyKind.CONTRADICTS else (),
        )


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
    priority list's for a message), as :func:`~distribution.eprom.ledger.order_line` writes it;
    an optional ``"ref"`` is the caller's reference, and a ledger's state
    (:meth:`~distribution.eprom.ledger.CallbackLedger.dump`) reads too. In Python, an order is
    also an ``(id, Decision)`` pair, or a mapping whose ``"decision"`` is a
    :class:`~distribution.engine.Decision`. *callbacks* holds ePROM's callback bodies as they
    came (text or a decoded mapping), or callbacks already read
    (:func:`~distribution.eprom.callbacks.read_callback`). Blank lines are skipped; line numbers
    count them. An item of any other Python type raises
    :class:`~distribution.errors.InvalidTypeError` naming what is taken.

    This is :class:`~distribution.eprom.ledger.CallbackLedger` run over two files: the orders
    are loaded now (a bad one raises at once, naming *orders_name* and the line), the callbacks
    fed to it as the returned :class:`Verification` is iterated, which yields each
    :class:`Anomaly` as it is found. A callback line that cannot be read is an ``UNREADABLE``
    anomaly naming its line, and the run goes on.
    """
    ledger = CallbackLedger.load(orders, name=orders_name)
    return Verification(ledger, callbacks, callbacks_name)
