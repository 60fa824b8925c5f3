"""Reading ePROM's answers to an order and a message: the fields kept, the code never shown, and
hostile bodies refused by whose fault (a bad body: ValueError; a wrong Python type: TypeError)."""

from __future__ import annotations

import json
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    FormOrderResponse,
    InvalidTypeError,
    InvalidValueError,
    MessageResponse,
    NotificationChannel,
    UnknownCodeError,
)
from distribution.eprom.callbacks import NIL_GUID
from tests.strategies import json_values

ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
FNR = "15108695088"


def test_an_order_response_keeps_four_fields_and_hides_the_code() -> None:
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
    nil = FormOrderResponse.from_json(json.dumps({"id": NIL_GUID, "notificationChannel": 0}))
    assert not nil.created
    assert "single_use_code=None" in repr(nil)
    with pytest.raises(InvalidValueError, match="singleUseCode must be a string, not int"):
        FormOrderResponse.from_dict({"id": ID, "notificationChannel": 0, "singleUseCode": 123456})


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
