"""No personal data leaks: recognisable national IDs, e-mail addresses and phone numbers are fed
to every entry point, in the right fields and the wrong ones, and every output is searched."""

from __future__ import annotations

import io
import json
import pickle
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from distribution import (
    Availability,
    DistributionError,
    DistributionRule,
    EchoedOrder,
    FormOrderRequest,
    FormOrderResponse,
    KrrRecord,
    KrrResponse,
    PatientFacts,
    assess,
    decide,
    decide_priority_list,
    describe,
    explain,
    explain_reconciliation,
    explain_timeline,
    national_id_kind,
    national_id_problem,
    preflight,
    read_callback,
    reconcile,
    verify,
)
from distribution.cli import main

if TYPE_CHECKING:
    from pathlib import Path

FNR = "15108695088"

D_NUMBER = "55108695088"
EMAIL = "kari.nordmann@example.no"
PHONE = "+4791234567"
MAILBOX = "kari.nordmann#9QX3"
SECRETS = [
    FNR,
    "151086 95088",
    D_NUMBER,
    EMAIL,
    "kari.nordmann",
    PHONE,
    "91234567",
    "912 34 567",
    MAILBOX,
]
RECORD = {
    "personidentifikator": FNR,
    "reservasjon": "NEI",
    "status": "AKTIV",
    "varslingsstatus": "KAN_VARSLES",
    "kontaktinformasjon": {
        "epostadresse": EMAIL,
        "epostadresse_oppdatert": "2026-03-01T09:30:00+01",
        "mobiltelefonnummer": PHONE,
        "mobiltelefonnummer_oppdatert": "2026-03-01T09:30:00+01",
    },
    "digital_post": {"postkasseadresse": MAILBOX, "postkasseleverandoeradresse": "984661185"},
}


def untyped(value: object) -> Any:
    """Pass a value of the wrong type on purpose, past the type checker."""
    return value


def assert_clean(*outputs: object) -> None:
    for output in outputs:
        text = output if isinstance(output, str) else repr(output)
        for secret in SECRETS:
            assert secret not in text, (secret, text)


def assert_error_clean(error: DistributionError) -> None:
    assert_clean(
        str(error),
        repr(error),
        error.message("nb"),
        error.message("en"),
        repr(error.value),
        repr(error.args),
    )
    assert_clean(str(pickle.loads(pickle.dumps(error))))  # noqa: S301


def test_records_facts_and_eligibility_never_show_it() -> None:
    record = KrrRecord.from_dict(RECORD)
    assert record.email == EMAIL  # the value is there for the caller to use...
    facts = PatientFacts(
        reference_time=datetime(2026, 11, 25, tzinfo=UTC),
        national_id=FNR,
        age=40,
        level4_eid=True,
        krr=record,
        postal_address=True,
    )
    eligibility = assess(facts)
    assert_clean(
        record, str(record), facts, str(facts), eligibility, json.dumps(eligibility.to_dict())
    )  # ...but never shown
    for lang in ("nb", "en"):
        assert_clean(explain("AllowUnsecureOrPaper", eligibility, lang=lang))
    # An assessment keeps its facts to give the reasons when asked, but pickles without them.
    pickled = pickle.dumps(assess(facts))
    assert FNR.encode() not in pickled
    assert EMAIL.encode() not in pickled
    assert_clean(attrs.asdict(assess(facts)), attrs.astuple(assess(facts)), repr(assess(facts)))
    on_behalf = assess(facts, on_behalf_of=attrs.evolve(facts, helsenorge_representable=True))
    assert_clean(on_behalf, explain("Basic", on_behalf), explain("Basic", on_behalf, lang="nb"))
    response = KrrResponse.from_dict(
        {"personer": [RECORD, {**RECORD, "status": PHONE}, {**RECORD, EMAIL: FNR}]}
    )
    assert_clean(response, str(response), response.records, response.errors)


WRONG_PLACES: list[Any] = [
    lambda: DistributionRule.parse(FNR),
    lambda: DistributionRule.parse(int(FNR)),
    lambda: DistributionRule.parse(EMAIL),
    lambda: Availability.of(PHONE),
    lambda: Availability(paper=untyped(EMAIL)),
    lambda: decide(PHONE, Availability()),
    lambda: decide("Basic", untyped(FNR)),
    lambda: decide_priority_list([EMAIL], Availability()),
    lambda: explain("Basic", Availability(), lang=untyped(EMAIL)),
    lambda: describe(untyped(FNR)),
    lambda: KrrRecord.from_dict({**RECORD, "status": FNR}),
    lambda: KrrRecord.from_dict({**RECORD, "reservasjon": EMAIL}),
    lambda: KrrRecord.from_dict(
        {**RECORD, "kontaktinformasjon": {"epostadresse_oppdatert": PHONE}}
    ),
    lambda: KrrRecord.from_dict({**RECORD, "kontaktinformasjon": {"epostadresse": int(FNR)}}),
    lambda: KrrRecord.from_dict({**RECORD, "personidentifikator": int(FNR)}),
    lambda: KrrRecord.from_json(json.dumps(RECORD)[:-5]),
    lambda: KrrResponse.from_dict(
        {"personer": [RECORD, {**RECORD, "status": EMAIL}]}
    ).records_or_raise(),
    lambda: KrrResponse.from_dict({"personer": [{**RECORD, "status": PHONE}]}).get(FNR),
    lambda: KrrResponse.from_dict({"personer": [RECORD, RECORD]}).get(FNR),
    lambda: KrrResponse.from_dict({"personer": [RECORD]}).get(untyped(int(FNR))),
    lambda: KrrResponse((KrrRecord.from_dict(RECORD),), (FNR[:-1] + "7",)),
    lambda: PatientFacts.from_dict({"reference_time": FNR}),
    lambda: PatientFacts.from_dict({"reference_time": "2026-11-25T12:00:00+01:00", FNR: True}),
    lambda: PatientFacts.from_dict(
        {"reference_time": "2026-11-25T12:00:00+01:00", "helsenorge_consent": EMAIL}
    ),
    lambda: PatientFacts.from_dict(
        {"reference_time": "2026-11-25T12:00:00+01:00", "birth_date": PHONE}
    ),
    lambda: PatientFacts(
        reference_time=datetime(2026, 11, 25, tzinfo=UTC), national_id=FNR[:-1] + "7"
    ),
    lambda: PatientFacts(
        reference_time=datetime(2026, 11, 25, tzinfo=UTC), national_id=untyped(int(FNR))
    ),
    lambda: PatientFacts(reference_time=datetime(1980, 1, 1, tzinfo=UTC), national_id=FNR),
    lambda: PatientFacts(reference_time=datetime(2026, 11, 25, tzinfo=UTC), national_id=FNR, age=3),
    lambda: national_id_kind(FNR[:-1] + "7"),
    lambda: PatientFacts.from_dict(
        {"reference_time": "2026-11-25T12:00:00+01:00", "national_id": int(FNR)}
    ),
    lambda: preflight(FNR),
    lambda: preflight("Basic", national_id=untyped(int(FNR))),
    lambda: preflight("Basic", must_be_signed=untyped(EMAIL)),
]


@pytest.mark.parametrize("call", WRONG_PLACES)
def test_errors_never_show_it(call: Any) -> None:
    with pytest.raises(DistributionError) as caught:
        call()
    assert_error_clean(caught.value)


@pytest.mark.parametrize(
    "number", [FNR, D_NUMBER, "15508695088", "85108695088", "15108695077", "1510869508"]
)
def test_preflight_problems_never_show_it(number: str) -> None:
    for problem in preflight("BasicOrPaper", paper_enabled=False, national_id=number):
        assert_clean(problem, problem.describe(lang="nb"), problem.describe(lang="en"))
    assert national_id_problem(number) is None or FNR not in repr(national_id_problem(number))


def run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    main(list(argv), environ={}, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_cli_output_never_shows_it(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(
        json.dumps(
            {
                "reference_time": "2026-11-25T12:00:00+01:00",
                "age": 40,
                "level4_eid": True,
                "krr": RECORD,
            }
        ),
        encoding="utf-8",
    )
    bad_facts = tmp_path / "bad.json"
    bad_facts.write_text(
        json.dumps(
            {"reference_time": "2026-11-25T12:00:00+01:00", "krr": {**RECORD, "status": PHONE}}
        ),
        encoding="utf-8",
    )
    cohort = tmp_path / "cohort.csv"
    cohort.write_text(
        f"patient,email,helsenorge,digital_mailbox,krr_contact,paper\n{FNR},{EMAIL},1,0,0,1\n{FNR},{EMAIL},{PHONE},0,0,1\n",
        encoding="utf-8",
    )
    outputs = [
        run("assess", str(facts), "--lang", "nb"),
        run("assess", str(facts), "--json"),
        run("assess", str(bad_facts)),
        run("preflight", "Basic", "--national-id", FNR),
        run("preflight", "Basic", "--national-id", "15508695088", "--json"),
        run("preflight", "Basic", "--national-id", FNR[:-1] + "7", "--lang", "nb"),
        run("decide", FNR, "--available", "paper"),
        run("decide", "Basic", "--available", EMAIL),
        run("explain", "--priority-list", PHONE, "--available", "paper"),
        run("describe", "status", FNR),
        run("simulate", str(cohort)),
        run("simulate", str(cohort), "--skip-bad"),
        run("explain", "Basic", "--available", "paper", "--lang", FNR),
        run("matrix", "--format", EMAIL),
        run("decide", "Basic", "--available", "paper", f"--{PHONE}"),
        run("assess", str(tmp_path / f"{FNR}.json")),
    ]
    assert_clean(*outputs)
    assert "cannot read <hidden>" in outputs[-1]  # even a file name that holds an ID is masked


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["simulate", "{file}"], "{dir}/<hidden>.csv line 1: the header lacks"),
        (["simulate", "{file}", "--format", "json"], "{dir}/<hidden>.csv line 1: the header"),
        (["audit", "{file}"], "{dir}/<hidden>.csv has no column 'DistributionRule'"),
        (["verify", "{file}", "{file}"], "{dir}/<hidden>.csv line 1: order is not valid JSON"),
        (["simulate", "{file}", "--skip-bad"], "{dir}/<hidden>.csv: skipped every row"),
        (["audit", "{file}", "--skip-bad"], "{dir}/<hidden>.csv: skipped 1 of 2 rows, more than"),
        (["audit", "{file}", "--skip-bad"], "{dir}/<hidden>.csv: skipped one bad row: row 2"),
    ],
)
def test_a_file_name_that_holds_an_id_is_masked_in_every_command(
    tmp_path: Path, argv: list[str], shown: str
) -> None:
    named = tmp_path / f"{FNR}.csv"  # a registry export named after the patient
    text = (
        "a,b\n"  # a bad header: the error names the file
        if "--skip-bad" not in argv
        else "DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,1,x\n0,1,1,0\n"
        if argv[0] == "audit"
        else "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0\n"
    )
    named.write_text(text, encoding="utf-8")
    output = run(*(arg.format(file=named) for arg in argv))
    assert_clean(output)
    assert shown.format(dir=tmp_path) in output


# --- callbacks, requests, verdicts ----------------------------------------------------------------

GUID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
API_KEY = "s3cr3t-Api-Key-9f2c"
STATUS = {
    "apiKey": API_KEY,
    "formOrderId": GUID,
    "notificationChannel": "Helsenorge",
    "formOrderStatus": "Ordered",
}
RETURNED = {
    "apiKey": API_KEY,
    "formOrderId": GUID,
    "formOrderStatus": "Expired",
    "notificationChannel": 1,
    "formData": json.dumps({"navn": "Kari", "epost": EMAIL}),
    "patientInitiatedValues": {"nationalId": FNR},
    "filledOutBy": {"filledOutByActType": "Fullmakt", "filledOutByActNationalId": D_NUMBER},
    "formOrderEventLog": [{"eventType": "QuestionAccessed", "questionId": PHONE}],
}


def assert_no_key(*outputs: object) -> None:
    for output in outputs:
        text = output if isinstance(output, str) else repr(output)
        assert API_KEY not in text, text


def api_key_check() -> None:
    read_callback(STATUS).api_key_matches(untyped(int(FNR)))


CALLBACK_WRONG_PLACES: list[Any] = [
    lambda: read_callback({**STATUS, "formOrderId": FNR}),
    lambda: read_callback({**STATUS, "notificationChannel": PHONE}),
    lambda: read_callback({**STATUS, "formOrderStatus": EMAIL}),
    lambda: read_callback({**STATUS, "apiKey": int(FNR)}),
    lambda: read_callback({**STATUS, "timestampUtc": FNR}),
    lambda: read_callback({**RETURNED, "filledOutBy": {"filledOutByActNationalId": int(FNR)}}),
    lambda: read_callback({**RETURNED, "formOrderEventLog": [{"eventType": EMAIL}]}),
    lambda: read_callback(json.dumps(RETURNED)[:-3]),
    lambda: FormOrderResponse.from_dict(
        {"id": GUID, "notificationChannel": 0, "singleUseCode": 91234567}
    ),
    # The order response repeats the order: its national IDs and address, in any shape.
    lambda: EchoedOrder.from_dict(
        {"id": GUID, "notificationChannel": 0, "nationalId": 15108695088}
    ),
    lambda: EchoedOrder.from_dict(
        {"id": GUID, "notificationChannel": 0, "onBehalfOfNationalId": [FNR]}
    ),
    lambda: EchoedOrder.from_dict(
        {
            "id": GUID,
            "notificationChannel": 0,
            "physicalAddress": {
                "fullName": 15108695088,
                "addressLine1": EMAIL,
                "postalCode": PHONE,
                "postalPlace": "Oslo",
            },
        }
    ),
    lambda: EchoedOrder.from_dict({"id": GUID, "notificationChannel": 0, "formId": FNR}),
    lambda: FormOrderRequest(
        form_id=FNR, national_id=FNR, expiry_date=datetime(2026, 1, 1, tzinfo=UTC)
    ),
    lambda: FormOrderRequest(
        form_id=GUID,
        national_id=FNR[:-1] + "9",
        on_behalf_of_national_id=PHONE,
        expiry_date=datetime(2026, 1, 1, tzinfo=UTC),
    ),
    lambda: FormOrderRequest(
        form_id=GUID, national_id=FNR, expiry_date=datetime(2026, 1, 1, tzinfo=UTC), metadata=EMAIL
    ),
    lambda: list(verify([json.dumps({"formOrderId": FNR, "decision": {}})], [])),
    lambda: _unreadable(verify([], [json.dumps({**STATUS, "formOrderId": PHONE})])),
    api_key_check,
]


def _unreadable(run: Any) -> None:
    # verify reports an unreadable callback line and goes on: its error is the anomaly's problem.
    (anomaly,) = list(run)
    for lang in ("nb", "en"):
        assert_no_key(anomaly.describe(lang=lang))
        assert "91234567" not in anomaly.describe(lang=lang)
    raise anomaly.problem


@pytest.mark.parametrize("call", CALLBACK_WRONG_PLACES)
def test_callback_and_request_errors_never_show_it(call: Any) -> None:
    with pytest.raises(DistributionError) as caught:
        call()
    assert_error_clean(caught.value)
    assert_no_key(str(caught.value), caught.value.message("nb"))


def test_callbacks_verdicts_and_timelines_never_show_it_nor_the_api_key() -> None:
    status = read_callback(STATUS)
    returned = read_callback(RETURNED)
    decision = decide("Basic", Availability(digital_mailbox=True))
    outputs: list[object] = [status, returned, str(status), str(returned)]
    for lang in ("nb", "en"):
        outputs.append(explain_reconciliation(reconcile(decision, status), lang=lang))
        outputs.append(explain_reconciliation(reconcile(decision, returned), lang=lang))
        outputs.append(explain_timeline(returned, lang=lang))  # type: ignore[arg-type]  # read_callback gives the union
    run = verify(
        [json.dumps({"formOrderId": GUID, "decision": decision.to_dict()})],
        [json.dumps(STATUS), json.dumps(STATUS), json.dumps(RETURNED)],
    )
    outputs += [json.dumps(a.to_dict()) for a in run]
    response = FormOrderResponse.from_dict(
        {
            "id": GUID,
            "notificationChannel": 4,
            "nationalId": FNR,
            "onBehalfOfNationalId": D_NUMBER,
            "metadata": json.dumps({"epost": EMAIL}),
            "physicalAddress": {
                "fullName": "Kari Nordmann",
                "addressLine1": PHONE,
                "postalCode": "0150",
                "postalPlace": "Oslo",
            },
        }
    )
    redacted = response.to_redacted_dict()
    outputs += [response, str(response), json.dumps(redacted)]
    assert_clean(*outputs)
    assert_no_key(*outputs)
    assert "Kari" not in repr(returned)
    assert "Kari" not in repr(response)
    assert "Kari" not in json.dumps(redacted)


def test_check_and_verify_never_show_it_nor_the_api_key(tmp_path: Path) -> None:
    callback = tmp_path / "callback.json"
    callback.write_text(json.dumps(RETURNED), encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({**STATUS, "formOrderId": FNR}), encoding="utf-8")
    decision = decide("Basic", Availability(helsenorge=True)).to_dict()
    orders = tmp_path / "orders.jsonl"
    orders.write_text(
        json.dumps({"formOrderId": GUID, "decision": decision})
        + "\n"
        + json.dumps({"formOrderId": EMAIL, "decision": decision}),
        encoding="utf-8",
    )
    good_orders = tmp_path / "good.jsonl"
    good_orders.write_text(
        json.dumps({"formOrderId": GUID, "decision": decision}), encoding="utf-8"
    )
    callbacks = tmp_path / "callbacks.jsonl"
    callbacks.write_text(
        "\n".join(
            json.dumps(body)
            for body in (STATUS, STATUS, RETURNED, {**STATUS, "formOrderId": PHONE})
        ),
        encoding="utf-8",
    )
    outputs = [
        run("check", "Basic", "--available", "helsenorge", "--callback", str(callback)),
        run(
            "check",
            "Basic",
            "--available",
            "helsenorge",
            "--callback",
            str(callback),
            "--lang",
            "nb",
        ),
        run("check", "Basic", "--available", "helsenorge", "--callback", str(wrong)),
        run("verify", str(orders), str(callbacks)),
        run("verify", str(good_orders), str(callbacks), "--json"),
        run("verify", str(tmp_path / f"{FNR}.jsonl"), str(callbacks)),
    ]
    assert_clean(*outputs)
    assert_no_key(*outputs)
