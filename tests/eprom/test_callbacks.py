"""Reading what ePROM calls back with: the guide's own examples, codes as names or numbers, the
apiKey kept secret, and hostile bodies refused with the library's error (docs/sources.md §8).

Whose fault: what is wrong in a body raises the ValueError family; a caller who hands a reader
something other than JSON text (from_json) or a mapping (from_dict) gets InvalidTypeError."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    InvalidTypeError,
    InvalidValueError,
    NotificationChannel,
    SentStatus,
    UnknownCodeError,
)
from distribution.eprom.callbacks import (
    MAX_EVENTS,
    MAX_JSON_SIZE,
    FilledOutBy,
    FormOrderStatusCallback,
    FormReturnCallback,
    MessageStatusCallback,
    read_callback,
)
from distribution.eprom.events import FormEvent, FormOrderEvent
from tests.strategies import OPAQUE, code_spellings, guids, json_values

ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
FNR = "15108695088"

# --- the guide's examples, as they stand --------------------------------------------------------

# Copied verbatim from the guide; tests/data/eprom/README.md says from where, and which are not
# valid JSON as written (the test of the nearest valid JSON says so beside it).
EXAMPLES = Path(__file__).parents[1] / "data" / "eprom"


def guide(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


GUIDE_ORDERED = guide("status-ordered.json")
GUIDE_ERROR = guide("status-error.json")
GUIDE_MESSAGE = guide("message-sent.json")
GUIDE_RETURN = guide("return.json")


def test_the_guides_ordered_example_reads_as_it_stands() -> None:
    callback = read_callback(GUIDE_ORDERED)
    assert callback == FormOrderStatusCallback(
        form_order_id=ID,
        channel=NotificationChannel.HELSENORGE,
        status=FormOrderStatus.ORDERED,
        error_code=FormOrderStatusErrorCode.NONE,
        timestamp="2023-03-29T10:20:10.1804332",
        timestamp_utc=datetime(2023, 3, 29, 8, 20, 10, 180433, tzinfo=UTC),
    )
    assert FormOrderStatusCallback.from_json(GUIDE_ORDERED) == callback


def test_the_guides_error_example_reads_as_it_stands() -> None:
    callback = read_callback(GUIDE_ERROR)
    assert type(callback) is FormOrderStatusCallback
    assert callback.channel is NotificationChannel.NONE
    assert callback.status is FormOrderStatus.ERROR
    assert callback.error_code is FormOrderStatusErrorCode.PATIENT_UNREACHABLE
    assert callback.timestamp is None
    assert callback.timestamp_utc is None


def test_the_guides_status_block_is_two_objects_and_not_json_as_a_whole() -> None:
    block = guide("status-block.txt")
    assert block == GUIDE_ORDERED + GUIDE_ERROR  # each object is tested verbatim on its own
    with pytest.raises(InvalidValueError) as caught:
        read_callback(block)
    assert caught.value.key == "bad_json"


def test_the_guides_message_example_reads_as_it_stands() -> None:
    assert read_callback(GUIDE_MESSAGE) == MessageStatusCallback(
        message_to_citizen_id=ID, channel=NotificationChannel.HELSENORGE, status=SentStatus.SENT
    )


def test_the_guides_return_example_is_not_json_and_its_nearest_valid_json_reads() -> None:
    # As written it is not JSON (formData in single quotes, the event log's keys unquoted); the
    # nearest valid JSON changes only that (tests/data/eprom/README.md).
    with pytest.raises(InvalidValueError) as caught:
        read_callback(guide("return-as-written.txt"))
    assert caught.value.key == "bad_json"
    callback = read_callback(GUIDE_RETURN)
    assert type(callback) is FormReturnCallback
    assert callback.form_order_id == ID
    assert callback.status is FormOrderStatus.COMPLETED
    assert callback.channel is None  # the example leaves out notificationChannel
    assert callback.form_data is not None
    assert json.loads(callback.form_data)["LastFourWeeksPain"] == 2
    assert callback.signed_form_id is None  # all zeros means none
    assert callback.scanned_paper_id is None
    assert not callback.signed
    assert not callback.on_paper
    assert callback.timestamp == "2019-05-03T00:00:00+02:00"
    assert [(w.field_name, w.warning) for w in callback.form_data_warnings] == [
        ("Key", "Value"),
        ("Key2", "Value2"),
    ]
    assert callback.is_patient_initiated is False
    assert callback.events == (
        FormOrderEvent(
            type=FormEvent.FORM_OPENED,
            timestamp_utc=datetime(2021, 5, 7, 9, 17, 51, 220000, tzinfo=UTC),
        ),
        FormOrderEvent(
            type=FormEvent.QUESTION_ACCESSED,
            question_id="HealthGeneral",
            timestamp_utc=datetime(2021, 5, 7, 9, 18, 9, 627000, tzinfo=UTC),
        ),
    )
    assert callback.filled_out_by is None
    assert FormReturnCallback.from_json(GUIDE_RETURN) == callback


# --- codes as names or numbers --------------------------------------------------------------------


def _status_body(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "formOrderId": ID,
        "notificationChannel": "DigitalMailbox",
        "formOrderStatus": "Ordered",
    }
    body.update(changes)
    return {key: value for key, value in body.items() if value is not ...}


@given(
    channel=st.sampled_from(NotificationChannel).flatmap(
        lambda c: st.tuples(st.just(c), code_spellings(c))
    ),
    status=st.sampled_from(
        [s for s in FormOrderStatus if s.api_name not in {"Completed", "Expired"}]
    ).flatmap(lambda s: st.tuples(st.just(s), code_spellings(s))),
    code=st.sampled_from(FormOrderStatusErrorCode).flatmap(
        lambda c: st.tuples(st.just(c), code_spellings(c))
    ),
)
def test_status_codes_read_the_same_as_names_or_numbers(
    channel: tuple[NotificationChannel, object],
    status: tuple[FormOrderStatus, object],
    code: tuple[FormOrderStatusErrorCode, object],
) -> None:
    """A code reads the same whether ePROM sends its name, its number or the number as text."""
    body = _status_body(
        notificationChannel=channel[1], formOrderStatus=status[1], formOrderStatusErrorCode=code[1]
    )
    callback = FormOrderStatusCallback.from_dict(body)
    assert (callback.channel, callback.status, callback.error_code) == (
        channel[0],
        status[0],
        code[0],
    )


@given(
    channel=st.sampled_from(NotificationChannel).flatmap(
        lambda c: st.tuples(st.just(c), code_spellings(c))
    ),
    status=st.sampled_from(SentStatus).flatmap(lambda s: st.tuples(st.just(s), code_spellings(s))),
    guid=guids,
)
def test_message_codes_read_the_same_as_names_or_numbers(
    channel: tuple[NotificationChannel, object], status: tuple[SentStatus, object], guid: str
) -> None:
    """The message callback's codes read the same as names or numbers; its id in lower case."""
    callback = read_callback(
        {
            "messageToCitizenId": guid.upper(),
            "notificationChannel": channel[1],
            "sentStatus": status[1],
        }
    )
    assert callback == MessageStatusCallback(
        message_to_citizen_id=guid, channel=channel[0], status=status[0]
    )


def test_a_mapping_may_hold_members_already() -> None:
    body = _status_body(notificationChannel=NotificationChannel.UNSECURE)
    assert FormOrderStatusCallback.from_dict(body).channel is NotificationChannel.UNSECURE


def test_an_error_code_is_optional_as_in_bodies_before_2023() -> None:
    callback = FormOrderStatusCallback.from_dict(_status_body(formOrderStatusErrorCode=None))
    assert callback.error_code is FormOrderStatusErrorCode.NONE


@pytest.mark.parametrize("code", [None, "None", "SikkerDigitalPostError", 2])
def test_sikker_digital_post_error_reads_as_a_status_too(code: object) -> None:
    # Hemit's v3.0 release note: "Ny FormOrderStatus: SikkerDigitalPostError".
    callback = read_callback(
        _status_body(formOrderStatus=" sikkerdigitalposterror", formOrderStatusErrorCode=code)
    )
    assert type(callback) is FormOrderStatusCallback
    assert callback.status is FormOrderStatus.ERROR
    assert callback.error_code is FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR


def test_sikker_digital_post_error_as_a_status_with_another_error_code_is_refused() -> None:
    with pytest.raises(
        InvalidValueError,
        match="formOrderStatusErrorCode is 'PatientUnreachable', which contradicts"
        " formOrderStatus SikkerDigitalPostError",
    ):
        read_callback(
            _status_body(
                formOrderStatus="SikkerDigitalPostError",
                formOrderStatusErrorCode="PatientUnreachable",
            )
        )


def test_each_body_keeps_to_its_statuses() -> None:
    with pytest.raises(InvalidValueError, match="formOrderStatus is 'Completed', outside"):
        FormOrderStatusCallback.from_dict(_status_body(formOrderStatus="Completed"))
    with pytest.raises(InvalidValueError, match="formOrderStatus is 'Ordered', outside"):
        FormReturnCallback.from_dict(_status_body())
    with pytest.raises(InvalidValueError, match=r"FormOrderStatusCallback\.status is 'Expired'"):
        FormOrderStatusCallback(
            form_order_id=ID, channel=NotificationChannel.NONE, status=FormOrderStatus.EXPIRED
        )
    with pytest.raises(InvalidValueError, match=r"FormReturnCallback\.status is 'Error'"):
        FormReturnCallback(form_order_id=ID, status=FormOrderStatus.ERROR)


def test_read_callback_tells_the_bodies_apart() -> None:
    assert type(read_callback(_status_body())) is FormOrderStatusCallback
    assert type(read_callback(_status_body(formOrderStatus=1))) is FormReturnCallback
    assert type(read_callback(json.loads(GUIDE_MESSAGE))) is MessageStatusCallback
    with pytest.raises(InvalidValueError) as caught:
        read_callback({"notificationChannel": 1, "sentStatus": 0})
    assert caught.value.field == "callback.formOrderId"
    assert "formOrderId, messageToCitizenId" in str(caught.value)
    with pytest.raises(InvalidValueError, match=r"callback\.formOrderStatus is missing"):
        read_callback({"formOrderId": ID, "notificationChannel": 1})


@pytest.mark.parametrize(
    ("body", "error", "message"),
    [
        (
            {"formOrderId": ID},
            InvalidValueError,
            (
                "callback.formOrderStatus is missing; expected keys: formOrderId,"
                " notificationChannel, formOrderStatus"
            ),
        ),
        (
            _status_body(notificationChannel=None),
            InvalidValueError,
            "callback.notificationChannel is missing",
        ),
        (
            _status_body(notificationChannel="Fax"),
            UnknownCodeError,
            "'Fax' is not a known notificationChannel; valid codes and names: 0=None, 1=Helsenorge",
        ),
        (
            _status_body(notificationChannel=True),
            InvalidValueError,
            (
                "notificationChannel must be a NotificationChannel code (integer) or name (text),"
                " not True"
            ),
        ),
        (
            _status_body(notificationChannel=10**40),
            UnknownCodeError,
            "<int of 133 bits> is not a known notificationChannel",
        ),
        (
            _status_body(formOrderStatus=[1, 2]),
            InvalidValueError,
            (
                "formOrderStatus must be a FormOrderStatus code (integer) or name (text),"
                " not list <list of length 2>"
            ),
        ),
        (
            _status_body(formOrderId="184738d0"),
            InvalidValueError,
            "formOrderId is '184738d0', not a GUID",
        ),
        (
            _status_body(formOrderId=7),
            InvalidValueError,
            "formOrderId must be a GUID, not integer 7",
        ),
        (_status_body(formOrderId=FNR), InvalidValueError, "formOrderId is <hidden>, not a GUID"),
        (
            _status_body(timestampUtc="yesterday"),
            InvalidValueError,
            "timestampUtc is 'yesterday', not an ISO 8601 time",
        ),
        (
            _status_body(timestamp=12),
            InvalidValueError,
            "timestamp must be a string or null, not integer 12",
        ),
        (_status_body(apiKey=5), InvalidValueError, "apiKey must be a string, not integer"),
    ],
)
def test_status_callback_errors_name_the_field(
    body: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        FormOrderStatusCallback.from_dict(body)
    assert message in str(caught.value)
    assert isinstance(caught.value, DistributionError)
    assert isinstance(caught.value, ValueError)  # what is wrong in a body is bad data


def _message_body(**changes: object) -> dict[str, object]:
    return {"messageToCitizenId": ID, "notificationChannel": 1, "sentStatus": 0, **changes}


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            _message_body(messageToCitizenId="nope"),
            "messageToCitizenId",
            "messageToCitizenId is 'nope', not a GUID",
        ),
        (
            _message_body(notificationChannel=9),
            "notificationChannel",
            "9 is not a known notificationChannel; valid codes and names: 0=None, 1=Helsenorge,",
        ),
        (
            _message_body(sentStatus="Maybe"),
            "sentStatus",
            "'Maybe' is not a known sentStatus; valid codes and names: 0=Sent, 1=Error",
        ),
        (_message_body(apiKey=5), "apiKey", "apiKey must be a string, not integer"),
        (
            {"notificationChannel": 1, "sentStatus": 0},
            "callback.messageToCitizenId",
            "callback.messageToCitizenId is missing",
        ),
    ],
)
def test_message_callback_errors_name_the_field(
    body: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(DistributionError) as caught:
        MessageStatusCallback.from_dict(body)
    assert caught.value.field == field
    assert str(caught.value).startswith(message)


def test_a_message_callback_read_without_a_key_is_written_without_one() -> None:
    assert MessageStatusCallback.from_dict(_message_body()).to_dict() == {
        "messageToCitizenId": ID,
        "notificationChannel": "Helsenorge",
        "sentStatus": "Sent",
    }


def test_times_ending_utc_without_an_offset_are_utc_and_others_keep_theirs() -> None:
    plus_two = timezone(timedelta(hours=2))
    callback = FormOrderStatusCallback.from_dict(
        _status_body(timestampUtc="2023-03-29T10:20:10+02:00", timestamp="2023-03-29T10:20:10")
    )
    assert callback.timestamp_utc == datetime(2023, 3, 29, 10, 20, 10, tzinfo=plus_two)
    assert callback.timestamp == "2023-03-29T10:20:10"
    naive = FormOrderStatusCallback.from_dict(_status_body(timestampUtc="2023-03-29 08:20"))
    assert naive.timestamp_utc == datetime(2023, 3, 29, 8, 20, tzinfo=UTC)
    with pytest.raises(InvalidValueError, match=r"timestamp is '29\.03\.2023 10:20'"):
        FormOrderStatusCallback.from_dict(_status_body(timestamp="29.03.2023 10:20"))


# --- the returned form -------------------------------------------------------------------------


def _return_body(**changes: object) -> dict[str, object]:
    body: dict[str, object] = json.loads(GUIDE_RETURN)
    body.update(changes)
    return body


def test_the_event_log_takes_every_name_and_the_published_codes() -> None:
    log = [{"eventType": event.value} for event in FormEvent] + [
        {"eventType": 4, "questionId": None},
        {"eventType": "SIGNING_COMPLETED"},
    ]
    callback = FormReturnCallback.from_dict(_return_body(formOrderEventLog=log))
    assert [e.type for e in callback.events] == [
        *FormEvent,
        FormEvent.SIGNING_ERROR,
        FormEvent.SIGNING_COMPLETED,
    ]
    assert all(e.timestamp_utc is None for e in callback.events)


@pytest.mark.parametrize(
    ("log", "message"),
    [
        ("FormOpened", "formOrderEventLog must be a list or null, not text 'FormOpened'"),
        ([None], "formOrderEventLog[0] must be an object, not None"),
        ([5], "formOrderEventLog[0] must be an object or null, not integer 5"),
        ([{}], "formOrderEventLog[0].eventType is missing; expected keys: eventType"),
        (
            [{"eventType": "FormClosed"}],
            (
                "'FormClosed' is not a known formOrderEventLog[0].eventType; valid codes and names:"
                " 0=FormOpened, 1=QuestionAccessed, 2=SigningStarted, 3=SigningCancelled,"
                " 4=SigningError, SigningCompleted, FormDelivered"
            ),
        ),
        ([{"eventType": 5}], "5 is not a known formOrderEventLog[0].eventType"),
        (
            [{"eventType": 1, "questionId": 3}],
            "formOrderEventLog[0].questionId must be a string or null, not integer 3",
        ),
        (
            [{"eventType": 1, "timestampUtc": "soon"}],
            "formOrderEventLog[0].timestampUtc is 'soon', not an ISO 8601 time",
        ),
        (
            [{"eventType": 0}] * (MAX_EVENTS + 1),
            f"formOrderEventLog is {MAX_EVENTS + 1}, outside 0-{MAX_EVENTS} events",
        ),
    ],
)
def test_event_log_errors_name_the_entry(log: object, message: str) -> None:
    with pytest.raises(DistributionError) as caught:
        FormReturnCallback.from_dict(_return_body(formOrderEventLog=log))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"formData": {"HealthGeneral": 1}},
            "formData must be a string or null, not object <dict of length 1>",
        ),
        ({"formDataWarnings": "none"}, "formDataWarnings must be a list or null, not text 'none'"),
        (
            {"isPatientInitiated": "yes"},
            "isPatientInitiated must be true, false or null, not text 'yes'",
        ),
        (
            {"patientInitiatedValues": [FNR]},
            "patientInitiatedValues must be an object or null, not list <list of length 1>",
        ),
        ({"signedFormId": "signed"}, "signedFormId is 'signed', not a GUID"),
        ({"filledOutBy": "SegSelv"}, "filledOutBy must be an object or null, not text 'SegSelv'"),
        (
            {"filledOutBy": {"filledOutByActType": 1}},
            "filledOutBy.filledOutByActType must be a string or null, not integer 1",
        ),
        (
            {"filledOutBy": {"filledOutByActNationalId": int(FNR)}},
            "filledOutBy.filledOutByActNationalId must be a string, not integer",
        ),
    ],
)
def test_return_callback_errors_name_the_field(changes: dict[str, object], message: str) -> None:
    with pytest.raises(DistributionError) as caught:
        FormReturnCallback.from_dict(_return_body(**changes))
    assert message in str(caught.value)


def test_the_rest_of_a_returned_form() -> None:
    signed = "0AD4C5E1-0000-4000-8000-00000000000A"
    callback = FormReturnCallback.from_dict(
        _return_body(
            formOrderStatus="Expired",
            notificationChannel=3,
            signedFormId=signed,
            scannedPaperId=None,
            formData=None,
            formDataWarnings=None,
            isPatientInitiated=True,
            patientInitiatedValues={"formId": ID, "nationalId": FNR},
            formOrderEventLog=None,
            filledOutBy={
                "filledOutByActType": "Foreldrerepresentasjon",
                "filledOutByActNationalId": FNR,
                "other": 1,
            },
        )
    )
    assert callback.status is FormOrderStatus.EXPIRED
    assert callback.channel is NotificationChannel.UNSECURE
    assert callback.signed_form_id == signed.lower()
    assert callback.signed
    assert callback.form_data is None
    assert callback.form_data_warnings == ()
    assert callback.is_patient_initiated
    assert callback.patient_initiated_values is not None
    assert callback.patient_initiated_values.form_id == ID
    assert callback.patient_initiated_values.national_id == FNR
    assert callback.events == ()
    assert callback.filled_out_by == FilledOutBy(act_type="Foreldrerepresentasjon", national_id=FNR)
    assert FNR not in repr(callback)
    assert "'***********'" in repr(callback)
    assert repr(FilledOutBy()) == "FilledOutBy(act_type=None, national_id=None)"
    on_paper = FormReturnCallback.from_dict(_return_body(scannedPaperId=signed))
    assert on_paper.on_paper


def test_the_answers_are_never_shown() -> None:
    callback = read_callback(GUIDE_RETURN)
    assert 'HealthGeneral\\":1' not in repr(callback)
    assert "form_data=<" in repr(callback)
    assert " characters>" in repr(callback)


def test_constructors_check_what_they_get() -> None:
    with pytest.raises(
        InvalidTypeError, match=r"FormReturnCallback\.events must be a tuple, not list"
    ):
        FormReturnCallback(form_order_id=ID, status=FormOrderStatus.COMPLETED, events=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="must be a tuple of FormOrderEvent, not text 'x'"):
        FormReturnCallback(form_order_id=ID, status=FormOrderStatus.COMPLETED, events=("x",))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=f"outside 0-{MAX_EVENTS} events"):
        FormReturnCallback(
            form_order_id=ID,
            status=FormOrderStatus.COMPLETED,
            events=(FormOrderEvent(type=FormEvent.FORM_OPENED),) * (MAX_EVENTS + 1),
        )
    with pytest.raises(InvalidValueError, match=r"FormOrderStatusCallback\.form_order_id is 'x'"):
        FormOrderStatusCallback(
            form_order_id="x", channel=NotificationChannel.NONE, status=FormOrderStatus.ORDERED
        )
    with pytest.raises(
        InvalidTypeError, match=r"FormReturnCallback\.signed_form_id must be a GUID, not integer 7"
    ):
        FormReturnCallback(form_order_id=ID, status=FormOrderStatus.COMPLETED, signed_form_id=7)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"FormOrderEvent\.timestamp_utc"):
        FormOrderEvent(type=FormEvent.FORM_OPENED, timestamp_utc=datetime(2024, 1, 1))  # noqa: DTZ001  # naive on purpose
    upper = FormOrderStatusCallback(
        form_order_id=ID.upper(), channel=NotificationChannel.NONE, status=FormOrderStatus.ORDERED
    )
    assert upper.form_order_id == ID


# --- FormEvent ----------------------------------------------------------------------------------


def test_form_events_are_keyed_by_name_and_only_five_have_codes() -> None:
    assert [(e.api_name, e.code) for e in FormEvent] == [
        ("FormOpened", 0),
        ("QuestionAccessed", 1),
        ("SigningStarted", 2),
        ("SigningCancelled", 3),
        ("SigningError", 4),
        ("SigningCompleted", None),
        ("FormDelivered", None),
    ]
    for logged in FormOrderEventLogType:
        assert FormEvent.parse(logged).api_name == logged.api_name
    assert FormEvent.parse(FormEvent.FORM_DELIVERED) is FormEvent.FORM_DELIVERED
    assert FormEvent.parse(" 3 ") is FormEvent.SIGNING_CANCELLED
    assert FormEvent.parse("formdelivered") is FormEvent.FORM_DELIVERED
    assert all(event for event in FormEvent)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (True, InvalidTypeError),
        (1.0, InvalidTypeError),
        (None, InvalidTypeError),
        (OPAQUE, InvalidTypeError),
        (NotificationChannel.NONE, InvalidTypeError),
        (5, UnknownCodeError),
        (-1, UnknownCodeError),
        (10**50, UnknownCodeError),
        ("5", UnknownCodeError),
        ("0000", UnknownCodeError),
        ("３", UnknownCodeError),
        ("FormÖpened", UnknownCodeError),
        ("", UnknownCodeError),
    ],
)
def test_form_event_parse_refuses_what_it_does_not_know(
    value: object, error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        FormEvent.parse(value)
    assert "0=FormOpened" in str(caught.value)
    assert caught.value.field == "FormEvent"  # type: ignore[attr-defined]


# --- the apiKey ---------------------------------------------------------------------------------

SECRET = "k3y-Ø-ﬁ-секрет"  # noqa: S105  # a test key, not ASCII (compare_digest takes ASCII str only)


@pytest.mark.parametrize(
    "body",
    [
        _status_body(apiKey=SECRET),
        {**json.loads(GUIDE_RETURN), "apiKey": SECRET},
        {**json.loads(GUIDE_MESSAGE), "apiKey": SECRET},
    ],
)
def test_the_api_key_is_compared_but_never_shown(body: dict[str, object]) -> None:
    callback = read_callback(body)
    assert callback.api_key_matches(SECRET)
    assert not callback.api_key_matches(SECRET[:-1])
    assert not callback.api_key_matches(SECRET + "x")
    for text in (repr(callback), str(callback)):
        assert SECRET not in text
        assert "api_key" not in text
    # The key takes no part in equality: the same callback with another key is the same facts.
    assert read_callback({**body, "apiKey": "other"}) == callback
    with pytest.raises(InvalidTypeError) as caught:
        callback.api_key_matches(12345678901)  # type: ignore[arg-type]
    assert "12345678901" not in str(caught.value)
    with pytest.raises(InvalidValueError, match="expected is empty"):
        callback.api_key_matches("")


@given(st.text(min_size=1))
@example("\ud800")
@example("k\udfff")
def test_a_key_with_a_lone_surrogate_is_compared_not_an_error(expected: str) -> None:
    received = json.dumps(_status_body(apiKey="placeholder")).replace("placeholder", "\\ud800")
    callback = read_callback(received)
    assert callback.api_key_matches(expected) is (expected == "\ud800")
    assert not read_callback(_status_body(apiKey=SECRET)).api_key_matches(expected + "\ud800")


@pytest.mark.parametrize("sent", [SECRET[:-1], SECRET[:-1] + "x", SECRET[1:], "x" + SECRET[3:]])
def test_most_of_the_key_in_another_field_is_hidden_too(sent: str) -> None:
    """A key with a character changed, or cut short, still gives most of it away."""
    with pytest.raises(DistributionError) as caught:
        read_callback(_status_body(apiKey=SECRET, formOrderStatus=sent))
    for text in (str(caught.value), caught.value.message("nb"), repr(caught.value)):
        assert SECRET[2:-2] not in text, text
        assert "<hidden>" in text


def test_a_callback_without_a_key_matches_nothing() -> None:
    assert not read_callback(GUIDE_ORDERED).api_key_matches("anything")  # the guide's "" key
    assert not read_callback(_status_body()).api_key_matches("anything")


# --- hostile input -------------------------------------------------------------------------------


def _deep(depth: int) -> object:
    value: object = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("obj", "key"),
    [
        ("[" * 100_000, "too_deep"),
        ('{"a": ' * 100_000, "too_deep"),
        (" " * (MAX_JSON_SIZE + 1), "too_large"),
        (b"{" + b" " * MAX_JSON_SIZE + b"}", "too_large"),
        (bytearray(b"{}"), "missing_key"),
        ("1" * 5000, "bad_json"),
        ("[1, 2]", "wrong_type"),
        ("\ufeff{}", "bad_json"),
        (b"\xff\xfe\x00", "bad_json"),
        (_status_body(formOrderId=_deep(100_000)), "wrong_type"),
        (_status_body(notificationChannel={"a": _deep(100_000)}), "wrong_type"),
    ],
)
def test_hostile_bodies_get_the_librarys_error(obj: Any, key: str) -> None:
    with pytest.raises(DistributionError) as caught:
        read_callback(obj)
    assert caught.value.key == key
    assert len(str(caught.value)) < 400


TYPES: list[Any] = [FormOrderStatusCallback, FormReturnCallback, MessageStatusCallback]
VALID = [
    json.loads(GUIDE_ORDERED),
    json.loads(GUIDE_ERROR),
    json.loads(GUIDE_RETURN),
    json.loads(GUIDE_MESSAGE),
]


@st.composite
def mutated_bodies(draw: st.DrawFn) -> dict[str, object]:
    """A valid body with one key removed, added or given a garbage value."""
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


decoded_bodies = st.one_of(
    mutated_bodies(), st.dictionaries(st.text(max_size=10), json_values, max_size=4)
)
"""What from_dict reads: mappings, as json.loads gives them, mostly wrong."""
body_texts = st.one_of(
    json_values.map(json.dumps),
    mutated_bodies().map(json.dumps),
    st.text(max_size=40),
    st.binary(max_size=40),
)
"""What from_json reads: text, mostly wrong."""


def _well_formed_or_bad_data(reader: Any, obj: object) -> None:
    try:
        result = reader(obj)
    except DistributionError as error:
        assert isinstance(error, ValueError)
        assert not isinstance(error, TypeError)
        assert error.message("nb")
        assert str(error)
        return
    assert repr(result)
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301  # our own value


@given(st.sampled_from(TYPES), decoded_bodies)
@example(
    FormOrderStatusCallback,
    {"formOrderId": ID, "notificationChannel": float("nan"), "formOrderStatus": 2},
)
@example(
    FormReturnCallback,
    {**json.loads(GUIDE_RETURN), "formOrderEventLog": [{"eventType": float("inf")}]},
)
def test_any_decoded_body_gives_a_callback_or_a_value_error(cls: Any, body: object) -> None:
    """Law: whatever mapping arrives, from_dict returns a well-formed value with a repr, or
    raises the library's ValueError (bad data is never the caller's TypeError)."""
    _well_formed_or_bad_data(cls.from_dict, body)


@given(st.sampled_from(TYPES), body_texts)
@example(FormOrderStatusCallback, "NaN")
def test_any_body_text_gives_a_callback_or_a_value_error(cls: Any, text: str | bytes) -> None:
    """Law: whatever text arrives, from_json returns a well-formed value or raises the
    library's ValueError."""
    _well_formed_or_bad_data(cls.from_json, text)


@given(st.one_of(decoded_bodies, body_texts))
@example("NaN")
def test_read_callback_takes_either_and_refuses_only_with_a_value_error(body: object) -> None:
    """Law: read_callback reads a mapping or text alike; what is wrong in either is bad data."""
    _well_formed_or_bad_data(read_callback, body)


@pytest.mark.parametrize("cls", TYPES)
def test_each_reader_takes_what_it_says_and_the_wrong_python_type_is_the_callers(cls: Any) -> None:
    body = (
        VALID[3]
        if cls is MessageStatusCallback
        else VALID[0 if cls is not FormReturnCallback else 2]
    )
    assert cls.from_dict(body) == cls.from_json(json.dumps(body))
    assert cls.from_json(json.dumps(body).encode()) == cls.from_dict(body)
    with pytest.raises(InvalidTypeError) as caught:
        cls.from_json(body)
    assert str(caught.value).startswith(
        "callback must be JSON text (str or bytes), not object <dict"
    )
    with pytest.raises(InvalidTypeError) as caught:
        cls.from_dict(json.dumps({**body, "apiKey": SECRET}))
    assert str(caught.value) == "callback must be a mapping of decoded JSON (dict), not text"
    assert SECRET not in caught.value.message("nb")
    with pytest.raises(InvalidValueError, match="callback must be a JSON object, not list"):
        cls.from_json("[1, 2]")


@pytest.mark.parametrize("body", [None, 42, ["{}"], OPAQUE])
def test_read_callback_refuses_what_is_neither_text_nor_a_mapping(body: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        read_callback(body)  # type: ignore[arg-type]
    assert "callback must be JSON text (str or bytes) or a mapping of decoded JSON (dict)" in str(
        caught.value
    )
