"""The event log of a returned form: what the patient did, event by event (``formOrderEventLog``).

Rule 1: the events ePROM names and what one entry of the log holds live here; reading the log
from a callback body lives in :mod:`distribution.eprom.callbacks`, telling it as a timeline in
:mod:`distribution.eprom.reconciliation`.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution._errors import (
    InvalidTypeError,
    TypeName,
    UnknownCodeError,
    aware,
    exactly,
    mask_personal,
    show,
)
from distribution._evidence import evidence
from distribution.codes import FormOrderEventLogType

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FormEvent", "FormOrderEvent"]


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
