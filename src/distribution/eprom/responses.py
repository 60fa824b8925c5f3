"""What ePROM answers to a request: the order response and the message response, read from JSON.

Rule 1: how ePROM's answer to ``POST /api/v2/formorder`` or ``POST /api/v2/messagetocitizen`` is
read lives here; the requests themselves are built in :mod:`distribution.eprom.bodies`, and what
ePROM calls back with later is read in :mod:`distribution.eprom.callbacks`. Each response type
reads a decoded body with ``from_dict`` and JSON text with ``from_json``, through
:mod:`distribution._reading` as every reader of outside data does: what is wrong in a body
raises the ``ValueError`` family, a caller passing the wrong Python type
:class:`~distribution.errors.InvalidTypeError`. Keys this library does not read are ignored.

The order response repeats the order as ePROM read it ("I tillegg til alle inn-parametre");
that part is kept as :class:`EchoedOrder`, so ``to_dict`` gives back every field the guide
names. ``to_redacted_dict`` is the form fit for logs: no one-time code, the national IDs masked,
and neither the address nor the metadata (which may hold health data, such as an age).

>>> FormOrderResponse.from_json('{"id": "00000000-0000-0000-0000-000000000000",'
...                             ' "notificationChannel": "None"}').created
False
>>> response = FormOrderResponse.from_dict({"formId": "1bc5f9f0-2607-49eb-94f0-6af955bbd79a",
...     "nationalId": "15108695088", "expiryDate": "2026-12-24T00:00:00+01:00",
...     "distributionRule": "BasicOrPaper", "metadata": '{"age": 76}',
...     "id": "184738d0-3c39-e611-9c2a-34e6d72e03c7", "singleUseCode": None,
...     "loginUrl": "https://proms2.hemit.org/Proms", "notificationChannel": "Helsenorge"})
>>> response.order.distribution_rule
<DistributionRule.BASIC_OR_PAPER: 3>
>>> response.order
EchoedOrder(form_id='1bc5f9f0-2607-49eb-94f0-6af955bbd79a', national_id=<hidden>, ...)
>>> redacted = response.to_redacted_dict()
>>> redacted["nationalId"], "metadata" in redacted, "singleUseCode" in redacted
('***********', False, False)
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Final, NotRequired, Self, TypedDict, final

import attrs

from distribution._errors import DistributionError, exactly
from distribution._formats import (
    NIL_GUID,
    guid,
    guid_field,
    iso_time,
    lower,
    lower_or_none,
    optional_guid_field,
)
from distribution._reading import (
    check_keys,
    code,
    exact,
    given_mapping,
    json_object,
    maybe,
    read_object,
)
from distribution.codes import DistributionRule, NotificationChannel
from distribution.eprom._fields import hiding_key, keep_sent, mask, secret_text, text, time_text
from distribution.eprom.bodies import PhysicalAddress, PhysicalAddressDict

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ECHOED_FIELDS",
    "EchoedOrder",
    "EchoedOrderDict",
    "FormOrderResponse",
    "FormOrderResponseDict",
    "MessageResponse",
    "MessageResponseDict",
]

_FIELD: Final = "response"  # what a body is called in an error: "response.id is missing"
_ORDER_KEYS: Final = ("id", "singleUseCode", "loginUrl", "notificationChannel")
_MESSAGE_KEYS: Final = ("notificationChannel", "messageToCitizenId")
ECHOED_FIELDS: Final = (
    "formId",
    "nationalId",
    "expiryDate",
    "reminderDate",
    "metadata",
    "dontStoreCompletedFormInPha",
    "distributionRule",
    "mustBeSigned",
    "signingText",
    "physicalAddress",
    "testMode",
    "onBehalfOfNationalId",
)
"""The order's input parameters, which the order response repeats (BestillingAvSkjemaV2.md,
"Parametere – Ut": "I tillegg til alle inn-parametre"), in the guide's order."""
_ADDRESS_KEYS: Final = ("fullName", "addressLine1", "postalCode", "postalPlace")


def _code_repr(value: str | None) -> str:
    return "None" if value is None else "<hidden>"


def _json_repr(value: str | None) -> str:
    return "None" if value is None else f"<{len(value)} characters of JSON>"


def _time(value: object, field: str) -> datetime | None:
    """Read an order's date as ePROM repeats it: ISO 8601, with or without a UTC offset.

    Without an offset it is kept naive: the guide does not say which zone it is in.
    """
    return (
        None
        if value is None
        else iso_time(value, field, naive="allow", expected="a string or null")
    )


def _yes_no(value: object, field: str) -> bool | None:
    return maybe(value, bool, field, "true, false or null")


def _address(value: object, field: str) -> PhysicalAddress | None:
    """Read ``physicalAddress``: an object of four texts, or ``null``; its texts never shown."""
    if value is None:
        return None
    data = json_object(value, field, "an object or null")
    check_keys(data, field, required=_ADDRESS_KEYS)
    full_name, line1, postal_code, place = (
        exact(data[key], str, f"{field}.{key}", "a string", secret=True) for key in _ADDRESS_KEYS
    )
    return PhysicalAddress(
        full_name=full_name, address_line1=line1, postal_code=postal_code, postal_place=place
    )


class EchoedOrderDict(TypedDict, total=False):
    """The order as the order response repeats it.

    Every key is there, but a redacted one lacks ``metadata`` and ``physicalAddress``.
    """

    formId: str | None
    nationalId: str | None
    expiryDate: str | None
    reminderDate: str | None
    metadata: str | None
    dontStoreCompletedFormInPha: bool | None
    distributionRule: str | None
    mustBeSigned: bool | None
    signingText: str | None
    physicalAddress: PhysicalAddressDict | None
    testMode: bool | None
    onBehalfOfNationalId: str | None


@final
@attrs.frozen(kw_only=True)
class EchoedOrder:
    """The order's input as ePROM repeats it in the order response (BestillingAvSkjemaV2.md).

    Each field is ``None`` when the response has ``null`` for it or leaves it out. The dates
    are timezone-aware when ePROM sent an offset and naive when it did not (the guide does not
    say which zone such a time is in); :meth:`to_dict` writes them back as the text ePROM sent.
    The national IDs, the address and the metadata are never shown in the repr.

    Attributes:
        form_id: the form ordered.
        national_id: the patient's national ID.
        expiry_date: when the order expires.
        reminder_date: when a reminder is sent (ePROM ignores it today).
        metadata: the order's metadata, as the JSON text it was sent as.
        dont_store_completed_form_in_pha: whether the completed form is kept out of the
            patient's health archive and digital mailbox.
        distribution_rule: the rule ePROM decides by.
        must_be_signed: whether the form must be signed.
        signing_text: the text shown for signing.
        physical_address: the address a paper letter goes to instead of the Folkeregister one.
        test_mode: whether the order was made in test mode.
        on_behalf_of_national_id: the national ID of the person the form is about, when someone
            else answers it.
    """

    form_id: str | None = attrs.field(
        default=None, converter=lower_or_none, validator=optional_guid_field
    )
    national_id: str | None = attrs.field(
        default=None, repr=_code_repr, validator=exactly(str, optional=True, secret=True)
    )
    expiry_date: datetime | None = attrs.field(
        default=None, validator=exactly(datetime, optional=True)
    )
    reminder_date: datetime | None = attrs.field(
        default=None, validator=exactly(datetime, optional=True)
    )
    metadata: str | None = attrs.field(
        default=None, repr=_json_repr, validator=exactly(str, optional=True)
    )
    dont_store_completed_form_in_pha: bool | None = attrs.field(
        default=None, validator=exactly(bool, optional=True)
    )
    distribution_rule: DistributionRule | None = attrs.field(
        default=None, validator=exactly(DistributionRule, optional=True)
    )
    must_be_signed: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    signing_text: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    physical_address: PhysicalAddress | None = attrs.field(
        default=None, validator=exactly(PhysicalAddress, optional=True)
    )
    test_mode: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    on_behalf_of_national_id: str | None = attrs.field(
        default=None, repr=_code_repr, validator=exactly(str, optional=True, secret=True)
    )
    # The texts the dates came as, written back by to_dict; no part of equality.
    _expiry_sent: str | None = attrs.field(init=False, default=None, eq=False, repr=False)
    _reminder_sent: str | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read the order's fields from the response body, decoded from JSON; others are ignored."""
        data = given_mapping(data, _FIELD)
        form_id = data.get("formId")
        rule = data.get("distributionRule")
        made = cls(
            form_id=None if form_id is None else guid(form_id, "formId"),
            national_id=secret_text(data.get("nationalId"), "nationalId"),
            expiry_date=_time(data.get("expiryDate"), "expiryDate"),
            reminder_date=_time(data.get("reminderDate"), "reminderDate"),
            metadata=text(data.get("metadata"), "metadata"),
            dont_store_completed_form_in_pha=_yes_no(
                data.get("dontStoreCompletedFormInPha"), "dontStoreCompletedFormInPha"
            ),
            distribution_rule=None
            if rule is None
            else code(DistributionRule, rule, "distributionRule"),
            must_be_signed=_yes_no(data.get("mustBeSigned"), "mustBeSigned"),
            signing_text=text(data.get("signingText"), "signingText"),
            physical_address=_address(data.get("physicalAddress"), "physicalAddress"),
            test_mode=_yes_no(data.get("testMode"), "testMode"),
            on_behalf_of_national_id=secret_text(
                data.get("onBehalfOfNationalId"), "onBehalfOfNationalId"
            ),
        )
        keep_sent(made, "_expiry_sent", data.get("expiryDate"))
        return keep_sent(made, "_reminder_sent", data.get("reminderDate"))

    def to_dict(self, *, redacted: bool = False) -> EchoedOrderDict:
        """Return the fields with ePROM's names, the rule by name; :meth:`from_dict` reads them.

        *redacted* masks the national IDs (one ``*`` a digit) and leaves out ``metadata`` and
        ``physicalAddress``.
        """
        body: EchoedOrderDict = {
            "formId": self.form_id,
            "nationalId": mask(self.national_id) if redacted else self.national_id,
            "expiryDate": time_text(self.expiry_date, self._expiry_sent),
            "reminderDate": time_text(self.reminder_date, self._reminder_sent),
            "metadata": self.metadata,
            "dontStoreCompletedFormInPha": self.dont_store_completed_form_in_pha,
            "distributionRule": (
                None if self.distribution_rule is None else self.distribution_rule.api_name
            ),
            "mustBeSigned": self.must_be_signed,
            "signingText": self.signing_text,
            "physicalAddress": (
                None if self.physical_address is None else self.physical_address.to_dict()
            ),
            "testMode": self.test_mode,
            "onBehalfOfNationalId": (
                mask(self.on_behalf_of_national_id) if redacted else self.on_behalf_of_national_id
            ),
        }
        if redacted:
            del body["metadata"], body["physicalAddress"]
        return body


def _echo(data: Mapping[str, object]) -> EchoedOrder | None:
    """Return the order the response repeats, if it repeats it in a shape this library reads.

    The order was made whatever the repeated part holds, so a part that cannot be read does not
    make the response unreadable: its ``id`` is what the ordering system must keep.
    """
    if not any(key in data for key in ECHOED_FIELDS):
        return None
    try:
        return EchoedOrder.from_dict(data)
    except DistributionError:
        return None


class FormOrderResponseDict(EchoedOrderDict):
    """The order response: the order as repeated, when it was, and the four fields of the answer.

    A redacted one lacks ``singleUseCode``, ``metadata`` and ``physicalAddress`` and masks the
    national IDs.
    """

    id: str
    singleUseCode: NotRequired[str | None]
    loginUrl: str | None
    notificationChannel: str


@final
@attrs.frozen(kw_only=True)
class FormOrderResponse:
    """ePROM's answer to ``POST /api/v2/formorder`` (BestillingAvSkjemaV2.md, §3 and §8).

    ``single_use_code`` logs the patient in (with their birth date), so it is never shown.

    Attributes:
        id: the order's GUID; all zeros when no order was made (see :attr:`created`).
        single_use_code: the one-time code, for NoDistribution only.
        login_url: where the patient logs in to fill out the form.
        channel: the *preferred* channel; the one used comes in the status callback.
        order: the order's input as ePROM repeats it; ``None`` when the response has none of
            its fields, or has them in a shape :meth:`EchoedOrder.from_dict` refuses (the order
            was made all the same).
    """

    id: str = attrs.field(converter=lower, validator=guid_field)
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))
    single_use_code: str | None = attrs.field(
        default=None, repr=_code_repr, validator=exactly(str, optional=True)
    )
    login_url: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    order: EchoedOrder | None = attrs.field(
        default=None, validator=exactly(EchoedOrder, optional=True)
    )

    @property
    def created(self) -> bool:
        """Whether ePROM made the order.

        Not when the id is the all-zero GUID, which ePROM returns when the national ID does not
        exist ("Dette skjer hvis fødselsnummeret ikke eksisterer").
        """
        return self.id != NIL_GUID

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read the response body, decoded from JSON (by ``json.loads`` or an HTTP client).

        An error shows nothing of the ``singleUseCode``, even when its text is in another field.
        """
        data = given_mapping(data, _FIELD)
        return hiding_key(data, lambda: cls._read(data), "singleUseCode")

    @classmethod
    def _read(cls, data: Mapping[str, object]) -> Self:
        check_keys(data, _FIELD, required=("id", "notificationChannel"), listed=_ORDER_KEYS)
        return cls(
            id=guid(data["id"], "id"),
            channel=code(NotificationChannel, data["notificationChannel"], "notificationChannel"),
            single_use_code=maybe(
                data.get("singleUseCode"), str, "singleUseCode", "a string", secret=True
            ),
            login_url=maybe(data.get("loginUrl"), str, "loginUrl", "a string or null"),
            order=_echo(data),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the response body as JSON text."""
        return cls.from_dict(read_object(text, _FIELD, "a JSON object"))

    def to_dict(self) -> FormOrderResponseDict:
        """Return every field kept, with ePROM's names; :meth:`from_dict` reads them back.

        It holds the one-time code, the national IDs and the metadata: store or log
        :meth:`to_redacted_dict`.
        """
        return self._body(redacted=False)

    def to_redacted_dict(self) -> FormOrderResponseDict:
        """Return the body fit for logs.

        It has no ``singleUseCode`` (which logs the patient in to the form), no ``metadata`` and
        no ``physicalAddress``, and the national IDs are masked.
        """
        return self._body(redacted=True)

    def _body(self, *, redacted: bool) -> FormOrderResponseDict:
        echo: EchoedOrderDict = {} if self.order is None else self.order.to_dict(redacted=redacted)
        body: FormOrderResponseDict = {
            **echo,
            "id": self.id,
            "loginUrl": self.login_url,
            "notificationChannel": self.channel.api_name,
            "singleUseCode": self.single_use_code,
        }
        if redacted:
            del body["singleUseCode"]
        return body


class MessageResponseDict(TypedDict):
    """The message response as ePROM sends it."""

    notificationChannel: str
    messageToCitizenId: str | None


@final
@attrs.frozen(kw_only=True)
class MessageResponse:
    """ePROM's answer to ``POST /api/v2/messagetocitizen`` (SendeMeldingTilInnbyggerV2.md).

    ``channel`` ``NONE`` (the guide's ``"notificationChannel": "0"``) means that nothing was sent:
    ePROM cannot reach the citizen, or the national ID does not exist (see :attr:`sent`).
    """

    message_to_citizen_id: str | None = attrs.field(
        default=None, converter=lower_or_none, validator=optional_guid_field
    )
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))

    @property
    def sent(self) -> bool:
        """Whether ePROM sent the message (the channel is not ``NONE``)."""
        return self.channel is not NotificationChannel.NONE

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read the response body, decoded from JSON (by ``json.loads`` or an HTTP client)."""
        data = given_mapping(data, _FIELD)
        check_keys(data, _FIELD, required=("notificationChannel",), listed=_MESSAGE_KEYS)
        message_id = data.get("messageToCitizenId")
        return cls(
            message_to_citizen_id=None
            if message_id is None
            else guid(message_id, "messageToCitizenId"),
            channel=code(NotificationChannel, data["notificationChannel"], "notificationChannel"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the response body as JSON text."""
        return cls.from_dict(read_object(text, _FIELD, "a JSON object"))

    def to_dict(self) -> MessageResponseDict:
        """Return the body with ePROM's names, the channel by name; :meth:`from_dict` reads it."""
        return {
            "notificationChannel": self.channel.api_name,
            "messageToCitizenId": self.message_to_citizen_id,
        }

    def to_redacted_dict(self) -> MessageResponseDict:
        """Return :meth:`to_dict`: a message response holds nothing secret or personal."""
        return self.to_dict()
