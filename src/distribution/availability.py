"""Which channels a patient can be reached on right now.

:class:`Availability` is four facts, one per channel a rule can use. It says nothing about *why*
a channel is (un)available; :mod:`distribution.eligibility` derives it from register facts.

>>> a = Availability.of("helsenorge", NotificationChannel.PHYSICAL_MAILBOX)
>>> a
Availability(helsenorge=True, digital_mailbox=False, krr_contact=False, paper=True)
>>> [channel.api_name for channel in a.channels]
['Helsenorge', 'PhysicalMailbox']
>>> a.without("paper").channels
(<NotificationChannel.HELSENORGE: 1>,)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution.codes import NotificationChannel
from distribution.errors import InvalidTypeError, InvalidValueError, UnknownCodeError, wrong_type

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CHANNEL_FIELDS", "Availability", "parse_channel"]

_C = NotificationChannel

CHANNEL_FIELDS: Final[Mapping[NotificationChannel, str]] = MappingProxyType(
    {
        _C.HELSENORGE: "helsenorge",
        _C.DIGITAL_MAILBOX: "digital_mailbox",
        _C.UNSECURE: "krr_contact",
        _C.PHYSICAL_MAILBOX: "paper",
    }
)
"""Each channel a patient can be reached on, and the :class:`Availability` field that holds it."""

_CHANNEL_OF_FIELD: Final = MappingProxyType({name: ch for ch, name in CHANNEL_FIELDS.items()})
_CHANNEL_CHOICES: Final = tuple(
    f"{name} ({channel.api_name})" for channel, name in CHANNEL_FIELDS.items()
)


def parse_channel(
    value: object, *, field: str = "channel", allow_none: bool = False
) -> NotificationChannel:
    """Return the reachable channel *value* names.

    Takes a field name (``"krr_contact"``, any letter case) or anything
    :meth:`NotificationChannel.parse` takes. ``NONE`` is refused unless *allow_none*: it is the
    absence of a channel, not one a patient can be reached on.
    """
    if isinstance(value, str):
        by_field = _CHANNEL_OF_FIELD.get(value.strip().lower())
        if by_field is not None and value.isascii():
            return by_field
    try:
        channel = NotificationChannel.parse(value)
    except UnknownCodeError:
        raise UnknownCodeError(
            "unknown_channel", value=value, field=field, choices=_CHANNEL_CHOICES
        ) from None
    if channel is NotificationChannel.NONE and not allow_none:
        raise InvalidValueError("channel_none", value=value, field=field, choices=_CHANNEL_CHOICES)
    return channel


def _strict_bool(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    # A flag takes True or False only: 1, "yes" or None is a caller's bug, not a fact.
    if type(value) is not bool:
        raise InvalidTypeError(
            "not_bool",
            value=value,
            field=f"{type(instance).__name__}.{attribute.name}",
            type=type(value).__qualname__,
        )


@final
@attrs.frozen(kw_only=True)
class Availability:
    """Which channels a patient can be reached on.

    Each field is a real ``bool`` (``1``, ``"yes"`` or ``None`` raise
    :class:`~distribution.errors.InvalidTypeError`):

    - ``helsenorge``: the patient can receive the form on Helsenorge (channel ``HELSENORGE``);
    - ``digital_mailbox``: a secure digital mailbox, Digipost or e-Boks (``DIGITAL_MAILBOX``);
    - ``krr_contact``: an e-mail address or mobile number in KRR (``UNSECURE``);
    - ``paper``: a postal address (``PHYSICAL_MAILBOX``).

    Instances are immutable and hashable; build new ones with :meth:`of`, :meth:`without` or
    :func:`attrs.evolve`.
    """

    helsenorge: bool = attrs.field(default=False, validator=_strict_bool)
    digital_mailbox: bool = attrs.field(default=False, validator=_strict_bool)
    krr_contact: bool = attrs.field(default=False, validator=_strict_bool)
    paper: bool = attrs.field(default=False, validator=_strict_bool)
    # The four flags as a number 0-15 (helsenorge is bit 0); the engine's tables are indexed by
    # it. A private name, so that the engine's batch paths can read it without a class check per
    # item: no other object has a `_bits` attribute by accident.
    _bits: int = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Runs after the validators, so the flags are real bools here.
        index = (
            self.helsenorge | self.digital_mailbox << 1 | self.krr_contact << 2 | self.paper << 3
        )
        object.__setattr__(self, "_bits", index)

    @classmethod
    def of(cls, *channels: object) -> Availability:
        """Return the availability in which exactly *channels* are available.

        Each channel is anything :func:`parse_channel` takes; a repeated channel is harmless.
        """
        fields = {CHANNEL_FIELDS[parse_channel(channel)]: True for channel in channels}
        return cls(**fields)

    @property
    def index(self) -> int:
        """The four flags as a number 0-15.

        Helsenorge is bit 0, then digital_mailbox, krr_contact and paper;
        :meth:`from_index` goes the other way.
        """
        return self._bits

    @classmethod
    def from_index(cls, index: int) -> Availability:
        """Return the availability whose :attr:`index` is *index* (0-15)."""
        if type(index) is not int:
            raise wrong_type(index, field="index", expected="int")
        if not 0 <= index < 16:  # four flags
            raise InvalidValueError(
                "unknown_code", value=index, field="Availability index", choices=("0-15",)
            )
        return cls(
            helsenorge=bool(index & 1),
            digital_mailbox=bool(index & 2),
            krr_contact=bool(index & 4),
            paper=bool(index & 8),
        )

    @classmethod
    def all(cls) -> tuple[Availability, ...]:
        """Return all 16 availabilities, ordered by :attr:`index`."""
        return tuple(cls.from_index(index) for index in range(16))

    @property
    def channels(self) -> tuple[NotificationChannel, ...]:
        """The available channels, in code order."""
        return tuple(ch for ch, name in CHANNEL_FIELDS.items() if getattr(self, name))

    def has(self, channel: object) -> bool:
        """Return whether *channel* (anything :func:`parse_channel` takes) is available."""
        return bool(getattr(self, CHANNEL_FIELDS[parse_channel(channel)]))

    def without(self, channel: object) -> Availability:
        """Return a copy in which *channel* is not available.

        ``NONE`` is accepted here and changes nothing, so that
        ``availability.without(decision.channel)`` works for every decision.
        """
        parsed = parse_channel(channel, allow_none=True)
        if parsed is NotificationChannel.NONE:
            return self
        return attrs.evolve(self, **{CHANNEL_FIELDS[parsed]: False})

    def with_(self, channel: object) -> Availability:
        """Return a copy in which *channel* is available."""
        return attrs.evolve(self, **{CHANNEL_FIELDS[parse_channel(channel)]: True})

    def to_dict(self) -> dict[str, bool]:
        """Return the four flags by field name (the wire format's ``availability``)."""
        return {name: bool(getattr(self, name)) for name in CHANNEL_FIELDS.values()}
