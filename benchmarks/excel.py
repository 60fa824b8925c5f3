"""The audit of an Excel datadump, against a plain openpyxl read of the same workbook.

    python -m benchmarks.excel            # a datadump of 100,000 orders (about a minute)
    python -m benchmarks.excel --quick    # 5,000 orders, what CI runs so the script cannot rot

``audit FILE.xlsx`` reads a workbook in two steps: the checks of ``distribution.cli._excel``
(every part unpacked, its XML parsed, the sheet's cells counted, in Python's expat), then
python-calamine's read of the values. It is timed whole (checks, values and the audit) and
step by step, against openpyxl in read-only mode reading every row's values and doing nothing
else: the way the audit read workbooks before, and still the common way to read one. openpyxl
is the ``benchmark`` dependency group; without it that row is left out. Figures are the best
of a few rounds, in nanoseconds per row.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.make_workbook import datadump, workbook
from benchmarks.run import Row, best_ns_per_item, table
from distribution.cli._excel import _check, sheet
from distribution.mrs.audit import audit_table

if TYPE_CHECKING:
    from collections.abc import Callable


def _audit(path: Path) -> int:
    with contextlib.ExitStack() as stack:
        rows, _ = sheet(str(path), None, stack)
        return audit_table(rows).rows


def _checks(path: Path) -> None:
    with path.open("rb") as handle:
        _check(handle, str(path), None)


def _calamine(path: Path) -> None:
    calamine = importlib.import_module("python_calamine")
    with calamine.CalamineWorkbook.from_path(str(path)) as book:
        for _row in book.get_sheet_by_name("Bestillinger").iter_rows():
            pass


def _openpyxl(path: Path) -> None:
    openpyxl = importlib.import_module("openpyxl")
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for _row in book["Bestillinger"].iter_rows(values_only=True):
            pass
    finally:
        book.close()


def excel(n: int, rounds: int) -> list[Row]:
    """Time the audit of a datadump of *n* orders, whole and by step, and openpyxl's read."""
    with tempfile.TemporaryDirectory() as tmp:
        path = workbook(Path(tmp) / "datadump.xlsx", {"Bestillinger": datadump(n)})
        assert _audit(path) == n  # the figures are for a workbook the audit reads whole
        loops: dict[str, Callable[[], object]] = {
            "audit": lambda: _audit(path),
            "checks": lambda: _checks(path),
            "calamine": lambda: _calamine(path),
        }
        try:
            importlib.import_module("openpyxl")
        except ImportError:
            print("openpyxl is not installed: its row is left out", file=sys.stderr)
        else:
            loops["openpyxl"] = lambda: _openpyxl(path)
        best = best_ns_per_item(loops, n + 1, rounds)
        size = path.stat().st_size
    baseline = best.get("openpyxl")
    rows = [
        Row(
            f"`audit` of a {n:,}-row .xlsx datadump ({size / 1e6:.1f} MB)",
            best["audit"],
            "openpyxl, read-only, values only" if baseline else "",
            None if baseline is None else best["audit"] / baseline,
            "checks, calamine's read and the audit",
        ),
        Row(
            "… its checks (expat; a plain sheet searched in C)",
            best["checks"],
            note="bounds what calamine gets",
        ),
        Row("… calamine's read of the values", best["calamine"]),
    ]
    if baseline is not None:
        rows.append(Row("openpyxl, read-only, values only", baseline, note="reads, no audit"))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="5,000 orders, one round (CI)")
    parser.add_argument("--rows", type=int, help="orders in the datadump (default 100,000)")
    args = parser.parse_args(argv)
    n = args.rows or (5_000 if args.quick else 100_000)
    print(table(excel(n, 1 if args.quick else 3)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
