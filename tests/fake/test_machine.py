"""The fake ePROM's state machine: answers, refusals and callbacks, pinned from the guide."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    DistributionRule,
    FormOrderResponse,
    FormOrderStatusCallback,
    FormReturnCallback,
    InvalidTypeError,
    InvalidValueError,
    MessageResponse,
    MessageStatusCallback,
    NotificationChannel,
    PhysicalAddress,
    SentStatus,
    read_callback,
)
from distribution.fake import (
    FakeEprom,
    FormSettings,
    PatientDirectory,
    Reply,
    Scenario,
    ScheduledCallback,
    Timing,
)
from tests.helpers.fake import (
    API_KEY,
    AUTH,
    BAD_CHECKSUM,
    DIGIPOST,
    FH_NUMBER,
    FORM_ID,
    H_NUMBER,
    HELSENORGE,
    NOBODY,
    NOT_IN_DIRECTORY,
    NOW,
    PAPER,
    SYNTHETIC,
    directory,
    message_body,
    order_body,
)

C = NotificationChannel
LATER = NOW + timedelta(days=30)
NIL = "00000000-0000-0000-0000-000000000000"


def fake(**options: object) -> FakeEprom:
    return FakeEprom(directory(), api_key=API_KEY, seed=7, **options)  # type: ignore[arg-type]


def bodies(machine: FakeEprom, when: datetime = LATER) -> list[dict[str, object]]:
    return [json.loads(callback.body) for callback in machine.due(when)]


# --- the answer to an order -----------------------------------------------------------------


def test_an_order_is_answered_with_its_inputs_its_id_and_the_preferred_channel() -> None:
    reply = fake().order(order_body(metadata='{"age": 76}'), AUTH, at=NOW)
    assert (reply.status, reply.content_type) == (200, "application/json; charset=utf-8")
    body = json.loads(reply.body)
    assert body == {
        "formId": FORM_ID,
        "nationalId": HELSENORGE,
        # As ePROM's model holds it: the time read, then written in ISO 8601 (EXPIRY ends in Z).
        "expiryDate": "2026-03-16T00:00:00+00:00",
        "reminderDate": None,
        "metadata": '{"age": 76}',
        "dontStoreCompletedFormInPha": False,
        "distributionRule": "Basic",
        "mustBeSigned": False,
        "signingText": None,
        "physicalAddress": None,
        "testMode": False,
        "onBehalfOfNationalId": None,
        "id": reply.id,
        "singleUseCode": None,
        "loginUrl": "https://fake-eprom.invalid/Proms/",
        "notificationChannel": "Helsenorge",
    }
    response = FormOrderResponse.from_json(reply.body)
    assert response.created
    assert response.channel is C.HELSENORGE
    assert reply.channel is C.HELSENORGE
    # Every field of the answer is kept, the order's input included, and written back as sent.
    assert response.to_dict() == body
    assert response.order is not None
    assert response.order.expiry_date == datetime(2026, 3, 16, tzinfo=UTC)
    assert response.order.distribution_rule is DistributionRule.BASIC
    assert response.order.metadata == '{"age": 76}'


def test_the_answer_repeats_the_dates_and_the_address_as_eprom_holds_them() -> None:
    address = {
        "fullName": "Test Testesen",
        "addressLine1": "Testeveien 1",
        "postalCode": "1234",
        "postalPlace": "Testestad",
        "careOf": "not a field of ePROM's",
    }
    reply = fake().order(
        order_body(
            PAPER,
            expiryDate="2026-03-16",
            reminderDate="2026-03-15T08:00:00+01:00",
            distributionRule="PaperOnly",
            physicalAddress=address,
            signingText="Signer her",
        ),
        AUTH,
        at=NOW,
    )
    body = json.loads(reply.body)
    assert body["expiryDate"] == "2026-03-16T00:00:00+00:00"
    assert body["reminderDate"] == "2026-03-15T08:00:00+01:00"
    assert body["physicalAddress"] == {key: address[key] for key in list(address)[:4]}
    order = FormOrderResponse.from_json(reply.body).order
    assert order is not None
    assert order.reminder_date == datetime(2026, 3, 15, 7, tzinfo=UTC)
    # A field of the address left out is repeated as null.
    partial = fake().order(
        order_body(PAPER, physicalAddress={"fullName": "Test Testesen"}), AUTH, at=NOW
    )
    assert json.loads(partial.body)["physicalAddress"] == {
        "fullName": "Test Testesen",
        "addressLine1": None,
        "postalCode": None,
        "postalPlace": None,
    }
    assert order.physical_address == PhysicalAddress(
        full_name="Test Testesen",
        address_line1="Testeveien 1",
        postal_code="1234",
        postal_place="Testestad",
    )
    assert order.signing_text == "Signer her"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reminderDate", "next week"),
        ("reminderDate", 7),
        (
            "physicalAddress",
            {"fullName": 1, "addressLine1": "", "postalCode": "", "postalPlace": ""},
        ),
        ("physicalAddress", "Testeveien 1"),
        ("signingText", ["Signer her"]),
    ],
)
def test_an_input_eprom_could_not_bind_is_a_bad_request(field: str, value: object) -> None:
    reply = fake().order(order_body(**{field: value}), AUTH, at=NOW)
    assert reply.status == 400
    assert field in reply.body


def test_the_rule_may_come_as_its_number_and_defaults_to_basic() -> None:
    by_number = fake().order(order_body(DIGIPOST, distributionRule=7), AUTH, at=NOW)
    assert json.loads(by_number.body)["distributionRule"] == "DigitalMailboxOnly"
    default = fake().order(order_body(DIGIPOST, distributionRule=None), AUTH, at=NOW)
    assert json.loads(default.body)["distributionRule"] == "Basic"
    assert default.channel is C.DIGITAL_MAILBOX


def test_no_distribution_gives_a_one_time_code_and_no_channel() -> None:
    machine = fake()
    reply = machine.order(order_body(distributionRule="NoDistribution"), AUTH, at=NOW)
    response = FormOrderResponse.from_json(reply.body)
    code = json.loads(reply.body)["singleUseCode"]
    assert isinstance(code, str)
    assert len(code) == 8
    assert code.isalnum()
    assert response.single_use_code == code
    assert response.channel is C.NONE
    status, returned = bodies(machine)
    assert (status["notificationChannel"], status["formOrderStatus"]) == ("None", "Ordered")
    assert (returned["notificationChannel"], returned["formOrderStatus"]) == ("None", "Completed")


def test_a_national_id_that_does_not_exist_gives_the_all_zero_id_and_nothing_else() -> None:
    machine = fake()
    reply = machine.order(order_body(NOT_IN_DIRECTORY), AUTH, at=NOW)
    assert reply.status == 200
    assert (reply.id, reply.channel, reply.record) == (None, None, None)
    response = FormOrderResponse.from_json(reply.body)
    assert response.id == NIL
    assert not response.created
    assert response.channel is C.NONE
    assert machine.pending == 0


def test_physical_address_lets_paper_reach_a_patient_without_one() -> None:
    address = {
        "fullName": "Test Testesen",
        "addressLine1": "Testeveien 1",
        "postalCode": "1234",
        "postalPlace": "Testestad",
    }
    reply = fake().order(
        order_body(NOBODY, distributionRule="PaperOnly", physicalAddress=address), AUTH, at=NOW
    )
    assert reply.channel is C.PHYSICAL_MAILBOX
    without = fake().order(order_body(NOBODY, distributionRule="PaperOnly"), AUTH, at=NOW)
    assert without.channel is C.NONE


# --- what ePROM refuses ---------------------------------------------------------------------

SIGNED_NO_DISTRIBUTION = (
    "The ordered form needs to be signed. This is not possible when using "
    "DistributionRule = 'NoDistribution'."
)
SIGNED_ON_BEHALF = (
    "The ordered form needs to be signed. This is not possible when the form is ordered on "
    "behalf of someone."
)


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"distributionRule": "NoDistribution", "mustBeSigned": True}, SIGNED_NO_DISTRIBUTION),
        ({"mustBeSigned": True, "onBehalfOfNationalId": PAPER}, SIGNED_ON_BEHALF),
        (
            {"metadata": "{age: 76}"},
            (
                "JSON in metadata is not valid: Expecting property name "
                "enclosed in double quotes: line 1 column 2 (char 1)"
            ),
        ),
        ({"metadata": '{"a": NaN}'}, "JSON in metadata is not valid: NaN is not a number in JSON"),
        (
            {"nationalId": H_NUMBER},
            (
                "nationalId: H-nummer is not supported as national ID. "
                "The national ID must be either Norsk fødselsnummer or D-nummer."
            ),
        ),
        (
            {"nationalId": FH_NUMBER},
            (
                "nationalId: FH-nummer is not supported as national ID. "
                "The national ID must be either Norsk fødselsnummer or D-nummer."
            ),
        ),
        (
            {"onBehalfOfNationalId": H_NUMBER},
            (
                "onBehalfOfNationalId: H-nummer is not supported "
                "as national ID. The national ID must be either Norsk fødselsnummer or D-nummer."
            ),
        ),
        (
            {"nationalId": BAD_CHECKSUM},
            "nationalId: The national ID must be either Norsk fødselsnummer or D-nummer.",
        ),
        ({"formId": "RAND-12"}, "The value of formId is not valid."),
        ({"formId": None}, "The formId field is required."),
        ({"nationalId": None}, "The nationalId field is required."),
        ({"nationalId": 26670271527}, "The value of nationalId is not valid."),
        ({"expiryDate": "next week"}, "The value of expiryDate is not valid."),
        ({"distributionRule": "Pigeon"}, "The value of distributionRule is not valid."),
        ({"mustBeSigned": "yes"}, "The value of mustBeSigned is not valid."),
        ({"physicalAddress": "Testeveien 1"}, "The value of physicalAddress is not valid."),
    ],
)
def test_an_order_eprom_refuses_is_answered_with_its_text(
    fields: dict[str, object], text: str
) -> None:
    machine = fake()
    reply = machine.order(order_body(**fields), AUTH, at=NOW)
    assert (reply.status, reply.body) == (400, text)
    assert reply.content_type == "text/plain; charset=utf-8"
    assert (reply.id, reply.record) == (None, None)
    assert machine.pending == 0


@pytest.mark.parametrize("body", ["", "[1, 2]", "{", '"text"', b"\xff\xfe"])
def test_a_body_that_is_no_json_object_is_refused(body: str | bytes) -> None:
    reply = fake().order(body, AUTH, at=NOW)
    assert (reply.status, reply.body) == (400, "The request body is not a JSON object.")


def test_the_form_catalogue_knows_which_forms_exist_are_published_and_take_paper() -> None:
    other = "2bc5f9f0-2607-49eb-94f0-6af955bbd79b"
    unpublished = "3bc5f9f0-2607-49eb-94f0-6af955bbd79c"
    forms = {
        FORM_ID.upper(): FormSettings(paper_enabled=False),
        unpublished: FormSettings(published=False),
    }
    machine = fake(forms=forms)
    assert machine.order(order_body(formId=other), AUTH, at=NOW).body == (
        f"No form with id='{other}' exists"
    )
    assert machine.order(order_body(formId=unpublished), AUTH, at=NOW).body == (
        "The ordered form is not Published"
    )
    assert machine.order(order_body(distributionRule="BasicOrPaper"), AUTH, at=NOW).body == (
        f"Form with id='{FORM_ID}' is not paper enabled"
    )
    assert machine.order(order_body(), AUTH, at=NOW).status == 200


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Basic", "Basic guess", f"Bearer {API_KEY}", API_KEY, f"Basic {API_KEY}x"],
)
def test_an_order_without_the_api_key_is_refused_and_the_key_never_repeated(
    authorization: str | None,
) -> None:
    machine = fake()
    for reply in (
        machine.order(order_body(), authorization, at=NOW),
        machine.message(message_body(), authorization, at=NOW),
    ):
        assert (reply.status, reply.body) == (400, "apiKey '<hidden>' doesn't exists")
    assert machine.pending == 0


def test_the_basic_scheme_takes_any_letter_case_and_surrounding_space() -> None:
    assert fake().order(order_body(), f"  basic  {API_KEY} ", at=NOW).status == 200


# --- the callbacks of an order --------------------------------------------------------------


def test_the_status_callback_has_the_guides_fields_and_times_as_dotnet_writes_them() -> None:
    machine = fake()
    reply = machine.order(order_body(), AUTH, at=NOW)
    [status] = machine.due(NOW)
    assert status.due == NOW
    assert status.path == "/api/PromsFormOrder"
    assert json.loads(status.body) == {
        "apiKey": API_KEY,
        "formOrderId": reply.id,
        "notificationChannel": "Helsenorge",
        "timestamp": "2026-03-02T10:00:00.0000000",
        "timestampUtc": "2026-03-02T09:00:00.0000000Z",
        "formOrderStatus": "Ordered",
        "formOrderStatusErrorCode": "None",
    }
    callback = read_callback(status.body)
    assert isinstance(callback, FormOrderStatusCallback)
    assert callback.api_key_matches(API_KEY)
    assert callback.timestamp_utc == NOW


def test_the_patient_answers_after_the_answer_delay() -> None:
    machine = fake(timing=Timing(status=timedelta(seconds=1), answer=timedelta(minutes=5)))
    assert machine.next_due is None
    reply = machine.order(order_body(), AUTH, at=NOW)
    assert machine.due(NOW) == []
    assert machine.next_due == NOW + timedelta(seconds=1)
    assert [c.body for c in machine.due(NOW + timedelta(seconds=1))] != []
    assert machine.next_due == NOW + timedelta(minutes=5)
    [returned] = machine.due(NOW + timedelta(minutes=5))
    assert machine.pending == 0
    body = json.loads(returned.body)
    assert json.loads(body.pop("formData")).keys() == {
        "HealthGeneral",
        "LastFourWeeksPain",
        "LastFourWeeksSocial",
    }
    assert body == {
        "apiKey": API_KEY,
        "formOrderId": reply.id,
        "formOrderStatus": "Completed",
        "signedFormId": NIL,
        "timestamp": "2026-03-02T10:05:00+01:00",
        "scannedPaperId": NIL,
        "formDataWarnings": [],
        "notificationChannel": "Helsenorge",
        "isPatientInitiated": False,
        "patientInitiatedValues": None,
        "formOrderEventLog": [],
    }
    callback = read_callback(returned.body)
    assert isinstance(callback, FormReturnCallback)
    assert (callback.signed, callback.on_paper) == (False, False)


def test_a_signed_form_and_a_paper_answer_name_their_documents() -> None:
    machine = fake()
    machine.order(order_body(PAPER, distributionRule="PaperOnly", mustBeSigned=True), AUTH, at=NOW)
    _, returned = (read_callback(c.body) for c in machine.due(LATER))
    assert isinstance(returned, FormReturnCallback)
    assert (returned.signed, returned.on_paper) == (True, True)
    assert returned.channel is C.PHYSICAL_MAILBOX


def test_an_answer_that_would_come_after_the_expiry_date_comes_back_expired() -> None:
    machine = fake(timing=Timing(answer=timedelta(days=20)))
    reply = machine.order(order_body(), AUTH, at=NOW)
    status, expired = machine.due(LATER)
    assert expired.due == datetime(2026, 3, 16, tzinfo=UTC)
    assert json.loads(expired.body) == {
        "apiKey": API_KEY,
        "formOrderId": reply.id,
        "formData": None,
        "formOrderStatus": "Expired",
        "signedFormId": NIL,
        "timestamp": "2026-03-16T01:00:00+01:00",
        "scannedPaperId": NIL,
        "formDataWarnings": [],
        "notificationChannel": "Helsenorge",
        "isPatientInitiated": False,
        "patientInitiatedValues": None,
        "formOrderEventLog": [],
    }
    assert json.loads(status.body)["formOrderStatus"] == "Ordered"


def test_an_order_whose_expiry_has_passed_expires_at_once() -> None:
    machine = fake()
    machine.order(order_body(expiryDate="2026-03-01T00:00:00"), AUTH, at=NOW)
    assert [json.loads(c.body)["formOrderStatus"] for c in machine.due(NOW)] == [
        "Ordered",
        "Expired",
    ]


def test_a_patient_on_no_channel_gets_the_guides_error_example_and_nothing_after() -> None:
    machine = fake()
    reply = machine.order(order_body(NOBODY), AUTH, at=NOW)
    assert reply.channel is C.NONE
    assert bodies(machine) == [
        {
            "apiKey": API_KEY,
            "formOrderId": reply.id,
            "notificationChannel": "None",
            "formOrderStatus": "Error",
            "formOrderStatusErrorCode": "PatientUnreachable",
        }
    ]


def test_test_mode_sends_the_status_but_never_the_answer() -> None:
    machine = fake()
    machine.order(order_body(testMode=True), AUTH, at=NOW)
    assert [json.loads(c.body)["formOrderStatus"] for c in machine.due(LATER)] == ["Ordered"]


def test_codes_can_be_written_as_numbers() -> None:
    machine = fake(numeric_codes=True)
    machine.order(order_body(DIGIPOST), AUTH, at=NOW)
    machine.order(order_body(NOBODY), AUTH, at=NOW)
    machine.message(message_body(), AUTH, at=NOW)
    found = [json.loads(c.body) for c in machine.due(LATER)]
    codes = [
        {
            k: v
            for k, v in body.items()
            if k
            in {"notificationChannel", "formOrderStatus", "formOrderStatusErrorCode", "sentStatus"}
        }
        for body in found
    ]
    assert codes == [
        {"notificationChannel": 2, "formOrderStatus": 2, "formOrderStatusErrorCode": 0},
        {"notificationChannel": 0, "formOrderStatus": 3, "formOrderStatusErrorCode": 1},
        {"notificationChannel": 1, "sentStatus": 0},
        {"notificationChannel": 2, "formOrderStatus": 0},
    ]
    assert [read_callback(body).channel for body in found] == [
        C.DIGITAL_MAILBOX,
        C.NONE,
        C.HELSENORGE,
        C.DIGITAL_MAILBOX,
    ]


# --- scenarios --------------------------------------------------------------------------------


def statuses(machine: FakeEprom) -> list[tuple[str, object, object, object]]:
    """(due offset, status, channel, error code) of each callback, as the bodies say."""
    return [
        (
            str(c.due - NOW),
            json.loads(c.body).get("formOrderStatus", json.loads(c.body).get("sentStatus")),
            json.loads(c.body)["notificationChannel"],
            json.loads(c.body).get("formOrderStatusErrorCode"),
        )
        for c in machine.due(LATER)
    ]


@pytest.mark.parametrize(
    ("national_id", "scenario", "expected"),
    [
        (
            DIGIPOST,
            Scenario.SIKKER_DIGITAL_POST_ERROR,
            [("0:00:00", "Error", "DigitalMailbox", "SikkerDigitalPostError")],
        ),
        (
            HELSENORGE,
            Scenario.PATIENT_UNREACHABLE,
            [("0:00:00", "Error", "None", "PatientUnreachable")],
        ),
        (
            PAPER,
            Scenario.PHYSICAL_MAIL_RETURNED,
            [
                ("0:00:00", "Ordered", "PhysicalMailbox", "None"),
                ("0:00:01", "PhysicalMailReturned", "PhysicalMailbox", "None"),
                ("13 days, 15:00:00", "Expired", "PhysicalMailbox", None),
            ],
        ),
        (
            HELSENORGE,
            Scenario.PHYSICAL_MAIL_RETURNED,  # no letter was sent, so none comes back
            [
                ("0:00:00", "Ordered", "Helsenorge", "None"),
                ("0:00:02", "Completed", "Helsenorge", None),
            ],
        ),
        (
            DIGIPOST,
            Scenario.DIGIPOST_DELIVERED,
            [
                ("0:00:00", "Ordered", "DigitalMailbox", "None"),
                ("0:00:01", "DigipostDelivered", "DigitalMailbox", "None"),
                ("0:00:02", "Completed", "DigitalMailbox", None),
            ],
        ),
        (
            PAPER,
            Scenario.DIGIPOST_DELIVERED,
            [
                ("0:00:00", "Ordered", "PhysicalMailbox", "None"),
                ("0:00:02", "Completed", "PhysicalMailbox", None),
            ],
        ),
        (
            HELSENORGE,
            Scenario.DUPLICATE_CALLBACK,
            [
                ("0:00:00", "Ordered", "Helsenorge", "None"),
                ("0:00:00", "Ordered", "Helsenorge", "None"),
                ("0:00:02", "Completed", "Helsenorge", None),
            ],
        ),
        (
            HELSENORGE,
            Scenario.LATE_CALLBACK,
            [
                ("0:00:02", "Completed", "Helsenorge", None),
                ("1:00:00", "Ordered", "Helsenorge", "None"),
            ],
        ),
        (
            HELSENORGE,
            Scenario.NEVER_ANSWERS,
            [
                ("0:00:00", "Ordered", "Helsenorge", "None"),
                ("13 days, 15:00:00", "Expired", "Helsenorge", None),
            ],
        ),
    ],
)
def test_each_scenario_changes_the_callbacks_as_it_says(
    national_id: str, scenario: Scenario, expected: list[tuple[str, object, object, object]]
) -> None:
    machine = fake(timing=Timing())
    body = order_body(national_id, distributionRule="AllowUnsecureOrPaper")
    machine.order(body, AUTH, at=NOW, scenarios=[scenario])
    assert statuses(machine) == expected


def test_a_wrong_api_key_goes_in_every_callback_of_the_order() -> None:
    machine = fake()
    machine.order(order_body(), AUTH, at=NOW, scenarios="WrongApiKey")
    machine.message(message_body(), AUTH, at=NOW, scenarios={Scenario.WRONG_API_KEY})
    callbacks = [read_callback(c.body) for c in machine.due(LATER)]
    assert len(callbacks) == 3
    assert not any(callback.api_key_matches(API_KEY) for callback in callbacks)


def test_the_event_log_and_who_filled_out_the_form_come_on_helsenorge() -> None:
    machine = fake()
    machine.order(order_body(mustBeSigned=True), AUTH, at=NOW, scenarios=("EventLog",))
    _, returned = machine.due(LATER)
    body = json.loads(returned.body)
    assert body["formOrderEventLog"] == [
        {"eventType": "FormOpened", "timestampUtc": "2026-03-02 09:00:00.285"},
        {
            "eventType": "QuestionAccessed",
            "questionId": "HealthGeneral",
            "timestampUtc": "2026-03-02 09:00:00.571",
        },
        {
            "eventType": "QuestionAccessed",
            "questionId": "LastFourWeeksPain",
            "timestampUtc": "2026-03-02 09:00:00.857",
        },
        {
            "eventType": "QuestionAccessed",
            "questionId": "LastFourWeeksSocial",
            "timestampUtc": "2026-03-02 09:00:01.142",
        },
        {"eventType": "SigningStarted", "timestampUtc": "2026-03-02 09:00:01.428"},
        {"eventType": "SigningCompleted", "timestampUtc": "2026-03-02 09:00:01.714"},
        {"eventType": "FormDelivered", "timestampUtc": "2026-03-02 09:00:02.000"},
    ]
    assert body["filledOutBy"] == {
        "filledOutByActNationalId": HELSENORGE,
        "filledOutByActType": "SegSelv",
    }
    callback = read_callback(returned.body)
    assert isinstance(callback, FormReturnCallback)
    assert [event.type.api_name for event in callback.events][-1] == "FormDelivered"
    assert callback.filled_out_by is not None
    assert callback.filled_out_by.act_type == "SegSelv"
    assert HELSENORGE not in repr(callback)


def test_on_behalf_of_someone_the_form_is_filled_out_by_a_parent() -> None:
    machine = fake()
    machine.order(
        order_body(onBehalfOfNationalId=PAPER), AUTH, at=NOW, scenarios=[Scenario.EVENT_LOG]
    )
    _, returned = bodies(machine)
    assert returned["filledOutBy"] == {
        "filledOutByActNationalId": HELSENORGE,
        "filledOutByActType": "Foreldrerepresentasjon",
    }


def test_who_filled_out_the_form_is_said_on_helsenorge_only() -> None:
    machine = fake()
    machine.order(order_body(DIGIPOST), AUTH, at=NOW, scenarios=[Scenario.EVENT_LOG])
    _, returned = bodies(machine)
    assert "filledOutBy" not in returned
    assert len(returned["formOrderEventLog"]) == 5  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scenario", "status", "text"),
    [
        (Scenario.GATEWAY_TIMEOUT, 504, "Timeout while waiting for response from Helsenorge"),
        (Scenario.BAD_GATEWAY, 502, "Unable to communicate with Helsenorge. No message sent."),
    ],
)
def test_helsenorge_failing_is_answered_with_a_gateway_error_and_no_order(
    scenario: Scenario, status: int, text: str
) -> None:
    machine = FakeEprom(
        {HELSENORGE: {"helsenorge": True, "scenarios": [scenario.value]}}, api_key=API_KEY
    )
    for reply in (
        machine.order(order_body(), AUTH, at=NOW),
        machine.message(message_body(), AUTH, at=NOW),
    ):
        assert (reply.status, reply.body, reply.record) == (status, text, None)
    assert machine.pending == 0


def test_a_patients_scenarios_and_an_orders_scenarios_add_up() -> None:
    machine = FakeEprom(
        {HELSENORGE: {"helsenorge": True, "scenarios": ["DuplicateCallback"]}}, api_key=API_KEY
    )
    machine.order(order_body(), AUTH, at=NOW, scenarios=["NeverAnswers"])
    assert [json.loads(c.body)["formOrderStatus"] for c in machine.due(LATER)] == [
        "Ordered",
        "Ordered",
        "Expired",
    ]


# --- messages -------------------------------------------------------------------------------


def test_a_message_is_answered_with_its_channel_and_id_and_its_status_follows() -> None:
    machine = fake()
    reply = machine.message(message_body(DIGIPOST), AUTH, at=NOW)
    assert json.loads(reply.body) == {"notificationChannel": "2", "messageToCitizenId": reply.id}
    response = MessageResponse.from_json(reply.body)
    assert (response.sent, response.message_to_citizen_id) == (True, reply.id)
    [status] = machine.due(NOW)
    assert status.path == "/api/MessageToCitizen"
    assert json.loads(status.body) == {
        "apiKey": API_KEY,
        "messageToCitizenId": reply.id,
        "notificationChannel": "DigitalMailbox",
        "sentStatus": "Sent",
    }
    assert isinstance(read_callback(status.body), MessageStatusCallback)


def test_a_message_nobody_can_receive_says_0_and_its_status_is_error() -> None:
    machine = fake()
    reply = machine.message(message_body(NOBODY), AUTH, at=NOW)
    assert json.loads(reply.body)["notificationChannel"] == "0"
    assert not MessageResponse.from_json(reply.body).sent
    [status] = machine.due(NOW)
    callback = read_callback(status.body)
    assert isinstance(callback, MessageStatusCallback)
    assert (callback.status, callback.channel) == (SentStatus.ERROR, C.NONE)


def test_a_message_to_a_national_id_that_does_not_exist_is_not_sent() -> None:
    machine = fake()
    reply = machine.message(message_body(NOT_IN_DIRECTORY), AUTH, at=NOW)
    assert json.loads(reply.body) == {"notificationChannel": "0", "messageToCitizenId": None}
    assert (reply.id, reply.record, machine.pending) == (None, None, 0)


def test_a_message_in_test_mode_sends_no_status() -> None:
    machine = fake()
    assert machine.message(message_body(testMode=True), AUTH, at=NOW).status == 200
    assert machine.pending == 0


def test_a_message_lost_since_the_decision_reports_error() -> None:
    machine = fake()
    machine.message(message_body(), AUTH, at=NOW, scenarios=["PatientUnreachable"])
    assert statuses(machine) == [("0:00:00", "Error", "None", None)]


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"documentCollection": []}, "Main document in MessageToCitizen is missing"),
        ({"documentCollection": None}, "Main document in MessageToCitizen is missing"),
        ({"notificationPriorityList": None}, "The notificationPriorityList field is required."),
        (
            {"notificationPriorityList": ["Helsenorge", "Helsenorge"]},
            "The value of notificationPriorityList is not valid.",
        ),
        ({"nationalId": None}, "The nationalId field is required."),
        (
            {"nationalId": FH_NUMBER},
            (
                "nationalId: FH-nummer is not supported as national ID. "
                "The national ID must be either Norsk fødselsnummer or D-nummer."
            ),
        ),
        ({"testMode": 1}, "The value of testMode is not valid."),
    ],
)
def test_a_message_eprom_refuses_is_answered_with_its_text(
    fields: dict[str, object], text: str
) -> None:
    reply = fake().message(message_body(**fields), AUTH, at=NOW)
    assert (reply.status, reply.body) == (400, text)


def test_a_message_body_that_is_no_json_object_is_refused() -> None:
    reply = fake().message("null", AUTH, at=NOW)
    assert (reply.status, reply.body) == (400, "The request body is not a JSON object.")


# --- determinism, the queue and the knobs -------------------------------------------------------


def run(seed: int) -> list[object]:
    machine = FakeEprom(directory(), api_key=API_KEY, seed=seed)
    replies = [
        machine.order(order_body(national_id, distributionRule=rule), AUTH, at=NOW)
        for national_id in SYNTHETIC
        for rule in ("Basic", "NoDistribution", "AllowUnsecureOrPaper")
    ]
    replies.append(machine.message(message_body(), AUTH, at=NOW))
    return [*(r.body for r in replies), *(c.body for c in machine.due(LATER))]


def test_the_same_seed_gives_the_same_run_byte_for_byte() -> None:
    assert run(3) == run(3)
    first, other = run(3), run(4)
    assert first != other
    assert len(first) == len(other)


def test_every_order_and_message_gets_its_own_id() -> None:
    machine = fake()
    ids = {machine.order(order_body(), AUTH, at=NOW).id for _ in range(50)}
    ids |= {machine.message(message_body(), AUTH, at=NOW).id for _ in range(50)}
    assert len(ids) == 100
    assert all(isinstance(i, str) and len(i) == 36 and i[14] == "4" for i in ids)


def test_callbacks_due_at_the_same_time_come_in_the_order_they_were_scheduled() -> None:
    machine = fake()
    ids = [machine.order(order_body(), AUTH, at=NOW).id for _ in range(5)]
    assert [json.loads(c.body)["formOrderId"] for c in machine.due(NOW)] == ids
    assert machine.pending == 5
    assert all(type(c) is ScheduledCallback for c in machine.due(LATER))


def test_the_reply_and_the_fake_show_no_key_body_or_national_id() -> None:
    machine = fake()
    reply = machine.order(order_body(), AUTH, at=NOW)
    assert API_KEY not in repr(machine)
    assert repr(machine) == "FakeEprom(PatientDirectory(<16 patients>), pending=2)"
    assert HELSENORGE not in repr(reply)
    assert type(reply) is Reply


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"api_key": ""}, InvalidValueError, "api_key is empty"),
        ({"api_key": 42}, InvalidTypeError, "api_key must be a string"),
        ({"seed": True}, InvalidTypeError, "seed must be an integer"),
        ({"timing": "fast"}, InvalidTypeError, "timing must be"),
        ({"forms": ["x"]}, InvalidTypeError, "forms must be an object"),
        ({"forms": {FORM_ID: True}}, InvalidTypeError, "forms must be an object"),
        ({"numeric_codes": "yes"}, InvalidTypeError, "numeric_codes must be true"),
        ({"research": 1}, InvalidTypeError, "research must be true"),
        ({"login_url": None}, InvalidTypeError, "login_url must be a string"),
    ],
)
def test_the_fake_refuses_bad_options_with_the_librarys_errors(
    options: dict[str, object], error: type[DistributionError], message: str
) -> None:
    arguments: dict[str, object] = {"api_key": API_KEY, **options}
    with pytest.raises(error, match=message):
        FakeEprom(directory(), **arguments)  # type: ignore[arg-type]


def test_the_fake_takes_a_directory_as_it_is_or_as_json() -> None:
    text = json.dumps(directory())
    assert FakeEprom(text, api_key=API_KEY).order(order_body(), AUTH, at=NOW).status == 200
    built = PatientDirectory.from_json(text)
    assert repr(FakeEprom(built, api_key=API_KEY)).startswith("FakeEprom(PatientDirectory(<16")


@pytest.mark.parametrize("now", [datetime(2026, 3, 2, 9, 0), "2026-03-02T09:00:00Z"])  # noqa: DTZ001
def test_the_time_must_be_an_aware_datetime(now: object) -> None:
    machine = fake()
    with pytest.raises(DistributionError, match="at"):
        machine.order(order_body(), AUTH, at=now)  # type: ignore[arg-type]
    with pytest.raises(DistributionError, match="at"):
        machine.due(now)  # type: ignore[arg-type]


def test_timing_refuses_a_negative_or_non_timedelta_delay() -> None:
    with pytest.raises(InvalidValueError, match=r"Timing.answer is '-1 day, 23:59:59'"):
        Timing(answer=timedelta(seconds=-1))
    with pytest.raises(InvalidTypeError, match=r"Timing\.late"):
        Timing(late=5)  # type: ignore[arg-type]


# --- arbitrary input ----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
fields = st.sampled_from(
    [
        "formId",
        "nationalId",
        "expiryDate",
        "distributionRule",
        "metadata",
        "mustBeSigned",
        "onBehalfOfNationalId",
        "physicalAddress",
        "testMode",
        "documentCollection",
        "notificationPriorityList",
    ]
)


@given(changes=st.dictionaries(fields, json_values, max_size=4), message=st.booleans())
def test_any_body_is_answered_and_everything_sent_reads_back(
    changes: dict[str, object], message: bool
) -> None:
    """Whatever a registry sends, the fake answers 200 or 400 and never raises; what it answers
    200 with, and every callback it schedules, the library reads back."""
    machine = fake()
    build = message_body if message else order_body
    reply = (machine.message if message else machine.order)(build(**changes), AUTH, at=NOW)
    assert reply.status in {200, 400}
    if reply.status == 200:
        response = (MessageResponse if message else FormOrderResponse).from_json(reply.body)
        assert response is not None
    for callback in machine.due(LATER):
        assert read_callback(callback.body) is not None
