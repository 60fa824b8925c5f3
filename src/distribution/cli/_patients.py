"""The commands about one patient or one order: assess (facts from a file) and preflight.

One reason to change: what these two commands take and print. A national ID given as ``-`` is
read from standard input, or asked for without echo, so it never stands on the command line.
"""

from __future__ import annotations

import getpass
import json
from typing import TYPE_CHECKING

from distribution._errors import DistributionError
from distribution._texts import LABELS, join_list
from distribution.cli._files import first_line, read
from distribution.cli._texts import PREFLIGHT
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import decide
from distribution.eprom.preflight import preflight
from distribution.partial import possible_decisions
from distribution.patient.eligibility import Eligibility, assess
from distribution.patient.facts import PatientFacts
from distribution.presentation._undecided import explain_undecided
from distribution.presentation.decision import explain_decision
from distribution.presentation.tables import eligibility_text
from distribution.routes import ROUTES

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from distribution._texts import Lang
    from distribution.cli._context import Adder, Context


def add_assess(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``assess``."""
    sub = add("assess", "assess pasient.json --rule BasicOrPaper", _assess)
    sub.add_argument("file", metavar=say["mv_json"], help=say["facts_file"])
    sub.add_argument("--rule", "--regel", default="Basic", help=say["assess_rule"])
    sub.add_argument("--research", "--forskning", action="store_true", help=say["research"])
    sub.add_argument(
        "--on-behalf-of", "--paa-vegne-av", metavar=say["mv_json"], help=say["on_behalf_of_facts"]
    )
    sub.add_argument("--json", action="store_true", help=say["json"])


def add_preflight(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``preflight``."""
    sub = add("preflight", "preflight NoDistribution --must-be-signed", _preflight)
    sub.add_argument("rule", metavar=say["mv_rule"], help=say["rule_required"])
    sub.add_argument("--must-be-signed", action="store_true", help=say["must_be_signed"])
    sub.add_argument("--on-behalf-of", action="store_true", help=say["on_behalf_of"])
    sub.add_argument("--not-paper-enabled", action="store_true", help=say["not_paper_enabled"])
    sub.add_argument("--national-id", metavar=say["mv_id"], help=say["national_id"])
    sub.add_argument("--json", action="store_true", help=say["problem_codes"])


def _assessed(rule: str, eligibility: Eligibility) -> dict[str, object]:
    """Return ``assess --json``: the decision only when every channel is known.

    ``known`` has ``null`` for a channel not known, and ``possible`` every case ePROM may be in,
    with what it assumes: a channel not known is never written down as unavailable, and no
    decision is stated that a fact not given could change.
    """
    known = eligibility.partial
    decided = None if known.unknown else decide(rule, eligibility.availability).to_dict()
    possible = possible_decisions(rule, known)
    return {
        "eligibility": {**eligibility.to_dict(), "known": known.to_dict()},
        "decision": decided,
        "possible": [
            {
                "assuming": dict(case.assuming),
                "channel": {
                    "code": case.decision.channel.value,
                    "name": case.decision.channel.api_name,
                },
                "outcome": case.decision.outcome.value,
            }
            for case in possible.cases
        ],
    }


def _assess(args: argparse.Namespace, context: Context) -> int:
    facts = PatientFacts.from_json(read(args.file, context.stdin))
    concerned = None if args.on_behalf_of is None else _on_behalf_of(args.on_behalf_of, context)
    eligibility = assess(facts, research=args.research, on_behalf_of=concerned)
    if args.json:
        context.out.write(json.dumps(_assessed(args.rule, eligibility), ensure_ascii=False) + "\n")
    else:
        # The reasons are said once, above; an unknown fact that could change the result
        # leaves it unsettled rather than decided on the channels known.
        known = eligibility.partial
        explanation = (
            explain_undecided(
                DistributionRule.parse(args.rule), known, eligibility, args.lang, because=False
            )
            if known.unknown
            else explain_decision(decide(args.rule, eligibility.availability), lang=args.lang)
        )
        context.out.write(eligibility_text(eligibility, args.lang) + "\n\n" + explanation + "\n")
    return 0


def _on_behalf_of(path: str, context: Context) -> PatientFacts:
    try:
        return PatientFacts.from_json(read(path, context.stdin))
    except DistributionError as error:
        raise error.within("on_behalf_of") from None


_LONGEST_ID_LINE = 100  # a national ID is 11 digits; spaces around it are allowed


def _national_id(value: str | None, context: Context, lang: Lang) -> str | None:
    """Return the national ID; ``-`` reads it from standard input, or asks without echoing it."""
    if value != "-":
        return value
    if context.stdin.isatty():
        return getpass.getpass(LABELS[lang]["national_id_prompt"])
    return first_line(context.stdin, _LONGEST_ID_LINE).strip()


def _preflight(args: argparse.Namespace, context: Context) -> int:
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
        assumed = _assumed(args)
        if assumed:
            said = join_list([PREFLIGHT[args.lang][name] for name in assumed], args.lang)
            context.out.write(PREFLIGHT[args.lang]["assumed"].format(facts=said) + "\n")
    return 1 if problems else 0


def _assumed(args: argparse.Namespace) -> list[str]:
    """Return what a clean pre-flight took for granted, for want of the flag that says it.

    Only what could have made ePROM refuse this rule: paper for a rule that sends letters,
    signing for NoDistribution or an order on someone's behalf, no one on whose behalf for a
    form that must be signed, and the national ID.
    """
    rule = DistributionRule.parse(args.rule)
    assumed = []
    if NotificationChannel.PHYSICAL_MAILBOX in ROUTES[rule] and not args.not_paper_enabled:
        assumed.append("paper_enabled")
    if (not ROUTES[rule] or args.on_behalf_of) and not args.must_be_signed:
        assumed.append("not_signed")
    if args.must_be_signed and not args.on_behalf_of:
        assumed.append("not_on_behalf")
    if args.national_id is None:
        assumed.append("national_id")
    return assumed
