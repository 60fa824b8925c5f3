"""The package's layers: the folders hold them and import-linter's contracts keep them.

The contracts live in pyproject.toml (``[tool.importlinter]``); the README's test command runs
``lint-imports``. These tests prove the contracts bite: a copy of the package with one import
that crosses a layer the wrong way fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.reads_source

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(src: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=src.parent,
    )


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
    path = src / "distribution" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("config") / "pyproject.toml"
    shutil.copy(ROOT / "pyproject.toml", copy)
    return copy


def _contract(contract_id: str) -> dict[str, list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == contract_id)


def test_the_core_contract_names_every_module_of_the_core() -> None:
    # The core is the package's top-level modules; a new one must join the contracts.
    core = {
        f"distribution.{path.stem}"
        for path in (ROOT / "src" / "distribution").glob("*.py")
        if path.stem not in {"__init__", "__main__"}
    }
    assert set(_contract("core")["source_modules"]) == core
    layers = {"distribution.patient", "distribution.eprom", "distribution.mrs"}
    layers |= {"distribution.presentation", "distribution.fake"}
    assert set(_contract("network")["source_modules"]) == core | layers
    assert core - {"distribution.resources"} <= set(_contract("pure")["source_modules"])


def test_the_package_keeps_its_layers(tmp_path: Path, config: Path) -> None:
    result = _lint(_copy_with(tmp_path, "codes.py", "# nothing added"), config)
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("codes.py", "import distribution.patient.facts", "The core imports no layer above it"),
        ("engine.py", "import distribution.cli", "The core imports no layer above it"),
        ("patient/krr.py", "import distribution.eprom.callbacks", "Layers"),
        ("eprom/callbacks.py", "import distribution.mrs.audit", "Layers"),
        ("mrs/audit.py", "import distribution.presentation.tables", "Layers"),
        ("presentation/tables.py", "import distribution.cli", "Layers"),
        ("eprom/reconciliation.py", "import socket", "does I/O"),
        ("fake/machine.py", "import socket", "does I/O"),
        ("fake/machine.py", "import threading", "does I/O"),
        ("fake/directory.py", "import distribution.presentation.tables", "explanations"),
        ("fake/directory.py", "import distribution.http", "Layers"),
        ("eprom/callbacks.py", "import distribution.fake", "Layers"),
        ("codes.py", "import distribution.http", "The core imports no layer above it"),
        ("sql.py", "import distribution.http.server", "Nothing but the command line"),
        ("fake/machine.py", "import distribution.http.server", "Nothing but the command line"),
    ],
)
def test_an_import_across_a_layer_breaks_a_contract(
    tmp_path: Path, config: Path, module: str, line: str, contract: str
) -> None:
    result = _lint(_copy_with(tmp_path, module, line), config)
    assert result.returncode == 1, result.stdout
    broken = [row for row in result.stdout.splitlines() if row.rstrip().endswith("BROKEN")]
    assert any(contract in row for row in broken), result.stdout
