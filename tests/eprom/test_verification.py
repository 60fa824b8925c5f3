"""Verifying a whole integration run: anomalies, counts, streaming, and bad lines named."""

from __future__ import annotations

import io
import json
import pickle
from typing import TYPE_CHECKING, Any

import pytest

from distribution import (
    Anomaly,
    AnomalyKind,
    Availability,
    Decision,
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    Verdict,
    decide,
    decide_priority_list,
    expected_callbacks,
    verify,
)
from distribution.eprom import ledger as verification
from distribution.eprom.callbacks import MAX_JSON_SIZE, read_callback
from distribution.presentation.tables import verification_json, verification_text

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"


def order_line(guid: str, decision: Decision) -> str:
    key = "formOrderId" if decision.rule is not None else "messageToCitizenId"
    return json.dumps({key: guid, "decision": decision.to_dict()})


def status_line(guid: str, status: str, channel: str, code: str = "None") -> str:
    return json.dumps(
        {
            "apiKey": "k",
            "formOrderId": guid,
            "notificationChannel": channel,
            "formOrderStatus": status,
            "formOrderStatusErrorCode": code,
        }
    )


GUIDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(10)]
BOTH = Availability.of("helsenorge", "digital_mailbox")


def test_verify_reports_what_needs_attention() -> None:
    orders = [
        order_line(GUIDS[0], decide("Basic", BOTH)),  # as predicted
        "",  # blank lines are skipped, and counted
        order_line(GUIDS[1], decide("Basic", BOTH)),  # fallback, then a duplicate
        order_line(GUIDS[2], decide("PaperOnly", BOTH)),  # reached outside the route
        order_line(GUIDS[3], decide("Basic", BOTH)),  # never called back
        order_line(GUIDS[4], decide_priority_list(["helsenorge"], BOTH)),  # a message, sent
        order_line(GUIDS[5], decide("Basic", Availability())),  # unreachable, as predicted
    ]
    callbacks = [
        status_line(GUIDS[0], "Ordered", "Helsenorge"),
        status_line(GUIDS[1], "Ordered", "DigitalMailbox"),
        status_line(GUIDS[2], "Ordered", "Helsenorge"),
        status_line(GUIDS[1], "Ordered", "DigitalMailbox"),
        "   ",
        status_line(GUIDS[9], "Ordered", "Helsenorge"),
        json.dumps({"messageToCitizenId": GUIDS[4], "notificationChannel": 1, "sentStatus": 0}),
        json.dumps({"messageToCitizenId": GUIDS[0], "notificationChannel": 1, "sentStatus": 0}),
        status_line(GUIDS[5], "Error", "None", "PatientUnreachable"),
        json.dumps({"formOrderId": GUIDS[0], "formOrderStatus": "Completed"}),  # no channel
    ]
    run = verify(orders, callbacks)
    assert iter(run) is run
    before = run.done
    anomalies = list(run)
    assert (before, run.done) == (False, True)
    assert [(a.kind, a.id, a.line, a.case) for a in anomalies] == [
        (Verdict.NOT_PERMITTED, GUIDS[2], 3, "outside_route"),
        (AnomalyKind.DUPLICATE, GUIDS[1], 4, None),
        (AnomalyKind.UNKNOWN_ORDER, GUIDS[9], 6, None),
        (AnomalyKind.UNKNOWN_ORDER, GUIDS[0], 8, None),  # a message callback for a form order
        (AnomalyKind.NO_CALLBACK, GUIDS[3], None, None),
    ]
    assert anomalies[0].to_dict() == {
        "id": GUIDS[2],
        "kind": "NOT_PERMITTED",
        "case": "outside_route",
        "line": 3,
        "status": "Ordered",
        "channel": "Helsenorge",
        "expected_status": "Error",
        "expected_channel": "None",
        "ref": None,
        "earlier": [],
        "problem": None,
    }
    assert anomalies[2].expected_status is None
    assert anomalies[4].to_dict()["expected_status"] == "Ordered"
    assert {kind.value: n for kind, n in run.counts.items() if n} == {
        "AS_PREDICTED": 2,
        "FALLBACK": 1,
        "UNREACHABLE_AS_PREDICTED": 1,
        "NOT_PERMITTED": 1,
        "DUPLICATE": 1,
        "UNKNOWN_ORDER": 2,
        "NO_CALLBACK": 1,
    }
    assert run.orders == 6
    assert run.needs_attention
    assert list(run) == []  # an iterator, used up


def test_needs_attention_is_right_before_and_during_the_iteration() -> None:
    orders = [order_line(guid, decide("Basic", BOTH)) for guid in GUIDS[:3]]
    callbacks = [
        status_line(GUIDS[0], "Ordered", "Helsenorge"),
        status_line(GUIDS[0], "Ordered", "Helsenorge"),
        status_line(GUIDS[1], "Error", "Helsenorge"),
    ]
    found = [(a.kind, a.line) for a in verify(orders, callbacks)]
    assert found == [
        (AnomalyKind.DUPLICATE, 2),
        (Verdict.INCONSISTENT, 3),
        (AnomalyKind.NO_CALLBACK, None),
    ]
    before = verify(orders, callbacks)
    assert before.needs_attention  # nothing iterated yet: the rest is read at once
    assert before.done
    assert [(a.kind, a.line) for a in before] == found  # and still yielded, in order
    during = verify(orders, callbacks)
    first = next(during)
    assert (during.done, during.needs_attention, during.done) == (False, True, True)
    assert [(a.kind, a.line) for a in [first, *during]] == found
    assert not verify(orders[:1], callbacks[:1]).needs_attention


def test_verify_with_nothing_amiss_needs_no_attention() -> None:
    run = verify(
        [{"formOrderId": GUIDS[0], "decision": decide("Basic", BOTH).to_dict()}],
        [status_line(GUIDS[0], "Ordered", "Helsenorge")],
    )
    assert list(run) == []
    assert not run.needs_attention


def _generated_orders(count: int) -> Iterator[str]:
    decisions = [decide(rule, a) for rule in DistributionRule for a in Availability.all()]
    for n in range(count):
        yield order_line(f"00000000-0000-4000-8000-{n:012d}", decisions[n % len(decisions)])


def _generated_callbacks(count: int) -> Iterator[str]:
    decisions = [decide(rule, a) for rule in DistributionRule for a in Availability.all()]
    for n in range(count):
        decision = decisions[n % len(decisions)]
        expected = expected_callbacks(decision)
        yield status_line(
            f"00000000-0000-4000-8000-{n:012d}",
            expected.status.api_name,
            expected.channel.api_name,
            expected.error_code.api_name,  # type: ignore[union-attr]  # a form order's
        )


def test_verify_streams_and_keeps_little_per_order() -> None:
    """A generated run of 3,000 orders: every callback as expected, nothing needs attention; the
    callbacks are read only as the run is iterated; per order the run keeps two ints."""
    count = 3000
    consumed = []

    def callbacks() -> Iterator[str]:
        for line in _generated_callbacks(count):
            consumed.append(1)
            yield line

    run = verify(_generated_orders(count), callbacks())
    assert consumed == []  # nothing read before the iteration
    assert list(run) == []
    assert len(consumed) == count
    assert sum(run.counts.values()) == count
    assert not run.needs_attention
    state = run.ledger._state
    assert len(state) == count
    assert all(type(k) is int and type(v) is int for k, v in state.items())
    assert len(run.ledger._decisions) == 9 * 16  # each distinct decision is kept once


@pytest.mark.parametrize(
    ("orders", "message"),
    [
        (["{"], "orders line 1: order is not valid JSON"),
        (["", "[]"], "orders line 2: order must be a JSON object, not list"),
        ([{"formOrderId": GUIDS[0]}], "orders line 1: order.decision is missing"),
        (
            [{"formOrderId": GUIDS[0], "decision": {}, "x": 1}],
            "orders line 1: order has unexpected keys",
        ),
        ([{"formOrderId": "x", "decision": {}}], "orders line 1: formOrderId is 'x', not a GUID"),
        (
            [{"formOrderId": GUIDS[0], "decision": {"rule": None}}],
            "orders line 1: decision.route is missing",
        ),
        (
            [
                {
                    "formOrderId": GUIDS[0],
                    "decision": decide_priority_list(["paper"], BOTH).to_dict(),
                }
            ],
            "orders line 1: formOrderId does not fit the decision",
        ),
        (
            [order_line(ID.upper(), decide("Basic", BOTH)), order_line(ID, decide("Basic", BOTH))],
            f"orders line 2: id '{ID}' is already on an earlier line",
        ),
    ],
)
def test_verify_refuses_bad_orders_naming_the_line(orders: list[Any], message: str) -> None:
    with pytest.raises(DistributionError) as caught:
        verify(orders, [])
    assert message in str(caught.value)
    assert caught.value.message("nb").startswith("orders linje")


def test_verify_records_an_unreadable_callback_with_its_line_and_goes_on() -> None:
    key = "s3cret-key-of-the-system"
    run = verify(
        [order_line(GUIDS[0], decide("Basic", BOTH))],
        [
            "",
            '{"formOrderId": 5}',
            "{" * 3,
            "x" * (MAX_JSON_SIZE + 1),
            json.dumps({"apiKey": key, "formOrderId": GUIDS[0], "formOrderStatus": key}),
            status_line(GUIDS[0], "Ordered", "Helsenorge"),
        ],
        callbacks_name="cb.jsonl",
    )
    anomalies = list(run)
    assert [(a.kind, a.line, a.id) for a in anomalies] == [
        (AnomalyKind.UNREADABLE, 2, None),
        (AnomalyKind.UNREADABLE, 3, None),
        (AnomalyKind.UNREADABLE, 4, None),
        (AnomalyKind.UNREADABLE, 5, None),
    ]
    assert run.counts[Verdict.AS_PREDICTED] == 1  # the run went on after them
    assert run.counts[AnomalyKind.UNREADABLE] == 4
    assert run.needs_attention
    first = anomalies[0]
    assert first.problem is not None
    assert str(first.problem).startswith("cb.jsonl line 2: ")
    assert first.describe() == f"UNREADABLE, {first.problem}"
    assert first.describe(lang="nb").startswith("UNREADABLE, cb.jsonl linje 2: ")
    assert first.to_dict()["problem"] == str(first.problem)
    for anomaly in anomalies:
        assert key not in json.dumps(anomaly.to_dict())
        assert key not in anomaly.describe(lang="nb")
    again = pickle.loads(pickle.dumps(first))  # noqa: S301  # our own value
    assert again == first


def test_a_line_that_is_no_text_is_the_callers_mistake() -> None:
    run = verify([order_line(GUIDS[0], decide("Basic", BOTH))], [5])
    with pytest.raises(InvalidTypeError):
        list(run)


def test_verify_reads_each_distinct_decision_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines of the usual shape with a decision text read before skip the parsing; any other
    line (a mapping, other spacing, an id that is no GUID) is read in full."""
    calls: list[object] = []
    real = Decision.from_dict

    def counting(payload: Mapping[str, object]) -> Decision:
        calls.append(payload)
        return real(payload)

    monkeypatch.setattr(Decision, "from_dict", counting)
    decision = decide("Basic", BOTH)
    lines = [order_line(g, decision) for g in GUIDS[:3]]
    spaced = json.dumps({"formOrderId": GUIDS[3], "decision": decision.to_dict()}, indent=1)
    run = verify([*lines, {"formOrderId": GUIDS[4], "decision": decision.to_dict()}, spaced], [])
    assert len(calls) == 3  # the first line, the mapping, the other spacing
    assert len(run.ledger._decisions) == 1
    assert [a.kind for a in run] == [AnomalyKind.NO_CALLBACK] * 5
    not_a_guid = order_line("-" * 36, decision)
    with pytest.raises(InvalidValueError, match="orders line 2: formOrderId is"):
        verify([lines[0], not_a_guid], [])


def test_verify_is_right_with_the_cache_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verification, "_CACHED_DECISIONS", 0)
    decision = decide("Basic", BOTH)
    run = verify([order_line(g, decision) for g in GUIDS[:3]], [])
    assert len(list(run)) == 3


def test_an_anomaly_checks_its_fields() -> None:
    with pytest.raises(InvalidTypeError):
        Anomaly(id=ID, kind="DUPLICATE")  # type: ignore[arg-type]
    assert Anomaly(id=ID, kind=AnomalyKind.DUPLICATE).to_dict()["status"] is None


def test_an_anomaly_describes_itself_in_one_line() -> None:
    """Each anomaly is one line of verify's report, in either language; what it lacks is "—"."""
    orders = [
        order_line(GUIDS[0], decide("PaperOnly", BOTH)),
        order_line(GUIDS[1], decide("Basic", BOTH)),
        order_line(GUIDS[2], decide("Basic", BOTH)),
    ]
    callbacks = [
        status_line(GUIDS[0], "Ordered", "Helsenorge"),
        status_line(GUIDS[1], "Ordered", "Helsenorge"),
        status_line(GUIDS[1], "Ordered", "Helsenorge"),
        status_line(GUIDS[9], "Ordered", "Helsenorge"),
    ]
    outside, duplicate, unknown, missing = verify(orders, callbacks)
    assert outside.describe() == (
        f"NOT_PERMITTED {GUIDS[0]}, line 1: ePROM reported Ordered, channel Helsenorge; the"
        " decision expected Error, channel None (outside_route)"
    )
    assert outside.describe(lang="nb") == (
        f"NOT_PERMITTED {GUIDS[0]}, linje 1: ePROM meldte Ordered, kanal Helsenorge;"
        " beslutningen ventet Error, kanal None (outside_route)"
    )
    assert duplicate.describe() == f"DUPLICATE {GUIDS[1]}, line 3: Ordered arrived more than once"
    assert unknown.describe(lang="nb") == (
        f"UNKNOWN_ORDER {GUIDS[9]}, linje 4: Ordered, kanal Helsenorge, men ingen bestilling"
        " eller melding av det slaget har denne id-en"
    )
    assert missing.describe() == (
        f"NO_CALLBACK {GUIDS[2]}: no status callback arrived; expected Ordered, channel Helsenorge"
    )
    with pytest.raises(InvalidValueError, match="not a supported language"):
        missing.describe(lang="de")  # type: ignore[arg-type]


def returned_line(guid: str, status: str = "Completed", channel: str | None = None) -> str:
    body: dict[str, object] = {"apiKey": "k", "formOrderId": guid, "formOrderStatus": status}
    if channel is not None:
        body["notificationChannel"] = channel
    return json.dumps(body)


def test_a_returned_form_without_a_channel_is_counted_not_lost() -> None:
    run = verify(
        [order_line(GUIDS[0], decide("Basic", BOTH)), order_line(GUIDS[1], decide("Basic", BOTH))],
        [
            status_line(GUIDS[0], "Ordered", "Helsenorge"),
            returned_line(GUIDS[0]),  # as the guide's own example: no notificationChannel
            status_line(GUIDS[1], "Ordered", "Helsenorge"),
            returned_line(GUIDS[1], "Expired", "Helsenorge"),  # names it: judged
        ],
    )
    assert run.unjudged == 0
    assert list(run) == []
    assert run.unjudged == 1
    assert run.counts[Verdict.AS_PREDICTED] == 3
    assert sum(run.counts.values()) == 3  # the fourth callback is the unjudged one
    assert not run.needs_attention  # normal: the guide's example has no channel either
    text = verification_text(run, "en")
    assert "Returned forms without a channel, not judged (need no attention): 1\n" in text
    assert text.endswith("Nothing needs attention.\n")
    assert "Returnerte skjemaer uten kanal, ikke vurdert (trenger ikke oppfølging): 1\n" in (
        verification_text(run, "nb")
    )


def test_an_unjudged_returned_form_is_still_checked_for_duplicates_and_unknown_ids() -> None:
    run = verify(
        [order_line(GUIDS[0], decide("Basic", BOTH))],
        [
            status_line(GUIDS[0], "Ordered", "Helsenorge"),
            returned_line(GUIDS[0]),
            returned_line(GUIDS[0]),
            returned_line(GUIDS[2]),
        ],
    )
    assert [(a.kind, a.line) for a in run] == [
        (AnomalyKind.DUPLICATE, 3),
        (AnomalyKind.UNKNOWN_ORDER, 4),
    ]
    assert run.unjudged == 1


def test_the_report_leaves_out_the_unjudged_line_when_there_are_none() -> None:
    run = verify(
        [order_line(GUIDS[0], decide("Basic", BOTH))],
        [status_line(GUIDS[0], "Ordered", "Helsenorge")],
    )
    list(run)
    assert "not judged" not in verification_text(run, "en")
    out = io.StringIO()
    verification_json(run, [], out)
    assert json.loads(out.getvalue())["unjudged"] == 0


def test_verify_takes_decisions_and_callbacks_already_read() -> None:
    basic, message = decide("Basic", BOTH), decide_priority_list(["helsenorge"], BOTH)
    run = verify(
        [
            (GUIDS[0], basic),  # an (id, Decision) pair
            {"formOrderId": GUIDS[1], "decision": basic, "ref": "visit-2"},  # a Decision inside
            {"messageToCitizenId": GUIDS[2], "decision": message},
        ],
        [
            read_callback(status_line(GUIDS[0], "Ordered", "Helsenorge")),
            read_callback(status_line(GUIDS[1], "Ordered", "Unsecure")),
            json.loads(status_line(GUIDS[1], "Ordered", "Unsecure")),  # a mapping, as before
            read_callback(
                {"messageToCitizenId": GUIDS[2], "notificationChannel": 1, "sentStatus": 0}
            ),
        ],
    )
    assert [(a.kind, a.line, a.ref) for a in run] == [
        (Verdict.NOT_PERMITTED, 2, "visit-2"),
        (AnomalyKind.DUPLICATE, 3, "visit-2"),
    ]
    assert run.counts[Verdict.AS_PREDICTED] == 2
    assert GUIDS[0] in run.ledger


def test_a_pair_of_the_wrong_kind_or_an_order_of_another_type_is_the_callers_mistake() -> None:
    basic = decide("Basic", BOTH)
    for bad in [5, (GUIDS[0], basic.to_dict()), (GUIDS[0],), (GUIDS[0], basic, "ref"), [GUIDS[0]]]:
        with pytest.raises(InvalidTypeError) as caught:
            verify([bad], [])
        assert "orders line 1: order must be JSON text (str or bytes), a mapping (dict)" in str(
            caught.value
        )
        assert "or an (id, Decision) pair" in str(caught.value)
        assert "eller et par (id, Decision)" in caught.value.message("nb")
    # A pair's id is read as an order line's, and a repeated one is refused as on a line.
    with pytest.raises(InvalidValueError, match="orders line 1: id is 'x', not a GUID"):
        verify([("x", basic)], [])
    with pytest.raises(InvalidValueError, match=f"orders line 2: id '{ID}' is already on an"):
        verify([(ID.upper(), basic), {"formOrderId": ID, "decision": basic}], [])
    # A Decision of the other kind inside a mapping is refused as its wire format is.
    message = decide_priority_list(["paper"], BOTH)
    with pytest.raises(InvalidValueError, match="formOrderId does not fit the decision"):
        verify([{"formOrderId": GUIDS[0], "decision": message}], [])


def test_a_callback_of_another_type_is_the_callers_mistake_naming_what_is_taken() -> None:
    run = verify([(GUIDS[0], decide("Basic", BOTH))], [decide("Basic", BOTH)])
    with pytest.raises(InvalidTypeError) as caught:
        list(run)
    assert str(caught.value).startswith(
        "callback must be JSON text (str or bytes), a mapping of decoded JSON (dict) or a callback"
        " already read (FormOrderStatusCallback, FormReturnCallback or MessageStatusCallback)"
    )
