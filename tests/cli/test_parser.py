"""The parser: every command has help with an example, and --version."""

from __future__ import annotations

import pytest

from tests.helpers.cli import run


@pytest.mark.parametrize(
    "command", ["decide", "explain", "rules", "matrix", "describe", "assess", "preflight"]
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example: eprom-distribution " + command in out


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("eprom-distribution ")
