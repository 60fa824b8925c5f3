"""Which channels a patient can be reached on right now.

:class:`Availability` is four facts, one per channel a rule can use. It says nothing about *why*
a channel is (un)available; :mod:`distribution.patient.eligibility` derives it from register facts.

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

from distribution._errors import (
    InvalidTypeError,
    InvalidValueError,
    TypeName,
    UnknownCodeError,
    nearest,
    wrong_type,
)
from distribution.codes import NotificationChannel

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

# The words people type for each channel, in any letter case: the field names, Norwegian and
# English everyday words, and the brand names. The API and member names are read by
# NotificationChannel.parse.
CHANNEL_WORDS: Final[Mapping[str, NotificationChannel]] = MappingProxyType(
    {
        **dict.fromkeys(("helsenorge", "hn"), _C.HELSENORGE),
        **dict.fromkeys(
            (
                "digital_mailbox",
                "digital mailbox",
                "digipost",
                "e-boks",
                "eboks",
                "postkasse",
                "digital postkasse",
                "sikker digital postkasse",
            ),
            _C.DIGITAL_MAILBOX,
        ),
        **dict.fromkeys(
            ("krr_contact", "krr", "sms", "e-post", "epost", "mobil", "e-mail", "email"),
            _C.UNSECURE,
        ),
        **dict.fromkeys(
            ("paper", "papir", "papirbrev", "brev", "post", "postadresse", "letter"),
            _C.PHYSICAL_MAILBOX,
        ),
    }
)
"""Every word :func:`parse_channel` reads as a channel, besides the API and member names."""

_CHANNEL_CHOICES: Final = (
    "helsenorge",
    "digital_mailbox (digipost, e-boks)",
    "krr_contact (sms, e-post)",
    "paper (papir, brev)",
)
_SUGGESTIBLE: Final = (*CHANNEL_WORDS, *(channel.api_name for channel in CHANNEL_FIELDS))


def parse_channel(
    value: object, *, field: str = "channel", allow_none: bool = False
) -> NotificationChannel:
    """Return the reachable channel *value* names.

    Takes a word from :data:`CHANNEL_WORDS` (``"krr_contact"``, ``"papir"``, ``"Digipost"``, any
    letter case) or anything :meth:`NotificationChannel.parse` takes. ``NONE`` is refused unless
    *allow_none*: it is the absence of a channel, not one a patient can be reached on.

    >>> parse_channel("Papir"), parse_channel("e-post"), parse_channel("DigitalMailbox")
    (<NotificationChannel.PHYSICAL_MAILBOX: 4>, <NotificationChannel.UNSECURE: 3>, \
<NotificationChannel.DIGITAL_MAILBOX: 2>)
    """
    if isinstance(value, str):
        by_word = CHANNEL_WORDS.get(" ".join(value.split()).lower())
        if by_word is not None and value.isascii():
            return by_word
    try:
        channel = NotificationChannel.parse(value)
    except UnknownCodeError:
        raise UnknownCodeError(
            "unknown_channel",
            value=value,
            field=field,
            choices=_CHANNEL_CHOICES,
            suggestion=nearest(value, _SUGGESTIBLE),
        ) from None
    if channel is NotificationChannel.NONE and not allow_none:
        raise InvalidValueError("channel_none", value=value, field=field, choices=_CHANNEL_CHOICES)
    return channel


def _not_bool(name: str, value: object) -> InvalidTypeError:
    return InvalidTypeError(
        "not_bool", value=value, field=f"Availability.{name}", type=TypeName(value)
    )


_FIELDS: Final = tuple(CHANNEL_FIELDS.values())  # in bit order: helsenorge is bit 0
_BOOL: Final[type] = bool  # typed loosely, so that mypy does not call the first check redundant


@final
class Availability:
    """Which channels a patient can be reached on.

    Each field is a real ``bool`` (``1``, ``"yes"`` or ``None`` raise
    :class:`~distribution.errors.InvalidTypeError`):

    - ``helsenorge``: the patient can receive the form on Helsenorge (channel ``HELSENORGE``);
    - ``digital_mailbox``: a secure digital mailbox, Digipost or e-Boks (``DIGITAL_MAILBOX``);
    - ``krr_contact``: an e-mail address or mobile number in KRR (``UNSECURE``);
    - ``paper``: a postal address (``PHYSICAL_MAILBOX``).

    There are only 16 availabilities, and each exists once: the constructor checks its flags and
    returns the shared instance, so equal availabilities are the same object, and hashing one
    (as a dict key or set member) costs what hashing an ``int`` does. Instances are immutable;
    build new ones with :meth:`of`, :meth:`with_`, :meth:`without` or :func:`copy.replace`.

    >>> Availability(paper=True) is Availability.of("paper")
    True
    """

    __slots__ = ("digital_mailbox", "helsenorge", "index", "krr_contact", "paper")

    helsenorge: bool
    digital_mailbox: bool
    krr_contact: bool
    paper: bool
    index: int
    """The four flags as a number 0-15.

    Helsenorge is bit 0, then digital_mailbox, krr_contact and paper; :meth:`from_index` goes the
    other way.
    """

    def __new__(
        cls,
        *,
        helsenorge: bool = False,
        digital_mailbox: bool = False,
        krr_contact: bool = False,
        paper: bool = False,
    ) -> Availability:
        """Return the shared availability with these flags; each must be ``True`` or ``False``."""
        # One class check per flag (True and False only: 1, "yes" or None is a caller's bug,
        # not a fact), then the shared instance. mypy, trusting the annotations, calls the
        # checks redundant; callers without a type checker are why they are here.
        if (
            helsenorge.__class__ is _BOOL
            and digital_mailbox.__class__ is _BOOL  # type: ignore[redundant-expr]
            and krr_contact.__class__ is _BOOL  # type: ignore[redundant-expr]
            and paper.__class__ is _BOOL
        ):
            return _SHARED[helsenorge | digital_mailbox << 1 | krr_contact << 2 | paper << 3]
        for name, value in zip(
            _FIELDS, (helsenorge, digital_mailbox, krr_contact, paper), strict=True
        ):
            if value.__class__ is not _BOOL:
                raise _not_bool(name, value)
        raise AssertionError  # pragma: no cover  # one of the flags was not a bool

    @classmethod
    def _make(cls, index: int) -> Availability:
        # Only the module's table of 16 calls this; everyone else gets those instances.
        self = object.__new__(cls)
        set_ = object.__setattr__
        for bit, name in enumerate(_FIELDS):
            set_(self, name, bool(index >> bit & 1))
        set_(self, "index", index)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __repr__(self) -> str:
        flags = ", ".join(f"{name}={getattr(self, name)}" for name in _FIELDS)
        return f"Availability({flags})"

    def __reduce__(self) -> tuple[object, tuple[int]]:
        # Pickle, copy and deepcopy give back the shared instance.
        return (_from_index, (self.index,))

    def __replace__(self, **changes: bool) -> Availability:
        """Return the availability with *changes* (field names) applied (:func:`copy.replace`)."""
        unknown = sorted(set(changes) - set(_FIELDS))
        if unknown:
            raise InvalidValueError(
                "unknown_keys", value=unknown, field="Availability", choices=_FIELDS
            )
        return Availability(**{**self.to_dict(), **changes})

    @classmethod
    def of(cls, *channels: NotificationChannel | int | str) -> Availability:
        """Return the availability in which exactly *channels* are available.

        Each channel is anything :func:`parse_channel` takes; a repeated channel is harmless.
        """
        index = 0
        for channel in channels:
            index |= _BIT[parse_channel(channel)]
        return _SHARED[index]

    @classmethod
    def from_index(cls, index: int) -> Availability:
        """Return the availability whose :attr:`index` is *index* (0-15)."""
        if type(index) is not int:
            raise wrong_type(index, field="index", expected="int")
        if not 0 <= index < len(_SHARED):
            raise InvalidValueError(
                "unknown_code", value=index, field="Availability index", choices=("0-15",)
            )
        return _SHARED[index]

    @classmethod
    def all(cls) -> tuple[Availability, ...]:
        """Return all 16 availabilities, ordered by :attr:`index`."""
        return _SHARED

    @property
    def channels(self) -> tuple[NotificationChannel, ...]:
        """The available channels, in code order."""
        return tuple(ch for ch, bit in _BIT.items() if self.index & bit)

    def has(self, channel: NotificationChannel | int | str) -> bool:
        """Return whether *channel* (anything :func:`parse_channel` takes) is available."""
        return bool(self.index & _BIT[parse_channel(channel)])

    def without(self, channel: NotificationChannel | int | str) -> Availability:
        """Return a copy in which *channel* is not available.

        ``NONE`` is accepted here and changes nothing, so that
        ``availability.without(decision.channel)`` works for every decision.
        """
        parsed = parse_channel(channel, allow_none=True)
        if parsed is NotificationChannel.NONE:
            return self
        return _SHARED[self.index & ~_BIT[parsed]]

    def with_(self, channel: NotificationChannel | int | str) -> Availability:
        """Return a copy in which *channel* is available."""
        return _SHARED[self.index | _BIT[parse_channel(channel)]]

    def to_dict(self) -> dict[str, bool]:
        """Return the four flags by field name (the wire format's ``availability``)."""
        return {name: bool(self.index >> bit & 1) for bit, name in enumerate(_FIELDS)}


# Each channel's bit in Availability.index, in CHANNEL_FIELDS order.
_BIT: Final[Mapping[NotificationChannel, int]] = MappingProxyType(
    {channel: 1 << bit for bit, channel in enumerate(CHANNEL_FIELDS)}
)
_SHARED: Final[tuple[Availability, ...]] = tuple(
    Availability._make(index)  # the class's own factory
    for index in range(1 << len(_FIELDS))
)


def _from_index(index: int) -> Availability:
    return Availability.from_index(index)
