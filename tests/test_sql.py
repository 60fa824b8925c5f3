"""The SQL export runs unchanged in SQLite and DuckDB and agrees with decide() on all 144."""

from __future__ import annotations

import contextlib
import io
import random
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import psycopg
import pytest

from distribution import (
    Availability,
    CsvCohort,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    UnknownCodeError,
    channel_case_sql,
    decide,
    decision_table_sql,
    simulate,
)
from distribution.cli import main
from tests.helpers.postgres import server
from tests.strategies import REACHABLE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

COLUMNS = (
    "rule_code, rule_name, availability_index, helsenorge, digital_mailbox, krr_contact, paper,"
    " channel_code, channel_name, chain_codes, chain_names, outcome"
)


def _sqlite(script: str, query: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        db.executescript(script)
        return db.execute(query).fetchall()


def _duckdb(script: str, query: str) -> list[tuple[object, ...]]:
    with duckdb.connect(":memory:") as db:
        db.execute(script)
        return db.execute(query).fetchall()


def _expected() -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for rule in DistributionRule:
        for a in Availability.all():
            d = decide(rule, a)
            rows.append(
                (
                    rule.value,
                    rule.api_name,
                    a.index,
                    *(int(flag) for flag in a.to_dict().values()),
                    d.channel.value,
                    d.channel.api_name,
                    ",".join(str(ch.value) for ch in d.chain),
                    ",".join(ch.api_name for ch in d.chain),
                    d.outcome.value,
                )
            )
    return rows


ENGINES: list[Callable[[str, str], list[tuple[object, ...]]]] = [_sqlite, _duckdb]


@pytest.mark.parametrize("engine", ENGINES, ids=["sqlite", "duckdb"])
def test_the_table_holds_every_decision(
    engine: Callable[[str, str], list[tuple[object, ...]]],
) -> None:
    rows = engine(decision_table_sql(), f"SELECT {COLUMNS} FROM eprom_decision ORDER BY 1, 3")
    assert rows == _expected()


def test_a_few_rows_by_hand() -> None:
    rows = _sqlite(
        decision_table_sql(),
        "SELECT rule_name, channel_name, chain_names, outcome FROM eprom_decision"
        " WHERE availability_index = 10 AND rule_code IN (0, 2, 3) ORDER BY rule_code",
    )
    # Index 10: digital mailbox and paper.
    assert rows == [
        ("Basic", "DigitalMailbox", "DigitalMailbox", "NOTIFIED"),
        ("NoDistribution", "None", "", "NOT_DISTRIBUTED"),
        ("BasicOrPaper", "DigitalMailbox", "DigitalMailbox,PhysicalMailbox", "NOTIFIED"),
    ]


@pytest.mark.parametrize("engine", ENGINES, ids=["sqlite", "duckdb"])
def test_the_case_expression_agrees_with_the_table(
    engine: Callable[[str, str], list[tuple[object, ...]]],
) -> None:
    case = channel_case_sql(rule="rule_code")
    rows = engine(
        decision_table_sql(),
        f"SELECT rule_code, availability_index, channel_code, {case} FROM eprom_decision",
    )
    assert len(rows) == 144
    assert all(row[2] == row[3] for row in rows), [row for row in rows if row[2] != row[3]]


def test_the_case_expression_reads_any_columns() -> None:
    case = channel_case_sql(
        rule="p.regel", helsenorge="p.hn", digital_mailbox="p.dp", krr_contact="p.k", paper="p.post"
    )
    rows = _sqlite(
        "CREATE TABLE pasient (regel INTEGER, hn INTEGER, dp INTEGER, k INTEGER, post INTEGER);"
        "INSERT INTO pasient VALUES (3, 0, 0, 1, 1), (1, 0, 0, 1, 1), (6, 0, 1, 1, 1);",
        f"SELECT {case} FROM pasient AS p",
    )
    assert rows == [(4,), (3,), (0,)]


@pytest.mark.parametrize("name", ["x; DROP TABLE y", "1abc", "a.b.c", "", "navn med mellomrom"])
def test_names_that_are_not_plain_identifiers_are_refused(name: str) -> None:
    with pytest.raises(InvalidValueError, match="letters, digits"):
        decision_table_sql(name)
    with pytest.raises(InvalidValueError, match="letters, digits"):
        channel_case_sql(paper=name)
    with pytest.raises(InvalidTypeError):
        channel_case_sql(rule=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES, ids=["sqlite", "duckdb"])
def test_the_command_lines_sql_runs_unchanged(
    engine: Callable[[str, str], list[tuple[object, ...]]],
) -> None:
    out = io.StringIO()
    assert main(["matrix", "--format", "sql"], environ={}, stdout=out, stderr=io.StringIO()) == 0
    assert engine(out.getvalue(), "SELECT count(*) FROM eprom_decision") == [(144,)]


# --- boolean flags, and PostgreSQL --------------------------------------------------------------


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    with server() as host:
        yield host


def _postgres(host: str, script: str, query: str) -> list[tuple[object, ...]]:
    with psycopg.connect(host=host, user="postgres", dbname="postgres", autocommit=True) as db:
        db.execute("DROP TABLE IF EXISTS eprom_decision; DROP TABLE IF EXISTS cohort")
        db.execute(script.encode())  # several statements: the simple query protocol
        return [tuple(row) for row in db.execute(query.encode()).fetchall()]


def _boolean_expected() -> list[tuple[object, ...]]:
    return [(*row[:3], *(bool(flag) for flag in row[3:7]), *row[7:]) for row in _expected()]


def test_boolean_flags_in_every_engine(postgres: str) -> None:
    script = decision_table_sql(flags="boolean")
    query = f"SELECT {COLUMNS} FROM eprom_decision ORDER BY 1, 3"
    assert _duckdb(script, query) == _boolean_expected()
    assert _postgres(postgres, script, query) == _boolean_expected()
    assert _sqlite(script, query) == _expected()  # SQLite's TRUE is 1
    case = channel_case_sql(rule="rule_code", flags="boolean")
    check = f"SELECT count(*) FROM eprom_decision WHERE channel_code <> ({case})"
    assert _postgres(postgres, script, check) == [(0,)]
    assert _duckdb(script, check) == [(0,)]
    assert _sqlite(script, check) == [(0,)]


def test_the_integer_table_runs_in_postgresql(postgres: str) -> None:
    rows = _postgres(
        postgres, decision_table_sql(), f"SELECT {COLUMNS} FROM eprom_decision ORDER BY 1, 3"
    )
    assert rows == _expected()


def test_a_boolean_case_reads_boolean_columns_by_hand(postgres: str) -> None:
    case = channel_case_sql(rule="regel", paper="post", flags="boolean")
    script = (
        "CREATE TABLE cohort (regel integer, helsenorge boolean, digital_mailbox boolean,"
        " krr_contact boolean, post boolean);"
        "INSERT INTO cohort VALUES (3, false, false, true, true), (1, false, false, true, true),"
        " (6, false, true, true, true);"
    )
    assert _postgres(postgres, script, f"SELECT {case} FROM cohort") == [(4,), (3,), (0,)]
    assert "helsenorge = 1" not in case
    with pytest.raises(UnknownCodeError, match="flags"):
        decision_table_sql(flags="bit")  # type: ignore[arg-type]
    with pytest.raises(UnknownCodeError, match="flags"):
        channel_case_sql(flags="bit")  # type: ignore[arg-type]


def test_the_command_line_writes_boolean_sql(postgres: str) -> None:
    out = io.StringIO()
    argv = ["matrix", "--format", "sql", "--flags", "boolean"]
    assert main(argv, environ={}, stdout=out, stderr=io.StringIO()) == 0
    assert "helsenorge BOOLEAN NOT NULL" in out.getvalue()
    script = out.getvalue()
    assert _postgres(postgres, script, "SELECT count(*) FROM eprom_decision") == [(144,)]


# --- docs/cohorts.md's cohort query, in each engine, beside simulate -----------------------------

DOC = Path(__file__).parent.parent / "docs" / "cohorts.md"


def _doc_sql(name: str) -> str:
    """Return the ```sql block that follows the marker ``<!-- sql: name -->`` in the docs."""
    text = DOC.read_text(encoding="utf-8")
    _, _, after = text.partition(f"<!-- sql: {name} -->\n```sql\n")
    block, found, _ = after.partition("```")
    assert found, f"no sql block {name!r} in {DOC.name}"
    return block


def _cohort(n: int, seed: int) -> list[Availability]:
    rng = random.Random(seed)
    return [Availability.from_index(rng.randrange(16)) for _ in range(n)]


def _insert(cohort: list[Availability], *, boolean: bool) -> str:
    kind = "BOOLEAN" if boolean else "INTEGER"
    rows = ", ".join(
        "("
        + ", ".join(str(f).upper() if boolean else str(int(f)) for f in a.to_dict().values())
        + ")"
        for a in cohort
    )
    return (
        f"CREATE TABLE cohort (helsenorge {kind}, digital_mailbox {kind}, krr_contact {kind},"
        f" paper {kind});\nINSERT INTO cohort VALUES {rows};\n"
    )


def _by_simulate(cohort: list[Availability]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for tally in simulate(cohort).tallies:
        counts = {ch.api_name: n for ch, n in zip(REACHABLE, tally.by_channel, strict=True)}
        counts["None"] = tally.unreachable + tally.not_distributed
        rows += [
            (tally.rule.value, tally.rule.api_name, name, n)
            for name, n in sorted(counts.items())
            if n
        ]
    return rows


def test_the_docs_cohort_query_agrees_with_simulate_in_every_engine(postgres: str) -> None:
    query = _doc_sql("cohort-query")
    cohort = _cohort(500, seed=19)
    expected = _by_simulate(cohort)
    assert len(expected) > 9  # every rule, most with several channels
    boolean = decision_table_sql(flags="boolean") + _insert(cohort, boolean=True)
    integer = decision_table_sql() + _insert(cohort, boolean=False)
    assert _postgres(postgres, boolean, query) == expected
    assert _duckdb(boolean, query) == expected
    assert _duckdb(integer, query) == expected
    assert _sqlite(integer, query) == expected


def test_every_rule_and_availability_agrees_in_every_engine(postgres: str) -> None:
    """One patient of each availability: each engine's query gives simulate's counts."""
    query = _doc_sql("cohort-query")
    cohort = list(Availability.all())
    expected = _by_simulate(cohort)
    assert (
        _postgres(
            postgres, decision_table_sql(flags="boolean") + _insert(cohort, boolean=True), query
        )
        == expected
    )
    assert _sqlite(decision_table_sql() + _insert(cohort, boolean=False), query) == expected


def test_the_docs_duckdb_query_over_a_csv_file(tmp_path: Path) -> None:
    cohort = _cohort(300, seed=23)
    path = tmp_path / "cohort.csv"
    path.write_text(
        "patient,helsenorge,digital_mailbox,krr_contact,paper\n"
        + "".join(
            f"p{i}," + ",".join(str(f).lower() for f in a.to_dict().values()) + "\n"
            for i, a in enumerate(cohort)
        ),
        encoding="utf-8",
    )
    query = _doc_sql("duckdb-csv").replace("'cohort.csv'", f"'{path}'")
    assert _duckdb(decision_table_sql(flags="boolean"), query) == _by_simulate(cohort)


def test_a_postgresql_export_reads_as_the_reference(postgres: str) -> None:
    """psql's \\copy … CSV HEADER, made by the real server: booleans as t/f, NULL as nothing."""
    script = (
        "CREATE TABLE cohort (patient text, helsenorge boolean, digital_mailbox boolean,"
        " krr_contact boolean, paper boolean);"
        "INSERT INTO cohort VALUES ('Ås, Åse', true, false, false, true),"
        " ('p2', false, false, true, true), ('p3', false, false, false, false),"
        " ('p4', true, true, true, true), ('p5', NULL, false, true, true);"
    )
    with psycopg.connect(host=postgres, user="postgres", dbname="postgres", autocommit=True) as db:
        db.execute("DROP TABLE IF EXISTS cohort")
        db.execute(script.encode())
        export = bytearray()
        with db.cursor().copy(
            b"COPY (SELECT * FROM cohort ORDER BY patient) TO STDOUT WITH (FORMAT csv, HEADER)"
        ) as copy:
            for data in copy:
                export += data
    text = export.decode("utf-8")
    assert text.splitlines()[1] == "p2,f,f,t,t"  # the export is as psql writes it
    assert "p5,,f,t,t" in text  # NULL is nothing
    cohort = CsvCohort(io.StringIO(text, newline=""), missing="unknown")
    # By hand: 9 (Helsenorge and paper), 12 (KRR and paper), 0, 15, and p5: KRR and paper with
    # Helsenorge not known (12 plus 16 for Helsenorge's bit).
    assert dict(cohort.counts()) == {9: 1, 12: 1, 0: 1, 15: 1, 12 | 16: 1}
