"""Reading JSON text that arrives from outside (internal).

Rule 1: every reader of JSON text in the library goes through :func:`load`, so that broken JSON
is one error, said in either language, that names where the text broke but never quotes it (it
may hold personal data).
"""

from __future__ import annotations

import json

from distribution._texts import (
    LABELS,
    Lang,
)
from distribution.errors import HIDDEN, InvalidValueError

__all__ = ["load", "parse"]


class JsonPosition:
    """Where a JSON text broke, in words of the message's language: "line 1, column 12"."""

    def __init__(self, error: Exception) -> None:
        self.line = getattr(error, "lineno", "?")
        self.column = getattr(error, "colno", "?")

    def describe(self, *, lang: Lang) -> str:
        """Return the position in *lang*."""
        return LABELS[lang]["json_position"].format(line=self.line, column=self.column)


def parse(text: str | bytes | bytearray, field: str) -> object:
    """Return the value of a JSON text; refuse one that is not JSON, naming *field*."""
    try:
        return json.loads(text)
    except RecursionError:
        # The parser's own guard: CPython's JSON decoder counts its depth against the
        # recursion limit and raises instead of overflowing the stack.
        raise InvalidValueError("too_deep", value=HIDDEN, field=field) from None
    except ValueError as error:
        raise InvalidValueError(
            "bad_json", value=HIDDEN, field=field, problem=JsonPosition(error)
        ) from None


def load(obj: object, field: str) -> object:
    """Return *obj* parsed if it is JSON text (``str``, ``bytes``), else *obj* itself."""
    return parse(obj, field) if isinstance(obj, str | bytes | bytearray) else obj
