"""Reading :class:`~distribution.eligibility.PatientFacts` from JSON (internal).

Unknown keys are refused: a typo such as ``"level4eid"`` would otherwise silently turn a known
fact into an unknown one and change the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Final

from distribution.eligibility import HelsenorgeConsent, PatientFacts
from distribution.errors import (
    HIDDEN,
    DistributionError,
    InvalidValueError,
    UnknownCodeError,
    wrong_type,
)
from distribution.krr import KrrRecord

KEYS: Final = (
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


def facts_from_json(obj: object) -> PatientFacts:
    """Read patient facts from a mapping or JSON text; see ``docs/eligibility.md``."""
    if isinstance(obj, str | bytes):
        import json  # noqa: PLC0415  # only text input needs it

        try:
            obj = json.loads(obj)
        except (ValueError, RecursionError) as error:
            problem = f"line {getattr(error, 'lineno', '?')}, column {getattr(error, 'colno', '?')}"
            raise InvalidValueError(
                "bad_json", value=HIDDEN, field="facts", problem=problem
            ) from None
    if not isinstance(obj, Mapping):
        raise wrong_type(obj, field="facts", expected="an object")
    unknown = sorted(str(key) for key in obj if key not in KEYS)
    if unknown:
        raise InvalidValueError("unknown_keys", value=unknown, field="facts", choices=KEYS)
    if obj.get("reference_time") is None:
        raise InvalidValueError(
            "missing_key", value=None, field="facts.reference_time", choices=KEYS
        )
    fields = {key: _READERS[key](obj[key]) for key in KEYS if obj.get(key) is not None}
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
