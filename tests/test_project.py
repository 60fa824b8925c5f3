"""The project's contracts: README commands, CI script, public API, typing marker."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import distribution

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash|console)\n(.*?)\n```", readme, re.DOTALL)


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    commands = _readme_commands()
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def _nox_sessions() -> dict[str, list[str]]:
    """Return each session of noxfile.py and the Python versions it is parametrized over."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    constants = {
        target.id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value, ast.List)
    }
    sessions: dict[str, list[str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            if ast.unparse(target) == "nox.session":
                pythons = [k.value for k in call.keywords if k.arg == "python"] if call else []
                sessions[node.name] = (
                    constants[pythons[0].id] if pythons and isinstance(pythons[0], ast.Name) else []
                )
    return sessions


def test_every_nox_session_the_readme_names_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"nox -s ([\w.-]+)", readme)
    sessions = _nox_sessions()
    assert set(sessions) >= {"tests", "lint", "types", "docs", "browser", "mutation", "wheel"}
    assert sessions["tests"] == ["3.11", "3.12", "3.13"]
    assert named
    for name in named:
        session, _, python = name.partition("-")
        assert session in sessions, name
        assert python == "" or python in sessions[session], name


def test_readme_has_the_main_job_command() -> None:
    assert any("-m distribution" in c and "pytest" not in c for c in _readme_commands())


def test_public_api_is_listed_sorted_and_importable() -> None:
    names = distribution.__all__
    assert list(names) == sorted(names)
    for name in names:
        assert getattr(distribution, name) is not None


def test_version_comes_from_the_package_metadata() -> None:
    assert re.match(r"\d+\.\d+", distribution.__version__)


def test_py_typed_is_shipped() -> None:
    assert (Path(distribution.__file__).parent / "py.typed").exists()


def test_lazy_names_are_the_functions_not_their_modules() -> None:
    # A submodule import binds the module on the package; a name like `explain` must still be
    # the function, whichever was touched first.
    for module in pkgutil.walk_packages(distribution.__path__, "distribution."):
        if module.name != "distribution.__main__":  # running it would start the command line
            importlib.import_module(module.name)
    for name in distribution.__all__:
        value = getattr(distribution, name)
        assert not isinstance(value, type(distribution)), name
    assert "explain" in dir(distribution)
