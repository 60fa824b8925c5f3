"""Write a synthetic cohort CSV with realistic channel shares.

    python -m benchmarks.make_cohort 1000000 cohort.csv --seed 7

The shares are illustrative, chosen to look like an adult Norwegian population, not official
statistics: most people have a postal address and KRR contact details; fewer have given
Helsenorge consent or have a digital mailbox; a few percent are reserved against digital
communication, and they have no digital mailbox and seldom Helsenorge. The same seed always
writes the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

HEADER = "patient,helsenorge,digital_mailbox,krr_contact,paper\n"

# P(channel) for an ordinary and for a reserved person.
SHARES = {
    "ordinary": {"helsenorge": 0.72, "digital_mailbox": 0.62, "krr_contact": 0.88, "paper": 0.985},
    "reserved": {"helsenorge": 0.15, "digital_mailbox": 0.0, "krr_contact": 0.0, "paper": 0.995},
}
RESERVED_SHARE = 0.03


def rows(count: int, seed: int) -> Iterator[str]:
    """Yield *count* CSV rows (without the header); deterministic for a given *seed*."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        shares = SHARES["reserved" if rng.random() < RESERVED_SHARE else "ordinary"]
        flags = ("1" if rng.random() < shares[name] else "0" for name in SHARES["ordinary"])
        yield f"p{number},{','.join(flags)}\n"


def write(count: int, path: Path, seed: int) -> None:
    """Write a cohort of *count* patients to *path*."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        handle.writelines(rows(count, seed))


def main(argv: list[str]) -> int:
    """Parse the command line and write the file."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, help="number of patients")
    parser.add_argument("path", type=Path, help="the CSV file to write")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args(argv)
    write(args.count, args.path, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
