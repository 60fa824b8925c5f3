"""The fake ePROM on a socket: ePROM's v2 API on the standard library's HTTP server.

One reason to change: how the fake meets the network. :class:`FakeEpromServer` serves
``POST /promswebapi/api/v2/formorder``, ``POST /promswebapi/api/v2/messagetocitizen`` and
``GET /health`` with a :class:`~http.server.ThreadingHTTPServer`, asks the pure
:class:`~distribution.fake.FakeEprom` what to answer, and PUTs the callbacks it schedules to
``<callback base>/api/PromsFormOrder`` and ``/api/MessageToCitizen`` when they fall due, with the
apiKey in the JSON body as ePROM does. A callback the receiver does not take is tried again,
with a backoff that doubles up to :attr:`FakeEpromServer.attempts` tries.

What it logs names paths, statuses, ids and channels: never a body, an apiKey or a national ID.
It can write the run as :func:`~distribution.verify` reads it (``orders.jsonl`` and
``callbacks.jsonl``; the callbacks without their apiKey, a national ID in ``filledOutBy``
masked), so that ``eprom-distribution verify`` can check the run afterwards.
"""

from __future__ import annotations

import heapq
import http.client
import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Final, NamedTuple, TextIO, final
from urllib.parse import urlsplit

from distribution import DistributionError, InvalidValueError, read_callback
from distribution._errors import mask_personal
from distribution.fake import FakeEprom, Reply, ScheduledCallback, parse_scenarios

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from distribution import Callback

__all__ = ["Delivery", "FakeEpromServer"]

SCENARIO_HEADER: Final = "X-Fake-Eprom-Scenarios"
"""A request header naming scenarios to play for that one order or message (comma-separated)."""
MAX_BODY: Final = 64 * 1024 * 1024
"""The largest request body read: a message carries PDF files "på opp til 30MB", base64-coded."""
_ROUTES: Final = {
    "/promswebapi/api/v2/formorder": "order",
    "/api/v2/formorder": "order",
    "/promswebapi/api/v2/messagetocitizen": "message",
    "/api/v2/messagetocitizen": "message",
}
_TICK: Final = 0.5  # the longest the dispatcher sleeps before it looks at the clock again


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Delivery(NamedTuple):
    """A callback the receiver took: where it went, the body as sent, and when."""

    path: str
    body: str
    at: datetime


def _redacted(body: str) -> str:
    """Return a callback body fit for a file: no apiKey, and no national ID in ``filledOutBy``."""
    data = json.loads(body)
    data.pop("apiKey", None)
    filled = data.get("filledOutBy")
    if isinstance(filled, dict) and filled.get("filledOutByActNationalId"):
        filled["filledOutByActNationalId"] = "*" * len(filled["filledOutByActNationalId"])
    return json.dumps(data, ensure_ascii=False)


def _said(callback: ScheduledCallback) -> str:
    """Return what a log line says of a callback: its id and status, read from its body."""
    data = json.loads(callback.body)
    guid = data.get("formOrderId") or data.get("messageToCitizenId")
    status = data.get("formOrderStatus", data.get("sentStatus"))
    return f"{guid} {status}"


@final
class _Receiver:
    """Where callbacks go: one kept-alive connection to the callback base (internal)."""

    def __init__(self, base: str, timeout: float) -> None:
        parts = urlsplit(base)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise InvalidValueError(
                "out_of_range", value=base, field="callback_base", choices="an http(s) URL"
            )
        self.secure = parts.scheme == "https"
        self.host, self.port = parts.hostname, parts.port
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.connection: http.client.HTTPConnection | None = None

    def put(self, path: str, body: str) -> tuple[int, bytes]:
        """PUT *body* to *path*; return the status and the answer. Raises ``OSError``."""
        if self.connection is None:
            kind = http.client.HTTPSConnection if self.secure else http.client.HTTPConnection
            self.connection = kind(self.host, self.port, timeout=self.timeout)
        try:
            self.connection.request(
                "PUT",
                self.prefix + path,
                body=body.encode(),
                headers={"Content-Type": "application/json; charset=utf-8"},
            )
            answer = self.connection.getresponse()
            return answer.status, answer.read()
        except (OSError, http.client.HTTPException) as error:
            self.close()
            raise OSError(str(error) or type(error).__name__) from None

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _taken(status: int, answer: bytes) -> bool:
    """Whether the receiver took the callback: a 2xx that does not say ``"success": false``."""
    if not 200 <= status < 300:  # the 2xx range
        return False
    try:
        said = json.loads(answer)
    except ValueError:
        return True  # an empty or non-JSON 2xx answer is still a yes
    return not (isinstance(said, dict) and said.get("success") is False)


_RETRIED: Final = frozenset({408, 429, 500, 502, 503, 504})


@final
class FakeEpromServer:
    """:class:`~distribution.fake.FakeEprom` served over HTTP, its callbacks PUT when due.

    Args:
        fake: the state machine to serve.
        host, port: where to listen; port ``0`` picks a free one (see :attr:`url`).
        callback_base: the ordering system's ``ApiBaseUrl``; ``None`` keeps the callbacks
            without sending them, as if delivered (for a run without a receiver).
        record: a directory to write ``orders.jsonl`` and ``callbacks.jsonl`` into.
        log: called with each log line (redacted); ``None`` logs nothing.
        clock: the current time; the fake itself has none.
        attempts: how often a callback is tried before it is given up.
        backoff: seconds before the second try; each further try waits twice as long.
        timeout: seconds to wait for the receiver to answer a callback.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(  # noqa: PLR0913  # every knob of the server, keyword-only
        self,
        fake: FakeEprom,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        callback_base: str | None = None,
        record: Path | None = None,
        log: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] = _utc_now,
        attempts: int = 4,
        backoff: float = 0.2,
        timeout: float = 5.0,
    ) -> None:
        self.fake = fake
        self.attempts, self.backoff = attempts, backoff
        self._receiver = None if callback_base is None else _Receiver(callback_base, timeout)
        self._log = log
        self._clock = clock
        self._wake = threading.Condition()
        self._stopping = False
        self._retries: list[tuple[datetime, int, int, ScheduledCallback]] = []
        self._sequence = 0
        self.orders: list[str] = []
        """The verify lines of the orders and messages made, in order."""
        self.delivered: list[Delivery] = []
        """The callbacks the receiver took (all of them, without a callback base)."""
        self.failed: list[Delivery] = []
        """The callbacks the receiver refused, or that were given up."""
        self._files: tuple[TextIO, TextIO] | None = None
        if record is not None:
            record.mkdir(parents=True, exist_ok=True)
            self._files = (
                (record / "orders.jsonl").open("w", encoding="utf-8"),
                (record / "callbacks.jsonl").open("w", encoding="utf-8"),
            )
        self._http = ThreadingHTTPServer((host, port), _Handler)
        self._http.daemon_threads = True
        self._http.owner = self  # type: ignore[attr-defined]  # the handler finds us here
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        """``http://HOST:PORT`` the server listens on (the port it got, with port 0)."""
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FakeEpromServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def start(self) -> FakeEpromServer:
        """Start serving and sending callbacks, each in its own thread; return the server."""
        for target in (self._serve, self._dispatch):
            thread = threading.Thread(target=target, name=f"fake-eprom {target.__name__}")
            thread.daemon = True
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        """Stop serving and sending; callbacks not yet due are dropped. Safe to call twice."""
        with self._wake:
            if self._stopping:
                return
            self._stopping = True
            self._wake.notify_all()
        if self._threads:
            self._http.shutdown()
        for thread in self._threads:
            thread.join()
        self._http.server_close()
        if self._receiver is not None:
            self._receiver.close()
        if self._files is not None:
            for handle in self._files:
                handle.close()
        left = self.fake.pending + len(self._retries)
        if left:
            self.say(f"stopped; {left} callbacks were not yet due")

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        """Wait until *count* callbacks are delivered or refused; return whether they were.

        Gives up after *timeout* seconds.
        """
        with self._wake:
            return self._wake.wait_for(
                lambda: len(self.delivered) + len(self.failed) >= count, timeout
            )

    def callbacks(self) -> list[Callback]:
        """Return the callbacks delivered so far, read by :func:`~distribution.read_callback`."""
        with self._wake:
            return [read_callback(delivery.body) for delivery in self.delivered]

    # --- requests ---------------------------------------------------------------------------

    def handle(  # what a request brings
        self, kind: str, path: str, body: bytes, authorization: str | None, scenarios: str
    ) -> Reply:
        """Answer one order or message (called by the request handler's threads).

        Logged before any of its callbacks can be, which wait for the lock held here.
        """
        with self._wake:
            at = self._clock()
            ask = self.fake.order if kind == "order" else self.fake.message
            reply = ask(body, authorization, at=at, scenarios=parse_scenarios(scenarios))
            what = f" {reply.id} {reply.channel.api_name}" if reply.channel is not None else ""
            self.say(f"POST {mask_personal(path)} {reply.status}{what}")
            if reply.record is not None:
                self.orders.append(reply.record)
                if self._files is not None:
                    self._files[0].write(reply.record + "\n")
                    self._files[0].flush()
            self._wake.notify_all()
        return reply

    def _serve(self) -> None:
        self._http.serve_forever(poll_interval=0.1)

    # --- callbacks --------------------------------------------------------------------------

    def _dispatch(self) -> None:
        while True:
            with self._wake:
                if self._stopping:
                    return
                at = self._clock()
                batch = [(1, callback) for callback in self.fake.due(at)]
                while self._retries and self._retries[0][0] <= at:
                    _, _, attempt, callback = heapq.heappop(self._retries)
                    batch.append((attempt, callback))
                if not batch:
                    self._wake.wait(self._sleep(at))
                    continue
            for attempt, callback in batch:
                self._send(attempt, callback)

    def _sleep(self, at: datetime) -> float:
        """Seconds until the next callback or retry falls due, at most :data:`_TICK`."""
        times = [t for t in (self.fake.next_due, *(r[0] for r in self._retries[:1])) if t]
        if not times:
            return _TICK
        return min(_TICK, max(0.001, (min(times) - at).total_seconds()))

    def _send(self, attempt: int, callback: ScheduledCallback) -> None:
        said = _said(callback)
        if self._receiver is None:
            self._done(callback, taken=True)
            self.say(f"kept {callback.path} {said}")
            return
        try:
            status, answer = self._receiver.put(callback.path, callback.body)
        except OSError as error:
            status, problem = 0, mask_personal(str(error))
        else:
            if _taken(status, answer):
                self._done(callback, taken=True)
                self.say(f"PUT {callback.path} {status} {said}")
                return
            problem = f"{status}"
            if status not in _RETRIED:
                self._done(callback, taken=False)
                self.say(f"PUT {callback.path} {status} refused {said}")
                return
        if attempt >= self.attempts:
            self._done(callback, taken=False)
            self.say(f"PUT {callback.path} gave up after {attempt} tries ({problem}) {said}")
            return
        wait = self.backoff * 2 ** (attempt - 1)
        self.say(f"PUT {callback.path} try {attempt} failed ({problem}); again in {wait:g} s")
        with self._wake:
            self._sequence += 1
            entry = (self._clock() + timedelta(seconds=wait), self._sequence, attempt + 1, callback)
            heapq.heappush(self._retries, entry)

    def _done(self, callback: ScheduledCallback, *, taken: bool) -> None:
        with self._wake:
            delivery = Delivery(callback.path, callback.body, self._clock())
            (self.delivered if taken else self.failed).append(delivery)
            if taken and self._files is not None:
                self._files[1].write(_redacted(callback.body) + "\n")
                self._files[1].flush()
            self._wake.notify_all()

    def say(self, line: str) -> None:
        """Log *line* as it is; what came from outside is masked by the caller.

        A path or an error's text may hold anything; the ids and statuses are the fake's own.
        """
        if self._log is not None:
            self._log(line)


@final
class _Handler(BaseHTTPRequestHandler):
    """One request to the fake (internal): route, read the body, answer."""

    protocol_version = "HTTP/1.1"  # keep-alive: a client sending many orders keeps one connection
    # The headers and the body go out in two writes; without this, Nagle's algorithm holds
    # the body back until the peer's delayed ACK, 40 ms for every answer on a kept-alive line.
    disable_nagle_algorithm = True
    server_version = "FakeEprom"

    def do_GET(self) -> None:  # the name http.server calls
        if self.path.rstrip("/").lower() == "/health":
            self._answer(200, "application/json", '{"status": "ok"}')
        else:
            self._answer(404, "text/plain; charset=utf-8", "Not Found")

    def do_POST(self) -> None:  # the name http.server calls
        owner: FakeEpromServer = self.server.owner  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0].rstrip("/").lower()
        kind = _ROUTES.get(path)
        if kind is None:
            # Logged before the answer: the client may read the log next.
            owner.say(f"POST {mask_personal(path)} 404")
            self._drain()
            self._answer(404, "text/plain; charset=utf-8", "Not Found")
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            self._answer(411, "text/plain; charset=utf-8", "Length Required")
            return
        if int(length) > MAX_BODY:
            self.close_connection = True
            self._answer(413, "text/plain; charset=utf-8", "Payload Too Large")
            return
        body = self.rfile.read(int(length))
        try:
            reply = owner.handle(
                kind,
                path,
                body,
                self.headers.get("Authorization"),
                self.headers.get(SCENARIO_HEADER, ""),
            )
        except DistributionError as error:  # a scenario header naming no scenario
            self._answer(400, "text/plain; charset=utf-8", f"{SCENARIO_HEADER}: {error}")
            return
        self._answer(reply.status, reply.content_type, reply.body)

    def _drain(self) -> None:
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) <= MAX_BODY:
            self.rfile.read(int(length))
        else:
            self.close_connection = True

    def _answer(self, status: int, content_type: str, text: str) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  # http.server's name
        """Log nothing here: the server logs each request itself, redacted."""
