"""Private means a leading underscore: no module imports a helper another module keeps to itself.

A name one module imports from another is either in that module's ``__all__`` (its interface
within the library; what users may rely on is ``distribution.__all__``) or lives in a module
whose path has a ``_``-named part (``distribution._reading``, ``distribution.cli._files``).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.reads_source

SRC = Path(__file__).resolve().parents[1] / "src"


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module is not None
        and node.module.split(".")[0] == "distribution"
        for alias in node.names
    ]


def _breaches(module: str, name: str) -> bool:
    if any(part.startswith("_") for part in module.split(".")):
        return False
    source = importlib.import_module(module)
    if name in getattr(source, "__all__", ()):
        return False
    # A submodule imported by name (`from distribution.eprom import callbacks`) is no helper.
    is_package = hasattr(source, "__path__")
    return not (is_package and importlib.util.find_spec(f"{module}.{name}") is not None)


@pytest.mark.parametrize(
    "path",
    sorted((SRC / "distribution").rglob("*.py")),
    ids=lambda path: str(path.relative_to(SRC)),
)
def test_no_module_imports_a_name_another_module_keeps_private(path: Path) -> None:
    breaches = [
        f"from {module} import {name}" for module, name in _imports(path) if _breaches(module, name)
    ]
    assert breaches == []


def test_the_check_sees_a_breach() -> None:
    assert _breaches("distribution.engine", "_trusted")
    assert _breaches("distribution.presentation.decision", "_PAPER")
    assert not _breaches("distribution._reading", "check_keys")
    assert not _breaches("distribution.engine", "decide")
    assert not _breaches("distribution.eprom", "callbacks")
