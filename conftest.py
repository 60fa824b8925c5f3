"""Collect every ``>>>`` example in ``docs/*.md``, ``README.md`` and the library's docstrings.

Sybil runs them as tests, so an example that stops matching the code fails the suite. The
``fake_eprom`` fixture is loaded here, under coverage (pyproject.toml says why).
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

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
