"""Lossless typed callbacks and responses: every field of the guide's examples as an attribute,
to_dict that from_dict reads back, to_redacted_dict fit for a log, and an apiKey that no error
shows, whatever field the sender put it in (docs/sources.md §8)."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    FilledOutBy,
    FilledOutByActType,
    FormDataWarning,
    FormOrderResponse,
    FormOrderStatusCallback,
    FormReturnCallback,
    InvalidTypeError,
    MessageResponse,
    MessageStatusCallback,
    PatientInitiatedValues,
    UnknownCodeError,
    read_callback,
)
from distribution.codes import (
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)
from distribution.eprom.events import FormEvent, FormOrderEvent

ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
FNR = "15108695088"
KEY = "k3y-Th4t-Must-N0t-Leak-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
EXAMPLES = Path(__file__).parents[1] / "data" / "eprom"

FULL_RETURN: dict[str, object] = {
    "apiKey": KEY,
    "formOrderId": ID,
    "formData": '{"HealthGeneral":1}',
    "formOrderStatus": "Completed",
    "signedFormId": "0ad4c5e1-0000-4000-8000-00000000000a",
    "timestamp": "2019-05-03T00:00:00+02:00",
    "scannedPaperId": "00000000-0000-0000-0000-000000000000",
    "formDataWarnings": [{"fieldName": "Key", "warning": "Value"}, {"fieldName": "Key2"}],
    "notificationChannel": "Helsenorge",
    "isPatientInitiated": True,
    "patientInitiatedValues": {
        "formId": "1BC5F9F0-2607-49EB-94F0-6AF955BBD79A",
        "nationalId": FNR,
        "orderTimestamp": "2023-03-29T10:20:10.1804332",
        "orderTimestampUTC": "2023-03-29T08:20:10.1804332Z",
    },
    "formOrderEventLog": [
        {"eventType": "FormOpened", "timestampUtc": "2021-05-07 09:17:51.220"},
        {"eventType": "QuestionAccessed", "questionId": "HealthGeneral"},
    ],
    "filledOutBy": {"filledOutByActType": "Fullmakt", "filledOutByActNationalId": FNR},
}


# --- every field of the returned form, typed -----------------------------------------------------


def test_every_field_of_a_returned_form_is_a_typed_attribute() -> None:
    callback = FormReturnCallback.from_dict(FULL_RETURN)
    assert callback.form_data == '{"HealthGeneral":1}'
    assert callback.form_data_warnings == (
        FormDataWarning(field_name="Key", warning="Value"),
        FormDataWarning(field_name="Key2"),
    )
    assert callback.patient_initiated_values == PatientInitiatedValues(
        form_id="1bc5f9f0-2607-49eb-94f0-6af955bbd79a",
        national_id=FNR,
        order_timestamp="2023-03-29T10:20:10.1804332",
        order_timestamp_utc=datetime(2023, 3, 29, 8, 20, 10, 180433, tzinfo=UTC),
    )
    assert callback.filled_out_by == FilledOutBy(
        act_type=FilledOutByActType.FULLMAKT, national_id=FNR
    )
    assert callback.events[1] == FormOrderEvent(
        type=FormEvent.QUESTION_ACCESSED, question_id="HealthGeneral"
    )
    assert FNR not in repr(callback)
    assert "Value" not in repr(callback.form_data_warnings)


def test_the_act_types_are_the_guides_four_and_an_unknown_one_is_kept() -> None:
    assert [t.api_name for t in FilledOutByActType] == [
        "Ukjent",
        "SegSelv",
        "Foreldrerepresentasjon",
        "Fullmakt",
    ]
    assert FilledOutByActType.parse(" FORELDREREPRESENTASJON ") is (
        FilledOutByActType.FORELDREREPRESENTASJON
    )
    assert FilledOutByActType.parse("SEG_SELV") is FilledOutByActType.SEG_SELV
    assert FilledOutByActType.parse(FilledOutByActType.UKJENT) is FilledOutByActType.UKJENT
    with pytest.raises(UnknownCodeError, match="'Verge' is not a known FilledOutByActType"):
        FilledOutByActType.parse("Verge")
    with pytest.raises(InvalidTypeError):
        FilledOutByActType.parse(1)
    # A value added after the guide does not fail the whole callback.
    body = {**FULL_RETURN, "filledOutBy": {"filledOutByActType": "Verge"}}
    callback = FormReturnCallback.from_dict(body)
    assert callback.filled_out_by == FilledOutBy(act_type="Verge")
    assert callback.filled_out_by is not None
    assert callback.filled_out_by.act_type_name == "Verge"
    assert FilledOutBy(act_type="segselv").act_type is FilledOutByActType.SEG_SELV
    assert FilledOutBy(act_type="SegSelv").act_type == "SegSelv"  # a StrEnum, as it was text


def test_a_national_id_sent_as_the_act_type_is_hidden_where_it_is_shown() -> None:
    """The two fields of filledOutBy swapped: the repr and the redacted body hide the ID."""
    body = {**FULL_RETURN, "filledOutBy": {"filledOutByActType": "151086-95088"}}
    callback = FormReturnCallback.from_dict(body)
    assert callback.filled_out_by == FilledOutBy(act_type="151086-95088")  # kept as it came
    plain, redacted = callback.to_dict()["filledOutBy"], callback.to_redacted_dict()["filledOutBy"]
    assert plain is not None
    assert redacted is not None
    assert plain["filledOutByActType"] == "151086-95088"
    assert redacted["filledOutByActType"] == "<hidden>"
    assert "95088" not in repr(callback)
    assert "FilledOutBy(act_type=<hidden>, national_id=None)" in repr(callback)
    # An act type this library knows, or text with nothing personal in it, is shown as it is.
    known = FormReturnCallback.from_dict(
        {**FULL_RETURN, "filledOutBy": {"filledOutByActType": "Verge"}}
    )
    shown = known.to_redacted_dict()["filledOutBy"]
    assert shown is not None
    assert shown["filledOutByActType"] == "Verge"
    assert "act_type='Verge'" in repr(known)


def test_a_warning_that_is_not_an_object_names_its_place() -> None:
    for warnings, message in [
        (["Key"], "formDataWarnings[0] must be an object or null, not text 'Key'"),
        ([None], "formDataWarnings[0] must be an object"),
        ([{"fieldName": 1}], "formDataWarnings[0].fieldName must be a string or null"),
        ([{}] * 10_001, "formDataWarnings is 10001, outside 0-10000 warnings"),
    ]:
        with pytest.raises(DistributionError) as caught:
            FormReturnCallback.from_dict({**FULL_RETURN, "formDataWarnings": warnings})
        assert message in str(caught.value)
    with pytest.raises(DistributionError, match=r"patientInitiatedValues\.formId is 'x'"):
        FormReturnCallback.from_dict({**FULL_RETURN, "patientInitiatedValues": {"formId": "x"}})


def test_patient_initiated_values_read_the_utc_time_in_either_spelling() -> None:
    values = PatientInitiatedValues.from_dict({"orderTimestampUtc": "2023-03-29T08:20:10Z"})
    assert values.order_timestamp_utc == datetime(2023, 3, 29, 8, 20, 10, tzinfo=UTC)
    assert values.to_dict()["orderTimestampUTC"] == "2023-03-29T08:20:10Z"  # as it came
    assert PatientInitiatedValues.from_dict({}) == PatientInitiatedValues()


# --- to_dict and from_dict ------------------------------------------------------------------------


STATUS = {
    "apiKey": KEY,
    "formOrderId": ID,
    "notificationChannel": "Helsenorge",
    "timestamp": "2023-03-29T10:20:10.1804332",
    "timestampUtc": "2023-03-29T08:20:10.1804332Z",
    "formOrderStatus": "Ordered",
    "formOrderStatusErrorCode": "None",
}
MESSAGE = {
    "apiKey": KEY,
    "messageToCitizenId": ID,
    "notificationChannel": 1,
    "sentStatus": 0,
}


@pytest.mark.parametrize("body", [STATUS, MESSAGE, FULL_RETURN], ids=["status", "message", "form"])
def test_to_dict_is_read_back_to_the_same_callback_key_included(body: dict[str, object]) -> None:
    callback = read_callback(body)
    again = read_callback(callback.to_dict())
    assert again == callback
    assert again.api_key_matches(KEY)
    assert json.loads(json.dumps(callback.to_dict())) == callback.to_dict()


def test_the_status_callback_is_written_as_the_guide_writes_it() -> None:
    assert read_callback(STATUS).to_dict() == {
        "apiKey": KEY,
        "formOrderId": ID,
        "notificationChannel": "Helsenorge",
        "timestamp": "2023-03-29T10:20:10.1804332",
        "timestampUtc": "2023-03-29T08:20:10.1804332Z",  # as it came, seventh digit included
        "formOrderStatus": "Ordered",
        "formOrderStatusErrorCode": "None",
    }
    assert read_callback(MESSAGE).to_redacted_dict() == {
        "messageToCitizenId": ID,
        "notificationChannel": "Helsenorge",
        "sentStatus": "Sent",
    }


def test_a_callback_without_a_key_writes_none() -> None:
    bare = {k: v for k, v in STATUS.items() if k != "apiKey"}
    assert "apiKey" not in read_callback(bare).to_dict()


# The readers refuse a time within a day of the calendar's ends, so the instants stay inside.
_instants = st.datetimes(
    datetime(1900, 1, 1),  # noqa: DTZ001  # hypothesis bounds are naive; the zone comes below
    datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)
_statuses = st.builds(
    FormOrderStatusCallback,
    form_order_id=st.uuids().map(str),
    channel=st.sampled_from(NotificationChannel),
    status=st.sampled_from(
        [
            s
            for s in FormOrderStatus
            if s not in {FormOrderStatus.COMPLETED, FormOrderStatus.EXPIRED}
        ]
    ),
    error_code=st.sampled_from(FormOrderStatusErrorCode),
    timestamp=st.none() | st.just("2023-03-29T10:20:10.1804332"),
    timestamp_utc=st.none() | _instants,
    api_key=st.none() | st.text(min_size=1, max_size=20),
)
_messages = st.builds(
    MessageStatusCallback,
    message_to_citizen_id=st.uuids().map(str),
    channel=st.sampled_from(NotificationChannel),
    status=st.sampled_from(SentStatus),
    api_key=st.none() | st.text(min_size=1, max_size=20),
)
_texts = st.none() | st.text(max_size=20)
_returns = st.builds(
    FormReturnCallback,
    form_order_id=st.uuids().map(str),
    status=st.sampled_from([FormOrderStatus.COMPLETED, FormOrderStatus.EXPIRED]),
    channel=st.none() | st.sampled_from(NotificationChannel),
    form_data=_texts,
    signed_form_id=st.none() | st.uuids(version=4).map(str),
    timestamp=st.none() | st.just("2019-05-03T00:00:00+02:00"),
    form_data_warnings=st.lists(
        st.builds(FormDataWarning, field_name=_texts, warning=_texts), max_size=3
    ).map(tuple),
    is_patient_initiated=st.booleans(),
    patient_initiated_values=st.none()
    | st.builds(
        PatientInitiatedValues,
        form_id=st.none() | st.uuids(version=4).map(str),
        national_id=_texts,
        order_timestamp_utc=st.none() | _instants,
    ),
    events=st.lists(
        st.builds(FormOrderEvent, type=st.sampled_from(FormEvent), question_id=_texts), max_size=3
    ).map(tuple),
    filled_out_by=st.none()
    | st.builds(FilledOutBy, act_type=st.none() | st.sampled_from(FilledOutByActType) | _texts),
    api_key=st.none() | st.text(min_size=1, max_size=20),
)


@given(st.one_of(_statuses, _messages, _returns))
def test_every_callback_read_back_from_its_dict_is_itself(
    callback: FormOrderStatusCallback | MessageStatusCallback | FormReturnCallback,
) -> None:
    """Law: from_dict(to_dict(c)) == c, and the redacted dict reads as a callback too."""
    assert type(callback).from_dict(callback.to_dict()) == callback
    redacted = type(callback).from_dict(callback.to_redacted_dict())
    assert redacted.to_redacted_dict() == callback.to_redacted_dict()
    assert not redacted.to_dict().get("apiKey")


def test_the_responses_round_trip_and_the_one_time_code_is_redacted() -> None:
    order = FormOrderResponse.from_dict(
        {"id": ID, "singleUseCode": "X7Q2", "loginUrl": "https://x", "notificationChannel": 0}
    )
    assert FormOrderResponse.from_dict(order.to_dict()) == order
    assert order.to_dict()["singleUseCode"] == "X7Q2"
    assert order.to_redacted_dict() == {
        "id": ID,
        "loginUrl": "https://x",
        "notificationChannel": "None",
    }
    message = MessageResponse.from_json('{"notificationChannel": "0"}')
    assert MessageResponse.from_dict(message.to_dict()) == message
    assert message.to_redacted_dict() == {"notificationChannel": "None", "messageToCitizenId": None}


# --- the redacted form ----------------------------------------------------------------------------


def test_the_redacted_form_drops_answers_and_key_and_masks_national_ids() -> None:
    redacted = FormReturnCallback.from_dict(FULL_RETURN).to_redacted_dict()
    text = json.dumps(redacted)
    assert KEY not in text
    assert FNR not in text
    assert "HealthGeneral\\" not in text  # the answers (the event log's question id stays)
    assert '"Value"' not in text
    assert "formData" not in redacted
    assert "apiKey" not in redacted
    assert redacted["formDataWarnings"] == [{"fieldName": "Key"}, {"fieldName": "Key2"}]
    assert redacted["filledOutBy"] == {
        "filledOutByActType": "Fullmakt",
        "filledOutByActNationalId": "***********",
    }
    initiated = redacted["patientInitiatedValues"]
    assert initiated is not None
    assert initiated["nationalId"] == "***********"
    assert redacted["formOrderEventLog"][1]["questionId"] == "HealthGeneral"
    assert redacted["signedFormId"] == "0ad4c5e1-0000-4000-8000-00000000000a"
    assert redacted["scannedPaperId"] == "00000000-0000-0000-0000-000000000000"


def test_the_guides_return_example_reads_and_writes_every_field() -> None:
    body = json.loads((EXAMPLES / "return.json").read_text(encoding="utf-8"))
    written = read_callback(body).to_dict()
    assert set(body) - {"apiKey"} <= set(written)  # the guide's key is "", which is no key
    assert body["apiKey"] == ""


# --- the apiKey never in an error -----------------------------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        "formOrderStatus",
        "notificationChannel",
        "formOrderId",
        "formOrderStatusErrorCode",
        "timestamp",
        "timestampUtc",
    ],
)
@pytest.mark.parametrize("key", [KEY, "s3cret", "Helsenorge-x"])
def test_the_key_put_in_another_field_is_never_shown(field: str, key: str) -> None:
    body = {**STATUS, "apiKey": key, field: key}
    with pytest.raises(DistributionError) as caught:
        read_callback(body)
    error = caught.value
    for text in (str(error), error.message("nb"), repr(error), repr(error.value)):
        assert key not in text
        assert key[:20] not in text
    with pytest.raises(DistributionError) as caught:
        FormOrderStatusCallback.from_dict(body)
    assert key[:20] not in str(caught.value)


@pytest.mark.parametrize(
    "changes",
    [
        {"formOrderStatus": KEY},
        {"formOrderStatus": "Completed", "formData": {"x": KEY}, "formOrderId": KEY},
        {"formOrderStatus": "Completed", "filledOutBy": {"filledOutByActType": 1}, "x": KEY},
        {"formOrderStatus": "Completed", "formOrderEventLog": [{"eventType": KEY}]},
        {"formOrderStatus": "Completed", "timestamp": f"at {KEY}"},
    ],
)
def test_the_key_is_hidden_in_returned_forms_too(changes: dict[str, object]) -> None:
    body = {**FULL_RETURN, **changes}
    with pytest.raises(DistributionError) as caught:
        read_callback(body)
    assert KEY[:20] not in str(caught.value)
    assert KEY[:20] not in caught.value.message("nb")


@given(st.sampled_from(["sentStatus", "notificationChannel", "messageToCitizenId"]), st.text())
@example("sentStatus", "Sent ")
def test_a_message_key_never_shows(field: str, noise: str) -> None:
    """Law: whatever field holds the key, with whatever around it, no error shows the key."""
    key = "Zq9-" + KEY
    body = {**MESSAGE, "apiKey": key, field: noise + key}
    with pytest.raises(DistributionError) as caught:
        read_callback(body)
    assert key[:20] not in str(caught.value)


def test_an_error_without_the_key_is_left_as_it_is() -> None:
    with pytest.raises(UnknownCodeError) as caught:
        read_callback({**STATUS, "formOrderStatus": "Fax"})
    assert "'Fax' is not a known formOrderStatus" in str(caught.value)


# --- times written back as they came ------------------------------------------------------------


def test_a_utc_time_is_written_back_as_ePROM_sent_it() -> None:  # noqa: N802  # ePROM is a name
    callback = FormOrderStatusCallback.from_dict(STATUS)
    # Seven fractional digits: Python keeps six, the text keeps the seventh.
    assert callback.timestamp_utc == datetime(2023, 3, 29, 8, 20, 10, 180433, tzinfo=UTC)
    assert callback.to_dict()["timestampUtc"] == "2023-03-29T08:20:10.1804332Z"
    assert callback.to_redacted_dict()["timestampUtc"] == "2023-03-29T08:20:10.1804332Z"
    # Without an offset it is read as UTC, and written back without one.
    event = FormOrderEvent.from_dict(
        {"eventType": "FormOpened", "timestampUtc": "2021-05-07 09:17:51.220"}
    )
    assert event.timestamp_utc == datetime(2021, 5, 7, 9, 17, 51, 220000, tzinfo=UTC)
    assert event.to_dict()["timestampUtc"] == "2021-05-07 09:17:51.220"
    values = PatientInitiatedValues.from_dict({"orderTimestampUtc": "2023-03-29T08:20:10"})
    assert values.to_dict()["orderTimestampUTC"] == "2023-03-29T08:20:10"


def test_a_time_the_caller_sets_is_written_with_its_offset() -> None:
    built = FormOrderEvent(
        type=FormEvent.FORM_OPENED, timestamp_utc=datetime(2021, 5, 7, 9, 17, 51, tzinfo=UTC)
    )
    assert built.to_dict()["timestampUtc"] == "2021-05-07T09:17:51+00:00"
    # A time changed with attrs.evolve is written from the new value, not the text it came as.
    read = FormOrderStatusCallback.from_dict(STATUS)
    later = attrs.evolve(read, timestamp_utc=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert later.to_dict()["timestampUtc"] == "2024-01-02T03:04:05+00:00"
    # The text takes no part in equality: the same instant, sent either way, is the same value.
    other = FormOrderStatusCallback.from_dict(
        {**STATUS, "timestampUtc": "2023-03-29T08:20:10.180433+00:00"}
    )
    assert other == read
    assert pickle.loads(pickle.dumps(read)).to_dict() == read.to_dict()  # noqa: S301  # ours
