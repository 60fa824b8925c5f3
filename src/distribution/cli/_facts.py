"""Patient facts from flags: ``explain --alder 15 --bankid ja …`` builds a ``PatientFacts``.

One reason to change: the facts a support worker can give as flags (a new fact, a new spelling
of one, or what a missing one means). Nothing is assumed that the worker did not say, unless
they ask for a what-if with --rest-ok, and then the answer lists what was taken as met.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING, Any, Final

import attrs

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
    """Return the facts the flags give, judged at --reference-time or *now*; ``None`` if none.

    With --rest-ok an active KRR record's mailbox and contact date, when not given, are taken
    as there and current (:func:`assume_the_rest` says so), and facts are made even from none.
    """
    given = {dest: getattr(args, dest) for _, dest in FACT_FLAGS}
    rest_ok = getattr(args, "rest_ok", False)
    if all(value is None for value in given.values()) and args.reference_time is None:
        return PatientFacts(reference_time=now) if rest_ok else None
    when = now if args.reference_time is None else moment(args.reference_time)
    args.filled = _fill_active_record(given, when) if rest_ok else ()
    krr = None
    if given["krr_status"] is not None:
        status = KrrStatus(choice(given["krr_status"], "--krr-status", _KRR_STATUS))
        if status is KrrStatus.AKTIV:
            # Left out, these would say "no mailbox" and "no contact details": facts nobody gave.
            for name, dest, choices in (
                ("--digital-mailbox", "digital_mailbox", ("ja", "nei", "yes", "no")),
                (
                    "--contact-updated",
                    "contact_updated",
                    ("ÅÅÅÅ-MM-DD", "DD.MM.ÅÅÅÅ", *_NO_CONTACT),
                ),
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


def _fill_active_record(given: dict[str, str | None], when: datetime) -> tuple[str, ...]:
    """For --rest-ok: take an active KRR record's mailbox and contact date as there and current.

    Returns the facts so taken, to be said with the rest of what was assumed.
    """
    filled = []
    status = given["krr_status"]
    if status is not None and _KRR_STATUS.get(status.strip().lower()) == "AKTIV":
        for dest, fact, value in (
            ("digital_mailbox", "krr_mailbox", "ja"),
            ("contact_updated", "digital_activity", when.astimezone(OSLO).date().isoformat()),
        ):
            if given[dest] is None:
                given[dest] = value
                filled.append(fact)
    return tuple(filled)


# What --rest-ok takes as so, for each fact not given, in the order a person checks them.
_ASSUMED: Final = (
    "age",
    "level4_eid",
    "helsenorge_consent",
    "helsenorge_representable",
    "research_reserved",
    "krr_record",
    "krr_reserved",
    "krr_can_notify",
    "krr_mailbox",
    "digital_activity",
    "postal_address",
)


def assume_the_rest(
    facts: PatientFacts, *, research: bool, filled: tuple[str, ...] = ()
) -> tuple[PatientFacts, tuple[str, ...]]:
    """Return *facts* with every fact not known taken as met, and which were (for --rest-ok).

    Met means the way a patient reaches every channel directly: 18 or older, BankID, full
    consent on Helsenorge, no reservation against research, active in KRR with current contact
    details, not reserved, can be notified and with a digital mailbox, and a postal address.
    Representation on Helsenorge is taken as there only for a patient under 16 (the only way it
    counts); otherwise as not there, and the answer says which. Facts given are kept; *filled*
    are those :func:`facts_from_flags` already took as met, named with the rest.
    """
    changes: dict[str, Any] = {}
    assumed: list[str] = list(filled)
    age = facts.age_at_reference
    if age is None:
        changes["age"], age = 18, 18
        assumed.append("age")
    for name, value in (
        ("level4_eid", True),
        ("helsenorge_consent", HelsenorgeConsent.FULL),
        ("helsenorge_representable", age < 16),  # the age Helsenorge asks
        ("postal_address", True),
    ):
        if getattr(facts, name) is None:
            changes[name] = value
            assumed.append(name if value is not False else f"{name}_not")
    if research and facts.research_reserved is None:
        changes["research_reserved"] = False
        assumed.append("research_reserved")
    record = _assume_krr(facts, assumed)
    if record is not facts.krr:
        changes["krr"] = record
    order = {name: n for n, name in enumerate(_ASSUMED)}
    return attrs.evolve(facts, **changes), tuple(
        sorted(assumed, key=lambda name: order[name.removesuffix("_not")])
    )


def _assume_krr(facts: PatientFacts, assumed: list[str]) -> KrrRecord | None:
    """Return the KRR record with what is not known taken as met, naming it in *assumed*."""
    record = facts.krr
    if record is None:
        assumed.append("krr_record")
        return KrrRecord(
            status=KrrStatus.AKTIV,
            reserved=False,
            can_notify=True,
            email=_GIVEN_CONTACT,
            email_updated=facts.reference_time,
            mailbox_address=_GIVEN_CONTACT,
        )
    if record.status is not KrrStatus.AKTIV:
        return record
    fixes: dict[str, Any] = {}
    if record.reserved is None:
        fixes["reserved"] = False
        assumed.append("krr_reserved")
    if record.can_notify is None:
        fixes["can_notify"] = not record.reserved  # Digdir: a reserved person cannot be notified
        assumed.append("krr_can_notify")
    for detail in ("email", "mobile"):
        dated = getattr(record, f"{detail}_updated") or getattr(record, f"{detail}_verified")
        if getattr(record, detail) is not None and dated is None:
            fixes[f"{detail}_updated"] = facts.reference_time
            if "digital_activity" not in assumed:
                assumed.append("digital_activity")
    return attrs.evolve(record, **fixes) if fixes else record


def _age(given: str | None) -> int | None:
    """Return ``--age`` as a number of years, checked before ``int`` would see 5,000 digits."""
    if given is None:
        return None
    digits = given.strip()
    # A sign, then digits: "-12" is a number, only not an age.
    number = digits.removeprefix("-")
    if not (number.isascii() and number.isdigit()):
        raise wrong_type(given, field="--age", expected="an integer")
    # int() refuses more than 4,300 digits with a bare ValueError; no age has more than three.
    years = number.lstrip("0") or "0"
    negative = digits.startswith("-") and years != "0"
    if negative or len(years) > len(str(_OLDEST)) or int(years) > _OLDEST:
        # Eight digits and more would be hidden as a possible ID number: the size says more.
        shown = digits if len(digits) < _SHORT else Stand(f"<{len(digits)} characters>")
        raise InvalidValueError("out_of_range", value=shown, field="--age", choices=f"0-{_OLDEST}")
    return int(years)
