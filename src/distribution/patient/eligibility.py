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
from distribution.partial import ChannelStatus, PartialAvailability
from distribution.patient._rules import (
    DIGITAL_MAILBOX,
    FACTS,
    HELSENORGE,
    PAPER,
    UNSECURE,
    Channel,
    activity_of,
    missing,
    opens,
    reasons,
)
from distribution.patient.facts import PatientFacts
from distribution.patient.reasons import Reason

__all__ = ["Eligibility", "Reason", "assess"]

ReasonsByChannel: TypeAlias = tuple[tuple[NotificationChannel, tuple[Reason, ...]], ...]
MissingByChannel: TypeAlias = tuple[tuple[NotificationChannel, tuple[str, ...]], ...]


def _check_availability(
    _instance: object, _attribute: attrs.Attribute[Availability], value: object
) -> None:
    if type(value) is not Availability:
        raise wrong_type(value, field="Eligibility.availability", expected="an Availability")


def _pairs(value: object, field: str, expected: str) -> list[tuple[NotificationChannel, object]]:
    """Return *value*'s (channel, second) pairs, checked: one per channel, in code order."""
    if type(value) is not tuple or len(value) != len(CHANNEL_FIELDS):
        raise wrong_type(value, field=field, expected=expected)
    for channel, pair in zip(CHANNEL_FIELDS, value, strict=True):
        if type(pair) is not tuple or len(pair) != 2 or pair[0] is not channel:  # a pair
            raise wrong_type(pair, field=field, expected=expected)
    return list(value)


def _check_reasons(
    _instance: object, _attribute: attrs.Attribute[ReasonsByChannel], value: object
) -> None:
    # One (channel, reasons) pair per reachable channel, in code order, each with at least one
    # Reason: what assess() builds, and what reasons() relies on.
    field = "Eligibility.reasons_by_channel"
    for channel, given in _pairs(value, field, "one (channel, reasons) pair per channel"):
        if (
            type(given) is not tuple
            or not given
            or any(type(reason) is not Reason for reason in given)
        ):
            raise wrong_type(
                given,
                field=f"{field}[{channel.api_name}]",
                expected="a non-empty tuple of Reason",
            )


def _check_missing(
    instance: Eligibility, _attribute: attrs.Attribute[MissingByChannel], value: object
) -> None:
    # One (channel, facts) pair per channel, in code order; facts only for a channel that is
    # not available, each a name the rules give, once.
    field = "Eligibility.missing_by_channel"
    for channel, facts in _pairs(value, field, "one (channel, facts) pair per channel"):
        if (
            type(facts) is not tuple
            or any(fact not in FACTS for fact in facts)
            or len(set(facts)) != len(facts)
            or (facts and instance.availability.has(channel))
        ):
            raise wrong_type(
                facts,
                field=f"{field}[{channel.api_name}]",
                expected="missing facts",
            )


_NOTHING_MISSING: Final[MissingByChannel] = tuple((channel, ()) for channel in CHANNEL_FIELDS)


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
    missing_by_channel: MissingByChannel = attrs.field(
        default=_NOTHING_MISSING, validator=_check_missing
    )

    def reasons(self, channel: NotificationChannel | int | str) -> tuple[Reason, ...]:
        """Return why *channel* (anything ``parse_channel`` takes) is or is not available."""
        return self.reasons_by_channel[_POSITION[parse_channel(channel)]][1]

    def missing(self, channel: NotificationChannel | int | str) -> tuple[str, ...]:
        """Return the facts not known whose values would settle *channel*, each once.

        Empty when the channel is settled: available, or closed by what is known whatever the
        facts not known are. The names are stable snake_case identifiers (``"age"``,
        ``"level4_eid"``, ``"helsenorge_consent"``, ``"krr_record"``, ``"digital_activity"``,
        …): those of :data:`FACTS`.
        """
        return self.missing_by_channel[_POSITION[parse_channel(channel)]][1]

    def status(self, channel: NotificationChannel | int | str) -> ChannelStatus:
        """Return whether *channel* is available, unavailable, or not known yet.

        ``UNKNOWN`` when a fact not known could still open the channel (:meth:`missing` names
        them); :attr:`availability` reads that as not available.
        """
        if self.availability.has(parse_channel(channel)):
            return ChannelStatus.AVAILABLE
        return ChannelStatus.UNKNOWN if self.missing(channel) else ChannelStatus.UNAVAILABLE

    @property
    def partial(self) -> PartialAvailability:
        """The availability as far as the facts tell: ``None`` for a channel not known yet.

        This is the honest one. :attr:`availability` is kept as it was, and reads a channel
        that a fact not known could still open as not available; decide on it only when
        every fact is known. :func:`~distribution.partial.possible_decisions` takes this.
        """
        return PartialAvailability(
            **{CHANNEL_FIELDS[channel]: _FLAGS[self.status(channel)] for channel in CHANNEL_FIELDS}
        )

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
            if name not in _LAZY:
                raise AttributeError(f"'Eligibility' object has no attribute {name!r}")
            given = self._given
            if given is None:  # another thread made them after this one found the slot empty
                return object.__getattribute__(self, name)
            # Two threads may both work them out: the same facts give equal reasons.
            made = {
                "reasons_by_channel": _reasons_by_channel(*given),
                "missing_by_channel": _missing_by_channel(self.availability, *given),
            }
            for field, value in made.items():
                _set(self, field, value)
            _set(self, "_given", None)  # and the facts are let go
            return made[name]


_POSITION: Final = {channel: position for position, channel in enumerate(CHANNEL_FIELDS)}
_LAZY: Final = frozenset({"reasons_by_channel", "missing_by_channel"})
_FLAGS: Final = {
    ChannelStatus.AVAILABLE: True,
    ChannelStatus.UNAVAILABLE: False,
    ChannelStatus.UNKNOWN: None,
}
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


_CHANNELS: Final[tuple[tuple[NotificationChannel, Channel], ...]] = (
    (NotificationChannel.DIGITAL_MAILBOX, DIGITAL_MAILBOX),
    (NotificationChannel.UNSECURE, UNSECURE),
    (NotificationChannel.PHYSICAL_MAILBOX, PAPER),
)


def _missing_by_channel(
    availability: Availability,
    facts: PatientFacts,
    research: bool,
    on_behalf_of: PatientFacts | None,
) -> MissingByChannel:
    """Give the facts not known that could still open each closed channel."""
    concerned = facts if on_behalf_of is None else on_behalf_of
    helsenorge = (
        ()
        if availability.helsenorge
        else missing(HELSENORGE, concerned, activity_of(concerned), research)
    )
    activity = activity_of(facts)
    return (
        (NotificationChannel.HELSENORGE, helsenorge),
        *(
            (
                channel,
                () if availability.has(channel) else missing(rules, facts, activity, research),
            )
            for channel, rules in _CHANNELS
        ),
    )
