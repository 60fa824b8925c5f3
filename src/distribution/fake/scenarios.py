"""The scenarios a fake ePROM can play: faults and events planted in an order's callbacks.

One reason to change: a new kind of thing a registry wants to test its integration against.
A scenario is given per patient (in the patient directory) or per order; what each one does to
the callbacks is said here, and done by :class:`~distribution.fake.machine.FakeEprom`.

>>> Scenario.parse("patientunreachable")
<Scenario.PATIENT_UNREACHABLE: 'PatientUnreachable'>
>>> sorted(s.value for s in parse_scenarios("DuplicateCallback, WrongApiKey"))
['DuplicateCallback', 'WrongApiKey']
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import Final

from distribution._errors import InvalidTypeError, TypeName, UnknownCodeError, nearest, wrong_type

__all__ = ["Scenario", "parse_scenarios"]


class Scenario(enum.Enum):
    """Something the fake does to an order's (or a message's) callbacks, by the name used in JSON.

    A scenario that does not fit the order does nothing: a letter cannot come back from an
    order that went to Helsenorge.
    """

    SIKKER_DIGITAL_POST_ERROR = "SikkerDigitalPostError"
    """Orders: the status callback is ``Error`` with ``SikkerDigitalPostError`` on the channel
    the decision chose; the form never comes back."""
    PATIENT_UNREACHABLE = "PatientUnreachable"
    """The status callback is ``Error`` with ``PatientUnreachable`` (a message's ``SentStatus``
    ``Error``) and channel ``None``, as if the patient was lost after the decision."""
    PHYSICAL_MAIL_RETURNED = "PhysicalMailReturned"
    """Orders sent on paper: a ``PhysicalMailReturned`` status follows, and the form expires."""
    DIGIPOST_DELIVERED = "DigipostDelivered"
    """Orders sent to the digital mailbox: a ``DigipostDelivered`` status follows."""
    DUPLICATE_CALLBACK = "DuplicateCallback"
    """The status callback is sent twice."""
    LATE_CALLBACK = "LateCallback"
    """The status callback comes ``Timing.late`` after the order, after the returned form."""
    WRONG_API_KEY = "WrongApiKey"
    """Every callback of the order carries an apiKey that is not the ordering system's."""
    EVENT_LOG = "EventLog"
    """Orders: the returned form carries ``formOrderEventLog`` and, on Helsenorge,
    ``filledOutBy``."""
    NEVER_ANSWERS = "NeverAnswers"
    """Orders: the patient never answers, so the form comes back ``Expired`` at the expiry date."""
    GATEWAY_TIMEOUT = "GatewayTimeout"
    """ePROM answers ``504`` ("Timeout while waiting for response from Helsenorge"); no order."""
    BAD_GATEWAY = "BadGateway"
    """ePROM answers ``502`` ("Unable to communicate with Helsenorge. No message sent.")."""

    @classmethod
    def choices(cls) -> tuple[str, ...]:
        """Return every scenario's name, as JSON spells it."""
        return tuple(member.value for member in cls)

    @classmethod
    def parse(cls, value: object) -> Scenario:
        """Return the scenario *value* names: a member, or its name in any letter case.

        Raises:
            InvalidTypeError: *value* is neither a member nor a string.
            UnknownCodeError: no scenario has that name.
        """
        if type(value) is cls:
            return value
        if type(value) is not str:
            raise InvalidTypeError(
                "code_type",
                value=value,
                field="scenario",
                type=TypeName(value),
                choices=cls.choices(),
            )
        member = _BY_NAME.get(value.strip().lower())
        if member is None:
            raise UnknownCodeError(
                "unknown_code",
                value=value,
                field="scenario",
                choices=cls.choices(),
                suggestion=nearest(value, cls.choices()),
            )
        return member


_BY_NAME: Final = MappingProxyType(
    {name.lower(): member for member in Scenario for name in (member.name, member.value)}
)


def parse_scenarios(value: object) -> frozenset[Scenario]:
    """Return the scenarios of a list of names, or of one text of names separated by commas.

    ``None`` and an empty list or text give no scenario.
    """
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list | tuple | set | frozenset):
        raise wrong_type(value, field="scenarios", expected="a list")
    return frozenset(Scenario.parse(item) for item in value)
