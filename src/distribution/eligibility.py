"""From register facts to availability: who can be reached on which channel, and why.

The rules are ePROM's person rules (``docs/sources.md`` §4) and KRR's (§5), each written once
in :data:`_REQUIREMENTS` below. Nothing here reads a clock or the network: the caller passes the
reference time and the facts it holds. A fact that is unknown (``None``) makes the channels that
need it unavailable, with a reason that says so.

>>> from datetime import datetime, timezone
>>> facts = PatientFacts(
...     reference_time=datetime(2026, 11, 25, tzinfo=timezone.utc),
...     age=15, level4_eid=True, helsenorge_consent=HelsenorgeConsent.FULL,
...     helsenorge_representable=False, postal_address=True)
>>> eligibility = assess(facts)
>>> eligibility.availability
Availability(helsenorge=False, digital_mailbox=False, krr_contact=False, paper=True)
>>> [reason.value for reason in eligibility.reasons("helsenorge")]
['under_16']
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from typing import Final, final

import attrs

from distribution._texts import REASONS, Lang
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import NotificationChannel
from distribution.errors import check_lang, wrong_type
from distribution.facts import HelsenorgeConsent, PatientFacts, oslo_date
from distribution.krr import KrrRecord, KrrStatus

__all__ = ["Eligibility", "Reason", "assess"]

FRESH_MONTHS: Final = 18
"""KRR contact details older than this many months must not be used (docs/sources.md §5)."""


class Reason(enum.Enum):
    """Why a channel is, or is not, available. Values are stable identifiers."""

    HELSENORGE_ACTIVE = "helsenorge_active"
    HELSENORGE_REPRESENTED = "helsenorge_represented"
    DIGITAL_MAILBOX_ACTIVE = "digital_mailbox_active"
    EMAIL_CURRENT = "email_current"
    MOBILE_CURRENT = "mobile_current"
    POSTAL_ADDRESS = "postal_address"
    PHYSICAL_ADDRESS = "physical_address"
    NO_LEVEL4_EID = "no_level4_eid"
    EID_UNKNOWN = "eid_unknown"
    AGE_UNKNOWN = "age_unknown"
    UNDER_13 = "under_13"
    UNDER_16 = "under_16"
    UNDER_18 = "under_18"
    NO_HELSENORGE_CONSENT = "no_helsenorge_consent"
    HELSENORGE_UNKNOWN = "helsenorge_unknown"
    KRR_UNKNOWN = "krr_unknown"
    KRR_NOT_REGISTERED = "krr_not_registered"
    KRR_DELETED = "krr_deleted"
    KRR_RESERVED = "krr_reserved"
    KRR_CANNOT_NOTIFY = "krr_cannot_notify"
    KRR_NOTIFY_UNKNOWN = "krr_notify_unknown"
    NO_DIGITAL_MAILBOX = "no_digital_mailbox"
    NO_CONTACT_DETAILS = "no_contact_details"
    CONTACT_DETAILS_STALE = "contact_details_stale"
    CONTACT_DETAILS_UNDATED = "contact_details_undated"
    NO_POSTAL_ADDRESS = "no_postal_address"
    POSTAL_ADDRESS_UNKNOWN = "postal_address_unknown"

    def describe(self, *, lang: Lang = "en") -> str:
        """Return the reason in words, in *lang* (``"nb"`` or ``"en"``)."""
        return REASONS[check_lang(lang)][self.value]


def months_before(day: date, months: int) -> date:
    """Return *day* moved back by whole calendar *months*, clamping the day to the month's end.

    >>> months_before(date(2026, 8, 31), 18), months_before(date(2025, 8, 31), 18)
    (datetime.date(2025, 2, 28), datetime.date(2024, 2, 29))
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - date(year, month, 1)).days
    return date(year, month, min(day.day, last_day))


# --- the rules: one function per requirement, returning the reasons it is not met -----------

Requirement = Callable[[PatientFacts], list[Reason]]


def _level4_eid(facts: PatientFacts) -> list[Reason]:
    # docs/sources.md §4: every channel but the one-time code needs electronic ID at level 4.
    if facts.level4_eid is None:
        return [Reason.EID_UNKNOWN]
    return [] if facts.level4_eid else [Reason.NO_LEVEL4_EID]


def _at_least(years: int, too_young: Reason) -> Requirement:
    def requirement(facts: PatientFacts) -> list[Reason]:
        age = facts.age_at_reference
        if age is None:
            return [Reason.AGE_UNKNOWN]
        return [] if age >= years else [too_young]

    return requirement


def _helsenorge(facts: PatientFacts) -> list[Reason]:
    # docs/sources.md §4: over 16, or can be represented on Helsenorge; and consent level Full.
    reasons = []
    if facts.helsenorge_consent is None:
        reasons.append(Reason.HELSENORGE_UNKNOWN)
    elif facts.helsenorge_consent is not HelsenorgeConsent.FULL:
        reasons.append(Reason.NO_HELSENORGE_CONSENT)
    if not facts.helsenorge_representable:
        reasons += _at_least(16, Reason.UNDER_16)(facts)
    return reasons


def _krr_active(facts: PatientFacts) -> list[Reason]:
    # docs/sources.md §5: status AKTIV, and KRR says the person can be notified (KAN_VARSLES), which
    # it does only for active, unreserved persons with fresh data.
    record = facts.krr
    if record is None:
        return [Reason.KRR_UNKNOWN]
    if record.status is not KrrStatus.AKTIV:
        return [_KRR_STATUS_REASON[record.status]]
    if record.can_notify is None:
        return [Reason.KRR_NOTIFY_UNKNOWN]
    return [] if record.can_notify else [Reason.KRR_CANNOT_NOTIFY]


def _krr_mailbox(facts: PatientFacts) -> list[Reason]:
    # docs/sources.md §5: a reservation (§ 9) means the digital mailbox must not be used.
    record = facts.krr
    if record is None or record.status is not KrrStatus.AKTIV:
        return []  # _krr_active has said why
    reasons = [Reason.KRR_RESERVED] if record.reserved is not False else []
    if not record.has_digital_mailbox:
        reasons.append(Reason.NO_DIGITAL_MAILBOX)
    return reasons


def _krr_contact(facts: PatientFacts) -> list[Reason]:
    # docs/sources.md §5 (eForvaltningsforskriften § 32): e-mail and mobile are judged on their own;
    # each is usable when its updated or verified time is within 18 months.
    record = facts.krr
    if record is None or record.status is not KrrStatus.AKTIV:
        return []  # _krr_active has said why
    if record.email is None and record.mobile is None:
        return [Reason.NO_CONTACT_DETAILS]
    if _current_contacts(record, facts.reference_date):
        return []
    dated = [
        stamp
        for stamp in (
            record.email_updated,
            record.email_verified,
            record.mobile_updated,
            record.mobile_verified,
        )
        if stamp is not None
    ]
    return [Reason.CONTACT_DETAILS_STALE if dated else Reason.CONTACT_DETAILS_UNDATED]


def _current_contacts(record: KrrRecord, reference_date: date) -> list[Reason]:
    # Counted in Norwegian dates: a time stamp is within the window when its date in Oslo is on
    # or after the same day 18 months before the reference date.
    since = months_before(reference_date, FRESH_MONTHS)
    current = []
    for value, stamps, reason in (
        (record.email, (record.email_updated, record.email_verified), Reason.EMAIL_CURRENT),
        (record.mobile, (record.mobile_updated, record.mobile_verified), Reason.MOBILE_CURRENT),
    ):
        if value is not None and any(s is not None and oslo_date(s) >= since for s in stamps):
            current.append(reason)
    return current


def _postal_address(facts: PatientFacts) -> list[Reason]:
    # docs/sources.md §3-§4: paper goes to physicalAddress when the order gives one, else to the
    # Folkeregister address.
    if facts.physical_address or facts.postal_address:
        return []
    if facts.postal_address is None:
        return [Reason.POSTAL_ADDRESS_UNKNOWN]
    return [Reason.NO_POSTAL_ADDRESS]


_KRR_STATUS_REASON: Final = {
    KrrStatus.SLETTET: Reason.KRR_DELETED,
    KrrStatus.IKKE_REGISTRERT: Reason.KRR_NOT_REGISTERED,
}

_C = NotificationChannel
_REQUIREMENTS: Final[Mapping[NotificationChannel, tuple[Requirement, ...]]] = {
    # docs/sources.md §4: Helsenorge needs level-4 eID, consent Full, and age >= 16 or
    # representation.
    _C.HELSENORGE: (_level4_eid, _helsenorge),
    # docs/sources.md §4-§5: the digital mailbox needs level-4 eID, age >= 18, an active KRR record
    # that can be notified, no reservation, and a digital_post mailbox.
    _C.DIGITAL_MAILBOX: (_level4_eid, _at_least(18, Reason.UNDER_18), _krr_active, _krr_mailbox),
    # docs/sources.md §4-§5: e-mail/SMS needs level-4 eID, age >= 13, an active KRR record that can
    # be notified, and an e-mail or mobile number updated or verified within 18 months.
    _C.UNSECURE: (_level4_eid, _at_least(13, Reason.UNDER_13), _krr_active, _krr_contact),
    # docs/sources.md §4: paper needs a postal address.
    _C.PHYSICAL_MAILBOX: (_postal_address,),
}


def _why_available(channel: NotificationChannel, facts: PatientFacts) -> tuple[Reason, ...]:
    positive: dict[NotificationChannel, Callable[[PatientFacts], list[Reason]]] = {
        _C.HELSENORGE: lambda f: (
            [Reason.HELSENORGE_ACTIVE]
            + ([Reason.HELSENORGE_REPRESENTED] if f.helsenorge_representable else [])
        ),
        _C.DIGITAL_MAILBOX: lambda _f: [Reason.DIGITAL_MAILBOX_ACTIVE],
        # Available means _krr_contact found a current contact, so the record is there.
        _C.UNSECURE: lambda f: _current_contacts(f.krr, f.reference_date),  # type: ignore[arg-type]
        _C.PHYSICAL_MAILBOX: lambda f: (
            [Reason.PHYSICAL_ADDRESS] if f.physical_address else [Reason.POSTAL_ADDRESS]
        ),
    }
    return tuple(positive[channel](facts))


def _check_availability(
    _instance: object, _attribute: attrs.Attribute[Availability], value: object
) -> None:
    if type(value) is not Availability:
        raise wrong_type(value, field="Eligibility.availability", expected="an Availability")


def _check_reasons(
    _instance: object,
    _attribute: attrs.Attribute[tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]],
    value: object,
) -> None:
    # One (channel, reasons) pair per reachable channel, in code order, each with at least one
    # Reason: what assess() builds, and what reasons() relies on.
    expected = "one (channel, reasons) pair per channel, in the order " + ", ".join(
        CHANNEL_FIELDS.values()
    )
    field = "Eligibility.reasons_by_channel"
    if type(value) is not tuple or len(value) != len(CHANNEL_FIELDS):
        raise wrong_type(value, field=field, expected=expected)
    for channel, pair in zip(CHANNEL_FIELDS, value, strict=True):
        if type(pair) is not tuple or len(pair) != 2 or pair[0] is not channel:  # a pair
            raise wrong_type(pair, field=field, expected=expected)
        reasons = pair[1]
        if (
            type(reasons) is not tuple
            or not reasons
            or any(type(reason) is not Reason for reason in reasons)
        ):
            raise wrong_type(
                reasons,
                field=f"{field}[{channel.api_name}]",
                expected="a non-empty tuple of Reason",
            )


@final
@attrs.frozen
class Eligibility:
    """A patient's :class:`Availability`, with the reasons for each channel.

    Pass it to :func:`~distribution.explainer.explain` in place of an availability and the
    explanation says why each channel is or is not available. Built by :func:`assess`; the
    constructor refuses anything but one non-empty tuple of :class:`Reason` per channel.
    """

    availability: Availability = attrs.field(validator=_check_availability)
    reasons_by_channel: tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...] = attrs.field(
        validator=_check_reasons
    )

    def reasons(self, channel: object) -> tuple[Reason, ...]:
        """Return why *channel* (anything ``parse_channel`` takes) is or is not available."""
        return self.reasons_by_channel[_POSITION[parse_channel(channel)]][1]

    def to_dict(self) -> dict[str, object]:
        """Return ``{"availability": {...}, "reasons": {field: [reason, ...]}}`` for JSON."""
        return {
            "availability": self.availability.to_dict(),
            "reasons": {
                CHANNEL_FIELDS[channel]: [reason.value for reason in reasons]
                for channel, reasons in self.reasons_by_channel
            },
        }


_POSITION: Final = {channel: position for position, channel in enumerate(CHANNEL_FIELDS)}


def assess(facts: PatientFacts) -> Eligibility:
    """Return which channels *facts* make available, and why (``docs/sources.md`` §3-§5).

    Never raises for well-typed facts; never reads a clock (the reference time is in *facts*).
    """
    if type(facts) is not PatientFacts:
        raise wrong_type(facts, field="facts", expected="PatientFacts")
    available: dict[str, bool] = {}
    why: list[tuple[NotificationChannel, tuple[Reason, ...]]] = []
    for channel, requirements in _REQUIREMENTS.items():
        failing = tuple(
            dict.fromkeys(r for requirement in requirements for r in requirement(facts))
        )
        available[CHANNEL_FIELDS[channel]] = not failing
        why.append((channel, failing or _why_available(channel, facts)))
    return Eligibility(Availability(**available), tuple(why))
