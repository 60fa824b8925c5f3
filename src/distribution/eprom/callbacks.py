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

Callbacks arrive over the network, so they are read by :mod:`distribution._reading`: a text
longer than :data:`MAX_JSON_SIZE` is refused before it is parsed, JSON nested too deeply for the
parser is refused with the library's error, and no value that is shown in an error can be too
long, too deep or too big to print. What is wrong in a body raises the ``ValueError`` family;
a caller passing something other than text or a mapping,
:class:`~distribution.errors.InvalidTypeError`.

The callback carries the receiving system's ``apiKey``. It is never shown (not in a repr, an
error or an explanation); :meth:`FormOrderStatusCallback.api_key_matches` compares it in
constant time.

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
from typing import TYPE_CHECKING, Final, Self, final

import attrs

from distribution._errors import (
    InvalidValueError,
    aware,
    exactly,
)
from distribution._evidence import wrong_json_type, wrong_kind
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
    MAX_JSON_SIZE,
    check_keys,
    code,
    given_mapping,
    json_list,
    json_object,
    load_json,
    maybe,
    read_object,
)
from distribution.codes import (
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)
from distribution.eprom._api_key import ApiKey, key_of, matches
from distribution.eprom.events import FormEvent, FormOrderEvent

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

__all__ = [
    "MAX_JSON_SIZE",
    "NIL_GUID",
    "Callback",
    "FilledOutBy",
    "FormOrderStatusCallback",
    "FormReturnCallback",
    "MessageStatusCallback",
    "read_callback",
]

MAX_EVENTS: Final = 10_000
"""The most events a ``formOrderEventLog`` may hold (a form with hundreds of questions has
hundreds of events; ten thousand bounds the work for a mapping that was never measured)."""

_FIELD: Final = "callback"  # what a body is called in an error: "callback.formOrderId is missing"
_OBJECT: Final = "a JSON object"  # what its JSON text must hold


def _text(value: object, field: str) -> str | None:
    return maybe(value, str, field, "a string or null")


def _secret_text(value: object, field: str) -> str | None:
    """Read a text that is never shown (an apiKey, a national ID); a wrong one shows its type."""
    return maybe(value, str, field, "a string", secret=True)


def _flag(value: object, field: str) -> bool:
    return maybe(value, bool, field, "true, false or null") or False


def _local(value: object, field: str) -> str | None:
    """Read a local time (``timestamp``): checked as ISO 8601 and kept as the text ePROM sent.

    The status callback's ``timestamp`` has no UTC offset ("2023-03-29T10:20:10.1804332"): it is
    ePROM's local time, which this pure library cannot turn into an instant without a time zone
    database, so it stays text; ``timestamp_utc`` is the instant.
    """
    if value is None:
        return None
    iso_time(value, field, naive="allow", expected="a string or null")
    return value  # type: ignore[return-value]  # timestamp() refused anything but a str


def _utc(value: object, field: str) -> datetime | None:
    """Read a ``…Utc`` time: ISO 8601; without an offset it is UTC, as the field's name says."""
    if value is None:
        return None
    return iso_time(value, field, naive="utc", expected="a string or null")


def _tuple_of(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        field = f"{type(instance).__name__}.{attribute.name}"
        if type(value) is not tuple:
            raise wrong_kind(value, field, "a tuple")
        for item in value:
            if type(item) is not kind:
                raise wrong_kind(item, field, "a tuple of {name}", name=kind.__name__)

    return validate


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
        data = given_mapping(data, _FIELD)
        check_keys(
            data,
            _FIELD,
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
        return cls(
            form_order_id=guid(data["formOrderId"], "formOrderId"),
            channel=code(NotificationChannel, data["notificationChannel"], "notificationChannel"),
            status=status,
            error_code=error_code,
            timestamp=_local(data.get("timestamp"), "timestamp"),
            timestamp_utc=_utc(data.get("timestampUtc"), "timestampUtc"),
            api_key=_secret_text(data.get("apiKey"), "apiKey"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the body ePROM sent, as JSON text."""
        return cls.from_dict(read_object(text, _FIELD, _OBJECT))

    def api_key_matches(self, expected: str) -> bool:
        """Return whether the callback's ``apiKey`` is *expected*, compared in constant time.

        A callback without a key, or with an empty one, matches nothing; an empty *expected*
        raises :class:`~distribution.errors.InvalidValueError`.
        """
        return matches(self._api_key, expected)


# --- the completed or expired form ----------------------------------------------------------------


def _mask_id(value: str | None) -> str:
    return "None" if value is None else "'" + "*" * len(value) + "'"


@final
@attrs.frozen(kw_only=True)
class FilledOutBy:
    """Who filled out the form (``filledOutBy``, Helsenorge only, since ePROM v13.1).

    The public page names the field; the names inside it were not in the copies of the guide this
    library could read, so the reader takes ``filledOutByActType`` (e.g. ``"SegSelv"``) and
    ``filledOutByActNationalId`` when present and ignores anything else (``docs/sources.md`` §7).
    The national ID is never shown.
    """

    act_type: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    national_id: str | None = attrs.field(
        default=None, repr=_mask_id, validator=exactly(str, optional=True, secret=True)
    )


_RETURN_KEYS: Final = ("formOrderId", "formOrderStatus")


def _form_data_repr(value: str | None) -> str:
    return "None" if value is None else f"<{len(value)} characters>"


@final
@attrs.frozen(kw_only=True)
class FormReturnCallback:
    """The completed or expired form: ePROM's ``PUT`` on the same ``/api/PromsFormOrder``.

    Source: ReturAvUtfyltSkjema.md (``docs/sources.md`` §8). ``form_data`` is the patient's
    answers, kept as the text ePROM sent ("formData sendes som stringified JSON-object") and never
    shown in a repr; ``patientInitiatedValues`` is checked to be an object and not kept (it holds
    a national ID this library has no use for).

    Attributes:
        form_order_id: the order's GUID, in lower case.
        status: ``COMPLETED`` or ``EXPIRED``.
        channel: the channel the patient was notified on, or ``None`` when the body does not
            say (the guide lists ``notificationChannel``, but its own example has none).
        form_data: the answers as JSON text, or ``None``.
        signed_form_id, scanned_paper_id: GUIDs, or ``None`` (absent or all zeros).
        timestamp: when the form was submitted, as the text ePROM sent.
        form_data_warnings: the number of validation warnings ePROM sent with the answers.
        is_patient_initiated: whether the patient ordered the form themself.
        events: ``formOrderEventLog``, in the order ePROM sent it.
        filled_out_by: :class:`FilledOutBy`, or ``None``.
    """

    form_order_id: str = attrs.field(converter=lower, validator=guid_field)
    status: FormOrderStatus = attrs.field(validator=exactly(FormOrderStatus))
    channel: NotificationChannel | None = attrs.field(
        default=None, validator=exactly(NotificationChannel, optional=True)
    )
    form_data: str | None = attrs.field(
        default=None, repr=_form_data_repr, validator=exactly(str, optional=True)
    )
    signed_form_id: str | None = attrs.field(
        default=None, converter=lower_or_none, validator=optional_guid_field
    )
    scanned_paper_id: str | None = attrs.field(
        default=None, converter=lower_or_none, validator=optional_guid_field
    )
    timestamp: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    form_data_warnings: int = attrs.field(default=0, validator=exactly(int))
    is_patient_initiated: bool = attrs.field(default=False, validator=exactly(bool))
    events: tuple[FormOrderEvent, ...] = attrs.field(
        default=(), validator=_tuple_of(FormOrderEvent)
    )
    filled_out_by: FilledOutBy | None = attrs.field(
        default=None, validator=exactly(FilledOutBy, optional=True)
    )
    _api_key: ApiKey | None = attrs.field(
        default=None, alias="api_key", repr=False, eq=False, converter=key_of
    )

    def __attrs_post_init__(self) -> None:
        if self.status not in _RETURN_STATUSES:
            raise InvalidValueError(
                "out_of_range",
                value=self.status.api_name,
                field="FormReturnCallback.status",
                choices=[status.api_name for status in _RETURN_STATUSES],
            )
        if len(self.events) > MAX_EVENTS:
            raise InvalidValueError(
                "out_of_range",
                value=len(self.events),
                field="FormReturnCallback.events",
                choices=f"0-{MAX_EVENTS} events",
            )

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read the body ePROM sent, decoded from JSON (by ``json.loads`` or a web framework)."""
        data = given_mapping(data, _FIELD)
        check_keys(data, _FIELD, required=("formOrderStatus", "formOrderId"), listed=_RETURN_KEYS)
        status = code(FormOrderStatus, data["formOrderStatus"], "formOrderStatus")
        if status not in _RETURN_STATUSES:
            raise InvalidValueError(
                "out_of_range",
                value=status.api_name,
                field="formOrderStatus",
                choices=[s.api_name for s in _RETURN_STATUSES],
            )
        _object(data.get("patientInitiatedValues"), "patientInitiatedValues")
        channel = data.get("notificationChannel")
        return cls(
            form_order_id=guid(data["formOrderId"], "formOrderId"),
            status=status,
            channel=None
            if channel is None
            else code(NotificationChannel, channel, "notificationChannel"),
            form_data=_text(data.get("formData"), "formData"),
            signed_form_id=_guid_unless_nil(data.get("signedFormId"), "signedFormId"),
            scanned_paper_id=_guid_unless_nil(data.get("scannedPaperId"), "scannedPaperId"),
            timestamp=_local(data.get("timestamp"), "timestamp"),
            form_data_warnings=len(_list(data.get("formDataWarnings"), "formDataWarnings")),
            is_patient_initiated=_flag(data.get("isPatientInitiated"), "isPatientInitiated"),
            events=_events(data.get("formOrderEventLog")),
            filled_out_by=_filled_out_by(data.get("filledOutBy")),
            api_key=_secret_text(data.get("apiKey"), "apiKey"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the body ePROM sent, as JSON text."""
        return cls.from_dict(read_object(text, _FIELD, _OBJECT))

    @property
    def signed(self) -> bool:
        """Whether the form was signed (``signedFormId`` is a GUID other than all zeros)."""
        return self.signed_form_id is not None

    @property
    def on_paper(self) -> bool:
        """Whether the answer came on paper (``scannedPaperId`` is a GUID other than all zeros)."""
        return self.scanned_paper_id is not None

    def api_key_matches(self, expected: str) -> bool:
        """Return whether the ``apiKey`` is *expected*, as the status callback does."""
        return matches(self._api_key, expected)


def _guid_unless_nil(value: object, field: str) -> str | None:
    """Read an optional GUID, where all zeros means none too."""
    found = None if value is None else guid(value, field)
    return None if found == NIL_GUID else found


def _object(value: object, field: str) -> Mapping[str, object] | None:
    return None if value is None else json_object(value, field, "an object or null")


def _list(value: object, field: str) -> Sequence[object]:
    return () if value is None else json_list(value, field, "a list or null")


_EVENT_KEYS: Final = ("eventType", "questionId", "timestampUtc")


def _events(value: object) -> tuple[FormOrderEvent, ...]:
    items = _list(value, "formOrderEventLog")
    if len(items) > MAX_EVENTS:
        raise InvalidValueError(
            "out_of_range",
            value=len(items),
            field="formOrderEventLog",
            choices=f"0-{MAX_EVENTS} events",
        )
    events = []
    for index, item in enumerate(items):
        field = f"formOrderEventLog[{index}]"
        entry = _object(item, field)
        if entry is None:
            raise wrong_json_type(None, field, "an object")
        check_keys(entry, field, required=("eventType",), listed=_EVENT_KEYS)
        events.append(
            FormOrderEvent(
                type=code(FormEvent, entry["eventType"], f"{field}.eventType"),
                question_id=_text(entry.get("questionId"), f"{field}.questionId"),
                timestamp_utc=_utc(entry.get("timestampUtc"), f"{field}.timestampUtc"),
            )
        )
    return tuple(events)


def _filled_out_by(value: object) -> FilledOutBy | None:
    data = _object(value, "filledOutBy")
    if data is None:
        return None
    return FilledOutBy(
        act_type=_text(data.get("filledOutByActType"), "filledOutBy.filledOutByActType"),
        national_id=_secret_text(
            data.get("filledOutByActNationalId"), "filledOutBy.filledOutByActNationalId"
        ),
    )


# --- the message status callback ----------------------------------------------------------------

_MESSAGE_KEYS: Final = ("messageToCitizenId", "notificationChannel", "sentStatus")


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
        data = given_mapping(data, _FIELD)
        check_keys(data, _FIELD, required=_MESSAGE_KEYS)
        return cls(
            message_to_citizen_id=guid(data["messageToCitizenId"], "messageToCitizenId"),
            channel=code(NotificationChannel, data["notificationChannel"], "notificationChannel"),
            status=code(SentStatus, data["sentStatus"], "sentStatus"),
            api_key=_secret_text(data.get("apiKey"), "apiKey"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the body ePROM sent, as JSON text."""
        return cls.from_dict(read_object(text, _FIELD, _OBJECT))

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
    data = load_json(body, _FIELD)
    if "messageToCitizenId" in data and "formOrderId" not in data:
        return MessageStatusCallback.from_dict(data)
    if "formOrderId" not in data:
        raise InvalidValueError(
            "missing_key",
            value=None,
            field="callback.formOrderId",
            choices=("formOrderId", "messageToCitizenId"),
        )
    check_keys(data, _FIELD, required=("formOrderStatus",), listed=_STATUS_KEYS)
    status, _ = _status_of_order(data["formOrderStatus"], "formOrderStatus")
    if status in _RETURN_STATUSES:
        return FormReturnCallback.from_dict(data)
    return FormOrderStatusCallback.from_dict(data)
