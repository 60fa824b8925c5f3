"""Norwegian national IDs: which kind a number is, its birth date, or why it is unusable.

Rule 1: what makes a fødselsnummer or D-nummer (synthetic test numbers included) valid lives
here, and nothing else does; :class:`~distribution.patient.facts.PatientFacts` reads a patient's
birth date through it and the order pre-flight its problems.

python-stdnum, which gives the two check digits and the century, is imported the first time a
number is checked, not with this module: assessing facts without a national ID never loads it.

>>> national_id_kind("20914695016").synthetic  # Digdir's example person, a Tenor number
True
"""

from __future__ import annotations

import enum
import functools
from importlib import import_module
from typing import TYPE_CHECKING, Final

from distribution._errors import HIDDEN, InvalidValueError, wrong_type
from distribution.patient._texts import PROBLEMS

if TYPE_CHECKING:
    from datetime import date
    from types import ModuleType

    from distribution._texts import Lang

__all__ = ["NationalIdKind", "classify_national_id", "national_id_kind", "read_national_id"]


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


@functools.cache
def _fodselsnummer() -> ModuleType:
    """Return python-stdnum's ``stdnum.no.fodselsnummer``, imported when first asked for.

    Loaded by name and kept (the cache), so that importing the library, or assessing facts
    without a national ID, does not import python-stdnum (tests/patient/test_national_id.py).
    """
    return import_module("stdnum.no.fodselsnummer")


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
        stdnum = _fodselsnummer()
        try:
            # The real day and month, so that stdnum reads only the century and the calendar.
            born = stdnum.get_birth_date(f"{day:02}{month:02}{number[4:]}")
        except stdnum.ValidationError:  # stdnum's error, which each of its modules re-exports
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
    stdnum = _fodselsnummer()
    check = stdnum.calc_check_digit1(number[:9])
    if number[9:] != check + stdnum.calc_check_digit2(number[:9] + check):
        return "national_id_checksum"
    return None


class _IdProblem:
    """What is wrong with a national ID, said in either language (inside an error message)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def describe(self, *, lang: Lang) -> str:
        return PROBLEMS[lang][self.key]


def read_national_id(national_id: object, field: str) -> tuple[NationalIdKind, date]:
    """Return ``(kind, birth date)`` of *national_id*, or raise naming *field* and the problem.

    Raises :class:`~distribution.errors.InvalidTypeError` for anything but a string and
    :class:`~distribution.errors.InvalidValueError` for an unusable number; neither shows the
    number or its digits.
    """
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

    >>> national_id_kind("01039494104")  # Hemit's test person for verifying an integration
    <NationalIdKind.FODSELSNUMMER: 'fodselsnummer'>
    """
    return read_national_id(national_id, "national_id")[0]
