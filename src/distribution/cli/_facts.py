"""Patient facts from flags: ``explain --alder 15 --bankid ja …`` builds a ``PatientFacts``.

One reason to change: the facts a support worker can give as flags (a new fact, a new spelling
of one, or what a missing one means). Nothing is assumed that the worker did not say.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING, Final

from distribution._errors import InvalidValueError, Stand, wrong_type
from distribution.cli._values import OSLO, choice, day, flag, moment
from distribution.patient.facts import HelsenorgeConsent, PatientFacts
from distribution.patient.krr import KrrRecord, KrrStatus

if TYPE_CHECKING:
    import argparse

_CONSENT: Final = {
    "full": "full",
    "begrenset": "limited",
    "limited": "limited",
    "ingen": "none",
    "none": "none",
}
_KRR_STATUS: Final = {
    "aktiv": "AKTIV",
    "active": "AKTIV",
    "slettet": "SLETTET",
    "deleted": "SLETTET",
    "ikke-registrert": "IKKE_REGISTRERT",
    "not-registered": "IKKE_REGISTRERT",
}
_OLDEST: Final = 150  # the oldest age PatientFacts takes
_SHORT: Final = 8  # digits; a longer number is shown by its size
#: The flags that describe the patient, in English and bokmål spellings, and where they go.
FACT_FLAGS: Final = (
    (("--age", "--alder"), "age"),
    (("--birth-date", "--fodselsdato", "--fødselsdato"), "birth_date"),
    (("--level4-eid", "--bankid"), "level4_eid"),
    (("--consent", "--samtykke"), "consent"),
    (("--representable", "--kan-representeres"), "representable"),
    (("--research-reserved", "--reservert-forskning"), "research_reserved"),
    (("--krr-status",), "krr_status"),
    (("--reserved", "--reservert"), "reserved"),
    (("--can-notify", "--kan-varsles"), "can_notify"),
    (("--contact-updated", "--kontakt-oppdatert"), "contact_updated"),
    (("--digital-mailbox", "--digipost"), "digital_mailbox"),
    (("--postal-address", "--postadresse"), "postal_address"),
)
_KRR_FLAGS: Final = ("reserved", "can_notify", "contact_updated", "digital_mailbox")
# --contact-updated's word for "KRR has no e-mail address or mobile number".
_NO_CONTACT: Final = ("ingen", "none")
# A stand-in for contact details the worker says exist; assess() only asks whether they do, and
# KrrRecord masks it like a real address.
_GIVEN_CONTACT: Final = "(oppgitt)"


def facts_from_flags(args: argparse.Namespace, now: datetime) -> PatientFacts | None:
    """Return the facts the flags give, judged at --reference-time or *now*; ``None`` if none."""
    given = {dest: getattr(args, dest) for _, dest in FACT_FLAGS}
    if all(value is None for value in given.values()) and args.reference_time is None:
        return None
    when = now if args.reference_time is None else moment(args.reference_time)
    krr = None
    if given["krr_status"] is not None:
        status = KrrStatus(choice(given["krr_status"], "--krr-status", _KRR_STATUS))
        if status is KrrStatus.AKTIV:
            # Left out, these would say "no mailbox" and "no contact details": facts nobody gave.
            for name, dest, choices in (
                ("--digital-mailbox", "digital_mailbox", ("ja", "nei", "yes", "no")),
                ("--contact-updated", "contact_updated", ("ÅÅÅÅ-MM-DD", *_NO_CONTACT)),
            ):
                if given[dest] is None:
                    raise InvalidValueError(
                        "krr_active_needs", value=None, field=name, choices=choices
                    )
        contact = given["contact_updated"]
        updated = (
            None
            if contact is None or contact.strip().lower() in _NO_CONTACT
            else datetime.combine(day(contact, "--contact-updated"), time(), OSLO)
        )
        krr = KrrRecord(
            status=status,
            reserved=flag(given["reserved"], "--reserved"),
            can_notify=flag(given["can_notify"], "--can-notify"),
            email=None if updated is None else _GIVEN_CONTACT,
            email_updated=updated,
            mailbox_address=_GIVEN_CONTACT
            if flag(given["digital_mailbox"], "--digital-mailbox")
            else None,
        )
    elif any(given[name] is not None for name in _KRR_FLAGS):
        raise InvalidValueError(
            "krr_status_needed", value=None, field="--krr-status", choices=tuple(_KRR_STATUS)
        )
    return PatientFacts(
        reference_time=when,
        age=_age(given["age"]),
        birth_date=None
        if given["birth_date"] is None
        else day(given["birth_date"], "--birth-date"),
        level4_eid=flag(given["level4_eid"], "--level4-eid"),
        helsenorge_consent=(
            None
            if given["consent"] is None
            else HelsenorgeConsent(choice(given["consent"], "--consent", _CONSENT))
        ),
        helsenorge_representable=flag(given["representable"], "--representable"),
        research_reserved=flag(given["research_reserved"], "--research-reserved"),
        krr=krr,
        postal_address=flag(given["postal_address"], "--postal-address"),
    )


def _age(given: str | None) -> int | None:
    """Return ``--age`` as a number of years, checked before ``int`` would see 5,000 digits."""
    if given is None:
        return None
    digits = given.strip()
    if not (digits.isascii() and digits.isdigit()):
        raise wrong_type(given, field="--age", expected="an integer")
    # int() refuses more than 4,300 digits with a bare ValueError; no age has more than three.
    years = digits.lstrip("0") or "0"
    if len(years) > len(str(_OLDEST)) or int(years) > _OLDEST:
        # Eight digits and more would be hidden as a possible ID number: the size says more.
        shown = digits if len(digits) < _SHORT else Stand(f"<{len(digits)} characters>")
        raise InvalidValueError("out_of_range", value=shown, field="--age", choices=f"0-{_OLDEST}")
    return int(years)
