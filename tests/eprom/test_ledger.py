"""The ledger a callback handler keeps: register orders, feed callbacks, get receipts, and keep
the state in JSON lines that verify reads (docs/callbacks.md, "A handler's ledger")."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    AnomalyKind,
    Availability,
    CallbackFinding,
    CallbackLedger,
    DistributionError,
    InvalidTypeError,
    InvalidValueError,
    Receipt,
    Verdict,
    VerdictCase,
    decide,
    decide_priority_list,
    order_line,
    read_callback,
    verify,
)
from distribution.codes import FormOrderStatus, NotificationChannel, SentStatus
from distribution.eprom.ledger import CONFLICTS

F = CallbackFinding
S = FormOrderStatus
C = NotificationChannel
IDS = [f"184738d0-3c39-e611-9c2a-34e6d72e03c{i}" for i in range(8)]
BOTH = Availability(helsenorge=True, digital_mailbox=True, paper=True)
BASIC = decide("BasicOrPaper", BOTH)
MESSAGE = decide_priority_list(["helsenorge", "paper"], BOTH)
KEY = "s3cret-key"


def status(guid: str, state: str, channel: str | int = "Helsenorge", **more: object) -> str:
    return json.dumps(
        {
            "apiKey": KEY,
            "formOrderId": guid,
            "notificationChannel": channel,
            "formOrderStatus": state,
            **more,
        }
    )


def returned(guid: str, state: str, channel: str | None = None) -> dict[str, object]:
    body: dict[str, object] = {"formOrderId": guid, "formOrderStatus": state}
    if channel is not None:
        body["notificationChannel"] = channel
    return body


def message(guid: str, sent: str, channel: str = "Helsenorge") -> dict[str, object]:
    return {"messageToCitizenId": guid, "notificationChannel": channel, "sentStatus": sent}


def fresh() -> CallbackLedger:
    ledger = CallbackLedger()
    ledger.register(IDS[0], BASIC, ref="visit-1")
    ledger.register(IDS[1], MESSAGE)
    return ledger


def test_a_first_callback_is_new_judged_and_answered_success() -> None:
    ledger = fresh()
    receipt = ledger.feed(status(IDS[0], "Ordered"), api_key=KEY)
    assert receipt == Receipt(
        id=IDS[0],
        finding=F.NEW,
        callback=read_callback(status(IDS[0], "Ordered")),
        ref="visit-1",
        decision=BASIC,
        verdict=Verdict.AS_PREDICTED,
        case=VerdictCase.AS_PREDICTED,
    )
    assert receipt.reply == {"success": True}
    assert not receipt.needs_attention
    assert json.dumps(receipt.reply) == '{"success": true}'


def test_a_duplicate_is_recorded_answered_success_and_needs_attention() -> None:
    ledger = fresh()
    ledger.feed(status(IDS[0], "Ordered"))
    again = ledger.feed(status(IDS[0].upper(), "Ordered", 1))
    assert (again.finding, again.verdict, again.earlier) == (F.DUPLICATE, None, (S.ORDERED,))
    assert again.reply == {"success": True}
    assert again.needs_attention


@pytest.mark.parametrize(
    ("first", "then", "earlier", "channel"),
    [
        # Ordered on Helsenorge, then the form came back on paper.
        (status(IDS[0], "Ordered"), returned(IDS[0], "Completed", "PhysicalMailbox"),
         (S.ORDERED,), C.HELSENORGE),
        # Completed, then Expired.
        (returned(IDS[0], "Completed"), returned(IDS[0], "Expired"), (S.COMPLETED,), None),
        # A second Ordered, on another channel.
        (status(IDS[0], "Ordered"), status(IDS[0], "Ordered", "DigitalMailbox"),
         (S.ORDERED,), C.HELSENORGE),
        # Ordered, then Error.
        (status(IDS[0], "Ordered"), status(IDS[0], "Error", "None"), (S.ORDERED,), C.HELSENORGE),
        # Error, then the form came back.
        (status(IDS[0], "Error", "None"), returned(IDS[0], "Completed"), (S.ERROR,), C.NONE),
        # A message sent, then failed.
        (message(IDS[1], "Sent"), message(IDS[1], "Error", "None"),
         (SentStatus.SENT,), C.HELSENORGE),
    ],
)  # fmt: skip
def test_a_callback_that_contradicts_an_earlier_one(
    first: Any, then: Any, earlier: tuple[object, ...], channel: C | None
) -> None:
    ledger = fresh()
    assert ledger.feed(first).finding is F.NEW
    receipt = ledger.feed(then)
    assert receipt.finding is F.CONTRADICTS
    assert (receipt.earlier, receipt.earlier_channel) == (earlier, channel)
    assert receipt.reply == {"success": True}
    assert receipt.needs_attention


def test_callbacks_that_agree_are_all_new() -> None:
    ledger = fresh()
    findings = [
        ledger.feed(body).finding
        for body in (
            status(IDS[0], "Ordered", "PhysicalMailbox"),
            status(IDS[0], "PhysicalMailReturned", "PhysicalMailbox"),
            returned(IDS[0], "Completed"),  # names no channel: nothing to contradict
        )
    ]
    assert findings == [F.NEW, F.NEW, F.NEW]


def test_an_unknown_id_or_kind_is_answered_false() -> None:
    ledger = fresh()
    for body in (status(IDS[5], "Ordered"), message(IDS[0], "Sent"), status(IDS[1], "Ordered")):
        receipt = ledger.feed(body)
        assert (receipt.finding, receipt.ref, receipt.decision) == (F.UNKNOWN_ORDER, None, None)
        assert receipt.reply == {"success": False}


def test_a_wrong_key_is_refused_and_not_recorded() -> None:
    ledger = fresh()
    with pytest.raises(InvalidValueError, match="does not match") as caught:
        ledger.feed(status(IDS[0], "Ordered"), api_key="other-key")
    assert "s3cret" not in str(caught.value)
    assert "other" not in caught.value.message("nb")
    assert ledger.feed(status(IDS[0], "Ordered"), api_key=KEY).finding is F.NEW


def test_an_api_key_of_the_wrong_type_or_empty_is_named_as_the_caller_knows_it() -> None:
    ledger = fresh()
    with pytest.raises(TypeError) as wrong:
        ledger.feed(status(IDS[0], "Ordered"), api_key=["s3cret"])  # type: ignore[arg-type]
    assert str(wrong.value) == "api_key must be a string, not list"
    with pytest.raises(ValueError, match=r"^api_key ") as empty:
        ledger.feed(status(IDS[0], "Ordered"), api_key="")
    assert "expected" not in str(empty.value)
    assert ledger.feed(status(IDS[0], "Ordered"), api_key=KEY).finding is F.NEW


def test_a_bad_body_raises_and_changes_nothing() -> None:
    ledger = fresh()
    before = list(ledger.dump())
    with pytest.raises(DistributionError):
        ledger.feed(status(IDS[0], KEY))
    assert list(ledger.dump()) == before


def test_registering_checks_what_it_takes() -> None:
    ledger = fresh()
    assert (len(ledger), IDS[0] in ledger, IDS[0].upper() in ledger, "x" in ledger) == (
        2,
        True,
        True,
        False,
    )
    assert 5 not in ledger
    with pytest.raises(InvalidValueError, match="is already registered"):
        ledger.register(IDS[0].upper(), BASIC)
    with pytest.raises(InvalidValueError, match="order_id is 'nope', not a GUID"):
        ledger.register("nope", BASIC)
    with pytest.raises(InvalidTypeError):
        ledger.register(IDS[2], BASIC.to_dict())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        ledger.register(IDS[2], BASIC, ref=17)  # type: ignore[arg-type]


def test_missing_lists_the_orders_without_a_status_callback() -> None:
    ledger = fresh()
    ledger.feed(returned(IDS[0], "Completed", "Helsenorge"))  # a returned form is no status
    ledger.feed(message(IDS[1], "Sent"))
    assert [(guid, ref) for guid, _, ref in ledger.missing()] == [(IDS[0], "visit-1")]


# --- the state in JSON lines ----------------------------------------------------------------------


def test_the_state_is_json_lines_that_load_back_and_verify_reads() -> None:
    ledger = fresh()
    ledger.register(IDS[2], BASIC)
    ledger.feed(status(IDS[0], "Ordered"))
    ledger.feed(returned(IDS[0], "Completed", "Helsenorge"))
    lines = list(ledger.dump())
    first = json.loads(lines[0])
    assert list(first) == ["formOrderId", "ref", "seen", "channel", "decision"]
    assert (first["seen"], first["channel"]) == (["Completed", "Ordered"], "Helsenorge")
    assert list(json.loads(lines[2])) == ["formOrderId", "decision"]
    loaded = CallbackLedger.load(lines)
    assert list(loaded.dump()) == lines
    assert loaded.feed(status(IDS[0], "Ordered")).finding is F.DUPLICATE
    assert loaded.feed(returned(IDS[0], "Expired")).finding is F.CONTRADICTS
    run = verify(lines, [status(IDS[0], "Ordered", "DigitalMailbox")])
    assert [(a.kind, a.ref, a.earlier) for a in run] == [
        (AnomalyKind.CONTRADICTS, "visit-1", (S.COMPLETED, S.ORDERED)),
        (AnomalyKind.NO_CALLBACK, None, ()),
        (AnomalyKind.NO_CALLBACK, None, ()),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"formOrderId": IDS[0], "seen": "Ordered"}, "seen must be a list or null"),
        ({"formOrderId": IDS[0], "seen": [3.5]}, "seen[0] must be a string"),
        ({"formOrderId": IDS[0], "seen": ["Sent"]}, "'Sent' is not a known FormOrderStatus"),
        ({"formOrderId": IDS[0], "channel": "Fax"}, "'Fax' is not a known NotificationChannel"),
        ({"formOrderId": IDS[0], "ref": 5}, "ref must be a string or null"),
        ({"formOrderId": IDS[0], "other": 5}, "order has unexpected keys ['other']"),
    ],
)
def test_a_bad_state_line_names_its_line(line: dict[str, object], message: str) -> None:
    with pytest.raises(DistributionError) as caught:
        CallbackLedger.load(["", {**line, "decision": BASIC.to_dict()}], name="state.jsonl")
    assert str(caught.value).startswith("state.jsonl line 2: ")
    assert message in str(caught.value)


def test_order_line_writes_what_verify_reads_with_its_ref() -> None:
    lines = [order_line(guid, BASIC, ref=f'ref {i} "x"') for i, guid in enumerate(IDS[:3])]
    lines.append(order_line(IDS[3], MESSAGE))
    assert lines[0].endswith("}\n")
    run = verify(lines, [])
    assert [(a.id, a.ref) for a in run] == [
        (IDS[0], 'ref 0 "x"'),
        (IDS[1], 'ref 1 "x"'),
        (IDS[2], 'ref 2 "x"'),
        (IDS[3], None),
    ]
    assert len(run.ledger._decisions) == 2  # the fast path read each decision once
    with pytest.raises(InvalidTypeError):
        order_line(IDS[0], BASIC.to_dict())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        order_line(IDS[0], BASIC, ref=1)  # type: ignore[arg-type]


def test_a_ref_that_looks_personal_is_masked_in_the_report() -> None:
    run = verify([order_line(IDS[0], BASIC, ref="patient 15108695088")], [])
    (anomaly,) = list(run)
    assert anomaly.ref == "patient 15108695088"
    assert anomaly.to_dict()["ref"] == "patient <hidden>"
    assert anomaly.describe().endswith(" (ref patient <hidden>)")
    assert "15108695088" not in anomaly.describe(lang="nb")


# --- the ledger against a naive model -------------------------------------------------------------

_bodies = st.tuples(
    st.sampled_from(IDS[:3]),
    st.sampled_from(["Ordered", "Error", "Completed", "Expired", "DigipostDelivered"]),
    st.sampled_from([None, "None", "Helsenorge", "DigitalMailbox", "PhysicalMailbox"]),
)


def _body(guid: str, state: str, channel: str | None) -> dict[str, object]:
    if state in {"Completed", "Expired"}:
        return returned(guid, state, channel)
    body: dict[str, object] = json.loads(status(guid, state, channel or "None"))
    return body


def _naive(calls: list[tuple[str, str, str | None]]) -> list[CallbackFinding]:
    seen: dict[str, list[tuple[S | SentStatus, C | None]]] = {IDS[0]: [], IDS[1]: []}
    findings = []
    for guid, state, name in calls:
        callback = read_callback(_body(guid, state, name))
        if guid not in seen:
            findings.append(F.UNKNOWN_ORDER)
            continue
        earlier = seen[guid]
        statuses = {s for s, _ in earlier}
        named = [c for s, c in earlier if c is not None]
        clash = callback.channel is not None and bool(named) and callback.channel is not named[0]
        if callback.status in statuses:
            finding = F.CONTRADICTS if clash else F.DUPLICATE
        elif clash or statuses & CONFLICTS[callback.status]:
            finding = F.CONTRADICTS
        else:
            finding = F.NEW
        earlier.append((callback.status, callback.channel if finding is F.NEW else None))
        findings.append(finding)
    return findings


@given(st.lists(_bodies, max_size=12), st.integers(0, 12))
def test_the_ledger_finds_what_a_naive_model_finds_even_when_saved_midway(
    calls: list[tuple[str, str, str | None]], cut: int
) -> None:
    """Law: each finding is the naive model's, and saving and loading the ledger between any
    two callbacks changes none of them."""
    ledger = CallbackLedger()
    ledger.register(IDS[0], BASIC)
    ledger.register(IDS[1], decide("NoDistribution", BOTH))
    findings = []
    for index, call in enumerate(calls):
        if index == cut:
            ledger = CallbackLedger.load(ledger.dump())
        findings.append(ledger.feed(_body(*call)).finding)
    assert findings == _naive(calls)


def test_the_systems_own_key_is_hidden_when_a_body_puts_it_in_another_field() -> None:
    """The body's apiKey is another; the system's key, given as api_key=, is no more shown."""
    body = {
        "formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
        "formOrderStatus": "s3cret-key",
        "notificationChannel": 1,
        "apiKey": "other",
    }
    with pytest.raises(DistributionError) as caught:
        CallbackLedger().feed(body, api_key="s3cret-key")
    assert str(caught.value).startswith("<hidden> is not a known formOrderStatus")
    assert "s3cret" not in caught.value.message("nb")
    with pytest.raises(DistributionError, match="'s3cret-key' is not a known formOrderStatus"):
        CallbackLedger().feed(body)  # no key of the system's: nothing to hide
