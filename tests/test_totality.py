"""Totality under hostile input: every public entry point either returns a well-formed result
or raises DistributionError; the command line either succeeds or exits 2 with one line.

Calling with the wrong *signature* (an unknown keyword, too many arguments) raises Python's own
TypeError, as for any function; these tests are about wrong *values*.
"""

from __future__ import annotations

import copy
import io
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from distribution import (
    Availability,
    CsvCohort,
    Decision,
    DistributionError,
    Eligibility,
    FormOrderRequest,
    InvalidTypeError,
    KrrRecord,
    KrrResponse,
    KrrStatus,
    MessageToCitizenRequest,
    NotificationChannel,
    PatientFacts,
    Problem,
    Simulation,
    assess,
    channels_many,
    decide,
    decide_each,
    decide_many,
    decide_priority_list,
    describe,
    expected_callbacks,
    explain,
    explain_audit,
    explain_reconciliation,
    explain_timeline,
    fallback_chain,
    national_id_problem,
    preflight,
    reconcile,
    route,
    rules_reaching,
    simulate,
    verify,
)
from distribution.cli import main
from distribution.codes import DistributionRule as R
from tests.strategies import availabilities, hostile, rule_spellings

if TYPE_CHECKING:
    from collections.abc import Callable

LOOKALIKES = ["Basіc", "３", "ＢＡＳＩＣ", "BAſIC", "\u200bBasic", "Basic\x00", "K", "1\u0661"]
json_garbage = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
anything = st.one_of(hostile, json_garbage, st.sampled_from(LOOKALIKES))
maybe_availability = st.one_of(availabilities, anything)


def _read(cls: Any, payload: Any) -> Any:
    """Read *payload* with cls.from_dict and, where it is JSON, its text with cls.from_json.

    Both give the same answer. What is wrong in a mapping or a text is bad data, a ValueError;
    only a payload that is not a mapping at all is the caller's TypeError (from_dict's).
    """
    result = _total(cls.from_dict, payload)
    if not isinstance(payload, dict):
        with pytest.raises(InvalidTypeError):
            cls.from_dict(payload)
    elif result is None:
        with pytest.raises(DistributionError) as caught:
            cls.from_dict(payload)
        assert isinstance(caught.value, ValueError)
        assert not isinstance(caught.value, TypeError)
    try:
        # NaN and the infinities are no JSON: Python would write them, the readers refuse them.
        text = json.dumps(payload, allow_nan=False)
        faithful = json.loads(text) == payload  # no tuple or key that JSON would change
    except (TypeError, ValueError):  # a value JSON cannot hold (mutated() puts some in)
        return result
    again = _total(cls.from_json, text)
    if again is None:
        with pytest.raises(DistributionError) as caught:
            cls.from_json(text)
        assert isinstance(caught.value, ValueError)
        assert not isinstance(caught.value, TypeError)
    if faithful:
        assert repr(again) == repr(result)
    return result


def _total(call: Any, *args: Any, **kwargs: Any) -> Any:
    """Call; return the result, or None when a DistributionError was raised."""
    try:
        return call(*args, **kwargs)
    except DistributionError as error:
        assert isinstance(error, TypeError | ValueError)
        assert str(error)
        assert error.message("nb")
        return None


@st.composite
def mutated(draw: st.DrawFn, payload: Any) -> Any:
    """The payload with one node (anywhere in it) replaced by garbage, or a key removed/added."""
    payload = copy.deepcopy(payload)
    node, path = payload, []
    while isinstance(node, dict | list) and node and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append((node, key))
        node = node[key]
    if not path:
        return draw(json_garbage)
    parent, key = path[-1]
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[key] = draw(anything | json_garbage)
    elif action == "delete":
        del parent[key]
    elif isinstance(parent, dict):
        parent[draw(st.text(max_size=8))] = draw(json_garbage)
    else:
        parent.append(draw(json_garbage))
    return payload


# --- codes, availability, decisions -------------------------------------------------------------


@given(
    st.dictionaries(
        st.sampled_from(["helsenorge", "digital_mailbox", "krr_contact", "paper"]), anything
    )
)
@example({"paper": float("nan")})
@example({"paper": 1})
@example({"helsenorge": "True"})
def test_availability_values(flags: dict[str, Any]) -> None:
    result = _total(Availability, **flags)
    if result is not None:
        assert all(type(v) is bool for v in result.to_dict().values())


@given(st.lists(anything, max_size=4))
@example(["paper", "Раper"])
@example(["０"])
def test_availability_of(channels: list[Any]) -> None:
    result = _total(Availability.of, *channels)
    assert result is None or isinstance(result, Availability)


@given(st.one_of(rule_spellings, anything), maybe_availability)
@example("Basіc", Availability())
@example("３", Availability())
@example(10**400, Availability())
@example(float("nan"), Availability())
@example(True, Availability())
@example(3, {"paper": True})
def test_decide(rule: Any, availability: Any) -> None:
    result = _total(decide, rule, availability)
    if result is not None:
        assert type(result) is Decision
        assert result.channel in NotificationChannel
    chain = _total(fallback_chain, rule, availability)
    assert chain is None or all(ch in NotificationChannel for ch in chain)
    permitted = _total(route, rule)
    assert permitted is None or set(chain or ()) <= set(permitted)
    reaching = _total(rules_reaching, availability)
    assert reaching is None or all(type(d) is Decision for d in reaching)


@given(st.one_of(rule_spellings, anything), st.lists(maybe_availability, max_size=5))
def test_batches(rule: Any, items: list[Any]) -> None:
    for batch in (decide_many, channels_many):
        result = _total(batch, rule, items)
        assert result is None or len(result) == len(items)
        result = _total(batch, rule, iter(items))
        assert result is None or len(result) == len(items)
    pairs = _total(decide_each, [(rule, item) for item in items])
    assert pairs is None or len(pairs) == len(items)


@given(
    st.one_of(st.none(), st.sampled_from(list(R))),
    st.one_of(anything, st.lists(anything, max_size=4)),
    maybe_availability,
)
@example(None, None, Availability())
@example(R.BASIC, ("fax",), Availability())
@example(R.BASIC, "HD", Availability())
@example(None, ("paper",), Availability(paper=True))
def test_decision_constructor(rule: Any, route: Any, availability: Any) -> None:
    result = _total(Decision, rule, route, availability)
    if result is not None:
        assert result == (
            decide(rule, availability)
            if rule is not None
            else decide_priority_list(route, availability)
        )


@given(st.one_of(anything, st.lists(anything, max_size=5)), maybe_availability)
@example(["paper", "paper"], Availability())
@example([], Availability())
@example("paper", Availability())
@example([0], Availability())
def test_decide_priority_list(channels: Any, availability: Any) -> None:
    result = _total(decide_priority_list, channels, availability)
    assert result is None or (type(result) is Decision and result.rule is None)


VALID_DECISION = decide(
    "AllowUnsecureOrPaper", Availability(krr_contact=True, paper=True)
).to_dict()


@given(st.one_of(json_garbage, mutated(VALID_DECISION)))
@example(
    {
        **VALID_DECISION,
        "chain": [{"code": 3.0, "name": "Unsecure"}, {"code": 4, "name": "PhysicalMailbox"}],
    }
)
@example({**VALID_DECISION, "outcome": "notified"})
@example({**VALID_DECISION, "rule": {"code": 10**400, "name": "Basic"}})
def test_decision_from_dict(payload: Any) -> None:
    """A payload is read back only if it is exactly what to_dict() would write; a mapping that
    is not is bad data (a ValueError), anything else the caller's wrong type."""
    result = _read(Decision, payload)
    if result is not None:
        assert result.to_dict() == payload


# --- KRR, facts, eligibility, pre-flight --------------------------------------------------------

VALID_RECORD = json.loads(
    (Path(__file__).parent / "data" / "krr_response.json").read_text(encoding="utf-8")
)
VALID_FACTS = {
    "reference_time": "2026-11-25T12:00:00+01:00",
    "age": 40,
    "level4_eid": True,
    "helsenorge_consent": "full",
    "postal_address": True,
    "krr": VALID_RECORD["personer"][0],
}


@given(st.one_of(json_garbage, mutated(VALID_RECORD)))
@example("[" * 5000)
@example(
    '{"personer": [{"status": "AKTIV", "kontaktinformasjon":'
    ' {"epostadresse_oppdatert": "2023-02-30T10:00:00+01"}}]}'
)
@example({"personer": [{"status": "AKTIV", "reservasjon": "ja"}]})
def test_krr_response(payload: Any) -> None:
    if isinstance(payload, str):
        response = _total(KrrResponse.from_json, payload)
    else:
        response = _read(KrrResponse, payload)
    if response is not None:
        assert type(response) is KrrResponse
        assert len(response.records) + len(response.errors) == len(response.entries)
        result = _total(response.records_or_raise)
        assert result is None or all(type(r) is KrrRecord for r in result)
        assert (result is not None) == (not response.errors)
        for national_id in response.national_ids:
            if national_id is not None:
                _total(response.get, national_id)


@given(anything, anything)
def test_krr_response_constructor(entries: Any, national_ids: Any) -> None:
    response = _total(KrrResponse, entries, national_ids)
    if response is not None:
        assert repr(response)
        assert _total(response.get, "20914695016") is None


@given(st.one_of(json_garbage, mutated(VALID_RECORD["personer"][0])))
def test_krr_record(payload: Any) -> None:
    result = _read(KrrRecord, payload)
    assert result is None or type(result) is KrrRecord


@given(st.one_of(json_garbage, mutated(VALID_FACTS)))
@example({**VALID_FACTS, "reference_time": "2026-11-25T25:00:00+01:00"})
@example({**VALID_FACTS, "reference_time": None})
@example({**VALID_FACTS, "age": 10**100})
@example({**VALID_FACTS, "birth_date": "1990-02-30"})
def test_facts_and_assessment(payload: Any) -> None:
    facts = _read(PatientFacts, payload)
    if facts is not None:
        eligibility = assess(facts)  # well-typed facts never raise
        assert type(eligibility) is Eligibility
        for lang in ("en", "nb"):
            assert explain("Basic", eligibility, lang=lang)


@given(anything)
def test_assess_takes_only_a_bool_for_research_and_facts_for_on_behalf_of(value: Any) -> None:
    facts = PatientFacts.from_dict(VALID_FACTS)
    result = _total(assess, facts, research=value)
    assert (result is not None) == (type(value) is bool)
    result = _total(assess, facts, on_behalf_of=value)
    assert (result is not None) == (value is None)


@given(anything)
def test_assess_and_explain_and_describe(value: Any) -> None:
    assert _total(assess, value) is None
    for text in (
        _total(explain, value, Availability()),
        _total(explain, "Basic", value),
        _total(explain, "Basic", Availability(), lang=value),
        _total(describe, value),
    ):
        assert text is None or (isinstance(text, str) and text)


@given(
    st.one_of(rule_spellings, anything),
    anything,
    anything,
    anything,
    st.one_of(st.none(), anything, st.text(alphabet="0123456789 ", max_size=13)),
)
@example("Basic", False, False, True, "１５１０８６９５０８８")
@example("Basic", False, False, True, "15108695088\n")
def test_preflight(rule: Any, signed: Any, behalf: Any, paper: Any, national_id: Any) -> None:
    result = _total(
        preflight,
        rule,
        must_be_signed=signed,
        on_behalf_of=behalf,
        paper_enabled=paper,
        national_id=national_id,
    )
    assert result is None or all(type(p) is Problem for p in result)
    if isinstance(national_id, str):
        assert (
            _total(national_id_problem, national_id) is not None
            or national_id.replace(" ", "").isdigit()
        )


# --- cohorts ------------------------------------------------------------------------------------

HEADER = "helsenorge,digital_mailbox,krr_contact,paper"


@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(["1,1,1,1", "ja,nei,yes,no", '"1",0,0,"1"', "1,1,1", "1,1,1,1,1", ""]),
        ),
        max_size=8,
    ),
    st.booleans(),
)
@example(["\ufeff" + HEADER, "1,0,0,1"], False)
@example([HEADER, "1,0,0"], False)
@example([HEADER, '"1,0,0,1'], True)
@example([HEADER, "1,0,0,\x00"], True)
@example([HEADER, "1," + "x" * 200_000 + ",0,1"], True)
@example(["", HEADER], False)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_csv_cohort(body: list[str], skip_bad: bool) -> None:
    lines = [HEADER, *body] if body[:1] != [""] else body
    reader = CsvCohort(io.StringIO("\n".join(lines), newline=""), skip_bad=skip_bad)
    result = _total(simulate, reader)
    if result is not None:
        assert type(result) is Simulation
        assert result.patients == reader.rows
    if result is not None and not skip_bad:
        assert reader.skipped == 0


@given(
    st.lists(maybe_availability, max_size=5), st.one_of(st.none(), st.lists(anything, max_size=3))
)
def test_simulate(cohort: list[Any], rules: Any) -> None:
    result = _total(simulate, cohort, rules)
    assert result is None or (type(result) is Simulation and result.patients == len(cohort))


# --- public constructors, called directly -----------------------------------------------------

KRR_FIELDS = [
    "national_id",
    "status",
    "reserved",
    "can_notify",
    "email",
    "email_updated",
    "email_verified",
    "mobile",
    "mobile_updated",
    "mobile_verified",
    "mailbox_address",
    "mailbox_provider",
    "language",
]


@given(
    st.fixed_dictionaries(
        {"status": st.one_of(st.sampled_from(KrrStatus), anything)},
        optional=dict.fromkeys(KRR_FIELDS[2:], anything),
    )
)
@example({"status": "AKTIV"})
@example({"status": KrrStatus.AKTIV, "email": 5})
@example({"status": KrrStatus.AKTIV, "email_updated": "2026-01-01T00:00:00+01:00"})
def test_krr_record_constructor(fields: dict[str, Any]) -> None:
    record = _total(KrrRecord, **fields)
    if record is not None:
        assert type(record.status) is KrrStatus
        assert repr(record)  # every field is of its type, so repr cannot break


@given(maybe_availability, st.one_of(anything, st.lists(anything, max_size=5).map(tuple)))
@example(Availability(), ())
def test_eligibility_constructor(availability: Any, reasons: Any) -> None:
    eligibility = _total(Eligibility, availability, reasons)
    if eligibility is not None:
        for channel in ("helsenorge", "digital_mailbox", "krr_contact", "paper"):
            assert eligibility.reasons(channel)


@given(
    st.fixed_dictionaries(
        {"reference_time": st.one_of(st.datetimes(timezones=st.just(UTC)), anything)},
        optional={
            **dict.fromkeys(["age", "krr", "level4_eid", "birth_date"], anything),
            "national_id": st.one_of(anything, st.text(alphabet="0123456789 ", max_size=12)),
        },
    )
)
@example({"reference_time": datetime(2026, 1, 1, tzinfo=UTC), "national_id": "26670271527"})
@example(
    {"reference_time": datetime(2026, 1, 1, tzinfo=UTC), "national_id": "２６６７０２７１５２７"}
)
def test_patient_facts_constructor(fields: dict[str, Any]) -> None:
    facts = _total(PatientFacts, **fields)
    if facts is not None:
        assert type(assess(facts)) is Eligibility


@given(anything, anything)
def test_problem_constructor(code: Any, rule: Any) -> None:
    problem = _total(Problem, code, rule)
    if problem is not None:
        assert problem.describe(lang="nb")


# --- requests, verdicts and verification ---------------------------------------------------------

ORDER_FIELDS = {
    "form_id": st.one_of(st.just("1bc5f9f0-2607-49eb-94f0-6af955bbd79a"), anything),
    "national_id": st.one_of(st.just("15108695088"), anything),
    "expiry_date": st.one_of(st.datetimes(timezones=st.just(UTC)), anything),
}


@given(
    st.fixed_dictionaries(
        ORDER_FIELDS,
        optional={
            "distribution_rule": anything,
            "metadata": st.one_of(json_garbage, anything),
            "must_be_signed": anything,
            "physical_address": anything,
            "on_behalf_of_national_id": anything,
            "form_paper_enabled": anything,
        },
    )
)
def test_form_order_request(fields: dict[str, Any]) -> None:
    order = _total(FormOrderRequest, **fields)
    if order is not None:
        assert json.dumps(order.to_dict())


@given(
    st.fixed_dictionaries(
        {
            "national_id": st.one_of(st.just("15108695088"), anything),
            "sender_info": st.one_of(json_garbage, anything),
            "message_info": st.one_of(json_garbage, anything),
            "document_collection": st.one_of(json_garbage, anything),
            "notification_priority_list": st.one_of(st.just(["paper"]), anything),
        }
    )
)
def test_message_request(fields: dict[str, Any]) -> None:
    message = _total(MessageToCitizenRequest, **fields)
    if message is not None:
        assert json.dumps(message.to_dict())


@given(anything, anything, st.sampled_from(["nb", "en"]))
def test_reconcile_and_timeline(decision: Any, callback: Any, lang: Any) -> None:
    result = _total(reconcile, decision, callback)
    assert result is None or explain_reconciliation(result, lang=lang)
    assert _total(explain_timeline, callback, lang=lang) is None
    assert _total(expected_callbacks, decision) is None
    assert _total(explain_reconciliation, callback, lang=lang) is None
    assert _total(explain_audit, decision, lang=lang) is None


@given(st.lists(st.one_of(json_garbage, json_garbage.map(json.dumps), anything), max_size=4))
def test_verify(lines: list[Any]) -> None:
    run = _total(verify, lines, lines)
    if run is not None:
        anomalies = _total(list, run)
        assert anomalies is None or all(
            json.dumps(a.to_dict()) and a.describe(lang="nb") for a in anomalies
        )


# --- the command line ---------------------------------------------------------------------------

WORDS = [
    "decide",
    "explain",
    "rules",
    "matrix",
    "describe",
    "assess",
    "preflight",
    "simulate",
    "check",
    "verify",
    "--callback",
    "--available",
    "--priority-list",
    "--json",
    "--lang",
    "nb",
    "en",
    "--format",
    "markdown",
    "json",
    "csv",
    "text",
    "--rules",
    "--skip-bad",
    "--must-be-signed",
    "--national-id",
    "--research",
    "--on-behalf-of",
    "Basic",
    "3",
    "9",
    "paper",
    "helsenorge,paper",
    "",
    "status",
    "4",
    "-",
    "--help",
]


@given(
    st.lists(
        st.one_of(st.sampled_from(WORDS), st.text(max_size=12), st.sampled_from(LOOKALIKES)),
        max_size=7,
    )
)
@example(["decide", "Basic", "--available", "pa\x00per"])
@example(["assess", "\x00"])
@example(["simulate", "bad\x00path.csv"])
@example(["describe", "status", "３"])
@example(["decide", "--available", "paper", "--lang"])
@settings(max_examples=300)
def test_cli_never_tracebacks(argv: list[str]) -> None:
    if "-" in argv:  # no stdin to read from in a test
        argv = [a for a in argv if a != "-"]
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, environ={}, stdout=out, stderr=err)
    assert code in {0, 1, 2}
    if code == 2:
        assert err.getvalue().count("\n") == 1, err.getvalue()
        assert out.getvalue() == ""


def _main_on_file(
    name: str, content: str | bytes, argv: Callable[[str], list[str]]
) -> tuple[int, io.StringIO, io.StringIO]:
    """Run the CLI on a file holding *content* (text as UTF-8); return the code and streams."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        out, err = io.StringIO(), io.StringIO()
        code = main(argv(str(path)), environ={}, stdout=out, stderr=err)
    return code, out, err


@given(
    st.one_of(
        json_garbage.map(json.dumps),
        mutated(VALID_FACTS).map(lambda p: json.dumps(p, default=repr)),
        st.text(max_size=50),
        st.binary(max_size=50),
    )
)
@example(b"\xef\xbb\xbf" + json.dumps(VALID_FACTS).encode())
@example(b"\xff\xfe{}")
@example("[" * 5000)
def test_cli_assess_with_any_file(content: str | bytes) -> None:
    code, _, err = _main_on_file(
        "facts.json", content, lambda path: ["assess", path, "--lang", "nb"]
    )
    assert code in {0, 2}
    if code == 2:
        assert err.getvalue().count("\n") == 1


@given(
    st.one_of(
        st.binary(max_size=80), st.text(max_size=80).map(lambda t: (HEADER + "\n" + t).encode())
    )
)
@example(b"\xef\xbb\xbf" + HEADER.encode() + b"\n1,1,1,1\n")
@example(HEADER.encode() + b"\n1,1,1")
@example(b"\xff\xfe" + HEADER.encode())
def test_cli_simulate_with_any_file(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cohort.csv"
        path.write_bytes(content)
        for extra in ([], ["--skip-bad"]):
            out, err = io.StringIO(), io.StringIO()
            code = main(["simulate", str(path), *extra], environ={}, stdout=out, stderr=err)
            assert code in {0, 1, 2}
            if code == 1:  # rows were skipped, more than --max-skipped: said, after the table
                assert extra == ["--skip-bad"]
                assert "skipped" in err.getvalue()
                assert out.getvalue()
            if code == 2:
                assert err.getvalue().count("\n") == 1
                assert out.getvalue() == ""


STATUS_BODY = {
    "apiKey": "k",
    "formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
    "notificationChannel": "Helsenorge",
    "formOrderStatus": "Ordered",
}


@given(
    st.one_of(
        json_garbage.map(json.dumps),
        mutated(STATUS_BODY).map(lambda p: json.dumps(p, default=repr)),
        st.text(max_size=50),
        st.binary(max_size=50),
    )
)
@example("[" * 5000)
@example(b"\xef\xbb\xbf" + json.dumps(STATUS_BODY).encode())
def test_cli_check_with_any_callback_file(content: str | bytes) -> None:
    code, out, err = _main_on_file(
        "callback.json",
        content,
        lambda path: ["check", "Basic", "--available", "helsenorge", "--callback", path],
    )
    assert code in {0, 1, 2}
    if code == 2:
        assert err.getvalue().count("\n") == 1
        assert out.getvalue() == ""


@given(
    st.lists(st.one_of(json_garbage.map(json.dumps), st.text(max_size=20)), max_size=4),
    st.lists(
        st.one_of(
            json_garbage.map(json.dumps),
            mutated(STATUS_BODY).map(lambda p: json.dumps(p, default=repr)),
        ),
        max_size=4,
    ),
)
def test_cli_verify_with_any_files(orders: list[str], callbacks: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, lines in (("orders.jsonl", orders), ("callbacks.jsonl", callbacks)):
            path = Path(tmp) / name
            path.write_text("\n".join(line.replace("\n", " ") for line in lines), encoding="utf-8")
            paths.append(str(path))
        out, err = io.StringIO(), io.StringIO()
        code = main(["verify", *paths], environ={}, stdout=out, stderr=err)
    assert code in {0, 1, 2}
    if code == 2:
        assert err.getvalue().count("\n") == 1
