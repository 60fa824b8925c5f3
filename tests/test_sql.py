"""The SQL export runs unchanged in SQLite and DuckDB and agrees with decide() on all 144."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from typing import TYPE_CHECKING

import duckdb
import pytest

from distribution import (
    Availability,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    channel_case_sql,
    decide,
    decision_table_sql,
)
from distribution.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable

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
