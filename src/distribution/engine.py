"""The decision: a rule (or a priority list) and an availability give the fallback chain.

Everything that decides lives here: the one evaluation rule, the shared table of rule decisions
and the decision's JSON wire format. Evaluation is one idea: keep the route's channels that are
available, in route order; the first is the channel ePROM uses, the rest are the fallbacks it
would try next. Because there are only 9 rules times 16 availabilities, every rule's
:class:`Decision` is computed once at import and shared: :func:`decide` is a table lookup and
allocates nothing.

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
from collections.abc import Iterable, Mapping
from operator import itemgetter
from types import MappingProxyType
from typing import Final, Literal, TypedDict, TypeVar, final

import attrs

from distribution._errors import InvalidValueError, wrong_type
from distribution._reading import (
    check_keys,
    exact,
    given_mapping,
    json_list,
    json_object,
    read_object,
)
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import DistributionRule, NotificationChannel
from distribution.routes import ROUTES, Route, parse_priority_list

__all__ = [
    "AvailabilityDict",
    "CodeDict",
    "Decision",
    "DecisionDict",
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


class CodeDict(TypedDict):
    """A code on the wire: ``{"code": 3, "name": "BasicOrPaper"}``."""

    code: int
    name: str


class AvailabilityDict(TypedDict):
    """The four availability flags on the wire, by field name."""

    helsenorge: bool
    digital_mailbox: bool
    krr_contact: bool
    paper: bool


class DecisionDict(TypedDict):
    """A decision in the JSON wire format (``docs/wire-format.md``)."""

    rule: CodeDict | None
    route: list[CodeDict]
    availability: AvailabilityDict
    chain: list[CodeDict]
    channel: CodeDict
    outcome: Literal["NOTIFIED", "NOT_DISTRIBUTED", "UNREACHABLE"]


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


def _as_route(channels: Iterable[NotificationChannel | int | str]) -> Route:
    # A text or a non-iterable is left as it is, for __attrs_post_init__ to refuse by name.
    if isinstance(channels, str | bytes) or not isinstance(channels, Iterable):
        return channels  # type: ignore[return-value]
    return tuple(channels)  # type: ignore[arg-type]  # __attrs_post_init__ parses each channel


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

    def to_dict(self) -> DecisionDict:
        """Return the decision in the stable JSON wire format (``docs/wire-format.md``).

        >>> decide("PaperOnly", Availability(paper=True)).to_dict()["channel"]
        {'code': 4, 'name': 'PhysicalMailbox'}
        """
        return {
            "rule": None if self.rule is None else _code_dict(self.rule),
            "route": [_code_dict(channel) for channel in self.route],
            "availability": {
                "helsenorge": self.availability.helsenorge,
                "digital_mailbox": self.availability.digital_mailbox,
                "krr_contact": self.availability.krr_contact,
                "paper": self.availability.paper,
            },
            "chain": [_code_dict(channel) for channel in self.chain],
            "channel": _code_dict(self.channel),
            "outcome": self.outcome.value,
        }

    @classmethod
    def from_dict(cls, payload: Mapping[str, object]) -> Decision:
        """Read a decision back from :meth:`to_dict`'s format, decoded from JSON.

        Refuses a payload that is malformed (missing or unknown keys, wrong types, a name that
        does not match its code) or inconsistent (a route that is not the rule's, or a chain,
        channel or outcome that the rule and availability would not give) with an
        :class:`~distribution.errors.InvalidValueError` or
        :class:`~distribution.errors.UnknownCodeError`; a *payload* that is not a mapping at all
        with :class:`~distribution.errors.InvalidTypeError`.
        """
        data = _mapping(given_mapping(payload, "decision"), "decision", _KEYS)
        rule = None if data["rule"] is None else _code(data["rule"], "rule", DistributionRule)
        decision = cls(
            rule, _channels(data["route"], "route"), _wire_availability(data["availability"])
        )
        said = {
            "chain": _channels(data["chain"], "chain"),
            "channel": _code(data["channel"], "channel", NotificationChannel),
            "outcome": _outcome(data["outcome"]),
        }
        for key, value in said.items():
            expected = getattr(decision, key)
            if value != expected:
                raise InvalidValueError(
                    "inconsistent", value=_shown(value), field=key, expected=_shown(expected)
                )
        return decision

    @classmethod
    def from_json(cls, text: str | bytes) -> Decision:
        """Read a decision from its JSON text, as :meth:`from_dict` reads it decoded.

        >>> import json
        >>> d = decide("PaperOnly", Availability(paper=True))
        >>> Decision.from_json(json.dumps(d.to_dict())) == d
        True
        """
        return cls.from_dict(read_object(text, "decision"))


def _derive(decision: Decision, route: Route) -> None:
    """Fill in the derived fields of *decision*: the one evaluation rule of the library."""
    available = decision.availability
    chain = tuple(channel for channel in route if getattr(available, CHANNEL_FIELDS[channel]))
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

    The import-time table and priority lists (already parsed) use it: the constructor's checks
    would make importing the library several times slower, and the tests compare every table
    entry with a checked one.
    """
    decision = object.__new__(Decision)
    object.__setattr__(decision, "rule", rule)
    object.__setattr__(decision, "availability", availability)
    _derive(decision, route)
    return decision


def _names(route: Iterable[NotificationChannel]) -> str:
    return "[" + ", ".join(channel.api_name for channel in route) + "]"


# --- the shared table -------------------------------------------------------------------------

_BY_RULE: Final[Mapping[DistributionRule, tuple[Decision, ...]]] = MappingProxyType(
    {
        rule: tuple(_trusted(rule, ROUTES[rule], a) for a in Availability.all())
        for rule in DistributionRule
    }
)
"""Each rule's 16 decisions, indexed by :attr:`Availability.index`."""

# The table's rows by every exact spelling of a rule: the member, its code (3), the code as text
# ("3"), its API name and its member name. Members hash by identity and are never equal to an
# int or a str, so one dict serves them all; decide() admits only these three classes here,
# because a float or a bool would hash like the int code.
# A plain dict, not a read-only proxy: the proxy's extra indirection shows in decide()'s time.
_ROWS: Final[dict[object, tuple[Decision, ...]]] = {
    key: row
    for rule, row in _BY_RULE.items()
    for key in (rule, rule.value, str(rule.value), rule.api_name, rule.name)
}
_EXACT_KINDS: Final = frozenset({DistributionRule, int, str})

# The batch forms' tables: by every exact spelling of a rule, the decisions (or chosen channels)
# keyed by the shared Availability instances themselves. Anything that is not an Availability
# misses (KeyError or TypeError) instead of being read by an attribute it happens to have.
_DECISIONS_BY_KEY: Final[Mapping[object, Mapping[Availability, Decision]]] = MappingProxyType(
    {key: dict(zip(Availability.all(), row, strict=True)) for key, row in _ROWS.items()}
)
# decide_each's copy as a plain dict: a read-only proxy's indirection shows in a per-item loop.
_EACH: Final[dict[object, Mapping[Availability, Decision]]] = dict(_DECISIONS_BY_KEY)
_CHANNELS_BY_KEY: Final[Mapping[object, Mapping[Availability, NotificationChannel]]] = (
    MappingProxyType(
        {
            key: {a: d.channel for a, d in decisions.items()}
            for key, decisions in _DECISIONS_BY_KEY.items()
        }
    )
)


def _availability(value: object) -> Availability:
    if type(value) is not Availability:
        raise wrong_type(value, field="availability", expected="an Availability")
    return value


def decide(rule: DistributionRule | int | str, availability: Availability) -> Decision:
    """Return the decision for *rule* (anything :meth:`DistributionRule.parse` takes).

    The decision is shared and precomputed: with a member, a code or an exact name the call is
    two table lookups.

    Raises:
        DistributionError: *rule* is not a rule, or *availability* is not an ``Availability``.
    """
    # The one fast path: an exact spelling of a rule and a real Availability. The class test
    # refuses subclasses and look-alikes that hash like a code (True, 1.0); one set lookup
    # costs the same for a member, an int and a str, where a chain of `is` favours the first.
    if rule.__class__ in _EXACT_KINDS and availability.__class__ is Availability:
        try:  # free when nothing is raised; a spelling outside the table falls through
            return _ROWS[rule][availability.index]
        except KeyError:
            pass
    # Anything else: one parse, which also makes the error.
    return _BY_RULE[DistributionRule.parse(rule)][_availability(availability).index]


def fallback_chain(
    rule: DistributionRule | int | str, availability: Availability
) -> tuple[NotificationChannel, ...]:
    """Return the channels *rule* permits that are available, in the rule's order."""
    return decide(rule, availability).chain


def decide_priority_list(
    channels: Iterable[NotificationChannel | int | str], availability: Availability
) -> Decision:
    """Return the decision for a message's explicit priority list (``docs/sources.md`` §2).

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
    return _batch(_DECISIONS_BY_KEY, rule, availabilities)


def channels_many(
    rule: DistributionRule | int | str, availabilities: Iterable[Availability]
) -> list[NotificationChannel]:
    """Return the chosen channel per availability (``NONE`` when nothing is sent), for one rule."""
    return _batch(_CHANNELS_BY_KEY, rule, availabilities)


T = TypeVar("T")
_CHUNK: Final = 2048  # items per itemgetter in the batch forms


def _listed(availabilities: object) -> list[Availability]:
    if not isinstance(availabilities, Iterable):
        raise wrong_type(availabilities, field="availabilities", expected="an iterable")
    return list(availabilities)


def _batch(
    table: Mapping[object, Mapping[Availability, T]],
    rule: object,
    availabilities: Iterable[Availability],
) -> list[T]:
    items = availabilities if availabilities.__class__ in (list, tuple) else _listed(availabilities)
    row = table.get(rule) if rule.__class__ in _EXACT_KINDS else None
    if row is None:
        row = table[DistributionRule.parse(rule)]
    try:
        # An itemgetter reads a chunk of items in C, without a Python step per item: faster
        # than a list comprehension. Chunks keep its two tuples small enough to stay in the
        # CPU's caches (one over all the items is slower, and holds two copies of the input).
        decided: list[T] = []
        for start in range(0, len(items), _CHUNK):
            chunk = items[start : start + _CHUNK]
            if len(chunk) > 1:
                decided += itemgetter(*chunk)(row)
            else:
                decided.append(row[chunk[0]])  # itemgetter gives one item bare
    except (KeyError, TypeError):
        # Only the 16 shared availabilities are keys: find the item that is not one, by name.
        for item in items:
            _availability(item)
        raise AssertionError from None  # pragma: no cover  # the scan raised for that item
    return decided


def decide_each(
    pairs: Iterable[tuple[DistributionRule | int | str, Availability]],
) -> list[Decision]:
    """Return one decision per ``(rule, availability)`` pair: each patient with their own rule."""
    items = pairs if pairs.__class__ in (list, tuple) else list(pairs)
    table = _EACH
    try:
        # The rules' classes first, so the loop is two dict lookups: a bool or a float would
        # otherwise hash like the int code and read its row. Reading the rule by index refuses
        # a set, which would unpack in an order that changes from run to run.
        if _EXACT_KINDS.issuperset({pair[0].__class__ for pair in items}):
            return [table[r][a] for r, a in items]
    except (KeyError, TypeError, ValueError):
        pass
    return _each_slowly(items)


def _each_slowly(items: Iterable[object]) -> list[Decision]:
    # A spelling outside the table ("basic"), a non-pair or a bad item: every pair the slow
    # way, which reads what parse reads and names what is wrong.
    return [decide(*_pair(pair)) for pair in items]


def _pair(pair: object) -> tuple[DistributionRule | int | str, Availability]:
    if not isinstance(pair, tuple | list) or len(pair) != 2:  # a pair
        raise wrong_type(pair, field="pair", expected="a (rule, availability) pair")
    return (pair[0], pair[1])


# --- the wire format --------------------------------------------------------------------------

_KEYS: Final = ("rule", "route", "availability", "chain", "channel", "outcome")
_CODE_KEYS: Final = ("code", "name")

CodeT = TypeVar("CodeT", DistributionRule, NotificationChannel)


def _code_dict(member: DistributionRule | NotificationChannel) -> CodeDict:
    return {"code": member.value, "name": member.api_name}


def _mapping(value: object, field: str, keys: tuple[str, ...]) -> Mapping[str, object]:
    # Every key, and no other; a null is a value here (a message's decision has a null rule).
    data = json_object(value, field)
    check_keys(data, field, required=keys, allowed=keys, null_is_missing=False)
    return data


def _code(value: object, field: str, cls: type[CodeT]) -> CodeT:
    item = _mapping(value, field, _CODE_KEYS)
    # Only an int: the wire carries the number, the name travels beside it.
    code = exact(item["code"], int, f"{field}.code", "int")
    member = cls.parse(code)
    name = item["name"]
    if name != member.api_name:
        raise InvalidValueError(
            "name_mismatch", value=name, field=f"{field}.name", code=code, expected=member.api_name
        )
    return member


def _wire_availability(value: object) -> Availability:
    flags = _mapping(value, "availability", tuple(CHANNEL_FIELDS.values()))
    return Availability(
        **{
            name: exact(flags[name], bool, f"availability.{name}", "true or false")
            for name in CHANNEL_FIELDS.values()
        }
    )


def _channels(value: object, field: str) -> tuple[NotificationChannel, ...]:
    items = json_list(value, field)
    return tuple(_code(item, f"{field}[{i}]", NotificationChannel) for i, item in enumerate(items))


def _outcome(value: object) -> Outcome:
    text = exact(value, str, "outcome", "str")
    try:
        return Outcome(text)
    except ValueError:
        raise InvalidValueError(
            "unknown_code", value=value, field="outcome", choices=[o.value for o in Outcome]
        ) from None


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return _names(value)
    if isinstance(value, NotificationChannel):
        return value.api_name
    return str(getattr(value, "value", value))
