"""``simulate --plot``: a stacked bar per rule, drawn with matplotlib into an SVG or PNG file.

One reason to change: how the simulation's picture looks. matplotlib is an optional extra
(``pip install 'eprom-distribution[plot]'``), imported only when a plot is asked for, once; no
other command pays for it. The figure is drawn on a :class:`matplotlib.figure.Figure` of its
own, never through pyplot's global state, and an SVG is written without its date, so the same
simulation always gives the same file.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

from distribution._errors import InvalidValueError
from distribution._texts import CHANNEL_LABELS, LABELS
from distribution.cli._context import PROG

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from distribution._texts import Lang
    from distribution.cohorts import Simulation

_KINDS: Final = {".svg": "svg", ".png": "png"}
# Channel colours first, then unreachable, one-time code and not settled: told apart in grey
# scale too (light to dark), so a printout still reads.
_COLOURS: Final = ("#1b7837", "#5aae61", "#a6dba0", "#2166ac", "#d6604d", "#bababa", "#fdb863")
_MODULES: dict[str, ModuleType] = {}  # matplotlib's, once imported


def _figure_class() -> type:
    if "figure" not in _MODULES:
        try:
            _MODULES["figure"] = importlib.import_module("matplotlib.figure")
        except ImportError:
            raise InvalidValueError("needs_plot", value=None, field="--plot") from None
    figure: type = _MODULES["figure"].Figure
    return figure


def plot_writer(path: str) -> Callable[[Simulation, Lang], None]:
    """Return what draws a simulation into *path*; checked now, before any file is read."""
    kind = next((kind for suffix, kind in _KINDS.items() if path.lower().endswith(suffix)), None)
    if kind is None:
        raise InvalidValueError("plot_file", value=path, field="--plot")
    figure_class = _figure_class()

    def draw(result: Simulation, lang: Lang) -> None:
        figure = figure_class(figsize=(8, 0.5 + 0.45 * max(len(result.tallies), 1)))
        _bars(figure, result, lang)
        metadata = {"Date": None} if kind == "svg" else {"Software": None}
        matplotlib = importlib.import_module("matplotlib")
        with matplotlib.rc_context({"svg.hashsalt": PROG, "svg.fonttype": "none"}):
            figure.savefig(path, format=kind, metadata=metadata, bbox_inches="tight")

    return draw


def _bars(figure: object, result: Simulation, lang: Lang) -> None:
    axes = figure.add_subplot()  # type: ignore[attr-defined]  # a matplotlib Figure
    label = LABELS[lang]
    parts = [
        *(CHANNEL_LABELS[lang][name] for name in _CHANNELS),
        label["unreachable"],
        label["not_distributed"],
        label["not_settled"],
    ]
    names = [f"{t.rule.value} {t.rule.api_name}" for t in result.tallies]
    shares = [
        [t.percent(n) for n in (*t.by_channel, t.unreachable, t.not_distributed, t.not_settled)]
        for t in result.tallies
    ]
    left = [0.0] * len(names)
    for index, (part, colour) in enumerate(zip(parts, _COLOURS, strict=True)):
        widths = [row[index] for row in shares]
        axes.barh(names, widths, left=left, color=colour, label=part)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.invert_yaxis()  # the first rule on top, as in the table
    axes.set_xlim(0, 100)
    axes.set_xlabel(f"% {label['patients']} (n = {result.patients})")
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.2 / max(len(names), 1)),
        ncol=3,
        fontsize="small",
        frameon=False,
    )


_CHANNELS: Final = ("HELSENORGE", "DIGITAL_MAILBOX", "UNSECURE", "PHYSICAL_MAILBOX")
