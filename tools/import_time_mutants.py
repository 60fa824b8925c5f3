"""Check again, each in a fresh process, the mutants mutmut cannot judge: code run at import.

mutmut 3 imports the package once and forks a worker per mutant, so a function that runs while
a module is imported (the eligibility rule table, the decision table, the text checks) has
already run, unmutated, when the mutant is switched on. It also gives such a function the tests
of whichever test imported its module first, which seldom test it. Its mutants are reported
"survived" whatever the tests say.

This finds those functions (it imports every module of mutmut's copy with mutmut's hit counter
on), then runs each of their mutants in a new interpreter that imports the package with the
mutant already on: first the tests of the module's layer (``tests/patient`` for
``distribution.patient._rules``, ``tests/test_engine.py`` for ``distribution.engine``), and for
a mutant those do not kill, the whole suite. The exit code goes into mutmut's ``.meta`` file,
so ``mutmut results`` and ``docs/quality.md`` count it like any other. Run it after ``mutmut
run``, from the project root (``nox -s mutation`` does)::

    python -m tools.import_time_mutants --max-children 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from fnmatch import fnmatchcase
from pathlib import Path

MUTANTS = Path("mutants")
# The same selection as [tool.mutmut]'s pytest_add_cli_args, plus -x: the first failure kills.
PYTEST = (
    "-m",
    "pytest",
    "-x",
    "-q",
    "--no-cov",
    "-p",
    "no:cacheprovider",
    "-m",
    "not reads_source",
)
TIMEOUT = 36  # mutmut's exit code for a timeout
BROKE_IMPORT = 3  # pytest's "internal error", which mutmut counts as a kill
WHOLE_SUITE = ("tests", "docs", "src")  # [tool.mutmut]'s pytest_add_cli_args_test_selection
LIST_FUNCTIONS = """
import importlib, json, pkgutil
from mutmut.mutation.trampoline import set_mutant_under_test
from mutmut.state import state
set_mutant_under_test("stats")
import distribution
for module in pkgutil.walk_packages(distribution.__path__, "distribution."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
print(json.dumps(sorted(state()._stats)))
"""


def function_of(mutant: str) -> str:
    """Return the mangled function a mutant belongs to: ``a.b.x_f__mutmut_3`` → ``a.b.x_f``."""
    return mutant.rpartition("__mutmut_")[0]


def layer_tests(module: str, root: Path) -> str:
    """Return a module's layer tests under *root*: its subpackage's folder, or its test file."""
    parts = module.split(".")
    if len(parts) > 2 and (root / "tests" / parts[1]).is_dir():
        return f"tests/{parts[1]}"
    own = f"tests/test_{parts[-1].lstrip('_')}.py"
    return own if (root / own).is_file() else "tests"


def import_time_mutants(
    exit_codes_by_module: dict[str, dict[str, int | None]], functions: set[str]
) -> dict[str, list[str]]:
    """Return, by module, the mutants of a function run at import that mutmut did not kill.

    A mutant mutmut killed was killed: its tests failed with it switched on. One it reported
    survived, or did not check, is judged again.
    """
    found: dict[str, list[str]] = {}
    for module, codes in exit_codes_by_module.items():
        mutants = [
            name
            for name, code in codes.items()
            if function_of(name) in functions and code in {0, None}
        ]
        if mutants:
            found[module] = mutants
    return found


def _import_time_functions() -> set[str]:
    listed = subprocess.run(
        [sys.executable, "-c", LIST_FUNCTIONS],
        cwd=MUTANTS,
        env=_env(""),
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(listed.stdout.splitlines()[-1]))


def _env(mutant: str) -> dict[str, str]:
    return {**os.environ, "MUTANT_UNDER_TEST": mutant, "PYTHONPATH": "src"}


def _run(mutant: str, selection: tuple[str, ...], timeout: float) -> int:
    try:
        done = subprocess.run(
            [sys.executable, *PYTEST, *selection],
            cwd=MUTANTS,
            env=_env(mutant),
            capture_output=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return TIMEOUT
    # 2 (errors while collecting) and 4 (a conftest that cannot be imported): pytest stopped
    # before any test, because the mutant broke the package's import. That is a kill.
    return BROKE_IMPORT if done.returncode in {2, 4} else done.returncode


def _judge(mutant: str, module: str, timeout: float) -> int:
    """Return mutmut's exit code for a mutant: its layer's tests first, then the whole suite."""
    code = _run(mutant, (layer_tests(module, MUTANTS),), timeout)
    if code in {0, 5}:  # not killed, or no test collected there: the whole suite, as mutmut's
        code = _run(mutant, WHOLE_SUITE, timeout * 4)
    return code


def main(argv: list[str] | None = None) -> int:
    """Judge each mutant of a function run at import; write the verdicts into mutmut's files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", default=["*"], help="only the mutants matching these globs (all)"
    )
    parser.add_argument("--max-children", type=int, default=2, help="mutants run at once")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds for one run")
    args = parser.parse_args(argv)
    metas = {
        "distribution."
        + ".".join(meta.relative_to(MUTANTS / "src" / "distribution").parts).removesuffix(
            ".py.meta"
        ): meta
        for meta in sorted((MUTANTS / "src" / "distribution").rglob("*.py.meta"))
    }
    data = {module: json.loads(meta.read_text(encoding="utf-8")) for module, meta in metas.items()}
    found = import_time_mutants(
        {module: d["exit_code_by_key"] for module, d in data.items()}, _import_time_functions()
    )
    jobs = [
        (module, mutant)
        for module, mutants in found.items()
        for mutant in mutants
        if any(fnmatchcase(mutant, name) for name in args.names)
    ]
    print(f"{len(jobs)} mutants to judge in code run at import")
    with ThreadPoolExecutor(args.max_children) as pool:
        codes = pool.map(lambda job: _judge(job[1], job[0], args.timeout), jobs)
        for (module, mutant), code in zip(jobs, codes, strict=True):
            data[module]["exit_code_by_key"][mutant] = code
            # Written at once: a run stopped halfway keeps what it found.
            metas[module].write_text(json.dumps(data[module], indent=4), encoding="utf-8")
            print(f"{code:4} {mutant}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
