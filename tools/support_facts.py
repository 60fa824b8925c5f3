"""The support page's facts tab: eligibility, possible decisions and diagnoses, as tables.

Rule 1: everything the facts tab answers is worked out here, by the library, when the page is
built; the page's script only turns the form into table indexes and fills in words. Three kinds
of table:

- per channel, the outcome (status, reasons, facts that would settle it) of every combination
  of the form's facts that channel reads, from :func:`distribution.assess` (``channels``);
- per rule and per partial availability (each channel available, unavailable or not known:
  3**4 = 81), the cases of :func:`distribution.possible_decisions` (``cases``);
- the values the library's completions try for each fact not known, and the library's reading
  of a closed channel (which reasons close it, and the fact behind each), from which the
  script goes through every completion of the form's facts as :func:`distribution.diagnose_facts`
  and the command line's ``explain`` do (``completions``): the cases the facts allow, and what
  the channel ePROM used says.

The form holds the facts the command line's ``explain`` takes as flags, each not known until
given. Two of them a :class:`~distribution.KrrRecord` with status ``AKTIV`` cannot hold as not
known: when KRR's contact details were last updated, and whether KRR names a digital mailbox.
The first is a record whose e-mail address has no date, which the library reads as "digital
activity not known" (its reason about the missing date is left out: nobody said there is an
address). The second is both records, read together: a channel both open is open, both closed
is closed (for the reasons of the record with a mailbox, which state nothing about it), and
otherwise not known, waiting for the facts the record with a mailbox waits for and the mailbox.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final

from distribution import (
    DistributionRule,
    HelsenorgeConsent,
    KrrRecord,
    KrrStatus,
    NotificationChannel,
    PartialAvailability,
    PatientFacts,
    assess,
    possible_decisions,
)
from distribution._texts import LANGUAGES
from distribution.availability import CHANNEL_FIELDS, CHANNEL_WORDS
from distribution.cli._facts import _CONSENT, _KRR_STATUS, FACT_FLAGS
from distribution.cli._values import _YES_NO
from distribution.engine import Outcome
from distribution.patient._rules import (
    AGE_13,
    AGE_16,
    AGE_18,
    FACTS,
    FRESH_MONTHS,
    REQUIREMENTS,
    AtLeast,
)
from distribution.patient.completions import _AGES as _TRIED_AGES
from distribution.patient.completions import _CONSENTS as _TRIED_CONSENTS
from distribution.patient.completions import _NOTICES
from distribution.patient.completions import _YES_NO as _TRIED_YES_NO
from distribution.patient.diagnosis import _FACT_OF, _FORGET, _IN_KRR, LIKELY
from distribution.patient.facts import OSLO
from distribution.patient.reasons import Reason
from distribution.presentation._undecided_texts import FACT_WORDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from distribution.patient.eligibility import Eligibility

REFERENCE: Final = datetime(2026, 6, 15, 12, tzinfo=OSLO)  # any day: the tables keep no date
_UNKNOWN_CONTACT: Final = "(ukjent)"

# The form's facts: (link name, the values after "not known", as the link spells them).
# Index 0 of every fact is "not known"; research (the order is marked as research) is no fact
# but a flag, "no" unless given, as on the command line.
YES_NO: Final = ("yes", "no")
FIELDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("age", ("under-13", "13-15", "16-17", "18-")),
    ("level4-eid", YES_NO),
    ("consent", ("full", "limited", "none")),
    ("representable", YES_NO),
    ("research", ("yes",)),
    ("research-reserved", YES_NO),
    ("krr-status", ("active", "deleted", "not-registered")),
    ("reserved", YES_NO),
    ("can-notify", YES_NO),
    ("contact-updated", ("current", "stale", "none")),
    ("digital-mailbox", YES_NO),
    ("postal-address", YES_NO),
)
SIZES: Final = {name: 1 + len(values) for name, values in FIELDS}
# The facts each channel reads (tests/test_support_facts.py holds every other fact to no effect).
_PERSON: Final = ("age", "level4-eid", "krr-status", "contact-updated")
READS: Final[Mapping[NotificationChannel, tuple[str, ...]]] = {
    NotificationChannel.HELSENORGE: (
        *_PERSON,
        "consent",
        "representable",
        "research",
        "research-reserved",
    ),
    NotificationChannel.DIGITAL_MAILBOX: (*_PERSON, "reserved", "can-notify", "digital-mailbox"),
    NotificationChannel.UNSECURE: (*_PERSON, "reserved", "can-notify"),
    NotificationChannel.PHYSICAL_MAILBOX: ("postal-address",),
}
AGE_LIMITS: Final = tuple(
    limit.years for _, limit in (AGE_13, AGE_16, AGE_18) if isinstance(limit, AtLeast)
)
_AGES: Final = (None, AGE_LIMITS[0] - 1, *AGE_LIMITS)  # one age of each class
_FLAGS: Final = (None, True, False)
_CONSENTS: Final = (None, HelsenorgeConsent.FULL, HelsenorgeConsent.LIMITED, HelsenorgeConsent.NONE)
_STATUSES: Final = (None, KrrStatus.AKTIV, KrrStatus.SLETTET, KrrStatus.IKKE_REGISTRERT)
_CONTACT: Final = (
    (_UNKNOWN_CONTACT, None),
    ("(oppgitt)", REFERENCE - timedelta(days=30)),
    ("(oppgitt)", REFERENCE - timedelta(days=800)),
    (None, None),
)
STATUS_CODES: Final = {"AVAILABLE": 0, "UNAVAILABLE": 1, "UNKNOWN": 2}


def facts(form: Mapping[str, int], mailbox: bool | None = None) -> tuple[PatientFacts, bool]:
    """Return the facts and the research flag the form's value indexes stand for.

    *mailbox* replaces the form's digital mailbox (``None``: as the form says, where not known
    reads as no mailbox).
    """
    status = _STATUSES[form.get("krr-status", 0)]
    krr = None
    if status is not None:
        record = {}
        if status is KrrStatus.AKTIV:
            email, updated = _CONTACT[form.get("contact-updated", 0)]
            has = _FLAGS[form.get("digital-mailbox", 0)] if mailbox is None else mailbox
            record = {
                "reserved": _FLAGS[form.get("reserved", 0)],
                "can_notify": _FLAGS[form.get("can-notify", 0)],
                "email": email,
                "email_updated": updated,
                "mailbox_address": "(oppgitt)" if has else None,
            }
        krr = KrrRecord(status=status, **record)  # type: ignore[arg-type]
    made = PatientFacts(
        reference_time=REFERENCE,
        age=_AGES[form.get("age", 0)],
        level4_eid=_FLAGS[form.get("level4-eid", 0)],
        helsenorge_consent=_CONSENTS[form.get("consent", 0)],
        helsenorge_representable=_FLAGS[form.get("representable", 0)],
        research_reserved=_FLAGS[form.get("research-reserved", 0)],
        krr=krr,
        postal_address=_FLAGS[form.get("postal-address", 0)],
    )
    return made, form.get("research", 0) == 1


Judged = tuple[str, tuple[Reason, ...], tuple[str, ...]]
"""A channel's status name, its reasons, and the facts that would settle it."""


def _judged(eligibility: Eligibility, channel: NotificationChannel) -> Judged:
    reasons = tuple(r for r in eligibility.reasons(channel) if r is not Reason.EMAIL_UNDATED)
    return eligibility.status(channel).name, reasons, eligibility.missing(channel)


def judge(form: Mapping[str, int], channel: NotificationChannel) -> Judged:
    """Return what the form's facts say of *channel*: the library's, read as the module says."""
    made, research = facts(form)
    plain = _judged(assess(made, research=research), channel)
    aktiv = _STATUSES[form.get("krr-status", 0)] is KrrStatus.AKTIV
    if not aktiv or form.get("digital-mailbox", 0) != 0:
        return plain
    with_mailbox = _judged(assess(facts(form, mailbox=True)[0], research=research), channel)
    if with_mailbox == plain or with_mailbox[0] == "UNAVAILABLE":
        return with_mailbox  # the mailbox changes nothing, or the channel is closed anyway
    said = tuple(
        Reason.DIGITAL_MAILBOX_UNKNOWN if r is Reason.NO_DIGITAL_MAILBOX else r for r in plain[1]
    )
    return "UNKNOWN", said, (*with_mailbox[2], "krr_mailbox")


class _Interned:
    """Distinct outcomes once, by number."""

    def __init__(self) -> None:
        self.values: dict[tuple[int, tuple[int, ...], tuple[int, ...]], int] = {}

    def __call__(self, value: tuple[int, tuple[int, ...], tuple[int, ...]]) -> int:
        return self.values.setdefault(value, len(self.values))


def channel_tables() -> dict[str, object]:
    """Return per channel the outcome number of every combination of the facts it reads.

    A combination's index is its value indexes read as digits, the first fact most significant
    (each fact's base is its number of values).
    """
    outcomes = _Interned()
    reasons = list(Reason)
    tables = []
    for channel, names in READS.items():
        table = []
        for values in itertools.product(*(range(SIZES[name]) for name in names)):
            status, why, missing = judge(dict(zip(names, values, strict=True)), channel)
            table.append(
                outcomes(
                    (
                        STATUS_CODES[status],
                        tuple(reasons.index(r) for r in why),
                        tuple(FACTS.index(f) for f in missing),
                    )
                )
            )
        tables.append({"reads": list(names), "table": table})
    return {
        "fields": [[name, list(values)] for name, values in FIELDS],
        "ageLimits": list(AGE_LIMITS),
        "channels": tables,
        "outcomes": [[s, list(r), list(m)] for s, r, m in outcomes.values],
        "facts": list(FACTS),
        "likely": [FACTS.index(f) for f in LIKELY],
        "reasons": {lang: [r.describe(lang=lang) for r in reasons] for lang in LANGUAGES},
        "factWords": {
            lang: [[FACT_WORDS[lang][f"if_{f}"], FACT_WORDS[lang][f"check_{f}"]] for f in FACTS]
            for lang in LANGUAGES
        },
    }


REACHABLE: Final = tuple(CHANNEL_FIELDS)


def partials() -> tuple[PartialAvailability, ...]:
    """Return every partial availability, by index: Helsenorge the most significant digit.

    A channel's digit is 0 available, 1 unavailable, 2 not known (the status codes).
    """
    flags = (True, False, None)
    return tuple(
        PartialAvailability(**dict(zip(CHANNEL_FIELDS.values(), combo, strict=True)))
        for combo in itertools.product(flags, repeat=len(REACHABLE))
    )


def case_tables() -> list[list[list[object]]]:
    """Return per rule and partial availability the cases: [assumptions, channel, sent].

    An assumption is [channel index 0-3, whether it is available]; the channel is its code
    (0: none); sent is whether ePROM sends anything.
    """
    fields = list(CHANNEL_FIELDS.values())
    return [
        [
            [
                [
                    [[fields.index(name), flag] for name, flag in case.assuming.items()],
                    case.decision.channel.value,
                    case.decision.outcome is Outcome.NOTIFIED,
                ]
                for case in possible_decisions(rule, known).cases
            ]
            for known in partials()
        ]
        for rule in DistributionRule
    ]


def _class_of_age(years: int) -> int:
    """Return the form's age class (1-4) of an age in whole years."""
    return 1 + sum(years >= limit for limit in AGE_LIMITS)


def _flag_index(flag: bool) -> int:  # a yes or no, as the form spells it
    return 1 if flag else 2


# The form's facts behind each fact a person gives, the first one saying whether it is given:
# the library's _FORGET, read as the form holds it (the KRR record is the status and its fields).
_FORGET_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "helsenorge_consent": ("consent",),
    "helsenorge_representable": ("representable",),
    "level4_eid": ("level4-eid",),
    "krr_record": ("krr-status", "reserved", "can-notify", "contact-updated", "digital-mailbox"),
    "age": ("age",),
    "research_reserved": ("research-reserved",),
    "postal_address": ("postal-address",),
}


def completion_tables() -> dict[str, object]:
    """Return what the script needs to go through the completions as the library does.

    The values tried for each fact not known are the library's
    (:func:`distribution.patient.completions.completions`), as form value indexes; a KRR
    record not known is a deleted one, or an active one with every notice KRR gives, contact
    details current, stale or none, and a mailbox or not. The form can leave two facts of an
    active record unknown that the command line cannot: its contact date (tried as current,
    stale and none) and its mailbox (tried as there and not).
    """
    if set(_FORGET) != set(_FORGET_FIELDS):  # pragma: no cover
        raise ValueError(sorted(_FORGET))  # a fact added to the library stops the build
    reasons = list(Reason)
    return {
        "ages": [_class_of_age(years) for years in _TRIED_AGES],
        "yesNo": [_flag_index(flag) for flag in _TRIED_YES_NO],
        "consents": [_CONSENTS.index(c) for c in _TRIED_CONSENTS],
        "notices": [[_flag_index(r), _flag_index(n)] for r, n in _NOTICES],
        "contacts": [1, 2, 3],  # current, stale, none: every reading of the contact date
        "deleted": 1 + _STATUSES[1:].index(KrrStatus.SLETTET),
        "closing": [
            [reasons.index(r) for r in (*REQUIREMENTS[channel], Reason.KRR_CONTRADICTORY)]
            for channel in REACHABLE
        ],
        "factOf": [FACTS.index(_FACT_OF[r]) if r in _FACT_OF else -1 for r in reasons],
        "inKrr": sorted(FACTS.index(f) for f in _IN_KRR),
        "forget": [[FACTS.index(fact), list(_FORGET_FIELDS[fact])] for fact in _FORGET],
    }


# The command line's words for each value (any case), as the link takes them.
_CLI_WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "consent": _CONSENT,
    "krr-status": {word: _KRR_STATUS[word].lower().replace("_", "-") for word in _KRR_STATUS},
}
GOT_WORDS: Final = ("ingen", "helsenorge", "digipost", "sms", "papir")
"""The link's word for each channel ePROM used, by code (0: nothing was sent)."""
_ENGLISH: Final = {"AKTIV": "active", "SLETTET": "deleted", "IKKE_REGISTRERT": "not-registered"}


def spellings() -> dict[str, object]:
    """Return the words a link may use for the facts and their values.

    Fact names are the command line's long options, English or bokmål, with or without dashes.
    """
    aliases = {
        "got": "got",
        "fikk": "got",
        "referencetime": "reference-time",
        "tidspunkt": "reference-time",
    }
    for options, dest in FACT_FLAGS:
        name = dest.replace("_", "-")
        if name in SIZES or name in {"contact-updated", "birth-date"}:
            for option in options:
                aliases[option.lstrip("-").replace("-", "")] = name
    aliases["research"] = aliases["forskning"] = "research"
    values: dict[str, dict[str, int]] = {}
    for name, spelt in FIELDS:
        if name in {"age", "contact-updated"}:
            continue
        table = {word: spelt.index(word) + 1 for word in spelt}
        if spelt == YES_NO:
            table |= {word: 1 if yes else 2 for word, yes in _YES_NO.items()}
        for word, meant in _CLI_WORDS.get(name, {}).items():
            english = _ENGLISH.get(_KRR_STATUS.get(word, ""), meant)
            table[word] = spelt.index(english) + 1
        values[name] = table
    values["research"] |= {word: 1 if yes else 0 for word, yes in _YES_NO.items()}
    for word, channel in zip(GOT_WORDS[1:], REACHABLE, strict=True):
        if CHANNEL_WORDS[word] is not channel:  # pragma: no cover  # the words are the CLI's
            raise ValueError(word)
    return {"aliases": aliases, "values": values, "gotWords": list(GOT_WORDS)}


def data() -> dict[str, object]:
    """Return everything the facts tab reads."""
    return {
        **channel_tables(),
        **spellings(),
        "freshMonths": FRESH_MONTHS,
        "cases": case_tables(),
        "completions": completion_tables(),
    }
