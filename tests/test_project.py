"""The project's contracts: README commands, CI script, public API, typing marker."""

from __future__ import annotations

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
