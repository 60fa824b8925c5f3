"""``simulate --plot`` and ``audit --plot``: stacked bars drawn with matplotlib into SVG or PNG.

One reason to change: how the pictures look: a simulation's bar per rule (the share of the
patients each channel reaches), an audit's bar per channel (the share of its orders in each
status). matplotlib is an optional extra
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
from distribution.codes import MrsOrderStatus, NotificationChannel
from distribution.presentation._audit_texts import AUDIT

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from distribution._texts import Lang
    from distribution.cohorts import Simulation
    from distribution.mrs.audit import Audit

_KINDS: Final = {".svg": "svg", ".png": "png"}
# Channel colours first, then unreachable, one-time code and not settled: told apart in grey
# scale too (light to dark), so a printout still reads.
_COLOURS: Final = ("#1b7837", "#5aae61", "#a6dba0", "#2166ac", "#d6604d", "#bababa", "#fdb863")
# MRS's statuses in code order: Bestilt, Besvart, Utgått, Feilet, Ikke bestilt, Mottaker ikke
# nådd, Prosesserer bestilling. Answered is the dark green; the failures are the reds.
_STATUS_COLOURS: Final = (
    "#92c5de",
    "#1b7837",
    "#fdb863",
    "#d6604d",
    "#bababa",
    "#b2182b",
    "#e0e0e0",
)
_MODULES: dict[str, ModuleType] = {}  # matplotlib's, once imported


def _figure_class() -> type:
    if "figure" not in _MODULES:
        try:
            _MODULES["figure"] = importlib.import_module("matplotlib.figure")
        except ImportError:
            raise InvalidValueError("needs_plot", value=None, field="--plot") from None
    figure: type = _MODULES["figure"].Figure
    return figure


def _writer(path: str) -> Callable[[int, Callable[[object], None]], None]:
    """Return what saves a figure of so many bars, painted by a function, into *path*.

    The kind of file and matplotlib are checked now, before any file is read.
    """
    kind = next((kind for suffix, kind in _KINDS.items() if path.lower().endswith(suffix)), None)
    if kind is None:
        raise InvalidValueError("plot_file", value=path, field="--plot")
    figure_class = _figure_class()

    def save(bars: int, paint: Callable[[object], None]) -> None:
        figure = figure_class(figsize=(8, 0.5 + 0.45 * max(bars, 1)))
        paint(figure)
        metadata = {"Date": None} if kind == "svg" else {"Software": None}
        matplotlib = importlib.import_module("matplotlib")
        with matplotlib.rc_context({"svg.hashsalt": PROG, "svg.fonttype": "none"}):
            figure.savefig(path, format=kind, metadata=metadata, bbox_inches="tight")

    return save


def plot_writer(path: str) -> Callable[[Simulation, Lang], None]:
    """Return what draws a simulation into *path*; checked now, before any file is read."""
    save = _writer(path)
    return lambda result, lang: save(len(result.tallies), lambda f: _bars(f, result, lang))


def audit_plot_writer(path: str) -> Callable[[Audit, Lang], None]:
    """Return what draws an audit's outcomes per channel into *path*; checked now."""
    save = _writer(path)

    def draw(result: Audit, lang: Lang) -> None:
        channels = [ch for ch in NotificationChannel if result.count(channel=ch)]
        save(len(channels), lambda f: _audit_bars(f, result, channels, lang))

    return draw


def _stacked(  # noqa: PLR0913  # the parts of one picture
    figure: object,
    *,
    names: list[str],
    parts: list[str],
    colours: tuple[str, ...],
    shares: list[list[float]],
    axis: str,
) -> None:
    """Draw a bar per name, of a part per colour, each its share (per cent) of the bar."""
    axes = figure.add_subplot()  # type: ignore[attr-defined]  # a matplotlib Figure
    left = [0.0] * len(names)
    for index, (part, colour) in enumerate(zip(parts, colours, strict=True)):
        widths = [row[index] for row in shares]
        axes.barh(names, widths, left=left, color=colour, label=part)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.invert_yaxis()  # the first on top, as in the table
    axes.set_xlim(0, 100)
    axes.set_xlabel(axis)
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.2 / max(len(names), 1)),
        ncol=3,
        fontsize="small",
        frameon=False,
    )


def _audit_bars(
    figure: object, result: Audit, channels: list[NotificationChannel], lang: Lang
) -> None:
    say = AUDIT[lang]
    shares = []
    for channel in channels:
        orders = result.count(channel=channel)
        shares.append(
            [100 * result.count(channel=channel, status=s) / orders for s in MrsOrderStatus]
        )
    _stacked(
        figure,
        names=[f"{ch.value} {ch.api_name}" for ch in channels],
        parts=[say[f"status_{s.name}"] for s in MrsOrderStatus],
        colours=_STATUS_COLOURS,
        shares=shares,
        axis=say["plot_axis"].format(n=result.rows),
    )


def _bars(figure: object, result: Simulation, lang: Lang) -> None:
    label = LABELS[lang]
    parts = [
        *(CHANNEL_LABELS[lang][name] for name in _CHANNELS),
        label["unreachable"],
        label["not_distributed"],
        label["not_settled"],
    ]
    shares = [
        [t.percent(n) for n in (*t.by_channel, t.unreachable, t.not_distributed, t.not_settled)]
        for t in result.tallies
    ]
    _stacked(
        figure,
        names=[f"{t.rule.value} {t.rule.api_name}" for t in result.tallies],
        parts=parts,
        colours=_COLOURS,
        shares=shares,
        axis=f"% {label['patients']} (n = {result.patients})",
    )


_CHANNELS: Final = ("HELSENORGE", "DIGITAL_MAILBOX", "UNSECURE", "PHYSICAL_MAILBOX")
