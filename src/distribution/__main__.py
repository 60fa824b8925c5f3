"""``python -m distribution``: the command line (see :mod:`distribution.cli`)."""

from distribution.cli import main

raise SystemExit(main())
