"""The JSON wire format of a decision: pinned by hand, round-tripped, and strict on reading.

Whose fault: what is wrong in a payload raises the ValueError family; a caller who hands
from_dict anything but a mapping, or from_json anything but text, gets InvalidTypeError."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given

from distribution import (
    Availability,
    Decision,
    DistributionError,
    InvalidTypeError,
    decide,
    decide_priority_list,
)
from tests.strategies import availabilities, priority_lists, rules

# The format's example in docs/wire-format.md, written out here by hand.
BASIC_OR_PAPER_D_P: dict[str, Any] = {
    "rule": {"code": 3, "name": "BasicOrPaper"},
    "route": [
        {"code": 1, "name": "Helsenorge"},
        {"code": 2, "name": "DigitalMailbox"},
        {"code": 4, "name": "PhysicalMailbox"},
    ],
    "availability": {
        "helsenorge": False,
        "digital_mailbox": True,
        "krr_contact": False,
        "paper": True,
    },
    "chain": [{"code": 2, "name": "DigitalMailbox"}, {"code": 4, "name": "PhysicalMailbox"}],
    "channel": {"code": 2, "name": "DigitalMailbox"},
    "outcome": "NOTIFIED",
}


def test_to_dict_matches_the_documented_example() -> None:
    decision = decide("BasicOrPaper", Availability(digital_mailbox=True, paper=True))
    assert decision.to_dict() == BASIC_OR_PAPER_D_P
    assert list(decision.to_dict()) == list(BASIC_OR_PAPER_D_P)


def test_priority_list_decisions_have_a_null_rule() -> None:
    payload = decide_priority_list(["UNSECURE"], Availability()).to_dict()
    assert payload == {
        "rule": None,
        "route": [{"code": 3, "name": "Unsecure"}],
        "availability": {
            "helsenorge": False,
            "digital_mailbox": False,
            "krr_contact": False,
            "paper": False,
        },
        "chain": [],
        "channel": {"code": 0, "name": "None"},
        "outcome": "UNREACHABLE",
    }


def test_no_distribution_outcome_on_the_wire() -> None:
    payload = decide(2, Availability(paper=True)).to_dict()
    assert payload["outcome"] == "NOT_DISTRIBUTED"
    assert payload["route"] == []
    assert payload["channel"] == {"code": 0, "name": "None"}


@given(rules, availabilities)
def test_rule_decisions_round_trip_through_json(rule: object, a: Availability) -> None:
    """from_dict(json(to_dict(d))) == d for every rule and availability."""
    d = decide(rule, a)  # type: ignore[arg-type]
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d


@given(priority_lists, availabilities)
def test_priority_list_decisions_round_trip_through_json(
    route: tuple[Any, ...], a: Availability
) -> None:
    """The round trip holds for message decisions too."""
    d = decide_priority_list(route, a)
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d


def _changed(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    payload = copy.deepcopy(BASIC_OR_PAPER_D_P)
    target: Any = payload
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return payload


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (_changed(("outcome",), "UNREACHABLE"), "outcome"),
        (_changed(("outcome",), "MAYBE"), "'MAYBE'"),
        (_changed(("outcome",), 1), "outcome must be a string"),
        (_changed(("channel",), {"code": 4, "name": "PhysicalMailbox"}), "channel"),
        (_changed(("chain",), [{"code": 2, "name": "DigitalMailbox"}]), "chain"),
        (_changed(("chain", 0, "code"), True), "must be an integer"),
        (_changed(("route",), []), "route"),
        (_changed(("rule", "name"), "Basic"), "does not match code 3"),
        (_changed(("rule", "code"), 9), "DistributionRule"),
        (_changed(("rule", "code"), "3"), "must be an integer"),
        (_changed(("availability", "paper"), 1), "true or false"),
        (_changed(("availability", "fax"), True), "unexpected keys"),
        (_changed(("chain",), "DigitalMailbox"), "must be a list"),
        ({k: v for k, v in BASIC_OR_PAPER_D_P.items() if k != "chain"}, "chain is missing"),
        ({**BASIC_OR_PAPER_D_P, "extra": 1}, "unexpected keys"),
        (_changed(("availability",), []), "availability must be an object, not list"),
        (_changed(("rule",), "BasicOrPaper"), "rule must be an object, not text"),
    ],
)
def test_from_dict_refuses_malformed_or_inconsistent_payloads(payload: Any, words: str) -> None:
    with pytest.raises(DistributionError, match=words) as caught:
        Decision.from_dict(payload)
    assert isinstance(caught.value, ValueError)  # what is wrong in a payload is bad data
    with pytest.raises(type(caught.value), match=words):
        Decision.from_json(json.dumps(payload))


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        (
            _changed(("chain",), [{"code": 2, "name": "DigitalMailbox"}]),
            "chain",
            (
                "chain is '[DigitalMailbox]', but the rule and availability give "
                "[DigitalMailbox, PhysicalMailbox]"
            ),
        ),
        (
            _changed(("channel",), {"code": 4, "name": "PhysicalMailbox"}),
            "channel",
            "channel is 'PhysicalMailbox', but the rule and availability give DigitalMailbox",
        ),
        (
            _changed(("outcome",), "UNREACHABLE"),
            "outcome",
            "outcome is 'UNREACHABLE', but the rule and availability give NOTIFIED",
        ),
        (_changed(("outcome",), 1), "outcome", "outcome must be a string, not integer 1"),
        (_changed(("outcome",), "MAYBE"), "outcome", "'MAYBE' is not a known outcome"),
        (_changed(("rule", "code"), "3"), "rule.code", "rule.code must be an integer"),
        (_changed(("route", 0, "code"), "1"), "route[0].code", "route[0].code must be an integer"),
        (_changed(("route", 1), {"code": 2}), "route[1].name", "route[1].name is missing"),
        (_changed(("chain", 0, "code"), True), "chain[0].code", "chain[0].code must be an integer"),
        (_changed(("channel", "code"), "2"), "channel.code", "channel.code must be an integer"),
        (_changed(("chain",), "DigitalMailbox"), "chain", "chain must be a list"),
        (
            _changed(("availability", "paper"), 1),
            "availability.paper",
            "availability.paper must be true or false, not integer 1",
        ),
        (
            {k: v for k, v in BASIC_OR_PAPER_D_P.items() if k != "chain"},
            "decision.chain",
            "decision.chain is missing",
        ),
        ({**BASIC_OR_PAPER_D_P, "extra": 1}, "decision", "decision has unexpected keys ['extra']"),
    ],
)
def test_a_refused_payload_names_the_place_and_the_value(
    payload: Any, field: str, message: str
) -> None:
    """A developer reading the error finds the bad part of the payload without the payload."""
    with pytest.raises(DistributionError) as caught:
        Decision.from_dict(payload)
    assert caught.value.field == field
    assert str(caught.value).startswith(message)


def test_from_json_reads_text_and_from_dict_a_mapping() -> None:
    decision = decide("BasicOrPaper", Availability(digital_mailbox=True, paper=True))
    text = json.dumps(BASIC_OR_PAPER_D_P)
    assert Decision.from_json(text) == Decision.from_json(text.encode()) == decision
    with pytest.raises(DistributionError, match="decision must be an object, not list") as caught:
        Decision.from_json("[]")
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("read", "message"),
    [
        (
            lambda: Decision.from_dict([]),  # type: ignore[arg-type]
            "decision must be a mapping of decoded JSON (dict), not list []",
        ),
        (
            lambda: Decision.from_dict(None),  # type: ignore[arg-type]
            "decision must be a mapping of decoded JSON (dict), not None",
        ),
        (
            lambda: Decision.from_dict(json.dumps(BASIC_OR_PAPER_D_P)),  # type: ignore[arg-type]
            "decision must be a mapping of decoded JSON (dict), not text",
        ),
        (
            lambda: Decision.from_json(BASIC_OR_PAPER_D_P),  # type: ignore[arg-type]
            "decision must be JSON text (str or bytes), not object <dict of length 6>",
        ),
    ],
)
def test_the_wrong_python_type_is_the_callers(read: Any, message: str) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        read()
    assert str(caught.value) == message
