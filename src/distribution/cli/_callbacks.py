"""The commands that hold ePROM's status callbacks against decisions: check and verify.

One reason to change: what these two commands take and print. ``check`` reads one callback
beside a decision made from its flags; ``verify`` streams two JSON-lines files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from distribution._errors import mask_personal
from distribution.cli._decisions import add_decision_arguments, decision
from distribution.cli._files import lines, open_utf8, read
from distribution.cli._values import availability
from distribution.eprom.callbacks import FormReturnCallback, read_callback
from distribution.eprom.reconciliation import reconcile
from distribution.eprom.verification import verify
from distribution.presentation.reconciliation import explain_reconciliation
from distribution.presentation.tables import verification_json, verification_text
from distribution.presentation.timeline import explain_timeline

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from distribution.cli._context import Adder, Context


def add_check(add: Adder, say: Mapping[str, str]) -> None:
    """Add ``check``."""
    sub = add(
        "check",
        "check BasicOrPaper --available digipost,papir --callback tilbakemelding.json --lang nb",
        _check,
    )
    add_decision_arguments(sub, say, available_required=True)
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
    text = explain_reconciliation(result, lang=args.lang)
    if isinstance(callback, FormReturnCallback):
        text += "\n\n" + explain_timeline(callback, lang=args.lang)
    context.out.write(text + "\n")
    return 0 if result.verdict.expected else 1


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
