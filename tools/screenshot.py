"""Take docs/support.png: the support page in headless Chromium, as the tests drive it.

Run ``python -m tools.screenshot`` after ``python -m tools.docgen`` when the page changes.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright
from tests.test_support_page import CHROMIUM, FLAGS

from tools.docgen import DOCS

CASE = "#rule=BasicOrPaper&available=krr_contact,paper&lang=nb&channel=4&status=Ordered"


def main() -> int:
    """Write the screenshot; return 0."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        page.goto((DOCS / "support.html").as_uri() + CASE)
        page.screenshot(path=str(DOCS / "support.png"), full_page=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
