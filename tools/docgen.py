"""Regenerate the generated parts of ``docs/`` and the package's data files (a developer tool).

Run ``python -m tools.docgen`` from the repository after changing the rules or their texts;
``--check`` exits 1 when a committed file differs from what the code generates (the test suite
does the same check, so drift fails CI). Generated blocks sit between ``<!-- generated:NAME -->``
and ``<!-- /generated:NAME -->`` markers; the prose around them is written by hand. The decision
matrix is written twice, to ``docs/`` and to ``src/distribution/data/`` (shipped in the wheel);
the wire format's JSON Schema is written by hand in the package and copied to ``docs/``.

Not shipped in the wheel: it writes into a source tree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from distribution.codes import DistributionRule
from distribution.presentation.tables import flowchart, matrix, rules_table
from tools import support_page

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DATA = ROOT / "src" / "distribution" / "data"


def _flowcharts() -> str:
    return (
        "".join(
            f"### {rule.value} {rule.api_name}\n\n```mermaid\n{flowchart(rule)}```\n\n"
            for rule in DistributionRule
        ).rstrip("\n")
        + "\n"
    )


BLOCKS = {
    "rules.md": {
        "rules-table": lambda: rules_table("en", markdown=True),
        "flowcharts": _flowcharts,
    },
    "decision-matrix.md": {"matrix": lambda: matrix("markdown")},
}
WHOLE_FILES = {
    "support.html": support_page.build,
    "decision-matrix.json": lambda: matrix("json"),
    "decision-matrix.csv": lambda: matrix("csv"),
    "decision.schema.json": lambda: (DATA / "decision.schema.json").read_text(encoding="utf-8"),
}
DATA_FILES = ("decision-matrix.json", "decision-matrix.csv")


def _fill(text: str, name: str, content: str) -> str:
    pattern = re.compile(
        rf"(<!-- generated:{name} -->\n).*?(<!-- /generated:{name} -->)", re.DOTALL
    )
    if not pattern.search(text):
        message = f"marker generated:{name} not found"
        raise LookupError(message)
    return pattern.sub(lambda m: m.group(1) + content + m.group(2), text)


def expected(docs: Path = DOCS, data: Path = DATA) -> dict[Path, str]:
    """Return every generated file's path and the content it should have."""
    files = {}
    for filename, blocks in BLOCKS.items():
        text = (docs / filename).read_text(encoding="utf-8")
        for name, render in blocks.items():
            text = _fill(text, name, render())
        files[docs / filename] = text
    for filename, render in WHOLE_FILES.items():
        files[docs / filename] = render()
        if filename in DATA_FILES:
            files[data / filename] = files[docs / filename]
    return files


def main(argv: list[str]) -> int:
    """Write the generated docs, or with ``--check`` report which ones are stale."""
    stale = [
        path
        for path, text in expected().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if "--check" in argv:
        for path in stale:
            sys.stderr.write(f"stale: {path} (run python -m tools.docgen)\n")
        return 1 if stale else 0
    for path, text in expected().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
