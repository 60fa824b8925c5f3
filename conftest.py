"""Collect every ``>>>`` example in ``docs/*.md``, ``README.md`` and the library's docstrings.

Sybil runs them as tests, so an example that stops matching the code fails the suite. The
``fake_eprom`` fixture is loaded here, under coverage (pyproject.toml says why).

An example is a test of its own, but it reads the names the examples before it made. When only
some are chosen (``pytest 'src/distribution/mrs/audit.py::sybil:docstrings,line:189,column:1'``,
or mutmut, which runs the tests that reach a mutant), the examples before each chosen one that
have not run are run first, in order: a chosen example fails only when the code fails it.
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

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


_RAN: dict[str, set[int]] = {}  # by document path: where the examples that ran start


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    """Run the examples before a chosen example that have not run (see the docstring)."""
    example = getattr(item, "example", None)
    if example is None:  # not a Sybil example
        return
    ran = _RAN.setdefault(example.path, set())
    for earlier in example.document.examples():
        if earlier.start >= example.start:
            break
        if earlier.start not in ran:
            ran.add(earlier.start)
            earlier.evaluate()
    ran.add(example.start)
