"""Building the bodies ePROM takes: its field names, and no order it would refuse
(BestillingAvSkjemaV2.md "Feilsituasjoner", SendeMeldingTilInnbyggerV2.md; docs/sources.md §3)."""

from __future__ import annotations

import json
import pickle
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    Problem,
    ProblemCode,
    UnknownCodeError,
)
from distribution.eprom.bodies import (
    FormOrderRequest,
    MessageToCitizenRequest,
    PhysicalAddress,
    authorization_header,
)
from distribution.errors import OrderRefusedError
from tests.eprom.test_preflight import D_NUMBER, FH_NUMBER, FNR, H_NUMBER
from tests.strategies import priority_lists, rules

R = DistributionRule
FORM = "1bc5f9f0-2607-49eb-94f0-6af955bbd79a"  # the guide's example form (RAND-12)
EXPIRY = datetime(2026, 12, 24, 12, tzinfo=UTC)
PAPER_RULES = {R.BASIC_OR_PAPER, R.ALLOW_UNSECURE_OR_PAPER, R.PAPER_ONLY}  # from the guide's prose
ADDRESS = PhysicalAddress(
    full_name="Kari Nordmann",
    address_line1="Storgata 1",
    postal_code="7010",
    postal_place="Trondheim",
)


def order(**changes: Any) -> FormOrderRequest:
    fields: dict[str, Any] = {"form_id": FORM, "national_id": FNR, "expiry_date": EXPIRY}
    fields.update(changes)
    return FormOrderRequest(**fields)


def refusal(**changes: Any) -> OrderRefusedError:
    with pytest.raises(OrderRefusedError) as caught:
        order(**changes)
    return caught.value


# --- the order body -----------------------------------------------------------------------------


def test_the_body_has_the_guides_field_names() -> None:
    # The names the guide's JavaScript example sends, but reminderDate, which ePROM ignores.
    assert order().to_dict() == {
        "formId": FORM,
        "nationalId": FNR,
        "expiryDate": "2026-12-24T12:00:00+00:00",
        "metadata": None,
        "dontStoreCompletedFormInPha": False,
        "distributionRule": "Basic",
        "mustBeSigned": False,
        "signingText": None,
        "physicalAddress": None,
        "testMode": False,
        "onBehalfOfNationalId": None,
    }


def test_every_field_goes_out_under_its_name() -> None:
    body = order(
        distribution_rule=4,
        metadata={"age": 76, "navn": "Ærlig"},
        dont_store_completed_form_in_pha=True,
        must_be_signed=True,
        signing_text="Jeg bekrefter",
        physical_address=ADDRESS,
        test_mode=True,
    ).to_dict()
    assert body["distributionRule"] == "AllowUnsecureOrPaper"
    assert body["metadata"] == '{"age": 76, "navn": "Ærlig"}'
    assert body["dontStoreCompletedFormInPha"] is True
    assert body["mustBeSigned"] is True
    assert body["signingText"] == "Jeg bekrefter"
    assert body["physicalAddress"] == {
        "fullName": "Kari Nordmann",
        "addressLine1": "Storgata 1",
        "postalCode": "7010",
        "postalPlace": "Trondheim",
    }
    assert body["testMode"] is True
    assert json.dumps(body)  # the body is plain JSON
    behalf = order(on_behalf_of_national_id=D_NUMBER).to_dict()
    assert behalf["onBehalfOfNationalId"] == D_NUMBER


def test_metadata_is_json_text_as_ePROM_asks() -> None:  # noqa: N802  # ePROM is a name
    assert order(metadata='{"age": 76}').metadata == '{"age": 76}'
    with pytest.raises(InvalidTypeError, match="metadata must be a mapping or its JSON text"):
        order(metadata=76)


METADATA_PROBLEM = Problem(ProblemCode.METADATA_NOT_JSON, DistributionRule.BASIC, field="metadata")


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("{age: 76}", r"FormOrderRequest\.metadata is not valid JSON: line 1, column 2"),
        # A text is the right type; JSON in it that is not an object is a bad value.
        ("[76]", "metadata must be a JSON object, not list"),
        ("[" * 100_000, "metadata is nested deeper than the JSON reader"),
        ('{"a": 1, "a": 2}', "metadata"),
        # Python's parser reads these as numbers; JSON, and ePROM, do not.
        (
            '{"a": NaN}',
            r"FormOrderRequest\.metadata is not valid JSON: NaN is not a number in JSON",
        ),
        ('{"a": -Infinity}', "-Infinity is not a number in JSON"),
    ],
)
def test_metadata_text_that_is_no_json_object_is_refused_as_ePROM_refuses_it(  # noqa: N802
    text: str, cause: str
) -> None:
    with pytest.raises(OrderRefusedError) as caught:
        order(metadata=text)
    assert caught.value.problems == (METADATA_PROBLEM,)
    assert str(caught.value) == (
        "ePROM would refuse this order (FormOrderRequest): metadata: The metadata (metadata) is"
        " not a valid JSON object."
    )
    assert caught.value.message("nb").endswith(
        "metadata: Metadata (metadata) er ikke et gyldig JSON-objekt."
    )
    # Where the JSON breaks stays on the error, and callers that caught the old error still do.
    assert isinstance(caught.value.__cause__, InvalidValueError)
    assert re.search(cause, str(caught.value.__cause__))
    assert isinstance(caught.value, InvalidValueError)


def test_bad_metadata_is_listed_with_every_other_reason() -> None:
    with pytest.raises(OrderRefusedError) as caught:
        order(
            national_id=H_NUMBER,
            metadata="[76]",
            distribution_rule="PaperOnly",
            form_paper_enabled=False,
        )
    assert [(p.code, p.field) for p in caught.value.problems] == [
        (ProblemCode.PAPER_NOT_ENABLED, "distributionRule"),
        (ProblemCode.NATIONAL_ID_H_NUMBER, "nationalId"),
        (ProblemCode.METADATA_NOT_JSON, "metadata"),
    ]


def test_metadata_that_cannot_be_written_as_json_is_refused_at_once() -> None:
    circular: dict[str, object] = {}
    circular["self"] = circular
    for bad in ({"age": float("nan")}, {"when": EXPIRY}, {"deep": _deep(100_000)}, circular):
        with pytest.raises(OrderRefusedError) as caught:
            order(metadata=bad)
        # Refused while the field is read, before the rule is: the problem names none.
        assert caught.value.problems == (
            Problem(ProblemCode.METADATA_NOT_JSON, None, field="metadata"),
        )
        assert "cannot be written as JSON" in str(caught.value.__cause__)


def _deep(depth: int) -> object:
    value: object = []
    for _ in range(depth):
        value = [value]
    return value


def test_personal_data_is_never_shown() -> None:
    built = order(physical_address=ADDRESS, on_behalf_of_national_id=D_NUMBER, metadata={"a": 1})
    text = repr(built)
    for secret in (FNR, D_NUMBER, "Kari", "Storgata", "7010"):
        assert secret not in text
    assert "national_id=<hidden>" in text
    assert "metadata=<8 characters of JSON>" in text
    assert repr(ADDRESS) == "PhysicalAddress()"


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        (
            {"form_id": "RAND-12"},
            InvalidValueError,
            "FormOrderRequest.form_id is 'RAND-12', not a GUID",
        ),
        (
            {"form_id": 12},
            InvalidTypeError,
            "FormOrderRequest.form_id must be a GUID, not integer 12",
        ),
        ({"national_id": int(FNR)}, InvalidTypeError, "national_id must be text, not integer"),
        (
            {"expiry_date": "2026-12-24"},
            InvalidTypeError,
            "expiry_date must be time with a time zone, not text",
        ),
        (
            {"expiry_date": datetime(2026, 12, 24)},  # noqa: DTZ001  # naive on purpose
            InvalidValueError,
            "expiry_date is '2026-12-24T00:00:00', not an ISO 8601 time with a UTC offset",
        ),
        ({"distribution_rule": "Fax"}, UnknownCodeError, "'Fax' is not a known DistributionRule"),
        (
            {"must_be_signed": 1},
            InvalidTypeError,
            "must_be_signed must be true/false, not integer 1",
        ),
        (
            {"physical_address": {"fullName": "x"}},
            InvalidTypeError,
            "physical_address must be PhysicalAddress or null",
        ),
        (
            {"on_behalf_of_national_id": int(FNR)},
            InvalidTypeError,
            "on_behalf_of_national_id must be text or null, not integer",
        ),
    ],
)
def test_fields_are_checked_where_they_are_built(
    changes: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        order(**changes)
    assert message in str(caught.value)
    assert FNR not in str(caught.value)


# --- what ePROM refuses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # "The ordered form needs to be signed. This is not possible when using
        # DistributionRule = 'NoDistribution'."
        (
            {"distribution_rule": "NoDistribution", "must_be_signed": True},
            [("mustBeSigned", ProblemCode.SIGNING_WITHOUT_DISTRIBUTION)],
        ),
        # "... not possible when the form is ordered on behalf of someone."
        (
            {"must_be_signed": True, "on_behalf_of_national_id": D_NUMBER},
            [("onBehalfOfNationalId", ProblemCode.SIGNING_ON_BEHALF)],
        ),
        # ePROM: BadRequest "Form with id='…' is not paper enabled".
        (
            {"distribution_rule": "PaperOnly", "form_paper_enabled": False},
            [("distributionRule", ProblemCode.PAPER_NOT_ENABLED)],
        ),
        # ePROM: BadRequest "nationalId: H-nummer is not supported as national ID.".
        ({"national_id": H_NUMBER}, [("nationalId", ProblemCode.NATIONAL_ID_H_NUMBER)]),
        ({"national_id": FH_NUMBER}, [("nationalId", ProblemCode.NATIONAL_ID_FH_NUMBER)]),
        ({"national_id": "1510869508"}, [("nationalId", ProblemCode.NATIONAL_ID_FORMAT)]),
        # The on-behalf-of national ID is checked as the patient's is.
        (
            {"on_behalf_of_national_id": H_NUMBER},
            [("onBehalfOfNationalId", ProblemCode.NATIONAL_ID_H_NUMBER)],
        ),
        (
            {"on_behalf_of_national_id": FNR[:-1] + "9"},
            [("onBehalfOfNationalId", ProblemCode.NATIONAL_ID_CHECKSUM)],
        ),
        (
            {
                "distribution_rule": "NoDistribution",
                "must_be_signed": True,
                "national_id": FH_NUMBER,
                "on_behalf_of_national_id": "",
            },
            [
                ("mustBeSigned", ProblemCode.SIGNING_WITHOUT_DISTRIBUTION),
                ("onBehalfOfNationalId", ProblemCode.SIGNING_ON_BEHALF),
                ("nationalId", ProblemCode.NATIONAL_ID_FH_NUMBER),
                ("onBehalfOfNationalId", ProblemCode.NATIONAL_ID_FORMAT),
            ],
        ),
    ],
)
def test_an_order_ePROM_would_refuse_cannot_be_built(  # noqa: N802  # ePROM is a name
    changes: dict[str, Any], expected: list[tuple[str, ProblemCode]]
) -> None:
    error = refusal(**changes)
    assert [(p.field, p.code) for p in error.problems] == expected
    assert all(type(p) is Problem for p in error.problems)
    assert isinstance(error, DistributionError)
    assert isinstance(error, ValueError)
    assert error.key == "order_refused"
    for text in (str(error), error.message("nb"), repr(error)):
        for number in (FNR, D_NUMBER, H_NUMBER, FH_NUMBER):
            assert number not in text


def test_the_refusal_says_every_reason_in_both_languages() -> None:
    error = refusal(distribution_rule="PaperOnly", form_paper_enabled=False, national_id=H_NUMBER)
    assert str(error) == (
        "ePROM would refuse this order (FormOrderRequest): distributionRule: Rule PaperOnly may"
        " send paper, but the form is not paper enabled; choose a rule without paper or enable"
        " paper for the form. nationalId: The national ID is an H-number (an aid number used in"
        " health care); ePROM needs a fødselsnummer or D-nummer."
    )
    assert error.message("nb") == (
        "ePROM ville avvist denne bestillingen (FormOrderRequest): distributionRule: Regel"
        " PaperOnly kan sende papirbrev, men skjemaet er ikke satt opp for papir; velg en"
        " regel uten papir eller slå på papir for skjemaet. nationalId: Identifikatoren er et"
        " H-nummer (hjelpenummer i helsetjenesten); ePROM trenger fødselsnummer eller D-nummer."
    )
    again = pickle.loads(pickle.dumps(error))  # noqa: S301  # our own value
    assert str(again) == str(error)
    assert again.problems == error.problems


@given(
    rule=rules,
    signed=st.booleans(),
    behalf=st.booleans(),
    paper_enabled=st.booleans(),
)
def test_an_order_builds_exactly_when_the_guide_allows_it(
    rule: DistributionRule, signed: bool, behalf: bool, paper_enabled: bool
) -> None:
    """Law: an order builds iff none of the guide's BadRequests applies (a model of its list)."""
    refused = (
        (signed and rule is R.NO_DISTRIBUTION)
        or (signed and behalf)
        or (not paper_enabled and rule in PAPER_RULES)
    )
    changes = {
        "distribution_rule": rule,
        "must_be_signed": signed,
        "on_behalf_of_national_id": D_NUMBER if behalf else None,
        "form_paper_enabled": paper_enabled,
    }
    if refused:
        assert refusal(**changes).problems
    else:
        assert order(**changes).to_dict()["distributionRule"] == rule.api_name


def test_a_problem_in_a_body_describes_itself_naming_its_field() -> None:
    problem = Problem(ProblemCode.NATIONAL_ID_FORMAT, field="nationalId")
    assert problem.describe() == "nationalId: The national ID must be 11 digits."
    assert problem.describe(lang="nb") == "nationalId: Fødselsnummeret må ha 11 siffer."
    bare = Problem(ProblemCode.NATIONAL_ID_FORMAT)  # from preflight(), which sees no body
    assert bare.describe() == "The national ID must be 11 digits."
    paper = Problem(ProblemCode.PAPER_NOT_ENABLED, R.PAPER_ONLY, field="distributionRule")
    assert paper.describe(lang="nb").startswith("distributionRule: Regel PaperOnly kan sende")
    with pytest.raises(InvalidTypeError):
        Problem("national_id_format", field="nationalId")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Problem\.field must be"):
        Problem(ProblemCode.NATIONAL_ID_FORMAT, field=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="not a supported language"):
        problem.describe(lang="sv")  # type: ignore[arg-type]


# --- the message body --------------------------------------------------------------------------

SENDER = {"organisationName": "St. Olavs hospital", "organisationNr": "883974832"}
INFO = {"title": "Ikkesensitiv tittel", "description": "Beskrivelse av melding", "merknad": "HUNT"}
DOCUMENTS = [{"title": "Brev", "content": "JVBERi0xLjQK"}]


def message(**changes: Any) -> MessageToCitizenRequest:
    fields: dict[str, Any] = {
        "national_id": FNR,
        "sender_info": SENDER,
        "message_info": INFO,
        "document_collection": DOCUMENTS,
        "notification_priority_list": ["helsenorge", "DigitalMailbox", 4],
    }
    fields.update(changes)
    return MessageToCitizenRequest(**fields)


def test_the_message_body_has_the_guides_field_names() -> None:
    assert message().to_dict() == {
        "nationalId": FNR,
        "senderInfo": SENDER,
        "messageInfo": INFO,
        "documentCollection": DOCUMENTS,
        "notificationPriorityList": ["Helsenorge", "DigitalMailbox", "PhysicalMailbox"],
        "testMode": False,
        "paperColorPrint": False,
    }
    text_form = message(sender_info=json.dumps(SENDER), document_collection=json.dumps(DOCUMENTS))
    assert text_form.to_dict() == message().to_dict()
    assert text_form == message()
    assert hash(text_form) == hash(message())
    flags = message(test_mode=True, paper_color_print=True).to_dict()
    assert (flags["testMode"], flags["paperColorPrint"]) == (True, True)


@given(priority_lists)
def test_any_priority_list_goes_out_as_api_names(channels: tuple[Any, ...]) -> None:
    """Law: the list goes out in its order, each channel by its API name."""
    body = message(notification_priority_list=channels).to_dict()
    assert body["notificationPriorityList"] == [c.api_name for c in channels]


def test_a_message_ePROM_would_refuse_cannot_be_built() -> None:  # noqa: N802  # ePROM is a name
    with pytest.raises(OrderRefusedError) as caught:
        message(national_id=H_NUMBER)
    assert caught.value.problems == (
        Problem(ProblemCode.NATIONAL_ID_H_NUMBER, None, field="nationalId"),
    )
    assert H_NUMBER not in str(caught.value)
    with pytest.raises(InvalidValueError, match="notification_priority_list is empty"):
        message(notification_priority_list=[])
    with pytest.raises(InvalidTypeError, match="sender_info must be a mapping or its JSON text"):
        message(sender_info=["x"])
    with pytest.raises(InvalidTypeError, match="document_collection must be a mapping, a list"):
        message(document_collection=5)
    with pytest.raises(InvalidValueError, match="message_info cannot be written as JSON"):
        message(message_info={"when": EXPIRY})
    repr_ = repr(message())
    assert FNR not in repr_
    assert "JVBERi0" not in repr_
    assert "document_collection=<" in repr_


# --- the Authorization header and the national ID's one form ----------------------------------


def test_the_authorization_header_is_the_guides_basic_and_the_key_as_it_is() -> None:
    # The guide: headers: {"Authorization": "Basic " + apiKey}; not RFC 7617's base64.
    assert authorization_header("abc:def") == {"Authorization": "Basic abc:def"}
    assert authorization_header("6f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6") == {
        "Authorization": "Basic 6f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6"
    }


@pytest.mark.parametrize(
    "key", ["s3cret\r\nX-Evil: 1", " s3cret", "s3cret ", "s3crét", "s3cr\x00et", "s3\tcret"]
)
def test_a_key_that_cannot_go_in_a_header_is_refused_without_showing_it(key: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        authorization_header(key)
    assert "s3cr" not in str(caught.value)
    assert "s3cr" not in caught.value.message("nb")
    assert "cannot go in an HTTP header" in str(caught.value)


def test_an_empty_or_non_text_key_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="is empty"):
        authorization_header("")
    with pytest.raises(InvalidTypeError) as caught:
        authorization_header(b"s3cret")  # type: ignore[arg-type]
    assert "s3cret" not in str(caught.value)


def test_a_national_id_with_spaces_is_sent_as_eleven_digits() -> None:
    order = FormOrderRequest(
        form_id=FORM,
        national_id="151086 95088",
        expiry_date=EXPIRY,
        on_behalf_of_national_id=" 15108695088 ",
    )
    assert order.national_id == "15108695088"
    assert order.to_dict()["nationalId"] == "15108695088"
    assert order.to_dict()["onBehalfOfNationalId"] == "15108695088"
    message = MessageToCitizenRequest(
        national_id="1510 8695 088",
        sender_info={},
        message_info={},
        document_collection=[{"title": "Brev"}],
        notification_priority_list=["helsenorge"],
    )
    assert message.to_dict()["nationalId"] == "15108695088"
    # Any other separator is refused, as every check refuses it.
    for other in ("151086-95088", "151086\t95088", "151086\u00a095088"):
        with pytest.raises(OrderRefusedError):
            FormOrderRequest(form_id=FORM, national_id=other, expiry_date=EXPIRY)


@pytest.mark.parametrize("empty", [[], (), {}, "[]", " {} ", "null"])
def test_a_message_without_documents_is_refused_before_it_is_sent(empty: Any) -> None:
    with pytest.raises(OrderRefusedError) as caught:
        message(document_collection=empty)
    assert caught.value.problems == (
        Problem(ProblemCode.MAIN_DOCUMENT_MISSING, None, field="documentCollection"),
    )
    assert str(caught.value) == (
        "ePROM would refuse this order (MessageToCitizenRequest): documentCollection: The message"
        " has no documents; ePROM needs at least the main document."
    )


def test_a_message_lists_every_reason_it_would_be_refused() -> None:
    with pytest.raises(OrderRefusedError) as caught:
        message(national_id=H_NUMBER, document_collection=[])
    assert [(p.code, p.field) for p in caught.value.problems] == [
        (ProblemCode.NATIONAL_ID_H_NUMBER, "nationalId"),
        (ProblemCode.MAIN_DOCUMENT_MISSING, "documentCollection"),
    ]
    assert caught.value.message("nb").endswith(
        "documentCollection: Meldingen har ingen dokumenter; ePROM trenger minst hoveddokumentet."
    )
