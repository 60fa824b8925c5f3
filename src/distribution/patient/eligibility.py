"""From register facts to availability: who can be reached on which channel, and why.

Rule 1: what the facts *mean* for each channel is decided here, once per rule, each citing the
source (ePROM's person rules, ``docs/sources.md`` §4, and KRR's, §5). Nothing here reads a clock
or the network: the caller passes the reference time and the facts it holds. Each rule is
written with its reasons, and once more as the bare yes or no that :func:`assess` decides at
once (the reasons are made only when read); tests over every combination of the facts the
rules read hold the two to each other.

Two laws hold throughout. *Unknown is not false*: a fact that is not known (``None``) makes the
channels that need it unavailable, and the reason says it is not known rather than stating the
opposite. *Digitally active* (KRR data updated or confirmed within 18 months) is judged once and
gates every digital channel: Helsenorge, the digital mailbox and e-mail/SMS.

>>> from datetime import datetime, timezone
>>> facts = PatientFacts(
...     reference_time=datetime(2026, 11, 25, tzinfo=timezone.utc),
...     age=15, level4_eid=True, helsenorge_consent=HelsenorgeConsent.FULL,
...     helsenorge_representable=False, postal_address=True)
>>> eligibility = assess(facts)
>>> eligibility.availability
Availability(helsenorge=False, digital_mailbox=False, krr_contact=False, paper=True)
>>> [reason.value for reason in eligibility.reasons("helsenorge")]
['under_16', 'digital_activity_unknown', 'krr_unknown', 'not_representable']
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, cast, final

import attrs

from distribution._errors import (
    InvalidTypeError,
    InvalidValueError,
    TypeName,
    check_lang,
    wrong_type,
)
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import NotificationChannel
from distribution.patient._texts import REASONS
from distribution.patient.facts import OSLO, HelsenorgeConsent, PatientFacts
from distribution.patient.krr import KrrRecord, KrrStatus

if TYPE_CHECKING:
    from collections.abc import Mapping

    from distribution._texts import Lang

__all__ = ["Eligibility", "Reason", "assess"]

FRESH_MONTHS: Final = 18
"""KRR data older than this many months leaves a person not digitally active (sources §4-§5)."""


class Reason(enum.Enum):
    """Why a channel is, or is not, available. Values are stable identifiers.

    Each states only what is known: where a fact is missing the reason says it is not known.
    :attr:`ON_BEHALF_OF` is context, neither for nor against: it leads Helsenorge's reasons when
    the order is on behalf of someone, whose facts they then are.
    """

    ON_BEHALF_OF = "on_behalf_of"
    # Why a channel is available.
    HELSENORGE_ACTIVE = "helsenorge_active"
    HELSENORGE_REPRESENTED = "helsenorge_represented"
    RESEARCH_NOT_RESERVED = "research_not_reserved"
    DIGITALLY_ACTIVE = "digitally_active"
    DIGITAL_MAILBOX_ACTIVE = "digital_mailbox_active"
    EMAIL_CURRENT = "email_current"
    MOBILE_CURRENT = "mobile_current"
    POSTAL_ADDRESS = "postal_address"
    PHYSICAL_ADDRESS = "physical_address"
    # Why it is not: electronic ID and age.
    NO_LEVEL4_EID = "no_level4_eid"
    EID_UNKNOWN = "eid_unknown"
    AGE_UNKNOWN = "age_unknown"
    UNDER_13 = "under_13"
    UNDER_16 = "under_16"
    UNDER_18 = "under_18"
    # Helsenorge.
    NO_HELSENORGE_CONSENT = "no_helsenorge_consent"
    HELSENORGE_UNKNOWN = "helsenorge_unknown"
    NOT_REPRESENTABLE = "not_representable"
    REPRESENTATION_UNKNOWN = "representation_unknown"
    RESEARCH_RESERVED = "research_reserved"
    RESEARCH_RESERVATION_UNKNOWN = "research_reservation_unknown"
    # Digitally active, and the KRR facts behind it.
    NOT_DIGITALLY_ACTIVE = "not_digitally_active"
    DIGITAL_ACTIVITY_UNKNOWN = "digital_activity_unknown"
    KRR_UNKNOWN = "krr_unknown"
    KRR_NOT_REGISTERED = "krr_not_registered"
    KRR_DELETED = "krr_deleted"
    NO_CONTACT_DETAILS = "no_contact_details"
    EMAIL_STALE = "email_stale"
    MOBILE_STALE = "mobile_stale"
    EMAIL_UNDATED = "email_undated"
    MOBILE_UNDATED = "mobile_undated"
    KRR_UNRECOGNISED = "krr_unrecognised"
    # The digital mailbox and e-mail/SMS.
    KRR_RESERVED = "krr_reserved"
    KRR_RESERVATION_UNKNOWN = "krr_reservation_unknown"
    KRR_CANNOT_NOTIFY = "krr_cannot_notify"
    KRR_NOTIFY_UNKNOWN = "krr_notify_unknown"
    KRR_CONTRADICTORY = "krr_contradictory"
    NO_DIGITAL_MAILBOX = "no_digital_mailbox"
    DIGITAL_MAILBOX_UNKNOWN = "digital_mailbox_unknown"
    # Paper.
    NO_POSTAL_ADDRESS = "no_postal_address"
    POSTAL_ADDRESS_UNKNOWN = "postal_address_unknown"

    # Members are singletons, so identity is equality: hashing by identity keeps the dict
    # lookups keyed by a member in C, where Enum's own __hash__ runs in Python.
    __hash__ = object.__hash__

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


# --- the rules: each returns the reasons a requirement is not met (empty: it is met) -----------

R = Reason
_NONE: Final[tuple[Reason, ...]] = ()
_EID: Final = {True: _NONE, False: (R.NO_LEVEL4_EID,), None: (R.EID_UNKNOWN,)}
_CONSENT: Final = {
    HelsenorgeConsent.FULL: _NONE,
    HelsenorgeConsent.LIMITED: (R.NO_HELSENORGE_CONSENT,),
    HelsenorgeConsent.NONE: (R.NO_HELSENORGE_CONSENT,),
    None: (R.HELSENORGE_UNKNOWN,),
}
_NOT_REPRESENTED: Final = {False: R.NOT_REPRESENTABLE, None: R.REPRESENTATION_UNKNOWN}
# With an ordering system marked as research: the reasons Helsenorge is closed, by
# research_reserved (an empty tuple: it is not).
_RESEARCH: Final = {
    False: _NONE,
    True: (R.RESEARCH_RESERVED,),
    None: (R.RESEARCH_RESERVATION_UNKNOWN,),
}
_KRR_STATUS: Final = {
    KrrStatus.SLETTET: R.KRR_DELETED,
    KrrStatus.IKKE_REGISTRERT: R.KRR_NOT_REGISTERED,
}
_NOTIFY: Final = {True: _NONE, False: (R.KRR_CANNOT_NOTIFY,), None: (R.KRR_NOTIFY_UNKNOWN,)}
_RESERVED: Final = {False: _NONE, True: (R.KRR_RESERVED,), None: (R.KRR_RESERVATION_UNKNOWN,)}
_NO_KRR: Final = (R.DIGITAL_ACTIVITY_UNKNOWN, R.KRR_UNKNOWN)
_ACTIVE: Final = (R.DIGITALLY_ACTIVE,)
# Per contact detail: (reason when current, when too old, when KRR gives no date).
_EMAIL: Final = (R.EMAIL_CURRENT, R.EMAIL_STALE, R.EMAIL_UNDATED)
_MOBILE: Final = (R.MOBILE_CURRENT, R.MOBILE_STALE, R.MOBILE_UNDATED)


def _age(facts: PatientFacts, years: int, too_young: Reason) -> tuple[Reason, ...]:
    age = facts.age_at_reference
    if age is None:
        return (R.AGE_UNKNOWN,)
    return _NONE if age >= years else (too_young,)


@final
@attrs.frozen
class _Activity:
    """Whether a person is digitally active, judged once per assessment (docs/sources.md §4)."""

    active: bool
    reasons: tuple[Reason, ...]  # why not (or that it is not known); _ACTIVE when active
    current: tuple[Reason, ...]  # the contact details that are current


def _digital_activity(facts: PatientFacts) -> _Activity:
    # docs/sources.md §4: "For at personen skal regnes som digitalt aktiv må informasjon i
    # kontaktregisteret være oppdatert i løpet av siste 18 mnd" - above the per-channel limits,
    # so it gates every digital channel. docs/sources.md §5: a contact detail counts when its
    # updated or its verified time is within 18 months (eForvaltningsforskriften § 32), each
    # detail judged on its own, in Norwegian dates. No lookup means not known, so not active.
    record = facts.krr
    if record is None:
        return _Activity(active=False, reasons=_NO_KRR, current=_NONE)
    if record.status is not KrrStatus.AKTIV:
        return _Activity(
            active=False,
            reasons=(R.NOT_DIGITALLY_ACTIVE, _KRR_STATUS[record.status]),
            current=_NONE,
        )
    # A stamp is current when its date in Norway is on or after `since`: when it is at or after
    # that day's first moment in Norway. One comparison of instants, no date per stamp.
    since = months_before(facts.reference_date, FRESH_MONTHS)
    start = datetime(since.year, since.month, since.day, tzinfo=OSLO)
    current: list[Reason] = []
    old: list[Reason] = []
    undated = False
    for value, updated, verified, (fresh, stale, no_date) in (
        (record.email, record.email_updated, record.email_verified, _EMAIL),
        (record.mobile, record.mobile_updated, record.mobile_verified, _MOBILE),
    ):
        if value is None:
            continue  # a date without the detail it dates proves nothing
        if (updated is not None and updated >= start) or (
            verified is not None and verified >= start
        ):
            current.append(fresh)
        elif updated is not None or verified is not None:
            old.append(stale)
        else:
            old.append(no_date)
            undated = True
    if current:
        return _Activity(active=True, reasons=_ACTIVE, current=tuple(current))
    if record.unrecognised:
        # docs/sources.md, choices: an unrecognised key may hold the contact details under
        # another name, so what the record lacks is not stated as a fact.
        reasons = (R.DIGITAL_ACTIVITY_UNKNOWN, *old, R.KRR_UNRECOGNISED)
    elif undated:
        reasons = (R.DIGITAL_ACTIVITY_UNKNOWN, *old)
    else:
        reasons = (R.NOT_DIGITALLY_ACTIVE, *(old or (R.NO_CONTACT_DETAILS,)))
    return _Activity(active=False, reasons=reasons, current=_NONE)


def _helsenorge(
    facts: PatientFacts, activity: _Activity, *, research: bool
) -> tuple[bool, tuple[Reason, ...]]:
    # docs/sources.md §4: reached directly with level-4 eID, consent Full, age over 16 and
    # digitally active; or reached because someone can represent the person on Helsenorge
    # (RepresentasjonPaaHelsenorge.md: "Hvis det foreligger et representasjonsforhold på
    # helsenorge eller personen kan kontaktes direkte").
    direct = (
        *_EID[facts.level4_eid],
        *_CONSENT[facts.helsenorge_consent],
        *_age(facts, 16, R.UNDER_16),
        *(_NONE if activity.active else activity.reasons),
    )
    represented = facts.helsenorge_representable
    # docs/sources.md §4 (ReservasjonMotForskning.md): from an ordering system marked as research,
    # nothing goes on Helsenorge to a person who has reserved against it, "selv om innbyggeren
    # er aktiv og har samtykket". Not known whether they have: not sent (unknown is not false).
    reserved = _RESEARCH[facts.research_reserved] if research else _NONE
    reachable = represented is True or not direct
    if reserved or not reachable:
        return False, (
            *reserved,
            *(_NONE if reachable else (*direct, _NOT_REPRESENTED[represented])),
        )
    return True, (
        *(_NONE if direct else (R.HELSENORGE_ACTIVE, *_ACTIVE)),
        *((R.HELSENORGE_REPRESENTED,) if represented else _NONE),
        *((R.RESEARCH_NOT_RESERVED,) if research else _NONE),
    )


def _krr_notice(record: KrrRecord) -> tuple[Reason, ...]:
    # docs/sources.md §5: Digdir reports a reserved person as KAN_IKKE_VARSLES. A record that
    # says JA and KAN_VARSLES contradicts that; neither field is trusted (docs/sources.md,
    # choices), so the channels that read them are closed with a reason that says so.
    if record.reserved is True and record.can_notify is True:
        return (R.KRR_CONTRADICTORY,)
    return _NOTIFY[record.can_notify]


def _digital_mailbox(facts: PatientFacts, activity: _Activity) -> tuple[bool, tuple[Reason, ...]]:
    # docs/sources.md §4-§5: level-4 eID, over 18, digitally active; KRR can notify the person,
    # who is not reserved (§ 9: a reservation means the mailbox must not be used); and KRR names
    # a mailbox (digital_post).
    failing = [*_EID[facts.level4_eid], *_age(facts, 18, R.UNDER_18)]
    if not activity.active:
        failing += activity.reasons
    record = facts.krr
    if record is not None and record.status is KrrStatus.AKTIV:
        notice = _krr_notice(record)
        failing += (
            notice if notice == (R.KRR_CONTRADICTORY,) else (*notice, *_RESERVED[record.reserved])
        )
        if not record.has_digital_mailbox:
            failing += (
                (R.DIGITAL_MAILBOX_UNKNOWN, R.KRR_UNRECOGNISED)
                if record.unrecognised
                else (R.NO_DIGITAL_MAILBOX,)
            )
    if failing:
        return False, tuple(dict.fromkeys(failing))
    return True, (R.DIGITAL_MAILBOX_ACTIVE, *_ACTIVE)


def _unsecure(facts: PatientFacts, activity: _Activity) -> tuple[bool, tuple[Reason, ...]]:
    # docs/sources.md §4-§5: level-4 eID, from age 13, digitally active (a current e-mail
    # address or mobile number), and KRR can notify the person (varslingsstatus; a reservation
    # alone does not decide it, docs/sources.md §7 and choices).
    failing = [*_EID[facts.level4_eid], *_age(facts, 13, R.UNDER_13)]
    if not activity.active:
        failing += activity.reasons
    record = facts.krr
    if record is not None and record.status is KrrStatus.AKTIV:
        failing += _krr_notice(record)
    if failing:
        return False, tuple(failing)
    return True, activity.current


def _paper(facts: PatientFacts) -> tuple[bool, tuple[Reason, ...]]:
    # docs/sources.md §3-§4: paper goes to physicalAddress when the order gives one, else to the
    # Folkeregister address.
    if facts.physical_address:
        return True, (R.PHYSICAL_ADDRESS,)
    if facts.postal_address:
        return True, (R.POSTAL_ADDRESS,)
    return False, (
        R.NO_POSTAL_ADDRESS if facts.postal_address is False else R.POSTAL_ADDRESS_UNKNOWN,
    )


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
    expected = "one (channel, reasons) pair per channel"
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

    Pass it to :func:`~distribution.presentation.decision.explain` in place of an availability
    and the explanation says why each channel is or is not available. Built by :func:`assess`; the
    constructor refuses anything but one non-empty tuple of :class:`Reason` per channel.

    From :func:`assess`, the reasons are worked out the first time they are read (directly, or
    by comparing, hashing, printing, pickling or ``attrs.asdict``); until then the result keeps
    the facts it was given, and lets them go once the reasons are made.
    """

    availability: Availability = attrs.field(validator=_check_availability)
    reasons_by_channel: tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...] = attrs.field(
        validator=_check_reasons
    )

    def reasons(self, channel: NotificationChannel | int | str) -> tuple[Reason, ...]:
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


@final
class _Pending:
    """What :func:`assess` was given, held in place of the reasons until they are asked for."""

    __slots__ = ("facts", "on_behalf_of", "research")

    def __init__(
        self, facts: PatientFacts, research: bool, on_behalf_of: PatientFacts | None
    ) -> None:
        self.facts, self.research, self.on_behalf_of = facts, research, on_behalf_of


# The reasons are worked out when first read. Their slot holds a _Pending until then, and every
# read goes through this property, which replaces it with the reasons: attrs' own methods
# (__eq__, __repr__, evolve, asdict, pickling) read the attribute, so none of them ever sees a
# _Pending, and the field stays what it was for attrs and for type checkers.
_REASONS_SLOT: Final = Eligibility.__dict__["reasons_by_channel"]


def _read_reasons(self: Eligibility) -> tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]:
    value = _REASONS_SLOT.__get__(self, Eligibility)
    if value.__class__ is _Pending:
        # Two threads may both work them out: the same facts give equal reasons.
        value = _reasons_by_channel(
            value.facts, research=value.research, on_behalf_of=value.on_behalf_of
        )
        _REASONS_SLOT.__set__(self, value)  # and the facts are let go
    return value  # type: ignore[no-any-return]  # the slot holds the reasons now


setattr(  # noqa: B010  # through setattr: a property where the class declares a field
    Eligibility,
    "reasons_by_channel",
    property(_read_reasons, _REASONS_SLOT.__set__, doc="One (channel, reasons) pair per channel."),
)


_POSITION: Final = {channel: position for position, channel in enumerate(CHANNEL_FIELDS)}

_C = NotificationChannel
REQUIREMENTS: Final[Mapping[NotificationChannel, tuple[Reason, ...]]] = MappingProxyType(
    {
        # docs/sources.md §4: level-4 eID, age 16 or represented, full consent, digitally
        # active, and (for research) no reservation on Helsenorge.
        _C.HELSENORGE: (
            R.NO_LEVEL4_EID,
            R.UNDER_16,
            R.NOT_REPRESENTABLE,
            R.NO_HELSENORGE_CONSENT,
            R.NOT_DIGITALLY_ACTIVE,
            R.RESEARCH_RESERVED,
        ),
        # §4-§5: level-4 eID, age 18, digitally active, in KRR, not reserved, can be notified,
        # a digital mailbox.
        _C.DIGITAL_MAILBOX: (
            R.NO_LEVEL4_EID,
            R.UNDER_18,
            R.NOT_DIGITALLY_ACTIVE,
            R.KRR_NOT_REGISTERED,
            R.KRR_DELETED,
            R.KRR_RESERVED,
            R.KRR_CANNOT_NOTIFY,
            R.NO_DIGITAL_MAILBOX,
        ),
        # §4-§5: level-4 eID, age 13, digitally active, in KRR, can be notified, an e-mail
        # address or mobile number updated or confirmed within 18 months.
        _C.UNSECURE: (
            R.NO_LEVEL4_EID,
            R.UNDER_13,
            R.NOT_DIGITALLY_ACTIVE,
            R.KRR_NOT_REGISTERED,
            R.KRR_DELETED,
            R.KRR_CANNOT_NOTIFY,
            R.NO_CONTACT_DETAILS,
            R.EMAIL_STALE,
            R.MOBILE_STALE,
        ),
        # §3-§4: a postal address, in Folkeregisteret or in the order.
        _C.PHYSICAL_MAILBOX: (R.NO_POSTAL_ADDRESS,),
    }
)
"""What closes each channel, one reason per requirement (the known facts, not the unknowns).

The checklist of the support page: "why can this patient not be reached on this channel?"
"""


def assess(
    facts: PatientFacts, *, research: bool = False, on_behalf_of: PatientFacts | None = None
) -> Eligibility:
    """Return which channels *facts* make available, and why (``docs/sources.md`` §3-§5).

    With *research* the ordering system is marked as research in ePROM: a person who has
    reserved on Helsenorge against contact for other purposes than health care, or of whom that
    is not known (``research_reserved`` ``None``), gets nothing on Helsenorge. The other channels
    are not covered by that reservation.

    *on_behalf_of* is for an order with ``onBehalfOfNationalId``: *facts* are then the
    recipient's (``nationalId``, say a parent) and *on_behalf_of* the facts of the person the
    form concerns (say the child), at the same reference time. On Helsenorge the form goes to
    the person it concerns, so Helsenorge is judged on their facts, its reasons led by
    :attr:`Reason.ON_BEHALF_OF`; the other channels carry ePROM's ordinary on-behalf-of routine
    to the recipient and are judged on *facts*. Without it, *facts* are the patient's own.

    Never raises for well-typed facts; never reads a clock (the reference time is in *facts*).
    """
    if type(facts) is not PatientFacts:
        raise wrong_type(facts, field="facts", expected="PatientFacts")
    if type(research) is not bool:
        raise InvalidTypeError(
            "not_bool", value=research, field="research", type=TypeName(research)
        )
    active = _is_active(facts)
    if on_behalf_of is None:
        helsenorge = _reaches_helsenorge(facts, active, research=research)
    else:
        if type(on_behalf_of) is not PatientFacts:
            raise wrong_type(on_behalf_of, field="on_behalf_of", expected="PatientFacts or None")
        if on_behalf_of.reference_time != facts.reference_time:
            raise InvalidValueError(
                "reference_time_mismatch",
                value=on_behalf_of.reference_time.isoformat(),
                field="on_behalf_of.reference_time",
                expected=facts.reference_time.isoformat(),
            )
        helsenorge = _reaches_helsenorge(on_behalf_of, _is_active(on_behalf_of), research=research)
    # The availability is decided here; the reasons, which cost more than twice as much, are
    # worked out from the same facts by the rules above when they are first read (exhaustive
    # tests hold the two to each other). Built without the constructor's checks, which the
    # reasons pass when they are made (tests/test_eligibility.py).
    result = object.__new__(Eligibility)
    _set(
        result,
        "availability",
        _AVAILABILITY[(helsenorge, *_reaches_krr(facts, active), _paper_ok(facts))],
    )
    _REASONS_SLOT.__set__(result, _Pending(facts, research, on_behalf_of))
    return result


# --- the availability alone: the rules above, without their reasons -------------------------


def _is_active(facts: PatientFacts) -> bool:
    """Tell whether *facts* show a digitally active person, as :func:`_digital_activity` does."""
    record = facts.krr
    if record is None or record.status is not KrrStatus.AKTIV:
        return False
    since = months_before(facts.reference_date, FRESH_MONTHS)
    start = datetime(since.year, since.month, since.day, tzinfo=OSLO)
    return (
        record.email is not None
        and (
            (record.email_updated is not None and record.email_updated >= start)
            or (record.email_verified is not None and record.email_verified >= start)
        )
    ) or (
        record.mobile is not None
        and (
            (record.mobile_updated is not None and record.mobile_updated >= start)
            or (record.mobile_verified is not None and record.mobile_verified >= start)
        )
    )


def _reaches_helsenorge(facts: PatientFacts, active: bool, *, research: bool) -> bool:
    """Decide what :func:`_helsenorge` decides, without the reasons."""
    if research and facts.research_reserved is not False:
        return False
    if facts.helsenorge_representable is True:
        return True
    age = facts.age_at_reference
    return (
        facts.level4_eid is True
        and facts.helsenorge_consent is HelsenorgeConsent.FULL
        and age is not None
        and age >= 16  # the age limit of docs/sources.md §4
        and active
    )


def _reaches_krr(facts: PatientFacts, active: bool) -> tuple[bool, bool]:
    """Decide what :func:`_digital_mailbox` and :func:`_unsecure` decide, without the reasons."""
    age = facts.age_at_reference
    if (
        facts.level4_eid is not True
        or age is None
        or age < 13  # the age limit of docs/sources.md §4
        or not active
    ):
        return False, False
    record = cast("KrrRecord", facts.krr)  # an active person has an active record
    if record.can_notify is not True or record.reserved is True:
        return False, False  # cannot be notified, not known, reserved or contradictory
    mailbox = (
        age >= 18  # the age limit of docs/sources.md §4
        and record.reserved is False
        and record.mailbox_address is not None
    )
    return mailbox, True


def _paper_ok(facts: PatientFacts) -> bool:
    """Decide what :func:`_paper` decides, without the reason."""
    return facts.physical_address or facts.postal_address is True


def _reasons_by_channel(
    facts: PatientFacts, *, research: bool, on_behalf_of: PatientFacts | None
) -> tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]:
    """Give the reasons for each channel, by the rules above: why assess() found what it did."""
    activity = _digital_activity(facts)
    if on_behalf_of is None:
        helsenorge = _helsenorge(facts, activity, research=research)[1]
    else:
        # docs/sources.md §4 (ePROM v13.1): "skjema [blir] sendt til onBehalfOfNationalId hvis
        # denne personen kan representeres på Helsenorge. Hvis personen ikke kan kontaktes på
        # helsenorge vil vanlig 'På vegne av' rutine følges mot de andre distribueringskanalene."
        why = _helsenorge(on_behalf_of, _digital_activity(on_behalf_of), research=research)[1]
        helsenorge = (R.ON_BEHALF_OF, *why)
    return (
        (_C.HELSENORGE, helsenorge),
        (_C.DIGITAL_MAILBOX, _digital_mailbox(facts, activity)[1]),
        (_C.UNSECURE, _unsecure(facts, activity)[1]),
        (_C.PHYSICAL_MAILBOX, _paper(facts)[1]),
    )


_set: Final = object.__setattr__
_AVAILABILITY: Final = {
    (a.helsenorge, a.digital_mailbox, a.krr_contact, a.paper): a for a in Availability.all()
}
