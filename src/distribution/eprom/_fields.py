"""The fields of ePROM's callback bodies: read from JSON, and written back (internal).

One reason to change: how one field of a callback is read or written, alike in every callback
type (:mod:`distribution.eprom.callbacks`, :mod:`distribution.eprom.returned`) and in the order
response (:mod:`distribution.eprom.responses`). Reading goes
through :mod:`distribution._reading`; what is wrong raises the ``ValueError`` family.
:func:`hiding_key` keeps a received apiKey out of every error, whatever field the sender put it in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeVar

from distribution._errors import DistributionError, without_secret
from distribution._evidence import wrong_kind
from distribution._formats import NIL_GUID, guid, iso_time
from distribution._reading import json_list, json_object, maybe

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from datetime import datetime
    from typing import Any

    import attrs

__all__ = [
    "FIELD",
    "OBJECT",
    "flag",
    "guid_unless_nil",
    "hiding_key",
    "keep_sent",
    "list_or_empty",
    "local",
    "mask",
    "object_or_none",
    "secret_text",
    "sent_text",
    "text",
    "time_text",
    "tuple_of",
    "utc",
]

T = TypeVar("T")

FIELD: Final = "callback"  # what a body is called in an error: "callback.formOrderId is missing"
OBJECT: Final = "a JSON object"  # what its JSON text must hold


def text(value: object, field: str) -> str | None:
    """Read a text, or ``null``."""
    return maybe(value, str, field, "a string or null")


def secret_text(value: object, field: str) -> str | None:
    """Read a text that is never shown (an apiKey, a national ID); a wrong one shows its type."""
    return maybe(value, str, field, "a string", secret=True)


def flag(value: object, field: str) -> bool:
    """Read ``true`` or ``false``; ``null`` or absent is ``false``."""
    return maybe(value, bool, field, "true, false or null") or False


def local(value: object, field: str) -> str | None:
    """Read a local time (``timestamp``): checked as ISO 8601 and kept as the text ePROM sent.

    The status callback's ``timestamp`` has no UTC offset ("2023-03-29T10:20:10.1804332"): it is
    ePROM's local time, which this pure library cannot turn into an instant without a time zone
    database, so it stays text; ``timestamp_utc`` is the instant.
    """
    if value is None:
        return None
    iso_time(value, field, naive="allow", expected="a string or null")
    return value  # type: ignore[return-value]  # iso_time() refused anything but a str


def utc(value: object, field: str) -> datetime | None:
    """Read a ``…Utc`` time: ISO 8601; without an offset it is UTC, as the field's name says."""
    if value is None:
        return None
    return iso_time(value, field, naive="utc", expected="a string or null")


def time_text(value: datetime | None, as_sent: str | None = None) -> str | None:
    """Write a time: the text ePROM sent, if it was read from one, else ISO 8601.

    *as_sent* is the text :func:`sent_text` kept when the value was read; it keeps what a
    ``datetime`` cannot: a seventh fractional digit (``"…10.1804332Z"``, where Python keeps
    microseconds) and the lack of an offset. A time built in Python is written with its offset;
    :func:`utc` reads either back to the same instant.
    """
    if as_sent is not None:
        return as_sent
    return None if value is None else value.isoformat()


def sent_text(value: object) -> str | None:
    """Return a time's text as it came, for :func:`time_text`; read by :func:`utc` first."""
    return value if isinstance(value, str) else None


def keep_sent(made: T, name: str, value: object) -> T:
    """Return *made*, a frozen value just read, holding the text its time came as in *name*.

    The field is ``init=False``, so ``attrs.evolve`` leaves it out: a changed time is written
    from the ``datetime``, never from a stale text.
    """
    object.__setattr__(made, name, sent_text(value))
    return made


def object_or_none(value: object, field: str) -> Mapping[str, object] | None:
    """Read an object, or ``null``."""
    return None if value is None else json_object(value, field, "an object or null")


def list_or_empty(value: object, field: str) -> Sequence[object]:
    """Read a list; ``null`` or absent is an empty one."""
    return () if value is None else json_list(value, field, "a list or null")


def guid_unless_nil(value: object, field: str) -> str | None:
    """Read an optional GUID, where all zeros means none too."""
    found = None if value is None else guid(value, field)
    return None if found == NIL_GUID else found


def mask(national_id: str | None) -> str | None:
    """Return a national ID as a redacted body shows it: one ``*`` per character."""
    return None if national_id is None else "*" * len(national_id)


def tuple_of(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Return a validator of a tuple whose items are all exactly *kind*."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        field = f"{type(instance).__name__}.{attribute.name}"
        if type(value) is not tuple:
            raise wrong_kind(value, field, "a tuple")
        for item in value:
            if type(item) is not kind:
                raise wrong_kind(item, field, "a tuple of {name}", name=kind.__name__)

    return validate


def hiding_key(data: Mapping[str, object], read: Callable[[], T], field: str = "apiKey") -> T:
    """Return ``read()``; an error it raises shows nothing of the body's secret *field*.

    The ``apiKey`` is the receiving system's secret, the ``singleUseCode`` logs a patient in. A
    sender that puts its text in another field (``{"formOrderStatus": "<the key>"}``) must not
    have it printed in the error, in a log.
    """
    try:
        return read()
    except DistributionError as error:
        key = data.get(field)
        if type(key) is str and key:
            raise without_secret(error, key) from None
        raise
