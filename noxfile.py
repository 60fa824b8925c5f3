"""The project's development sessions: ``nox -s NAME`` runs one, ``nox -l`` lists them.

Each session makes its own virtualenv under ``.nox/`` and installs the package with the
dependency groups of pyproject.toml (``[dependency-groups]``) that it needs, so a session tests
what that list says and nothing a developer happened to install. ``nox`` alone runs the default
sessions: the test suite on every supported CPython, the linters, mypy, the generated docs and
the built packages. ``.ci/run`` runs the README's test command and then the sessions it does
not cover. Arguments after ``--`` go to the session's main tool, e.g.
``nox -s tests-3.12 -- tests/test_engine.py --no-cov``.

A session's interpreter must exist (``python3.12`` on PATH, or a pyenv install): a missing one
fails the session rather than skipping it or downloading a build.
"""

from __future__ import annotations

import fnmatch
import tarfile
import tempfile
import zipfile
from pathlib import Path

import nox

nox.needs_version = ">=2025.10.14"  # --download-python
nox.options.download_python = "never"
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHONS = ["3.11", "3.12", "3.13"]
PYTEST = ("python", "-m", "pytest", "-p", "no:cacheprovider")
# Written by `python -m tools.docgen`: the generated parts of docs/ and the package's data files.
GENERATED = ("docs", "src/distribution/data")


def _install(session: nox.Session, *groups: str) -> None:
    """Install the package, editable, with the named dependency groups."""
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, *groups))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite with the 100 % branch-coverage gate on each supported CPython."""
    _install(session, "test", "benchmark")  # benchmark: the Excel benchmark's openpyxl row
    session.run(*PYTEST, *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check the code with ruff (rules and format) and the layer contracts with import-linter."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")


@nox.session
def types(session: nox.Session) -> None:
    """Type-check the package, the tests, the tools and this file with mypy --strict."""
    _install(session, "types")
    session.run("mypy", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Regenerate the generated docs; fail when that changed what git has.

    Changes already in the working tree before the session are left out of the judgement, so a
    hand edit in progress does not fail it; on a clean checkout any difference does.
    """
    _install(session)
    diff = ("git", "diff", "--no-ext-diff", "--binary", "--", *GENERATED)
    before = session.run(*diff, external=True, silent=True)
    session.run("python", "-m", "tools.docgen")
    after = session.run(*diff, external=True, silent=True)
    if after != before:
        session.run("git", "diff", "--stat", "--", *GENERATED, external=True)
        session.error(
            "the generated docs were stale and have been rewritten (see git diff); commit them"
        )


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Run the support page's tests alone, in headless Chromium (Debian's /usr/bin/chromium)."""
    _install(session, "test")
    # CI set: a missing Chromium fails these tests instead of skipping them.
    session.run(
        *PYTEST, "--no-cov", "tests/test_support_page.py", *session.posargs, env={"CI": "true"}
    )


@nox.session(default=False)
def mutation(session: nox.Session) -> None:
    """Mutate every module of the package with mutmut ([tool.mutmut]): the longest session.

    mutmut cannot judge a mutant in code run at import (it imports the package once), so
    tools/import_time_mutants.py judges those again, each in a fresh interpreter.
    """
    _install(session, "test", "mutation")
    session.env["EPROM_HYPOTHESIS_PROFILE"] = "mutation"  # tests/conftest.py
    session.run("mutmut", "run", "--max-children", "2", *session.posargs)
    session.run(
        "python", "-m", "tools.import_time_mutants", "--max-children", "2", *session.posargs
    )
    session.run("mutmut", "results")


@nox.session(default=False)
def benchmarks(session: nox.Session) -> None:
    """Run the benchmarks in quick mode and print them (docs/performance.md is left alone)."""
    _install(session, "test", "benchmark")
    session.run("python", "-m", "benchmarks.run", "--quick", "--no-write", *session.posargs)
    session.run("python", "-m", "benchmarks.excel", "--quick")


@nox.session
def wheel(session: nox.Session) -> None:
    """Build the sdist, then the wheel from it; test the installed wheel from the unpacked sdist.

    Without --sdist/--wheel, build makes the wheel from the unpacked sdist, so a file missing
    from the sdist breaks the wheel here rather than for a user.
    """
    session.install("build")
    with tempfile.TemporaryDirectory(prefix="eprom-wheel-") as tmp:
        work = Path(tmp)
        session.run("python", "-m", "build", "--outdir", str(work / "dist"), ".")
        sdists = sorted((work / "dist").glob("*.tar.gz"))
        wheels = sorted((work / "dist").glob("*.whl"))
        if len(sdists) != 1 or len(wheels) != 1:
            session.error(f"expected one sdist and one wheel, got {sdists + wheels}")
        with zipfile.ZipFile(wheels[0]) as built:
            wheel_files = sorted(built.namelist())
        session.log("wheel files:\n  " + "\n  ".join(wheel_files))
        with tarfile.open(sdists[0]) as archive:
            archive.extractall(work / "sdist", filter="data")
        (sdist_dir,) = (work / "sdist").iterdir()
        _check_wheel(session, wheel_files, sdist_dir)
        _check_sdist(session, sdist_dir)
        session.install(str(wheels[0]), *nox.project.dependency_groups(PYPROJECT, "test"))
        with session.chdir(sdist_dir):
            where = session.run(
                "python", "-c", "import distribution; print(distribution.__file__)", silent=True
            )
            site = session.run(
                "python",
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                silent=True,
            )
            imported, purelib = Path(str(where).strip()), Path(str(site).strip())
            session.log(f"distribution imported from {imported}")
            if not imported.is_relative_to(purelib / "distribution"):
                session.error(f"distribution was imported from {imported}, not the wheel")
            session.run(*PYTEST, *session.posargs)


def _check_wheel(session: nox.Session, wheel_files: list[str], sdist_dir: Path) -> None:
    """Fail unless the wheel holds the package, its typing marker, data and licence, only."""

    def has(pattern: str) -> bool:
        return any(fnmatch.fnmatchcase(name, pattern) for name in wheel_files)

    if not has("distribution/py.typed"):
        session.error("the wheel has no distribution/py.typed")
    if not has("*.dist-info/licenses/LICENSE"):
        session.error("the wheel has no .dist-info/licenses/LICENSE")
    if has("*_docgen*"):
        session.error("the wheel ships the docs generator; it belongs in tools/, in the sdist")
    # Files the package reads at run time; add a line here for any new kind of data file.
    if not has("distribution/data/*.json"):
        session.error("the wheel has no distribution/data/*.json")
    # The package, the console script's module beside it (src/_eprom_distribution.py says why),
    # and the metadata; the check below proves each file of src/ is there.
    allowed = ("distribution/*", "_eprom_distribution.py", "eprom_distribution-*.dist-info/*")
    for name in wheel_files:
        if not any(fnmatch.fnmatchcase(name, pattern) for pattern in allowed):
            session.error(f"the wheel holds {name}, outside the package and its .dist-info")
    # Every file of the package in the sdist (modules, py.typed, data) is in the wheel too.
    for path in sorted((sdist_dir / "src").rglob("*")):
        name = path.relative_to(sdist_dir / "src").as_posix()
        if path.is_file() and name not in wheel_files:
            session.error(f"src/{name} is in the sdist but not in the wheel")


def _check_sdist(session: nox.Session, sdist_dir: Path) -> None:
    """Fail unless the sdist has what the test suite needs from a checkout."""
    needed = (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "conftest.py",
        "noxfile.py",
        ".ci/run",
        "src",
        "tests",
        "docs",
        "benchmarks",
        "tools",
    )
    for name in needed:
        if (ROOT / name).exists() and not (sdist_dir / name).exists():
            session.error(f"the sdist has no {name}")
