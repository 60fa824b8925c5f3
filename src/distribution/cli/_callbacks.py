"""The commands that hold ePROM's status callbacks against decisions: check and verify.

One reason to change: what these two commands take and print. ``check`` reads one callback
beside a decision made from its flags; ``verify`` streams two JSON-lines files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from distribution._errors import mask_personal
from distribution._texts import CHANNEL_LABELS, join_list
from distribution.cli._decisions import add_decision_arguments, add_reply, decision
from distribution.cli._files import lines, open_utf8, read
from distribution.cli._values import availability
from distribution.codes import FormOrderStatus
from distribution.eprom.callbacks import FormReturnCallback, read_callback
from distribution.eprom.reconciliation import Reconciliation, Verdict, reconcile
from distribution.eprom.verification import verify
from distribution.patient.diagnosis import LIKELY, FactsDiagnosis, diagnose_facts
from distribution.patient.eligibility import assess
from distribution.patient.facts import PatientFacts
from distribution.presentation._reply import reply_check
from distribution.presentation._undecided_texts import FACT_WORDS, UNDECIDED
from distribution.presentation.reconciliation import explain_reconciliation
from distribution.presentation.tables import verification_json, verification_text
from distribution.presentation.timeline import explain_timeline

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from distribution._texts import Lang
    from distribution.cli._context import Adder, Context
    from distribution.codes import NotificationChannel


def add_check(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``check``."""
    sub = add(
        "check",
        "check BasicOrPaper --available digipost,papir --callback tilbakemelding.json --lang nb",
        _check,
    )
    add_decision_arguments(sub, say, available_required=True)
    add_reply(sub, say)
    sub.add_argument(
        "--callback",
        "--statuskall",
        "--tilbakemelding",
        required=True,
        metavar=say["mv_file"],
        help=say["callback"],
    )


def add_verify(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``verify``."""
    sub = add("verify", "verify bestillinger.jsonl tilbakemeldinger.jsonl --json", _verify)
    sub.add_argument("orders", metavar=say["mv_orders"], help=say["orders"])
    sub.add_argument("callbacks", metavar=say["mv_callbacks"], help=say["callbacks"])
    sub.add_argument("--json", action="store_true", help=say["json"])


def _check(args: argparse.Namespace, context: Context) -> int:
    made = decision(args, availability(args.available))
    callback = read_callback(read(args.callback, context.stdin))
    result = reconcile(made, callback)
    found = _fallback_diagnosis(result, context)
    if args.reply:
        context.out.write(reply_check(result, args.lang, found) + "\n")
        return _attention(result)
    text = explain_reconciliation(result, lang=args.lang)
    passed = _passed_over(result, found)
    if passed:
        text += "\n" + _what_to_check(result, passed, args.lang, context.now)
    if isinstance(callback, FormReturnCallback):
        text += "\n\n" + explain_timeline(callback, lang=args.lang)
    context.out.write(text + "\n")
    return _attention(result)


def _attention(result: Reconciliation) -> int:
    """Return 1 when *result* needs attention: a verdict not expected, or a returned letter."""
    returned = result.callback.status is FormOrderStatus.PHYSICAL_MAIL_RETURNED
    return 1 if returned or not result.verdict.expected else 0


def _fallback_diagnosis(result: Reconciliation, context: Context) -> FactsDiagnosis | None:
    """For a fallback under a rule: what explains the channels ePROM passed over.

    Nothing is known of the patient's facts here, so it names every fact that could have
    closed them, the likeliest first.
    """
    rule, got = result.decision.rule, result.callback.channel
    if result.verdict is not Verdict.FALLBACK or rule is None or got is None:
        return None  # a message's priority list: no rule to diagnose by
    return diagnose_facts(rule, got=got, facts=PatientFacts(reference_time=context.now))


def _passed_over(
    result: Reconciliation, found: FactsDiagnosis | None
) -> tuple[NotificationChannel, ...]:
    """Return the channels ePROM must have found closed before the one it used, in a fallback.

    Under a rule, the diagnosis says which; a message's priority list has no rule to diagnose
    by, but its fallback chain says the same: every channel before the one used.
    """
    if found is not None:
        return found.diagnosis.must_be_unavailable
    got, chain = result.callback.channel, result.decision.chain
    if result.verdict is not Verdict.FALLBACK or got not in chain:
        return ()
    return chain[: chain.index(got)]


def _what_to_check(
    result: Reconciliation, passed: Sequence[NotificationChannel], lang: Lang, now: datetime
) -> str:
    """Name, for each channel the decision held available but ePROM passed over, what to check.

    Nothing is known of the patient here, so every fact that could close the channel is named,
    the likeliest first, and each once.
    """
    say, labels = UNDECIDED[lang], CHANNEL_LABELS[lang]
    nothing_known = assess(PatientFacts(reference_time=now))
    lines = [say["fallback_head"]]
    said: set[str] = set()
    for channel in passed:
        if not result.decision.availability.has(channel):
            continue  # known to be closed when the decision was made: no surprise
        facts = sorted(nothing_known.missing(channel), key=LIKELY.index)
        fresh = [fact for fact in facts if fact not in said]
        said.update(fresh)
        label = labels[channel.name][0].upper() + labels[channel.name][1:]
        named = join_list([FACT_WORDS[lang][f"check_{fact}"] for fact in fresh], lang)
        key = "fallback_check" if fresh else "fallback_same"
        lines.append(say[key].format(channel=label, facts=named))
    return "\n".join(lines)


def _verify(args: argparse.Namespace, context: Context) -> int:
    out = context.out
    with open_utf8(args.orders) as orders, open_utf8(args.callbacks) as callbacks:
        run = verify(
            lines(orders, args.orders),
            lines(callbacks, args.callbacks),
            orders_name=mask_personal(args.orders),
            callbacks_name=mask_personal(args.callbacks),
        )
        if args.json:
            verification_json(run, run, out)
        else:
            out.writelines(anomaly.describe(lang=args.lang) + "\n" for anomaly in run)
            out.write(verification_text(run, args.lang))
    return 1 if run.needs_attention else 0
