"""main: one-line errors and exit codes, never a traceback (pipes, full disks, Ctrl-C)."""

from __future__ import annotations

import io
import os
import runpy
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from distribution.cli import main
from tests.helpers.cli import assert_one_line_error, run

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (
            ["decide", "9", "--available", "paper"],
            ["'9'", "DistributionRule", "0=Basic", "8=UnsecureOnly"],
        ),
        (
            ["decide", "Basic", "--available", "fax"],
            ["'fax'", "helsenorge", "krr_contact", "paper"],
        ),
        (["decide", "Basic", "--available", "paper,none"], ["'none'", "helsenorge"]),
        (["decide", "Basic", "--available", "papr"], ["'papr'", "did you mean paper?"]),
        (["decide", "Basci", "--available", "paper"], ["'Basci'", "did you mean Basic?"]),
        (["matrix", "--format", "markdwn"], ["'markdwn'", "did you mean markdown?"]),
        (["describe", "stauts", "1"], ["'stauts'", "did you mean status?"]),
        (["decide", "Basic"], ["--available"]),
        (
            ["decide", "Basic", "--available", "paper", "--priority-list", "paper"],
            ["'Basic'", "--priority-list"],
        ),
        (["decide", "--priority-list", "paper,paper", "--available", "paper"], ["more than once"]),
        (["decide", "--priority-list", "", "--available", "paper"], ["empty"]),
        (["explain", "Basic", "--available", "paper", "--lang", "de"], ["'de'", "nb", "en"]),
        (["matrix", "--format", "xml"], ["'xml'", "markdown", "csv"]),
        (["describe", "colour", "1"], ["'colour'", "status"]),
        (["describe", "status", "9"], ["'9'", "PhysicalMailReturned"]),
        (["assess", "/nonexistent/patient.json"], ["/nonexistent/patient.json"]),
        (["bogus"], ["'bogus'", "decide", "explain"]),
        ([], ["COMMAND"]),
        (["decide", "Basic", "--available", "paper", "--frobnicate"], ["--frobnicate"]),
    ],
)
def test_bad_input_is_one_line_naming_the_value_and_choices(
    argv: list[str], needles: list[str]
) -> None:
    assert_one_line_error(*run(*argv), *needles)


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "distribution", "decide", "Basic", "--available", "bogus"],
        capture_output=True,
        text=True,
        check=False,
        env={"LANG": "C"},
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "'bogus'" in done.stderr


def test_module_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["distribution", "describe", "sent", "1"])
    # pytest rewrites the asserts of a package that ships a pytest plugin (this one ships
    # fake_eprom), and its import hook cannot give runpy a module's code: find it without.
    finders = [f for f in sys.meta_path if type(f).__name__ != "AssertionRewritingHook"]
    monkeypatch.setattr(sys, "meta_path", finders)
    with pytest.raises(SystemExit) as done:
        runpy.run_module("distribution", run_name="__main__")
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("SentStatus 1 Error – ")


def _cli(*argv: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "distribution", *argv], **kwargs
    )


def test_a_closed_pipe_ends_quietly_with_141() -> None:
    # As in `eprom-distribution matrix | head -1`, with the reader gone before the first write.
    process = _cli("matrix", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(timeout=30) == 141
    assert err == b""


def test_a_full_disk_is_one_line_and_74() -> None:
    with Path("/dev/full").open("wb") as full:
        process = _cli("rules", "--lang", "nb", stdout=full, stderr=subprocess.PIPE)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 74
    assert err.decode() == (
        "eprom-distribution: feil: kan ikke skrive utdata: standard utdata er lukket, eller disken"
        " er full eller skrivebeskyttet\n"
    )


@pytest.fixture
def ctrl_c_heard() -> Iterator[None]:
    """Let this test's processes hear Ctrl-C, as a shell's do.

    A process started while SIGINT is ignored ignores it too, and Python then installs no
    handler of its own; a runner around the tests (mutmut's workers) may ignore it.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("ctrl_c_heard")
def test_ctrl_c_is_130_without_a_traceback() -> None:
    process = _cli(
        "assess", "-", stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    time.sleep(1.0)  # let it start reading standard input
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert err.count(b"\n") <= 1


SCRIPT = Path(sys.executable).with_name("eprom-distribution")

# Sends this process a real SIGINT at a chosen moment, with no clock: when the package starts to
# load (a meta path finder sees the first import of distribution), or when the command opens a
# file named "ctrl-c" (an audit hook), long after it has loaded.
_CTRL_C = """
import os, signal, sys

class CtrlC:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "distribution" and os.environ["CTRL_C"] == "loading":
            sys.meta_path.remove(CtrlC)
            os.kill(os.getpid(), signal.SIGINT)

def hook(event, args):
    if event == "open" and str(args[0]).endswith("ctrl-c") and os.environ["CTRL_C"] == "running":
        os.kill(os.getpid(), signal.SIGINT)

sys.meta_path.insert(0, CtrlC)
sys.addaudithook(hook)
"""


@pytest.mark.usefixtures("ctrl_c_heard")
@pytest.mark.parametrize(("when", "err"), [("loading", ""), ("running", "\n")])
def test_ctrl_c_in_the_console_script_is_130_and_quiet(tmp_path: Path, when: str, err: str) -> None:
    """pip's wrapper imports the package before the command line can catch anything."""
    (tmp_path / "sitecustomize.py").write_text(_CTRL_C, encoding="utf-8")
    done = subprocess.run(
        [str(SCRIPT), "assess", str(tmp_path / "ctrl-c")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(tmp_path), "CTRL_C": when, "LANG": "C"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (130, "", err)


def test_a_closed_pipe_after_the_output_is_written_is_caught_too() -> None:
    class Closed(io.StringIO):
        def fileno(self) -> int:
            return os.open(os.devnull, os.O_WRONLY)

        def flush(self) -> None:
            raise BrokenPipeError

    assert main(["rules"], environ={}, stdout=Closed(), stderr=io.StringIO()) == 141
    assert main(["--version"], environ={}, stdout=Closed(), stderr=io.StringIO()) == 141


def test_a_full_disk_in_process_is_one_line_and_74() -> None:
    class Full(io.StringIO):
        def fileno(self) -> int:
            return os.open(os.devnull, os.O_WRONLY)

        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

    err = io.StringIO()
    assert main(["rules"], environ={}, stdout=Full(), stderr=err) == 74
    assert err.getvalue().startswith("eprom-distribution: error: cannot write the output")


def test_ctrl_c_in_process_is_130() -> None:
    class Interrupted(io.StringIO):
        def read(self, _size: int | None = -1) -> str:
            raise KeyboardInterrupt

    err = io.StringIO()
    code = main(["assess", "-"], environ={}, stdout=io.StringIO(), stderr=err, stdin=Interrupted())
    assert (code, err.getvalue()) == (130, "\n")
