"""What is known about a patient: the facts ePROM's person rules read, and their JSON form.

Rule 1: a fact and how it is read live here; what the facts *mean* for each channel lives in
:mod:`distribution.patient._rules`. ``None`` always means "not known", never "no".

>>> from datetime import datetime, timezone
>>> facts = PatientFacts.from_json(
...     '{"reference_time": "2026-11-25T12:00:00+01:00", "age": 15, "level4_eid": true}')
>>> facts.age_at_reference, facts.helsenorge_consent is None
(15, True)
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Final, final
from zoneinfo import ZoneInfo

import attrs

from distribution._errors import (
    HIDDEN,
    DistributionError,
    InvalidValueError,
    aware,
    exactly,
)
from distribution._formats import (
    iso_time,
)
from distribution._reading import (
    check_keys,
    choice,
    exact,
    given_mapping,
    json_object,
    read_object,
)
from distribution.patient.krr import KrrRecord, mask_national_id
from distribution.patient.national_id import NationalIdKind, read_national_id

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


__all__ = ["OSLO", "HelsenorgeConsent", "PatientFacts", "oslo_date"]

OSLO: Final = ZoneInfo("Europe/Oslo")
"""Norway's time zone: ages and the 18-month KRR window are counted in Norwegian dates.

Loaded once, when this module is imported (``docs/sources.md`` §4); from then on converting a
time reads nothing. The ``tzdata`` dependency supplies the zone where the system has no zone
database (Windows, minimal containers).
"""


def oslo_date(moment: datetime) -> date:
    """Return the date in Norway at *moment* (an aware datetime).

    >>> from datetime import timezone
    >>> oslo_date(datetime(2026, 2, 28, 23, 30, tzinfo=timezone.utc))
    datetime.date(2026, 3, 1)
    """
    return moment.astimezone(OSLO).date()


class HelsenorgeConsent(enum.Enum):
    """The patient's consent level on Helsenorge."""

    FULL = "full"
    """Full consent: Helsenorge may be used for forms (docs/sources.md §4)."""
    LIMITED = "limited"
    """A limited consent level: not enough for ePROM."""
    NONE = "none"
    """No consent, or no Helsenorge profile."""

    # Singletons: hashing by identity keeps dict lookups keyed by a member in C (as Reason).
    __hash__ = object.__hash__


def _repr_national_id(value: str | None) -> str:
    return repr(mask_national_id(value))


@final
@attrs.frozen(kw_only=True)
class PatientFacts:
    """What ePROM's person rules need to know about a patient, at a reference time.

    ``None`` means "not known"; a channel that needs an unknown fact is unavailable.

    Attributes:
        reference_time: when the facts hold (timezone-aware). Ages and KRR freshness are judged
            on its date in Norway, :attr:`reference_date`.
        national_id: the patient's fødselsnummer or D-nummer (synthetic test numbers too). It is
            the source of the birth date, as backend services hold it; never shown in a repr.
        age: the patient's age in whole years at ``reference_time``; or give ``birth_date``.
        birth_date: the patient's birth date. Any two of ``national_id``, ``birth_date`` and
            ``age`` that are given must agree.
        level4_eid: whether the patient has electronic ID at level 4 (BankID or similar).
        helsenorge_consent: the consent level on Helsenorge.
        helsenorge_representable: whether the patient can be represented on Helsenorge.
        research_reserved: whether the patient has reserved on Helsenorge against contact for
            purposes other than health care, such as research (``docs/sources.md`` §4). It
            matters only when the ordering system is marked as research.
        krr: the patient's KRR record (``None``: no lookup was made).
        postal_address: whether Folkeregisteret has a postal address for the patient.
        physical_address: whether the order itself gives a postal address (``physicalAddress``).
    """

    reference_time: datetime = attrs.field(validator=[exactly(datetime), aware])
    national_id: str | None = attrs.field(
        default=None, repr=_repr_national_id, validator=exactly(str, optional=True, secret=True)
    )
    age: int | None = attrs.field(default=None, validator=exactly(int, optional=True))
    birth_date: date | None = attrs.field(default=None, validator=exactly(date, optional=True))
    level4_eid: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    helsenorge_consent: HelsenorgeConsent | None = attrs.field(
        default=None, validator=exactly(HelsenorgeConsent, optional=True)
    )
    helsenorge_representable: bool | None = attrs.field(
        default=None, validator=exactly(bool, optional=True)
    )
    research_reserved: bool | None = attrs.field(
        default=None, validator=exactly(bool, optional=True)
    )
    krr: KrrRecord | None = attrs.field(default=None, validator=exactly(KrrRecord, optional=True))
    postal_address: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    physical_address: bool = attrs.field(default=False, validator=exactly(bool))
    # Derived once, here, so that assessing reads them instead of working them out each time.
    reference_date: date = attrs.field(init=False, repr=False, eq=False)
    """The date in Norway (Europe/Oslo) at ``reference_time``: the day ages are counted on."""
    national_id_kind: NationalIdKind | None = attrs.field(init=False, repr=False, eq=False)
    """What ``national_id`` is (fødselsnummer, D-nummer, synthetic or not); ``None`` without one."""
    known_birth_date: date | None = attrs.field(init=False, repr=False, eq=False)
    """The birth date: ``birth_date``, or read from ``national_id``; ``None`` if unknown."""
    age_at_reference: int | None = attrs.field(init=False, repr=False, eq=False)
    """The age on :attr:`reference_date`, from ``age`` or the birth date; ``None`` if unknown.

    Counted as Norwegians count it, on the date in Norway: someone born 2013-03-01 is 13 at
    2026-02-28T23:30Z, which is already 1 March in Oslo. Someone born on 29 February is a year
    older on 1 March in a common year (``docs/sources.md`` §7).
    """

    def __attrs_post_init__(self) -> None:
        day = oslo_date(self.reference_time)
        kind, born = None, self.birth_date
        if self.national_id is not None:
            kind, from_id = read_national_id(self.national_id, "PatientFacts.national_id")
            if born is not None and born != from_id:
                raise InvalidValueError(
                    "id_birth_date_mismatch",
                    value=born.isoformat(),
                    field="PatientFacts.birth_date",
                )
            if from_id > day:
                raise InvalidValueError(
                    "born_after", value=HIDDEN, field="PatientFacts.national_id", limit=day
                )
            born = from_id
        if self.age is not None and not 0 <= self.age <= 150:
            raise InvalidValueError(
                "out_of_range", value=self.age, field="PatientFacts.age", choices="0-150"
            )
        age = self.age
        if born is not None:
            if born > day:
                raise InvalidValueError(
                    "born_after", value=born.isoformat(), field="PatientFacts.birth_date", limit=day
                )
            age = _years_between(born, day)
            if self.age is not None and self.age != age:
                raise InvalidValueError(
                    "age_mismatch", value=self.age, field="PatientFacts.age", expected=age
                )
        for name, value in (
            ("reference_date", day),
            ("national_id_kind", kind),
            ("known_birth_date", born),
            ("age_at_reference", age),
        ):
            object.__setattr__(self, name, value)

    @classmethod
    def from_dict(cls, facts: Mapping[str, object]) -> PatientFacts:
        """Read facts decoded from JSON, the KRR record embedded under ``"krr"``.

        Keys are the attribute names; times are ISO 8601 with an offset, ``birth_date`` is
        ``YYYY-MM-DD``, ``national_id`` is a string of 11 digits, ``helsenorge_consent`` is
        ``"full"``, ``"limited"`` or ``"none"``, and ``krr`` is a person record as KRR returns
        it. Unknown keys are refused: a typo such as ``"level4eid"`` would otherwise silently
        turn a known fact into an unknown one.
        """
        facts = given_mapping(facts, "facts")
        check_keys(facts, "facts", required=("reference_time",), allowed=_KEYS, listed=_KEYS)
        fields = {key: _read(key, facts[key]) for key in _KEYS if facts.get(key) is not None}
        return cls(**fields)  # type: ignore[arg-type]  # each reader checked its field

    @classmethod
    def from_json(cls, text: str | bytes) -> PatientFacts:
        """Read facts from JSON text, as :meth:`from_dict` reads them decoded."""
        return cls.from_dict(read_object(text, "facts"))


def _years_between(born: date, on: date) -> int:
    # Whole years: the birthday counts once its month and day are reached, so 29 February is
    # reached on 1 March in a common year.
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


_KEYS: Final = (
    "reference_time",
    "national_id",
    "age",
    "birth_date",
    "level4_eid",
    "helsenorge_consent",
    "helsenorge_representable",
    "research_reserved",
    "krr",
    "postal_address",
    "physical_address",
)


def _read(key: str, value: object) -> object:
    # A plain function per call (not a closure made at import), so that every check runs, and
    # can be tested, each time a key is read.
    typed = _TYPED.get(key)
    if typed is None:
        return _READERS[key](value)
    kind, expected = typed
    return exact(value, kind, key, expected)


def _national_id(value: object) -> str:
    return exact(value, str, "national_id", "a string of 11 digits", secret=True)


def _krr(value: object) -> KrrRecord:
    record = json_object(value, "krr")
    try:
        return KrrRecord.from_dict(record)
    except DistributionError as error:
        raise error.within("krr") from None


def _time(value: object) -> datetime:
    return iso_time(value, "reference_time")


def _date(value: object) -> date:
    text = exact(value, str, "birth_date", "a string")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError("bad_date", value=text, field="birth_date") from None


def _consent(value: object) -> HelsenorgeConsent:
    return choice(value, "helsenorge_consent", _CONSENTS, fold=True)


_CONSENTS: Final = {consent.value: consent for consent in HelsenorgeConsent}


_TRUE_FALSE_NULL: Final = (bool, "true, false or null")
# Keys whose value is taken as it is, once its type is checked: (type, what the error expects).
_TYPED: Final[dict[str, tuple[type, str]]] = {
    "age": (int, "an integer"),
    "level4_eid": _TRUE_FALSE_NULL,
    "helsenorge_representable": _TRUE_FALSE_NULL,
    "research_reserved": _TRUE_FALSE_NULL,
    "postal_address": _TRUE_FALSE_NULL,
    "physical_address": _TRUE_FALSE_NULL,
}
# Keys that need reading.
_READERS: Final[dict[str, Callable[[object], object]]] = {
    "reference_time": _time,
    "national_id": _national_id,
    "birth_date": _date,
    "helsenorge_consent": _consent,
    "krr": _krr,
}
