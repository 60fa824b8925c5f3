"""The errors of the ePROM client: what ePROM refused, and what kept it from answering.

One reason to change: a new way a call to ePROM can fail. Each is a
:class:`~distribution.DistributionError`, and also the builtin that fits, so that ``except
TimeoutError`` and ``except ConnectionError`` work as they would without this library. None
carries the apiKey or a national ID: a text from ePROM is shown with them masked.
This module needs no httpx, so a caller can catch these without the ``client`` extra.

>>> error = EpromBadRequestError(
...     "eprom_bad_request", value=400, field="POST /api/v2/formorder", status=400,
...     text="The ordered form is not Published")
>>> print(error)
ePROM refused POST /api/v2/formorder (400 Bad Request): The ordered form is not Published
>>> error.status, error.text, isinstance(error, ValueError)
(400, 'The ordered form is not Published', True)
"""

from __future__ import annotations

from distribution import DistributionError

__all__ = [
    "EpromBadRequestError",
    "EpromConnectionError",
    "EpromError",
    "EpromServerError",
    "EpromStatusError",
    "EpromTimeoutError",
]


class EpromError(DistributionError):
    """A call to ePROM that did not give an answer the client can read (base class)."""

    @property
    def status(self) -> int | None:
        """The HTTP status ePROM answered with, or ``None`` when it did not answer."""
        status = self._params.get("status")
        return status if isinstance(status, int) else None

    @property
    def text(self) -> str:
        """What ePROM said, as it said it (apiKey and anything like a national ID masked)."""
        return str(self._params.get("text", ""))


class EpromBadRequestError(EpromError, ValueError):
    """ePROM answered ``400 BadRequest``: it will not take this order or message as it is.

    :attr:`text` is ePROM's reason, for example "The ordered form is not Published"
    (BestillingAvSkjemaV2.md, "Feilsituasjoner"). Sending it again will not help.
    """


class EpromServerError(EpromError):
    """ePROM answered with a ``5xx`` status: a fault on its side. Trying later may help.

    ePROM answers ``504`` when Helsenorge did not answer in time, ``502`` when it could not reach
    Helsenorge (SendeMeldingTilInnbyggerV2.md).
    """


class EpromTimeoutError(EpromError, TimeoutError):
    """ePROM did not answer in time. The order may have been made all the same."""


class EpromConnectionError(EpromError, ConnectionError):
    """ePROM could not be reached: no connection, or the connection broke."""


class EpromStatusError(EpromError):
    """ePROM answered with a status the client does not expect (``401``, ``404``, …)."""
