"""An error found inside a line or row, said again by the error naming where: one wrapper."""

from __future__ import annotations

import pickle

import pytest

from distribution import DistributionError, MrsOrderStatus, UnknownCodeError, audit, verify
from distribution._nested import Nested, found_at

CHOICES = (
    "valid codes and names: 0=Bestilt, 1=Besvart, 2=Utgått, 3=Feilet, 4=Ikke bestilt,"
    " 5=Mottaker ikke nådd, 6=Prosesserer bestilling"
)


def _inner() -> UnknownCodeError:
    with pytest.raises(UnknownCodeError) as caught:
        MrsOrderStatus.parse(9)
    return caught.value


def test_the_outer_error_names_the_place_and_says_the_inner_one_in_its_language() -> None:
    inner = _inner()
    outer = found_at(inner, "bad_row", field="dump.csv", row=3)
    assert type(outer) is UnknownCodeError  # `except ValueError` still catches it
    assert (outer.key, outer.field, outer.value) == ("bad_row", "dump.csv", 9)
    assert str(outer) == f"dump.csv row 3: 9 is not a known MrsOrderStatus; {CHOICES}"
    assert outer.message("nb").startswith(
        "dump.csv rad 3: 9 er ikke en gyldig MrsOrderStatus; gyldige"
    )
    line = found_at(inner, "bad_line", field="orders", line=2)
    assert str(line) == f"orders line 2: 9 is not a known MrsOrderStatus; {CHOICES}"
    again = pickle.loads(pickle.dumps(line))  # noqa: S301  # our own value
    assert again.message("nb") == line.message("nb")


def test_verify_and_audit_wrap_with_the_same_helper() -> None:
    # The audit goes on past a bad cell; a row that is no mapping is still said where it is.
    with pytest.raises(DistributionError) as in_audit:
        audit([["0", "0", "9", "0"]])  # type: ignore[list-item]
    (unreadable,) = verify([], ['{"formOrderId": "x", "formOrderStatus": 9}'])
    assert type(unreadable.problem) is UnknownCodeError  # verify records it and goes on
    for error in (in_audit.value, unreadable.problem):
        assert type(error._params["problem"]) is Nested
