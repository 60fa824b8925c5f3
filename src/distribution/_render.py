"""Tables and diagrams generated from the rule table (internal).

The CLI's ``rules`` and ``matrix`` commands and the generated parts of ``docs/`` come from here,
so the docs cannot drift from :data:`~distribution.routes.ROUTES` without a test noticing.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Final

from distribution._phrasebook import LEGEND, MEANINGS
from distribution.availability import CHANNEL_FIELDS, Availability
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import Decision, Outcome, decide
from distribution.errors import UnknownCodeError
from distribution.routes import ROUTES

if TYPE_CHECKING:
    from distribution._texts import Lang

MATRIX_FORMATS: Final = ("text", "markdown", "csv", "json")
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


def matrix(fmt: str = "text", lang: Lang = "en") -> str:
    """Return the 9 × 16 decision matrix in *fmt* (``text``, ``markdown``, ``csv``, ``json``)."""
    renderers = {
        "text": _matrix_text,
        "markdown": _matrix_markdown,
        "csv": _matrix_csv,
        "json": _matrix_json,
    }
    if fmt not in renderers:
        raise UnknownCodeError("unknown_code", value=fmt, field="format", choices=MATRIX_FORMATS)
    if fmt in {"text", "markdown"}:
        return renderers[fmt]() + "\n" + LEGEND[lang] + "\n"
    return renderers[fmt]()


def _grid() -> list[list[str]]:
    header = ["available", *(f"{rule.value} {rule.api_name}" for rule in DistributionRule)]
    rows = [
        [availability_label(a), *(_cell(decide(rule, a)) for rule in DistributionRule)]
        for a in Availability.all()
    ]
    return [header, *rows]


def _matrix_text() -> str:
    grid = _grid()
    widths = [max(len(row[i]) for row in grid) for i in range(len(grid[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in grid
    ]
    return "\n".join(lines) + "\n"


def _matrix_markdown() -> str:
    grid = _grid()
    header, *rows = grid
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


def _matrix_csv() -> str:
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


def _matrix_json() -> str:
    # One decision per line: readable, and a change shows as a one-line diff.
    decisions = [decide(rule, a).to_dict() for rule in DistributionRule for a in Availability.all()]
    return "[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in decisions) + "\n]\n"


def rules_table(lang: Lang = "en", *, markdown: bool = False) -> str:
    """Return every rule: code, name, route and meaning."""
    rows = [
        (
            str(rule.value),
            rule.api_name,
            route_text(ROUTES[rule]),
            MEANINGS[lang][DistributionRule][rule],
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
