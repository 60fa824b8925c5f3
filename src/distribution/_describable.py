"""The one shape of a value that says itself in words: ``describe(*, lang)`` (internal).

Rule 1: a value that is one sentence (a reason, a problem, an anomaly, a bad row, a part of an
error message) describes itself with ``describe(*, lang)``, from the text table of its own
layer; everything longer than a sentence (an explanation, a report, a timeline, a table) is a
function in :mod:`distribution.presentation`, never a method on the value. This module changes
only if that shape does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from distribution._texts import Lang

__all__ = ["Describable", "describable"]


@runtime_checkable
class Describable(Protocol):
    """A value that is one sentence, and says it in either language.

    The library's errors render such a value in the language of the message
    (:meth:`~distribution.errors.DistributionError.message`).
    """

    def describe(self, *, lang: Lang) -> str:
        """Return the value in words, in *lang* (``"nb"`` or ``"en"``)."""
        ...  # pragma: no cover  # a protocol's member has no body


def describable(value: object) -> bool:
    """Return whether *value* says itself with ``describe(*, lang)``; text never does."""
    # A text is by far the most common value in a message; it skips the protocol's slower check.
    return not isinstance(value, str) and isinstance(value, Describable)
