"""Streams at their limits: closed, full, not UTF-8, endless; exit 2 for bad input, 74 for I/O."""

from __future__ import annotations

import codecs
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from distribution import Availability, decide
from distribution.cli import _files, main
from tests.helpers.cli import run

if TYPE_CHECKING:
    from typing import Any

LIMIT = 2 * 1024 * 1024  # MAX_JSON_SIZE and the longest line, written out by hand
TOO_LARGE = (
    "eprom-distribution: error: - is <more than 2097152 characters>, longer than the limit of"
    " 2097152 characters or bytes; it is not read\n"
)


def _shell(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run *script* in sh with ``cli`` the command line; memory is capped at 400 MB."""
    cli = f"{sys.executable} -m distribution"
    return subprocess.run(  # our own interpreter and a fixed script
        ["/bin/sh", "-c", f'ulimit -v 400000; cli() {{ {cli} "$@"; }}; {script}'],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **env},
    )


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("cli audit /dev/zero", "/dev/zero line 1 is longer than the limit of 2097152 characters"),
        ("cli verify /dev/zero /dev/zero", "/dev/zero line 1 is longer than the limit of 2097152"),
        ("cli assess - </dev/zero", "- is <more than 2097152 characters>, longer than the limit"),
        ("cli explain --facts /dev/zero", "/dev/zero is <more than 2097152 characters>, longer"),
        (
            "cli check Basic --available papir --callback - </dev/zero",
            "- is <more than 2097152 characters>, longer than the limit",
        ),
        (
            "cli preflight Basic --national-id - </dev/zero",
            "- line 1 is longer than the limit of 100 characters; it is not read",
        ),
    ],
)
def test_endless_input_without_a_newline_ends_with_one_line_and_2(
    script: str, message: str
) -> None:
    done = _shell(script)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("eprom-distribution: error: " + message), done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("script", "code", "message"),
    [
        ("cli rules >&-", 74, "cannot write the output"),
        ("cli check Basic --available papir --callback - <&-", 2, "cannot read '-'"),
        ("cli assess - <&-", 2, "cannot read '-'"),
        ("cli preflight Basic --national-id - <&-", 2, "cannot read '-'"),
        ("printf '\\377\\376\\n' | cli preflight Basic --national-id -", 2, "not a UTF-8 text"),
        ("printf '\\377\\376' | cli assess -", 2, "not a UTF-8 text file"),
    ],
)
def test_closed_streams_and_bad_bytes_are_one_line_never_a_traceback(
    script: str, code: int, message: str
) -> None:
    done = _shell(script)
    assert done.returncode == code, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("script", ["cli decide Nope 2>&-", "cli decide Nope 2>/dev/full"])
def test_bad_input_is_2_even_when_standard_error_cannot_be_written(script: str) -> None:
    assert _shell(script).returncode == 2


@pytest.mark.parametrize(
    ("env", "arrow", "letter"),
    [
        ({"PYTHONIOENCODING": "cp1252"}, "->", "ø"),
        ({"PYTHONIOENCODING": "latin-1"}, "->", "ø"),
        ({"PYTHONIOENCODING": "ascii"}, "->", "oe"),
        ({"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}, "->", "oe"),
    ],
)
def test_output_in_another_encoding_writes_what_it_can_take(
    env: dict[str, str], arrow: str, letter: str
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "distribution",
            "explain",
            "Basic",
            "--available",
            "papir",
            "--lang",
            "nb",
        ],
        capture_output=True,
        check=False,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "LANG": "nb_NO.UTF-8", **env},
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("latin-1")
    assert f"Helsenorge {arrow} sikker digital postkasse" in text
    assert f"F{letter}rst Helsenorge" in text


def test_the_fallback_is_for_writing_only() -> None:
    code, _, _ = run("rules")  # registers the fallback? only for a stream that needs it
    assert code == 0
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    assert main(["explain", "Basic", "--available", "papir", "--lang", "nb"], stdout=out) == 0
    handler = codecs.lookup_error("eprom-distribution-fallback")
    with pytest.raises(UnicodeDecodeError):
        handler(UnicodeDecodeError("ascii", b"\xff", 0, 1, "bad"))


def test_closed_standard_streams_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["rules"], environ={}) == 74
    assert main(["assess", "-"], environ={}) == 2
    assert main(["preflight", "Basic", "--national-id", "-"], environ={}) == 2


class _Broken(io.StringIO):
    def write(self, _text: str) -> int:
        raise OSError(28, "No space left on device")


def test_a_broken_standard_error_still_gives_the_exit_code() -> None:
    assert main(["decide", "Nope"], environ={}, stdout=io.StringIO(), stderr=_Broken()) == 2


def test_text_with_surrogates_from_standard_input_is_not_utf8() -> None:
    code, _, err = run("assess", "-", stdin="{\udcff}")
    assert (code, err) == (2, "eprom-distribution: error: cannot read '-': not a UTF-8 text file\n")
    code, _, err = run("preflight", "Basic", "--national-id", "-", stdin="\udcff\n")
    assert (code, err) == (2, "eprom-distribution: error: cannot read '-': not a UTF-8 text file\n")


def test_a_text_over_the_limit_is_refused_and_one_at_it_is_read() -> None:
    code, _, err = run("assess", "-", stdin=" " * (LIMIT + 1))
    assert (code, err) == (2, TOO_LARGE)
    code, _, err = run("assess", "-", stdin=" " * (LIMIT - 2) + "{}")
    assert "longer than the limit" not in err


def test_a_line_over_the_limit_is_refused(tmp_path: Path) -> None:
    orders = tmp_path / "orders.jsonl"
    orders.write_text("\n" + " " * (LIMIT + 1) + "\n", encoding="utf-8")
    code, _, err = run("verify", str(orders), str(orders))
    assert code == 2
    assert err == (
        f"eprom-distribution: error: {orders} line 2 is longer than the limit of 2097152"
        " characters; it is not read\n"
    )


def test_a_national_id_line_over_its_limit_is_refused_not_cut() -> None:
    code, _, err = run("preflight", "Basic", "--national-id", "-", stdin="15108695088" + " " * 95)
    assert (code, err) == (
        2,
        (
            "eprom-distribution: error: - line 1 is longer than the limit of 100 characters;"
            " it is not read\n"
        ),
    )


def test_a_row_of_many_short_lines_is_refused_by_the_same_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A quoted cell may hold line breaks: each line is short, the row is not.
    monkeypatch.setattr(_files, "MAX_LINE", 100)
    header = "DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n"
    dump = tmp_path / "dump.csv"
    dump.write_text(header + "0,1,1,0\n" * 30 + '0,1,1,"' + 'a\n","a' * 30 + '"\n', "utf-8")
    code, _, err = run("audit", str(dump))
    assert code == 2
    assert err == (
        f"eprom-distribution: error: {dump}: the row that begins on line 32 is longer than the"
        " limit of 100 characters; it is not read\n"
    )
    dump.write_text(header + "0,1,1,0\n" * 30, "utf-8")  # many rows, each under the limit
    assert run("audit", str(dump))[0] == 0


def test_a_row_of_many_short_lines_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    dump = tmp_path / "dump.csv"
    with dump.open("w", encoding="utf-8") as handle:
        handle.write('DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,1,"')
        handle.writelines('a\n","a' * 100_000 for _ in range(60))  # 36 MB, 6 million cells
        handle.write('"\n')
    done = _shell(f"cli audit {dump}")
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"eprom-distribution: error: {dump}: the row that begins on line 2 is longer than the"
        " limit of 2097152 characters; it is not read\n"
    )


def test_a_field_over_the_csv_modules_limit_names_that_limit_and_the_line(tmp_path: Path) -> None:
    # Under the row limit (2 MiB), over the csv module's own limit of 131,072 characters a field.
    dump = tmp_path / "dump.csv"
    big = "x" * 140_000
    dump.write_text(
        f'DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,1,0\n0,1,1,"{big}"\n'
    )
    done = _shell(f"cli audit {dump}; echo $?; cli audit --lang nb {dump}")
    assert done.stdout == "2\n"
    assert done.stderr == (
        f"eprom-distribution: error: {dump}: a field of the row that begins on line 3 is longer"
        " than the CSV reader's limit of 131072 characters a field; the row is not read\n"
        f"eprom-distribution: feil: {dump}: et felt i raden som begynner på linje 3, er lengre"
        " enn CSV-leserens grense på 131072 tegn per felt; raden leses ikke\n"
    )


DATA = Path(__file__).resolve().parents[1] / "data"
GUID = "284738d0-3c39-e611-9c2a-34e6d72e03c6"
# Every command, each with what it needs to get as far as writing its output.
EVERY_COMMAND = [
    ["decide", "Basic", "--available", "paper"],
    ["explain", "Basic", "--available", "paper"],
    ["diagnose", "Basic", "--got", "PhysicalMailbox", "--available", "paper"],
    ["hvorfor", "Basic", "--got", "PhysicalMailbox", "--available", "paper"],
    ["rules"],
    ["matrix"],
    ["describe", "status", "1"],
    ["assess", "patient.json"],
    ["preflight", "Basic"],
    ["simulate", "cohort.csv"],
    ["check", "Basic", "--available", "helsenorge", "--callback", "callback.json"],
    ["verify", "orders.jsonl", "callbacks.jsonl"],
    ["audit", str(DATA / "datadump.csv")],
    ["fake-eprom", "--port", "0", "--patients", "patients.json", "--api-key", "k"],
]


def test_every_command_is_in_the_list_for_closed_output() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "distribution", "nope"],
        capture_output=True,
        text=True,
        check=False,
        env={"LANG": "C"},
    )
    choices = done.stderr.split("choose from ", 1)[1].split(")", 1)[0]
    assert choices.split(", ") == [f"'{argv[0]}'" for argv in EVERY_COMMAND]


def _inputs(folder: Path) -> None:
    decision = decide("Basic", Availability.of("helsenorge")).to_dict()
    order = {"formOrderId": GUID, "decision": decision}
    callback = {
        "formOrderId": GUID,
        "notificationChannel": "Helsenorge",
        "formOrderStatus": "Ordered",
    }
    facts = {"reference_time": "2026-11-25T12:00:00+01:00", "age": 40, "postal_address": True}
    files = {
        "patient.json": json.dumps(facts),
        "cohort.csv": "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n",
        "callback.json": (DATA / "eprom" / "status-ordered.json").read_text(encoding="utf-8"),
        "orders.jsonl": json.dumps(order) + "\n",
        "callbacks.jsonl": json.dumps(callback) + "\n",
        "patients.json": "{}",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("argv", EVERY_COMMAND, ids=[argv[0] for argv in EVERY_COMMAND])
def test_every_command_with_its_output_closed_exits_74(tmp_path: Path, argv: list[str]) -> None:
    """As `eprom-distribution rules >&-`: the output cannot be written, so 74, one line."""
    _inputs(tmp_path)
    if argv[0] != "fake-eprom":  # which serves until Ctrl-C once its URL is written
        # The inputs are good: with somewhere to write, the command writes.
        written = _command(argv, tmp_path, stdout=subprocess.PIPE)
        assert written.returncode in {0, 1}, written.stderr
        assert written.stdout
    done = _command(argv, tmp_path, preexec_fn=_close_stdout)
    assert done.returncode == 74, done.stderr
    assert done.stderr == (
        "eprom-distribution: error: cannot write the output: standard output is closed, or the"
        " disk is full or read-only\n"
    )


def _command(argv: list[str], folder: Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "distribution", *argv],
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        check=False,
        cwd=folder,
        env={"LANG": "C"},
        timeout=120,
        **kwargs,
    )


def _close_stdout() -> None:
    os.close(1)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (400_000_000, 400_000_000))


def test_simulate_on_endless_zeros_in_limited_memory_is_one_line_and_2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "distribution", "simulate", "/dev/zero"],
        capture_output=True,
        text=True,
        check=False,
        env={"LANG": "C"},
        preexec_fn=_limit_memory,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "eprom-distribution: error: /dev/zero line 1: the row is longer than 1048576 characters;"
        " this does not look like a cohort CSV\n"
    )
