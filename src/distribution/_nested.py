"""An error found inside one line or row of a file, said again by an error naming where (internal).

Rule 1: every reader of many lines or rows (``verify``'s orders and callbacks, the datadump
``audit``) wraps the error it meets in one through :func:`found_at`, so that the outer message
names the file, the line or row, and then says the inner error in the outer
message's language. This module changes only if that wrapping does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

if TYPE_CHECKING:
    from distribution._error_texts import ErrorKey
    from distribution._errors import DistributionError
    from distribution._texts import Lang

__all__ = ["Nested", "found_at"]


@final
class Nested:
    """The inner error, rendered in the language of the error that wraps it."""

    __slots__ = ("error",)

    def __init__(self, error: DistributionError) -> None:
        self.error = error

    def describe(self, *, lang: Lang) -> str:
        """Return the inner error's message in *lang*."""
        return self.error.message(lang)

    def __reduce__(self) -> tuple[type[Nested], tuple[DistributionError]]:
        return (Nested, (self.error,))


def found_at(
    error: DistributionError, key: ErrorKey, *, field: str, **where: object
) -> DistributionError:
    """Return *error* said again inside an error of its class that names where it was found.

    *key* is the outer message (``"bad_line"``, ``"bad_row"``), *field* the name of the file or
    stream, *where* the place in it (``line=3``, or ``row=4``). The outer
    error keeps the inner one's class (so ``except ValueError`` still catches it) and its value,
    which is already masked.
    """
    return type(error)(key, value=error.value, field=field, problem=Nested(error), **where)
