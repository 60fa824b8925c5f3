"""``python -m distribution``: the command line (see :mod:`distribution.cli`)."""

import sys

try:
    from distribution.cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line loads: quiet, as after it has loaded
    sys.exit(130)

raise SystemExit(main())
