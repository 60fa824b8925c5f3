"""Take docs/support.png: the support page in headless Chromium, as the tests drive it.

Run ``python -m tools.screenshot`` after ``python -m tools.docgen`` when the page changes.

The page shows its own address (the link to the case on screen), so it is not opened from a
file: a ``file://`` address would put the path of the machine that took the picture into the
picture. Chromium is given the page at a fixed local address instead, the one
``python -m http.server --bind 127.0.0.1 --directory docs`` would serve it from; the script
answers that request itself, so no port is opened and the picture is the same on every machine.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from playwright.sync_api import sync_playwright
from tests.helpers.browser import CHROMIUM, FLAGS

from tools.docgen import DOCS

if TYPE_CHECKING:
    from playwright.sync_api import Route

ADDRESS = "http://127.0.0.1:8000/support.html"
CASE = "#rule=BasicOrPaper&available=krr_contact,paper&lang=nb&channel=4&status=Ordered"


def _serve(route: Route) -> None:
    route.fulfill(
        status=200,
        content_type="text/html; charset=utf-8",
        body=(DOCS / "support.html").read_bytes(),
    )


def main() -> int:
    """Write the screenshot; return 0."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        page.route(ADDRESS, _serve)
        page.goto(ADDRESS + CASE)
        page.screenshot(path=str(DOCS / "support.png"), full_page=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
