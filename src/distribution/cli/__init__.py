"""The command line: ``eprom-distribution`` or ``python -m distribution``.

Every command prints to stdout and returns 0; bad input prints one line to stderr naming the bad
value and the valid choices (and the nearest one) and returns 2, never a traceback. ``preflight``
returns 1 when it finds problems, ``check`` when the verdict needs attention, ``verify`` when
anything does, ``audit`` when a row of MRS's datadump does. Output that cannot be written ends
quietly: 141 when the reader went away (``… | head -1``), 74 when it is closed or the disk is
full; Ctrl-C returns 130.

Texts follow ``--lang`` (``nb``, ``no``, ``nb-NO``, ``en``, ``en-GB``, any case), which defaults
from the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``nb_NO…``, ``no_NO…`` or ``nn_NO…`` give
bokmål) and falls back to English. ``--help`` and argparse's own messages follow it too.

Unlike the library, the command line may read the clock: ``explain`` with patient facts judges
them at the current time unless ``--reference-time`` is given, and prints which time it used.

The only public name is :func:`main`. Its parts are private modules, one concept each:
``_main`` (exit codes), ``_parser``, ``_lang`` (the language and argparse's messages), ``_values``
and ``_facts`` (what flags say), ``_files`` (reading files), ``_excel`` (reading a workbook,
within its limits), ``_context``, ``_texts``, and one
module per group of commands: ``_decisions``, ``_patients``, ``_cohorts``, ``_callbacks``,
``_fake`` (``fake-eprom``, which serves :mod:`distribution.http.server` until Ctrl-C).
"""

from __future__ import annotations

from distribution.cli._main import main

__all__ = ["main"]
