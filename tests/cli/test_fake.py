"""fake-eprom: the URL first, redacted logs, the record, and a clean stop on Ctrl-C or SIGTERM.

The command runs in this process, in the main thread, as a shell would run it; a helper thread
talks to it over 127.0.0.1 and then stops it as a user would.
"""

from __future__ import annotations

import _thread
import http.client
import io
import json
import signal
import socket
import threading
from typing import TYPE_CHECKING

import pytest

from distribution.cli import main
from distribution.http.receiver import CallbackReceiver
from tests.helpers.cli import NOW, assert_one_line_error, run
from tests.helpers.fake import API_KEY, AUTH, HELSENORGE, NOBODY, directory, order_body

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

FAR = "2099-01-01T00:00:00Z"


class Lines(io.StringIO):
    """Standard output that says when its first line is there."""

    def __init__(self) -> None:
        super().__init__()
        self.first_line = threading.Event()

    def write(self, text: str) -> int:
        written = super().write(text)
        if "\n" in self.getvalue():
            self.first_line.set()
        return written


def post(url: str, body: str) -> tuple[int, str]:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        connection.request("POST", "/promswebapi/api/v2/formorder", body, {"Authorization": AUTH})
        answer = connection.getresponse()
        return answer.status, answer.read().decode()
    finally:
        connection.close()


def serve(
    argv: list[str], talk: Callable[[str], None], stop: Callable[[], None], stdin: str = ""
) -> tuple[int, str, str]:
    """Run ``fake-eprom`` with *argv*; once it prints its URL, *talk* to it, then *stop* it."""
    out, err = Lines(), io.StringIO()
    problems: list[BaseException] = []

    running = threading.Event()

    def helper() -> None:
        # Stop the server only while main() still runs: an interrupt that came after it had
        # returned would land in the test runner.
        if not out.first_line.wait(60):
            problems.append(TimeoutError("fake-eprom printed no URL"))
            return
        try:
            talk(out.getvalue().splitlines()[0])
        except BaseException as error:  # noqa: BLE001  # reported by the test below
            problems.append(error)
        finally:
            if running.is_set():
                stop()

    # Ctrl-C as a terminal gives it: interrupt_main() calls the SIGINT handler, and a runner
    # around the tests (mutmut's) may have put its own there, which would not stop the fake.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    thread = threading.Thread(target=helper)
    thread.start()
    running.set()
    try:
        code = main(
            ["fake-eprom", *argv],
            environ={},
            stdout=out,
            stderr=err,
            stdin=io.StringIO(stdin),
            now=NOW,
        )
    finally:
        running.clear()
        signal.signal(signal.SIGINT, previous)
    thread.join(60)
    assert problems == []
    return code, out.getvalue(), err.getvalue()


def ctrl_c() -> None:
    _thread.interrupt_main()


def sigterm() -> None:
    main_thread = threading.main_thread().ident
    assert main_thread is not None
    signal.pthread_kill(main_thread, signal.SIGTERM)


@pytest.fixture
def patients(tmp_path: Path) -> Path:
    path = tmp_path / "patients.json"
    path.write_text(json.dumps(directory()), encoding="utf-8")
    return path


def test_the_fake_prints_its_url_logs_redacted_records_and_stops_on_ctrl_c(
    patients: Path, tmp_path: Path
) -> None:
    answers: list[tuple[int, str]] = []

    def talk(url: str) -> None:
        assert url.startswith("http://127.0.0.1:")
        answers.append(post(url, order_body(HELSENORGE, expiryDate=FAR)))
        answers.append(post(url, order_body(NOBODY, expiryDate=FAR)))
        record = tmp_path / "run" / "callbacks.jsonl"
        for _ in range(100):  # the two status callbacks, kept at once
            if record.exists() and record.read_text(encoding="utf-8").count("\n") >= 2:
                break
            threading.Event().wait(0.05)

    argv = ["--port", "0", "--patients", str(patients), "--api-key", API_KEY]
    code, out, err = serve([*argv, "--record", str(tmp_path / "run")], talk, ctrl_c)
    assert code == 0
    assert out.count("\n") == 1
    assert [status for status, _ in answers] == [200, 200]
    assert API_KEY not in err
    assert HELSENORGE not in err
    assert NOBODY not in err
    lines = err.splitlines()
    assert lines[0].startswith("POST /promswebapi/api/v2/formorder 200 ")
    assert lines[-2:] == [
        "stopped; 1 callbacks were not yet due",  # the answer, two seconds after the order
        "stopped: 2 orders and messages, 2 callbacks delivered, 0 not delivered",
    ]
    orders = (tmp_path / "run" / "orders.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(orders) == 2
    code, _, _ = run(
        "verify", str(tmp_path / "run" / "orders.jsonl"), str(tmp_path / "run" / "callbacks.jsonl")
    )
    assert code == 0


def test_the_fake_puts_callbacks_to_the_callback_base_and_stops_on_sigterm(
    patients: Path,
) -> None:
    with CallbackReceiver(API_KEY) as receiver:

        def talk(url: str) -> None:
            post(url, order_body(NOBODY, expiryDate=FAR))
            assert receiver.wait_for(1, timeout=5)

        argv = ["--port", "0", "--patients", str(patients), "--api-key", "-", "--lang", "nb"]
        code, _, err = serve(
            [*argv, "--callback-base", receiver.url, "--seed", "3", "--numeric-codes"],
            talk,
            sigterm,
            stdin=API_KEY + "\n",
        )
    assert code == 0
    assert json.loads(receiver.taken[0])["notificationChannel"] == 0
    assert err.splitlines()[-1] == (
        "stoppet: 1 bestillinger og meldinger, 1 tilbakemeldinger levert, 0 ikke levert"
    )
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_port_in_use_is_bad_input(patients: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(
            "fake-eprom", "--port", str(port), "--patients", str(patients), "--api-key", "k"
        )
    assert_one_line_error(*result, f"cannot listen on '127.0.0.1:{port}'")


@pytest.mark.parametrize("port", ["65536", "99999", "-1"])
def test_a_port_outside_the_range_is_bad_input(patients: Path, port: str) -> None:
    """bind() raised OverflowError: a traceback, where a port out of range is the user's typo."""
    assert_one_line_error(
        *run("fake-eprom", "--port", port, "--patients", str(patients), "--api-key", "k"),
        f"--port is {port}, outside 0-65535",
    )


def test_a_callback_base_that_is_no_url_is_bad_input(patients: Path) -> None:
    result = run(
        "fake-eprom",
        "--port",
        "0",
        "--patients",
        str(patients),
        "--api-key",
        "k",
        "--callback-base",
        "ftp://127.0.0.1/",
    )
    assert_one_line_error(*result, "callback_base")


def test_a_bad_patient_directory_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "patients.json"
    path.write_text('{"15508695088": {"paper": true}}', encoding="utf-8")
    result = run("fake-eprom", "--port", "0", "--patients", str(path), "--api-key", "k")
    assert_one_line_error(*result, "patients[0]")


def test_fake_eprom_has_help_in_both_languages() -> None:
    code, out, _ = run("fake-eprom", "--help")
    assert code == 0
    assert "Example: eprom-distribution fake-eprom --port 0" in out
    assert "--callback-base URL" in out
    code, out, _ = run("fake-eprom", "--help", "--lang", "nb")
    assert "kjør en falsk ePROM" in out
    assert "--pasienter" in out
