"""Constructors say what they take: public parameters carry real types, so a type checker refuses
what the library would refuse at run time.

The test suite is type-checked (mypy strict, ``warn_unused_ignores``). Each
``# type: ignore[arg-type]`` below is therefore a pinned claim: were the parameter typed loosely
(``object``), mypy would report the ignore as unused and the check would fail. At run time each
call raises the caller's error, ``InvalidTypeError`` (or ``UnknownCodeError`` for a value of an
accepted type). ``assert_type`` pins what each reader returns.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, assert_type

import pytest
from mypy import api

from distribution import (
    Availability,
    Callback,
    Decision,
    DistributionError,
    DistributionRule,
    FilledOutBy,
    FormOrderRequest,
    FormOrderResponse,
    FormOrderStatusCallback,
    FormReturnCallback,
    InvalidTypeError,
    KrrRecord,
    KrrResponse,
    MessageResponse,
    MessageStatusCallback,
    MessageToCitizenRequest,
    NotificationChannel,
    PatientFacts,
    assess,
    decide,
    decide_priority_list,
    read_callback,
    route,
    simulate,
)

if TYPE_CHECKING:
    from collections.abc import Callable

FNR = "15108695088"
ID = "1bc5f9f0-2607-49eb-94f0-6af955bbd79a"
EXPIRY = datetime(2026, 12, 24, tzinfo=UTC)
STATUS = {"formOrderId": ID, "notificationChannel": 1, "formOrderStatus": "Ordered"}


def test_a_rule_is_a_rule_its_code_or_its_name_and_no_float() -> None:
    with pytest.raises(InvalidTypeError, match=r"not decimal number 3\.5"):
        FormOrderRequest(
            form_id=ID,
            national_id=FNR,
            expiry_date=EXPIRY,
            distribution_rule=3.5,  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidTypeError):
        route(3.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"national_id must be"):
        FormOrderRequest(form_id=ID, national_id=15108695088, expiry_date=EXPIRY)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"on_behalf_of_national_id must be"):
        FormOrderRequest(
            form_id=ID,
            national_id=FNR,
            expiry_date=EXPIRY,
            on_behalf_of_national_id=15508695088,  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidTypeError, match=r"act_type must be"):
        FilledOutBy(act_type=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        simulate([Availability()], rules=[None])  # type: ignore[list-item]
    assert_type(route("Basic"), tuple[NotificationChannel, ...])


def test_a_channel_is_a_channel_its_code_or_its_name() -> None:
    with pytest.raises(InvalidTypeError):
        decide_priority_list([1.5], Availability())  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        MessageToCitizenRequest(
            national_id=FNR,
            sender_info={},
            message_info={},
            document_collection=[{"title": "Brev"}],
            notification_priority_list=[None],  # type: ignore[list-item]
        )
    documents: list[dict[str, str]] = [{"title": "Brev"}]  # a list of documents of any mapping type
    sent = MessageToCitizenRequest(
        national_id="151086 95088",
        sender_info={},
        message_info={},
        document_collection=(*documents, {"title": "Vedlegg"}),
        notification_priority_list=["Helsenorge"],
    ).to_dict()
    assert sent["documentCollection"] == [{"title": "Brev"}, {"title": "Vedlegg"}]
    assert sent["nationalId"] == FNR
    with pytest.raises(InvalidTypeError, match=r"document_collection must be"):
        MessageToCitizenRequest(
            national_id=FNR,
            sender_info={},
            message_info={},
            document_collection=b"[]",  # type: ignore[arg-type]
            notification_priority_list=["Helsenorge"],
        )
    with pytest.raises(InvalidTypeError):
        Availability.of(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Availability().has(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Availability().with_(2.0)  # type: ignore[arg-type]
    facts = PatientFacts(reference_time=EXPIRY)
    with pytest.raises(InvalidTypeError):
        assess(facts).reasons(None)  # type: ignore[arg-type]


def test_from_json_takes_text_and_from_dict_a_mapping() -> None:
    readers: list[tuple[Callable[[], object], Callable[[], object]]] = [
        (
            lambda: FormOrderStatusCallback.from_json(STATUS),  # type: ignore[arg-type]
            lambda: FormOrderStatusCallback.from_dict(json.dumps(STATUS)),  # type: ignore[arg-type]
        ),
        (
            lambda: FormReturnCallback.from_json(STATUS),  # type: ignore[arg-type]
            lambda: FormReturnCallback.from_dict(json.dumps(STATUS)),  # type: ignore[arg-type]
        ),
        (
            lambda: MessageStatusCallback.from_json(STATUS),  # type: ignore[arg-type]
            lambda: MessageStatusCallback.from_dict(json.dumps(STATUS)),  # type: ignore[arg-type]
        ),
        (
            lambda: FormOrderResponse.from_json(STATUS),  # type: ignore[arg-type]
            lambda: FormOrderResponse.from_dict(json.dumps(STATUS)),  # type: ignore[arg-type]
        ),
        (
            lambda: MessageResponse.from_json(STATUS),  # type: ignore[arg-type]
            lambda: MessageResponse.from_dict(json.dumps(STATUS)),  # type: ignore[arg-type]
        ),
        (
            lambda: KrrRecord.from_json({"status": "AKTIV"}),  # type: ignore[arg-type]
            lambda: KrrRecord.from_dict('{"status": "AKTIV"}'),  # type: ignore[arg-type]
        ),
        (
            lambda: KrrResponse.from_json({"personer": []}),  # type: ignore[arg-type]
            lambda: KrrResponse.from_dict('{"personer": []}'),  # type: ignore[arg-type]
        ),
        (
            lambda: PatientFacts.from_json({"reference_time": "2026-01-01T00:00Z"}),  # type: ignore[arg-type]
            lambda: PatientFacts.from_dict('{"reference_time": "2026-01-01T00:00Z"}'),  # type: ignore[arg-type]
        ),
        (
            lambda: Decision.from_json(decide(0, Availability()).to_dict()),  # type: ignore[arg-type]
            lambda: Decision.from_dict(json.dumps(decide(0, Availability()).to_dict())),  # type: ignore[arg-type]
        ),
    ]
    for from_json_given_a_mapping, from_dict_given_text in readers:
        with pytest.raises(InvalidTypeError, match="must be JSON text"):
            from_json_given_a_mapping()
        with pytest.raises(InvalidTypeError, match="must be a mapping of decoded JSON"):
            from_dict_given_text()
    with pytest.raises(InvalidTypeError):
        read_callback(42)  # type: ignore[arg-type]


def test_each_reader_returns_its_own_type() -> None:
    text = json.dumps(STATUS)
    assert_type(FormOrderStatusCallback.from_json(text), FormOrderStatusCallback)
    assert_type(FormOrderStatusCallback.from_dict(STATUS), FormOrderStatusCallback)
    assert_type(read_callback(text), Callback)
    assert_type(read_callback(STATUS), Callback)
    assert_type(read_callback(text.encode()), Callback)
    decision = decide(DistributionRule.BASIC, Availability())
    assert_type(Decision.from_json(json.dumps(decision.to_dict())), Decision)
    assert_type(KrrResponse.from_dict({"personer": []}).records_or_raise(), tuple[KrrRecord, ...])
    with pytest.raises(DistributionError):
        FormOrderStatusCallback.from_json(b"[]")


def _handler_example() -> str:
    """The worked handler of docs/callbacks.md, as the Python file it is."""
    docs = Path(__file__).parent.parent / "docs" / "callbacks.md"
    text = docs.read_text(encoding="utf-8")
    block = text[text.index("A handler without a web framework") :].split("```python", 1)[1]
    lines = block.split("```", 1)[0].splitlines()
    return "\n".join(line[4:] for line in lines if line[:4] in {">>> ", "... "}) + "\n"


@pytest.mark.reads_source  # mypy reads the package to check the example against it
def test_the_worked_handler_passes_mypy_strict_and_a_float_rule_fails_it(tmp_path: Path) -> None:
    example = _handler_example()
    assert "ledger.feed(body, api_key=API_KEY)" in example  # the block was found
    (tmp_path / "handler.py").write_text(example, encoding="utf-8")
    floated = example + (
        "from distribution import FormOrderRequest\n"
        f"FormOrderRequest(form_id={ID!r}, national_id={FNR!r}, expiry_date=datetime.now(),\n"
        "    distribution_rule=3.5)\n"
    )
    (tmp_path / "floated.py").write_text("from datetime import datetime\n" + floated, "utf-8")
    out, _, status = api.run(["--strict", "--no-incremental", str(tmp_path)])
    assert status == 1
    where = f"{tmp_path / 'floated.py'}:{len(floated.splitlines()) + 1}"
    wrong = 'Argument "distribution_rule" to "FormOrderRequest" has incompatible type "float"'
    expected = 'expected "DistributionRule | int | str"  [arg-type]'
    assert out.splitlines()[:-1] == [f"{where}: error: {wrong}; {expected}"]
