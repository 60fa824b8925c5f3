"""Deciding with channels not known: what ePROM may do, and what an observed channel implies.

A support desk rarely knows all four channels. :class:`PartialAvailability` holds each one as
available, unavailable or not known (``None``); :func:`possible_decisions` lists every decision
ePROM could make, each with the least it must assume about the unknown channels; and
:func:`diagnose` goes the other way, from the channel ePROM actually used to what must have been
(un)available. This module changes when reasoning under unknown channels changes; what a rule
permits stays in :mod:`distribution.routes`, and how a decision is made in
:mod:`distribution.engine`, which both functions here call for every decision they return.

>>> known = PartialAvailability(helsenorge=None, digital_mailbox=False, krr_contact=None,
...                             paper=True)
>>> for case in possible_decisions("BasicOrPaper", known).cases:
...     print(dict(case.assuming), case.decision.channel.api_name)
{'helsenorge': True} Helsenorge
{'helsenorge': False} PhysicalMailbox

Which facts of the patient's record explain a channel's status is the patient layer's matter
(:mod:`distribution.patient.eligibility`); a module there can start from a :class:`Diagnosis`'s
:attr:`~Diagnosis.inferred` and :attr:`~Diagnosis.must_be_available` channels.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution._errors import Expected, exactly, wrong_type
from distribution._reading import check_keys, given_mapping, maybe
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import Decision, decide, decide_priority_list
from distribution.routes import ROUTES, Route, parse_priority_list

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Case",
    "ChannelStatus",
    "Diagnosis",
    "PartialAvailability",
    "PossibleDecisions",
    "diagnose",
    "possible_decisions",
]

_FIELDS: Final = tuple(CHANNEL_FIELDS.values())  # the wire order: helsenorge first, paper last


class ChannelStatus(enum.Enum):
    """What is known of one channel."""

    AVAILABLE = "AVAILABLE"
    """The patient can be reached on the channel."""
    UNAVAILABLE = "UNAVAILABLE"
    """The patient cannot be reached on the channel."""
    UNKNOWN = "UNKNOWN"
    """Not known either way."""


_STATUS: Final[Mapping[bool | None, ChannelStatus]] = MappingProxyType(
    {
        True: ChannelStatus.AVAILABLE,
        False: ChannelStatus.UNAVAILABLE,
        None: ChannelStatus.UNKNOWN,
    }
)
_FLAG = exactly(bool, optional=True)


@final
@attrs.frozen(kw_only=True)
class PartialAvailability:
    """Which channels a patient can be reached on, as far as is known.

    Each field is ``True`` (available), ``False`` (unavailable) or ``None`` (not known), and
    nothing else (``1`` or ``"yes"`` raise :class:`~distribution.errors.InvalidTypeError`). The
    fields are those of :class:`~distribution.availability.Availability`; a field not given is
    not known. Instances are immutable and hashable; :func:`attrs.evolve` makes changed copies.

    >>> known = PartialAvailability(helsenorge=None, paper=True)
    >>> known.status("paper"), [channel.api_name for channel in known.unknown]
    (<ChannelStatus.AVAILABLE: 'AVAILABLE'>, ['Helsenorge', 'DigitalMailbox', 'Unsecure'])
    >>> len(known.completions())
    8
    """

    helsenorge: bool | None = attrs.field(default=None, validator=_FLAG)
    digital_mailbox: bool | None = attrs.field(default=None, validator=_FLAG)
    krr_contact: bool | None = attrs.field(default=None, validator=_FLAG)
    paper: bool | None = attrs.field(default=None, validator=_FLAG)

    @classmethod
    def of(cls, availability: Availability) -> PartialAvailability:
        """Return *availability* with every channel known."""
        if type(availability) is not Availability:
            raise wrong_type(availability, field="availability", expected="an Availability")
        return cls(**availability.to_dict())

    def status(self, channel: NotificationChannel | int | str) -> ChannelStatus:
        """Return what is known of *channel* (anything :func:`parse_channel` takes but NONE)."""
        return _STATUS[self._flag(parse_channel(channel))]

    @property
    def unknown(self) -> tuple[NotificationChannel, ...]:
        """The channels not known, in the wire order (Helsenorge, mailbox, KRR, paper)."""
        return tuple(channel for channel in CHANNEL_FIELDS if self._flag(channel) is None)

    @property
    def is_settled(self) -> bool:
        """Whether every channel is known."""
        return not self.unknown

    def completions(self) -> tuple[Availability, ...]:
        """Return every availability that agrees with what is known, by :attr:`Availability.index`.

        One for a settled partial availability, 16 when nothing is known.
        """
        return tuple(a for a in Availability.all() if self.admits(a))

    def admits(self, availability: Availability) -> bool:
        """Return whether *availability* agrees with every channel that is known."""
        if type(availability) is not Availability:
            raise wrong_type(availability, field="availability", expected="an Availability")
        return all(
            known is None or known is getattr(availability, name)
            for name, known in self.to_dict().items()
        )

    def to_dict(self) -> dict[str, bool | None]:
        """Return the four fields by wire key, ``None`` (JSON ``null``) for a channel not known."""
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_dict(cls, payload: Mapping[str, object]) -> PartialAvailability:
        """Read :meth:`to_dict`'s format back: an object with exactly the four wire keys.

        Raises:
            DistributionError: *payload* is not an object, lacks a key or has another, or a
                value is not ``true``, ``false`` or ``null``.
        """
        field = "partial availability"
        data = given_mapping(payload, field)
        check_keys(data, field, required=_FIELDS, allowed=_FIELDS, null_is_missing=False)
        flags = {
            key: maybe(data[key], bool, f"{field}.{key}", "true, false or null") for key in _FIELDS
        }
        return cls(**flags)

    def _flag(self, channel: NotificationChannel) -> bool | None:
        flag: bool | None = getattr(self, CHANNEL_FIELDS[channel])
        return flag


def _read_only(assuming: Mapping[str, bool]) -> Mapping[str, bool]:
    return MappingProxyType(dict(assuming))


def _items(assuming: Mapping[str, bool]) -> tuple[tuple[str, bool], ...]:
    return tuple(assuming.items())


@final
@attrs.frozen
class Case:
    """One decision ePROM may make, and what must hold of the unknown channels for it.

    Every availability that agrees with what is known and with :attr:`assuming` gets the same
    chosen channel and outcome as :attr:`decision`. Get cases from :func:`possible_decisions`.

    Attributes:
        decision: the decision, for the availability in which every channel still unknown after
            the assumptions is unavailable. Its chain is what is certain: every availability of
            the case chooses the same channel and has these fallbacks, perhaps more.
        assuming: a read-only mapping from field name (``"helsenorge"``, …) to ``True`` or
            ``False``, over unknown channels only, in route order, and only those that the
            choice depends on. Empty when nothing needs assuming.
    """

    decision: Decision
    assuming: Mapping[str, bool] = attrs.field(converter=_read_only, eq=_items)


@final
@attrs.frozen
class PossibleDecisions:
    """Every decision ePROM may make when some channels are not known.

    The cases are exact and do not overlap: each availability that agrees with :attr:`known`
    falls in exactly one case, and gets that case's channel. Cases are in the order of the
    channels they choose on the route; a case in which nothing is sent comes last.

    Attributes:
        known: what was known.
        cases: the :class:`Case` tuple; one case, assuming nothing, when the answer is settled.
    """

    known: PartialAvailability
    cases: tuple[Case, ...]

    @property
    def settled(self) -> bool:
        """Whether ePROM's choice is the same whatever the unknown channels are."""
        return len(self.cases) == 1

    def within(self, possible: Iterable[Availability]) -> PossibleDecisions:
        """Return only the cases that some availability in *possible* falls in.

        The channels are not independent: the facts that open one often open another, so a
        patient may be unable to have some of the combinations :attr:`known` admits. Give the
        ones the patient can have (for facts,
        :func:`~distribution.patient.completions.possible_availabilities`) and the cases no
        such combination falls in are left out. When none is left, the cases are kept as
        they are: *possible* and :attr:`known` contradict each other.

        >>> known = PartialAvailability(helsenorge=None, digital_mailbox=False,
        ...                             krr_contact=None, paper=False)
        >>> possible = possible_decisions("AllowUnsecure", known)
        >>> len(possible.cases)
        3
        >>> can = [Availability(helsenorge=True, krr_contact=True), Availability()]
        >>> [case.decision.channel.api_name for case in possible.within(can).cases]
        ['Helsenorge', 'None']
        """
        chosen = tuple(
            case
            for case in self.cases
            if any(
                self.known.admits(a)
                and all(getattr(a, name) is flag for name, flag in case.assuming.items())
                for a in possible
            )
        )
        return PossibleDecisions(self.known, chosen or self.cases)


@final
@attrs.frozen
class Diagnosis:
    """What the channel ePROM used says about the channels that were not known.

    All channel tuples are in the wire order. Over every availability that agrees with what
    was known and makes ePROM choose :attr:`got`:

    Attributes:
        got: the channel ePROM used; ``NotificationChannel.NONE`` when nothing was sent.
        consistent: whether any availability does; when not, the rule or what is known is
            wrong (or ePROM did something else), and the channel tuples are empty.
        must_be_unavailable: the channels unavailable in all of them.
        must_be_available: the channels available in all of them.
        irrelevant: the channels available in some and unavailable in others.
        already_known: the channels in :attr:`must_be_unavailable` that were known unavailable.
    """

    got: NotificationChannel
    consistent: bool
    must_be_unavailable: tuple[NotificationChannel, ...]
    must_be_available: tuple[NotificationChannel, ...]
    irrelevant: tuple[NotificationChannel, ...]
    already_known: tuple[NotificationChannel, ...]

    @property
    def inferred(self) -> tuple[NotificationChannel, ...]:
        """The channels in :attr:`must_be_unavailable` that were not known: the ones to check."""
        return tuple(c for c in self.must_be_unavailable if c not in self.already_known)


_RuleOrList = DistributionRule | int | str | Iterable[object]
"""A rule (anything :meth:`DistributionRule.parse` takes) or a message's priority list."""


def possible_decisions(
    rule_or_priority_list: _RuleOrList, known: PartialAvailability | Availability
) -> PossibleDecisions:
    """Return every decision ePROM may make for a rule or priority list, given what is *known*.

    *rule_or_priority_list* is what :func:`~distribution.engine.decide` takes as a rule, or a
    sequence of channels as :func:`~distribution.engine.decide_priority_list` takes; *known* is
    a :class:`PartialAvailability` (or an ``Availability``, all known). The route is walked in
    order: a known available channel ends the walk, a known unavailable one is passed, and an
    unknown one splits it, into a case that assumes it available (it is chosen) and a walk on
    that assumes it unavailable.

    >>> known = PartialAvailability(helsenorge=None, digital_mailbox=None, paper=False)
    >>> for case in possible_decisions(["DigitalMailbox", "Helsenorge"], known).cases:
    ...     print(dict(case.assuming), case.decision.outcome.name)
    {'digital_mailbox': True} NOTIFIED
    {'digital_mailbox': False, 'helsenorge': True} NOTIFIED
    {'digital_mailbox': False, 'helsenorge': False} UNREACHABLE
    """
    route, decide_for = _route(rule_or_priority_list)
    known = _partial(known)
    flags = known.to_dict()
    cases: list[Case] = []
    assuming: dict[str, bool] = {}
    for channel in route:
        name = CHANNEL_FIELDS[channel]
        if flags[name] is None:
            cases.append(_case(decide_for, flags, {**assuming, name: True}))
            assuming[name] = False
        elif flags[name]:
            break
    cases.append(_case(decide_for, flags, assuming))
    return PossibleDecisions(known, tuple(cases))


def _case(
    decide_for: Callable[[Availability], Decision],
    flags: Mapping[str, bool | None],
    assuming: Mapping[str, bool],
) -> Case:
    # The engine decides; the walk only said which availabilities share this decision.
    completion = {name: bool(assuming.get(name, flag)) for name, flag in flags.items()}
    return Case(decide_for(Availability(**completion)), assuming)


def diagnose(
    rule_or_priority_list: _RuleOrList,
    *,
    got: object,
    known: PartialAvailability | Availability,
) -> Diagnosis:
    """Return what ePROM choosing *got* says about the channels that were not *known*.

    *rule_or_priority_list* and *known* are as for :func:`possible_decisions`; *got* is the
    channel ePROM used (anything :func:`parse_channel` takes), or ``None`` (or ``NONE``) when
    nothing was sent.

    >>> diagnosis = diagnose("BasicOrPaper", got="PhysicalMailbox", known=PartialAvailability())
    >>> [channel.api_name for channel in diagnosis.must_be_unavailable]
    ['Helsenorge', 'DigitalMailbox']
    >>> [channel.api_name for channel in diagnosis.irrelevant]
    ['Unsecure']
    """
    channel = (
        NotificationChannel.NONE
        if got is None
        else parse_channel(got, field="got", allow_none=True)
    )
    possible = possible_decisions(rule_or_priority_list, known)
    # The cases choose different channels, so at most one explains what ePROM did; its
    # availabilities are exactly those that agree with what is known and its assumptions.
    case = next((c for c in possible.cases if c.decision.channel is channel), None)
    if case is None:
        return Diagnosis(
            got=channel,
            consistent=False,
            must_be_unavailable=(),
            must_be_available=(),
            irrelevant=(),
            already_known=(),
        )
    known_flags = possible.known.to_dict()
    flags = _by_flag({**known_flags, **case.assuming})
    return Diagnosis(
        got=channel,
        consistent=True,
        must_be_unavailable=flags[False],
        must_be_available=flags[True],
        irrelevant=flags[None],
        already_known=_by_flag(known_flags)[False],
    )


def _by_flag(
    flags: Mapping[str, bool | None],
) -> dict[bool | None, tuple[NotificationChannel, ...]]:
    """Return the channels whose flag is True, False and None, each in the wire order."""
    return {
        value: tuple(channel for channel, name in CHANNEL_FIELDS.items() if flags[name] is value)
        for value in (True, False, None)
    }


def _route(value: object) -> tuple[Route, Callable[[Availability], Decision]]:
    """Return the route *value* names, and how the engine decides for it."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        rule = DistributionRule.parse(value)
        return ROUTES[rule], lambda availability: decide(rule, availability)
    channels = parse_priority_list(value)
    return channels, lambda availability: decide_priority_list(channels, availability)


def _partial(value: object) -> PartialAvailability:
    if type(value) is Availability:
        return PartialAvailability.of(value)
    if type(value) is not PartialAvailability:
        raise wrong_type(
            value, field="known", expected=Expected(types=(PartialAvailability, Availability))
        )
    return value
