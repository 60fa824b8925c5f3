"""The data files shipped in the package: present, current, and refused by name otherwise."""

from __future__ import annotations

import csv
import io
import json

import pytest

from distribution import (
    Availability,
    DistributionRule,
    InvalidTypeError,
    UnknownCodeError,
    decide,
    read_data,
)
from distribution.resources import DATA_NAMES


def test_every_named_file_is_shipped_and_readable() -> None:
    assert set(DATA_NAMES) == {
        "decision.schema.json",
        "decision-matrix.json",
        "decision-matrix.csv",
    }
    for name in DATA_NAMES:
        assert read_data(name).endswith("\n")


def test_the_shipped_matrix_is_every_rule_decision() -> None:
    payloads = json.loads(read_data("decision-matrix.json"))
    expected = [decide(rule, a).to_dict() for rule in DistributionRule for a in Availability.all()]
    assert payloads == expected
    rows = list(csv.DictReader(io.StringIO(read_data("decision-matrix.csv"))))
    assert len(rows) == 144
    assert rows[3 * 16 + 8] == {  # BasicOrPaper, paper only: written out by hand
        "rule_code": "3",
        "rule_name": "BasicOrPaper",
        "helsenorge": "false",
        "digital_mailbox": "false",
        "krr_contact": "false",
        "paper": "true",
        "channel_code": "4",
        "channel_name": "PhysicalMailbox",
        "fallbacks": "",
        "outcome": "NOTIFIED",
    }


def test_the_schema_names_itself() -> None:
    schema = json.loads(read_data("decision.schema.json"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["rule", "route", "availability", "chain", "channel", "outcome"]


def test_an_unknown_name_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownCodeError, match=r"'matrix\.json'.*decision-matrix\.json"):
        read_data("matrix.json")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="name"):
        read_data(None)  # type: ignore[arg-type]
