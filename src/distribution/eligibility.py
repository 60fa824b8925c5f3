"""From register facts to availability: who can be reached on which channel, and why.

The rules are ePROM's person rules (``shared/domain.md`` §4) and KRR's (§5), each written once
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
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, final

import attrs

from distribution._phrasebook import REASONS
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import NotificationChannel
from distribution.errors import InvalidValueError, check_lang, wrong_type
from distribution.krr import KrrRecord, KrrStatus

if TYPE_CHECKING:
    from distribution._texts import Lang

__all__ = ["Eligibility", "HelsenorgeConsent", "PatientFacts", "Reason", "assess"]

FRESH_MONTHS: Final = 18
"""KRR contact details older than this many months must not be used (domain.md §5)."""


class HelsenorgeConsent(enum.Enum):
    """The patient's consent level on Helsenorge."""

    FULL = "full"
    """Full consent: Helsenorge may be used for forms (domain.md §4)."""
    LIMITED = "limited"
    """A limited consent level: not enough for ePROM."""
    NONE = "none"
    """No consent, or no Helsenorge profile."""


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


def _exact_type(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* has exactly one of the field's metadata ``types``.

    The metadata is a literal in each field's definition, so it is data, not code.

    A bool is no int here. ``None`` passes when the metadata's ``optional`` is true.
    """
    types, optional = attribute.metadata["types"], attribute.metadata["optional"]
    if value is None and optional:
        return
    if type(value) not in types:
        raise wrong_type(
            value,
            field=f"{type(instance).__name__}.{attribute.name}",
            expected=" or ".join(t.__name__ for t in types) + (" or None" if optional else ""),
        )


def _aware(instance: object, attribute: attrs.Attribute[datetime], value: datetime) -> None:
    if value.utcoffset() is None:
        raise InvalidValueError(
            "bad_timestamp",
            value=value.isoformat(),
            field=f"{type(instance).__name__}.{attribute.name}",
        )


@final
@attrs.frozen(kw_only=True)
class PatientFacts:
    """What ePROM's person rules need to know about a patient, at a reference time.

    ``None`` means "not known"; a channel that needs an unknown fact is unavailable.

    Attributes:
        reference_time: when the facts hold (timezone-aware); KRR freshness is judged from it.
        age: the patient's age in whole years at ``reference_time``; or give ``birth_date``.
        birth_date: the patient's birth date; when both are given they must agree.
        level4_eid: whether the patient has electronic ID at level 4 (BankID or similar).
        helsenorge_consent: the consent level on Helsenorge.
        helsenorge_representable: whether the patient can be represented on Helsenorge.
        krr: the patient's KRR record (``None``: no lookup was made).
        postal_address: whether Folkeregisteret has a postal address for the patient.
        physical_address: whether the order itself gives a postal address (``physicalAddress``).
    """

    reference_time: datetime = attrs.field(
        validator=[_exact_type, _aware], metadata={"types": (datetime,), "optional": False}
    )
    age: int | None = attrs.field(
        default=None, validator=_exact_type, metadata={"types": (int,), "optional": True}
    )
    birth_date: date | None = attrs.field(
        default=None, validator=_exact_type, metadata={"types": (date,), "optional": True}
    )
    level4_eid: bool | None = attrs.field(
        default=None, validator=_exact_type, metadata={"types": (bool,), "optional": True}
    )
    helsenorge_consent: HelsenorgeConsent | None = attrs.field(
        default=None,
        validator=_exact_type,
        metadata={"types": (HelsenorgeConsent,), "optional": True},
    )
    helsenorge_representable: bool | None = attrs.field(
        default=None, validator=_exact_type, metadata={"types": (bool,), "optional": True}
    )
    krr: KrrRecord | None = attrs.field(
        default=None, validator=_exact_type, metadata={"types": (KrrRecord,), "optional": True}
    )
    postal_address: bool | None = attrs.field(
        default=None, validator=_exact_type, metadata={"types": (bool,), "optional": True}
    )
    physical_address: bool = attrs.field(
        default=False, validator=_exact_type, metadata={"types": (bool,), "optional": False}
    )

    def __attrs_post_init__(self) -> None:
        if self.age is not None and not 0 <= self.age <= 150:
            raise InvalidValueError(
                "out_of_range", value=self.age, field="PatientFacts.age", choices="0-150"
            )
        if self.birth_date is not None:
            if self.birth_date > self.reference_time.date():
                raise InvalidValueError(
                    "out_of_range",
                    value=self.birth_date.isoformat(),
                    field="PatientFacts.birth_date",
                    choices=f"dates up to {self.reference_time.date().isoformat()}",
                )
            derived = _years_between(self.birth_date, self.reference_time.date())
            if self.age is not None and self.age != derived:
                raise InvalidValueError(
                    "age_mismatch", value=self.age, field="PatientFacts.age", expected=derived
                )

    @classmethod
    def from_json(cls, obj: object) -> PatientFacts:
        """Read facts from a mapping or its JSON text, KRR record embedded under ``"krr"``.

        Keys are the attribute names; times are ISO 8601 with an offset, ``birth_date`` is
        ``YYYY-MM-DD``, ``helsenorge_consent`` is ``"full"``, ``"limited"`` or ``"none"``, and
        ``krr`` is a person record as KRR returns it. Unknown keys are refused.
        """
        from distribution._facts_json import facts_from_json  # noqa: PLC0415  # reads this class

        return facts_from_json(obj)

    @property
    def age_at_reference(self) -> int | None:
        """The age at ``reference_time``, from ``age`` or ``birth_date``; ``None`` if unknown."""
        if self.age is not None:
            return self.age
        if self.birth_date is not None:
            return _years_between(self.birth_date, self.reference_time.date())
        return None


def _years_between(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def months_before(moment: datetime, months: int) -> datetime:
    """Return *moment* moved back by whole calendar *months*, clamping the day to the month."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - date(year, month, 1)).days
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


# --- the rules: one function per requirement, returning the reasons it is not met -----------

Requirement = Callable[[PatientFacts], list[Reason]]


def _level4_eid(facts: PatientFacts) -> list[Reason]:
    # domain.md §4: every channel but the one-time code needs electronic ID at level 4.
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
    # domain.md §4: over 16, or can be represented on Helsenorge; and consent level Full.
    reasons = []
    if facts.helsenorge_consent is None:
        reasons.append(Reason.HELSENORGE_UNKNOWN)
    elif facts.helsenorge_consent is not HelsenorgeConsent.FULL:
        reasons.append(Reason.NO_HELSENORGE_CONSENT)
    if not facts.helsenorge_representable:
        reasons += _at_least(16, Reason.UNDER_16)(facts)
    return reasons


def _krr_active(facts: PatientFacts) -> list[Reason]:
    # domain.md §5: status AKTIV, and KRR says the person can be notified (KAN_VARSLES), which
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
    # domain.md §5: a reservation (§ 9) means the digital mailbox must not be used.
    record = facts.krr
    if record is None or record.status is not KrrStatus.AKTIV:
        return []  # _krr_active has said why
    reasons = [Reason.KRR_RESERVED] if record.reserved is not False else []
    if not record.has_digital_mailbox:
        reasons.append(Reason.NO_DIGITAL_MAILBOX)
    return reasons


def _krr_contact(facts: PatientFacts) -> list[Reason]:
    # domain.md §5 (eForvaltningsforskriften § 32): e-mail and mobile are judged on their own;
    # each is usable when its updated or verified time is within 18 months.
    record = facts.krr
    if record is None or record.status is not KrrStatus.AKTIV:
        return []  # _krr_active has said why
    if record.email is None and record.mobile is None:
        return [Reason.NO_CONTACT_DETAILS]
    if _current_contacts(record, facts.reference_time):
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


def _current_contacts(record: KrrRecord, reference_time: datetime) -> list[Reason]:
    since = months_before(reference_time, FRESH_MONTHS)
    current = []
    for value, stamps, reason in (
        (record.email, (record.email_updated, record.email_verified), Reason.EMAIL_CURRENT),
        (record.mobile, (record.mobile_updated, record.mobile_verified), Reason.MOBILE_CURRENT),
    ):
        if value is not None and any(s is not None and s >= since for s in stamps):
            current.append(reason)
    return current


def _postal_address(facts: PatientFacts) -> list[Reason]:
    # domain.md §3-§4: paper goes to physicalAddress when the order gives one, else to the
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
    # domain.md §4: Helsenorge needs level-4 eID, consent Full, and age >= 16 or representation.
    _C.HELSENORGE: (_level4_eid, _helsenorge),
    # domain.md §4-§5: the digital mailbox needs level-4 eID, age >= 18, an active KRR record
    # that can be notified, no reservation, and a digital_post mailbox.
    _C.DIGITAL_MAILBOX: (_level4_eid, _at_least(18, Reason.UNDER_18), _krr_active, _krr_mailbox),
    # domain.md §4-§5: e-mail/SMS needs level-4 eID, age >= 13, an active KRR record that can
    # be notified, and an e-mail or mobile number updated or verified within 18 months.
    _C.UNSECURE: (_level4_eid, _at_least(13, Reason.UNDER_13), _krr_active, _krr_contact),
    # domain.md §4: paper needs a postal address.
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
        _C.UNSECURE: lambda f: _current_contacts(f.krr, f.reference_time),  # type: ignore[arg-type]
        _C.PHYSICAL_MAILBOX: lambda f: (
            [Reason.PHYSICAL_ADDRESS] if f.physical_address else [Reason.POSTAL_ADDRESS]
        ),
    }
    return tuple(positive[channel](facts))


@final
@attrs.frozen
class Eligibility:
    """A patient's :class:`Availability`, with the reasons for each channel.

    Pass it to :func:`~distribution.explainer.explain` in place of an availability and the
    explanation says why each channel is or is not available.
    """

    availability: Availability
    reasons_by_channel: tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]

    def reasons(self, channel: object) -> tuple[Reason, ...]:
        """Return why *channel* (anything ``parse_channel`` takes) is or is not available."""
        wanted = parse_channel(channel)
        return next(reasons for ch, reasons in self.reasons_by_channel if ch is wanted)

    def to_dict(self) -> dict[str, object]:
        """Return ``{"availability": {...}, "reasons": {field: [reason, ...]}}`` for JSON."""
        return {
            "availability": self.availability.to_dict(),
            "reasons": {
                CHANNEL_FIELDS[channel]: [reason.value for reason in reasons]
                for channel, reasons in self.reasons_by_channel
            },
        }


def assess(facts: PatientFacts) -> Eligibility:
    """Return which channels *facts* make available, and why (``domain.md`` §3-§5).

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
