"""Reading JSON text that arrives from outside (internal).

Rule 1: every reader of JSON text in the library goes through :func:`load`, so that broken JSON
is one error, said in either language, that names where the text broke but never quotes it (it
may hold personal data).
"""

from __future__ import annotations

import json

from distribution._texts import LABELS, Lang
from distribution.errors import HIDDEN, InvalidValueError

__all__ = ["load"]


class JsonPosition:
    """Where a JSON text broke, in words of the message's language: "line 1, column 12"."""

    def __init__(self, error: Exception) -> None:
        self.line = getattr(error, "lineno", "?")
        self.column = getattr(error, "colno", "?")

    def describe(self, *, lang: Lang) -> str:
        """Return the position in *lang*."""
        return LABELS[lang]["json_position"].format(line=self.line, column=self.column)


def load(obj: object, field: str) -> object:
    """Return *obj* parsed if it is JSON text (``str`` or ``bytes``), else *obj* itself."""
    if not isinstance(obj, str | bytes):
        return obj
    try:
        return json.loads(obj)
    except (ValueError, RecursionError) as error:
        raise InvalidValueError(
            "bad_json", value=HIDDEN, field=field, problem=JsonPosition(error)
        ) from None
