"""The commands that read a table of many rows: simulate (a cohort) and audit (MRS's datadump).

One reason to change: what these two commands take and print. Both stream their file, never
holding it whole, and draw a progress bar when standard error is a terminal.
"""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path
from typing import TYPE_CHECKING, Final

from distribution._error_texts import ERRORS
from distribution._errors import InvalidValueError, mask_personal
from distribution.cli import _files
from distribution.cli._context import PROG
from distribution.cli._excel import sheet
from distribution.cli._files import (
    cannot_read,
    open_table,
    open_text,
    release,
)
from distribution.cli._plot import audit_plot_writer, plot_writer
from distribution.cli._progress import file_bar, row_bar, ticking
from distribution.cli._texts import SIMULATE
from distribution.cli._values import items
from distribution.codes import DistributionRule
from distribution.cohorts import CsvCohort, simulate
from distribution.csv_cohort import MISSING_CHOICES
from distribution.mrs.audit import (
    ANOMALY_COLUMNS,
    AuditAnomaly,
    AuditKind,
    audit_csv,
    audit_table,
)
from distribution.presentation.audit import AUDIT_FORMATS, audit_report
from distribution.presentation.simulation import SIMULATION_FORMATS, simulation

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping, Sequence
    from typing import TextIO

    from distribution._describable import Describable
    from distribution._error_texts import ErrorKey
    from distribution._texts import Lang
    from distribution.cli._context import Adder, Context

_EXCEL: Final = (".xlsx", ".xlsm")
_WHOLE: Final = 100  # per cent
_REPORTED: Final = 5  # bad rows named on standard error


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
    sub.add_argument("--format", choices=AUDIT_FORMATS, default="text", help=say["format"])
    sub.add_argument("--json", action="store_true", help=say["audit_json"])
    sub.add_argument("--by", action="append", default=[], metavar=say["mv_column"], help=say["by"])
    sub.add_argument("--skip-bad", action="store_true", help=say["audit_skip_bad"])
    sub.add_argument("--max-skipped", default="1%", metavar="N|N%", help=say["max_skipped"])
    sub.add_argument("--anomalies-csv", metavar=say["mv_csv"], help=say["anomalies_csv"])
    sub.add_argument("--plot", metavar="FILE.svg|FILE.png", help=say["audit_plot"])
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
        with (
            file_bar(handle, err) if args.file != "-" else contextlib.nullcontext() as bar,
        ):
            cohort = CsvCohort(
                handle,
                name=args.file,
                skip_bad=args.skip_bad,
                delimiter=args.delimiter,
                missing=args.missing,
                by=args.by,
                progress=None if bar is None else bar.tick,
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
        _skipped_notice(err, args.file, cohort.skipped, cohort.bad_rows, args.lang)
    context.out.write(simulation(result, args.format, lang=args.lang))
    if draw is not None:
        draw(result, args.lang)
    return _verdict(args, result.patients, result.skipped, result.incomplete, err)


def _skipped_notice(
    err: TextIO, file: str, skipped: int, rows: Sequence[Describable], lang: Lang
) -> None:
    key: ErrorKey = "csv_skipped_one" if skipped == 1 else "csv_skipped"
    notice = ERRORS[lang][key].format(
        field=file, count=skipped, rows="; ".join(row.describe(lang=lang) for row in rows)
    )
    err.write(f"{PROG}: {mask_personal(notice)}\n")  # a file may be named by a national ID


def _verdict(
    args: argparse.Namespace, counted: int, skipped: int, incomplete: int, err: TextIO
) -> int:
    """Return 1 (and say why) if the figures leave out too many rows to be trusted."""
    read = counted + skipped + incomplete
    say = SIMULATE[args.lang]
    if not counted and (skipped or incomplete):
        err.write(f"{PROG}: {mask_personal(say['skipped_all'].format(file=args.file))}\n")
        return 1
    if skipped > _max_skipped(args.max_skipped, read):
        notice = say["skipped_too_many"].format(
            file=args.file, skipped=skipped, rows=read, limit=args.max_skipped
        )
        err.write(f"{PROG}: {mask_personal(notice)}\n")
        return 1
    return 0


def _audit(args: argparse.Namespace, context: Context) -> int:
    fmt = "json" if args.json else args.format
    _max_skipped(args.max_skipped, 0)  # a bad value fails before the file is read
    draw = audit_plot_writer(args.plot) if args.plot is not None else None
    name = mask_personal(args.file)
    excel = args.file.lower().endswith(_EXCEL)
    unreadable: list[AuditAnomaly] = []
    with contextlib.ExitStack() as stack:
        if not excel and args.sheet is not None:
            raise InvalidValueError("sheet_not_excel", value=args.sheet, field="--sheet")
        if excel:
            table, total = sheet(args.file, args.sheet, stack)
            bar = stack.enter_context(row_bar(total, context.err))
            found = _anomalies(args.anomalies_csv, unreadable, stack)
            result = audit_table(
                table if bar is None else ticking(table, bar),
                name=name,
                by=args.by,
                on_anomaly=found,
            )
        else:
            handle = stack.enter_context(open_text(args.file, args.encoding))
            bar = stack.enter_context(file_bar(handle, context.err))
            found = _anomalies(args.anomalies_csv, unreadable, stack)
            try:
                result = audit_csv(
                    handle,
                    name=name,
                    delimiter=args.delimiter,
                    by=args.by,
                    on_anomaly=found,
                    progress=None if bar is None else bar.tick,
                    max_row=_files.MAX_LINE,
                )
            except (OSError, UnicodeError, csv.Error) as error:  # UnicodeError: UTF-16 without BOM
                raise cannot_read(args.file, error) from None
    if result.skipped and not args.skip_bad:
        raise InvalidValueError(
            "csv_bad_rows_one" if result.skipped == 1 else "csv_bad_rows",
            value=None,
            field=name,
            count=result.skipped,
            rows=tuple(unreadable),
        )
    if result.skipped:
        _skipped_notice(context.err, name, result.skipped, unreadable, args.lang)
    context.out.write(audit_report(result, fmt, lang=args.lang))
    if draw is not None:
        draw(result, args.lang)
    judged = sum(n for kind, n in result.attention if kind is not AuditKind.UNREADABLE)
    return max(_verdict(args, result.rows, result.skipped, 0, context.err), int(judged > 0))


def _anomalies(
    path: str | None, unreadable: list[AuditAnomaly], stack: contextlib.ExitStack
) -> Callable[[AuditAnomaly], None]:
    """Return what takes each anomaly as found; *path* is opened now, before reading.

    It keeps the first unreadable rows, to name them, and writes every anomaly to *path* as
    CSV, if given.
    """
    writer = None
    if path is not None:
        out = stack.enter_context(Path(path).open("w", encoding="utf-8", newline=""))  # noqa: SIM115  # closed with the stack
        writer = csv.DictWriter(out, ANOMALY_COLUMNS, lineterminator="\n")
        writer.writeheader()

    def found(anomaly: AuditAnomaly) -> None:
        if anomaly.kind is AuditKind.UNREADABLE and len(unreadable) < _REPORTED:
            unreadable.append(anomaly)
        if writer is not None:
            writer.writerow(anomaly.to_dict())

    return found
