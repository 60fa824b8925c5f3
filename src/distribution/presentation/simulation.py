"""Presentation: a simulation as a text or Markdown table, CSV records or JSON.

One reason to change: how :func:`~distribution.cohorts.simulate`'s result is shown. The text
and Markdown tables are in the reader's language, each count with its share of the patients;
CSV and JSON have stable English snake_case names (:meth:`Simulation.to_records` and
:meth:`Simulation.to_dict`), the same whatever the language, for programs to read. Every format
says how many bad rows were skipped.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Final

from distribution._errors import UnknownCodeError, check_lang
from distribution._texts import LABELS, Lang
from distribution.availability import CHANNEL_FIELDS

if TYPE_CHECKING:
    from distribution.cohorts import RuleTally, Simulation

__all__ = ["SIMULATION_FORMATS", "simulation"]

SIMULATION_FORMATS: Final = ("text", "markdown", "json", "csv")
_STABLE: Final = (
    "rule_code",
    "rule_name",
    "patients",
    *(
        f"{name}{suffix}"
        for name in (
            "helsenorge",
            "digital_mailbox",
            "unsecure",
            "physical_mailbox",
            "unreachable",
            "not_distributed",
            "paper_despite_digital",
            "not_settled",
        )
        for suffix in ("", "_pct")
    ),
    "skipped",
    "incomplete",
)


def simulation(result: Simulation, fmt: str = "text", *, lang: Lang = "en") -> str:
    """Return a simulation as ``text``, ``markdown``, ``json`` or ``csv``."""
    lang = check_lang(lang)
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, (*result.by, *_STABLE), lineterminator="\n")
        writer.writeheader()
        writer.writerows(result.to_records())
        return out.getvalue()
    if fmt not in SIMULATION_FORMATS:
        raise UnknownCodeError(
            "unknown_code", value=fmt, field="format", choices=SIMULATION_FORMATS
        )
    label = LABELS[lang]
    unsettled = any(t.not_settled for t in result.tallies)
    lines = [f"{label['patients']}: {result.patients}", f"{label['skipped']}: {result.skipped}"]
    if result.incomplete:
        lines.append(f"{label['incomplete']}: {result.incomplete}")
    lines += _table(result.tallies, fmt, lang, unsettled=unsettled)
    for group in result.groups:
        values = ", ".join(
            f"{column} = {value}" for column, value in zip(result.by, group.values, strict=True)
        )
        heading = f"{values} ({label['patients']}: {group.simulation.patients})"
        lines += ["", f"### {heading}" if fmt == "markdown" else heading]
        lines += _table(group.simulation.tallies, fmt, lang, unsettled=unsettled)
    return "\n".join(lines) + "\n"


def _cell(count: int, tally: RuleTally, lang: Lang) -> str:
    share = f"{tally.percent(count):.1f}"
    return f"{count} ({share.replace('.', ',') if lang == 'nb' else share} %)"


def _table(tallies: tuple[RuleTally, ...], fmt: str, lang: Lang, *, unsettled: bool) -> list[str]:
    label = LABELS[lang]
    header = [
        label["rule"],
        *(ch.api_name for ch in CHANNEL_FIELDS),
        label["unreachable"],
        label["not_distributed"],
        label["paper_despite_digital"],
        *([label["not_settled"]] if unsettled else []),
    ]
    rows = [
        [
            f"{t.rule.value} {t.rule.api_name}",
            *(
                _cell(n, t, lang)
                for n in (*t.by_channel, t.unreachable, t.not_distributed, t.paper_despite_digital)
            ),
            *([_cell(t.not_settled, t, lang)] if unsettled else []),
        ]
        for t in tallies
    ]
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
        return lines + ["| " + " | ".join(row) + " |" for row in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in [header, *rows]
    ]
