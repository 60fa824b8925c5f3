"""Dates and times as people read them: «5. desember 2026 kl. 19.20», «5 December 2026 at 19:20».

Rule 1: every moment the library shows a person (not a log line, which keeps ISO 8601) is said
here, in Norwegian time; its words are ``DATES`` in :mod:`distribution.presentation._texts`.
Never through ``strftime``, whose month names follow the machine's locale.

>>> from datetime import datetime, timezone
>>> spoken_time(datetime(2026, 12, 5, 18, 20, tzinfo=timezone.utc), "nb")
'5. desember 2026 kl. 19.20'
>>> spoken_time(datetime(2026, 12, 5, 18, 20, tzinfo=timezone.utc), "en")
'5 December 2026 at 19:20'
>>> from datetime import date
>>> spoken_date(date(2025, 3, 1), "nb")
'1. mars 2025'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from distribution.patient.facts import OSLO
from distribution.presentation._texts import DATES

if TYPE_CHECKING:
    from datetime import date, datetime

    from distribution._texts import Lang

__all__ = ["spoken_date", "spoken_time"]


def spoken_time(moment: datetime, lang: Lang) -> str:
    """Return *moment* (timezone-aware) in Norwegian time, as a person reads it in *lang*."""
    local = moment.astimezone(OSLO)
    say = DATES[lang]
    return say["moment"].format(
        day=local.day,
        month=say[f"month_{local.month}"],
        year=local.year,
        hour=local.hour,
        minute=local.minute,
    )


def spoken_date(day: date, lang: Lang) -> str:
    """Return *day* as a person reads it in *lang* («1. mars 2025», «1 March 2025»)."""
    say = DATES[lang]
    return say["day"].format(day=day.day, month=say[f"month_{day.month}"], year=day.year)
