"""Reading the formats of outside values: ISO 8601 times and GUIDs (internal).

Rule 1: how a time or a GUID from outside is read lives here, once for every reader: a time is
ISO 8601 with a date and a time and, unless the field says otherwise, its UTC offset; a GUID is
``8-4-4-4-12`` hex digits, kept in lower case. Part of the reading toolkit
(:mod:`distribution._reading`), apart from it because only the lazily loaded readers need
:mod:`datetime` and these patterns, and ``import distribution`` should not pay for them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Final, Literal

from distribution._errors import InvalidValueError
from distribution._evidence import evidence, wrong_kind
from distribution._reading import exact

if TYPE_CHECKING:
    from typing import Any

    import attrs

__all__ = [
    "NIL_GUID",
    "guid",
    "guid_field",
    "is_guid",
    "iso_time",
    "lower",
    "lower_or_none",
    "optional_guid_field",
]

NIL_GUID: Final = "00000000-0000-0000-0000-000000000000"
"""The all-zero GUID: in an order response it means that no order was made (``docs/sources.md``
§3); as ``signedFormId`` or ``scannedPaperId`` it means "none"."""

_GUID: Final = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
# A date and a time: "2023-06-29T10:14:52+02:00", "20230629T101452Z", or with a space as RFC 3339
# allows. datetime.fromisoformat alone would also take a date alone, or any character between.
_DATE_AND_TIME: Final = re.compile(r"\d{4}-?\d\d-?\d\d[Tt ]\d\d")
# A time is read only a day inside datetime's range (years 1 to 9999): at its very ends, a UTC
# offset (up to a day) moves it out of range, and converting it to UTC or Oslo time overflows.
_FIRST_DAY: Final = date(1, 1, 2)
_LAST_DAY: Final = date(9999, 12, 30)


def iso_time(
    value: object,
    field: str,
    *,
    naive: Literal["refuse", "utc", "allow"] = "refuse",
    expected: str = "a string",
) -> datetime:
    """Return the time an ISO 8601 text says: a date and a time, with its UTC offset.

    A time without an offset cannot be compared with other times safely, so it is refused,
    unless *naive* says what it means: ``"utc"`` for a field whose name says UTC
    (``timestampUtc``), ``"allow"`` to keep it as it is (ePROM's local ``timestamp``).
    """
    text = exact(value, str, field, expected)
    try:
        moment = datetime.fromisoformat(text) if _DATE_AND_TIME.match(text) else None
    except ValueError:
        moment = None
    if moment is not None and not _FIRST_DAY <= moment.date() <= _LAST_DAY:
        raise InvalidValueError("time_out_of_range", value=text, field=field)
    if naive == "refuse":
        if moment is None or moment.utcoffset() is None:
            raise InvalidValueError("bad_timestamp", value=text, field=field)
        return moment
    if moment is None:
        raise InvalidValueError("bad_time", value=text, field=field)
    if naive == "utc" and moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    return moment


def is_guid(text: str) -> bool:
    """Return whether *text* has a GUID's shape: ``8-4-4-4-12`` hex digits, any case."""
    return _GUID.fullmatch(text) is not None


def guid(value: object, field: str) -> str:
    """Return a GUID text in lower case; anything else is bad data, naming *field*."""
    text = exact(value, str, field, "a GUID string")
    if not is_guid(text):
        raise InvalidValueError("bad_guid", value=evidence(text), field=field)
    return text.lower()


# --- GUID fields of the values built from outside data ------------------------------------------


def lower(value: str) -> str:
    """Return a GUID field's text in lower case; a value of another type is left to refuse."""
    return value.lower() if type(value) is str else value


def lower_or_none(value: str | None) -> str | None:
    """Return an optional GUID field's text in lower case, as :func:`lower` does."""
    return value.lower() if type(value) is str else value


def guid_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a GUID field that is not one: the wrong type is the caller's, a bad text a value."""
    field = f"{type(instance).__name__}.{attribute.name}"
    if type(value) is not str:
        raise wrong_kind(value, field, "a GUID string")
    if not is_guid(value):
        raise InvalidValueError("bad_guid", value=evidence(value), field=field)


def optional_guid_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse an optional GUID field that is neither ``None`` nor a GUID."""
    if value is not None:
        guid_field(instance, attribute, value)
