"""What ePROM calls back with: the order's status, the returned form, the message's status.

Rule 1: how a callback body from ePROM is read lives here; what it means for a decision lives in
:mod:`distribution.eprom.reconciliation`, the returned form's events in
:mod:`distribution.eprom.events`, and ePROM's answers to the requests in
:mod:`distribution.eprom.responses`. Nothing here sends or receives: a web framework hands over
the body and gets a value back or the library's error, naming the field, with personal data
masked (``docs/sources.md`` §8). Each callback type reads a decoded body with ``from_dict`` and
JSON text with ``from_json``; :func:`read_callback` takes either and tells the three apart.

Codes are read as the guide sends them, as names (its examples say ``"notificationChannel" :
"None"``) or as numbers, by each enum's ``parse``. Keys this library does not read are ignored,
because ePROM adds fields between versions (``timestamp`` in 2023, ``filledOutBy`` in v13.1).

Every callback writes itself back with ``to_dict`` (what ``from_dict`` reads again) and, for
storage and logs, ``to_redacted_dict`` (no apiKey, no answers, national IDs masked).

Callbacks arrive over the network, so they are read by :mod:`distribution._reading`: a text
longer than :data:`MAX_JSON_SIZE` is refused before it is parsed, JSON nested too deeply for the
parser is refused with the library's error, and no value that is shown in an error can be too
long, too deep or too big to print. What is wrong in a body raises the ``ValueError`` family;
a caller passing something other than text or a mapping,
:class:`~distribution.errors.InvalidTypeError`.

The callback carries the receiving system's ``apiKey``. It is never shown (not in a repr, an
error or an explanation, even when the sender put its text in another field);
:meth:`FormOrderStatusCallback.api_key_matches` compares it in constant time.

>>> body = '''{"apiKey": "s3cret", "formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
...   "notificationChannel": "None", "formOrderStatus": "Error",
...   "formOrderStatusErrorCode": "PatientUnreachable"}'''
>>> callback = read_callback(body)
>>> callback
FormOrderStatusCallback(form_order_id='184738d0-3c39-e611-9c2a-34e6d72e03c7',
  channel=<NotificationChannel.NONE: 0>, status=<FormOrderStatus.ERROR: 3>,
  error_code=<FormOrderStatusErrorCode.PATIENT_UNREACHABLE: 1>, timestamp=None,
  timestamp_utc=None)
>>> callback.api_key_matches("s3cret"), callback.api_key_matches("guess")
(True, False)
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Final, NotRequired, Self, TypedDict, final

import attrs

from distribution._errors import (
    InvalidValueError,
    aware,
    exactly,
)
from distribution._formats import (
    NIL_GUID,
    guid,
    guid_field,
    lower,
)
from distribution._reading import (
    MAX_JSON_SIZE,
    check_keys,
    code,
    given_mapping,
    load_json,
    read_object,
)
from distribution.codes import (
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)
from distribution.eprom._api_key import ApiKey, key_of, matches, reveal
from distribution.eprom._fields import (
    FIELD,
    OBJECT,
    hiding_key,
    keep_sent,
    local,
    secret_text,
    time_text,
    utc,
)
from distribution.eprom.returned import (
    MAX_EVENTS,
    FilledOutBy,
    FormReturnCallback,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "MAX_EVENTS",
    "MAX_JSON_SIZE",
    "NIL_GUID",
    "Callback",
    "FilledOutBy",
    "FormOrderStatusCallback",
    "FormOrderStatusDict",
    "FormReturnCallback",
    "MessageStatusCallback",
    "MessageStatusDict",
    "read_callback",
]


# --- the order status callback ------------------------------------------------------------------

_STATUS_KEYS: Final = ("formOrderId", "notificationChannel", "formOrderStatus")
_RETURN_STATUSES: Final = (FormOrderStatus.COMPLETED, FormOrderStatus.EXPIRED)
_STATUS_STATUSES: Final = tuple(s for s in FormOrderStatus if s not in _RETURN_STATUSES)
_SDP_ERROR = FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR


def _status_of_order(value: object, field: str) -> tuple[FormOrderStatus, bool]:
    """Return the status, and whether it was written as ``SikkerDigitalPostError``.

    Hemit's release note for ePROM v3.0 calls SikkerDigitalPostError a FormOrderStatus; the guide
    lists it as a FormOrderStatusErrorCode. Either way it is read as status Error with that code.
    """
    if type(value) is str and value.strip().lower() == _SDP_ERROR.api_name.lower():
        return FormOrderStatus.ERROR, True
    return code(FormOrderStatus, value, field), False


class FormOrderStatusDict(TypedDict):
    """The order status callback's body, as ePROM sends it (a redacted one has no apiKey)."""

    apiKey: NotRequired[str]
    formOrderId: str
    notificationChannel: str
    timestamp: str | None
    timestampUtc: str | None
    formOrderStatus: str
    formOrderStatusErrorCode: str


@final
@attrs.frozen(kw_only=True)
class FormOrderStatusCallback:
    """The status of a form order: ePROM's ``PUT /api/PromsFormOrder`` once it has notified.

    Source: BestillingAvSkjemaV2.md, "Mottak av status for bestillingen" (``docs/sources.md`` §8).

    Attributes:
        form_order_id: the order's GUID, in lower case.
        channel: "The actual channel used to notify the patient" (``NONE`` when none was).
        status: ``ORDERED``, ``ERROR``, or a later ``PHYSICAL_MAIL_RETURNED`` or
            ``DIGIPOST_DELIVERED``; ``COMPLETED`` and ``EXPIRED`` come in a
            :class:`FormReturnCallback`.
        error_code: why the status is ``ERROR`` (``NONE`` when the body has no error code, as
            bodies from before 2023 have not).
        timestamp: when the order was initiated, in ePROM's local time, as the text it sent.
        timestamp_utc: the same instant, timezone-aware.
    """

    form_order_id: str = attrs.field(converter=lower, validator=guid_field)
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))
    status: FormOrderStatus = attrs.field(validator=exactly(FormOrderStatus))
    error_code: FormOrderStatusErrorCode = attrs.field(
        default=FormOrderStatusErrorCode.NONE, validator=exactly(FormOrderStatusErrorCode)
    )
    timestamp: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    timestamp_utc: datetime | None = attrs.field(
        default=None, validator=[exactly(datetime, optional=True), aware]
    )
    _api_key: ApiKey | None = attrs.field(
        default=None,
        alias="api_key",
        repr=False,
        eq=False,
        converter=key_of,
    )
    # The text the UTC time came as, written back by to_dict (time_text); no part of equality.
    _utc_sent: str | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.status in _RETURN_STATUSES:
            raise InvalidValueError(
                "out_of_range",
                value=self.status.api_name,
                field="FormOrderStatusCallback.status",
                choices=[status.api_name for status in _STATUS_STATUSES],
            )

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read the body ePROM sent, decoded from JSON (by ``json.loads`` or a web framework)."""
        data = given_mapping(data, FIELD)
        return hiding_key(data, lambda: cls._read(data))

    @classmethod
    def _read(cls, data: Mapping[str, object]) -> Self:
        check_keys(
            data,
            FIELD,
            required=("formOrderStatus", "formOrderId", "notificationChannel"),
            listed=_STATUS_KEYS,
        )
        status, sdp = _status_of_order(data["formOrderStatus"], "formOrderStatus")
        error_code = FormOrderStatusErrorCode.NONE
        if data.get("formOrderStatusErrorCode") is not None:
            error_code = code(
                FormOrderStatusErrorCode,
                data["formOrderStatusErrorCode"],
                "formOrderStatusErrorCode",
            )
        if sdp:
            if error_code not in {FormOrderStatusErrorCode.NONE, _SDP_ERROR}:
                raise InvalidValueError(
                    "contradiction",
                    value=error_code.api_name,
                    field="formOrderStatusErrorCode",
                    other=f"formOrderStatus {_SDP_ERROR.api_name}",
                )
            error_code = _SDP_ERROR
        if status in _RETURN_STATUSES:
            raise InvalidValueError(
                "out_of_range",
                value=status.api_name,
                field="formOrderStatus",
                choices=[s.api_name for s in _STATUS_STATUSES],
            )
        made = cls(
            form_order_id=guid(data["formOrderId"], "formOrderId"),
            channel=code(NotificationChannel, data["notificationChannel"], "notificationChannel"),
            status=status,
            error_code=error_code,
            timestamp=local(data.get("timestamp"), "timestamp"),
            timestamp_utc=utc(data.get("timestampUtc"), "timestampUtc"),
            api_key=secret_text(data.get("apiKey"), "apiKey"),
        )
        return keep_sent(made, "_utc_sent", data.get("timestampUtc"))

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the body ePROM sent, as JSON text."""
        return cls.from_dict(read_object(text, FIELD, OBJECT))

    def to_dict(self) -> FormOrderStatusDict:
        """Return the body as ePROM sends it, codes by name; :meth:`from_dict` reads it back.

        It holds the apiKey when the body had one: store or log :meth:`to_redacted_dict`.
        """
        body = self.to_redacted_dict()
        key = reveal(self._api_key)
        return body if key is None else {"apiKey": key, **body}

    def to_redacted_dict(self) -> FormOrderStatusDict:
        """Return the body without its ``apiKey``: the one secret a status callback holds."""
        return {
            "formOrderId": self.form_order_id,
            "notificationChannel": self.channel.api_name,
            "timestamp": self.timestamp,
            "timestampUtc": time_text(self.timestamp_utc, self._utc_sent),
            "formOrderStatus": self.status.api_name,
            "formOrderStatusErrorCode": self.error_code.api_name,
        }

    def api_key_matches(self, expected: str) -> bool:
        """Return whether the callback's ``apiKey`` is *expected*, compared in constant time.

        A callback without a key, or with an empty one, matches nothing; an empty *expected*
        raises :class:`~distribution.errors.InvalidValueError`.
        """
        return matches(self._api_key, expected)


# --- the message status callback ----------------------------------------------------------------

_MESSAGE_KEYS: Final = ("messageToCitizenId", "notificationChannel", "sentStatus")


class MessageStatusDict(TypedDict):
    """The message status callback's body, as ePROM sends it (a redacted one has no apiKey)."""

    apiKey: NotRequired[str]
    messageToCitizenId: str
    notificationChannel: str
    sentStatus: str


@final
@attrs.frozen(kw_only=True)
class MessageStatusCallback:
    """The status of a message to a citizen: ePROM's ``PUT /api/MessageToCitizen``.

    Source: SendeMeldingTilInnbyggerV2.md, "Mottak av status for forsendelse"
    (``docs/sources.md`` §8). ``status`` is ``SENT``, or ``ERROR`` when "there is no way to make
    contact"; ``channel`` is the channel actually used.
    """

    message_to_citizen_id: str = attrs.field(converter=lower, validator=guid_field)
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))
    status: SentStatus = attrs.field(validator=exactly(SentStatus))
    _api_key: ApiKey | None = attrs.field(
        default=None,
        alias="api_key",
        repr=False,
        eq=False,
        converter=key_of,
    )

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read the body ePROM sent, decoded from JSON (by ``json.loads`` or a web framework)."""
        data = given_mapping(data, FIELD)
        return hiding_key(data, lambda: cls._read(data))

    @classmethod
    def _read(cls, data: Mapping[str, object]) -> Self:
        check_keys(data, FIELD, required=_MESSAGE_KEYS)
        return cls(
            message_to_citizen_id=guid(data["messageToCitizenId"], "messageToCitizenId"),
            channel=code(NotificationChannel, data["notificationChannel"], "notificationChannel"),
            status=code(SentStatus, data["sentStatus"], "sentStatus"),
            api_key=secret_text(data.get("apiKey"), "apiKey"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the body ePROM sent, as JSON text."""
        return cls.from_dict(read_object(text, FIELD, OBJECT))

    def to_dict(self) -> MessageStatusDict:
        """Return the body as ePROM sends it, codes by name; :meth:`from_dict` reads it back.

        It holds the apiKey when the body had one: store or log :meth:`to_redacted_dict`.
        """
        body = self.to_redacted_dict()
        key = reveal(self._api_key)
        return body if key is None else {"apiKey": key, **body}

    def to_redacted_dict(self) -> MessageStatusDict:
        """Return the body without its ``apiKey``: the one secret a message's status holds."""
        return {
            "messageToCitizenId": self.message_to_citizen_id,
            "notificationChannel": self.channel.api_name,
            "sentStatus": self.status.api_name,
        }

    def api_key_matches(self, expected: str) -> bool:
        """Return whether the ``apiKey`` is *expected*, as the status callback does."""
        return matches(self._api_key, expected)


Callback = FormOrderStatusCallback | FormReturnCallback | MessageStatusCallback
"""Any callback ePROM sends: an order's status, a returned form, or a message's status."""


def read_callback(body: str | bytes | Mapping[str, object]) -> Callback:
    """Read any callback body, telling apart the two that arrive on ``/api/PromsFormOrder``.

    Takes either form a web framework hands over: the JSON text (``str`` or ``bytes``) or the
    body decoded from it (a mapping); anything else raises
    :class:`~distribution.errors.InvalidTypeError`.

    A body with ``messageToCitizenId`` is a :class:`MessageStatusCallback`. Otherwise
    ``formOrderStatus`` decides: ``Completed`` or ``Expired`` is the returned form
    (:class:`FormReturnCallback`), any other status the order's status
    (:class:`FormOrderStatusCallback`).
    """
    data = load_json(body, FIELD)
    return hiding_key(data, lambda: _read_any(data))


def _read_any(data: Mapping[str, object]) -> Callback:
    if "messageToCitizenId" in data and "formOrderId" not in data:
        return MessageStatusCallback.from_dict(data)
    if "formOrderId" not in data:
        raise InvalidValueError(
            "missing_key",
            value=None,
            field="callback.formOrderId",
            choices=("formOrderId", "messageToCitizenId"),
        )
    check_keys(data, FIELD, required=("formOrderStatus",), listed=_STATUS_KEYS)
    status, _ = _status_of_order(data["formOrderStatus"], "formOrderStatus")
    if status in _RETURN_STATUSES:
        return FormReturnCallback.from_dict(data)
    return FormOrderStatusCallback.from_dict(data)
