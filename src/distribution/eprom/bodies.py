"""Building what the ordering system sends ePROM: a form order and a message to a citizen.

Rule 1: the body of a request and what ePROM would refuse in it live here; sending it does not
(the library is sans-IO). Fields are snake_case keyword arguments; :meth:`FormOrderRequest.to_dict`
gives ePROM's JSON field names (BestillingAvSkjemaV2.md, SendeMeldingTilInnbyggerV2.md,
``docs/sources.md`` §3 and §8). The ``apiKey`` is not a field: ePROM's v2 API takes it in the
``Authorization`` header, which :func:`authorization_header` builds for the caller's HTTP client.

Building runs the pre-flight: an order ePROM would answer with ``BadRequest`` cannot be built,
and :class:`~distribution.errors.OrderRefusedError` lists every reason, naming ePROM's field.
National IDs (the patient's and the on-behalf-of one) are checked alike and never shown. Their
one normal form is 11 digits: spaces are removed (``"151086 95088"`` is sent as
``"15108695088"``), as every check of a national ID ignores them; anything else that is not a
digit is refused.

>>> from datetime import datetime, timezone
>>> order = FormOrderRequest(
...     form_id="1bc5f9f0-2607-49eb-94f0-6af955bbd79a", national_id="15108695088",
...     expiry_date=datetime(2026, 12, 24, tzinfo=timezone.utc), distribution_rule="BasicOrPaper",
...     metadata={"age": 76})
>>> body = order.to_dict()
>>> body["distributionRule"], body["metadata"], body["expiryDate"]
('BasicOrPaper', '{"age": 76}', '2026-12-24T00:00:00+00:00')
>>> "15108695088" in repr(order)
False
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Final, TypedDict, final

import attrs

from distribution._errors import (
    HIDDEN,
    InvalidValueError,
    OrderRefusedError,
    aware,
    exactly,
)
from distribution._evidence import wrong_kind
from distribution._formats import (
    guid_field,
)
from distribution._reading import (
    json_object,
    parse,
)
from distribution.codes import DistributionRule, NotificationChannel
from distribution.eprom.preflight import Problem, ProblemCode, national_id_problem, preflight
from distribution.routes import Route, parse_priority_list

if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = [
    "FormOrderDict",
    "FormOrderRequest",
    "MessageToCitizenRequest",
    "PhysicalAddress",
    "PhysicalAddressDict",
    "authorization_header",
]


def authorization_header(api_key: str) -> dict[str, str]:
    """Return the header ePROM's v2 API takes the ordering system's apiKey in.

    Exactly as the guide shows it: ``headers: {"Authorization": "Basic " + apiKey}``: the key
    as it is after ``Basic``, *not* the base64 of ``user:password`` that RFC 7617 makes of
    Basic (BestillingAvSkjemaV2.md, SendeMeldingTilInnbyggerV2.md; ``docs/sources.md`` §10).

    The key must be visible ASCII without a space first or last, so that no client changes it
    and no line break can add a header; an empty key, or one that is not, raises
    :class:`~distribution.errors.InvalidValueError`, a key that is not a ``str``
    :class:`~distribution.errors.InvalidTypeError`. No error shows the key.

    >>> authorization_header("6f1c2a9e-key")
    {'Authorization': 'Basic 6f1c2a9e-key'}
    """
    if type(api_key) is not str:
        raise wrong_kind(api_key, "api_key", "a string", secret=True)
    if not api_key:
        raise InvalidValueError("empty_key", value=None, field="api_key")
    if not (api_key.isascii() and api_key.isprintable()) or api_key.strip() != api_key:
        raise InvalidValueError("header_key", value=HIDDEN, field="api_key")
    return {"Authorization": f"Basic {api_key}"}


def _national_id(value: str) -> str:
    """Return a national ID in its one normal form, 11 digits: spaces removed.

    Typed ``str`` for the caller's type checker; anything else is kept, for the validator to
    refuse as the caller's wrong type.
    """
    return value.replace(" ", "") if type(value) is str else value


def _optional_national_id(value: str | None) -> str | None:
    return None if value is None else _national_id(value)


# The body field each pre-flight problem concerns; the others are about "nationalId".
_FIELD_OF: Final[Mapping[ProblemCode, str]] = {
    ProblemCode.SIGNING_WITHOUT_DISTRIBUTION: "mustBeSigned",
    ProblemCode.SIGNING_ON_BEHALF: "onBehalfOfNationalId",
    ProblemCode.PAPER_NOT_ENABLED: "distributionRule",
}


def _json_text(value: object, field: str, *, object_only: bool) -> str:
    """Return *value* as JSON text: a mapping or list written out, a text checked to be JSON.

    A text that is not JSON, or not an object where one belongs, is a bad value; anything but a
    text, a mapping (or a list) is the caller's wrong type.
    """
    if isinstance(value, str):
        parsed = parse(value, field)
        if object_only:
            json_object(parsed, field, "a JSON object")
        return value
    data: object = value
    if not object_only and isinstance(value, Sequence) and type(value) not in (bytes, bytearray):
        data = list(value)  # any sequence of documents, a tuple included, goes out as a list
    elif not isinstance(value, Mapping):
        expected = "a mapping or its JSON text" if object_only else "a mapping, a list or JSON text"
        raise wrong_kind(value, field, expected)
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        raise InvalidValueError("not_json", value=HIDDEN, field=field) from None


def _hidden(value: object) -> str:
    return "None" if value is None else "<hidden>"


def _json_repr(value: str | None) -> str:
    return "None" if value is None else f"<{len(value)} characters of JSON>"


class PhysicalAddressDict(TypedDict):
    """``physicalAddress`` on the wire."""

    fullName: str
    addressLine1: str
    postalCode: str
    postalPlace: str


@final
@attrs.frozen(kw_only=True)
class PhysicalAddress:
    """Where a paper letter goes instead of the Folkeregister address (``physicalAddress``).

    Personal data: the repr shows none of it.
    """

    full_name: str = attrs.field(repr=False, validator=exactly(str, secret=True))
    address_line1: str = attrs.field(repr=False, validator=exactly(str, secret=True))
    postal_code: str = attrs.field(repr=False, validator=exactly(str, secret=True))
    postal_place: str = attrs.field(repr=False, validator=exactly(str, secret=True))

    def to_dict(self) -> PhysicalAddressDict:
        """Return the address with ePROM's field names."""
        return {
            "fullName": self.full_name,
            "addressLine1": self.address_line1,
            "postalCode": self.postal_code,
            "postalPlace": self.postal_place,
        }


class FormOrderDict(TypedDict):
    """A form order's body, as ePROM's ``POST /api/v2/formorder`` takes it."""

    formId: str
    nationalId: str
    expiryDate: str
    metadata: str | None
    dontStoreCompletedFormInPha: bool
    distributionRule: str
    mustBeSigned: bool
    signingText: str | None
    physicalAddress: PhysicalAddressDict | None
    testMode: bool
    onBehalfOfNationalId: str | None


def _rule(value: DistributionRule | int | str) -> DistributionRule:
    return DistributionRule.parse(value)


_METADATA: Final = "FormOrderRequest.metadata"


def _metadata(value: Mapping[str, object] | str | None) -> str | None:
    """Return metadata as the JSON text sent; a text is checked with the other problems.

    A mapping that cannot be written as JSON has no text to check later, so it is refused here.
    """
    if value is None or isinstance(value, str):
        return value
    try:
        return _json_text(value, _METADATA, object_only=True)
    except InvalidValueError as error:
        # No rule yet: a converter sees one field. The cause says what could not be written.
        raise OrderRefusedError(
            "order_refused",
            value=None,
            field="FormOrderRequest",
            problems=(Problem(ProblemCode.METADATA_NOT_JSON, field="metadata"),),
        ) from error


def _metadata_error(text: str | None) -> InvalidValueError | None:
    """Return what makes a metadata text no JSON object, or ``None`` if it is one."""
    if text is None:
        return None
    try:
        json_object(parse(text, _METADATA), _METADATA, "a JSON object")
    except InvalidValueError as error:
        return error
    return None


def _sender_info(value: Mapping[str, object] | str) -> str:
    return _json_text(value, "MessageToCitizenRequest.sender_info", object_only=True)


def _message_info(value: Mapping[str, object] | str) -> str:
    return _json_text(value, "MessageToCitizenRequest.message_info", object_only=True)


def _documents(value: Mapping[str, object] | Sequence[Mapping[str, object]] | str) -> str:
    return _json_text(value, "MessageToCitizenRequest.document_collection", object_only=False)


@final
@attrs.frozen(kw_only=True)
class FormOrderRequest:
    """A form order, checked against what ePROM refuses before it is sent.

    Building it raises :class:`~distribution.errors.OrderRefusedError` for an order ePROM would
    answer with ``BadRequest``: a form that must be signed with NoDistribution or on behalf of
    someone, a paper rule for a form that is not paper enabled (``form_paper_enabled``: the
    form's setting in ePROM, which is not sent), or a national ID (``national_id`` or
    ``on_behalf_of_national_id``) that is not a valid fødselsnummer or D-nummer.

    ``metadata`` is a mapping or its JSON text, sent as the JSON text ePROM asks for; text that is
    not a JSON object, or a mapping that cannot be written as JSON, is refused as ePROM refuses
    it: :class:`~distribution.errors.OrderRefusedError` with ``METADATA_NOT_JSON`` on
    ``metadata``, the parser's finding as its ``__cause__``. (``OrderRefusedError`` is an
    :class:`~distribution.errors.InvalidValueError`, which was raised here before.)
    ``reminderDate`` is not offered: ePROM ignores it ("Reminderdate is ignored as helsenorge
    does not use it").
    """

    # The shape of a GUID; whether the form exists only ePROM knows.
    form_id: str = attrs.field(validator=guid_field)
    national_id: str = attrs.field(
        repr=_hidden, converter=_national_id, validator=exactly(str, secret=True)
    )
    expiry_date: datetime = attrs.field(validator=[exactly(datetime), aware])
    distribution_rule: DistributionRule = attrs.field(
        default=DistributionRule.BASIC, converter=_rule
    )
    metadata: str | None = attrs.field(default=None, converter=_metadata, repr=_json_repr)
    dont_store_completed_form_in_pha: bool = attrs.field(default=False, validator=exactly(bool))
    must_be_signed: bool = attrs.field(default=False, validator=exactly(bool))
    signing_text: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    physical_address: PhysicalAddress | None = attrs.field(
        default=None, validator=exactly(PhysicalAddress, optional=True)
    )
    test_mode: bool = attrs.field(default=False, validator=exactly(bool))
    on_behalf_of_national_id: str | None = attrs.field(
        default=None,
        repr=_hidden,
        converter=_optional_national_id,
        validator=exactly(str, optional=True, secret=True),
    )
    form_paper_enabled: bool = attrs.field(default=True, validator=exactly(bool))

    def __attrs_post_init__(self) -> None:
        found = [
            attrs.evolve(problem, field=_FIELD_OF.get(problem.code, "nationalId"))
            for problem in preflight(
                self.distribution_rule,
                must_be_signed=self.must_be_signed,
                on_behalf_of=self.on_behalf_of_national_id is not None,
                paper_enabled=self.form_paper_enabled,
                national_id=self.national_id,
            )
        ]
        if self.on_behalf_of_national_id is not None:
            code = national_id_problem(self.on_behalf_of_national_id)
            if code is not None:
                found.append(Problem(code, self.distribution_rule, field="onBehalfOfNationalId"))
        # What is wrong in the text (where the JSON breaks) stays on the error as its cause.
        metadata_error = _metadata_error(self.metadata)
        if metadata_error is not None:
            found.append(
                Problem(ProblemCode.METADATA_NOT_JSON, self.distribution_rule, field="metadata")
            )
        if found:
            raise OrderRefusedError(
                "order_refused", value=None, field="FormOrderRequest", problems=tuple(found)
            ) from metadata_error

    def to_dict(self) -> FormOrderDict:
        """Return the body with ePROM's JSON field names; optional fields left out are ``None``."""
        return {
            "formId": self.form_id,
            "nationalId": self.national_id,
            "expiryDate": self.expiry_date.isoformat(),
            "metadata": self.metadata,
            "dontStoreCompletedFormInPha": self.dont_store_completed_form_in_pha,
            "distributionRule": self.distribution_rule.api_name,
            "mustBeSigned": self.must_be_signed,
            "signingText": self.signing_text,
            "physicalAddress": (
                None if self.physical_address is None else self.physical_address.to_dict()
            ),
            "testMode": self.test_mode,
            "onBehalfOfNationalId": self.on_behalf_of_national_id,
        }


class MessageDict(TypedDict):
    """A message's body, as ePROM's ``POST /api/v2/messagetocitizen`` takes it."""

    nationalId: str
    senderInfo: object
    messageInfo: object
    documentCollection: object
    notificationPriorityList: list[str]
    testMode: bool
    paperColorPrint: bool


def _priority_list(value: Iterable[NotificationChannel | int | str]) -> Route:
    return parse_priority_list(value, field="MessageToCitizenRequest.notification_priority_list")


@final
@attrs.frozen(kw_only=True)
class MessageToCitizenRequest:
    """A message (a letter with documents) to a citizen, checked before it is sent.

    ``notification_priority_list`` takes channels as :func:`~distribution.decide_priority_list`
    does and goes out as their API names. ``sender_info``, ``message_info`` (JSON objects) and
    ``document_collection`` (the documents, a JSON object or list) are passed through as the
    caller gives them, as a mapping or its JSON text: the guide names their fields only in a C#
    example. They are kept as JSON text, so the request stays immutable, and their repr shows
    only their length. A national ID that ePROM would refuse, or an empty document collection
    (``[]``, ``{}`` or ``null``: no main document, which ePROM answers with ``BadRequest``),
    raises :class:`~distribution.errors.OrderRefusedError` listing both.
    """

    national_id: str = attrs.field(
        repr=_hidden, converter=_national_id, validator=exactly(str, secret=True)
    )
    sender_info: str = attrs.field(converter=_sender_info, repr=_json_repr)
    message_info: str = attrs.field(converter=_message_info, repr=_json_repr)
    document_collection: str = attrs.field(converter=_documents, repr=_json_repr)
    notification_priority_list: tuple[NotificationChannel, ...] = attrs.field(
        converter=_priority_list
    )
    test_mode: bool = attrs.field(default=False, validator=exactly(bool))
    paper_color_print: bool = attrs.field(default=False, validator=exactly(bool))

    def __attrs_post_init__(self) -> None:
        found = []
        code = national_id_problem(self.national_id)
        if code is not None:
            found.append(Problem(code, field="nationalId"))
        # ePROM refuses a message whose collection has no main document; the guide names no
        # document's fields, so an empty collection (or null) is the one case told before sending.
        if not json.loads(self.document_collection):
            found.append(Problem(ProblemCode.MAIN_DOCUMENT_MISSING, field="documentCollection"))
        if found:
            raise OrderRefusedError(
                "order_refused",
                value=None,
                field="MessageToCitizenRequest",
                problems=tuple(found),
            )

    def to_dict(self) -> MessageDict:
        """Return the body with ePROM's JSON field names."""
        return {
            "nationalId": self.national_id,
            "senderInfo": json.loads(self.sender_info),
            "messageInfo": json.loads(self.message_info),
            "documentCollection": json.loads(self.document_collection),
            "notificationPriorityList": [c.api_name for c in self.notification_priority_list],
            "testMode": self.test_mode,
            "paperColorPrint": self.paper_color_print,
        }
