"""Reading what people type into a flag: lists, channels, yes or no, words, dates and times.

One reason to change: the command line takes a new spelling of a value (a Norwegian word for
"none", another way to write a date). Each reader raises the library's error naming the flag.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

from distribution._errors import InvalidValueError, UnknownCodeError, nearest
from distribution.availability import Availability, parse_channel

if TYPE_CHECKING:
    from collections.abc import Mapping

OSLO: Final = ZoneInfo("Europe/Oslo")

_NONE_WORDS: Final = ("", "-", "ingen", "none")  # --available: the patient has no channel
_YES_NO: Final = {
    **dict.fromkeys(("ja", "j", "yes", "y", "true", "1"), True),
    **dict.fromkeys(("nei", "n", "no", "false", "0"), False),
}


def items(text: str) -> list[str]:
    """Return the comma-separated items of *text*, stripped, the empty ones left out."""
    return [item.strip() for item in text.split(",") if item.strip()]


def availability(text: str) -> Availability:
    """Read --available: channels in the words people use, or a word for none."""
    if text.strip().lower() in _NONE_WORDS:
        return Availability()
    return Availability.of(*(parse_channel(item, field="--available") for item in items(text)))


def yes_no(text: str, field: str) -> bool:
    """Read a yes or no in bokmål or English (``ja``, ``nei``, ``yes``, ``no``, ``1``, ``0``)."""
    answer = _YES_NO.get(text.strip().lower())
    if answer is None:
        raise UnknownCodeError(
            "unknown_code",
            value=text,
            field=field,
            choices=("ja", "nei", "yes", "no"),
            suggestion=nearest(text, _YES_NO),
        )
    return answer


def flag(text: str | None, field: str) -> bool | None:
    """Read an optional yes or no: ``None`` when the flag was not given."""
    return None if text is None else yes_no(text, field)


def choice(text: str, field: str, words: Mapping[str, str]) -> str:
    """Return what *words* maps *text* to (any case), or refuse it naming the words."""
    key = words.get(text.strip().lower())
    if key is None:
        raise UnknownCodeError(
            "unknown_code",
            value=text,
            field=field,
            choices=tuple(words),
            suggestion=nearest(text, words),
        )
    return key


# A Norwegian date, as people type it (05.12.2026, 5.12.2026), and perhaps a time of day after
# it (19:20 or 19.20, as bokmål writes it).
_NORWEGIAN: Final = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](?:kl\.? ?)?(\d{1,2})[:.](\d{2}))?", re.ASCII
)


def _norwegian(text: str) -> datetime | None:
    """Read ``DD.MM.YYYY`` (and perhaps ``HH:MM``) in Norwegian time; ``None`` if not one."""
    found = _NORWEGIAN.fullmatch(text)
    if found is None:
        return None
    day_, month, year, hour, minute = found.groups()
    try:
        return datetime(
            int(year), int(month), int(day_), int(hour or 0), int(minute or 0), tzinfo=OSLO
        )
    except ValueError:  # 31.02.2026, 25:00
        return None


def day(text: str, field: str) -> date:
    """Read a date as ``YYYY-MM-DD`` (ISO 8601) or ``DD.MM.YYYY`` (as Norwegians write it)."""
    text = text.strip()
    norwegian = _norwegian(text)
    if norwegian is not None and ":" not in text and " " not in text:  # a date, no time of day
        return norwegian.date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError("bad_typed_date", value=text, field=field) from None


def moment(text: str) -> datetime:
    """Read --reference-time: a date (midnight in Norway) or a time, ISO 8601 or Norwegian."""
    text = text.strip()
    when = _norwegian(text)
    if when is None:
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidValueError(
                "bad_typed_time", value=text, field="--reference-time"
            ) from None
    # A date alone is its midnight; a time without an offset is Norwegian time.
    return when if when.utcoffset() is not None else when.replace(tzinfo=OSLO)
