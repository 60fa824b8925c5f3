"""What the facts not known could be: every completion of a patient's facts, tried by brute force.

Rule 1: the channels are not independent. The same facts (BankID, digital activity, age) open
or close several channels at once, so a :class:`~distribution.partial.PartialAvailability`
alone admits combinations no patient can have: a 17-year-old with full consent on Helsenorge
who can get an SMS has BankID and current contact details, and so has Helsenorge too. This
module lists the combinations a patient *can* have, by trying every value of every fact not
known (each value the rules tell apart: an age on each side of 13, 16 and 18, yes and no, a
KRR record of each kind). It changes when a fact, or a value the rules tell apart, is added.

>>> from datetime import datetime, timezone
>>> from distribution import HelsenorgeConsent, PatientFacts
>>> teen = PatientFacts(reference_time=datetime(2026, 11, 25, tzinfo=timezone.utc), age=17,
...                     helsenorge_consent=HelsenorgeConsent.FULL, postal_address=True)
>>> can = possible_availabilities(teen)
>>> any(a.krr_contact and not a.helsenorge for a in can)  # SMS but not Helsenorge: impossible
False
>>> len(can)
3
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Final

import attrs

from distribution._errors import wrong_type
from distribution.patient._rules import FRESH_MONTHS, months_before
from distribution.patient.eligibility import assess
from distribution.patient.facts import HelsenorgeConsent, PatientFacts
from distribution.patient.krr import KrrRecord, KrrStatus

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime

    from distribution.availability import Availability

__all__ = ["completions", "possible_availabilities"]

_AGES: Final = (12, 13, 16, 18)  # one on each side of every age limit the rules read
_YES_NO: Final = (True, False)
_CONSENTS: Final = (HelsenorgeConsent.FULL, HelsenorgeConsent.NONE)
# (reserved, can_notify) as KRR gives them; Digdir reports a reserved person as
# KAN_IKKE_VARSLES, so a reservation with KAN_VARSLES is left out (docs/sources.md §5).
_NOTICES: Final = ((False, True), (False, False), (True, False))
_GIVEN: Final = "(oppgitt)"  # contact details that exist; only whether they do is read
_STALE: Final = timedelta(days=3 * 365)


def completions(facts: PatientFacts, *, research: bool = False) -> Iterator[PatientFacts]:
    """Yield *facts* with every fact not known given a value, once for each combination.

    The values are those the rules tell apart; with *research* the reservation against
    research on Helsenorge is one of the facts. A fact that is known is kept as it is.
    """
    if type(facts) is not PatientFacts:
        raise wrong_type(facts, field="facts", expected="PatientFacts")
    person: dict[str, tuple[Any, ...]] = {}
    if facts.age_at_reference is None:
        person["age"] = _AGES
    for name in ("level4_eid", "helsenorge_representable", "postal_address"):
        if getattr(facts, name) is None:
            person[name] = _YES_NO
    if facts.helsenorge_consent is None:
        person["helsenorge_consent"] = _CONSENTS
    if research and facts.research_reserved is None:
        person["research_reserved"] = _YES_NO
    records = _records(facts)
    names = list(person)
    for values in itertools.product(*(person[name] for name in names)):
        chosen: dict[str, Any] = dict(zip(names, values, strict=True))
        for record in records:
            yield attrs.evolve(facts, **chosen, krr=record)


def possible_availabilities(
    facts: PatientFacts, *, research: bool = False
) -> frozenset[Availability]:
    """Return every availability some completion of *facts* gives (:func:`completions`)."""
    return frozenset(
        assess(complete, research=research).availability
        for complete in completions(facts, research=research)
    )


def _records(facts: PatientFacts) -> tuple[KrrRecord | None, ...]:
    """Return every KRR record the patient may have: the one given, completed, or any kind."""
    record = facts.krr
    current = facts.reference_time
    try:
        months_before(facts.reference_date, FRESH_MONTHS)
        dates: tuple[datetime, ...] = (current, current - _STALE)
    except (OverflowError, ValueError):  # too near year 1 to judge a date 18 months back,
        dates = ()  # and so an active record (whose dates are read); only a deleted one is
    if record is None and not dates:
        return (KrrRecord(status=KrrStatus.SLETTET),)
    if record is None:
        return (
            KrrRecord(status=KrrStatus.SLETTET),
            *(
                KrrRecord(
                    status=KrrStatus.AKTIV,
                    reserved=reserved,
                    can_notify=notify,
                    email=None if updated is None else _GIVEN,
                    email_updated=updated,
                    mailbox_address=_GIVEN if mailbox else None,
                )
                for (reserved, notify), updated, mailbox in itertools.product(
                    _NOTICES, (*dates, None), _YES_NO
                )
            ),
        )
    if record.status is not KrrStatus.AKTIV:
        return (record,)
    hidden = record.unrecognised != ()  # a key Digdir does not list may hold anything
    notices: list[tuple[bool | None, bool | None]] = [
        (reserved, notify)
        for reserved, notify in _NOTICES
        if record.reserved in (None, reserved) and record.can_notify in (None, notify)
    ] or [(record.reserved, record.can_notify)]  # a record that contradicts itself stays so
    details: dict[str, tuple[datetime | None, ...]] = {}
    for detail in ("email", "mobile"):
        value, updated = getattr(record, detail), getattr(record, f"{detail}_updated")
        dated = updated is not None or getattr(record, f"{detail}_verified") is not None
        if value is not None and not dated and dates:
            details[detail] = dates
        elif value is None and hidden:
            details[detail] = (*dates, None)  # None: no such detail
    mailboxes = (
        (record.mailbox_address, _GIVEN)
        if hidden and record.mailbox_address is None
        else (record.mailbox_address,)
    )
    found = []
    for notice, mailbox, stamps in itertools.product(
        notices, mailboxes, itertools.product(*details.values())
    ):
        changes: dict[str, Any] = {"reserved": notice[0], "can_notify": notice[1]}
        for detail, updated in zip(details, stamps, strict=True):
            value = getattr(record, detail)
            changes[detail] = value if updated is None else value or _GIVEN
            changes[f"{detail}_updated"] = updated
        changes["mailbox_address"] = mailbox
        changes["unrecognised"] = ()
        found.append(attrs.evolve(record, **changes))
    return tuple(found)
