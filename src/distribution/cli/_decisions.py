"""The commands about the rules themselves: decide, explain, rules, matrix and describe.

One reason to change: what these commands take and print. They need no file but ``explain
--facts``; the decision from a rule (or a priority list) and --available is shared with ``check``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final

from distribution._errors import InvalidValueError, UnknownCodeError, nearest
from distribution._texts import LABELS, join_list
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.cli._facts import FACT_FLAGS, assume_the_rest, facts_from_flags
from distribution.cli._files import read
from distribution.cli._texts import EVENTS, REST_OK
from distribution.cli._values import availability, items
from distribution.codes import (
    CODE_ENUMS,
    Code,
    DistributionRule,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
    SentStatus,
)
from distribution.engine import Decision, decide, decide_priority_list
from distribution.eprom.events import FormEvent
from distribution.partial import Diagnosis, PartialAvailability, diagnose, possible_decisions
from distribution.patient.completions import possible_availabilities
from distribution.patient.diagnosis import FactsDiagnosis, diagnose_facts
from distribution.patient.eligibility import Eligibility, assess
from distribution.patient.facts import PatientFacts
from distribution.presentation._dates import spoken_time
from distribution.presentation._reply import reply_diagnosis, reply_explain
from distribution.presentation._reply_texts import REPLY as REPLY_WORDS
from distribution.presentation._undecided import explain_diagnosis, explain_undecided
from distribution.presentation.decision import describe, explain_decision
from distribution.presentation.tables import (
    MATRIX_FORMATS,
    decision_text,
    eligibility_text,
    matrix,
    rules_json,
    rules_table,
)
from distribution.routes import parse_priority_list
from distribution.sql import FLAG_TYPES

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from distribution._texts import Lang
    from distribution.cli._context import Adder, Context

# describe KIND CODE: the words for each kind of code, in both languages, or the enum's name.
_KINDS: Final[dict[str, type[Code]]] = {
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
_CODE_WORDS: Final[dict[type[Code], dict[str, Code]]] = {
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


# --- the arguments ------------------------------------------------------------------------------


def add_decision_arguments(
    sub: argparse.ArgumentParser, say: Mapping[str, str], *, available_required: bool
) -> None:
    """Add RULE, --available and --priority-list, read by :func:`decision`."""
    sub.add_argument("rule", nargs="?", metavar=say["mv_rule"], help=say["rule"])
    sub.add_argument(
        "--available",
        "--tilgjengelig",
        required=available_required,
        metavar=say["mv_list"],
        help=say["available"],
    )
    sub.add_argument(
        "--priority-list", "--prioritetsliste", metavar=say["mv_list"], help=say["priority_list"]
    )


def add_decide(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``decide``."""
    sub = add("decide", "decide BasicOrPaper --available digipost,papir --json", _decide)
    add_decision_arguments(sub, say, available_required=True)
    sub.add_argument("--json", action="store_true", help=say["json"])


def add_explain(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``explain``, with the patient's facts from a file or as flags."""
    sub = add(
        "explain",
        "explain BasicOrPaper --alder 15 --bankid ja --samtykke full --postadresse ja",
        _explain,
    )
    add_decision_arguments(sub, say, available_required=False)
    sub.add_argument("--facts", "--opplysninger", metavar=say["mv_json"], help=say["facts"])
    sub.add_argument(
        "--reference-time", "--tidspunkt", metavar=say["mv_time"], help=say["reference_time"]
    )
    for spellings, dest in FACT_FLAGS:
        sub.add_argument(*spellings, dest=dest, metavar=say["mv_value"], help=say[dest])
    sub.add_argument("--research", "--forskning", action="store_true", help=say["research"])
    sub.add_argument("--unknown", "--ukjent", metavar=say["mv_list"], help=say["unknown"])
    add_what_if_and_reply(sub, say)
    sub.add_argument("--json", action="store_true", help=say["json"])


def add_diagnose(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``diagnose`` (``hvorfor``): from the channel ePROM used back to what must have been."""
    sub = add(
        "diagnose", "hvorfor AllowUnsecure --fikk sms --alder 17 --samtykke full", _diagnose,
        ("hvorfor",),
    )  # fmt: skip
    sub.add_argument("rule", nargs="?", metavar=say["mv_rule"], help=say["rule"])
    sub.add_argument("--got", "--fikk", required=True, metavar=say["mv_value"], help=say["got"])
    sub.add_argument("--available", "--tilgjengelig", metavar=say["mv_list"], help=say["available"])
    sub.add_argument("--unknown", "--ukjent", metavar=say["mv_list"], help=say["unknown"])
    sub.add_argument(
        "--reference-time", "--tidspunkt", metavar=say["mv_time"], help=say["reference_time"]
    )
    for spellings, dest in FACT_FLAGS:
        sub.add_argument(*spellings, dest=dest, metavar=say["mv_value"], help=say[dest])
    sub.add_argument("--research", "--forskning", action="store_true", help=say["research"])
    add_what_if_and_reply(sub, say)
    sub.add_argument("--json", action="store_true", help=say["json"])


def add_what_if_and_reply(sub: argparse.ArgumentParser, say: Mapping[str, str]) -> None:
    """Add --rest-ok (a what-if: facts not given are met) and --reply (one plain paragraph)."""
    sub.add_argument("--rest-ok", "--resten-ok", action="store_true", help=say["rest_ok"])
    add_reply(sub, say)


def add_reply(sub: argparse.ArgumentParser, say: Mapping[str, str]) -> None:
    """Add --reply (``--svar``): print only a paragraph to paste to a nurse or a patient."""
    sub.add_argument("--reply", "--svar", action="store_true", help=say["reply"])


def add_rules(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``rules``."""
    sub = add("rules", "rules --lang nb", _rules)
    sub.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help=say["format"]
    )


def add_matrix(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``matrix``."""
    sub = add("matrix", "matrix --format markdown", _matrix)
    sub.add_argument("--format", choices=MATRIX_FORMATS, default="text", help=say["format"])
    sub.add_argument("--flags", choices=FLAG_TYPES, default="integer", help=say["flags"])


def add_describe(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``describe``."""
    sub = add("describe", "describe status 4 --lang nb", _describe)
    sub.add_argument("kind", metavar=say["mv_kind"], help=say["kind"])
    sub.add_argument("code", metavar=say["mv_code"], help=say["code"])


# --- the commands -------------------------------------------------------------------------------


def decision(args: argparse.Namespace, available: Availability) -> Decision:
    """Decide by RULE (default: Basic, as ePROM) or --priority-list, never both."""
    if args.priority_list is not None:
        if args.rule is not None:
            raise InvalidValueError(
                "rule_and_list", value=args.rule, field="RULE", choices=args.priority_list
            )
        route = parse_priority_list(items(args.priority_list), field="--priority-list")
        return decide_priority_list(route, available)
    return decide(DistributionRule.default() if args.rule is None else args.rule, available)


def _decide(args: argparse.Namespace, context: Context) -> int:
    made = decision(args, availability(args.available))
    if args.json:
        context.out.write(json.dumps(made.to_dict(), ensure_ascii=False) + "\n")
    else:
        context.out.write(decision_text(made, args.lang) + "\n")
    return 0


def _explain(args: argparse.Namespace, context: Context) -> int:
    eligibility: Eligibility | None = None
    facts = (
        PatientFacts.from_json(read(args.facts, context.stdin))
        if args.facts is not None
        else facts_from_flags(args, context.now)
    )
    known: PartialAvailability | None = None
    can_have: frozenset[Availability] | None = None
    assumed: tuple[str, ...] = ()
    if facts is not None:
        for given, field in ((args.available, "--available"), (args.unknown, "--unknown")):
            if given is not None:
                raise InvalidValueError("facts_and_available", value=given, field=field)
        if args.rest_ok:
            facts, assumed = assume_the_rest(
                facts, research=args.research, filled=getattr(args, "filled", ())
            )
        eligibility = assess(facts, research=args.research)
        known = eligibility.partial
        can_have = possible_availabilities(facts, research=args.research)
        if not args.json and not args.reply:
            moment = spoken_time(facts.reference_time, args.lang)
            context.out.write(LABELS[args.lang]["reference_time"].format(time=moment) + "\n")
            if args.rest_ok:
                context.out.write(_assumed_line(assumed, args.lang) + "\n")
            context.out.write(eligibility_text(eligibility, args.lang) + "\n\n")
    elif args.available is not None or args.unknown is not None:
        known = _partial(args.available, args.unknown)
    else:
        raise InvalidValueError(
            "missing_value", value=None, field="--available", choices=("--available", "--facts")
        )
    _write_explanation(args, context, known, eligibility, (can_have, assumed))
    return 0


def _write_explanation(
    args: argparse.Namespace,
    context: Context,
    known: PartialAvailability,
    eligibility: Eligibility | None,
    what_if: tuple[frozenset[Availability] | None, tuple[str, ...]],
) -> None:
    """Write explain's answer: JSON, a reply, or the explanation, settled or not."""
    can_have, assumed = what_if
    route = _route(args)
    if args.json:
        out = _possible_json(route, known, eligibility, can_have)
        if args.rest_ok:
            out["assumed"] = list(assumed)
        context.out.write(json.dumps(out) + "\n")
    elif args.reply:
        said = [REST_OK[args.lang][name] for name in assumed]
        text = reply_explain(
            route, known, args.lang, eligibility=eligibility, can_have=can_have, assumed=said
        )
        context.out.write(text + "\n")
    elif known.unknown:
        # The reasons were said once, above the explanation.
        text = explain_undecided(
            route, known, eligibility, args.lang, because=False, can_have=can_have
        )
        context.out.write(text + "\n")
    else:
        made = decision(args, known.completions()[0])
        context.out.write(explain_decision(made, lang=args.lang) + "\n")


def _assumed_line(assumed: tuple[str, ...], lang: Lang) -> str:
    say = REST_OK[lang]
    if not assumed:
        return say["none"]
    return say["head"].format(facts=join_list([say[name] for name in assumed], lang))


def _diagnose(args: argparse.Namespace, context: Context) -> int:
    rule = DistributionRule.default() if args.rule is None else DistributionRule.parse(args.rule)
    got = None if args.got.strip().lower() in _NONE else args.got
    facts = facts_from_flags(args, context.now)
    found: FactsDiagnosis | None = None
    assumed: tuple[str, ...] = ()
    if facts is not None:
        for given, field in ((args.available, "--available"), (args.unknown, "--unknown")):
            if given is not None:
                raise InvalidValueError("facts_and_available", value=given, field=field)
        if args.rest_ok:
            facts, assumed = assume_the_rest(
                facts, research=args.research, filled=getattr(args, "filled", ())
            )
        found = diagnose_facts(rule, got=got, facts=facts, research=args.research)
        diagnosis = found.diagnosis
    else:
        known = (
            _partial(args.available, args.unknown)
            if args.available is not None or args.unknown is not None
            else PartialAvailability()
        )
        diagnosis = diagnose(rule, got=got, known=known)
    if args.json:
        out = _diagnosis_json(diagnosis, found)
        if args.rest_ok:
            out["assumed"] = list(assumed)
        context.out.write(json.dumps(out) + "\n")
    elif args.reply:
        text = reply_diagnosis(diagnosis, args.lang, found)
        if args.rest_ok and assumed:
            said = join_list([REST_OK[args.lang][name] for name in assumed], args.lang)
            text += REPLY_WORDS[args.lang]["assumed_note"].format(assumed=said)
        context.out.write(text + "\n")
    else:
        if args.rest_ok:
            context.out.write(_assumed_line(assumed, args.lang) + "\n")
        context.out.write(explain_diagnosis(diagnosis, args.lang, found, rule) + "\n")
    return 0


def _diagnosis_json(diagnosis: Diagnosis, found: FactsDiagnosis | None) -> dict[str, object]:
    names = _api_names
    check = {} if found is None else {CHANNEL_FIELDS[ch]: facts for ch, facts in found.check}
    must = {} if found is None else {CHANNEL_FIELDS[ch]: why for ch, why in found.must}
    return {
        "consistent": diagnosis.consistent,
        "must_be_unavailable": names(diagnosis.must_be_unavailable),
        "must_be_available": names(diagnosis.must_be_available),
        "irrelevant": names(diagnosis.irrelevant),
        "check": {
            CHANNEL_FIELDS[ch]: [
                {"fact": fact, "known": False} for fact in check.get(CHANNEL_FIELDS[ch], ())
            ]
            for ch in diagnosis.inferred
        },
        "must": {field: [reason.value for reason in why] for field, why in must.items()},
        "suspects": [] if found is None else list(found.suspects),
    }


def _api_names(channels: tuple[NotificationChannel, ...]) -> list[str]:
    return [channel.api_name for channel in channels]


_NONE: Final = frozenset({"ingen", "ingenting", "none", "nothing", "null"})


def _route(args: argparse.Namespace) -> DistributionRule | tuple[NotificationChannel, ...]:
    """Return RULE (default: Basic, as ePROM) or --priority-list, never both."""
    if args.priority_list is None:
        return (
            DistributionRule.default() if args.rule is None else DistributionRule.parse(args.rule)
        )
    if args.rule is not None:
        raise InvalidValueError(
            "rule_and_list", value=args.rule, field="RULE", choices=args.priority_list
        )
    return tuple(parse_channel(item, field="--priority-list") for item in items(args.priority_list))


def _partial(available: str | None, unknown: str | None) -> PartialAvailability:
    """Read --available and --unknown: the channels named in neither are not available."""
    flags: dict[str, bool | None] = dict.fromkeys(CHANNEL_FIELDS.values(), False)
    if available is not None:
        flags |= {k: True for k, v in availability(available).to_dict().items() if v}
    if unknown is not None:
        for channel in availability(unknown).channels:
            name = CHANNEL_FIELDS[channel]
            if flags[name]:
                raise InvalidValueError(
                    "available_and_unknown", value=channel.api_name, field="--unknown"
                )
            flags[name] = None
    return PartialAvailability(**flags)


def _possible_json(
    route: DistributionRule | tuple[NotificationChannel, ...],
    known: PartialAvailability,
    eligibility: Eligibility | None,
    can_have: frozenset[Availability] | None,
) -> dict[str, object]:
    possible = possible_decisions(route, known)
    if can_have is not None:
        possible = possible.within(can_have)
    cases = [
        {
            "channel": case.decision.channel.api_name,
            "outcome": case.decision.outcome.name,
            "assuming": dict(case.assuming),
        }
        for case in possible.cases
    ]
    channels = [_BY_FIELD[name] for case in possible.cases for name in case.assuming]
    missing = {
        CHANNEL_FIELDS[channel]: list(eligibility.missing(channel) if eligibility else ())
        for channel in dict.fromkeys(channels)
    }
    return {"settled": possible.settled, "cases": cases, "missing": missing}


_BY_FIELD: Final = {name: channel for channel, name in CHANNEL_FIELDS.items()}


def _rules(args: argparse.Namespace, context: Context) -> int:
    if args.format == "json":
        context.out.write(rules_json(args.lang))
    else:
        context.out.write(rules_table(args.lang, markdown=args.format == "markdown"))
    return 0


def _matrix(args: argparse.Namespace, context: Context) -> int:
    context.out.write(matrix(args.format, args.lang, flags=args.flags))
    return 0


def _describe(args: argparse.Namespace, context: Context) -> int:
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
    if member is None and kind is FormOrderEventLogType:
        # Every event name the guide lists, the two without a published number too.
        event = FormEvent.parse(code)
        if event.code is None:
            context.out.write(EVENTS[args.lang][event.name] + "\n")
            return 0
        member = FormOrderEventLogType.parse(event.code)
    if member is None:
        member = (
            parse_channel(code, field="CODE", allow_none=True)
            if kind is NotificationChannel
            else kind.parse(code)
        )
    context.out.write(describe(member, lang=args.lang) + "\n")  # type: ignore[arg-type]  # a member of one of CODE_ENUMS
    return 0
