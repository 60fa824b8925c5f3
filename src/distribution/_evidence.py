"""Showing a value refused from outside, safely, in the error of whoever is at fault (internal).

Rule 1: how a refused value appears in an error lives here: a scalar as it is (the error then
hides one that looks like personal data and shortens a long one), anything else as a short
stand-in, since its repr could be huge, deep, or fail. The two errors every reader raises for a
value of the wrong type are built here too, by whose fault (``docs/api.md``, "Errors: whose
fault"): :func:`wrong_kind` when the caller passed it (a ``TypeError``), :func:`wrong_json_type`
when outside data held it (a ``ValueError``). :mod:`distribution._reading` uses them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from distribution._errors import (
    HIDDEN,
    Expected,
    InvalidTypeError,
    InvalidValueError,
    Stand,
    TypeName,
    looks_personal,
    show_or_stand,
)

__all__ = ["MAX_SHOWN_BITS", "Stand", "evidence", "wrong_json_type", "wrong_kind"]

MAX_SHOWN_BITS: Final = 64
"""An int longer than this many bits is shown by its size (``<int of 133 bits>``)."""


def evidence(value: object) -> object:
    """Return *value* as an error may show it: scalars as they are, the rest as a stand-in.

    An empty list or object shows as itself; a full one by its length (``<list of length 3>``).

    The error itself then hides a scalar that looks like personal data and shortens a long one
    (:class:`~distribution.errors.DistributionError`).
    """
    kind = type(value)
    if value is None or kind in {bool, float, str, bytes}:
        return value
    if kind is int:
        bits = value.bit_length()  # type: ignore[attr-defined]  # kind is int
        return value if bits <= MAX_SHOWN_BITS else Stand(f"<int of {bits} bits>")
    if kind in {list, dict, tuple} and not value:  # "[]" says it best, and is short and safe
        return value
    if isinstance(value, Mapping | Sequence) and not isinstance(value, str | bytes):
        return Stand(f"<{kind.__qualname__} of length {len(value)}>")
    return Stand(f"<{kind.__qualname__}>")


def _said(value: object, *, secret: bool) -> tuple[object, TypeName]:
    """Return the value an error keeps and its type in words; with *secret*, the type alone."""
    if secret:
        return HIDDEN, TypeName(value, secret=True)
    shown = evidence(value)
    if looks_personal(shown):  # a national ID where a number belongs is still one
        shown = HIDDEN
    return shown, TypeName(value, shown=show_or_stand(shown))


def wrong_kind(
    value: object,
    field: str,
    expected: str | Expected,
    *,
    name: str = "",
    secret: bool = False,
) -> InvalidTypeError:
    """Return the error for a caller who passed *value*, of the wrong Python type.

    *expected* is a phrase of :data:`~distribution._error_texts.EXPECTED` (its ``{name}``
    filled with *name*) or an :class:`~distribution.errors.Expected`; with *secret* only the type
    is shown.
    """
    shown, type_name = _said(value, secret=secret)
    return InvalidTypeError(
        "wrong_type",
        value=shown,
        field=field,
        expected=Expected(expected, name=name) if isinstance(expected, str) else expected,
        type=type_name,
    )


def wrong_json_type(
    value: object,
    field: str,
    expected: str | Expected,
    *,
    name: str = "",
    secret: bool = False,
) -> InvalidValueError:
    """Return the error for outside data holding *value*, of the wrong JSON type.

    The same words as :func:`wrong_kind`, but a ``ValueError``: a string where a number belongs
    is bad data, not a caller's mistake.
    """
    shown, type_name = _said(value, secret=secret)
    return InvalidValueError(
        "wrong_type",
        value=shown,
        field=field,
        expected=Expected(expected, name=name) if isinstance(expected, str) else expected,
        type=type_name,
    )
