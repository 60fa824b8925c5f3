"""The event log of a returned form: what the patient did, event by event (``formOrderEventLog``).

Rule 1: the events ePROM names and what one entry of the log holds live here; reading the log
from a callback body lives in :mod:`distribution.eprom.callbacks`, telling it as a timeline in
:mod:`distribution.eprom.reconciliation`.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Final, Self, TypedDict, final

import attrs

from distribution._errors import (
    InvalidTypeError,
    TypeName,
    UnknownCodeError,
    aware,
    exactly,
    mask_personal,
    nearest,
    show_or_stand,
)
from distribution._evidence import evidence
from distribution._reading import check_keys, code, given_mapping
from distribution.codes import FormOrderEventLogType
from distribution.eprom._fields import keep_sent, text, time_text, utc

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FormEvent", "FormOrderEvent", "FormOrderEventDict"]


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
                type=TypeName(value, shown=show_or_stand(evidence(value))),
                choices=cls.choices(),
            )
        if member is None:
            raise UnknownCodeError(
                "unknown_code",
                value=evidence(value),
                field=cls.__name__,
                choices=cls.choices(),
                suggestion=nearest(value, [event.value for event in cls]),
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


class FormOrderEventDict(TypedDict):
    """One entry of ``formOrderEventLog`` on the wire."""

    eventType: str
    questionId: str | None
    timestampUtc: str | None


_EVENT_KEYS: Final = ("eventType", "questionId", "timestampUtc")


@final
@attrs.frozen(kw_only=True)
class FormOrderEvent:
    """One entry of ``formOrderEventLog``: what happened, to which question, when (UTC).

    A question's id is the form's name for a question (``"HealthGeneral"``), not an answer, so a
    redacted body keeps it.
    """

    type: FormEvent = attrs.field(validator=exactly(FormEvent))
    question_id: str | None = attrs.field(
        default=None, repr=_masked_repr, validator=exactly(str, optional=True)
    )
    timestamp_utc: datetime | None = attrs.field(
        default=None, validator=[exactly(datetime, optional=True), aware]
    )
    # The text the UTC time came as, written back by to_dict (time_text); no part of equality.
    _utc_sent: str | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, object], field: str = "formOrderEvent") -> Self:
        """Read one entry of the log; *field* names it in an error (``formOrderEventLog[3]``)."""
        data = given_mapping(data, field)
        check_keys(data, field, required=("eventType",), listed=_EVENT_KEYS)
        made = cls(
            type=code(FormEvent, data["eventType"], f"{field}.eventType"),
            question_id=text(data.get("questionId"), f"{field}.questionId"),
            timestamp_utc=utc(data.get("timestampUtc"), f"{field}.timestampUtc"),
        )
        return keep_sent(made, "_utc_sent", data.get("timestampUtc"))

    def to_dict(self) -> FormOrderEventDict:
        """Return the entry as ePROM sends it, the event by name; :meth:`from_dict` reads it."""
        return {
            "eventType": self.type.api_name,
            "questionId": self.question_id,
            "timestampUtc": time_text(self.timestamp_utc, self._utc_sent),
        }
