"""What ePROM answers to a request: the order response and the message response, read from JSON.

Rule 1: how ePROM's answer to ``POST /api/v2/formorder`` or ``POST /api/v2/messagetocitizen`` is
read lives here; the requests themselves are built in :mod:`distribution.eprom.bodies`, and what
ePROM calls back with later is read in :mod:`distribution.eprom.callbacks`. Each response type
reads a decoded body with ``from_dict`` and JSON text with ``from_json``, through
:mod:`distribution._reading` as every reader of outside data does: what is wrong in a body
raises the ``ValueError`` family, a caller passing the wrong Python type
:class:`~distribution.errors.InvalidTypeError`. Keys this library does not read are ignored.

>>> FormOrderResponse.from_json('{"id": "00000000-0000-0000-0000-000000000000",'
...                             ' "notificationChannel": "None"}').created
False
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NotRequired, Self, TypedDict, final

import attrs

from distribution._errors import exactly
from distribution._formats import (
    NIL_GUID,
    guid,
    guid_field,
    lower,
    lower_or_none,
    optional_guid_field,
)
from distribution._reading import (
    check_keys,
    code,
    given_mapping,
    maybe,
    read_object,
)
from distribution.codes import NotificationChannel

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FormOrderResponse", "FormOrderResponseDict", "MessageResponse", "MessageResponseDict"]

_FIELD: Final = "response"  # what a body is called in an error: "response.id is missing"
_ORDER_KEYS: Final = ("id", "singleUseCode", "loginUrl", "notificationChannel")
_MESSAGE_KEYS: Final = ("notificationChannel", "messageToCitizenId")


def _code_repr(value: str | None) -> str:
    return "None" if value is None else "<hidden>"


class FormOrderResponseDict(TypedDict):
    """The four fields of the order response this library keeps; a redacted one lacks the code."""

    id: str
    singleUseCode: NotRequired[str | None]
    loginUrl: str | None
    notificationChannel: str


@final
@attrs.frozen(kw_only=True)
class FormOrderResponse:
    """ePROM's answer to ``POST /api/v2/formorder`` (BestillingAvSkjemaV2.md, §3 and §8).

    The answer repeats the order's input, national ID included; only these four fields are
    kept. ``single_use_code`` logs the patient in (with their birth date), so it is never shown.

    Attributes:
        id: the order's GUID; all zeros when no order was made (see :attr:`created`).
        single_use_code: the one-time code, for NoDistribution only.
        login_url: where the patient logs in to fill out the form.
        channel: the *preferred* channel; the one used comes in the status callback.
    """

    id: str = attrs.field(converter=lower, validator=guid_field)
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))
    single_use_code: str | None = attrs.field(
        default=None, repr=_code_repr, validator=exactly(str, optional=True)
    )
    login_url: str | None = attrs.field(default=None, validator=exactly(str, optional=True))

    @property
    def created(self) -> bool:
        """Whether ePROM made the order.

        Not when the id is the all-zero GUID, which ePROM returns when the national ID does not
        exist ("Dette skjer hvis fødselsnummeret ikke eksisterer").
        """
        return self.id != NIL_GUID

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read the response body, decoded from JSON (by ``json.loads`` or an HTTP client)."""
        data = given_mapping(data, _FIELD)
        check_keys(data, _FIELD, required=("id", "notificationChannel"), listed=_ORDER_KEYS)
        return cls(
            id=guid(data["id"], "id"),
            channel=code(NotificationChannel, data["notificationChannel"], "notificationChannel"),
            single_use_code=maybe(
                data.get("singleUseCode"), str, "singleUseCode", "a string", secret=True
            ),
            login_url=maybe(data.get("loginUrl"), str, "loginUrl", "a string or null"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the response body as JSON text."""
        return cls.from_dict(read_object(text, _FIELD, "a JSON object"))

    def to_dict(self) -> FormOrderResponseDict:
        """Return the four fields with ePROM's names; :meth:`from_dict` reads them back.

        It holds the one-time code: store or log :meth:`to_redacted_dict`.
        """
        return {**self.to_redacted_dict(), "singleUseCode": self.single_use_code}

    def to_redacted_dict(self) -> FormOrderResponseDict:
        """Return the fields without ``singleUseCode``, which logs the patient in to the form."""
        return {
            "id": self.id,
            "loginUrl": self.login_url,
            "notificationChannel": self.channel.api_name,
        }


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
