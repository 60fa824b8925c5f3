"""A client for ePROM's v2 ordering API (the real one, or the fake), sync and async.

One reason to change: how the client meets the network (httpx). What it sends and what an answer
means are in :mod:`distribution.http._exchange`; this module only waits for answers. It needs
the ``client`` extra: ``pip install 'eprom-distribution[client]'``.

:meth:`EpromClient.create_form_order` takes a :class:`~distribution.FormOrderRequest` (checked
when it was built) and returns ePROM's :class:`~distribution.FormOrderResponse`;
:meth:`EpromClient.send_message` does the same for a message. Whatever goes wrong is one of the
errors in :mod:`distribution.http.errors`, never an httpx exception: ePROM's ``BadRequest``
text, a ``5xx``, a timeout, no connection. The apiKey goes in the ``Authorization`` header only,
and never into a repr or an error.

>>> client = EpromClient("https://proms2.hemit.org/promswebapi", api_key="s3cret")
>>> client
EpromClient('https://proms2.hemit.org/promswebapi')
>>> client.close()
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, final

import httpx

from distribution.http import _exchange

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import TracebackType

    from distribution import (
        FormOrderRequest,
        FormOrderResponse,
        MessageResponse,
        MessageToCitizenRequest,
    )

__all__ = ["AsyncEpromClient", "EpromClient"]

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for ePROM; v2 answers at once, before it has notified the patient."""


class _Client:
    """What the sync and the async client share: the address, the key, and the errors."""

    __slots__ = ("_base", "_key", "_timeout")

    def __init__(self, base_url: str, *, api_key: str, timeout: float) -> None:
        self._base = _exchange.base_url(base_url)
        self._key = _exchange.api_key(api_key)
        self._timeout = timeout

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._base!r})"

    def _request(self, call: _exchange.Call) -> tuple[str, bytes, dict[str, str]]:
        """Return where *call* goes, its body and its headers."""
        return self._base + call.path, call.body, _exchange.headers(self._key)

    @contextlib.contextmanager
    def _network(self, call: _exchange.Call) -> Iterator[None]:
        """Turn httpx's errors while *call* is on its way into the library's."""
        try:
            yield
        except httpx.TimeoutException:
            raise _exchange.timed_out(call, self._timeout) from None
        except httpx.HTTPError:
            raise _exchange.unreachable(call, self._base) from None


@final
class EpromClient(_Client):
    """ePROM's v2 API over HTTP, one call at a time; close it, or use it in a ``with`` block.

    Args:
        base_url: ePROM's API, e.g. ``https://proms2.hemit.org/promswebapi`` in Hemit's test
            environment, or the fake's URL.
        api_key: the ordering system's apiKey; sent as ``Authorization: Basic <apiKey>``.
        timeout: seconds to wait for an answer.
        transport: an httpx transport, for tests.
    """

    __slots__ = ("_http",)

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(base_url, api_key=api_key, timeout=timeout)
        self._http = httpx.Client(timeout=timeout, transport=transport)

    def __enter__(self) -> EpromClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def create_form_order(self, request: FormOrderRequest) -> FormOrderResponse:
        """Place *request*; return ePROM's answer (``.created`` is false for an unknown ID)."""
        return _exchange.form_order_response(self._send(_exchange.form_order(request)))

    def send_message(self, request: MessageToCitizenRequest) -> MessageResponse:
        """Send *request*; return ePROM's answer (``.sent`` is false when nothing was sent)."""
        return _exchange.message_response(self._send(_exchange.message(request)))

    def _send(self, call: _exchange.Call) -> str:
        with self._network(call):
            url, body, headers = self._request(call)
            response = self._http.post(url, content=body, headers=headers)
        return _exchange.answer(call, response.status_code, response.text, self._key)


@final
class AsyncEpromClient(_Client):
    """The same as :class:`EpromClient`, for asyncio: ``await client.create_form_order(…)``.

    Close it with ``await client.aclose()``, or use it in an ``async with`` block.
    """

    __slots__ = ("_http",)

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(base_url, api_key=api_key, timeout=timeout)
        self._http = httpx.AsyncClient(timeout=timeout, transport=transport)

    async def __aenter__(self) -> AsyncEpromClient:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def create_form_order(self, request: FormOrderRequest) -> FormOrderResponse:
        """Place *request*; return ePROM's answer."""
        return _exchange.form_order_response(await self._send(_exchange.form_order(request)))

    async def send_message(self, request: MessageToCitizenRequest) -> MessageResponse:
        """Send *request*; return ePROM's answer."""
        return _exchange.message_response(await self._send(_exchange.message(request)))

    async def _send(self, call: _exchange.Call) -> str:
        with self._network(call):
            url, body, headers = self._request(call)
            response = await self._http.post(url, content=body, headers=headers)
        return _exchange.answer(call, response.status_code, response.text, self._key)
