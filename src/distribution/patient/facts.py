"""What is known about a patient: the facts ePROM's person rules read, and their JSON form.

Rule 1: a fact and how it is read live here; what the facts *mean* for each channel lives in
:mod:`distribution.patient.eligibility`. ``None`` always means "not known", never "no".

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
from stdnum.exceptions import ValidationError
from stdnum.no import fodselsnummer

from distribution._errors import (
    HIDDEN,
    DistributionError,
    InvalidValueError,
    aware,
    exactly,
    wrong_type,
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
from distribution.patient._texts import PROBLEMS
from distribution.patient.krr import KrrRecord, mask_national_id

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from distribution._texts import Lang

__all__ = [
    "OSLO",
    "HelsenorgeConsent",
    "NationalIdKind",
    "PatientFacts",
    "classify_national_id",
    "national_id_kind",
    "oslo_date",
]

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


# --- national IDs ------------------------------------------------------------------------------


class NationalIdKind(enum.Enum):
    """What a valid Norwegian national ID is (``docs/sources.md`` §3 and §4).

    ePROM takes a fødselsnummer or a D-nummer. Test environments use synthetic numbers of both
    kinds, whose month is the real month plus 80 (Skatteetaten's Tenor and Test-Norge) or plus 65
    (Norsk helsenett's reserved test persons); they are valid there and marked here.
    """

    FODSELSNUMMER = "fodselsnummer"
    D_NUMMER = "d_nummer"
    """A D-nummer: the day of birth plus 40."""
    SYNTHETIC_FODSELSNUMMER = "synthetic_fodselsnummer"
    """A test person's fødselsnummer (month plus 80 or plus 65)."""
    SYNTHETIC_D_NUMMER = "synthetic_d_nummer"
    """A test person's D-nummer (day plus 40, month plus 80 or plus 65)."""

    @property
    def synthetic(self) -> bool:
        """Whether the number belongs to a synthetic test person."""
        return self in _SYNTHETIC


_SYNTHETIC: Final = frozenset(
    {NationalIdKind.SYNTHETIC_FODSELSNUMMER, NationalIdKind.SYNTHETIC_D_NUMMER}
)
_KINDS: Final = {
    # (D-nummer, synthetic) -> kind
    (False, False): NationalIdKind.FODSELSNUMMER,
    (True, False): NationalIdKind.D_NUMMER,
    (False, True): NationalIdKind.SYNTHETIC_FODSELSNUMMER,
    (True, True): NationalIdKind.SYNTHETIC_D_NUMMER,
}
# The third digit (the month's tens) of a synthetic number, and what was added to its month:
# Tenor/Test-Norge adds 80 (months 81-92), Norsk helsenett's reserved persons add 65 (66-77).
# Month + 40 is an H-number (ePROM refuses it), and NAV's synthetic numbers, which also add 40,
# cannot be told apart from one (docs/sources.md §4).
_MONTH_OFFSET: Final = {"0": 0, "1": 0, "6": 65, "7": 65, "8": 80, "9": 80}


def classify_national_id(national_id: str) -> tuple[NationalIdKind, date] | str:
    """Return ``(kind, birth date)`` of *national_id*, or the key of what makes it unusable.

    The keys are the pre-flight's problem codes: ``national_id_format`` (not 11 digits),
    ``national_id_fh_number`` (first digit 8 or 9), ``national_id_h_number`` (month + 40),
    ``national_id_checksum`` and ``national_id_date``. Spaces are ignored; nothing else is.
    The two check digits and the century come from python-stdnum; its ``validate()`` is never
    called, because it compares the birth date with today's date (a clock).

    >>> kind, born = classify_national_id("26670271527")
    >>> kind.value, born
    ('synthetic_fodselsnummer', datetime.date(2002, 2, 26))
    """
    number = national_id.replace(" ", "")
    problem = _shape_problem(number)
    if problem is not None:
        return problem
    d_number = number[0] in "4567"
    offset = _MONTH_OFFSET.get(number[2])
    day = int(number[:2]) - 40 * d_number
    month = int(number[2:4]) - (offset or 0)
    born = None
    if offset is not None and 1 <= day <= 31 and 1 <= month <= 12:
        try:
            # The real day and month, so that stdnum reads only the century and the calendar.
            born = fodselsnummer.get_birth_date(f"{day:02}{month:02}{number[4:]}")
        except ValidationError:
            born = None
    if born is None:
        return "national_id_date"
    return _KINDS[d_number, bool(offset)], born


def _shape_problem(number: str) -> str | None:
    if len(number) != 11 or not (number.isascii() and number.isdigit()):
        return "national_id_format"
    if number[0] in "89":
        return "national_id_fh_number"
    if number[2] in "45":
        return "national_id_h_number"
    check = fodselsnummer.calc_check_digit1(number[:9])
    if number[9:] != check + fodselsnummer.calc_check_digit2(number[:9] + check):
        return "national_id_checksum"
    return None


class _IdProblem:
    """What is wrong with a national ID, said in either language (inside an error message)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def describe(self, *, lang: Lang) -> str:
        return PROBLEMS[lang][self.key]


def _read_national_id(national_id: object, field: str) -> tuple[NationalIdKind, date]:
    if not isinstance(national_id, str):
        raise wrong_type(national_id, field=field, expected="a string of 11 digits", secret=True)
    result = classify_national_id(national_id)
    if isinstance(result, str):
        raise InvalidValueError(
            "bad_national_id", value=HIDDEN, field=field, problem=_IdProblem(result)
        )
    return result


def national_id_kind(national_id: str) -> NationalIdKind:
    """Return the kind of *national_id*, or raise :class:`InvalidValueError` saying what is wrong.

    Neither the number nor its digits ever appear in the error.

    >>> national_id_kind("20914695016").synthetic  # Digdir's example person, a Tenor number
    True
    >>> national_id_kind("01039494104")  # Hemit's test person for verifying an integration
    <NationalIdKind.FODSELSNUMMER: 'fodselsnummer'>
    """
    return _read_national_id(national_id, "national_id")[0]


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
            kind, from_id = _read_national_id(self.national_id, "PatientFacts.national_id")
            if born is not None and born != from_id:
                raise InvalidValueError(
                    "id_birth_date_mismatch",
                    value=born.isoformat(),
                    field="PatientFacts.birth_date",
                )
            if from_id > day:
                raise InvalidValueError(
                    "out_of_range",
                    value=HIDDEN,
                    field="PatientFacts.national_id",
                    choices=f"birth dates up to {day.isoformat()}",
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
                    "out_of_range",
                    value=born.isoformat(),
                    field="PatientFacts.birth_date",
                    choices=f"dates up to {day.isoformat()}",
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
