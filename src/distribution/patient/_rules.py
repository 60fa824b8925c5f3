"""The eligibility rules, as one table: per channel, the facts it reads and what each value means.

Rule 1: what the facts *mean* for each channel is written here, once, as data, citing the
source (ePROM's person rules, ``docs/sources.md`` §4, and KRR's, §5): for each fact a channel
reads, the outcome of every value (the requirement is met or not) and the reasons it gives.
Three small evaluators read the same entries: :func:`opens` says whether a channel is
available, stopping at the first requirement not met; :func:`reasons` says why, giving every
reason that applies; and :func:`missing` says which facts not known could still open a closed
channel. A rule changed here changes all three; exhaustive tests over every combination of the
facts the rules read (``tests/patient/test_eligibility.py``, ``test_eligibility_partial.py``)
hold the evaluators to each other and to the completions of what is not known.

Two laws hold throughout. *Unknown is not false*: a fact that is not known (``None``) makes the
channels that need it unavailable, and the reason says it is not known rather than stating the
opposite. *Digitally active* (KRR data updated or confirmed within 18 months) is judged once and
gates every digital channel: Helsenorge, the digital mailbox and e-mail/SMS.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from operator import attrgetter
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Literal,
    Protocol,
    TypeAlias,
    cast,
    final,
    get_args,
)

import attrs

from distribution.codes import NotificationChannel
from distribution.patient.facts import OSLO, HelsenorgeConsent, PatientFacts
from distribution.patient.krr import KrrRecord, KrrStatus
from distribution.patient.reasons import Reason

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "DIGITAL_MAILBOX",
    "FACTS",
    "FRESH_MONTHS",
    "HELSENORGE",
    "PAPER",
    "REQUIREMENTS",
    "UNDECIDED",
    "UNSECURE",
    "Activity",
    "Channel",
    "Condition",
    "Way",
    "activity_of",
    "missing",
    "months_before",
    "opens",
    "reasons",
    "unknown",
]

FRESH_MONTHS: Final = 18
"""KRR data older than this many months leaves a person not digitally active (sources §4-§5)."""


R = Reason

# --- what the table is made of -----------------------------------------------------------------

Outcome: TypeAlias = tuple[bool, tuple[Reason, ...]]
"""Whether a requirement is met, with its reasons: why it is (often none), or why not."""

MET: Final[Outcome] = (True, ())


def met(*reasons: Reason) -> Outcome:
    """Return the outcome of a requirement met, for *reasons* that say so."""
    return True, reasons


def unmet(reason: Reason, *more: Reason) -> Outcome:
    """Return the outcome of a requirement not met, for at least one reason."""
    return False, (reason, *more)


UNDECIDED: Final[dict[Outcome, str]] = {}
"""Each outcome :func:`unknown` made, and the fact whose value would settle it.

Filled as the table below is written: the table is the one place that says which value of
which fact is "not known", and under which name (:data:`FACTS`).
"""


def unknown(fact: str, reason: Reason, *more: Reason) -> Outcome:
    """Return the outcome of a requirement not met because *fact* is not known.

    It reads as not met (*unknown is not false*, but it does not open a channel either); the
    evaluator :func:`missing` reads it as "could still be met", and names *fact*.
    """
    outcome = unmet(reason, *more)
    UNDECIDED[outcome] = fact
    return outcome


class Outcomes(Protocol):
    """The outcome of each value of a fact: a dict, or a rule over numbers (:class:`AtLeast`)."""

    def __getitem__(self, value: Any, /) -> Outcome: ...  # noqa: ANN401  # any fact's value


Condition: TypeAlias = "tuple[Callable[[PatientFacts], object], Outcomes]"
"""A requirement on one fact: how the fact is read, and the outcome of each of its values.

The fact is read from :class:`PatientFacts`; ``operator.attrgetter`` reads one field, several
(as a tuple), or the KRR record's (``"krr.reserved"``). A plain pair: the evaluators unpack it
fastest.
"""


@final
class AtLeast(dict[int | None, Outcome]):
    """The outcomes of an age limit: met from *years* on; too young; or the age not known.

    A dict with every age up to 150 written out, so that reading an age is one lookup.
    """

    def __init__(self, years: int, too_young: Reason) -> None:
        self.years, self._too_young = years, unmet(too_young)
        super().__init__({age: self.__missing__(age) for age in range(151)})
        self[None] = _AGE_UNKNOWN

    def __missing__(self, age: int) -> Outcome:  # older than 150: a birth date long ago
        return MET if age >= self.years else self._too_young


_AGE_UNKNOWN: Final = unknown("age", R.AGE_UNKNOWN)


def _check_krr(way: Way, _attribute: object, krr: tuple[Condition, ...]) -> None:
    # The KRR conditions read the record, which digital activity shows to be there (opens()
    # reads them only once digital activity is met).
    if krr and way.activity is None:
        raise ValueError("KRR conditions need the digital-activity condition before them")


@final
@attrs.frozen(kw_only=True)
class Way:
    """One way a channel is available: every condition met. Their order is the reasons' order.

    Conditions on the patient's facts come first, then digital activity, then conditions on
    the KRR record, which count only when the record's status is ``AKTIV`` (without such a
    record digital activity already closes the channel and says why).
    """

    because: tuple[Reason, ...] = ()
    """The reasons that lead when this way is open."""
    person: tuple[Condition, ...] = ()
    activity: Mapping[Activity, Outcome] | None = None
    """The outcome of each :data:`Activity`; ``None`` when this way does not need it."""
    krr: tuple[Condition, ...] = attrs.field(default=(), validator=_check_krr)
    conditions: tuple[Condition, ...] = attrs.field(init=False, repr=False, eq=False)
    """:attr:`person` and :attr:`krr`: what :func:`opens` reads once digital activity is met."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "conditions", (*self.person, *self.krr))


@final
@attrs.frozen(kw_only=True)
class Channel:
    """A channel: available when any of its ways is (and, for research, its research condition)."""

    ways: tuple[Way, ...]
    research: Condition | None = None
    """Also needed when the ordering system is marked as research; ``None``: nothing more."""


# --- digital activity --------------------------------------------------------------------------


Detail: TypeAlias = Literal["absent", "current", "stale", "undated"]
"""What a KRR record says of one contact detail (its e-mail address or mobile number): none,
one updated or confirmed within :data:`FRESH_MONTHS` of the reference date, one older, or one
without a date."""
_DETAILS: Final[tuple[Detail, ...]] = get_args(Detail)


Activity: TypeAlias = tuple[Detail, Detail, bool] | KrrStatus | None
"""What digital activity turns on: for a record with status ``AKTIV``, its e-mail address and
mobile number, and whether it holds keys Digdir does not list; else the status, or ``None``
when no lookup was made."""


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


_AKTIV: Final = KrrStatus.AKTIV  # bound once: Python 3.11 reads an enum's member slowly


def activity_of(facts: PatientFacts) -> Activity:
    """Return the :data:`Activity` of *facts*, which the digital-activity outcomes read."""
    # docs/sources.md §5: a contact detail counts when its updated or its verified time is within
    # 18 months (eForvaltningsforskriften § 32), each detail judged on its own, in Norwegian dates.
    record = facts.krr
    if record is None or record.status is not _AKTIV:
        return None if record is None else record.status
    # A stamp is current when its date in Norway is on or after `since`: when it is at or after
    # that day's first moment in Norway. One comparison of instants, no date per stamp; the
    # moment is given in UTC, so that comparing reads no time zone rules (the same instant).
    try:
        since = months_before(facts.reference_date, FRESH_MONTHS)
        start = datetime(since.year, since.month, since.day, tzinfo=OSLO).astimezone(UTC)
    except (OverflowError, ValueError):  # the 18 months reach back past year 1: every date is
        start = datetime.min.replace(tzinfo=UTC)  # within them
    return (
        _detail(record.email, record.email_updated, record.email_verified, start),
        _detail(record.mobile, record.mobile_updated, record.mobile_verified, start),
        record.unrecognised != (),
    )


def _detail(
    value: str | None, updated: datetime | None, verified: datetime | None, start: datetime
) -> Detail:
    if value is None:
        return "absent"  # a date without the detail it dates proves nothing
    if (updated is not None and updated >= start) or (verified is not None and verified >= start):
        return "current"
    return "undated" if updated is None and verified is None else "stale"


# What each detail's state says: (of the e-mail address, of the mobile number).
_DETAIL_REASONS: Final[dict[Detail, tuple[Reason, Reason]]] = {
    "current": (R.EMAIL_CURRENT, R.MOBILE_CURRENT),
    "stale": (R.EMAIL_STALE, R.MOBILE_STALE),
    "undated": (R.EMAIL_UNDATED, R.MOBILE_UNDATED),
}
_NOT_ACTIVE: Final = {
    None: unknown("krr_record", R.DIGITAL_ACTIVITY_UNKNOWN, R.KRR_UNKNOWN),
    KrrStatus.SLETTET: unmet(R.NOT_DIGITALLY_ACTIVE, R.KRR_DELETED),
    KrrStatus.IKKE_REGISTRERT: unmet(R.NOT_DIGITALLY_ACTIVE, R.KRR_NOT_REGISTERED),
}


def _activity(activity: Activity) -> Outcome:
    # docs/sources.md §4: "For at personen skal regnes som digitalt aktiv må informasjon i
    # kontaktregisteret være oppdatert i løpet av siste 18 mnd" - above the per-channel limits,
    # so it gates every digital channel. No lookup means not known, so not active. Met, the
    # reasons are the current details.
    if not isinstance(activity, tuple):
        return _NOT_ACTIVE[activity]
    *details, unrecognised = activity
    said = [
        (detail, _DETAIL_REASONS[detail][which])
        for which, detail in enumerate(details)
        if detail != "absent"
    ]
    current = tuple(reason for detail, reason in said if detail == "current")
    if current:
        return met(*current)
    old = tuple(reason for _, reason in said)
    if unrecognised:
        # docs/sources.md, choices: an unrecognised key may hold the contact details under
        # another name, so what the record lacks is not stated as a fact.
        return unknown("digital_activity", R.DIGITAL_ACTIVITY_UNKNOWN, *old, R.KRR_UNRECOGNISED)
    if "undated" in details:
        return unknown("digital_activity", R.DIGITAL_ACTIVITY_UNKNOWN, *old)
    return unmet(R.NOT_DIGITALLY_ACTIVE, *(old or (R.NO_CONTACT_DETAILS,)))


# Every Activity there is, and its outcome, worked out once: for the digital mailbox and
# Helsenorge, met says only "digitally active"; for e-mail/SMS it names the current details.
_ACTIVITIES: Final = (
    *(status for status in (None, *KrrStatus) if status is not KrrStatus.AKTIV),
    *itertools.product(_DETAILS, _DETAILS, (False, True)),
)
CURRENT_DETAILS: Final = {activity: _activity(activity) for activity in _ACTIVITIES}
DIGITALLY_ACTIVE: Final = {
    activity: met(R.DIGITALLY_ACTIVE) if ok else (ok, why)
    for activity, (ok, why) in CURRENT_DETAILS.items()
}

# --- the table ---------------------------------------------------------------------------------

LEVEL4_EID: Final[Condition] = (
    attrgetter("level4_eid"),
    {True: MET, False: unmet(R.NO_LEVEL4_EID), None: unknown("level4_eid", R.EID_UNKNOWN)},
)
FULL_CONSENT: Final[Condition] = (
    attrgetter("helsenorge_consent"),
    {
        HelsenorgeConsent.FULL: MET,
        HelsenorgeConsent.LIMITED: unmet(R.NO_HELSENORGE_CONSENT),
        HelsenorgeConsent.NONE: unmet(R.NO_HELSENORGE_CONSENT),
        None: unknown("helsenorge_consent", R.HELSENORGE_UNKNOWN),
    },
)
_AGE: Final = attrgetter("age_at_reference")
AGE_13: Final[Condition] = (_AGE, AtLeast(13, R.UNDER_13))
AGE_16: Final[Condition] = (_AGE, AtLeast(16, R.UNDER_16))
AGE_18: Final[Condition] = (_AGE, AtLeast(18, R.UNDER_18))
REPRESENTABLE: Final[Condition] = (
    attrgetter("helsenorge_representable"),
    {
        True: met(R.HELSENORGE_REPRESENTED),
        False: unmet(R.NOT_REPRESENTABLE),
        None: unknown("helsenorge_representable", R.REPRESENTATION_UNKNOWN),
    },
)
NOT_RESEARCH_RESERVED: Final[Condition] = (
    attrgetter("research_reserved"),
    {
        False: met(R.RESEARCH_NOT_RESERVED),
        True: unmet(R.RESEARCH_RESERVED),
        None: unknown("research_reserved", R.RESEARCH_RESERVATION_UNKNOWN),
    },
)
# docs/sources.md §3-§4: paper goes to physicalAddress when the order gives one, else to the
# Folkeregister address. (physical_address, postal_address) -> outcome.
POSTAL_ADDRESS: Final[Condition] = (
    attrgetter("physical_address", "postal_address"),
    {
        (True, True): met(R.PHYSICAL_ADDRESS),
        (True, False): met(R.PHYSICAL_ADDRESS),
        (True, None): met(R.PHYSICAL_ADDRESS),
        (False, True): met(R.POSTAL_ADDRESS),
        (False, False): unmet(R.NO_POSTAL_ADDRESS),
        (False, None): unknown("postal_address", R.POSTAL_ADDRESS_UNKNOWN),
    },
)

# KRR's reservasjon and varslingsstatus, read together. docs/sources.md §5: Digdir reports a
# reserved person as KAN_IKKE_VARSLES, so JA with KAN_VARSLES contradicts itself; neither field
# is trusted (docs/sources.md, choices), and both requirements say so.
_CONTRADICTORY: Final = unmet(R.KRR_CONTRADICTORY)
_RESERVATION_UNKNOWN: Final = unknown("krr_reserved", R.KRR_RESERVATION_UNKNOWN)
_NOTIFY_UNKNOWN: Final = unknown("krr_can_notify", R.KRR_NOTIFY_UNKNOWN)
# (reserved, can_notify) -> (KRR can notify the person, the person is not reserved)
_NOTICE: Final = {
    (False, True): (MET, MET),
    (None, True): (MET, _RESERVATION_UNKNOWN),
    (True, True): (_CONTRADICTORY, _CONTRADICTORY),
    (False, False): (unmet(R.KRR_CANNOT_NOTIFY), MET),
    (None, False): (unmet(R.KRR_CANNOT_NOTIFY), _RESERVATION_UNKNOWN),
    (True, False): (unmet(R.KRR_CANNOT_NOTIFY), unmet(R.KRR_RESERVED)),
    (False, None): (_NOTIFY_UNKNOWN, MET),
    (None, None): (_NOTIFY_UNKNOWN, _RESERVATION_UNKNOWN),
    (True, None): (_NOTIFY_UNKNOWN, unmet(R.KRR_RESERVED)),
}
_RESERVED_AND_NOTICE: Final = attrgetter("krr.reserved", "krr.can_notify")
KRR_CAN_NOTIFY: Final[Condition] = (
    _RESERVED_AND_NOTICE,
    {key: notify for key, (notify, _) in _NOTICE.items()},
)
KRR_NOT_RESERVED: Final[Condition] = (
    _RESERVED_AND_NOTICE,
    {key: free for key, (_, free) in _NOTICE.items()},
)


def _mailbox(facts: PatientFacts) -> tuple[bool, bool]:
    record = cast("KrrRecord", facts.krr)  # read only when there is one
    return record.has_digital_mailbox, record.unrecognised != ()


# (a mailbox named, keys Digdir does not list) -> outcome: an unlisted key may be a misspelt
# digital_post, so its absence is then not stated as a fact (docs/sources.md, choices).
KRR_MAILBOX: Final[Condition] = (
    _mailbox,
    {
        (True, False): MET,
        (True, True): MET,
        (False, False): unmet(R.NO_DIGITAL_MAILBOX),
        (False, True): unknown("krr_mailbox", R.DIGITAL_MAILBOX_UNKNOWN, R.KRR_UNRECOGNISED),
    },
)

HELSENORGE: Final = Channel(
    ways=(
        # docs/sources.md §4: reached directly with level-4 eID, consent Full, age 16 and
        # digitally active;
        Way(
            because=(R.HELSENORGE_ACTIVE,),
            person=(LEVEL4_EID, FULL_CONSENT, AGE_16),
            activity=DIGITALLY_ACTIVE,
        ),
        # or because someone can represent the person on Helsenorge (RepresentasjonPaaHelsenorge.md:
        # "Hvis det foreligger et representasjonsforhold på helsenorge eller personen kan
        # kontaktes direkte").
        Way(person=(REPRESENTABLE,)),
    ),
    # docs/sources.md §4 (ReservasjonMotForskning.md): from an ordering system marked as
    # research, nothing goes on Helsenorge to a person who has reserved against it, "selv om
    # innbyggeren er aktiv og har samtykket". Not known whether they have: not sent.
    research=NOT_RESEARCH_RESERVED,
)
# docs/sources.md §4-§5: level-4 eID, over 18, digitally active; KRR can notify the person, who
# is not reserved (§ 9: a reservation means the mailbox must not be used); and KRR names a
# mailbox (digital_post).
DIGITAL_MAILBOX: Final = Channel(
    ways=(
        Way(
            because=(R.DIGITAL_MAILBOX_ACTIVE,),
            person=(LEVEL4_EID, AGE_18),
            activity=DIGITALLY_ACTIVE,
            krr=(KRR_CAN_NOTIFY, KRR_NOT_RESERVED, KRR_MAILBOX),
        ),
    )
)
# docs/sources.md §4-§5: level-4 eID, from age 13, digitally active (a current e-mail address or
# mobile number), and KRR can notify the person (varslingsstatus; a reservation alone does not
# decide it, docs/sources.md §7 and choices).
UNSECURE: Final = Channel(
    ways=(Way(person=(LEVEL4_EID, AGE_13), activity=CURRENT_DETAILS, krr=(KRR_CAN_NOTIFY,)),)
)
PAPER: Final = Channel(ways=(Way(person=(POSTAL_ADDRESS,)),))

FACTS: Final = tuple(dict.fromkeys(UNDECIDED.values()))
"""The facts whose not being known can leave a channel undecided, by stable snake_case name:
each name the table gives :func:`unknown`, in the order first given."""

# --- the two evaluators ------------------------------------------------------------------------


def opens(channel: Channel, facts: PatientFacts, activity: Activity, research: bool) -> bool:
    """Return whether *channel* is available: what :func:`reasons` says, without the reasons.

    *activity* is ``activity_of(facts)``. A way is open when all its conditions are met; this
    stops at the first that is not, digital activity first (one lookup, which also shows that
    the KRR record the KRR conditions read is there).
    """
    if research and channel.research is not None:
        read, outcomes = channel.research
        if not outcomes[read(facts)][0]:
            return False
    for way in channel.ways:
        if way.activity is None or way.activity[activity][0]:
            for read, outcomes in way.conditions:
                if not outcomes[read(facts)][0]:
                    break
            else:  # no condition unmet
                return True
    return False


def reasons(
    channel: Channel, facts: PatientFacts, activity: Activity, research: bool
) -> tuple[Reason, ...]:
    """Return why *channel* is or is not available: every reason that applies, each once.

    *activity* is ``activity_of(facts)``. Available: the reasons of each way that is open, then
    the research condition's. Not: the research condition's if it is not met, then, unless a way
    is open, every way's.
    """
    allowed, gate_says = MET
    if research and channel.research is not None:
        read, outcomes = channel.research
        allowed, gate_says = outcomes[read(facts)]
    reachable = False  # whether a way is open
    opened: list[Reason] = []  # the reasons of the open ways
    closed: list[Reason] = []  # and of the others
    for way in channel.ways:
        ok, why = _judge(way, facts, activity)
        if ok:
            reachable = True
            opened += why
        else:
            closed += why
    if allowed and reachable:
        said = opened + list(gate_says)
    else:
        said = [*(() if allowed else gate_says), *(() if reachable else closed)]
    return tuple(dict.fromkeys(said))  # a reason two conditions give is said once


def missing(
    channel: Channel, facts: PatientFacts, activity: Activity, research: bool
) -> tuple[str, ...]:
    """Return the facts not known whose values could still open *channel*, each once.

    For a channel :func:`opens` finds closed: empty when no value of the facts not known could
    open it (a requirement is not met by what is known), else the facts (:data:`FACTS` names)
    behind every requirement not known, of every way that could still open and of the research
    condition; only the research condition's when a way is open. *activity* is
    ``activity_of(facts)``.
    """
    said: list[str] = []
    if research and channel.research is not None:
        read, outcomes = channel.research
        outcome = outcomes[read(facts)]
        if not outcome[0]:
            if outcome not in UNDECIDED:
                return ()
            said.append(UNDECIDED[outcome])
    ways = [_unknowns(way, facts, activity) for way in channel.ways]
    if [] in ways:  # a way is open: only the research condition waits
        return tuple(said)
    waiting = [fact for unknowns in ways if unknowns is not None for fact in unknowns]
    return tuple(dict.fromkeys(said + waiting)) if waiting else ()


def _unknowns(way: Way, facts: PatientFacts, activity: Activity) -> list[str] | None:
    """Return the facts not known that *way* waits for; ``None`` if what is known closes it."""
    said: list[str] = []
    for ok, why in _outcomes(way, facts, activity):
        if not ok:
            fact = UNDECIDED.get((ok, why))
            if fact is None:
                return None
            said.append(fact)
    return said


def _outcomes(way: Way, facts: PatientFacts, activity: Activity) -> list[Outcome]:
    outcomes: list[Outcome] = []  # in the order of the conditions: the reasons' order
    for read, table in way.person:
        outcomes.append(table[read(facts)])
    if way.activity is not None:
        outcomes.append(way.activity[activity])
        record = facts.krr
        if record is not None and record.status is _AKTIV:
            for read, table in way.krr:
                outcomes.append(table[read(facts)])
    return outcomes


def _judge(way: Way, facts: PatientFacts, activity: Activity) -> Outcome:
    outcomes = _outcomes(way, facts, activity)
    because: list[Reason] = list(way.because)
    failing: list[Reason] = []
    for ok, why in outcomes:
        if ok:
            because += why
        else:
            failing += why
    # Not met exactly when a reason says why not: every outcome not met has one (unmet()).
    return (False, tuple(failing)) if failing else (True, tuple(because))


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
