"""The command line: ``eprom-distribution`` or ``python -m distribution``.

Every command prints to stdout and returns 0; bad input prints one line to stderr naming the bad
value and the valid choices (and the nearest one) and returns 2, never a traceback. ``preflight``
returns 1 when it finds problems, ``check`` when the verdict needs attention, ``verify`` when
anything does, ``audit`` when a row of MRS's datadump does. Output that cannot be written ends
quietly: 141 when the reader went away (``… | head -1``), 74 when the disk is full; Ctrl-C
returns 130.

Texts follow ``--lang`` (``nb``, ``no``, ``nb-NO``, ``en``, ``en-GB``, any case), which defaults
from the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``nb_NO…``, ``no_NO…`` or ``nn_NO…`` give
bokmål) and falls back to English. ``--help`` and argparse's own messages follow it too.

Unlike the library, the command line may read the clock: ``explain`` with patient facts judges
them at the current time unless ``--reference-time`` is given, and prints which time it used.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import getpass
import importlib
import itertools
import json
import os
import re
import sys
from datetime import UTC, date, datetime, time
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO
from zoneinfo import ZoneInfo

from distribution._texts import (
    ERRORS,
    LABELS,
    LANGUAGES,
    Lang,
)
from distribution.availability import Availability, parse_channel
from distribution.cli._texts import (
    ARGPARSE,
    FILE_PROBLEMS,
    HELP,
)
from distribution.codes import (
    CODE_ENUMS,
    DistributionRule,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
    SentStatus,
    _Code,
)
from distribution.cohorts import CsvCohort, simulate
from distribution.engine import Decision, decide, decide_priority_list
from distribution.eprom.callbacks import FormReturnCallback, read_callback
from distribution.eprom.preflight import preflight
from distribution.eprom.reconciliation import reconcile
from distribution.eprom.verification import verify
from distribution.errors import (
    DistributionError,
    InvalidValueError,
    UnknownCodeError,
    mask_personal,
    nearest,
    wrong_type,
)
from distribution.mrs.audit import audit, datadump_rows
from distribution.patient.eligibility import Eligibility, assess
from distribution.patient.facts import HelsenorgeConsent, PatientFacts
from distribution.patient.krr import KrrRecord, KrrStatus
from distribution.presentation.audit import explain_audit
from distribution.presentation.decision import describe, explain_decision
from distribution.presentation.reconciliation import explain_reconciliation
from distribution.presentation.tables import (
    MATRIX_FORMATS,
    SIMULATION_FORMATS,
    decision_text,
    eligibility_text,
    matrix,
    rules_json,
    rules_table,
    simulation,
    verification_json,
    verification_text,
)
from distribution.presentation.timeline import explain_timeline

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    from _typeshed import SupportsWrite

    from distribution._texts import ErrorKey

    _Handler = Callable[[argparse.Namespace, "_Context"], int]
    _Adder = Callable[[str, str, _Handler], argparse.ArgumentParser]

PROG = "eprom-distribution"
OSLO: Final = ZoneInfo("Europe/Oslo")

# Exit codes beyond 0 (done), 1 (problems found) and 2 (bad input); see the module docstring.
EXIT_CANNOT_WRITE: Final = 74  # sysexits' EX_IOERR
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE, as a shell reports a closed pipe

# describe KIND CODE: the words for each kind of code, in both languages, or the enum's name.
_KINDS: Final[dict[str, type[_Code]]] = {
    **dict.fromkeys(("rule", "regel"), DistributionRule),
    **dict.fromkeys(("channel", "kanal"), NotificationChannel),
    **dict.fromkeys(("status", "skjemastatus"), FormOrderStatus),
    **dict.fromkeys(("error", "feilkode"), FormOrderStatusErrorCode),
    **dict.fromkeys(("sent", "sendestatus"), SentStatus),
    **dict.fromkeys(("event", "hendelse", "hendelseslogg"), FormOrderEventLogType),
    **dict.fromkeys(("mrs-status", "mrs-bestillingsstatus"), MrsOrderStatus),
    **dict.fromkeys(("mrs-error", "mrs-feilkode"), MrsErrorCode),
    **{cls.__name__.lower(): cls for cls in CODE_ENUMS},
}
# The Norwegian words a support desk reads in ePROM's status lists, for describe's CODE.
_CODE_WORDS: Final[dict[type[_Code], dict[str, _Code]]] = {
    FormOrderStatus: {
        "besvart": FormOrderStatus.COMPLETED,
        "utgått": FormOrderStatus.EXPIRED,
        "bestilt": FormOrderStatus.ORDERED,
        "feilet": FormOrderStatus.ERROR,
        "brev i retur": FormOrderStatus.PHYSICAL_MAIL_RETURNED,
        "levert": FormOrderStatus.DIGIPOST_DELIVERED,
    },
    SentStatus: {"sendt": SentStatus.SENT, "feilet": SentStatus.ERROR},
    NotificationChannel: {"ingen": NotificationChannel.NONE},
}
_NONE_WORDS: Final = ("", "-", "ingen", "none")  # --available: the patient has no channel


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


# --- the language -----------------------------------------------------------------------------


def normalize_lang(text: str) -> Lang | None:
    """Return ``"nb"`` or ``"en"`` for a language tag (``no``, ``nb_NO.UTF-8``, ``en-GB``)."""
    code = re.split(r"[-_.@]", text.strip(), maxsplit=1)[0].lower()
    if code in {"nb", "no", "nn"}:
        return "nb"
    return "en" if code == "en" else None


def lang_from_environment(environ: Mapping[str, str]) -> Lang:
    """Return ``"nb"`` when the locale is Norwegian (nb, no or nn), else ``"en"``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "nb" if normalize_lang(value) == "nb" else "en"
    return "en"


def _lang_in(argv: Sequence[str], default: Lang) -> Lang:
    # The language is needed before argparse has succeeded, to report its errors and --help.
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value is not None:
            lang = normalize_lang(value)
            if lang is None:
                raise InvalidValueError(
                    "unknown_language",
                    value=value,
                    field="--lang",
                    choices=LANGUAGES,
                    suggestion=nearest(value, [*LANGUAGES, "no"]),
                )
            return lang
    return default


def _placeholders_to_groups(template: str) -> re.Pattern[str]:
    # "argument {name}: expected one argument" -> a pattern with a named group per placeholder.
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(template))
    return re.compile(pattern + "$", re.DOTALL)


# argparse writes its messages in English; each is matched here, in the table's order (the
# general "argument X: …" last), and said again in the chosen language from the same table.
_ARGPARSE_PATTERNS: Final = {
    key: _placeholders_to_groups(template) for key, template in ARGPARSE["en"].items()
}


def _usage_message(message: str, lang: Lang) -> str:
    suggestion = None
    for key, pattern in _ARGPARSE_PATTERNS.items():
        found = pattern.match(message)
        if found:
            fields = found.groupdict()
            if key == "invalid_choice":
                choices = re.findall(r"'([^']*)'", fields["choices"]) or fields["choices"].split(
                    ", "
                )
                suggestion = nearest(fields["value"].strip("'"), choices)
            message = ARGPARSE[lang][key].format(**fields)
            break
    # argparse quotes what the user typed, which may be an ID or an address in the wrong place.
    problem = mask_personal(message)
    return InvalidValueError(
        "usage", value=None, field=PROG, problem=problem, suggestion=suggestion
    ).message(lang)


# --- argument types ---------------------------------------------------------------------------


def _availability(text: str) -> Availability:
    if text.strip().lower() in _NONE_WORDS:
        return Availability()
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


def _read(path: str, stdin: TextIO) -> str:
    try:
        if path == "-":
            return stdin.read()
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError) as error:  # ValueError: a NUL in the path
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None


_YES_NO: Final = {
    **dict.fromkeys(("ja", "j", "yes", "y", "true", "1"), True),
    **dict.fromkeys(("nei", "n", "no", "false", "0"), False),
}


def _yes_no(text: str, field: str) -> bool:
    answer = _YES_NO.get(text.strip().lower())
    if answer is None:
        raise UnknownCodeError(
            "unknown_code",
            value=text,
            field=field,
            choices=("ja", "nei", "yes", "no"),
            suggestion=nearest(text, _YES_NO),
        )
    return answer


def _choice(text: str, field: str, words: Mapping[str, str]) -> str:
    key = words.get(text.strip().lower())
    if key is None:
        raise UnknownCodeError(
            "unknown_code",
            value=text,
            field=field,
            choices=tuple(words),
            suggestion=nearest(text, words),
        )
    return key


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValueError("bad_date", value=text, field=field) from None


def _moment(text: str) -> datetime:
    """Read --reference-time: a date (midnight in Norway) or an ISO 8601 time."""
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError("bad_timestamp", value=text, field="--reference-time") from None
    # A date alone is its midnight; a time without an offset is Norwegian time.
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=OSLO)


# --- patient facts from flags -----------------------------------------------------------------

_CONSENT: Final = {
    "full": "full",
    "begrenset": "limited",
    "limited": "limited",
    "ingen": "none",
    "none": "none",
}
_KRR_STATUS: Final = {
    "aktiv": "AKTIV",
    "active": "AKTIV",
    "slettet": "SLETTET",
    "deleted": "SLETTET",
    "ikke-registrert": "IKKE_REGISTRERT",
    "not-registered": "IKKE_REGISTRERT",
}
# The flags that describe the patient, in English and bokmål spellings, and where they go.
_FACT_FLAGS: Final = (
    (("--age", "--alder"), "age"),
    (("--birth-date", "--fodselsdato", "--fødselsdato"), "birth_date"),
    (("--level4-eid", "--bankid"), "level4_eid"),
    (("--consent", "--samtykke"), "consent"),
    (("--representable", "--kan-representeres"), "representable"),
    (("--krr-status",), "krr_status"),
    (("--reserved", "--reservert"), "reserved"),
    (("--can-notify", "--kan-varsles"), "can_notify"),
    (("--contact-updated", "--kontakt-oppdatert"), "contact_updated"),
    (("--digital-mailbox", "--digipost"), "digital_mailbox"),
    (("--postal-address", "--postadresse"), "postal_address"),
)
_KRR_FLAGS: Final = ("reserved", "can_notify", "contact_updated", "digital_mailbox")
# --contact-updated's word for "KRR has no e-mail address or mobile number".
_NO_CONTACT: Final = ("ingen", "none")
# A stand-in for contact details the worker says exist; assess() only asks whether they do, and
# KrrRecord masks it like a real address.
_GIVEN_CONTACT: Final = "(oppgitt)"


def _facts_from_flags(args: argparse.Namespace, now: datetime) -> PatientFacts | None:
    given = {dest: getattr(args, dest) for _, dest in _FACT_FLAGS}
    if all(value is None for value in given.values()) and args.reference_time is None:
        return None
    moment = now if args.reference_time is None else _moment(args.reference_time)
    krr = None
    if given["krr_status"] is not None:
        status = KrrStatus(_choice(given["krr_status"], "--krr-status", _KRR_STATUS))
        if status is KrrStatus.AKTIV:
            # Left out, these would say "no mailbox" and "no contact details": facts nobody gave.
            for flag, dest, choices in (
                ("--digital-mailbox", "digital_mailbox", ("ja", "nei", "yes", "no")),
                ("--contact-updated", "contact_updated", ("ÅÅÅÅ-MM-DD", *_NO_CONTACT)),
            ):
                if given[dest] is None:
                    raise InvalidValueError(
                        "krr_active_needs", value=None, field=flag, choices=choices
                    )
        contact = given["contact_updated"]
        updated = (
            None
            if contact is None or contact.strip().lower() in _NO_CONTACT
            else datetime.combine(_day(contact, "--contact-updated"), time(), OSLO)
        )
        krr = KrrRecord(
            status=status,
            reserved=_flag(given["reserved"], "--reserved"),
            can_notify=_flag(given["can_notify"], "--can-notify"),
            email=None if updated is None else _GIVEN_CONTACT,
            email_updated=updated,
            mailbox_address=_GIVEN_CONTACT
            if _flag(given["digital_mailbox"], "--digital-mailbox")
            else None,
        )
    elif any(given[name] is not None for name in _KRR_FLAGS):
        raise InvalidValueError(
            "krr_status_needed", value=None, field="--krr-status", choices=tuple(_KRR_STATUS)
        )
    age = given["age"]
    if age is not None and not (age.strip().isascii() and age.strip().isdigit()):
        raise wrong_type(age, field="--age", expected="an integer")
    return PatientFacts(
        reference_time=moment,
        age=None if age is None else int(age),
        birth_date=None
        if given["birth_date"] is None
        else _day(given["birth_date"], "--birth-date"),
        level4_eid=_flag(given["level4_eid"], "--level4-eid"),
        helsenorge_consent=(
            None
            if given["consent"] is None
            else HelsenorgeConsent(_choice(given["consent"], "--consent", _CONSENT))
        ),
        helsenorge_representable=_flag(given["representable"], "--representable"),
        krr=krr,
        postal_address=_flag(given["postal_address"], "--postal-address"),
    )


def _flag(text: str | None, field: str) -> bool | None:
    return None if text is None else _yes_no(text, field)


# --- commands ---------------------------------------------------------------------------------


class _Context:
    """What a command gets besides its arguments: the streams and the clock (CLI only)."""

    def __init__(self, out: TextIO, err: TextIO, stdin: TextIO, now: datetime) -> None:
        self.out, self.err, self.stdin, self.now = out, err, stdin, now


def _decision(args: argparse.Namespace, availability: Availability) -> Decision:
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


def _cmd_decide(args: argparse.Namespace, context: _Context) -> int:
    decision = _decision(args, _availability(args.available))
    if args.json:
        context.out.write(json.dumps(decision.to_dict(), ensure_ascii=False) + "\n")
    else:
        context.out.write(decision_text(decision, args.lang) + "\n")
    return 0


def _cmd_explain(args: argparse.Namespace, context: _Context) -> int:
    eligibility: Eligibility | None = None
    facts = (
        PatientFacts.from_json(_read(args.facts, context.stdin))
        if args.facts is not None
        else _facts_from_flags(args, context.now)
    )
    if facts is not None:
        if args.available is not None:
            raise InvalidValueError(
                "facts_and_available", value=args.available, field="--available"
            )
        eligibility = assess(facts)
        availability = eligibility.availability
        moment = facts.reference_time.astimezone(OSLO).strftime("%Y-%m-%d %H:%M")
        context.out.write(LABELS[args.lang]["reference_time"].format(time=moment) + "\n")
        context.out.write(eligibility_text(eligibility, args.lang) + "\n\n")
    elif args.available is not None:
        availability = _availability(args.available)
    else:
        raise InvalidValueError(
            "missing_value", value=None, field="--available", choices=("--available", "--facts")
        )
    decision = _decision(args, availability)
    context.out.write(explain_decision(decision, lang=args.lang, eligibility=eligibility) + "\n")
    return 0


def _cmd_rules(args: argparse.Namespace, context: _Context) -> int:
    if args.format == "json":
        context.out.write(rules_json(args.lang))
    else:
        context.out.write(rules_table(args.lang, markdown=args.format == "markdown"))
    return 0


def _cmd_matrix(args: argparse.Namespace, context: _Context) -> int:
    context.out.write(matrix(args.format, args.lang))
    return 0


def _cmd_describe(args: argparse.Namespace, context: _Context) -> int:
    typed = args.kind.strip().lower()
    kind = _KINDS.get(typed)
    if kind is None:
        raise UnknownCodeError(
            "unknown_kind",
            value=args.kind,
            field="KIND",
            choices=tuple(_KINDS)[:17],  # the words, not the enums' names
            suggestion=nearest(typed, _KINDS),
        )
    code = args.code.strip()
    member = _CODE_WORDS.get(kind, {}).get(" ".join(code.lower().split()))
    if member is None:
        member = (
            parse_channel(code, field="CODE", allow_none=True)
            if kind is NotificationChannel
            else kind.parse(code)
        )
    context.out.write(describe(member, lang=args.lang) + "\n")  # type: ignore[arg-type]  # a member of one of CODE_ENUMS
    return 0


def _cmd_assess(args: argparse.Namespace, context: _Context) -> int:
    facts = PatientFacts.from_json(_read(args.file, context.stdin))
    concerned = None if args.on_behalf_of is None else _on_behalf_of(args.on_behalf_of, context)
    eligibility = assess(facts, research=args.research, on_behalf_of=concerned)
    decision = decide(args.rule, eligibility.availability)
    if args.json:
        payload = {"eligibility": eligibility.to_dict(), "decision": decision.to_dict()}
        context.out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        explanation = explain_decision(decision, lang=args.lang, eligibility=eligibility)
        context.out.write(eligibility_text(eligibility, args.lang) + "\n\n" + explanation + "\n")
    return 0


def _on_behalf_of(path: str, context: _Context) -> PatientFacts:
    try:
        return PatientFacts.from_json(_read(path, context.stdin))
    except DistributionError as error:
        raise error.within("on_behalf_of") from None


def _national_id(value: str | None, context: _Context, lang: Lang) -> str | None:
    """Return the national ID; ``-`` reads it from standard input, or asks without echoing it."""
    if value != "-":
        return value
    if context.stdin.isatty():
        return getpass.getpass(LABELS[lang]["national_id_prompt"])
    return context.stdin.readline().strip()


def _cmd_preflight(args: argparse.Namespace, context: _Context) -> int:
    problems = preflight(
        args.rule,
        must_be_signed=args.must_be_signed,
        on_behalf_of=args.on_behalf_of,
        paper_enabled=not args.not_paper_enabled,
        national_id=_national_id(args.national_id, context, args.lang),
    )
    if args.json:
        context.out.write(json.dumps([p.code.value for p in problems]) + "\n")
    elif problems:
        lines = [LABELS[args.lang]["preflight_problems"]]
        lines += [f"- {p.describe(lang=args.lang)}" for p in problems]
        context.out.write("\n".join(lines) + "\n")
    else:
        context.out.write(LABELS[args.lang]["preflight_ok"] + "\n")
    return 1 if problems else 0


def _cmd_simulate(args: argparse.Namespace, context: _Context) -> int:
    rules = None if args.rules is None else [DistributionRule.parse(r) for r in _items(args.rules)]
    try:
        handle = Path(args.file).open(encoding=args.encoding, newline="")  # noqa: SIM115  # closed below
    except LookupError:
        raise UnknownCodeError(
            "unknown_encoding",
            value=args.encoding,
            field="--encoding",
            choices=("utf-8", "cp1252", "latin-1"),
            suggestion=nearest(args.encoding, ("utf-8", "cp1252", "latin-1")),
        ) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise InvalidValueError(
            "cannot_read", value=args.file, field="file", problem=_FileProblem(error)
        ) from None
    with handle:
        err = context.err
        cohort = CsvCohort(
            handle,
            name=args.file,
            skip_bad=args.skip_bad,
            delimiter=args.delimiter,
            progress=_progress_bar(handle, err) if err.isatty() else None,
        )
        try:
            result = simulate(cohort, rules)
        except UnicodeDecodeError:
            shown = "UTF-8" if args.encoding == "utf-8-sig" else args.encoding
            raise InvalidValueError(
                "csv_encoding", value=None, field=args.file, encoding=shown, choices=("cp1252",)
            ) from None
        except OSError as error:  # the disk failed while reading
            raise InvalidValueError(
                "cannot_read", value=args.file, field="file", problem=_FileProblem(error)
            ) from None
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


def _cmd_check(args: argparse.Namespace, context: _Context) -> int:
    decision = _decision(args, _availability(args.available))
    callback = read_callback(_read(args.callback, context.stdin))
    result = reconcile(decision, callback)
    text = explain_reconciliation(result, lang=args.lang)
    if isinstance(callback, FormReturnCallback):
        text += "\n\n" + explain_timeline(callback, lang=args.lang)
    context.out.write(text + "\n")
    return 0 if result.verdict.expected else 1


def _open(path: str) -> TextIO:
    try:
        return Path(path).open(encoding="utf-8-sig")
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None


def _lines(handle: TextIO, path: str) -> Iterator[str]:
    """Yield *handle*'s lines; a read error (a directory, bytes that are not UTF-8) names *path*."""
    try:
        yield from handle
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None


def _cmd_verify(args: argparse.Namespace, context: _Context) -> int:
    out = context.out
    with _open(args.orders) as orders, _open(args.callbacks) as callbacks:
        run = verify(
            _lines(orders, args.orders),
            _lines(callbacks, args.callbacks),
            orders_name=mask_personal(args.orders),
            callbacks_name=mask_personal(args.callbacks),
        )
        if args.json:
            verification_json(run, run, out)
        else:
            out.writelines(anomaly.describe(lang=args.lang) + "\n" for anomaly in run)
            out.write(verification_text(run, args.lang))
    return 1 if run.needs_attention else 0


def _progress_bar(handle: TextIO, err: TextIO) -> Callable[[int], None]:
    """Return a callback that draws how much of *handle* is read as a bar on *err*."""
    return _bar(os.fstat(handle.fileno()).st_size, err)


def _bar(total: int, err: TextIO) -> Callable[[int], None]:
    """Return a callback that draws *done* of *total* (bytes or rows) as a bar on *err*."""
    size = max(total, 1)

    def draw(done: int) -> None:
        share = min(done / size, 1.0)
        err.write(f"\r[{'#' * int(share * 30):<30}] {share:4.0%}")
        if share >= 1.0:
            err.write("\r" + " " * 40 + "\r")  # wiped when done

    return draw


_EXCEL: Final = (".xlsx", ".xlsm")
_PROGRESS_EVERY: Final = 4096  # rows between two redraws of the bar


def _cmd_audit(args: argparse.Namespace, context: _Context) -> int:
    name = mask_personal(args.file)
    with contextlib.ExitStack() as stack:
        if args.file.lower().endswith(_EXCEL):
            table, total = _sheet(args.file, args.sheet, stack)
        else:
            if args.sheet is not None:
                raise InvalidValueError("sheet_not_excel", value=args.sheet, field="--sheet")
            handle = _open_text(args.file, args.encoding)
            stack.enter_context(handle)
            table, total = _csv_table(handle, args.file, args.delimiter), _size(handle)
        if context.err.isatty():
            table = _drawn(
                table,
                _bar(total, context.err),
                by_bytes=total > 0 and not args.file.lower().endswith(_EXCEL),
            )
        result = audit(datadump_rows(table, name=name), name=name)
    if args.json:
        context.out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        context.out.write(explain_audit(result, lang=args.lang) + "\n")
    return 1 if result.needs_attention else 0


def _size(handle: TextIO) -> int:
    return os.fstat(handle.fileno()).st_size


def _open_text(path: str, encoding: str) -> TextIO:
    try:
        return Path(path).open(encoding=encoding, newline="")
    except LookupError:
        raise UnknownCodeError(
            "unknown_encoding",
            value=encoding,
            field="--encoding",
            choices=("utf-8", "cp1252", "latin-1"),
            suggestion=nearest(encoding, ("utf-8", "cp1252", "latin-1")),
        ) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None


def _csv_table(handle: TextIO, path: str, delimiter: str | None) -> Iterator[list[str]]:
    """Yield the CSV file's rows; the delimiter, unless given, is found from the header line."""
    lines = _lines(handle, path)
    head = next(lines, None)
    if head is None:
        return
    if delimiter is None:
        delimiter = ";" if head.count(";") > head.count(",") else ","
    try:
        yield from csv.reader(itertools.chain((head,), lines), delimiter=delimiter)
    except csv.Error as error:  # a NUL character, or a field longer than the csv module takes
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None


def _sheet(
    path: str, sheet: str | None, stack: contextlib.ExitStack
) -> tuple[Iterator[Sequence[object]], int]:
    """Return the rows of *sheet* (default: the first) of an Excel file, read as a stream."""
    try:
        # Loaded only here: CSV and every other command run without the optional extra.
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        raise InvalidValueError("needs_excel", value=None, field=path) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001  # openpyxl raises many kinds for a bad file
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None
    stack.callback(book.close)
    names = list(book.sheetnames)
    if sheet is not None and sheet not in names:
        raise UnknownCodeError(
            "unknown_sheet",
            value=sheet,
            field=path,
            choices=tuple(names),
            suggestion=nearest(sheet, names),
        )
    worksheet = book[names[0] if sheet is None else sheet]
    return _guarded(worksheet.iter_rows(values_only=True), path), worksheet.max_row or 0


def _guarded(rows: Iterator[Sequence[object]], path: str) -> Iterator[Sequence[object]]:
    """Yield *rows*; a damaged file found on the way is bad input naming *path*."""
    try:
        yield from rows
    except Exception as error:  # noqa: BLE001  # openpyxl raises many kinds for a bad file
        raise InvalidValueError(
            "cannot_read", value=path, field="file", problem=_FileProblem(error)
        ) from None


def _drawn(
    table: Iterator[Sequence[object]], draw: Callable[[int], None], *, by_bytes: bool
) -> Iterator[Sequence[object]]:
    """Yield *table*'s rows, drawing the bar every few thousand rows (by bytes or by rows)."""
    done = 0
    for number, row in enumerate(table, start=1):
        done += sum(len(str(cell)) + 1 for cell in row) if by_bytes else 1
        if number % _PROGRESS_EVERY == 0:
            draw(done)
        yield row
    draw(1 << 62)  # done: the bar is full, then wiped


# --- the parser -------------------------------------------------------------------------------


def _formatter(lang: Lang) -> type[argparse.HelpFormatter]:
    prefix = HELP[lang]["usage"]

    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(  # argparse's own signature
            self,
            usage: Any,  # noqa: ANN401
            actions: Any,  # noqa: ANN401
            groups: Any,  # noqa: ANN401
            prefix_: Any = None,  # noqa: ANN401
        ) -> None:
            # argparse passes "" when it builds a subcommand's prog; only the shown prefix is ours.
            super().add_usage(usage, actions, groups, prefix if prefix_ is None else prefix_)

    return Formatter


def _in_language(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """Give *parser* argparse's headings and its -h option in *lang*."""
    say = HELP[lang]
    parser._positionals.title = say["positionals"]  # noqa: SLF001  # argparse has no public way
    parser._optionals.title = say["options"]  # noqa: SLF001
    parser.add_argument("-h", "--help", action="help", help=say["help"])


def build_parser(lang: Lang, out: TextIO | None = None) -> argparse.ArgumentParser:
    """Return the argument parser, its help and messages in *lang*."""
    say = HELP[lang]

    def example(text: str) -> str:
        return say["example"].format(example=f"{PROG} {text}")

    parser = _Parser(
        out=out,
        prog=PROG,
        add_help=False,
        formatter_class=_formatter(lang),
        description=say["description"],
        epilog=example("explain BasicOrPaper --available papir --lang nb"),
    )
    _in_language(parser, lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {version('eprom-distribution')}",
        help=say["version"],
    )
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar=say["mv_command"],
        title=say["commands"],
        help=say["command"],
        parser_class=_Parser,
    )

    def add(
        name: str, example_: str, handler: Callable[[argparse.Namespace, _Context], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            out=out,
            add_help=False,
            formatter_class=_formatter(lang),
            help=say[name],
            description=say[name],
            epilog=example(example_),
        )
        _in_language(sub, lang)
        # Read before argparse runs (_lang_in), so any spelling it takes is valid here.
        sub.add_argument(
            "--lang", type=normalize_lang, default=lang, metavar=say["mv_lang"], help=say["lang"]
        )
        sub.set_defaults(handler=handler)
        return sub

    for name, example_ in (
        ("decide", "decide BasicOrPaper --available digipost,papir --json"),
        ("explain", "explain BasicOrPaper --alder 15 --bankid ja --samtykke full --postadresse ja"),
    ):
        sub = add(name, example_, _cmd_decide if name == "decide" else _cmd_explain)
        sub.add_argument("rule", nargs="?", metavar=say["mv_rule"], help=say["rule"])
        sub.add_argument(
            "--available",
            "--tilgjengelig",
            required=name == "decide",
            metavar=say["mv_list"],
            help=say["available"],
        )
        sub.add_argument(
            "--priority-list",
            "--prioritetsliste",
            metavar=say["mv_list"],
            help=say["priority_list"],
        )
        if name == "decide":
            sub.add_argument("--json", action="store_true", help=say["json"])
        else:
            sub.add_argument("--facts", "--opplysninger", metavar=say["mv_json"], help=say["facts"])
            sub.add_argument(
                "--reference-time",
                "--tidspunkt",
                metavar=say["mv_time"],
                help=say["reference_time"],
            )
            for spellings, dest in _FACT_FLAGS:
                sub.add_argument(*spellings, dest=dest, metavar=say["mv_value"], help=say[dest])

    sub = add("rules", "rules --lang nb", _cmd_rules)
    sub.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help=say["format"]
    )

    sub = add("matrix", "matrix --format markdown", _cmd_matrix)
    sub.add_argument("--format", choices=MATRIX_FORMATS, default="text", help=say["format"])

    sub = add("describe", "describe status 4 --lang nb", _cmd_describe)
    sub.add_argument("kind", metavar=say["mv_kind"], help=say["kind"])
    sub.add_argument("code", metavar=say["mv_code"], help=say["code"])

    _add_file_commands(add, say)
    return parser


def _add_file_commands(add: _Adder, say: dict[str, str]) -> None:
    """Add the commands that read files: assess, preflight, simulate, check and verify."""
    sub = add("assess", "assess pasient.json --rule BasicOrPaper", _cmd_assess)
    sub.add_argument("file", metavar=say["mv_json"], help=say["facts_file"])
    sub.add_argument("--rule", "--regel", default="Basic", help=say["assess_rule"])
    sub.add_argument("--research", "--forskning", action="store_true", help=say["research"])
    sub.add_argument(
        "--on-behalf-of", "--paa-vegne-av", metavar=say["mv_json"], help=say["on_behalf_of_facts"]
    )
    sub.add_argument("--json", action="store_true", help=say["json"])

    sub = add("preflight", "preflight NoDistribution --must-be-signed", _cmd_preflight)
    sub.add_argument("rule", metavar=say["mv_rule"], help=say["rule_required"])
    sub.add_argument("--must-be-signed", action="store_true", help=say["must_be_signed"])
    sub.add_argument("--on-behalf-of", action="store_true", help=say["on_behalf_of"])
    sub.add_argument("--not-paper-enabled", action="store_true", help=say["not_paper_enabled"])
    sub.add_argument("--national-id", metavar=say["mv_id"], help=say["national_id"])
    sub.add_argument("--json", action="store_true", help=say["problem_codes"])

    sub = add(
        "simulate",
        "simulate pasienter.csv --rules Basic,BasicOrPaper --format markdown",
        _cmd_simulate,
    )
    sub.add_argument("file", metavar=say["mv_csv"], help=say["cohort_file"])
    sub.add_argument("--rules", "--regler", metavar=say["mv_list"], help=say["rules_list"])
    sub.add_argument("--format", choices=SIMULATION_FORMATS, default="text", help=say["format"])
    sub.add_argument("--skip-bad", action="store_true", help=say["skip_bad"])
    sub.add_argument("--delimiter", choices=(",", ";", "\t"), help=say["delimiter"])
    sub.add_argument("--encoding", default="utf-8-sig", help=say["encoding"])

    sub = add(
        "check",
        "check BasicOrPaper --available digipost,papir --callback statuskall.json --lang nb",
        _cmd_check,
    )
    sub.add_argument("rule", nargs="?", metavar=say["mv_rule"], help=say["rule"])
    sub.add_argument(
        "--available",
        "--tilgjengelig",
        required=True,
        metavar=say["mv_list"],
        help=say["available"],
    )
    sub.add_argument(
        "--priority-list", "--prioritetsliste", metavar=say["mv_list"], help=say["priority_list"]
    )
    sub.add_argument(
        "--callback", "--statuskall", required=True, metavar=say["mv_file"], help=say["callback"]
    )

    sub = add("verify", "verify bestillinger.jsonl statuskall.jsonl --json", _cmd_verify)
    sub.add_argument("orders", metavar=say["mv_orders"], help=say["orders"])
    sub.add_argument("callbacks", metavar=say["mv_callbacks"], help=say["callbacks"])
    sub.add_argument("--json", action="store_true", help=say["json"])

    sub = add("audit", "audit bestillinger.xlsx --lang nb", _cmd_audit)
    sub.add_argument("file", metavar=say["mv_file"], help=say["datadump"])
    sub.add_argument("--sheet", "--ark", metavar=say["mv_name"], help=say["sheet"])
    sub.add_argument("--json", action="store_true", help=say["json"])
    sub.add_argument("--delimiter", choices=(",", ";", "\t"), help=say["delimiter"])
    sub.add_argument("--encoding", default="utf-8-sig", help=say["encoding"])


def _one_line(text: str) -> str:
    """Return *text* as one line: control characters a user typed are shown escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text) + "\n"


def _bokmal_flags(message: str, parser: argparse.ArgumentParser) -> str:
    """Name each option in *message* by its bokmål spelling (--age → --alder), as help does."""
    spellings: dict[str, str] = {}
    for action in parser._actions:  # noqa: SLF001  # argparse has no public walk of its parsers
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                for option in sub._actions:  # noqa: SLF001
                    names = option.option_strings
                    if len(names) > 1 and names[0].startswith("--"):
                        spellings[names[0]] = names[-1]
    return re.sub(
        r"(?<![\w-])--[a-z0-9-]+(?![\w-])",
        lambda match: spellings.get(match[0], match[0]),
        message,
    )


def main(  # noqa: PLR0913  # the streams and the clock come in as arguments, for the tests
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    now: datetime | None = None,
) -> int:
    """Run the command line and return its exit code (see the module docstring)."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    context = _Context(
        out, err, sys.stdin if stdin is None else stdin, datetime.now(UTC) if now is None else now
    )
    lang = lang_from_environment(os.environ if environ is None else environ)
    try:
        lang = _lang_in(args_in, lang)
        args = build_parser(lang, out).parse_args(args_in)
        code = int(args.handler(args, context))
        out.flush()
    except _UsageError as error:
        err.write(_one_line(f"{PROG}: {_usage_message(str(error), lang)}"))
    except DistributionError as error:
        message = error.message(lang)
        if lang == "nb":
            message = _bokmal_flags(message, build_parser(lang, out))
        err.write(_one_line(f"{PROG}: {LABELS[lang]['error']}: {message}"))
    except SystemExit as done:  # --help and --version
        return _flushed(out, done.code if isinstance(done.code, int) else 0)
    except KeyboardInterrupt:
        err.write("\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _gone(out)
    except OSError:  # reading is reported as bad input above; this is writing the output
        err.write(_one_line(f"{PROG}: {LABELS[lang]['error']}: {LABELS[lang]['cannot_write']}"))
        _gone(out)
        return EXIT_CANNOT_WRITE
    else:
        return code
    return 2


def _flushed(out: TextIO, code: int) -> int:
    try:
        out.flush()
    except BrokenPipeError:
        return _gone(out)
    return code


def _gone(out: TextIO) -> int:
    """Stop writing to *out*, whose reader went away, quietly, even at interpreter exit."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    return EXIT_BROKEN_PIPE
