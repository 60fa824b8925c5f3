"""The decision: a rule (or a priority list) and an availability give the fallback chain.

Evaluation is one idea: keep the route's channels that are available, in route order; the first
is the channel ePROM uses, the rest are the fallbacks it would try next. Because there are only
9 rules times 16 availabilities, every rule's :class:`Decision` is computed once at import and
shared: :func:`decide` is a table lookup and allocates nothing.

>>> d = decide("BasicOrPaper", Availability(digital_mailbox=True, paper=True))
>>> d.channel
<NotificationChannel.DIGITAL_MAILBOX: 2>
>>> d.fallbacks
(<NotificationChannel.PHYSICAL_MAILBOX: 4>,)
>>> d.outcome
<Outcome.NOTIFIED: 'NOTIFIED'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, TypeVar, final

import attrs

from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import DistributionRule, NotificationChannel, exact_names
from distribution.errors import InvalidValueError, wrong_type
from distribution.routes import ROUTES, Route, parse_priority_list

if TYPE_CHECKING:
    from distribution._texts import Lang

__all__ = [
    "Decision",
    "Outcome",
    "channels_many",
    "decide",
    "decide_each",
    "decide_many",
    "decide_priority_list",
    "fallback_chain",
]


class Outcome(enum.Enum):
    """What became of a decision."""

    NOTIFIED = "NOTIFIED"
    """A channel was chosen; ePROM notifies the patient on it."""
    NOT_DISTRIBUTED = "NOT_DISTRIBUTED"
    """NoDistribution: nothing is sent; the ordering system gives the patient a one-time code."""
    UNREACHABLE = "UNREACHABLE"
    """The rule permits channels, but the patient is available on none of them."""


def _check_rule(
    _instance: object, _attribute: attrs.Attribute[DistributionRule | None], value: object
) -> None:
    if value is not None and type(value) is not DistributionRule:
        raise wrong_type(value, field="Decision.rule", expected="a DistributionRule or None")


def _check_availability(
    _instance: object, attribute: attrs.Attribute[Availability], value: object
) -> None:
    if type(value) is not Availability:
        raise wrong_type(value, field=f"Decision.{attribute.name}", expected="an Availability")


def _as_route(channels: Iterable[NotificationChannel]) -> Route:
    # A text or a non-iterable is left as it is, for __attrs_post_init__ to refuse by name.
    if isinstance(channels, str | bytes) or not isinstance(channels, Iterable):
        return channels  # type: ignore[return-value]
    return tuple(channels)


@final
@attrs.frozen
class Decision:
    """How ePROM reaches the patient, and what it would try next.

    Get decisions from :func:`decide` or :func:`decide_priority_list`; they are shared,
    immutable and hashable. The constructor takes ``rule``, ``route`` and ``availability`` and
    derives the rest, refusing a route that is not the rule's (or, with ``rule=None``, not a
    valid priority list), so no decision can contradict itself.

    Attributes:
        rule: the :class:`DistributionRule`, or ``None`` for a message's priority list.
        route: the channels the rule (or list) permits, in order.
        availability: the patient's :class:`Availability`.
        chain: the route's available channels, in route order: the fallback chain.
        channel: the chain's head, or ``NotificationChannel.NONE`` when the chain is empty.
        fallbacks: the chain after the chosen channel.
        outcome: :class:`Outcome`.
    """

    rule: DistributionRule | None = attrs.field(validator=_check_rule)
    route: Route = attrs.field(converter=_as_route)
    availability: Availability = attrs.field(validator=_check_availability)
    chain: Route = attrs.field(init=False, eq=False, repr=False)
    channel: NotificationChannel = attrs.field(init=False, eq=False)
    fallbacks: Route = attrs.field(init=False, eq=False, repr=False)
    outcome: Outcome = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        given: object = self.route
        if not isinstance(given, tuple):
            raise wrong_type(given, field="Decision.route", expected="a sequence of channels")
        if self.rule is None:
            route = parse_priority_list(given, field="Decision.route")
        else:
            route = ROUTES[self.rule]
            channels = tuple(parse_channel(c, field="Decision.route") for c in given)
            if channels != route:
                raise InvalidValueError(
                    "inconsistent",
                    value=_names(channels),
                    field="Decision.route",
                    expected=_names(route),
                )
        _derive(self, route)

    def to_dict(self) -> dict[str, object]:
        """Return the decision in the stable JSON wire format (``docs/wire-format.md``).

        >>> decide("PaperOnly", Availability(paper=True)).to_dict()["channel"]
        {'code': 4, 'name': 'PhysicalMailbox'}
        """
        from distribution._wire import decision_to_dict  # noqa: PLC0415  # keeps import light

        return decision_to_dict(self)

    @classmethod
    def from_dict(cls, payload: object) -> Decision:
        """Read a decision back from :meth:`to_dict`'s format.

        Refuses a payload that is malformed (missing or unknown keys, wrong types, a name that
        does not match its code) or inconsistent (a chain, channel or outcome that the rule and
        availability would not give) with a :class:`~distribution.errors.DistributionError`.
        """
        from distribution._wire import decision_from_dict  # noqa: PLC0415  # keeps import light

        return decision_from_dict(payload)

    def explain(self, *, lang: Lang = "en") -> str:
        """Return a plain explanation of this decision for support staff (see :func:`explain`)."""
        # The one upward import in the library: the explainer builds on decisions, and a
        # decision offers its explanation for convenience. Imported on use, never at import.
        from distribution.explainer import explain_decision  # noqa: PLC0415

        return explain_decision(self, lang=lang)


# Each channel's bit in Availability.index (helsenorge is bit 0, in CHANNEL_FIELDS order).
_BIT: Final = {channel: 1 << bit for bit, channel in enumerate(CHANNEL_FIELDS)}


def _derive(decision: Decision, route: Route) -> None:
    """Fill in the derived fields of *decision*: the one evaluation rule of the library."""
    flags = decision.availability.index
    chain = tuple(channel for channel in route if flags & _BIT[channel])
    outcome = (
        Outcome.NOTIFIED if chain else Outcome.UNREACHABLE if route else Outcome.NOT_DISTRIBUTED
    )
    set_ = object.__setattr__
    set_(decision, "route", route)
    set_(decision, "chain", chain)
    set_(decision, "channel", chain[0] if chain else NotificationChannel.NONE)
    set_(decision, "fallbacks", chain[1:])
    set_(decision, "outcome", outcome)


def _trusted(rule: DistributionRule | None, route: Route, availability: Availability) -> Decision:
    """Build a decision from inputs known to be consistent, skipping the checks.

    Only the import-time tables use it: the constructor's checks would make importing the
    library several times slower, and the tests compare every table entry with a checked one.
    """
    decision = object.__new__(Decision)
    object.__setattr__(decision, "rule", rule)
    object.__setattr__(decision, "availability", availability)
    _derive(decision, route)
    return decision


def _names(route: Iterable[NotificationChannel]) -> str:
    return "[" + ", ".join(channel.api_name for channel in route) + "]"


_AVAILABILITIES: Final = Availability.all()

# Rule code -> 16 decisions, indexed by Availability.index. A tuple indexed by the rule's code.
_BY_RULE: Final[tuple[tuple[Decision, ...], ...]] = tuple(
    tuple(_trusted(rule, ROUTES[rule], availability) for availability in _AVAILABILITIES)
    for rule in DistributionRule
)


_CHANNELS_BY_RULE: Final = tuple(tuple(d.channel for d in row) for row in _BY_RULE)
# Bound once: looking a method up on an enum class costs more than the rest of decide().
_parse_rule: Final = DistributionRule.parse
_RULE_EXACT: Final = exact_names(DistributionRule)


def _availability(value: object) -> Availability:
    if type(value) is not Availability:
        raise wrong_type(value, field="availability", expected="an Availability")
    return value


def decide(rule: DistributionRule | int | str, availability: Availability) -> Decision:
    """Return the decision for *rule* (anything :meth:`DistributionRule.parse` takes).

    The decision is shared and precomputed: with an enum rule the call is a table lookup.

    Raises:
        DistributionError: *rule* is not a rule, or *availability* is not an ``Availability``.
    """
    # The hot path: two identity checks and two indexings, no allocation. `__class__` is a
    # little cheaper than calling type(); both refuse subclasses and look-alikes (True, 1.0).
    if rule.__class__ is DistributionRule and availability.__class__ is Availability:
        return _BY_RULE[rule][availability._bits]  # noqa: SLF001  # the library's own table key
    # Kept out of line: a smaller frame for the hot path above.
    return _decide_parsed(rule, availability)


def _decide_parsed(rule: object, availability: object) -> Decision:
    kind = rule.__class__
    # An int code or an exact name ("BasicOrPaper", "3") is one more dict lookup; anything
    # else goes through the full parse, which also makes the error.
    parsed = _RULE_EXACT.get(rule) if kind is int or kind is str else None
    if parsed is None:
        parsed = _parse_rule(rule)
    return _BY_RULE[parsed][_availability(availability)._bits]  # noqa: SLF001


def fallback_chain(
    rule: DistributionRule | int | str, availability: Availability
) -> tuple[NotificationChannel, ...]:
    """Return the channels *rule* permits that are available, in the rule's order."""
    return decide(rule, availability).chain


def decide_priority_list(channels: Iterable[object], availability: Availability) -> Decision:
    """Return the decision for a message's explicit priority list (``domain.md`` §2).

    *channels* is a non-empty sequence of distinct channels (see
    :func:`~distribution.routes.parse_priority_list`); the decision has ``rule=None`` and the
    list as its route.
    """
    # Built per call rather than precomputed: the 64 lists times 16 availabilities would
    # quadruple the library's import time for a path that is not hot (one message at a time).
    return _trusted(None, parse_priority_list(channels), _availability(availability))


def decide_many(
    rule: DistributionRule | int | str, availabilities: Iterable[Availability]
) -> list[Decision]:
    """Return one decision per availability, for one rule: the batch form of :func:`decide`."""
    return _batch(_BY_RULE[_parse_rule(rule)], availabilities)


def channels_many(
    rule: DistributionRule | int | str, availabilities: Iterable[Availability]
) -> list[NotificationChannel]:
    """Return the chosen channel per availability (``NONE`` when nothing is sent), for one rule."""
    return _batch(_CHANNELS_BY_RULE[_parse_rule(rule)], availabilities)


T = TypeVar("T")


def _batch(row: tuple[T, ...], availabilities: Iterable[Availability]) -> list[T]:
    items = availabilities if availabilities.__class__ in (list, tuple) else list(availabilities)
    try:
        # Only an Availability has `_bits`: anything else fails here, and the slow scan below
        # finds it and says which item it was. No per-item check on the way to a good result.
        return [row[a._bits] for a in items]  # noqa: SLF001
    except (AttributeError, TypeError):
        for item in items:
            _availability(item)
        raise  # pragma: no cover  # the scan raised for the item that failed


def decide_each(
    pairs: Iterable[tuple[DistributionRule | int | str, Availability]],
) -> list[Decision]:
    """Return one decision per ``(rule, availability)`` pair: each patient with their own rule."""
    rule_class, rows = DistributionRule, _BY_RULE
    items = pairs if pairs.__class__ in (list, tuple) else list(pairs)
    try:
        return [
            rows[r][a._bits] if r.__class__ is rule_class else decide(r, a)  # noqa: SLF001
            for r, a in items
        ]
    except (AttributeError, TypeError, ValueError):
        for pair in items:
            _check_pair(pair)
        raise  # pragma: no cover  # the scan raised for the item that failed


def _check_pair(pair: object) -> None:
    if not isinstance(pair, tuple | list) or len(pair) != 2:  # a pair
        raise wrong_type(pair, field="pair", expected="a (rule, availability) pair")
    decide(pair[0], pair[1])
