"""The codes of ePROM's integration guide, as enums that mirror the wire.

Source: Hemit's ePROM integration guide, whose later versions add
``FormOrderStatus.DIGIPOST_DELIVERED``, ``FormOrderStatusErrorCode`` and ``SentStatus``
(``docs/sources.md`` §1). The guide says a rule "can be sent by its numeric value", so every
enum parses codes as well as names.

Each member has a Pythonic name (``DistributionRule.BASIC_OR_PAPER``), the guide's code as its
value (``3``, also ``int(member)``) and the guide's spelling as :attr:`~Code.api_name`
(``"BasicOrPaper"``). Members are not ints: every member is truthy, and members of different
enums never compare equal, so ``if decision.rule:`` and ``status == channel`` mean what they say.

>>> DistributionRule.parse("basicorpaper") is DistributionRule.BASIC_OR_PAPER
True
>>> NotificationChannel.parse(" 4 ").api_name
'PhysicalMailbox'
>>> int(DistributionRule.BASIC), bool(DistributionRule.BASIC)
(0, True)
>>> DistributionRule.BASIC == NotificationChannel.NONE
False
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Self

from distribution._errors import InvalidTypeError, TypeName, UnknownCodeError, nearest

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CODE_ENUMS",
    "Code",
    "DistributionRule",
    "EpromCode",
    "FormOrderEventLogType",
    "FormOrderStatus",
    "FormOrderStatusErrorCode",
    "MrsErrorCode",
    "MrsOrderStatus",
    "NotificationChannel",
    "SentStatus",
]

# A code written as text is at most this many digits; longer digit strings are unknown codes
# (and would otherwise hit Python's int-conversion limit for huge strings).
_MAX_CODE_DIGITS = 3


class Code(enum.Enum):
    """An ePROM code: an ``int`` on the wire, with the guide's name as :attr:`api_name`."""

    _value_: int
    api_name: str
    """The guide's spelling, e.g. ``"BasicOrPaper"``; what a JSON API sends as the name."""

    def __new__(cls, code: int, api_name: str) -> Self:
        """Make a member from the guide's code and spelling (each enum's table below)."""
        member = object.__new__(cls)
        member._value_ = code
        member.api_name = api_name
        return member

    # Members are singletons, so identity is equality; hashing by identity keeps dict lookups
    # keyed by a member (the engine's tables) in C, where Enum's own __hash__ runs in Python.
    __hash__ = object.__hash__

    def __int__(self) -> int:
        return self._value_

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self._value_}>"

    @classmethod
    def choices(cls) -> tuple[str, ...]:
        """Return ``"code=ApiName"`` for every member, for error messages and help texts."""
        return tuple(f"{member.value}={member.api_name}" for member in cls)

    @classmethod
    def parse(cls, value: object) -> Self:
        """Return the member that *value* names.

        Accepts a member, an ``int`` code, a string of ASCII decimal digits (``"3"``), or the API
        name or member name in any letter case with surrounding whitespace (``"basicorpaper"``,
        ``" BASIC_OR_PAPER "``).

        Raises:
            InvalidTypeError: for any other type, including ``bool`` (``True`` is not ``1``
                here), ``float``, ``None``, ``bytes`` and members of other enums.
            UnknownCodeError: for an unknown code or name (``9``, ``-1``, ``"Nope"``, ``""``).
        """
        if value.__class__ is cls:
            return value
        kind = value.__class__
        if kind is int or kind is str:
            # The common spellings in one dict: a code, "3", "BasicOrPaper", "BASIC_OR_PAPER".
            # Module-level: attribute lookups on an enum class cost more than the dict.
            member = _EXACT[cls].get(value)
            if member is not None:
                return member  # type: ignore[return-value]  # the maps hold members of cls only
        if kind is int:
            member = None
        elif isinstance(value, str):
            member = _lookup_name(cls, value)
        else:
            raise InvalidTypeError(
                "code_type",
                value=value,
                field=cls.__name__,
                type=TypeName(value),
                choices=cls.choices(),
            )
        if member is None:
            raise UnknownCodeError(
                "unknown_code",
                value=value,
                field=cls.__name__,
                choices=cls.choices(),
                suggestion=nearest(value, [m.api_name for m in cls]),
            )
        return member  # type: ignore[return-value]  # the maps hold members of cls only


# The letters beyond ASCII that MRS's names use ("Utgått", "Mottaker ikke nådd"); their lower
# case stays outside ASCII, so they cannot turn into an ASCII look-alike.
_NORWEGIAN_LETTERS = frozenset("æøåÆØÅ")


def _lookup_name(cls: type[Code], text: str) -> Code | None:
    text = text.strip()
    # Only ASCII and æøå: look-alikes such as a Cyrillic "і" or full-width "３" are unknown, and
    # str.lower() of other letters can map onto ASCII ("K", the Kelvin sign, becomes "k").
    if not text.isascii() and not all(ch.isascii() or ch in _NORWEGIAN_LETTERS for ch in text):
        return None
    if text.isdigit():
        return _EXACT[cls].get(int(text)) if len(text) <= _MAX_CODE_DIGITS else None
    return _NAMES[cls].get(text.lower())


class DistributionRule(Code):
    """How ePROM may reach the patient with a form (guide, "Distribusjonsregler").

    *Basic* tries Helsenorge, then the secure digital mailbox; *AllowUnsecure* adds e-mail/SMS
    from the contact register (KRR); *…OrPaper* adds paper as the last resort; *…Only* uses that
    one channel; *NoDistribution* sends nothing (the ordering system gives a one-time code).
    The default rule is Basic (:meth:`default`).
    """

    BASIC = 0, "Basic"
    ALLOW_UNSECURE = 1, "AllowUnsecure"
    NO_DISTRIBUTION = 2, "NoDistribution"
    BASIC_OR_PAPER = 3, "BasicOrPaper"
    ALLOW_UNSECURE_OR_PAPER = 4, "AllowUnsecureOrPaper"
    PAPER_ONLY = 5, "PaperOnly"
    HELSENORGE_ONLY = 6, "HelsenorgeOnly"
    DIGITAL_MAILBOX_ONLY = 7, "DigitalMailboxOnly"
    UNSECURE_ONLY = 8, "UnsecureOnly"

    @classmethod
    def default(cls) -> DistributionRule:
        """Return the rule ePROM uses when an order names none: ``BASIC``."""
        return cls.BASIC


class NotificationChannel(Code):
    """A channel ePROM notifies the patient on; ``NONE`` means no notice was sent."""

    NONE = 0, "None"
    HELSENORGE = 1, "Helsenorge"
    DIGITAL_MAILBOX = 2, "DigitalMailbox"
    UNSECURE = 3, "Unsecure"
    PHYSICAL_MAILBOX = 4, "PhysicalMailbox"


class FormOrderStatus(Code):
    """The status of a form order, as ePROM's callback reports it."""

    COMPLETED = 0, "Completed"
    EXPIRED = 1, "Expired"
    ORDERED = 2, "Ordered"
    ERROR = 3, "Error"
    PHYSICAL_MAIL_RETURNED = 4, "PhysicalMailReturned"
    DIGIPOST_DELIVERED = 5, "DigipostDelivered"


class FormOrderStatusErrorCode(Code):
    """Why a form order has status ``ERROR``."""

    NONE = 0, "None"
    PATIENT_UNREACHABLE = 1, "PatientUnreachable"
    SIKKER_DIGITAL_POST_ERROR = 2, "SikkerDigitalPostError"


class SentStatus(Code):
    """The status of a message to a citizen (SendeMeldingTilInnbyggerV2)."""

    SENT = 0, "Sent"
    ERROR = 1, "Error"


class FormOrderEventLogType(Code):
    """An event in a form's log.

    Newer callbacks also send the names SigningCompleted and FormDelivered; no numeric code is
    published for them, so they are not members (``docs/sources.md`` §1).
    """

    FORM_OPENED = 0, "FormOpened"
    QUESTION_ACCESSED = 1, "QuestionAccessed"
    SIGNING_STARTED = 2, "SigningStarted"
    SIGNING_CANCELLED = 3, "SigningCancelled"
    SIGNING_ERROR = 4, "SigningError"


class MrsOrderStatus(Code):
    """The status of a form order in MRS, Hemit's register platform, not ePROM's own status.

    A register's staff see these in MRS's list of orders and in its Excel datadump
    (``docs/sources.md`` §9); :data:`~distribution.mrs.audit.MRS_TO_EPROM` says which of ePROM's
    statuses each one stands for. The API name is MRS's Norwegian word.
    """

    ORDERED = 0, "Bestilt"
    COMPLETED = 1, "Besvart"
    EXPIRED = 2, "Utgått"
    FAILED = 3, "Feilet"
    NOT_ORDERED = 4, "Ikke bestilt"
    RECIPIENT_UNREACHABLE = 5, "Mottaker ikke nådd"
    PROCESSING = 6, "Prosesserer bestilling"


class MrsErrorCode(Code):
    """Why an order went wrong in MRS (its datadump's ``ErrorCode``), not ePROM's error code.

    The API name is MRS's own text (``docs/sources.md`` §9); MRS marks codes 1, 4, 5 and 7
    "bør ikke skje" (should not happen), which :attr:`should_not_happen` says.
    """

    NONE = 0, "ingen feil"
    UNKNOWN = 1, "ukjent feil"
    ORDERED_BEFORE = 2, "tidligere bestilt"
    NOT_DIGITALLY_ACTIVE = (
        3,
        "Person er ikke digitalt aktiv eller har ikke sikker digital postkasse",
    )
    EXTERNAL = 4, "Ekstern feil"
    INTERNAL = 5, "Intern feil"
    PATIENT_DECEASED = 6, "pasient er død"
    PROMS_SERVER = 7, "Feil fra PROMS server"

    @property
    def should_not_happen(self) -> bool:
        """Whether MRS marks this code "bør ikke skje": a fault to report, not a patient fact."""
        return self in _SHOULD_NOT_HAPPEN


_SHOULD_NOT_HAPPEN: frozenset[MrsErrorCode] = frozenset(
    {MrsErrorCode.UNKNOWN, MrsErrorCode.EXTERNAL, MrsErrorCode.INTERNAL, MrsErrorCode.PROMS_SERVER}
)

CODE_ENUMS: tuple[type[Code], ...] = (
    DistributionRule,
    NotificationChannel,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    SentStatus,
    FormOrderEventLogType,
    MrsOrderStatus,
    MrsErrorCode,
)
"""Every enum of the guide, in the guide's order, then MRS's two."""

EpromCode = (
    DistributionRule
    | NotificationChannel
    | FormOrderStatus
    | FormOrderStatusErrorCode
    | SentStatus
    | FormOrderEventLogType
    | MrsOrderStatus
    | MrsErrorCode
)
"""A member of any of the guide's or MRS's enums (what :func:`~distribution.describe` takes)."""

_EXACT: Mapping[type[Code], Mapping[object, Code]] = MappingProxyType(
    {
        cls: MappingProxyType(
            {
                key: member
                for member in cls
                for key in (member.value, str(member.value), member.api_name, member.name)
            }
        )
        for cls in CODE_ENUMS
    }
)


_NAMES: Mapping[type[Code], Mapping[str, Code]] = MappingProxyType(
    {
        cls: MappingProxyType(
            {name.lower(): member for member in cls for name in (member.name, member.api_name)}
        )
        for cls in CODE_ENUMS
    }
)
