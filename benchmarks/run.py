"""Benchmarks for eprom-distribution: run by hand, results written to docs/performance.md.

    python -m benchmarks.run            # full run (a minute or two), rewrites docs/performance.md
    python -m benchmarks.run --quick    # seconds; what CI runs so the script cannot rot

Every candidate runs in this one process over the same pre-generated inputs, interleaved over
several rounds; each figure is the best round (the least disturbed by the rest of the machine).
Ratios compare figures from the same run, so they travel between machines better than
nanoseconds do.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import gc
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import distribution as dist
from benchmarks import make_cohort
from benchmarks.make_workbook import datadump

try:
    import duckdb
except ImportError:  # pragma: no cover  # the test extra has it; a bare install may not
    duckdb = None  # type: ignore[assignment]  # the DuckDB row is left out
from distribution import Availability, DistributionRule, FormOrderRequest, NotificationChannel
from distribution.cohorts import CsvCohort, simulate
from distribution.engine import _BY_RULE
from distribution.fake import FakeEprom, Timing
from distribution.http.client import EpromClient
from distribution.http.receiver import CallbackReceiver
from distribution.http.server import FakeEpromServer
from distribution.patient._rules import months_before
from distribution.patient.facts import HelsenorgeConsent, PatientFacts
from distribution.patient.krr import KrrRecord, KrrStatus

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
R, C = DistributionRule, NotificationChannel
H, D, U, P, NONE = C.HELSENORGE, C.DIGITAL_MAILBOX, C.UNSECURE, C.PHYSICAL_MAILBOX, C.NONE


@dataclass(frozen=True)
class Row:
    name: str
    ns: float
    baseline: str = ""
    ratio: float | None = None
    note: str = ""


# --- the baselines ----------------------------------------------------------------------------

FLAT = tuple(_BY_RULE[rule][index] for rule in R for index in range(16))


def limit(rule: DistributionRule, availability: Availability) -> object:
    """The physical limit for a Python call on these inputs: a plain function, one lookup in a
    precomputed table (nested by rule, then Availability.index), no checks."""
    return _BY_RULE[rule][availability.index]  # the raw table, as decide() reads it


def floor(key: int) -> object:
    """One step below the limit: the key pre-combined into one int, one tuple lookup."""
    return FLAT[key]


BASIC, ALLOW_UNSECURE, NO_DISTRIBUTION, BASIC_OR_PAPER, ALLOW_UNSECURE_OR_PAPER = tuple(R)[:5]
PAPER_ONLY, HELSENORGE_ONLY, DIGITAL_MAILBOX_ONLY = tuple(R)[5:8]


def naive(rule: DistributionRule, a: Availability) -> NotificationChannel:  # noqa: PLR0911, PLR0912
    """The if/elif code a backend developer would write inline: the chosen channel only.

    The rules are module constants: spelling them `DistributionRule.BASIC` in each test would
    add an enum-class attribute lookup per comparison and make the baseline look worse."""
    if rule == BASIC:
        if a.helsenorge:
            return H
        if a.digital_mailbox:
            return D
        return NONE
    if rule == ALLOW_UNSECURE:
        if a.helsenorge:
            return H
        if a.digital_mailbox:
            return D
        if a.krr_contact:
            return U
        return NONE
    if rule == NO_DISTRIBUTION:
        return NONE
    if rule == BASIC_OR_PAPER:
        if a.helsenorge:
            return H
        if a.digital_mailbox:
            return D
        if a.paper:
            return P
        return NONE
    if rule == ALLOW_UNSECURE_OR_PAPER:
        if a.helsenorge:
            return H
        if a.digital_mailbox:
            return D
        if a.krr_contact:
            return U
        if a.paper:
            return P
        return NONE
    if rule == PAPER_ONLY:
        return P if a.paper else NONE
    if rule == HELSENORGE_ONLY:
        return H if a.helsenorge else NONE
    if rule == DIGITAL_MAILBOX_ONLY:
        return D if a.digital_mailbox else NONE
    return U if a.krr_contact else NONE


# --- timing -----------------------------------------------------------------------------------


def best_ns_per_item(
    loops: dict[str, Callable[[], object]], items: int, rounds: int
) -> dict[str, float]:
    """Run each loop *rounds* times, interleaved; return the best ns per item of each."""
    best = dict.fromkeys(loops, float("inf"))
    gc.disable()
    try:
        for _ in range(rounds):
            for name, loop in loops.items():
                start = time.perf_counter_ns()
                loop()
                best[name] = min(best[name], (time.perf_counter_ns() - start) / items)
    finally:
        gc.enable()
    return best


def per_call(n: int, rounds: int, seed: int) -> list[Row]:
    rng = random.Random(seed)
    rules = [rng.choice(list(R)) for _ in range(n)]
    avails = [Availability.from_index(rng.randrange(16)) for _ in range(n)]
    pairs = list(zip(rules, avails, strict=True))
    int_pairs = [(int(r), a) for r, a in pairs]
    str_pairs = [(r.api_name, a) for r, a in pairs]
    keys = [r.value * 16 + a.index for r, a in pairs]
    assert all(limit(r, a) is dist.decide(r, a) for r, a in pairs[:100])
    lists = [rng.choice([(H, D, U, P), (U, P), (P,), (D, H)]) for _ in range(n)]
    list_pairs = list(zip(lists, avails, strict=True))
    one_rule = R.ALLOW_UNSECURE_OR_PAPER
    row = _BY_RULE[one_rule]
    decide, fallback_chain = dist.decide, dist.fallback_chain

    # One function per candidate, on purpose: a shared loop would share one call site, whose
    # inline cache the interpreter re-specializes whenever the callee changes, which made the
    # ratios drift by 10-15 % between runs.
    def loop_empty() -> None:
        for _r, _a in pairs:
            pass

    def loop_floor() -> None:
        for k in keys:
            floor(k)

    def loop_limit() -> None:
        for r, a in pairs:
            limit(r, a)

    def loop_naive() -> None:
        for r, a in pairs:
            naive(r, a)

    def loop_enum() -> None:
        for r, a in pairs:
            decide(r, a)

    def loop_int() -> None:
        for r, a in int_pairs:
            decide(r, a)

    def loop_str() -> None:
        for r, a in str_pairs:
            decide(r, a)

    def loop_chain() -> None:
        for r, a in pairs:
            fallback_chain(r, a)

    def loop_list() -> None:
        for channels, a in list_pairs:
            dist.decide_priority_list(channels, a)

    def batch_limit() -> None:
        [row[a.index] for a in avails]  # the list is the work being timed

    rows = _BY_RULE

    def batch_limit_pairs() -> None:
        [rows[r][a.index] for r, a in pairs]

    def batch_many() -> None:
        dist.decide_many(one_rule, avails)

    def batch_channels() -> None:
        dist.channels_many(one_rule, avails)

    def batch_each() -> None:
        dist.decide_each(pairs)

    t = best_ns_per_item(
        {
            "empty": loop_empty,
            "floor": loop_floor,
            "limit": loop_limit,
            "naive": loop_naive,
            "enum": loop_enum,
            "int": loop_int,
            "str": loop_str,
            "chain": loop_chain,
            "list": loop_list,
            "batch_limit": batch_limit,
            "many": batch_many,
            "channels": batch_channels,
            "each": batch_each,
            "pairs_limit": batch_limit_pairs,
        },
        n,
        rounds,
    )
    lim, blim, plim = t["limit"], t["batch_limit"], t["pairs_limit"]
    return [
        Row(
            "loop overhead alone (for r, a in pairs: pass)",
            t["empty"],
            note="included in every per-call row",
        ),
        Row(
            "floor: one tuple lookup by a pre-combined int key",
            t["floor"],
            "limit",
            t["floor"] / lim,
        ),
        Row("**limit**: plain function, one table lookup, same inputs", lim, "limit", 1.0),
        Row("naive inline if/elif (chosen channel only)", t["naive"], "limit", t["naive"] / lim),
        Row("`decide` with an enum rule", t["enum"], "limit", t["enum"] / lim, "target ≤ 1.5×"),
        Row("`decide` with an int rule", t["int"], "limit", t["int"] / lim),
        Row("`decide` with a str rule (API name)", t["str"], "limit", t["str"] / lim),
        Row("`fallback_chain`", t["chain"], "limit", t["chain"] / lim),
        Row("`decide_priority_list` (tuple of channels)", t["list"], "limit", t["list"] / lim),
        Row("**batch limit**: `[row[a.index] for a in cohort]`", blim, "batch limit", 1.0),
        Row("`decide_many`, per item", t["many"], "batch limit", t["many"] / blim, "target ≤ 1.3×"),
        Row("`channels_many`, per item", t["channels"], "batch limit", t["channels"] / blim),
        Row("**pairs limit**: `[rows[r][a.index] for r, a in pairs]`", plim, "pairs limit", 1.0),
        Row(
            "`decide_each` (per-patient rules), per item",
            t["each"],
            "pairs limit",
            t["each"] / plim,
        ),
    ]


def natural(n: int, rounds: int, seed: int) -> list[Row]:
    """The paths callers really take: an int rule and an Availability built per call; an
    Availability as a dict key; decide_each with int rules."""
    rng = random.Random(seed)
    half = 0.5
    flags = [
        (
            rng.randrange(9),
            rng.random() < half,
            rng.random() < half,
            rng.random() < half,
            rng.random() < half,
        )
        for _ in range(n)
    ]
    # What a hand-written caller keeps: the chosen channel by rule and the flags packed in an int.
    table = {
        (rule.value, a.index): dist.decide(rule, a).channel
        for rule in R
        for a in Availability.all()
    }
    decide, make = dist.decide, Availability
    avails = [Availability.from_index(rng.randrange(16)) for _ in range(n)]
    ints = [a.index for a in avails]
    by_availability = {a: a.index for a in Availability.all()}
    by_int = {a.index: a.index for a in Availability.all()}
    int_pairs = [(rng.randrange(9), a) for a in avails]
    nested = [list(_BY_RULE[rule]) for rule in R]  # a list of lists, indexed by the int code

    def hand() -> None:
        for r, h, d, k, p in flags:
            table[r, h | d << 1 | k << 2 | p << 3]

    def natural_call() -> None:
        for r, h, d, k, p in flags:
            decide(r, make(helsenorge=h, digital_mailbox=d, krr_contact=k, paper=p))

    def key_int() -> None:
        for i in ints:
            by_int[i]

    def key_availability() -> None:
        for a in avails:
            by_availability[a]

    def nested_lookup() -> None:
        [nested[r][a.index] for r, a in int_pairs]

    def each_int() -> None:
        dist.decide_each(int_pairs)

    t = best_ns_per_item(
        {
            "hand": hand,
            "natural": natural_call,
            "key_int": key_int,
            "key_availability": key_availability,
            "nested": nested_lookup,
            "each_int": each_int,
        },
        n,
        rounds,
    )
    return [
        Row(
            "**hand-written**: dict by (int rule, flags packed in an int)",
            t["hand"],
            "hand-written",
            1.0,
        ),
        Row(
            "`decide(int, Availability(helsenorge=…, …))`, built per call",
            t["natural"],
            "hand-written",
            t["natural"] / t["hand"],
            "target ≤ 4×",
        ),
        Row("**int key**: `d[i]` in a dict of 16 ints", t["key_int"], "int key", 1.0),
        Row(
            "`Availability` as a dict key",
            t["key_availability"],
            "int key",
            t["key_availability"] / t["key_int"],
            "target ≤ 2×",
        ),
        Row(
            "**nested list**: `[rows[r][a.index] for r, a in pairs]`, int rules",
            t["nested"],
            "nested list",
            1.0,
        ),
        Row(
            "`decide_each` with int rules, per item",
            t["each_int"],
            "nested list",
            t["each_int"] / t["nested"],
            "target ≤ 1.5×",
        ),
    ]


def population(n: int, rounds: int) -> Row:
    """Decide the whole population of Norway through the batch API."""
    rng = random.Random(1)
    cohort = [Availability.from_index(rng.randrange(16)) for _ in range(n)]
    best = best_ns_per_item(
        {"many": lambda: dist.decide_many(R.BASIC_OR_PAPER, cohort)}, n, rounds
    )["many"]
    seconds = best * 5_500_000 / 1e9
    measured = "measured" if n >= 5_500_000 else f"extrapolated from {n:,}"
    return Row(
        f"5.5 million decisions, `decide_many` ({measured}), per item",
        best,
        note=f"{seconds:.3f} s for 5.5 million; target ≤ 1 s",
    )


def simulations(n: int, rounds: int, seed: int) -> list[Row]:
    rng = random.Random(seed)
    cohort = [Availability.from_index(rng.randrange(16)) for _ in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cohort.csv"
        make_cohort.write(n, path, seed)

        def from_csv() -> None:
            with path.open(encoding="utf-8", newline="") as handle:
                simulate(CsvCohort(handle))

        def reader_pass() -> None:
            with path.open(encoding="utf-8", newline="") as handle:
                for _row in csv.reader(handle):
                    pass

        loops: dict[str, Callable[[], object]] = {
            "memory": lambda: simulate(cohort),
            "csv": from_csv,
            "reader": reader_pass,
        }
        if duckdb is not None:
            db = duckdb.connect()
            db.execute(dist.decision_table_sql())
            query = (
                "SELECT d.rule_code, d.channel_code, count(*) FROM read_csv(?, header = true) c"
                " JOIN eprom_decision d USING (helsenorge, digital_mailbox, krr_contact, paper)"
                " GROUP BY ALL"
            )
            loops["duckdb"] = lambda: db.execute(query, [str(path)]).fetchall()
        t = best_ns_per_item(loops, n, max(rounds // 3, 1))
    rows = [
        Row(f"**csv.reader pass** over {n:,} rows, nothing else", t["reader"], "csv pass", 1.0),
        Row(
            f"`simulate(CsvCohort(file))`, all 9 rules, {n:,} rows, per row",
            t["csv"],
            "csv pass",
            t["csv"] / t["reader"],
            f"target ≤ 1.0×; {t['csv'] * n / 1e9:.3f} s in all",
        ),
    ]
    if "duckdb" in t:
        rows.append(
            Row(
                "DuckDB: the same counts from the same file with `decision_table_sql()`",
                t["duckdb"],
                "csv pass",
                t["duckdb"] / t["reader"],
                f"{t['duckdb'] * n / 1e9:.3f} s in all",
            )
        )
    return [
        *rows,
        Row(
            f"`simulate`, all 9 rules, {n:,} patients in memory, per patient",
            t["memory"],
            note=f"{t['memory'] * n / 1e9:.3f} s in all",
        ),
    ]


# The flag spellings registries export (benchmarks of simulate over each), and how the file is
# quoted: not at all; a name with a comma in every thousandth row (as pandas, DuckDB and psql
# quote it); every field (R's write.csv of character columns); or R's write.csv of logicals
# (row names and ids quoted).
SPELLINGS = {
    "0/1": ("1", "0", "none"),
    "t/f (PostgreSQL)": ("t", "f", "none"),
    "true/false (DuckDB)": ("true", "false", "none"),
    "True/False (pandas)": ("True", "False", "none"),
    "ja/nei (Excel)": ("ja", "nei", "none"),
    "0/1, a quoted name in every 1,000th row": ("1", "0", "few"),
    "0/1, every field quoted (R)": ("1", "0", "all"),
    "TRUE/FALSE, R's write.csv": ("TRUE", "FALSE", "r"),
}


def _write_spelling(  # noqa: PLR0917  # a benchmark's helper, called from one place
    path: Path, n: int, seed: int, yes: str, no: str, quoting: str
) -> None:
    """Write make_cohort's cohort with *yes*/*no* flags, quoted as *quoting* says."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        if quoting == "r":
            handle.write('"","patient","helsenorge","digital_mailbox","krr_contact","paper"\n')
        else:
            handle.write(make_cohort.HEADER)
        for number, line in enumerate(make_cohort.rows(n, seed), start=1):
            patient, *flags = line.rstrip("\n").split(",")
            cells = [yes if flag == "1" else no for flag in flags]
            if quoting == "r":
                handle.write(f'"{number}","{patient}",' + ",".join(cells) + "\n")
            elif quoting == "all":
                handle.write(",".join(f'"{cell}"' for cell in [patient, *cells]) + "\n")
            elif quoting == "few" and number % 1000 == 0:
                handle.write(f'"Ås, {patient}",' + ",".join(cells) + "\n")
            else:
                handle.write(",".join([patient, *cells]) + "\n")


def spellings(n: int, rounds: int, seed: int) -> list[Row]:
    """`simulate` over each export style beside a `csv.reader` pass over the same file."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (yes, no, quoting) in SPELLINGS.items():
            path = Path(tmp) / "cohort.csv"
            _write_spelling(path, n, seed, yes, no, quoting)

            def from_csv(path: Path = path) -> None:
                with path.open(encoding="utf-8", newline="") as handle:
                    simulate(CsvCohort(handle))

            def reader_pass(path: Path = path) -> None:
                with path.open(encoding="utf-8", newline="") as handle:
                    for _row in csv.reader(handle):
                        pass

            t = best_ns_per_item({"csv": from_csv, "reader": reader_pass}, n, rounds)
            target = 1.0 if quoting == "none" else 1.5
            rows.append(
                Row(
                    f"`simulate(CsvCohort(file))`, {name}, per row",
                    t["csv"],
                    f"csv pass ({name})",
                    t["csv"] / t["reader"],
                    f"target ≤ {target}×; csv.reader pass {t['reader']:.0f} ns",
                )
            )
    return rows


def audits(n: int, rounds: int) -> list[Row]:
    """`audit_csv` over a datadump exported as CSV beside a `csv.reader` pass over the file.

    The datadump's rows agree with their rules (`benchmarks.make_workbook.datadump`), as nearly
    every row of a register's does; the command line reads a CSV file so.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "datadump.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";", lineterminator="\n").writerows(datadump(n))

        def from_csv() -> None:
            with path.open(encoding="utf-8", newline="") as handle:
                dist.audit_csv(handle)

        def reader_pass() -> None:
            with path.open(encoding="utf-8", newline="") as handle:
                for _row in csv.reader(handle, delimiter=";"):
                    pass

        t = best_ns_per_item({"audit": from_csv, "reader": reader_pass}, n, rounds)
    return [
        Row(
            f"`audit_csv(file)`, a datadump of {n:,} rows, per row",
            t["audit"],
            "csv pass (datadump)",
            t["audit"] / t["reader"],
            f"target ≤ 2×; csv.reader pass {t['reader']:.0f} ns;"
            f" {t['audit'] * n / 1e9:.3f} s in all",
        )
    ]


@dataclass(frozen=True)
class Imports:
    """What `import distribution` costs over `import attrs`, in whole fresh interpreters."""

    min_ms: float
    median_ms: float
    importtime_ms: float
    attrs_min_ms: float

    def rows(self) -> list[Row]:
        return [
            Row(
                "import: whole `python -c 'import distribution'` over `import attrs`, min (ms)",
                self.min_ms,
                note=f"paired fresh interpreters; attrs alone {self.attrs_min_ms:.1f} ms",
            ),
            Row("import: the same, median (ms)", self.median_ms, note="target ≤ 10 ms"),
            Row(
                "import: `-X importtime` of distribution over attrs, min (ms)",
                self.importtime_ms,
            ),
        ]


def _process_ms(module: str) -> tuple[float, float]:
    """Run a fresh interpreter that imports *module*: wall ms, and -X importtime's total ms."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = (time.perf_counter() - start) * 1000
    return wall, int(done.stderr.strip().splitlines()[-1].split("|")[1]) / 1000


def imports(runs: int) -> Imports:
    """Pair each `import distribution` with an `import attrs`, alternating which goes first.

    The package's bytecode is compiled first, as an installed wheel has it: where
    PYTHONDONTWRITEBYTECODE is set, a source file edited since its bytecode was written would
    otherwise be compiled again in every run that is timed.
    """
    if not compileall.compile_dir(Path(dist.__file__).parent, quiet=1):
        print(
            "note: could not compile the package; import times may include compiling",
            file=sys.stderr,
        )
    walls: dict[str, list[float]] = {"attrs": [], "distribution": []}
    inner: dict[str, list[float]] = {"attrs": [], "distribution": []}
    for run in range(runs):
        order = ("attrs", "distribution") if run % 2 else ("distribution", "attrs")
        for module in order:
            wall, total = _process_ms(module)
            walls[module].append(wall)
            inner[module].append(total)
    differences = [d - a for d, a in zip(walls["distribution"], walls["attrs"], strict=True)]
    return Imports(
        min_ms=min(walls["distribution"]) - min(walls["attrs"]),
        median_ms=statistics.median(differences),
        importtime_ms=min(inner["distribution"]) - min(inner["attrs"]),
        attrs_min_ms=min(walls["attrs"]),
    )


# --- assess -----------------------------------------------------------------------------------

OSLO = ZoneInfo("Europe/Oslo")
FULL = HelsenorgeConsent.FULL
ACTIVE = KrrStatus.AKTIV


def hand_assess(f: PatientFacts) -> tuple[bool, bool, bool, bool]:
    """The four booleans by hand, the way a caller would write them, for the facts made below."""
    since = months_before(f.reference_date, 18)
    age = f.age_at_reference
    eid = f.level4_eid is True
    k = f.krr
    krr_ok = k is not None and k.status is ACTIVE
    active = False
    if krr_ok:
        assert k is not None
        for value, stamp in ((k.email, k.email_updated), (k.mobile, k.mobile_updated)):
            if value is not None and stamp is not None and stamp.astimezone(OSLO).date() >= since:
                active = True
    notify = krr_ok and k.can_notify is True and k.reserved is not True  # type: ignore[union-attr]
    helsenorge = f.helsenorge_representable is True or (
        eid and f.helsenorge_consent is FULL and age is not None and age >= 16 and active
    )
    mailbox = (
        eid and age is not None and age >= 18 and active and notify
        and k.mailbox_address is not None  # type: ignore[union-attr]
    )  # fmt: skip
    unsecure = eid and age is not None and age >= 13 and active and notify
    return helsenorge, mailbox, unsecure, f.postal_address is True


def facts_cohort(n: int, seed: int) -> list[PatientFacts]:
    """Facts as a register holds them: ages, eID, consent, a KRR record with dated details."""
    rng = random.Random(seed)
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    maybe = (True, False, None)
    out = []
    for _ in range(n):
        krr = None
        if rng.random() < 0.9:
            stamp = now - timedelta(days=rng.randrange(1, 1200))
            krr = KrrRecord(
                status=rng.choice((ACTIVE, ACTIVE, ACTIVE, KrrStatus.SLETTET)),
                reserved=rng.random() < 0.1,
                can_notify=rng.random() < 0.9,
                email="x@example.org" if rng.random() < 0.8 else None,
                email_updated=stamp,
                mobile="+4799999999" if rng.random() < 0.8 else None,
                mobile_updated=stamp - timedelta(days=rng.randrange(0, 300)),
                mailbox_address="x" if rng.random() < 0.3 else None,
            )
        out.append(
            PatientFacts(
                reference_time=now,
                age=rng.randrange(0, 100),
                level4_eid=rng.choice(maybe),
                helsenorge_consent=rng.choice((FULL, FULL, HelsenorgeConsent.NONE, None)),
                helsenorge_representable=rng.choice(maybe),
                krr=krr,
                postal_address=rng.random() < 0.97,
            )
        )
    return out


def assessments(n: int, rounds: int, seed: int) -> list[Row]:
    cohort = facts_cohort(n, seed)
    assess = dist.assess
    for f in cohort:  # the baseline computes what assess computes, or the ratio means nothing
        a = assess(f).availability
        assert hand_assess(f) == (a.helsenorge, a.digital_mailbox, a.krr_contact, a.paper)

    loops: dict[str, Callable[[], object]] = {
        "hand": lambda: [hand_assess(f) for f in cohort],
        "assess": lambda: [assess(f) for f in cohort],
        "availability": lambda: [assess(f).availability for f in cohort],
    }
    t = best_ns_per_item(loops, n, rounds)
    hand = t["hand"]
    return [
        Row(
            "**hand-written assess**: the four booleans from the same facts",
            hand,
            "hand assess",
            1.0,
        ),
        Row("`assess(facts)`", t["assess"], "hand assess", t["assess"] / hand, "target ≤ 2.5×"),
    ]


def allocation(n: int) -> Row:
    """Bytes that n more `decide` calls (enum rule, Availability) leave allocated.

    Two loops, of n and of 2n calls, each measured with tracemalloc: what the measuring itself
    allocates is the same in both, so the difference is what the extra n calls keep.
    """
    rng = random.Random(3)
    pairs = [
        (rng.choice(list(R)), Availability.from_index(rng.randrange(16))) for _ in range(2 * n)
    ]
    inputs = {n: pairs[:n], 2 * n: pairs}
    decide = dist.decide

    def kept(count: int) -> int:
        todo = inputs[count]
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for r, a in todo:
            decide(r, a)
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return after - before

    kept(n)  # warm up: nothing first-call-only should count
    extra = kept(2 * n) - kept(n)
    return Row(
        f"bytes left allocated by {n:,} more `decide` calls",
        float(extra),
        note=f"{extra / n:.4f} bytes per call; target 0",
    )


# --- the fake ePROM over sockets -------------------------------------------------------------

# Synthetic national IDs (no real person's), one per channel and one no channel reaches.
FAKE_PATIENTS = {
    "26670271527": {"helsenorge": True},
    "20914695016": {"digital_mailbox": True},
    "01818523420": {"krr_contact": True},
    "01898512351": {"paper": True},
    "01818510078": {},
}


def fake_round_trip(n: int) -> Row:
    """n orders through the fake ePROM server and the client, until every callback is taken.

    One client sends the orders one after the other over 127.0.0.1; the server PUTs each status
    callback and each answer (due at once) to a receiver, which reads and keeps it. The clock
    stops when the receiver has every callback the decisions call for.
    """
    key = "benchmark-key"
    ids = list(FAKE_PATIENTS)
    orders = [
        FormOrderRequest(
            form_id="1bc5f9f0-2607-49eb-94f0-6af955bbd79a",
            national_id=ids[i % len(ids)],
            expiry_date=datetime(2099, 1, 1, tzinfo=UTC),
            distribution_rule=R.BASIC_OR_PAPER,
        )
        for i in range(n)
    ]
    reached = [
        dist.decide(R.BASIC_OR_PAPER, Availability(**FAKE_PATIENTS[i])).channel is not NONE
        for i in ids
    ]
    expected = sum(2 if reached[i % len(ids)] else 1 for i in range(n))
    fake = FakeEprom(FAKE_PATIENTS, api_key=key, timing=Timing(answer=timedelta(0)))
    start = time.perf_counter()
    with (
        CallbackReceiver(key) as receiver,
        FakeEpromServer(fake, callback_base=receiver.url) as server,
        EpromClient(server.url, api_key=key) as client,
    ):
        for order in orders:
            client.create_form_order(order)
        assert receiver.wait_for(expected, timeout=120), "callbacks went missing"
    seconds = time.perf_counter() - start
    return Row(
        f"{n:,} orders through the fake ePROM server and the client, every callback taken",
        seconds * 1e9 / n,
        note=f"{seconds:.2f} s in all, {expected:,} callbacks; target < 10 s for 1,000",
    )


# --- report -----------------------------------------------------------------------------------


def fmt(value: float) -> str:
    return f"{value:,.1f}" if value < 10_000 else f"{value:,.0f}"


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| measurement | ns per item | compared with | ratio | note |",
        "|---|---:|---|---:|---|",
    ]
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}×"
        lines.append(f"| {r.name} | {fmt(r.ns)} | {r.baseline} | {ratio} | {r.note} |")
    return "\n".join(lines) + "\n"


def verdicts(rows: dict[str, Row], cost: Imports) -> str:
    checks = [
        ("`decide` (enum rule) ≤ 1.5× the limit", rows["enum"].ratio or 0.0, 1.5, "×"),
        ("`decide` (int rule) ≤ 1.5× the limit", rows["int"].ratio or 0.0, 1.5, "×"),
        ("`decide` (API name) ≤ 1.5× the limit", rows["str"].ratio or 0.0, 1.5, "×"),
        (
            "`decide(int, Availability(…))` ≤ 4× a hand-written dict",
            rows["natural"].ratio or 0.0,
            4.0,
            "×",
        ),
        ("`Availability` as a dict key ≤ 2× an int key", rows["key"].ratio or 0.0, 2.0, "×"),
        ("`decide_each` (int rules) ≤ 1.5× a nested list", rows["each"].ratio or 0.0, 1.5, "×"),
        (
            "`simulate` over a CSV ≤ 1.0× a csv.reader pass",
            rows["simulate_csv"].ratio or 0.0,
            1.0,
            "×",
        ),
        (
            "`audit` of a CSV datadump ≤ 2× a csv.reader pass",
            rows["audit_csv"].ratio or 0.0,
            2.0,
            "×",
        ),
        ("`decide_many` per item ≤ 1.3× the batch limit", rows["many"].ratio or 0.0, 1.3, "×"),
        ("`assess` ≤ 2.5× a hand-written function", rows["assess"].ratio or 0.0, 2.5, "×"),
        (
            "5.5 million decisions through the batch API ≤ 1 s",
            rows["pop"].ns * 5.5e6 / 1e9,
            1.0,
            " s",
        ),
        # A few bytes of the measuring itself do not scale with n; allocation per call does.
        (
            "zero net allocation per `decide` call",
            round(rows["alloc"].ns / rows["alloc_n"].ns, 2),
            0.0,
            " bytes per call",
        ),
        (
            "1,000 orders through the fake ePROM and the client, with callbacks, < 10 s",
            rows["trip"].ns * 1000 / 1e9,
            10.0,
            " s",
        ),
        ("import ≤ attrs + 10 ms (min)", cost.min_ms, 10.0, " ms over attrs"),
        ("import ≤ attrs + 10 ms (median of pairs)", cost.median_ms, 10.0, " ms over attrs"),
    ]
    lines = ["| target | this run | met |", "|---|---:|:---:|"]
    for name, value, bound, unit in checks:
        lines.append(f"| {name} | {value:.2f}{unit} | {'yes' if value <= bound else '**no**'} |")
    return "\n".join(lines) + "\n"


def machine() -> str:
    return (
        f"{platform.python_implementation()} {platform.python_version()} on {platform.system()} "
        f"{platform.machine()} ({platform.processor() or 'unknown CPU'}), "
        f"{__import__('os').cpu_count()} cores; eprom-distribution {dist.__version__}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small inputs, few rounds (CI)")
    parser.add_argument("--output", type=Path, default=DOC, help="the Markdown file to rewrite")
    parser.add_argument("--no-write", action="store_true", help="print the report only")
    parser.add_argument(
        "--only-audit",
        action="store_true",
        help="time only the audit of a CSV datadump (printed, docs/performance.md untouched)",
    )
    parser.add_argument(
        "--only-spellings",
        action="store_true",
        help="time only simulate over each export style (printed, docs/performance.md untouched)",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    if args.only_audit:
        print(table(audits(5_000 if quick else 1_000_000, 3 if quick else 9)))
        return 0
    if args.only_spellings:
        print(table(spellings(5_000 if quick else 1_000_000, 3 if quick else 9, seed=7)))
        return 0
    n, rounds = (2_000, 3) if quick else (200_000, 15)
    calls = per_call(n, rounds, seed=42)
    paths = natural(n, rounds, seed=43)
    pop = population(20_000 if quick else 5_500_000, 2 if quick else 5)
    sims = simulations(5_000 if quick else 5_500_000, 3 if quick else 6, seed=7)
    styles = spellings(5_000 if quick else 1_000_000, 3 if quick else 9, seed=7)
    dumps = audits(5_000 if quick else 1_000_000, 3 if quick else 9)
    alloc = allocation(10_000 if quick else 1_000_000)
    judged = assessments(500 if quick else 50_000, 3 if quick else 9, seed=11)
    cost = imports(2 if quick else 30)
    trip = fake_round_trip(100 if quick else 1_000)
    alloc_n = Row("calls", float(10_000 if quick else 1_000_000))
    named = {
        "enum": calls[4],
        "int": calls[5],
        "str": calls[6],
        "many": calls[10],
        "natural": paths[1],
        "key": paths[3],
        "each": paths[5],
        "simulate_csv": sims[1],
        "audit_csv": dumps[0],
        "assess": judged[1],
        "pop": pop,
        "alloc": alloc,
        "alloc_n": alloc_n,
        "trip": trip,
    }
    mode = "quick mode (CI; figures are noisy)" if quick else "full run"
    report = (
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {mode}.  \n"
        f"Machine: {machine()}.\n\n"
        "### Targets\n\n" + verdicts(named, cost) + "\n"
        "### All figures\n\n"
        + table([*calls, *paths, pop, *sims, *styles, *dumps, *judged, alloc, trip, *cost.rows()])
    )
    print(report)
    if not args.no_write:
        text = args.output.read_text(encoding="utf-8")
        start, end = "<!-- benchmark results -->\n", "<!-- /benchmark results -->"
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        args.output.write_text(head + start + report + end + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
