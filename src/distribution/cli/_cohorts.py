"""The commands that read a table of many rows: simulate (a cohort) and audit (MRS's datadump).

One reason to change: what these two commands take and print. Both stream their file, never
holding it whole, and draw a progress bar when standard error is a terminal.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Final

from distribution._errors import InvalidValueError, mask_personal
from distribution._texts import ERRORS
from distribution.cli._context import PROG
from distribution.cli._files import (
    bar,
    cannot_read,
    csv_table,
    drawn,
    open_text,
    progress_bar,
    sheet,
    size,
)
from distribution.cli._values import items
from distribution.codes import DistributionRule
from distribution.cohorts import CsvCohort, simulate
from distribution.mrs.audit import audit, datadump_rows
from distribution.presentation.audit import explain_audit
from distribution.presentation.tables import SIMULATION_FORMATS, simulation

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from distribution._texts import ErrorKey
    from distribution.cli._context import Adder, Context

_EXCEL: Final = (".xlsx", ".xlsm")


def add_simulate(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``simulate``."""
    sub = add(
        "simulate",
        "simulate pasienter.csv --rules Basic,BasicOrPaper --format markdown",
        _simulate,
    )
    sub.add_argument("file", metavar=say["mv_csv"], help=say["cohort_file"])
    sub.add_argument("--rules", "--regler", metavar=say["mv_list"], help=say["rules_list"])
    sub.add_argument("--format", choices=SIMULATION_FORMATS, default="text", help=say["format"])
    sub.add_argument("--skip-bad", action="store_true", help=say["skip_bad"])
    sub.add_argument("--delimiter", choices=(",", ";", "\t"), help=say["delimiter"])
    sub.add_argument("--encoding", default="utf-8-sig", help=say["encoding"])


def add_audit(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``audit``."""
    sub = add("audit", "audit bestillinger.xlsx --lang nb", _audit)
    sub.add_argument("file", metavar=say["mv_file"], help=say["datadump"])
    sub.add_argument("--sheet", "--ark", metavar=say["mv_name"], help=say["sheet"])
    sub.add_argument("--json", action="store_true", help=say["json"])
    sub.add_argument("--delimiter", choices=(",", ";", "\t"), help=say["delimiter"])
    sub.add_argument("--encoding", default="utf-8-sig", help=say["encoding"])


def _simulate(args: argparse.Namespace, context: Context) -> int:
    rules = None if args.rules is None else [DistributionRule.parse(r) for r in items(args.rules)]
    with open_text(args.file, args.encoding) as handle:
        err = context.err
        cohort = CsvCohort(
            handle,
            name=args.file,
            skip_bad=args.skip_bad,
            delimiter=args.delimiter,
            progress=progress_bar(handle, err) if err.isatty() else None,
        )
        try:
            result = simulate(cohort, rules)
        except UnicodeDecodeError:
            shown = "UTF-8" if args.encoding == "utf-8-sig" else args.encoding
            raise InvalidValueError(
                "csv_encoding", value=None, field=args.file, encoding=shown, choices=("cp1252",)
            ) from None
        except OSError as error:  # the disk failed while reading
            raise cannot_read(args.file, error) from None
    if cohort.skipped:
        key: ErrorKey = "csv_skipped_one" if cohort.skipped == 1 else "csv_skipped"
        notice = ERRORS[args.lang][key].format(
            field=args.file,
            count=cohort.skipped,
            rows="; ".join(row.describe(lang=args.lang) for row in cohort.bad_rows),
        )
        err.write(f"{PROG}: {notice}\n")
    context.out.write(simulation(result, args.format, lang=args.lang))
    return 0


def _audit(args: argparse.Namespace, context: Context) -> int:
    name = mask_personal(args.file)
    excel = args.file.lower().endswith(_EXCEL)
    with contextlib.ExitStack() as stack:
        if excel:
            table, total = sheet(args.file, args.sheet, stack)
        else:
            if args.sheet is not None:
                raise InvalidValueError("sheet_not_excel", value=args.sheet, field="--sheet")
            handle = stack.enter_context(open_text(args.file, args.encoding))
            table, total = csv_table(handle, args.file, args.delimiter), size(handle)
        if context.err.isatty():
            table = drawn(table, bar(total, context.err), by_bytes=total > 0 and not excel)
        result = audit(datadump_rows(table, name=name), name=name)
    if args.json:
        context.out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        context.out.write(explain_audit(result, lang=args.lang) + "\n")
    return 1 if result.needs_attention else 0
