"""Reading data that arrives from outside: JSON text, and the values decoded from it (internal).

Rule 1: every reader of outside data (a callback or response from ePROM, a KRR answer, a facts
file, a wire-format decision, an order's metadata) goes through this module, so that they all
refuse alike: the same size and depth guards, the same exact JSON types (``true`` is no number),
one check of required and unknown keys, one reading of codes, and one way of showing a refused
value without flooding a log line or naming a person.

Errors by whose fault, as h11 splits them (``docs/api.md``, "Errors: whose fault"):

- the **caller** gave the wrong Python type (``from_json`` takes text, ``from_dict`` a mapping):
  :class:`~distribution.errors.InvalidTypeError` (a ``TypeError``), from
  :func:`~distribution._evidence.wrong_kind`;
- the **data** is wrong: not JSON, too big, a missing key, a value of the wrong JSON type (a
  string where a number belongs), an unknown code: :class:`~distribution.errors.InvalidValueError`
  or :class:`~distribution.errors.UnknownCodeError` (both ``ValueError``), from
  :func:`~distribution._evidence.wrong_json_type` and the readers below.

The toolkit is three modules: this one, :mod:`distribution._formats` (times and GUIDs, kept apart
because the engine, imported by every user, reads neither) and :mod:`distribution._evidence`
(how a refused value is shown).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from importlib import import_module
from typing import Final, Protocol, Self, TypeVar

from distribution._errors import (
    HIDDEN,
    Expected,
    InvalidValueError,
    UnknownCodeError,
)
from distribution._evidence import (
    MAX_SHOWN_BITS,
    Stand,
    evidence,
    wrong_json_type,
    wrong_kind,
)
from distribution._texts import LABELS, Lang

__all__ = [
    "MAX_JSON_SIZE",
    "check_keys",
    "choice",
    "code",
    "exact",
    "given_mapping",
    "json_list",
    "json_object",
    "load_json",
    "maybe",
    "parse",
    "read_object",
    "required",
]

T = TypeVar("T")

MAX_JSON_SIZE: Final = 2 * 1024 * 1024
"""The longest JSON text a reader parses: 2 MiB (characters of a ``str``, bytes of ``bytes``).

A completed form's answers (``formData``) and its event log fit many times over, and so does a KRR
answer for a thousand people; a longer text is refused before parsing, so a hostile sender cannot
make the reader spend memory or time on it. A mapping the caller decoded is not measured: limit
the request body in the web framework too.
"""


# --- JSON text ----------------------------------------------------------------------------------


class JsonPosition:
    """Where a JSON text broke, in words of the message's language: "line 1, column 12"."""

    def __init__(self, error: Exception) -> None:
        self.line = getattr(error, "lineno", "?")
        self.column = getattr(error, "colno", "?")

    def describe(self, *, lang: Lang) -> str:
        """Return the position in *lang*."""
        return LABELS[lang]["json_position"].format(line=self.line, column=self.column)


class JsonConstant:
    """A word Python's parser reads as a number but JSON does not have: "NaN is not a number"."""

    def __init__(self, name: str) -> None:
        self.name = name

    def describe(self, *, lang: Lang) -> str:
        """Return the reason in *lang*."""
        return LABELS[lang]["json_constant"].format(name=self.name)


class _ConstantError(Exception):
    """``NaN``, ``Infinity`` or ``-Infinity`` in a JSON text: no JSON, though Python reads it."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


def _no_constant(name: str) -> object:
    """Refuse ``NaN`` and the infinities: strict JSON has no such number (RFC 8259, section 6)."""
    raise _ConstantError(name)


class _DuplicateKeyError(Exception):
    """A key that an object of the JSON text holds twice (the parser cannot name the field)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """Return an object's pairs as a dict; a key given twice is refused, never silently won.

    ``{"formOrderId": A, "formOrderId": B}`` would mean B to Python's parser and A to a reader
    that stops at the first; such an object says two things, so it is not read.
    """
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch  # a key repeats, as the lengths say
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return data


def parse(text: str | bytes | bytearray, field: str) -> object:
    """Return the value of a JSON text; refuse one too long, too deep or not JSON, naming *field*.

    The text is never quoted in the error: it may hold personal data.
    """
    if len(text) > MAX_JSON_SIZE:
        unit = "characters" if isinstance(text, str) else "bytes"
        raise InvalidValueError(
            "too_large", value=Stand(f"<{len(text)} {unit}>"), field=field, limit=MAX_JSON_SIZE
        )
    try:
        # json is imported on first use: the engine reads decisions through this module, and
        # `import distribution` would otherwise pay for a parser a service that decides never uses.
        return import_module("json").loads(
            text, object_pairs_hook=_unique_keys, parse_constant=_no_constant
        )
    except _ConstantError as constant:
        # ePROM, like any strict parser, refuses it: read here, it would be sent on or trusted.
        raise InvalidValueError(
            "bad_json", value=HIDDEN, field=field, problem=JsonConstant(constant.name)
        ) from None
    except _DuplicateKeyError as duplicate:
        raise InvalidValueError(
            "duplicate_key", value=evidence(duplicate.key), field=field
        ) from None
    except RecursionError:
        # The depth guard is the parser's own: CPython's JSON decoder counts its depth against
        # the recursion limit and raises instead of overflowing the stack.
        raise InvalidValueError("too_deep", value=HIDDEN, field=field) from None
    except ValueError as error:
        raise InvalidValueError(
            "bad_json", value=HIDDEN, field=field, problem=JsonPosition(error)
        ) from None


def json_object(value: object, field: str, expected: str = "an object") -> Mapping[str, object]:
    """Return *value*, decoded JSON, if it is an object; otherwise it is bad data."""
    if not isinstance(value, Mapping):
        raise wrong_json_type(value, field, expected)
    return value


def read_object(text: object, field: str, expected: str = "an object") -> Mapping[str, object]:
    """Return the JSON object a text holds: what every ``from_json`` reads.

    A caller who passes anything but text (``str``, ``bytes``) gets
    :class:`~distribution.errors.InvalidTypeError`; text that is not a JSON object is bad data.
    """
    if not isinstance(text, str | bytes | bytearray):
        raise wrong_kind(text, field, "JSON text")
    return json_object(parse(text, field), field, expected)


def given_mapping(obj: object, field: str) -> Mapping[str, object]:
    """Return *obj* if it is a mapping: what every ``from_dict`` takes.

    Anything else is the caller's mistake (:class:`~distribution.errors.InvalidTypeError`); of
    text only the type is shown, since JSON text passed here by mistake may hold a key or a
    national ID.
    """
    if not isinstance(obj, Mapping):
        secret = isinstance(obj, str | bytes | bytearray)
        raise wrong_kind(obj, field, "a mapping of decoded JSON", secret=secret)
    return obj


def load_json(obj: object, field: str, expected: str = "a JSON object") -> Mapping[str, object]:
    """Return *obj* as a mapping: a mapping as it is, a JSON text read as an object.

    For the readers that take either (:func:`~distribution.eprom.callbacks.read_callback`, a
    line of a run to verify); any other Python type is the caller's mistake.
    """
    if isinstance(obj, str | bytes | bytearray):
        return json_object(parse(obj, field), field, expected)
    if not isinstance(obj, Mapping):
        raise wrong_kind(obj, field, "JSON text or a mapping of decoded JSON")
    return obj


# --- keys ---------------------------------------------------------------------------------------


def check_keys(  # noqa: PLR0913  # the one check of keys for every reader, keyword-only
    data: Mapping[str, object],
    field: str,
    *,
    required: Sequence[str] = (),
    allowed: Collection[str] | None = None,
    listed: Sequence[str] | None = None,
    null_is_missing: bool = True,
) -> None:
    """Refuse a key of *data* outside *allowed*, then a *required* key that is missing.

    With *null_is_missing* (the default) a ``null`` counts as missing. A missing key is named
    inside *field* (``callback.formOrderId``; just the key when *field* is ``""``), and the
    message lists *listed*, or else *required*. Keys are checked in the order given, so a
    caller lists first the key whose absence says most.
    """
    if allowed is not None:
        unknown = sorted(str(evidence(key)) for key in data if key not in allowed)
        if unknown:
            raise InvalidValueError(
                "unknown_keys", value=unknown, field=field, choices=tuple(allowed)
            )
    for key in required:
        if key not in data or (null_is_missing and data[key] is None):
            raise InvalidValueError(
                "missing_key",
                value=None,
                field=f"{field}.{key}" if field else key,
                choices=tuple(required if listed is None else listed),
            )


def required(data: Mapping[str, object], key: str, field: str, keys: Sequence[str]) -> object:
    """Return ``data[key]``; a missing key or ``null`` is refused, naming the required *keys*."""
    check_keys(data, field, required=(key,), listed=keys)
    return data[key]


# --- values -------------------------------------------------------------------------------------


def exact(
    value: object, kind: type[T], field: str, expected: str | Expected, *, secret: bool = False
) -> T:
    """Return *value* if its type is exactly *kind*: ``true`` is no number, ``1`` no flag.

    Anything else is bad data, refused in the words of *expected*; with *secret* (a national ID,
    an apiKey) only the value's type is shown.
    """
    if type(value) is kind and isinstance(value, kind):  # the isinstance tells mypy
        return value
    raise wrong_json_type(value, field, expected, secret=secret)


def maybe(
    value: object, kind: type[T], field: str, expected: str | Expected, *, secret: bool = False
) -> T | None:
    """Return ``None`` for ``null``, else what :func:`exact` returns."""
    return None if value is None else exact(value, kind, field, expected, secret=secret)


def json_list(value: object, field: str, expected: str = "a list") -> Sequence[object]:
    """Return *value*, decoded JSON, if it is a list (a tuple too); otherwise it is bad data."""
    if not isinstance(value, list | tuple):
        raise wrong_json_type(value, field, expected)
    return value


class Code(Protocol):
    """An enum with the library's ``parse`` and ``choices`` (the codes, ``FormEvent``)."""

    @classmethod
    def parse(cls, value: object) -> Self: ...  # pragma: no cover  # a protocol has no body

    @classmethod
    def choices(cls) -> tuple[str, ...]: ...  # pragma: no cover  # a protocol has no body


CodeT = TypeVar("CodeT", bound=Code)


def code(cls: type[CodeT], value: object, field: str) -> CodeT:
    """Return the member of *cls* that *value* names: a code number or a name, as ePROM sends.

    A value of another JSON type, or a code or name *cls* does not have, is bad data; the error
    names *field* (the JSON key) and shows the value safely.
    """
    if type(value) is cls and isinstance(value, cls):  # a mapping may hold members already
        return value
    if type(value) is not int and type(value) is not str:
        # Refused here, not by parse(): its error would repr a value that may be nested too
        # deeply to print, and would be the caller's TypeError.
        raise wrong_json_type(value, field, "a {name} code or name", name=cls.__name__)
    if type(value) is int and value.bit_length() > MAX_SHOWN_BITS:
        raise UnknownCodeError(
            "unknown_code", value=evidence(value), field=field, choices=cls.choices()
        )
    try:
        return cls.parse(value)
    except UnknownCodeError:
        raise UnknownCodeError(
            "unknown_code", value=evidence(value), field=field, choices=cls.choices()
        ) from None


def choice(value: object, field: str, choices: Mapping[str, T], *, fold: bool = False) -> T:
    """Return what the text *value* stands for in *choices* (KRR's ``"JA"``, ``"AKTIV"``).

    With *fold*, surrounding spaces and letter case do not count. ``null`` is a missing value.
    """
    if value is None:
        raise InvalidValueError("missing_value", value=None, field=field, choices=tuple(choices))
    text = exact(value, str, field, "a string")
    found = choices.get(text.strip().lower() if fold else text)
    if found is None:
        raise UnknownCodeError("unknown_code", value=text, field=field, choices=tuple(choices))
    return found
