"""The ``apiKey`` a callback carries: kept out of every repr, dict and message (internal).

One reason to change: how the key is held and compared. It is held in :class:`ApiKey`, not as a
``str`` attribute, so that nothing that walks a callback's fields (``attrs.asdict``, a debugger, a
log of ``vars()``) meets the key's text; it is compared only by :func:`matches`, in constant time.
"""

from __future__ import annotations

import hmac
from typing import final

from distribution._errors import Expected, InvalidValueError, wrong_type

__all__ = ["ApiKey", "key_of", "matches", "reveal"]


@final
class ApiKey:
    """The received key; its repr is ``<hidden>`` and it equals nothing but itself."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def __repr__(self) -> str:
        return "<hidden>"

    def __reduce__(self) -> tuple[type[ApiKey], tuple[str]]:
        return (ApiKey, (self._text,))

    def matches(self, expected: str) -> bool:
        """Return whether the key is *expected*, in constant time; a lone surrogate compares."""
        return hmac.compare_digest(
            self._text.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
        )


def key_of(value: str | ApiKey | None) -> ApiKey | None:
    """Return a callback's ``api_key`` as an :class:`ApiKey` (``None`` for none or ``""``).

    Typed for the caller's type checker; a value of another type is refused at run time showing
    only its type, whatever it holds.
    """
    if value is None or isinstance(value, ApiKey):
        return value
    if type(value) is not str:
        expected = Expected(types=(str,), optional=True)
        raise wrong_type(value, field="api_key", expected=expected, secret=True)
    return ApiKey(value) if value else None


def matches(key: ApiKey | None, expected: object) -> bool:
    """Return whether *key* is *expected*; no key (or an empty one) matches nothing.

    An empty *expected* is refused: a receiver configured with "" would accept anyone.
    """
    if type(expected) is not str:
        raise wrong_type(expected, field="expected", expected="a string", secret=True)
    if not expected:
        raise InvalidValueError("empty_key", value=None, field="expected")
    return key is not None and key.matches(expected)


def reveal(key: ApiKey | None) -> str | None:
    """Return the key's text, for ``to_dict`` alone: the one way out of an :class:`ApiKey`."""
    return None if key is None else key._text  # noqa: SLF001  # this module's own class
