"""docs/fake-eprom.md: the loop in five commands prints what the page shows, and the ten-line
test with the fixture passes as a registry's suite would run it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "fake-eprom.md").read_text(encoding="utf-8")


def block(language: str, containing: str) -> str:
    found = [b for b in re.findall(rf"```{language}\n(.*?)```", PAGE, re.DOTALL) if containing in b]
    assert len(found) == 1, containing
    return str(found[0])


@pytest.mark.skipif(
    shutil.which("curl") is None, reason="the page's loop sends its order with curl"
)
def test_the_loop_in_five_commands_prints_what_the_page_shows(tmp_path: Path) -> None:
    script = block("sh", "fake-eprom")
    assert len(script.splitlines()) == 5
    examples = tmp_path / "docs" / "examples"
    examples.mkdir(parents=True)
    for name in ("fake-patients.json", "formorder.json"):
        shutil.copy(ROOT / "docs" / "examples" / name, examples / name)
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "-c", script],  # noqa: S607  # the shell the page's commands are written for
        cwd=tmp_path,
        env={**os.environ, "PATH": path, "NO_PROXY": "127.0.0.1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == block("text", "Orders and messages")
    assert "s3cret" not in done.stderr
    assert "26670271527" not in done.stderr


def test_the_ten_line_test_with_the_fixture_passes(pytester: pytest.Pytester) -> None:
    test = block("python", "def test_an_order_reaches_helsenorge")
    body = test[test.index("def test_") :].strip().splitlines()
    assert len(body) <= 10
    pytester.makepyfile(test)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
