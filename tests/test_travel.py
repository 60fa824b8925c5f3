"""Values travel: pickle, deepcopy and the JSON wire format give back equal values, for
multiprocessing and job queues."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from distribution import (
    Anomaly,
    AnomalyKind,
    Availability,
    Decision,
    DistributionError,
    DistributionRule,
    FormOrderRequest,
    FormOrderResponse,
    HelsenorgeConsent,
    InvalidTypeError,
    KrrRecord,
    KrrResponse,
    PatientFacts,
    assess,
    decide,
    decide_priority_list,
    expected_callbacks,
    preflight,
    read_callback,
    reconcile,
    simulate,
)
from distribution.eprom.callbacks import NIL_GUID
from tests.strategies import availabilities, priority_lists, rules

RECORDS = KrrResponse.from_json(
    (Path(__file__).parent / "data" / "krr_response.json").read_text(encoding="utf-8")
).records_or_raise()


def _travels(value: object) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(value, protocol)) == value  # noqa: S301  # our own bytes
    assert copy.deepcopy(value) == value
    assert copy.copy(value) == value


@given(rules, availabilities)
def test_decisions_and_availabilities_travel(rule: DistributionRule, a: Availability) -> None:
    """pickle, deepcopy and JSON round trips give equal values, with their derived fields."""
    d = decide(rule, a)
    _travels(a)
    _travels(d)
    again = pickle.loads(pickle.dumps(d))  # noqa: S301
    assert (again.chain, again.channel, again.fallbacks, again.outcome) == (
        d.chain,
        d.channel,
        d.fallbacks,
        d.outcome,
    )
    assert pickle.loads(pickle.dumps(a)).index == a.index  # noqa: S301
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d


@given(priority_lists, availabilities)
def test_message_decisions_travel(channels: tuple[Any, ...], a: Availability) -> None:
    """Priority-list decisions travel the same way."""
    d = decide_priority_list(channels, a)
    _travels(d)
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.status.value)
def test_records_facts_and_eligibility_travel(record: KrrRecord) -> None:
    facts = PatientFacts(
        reference_time=datetime(2026, 11, 25, tzinfo=UTC),
        age=40,
        level4_eid=True,
        helsenorge_consent=HelsenorgeConsent.FULL,
        krr=record,
        postal_address=True,
    )
    for value in (record, facts, assess(facts)):
        _travels(value)
    assert json.loads(json.dumps(assess(facts).to_dict())) == assess(facts).to_dict()


def test_simulations_and_problems_travel() -> None:
    _travels(simulate([Availability(paper=True), Availability()]))
    _travels(preflight("BasicOrPaper", paper_enabled=False, national_id="15508695088"))


@pytest.mark.parametrize(
    "make",
    [
        lambda: DistributionRule.parse("Nope"),
        lambda: Availability(paper=1),  # type: ignore[arg-type]
        lambda: KrrRecord.from_dict({"status": "GONE"}),
    ],
)
def test_errors_travel_with_their_fields(make: object) -> None:
    with pytest.raises(DistributionError) as caught:
        make()  # type: ignore[operator]
    error = caught.value
    again = pickle.loads(pickle.dumps(error))  # noqa: S301
    assert type(again) is type(error)
    assert (again.key, again.value, again.field, str(again)) == (
        error.key,
        error.value,
        error.field,
        str(error),
    )
    assert again.message("nb") == error.message("nb")
    assert isinstance(copy.deepcopy(error), type(error))


def test_within_keeps_the_class_and_prefixes_the_field() -> None:
    error = InvalidTypeError("not_bool", value=1, field="paper", type="int")
    moved = error.within("availability")
    assert type(moved) is InvalidTypeError
    assert moved.field == "availability.paper"
    assert "availability.paper" in str(moved)


EXAMPLES = Path(__file__).parent / "data" / "eprom"


def test_callbacks_requests_and_verdicts_travel() -> None:
    returned = read_callback((EXAMPLES / "return.json").read_text(encoding="utf-8"))
    status = read_callback((EXAMPLES / "status-ordered.json").read_text(encoding="utf-8"))
    message = read_callback((EXAMPLES / "message-sent.json").read_text(encoding="utf-8"))
    decision = decide("Basic", Availability(helsenorge=True))
    order = FormOrderRequest(
        form_id="1bc5f9f0-2607-49eb-94f0-6af955bbd79a",
        national_id="15108695088",
        expiry_date=datetime(2026, 12, 24, tzinfo=UTC),
        metadata={"age": 76},
    )
    for value in (
        returned,
        status,
        message,
        order,
        reconcile(decision, status),
        expected_callbacks(decision),
        Anomaly(id=status.form_order_id, kind=AnomalyKind.NO_CALLBACK),  # type: ignore[union-attr]
        FormOrderResponse.from_dict({"id": NIL_GUID, "notificationChannel": 0}),
    ):
        _travels(value)
    keyed = read_callback(
        {**json.loads((EXAMPLES / "status-ordered.json").read_text()), "apiKey": "k"}
    )
    assert pickle.loads(pickle.dumps(keyed)).api_key_matches("k")  # noqa: S301  # our own bytes
