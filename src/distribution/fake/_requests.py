"""Reading an order or a message as ePROM's v2 API receives it, and what it answers BadRequest to.

One reason to change: what ePROM accepts in a request body, and the texts it refuses one with.
The texts below are ePROM's own, word for word, from the "Feilsituasjoner" of
BestillingAvSkjemaV2.md and SendeMeldingTilInnbyggerV2.md (``docs/sources.md`` §3 and §10),
except those marked as the fake's own, which are worded as ASP.NET words a field it cannot read.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution import (
    Availability,
    DistributionError,
    DistributionRule,
    ProblemCode,
    decide_priority_list,
    national_id_problem,
    preflight,
)
from distribution._errors import exactly
from distribution.eprom.responses import ECHOED_FIELDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from distribution import NotificationChannel

# ePROM's own texts (BestillingAvSkjemaV2.md of 19.04.2023, SendeMeldingTilInnbyggerV2.md).
NOT_PUBLISHED: Final = "The ordered form is not Published"
NO_FORM: Final = "No form with id='{form_id}' exists"
NOT_PAPER_ENABLED: Final = "Form with id='{form_id}' is not paper enabled"
BAD_METADATA: Final = "JSON in metadata is not valid: {problem}"
MAIN_DOCUMENT_MISSING: Final = "Main document in MessageToCitizen is missing"
# The guide's text names the key ("apiKey '{message.apiKey}' doesn't exists"); the fake never
# repeats a key, so the name is hidden.
UNKNOWN_API_KEY: Final = "apiKey '<hidden>' doesn't exists"
GATEWAY_TIMEOUT: Final = "Timeout while waiting for response from Helsenorge"
BAD_GATEWAY: Final = "Unable to communicate with Helsenorge. No message sent."
_PROBLEM_TEXTS: Final[Mapping[ProblemCode, str]] = {
    ProblemCode.SIGNING_WITHOUT_DISTRIBUTION: (
        "The ordered form needs to be signed. This is not possible when using "
        "DistributionRule = 'NoDistribution'."
    ),
    ProblemCode.SIGNING_ON_BEHALF: (
        "The ordered form needs to be signed. This is not possible when the form is ordered on "
        "behalf of someone."
    ),
    ProblemCode.PAPER_NOT_ENABLED: NOT_PAPER_ENABLED,
    ProblemCode.NATIONAL_ID_H_NUMBER: (
        "{field}: H-nummer is not supported as national ID. The national ID must be either "
        "Norsk fødselsnummer or D-nummer."
    ),
    ProblemCode.NATIONAL_ID_FH_NUMBER: (
        "{field}: FH-nummer is not supported as national ID. The national ID must be either "
        "Norsk fødselsnummer or D-nummer."
    ),
}
# The fake's own texts, where the guide names no answer.
NOT_NATIONAL_ID: Final = "{field}: The national ID must be either Norsk fødselsnummer or D-nummer."
NOT_AN_OBJECT: Final = "The request body is not a JSON object."
REQUIRED: Final = "The {field} field is required."
NOT_VALID: Final = "The value of {field} is not valid."

_GUID: Final = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_FLAGS: Final = ("dontStoreCompletedFormInPha", "mustBeSigned", "testMode")
ADDRESS_FIELDS: Final = ("fullName", "addressLine1", "postalCode", "postalPlace")


@final
class BadRequest(Exception):  # noqa: N818  # named as ePROM's answer is
    """ePROM answers ``400 BadRequest`` with :attr:`text` (internal to the fake)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


@final
@attrs.frozen(kw_only=True)
class FormSettings:
    """A form as ePROM's catalogue holds it: whether it is published and paper enabled."""

    published: bool = attrs.field(default=True, validator=exactly(bool))
    paper_enabled: bool = attrs.field(default=True, validator=exactly(bool))


@final
@attrs.frozen(kw_only=True)
class Order:
    """An order ePROM accepted, as far as the fake needs it (internal)."""

    form_id: str
    national_id: str = attrs.field(repr=False)
    expiry: datetime
    rule: DistributionRule
    must_be_signed: bool
    test_mode: bool
    on_behalf_of: bool
    physical_address: bool
    echo: dict[str, object] = attrs.field(repr=False)


@final
@attrs.frozen(kw_only=True)
class Message:
    """A message ePROM accepted, as far as the fake needs it (internal)."""

    national_id: str = attrs.field(repr=False)
    priority_list: tuple[NotificationChannel, ...]
    test_mode: bool


def _strict(name: str) -> object:
    """Refuse NaN and the infinities, as ePROM's strict JSON reader does."""
    raise ValueError(f"{name} is not a number in JSON")


def body_object(body: bytes | str) -> Mapping[str, object]:
    """Return the request body's JSON object, or refuse it."""
    try:
        data = json.loads(body, parse_constant=_strict)
    except (ValueError, RecursionError):
        raise BadRequest(NOT_AN_OBJECT) from None
    if not isinstance(data, dict):
        raise BadRequest(NOT_AN_OBJECT)
    return data


def _text(data: Mapping[str, object], field: str) -> str | None:
    value = data.get(field)
    if value is not None and type(value) is not str:
        raise BadRequest(NOT_VALID.format(field=field))
    return value


def _required(data: Mapping[str, object], field: str) -> str:
    value = _text(data, field)
    if value is None:
        raise BadRequest(REQUIRED.format(field=field))
    return value


def _flag(data: Mapping[str, object], field: str) -> bool:
    value = data.get(field)
    if value is None:
        return False
    if type(value) is not bool:
        raise BadRequest(NOT_VALID.format(field=field))
    return value


def _date(text: str, field: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadRequest(NOT_VALID.format(field=field)) from None
    # A time without an offset is read as UTC: the guide does not say which zone it means.
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=UTC)


def _address(data: Mapping[str, object]) -> dict[str, str | None] | None:
    """Return ``physicalAddress`` as ePROM's typed model holds it: its four texts, nothing else.

    A field left out is ``null``; a field that is not text cannot be bound, so ePROM refuses it.
    """
    address = data.get("physicalAddress")
    if address is None:
        return None
    if not isinstance(address, dict):
        raise BadRequest(NOT_VALID.format(field="physicalAddress"))
    fields = {key: address.get(key) for key in ADDRESS_FIELDS}
    if any(value is not None and type(value) is not str for value in fields.values()):
        raise BadRequest(NOT_VALID.format(field="physicalAddress"))
    return fields  # each a str or None, as checked


def _rule(value: object) -> DistributionRule:
    if value is None:
        return DistributionRule.BASIC  # "Default: Basic"
    try:
        return DistributionRule.parse(value)
    except DistributionError:
        raise BadRequest(NOT_VALID.format(field="distributionRule")) from None


def national_id_text(national_id: str, field: str) -> str | None:
    """Return ePROM's text refusing *national_id* in *field*, or ``None`` when it is valid."""
    code = national_id_problem(national_id)
    if code is None:
        return None
    return _PROBLEM_TEXTS.get(code, NOT_NATIONAL_ID).format(field=field)


def read_order(data: Mapping[str, object], forms: Mapping[str, FormSettings] | None) -> Order:
    """Return the order in *data*, or raise :class:`BadRequest` with ePROM's first refusal.

    The checks run in the order the guide lists its refusals. *forms* is ePROM's catalogue; with
    ``None`` every form exists, is published and is paper enabled.
    """
    form_id = _required(data, "formId")
    if not _GUID.fullmatch(form_id):
        raise BadRequest(NOT_VALID.format(field="formId"))
    settings = FormSettings() if forms is None else forms.get(form_id.lower())
    if settings is None:
        raise BadRequest(NO_FORM.format(form_id=form_id))
    if not settings.published:
        raise BadRequest(NOT_PUBLISHED)
    national_id = _required(data, "nationalId")
    expiry = _date(_required(data, "expiryDate"), "expiryDate")
    rule = _rule(data.get("distributionRule"))
    must_be_signed = _flag(data, "mustBeSigned")
    on_behalf_of = _text(data, "onBehalfOfNationalId")
    problems = preflight(
        rule,
        must_be_signed=must_be_signed,
        on_behalf_of=on_behalf_of is not None,
        paper_enabled=settings.paper_enabled,
    )
    if problems:
        raise BadRequest(_PROBLEM_TEXTS[problems[0].code].format(form_id=form_id))
    metadata = _text(data, "metadata")
    if metadata is not None:
        try:
            json.loads(metadata, parse_constant=_strict)
        except (ValueError, RecursionError) as error:
            raise BadRequest(BAD_METADATA.format(problem=error)) from None
    for field, number in (("nationalId", national_id), ("onBehalfOfNationalId", on_behalf_of)):
        refused = None if number is None else national_id_text(number, field)
        if refused is not None:
            raise BadRequest(refused)
    reminder = _text(data, "reminderDate")
    reminder_date = None if reminder is None else _date(reminder, "reminderDate")
    address = _address(data)
    flags = {field: _flag(data, field) for field in _FLAGS}
    return Order(
        form_id=form_id.lower(),
        national_id=national_id.replace(" ", ""),
        expiry=expiry,
        rule=rule,
        must_be_signed=must_be_signed,
        test_mode=flags["testMode"],
        on_behalf_of=on_behalf_of is not None,
        physical_address=address is not None,
        # The input parameters as ePROM's model holds them: the flags and the rule with their
        # defaults, the dates written in ISO 8601, the address's four texts.
        echo={
            **{field: data.get(field) for field in ECHOED_FIELDS},
            **flags,
            "formId": form_id.lower(),
            "expiryDate": expiry.isoformat(),
            "reminderDate": None if reminder_date is None else reminder_date.isoformat(),
            "distributionRule": rule.api_name,
            "signingText": _text(data, "signingText"),
            "physicalAddress": address,
        },
    )


def read_message(data: Mapping[str, object]) -> Message:
    """Return the message in *data*, or raise :class:`BadRequest` with ePROM's refusal."""
    national_id = _required(data, "nationalId")
    documents = data.get("documentCollection")
    if not documents:
        raise BadRequest(MAIN_DOCUMENT_MISSING)
    priority_list = data.get("notificationPriorityList")
    if not isinstance(priority_list, list):
        raise BadRequest(REQUIRED.format(field="notificationPriorityList"))
    try:
        route = decide_priority_list(priority_list, Availability()).route
    except DistributionError:
        raise BadRequest(NOT_VALID.format(field="notificationPriorityList")) from None
    refused = national_id_text(national_id, "nationalId")
    if refused is not None:
        raise BadRequest(refused)
    return Message(
        national_id=national_id.replace(" ", ""),
        priority_list=route,
        test_mode=_flag(data, "testMode"),
    )
