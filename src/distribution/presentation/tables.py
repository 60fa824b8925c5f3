"""Presentation: values rendered as text tables, CSV, JSON and diagrams (internal).

Rule 1: the values (decisions, eligibility, simulations) know nothing of how they are shown;
every layout of them lives here. The CLI's output and the generated parts of ``docs/`` come from
here, so the docs cannot drift from :data:`~distribution.routes.ROUTES` without a test noticing.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Final, TextIO

from distribution._errors import UnknownCodeError, check_lang
from distribution._texts import (
    CHANNEL_LABELS,
    LABELS,
    Lang,
    join_list,
)
from distribution.availability import CHANNEL_FIELDS, Availability
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import Decision, Outcome, decide
from distribution.partial import ChannelStatus
from distribution.presentation._texts import (
    LEGEND,
    OUTCOMES,
    VERIFY,
)
from distribution.presentation._undecided_texts import UNDECIDED
from distribution.presentation.decision import meaning
from distribution.routes import ROUTES
from distribution.sql import FlagType, channel_case_sql, decision_table_sql

if TYPE_CHECKING:
    from collections.abc import Iterable

    from distribution.eprom.verification import Anomaly, Verification
    from distribution.patient.eligibility import Eligibility
    from distribution.patient.reasons import Reason

__all__ = [
    "MATRIX_FORMATS",
    "availability_label",
    "decision_text",
    "eligibility_text",
    "flowchart",
    "grid",
    "matrix",
    "route_text",
    "rules_json",
    "rules_table",
    "verification_json",
    "verification_text",
]

MATRIX_FORMATS: Final = ("text", "markdown", "csv", "json", "sql")
_SHORT: Final = {
    NotificationChannel.HELSENORGE: "H",
    NotificationChannel.DIGITAL_MAILBOX: "D",
    NotificationChannel.UNSECURE: "U",
    NotificationChannel.PHYSICAL_MAILBOX: "P",
}


def availability_label(availability: Availability) -> str:
    """Return ``"HD.P"``-style flags: a letter per available channel, ``.`` where it is not."""
    return "".join(_SHORT[ch] if availability.has(ch) else "." for ch in CHANNEL_FIELDS)


def route_text(route: tuple[NotificationChannel, ...]) -> str:
    """Return ``"Helsenorge → DigitalMailbox"``, or ``"—"`` for an empty route."""
    return " → ".join(channel.api_name for channel in route) or "—"


_EMPTY_CELL: Final = {Outcome.NOT_DISTRIBUTED: "code", Outcome.UNREACHABLE: "✗"}


def _cell(decision: Decision) -> str:
    return " → ".join(_SHORT[ch] for ch in decision.chain) or _EMPTY_CELL[decision.outcome]


def matrix(fmt: str = "text", lang: Lang = "en", *, flags: FlagType = "integer") -> str:
    """Return the 9 × 16 decision matrix in *fmt* (``text``, ``markdown``, ``csv``, ``json``).

    *flags* types the flags of ``sql`` (see :func:`~distribution.sql.decision_table_sql`).
    """
    if fmt == "sql":
        return _matrix_sql(flags)
    renderers = {
        "text": _matrix_text,
        "markdown": _matrix_markdown,
        "csv": _matrix_csv,
        "json": _matrix_json,
    }
    if fmt not in renderers:
        raise UnknownCodeError("unknown_code", value=fmt, field="format", choices=MATRIX_FORMATS)
    if fmt in {"text", "markdown"}:
        return renderers[fmt](lang) + "\n" + LEGEND[lang]["legend"] + "\n"
    return renderers[fmt](lang)


def grid(lang: Lang) -> list[list[str]]:
    """Return the decision matrix as rows of cells, the header first."""
    header = [
        LABELS[lang]["available_header"],
        *(f"{rule.value} {rule.api_name}" for rule in DistributionRule),
    ]
    rows = [
        [availability_label(a), *(_cell(decide(rule, a)) for rule in DistributionRule)]
        for a in Availability.all()
    ]
    return [header, *rows]


def _matrix_text(lang: Lang) -> str:
    cells = grid(lang)
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    return "\n".join(lines) + "\n"


def _matrix_markdown(lang: Lang) -> str:
    header, *rows = grid(lang)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| `" + row[0] + "` | " + " | ".join(row[1:]) + " |" for row in rows]
    return "\n".join(lines) + "\n"


_CSV_HEADER: Final = (
    "rule_code",
    "rule_name",
    *CHANNEL_FIELDS.values(),
    "channel_code",
    "channel_name",
    "fallbacks",
    "outcome",
)


def _matrix_csv(_lang: Lang) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_HEADER)
    for rule in DistributionRule:
        for a in Availability.all():
            d = decide(rule, a)
            writer.writerow(
                [
                    rule.value,
                    rule.api_name,
                    *(str(flag).lower() for flag in a.to_dict().values()),
                    d.channel.value,
                    d.channel.api_name,
                    " ".join(ch.api_name for ch in d.fallbacks),
                    d.outcome.value,
                ]
            )
    return out.getvalue()


def _matrix_json(_lang: Lang) -> str:
    # One decision per line: readable, and a change shows as a one-line diff.
    decisions = [decide(rule, a).to_dict() for rule in DistributionRule for a in Availability.all()]
    return "[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in decisions) + "\n]\n"


def _matrix_sql(flags: FlagType) -> str:
    case = channel_case_sql(rule="rule_code", flags=flags).replace("\n", "\n  ")
    return (
        decision_table_sql(flags=flags)
        + "\n-- The chosen channel as a CASE expression over your own columns (here the table's):\n"
        + f"SELECT rule_code, availability_index,\n  {case} AS channel_code\nFROM eprom_decision;\n"
    )


def rules_table(lang: Lang = "en", *, markdown: bool = False) -> str:
    """Return every rule: code, name, route and meaning."""
    rows = [
        (
            str(rule.value),
            rule.api_name,
            route_text(ROUTES[rule]),
            meaning(rule, lang),
        )
        for rule in DistributionRule
    ]
    if markdown:
        head = "| code | name | route | meaning |\n|---|---|---|---|\n"
        return head + "".join(f"| {c} | {n} | {r} | {m} |\n" for c, n, r, m in rows)
    name_width = max(len(n) for _, n, _, _ in rows)
    return "".join(
        f"{c}  {n.ljust(name_width)}  {r}\n   {' ' * name_width}  {m}\n" for c, n, r, m in rows
    )


def flowchart(rule: DistributionRule) -> str:
    """Return a Mermaid flowchart of *rule*'s route."""
    lines = ["flowchart LR", f'  start(["{rule.api_name} ({rule.value})"])']
    previous = "start"
    for channel in ROUTES[rule]:
        node = channel.name.lower()
        lines.append(f'  {previous} --> {node}{{"{channel.api_name} available?"}}')
        lines.append(f'  {node} -- yes --> {node}_sent["Notify by {channel.api_name}"]')
        previous = f"{node} -- no"
    if ROUTES[rule]:
        lines.append(f'  {previous} --> unreachable["Unreachable: Error, PatientUnreachable"]')
    else:
        lines.append('  start --> code["Nothing sent: the ordering system gives a one-time code"]')
    return "\n".join(lines) + "\n"


def rules_json(lang: Lang = "en") -> str:
    """Return every rule as JSON: code, name, route and meaning."""
    rules = [
        {
            "code": rule.value,
            "name": rule.api_name,
            "route": [{"code": ch.value, "name": ch.api_name} for ch in ROUTES[rule]],
            "meaning": meaning(rule, lang),
        }
        for rule in DistributionRule
    ]
    return json.dumps(rules, ensure_ascii=False, indent=1) + "\n"


def decision_text(decision: Decision, lang: Lang) -> str:
    """Return the decision as labelled lines: rule, route, availability, chain, channel, outcome.

    Channels and the outcome are in words, with the API name a log shows in parentheses.
    """
    label = LABELS[lang]
    rule = decision.rule
    head = (
        f"{label['rule']}: {rule.value} {rule.api_name}"
        if rule is not None
        else f"{label['priority_list']}"
    )
    return "\n".join(
        [
            head,
            f"{label['route']}: {_labels(decision.route, lang, ' → ')}",
            f"{label['available']}: {_labels(decision.availability.channels, lang, ', ')}",
            f"{label['chain']}: {_labels(decision.chain, lang, ' → ')}",
            f"{label['channel']}: {CHANNEL_LABELS[lang][decision.channel.name]}",
            f"{label['outcome']}: {OUTCOMES[lang][decision.outcome.name]}",
        ]
    )


def _labels(channels: tuple[NotificationChannel, ...], lang: Lang, separator: str) -> str:
    return separator.join(CHANNEL_LABELS[lang][ch.name] for ch in channels) or LABELS[lang]["none"]


def eligibility_text(eligibility: Eligibility, lang: Lang) -> str:
    """Return one line per channel (available, not available or not known yet), then why.

    Each reason is said once, for every channel it holds for: "we do not know whether the
    patient has BankID" closes three channels, and reads better once than three times.
    """
    label, say = LABELS[lang], UNDECIDED[lang]
    words = {
        ChannelStatus.AVAILABLE: label["yes"],
        ChannelStatus.UNAVAILABLE: label["no"],
        ChannelStatus.UNKNOWN: say["not_known_yet"],
    }
    lines = [f"{label['eligibility']}:"]
    holds: dict[Reason, list[NotificationChannel]] = {}
    for channel in CHANNEL_FIELDS:
        name = CHANNEL_LABELS[lang][channel.name]
        lines.append(f"- {name[0].upper()}{name[1:]}: {words[eligibility.status(channel)]}")
        for reason in eligibility.reasons(channel):
            holds.setdefault(reason, []).append(channel)
    groups: dict[tuple[NotificationChannel, ...], list[str]] = {}
    for reason, holding in holds.items():
        groups.setdefault(tuple(holding), []).append(reason.describe(lang=lang))
    lines.append(say["why"])
    for channels, reasons in groups.items():
        named = join_list([CHANNEL_LABELS[lang][channel.name] for channel in channels], lang)
        lines.append(f"- {named[0].upper()}{named[1:]}: {'; '.join(reasons)}.")
    return "\n".join(lines)


def verification_text(run: Verification, lang: Lang) -> str:
    """Return the end of ``verify``'s report: the counts, and whether anything needs attention."""
    say = VERIFY[check_lang(lang)]
    counts = {kind.value: count for kind, count in run.counts.items()}
    width = max(len(name) for name in counts)
    lines = [say["orders"].format(count=run.orders)]
    lines += [f"  {name.ljust(width)}  {count}" for name, count in counts.items()]
    if run.unjudged:
        lines.append(say["unjudged"].format(count=run.unjudged))
    attention = run.attention
    lines.append(say["attention"].format(count=attention) if attention else say["all_well"])
    return "\n".join(lines) + "\n"


def verification_json(run: Verification, anomalies: Iterable[Anomaly], out: TextIO) -> None:
    """Write ``verify --json`` to *out* as the anomalies come.

    The shape is ``{"anomalies": [...], "counts": {...}, "orders": n, "unjudged": n}``; the
    anomalies come first so that none is held back in memory.
    """
    out.write('{"anomalies": [')
    separator = "\n"
    for anomaly in anomalies:
        out.write(separator + json.dumps(anomaly.to_dict(), ensure_ascii=False))
        separator = ",\n"
    counts = {kind.value: count for kind, count in run.counts.items()}
    out.write(
        f'\n], "counts": {json.dumps(counts)}, "orders": {run.orders},'
        f' "unjudged": {run.unjudged}}}\n'
    )
