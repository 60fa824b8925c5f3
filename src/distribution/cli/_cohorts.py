"""The commands that read a table of many rows: simulate (a cohort) and audit (MRS's datadump).

One reason to change: what these two commands take and print. Both stream their file, never
holding it whole, and draw a progress bar when standard error is a terminal.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Final

from distribution._error_texts import ERRORS
from distribution._errors import InvalidValueError, mask_personal
from distribution.cli._context import PROG
from distribution.cli._excel import sheet
from distribution.cli._files import (
    bar,
    cannot_read,
    csv_table,
    drawn,
    open_table,
    open_text,
    progress_bar,
    release,
    size,
)
from distribution.cli._plot import plot_writer
from distribution.cli._texts import SIMULATE
from distribution.cli._values import items
from distribution.codes import DistributionRule
from distribution.cohorts import CsvCohort, simulate
from distribution.csv_cohort import MISSING_CHOICES
from distribution.mrs.audit import audit, datadump_rows
from distribution.presentation.audit import explain_audit
from distribution.presentation.simulation import SIMULATION_FORMATS, simulation

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping
    from typing import TextIO

    from distribution._error_texts import ErrorKey
    from distribution.cli._context import Adder, Context
    from distribution.cohorts import Simulation

_EXCEL: Final = (".xlsx", ".xlsm")
_WHOLE: Final = 100  # per cent


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
    sub.add_argument("--missing", choices=MISSING_CHOICES, default="error", help=say["missing"])
    sub.add_argument("--skip-bad", action="store_true", help=say["skip_bad"])
    sub.add_argument("--max-skipped", default="1%", metavar="N|N%", help=say["max_skipped"])
    sub.add_argument("--by", action="append", default=[], metavar=say["mv_column"], help=say["by"])
    sub.add_argument("--plot", metavar="FILE.svg|FILE.png", help=say["plot"])
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


def _max_skipped(value: str, rows: int) -> int:
    """Return how many rows ``--max-skipped`` lets be skipped out of *rows* read."""
    text = value.strip()
    share = _number(text[:-1]) if text.endswith("%") else None
    if share is not None and share <= _WHOLE:
        return int(rows * share / _WHOLE)
    count = _number(text) if share is None else None
    if count is not None and count == int(count):
        return int(count)
    raise InvalidValueError(
        "unknown_code", value=value, field="--max-skipped", choices=("1%", "0.5%", "100")
    )


def _number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number >= 0 and number == number else None  # noqa: PLR0124  # NaN


def _simulate(args: argparse.Namespace, context: Context) -> int:
    rules = None if args.rules is None else [DistributionRule.parse(r) for r in items(args.rules)]
    _max_skipped(args.max_skipped, 0)  # a bad value fails before the file is read
    draw = plot_writer(args.plot) if args.plot is not None else None
    err = context.err
    handle = open_table(args.file, args.encoding, context.stdin)
    try:
        cohort = CsvCohort(
            handle,
            name=args.file,
            skip_bad=args.skip_bad,
            delimiter=args.delimiter,
            missing=args.missing,
            by=args.by,
            progress=progress_bar(handle, err) if err.isatty() and args.file != "-" else None,
        )
        try:
            result = simulate(cohort, rules)
        except UnicodeError:  # also UTF-16 without its byte-order mark, inside a gzip file
            shown = "UTF-8" if args.encoding == "utf-8-sig" else args.encoding
            raise InvalidValueError(
                "csv_encoding", value=None, field=args.file, encoding=shown, choices=("cp1252",)
            ) from None
        except (OSError, EOFError) as error:  # the disk failed, or a gzip file is cut short
            raise cannot_read(args.file, error) from None
    finally:
        release(handle, args.file, context.stdin)
    if cohort.skipped:
        key: ErrorKey = "csv_skipped_one" if cohort.skipped == 1 else "csv_skipped"
        notice = ERRORS[args.lang][key].format(
            field=args.file,
            count=cohort.skipped,
            rows="; ".join(row.describe(lang=args.lang) for row in cohort.bad_rows),
        )
        err.write(f"{PROG}: {notice}\n")
    context.out.write(simulation(result, args.format, lang=args.lang))
    if draw is not None:
        draw(result, args.lang)
    return _verdict(args, result, err)


def _verdict(args: argparse.Namespace, result: Simulation, err: TextIO) -> int:
    """Return 1 (and say why) if the figures leave out too many rows to be trusted."""
    read = result.patients + result.skipped + result.incomplete
    say = SIMULATE[args.lang]
    if not result.patients and (result.skipped or result.incomplete):
        err.write(f"{PROG}: {say['skipped_all'].format(file=args.file)}\n")
        return 1
    if result.skipped > _max_skipped(args.max_skipped, read):
        notice = say["skipped_too_many"].format(
            file=args.file, skipped=result.skipped, rows=read, limit=args.max_skipped
        )
        err.write(f"{PROG}: {notice}\n")
        return 1
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
