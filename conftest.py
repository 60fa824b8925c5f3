"""Collect every ``>>>`` example in ``docs/*.md``, ``README.md`` and the library's docstrings.

Sybil runs them as tests, so an example that stops matching the code fails the suite. The
``fake_eprom`` fixture is loaded here, under coverage (pyproject.toml says why).

An example is a test of its own, but it reads the names the examples before it made. When only
some are chosen (``pytest 'src/distribution/mrs/audit.py::sybil:docstrings,line:189,column:1'``,
or mutmut, which runs the tests that reach a mutant, in its own order), an example that does not
follow the one run last in its file has the examples before it run first, in order: a chosen
example fails only when the code fails it.

A module of the package named on the command line holds examples, not tests: pytest would
import it from ``src/`` as a test module, and from an unpacked sdist, with the wheel installed,
that copy is not the one ``distribution`` imports. Only Sybil collects it.
"""

from collections.abc import Iterator
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

pytest_plugins = ["distribution.http.pytest_plugin", "pytester"]

pytest_collect_file = (
    Sybil(
        parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS), SkipParser()],
        patterns=["docs/*.md", "README.md"],
        name="docs",
    )
    + Sybil(
        parsers=[DocTestParser(optionflags=_FLAGS)],
        patterns=["src/distribution/*.py", "src/distribution/**/*.py"],
        name="docstrings",
    )
).pytest()


_SOURCE = Path(__file__).parent / "src"


class _Examples(pytest.Module):
    """A module of the package, named on the command line: no tests in it, only Sybil's examples."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        return iter(())


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(
    module_path: Path, parent: pytest.Collector
) -> pytest.Module | None:
    """Keep pytest from importing a module of the package as a test module."""
    if module_path.is_relative_to(_SOURCE):
        return _Examples.from_parent(parent, path=module_path)
    return None


_LAST: dict[str, int] = {}  # by document path: where the example that ran last starts


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    """Run the examples before a chosen example unless it follows the last one run."""
    example = getattr(item, "example", None)
    if example is None:  # not a Sybil example
        return
    earlier = []
    for other in example.document.examples():
        if other.start >= example.start:
            break
        earlier.append(other)
    if earlier and _LAST.get(example.path) != earlier[-1].start:
        for other in earlier:  # in order, from the first: later ones may have changed a name
            other.evaluate()
    _LAST[example.path] = example.start
