"""What :func:`assess` returns: a patient's availability, with the reasons for each channel.

Rule 1: the value an assessment is, and how :func:`assess` builds it, live here; what the facts
*mean* for each channel is the table of :mod:`distribution.patient._rules`, which both the
availability and the reasons are read from. Nothing here reads a clock or the network: the
caller passes the reference time and the facts it holds.

>>> from datetime import datetime, timezone
>>> from distribution import HelsenorgeConsent
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

from typing import TYPE_CHECKING, Final, TypeAlias, final

import attrs

from distribution._errors import InvalidTypeError, InvalidValueError, TypeName, wrong_type
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import NotificationChannel
from distribution.patient._rules import (
    DIGITAL_MAILBOX,
    HELSENORGE,
    PAPER,
    UNSECURE,
    activity_of,
    opens,
    reasons,
)
from distribution.patient.facts import PatientFacts
from distribution.patient.reasons import Reason

__all__ = ["Eligibility", "Reason", "assess"]

ReasonsByChannel: TypeAlias = tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]


def _check_availability(
    _instance: object, _attribute: attrs.Attribute[Availability], value: object
) -> None:
    if type(value) is not Availability:
        raise wrong_type(value, field="Eligibility.availability", expected="an Availability")


def _check_reasons(
    _instance: object, _attribute: attrs.Attribute[ReasonsByChannel], value: object
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


class _Given:
    """A slot for what :func:`assess` was given, kept until the reasons are made from it.

    A base class of its own because it is no field: attrs builds Eligibility's slots, and its
    comparing, printing, pickling and ``attrs.asdict``, from the two fields alone.
    """

    __slots__ = ("_given",)
    _given: tuple[PatientFacts, bool, PatientFacts | None] | None


@final
@attrs.frozen
class Eligibility(_Given):
    """A patient's :class:`Availability`, with the reasons for each channel.

    Pass it to :func:`~distribution.presentation.decision.explain` in place of an availability
    and the explanation says why each channel is or is not available. Built by :func:`assess`; the
    constructor refuses anything but one non-empty tuple of :class:`Reason` per channel.

    From :func:`assess`, the reasons are worked out the first time they are read (directly, or
    by comparing, hashing, printing, pickling or ``attrs.asdict``); until then the result keeps
    the facts it was given, and lets them go once the reasons are made.
    """

    availability: Availability = attrs.field(validator=_check_availability)
    reasons_by_channel: ReasonsByChannel = attrs.field(validator=_check_reasons)

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

    if not TYPE_CHECKING:  # pragma: no branch  # always true when the code runs
        # Hidden from type checkers: a class __getattr__ would make every misspelt attribute
        # type-check.

        def __getattr__(self, name: str) -> object:
            # Python calls this only for an attribute it did not find: here, the reasons, whose
            # slot assess() leaves empty (as attrs itself makes a functools.cached_property lazy
            # on a slotted class). Every read of the field comes here until it is filled, attrs'
            # own methods too (they read it by name), so none ever finds it missing; from then
            # on the slot answers, as for any attrs field: no descriptor is replaced.
            if name != "reasons_by_channel":
                raise AttributeError(f"'Eligibility' object has no attribute {name!r}")
            given = self._given
            if given is None:  # another thread made them after this one found the slot empty
                return object.__getattribute__(self, name)
            # Two threads may both work them out: the same facts give equal reasons.
            value = _reasons_by_channel(*given)
            _set(self, name, value)
            _set(self, "_given", None)  # and the facts are let go
            return value


_POSITION: Final = {channel: position for position, channel in enumerate(CHANNEL_FIELDS)}
_set: Final = object.__setattr__
_AVAILABILITY: Final = {
    (a.helsenorge, a.digital_mailbox, a.krr_contact, a.paper): a for a in Availability.all()
}


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
    activity = activity_of(facts)
    if on_behalf_of is None:
        helsenorge = opens(HELSENORGE, facts, activity, research)
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
        theirs = activity_of(on_behalf_of)
        helsenorge = opens(HELSENORGE, on_behalf_of, theirs, research)
    # The one fast path: the availability alone, by opens(), which reads the same table as
    # reasons() and must agree with it. tests/patient/test_eligibility.py proves they do over every
    # combination of the facts the rules read (test_every_combination_of_the_krr_facts_... and
    # ..._helsenorge_facts_agrees_with_its_reasons) and over arbitrary facts
    # (test_assessment_is_total_and_consistent). The reasons, which cost about three times as
    # much, are made by _reasons_by_channel() when first read (Eligibility.__getattr__). Built
    # without the constructor's checks, which the reasons pass when they are made (tests:
    # test_whatever_assess_builds_passes_the_constructors_checks).
    result = object.__new__(Eligibility)
    _set(
        result,
        "availability",
        _AVAILABILITY[
            helsenorge,
            opens(DIGITAL_MAILBOX, facts, activity, research),
            opens(UNSECURE, facts, activity, research),
            opens(PAPER, facts, activity, research),
        ],
    )
    _set(result, "_given", (facts, research, on_behalf_of))
    return result


def _reasons_by_channel(
    facts: PatientFacts, research: bool, on_behalf_of: PatientFacts | None
) -> ReasonsByChannel:
    """Give the reasons for each channel, by the rules: why assess() found what it did."""
    activity = activity_of(facts)
    if on_behalf_of is None:
        helsenorge = reasons(HELSENORGE, facts, activity, research)
    else:
        # docs/sources.md §4 (ePROM v13.1): "skjema [blir] sendt til onBehalfOfNationalId hvis
        # denne personen kan representeres på Helsenorge. Hvis personen ikke kan kontaktes på
        # helsenorge vil vanlig 'På vegne av' rutine følges mot de andre distribueringskanalene."
        theirs = activity_of(on_behalf_of)
        why = reasons(HELSENORGE, on_behalf_of, theirs, research)
        helsenorge = (Reason.ON_BEHALF_OF, *why)
    return (
        (NotificationChannel.HELSENORGE, helsenorge),
        (
            NotificationChannel.DIGITAL_MAILBOX,
            reasons(DIGITAL_MAILBOX, facts, activity, research),
        ),
        (NotificationChannel.UNSECURE, reasons(UNSECURE, facts, activity, research)),
        (NotificationChannel.PHYSICAL_MAILBOX, reasons(PAPER, facts, activity, research)),
    )
