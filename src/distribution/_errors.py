"""The library's exceptions and the checks that build them; the public face is ``errors``.

Rule 1: how an error is built, masked and worded lives here. :mod:`distribution.errors` re-exports
the error classes, and every other name here is for the library's own modules.

Every error the library raises derives from :class:`DistributionError` and also from the builtin
that fits (:class:`ValueError` for a value of the right type that is not allowed, :class:`TypeError`
for a value of the wrong type), so ``except ValueError`` in a caller keeps working.

Each error carries the offending value as ``.value`` (masked where it could be personal data) and
the name of what was being read as ``.field``. Its message names both and lists the valid choices.
``str(error)`` is English; :meth:`DistributionError.message` gives the same text in bokmål, which
is what the command line shows a Norwegian support desk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, final

from distribution._describable import Describable, describable
from distribution._error_texts import ERRORS, EXPECTED, SUGGEST, TYPE_NAMES, ErrorKey
from distribution._texts import LANGUAGES, Lang, is_lang, join_list

if TYPE_CHECKING:
    import enum
    from datetime import datetime

    import attrs

__all__ = [
    "HIDDEN",
    "DistributionError",
    "Expected",
    "InvalidTypeError",
    "InvalidValueError",
    "OrderRefusedError",
    "Refusal",
    "Stand",
    "TypeName",
    "UnknownCodeError",
    "Validator",
    "aware",
    "check_lang",
    "exactly",
    "looks_personal",
    "mask_personal",
    "nearest",
    "shortened",
    "show",
    "show_or_stand",
    "shown_safely",
    "without_secret",
    "wrong_type",
]

_MAX_SHOWN = 60
HIDDEN = "<hidden>"
# Eight or more digits (a phone or national ID number, written with up to two spaces, dots or
# hyphens between digits: "151086-95088", "+47-912-34-567") or an "@", full-width too (an e-mail
# address): such a value is personal data and never shown, whatever field it was in. A real date
# written as ISO (2026-11-25) or Norwegian (25.11.2026) has eight digits too: it is read as one
# token and kept, since the library's messages name dates and times, unless more digits follow it
# after a space, dot or hyphen (15.10.1986 95088 is a national ID).
_AT = "@\uff20\ufe6b"
# ISO with a month and a day of a date's digits (9123-45-67 is a phone number, 2026-13-01 a
# typo of a date), or Norwegian with this era's year (32.01.2026 is a typo too).
_ISO_DATE = r"\d{4}-[01]\d-[0-3]\d"
_DATE = (
    rf"(?<![\d.-])(?:{_ISO_DATE}|\d\d\.\d\d\.(?:1[89]|20)\d\d)"
    # A birth date with the personnummer after it is an ID; a date with a time after it is not.
    r"(?![\d.-])(?![ .-]{1,2}(?!\d\d:)\d)"
)
_DIGITS = r"(?<!\d)(?:\d[ .-]{0,2}){7,}\d"
# A default repr names a memory address ("<object object at 0x7f3a12345678>"), whose hex digits
# can hold eight decimal ones in a row: not personal data, and no verdict may depend on it.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")
# What mask_personal hides: a word holding an "@", or eight or more digits that are not a date.
# Linear in the text: a word is tried only from its first character (the lookbehind), and a digit
# run only from its first digit, so a long word without an "@" is scanned once, not once per
# character. Text is never trusted for what it looks like: outside text typed as
# "<15108695088 characters>" is masked like any other; only a Stand's own text is spared, and
# DistributionError.message knows a Stand by its type, not its text.
_MASKED = re.compile(rf"(?<![^\s'\"])[^\s'\"]*[{_AT}][^\s'\"]*|(?P<date>{_DATE})|{_DIGITS}")
# Where message() puts a Stand while the text is masked: NUL, a private-use character for its
# index, NUL. Outside text has its NULs escaped first, so it cannot forge one; masking either
# keeps a mark whole (no digit or "@" in it) or hides it whole with the word around it.
_MARK = "\x00"
_FIRST_MARK = 0xE000


def mask_personal(text: str) -> str:
    """Return *text* with every e-mail-like word and long digit run replaced by ``<hidden>``.

    A run is eight digits or more, with up to two spaces, dots or hyphens between them; a real
    date on its own (``2026-11-25``, ``25.11.2026``, a time after it) is kept. Every message of
    the library's errors goes through here, whatever was put into it.
    """
    return _MASKED.sub(_hidden, text)


def _hidden(found: re.Match[str]) -> str:
    return found[0] if found["date"] else HIDDEN


def looks_personal(value: object) -> bool:
    """Return whether *value* might be a national ID, phone number or e-mail address."""
    if type(value) is Stand:  # the library's own words for a size or a type
        return False
    text = _ADDRESS.sub(">", _repr(value))
    return any(not found["date"] for found in _MASKED.finditer(text))


_LONGEST_INT_SHOWN = 64  # bits; a longer int has too many digits to print, or to show safely


def shown_safely(value: object) -> object:
    """Return *value*, or a :class:`Stand` for it if its repr cannot be made.

    ``repr`` of a list nested a hundred thousand deep raises ``RecursionError``, of an ``int``
    with 5,000 digits ``ValueError``; a caller's own ``__repr__`` may raise anything. No error
    is built around such a failure: the value is shown by its type instead.
    """
    if type(value) is int and value.bit_length() > _LONGEST_INT_SHOWN:
        return HIDDEN  # more than eight digits, as a national ID has: hidden, never printed
    try:
        repr(value)
    except Exception:  # noqa: BLE001  # whatever a repr raises, the value is shown by its type
        return Stand(f"<{type(value).__qualname__}>")
    return value


def _repr(value: object) -> str:
    return repr(shown_safely(value))


@final
class Stand:
    """A short stand-in for a value whose repr could be huge, deep, or fail.

    ``repr`` of a list nested a hundred thousand deep raises ``RecursionError``, and of an
    ``int`` with 5,000 digits ``ValueError``; an error message shows this instead. Its text is
    the library's own (a size or a type name), never the value's, so it is never hidden.
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


def show_or_stand(value: object) -> str | Stand:
    """Return :func:`show` of *value*, or *value* itself if it is a :class:`Stand`.

    A stand-in stays a Stand up to the message, where the masking step knows it by its type.
    """
    return value if type(value) is Stand else show(value)


def show(value: object) -> str:
    """Return a short repr of *value* for a message; hostile input must not flood a log line."""
    if isinstance(value, str) and value == HIDDEN:
        return HIDDEN
    return shortened(_repr(value))


def shortened(text: str) -> str:
    """Return *text*, cut to 60 characters with ``…`` if longer: how a message shows a value."""
    if len(text) > _MAX_SHOWN:
        return f"{text[: _MAX_SHOWN - 5]}…{text[-4:]}"
    return text


class DistributionError(Exception):
    """Base class of every error this library raises.

    Attributes:
        value: the offending value (masked when it could identify a person).
        field: what was being read when the value was refused, e.g. ``"DistributionRule"``,
            ``"availability.paper"`` or ``"kontaktinformasjon.epostadresse_oppdatert"``.
        key: a stable identifier of the kind of problem, for callers that map errors to codes.
    """

    def __init__(self, key: ErrorKey, *, value: object, field: str, **params: object) -> None:
        self.key = key
        value = shown_safely(value)
        self.value = HIDDEN if looks_personal(value) else value
        self.field = field
        self._params: dict[str, object] = {
            "value": show_or_stand(self.value),
            "field": field,
            **params,
        }
        super().__init__(self.message("en"))

    @property
    def suggestion(self) -> str | None:
        """The valid choice nearest to the bad value (``"Basic"`` for ``"Basci"``), if any."""
        suggestion = self._params.get("suggestion")
        return suggestion if isinstance(suggestion, str) else None

    def message(self, lang: Lang = "en") -> str:
        """Return the message in *lang* (``"nb"`` or ``"en"``)."""
        lang = check_lang(lang)
        stands: list[str] = []

        def mark(stand: Stand) -> str:
            stands.append(stand.text)
            return f"{_MARK}{chr(_FIRST_MARK + len(stands) - 1)}{_MARK}"

        params = {name: _marked(param, lang, mark) for name, param in self._params.items()}
        text = ERRORS[lang][self.key].format(**params)
        if self.suggestion is not None:
            # Right after the bad value's clause, before the list of every valid choice.
            hint = SUGGEST[lang]["did_you_mean"].format(suggestion=self.suggestion)
            head, semicolon, tail = text.partition(";")
            text = head + hint + semicolon + tail
        # The one masking step: whatever a field name, a choice or a nested error holds, no
        # message shows a national ID, a phone number or an e-mail address. The library's own
        # stand-ins are put back afterwards, as the marks they were while the text was masked.
        text = mask_personal(text)
        for index, stand in enumerate(stands):
            text = text.replace(f"{_MARK}{chr(_FIRST_MARK + index)}{_MARK}", stand)
        return text

    def within(self, prefix: str) -> DistributionError:
        """Return the same error with its field placed inside *prefix* (``"personer[3]"``)."""
        params = {k: v for k, v in self._params.items() if k not in {"value", "field"}}
        return type(self)(self.key, value=self.value, field=f"{prefix}.{self.field}", **params)

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle through their args by default; ours are keyword-built.
        return (_rebuild, (type(self), self.key, self.value, self.field, self._params))


def _rebuild(
    cls: type[DistributionError],
    key: ErrorKey,
    value: object,
    field: str,
    params: dict[str, object],
) -> DistributionError:
    error = cls.__new__(cls)
    error.key, error.value, error.field, error._params = key, value, field, params  # noqa: SLF001
    Exception.__init__(error, error.message("en"))
    return error


def _marked(param: object, lang: Lang, mark: Callable[[Stand], str]) -> str:
    """Return *param* in words, a Stand as its mark, and any NUL of outside text escaped."""
    if type(param) is Stand:
        return mark(param)
    if isinstance(param, TypeName) and type(param.shown) is Stand:
        return param.describe(lang=lang, shown=mark(param.shown))
    return _render(param, lang).replace(_MARK, "\\x00")


def _render(param: object, lang: Lang) -> str:
    if isinstance(param, str):
        return param
    if isinstance(param, Describable):  # a value that says itself (a bad row, a problem)
        return param.describe(lang=lang)
    if isinstance(param, Iterable):
        items = [_render(item, lang) for item in param]
        # Whole sentences (a refused order's reasons) follow one another; fragments (a CSV
        # file's bad rows) are set apart with semicolons; plain values with commas.
        separator = (
            (" " if all(item.endswith(".") for item in items) else "; ")
            if any(describable(item) for item in param)
            else ", "
        )
        return separator.join(items)
    return str(param)


class UnknownCodeError(DistributionError, ValueError):
    """A code or name that the enum it was meant for does not have (``9``, ``"Nope"``, ``""``)."""


class InvalidTypeError(DistributionError, TypeError):
    """A value of a type the field does not take (``True`` for a code, ``1`` for a flag)."""


class InvalidValueError(DistributionError, ValueError):
    """A value of the right type that is not allowed where it stands.

    For example a repeated channel in a priority list, an unknown language, or a wire-format
    payload whose chain contradicts its rule and availability.
    """


class TypeName:
    """A bad value and its type, in words of the message's language: ``tekst 'femten'``.

    ``None``, ``True`` and ``False`` say themselves; personal data shows only its type.
    """

    def __init__(
        self, value: object, *, secret: bool = False, shown: str | Stand | None = None
    ) -> None:
        self.name = type(value).__qualname__
        if shown is None:
            shown = show_or_stand(HIDDEN if looks_personal(value) else value)
        self.shown: str | Stand = "" if secret else shown
        self.bare = value is None or isinstance(value, bool)

    def hidden(self) -> TypeName:
        """Return the same type name without the value (a ``secret`` one)."""
        copy = TypeName(None)
        copy.name, copy.shown, copy.bare = self.name, "", False
        return copy

    def describe(self, *, lang: Lang, shown: str | None = None) -> str:
        """Return the value with its type in *lang*; a type without a word keeps its name.

        *shown*, if given, stands for the value (the mark of a :class:`Stand` being masked).
        """
        said = str(self.shown) if shown is None else shown
        if self.bare:
            return said
        return f"{TYPE_NAMES[lang].get(self.name, self.name)} {said}".rstrip()


class Expected:
    """What a field takes, in words of the message's language.

    Either a phrase from :data:`~distribution._error_texts.EXPECTED` ("an object") or a list of
    types ("int or None"), said as "heltall eller null" / "integer or null".
    """

    def __init__(
        self,
        phrase: str = "",
        types: tuple[type, ...] = (),
        *,
        optional: bool = False,
        name: str = "",
    ) -> None:
        self.phrase, self.types, self.optional, self.name = phrase, types, optional, name

    def describe(self, *, lang: Lang) -> str:
        """Return what is expected, in *lang*; a phrase's ``{name}`` is the given *name*."""
        if self.phrase:
            return EXPECTED[lang][self.phrase].format(name=self.name)
        words = [TYPE_NAMES[lang].get(kind.__name__, kind.__name__) for kind in self.types]
        return join_list([*words, "null"] if self.optional else words, lang, "or")


class Refusal(Describable, Protocol):
    """One reason ePROM would refuse an order: what is wrong, the field, and the reason in words.

    :class:`~distribution.eprom.preflight.Problem` is the one class of this shape; the core
    cannot name it, as the ePROM layer sits above the core.
    """

    @property
    def code(self) -> enum.Enum:
        """What is wrong: a :class:`~distribution.eprom.preflight.ProblemCode`."""
        ...  # pragma: no cover  # a protocol's member has no body

    @property
    def field(self) -> str | None:
        """The body field the reason concerns, as ePROM names it (``"onBehalfOfNationalId"``)."""
        ...  # pragma: no cover  # a protocol's member has no body


class OrderRefusedError(InvalidValueError):
    """An order (or message) ePROM would answer with ``BadRequest``, so it was not built.

    An :class:`InvalidValueError` (so a ``ValueError``): a value of the right type that ePROM
    does not allow, and ``except InvalidValueError`` around a builder keeps catching it.

    Raised by the request builders (:class:`~distribution.eprom.bodies.FormOrderRequest`,
    :class:`~distribution.eprom.bodies.MessageToCitizenRequest`), which run the pre-flight
    (``docs/sources.md`` §3). :attr:`problems` holds every reason found, not only the first;
    the message lists them all, in English, and :meth:`message` in bokmål.
    """

    @property
    def problems(self) -> tuple[Refusal, ...]:
        """Every reason ePROM would refuse the order, in the order the checks ran.

        Each is a :class:`~distribution.eprom.preflight.Problem` (``distribution.Problem``)
        whose :attr:`~distribution.eprom.preflight.Problem.field` names the body field.
        """
        return tuple(self._params["problems"])  # type: ignore[arg-type]  # the builders pass a tuple


def _shares(text: str, secret: str) -> bool:
    """Return whether *text* holds half of *secret* or more in one piece, four characters at least.

    A key with its last character changed, or cut short, still gives most of it away.
    """
    size = min(len(secret), max(4, (len(secret) + 1) // 2))
    return any(secret[i : i + size] in text for i in range(len(secret) - size + 1))


def without_secret(error: DistributionError, secret: str) -> DistributionError:
    """Return *error*, or a copy of it that shows nothing of *secret* (a received apiKey).

    A sender may put the key's text in any field (``{"formOrderStatus": "<the key>"}``), where
    the error would show it. Then the bad value is hidden, every parameter whose words hold the
    key too, and a type-and-value parameter keeps only the type. The check is on the raw value,
    not the message, because a long value is shown shortened, and a shortened key still leaks.
    """
    if not secret:
        return error
    raw = error.value
    leaks_raw = isinstance(raw, str) and _shares(raw, secret)
    if not leaks_raw and not any(_shares(error.message(lang), secret) for lang in LANGUAGES):
        return error
    params: dict[str, object] = {}
    for name, param in error._params.items():  # noqa: SLF001  # this module's own error
        if name in {"value", "field"}:
            continue
        words = [_render(param, lang) for lang in LANGUAGES]
        if isinstance(param, TypeName) and (leaks_raw or any(_shares(w, secret) for w in words)):
            param = param.hidden()  # noqa: PLW2901  # the same parameter, without its value
        elif name == "suggestion" and leaks_raw:
            param = None  # noqa: PLW2901  # the nearest choice to a key says something of it
        elif any(_shares(w, secret) for w in words):
            param = Stand(HIDDEN)  # noqa: PLW2901
        params[name] = param
    return type(error)(error.key, value=HIDDEN, field=error.field, **params)


def wrong_type(
    value: object, *, field: str, expected: str | Expected, secret: bool = False
) -> InvalidTypeError:
    """Return the error for *value* of the wrong type; with *secret*, only its type is shown.

    *expected* is a phrase of :data:`~distribution._error_texts.EXPECTED` or an :class:`Expected`.
    """
    return InvalidTypeError(
        "wrong_type",
        value=HIDDEN if secret else value,
        field=field,
        expected=Expected(expected) if isinstance(expected, str) else expected,
        type=TypeName(value, secret=secret),
    )


def check_lang(lang: object) -> Lang:
    """Return *lang* if it is ``"nb"`` or ``"en"``; raise :class:`InvalidValueError` otherwise."""
    if is_lang(lang):
        return lang
    raise InvalidValueError(
        "unknown_language",
        value=lang,
        field="lang",
        choices=LANGUAGES,
        suggestion=nearest(lang, LANGUAGES),
    )


def nearest(value: object, choices: Iterable[str]) -> str | None:
    """Return the choice a typo of *value* most likely meant, or ``None`` if none is close.

    Close means at most one edit (a letter added, dropped, changed or two swapped) per four
    letters, ignoring letter case: ``"Basci"`` gives ``"Basic"``, ``"BasicOrPapir"`` gives
    ``"BasicOrPaper"``. Ties go to the earlier choice, so the answer never depends on order of
    iteration of a set.
    """
    if not isinstance(value, str):
        return None
    typed = value.strip().lower()
    if not typed or len(typed) > _LONGEST_TYPO:
        return None
    best, best_distance = None, max(1, len(typed) // 4) + 1
    for choice in choices:
        distance = _distance(typed, choice.lower())
        if distance < best_distance:
            best, best_distance = choice, distance
    return best


_LONGEST_TYPO = 60  # longer input is no typo of a name, and the distance is quadratic


def _distance(a: str, b: str) -> int:
    """Return the optimal string alignment distance between *a* and *b*."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def exactly(*types: type, optional: bool = False, secret: bool = False) -> Validator:
    """Return an attrs validator that takes a value of exactly one of *types*.

    A ``bool`` is no ``int`` here, and no subclass passes. ``None`` passes when *optional*;
    with *secret* the error shows only the value's type (for personal data).
    """
    expected = Expected(types=types, optional=optional)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if type(value) not in types:
            raise wrong_type(
                value,
                field=f"{type(instance).__name__}.{attribute.name}",
                expected=expected,
                secret=secret,
            )

    return validate


def aware(instance: object, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
    """Refuse a datetime without a UTC offset: it cannot be compared with other times safely."""
    if value is not None and value.utcoffset() is None:
        raise InvalidValueError(
            "bad_timestamp",
            value=value.isoformat(),
            field=f"{type(instance).__name__}.{attribute.name}",
        )


# The errors are public as distribution.errors.*: they say so in tracebacks and pickles.
for _error in (
    DistributionError,
    InvalidTypeError,
    InvalidValueError,
    OrderRefusedError,
    Refusal,
    UnknownCodeError,
):
    _error.__module__ = "distribution.errors"
