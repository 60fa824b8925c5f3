"""What is known about a patient: the facts ePROM's person rules read, and their JSON form.

Rule 1: a fact and how it is read live here; what the facts *mean* for each channel lives in
:mod:`distribution.eligibility`. ``None`` always means "not known", never "no".

>>> from datetime import datetime, timezone
>>> facts = PatientFacts.from_json(
...     '{"reference_time": "2026-11-25T12:00:00+01:00", "age": 15, "level4_eid": true}')
>>> facts.age_at_reference, facts.helsenorge_consent is None
(15, True)
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Final, final
from zoneinfo import ZoneInfo

import attrs

from distribution.errors import (
    HIDDEN,
    DistributionError,
    InvalidValueError,
    UnknownCodeError,
    aware,
    exactly,
    wrong_type,
)
from distribution.krr import KrrRecord

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


@final
@attrs.frozen(kw_only=True)
class PatientFacts:
    """What ePROM's person rules need to know about a patient, at a reference time.

    ``None`` means "not known"; a channel that needs an unknown fact is unavailable.

    Attributes:
        reference_time: when the facts hold (timezone-aware). Ages and KRR freshness are judged
            on its date in Norway, :attr:`reference_date`.
        age: the patient's age in whole years at ``reference_time``; or give ``birth_date``.
        birth_date: the patient's birth date; when both are given they must agree.
        level4_eid: whether the patient has electronic ID at level 4 (BankID or similar).
        helsenorge_consent: the consent level on Helsenorge.
        helsenorge_representable: whether the patient can be represented on Helsenorge.
        krr: the patient's KRR record (``None``: no lookup was made).
        postal_address: whether Folkeregisteret has a postal address for the patient.
        physical_address: whether the order itself gives a postal address (``physicalAddress``).
    """

    reference_time: datetime = attrs.field(validator=[exactly(datetime), aware])
    age: int | None = attrs.field(default=None, validator=exactly(int, optional=True))
    birth_date: date | None = attrs.field(default=None, validator=exactly(date, optional=True))
    level4_eid: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    helsenorge_consent: HelsenorgeConsent | None = attrs.field(
        default=None, validator=exactly(HelsenorgeConsent, optional=True)
    )
    helsenorge_representable: bool | None = attrs.field(
        default=None, validator=exactly(bool, optional=True)
    )
    krr: KrrRecord | None = attrs.field(default=None, validator=exactly(KrrRecord, optional=True))
    postal_address: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    physical_address: bool = attrs.field(default=False, validator=exactly(bool))
    reference_date: date = attrs.field(init=False, repr=False, eq=False)
    """The date in Norway (Europe/Oslo) at ``reference_time``: the day ages are counted on."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "reference_date", oslo_date(self.reference_time))
        if self.age is not None and not 0 <= self.age <= 150:
            raise InvalidValueError(
                "out_of_range", value=self.age, field="PatientFacts.age", choices="0-150"
            )
        if self.birth_date is not None:
            if self.birth_date > self.reference_date:
                raise InvalidValueError(
                    "out_of_range",
                    value=self.birth_date.isoformat(),
                    field="PatientFacts.birth_date",
                    choices=f"dates up to {self.reference_date.isoformat()}",
                )
            derived = _years_between(self.birth_date, self.reference_date)
            if self.age is not None and self.age != derived:
                raise InvalidValueError(
                    "age_mismatch", value=self.age, field="PatientFacts.age", expected=derived
                )

    @classmethod
    def from_json(cls, obj: object) -> PatientFacts:
        """Read facts from a mapping or its JSON text, KRR record embedded under ``"krr"``.

        Keys are the attribute names; times are ISO 8601 with an offset, ``birth_date`` is
        ``YYYY-MM-DD``, ``helsenorge_consent`` is ``"full"``, ``"limited"`` or ``"none"``, and
        ``krr`` is a person record as KRR returns it. Unknown keys are refused: a typo such as
        ``"level4eid"`` would otherwise silently turn a known fact into an unknown one.
        """
        return _facts_from_json(obj)

    @property
    def age_at_reference(self) -> int | None:
        """The age on :attr:`reference_date`, from ``age`` or ``birth_date``; ``None`` if unknown.

        Counted as Norwegians count it, on the date in Norway: someone born 2013-03-01 is 13 at
        2026-02-28T23:30Z, which is already 1 March in Oslo. Someone born on 29 February is a
        year older on 1 March in a common year (``docs/sources.md`` §7).
        """
        if self.age is not None:
            return self.age
        if self.birth_date is not None:
            return _years_between(self.birth_date, self.reference_date)
        return None


def _years_between(born: date, on: date) -> int:
    # Whole years: the birthday counts once its month and day are reached, so 29 February is
    # reached on 1 March in a common year.
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


_KEYS: Final = (
    "reference_time",
    "age",
    "birth_date",
    "level4_eid",
    "helsenorge_consent",
    "helsenorge_representable",
    "krr",
    "postal_address",
    "physical_address",
)


def _facts_from_json(obj: object) -> PatientFacts:
    if isinstance(obj, str | bytes):
        try:
            obj = json.loads(obj)
        except (ValueError, RecursionError) as error:
            problem = f"line {getattr(error, 'lineno', '?')}, column {getattr(error, 'colno', '?')}"
            raise InvalidValueError(
                "bad_json", value=HIDDEN, field="facts", problem=problem
            ) from None
    if not isinstance(obj, Mapping):
        raise wrong_type(obj, field="facts", expected="an object")
    unknown = sorted(str(key) for key in obj if key not in _KEYS)
    if unknown:
        raise InvalidValueError("unknown_keys", value=unknown, field="facts", choices=_KEYS)
    if obj.get("reference_time") is None:
        raise InvalidValueError(
            "missing_key", value=None, field="facts.reference_time", choices=_KEYS
        )
    fields = {key: _READERS[key](obj[key]) for key in _KEYS if obj.get(key) is not None}
    return PatientFacts(**fields)  # type: ignore[arg-type]  # each reader checked its field


def _exactly(kind: type, key: str, expected: str) -> Callable[[object], object]:
    def read(value: object) -> object:
        if type(value) is not kind:
            raise wrong_type(value, field=key, expected=expected)
        return value

    return read


def _krr(value: object) -> KrrRecord:
    try:
        return KrrRecord.from_json(value)
    except DistributionError as error:
        raise error.within("krr") from None


def _time(value: object) -> datetime:
    if not isinstance(value, str):
        raise wrong_type(value, field="reference_time", expected="a string")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None:
        raise InvalidValueError("bad_timestamp", value=value, field="reference_time")
    return moment


def _date(value: object) -> date:
    if not isinstance(value, str):
        raise wrong_type(value, field="birth_date", expected="a string")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError("bad_date", value=value, field="birth_date") from None


def _consent(value: object) -> HelsenorgeConsent:
    if not isinstance(value, str):
        raise wrong_type(value, field="helsenorge_consent", expected="a string")
    try:
        return HelsenorgeConsent(value.strip().lower())
    except ValueError:
        raise UnknownCodeError(
            "unknown_code",
            value=value,
            field="helsenorge_consent",
            choices=[c.value for c in HelsenorgeConsent],
        ) from None


_READERS: Final[dict[str, Callable[[object], object]]] = {
    "reference_time": _time,
    "age": _exactly(int, "age", "an integer"),
    "birth_date": _date,
    "level4_eid": _exactly(bool, "level4_eid", "true, false or null"),
    "helsenorge_consent": _consent,
    "helsenorge_representable": _exactly(bool, "helsenorge_representable", "true, false or null"),
    "krr": _krr,
    "postal_address": _exactly(bool, "postal_address", "true, false or null"),
    "physical_address": _exactly(bool, "physical_address", "true, false or null"),
}
