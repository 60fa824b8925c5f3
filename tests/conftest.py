"""Hypothesis profiles, and the browser the support page's tests share.

No deadlines (CI machines are slow and shared). CI runs more examples, derandomized: the same
examples every run, so a green main stays green
and the 100 % coverage gate cannot flicker. Local runs stay random and keep exploring. The
mutation run (``nox -s mutation``) runs the tests once per mutant: it asks for the "mutation"
profile through ``EPROM_HYPOTHESIS_PROFILE``, few derandomized examples, so a mutant's verdict is
the same every run and ten thousand of them finish in an afternoon.
"""

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, Page

from tests.helpers.browser import launch_browser, open_page

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=300,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "mutation",
    deadline=None,
    max_examples=25,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("EPROM_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium, one per test module (tests/helpers/browser.py)."""
    yield from launch_browser()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """The support page, fresh for each test."""
    yield from open_page(browser)
