"""A stand-in ordering system that takes ePROM's callbacks, for tests and CI.

One reason to change: what a minimal ordering system does with a callback. :class:`CallbackReceiver`
listens on ``PUT <url>/api/PromsFormOrder`` and ``PUT <url>/api/MessageToCitizen``, reads each
body with :func:`~distribution.read_callback`, and answers as the guide says an ordering system
does: ``{"success": true}`` when it took the callback, ``{"success": false}`` when its apiKey is
not the one expected. It keeps what it took, in order, for :func:`~distribution.verify`.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Final, final

from distribution import DistributionError, read_callback
from distribution.eprom.callbacks import MAX_JSON_SIZE
from distribution.http import _exchange

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["CallbackReceiver"]

_PATHS: Final = frozenset({"/api/promsformorder", "/api/messagetocitizen"})


@final
class CallbackReceiver:
    """An HTTP server that takes ePROM's callbacks and keeps their bodies.

    Args:
        api_key: the key a callback must carry to be taken.
        host, port: where to listen; port ``0`` picks a free one (see :attr:`url`).
        fail_first: answer ``503`` to this many callbacks first, as a receiver that is down.
        delay: seconds to wait before answering each callback, as a slow receiver.
    """

    def __init__(
        self,
        api_key: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        fail_first: int = 0,
        delay: float = 0.0,
    ) -> None:
        self._key = _exchange.api_key(api_key)  # a key of the wrong type is refused unshown
        self._fail = fail_first
        self.delay = delay
        self.taken: list[str] = []
        """The bodies taken, in the order they came."""
        self.refused: list[str] = []
        """The bodies answered ``{"success": false}`` (a wrong apiKey, or not a callback)."""
        self._changed = threading.Condition()
        self._http = ThreadingHTTPServer((host, port), _Handler)
        self._http.daemon_threads = True
        self._http.owner = self  # type: ignore[attr-defined]  # the handler finds us here
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.1,))
        self._thread.daemon = True

    @property
    def url(self) -> str:
        """``http://HOST:PORT``: the callback base to give the fake."""
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> CallbackReceiver:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join()

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        """Wait until *count* bodies were taken or refused; return whether they were."""
        with self._changed:
            return self._changed.wait_for(
                lambda: len(self.taken) + len(self.refused) >= count, timeout
            )

    def receive(self, body: str) -> tuple[int, str]:
        """Answer one callback body: the HTTP status and the JSON answer."""
        with self._changed:
            if self._fail > 0:
                self._fail -= 1
                return 503, '{"success": false}'
        if self.delay:
            time.sleep(self.delay)
        try:
            taken = read_callback(body).api_key_matches(self._key)
        except DistributionError:
            taken = False
        with self._changed:
            (self.taken if taken else self.refused).append(body)
            self._changed.notify_all()
        return 200, '{"success": true}' if taken else '{"success": false}'


@final
class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # The headers and the body go out in two writes; without this, Nagle's algorithm holds
    # the body back until the peer's delayed ACK, 40 ms for every answer on a kept-alive line.
    disable_nagle_algorithm = True

    def do_PUT(self) -> None:  # the name http.server calls
        owner: CallbackReceiver = self.server.owner  # type: ignore[attr-defined]
        length = self.headers.get("Content-Length", "0")
        # A body is read only as far as a callback may be long: the size read_callback takes.
        if not length.isdigit() or int(length) > MAX_JSON_SIZE:
            self.close_connection = True
            status, text = (413 if length.isdigit() else 411), '{"success": false}'
        elif self.path.rstrip("/").lower() in _PATHS:
            body = self.rfile.read(int(length))
            status, text = owner.receive(body.decode("utf-8", "replace"))
        else:
            self.rfile.read(int(length))
            status, text = 404, '{"success": false}'
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  # http.server's name
        """Log nothing: a test reads what was taken instead."""
