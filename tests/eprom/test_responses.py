"""Reading ePROM's answers to an order and a message: the fields kept, the code never shown, and
hostile bodies refused by whose fault (a bad body: ValueError; a wrong Python type: TypeError)."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    DistributionRule,
    EchoedOrder,
    FormOrderResponse,
    InvalidTypeError,
    InvalidValueError,
    MessageResponse,
    NotificationChannel,
    PhysicalAddress,
    UnknownCodeError,
)
from distribution.eprom.callbacks import NIL_GUID
from distribution.eprom.responses import ECHOED_FIELDS
from tests.strategies import json_values

ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
FNR = "15108695088"


def test_an_order_response_hides_the_code_and_the_repeated_national_id() -> None:
    response = FormOrderResponse.from_dict(
        {
            "id": ID,
            "singleUseCode": "XK42PQ",
            "loginUrl": "https://proms2.hemit.org/Proms",
            "notificationChannel": "None",
            "nationalId": FNR,  # the response repeats the order's input
            "distributionRule": "NoDistribution",
        }
    )
    assert response.created
    assert response.single_use_code == "XK42PQ"
    assert response.login_url == "https://proms2.hemit.org/Proms"
    assert response.channel is NotificationChannel.NONE
    assert "XK42PQ" not in repr(response)
    assert FNR not in repr(response)
    assert "single_use_code=<hidden>" in repr(response)
    assert "national_id=<hidden>" in repr(response)
    assert response.order is not None
    assert response.order.national_id == FNR
    assert response.order.distribution_rule is DistributionRule.NO_DISTRIBUTION
    nil = FormOrderResponse.from_json(json.dumps({"id": NIL_GUID, "notificationChannel": 0}))
    assert not nil.created
    assert "single_use_code=None" in repr(nil)
    with pytest.raises(InvalidValueError, match="singleUseCode must be a string, not int"):
        FormOrderResponse.from_dict({"id": ID, "notificationChannel": 0, "singleUseCode": 123456})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"notificationChannel": "K7QX2M"}, "<hidden> is not a known notificationChannel"),
        ({"id": "K7QX2M"}, "id is <hidden>, not a GUID"),
    ],
)
def test_the_one_time_code_in_another_field_is_hidden(
    changes: dict[str, object], message: str
) -> None:
    """The code logs the patient in: a sender that puts it in another field gets it hidden."""
    body = {"id": ID, "notificationChannel": 0, "singleUseCode": "K7QX2M", **changes}
    with pytest.raises(DistributionError) as caught:
        FormOrderResponse.from_dict(body)
    assert str(caught.value).startswith(message)
    for text in (str(caught.value), caught.value.message("nb"), repr(caught.value)):
        assert "K7QX2M" not in text


def test_a_message_response_of_channel_zero_sent_nothing() -> None:
    # SendeMeldingTilInnbyggerV2.md: '"notificationChannel": "0"' means no message was sent.
    nothing = MessageResponse.from_json('{"notificationChannel": "0"}')
    assert not nothing.sent
    assert nothing.message_to_citizen_id is None
    sent = MessageResponse.from_dict({"notificationChannel": 1, "messageToCitizenId": ID.upper()})
    assert sent.sent
    assert sent.message_to_citizen_id == ID


@pytest.mark.parametrize(
    ("cls", "body", "error", "message"),
    [
        (
            FormOrderResponse,
            {"notificationChannel": 0},
            InvalidValueError,
            (
                "response.id is missing; expected keys: id, singleUseCode, loginUrl,"
                " notificationChannel"
            ),
        ),
        (
            FormOrderResponse,
            {"id": ID},
            InvalidValueError,
            (
                "response.notificationChannel is missing; expected keys: id, singleUseCode,"
                " loginUrl, notificationChannel"
            ),
        ),
        (
            FormOrderResponse,
            {"id": 7, "notificationChannel": 0},
            InvalidValueError,
            "id must be a GUID, not integer 7",
        ),
        (
            FormOrderResponse,
            {"id": ID, "notificationChannel": 0, "loginUrl": 1},
            InvalidValueError,
            "loginUrl must be a string or null, not integer 1",
        ),
        (
            MessageResponse,
            {},
            InvalidValueError,
            (
                "response.notificationChannel is missing; expected keys: notificationChannel,"
                " messageToCitizenId"
            ),
        ),
        (
            MessageResponse,
            {"notificationChannel": "Fax"},
            UnknownCodeError,
            "'Fax' is not a known notificationChannel",
        ),
        (
            MessageResponse,
            {"notificationChannel": 1, "messageToCitizenId": "x"},
            InvalidValueError,
            "messageToCitizenId is 'x', not a GUID",
        ),
    ],
)
def test_bad_responses_are_bad_data_naming_the_field(
    cls: Any, body: dict[str, object], error: type[DistributionError], message: str
) -> None:
    for read, payload in ((cls.from_dict, body), (cls.from_json, json.dumps(body))):
        with pytest.raises(error) as caught:
            read(payload)
        assert message in str(caught.value)
        assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("cls", [FormOrderResponse, MessageResponse])
def test_the_wrong_python_type_is_the_callers(cls: Any) -> None:
    body = {"id": NIL_GUID, "notificationChannel": 0}
    assert cls.from_dict(body) == cls.from_json(json.dumps(body).encode())
    with pytest.raises(InvalidTypeError, match="response must be JSON text"):
        cls.from_json(body)
    with pytest.raises(InvalidTypeError) as caught:
        cls.from_dict(json.dumps(body))
    assert str(caught.value) == "response must be a mapping of decoded JSON (dict), not text"
    with pytest.raises(InvalidValueError, match="response must be a JSON object, not list"):
        cls.from_json("[0]")


def test_constructors_check_what_they_get() -> None:
    with pytest.raises(InvalidTypeError, match=r"FormOrderResponse\.id must be a GUID"):
        FormOrderResponse(id=7, channel=NotificationChannel.NONE)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"MessageResponse\.message_to_citizen_id is 'x'"):
        MessageResponse(message_to_citizen_id="x", channel=NotificationChannel.NONE)
    assert FormOrderResponse(id=ID.upper(), channel=NotificationChannel.NONE).id == ID


VALID = [
    {"id": ID, "notificationChannel": 1, "singleUseCode": None, "loginUrl": "https://x"},
    {"notificationChannel": 0, "messageToCitizenId": ID},
]


@st.composite
def mutated_bodies(draw: st.DrawFn) -> dict[str, object]:
    """A valid body with one key given a garbage value, removed, or added."""
    body = dict(draw(st.sampled_from(VALID)))
    key = draw(st.sampled_from(sorted(body)))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        body[key] = draw(json_values)
    elif action == "delete":
        del body[key]
    else:
        body[draw(st.text(max_size=8))] = draw(json_values)
    return body


@given(
    st.sampled_from([FormOrderResponse, MessageResponse]),
    st.one_of(
        mutated_bodies(),
        mutated_bodies().map(json.dumps),
        json_values.map(json.dumps),
        st.text(max_size=40),
        st.binary(max_size=40),
    ),
)
def test_any_body_gives_a_response_or_a_value_error(cls: Any, body: object) -> None:
    """Law: from_dict of any mapping and from_json of any text return a well-formed response
    or raise the library's ValueError; bad data is never the caller's TypeError."""
    read = cls.from_dict if isinstance(body, dict) else cls.from_json
    try:
        result = read(body)
    except DistributionError as error:
        assert isinstance(error, ValueError)
        assert not isinstance(error, TypeError)
        assert error.message("nb")
        return
    assert repr(result)
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301  # our own value


# --- the order as the response repeats it ---------------------------------------------------------

# Every field BestillingAvSkjemaV2.md lists for the answer: the input parameters ("I tillegg til
# alle inn-parametre"), then the four of the answer; the times as a .NET service writes them.
FULL = {
    "formId": "1bc5f9f0-2607-49eb-94f0-6af955bbd79a",
    "nationalId": FNR,
    "expiryDate": "2026-12-24T00:00:00.1234567+01:00",
    "reminderDate": "2026-12-23T08:00:00",
    "metadata": '{"age": 76}',
    "dontStoreCompletedFormInPha": False,
    "distributionRule": "AllowUnsecureOrPaper",
    "mustBeSigned": True,
    "signingText": "Jeg bekrefter",
    "physicalAddress": {
        "fullName": "Test Testesen",
        "addressLine1": "Testeveien 1",
        "postalCode": "1234",
        "postalPlace": "Testestad",
    },
    "testMode": False,
    "onBehalfOfNationalId": "41018036736",
    "id": ID,
    "singleUseCode": None,
    "loginUrl": "https://proms2.hemit.org/Proms",
    "notificationChannel": "PhysicalMailbox",
}


def test_every_field_of_the_answer_is_typed_and_written_back_as_sent() -> None:
    response = FormOrderResponse.from_json(json.dumps(FULL))
    order = response.order
    assert order == EchoedOrder(
        form_id="1bc5f9f0-2607-49eb-94f0-6af955bbd79a",
        national_id=FNR,
        expiry_date=datetime(2026, 12, 24, 0, 0, 0, 123456, tzinfo=timezone(timedelta(hours=1))),
        reminder_date=datetime(2026, 12, 23, 8),  # noqa: DTZ001  # no offset: ePROM local time, kept naive
        metadata='{"age": 76}',
        dont_store_completed_form_in_pha=False,
        distribution_rule=DistributionRule.ALLOW_UNSECURE_OR_PAPER,
        must_be_signed=True,
        signing_text="Jeg bekrefter",
        physical_address=PhysicalAddress(
            full_name="Test Testesen",
            address_line1="Testeveien 1",
            postal_code="1234",
            postal_place="Testestad",
        ),
        test_mode=False,
        on_behalf_of_national_id="41018036736",
    )
    assert response.channel is NotificationChannel.PHYSICAL_MAILBOX
    # The seventh fractional digit and the missing offset survive: the texts are kept.
    assert response.to_dict() == FULL
    assert FormOrderResponse.from_dict(response.to_dict()) == response


def test_the_redacted_answer_has_no_code_national_id_address_or_metadata() -> None:
    response = FormOrderResponse.from_dict({**FULL, "singleUseCode": "XK42PQ"})
    redacted = response.to_redacted_dict()
    assert redacted["nationalId"] == "*" * 11
    assert redacted["onBehalfOfNationalId"] == "*" * 11
    for gone in ("singleUseCode", "metadata", "physicalAddress"):
        assert gone not in redacted
    text = json.dumps(redacted)
    for secret in ("XK42PQ", FNR, "41018036736", "Testeveien", "age"):
        assert secret not in text
    assert redacted["distributionRule"] == "AllowUnsecureOrPaper"
    text = repr(response)
    for secret in ("XK42PQ", FNR, "41018036736", "Testeveien", "76"):
        assert secret not in text
    assert "metadata=<11 characters of JSON>" in text


def test_a_rule_repeated_as_its_number_is_written_back_by_name() -> None:
    response = FormOrderResponse.from_dict(
        {"id": ID, "notificationChannel": 1, "distributionRule": 3}
    )
    assert response.order == EchoedOrder(distribution_rule=DistributionRule.BASIC_OR_PAPER)
    assert response.to_dict()["distributionRule"] == "BasicOrPaper"


def test_an_answer_without_the_order_keeps_none_and_adds_no_keys() -> None:
    body = {"id": ID, "singleUseCode": None, "loginUrl": None, "notificationChannel": "Helsenorge"}
    response = FormOrderResponse.from_dict(body)
    assert response.order is None
    assert response.to_dict() == body
    assert response.to_redacted_dict() == {k: v for k, v in body.items() if k != "singleUseCode"}


def test_a_time_built_in_python_is_written_in_iso_8601() -> None:
    order = EchoedOrder(expiry_date=datetime(2026, 12, 24, tzinfo=UTC))
    assert order.to_dict()["expiryDate"] == "2026-12-24T00:00:00+00:00"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("formId", "RAND-12", "formId is 'RAND-12', not a GUID"),
        ("expiryDate", "next week", "expiryDate"),
        ("reminderDate", 20261223, "reminderDate must be a string or null, not integer"),
        ("distributionRule", "Fax", "'Fax' is not a known distributionRule"),
        ("mustBeSigned", "yes", "mustBeSigned must be true, false or null, not text"),
        ("metadata", {"age": 76}, "metadata must be a string or null"),
        ("physicalAddress", "Testeveien 1", "physicalAddress must be an object or null"),
        ("physicalAddress", {"fullName": "Test"}, "physicalAddress.addressLine1 is missing"),
        ("nationalId", 15108695088, "nationalId must be a string"),
    ],
)
def test_a_repeated_order_that_cannot_be_read_leaves_the_answer_readable(
    field: str, value: object, message: str
) -> None:
    # The order was made: its id must reach the ordering system whatever the echo holds.
    body = {"id": ID, "notificationChannel": 1, field: value}
    response = FormOrderResponse.from_dict(body)
    assert (response.id, response.created, response.order) == (ID, True, None)
    # Read on its own, the repeated order is bad data naming the field.
    with pytest.raises(DistributionError) as caught:
        EchoedOrder.from_dict(body)
    assert isinstance(caught.value, ValueError)  # bad data from outside, never a TypeError
    assert message in str(caught.value)
    assert "15108695088" not in str(caught.value)


def test_the_order_is_written_back_with_every_field_the_guide_lists() -> None:
    assert tuple(EchoedOrder().to_dict()) == ECHOED_FIELDS
    assert len(ECHOED_FIELDS) == 12  # BestillingAvSkjemaV2.md, "Parametere - Inn"


_texts = st.text(max_size=12)
_times = st.datetimes(
    min_value=datetime(1900, 1, 1),  # noqa: DTZ001  # the bounds of naive times
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.sampled_from([None, UTC]),  # naive: ePROM's local time; aware: an offset
)
_orders = st.builds(
    EchoedOrder,
    form_id=st.none() | st.uuids().map(str),
    national_id=st.none() | _texts,
    expiry_date=st.none() | _times,
    reminder_date=st.none() | _times,
    metadata=st.none() | _texts,
    dont_store_completed_form_in_pha=st.none() | st.booleans(),
    distribution_rule=st.none() | st.sampled_from(DistributionRule),
    must_be_signed=st.none() | st.booleans(),
    signing_text=st.none() | _texts,
    physical_address=st.none()
    | st.builds(
        PhysicalAddress,
        full_name=_texts,
        address_line1=_texts,
        postal_code=_texts,
        postal_place=_texts,
    ),
    test_mode=st.none() | st.booleans(),
    on_behalf_of_national_id=st.none() | _texts,
)


@given(
    order=st.none() | _orders,
    code=st.none() | _texts,
    channel=st.sampled_from(NotificationChannel),
)
def test_every_order_response_survives_json_and_its_redaction_keeps_no_personal_field(
    order: EchoedOrder | None, code: str | None, channel: NotificationChannel
) -> None:
    response = FormOrderResponse(id=ID, channel=channel, single_use_code=code, order=order)
    assert FormOrderResponse.from_json(json.dumps(response.to_dict())) == response
    redacted = response.to_redacted_dict()
    assert "singleUseCode" not in redacted
    assert "metadata" not in redacted
    assert "physicalAddress" not in redacted
    if order is not None and order.national_id is not None:
        assert set(redacted["nationalId"] or "") <= {"*"}
    # What is left reads back as the same response, less what the redaction took.
    back = FormOrderResponse.from_dict(redacted)
    assert back.id == response.id
    assert back.channel is response.channel
    assert (back.order is None) == (order is None)
