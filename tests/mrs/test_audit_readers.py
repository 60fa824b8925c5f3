"""The fast readers of a datadump count exactly what the row-by-row audit counts.

`audit_table` counts a table a batch at a time and `audit_csv` splits CSV text a chunk at a
time; both judge each distinct row once. The laws: for every table, `audit_table` gives the
audit and the anomalies (in order) of `audit(datadump_rows(table))`; for every CSV text,
`audit_csv` gives those of `audit_table` over the csv module's rows, whatever the chunks.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, Literal
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from distribution import (
    AuditAnomaly,
    AuditKind,
    InvalidTypeError,
    InvalidValueError,
    audit,
    audit_csv,
    audit_table,
    datadump_rows,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from distribution import Audit

HEADER = ["Id", "DistributionRule", "NotificationChannel", "OrderStatus", "ErrorCode", "Unit"]

# Cells as a CSV file or a spreadsheet gives them: good codes, MRS's words, blanks, bad values.
_codes = st.sampled_from(["0", "1", "3", "4", " 2", "9", "", "x", "Bestilt"])
_cells = st.one_of(_codes, st.integers(-1, 9), st.sampled_from([1.0, 2.5, True, None]))
_units = st.sampled_from(["A", "B", " A", ""])


def _rows(cell: st.SearchStrategy[object]) -> st.SearchStrategy[list[object]]:
    # Mostly full rows of common cells, so that whole batches are often clean.
    full = st.tuples(st.integers(1, 9), cell, cell, cell, cell, _units).map(list)
    common = st.tuples(
        st.just(1),
        st.sampled_from(["3", "0"]),
        st.sampled_from(["4", "0"]),
        st.sampled_from(["1", "2"]),
        st.just("0"),
        _units,
    ).map(list)
    short = st.lists(cell, max_size=4)
    return st.one_of(common, common, full, short)


def _run(
    read: Callable[..., Audit], source: object, **options: object
) -> tuple[Audit, list[AuditAnomaly]]:
    found: list[AuditAnomaly] = []
    return read(source, on_anomaly=found.append, **options), found


@given(
    rows=st.lists(_rows(_cells), max_size=60),
    by=st.sampled_from([(), ("Unit",)]),
    batch=st.sampled_from([1, 3, 4096]),
)
def test_audit_table_counts_what_the_row_by_row_audit_counts(
    rows: list[list[object]], by: tuple[str, ...], batch: int
) -> None:
    table = [HEADER, *rows]
    expected = _run(audit, datadump_rows(table, by=by), by=by, limit=5)  # type: ignore[arg-type]  # rows of any cells
    with mock.patch("distribution.mrs.audit.BATCH", batch):  # batches of every size
        assert _run(audit_table, table, by=by, limit=5) == expected


@pytest.mark.parametrize("row", ["3410", 3410])
def test_a_row_that_is_no_list_of_cells_is_refused_alike_by_every_reader(row: object) -> None:
    # A text was read letter by letter ('3', '4', '1', '0': a valid order), a number raised a
    # bare TypeError.
    table: list[Any] = [HEADER[1:5], row]
    readers: list[Callable[[], object]] = [
        lambda: audit(datadump_rows(table)),
        lambda: audit_table(table),
    ]
    for read in readers:
        with pytest.raises(InvalidTypeError) as caught:
            read()
        assert str(caught.value).startswith(
            "datadump row 2: row must be a list of cells (a row from a CSV reader or a"
            " spreadsheet), not "
        )


def test_a_true_is_not_counted_as_the_one_it_equals() -> None:
    # True == 1 == 1.0: counted together, the True would read as the code 1. A whole float is
    # the code it shows (Excel stores numbers as floats), a True is no code.
    table: list[list[object]] = [[*HEADER[1:5]], [1, 1, 1, 0], [True, 1, 1, 0], [1.0, 1, 1, 0]]
    result = audit_table(table)
    assert result.rows == 2
    assert [(a.row, a.kind, a.column) for a in result.anomalies] == [
        (3, AuditKind.UNREADABLE, "DistributionRule")
    ]


def _write(
    rows: Sequence[Sequence[object]], delimiter: str, quoting: Literal[0, 1], newline: str
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


@given(
    rows=st.lists(_rows(_codes), max_size=80),
    delimiter=st.sampled_from([";", ","]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    newline=st.sampled_from(["\n", "\r\n"]),
    quoted_at=st.none() | st.integers(0, 79),
    by=st.sampled_from([(), ("Unit",)]),
    max_row=st.sampled_from([80, 128, 1 << 20]),
    end=st.booleans(),
)
@example(
    rows=[], delimiter=",", quoting=0, newline="\n", quoted_at=None, by=(), max_row=80, end=True
)
@settings(max_examples=300)
def test_audit_csv_counts_what_the_csv_module_reads(  # Hypothesis's arguments
    rows: list[list[object]],
    delimiter: str,
    quoting: Literal[0, 1],
    newline: str,
    quoted_at: int | None,
    by: tuple[str, ...],
    max_row: int,
    end: bool,
) -> None:
    if quoted_at is not None and quoted_at < len(rows):  # a name with a line break in it
        rows[quoted_at] = [*rows[quoted_at], "Oslo\nøst"]
    text = _write(rows, delimiter, quoting, newline)
    if not end:
        text = text.rstrip("\r\n")  # the last line without its line break
    expected = _run(
        audit_table, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), by=by, limit=5
    )
    # A small max_row makes small chunks: every cut between lines is tried.
    got = _run(audit_csv, io.StringIO(text, newline=""), by=by, limit=5, max_row=max_row)
    assert got == expected


def test_a_clean_datadump_is_counted_by_hand() -> None:
    text = "Id;DistributionRule;NotificationChannel;OrderStatus;ErrorCode\n" + "".join(
        f"{n};3;4;1;0\n{n};0;1;2;0\n{n};3;0;3;2\n" for n in range(1000)
    )
    result = audit_csv(io.StringIO(text), max_row=100)
    assert result.rows == 3000
    counts = {tuple(c.value for c in key): n for key, n in result.counts}
    # BasicOrPaper by paper answered; Basic on Helsenorge expired; BasicOrPaper failed, error 2.
    assert counts == {(3, 4, 1): 1000, (0, 1, 2): 1000, (3, 0, 3): 1000}
    assert result.anomalies == ()


def test_the_anomalies_of_a_csv_file_are_numbered_by_row() -> None:
    # Row 2 is fine, row 3 a quoted name over two lines, row 4 outside the rule's route.
    text = (
        "Id,DistributionRule,NotificationChannel,OrderStatus,ErrorCode,Unit\n"
        '1,3,4,1,0,A\n2,3,4,1,0,"Oslo\nøst"\n3,0,3,0,0,B\n'
    )
    result = audit_csv(io.StringIO(text))
    assert [(a.row, a.kind, a.case) for a in result.anomalies] == [
        (4, AuditKind.NOT_PERMITTED, "outside_route")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "d.csv is empty"),
        ("Id;Rule\n1;0\n", "d.csv has no column 'DistributionRule'"),
        (
            "A;DistributionRule;NotificationChannel;OrderStatus;ErrorCode\n" + "1;" * 150 + "\n",
            "d.csv: the row that begins on line 2 is longer than the limit of 100 characters",
        ),
    ],
)
def test_audit_csv_refuses_what_it_cannot_read_naming_the_file(text: str, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        audit_csv(io.StringIO(text), name="d.csv", max_row=100)
    assert message in str(caught.value)


def test_a_field_over_the_csv_modules_limit_is_refused_without_quotes_too() -> None:
    text = "Id;DistributionRule;NotificationChannel;OrderStatus;ErrorCode\n" + (
        "x" * 200_000 + ";3;4;1;0\n1;3;4;1;0\n"
    )
    with pytest.raises(InvalidValueError) as caught:
        audit_csv(io.StringIO(text), name="d.csv")
    assert str(caught.value).startswith(
        "d.csv: a field of the row that begins on line 2 is longer than the CSV reader's limit"
    )


def test_a_row_longer_than_max_row_is_named_by_its_first_line() -> None:
    text = "DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,1,0\n" + (
        '0,1,1,"' + "a\n" * 200 + '"\n'
    )
    with pytest.raises(InvalidValueError) as caught:
        audit_csv(io.StringIO(text), name="d.csv", max_row=100)
    assert str(caught.value) == (
        "d.csv: the row that begins on line 3 is longer than the limit of 100 characters;"
        " it is not read"
    )


def test_the_memo_of_judged_rows_is_bounded_in_the_batches_too() -> None:
    table: list[list[object]] = [
        [*HEADER],
        *([[1, "3", "4", "1", "0", "A"]] * 3),
        [2, "0", "1", "1", "0", "B"],
    ]
    with mock.patch("distribution.mrs._auditor.MEMO_SIZE", 0):
        assert audit_table(table).rows == 4
        assert audit_csv(io.StringIO(_write(table[1:], ",", 0, "\n"))).rows == 4


def test_a_csv_error_other_than_a_long_field_is_the_csv_modules_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # None is known on Python 3.11 and later (a NUL was one before): it is not the library's.
    def refusing(*_args: object, **_kwargs: object) -> Iterator[list[str]]:
        if _args:  # always: a generator that fails when read, as a reader does
            raise csv.Error("line contains NUL")
        yield []

    monkeypatch.setattr("distribution.mrs.audit.csv.reader", refusing)
    with pytest.raises(csv.Error, match="NUL"):
        audit_csv(io.StringIO('"DistributionRule",NotificationChannel\n'))


def test_the_readers_check_what_they_get() -> None:
    with pytest.raises(InvalidValueError, match=r"^max_row must be at least 1, not 0$"):
        audit_csv(io.StringIO("x\n"), max_row=0)
    with pytest.raises(InvalidTypeError, match="max_row must be an integer"):
        audit_csv(io.StringIO("x\n"), max_row=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="source must be a text stream"):
        audit_csv(io.BytesIO(b"x\n"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="limit must be an integer"):
        audit_table([], limit="5")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="limit must be an integer"):
        audit_csv(io.StringIO("x\n"), limit=5.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="by must be a list"):
        audit_table([], by="Unit")
    with pytest.raises(InvalidValueError) as long_header:
        audit_csv(io.StringIO("DistributionRule," * 10 + "\n"), name="d.csv", max_row=100)
    assert str(long_header.value) == (
        "d.csv line 1 is longer than the limit of 100 characters; it is not read"
    )
    with pytest.raises(InvalidTypeError, match="by must be a list"):
        audit_csv(io.StringIO("x\n"), by="Unit")
    table: list[Any] = [HEADER[1:5], "0,1,1,0"]
    with pytest.raises(InvalidTypeError) as caught:
        audit_table(table)
    assert str(caught.value) == (
        "datadump row 2: row must be a list of cells (a row from a CSV reader or a spreadsheet),"
        " not text '0,1,1,0'"
    )
