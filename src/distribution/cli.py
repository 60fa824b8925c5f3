"""The command line: ``eprom-distribution`` or ``python -m distribution``.

Every command prints to stdout and returns 0; bad input prints one line to stderr naming the bad
value and the valid choices and returns 2, never a traceback. ``preflight`` returns 1 when it
finds problems. Texts follow ``--lang`` (``nb`` or ``en``), which defaults from the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``nb_NO…``, ``no_NO…`` or ``nn_NO…`` give ``nb``) and
falls back to ``en``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from distribution._render import (
    MATRIX_FORMATS,
    SIMULATION_FORMATS,
    decision_text,
    eligibility_text,
    matrix,
    rules_json,
    rules_table,
    simulation,
)
from distribution._texts import ARGPARSE, ERRORS, FILE_PROBLEMS, LABELS, Lang
from distribution.availability import Availability, parse_channel
from distribution.codes import (
    CODE_ENUMS,
    DistributionRule,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
    _Code,
)
from distribution.cohorts import CsvCohort, simulate
from distribution.eligibility import assess
from distribution.engine import Decision, decide, decide_priority_list
from distribution.errors import (
    DistributionError,
    InvalidValueError,
    UnknownCodeError,
    mask_personal,
)
from distribution.explainer import describe, explain_decision
from distribution.facts import PatientFacts
from distribution.orders import preflight

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    from _typeshed import SupportsWrite

PROG = "eprom-distribution"

# describe KIND CODE: a short word for each enum, or the enum's own name in any case.
_KINDS: dict[str, type[_Code]] = {
    "rule": DistributionRule,
    "channel": NotificationChannel,
    "status": FormOrderStatus,
    "error": FormOrderStatusErrorCode,
    "sent": SentStatus,
    "event": FormOrderEventLogType,
}
_KINDS.update({cls.__name__.lower(): cls for cls in CODE_ENUMS})


class _UsageError(Exception):
    """argparse found the command line malformed."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, out: TextIO | None = None, **kwargs: Any) -> None:  # noqa: ANN401  # argparse's own signature
        super().__init__(*args, **kwargs)
        self._out = out

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # --help and --version write to the stream main() was given, not to sys.stdout.
        (self._out or file or sys.stdout).write(message)


def lang_from_environment(environ: Mapping[str, str]) -> Lang:
    """Return ``"nb"`` when the locale is Norwegian (nb, no or nn), else ``"en"``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "nb" if re.match(r"(nb|no|nn)([_.@-]|$)", value, re.IGNORECASE) else "en"
    return "en"


def _lang_in(argv: Sequence[str], default: Lang) -> Lang:
    # The language is needed before argparse has succeeded, to report its errors.
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in ("nb", "en"):
            return value  # type: ignore[return-value]  # checked just above
    return default


def _placeholders_to_groups(template: str) -> re.Pattern[str]:
    # "argument {name}: expected one argument" -> a pattern with a named group per placeholder.
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(template))
    return re.compile(pattern + "$")


# argparse writes its messages in English; each is matched here and said again in the chosen
# language from the same table.
_ARGPARSE_PATTERNS: Final = {
    key: _placeholders_to_groups(template) for key, template in ARGPARSE["en"].items()
}


def _usage_message(message: str, lang: Lang) -> str:
    for key, pattern in _ARGPARSE_PATTERNS.items():
        found = pattern.match(message)
        if found:
            message = ARGPARSE[lang][key].format(**found.groupdict())
            break
    # argparse quotes what the user typed, which may be an ID or an address in the wrong place.
    problem = mask_personal(message)
    return InvalidValueError("usage", value=None, field=PROG, problem=problem).message(lang)


# --- argument types ---------------------------------------------------------------------------


def _availability(text: str) -> Availability:
    return Availability.of(*(parse_channel(item, field="--available") for item in _items(text)))


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class _FileProblem:
    """Why a file could not be read, in either language (rendered by the error message)."""

    def __init__(self, error: Exception) -> None:
        self.key = (
            "missing"
            if isinstance(error, FileNotFoundError)
            else "denied"
            if isinstance(error, PermissionError)
            else "directory"
            if isinstance(error, IsADirectoryError)
            else "not_text"
            if isinstance(error, UnicodeDecodeError)
            else "other"
        )

    def describe(self, *, lang: Lang) -> str:
        return FILE_PROBLEMS[lang][self.key]


def _read(path: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError) as error:  # ValueError: a NUL in the path
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None


# --- commands ---------------------------------------------------------------------------------


def _decision(args: argparse.Namespace) -> Decision:
    availability = _availability(args.available)
    if args.priority_list is not None:
        if args.rule is not None:
            raise InvalidValueError(
                "rule_and_list", value=args.rule, field="RULE", choices=args.priority_list
            )
        return decide_priority_list(
            [parse_channel(item, field="--priority-list") for item in _items(args.priority_list)],
            availability,
        )
    return decide(DistributionRule.default() if args.rule is None else args.rule, availability)


def _cmd_decide(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    decision = _decision(args)
    if args.json:
        out.write(json.dumps(decision.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(decision_text(decision, args.lang) + "\n")
    return 0


def _cmd_explain(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    out.write(explain_decision(_decision(args), lang=args.lang) + "\n")
    return 0


def _cmd_rules(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    if args.format == "json":
        out.write(rules_json(args.lang))
    else:
        out.write(rules_table(args.lang, markdown=args.format == "markdown"))
    return 0


def _cmd_matrix(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    out.write(matrix(args.format, args.lang))
    return 0


def _cmd_describe(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    kind = _KINDS.get(args.kind.strip().lower())
    if kind is None:
        raise UnknownCodeError(
            "unknown_code", value=args.kind, field="KIND", choices=sorted(_KINDS)
        )
    out.write(describe(kind.parse(args.code), lang=args.lang) + "\n")  # type: ignore[arg-type]  # kind is one of CODE_ENUMS
    return 0


def _cmd_assess(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    facts = PatientFacts.from_json(_read(args.file))
    concerned = None if args.on_behalf_of is None else _on_behalf_of(args.on_behalf_of)
    eligibility = assess(facts, research=args.research, on_behalf_of=concerned)
    decision = decide(args.rule, eligibility.availability)
    if args.json:
        payload = {"eligibility": eligibility.to_dict(), "decision": decision.to_dict()}
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        explanation = explain_decision(decision, lang=args.lang, eligibility=eligibility)
        out.write(eligibility_text(eligibility, args.lang) + "\n\n" + explanation + "\n")
    return 0


def _on_behalf_of(path: str) -> PatientFacts:
    try:
        return PatientFacts.from_json(_read(path))
    except DistributionError as error:
        raise error.within("on_behalf_of") from None


def _cmd_preflight(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    problems = preflight(
        args.rule,
        must_be_signed=args.must_be_signed,
        on_behalf_of=args.on_behalf_of,
        paper_enabled=not args.not_paper_enabled,
        national_id=args.national_id,
    )
    if args.json:
        out.write(json.dumps([p.code.value for p in problems]) + "\n")
    elif problems:
        lines = [LABELS[args.lang]["preflight_problems"]]
        lines += [f"- {p.describe(lang=args.lang)}" for p in problems]
        out.write("\n".join(lines) + "\n")
    else:
        out.write(LABELS[args.lang]["preflight_ok"] + "\n")
    return 1 if problems else 0


def _cmd_simulate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rules = None if args.rules is None else [DistributionRule.parse(r) for r in _items(args.rules)]
    try:
        handle = Path(args.file).open(encoding="utf-8-sig", newline="")  # noqa: SIM115  # closed below
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise InvalidValueError(
            "cannot_read", value=args.file, field="file", problem=_FileProblem(error)
        ) from None
    with handle:
        lines = _with_progress(handle, err) if err.isatty() else handle
        cohort = CsvCohort(lines, name=args.file, skip_bad=args.skip_bad)
        try:
            result = simulate(cohort, rules)
        except (OSError, UnicodeDecodeError) as error:  # a directory, or bytes that are not UTF-8
            raise InvalidValueError(
                "cannot_read", value=args.file, field="file", problem=_FileProblem(error)
            ) from None
    if cohort.skipped:
        notice = ERRORS[args.lang]["csv_skipped"].format(
            field=args.file,
            count=cohort.skipped,
            rows="; ".join(row.describe(lang=args.lang) for row in cohort.bad_rows),
        )
        err.write(f"{PROG}: {notice}\n")
    out.write(simulation(result, args.format, lang=args.lang))
    return 0


def _with_progress(handle: TextIO, err: TextIO, every: int = 1 << 16) -> Iterator[str]:
    """Yield *handle*'s lines, drawing a progress bar on *err* (a terminal) as they go."""
    size = max(os.fstat(handle.fileno()).st_size, 1)
    done = 0
    for count, line in enumerate(handle, start=1):
        done += len(line)
        if count % every == 0:
            share = min(done / size, 1.0)
            bar = "#" * int(share * 30)
            err.write(f"\r[{bar:<30}] {share:4.0%} {count:,} rows")
        yield line
    err.write("\r" + " " * 60 + "\r")


# --- the parser -------------------------------------------------------------------------------

_AVAILABLE_HELP = (
    "comma-separated channels the patient can be reached on: helsenorge, digital_mailbox,"
    " krr_contact, paper (or API names such as PhysicalMailbox); an empty string means none"
)


def build_parser(default_lang: Lang, out: TextIO | None = None) -> argparse.ArgumentParser:
    """Return the argument parser; *default_lang* is the ``--lang`` default."""
    parser = _Parser(
        out=out,
        prog=PROG,
        description="Decide and explain how an ePROM form order or message reaches a patient.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"Example: {PROG} explain BasicOrPaper --available paper --lang nb",
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {version('eprom-distribution')}"
    )
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("nb", "en"),
        default=default_lang,
        help="language of the output (nb or en)",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )

    def add(
        name: str,
        help_: str,
        example: str,
        handler: Callable[[argparse.Namespace, TextIO, TextIO], int],
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            out=out,
            help=help_,
            description=help_,
            parents=[common],
            epilog=f"Example: {PROG} {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler)
        return sub

    for name, help_, example, handler in (
        (
            "decide",
            "print the decision for a rule or a priority list",
            "decide BasicOrPaper --available digital_mailbox,paper --json",
            _cmd_decide,
        ),
        (
            "explain",
            "explain in plain words how the patient is reached",
            "explain AllowUnsecure --available krr_contact --lang nb",
            _cmd_explain,
        ),
    ):
        sub = add(name, help_, example, handler)
        sub.add_argument(
            "rule",
            nargs="?",
            metavar="RULE",
            help="a DistributionRule by code or name (default: Basic)",
        )
        sub.add_argument("--available", required=True, metavar="LIST", help=_AVAILABLE_HELP)
        sub.add_argument(
            "--priority-list",
            metavar="LIST",
            help="a message's channels in priority order, instead of a RULE",
        )
        if name == "decide":
            sub.add_argument("--json", action="store_true", help="print the JSON wire format")

    sub = add(
        "rules", "list every rule: code, name, route and meaning", "rules --lang nb", _cmd_rules
    )
    sub.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    sub = add(
        "matrix", "print all 9 rules × 16 availabilities", "matrix --format markdown", _cmd_matrix
    )
    sub.add_argument("--format", choices=MATRIX_FORMATS, default="text")

    sub = add(
        "describe",
        "say what a code of an ePROM enum means",
        "describe status 4 --lang nb",
        _cmd_describe,
    )
    sub.add_argument(
        "kind",
        metavar="KIND",
        help="rule, channel, status, error, sent or event (or the enum's name)",
    )
    sub.add_argument("code", metavar="CODE", help="the code or its name")

    sub = add(
        "assess",
        "work out availability from patient facts (JSON) and explain the decision",
        "assess patient.json --rule BasicOrPaper",
        _cmd_assess,
    )
    sub.add_argument(
        "file",
        metavar="FILE.json",
        help="patient facts as JSON, KRR record under 'krr'; - reads stdin",
    )
    sub.add_argument("--rule", default="Basic", help="the rule to decide with (default: Basic)")
    sub.add_argument(
        "--research",
        action="store_true",
        help="the ordering system is marked as research (a Helsenorge reservation applies)",
    )
    sub.add_argument(
        "--on-behalf-of",
        metavar="FILE.json",
        help="facts of the person the form concerns (onBehalfOfNationalId); FILE.json is then"
        " the recipient's",
    )
    sub.add_argument("--json", action="store_true", help="print eligibility and decision as JSON")

    sub = add(
        "preflight",
        "check an order for what ePROM would refuse",
        "preflight NoDistribution --must-be-signed",
        _cmd_preflight,
    )
    sub.add_argument("rule", metavar="RULE")
    sub.add_argument("--must-be-signed", action="store_true", help="the form must be signed")
    sub.add_argument(
        "--on-behalf-of", action="store_true", help="ordered on behalf of someone else"
    )
    sub.add_argument(
        "--not-paper-enabled", action="store_true", help="the form is not paper enabled"
    )
    sub.add_argument("--national-id", metavar="ID", help="the patient's fødselsnummer or D-nummer")
    sub.add_argument("--json", action="store_true", help="print the problem codes as JSON")

    sub = add(
        "simulate",
        "count how a cohort (CSV) would be reached under each rule",
        "simulate cohort.csv --rules Basic,BasicOrPaper --format markdown",
        _cmd_simulate,
    )
    sub.add_argument(
        "file",
        metavar="FILE.csv",
        help="one patient a row; columns helsenorge, digital_mailbox, krr_contact, paper"
        " (true/false, yes/no, 1/0, ja/nei); other columns are ignored",
    )
    sub.add_argument("--rules", metavar="LIST", help="comma-separated rules (default: all nine)")
    sub.add_argument("--format", choices=SIMULATION_FORMATS, default="text")
    sub.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip bad rows (reported on stderr) instead of failing",
    )
    return parser


def _one_line(text: str) -> str:
    """Return *text* as one line: control characters a user typed are shown escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text) + "\n"


def main(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line and return its exit code (0 ok, 1 problems found, 2 bad input)."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    lang = _lang_in(args_in, lang_from_environment(os.environ if environ is None else environ))
    try:
        args = build_parser(lang, out).parse_args(args_in)
        return int(args.handler(args, out, err))
    except _UsageError as error:
        err.write(_one_line(f"{PROG}: {_usage_message(str(error), lang)}"))
    except DistributionError as error:
        err.write(_one_line(f"{PROG}: {LABELS[lang]['error']}: {error.message(lang)}"))
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    return 2
