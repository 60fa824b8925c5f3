"""The completed or expired form ePROM returns, with every part of it as a typed value.

Rule 1: how the returned form's body (ReturAvUtfyltSkjema.md, ``docs/sources.md`` §8) is read,
written back and redacted lives here; the status callbacks and :func:`read_callback`, which tells
the bodies apart, live in :mod:`distribution.eprom.callbacks`, the event log's entries in
:mod:`distribution.eprom.events`. Nothing the guide names is dropped on reading: the answers
(``formData``), each ``formDataWarnings`` item, ``patientInitiatedValues`` and ``filledOutBy``
are kept, so :meth:`FormReturnCallback.to_dict` gives back what
:meth:`~FormReturnCallback.from_dict` read. :meth:`FormReturnCallback.to_redacted_dict` is the
form fit for storage and logs.

>>> returned = FormReturnCallback.from_dict({"formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
...     "formOrderStatus": "Completed", "formData": '{"HealthGeneral": 1}',
...     "formDataWarnings": [{"fieldName": "Key", "warning": "Value"}],
...     "filledOutBy": {"filledOutByActType": "SegSelv"}})
>>> returned.form_data_warnings[0].field_name, returned.filled_out_by.act_type
('Key', <FilledOutByActType.SEG_SELV: 'SegSelv'>)
>>> FormReturnCallback.from_dict(returned.to_dict()) == returned
True
>>> redacted = returned.to_redacted_dict()
>>> "formData" in redacted, redacted["formDataWarnings"]
(False, [{'fieldName': 'Key'}])
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Final, NotRequired, Self, TypedDict, final

import attrs

from distribution._errors import (
    InvalidValueError,
    UnknownCodeError,
    aware,
    exactly,
    mask_personal,
    show,
    wrong_type,
)
from distribution._evidence import evidence, wrong_json_type
from distribution._formats import (
    NIL_GUID,
    guid,
    guid_field,
    lower,
    lower_or_none,
    optional_guid_field,
)
from distribution._reading import check_keys, code, given_mapping, json_object, read_object
from distribution.codes import FormOrderStatus, NotificationChannel
from distribution.eprom._api_key import ApiKey, key_of, matches, reveal
from distribution.eprom._fields import (
    FIELD,
    OBJECT,
    flag,
    guid_unless_nil,
    hiding_key,
    keep_sent,
    list_or_empty,
    local,
    mask,
    object_or_none,
    secret_text,
    text,
    time_text,
    tuple_of,
    utc,
)
from distribution.eprom.events import FormOrderEvent, FormOrderEventDict

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "MAX_EVENTS",
    "FilledOutBy",
    "FilledOutByActType",
    "FormDataWarning",
    "FormReturnCallback",
    "FormReturnDict",
    "PatientInitiatedValues",
]

MAX_EVENTS: Final = 10_000
"""The most events a ``formOrderEventLog`` may hold (a form with hundreds of questions has
hundreds of events; ten thousand bounds the work for a mapping that was never measured)."""

_RETURN_STATUSES: Final = (FormOrderStatus.COMPLETED, FormOrderStatus.EXPIRED)


def _masked_repr(value: str | None) -> str:
    return "None" if value is None else "'" + "*" * len(value) + "'"


def _length_repr(value: str | None) -> str:
    return "None" if value is None else f"<{len(value)} characters>"


# --- who filled it out ----------------------------------------------------------------------------


class FilledOutByActType(enum.StrEnum):
    """How the one who filled out the form acted (``filledOutByActType``), as the guide names it.

    The guide's four values: ``Ukjent`` (unknown), ``SegSelv`` (the patient themself),
    ``Foreldrerepresentasjon`` (a parent on the patient's behalf) and ``Fullmakt`` (by power of
    attorney). No numbers are published, so the enum is keyed by name. A ``StrEnum``, so that
    a member still equals the text ``act_type`` was before it was an enum.

    >>> FilledOutByActType.parse("segselv")
    <FilledOutByActType.SEG_SELV: 'SegSelv'>
    """

    UKJENT = "Ukjent"
    SEG_SELV = "SegSelv"
    FORELDREREPRESENTASJON = "Foreldrerepresentasjon"
    FULLMAKT = "Fullmakt"

    @property
    def api_name(self) -> str:
        """The name as ePROM sends it, e.g. ``"SegSelv"``."""
        return self.value

    @classmethod
    def parse(cls, value: object) -> FilledOutByActType:
        """Return the member *value* names: a member, or its API or member name in any case.

        Anything but a text raises :class:`~distribution.errors.InvalidTypeError`, an unknown
        name :class:`~distribution.errors.UnknownCodeError`.
        """
        if type(value) is cls:
            return value
        if type(value) is not str:
            raise wrong_type(evidence(value), field=cls.__name__, expected="a string")
        member = _ACT_TYPES.get(value.strip().lower())
        if member is None:
            choices = [member.api_name for member in cls]
            raise UnknownCodeError(
                "unknown_code", value=evidence(value), field=cls.__name__, choices=choices
            )
        return member


_ACT_TYPES: Final = {
    name.lower(): member for member in FilledOutByActType for name in (member.name, member.value)
}


def _act_type_repr(value: FilledOutByActType | str | None) -> str:
    """Show an act type; a text this library does not know with its personal data hidden."""
    return show(mask_personal(value)) if type(value) is str else repr(value)


def _act_type(value: FilledOutByActType | str | None) -> FilledOutByActType | str | None:
    """Return a known act type as its member; an unknown text stays the text ePROM sent."""
    if type(value) is str:
        return _ACT_TYPES.get(value.strip().lower(), value)
    return value


class FilledOutByDict(TypedDict):
    """``filledOutBy`` on the wire."""

    filledOutByActType: str | None
    filledOutByActNationalId: str | None


@final
@attrs.frozen(kw_only=True)
class FilledOutBy:
    """Who filled out the form (``filledOutBy``, Helsenorge only, since ePROM v13.1).

    ``act_type`` is a :class:`FilledOutByActType` when ePROM sends one of the guide's four
    names; any other text is kept as it came, so that a value added in a later ePROM version
    does not fail the whole callback (``act_type_name`` is the text either way). The national ID
    is never shown.
    """

    act_type: FilledOutByActType | str | None = attrs.field(
        default=None,
        converter=_act_type,
        validator=exactly(FilledOutByActType, str, optional=True),
        repr=_act_type_repr,
    )
    national_id: str | None = attrs.field(
        default=None, repr=_masked_repr, validator=exactly(str, optional=True, secret=True)
    )

    @property
    def act_type_name(self) -> str | None:
        """The act type as ePROM sends it (``"SegSelv"``), known to this library or not."""
        act = self.act_type
        return act.api_name if isinstance(act, FilledOutByActType) else act

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read ``filledOutBy``, decoded from JSON; keys it does not know are ignored."""
        data = given_mapping(data, "filledOutBy")
        return cls(
            act_type=text(data.get("filledOutByActType"), "filledOutBy.filledOutByActType"),
            national_id=secret_text(
                data.get("filledOutByActNationalId"), "filledOutBy.filledOutByActNationalId"
            ),
        )

    def to_dict(self, *, redacted: bool = False) -> FilledOutByDict:
        """Return the object as ePROM sends it.

        *redacted* masks the national ID, and hides personal data in an act type this library
        does not know (a national ID sent in the wrong field).
        """
        name = self.act_type_name
        unknown = type(self.act_type) is str
        return {
            "filledOutByActType": mask_personal(name) if redacted and unknown and name else name,
            "filledOutByActNationalId": mask(self.national_id) if redacted else self.national_id,
        }


# --- a patient-initiated order --------------------------------------------------------------------


class PatientInitiatedValuesDict(TypedDict):
    """``patientInitiatedValues`` on the wire."""

    formId: str | None
    nationalId: str | None
    orderTimestamp: str | None
    orderTimestampUTC: str | None


@final
@attrs.frozen(kw_only=True)
class PatientInitiatedValues:
    """What a patient who ordered the form themself ordered (``patientInitiatedValues``).

    Attributes:
        form_id: the form ordered (a GUID, lower case), or ``None``.
        national_id: the national ID of the patient who ordered it; never shown.
        order_timestamp: when the order was made, in ePROM's local time, as the text it sent.
        order_timestamp_utc: the same instant, timezone-aware (``orderTimestampUTC``, in the
            guide's spelling; ``orderTimestampUtc`` is read too).
    """

    form_id: str | None = attrs.field(
        default=None, converter=lower_or_none, validator=optional_guid_field
    )
    national_id: str | None = attrs.field(
        default=None, repr=_masked_repr, validator=exactly(str, optional=True, secret=True)
    )
    order_timestamp: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    order_timestamp_utc: datetime | None = attrs.field(
        default=None, validator=[exactly(datetime, optional=True), aware]
    )
    # The text the UTC time came as, written back by to_dict (time_text); no part of equality.
    _utc_sent: str | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read ``patientInitiatedValues``, decoded from JSON."""
        field = "patientInitiatedValues"
        data = given_mapping(data, field)
        form_id = data.get("formId")
        utc_key = "orderTimestampUTC" if "orderTimestampUTC" in data else "orderTimestampUtc"
        made = cls(
            form_id=None if form_id is None else guid(form_id, f"{field}.formId"),
            national_id=secret_text(data.get("nationalId"), f"{field}.nationalId"),
            order_timestamp=local(data.get("orderTimestamp"), f"{field}.orderTimestamp"),
            order_timestamp_utc=utc(data.get(utc_key), f"{field}.{utc_key}"),
        )
        return keep_sent(made, "_utc_sent", data.get(utc_key))

    def to_dict(self, *, redacted: bool = False) -> PatientInitiatedValuesDict:
        """Return the object as ePROM sends it; *redacted* masks the national ID."""
        return {
            "formId": self.form_id,
            "nationalId": mask(self.national_id) if redacted else self.national_id,
            "orderTimestamp": self.order_timestamp,
            "orderTimestampUTC": time_text(self.order_timestamp_utc, self._utc_sent),
        }


# --- a warning about the answers ------------------------------------------------------------------


class FormDataWarningDict(TypedDict):
    """One ``formDataWarnings`` item on the wire; a redacted one has no ``warning``."""

    fieldName: str | None
    warning: NotRequired[str | None]


@final
@attrs.frozen(kw_only=True)
class FormDataWarning:
    """One item of ``formDataWarnings``: a field of the answers and ePROM's warning about it.

    The guide's example: ``{"fieldName": "Key", "warning": "Value"}``. The warning may quote
    the answer, so its repr shows only its length and a redacted body leaves it out.
    """

    field_name: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    warning: str | None = attrs.field(
        default=None, repr=_length_repr, validator=exactly(str, optional=True)
    )

    @classmethod
    def from_dict(cls, data: Mapping[str, object], field: str = "formDataWarning") -> Self:
        """Read one item; *field* names it in an error (``formDataWarnings[0]``)."""
        data = given_mapping(data, field)
        return cls(
            field_name=text(data.get("fieldName"), f"{field}.fieldName"),
            warning=text(data.get("warning"), f"{field}.warning"),
        )

    def to_dict(self, *, redacted: bool = False) -> FormDataWarningDict:
        """Return the item as ePROM sends it; *redacted* leaves out the warning's text."""
        if redacted:
            return {"fieldName": self.field_name}
        return {"fieldName": self.field_name, "warning": self.warning}


# --- the returned form ----------------------------------------------------------------------------


class FormReturnDict(TypedDict):
    """The returned form's body, as ePROM sends it (a redacted one lacks the marked keys)."""

    apiKey: NotRequired[str]
    formOrderId: str
    formData: NotRequired[str | None]
    formOrderStatus: str
    signedFormId: str
    timestamp: str | None
    scannedPaperId: str
    formDataWarnings: list[FormDataWarningDict]
    notificationChannel: str | None
    isPatientInitiated: bool
    patientInitiatedValues: PatientInitiatedValuesDict | None
    formOrderEventLog: list[FormOrderEventDict]
    filledOutBy: FilledOutByDict | None


_RETURN_KEYS: Final = ("formOrderId", "formOrderStatus")


@final
@attrs.frozen(kw_only=True)
class FormReturnCallback:
    """The completed or expired form: ePROM's ``PUT`` on the same ``/api/PromsFormOrder``.

    Source: ReturAvUtfyltSkjema.md (``docs/sources.md`` §8). ``form_data`` is the patient's
    answers, kept as the text ePROM sent ("formData sendes som stringified JSON-object") and never
    shown in a repr.

    Attributes:
        form_order_id: the order's GUID, in lower case.
        status: ``COMPLETED`` or ``EXPIRED``.
        channel: the channel the patient was notified on, or ``None`` when the body does not
            say (the guide lists ``notificationChannel``, but its own example has none).
        form_data: the answers as JSON text, or ``None``.
        signed_form_id, scanned_paper_id: GUIDs, or ``None`` (absent or all zeros).
        timestamp: when the form was submitted, as the text ePROM sent.
        form_data_warnings: each :class:`FormDataWarning` ePROM sent with the answers.
        is_patient_initiated: whether the patient ordered the form themself.
        patient_initiated_values: :class:`PatientInitiatedValues`, or ``None``.
        events: ``formOrderEventLog``, in the order ePROM sent it.
        filled_out_by: :class:`FilledOutBy`, or ``None``.
    """

    form_order_id: str = attrs.field(converter=lower, validator=guid_field)
    status: FormOrderStatus = attrs.field(validator=exactly(FormOrderStatus))
    channel: NotificationChannel | None = attrs.field(
        default=None, validator=exactly(NotificationChannel, optional=True)
    )
    form_data: str | None = attrs.field(
        default=None, repr=_length_repr, validator=exactly(str, optional=True)
    )
    signed_form_id: str | None = attrs.field(
        default=None, converter=lower_or_none, validator=optional_guid_field
    )
    scanned_paper_id: str | None = attrs.field(
        default=None, converter=lower_or_none, validator=optional_guid_field
    )
    timestamp: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    form_data_warnings: tuple[FormDataWarning, ...] = attrs.field(
        default=(), validator=tuple_of(FormDataWarning)
    )
    is_patient_initiated: bool = attrs.field(default=False, validator=exactly(bool))
    patient_initiated_values: PatientInitiatedValues | None = attrs.field(
        default=None, validator=exactly(PatientInitiatedValues, optional=True)
    )
    events: tuple[FormOrderEvent, ...] = attrs.field(default=(), validator=tuple_of(FormOrderEvent))
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
        data = given_mapping(data, FIELD)
        return hiding_key(data, lambda: cls._read(data))

    @classmethod
    def _read(cls, data: Mapping[str, object]) -> Self:
        check_keys(data, FIELD, required=("formOrderStatus", "formOrderId"), listed=_RETURN_KEYS)
        status = code(FormOrderStatus, data["formOrderStatus"], "formOrderStatus")
        if status not in _RETURN_STATUSES:
            raise InvalidValueError(
                "out_of_range",
                value=status.api_name,
                field="formOrderStatus",
                choices=[s.api_name for s in _RETURN_STATUSES],
            )
        channel = data.get("notificationChannel")
        initiated = object_or_none(data.get("patientInitiatedValues"), "patientInitiatedValues")
        filled = object_or_none(data.get("filledOutBy"), "filledOutBy")
        return cls(
            form_order_id=guid(data["formOrderId"], "formOrderId"),
            status=status,
            channel=None
            if channel is None
            else code(NotificationChannel, channel, "notificationChannel"),
            form_data=text(data.get("formData"), "formData"),
            signed_form_id=guid_unless_nil(data.get("signedFormId"), "signedFormId"),
            scanned_paper_id=guid_unless_nil(data.get("scannedPaperId"), "scannedPaperId"),
            timestamp=local(data.get("timestamp"), "timestamp"),
            form_data_warnings=_warnings(data.get("formDataWarnings")),
            is_patient_initiated=flag(data.get("isPatientInitiated"), "isPatientInitiated"),
            patient_initiated_values=None
            if initiated is None
            else PatientInitiatedValues.from_dict(initiated),
            events=_events(data.get("formOrderEventLog")),
            filled_out_by=None if filled is None else FilledOutBy.from_dict(filled),
            api_key=secret_text(data.get("apiKey"), "apiKey"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Read the body ePROM sent, as JSON text."""
        return cls.from_dict(read_object(text, FIELD, OBJECT))

    def to_dict(self) -> FormReturnDict:
        """Return the body as ePROM sends it, codes by name; :meth:`from_dict` reads it back.

        It holds the apiKey (when the body had one), the answers and national IDs: store or log
        :meth:`to_redacted_dict` instead. A ``signedFormId`` or ``scannedPaperId`` that is none
        is written as the all-zero GUID, as ePROM writes it.
        """
        body = self._body(redacted=False)
        key = reveal(self._api_key)
        return body if key is None else {"apiKey": key, **body}

    def to_redacted_dict(self) -> FormReturnDict:
        """Return the body fit for storage and logs: :meth:`to_dict` without what is secret.

        Left out: ``apiKey``; ``formData`` (the answers); each warning's ``warning`` text (it
        may quote an answer; ``fieldName`` stays). Masked, one ``*`` per character: the national
        IDs in ``patientInitiatedValues`` and ``filledOutBy``. Kept: the ids, the status, the
        channel, the times and the event log (question ids name questions, not answers).
        :meth:`from_dict` reads the result.
        """
        return self._body(redacted=True)

    def _body(self, *, redacted: bool) -> FormReturnDict:
        initiated, filled = self.patient_initiated_values, self.filled_out_by
        body: FormReturnDict = {
            "formOrderId": self.form_order_id,
            "formData": self.form_data,
            "formOrderStatus": self.status.api_name,
            "signedFormId": self.signed_form_id or NIL_GUID,
            "timestamp": self.timestamp,
            "scannedPaperId": self.scanned_paper_id or NIL_GUID,
            "formDataWarnings": [w.to_dict(redacted=redacted) for w in self.form_data_warnings],
            "notificationChannel": None if self.channel is None else self.channel.api_name,
            "isPatientInitiated": self.is_patient_initiated,
            "patientInitiatedValues": None
            if initiated is None
            else initiated.to_dict(redacted=redacted),
            "formOrderEventLog": [event.to_dict() for event in self.events],
            "filledOutBy": None if filled is None else filled.to_dict(redacted=redacted),
        }
        if redacted:
            del body["formData"]
        return body

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


def _warnings(value: object) -> tuple[FormDataWarning, ...]:
    items = list_or_empty(value, "formDataWarnings")
    if len(items) > MAX_EVENTS:
        raise InvalidValueError(
            "out_of_range",
            value=len(items),
            field="formDataWarnings",
            choices=f"0-{MAX_EVENTS} warnings",
        )
    warnings = []
    for index, item in enumerate(items):
        field = f"formDataWarnings[{index}]"
        warnings.append(FormDataWarning.from_dict(_entry(item, field), field))
    return tuple(warnings)


def _entry(item: object, field: str) -> Mapping[str, object]:
    if item is None:
        raise wrong_json_type(None, field, "an object")
    return json_object(item, field, "an object or null")


def _events(value: object) -> tuple[FormOrderEvent, ...]:
    items = list_or_empty(value, "formOrderEventLog")
    if len(items) > MAX_EVENTS:
        raise InvalidValueError(
            "out_of_range",
            value=len(items),
            field="formOrderEventLog",
            choices=f"0-{MAX_EVENTS} events",
        )
    return tuple(
        FormOrderEvent.from_dict(_entry(item, f"formOrderEventLog[{i}]"), f"formOrderEventLog[{i}]")
        for i, item in enumerate(items)
    )
