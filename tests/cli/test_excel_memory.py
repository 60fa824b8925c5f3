"""The Excel limits hold in a process that may not take more memory than 1 GiB.

Each test runs the command line in a child process whose address space is limited
(``RLIMIT_AS``): a workbook that would need more ends it, unless the checks refuse it first.
Nothing is timed; a canary shows the limit bites.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from benchmarks.make_workbook import datadump, workbook

from tests.cli.test_excel import _MIB, bomb, with_sheet

if TYPE_CHECKING:
    from pathlib import Path

_MEMORY = 1024 * _MIB  # address space for the whole process: Python, calamine and the file


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY, _MEMORY))


def _run_limited(*code: str) -> subprocess.CompletedProcess[str]:
    """Run this interpreter with *code* as its arguments, in at most 1 GiB of address space."""
    # preexec_fn: the limit is set in the child, before it runs; the tests start no threads.
    return subprocess.run(
        [sys.executable, *code],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_limited,
        env={**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
    )


_CORNERS = (
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
)


def test_canary_calamine_alone_cannot_read_two_cells_far_apart_in_the_limit(
    tmp_path: Path,
) -> None:
    """Proves the limit bites: unchecked, a 2 KB workbook ends the process (550 GB asked)."""
    path = with_sheet(tmp_path / "d.xlsx", _CORNERS)
    script = (
        "import sys, python_calamine; "
        "python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Bestillinger')"
    )
    done = _run_limited("-c", script, str(path))
    assert done.returncode != 0
    assert "memory allocation" in done.stderr


@pytest.mark.parametrize("kind", ["corners", "bomb", "lie"])
def test_hostile_workbooks_are_refused_within_the_memory_limit(tmp_path: Path, kind: str) -> None:
    if kind == "corners":
        path = with_sheet(tmp_path / "d.xlsx", _CORNERS)
        needle = "past the limit of 64 cells per row"
    elif kind == "bomb":
        path = bomb(tmp_path)  # 2 GiB of shared texts: twice the process's whole memory
        needle = "more than the limit of 268,435,456 bytes"
    else:
        path = bomb(tmp_path, claimed=1024)
        needle = "ZIP container is damaged"
    done = _run_limited("-m", "distribution", "audit", str(path), "--lang", "en")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1, done.stderr
    assert needle in done.stderr


def test_a_real_datadump_is_read_within_the_memory_limit(tmp_path: Path) -> None:
    path = workbook(tmp_path / "d.xlsx", {"Bestillinger": datadump(20_000)})
    done = _run_limited("-m", "distribution", "audit", str(path), "--json")
    assert (done.returncode, done.stderr) == (0, "")
    assert '"rows": 20000' in done.stdout
