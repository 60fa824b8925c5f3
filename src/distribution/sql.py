"""The rule table as portable SQL, so a database evaluates ePROM's rules where the patients are.

Rule 1: everything here is generated from :data:`~distribution.routes.ROUTES` and the engine's
decisions; no rule is written twice. Two forms:

- :func:`decision_table_sql`: ``CREATE TABLE`` and one ``INSERT … VALUES`` of the 144 rule ×
  availability rows, with the chosen channel and the fallback chain as codes and names. Join a
  patients table to it on the rule and the four flags.
- :func:`channel_case_sql`: a ``CASE`` expression that computes the chosen channel's code from
  a rule column and four flag columns, for a ``SELECT`` over any table.

The SQL is plain: ``INTEGER`` and ``VARCHAR`` columns, no dialect-specific syntax. The flags
are 0/1 integers by default (SQL Server has no ``BOOLEAN``); ``flags="boolean"`` makes them
``BOOLEAN`` columns and conditions, to join a table of PostgreSQL or DuckDB ``boolean`` columns
without a cast. The tests run it in SQLite, DuckDB and PostgreSQL and compare every row with
:func:`~distribution.decide`.

>>> import sqlite3
>>> db = sqlite3.connect(":memory:")
>>> db.executescript(decision_table_sql())  # doctest: +ELLIPSIS
<sqlite3.Cursor object at ...>
>>> db.execute("SELECT count(*) FROM eprom_decision").fetchone()
(144,)
>>> case = channel_case_sql(rule="rule_code")
>>> db.execute(f"SELECT {case} FROM eprom_decision WHERE rule_code = 3 AND paper = 1"
...            " AND helsenorge = 0 AND digital_mailbox = 0 LIMIT 1").fetchone()
(4,)
>>> db.close()
"""

from __future__ import annotations

import re
from typing import Final, Literal, get_args

from distribution._errors import InvalidValueError, UnknownCodeError, wrong_type
from distribution.availability import CHANNEL_FIELDS, Availability
from distribution.codes import DistributionRule
from distribution.engine import decide
from distribution.routes import ROUTES

__all__ = ["FLAG_TYPES", "FlagType", "channel_case_sql", "decision_table_sql"]

FlagType = Literal["integer", "boolean"]
"""How the four flags are typed: 0/1 ``INTEGER`` or ``BOOLEAN``."""
FLAG_TYPES: Final[tuple[FlagType, ...]] = get_args(FlagType)

_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?")
_COLUMNS: Final = (
    ("rule_code", "INTEGER NOT NULL"),
    ("rule_name", "VARCHAR(32) NOT NULL"),
    ("availability_index", "INTEGER NOT NULL"),
    *((name, "{flag} NOT NULL") for name in CHANNEL_FIELDS.values()),
    ("channel_code", "INTEGER NOT NULL"),
    ("channel_name", "VARCHAR(16) NOT NULL"),
    ("chain_codes", "VARCHAR(16) NOT NULL"),
    ("chain_names", "VARCHAR(64) NOT NULL"),
    ("outcome", "VARCHAR(16) NOT NULL"),
)


def _identifier(value: object, field: str) -> str:
    # Names are spliced into SQL: only plain identifiers (optionally table.column) pass.
    if not isinstance(value, str):
        raise wrong_type(value, field=field, expected="a string")
    if not _IDENTIFIER.fullmatch(value):
        raise InvalidValueError(
            "unknown_code", value=value, field=field, choices=("a name of letters, digits and _",)
        )
    return value


def _flag_type(value: object) -> FlagType:
    if value not in FLAG_TYPES:
        raise UnknownCodeError("unknown_code", value=value, field="flags", choices=FLAG_TYPES)
    flag: FlagType = value
    return flag


def decision_table_sql(table: str = "eprom_decision", *, flags: FlagType = "integer") -> str:
    """Return SQL that creates *table* and fills it with the 144 rule decisions.

    Columns: ``rule_code``, ``rule_name``, ``availability_index`` (0-15), the four flags
    ``helsenorge``, ``digital_mailbox``, ``krr_contact`` and ``paper`` (0/1, or ``TRUE`` and
    ``FALSE`` in ``BOOLEAN`` columns with ``flags="boolean"``), ``channel_code``
    and ``channel_name`` (0 ``None`` when nothing is sent), ``chain_codes`` and ``chain_names``
    (the fallback chain, comma-separated, chosen channel first) and ``outcome``.
    """
    name = _identifier(table, "table")
    boolean = _flag_type(flags) == "boolean"
    kind_of_flag = "BOOLEAN" if boolean else "INTEGER"
    columns = ",\n".join(
        f"  {column} {kind.format(flag=kind_of_flag)}" for column, kind in _COLUMNS
    )
    rows = []
    for rule in DistributionRule:
        for availability in Availability.all():
            decision = decide(rule, availability)
            values = (
                str(rule.value),
                f"'{rule.api_name}'",
                str(availability.index),
                *(
                    (str(flag).upper() if boolean else str(int(flag)))
                    for flag in availability.to_dict().values()
                ),
                str(decision.channel.value),
                f"'{decision.channel.api_name}'",
                "'" + ",".join(str(ch.value) for ch in decision.chain) + "'",
                "'" + ",".join(ch.api_name for ch in decision.chain) + "'",
                f"'{decision.outcome.value}'",
            )
            rows.append("  (" + ", ".join(values) + ")")
    names = ", ".join(column for column, _ in _COLUMNS)
    return (
        "-- ePROM's distribution rules: the decision for every rule and availability"
        " (eprom-distribution).\n"
        f"CREATE TABLE {name} (\n{columns}\n);\n"
        f"INSERT INTO {name} ({names}) VALUES\n" + ",\n".join(rows) + ";\n"
    )


def channel_case_sql(  # noqa: PLR0913  # keyword-only: the column names and the flag type
    *,
    rule: str = "rule",
    helsenorge: str = "helsenorge",
    digital_mailbox: str = "digital_mailbox",
    krr_contact: str = "krr_contact",
    paper: str = "paper",
    flags: FlagType = "integer",
) -> str:
    """Return a ``CASE`` expression giving the chosen channel's code (0 when none is).

    Each argument names a column: *rule* holds the rule's code, the others a flag (1 when the
    patient can be reached on that channel; with ``flags="boolean"`` a ``BOOLEAN`` column,
    tested as it is). Every rule's route becomes its ``WHEN`` clauses, in route order, so the
    first available channel wins, as in ePROM.
    """
    columns = {
        "helsenorge": _identifier(helsenorge, "helsenorge"),
        "digital_mailbox": _identifier(digital_mailbox, "digital_mailbox"),
        "krr_contact": _identifier(krr_contact, "krr_contact"),
        "paper": _identifier(paper, "paper"),
    }
    rule_column = _identifier(rule, "rule")
    test = "" if _flag_type(flags) == "boolean" else " = 1"
    whens = [
        f"  WHEN {rule_column} = {code.value} AND {columns[CHANNEL_FIELDS[channel]]}{test}"
        f" THEN {channel.value}"
        for code, route in ROUTES.items()
        for channel in route
    ]
    return "CASE\n" + "\n".join(whens) + "\n  ELSE 0\nEND"
