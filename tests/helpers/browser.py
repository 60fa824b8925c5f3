"""Headless Chromium for the support page's tests, and the page they open.

Debian's Chromium, driven by Playwright's Python client (no browser download). CI installs the
browser and these tests never skip there (a missing browser fails the run).
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import sync_playwright
from tools.docgen import DOCS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

PAGE = DOCS / "support.html"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# As this machine's closed network needs: no background traffic, no first-run chatter.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_browser() -> Iterator[Browser]:
    """Yield a headless Chromium; skip (fail under CI) when there is none."""
    if not os.path.exists(CHROMIUM):  # noqa: PTH110  # a path string from the environment
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not installed at {CHROMIUM}; .ci/run installs it")
        pytest.skip(
            f"no Chromium at {CHROMIUM} (CI installs it; locally: apt-get install chromium)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def open_page(browser: Browser) -> Iterator[Page]:
    """Yield the page, opened from its file; afterwards, no script error and no network."""
    opened = browser.new_page()
    requests: list[str] = []
    opened.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(PAGE.as_uri())
    yield opened
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests  # nothing from a network
    opened.close()
