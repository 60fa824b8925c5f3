"""The fake ePROM on a socket: routes, callbacks PUT and retried, the record, redacted logs.

Every request goes to 127.0.0.1, and every wait is bounded.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from distribution import FormOrderStatusCallback, InvalidValueError
from distribution.fake import FakeEprom, Timing
from distribution.http import server as server_module
from distribution.http.receiver import CallbackReceiver
from distribution.http.server import MAX_BODY, FakeEpromServer
from tests.helpers.fake import API_KEY, AUTH, HELSENORGE, NOBODY, directory, order_body

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

QUICK = Timing(delivery=timedelta(seconds=0.05), answer=timedelta(seconds=0.1))
FAR = "2099-01-01T00:00:00Z"  # the server reads the real clock: no order may expire during a test


def body_of(national_id: str = HELSENORGE, **fields: object) -> str:
    return order_body(national_id, **{"expiryDate": FAR, **fields})


def fake(**options: object) -> FakeEprom:
    return FakeEprom(directory(), api_key=API_KEY, seed=5, timing=QUICK, **options)  # type: ignore[arg-type]


def request(
    url: str, method: str, path: str, body: str | bytes | None = None, **headers: str
) -> tuple[int, str]:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.read().decode()
    finally:
        connection.close()


def order(url: str, body: str | None = None, **headers: str) -> tuple[int, str]:
    return request(
        url,
        "POST",
        "/promswebapi/api/v2/formorder",
        body or body_of(),
        Authorization=AUTH,
        **headers,
    )


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def logged() -> list[str]:
    return []


@pytest.fixture
def kept(logged: list[str]) -> Iterator[FakeEpromServer]:
    """A server without a callback base: callbacks are kept as if delivered."""
    with FakeEpromServer(fake(), log=logged.append) as running:
        yield running


# --- requests ---------------------------------------------------------------------------------


def test_the_server_listens_on_loopback_and_says_it_is_healthy(kept: FakeEpromServer) -> None:
    assert kept.url.startswith("http://127.0.0.1:")
    assert request(kept.url, "GET", "/health") == (200, '{"status": "ok"}')
    assert request(kept.url, "GET", "/elsewhere") == (404, "Not Found")


def test_an_order_is_answered_and_its_callbacks_kept(
    kept: FakeEpromServer, logged: list[str]
) -> None:
    status, body = order(kept.url)
    assert status == 200
    answer = json.loads(body)
    assert answer["notificationChannel"] == "Helsenorge"
    assert kept.wait_for(2, timeout=5)
    assert [json.loads(d.body)["formOrderStatus"] for d in kept.delivered] == [
        "Ordered",
        "Completed",
    ]
    [status_callback, _] = kept.callbacks()
    assert isinstance(status_callback, FormOrderStatusCallback)
    assert status_callback.api_key_matches(API_KEY)
    assert kept.orders == [json.loads(json.dumps(kept.orders[0]))]
    assert logged[0] == f"POST /promswebapi/api/v2/formorder 200 {answer['id']} Helsenorge"
    assert logged[1] == f"kept /api/PromsFormOrder {answer['id']} Ordered"


def test_the_paths_take_either_spelling_of_the_base_and_a_query(kept: FakeEpromServer) -> None:
    for path in ("/PromsWebApi/api/v2/FormOrder/", "/api/v2/formorder?x=1"):
        assert request(kept.url, "POST", path, body_of(), Authorization=AUTH)[0] == 200
    message = request(
        kept.url,
        "POST",
        "/promswebapi/api/v2/messagetocitizen",
        json.dumps(
            {
                "nationalId": HELSENORGE,
                "documentCollection": [{"title": "x"}],
                "notificationPriorityList": ["Helsenorge"],
            }
        ),
        Authorization=AUTH,
    )
    assert message == (
        200,
        json.dumps(
            {
                "notificationChannel": "1",
                "messageToCitizenId": json.loads(message[1])["messageToCitizenId"],
            }
        ),
    )


def test_a_refusal_is_plain_text_and_logged_without_the_body(
    kept: FakeEpromServer, logged: list[str]
) -> None:
    status, text = order(kept.url, body_of(HELSENORGE, formId="RAND-12"))
    assert (status, text) == (400, "The value of formId is not valid.")
    assert logged == ["POST /promswebapi/api/v2/formorder 400"]
    assert kept.orders == []


def test_an_unknown_path_a_missing_length_and_a_huge_body_are_refused(
    kept: FakeEpromServer, logged: list[str]
) -> None:
    assert request(kept.url, "POST", "/api/v3/formorder", "{}") == (404, "Not Found")
    assert request(kept.url, "POST", f"/patients/{HELSENORGE}", "{}")[0] == 404
    assert logged == ["POST /api/v3/formorder 404", "POST /patients/<hidden> 404"]
    host, port = kept.url.removeprefix("http://").split(":")
    for head, expected in (
        ("POST /api/v2/formorder HTTP/1.1\r\nHost: x\r\n\r\n", b"HTTP/1.1 411 "),
        (
            f"POST /api/v2/formorder HTTP/1.1\r\nHost: x\r\nContent-Length: {MAX_BODY + 1}\r\n\r\n",
            b"HTTP/1.1 413 ",
        ),
        (
            f"POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: {MAX_BODY + 1}\r\n\r\n",
            b"404 Not Found",
        ),
    ):
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(head.encode())
            assert expected in sock.recv(1024)


def test_a_scenario_header_plants_a_fault_for_one_order(kept: FakeEpromServer) -> None:
    status, _ = order(kept.url, **{"X-Fake-Eprom-Scenarios": "DuplicateCallback, NeverAnswers"})
    assert status == 200
    assert kept.wait_for(2, timeout=5)
    assert [json.loads(d.body)["formOrderStatus"] for d in kept.delivered] == [
        "Ordered",
        "Ordered",
    ]
    status, text = order(kept.url, **{"X-Fake-Eprom-Scenarios": "Pigeon"})
    assert status == 400
    assert text.startswith("X-Fake-Eprom-Scenarios: 'Pigeon' is not a known scenario")


# --- callbacks ----------------------------------------------------------------------------------


def test_callbacks_are_put_to_the_callback_base_with_the_key_in_the_body(
    logged: list[str],
) -> None:
    with (
        CallbackReceiver(API_KEY) as receiver,
        FakeEpromServer(fake(), callback_base=receiver.url + "/", log=logged.append) as running,
    ):
        _, body = order(running.url)
        assert running.wait_for(2, timeout=5)
    assert len(receiver.taken) == 2
    assert all(json.loads(b)["apiKey"] == API_KEY for b in receiver.taken)
    guid = json.loads(body)["id"]
    assert f"PUT /api/PromsFormOrder 200 {guid} Ordered" in logged
    assert f"PUT /api/PromsFormOrder 200 {guid} Completed" in logged


def test_a_receiver_that_is_down_gets_the_callback_again_later(logged: list[str]) -> None:
    with (
        CallbackReceiver(API_KEY, fail_first=2) as receiver,
        FakeEpromServer(
            fake(), callback_base=receiver.url, log=logged.append, backoff=0.01
        ) as running,
    ):
        order(running.url, body_of(NOBODY))
        assert running.wait_for(1, timeout=5)
    assert len(receiver.taken) == 1
    assert "PUT /api/PromsFormOrder try 1 failed (503); again in 0.01 s" in logged
    assert "PUT /api/PromsFormOrder try 2 failed (503); again in 0.02 s" in logged


def test_a_refused_callback_is_not_tried_again(logged: list[str]) -> None:
    with (
        CallbackReceiver(API_KEY) as receiver,
        FakeEpromServer(fake(), callback_base=receiver.url, log=logged.append) as running,
    ):
        order(running.url, body_of(NOBODY), **{"X-Fake-Eprom-Scenarios": "WrongApiKey"})
        assert running.wait_for(1, timeout=5)
    assert (len(running.delivered), len(running.failed), len(receiver.refused)) == (0, 1, 1)
    assert any(line.startswith("PUT /api/PromsFormOrder 200 refused ") for line in logged)
    with (
        CallbackReceiver(API_KEY) as receiver,
        FakeEpromServer(fake(), callback_base=receiver.url + "/wrong", log=logged.append) as other,
    ):
        order(other.url, body_of(NOBODY))
        assert other.wait_for(1, timeout=5)
    assert any(line.startswith("PUT /api/PromsFormOrder 404 refused ") for line in logged)


def test_a_receiver_that_never_answers_is_given_up_after_the_last_try(logged: list[str]) -> None:
    base = f"https://127.0.0.1:{closed_port()}"
    with FakeEpromServer(
        fake(), callback_base=base, log=logged.append, attempts=2, backoff=0.01
    ) as running:
        order(running.url, body_of(NOBODY))
        assert running.wait_for(1, timeout=5)
    assert len(running.failed) == 1
    assert logged[1].startswith("PUT /api/PromsFormOrder try 1 failed (")
    assert logged[2].startswith("PUT /api/PromsFormOrder gave up after 2 tries (")


def test_a_slow_receiver_times_out(logged: list[str]) -> None:
    with (
        CallbackReceiver(API_KEY, delay=0.5) as receiver,
        FakeEpromServer(
            fake(), callback_base=receiver.url, log=logged.append, attempts=1, timeout=0.1
        ) as running,
    ):
        order(running.url, body_of(NOBODY))
        assert running.wait_for(1, timeout=5)
    assert logged[1].startswith("PUT /api/PromsFormOrder gave up after 1 tries (timed out)")


def test_callbacks_not_yet_due_are_dropped_at_stop_and_said(logged: list[str]) -> None:
    running = FakeEpromServer(fake(), log=logged.append).start()
    order(running.url, body_of(), **{"X-Fake-Eprom-Scenarios": "LateCallback"})
    running.stop()
    running.stop()
    assert logged[-1] == "stopped; 2 callbacks were not yet due"


def test_a_server_never_started_stops_quietly(logged: list[str]) -> None:
    FakeEpromServer(fake(), log=logged.append).stop()
    assert logged == []


def test_the_callback_base_must_be_an_http_url() -> None:
    with pytest.raises(InvalidValueError, match="callback_base"):
        FakeEpromServer(fake(), callback_base="ftp://127.0.0.1/")


def test_the_answer_of_a_receiver_decides_whether_it_took_the_callback() -> None:
    taken = server_module._taken
    assert taken(200, b'{"success": true}')
    assert taken(204, b"")
    assert taken(200, b"[]")
    assert not taken(200, b'{"success": false}')
    assert not taken(302, b"")


# --- the record ---------------------------------------------------------------------------------


def test_the_record_is_what_verify_reads_without_keys_or_national_ids(tmp_path: Path) -> None:
    record = tmp_path / "run"
    with FakeEpromServer(fake(), record=record) as running:
        order(running.url, body_of(), **{"X-Fake-Eprom-Scenarios": "EventLog"})
        order(running.url, body_of(NOBODY))
        assert running.wait_for(3, timeout=5)
    orders = (record / "orders.jsonl").read_text(encoding="utf-8").splitlines()
    callbacks = (record / "callbacks.jsonl").read_text(encoding="utf-8")
    assert orders == running.orders
    assert API_KEY not in callbacks
    assert HELSENORGE not in callbacks
    assert '"filledOutByActNationalId": "***********"' in callbacks
    assert len(callbacks.splitlines()) == 3


def test_the_server_reads_the_time_from_its_clock() -> None:
    moments = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    lock = threading.Lock()

    def clock() -> datetime:
        with lock:
            return moments[-1]

    with FakeEpromServer(fake(), clock=clock) as running:
        order(running.url)
        assert running.wait_for(1, timeout=5)
        assert not running.wait_for(2, timeout=0.3)  # the answer is due 0.1 s later
        with lock:
            moments.append(moments[0] + timedelta(days=1))
        assert running.wait_for(2, timeout=5)
    assert running.delivered[1].at == moments[1]
