"""What ePROM sends back: the callbacks and the order and message responses, read from JSON.

Rule 1: how a body from ePROM is read lives here; what it means for a decision lives in
:mod:`distribution.eprom.reconciliation`. Nothing here sends or receives: a web framework
hands over the body (a mapping, or the JSON text as ``str`` or ``bytes``) and gets a value
back or the library's error, naming the field, with personal data masked (``docs/sources.md`` §8).

Codes are read as the guide sends them, as names (its examples say ``"notificationChannel" :
"None"``) or as numbers, by each enum's ``parse``. Keys this library does not read are ignored,
because ePROM adds fields between versions (``timestamp`` in 2023, ``filledOutBy`` in v13.1).

Callbacks arrive over the network, so a text longer than :data:`MAX_JSON_SIZE` is refused
before it is parsed, JSON nested too deeply for the parser is refused with the library's error,
and no value that is shown in an error can be too long, too deep or too big to print.

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

import enum
import hmac
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final, Self, TypeVar, final

import attrs

from distribution._reading import parse
from distribution.codes import (
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)
from distribution.errors import (
    Expected,
    InvalidTypeError,
    InvalidValueError,
    TypeName,
    UnknownCodeError,
    aware,
    exactly,
    mask_personal,
    show,
    wrong_type,
)

if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "MAX_JSON_SIZE",
    "NIL_GUID",
    "Callback",
    "FilledOutBy",
    "FormEvent",
    "FormOrderEvent",
    "FormOrderResponse",
    "FormOrderStatusCallback",
    "FormReturnCallback",
    "MessageResponse",
    "MessageStatusCallback",
    "read_callback",
]

MAX_JSON_SIZE: Final = 2 * 1024 * 1024
"""The longest JSON text a reader parses: 2 MiB (characters of a ``str``, bytes of ``bytes``).

A completed form's answers (``formData``) and its event log fit many times over; a longer body is
refused before parsing, so a hostile sender cannot make the reader spend memory or time on it.
A mapping the caller parsed is not measured: limit the request body in the web framework too.
"""

MAX_EVENTS: Final = 10_000
"""The most events a ``formOrderEventLog`` may hold (a form with hundreds of questions has
hundreds of events; ten thousand bounds the work for a mapping that was never measured)."""

NIL_GUID: Final = "00000000-0000-0000-0000-000000000000"
"""The all-zero GUID: in an order response it means that no order was made (``docs/sources.md``
§3); as ``signedFormId`` or ``scannedPaperId`` it means "none"."""

_GUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_MAX_SHOWN_ITEMS: Final = 64  # bits of an int, or characters of a str, shown as they are


def is_guid(text: str) -> bool:
    """Return whether *text* has a GUID's shape: ``8-4-4-4-12`` hex digits, any case (internal)."""
    return _GUID.fullmatch(text) is not None


# --- showing hostile values safely --------------------------------------------------------------


@final
class Stand:
    """A short stand-in for a value whose repr could be huge, deep, or fail (internal).

    ``repr`` of a list nested a hundred thousand deep raises ``RecursionError``, and of an
    ``int`` with 5,000 digits ``ValueError``; an error message shows this instead.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return type(other) is Stand and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __reduce__(self) -> tuple[type[Stand], tuple[str]]:
        return (Stand, (self.text,))


def evidence(value: object) -> object:
    """Return *value* as an error may show it: scalars as they are, the rest as a stand-in.

    Internal, like the other helpers here without a leading underscore: the request builders
    and the reconciliation share them, and none is in ``__all__``.
    """
    kind = type(value)
    if value is None or kind in {bool, float, str, bytes}:
        return value
    if kind is int:
        bits = value.bit_length()  # type: ignore[attr-defined]  # kind is int
        return value if bits <= _MAX_SHOWN_ITEMS else Stand(f"<int of {bits} bits>")
    if isinstance(value, Mapping | Sequence) and not isinstance(value, str | bytes):
        return Stand(f"<{kind.__qualname__} of length {len(value)}>")
    return Stand(f"<{kind.__qualname__}>")


# --- reading JSON ---------------------------------------------------------------------------------


def load_json(obj: object, field: str) -> Mapping[str, object]:
    """Return *obj* as a mapping: a mapping as it is, a JSON text parsed (internal).

    Refuses a text over :data:`MAX_JSON_SIZE`, one that is not JSON (or nests deeper than the
    parser can go) and anything that is not a JSON object, with the library's errors.
    """
    if isinstance(obj, str | bytes | bytearray):
        if len(obj) > MAX_JSON_SIZE:
            unit = "characters" if isinstance(obj, str) else "bytes"
            raise InvalidValueError(
                "too_large",
                value=Stand(f"<{len(obj)} {unit}>"),
                field=field,
                limit=MAX_JSON_SIZE,
            )
        obj = parse(obj, field)
    if not isinstance(obj, Mapping):
        raise wrong_kind(obj, field, "a JSON object")
    return obj


def required(data: Mapping[str, object], key: str, field: str, keys: tuple[str, ...]) -> object:
    """Return ``data[key]``; a missing key or ``null`` is refused, naming the required *keys*."""
    value = data.get(key)
    if value is None:
        raise InvalidValueError("missing_key", value=None, field=f"{field}.{key}", choices=keys)
    return value


CodeT = TypeVar(
    "CodeT",
    NotificationChannel,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    SentStatus,
    "FormEvent",
)


def wrong_kind(value: object, field: str, expected: str, *, name: str = "") -> InvalidTypeError:
    """Return :func:`~distribution.errors.wrong_type`'s error, showing *value* safely (internal).

    *expected* is a phrase of :data:`~distribution._texts.EXPECTED`; *name* fills its
    ``{name}``.
    """
    shown = evidence(value)
    return InvalidTypeError(
        "wrong_type",
        value=shown,
        field=field,
        expected=Expected(expected, name=name),
        type=TypeName(value, shown=show(shown)),
    )


def _code(cls: type[CodeT], value: object, field: str) -> CodeT:
    """Return ``cls.parse(value)``, refusing with the JSON key as the field.

    The value is shown safely: a huge ``int`` from a mapping would break ``repr``.
    """
    if type(value) is cls:
        return value
    if type(value) is not int and type(value) is not str:
        # Refused here, not by parse(): its error would repr a value that may be nested too
        # deeply to print.
        raise wrong_kind(value, field, "a {name} code or name", name=cls.__name__)
    if type(value) is int and value.bit_length() > _MAX_SHOWN_ITEMS:
        raise UnknownCodeError(
            "unknown_code", value=evidence(value), field=field, choices=cls.choices()
        )
    try:
        return cls.parse(value)
    except UnknownCodeError:
        raise UnknownCodeError(
            "unknown_code", value=evidence(value), field=field, choices=cls.choices()
        ) from None


def _maybe_code(cls: type[CodeT], value: object, field: str) -> CodeT | None:
    return None if value is None else _code(cls, value, field)


def _text(value: object, field: str) -> str | None:
    if value is None:
        return None
    if type(value) is not str:
        raise wrong_kind(value, field, "a string or null")
    return value


def _secret_text(value: object, field: str) -> str | None:
    """Read a text that is never shown (an apiKey, a national ID); a wrong one shows its type."""
    if value is not None and type(value) is not str:
        raise wrong_type(value, field=field, expected="a string", secret=True)
    return value


def _flag(value: object, field: str) -> bool:
    if value is None:
        return False
    if type(value) is not bool:
        raise wrong_kind(value, field, "true, false or null")
    return value


def read_guid(value: object, field: str) -> str:
    """Return a GUID text in lower case; refuse anything else, naming *field* (internal)."""
    if type(value) is not str:
        raise wrong_kind(value, field, "a GUID string")
    if not is_guid(value):
        raise InvalidValueError("bad_guid", value=evidence(value), field=field)
    return value.lower()


def _maybe_guid(value: object, field: str) -> str | None:
    return None if value is None else read_guid(value, field)


def _utc(value: object, field: str) -> datetime | None:
    """Read a ``…Utc`` time: ISO 8601; without an offset it is UTC, as the field's name says."""
    text = _text(value, field)
    if text is None:
        return None
    moment = _iso(text, field)
    return moment.replace(tzinfo=UTC) if moment.utcoffset() is None else moment


def _local(value: object, field: str) -> str | None:
    """Read a local time (``timestamp``): checked as ISO 8601 and kept as the text ePROM sent.

    The status callback's ``timestamp`` has no UTC offset ("2023-03-29T10:20:10.1804332"): it is
    ePROM's local time, which this pure library cannot turn into an instant without a time zone
    database, so it stays text; ``timestamp_utc`` is the instant.
    """
    text = _text(value, field)
    if text is not None:
        _iso(text, field)
    return text


def _iso(text: str, field: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError("bad_time", value=evidence(text), field=field) from None


def _guid_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or not is_guid(value):
        raise InvalidValueError(
            "bad_guid", value=evidence(value), field=f"{type(instance).__name__}.{attribute.name}"
        )


def _optional_guid(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _guid_field(instance, attribute, value)


def _lower(value: object) -> object:
    return value.lower() if type(value) is str else value


def _tuple_of(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        field = f"{type(instance).__name__}.{attribute.name}"
        if type(value) is not tuple:
            raise wrong_kind(value, field, "a tuple")
        for item in value:
            if type(item) is not kind:
                raise wrong_kind(item, field, "a tuple of {name}", name=kind.__name__)

    return validate


def _matches(secret: str | None, expected: object) -> bool:
    if type(expected) is not str:
        raise wrong_type(expected, field="expected", expected="a string", secret=True)
    if not expected:
        # An empty key matches nothing: a receiver configured with "" would accept anyone.
        raise InvalidValueError("empty_key", value=None, field="expected")
    if not secret:
        return False
    return hmac.compare_digest(secret.encode(), expected.encode())


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
    return _code(FormOrderStatus, value, field), False


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

    form_order_id: str = attrs.field(converter=_lower, validator=_guid_field)
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))
    status: FormOrderStatus = attrs.field(validator=exactly(FormOrderStatus))
    error_code: FormOrderStatusErrorCode = attrs.field(
        default=FormOrderStatusErrorCode.NONE, validator=exactly(FormOrderStatusErrorCode)
    )
    timestamp: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    timestamp_utc: datetime | None = attrs.field(
        default=None, validator=[exactly(datetime, optional=True), aware]
    )
    _api_key: str | None = attrs.field(
        default=None, alias="api_key", repr=False, eq=False, validator=exactly(str, optional=True)
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
    def from_json(cls, obj: object) -> Self:
        """Read the body as ePROM sends it: a mapping, or its JSON text."""
        data = load_json(obj, "callback")
        field = "callback"
        status, sdp = _status_of_order(
            required(data, "formOrderStatus", field, _STATUS_KEYS), "formOrderStatus"
        )
        code = (
            _maybe_code(
                FormOrderStatusErrorCode,
                data.get("formOrderStatusErrorCode"),
                "formOrderStatusErrorCode",
            )
            or FormOrderStatusErrorCode.NONE
        )
        if sdp:
            if code not in {FormOrderStatusErrorCode.NONE, _SDP_ERROR}:
                raise InvalidValueError(
                    "contradiction",
                    value=code.api_name,
                    field="formOrderStatusErrorCode",
                    other=f"formOrderStatus {_SDP_ERROR.api_name}",
                )
            code = _SDP_ERROR
        if status in _RETURN_STATUSES:
            raise InvalidValueError(
                "out_of_range",
                value=status.api_name,
                field="formOrderStatus",
                choices=[s.api_name for s in _STATUS_STATUSES],
            )
        return cls(
            form_order_id=read_guid(
                required(data, "formOrderId", field, _STATUS_KEYS), "formOrderId"
            ),
            channel=_code(
                NotificationChannel,
                required(data, "notificationChannel", field, _STATUS_KEYS),
                "notificationChannel",
            ),
            status=status,
            error_code=code,
            timestamp=_local(data.get("timestamp"), "timestamp"),
            timestamp_utc=_utc(data.get("timestampUtc"), "timestampUtc"),
            api_key=_secret_text(data.get("apiKey"), "apiKey"),
        )

    def api_key_matches(self, expected: str) -> bool:
        """Return whether the callback's ``apiKey`` is *expected*, compared in constant time.

        A callback without a key, or with an empty one, matches nothing; an empty *expected*
        raises :class:`~distribution.errors.InvalidValueError`.
        """
        return _matches(self._api_key, expected)


# --- the completed or expired form ----------------------------------------------------------------


def _masked_repr(value: str | None) -> str:
    # A question's id is the form's own name for a field, but a repr masks by shape anyway.
    return repr(None if value is None else mask_personal(value))


class FormEvent(enum.Enum):
    """An event in a returned form's ``formOrderEventLog``, by the name ePROM sends.

    ReturAvUtfyltSkjema.md lists seven names; a code was published for the first five only
    (:class:`~distribution.codes.FormOrderEventLogType`), so this enum is keyed by name and
    ``SigningCompleted`` and ``FormDelivered`` have no :attr:`code` (``docs/sources.md`` §1).

    >>> FormEvent.parse("FormDelivered").code is None, FormEvent.parse(2)
    (True, <FormEvent.SIGNING_STARTED: 'SigningStarted'>)
    """

    FORM_OPENED = "FormOpened"
    QUESTION_ACCESSED = "QuestionAccessed"
    SIGNING_STARTED = "SigningStarted"
    SIGNING_CANCELLED = "SigningCancelled"
    SIGNING_ERROR = "SigningError"
    SIGNING_COMPLETED = "SigningCompleted"
    FORM_DELIVERED = "FormDelivered"

    @property
    def api_name(self) -> str:
        """The name as ePROM sends it, e.g. ``"FormDelivered"``."""
        return self.value

    @property
    def code(self) -> int | None:
        """The published code (0-4), or ``None`` for the two events without one."""
        logged = _LOGGED.get(self)
        return None if logged is None else logged.value

    @classmethod
    def choices(cls) -> tuple[str, ...]:
        """Return every name, with its code where one is published (``"0=FormOpened"``)."""
        return tuple(
            member.value if member.code is None else f"{member.code}={member.value}"
            for member in cls
        )

    @classmethod
    def parse(cls, value: object) -> FormEvent:
        """Return the event *value* names.

        Takes a member, a :class:`~distribution.codes.FormOrderEventLogType` member, a code
        (``int`` or ASCII digits, 0-4) or a name (API or member name, any letter case, ASCII).
        A ``bool``, ``float`` or other type raises :class:`~distribution.errors.InvalidTypeError`;
        an unknown code or name :class:`~distribution.errors.UnknownCodeError`.
        """
        if type(value) is cls:
            return value
        if type(value) is FormOrderEventLogType:
            return _BY_LOGGED[value]
        if type(value) is str:
            text = value.strip()
            key: object = text.lower()
            if text.isascii() and text.isdigit() and len(text) <= len(str(len(_BY_CODE))):
                key = int(text)
            member = _EVENT_NAMES.get(key) if text.isascii() else None
        elif type(value) is int:
            member = _EVENT_NAMES.get(value)
        else:
            raise InvalidTypeError(
                "code_type",
                value=evidence(value),
                field=cls.__name__,
                type=TypeName(value, shown=show(evidence(value))),
                choices=cls.choices(),
            )
        if member is None:
            raise UnknownCodeError(
                "unknown_code", value=evidence(value), field=cls.__name__, choices=cls.choices()
            )
        return member


_LOGGED: Final[Mapping[FormEvent, FormOrderEventLogType]] = {
    FormEvent(logged.api_name): logged for logged in FormOrderEventLogType
}
_BY_LOGGED: Final = {logged: event for event, logged in _LOGGED.items()}
_BY_CODE: Final = {logged.value: event for logged, event in _BY_LOGGED.items()}
# Every spelling parse() looks up: the names in lower case, and the published codes.
_EVENT_NAMES: Final[Mapping[object, FormEvent]] = {
    **{name.lower(): member for member in FormEvent for name in (member.name, member.value)},
    **_BY_CODE,
}


@final
@attrs.frozen(kw_only=True)
class FormOrderEvent:
    """One entry of ``formOrderEventLog``: what happened, to which question, when (UTC)."""

    type: FormEvent = attrs.field(validator=exactly(FormEvent))
    question_id: str | None = attrs.field(
        default=None, repr=_masked_repr, validator=exactly(str, optional=True)
    )
    timestamp_utc: datetime | None = attrs.field(
        default=None, validator=[exactly(datetime, optional=True), aware]
    )


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

    form_order_id: str = attrs.field(converter=_lower, validator=_guid_field)
    status: FormOrderStatus = attrs.field(validator=exactly(FormOrderStatus))
    channel: NotificationChannel | None = attrs.field(
        default=None, validator=exactly(NotificationChannel, optional=True)
    )
    form_data: str | None = attrs.field(
        default=None, repr=_form_data_repr, validator=exactly(str, optional=True)
    )
    signed_form_id: str | None = attrs.field(
        default=None, converter=_lower, validator=_optional_guid
    )
    scanned_paper_id: str | None = attrs.field(
        default=None, converter=_lower, validator=_optional_guid
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
    _api_key: str | None = attrs.field(
        default=None, alias="api_key", repr=False, eq=False, validator=exactly(str, optional=True)
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
    def from_json(cls, obj: object) -> Self:
        """Read the body as ePROM sends it: a mapping, or its JSON text."""
        data = load_json(obj, "callback")
        field = "callback"
        status = _code(
            FormOrderStatus,
            required(data, "formOrderStatus", field, _RETURN_KEYS),
            "formOrderStatus",
        )
        if status not in _RETURN_STATUSES:
            raise InvalidValueError(
                "out_of_range",
                value=status.api_name,
                field="formOrderStatus",
                choices=[s.api_name for s in _RETURN_STATUSES],
            )
        _object(data.get("patientInitiatedValues"), "patientInitiatedValues")
        return cls(
            form_order_id=read_guid(
                required(data, "formOrderId", field, _RETURN_KEYS), "formOrderId"
            ),
            status=status,
            channel=_maybe_code(
                NotificationChannel, data.get("notificationChannel"), "notificationChannel"
            ),
            form_data=_text(data.get("formData"), "formData"),
            signed_form_id=_none_if_nil(_maybe_guid(data.get("signedFormId"), "signedFormId")),
            scanned_paper_id=_none_if_nil(
                _maybe_guid(data.get("scannedPaperId"), "scannedPaperId")
            ),
            timestamp=_local(data.get("timestamp"), "timestamp"),
            form_data_warnings=len(_list(data.get("formDataWarnings"), "formDataWarnings")),
            is_patient_initiated=_flag(data.get("isPatientInitiated"), "isPatientInitiated"),
            events=_events(data.get("formOrderEventLog")),
            filled_out_by=_filled_out_by(data.get("filledOutBy")),
            api_key=_secret_text(data.get("apiKey"), "apiKey"),
        )

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
        return _matches(self._api_key, expected)


def _none_if_nil(guid: str | None) -> str | None:
    return None if guid == NIL_GUID else guid


def _object(value: object, field: str) -> Mapping[str, object] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise wrong_kind(value, field, "an object or null")
    return value


def _list(value: object, field: str) -> Sequence[object]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise wrong_kind(value, field, "a list or null")
    return value


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
            raise wrong_kind(None, field, "an object")
        events.append(
            FormOrderEvent(
                type=_code(
                    FormEvent,
                    required(
                        entry, "eventType", field, ("eventType", "questionId", "timestampUtc")
                    ),
                    f"{field}.eventType",
                ),
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

    message_to_citizen_id: str = attrs.field(converter=_lower, validator=_guid_field)
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))
    status: SentStatus = attrs.field(validator=exactly(SentStatus))
    _api_key: str | None = attrs.field(
        default=None, alias="api_key", repr=False, eq=False, validator=exactly(str, optional=True)
    )

    @classmethod
    def from_json(cls, obj: object) -> Self:
        """Read the body as ePROM sends it: a mapping, or its JSON text."""
        data = load_json(obj, "callback")
        field = "callback"
        return cls(
            message_to_citizen_id=read_guid(
                required(data, "messageToCitizenId", field, _MESSAGE_KEYS), "messageToCitizenId"
            ),
            channel=_code(
                NotificationChannel,
                required(data, "notificationChannel", field, _MESSAGE_KEYS),
                "notificationChannel",
            ),
            status=_code(
                SentStatus, required(data, "sentStatus", field, _MESSAGE_KEYS), "sentStatus"
            ),
            api_key=_secret_text(data.get("apiKey"), "apiKey"),
        )

    def api_key_matches(self, expected: str) -> bool:
        """Return whether the ``apiKey`` is *expected*, as the status callback does."""
        return _matches(self._api_key, expected)


Callback = FormOrderStatusCallback | FormReturnCallback | MessageStatusCallback
"""Any callback ePROM sends: an order's status, a returned form, or a message's status."""


def read_callback(obj: object) -> Callback:
    """Read any callback body, telling apart the two that arrive on ``/api/PromsFormOrder``.

    A body with ``messageToCitizenId`` is a :class:`MessageStatusCallback`. Otherwise
    ``formOrderStatus`` decides: ``Completed`` or ``Expired`` is the returned form
    (:class:`FormReturnCallback`), any other status the order's status
    (:class:`FormOrderStatusCallback`).
    """
    data = load_json(obj, "callback")
    if "messageToCitizenId" in data and "formOrderId" not in data:
        return MessageStatusCallback.from_json(data)
    if "formOrderId" not in data:
        raise InvalidValueError(
            "missing_key",
            value=None,
            field="callback.formOrderId",
            choices=("formOrderId", "messageToCitizenId"),
        )
    status, _ = _status_of_order(
        required(data, "formOrderStatus", "callback", _STATUS_KEYS), "formOrderStatus"
    )
    if status in _RETURN_STATUSES:
        return FormReturnCallback.from_json(data)
    return FormOrderStatusCallback.from_json(data)


# --- the responses to an order and a message ----------------------------------------------------


def _code_repr(value: str | None) -> str:
    return "None" if value is None else "<hidden>"


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

    id: str = attrs.field(converter=_lower, validator=_guid_field)
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
    def from_json(cls, obj: object) -> Self:
        """Read the response body: a mapping, or its JSON text."""
        data = load_json(obj, "response")
        keys = ("id", "singleUseCode", "loginUrl", "notificationChannel")
        return cls(
            id=read_guid(required(data, "id", "response", keys), "id"),
            channel=_code(
                NotificationChannel,
                required(data, "notificationChannel", "response", keys),
                "notificationChannel",
            ),
            single_use_code=_secret_text(data.get("singleUseCode"), "singleUseCode"),
            login_url=_text(data.get("loginUrl"), "loginUrl"),
        )


@final
@attrs.frozen(kw_only=True)
class MessageResponse:
    """ePROM's answer to ``POST /api/v2/messagetocitizen`` (SendeMeldingTilInnbyggerV2.md).

    ``channel`` ``NONE`` (the guide's ``"notificationChannel": "0"``) means that nothing was sent:
    ePROM cannot reach the citizen, or the national ID does not exist (see :attr:`sent`).
    """

    message_to_citizen_id: str | None = attrs.field(
        default=None, converter=_lower, validator=_optional_guid
    )
    channel: NotificationChannel = attrs.field(validator=exactly(NotificationChannel))

    @property
    def sent(self) -> bool:
        """Whether ePROM sent the message (the channel is not ``NONE``)."""
        return self.channel is not NotificationChannel.NONE

    @classmethod
    def from_json(cls, obj: object) -> Self:
        """Read the response body: a mapping, or its JSON text."""
        data = load_json(obj, "response")
        return cls(
            message_to_citizen_id=_maybe_guid(data.get("messageToCitizenId"), "messageToCitizenId"),
            channel=_code(
                NotificationChannel,
                required(
                    data,
                    "notificationChannel",
                    "response",
                    ("notificationChannel", "messageToCitizenId"),
                ),
                "notificationChannel",
            ),
        )
