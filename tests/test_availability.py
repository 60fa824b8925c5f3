"""Availability: four strict flags, built from channels."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from distribution import (
    Availability,
    InvalidTypeError,
    InvalidValueError,
    NotificationChannel,
    UnknownCodeError,
)
from tests.strategies import REACHABLE, availabilities, reachable_channels

H, D, U, P = (
    NotificationChannel.HELSENORGE,
    NotificationChannel.DIGITAL_MAILBOX,
    NotificationChannel.UNSECURE,
    NotificationChannel.PHYSICAL_MAILBOX,
)


@pytest.mark.parametrize("field", ["helsenorge", "digital_mailbox", "krr_contact", "paper"])
@pytest.mark.parametrize("value", [1, 0, "yes", "", None, 1.0])
def test_flags_take_only_real_bools(field: str, value: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        Availability(**{field: value})  # type: ignore[arg-type]
    assert caught.value.value == value
    assert field in str(caught.value)
    assert "must be true or false, not " in str(caught.value)


def test_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Availability(True)  # type: ignore[call-arg]


def test_default_is_nothing_available() -> None:
    assert Availability().channels == ()


def test_of_builds_from_field_names_api_names_codes_and_members() -> None:
    assert Availability.of("helsenorge", "DigitalMailbox", 3, P) == Availability(
        helsenorge=True, digital_mailbox=True, krr_contact=True, paper=True
    )
    assert Availability.of("krr_contact") == Availability(krr_contact=True)
    assert Availability.of("Unsecure", "unsecure") == Availability(krr_contact=True)
    assert Availability.of() == Availability()


@pytest.mark.parametrize("value", [NotificationChannel.NONE, 0, "None"])
def test_of_refuses_none(value: NotificationChannel | int | str) -> None:
    with pytest.raises(InvalidValueError, match="no channel a patient can be reached on"):
        Availability.of(value)


def test_of_refuses_unknown_channels_naming_the_choices() -> None:
    with pytest.raises(UnknownCodeError) as caught:
        Availability.of("fax")
    message = str(caught.value)
    assert "'fax'" in message
    for name in ("helsenorge", "digital_mailbox", "krr_contact", "paper", "papir", "sms"):
        assert name in message


def test_channels_are_in_code_order() -> None:
    assert Availability(paper=True, helsenorge=True, krr_contact=True).channels == (H, U, P)


def test_without_and_with() -> None:
    full = Availability.of(H, D, U, P)
    assert full.without("paper") == Availability.of(H, D, U)
    assert full.without(NotificationChannel.NONE) is full
    assert Availability().with_("digital_mailbox") == Availability(digital_mailbox=True)


def test_is_frozen_and_hashable() -> None:
    a = Availability(paper=True)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.paper = False
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del a.paper
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.other = 1
    assert a.paper is True
    assert {a, Availability(paper=True)} == {a}


def test_each_of_the_sixteen_exists_once() -> None:
    assert Availability(paper=True, helsenorge=True) is Availability.of("helsenorge", "paper")
    assert Availability() is Availability.from_index(0)
    assert len({id(a) for a in Availability.all()}) == 16
    assert Availability.all()[15] is Availability(
        helsenorge=True, digital_mailbox=True, krr_contact=True, paper=True
    )


def test_replace_changes_named_flags_and_refuses_unknown_ones() -> None:
    a = Availability(paper=True)
    assert a.__replace__(helsenorge=True) is Availability(helsenorge=True, paper=True)
    assert a.__replace__() is a
    with pytest.raises(InvalidValueError) as caught:
        a.__replace__(email=True, zz=False)
    assert str(caught.value) == (
        "Availability has unexpected keys ['email', 'zz'];"
        " allowed keys: helsenorge, digital_mailbox, krr_contact, paper"
    )
    with pytest.raises(InvalidTypeError, match=r"Availability\.paper"):
        a.__replace__(paper=1)  # type: ignore[arg-type]


def test_index_numbers_the_sixteen_combinations() -> None:
    assert Availability().index == 0
    assert Availability(helsenorge=True).index == 1
    assert Availability(paper=True).index == 8
    assert Availability.of(H, D, U, P).index == 15
    assert [a.index for a in Availability.all()] == list(range(16))
    with pytest.raises(InvalidValueError) as out_of_range:
        Availability.from_index(16)
    assert str(out_of_range.value) == (
        "16 is not a known Availability index; valid codes and names: 0-15"
    )
    with pytest.raises(InvalidTypeError) as not_an_int:
        Availability.from_index(True)
    assert str(not_an_int.value) == "index must be an integer, not True"


def test_to_dict_uses_the_field_names() -> None:
    assert Availability(digital_mailbox=True).to_dict() == {
        "helsenorge": False,
        "digital_mailbox": True,
        "krr_contact": False,
        "paper": False,
    }


@given(availabilities)
def test_of_channels_round_trips(availability: Availability) -> None:
    """Building from an availability's own channels gives the same availability back."""
    assert Availability.of(*availability.channels) == availability
    assert Availability.from_index(availability.index) == availability


@given(availabilities, reachable_channels)
def test_without_removes_exactly_that_channel(
    a: Availability, channel: NotificationChannel
) -> None:
    """``a.without(c)`` lacks c and keeps every other channel as it was."""
    smaller = a.without(channel)
    assert not smaller.has(channel)
    for other in REACHABLE:
        if other is not channel:
            assert smaller.has(other) == a.has(other)
