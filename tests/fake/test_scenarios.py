"""The fake's scenarios by name: parsed as JSON and the command line spell them."""

from __future__ import annotations

import pytest

from distribution import InvalidTypeError, UnknownCodeError
from distribution.fake import Scenario, parse_scenarios


def test_a_scenario_is_named_as_json_spells_it_in_any_letter_case() -> None:
    assert Scenario.parse(" WrongApiKey ") is Scenario.WRONG_API_KEY
    assert Scenario.parse("wrong_api_key") is Scenario.WRONG_API_KEY
    assert Scenario.parse(Scenario.EVENT_LOG) is Scenario.EVENT_LOG
    assert len(Scenario.choices()) == 11


def test_an_unknown_scenario_names_the_nearest_and_every_choice() -> None:
    with pytest.raises(UnknownCodeError) as raised:
        Scenario.parse("EventLogg")
    assert raised.value.suggestion == "EventLog"
    assert "SikkerDigitalPostError" in str(raised.value)
    with pytest.raises(InvalidTypeError, match="scenario"):
        Scenario.parse(3)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, frozenset()),
        ("", frozenset()),
        (" , ", frozenset()),
        ("LateCallback,duplicatecallback", {Scenario.LATE_CALLBACK, Scenario.DUPLICATE_CALLBACK}),
        (["NeverAnswers"], {Scenario.NEVER_ANSWERS}),
        ((Scenario.BAD_GATEWAY,), {Scenario.BAD_GATEWAY}),
        (frozenset({Scenario.BAD_GATEWAY}), {Scenario.BAD_GATEWAY}),
    ],
)
def test_scenarios_come_as_a_list_or_a_text_separated_by_commas(
    value: object, expected: frozenset[Scenario]
) -> None:
    assert parse_scenarios(value) == expected


def test_scenarios_of_another_type_are_refused() -> None:
    with pytest.raises(InvalidTypeError, match="scenarios must be a list"):
        parse_scenarios({"LateCallback": True})
