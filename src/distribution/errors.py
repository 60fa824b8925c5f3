r"""The library's exceptions.

Every error the library raises derives from :class:`DistributionError` and also from the builtin
that fits: :class:`InvalidValueError` and :class:`UnknownCodeError` are :class:`ValueError`\ s
(bad data: a value of the right type that is not allowed, or outside data of the wrong JSON
type), :class:`InvalidTypeError` is a :class:`TypeError` (the caller passed the wrong Python
type), and :class:`OrderRefusedError` is an :class:`InvalidValueError` listing every reason ePROM
would refuse an order. So ``except ValueError`` in a caller keeps working.

Each error carries the offending value as ``.value`` (masked where it could be personal data) and
the name of what was being read as ``.field``. Its message names both and lists the valid choices.
``str(error)`` is English; :meth:`DistributionError.message` gives the same text in bokmål.
"""

from distribution._errors import (
    DistributionError,
    InvalidTypeError,
    InvalidValueError,
    OrderRefusedError,
    Refusal,
    UnknownCodeError,
)

__all__ = [
    "DistributionError",
    "InvalidTypeError",
    "InvalidValueError",
    "OrderRefusedError",
    "Refusal",
    "UnknownCodeError",
]
