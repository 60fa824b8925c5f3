"""Routes: the channels a distribution rule permits, in the order ePROM tries them.

The nine rules are one literal table, :data:`ROUTES`, written from the guide's prose
("Distribusjonsregler", ``docs/sources.md`` §2):

    Default DistributionRule er Basic og betyr at ePROM først sjekker om pasienten er
    tilgjengelig på Helsenorge. Hvis ikke sjekkes det om pasienten har sikker digital
    postkasse. Hvis DistributionRule er satt til AllowUnsecure sjekkes det om pasienten er
    registrert i Difi Kontaktregister med epostadresse eller mobilnummer. Hvis
    DistributionRule er satt til NoDistribution sendes det ikke ut varsling til pasienten.
    [...] BasicOrPaper og AllowUnsecureOrPaper er samme som hhv Basic og AllowUnsecure, men
    med papir som siste utvei. PaperOnly, HelsenorgeOnly, DigitalMailboxOnly og UnsecureOnly
    sender kun på hhv papir, Helsenorge, sikker digital postkasse og epost/sms.

Nothing else in the library branches on a rule: the engine, the explainer and the generated
docs all read this table.

>>> [channel.api_name for channel in route("AllowUnsecureOrPaper")]
['Helsenorge', 'DigitalMailbox', 'Unsecure', 'PhysicalMailbox']
>>> route(DistributionRule.NO_DISTRIBUTION)
()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from distribution._errors import InvalidValueError, wrong_type
from distribution.availability import CHANNEL_FIELDS, parse_channel
from distribution.codes import DistributionRule, NotificationChannel

__all__ = ["ROUTES", "Route", "parse_priority_list", "route"]

Route = tuple[NotificationChannel, ...]

_R = DistributionRule
_HELSENORGE = NotificationChannel.HELSENORGE
_MAILBOX = NotificationChannel.DIGITAL_MAILBOX
_UNSECURE = NotificationChannel.UNSECURE
_PAPER = NotificationChannel.PHYSICAL_MAILBOX

ROUTES: Final[Mapping[DistributionRule, Route]] = MappingProxyType(
    {
        _R.BASIC: (_HELSENORGE, _MAILBOX),
        _R.ALLOW_UNSECURE: (_HELSENORGE, _MAILBOX, _UNSECURE),
        _R.NO_DISTRIBUTION: (),
        _R.BASIC_OR_PAPER: (_HELSENORGE, _MAILBOX, _PAPER),
        _R.ALLOW_UNSECURE_OR_PAPER: (_HELSENORGE, _MAILBOX, _UNSECURE, _PAPER),
        _R.PAPER_ONLY: (_PAPER,),
        _R.HELSENORGE_ONLY: (_HELSENORGE,),
        _R.DIGITAL_MAILBOX_ONLY: (_MAILBOX,),
        _R.UNSECURE_ONLY: (_UNSECURE,),
    }
)
"""Every rule and the channels it permits, in the order they are tried."""


def route(rule: DistributionRule | int | str) -> Route:
    """Return the channels *rule* permits, in the order ePROM tries them.

    *rule* is anything :meth:`DistributionRule.parse` takes.
    """
    return ROUTES[DistributionRule.parse(rule)]


def parse_priority_list(
    channels: Iterable[NotificationChannel | int | str], *, field: str = "notificationPriorityList"
) -> Route:
    """Return *channels* as a route, checking it is a valid priority list.

    A priority list (``notificationPriorityList`` of SendeMeldingTilInnbyggerV2) is a non-empty
    sequence of distinct channels; each item is anything
    :func:`~distribution.availability.parse_channel` takes, and ``NONE`` is refused. A plain
    string is refused too, so that ``"paper"`` is not read as five one-letter channels.
    """
    if isinstance(channels, str | bytes) or not isinstance(channels, Iterable):
        raise wrong_type(channels, field=field, expected="a list of channels")
    parsed = tuple(parse_channel(channel, field=field) for channel in channels)
    if not parsed:
        raise InvalidValueError(
            "empty_priority_list",
            value=parsed,
            field=field,
            choices=tuple(channel.api_name for channel in CHANNEL_FIELDS),
        )
    for position, channel in enumerate(parsed):
        if channel in parsed[:position]:
            raise InvalidValueError("repeated_channel", value=channel.api_name, field=field)
    return parsed
