"""Cohort files as registries export them: spellings, header words, missing values, quoting."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from distribution import (
    Availability,
    CsvCohort,
    DistributionError,
    InvalidTypeError,
    InvalidValueError,
    UnknownCodeError,
    _flags,
    _records,
    csv_cohort,
    simulate,
)
from distribution.csv_cohort import from_state
from distribution.partial import PartialAvailability
from tests.helpers.cli import run

if TYPE_CHECKING:
    from pathlib import Path

# The reference cohort, four patients, written out by hand:
#   patient 1: Helsenorge and paper            -> index 1 + 8 = 9
#   patient 2: KRR contact and paper           -> 4 + 8 = 12
#   patient 3: nothing                         -> 0
#   patient 4: everything                      -> 15
REFERENCE = {9: 1, 12: 1, 0: 1, 15: 1}
YES_NO = [
    ("1", "0"),
    ("t", "f"),
    ("true", "false"),
    ("True", "False"),
    ("TRUE", "FALSE"),
    ("yes", "no"),
    ("Y", "N"),
    ("ja", "nei"),
    ("Ja", "Nei"),
    ("j", "n"),
    ("SANN", "USANN"),
    ("1.0", "0.0"),
    (" yes ", " no"),
]


def _reference_rows(yes: str, no: str) -> list[list[str]]:
    flags = [(1, 0, 0, 1), (0, 0, 1, 1), (0, 0, 0, 0), (1, 1, 1, 1)]
    return [[yes if flag else no for flag in row] for row in flags]


def _counts(text: str, **options: object) -> dict[int, int]:
    """Count *text* both ways, as an open file and as a list of lines, and check they agree."""
    fast = CsvCohort(io.StringIO(text, newline=""), **options)  # type: ignore[arg-type]
    slow = CsvCohort(io.StringIO(text, newline="").readlines(), **options)  # type: ignore[arg-type]
    counts = dict(fast.counts())
    assert counts == dict(slow.counts())
    return counts


@pytest.mark.parametrize(("yes", "no"), YES_NO)
def test_every_spelling_registries_write_reads_the_same(yes: str, no: str) -> None:
    rows = _reference_rows(yes, no)
    text = "id,helsenorge,digital_mailbox,krr_contact,paper\n" + "".join(
        f"p{i}," + ",".join(row) + "\n" for i, row in enumerate(rows)
    )
    assert _counts(text) == REFERENCE


@pytest.mark.parametrize(
    "header",
    [
        "hn,digipost,sms,papir",
        "Helsenorge,DigitalMailbox,Unsecure,PhysicalMailbox",
        "HN,e-boks,e-post,brev",
        "helsenorge, Digital postkasse ,krr,paper",
    ],
)
def test_the_header_may_use_the_words_people_use(header: str) -> None:
    text = f"{header}\n1,0,0,1\n0,0,1,1\n0,0,0,0\n1,1,1,1\n"
    assert _counts(text) == REFERENCE


def test_a_fields_own_name_wins_over_another_word_for_it() -> None:
    # "epost" holds addresses here; krr_contact is the flag.
    text = "epost,helsenorge,digital_mailbox,krr_contact,paper\na,1,0,0,1\nb,0,0,1,1\n"
    assert _counts(text) == {9: 1, 12: 1}


def test_two_words_for_one_channel_are_refused_naming_both() -> None:
    with pytest.raises(InvalidValueError, match="'sms / epost' appears more than once"):
        _counts("helsenorge,digital_mailbox,sms,epost,paper\n1,0,0,0,1\n")


def test_a_tick_column_reads_x_as_available_and_empty_as_missing() -> None:
    text = "helsenorge;digital_mailbox;krr_contact;paper\nx;;;x\n;;x;X\n;;;\nx;x;x;x\n"
    assert _counts(text, missing="unavailable") == REFERENCE
    with pytest.raises(InvalidValueError, match=r"line 2: no value \(''\) in column digital"):
        _counts(text)


# --- missing values -----------------------------------------------------------------------------

MISSING = (
    "helsenorge,digital_mailbox,krr_contact,paper\n"
    "1,0,0,1\n"  # settled: index 9
    "NULL,0,1,1\n"  # Helsenorge not known
    "0,NA,0,\\N\n"  # mailbox and paper not known
    ",0,0,1\n"  # Helsenorge not known (empty)
)


def test_a_missing_value_is_an_error_naming_the_line_by_default() -> None:
    with pytest.raises(InvalidValueError) as caught:
        _counts(MISSING)
    message = str(caught.value)
    assert "3 bad rows" in message
    assert "line 3: no value ('NULL') in column helsenorge" in message
    assert "line 4: no value ('NA') in column digital_mailbox" in message
    assert "line 5: no value ('') in column helsenorge" in message
    assert "--missing unknown, unavailable or skip" in message


def test_a_missing_value_as_unavailable_or_skipped() -> None:
    # Unavailable: 0,0,1,1 -> 12; 0,0,0,0 -> 0; 0,0,0,1 -> 8.
    assert _counts(MISSING, missing="unavailable") == {9: 1, 12: 1, 0: 1, 8: 1}
    cohort = CsvCohort(io.StringIO(MISSING, newline=""), missing="skip")
    result = simulate(cohort)
    assert (result.patients, result.incomplete, result.skipped) == (1, 3, 0)


def test_an_unknown_value_is_not_settled_where_it_matters() -> None:
    cohort = CsvCohort(io.StringIO(MISSING, newline=""), missing="unknown")
    result = simulate(cohort, ["Basic", "AllowUnsecureOrPaper", "PaperOnly", "NoDistribution"])
    assert result.patients == 4
    basic = result.tally("Basic")
    # Row 2 (Helsenorge unknown, no mailbox): Helsenorge or nothing -> not settled.
    # Row 3 (Helsenorge no, mailbox unknown): the mailbox or nothing -> not settled.
    # Row 4 (Helsenorge unknown): not settled. Row 1: Helsenorge.
    assert (basic.by_channel, basic.unreachable, basic.not_settled) == ((1, 0, 0, 0), 0, 3)
    unsecure = result.tally("AllowUnsecureOrPaper")
    # Row 2: Helsenorge, else KRR (known): not settled. Row 3: mailbox, else KRR no, else paper
    # unknown: not settled. Row 4: Helsenorge, else paper: not settled.
    assert unsecure.not_settled == 3
    paper = result.tally("PaperOnly")
    # Paper is known in rows 1, 2 and 4; row 3's paper is unknown.
    assert (paper.by_channel, paper.not_settled) == ((0, 0, 0, 3), 1)
    assert result.tally("NoDistribution").not_distributed == 4
    assert paper.percent(paper.not_settled) == 25.0


def test_iterating_gives_partial_availabilities_for_unknown_rows() -> None:
    cohort = CsvCohort(MISSING.splitlines(keepends=True), missing="unknown")
    patients = list(cohort)
    assert patients[0] == Availability(helsenorge=True, paper=True)
    assert patients[1] == PartialAvailability(
        helsenorge=None, digital_mailbox=False, krr_contact=True, paper=True
    )
    assert patients[2] == PartialAvailability(
        helsenorge=False, digital_mailbox=None, krr_contact=False, paper=None
    )
    assert from_state(9) == Availability(helsenorge=True, paper=True)


def test_simulate_can_override_the_readers_missing_option() -> None:
    cohort = CsvCohort(io.StringIO(MISSING, newline=""))
    assert simulate(cohort, missing="unavailable").patients == 4
    assert cohort.missing == "error"


def test_partial_availabilities_in_memory() -> None:
    unknown_paper = PartialAvailability(helsenorge=False, digital_mailbox=False, krr_contact=False)
    cohort: list[Availability | PartialAvailability] = [Availability(paper=True), unknown_paper]
    assert simulate(cohort, ["PaperOnly"]).tally("PaperOnly").not_settled == 1
    assert simulate(cohort, ["PaperOnly"], missing="unavailable").tally(5).unreachable == 1
    skipped = simulate(cohort, ["PaperOnly"], missing="skip")
    assert (skipped.patients, skipped.incomplete) == (1, 1)
    settled = PartialAvailability(
        helsenorge=True, digital_mailbox=False, krr_contact=False, paper=True
    )
    assert simulate([settled], ["PaperOnly"], missing="error").tally(5).by_channel == (0, 0, 0, 1)
    with pytest.raises(InvalidValueError, match=r"cohort\[1\]\.paper is missing"):
        simulate(cohort, missing="error")
    with pytest.raises(UnknownCodeError, match="missing"):
        simulate(cohort, missing="maybe")  # type: ignore[arg-type]
    with pytest.raises(UnknownCodeError, match="missing"):
        CsvCohort([], missing="maybe")  # type: ignore[arg-type]


# --- the five export styles and R's write.csv, by hand and with the real tool ----------------

EXPORTS = {
    # psql: \copy (SELECT ...) TO 'f.csv' CSV HEADER -- booleans as t/f, NULL as nothing
    "postgresql": (
        "id,helsenorge,digital_mailbox,krr_contact,paper\n"
        "1,t,f,f,t\n2,f,f,t,t\n3,f,f,f,f\n4,t,t,t,t\n"
    ),
    # pandas DataFrame.to_csv(): the index first, under an empty name; True/False
    "pandas": (
        ",patient,helsenorge,digital_mailbox,krr_contact,paper\n"
        "0,p1,True,False,False,True\n1,p2,False,False,True,True\n"
        "2,p3,False,False,False,False\n3,p4,True,True,True,True\n"
    ),
    # DuckDB COPY t TO 'f.csv': true/false, a quoted field where the text needs it
    "duckdb": (
        "patient,helsenorge,digital_mailbox,krr_contact,paper\n"
        '"Ås, Åse",true,false,false,true\np2,false,false,true,true\n'
        "p3,false,false,false,false\np4,true,true,true,true\n"
    ),
    # Excel under a Norwegian locale: semicolons, CRLF, ja/nei or SANN/USANN
    "excel": (
        "Pasient;Helsenorge;Digipost;SMS;Papir\r\n"
        "Åse;ja;nei;nei;ja\r\nBjørn;USANN;USANN;SANN;SANN\r\nCarl;nei;nei;nei;nei\r\n"
        "Dina;SANN;SANN;SANN;SANN\r\n"
    ),
    # R write.csv(): every string quoted, row names first under "", logicals as TRUE/FALSE
    "r": (
        '"","patient","helsenorge","digital_mailbox","krr_contact","paper"\n'
        '"1","p1",TRUE,FALSE,FALSE,TRUE\n"2","p2",FALSE,FALSE,TRUE,TRUE\n'
        '"3","p3",FALSE,FALSE,FALSE,FALSE\n"4","p4",TRUE,TRUE,TRUE,TRUE\n'
    ),
    # R write.csv() of character columns: the flags quoted too, a multi-line note
    "r_quoted": (
        '"","note","helsenorge","digital_mailbox","krr_contact","paper"\n'
        '"1","two\nlines","1","0","0","1"\n"2","","0","0","1","1"\n'
        '"3","say ""hei""","0","0","0","0"\n"4",NA,"1","1","1","1"\n'
    ),
}


@pytest.mark.parametrize("name", list(EXPORTS))
def test_each_export_style_gives_the_reference_counts(name: str) -> None:
    assert _counts(EXPORTS[name]) == REFERENCE


@pytest.mark.parametrize("name", list(EXPORTS))
def test_each_export_style_reads_the_same_from_the_command_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    encoding = "cp1252" if name == "excel" else "utf-8"
    path.write_bytes(EXPORTS[name].encode(encoding))
    code, out, err = run(
        "simulate", str(path), "--rules", "BasicOrPaper", "--format", "csv",
        "--encoding", encoding,
    )  # fmt: skip
    assert (code, err) == (0, "")
    # Helsenorge 2 (patients 1 and 4), paper 1 (patient 2), unreachable 1 (patient 3).
    assert out.splitlines()[1].startswith("3,BasicOrPaper,4,2,50.0,0,0.0,0,0.0,1,25.0,1,25.0,")


def test_duckdbs_own_copy_gives_the_reference_counts(tmp_path: Path) -> None:
    path = tmp_path / "duckdb.csv"
    with duckdb.connect() as db:
        db.execute(
            "CREATE TABLE cohort AS SELECT * FROM (VALUES"
            " ('Ås, Åse', true, false, false, true), ('p2', false, false, true, true),"
            " ('p3', false, false, false, false), ('p4', true, true, true, true))"
            " AS t(patient, helsenorge, digital_mailbox, krr_contact, paper)"
        )
        db.execute(f"COPY cohort TO '{path}' (HEADER, DELIMITER ',')")
    assert _counts(path.read_text(encoding="utf-8")) == REFERENCE
    with path.open(encoding="utf-8", newline="") as handle:
        assert dict(CsvCohort(handle).counts()) == REFERENCE


# --- long lines, chunks and quotes across chunk boundaries ---------------------------------------


def test_a_line_longer_than_the_limit_is_refused_in_bounded_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_records, "RECORD_LIMIT", 100)
    monkeypatch.setattr(_records, "BLOCK", 16)
    text = "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n" + "1," * 200 + "\n"
    with pytest.raises(InvalidValueError, match="line 3: the row is longer than 100 characters"):
        CsvCohort(io.StringIO(text, newline="")).counts()
    with pytest.raises(InvalidValueError, match="line 3: the row is longer"):
        list(CsvCohort(io.StringIO(text, newline="")))
    with pytest.raises(InvalidValueError, match="line 1: the row is longer"):
        CsvCohort(io.StringIO("x" * 300, newline="")).counts()


class _Counting(io.StringIO):
    """A stream that remembers the largest piece asked of it."""

    largest = 0

    def read(self, size: int | None = -1, /) -> str:
        text = super().read(size)
        self.largest = max(self.largest, len(text))
        return text


def test_a_long_line_is_read_in_linear_time() -> None:
    # Before, each read joined the pending text to the new block: quadratic in the line's
    # length. Now the pieces wait in a list and are joined once, so reading a line of a
    # million characters in 1 KiB blocks takes about a thousand steps.
    source = _Counting("a" * 1_000_000 + "\nb\n")
    got = list(_records.chunks(source, first_line=1, block=1024, limit=2_000_000))
    assert [(len(text), line, last) for text, line, last in got] == [(1_000_003, 1, False)]
    assert source.largest == 1024


def test_chunks_cut_only_outside_quotes() -> None:
    text = 'a,"x\ny",1\nb,2\n"p\n\nq",3\n'
    for block in range(1, len(text) + 1):
        got = list(_records.chunks(io.StringIO(text), first_line=2, block=block))
        assert "".join(t for t, _, _ in got) == text
        for chunk, _, _ in got:
            assert chunk.count('"') % 2 == 0, (block, chunk)
        lines = [line for _, line, _ in got]
        assert lines == sorted(lines)
    # A lone carriage return ends a line (an old Mac file), but not as the read's last
    # character: a line feed may follow.
    got = list(_records.chunks(io.StringIO("a\rb\r\nc"), first_line=1, block=3))
    assert got == [("a\r", 1, False), ("b\r\n", 2, False), ("c", 3, True)]
    got = list(_records.chunks(io.StringIO("a\rb\r\nc"), first_line=1, block=2))
    assert got == [("a\rb\r\n", 1, False), ("c", 3, True)]
    assert _records.line_breaks("a\rb\r\nc\n") == 3


_CELLS = ["1", "0", "t", "FALSE", "ja", "", "NULL", '"1"', '"a\nb"', '"x,y"', "x", "?", "nei "]
_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["p1", '"p,2"', '"multi\nline"', ""]), *(st.sampled_from(_CELLS),) * 4
    )
    .map(list)
    .flatmap(lambda cells: st.sampled_from([cells, cells[:-1], [*cells, "extra"]])),
    max_size=25,
)


def _outcome(cohort: CsvCohort) -> object:
    try:
        result = simulate(cohort)
    except DistributionError as error:
        return error.message("en")
    return result.to_dict(), cohort.rows, cohort.skipped, cohort.incomplete


_HEADERS = [
    "patient,helsenorge,digital_mailbox,krr_contact,paper",  # the flags last
    "helsenorge,digital_mailbox,krr_contact,paper,patient",  # the flags first
    "digital_mailbox,patient,paper,helsenorge,krr_contact",  # apart
]


@settings(max_examples=120)
@given(
    header=st.sampled_from(_HEADERS),
    rows=_ROWS,
    newline=st.sampled_from(["\n", "\r\n"]),
    block=st.sampled_from([5, 17, 64, 1 << 16]),
    missing=st.sampled_from(["error", "unknown", "unavailable", "skip"]),
    skip_bad=st.booleans(),
)
def test_a_quoted_file_counted_in_chunks_reads_as_row_by_row(
    header: str, rows: list[list[str]], newline: str, block: int, missing: str, skip_bad: bool
) -> None:
    """However quoted fields fall into chunks, the counts, errors and skips are the same."""
    text = "".join(",".join(row) + newline for row in [header.split(","), *rows])
    options: dict[str, object] = {"missing": missing, "skip_bad": skip_bad}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_records, "BLOCK", block)
        fast = _outcome(CsvCohort(io.StringIO(text, newline=""), **options))  # type: ignore[arg-type]
    slow = _outcome(CsvCohort(list(io.StringIO(text, newline="")), **options))  # type: ignore[arg-type]
    assert fast == slow


# --- grouping -----------------------------------------------------------------------------------

GROUPED = (
    "kommune,helsenorge,digital_mailbox,krr_contact,paper\n"
    "0301,1,0,0,1\n5001,0,0,1,1\n0301,0,0,0,0\n 0301 ,1,1,1,1\n"
)


def test_grouped_counts_by_a_column() -> None:
    cohort = CsvCohort(io.StringIO(GROUPED, newline=""), by=["Kommune"])
    assert cohort.grouped_counts() == {("0301",): {9: 1, 0: 1, 15: 1}, ("5001",): {12: 1}}
    result = simulate(CsvCohort(io.StringIO(GROUPED, newline=""), by=["kommune"]), ["Basic"])
    assert result.by == ("kommune",)
    assert [(g.values, g.simulation.patients) for g in result.groups] == [
        (("0301",), 3),
        (("5001",), 1),
    ]
    assert result.groups[0].simulation.tally("Basic").by_channel == (2, 0, 0, 0)
    records = result.to_records()
    assert [
        (r["kommune"], r["rule_name"], r["helsenorge"], r["helsenorge_pct"]) for r in records
    ] == [
        ("0301", "Basic", 2, 66.7),
        ("5001", "Basic", 0, 0.0),
    ]
    data = result.to_dict()
    assert data["by"] == ["kommune"]
    assert data["groups"][1]["values"] == {"kommune": "5001"}  # type: ignore[index]


def test_grouping_by_a_column_the_file_lacks_names_its_columns() -> None:
    with pytest.raises(InvalidValueError, match="no column 'fylke'; its columns are kommune"):
        CsvCohort(io.StringIO(GROUPED, newline=""), by=["fylke"]).counts()
    with pytest.raises(InvalidTypeError):
        CsvCohort([], by="kommune")


def test_too_many_groups_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_cohort, "MAX_GROUPS", 2)
    text = "id,helsenorge,digital_mailbox,krr_contact,paper\n1,1,0,0,1\n2,1,0,0,1\n3,1,0,0,1\n"
    with pytest.raises(InvalidValueError, match="more than 2 different values"):
        CsvCohort(io.StringIO(text, newline=""), by=["id"]).counts()


def test_a_field_too_long_for_the_csv_module_in_a_quoted_chunk_is_named_by_its_line() -> None:
    note = '"' + "n" * 200_000 + '"'
    text = f'id,helsenorge,digital_mailbox,krr_contact,paper\n"a",1,0,0,1\n{note},1,0,0,1\n'
    with pytest.raises(InvalidValueError, match="line 3: not readable as CSV"):
        _counts(text)
    with pytest.raises(InvalidValueError, match="line 3: not readable as CSV"):
        _counts(text, by=["id"])


def test_an_empty_first_line_is_no_header() -> None:
    with pytest.raises(InvalidValueError, match="is empty; expected a header"):
        _counts("\nhelsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n")


def test_a_column_of_too_many_spellings_is_read_row_by_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_flags, "MAX_SPELLINGS", 2)
    header = "helsenorge,note,digital_mailbox,krr_contact,paper"  # the flags apart
    text = f"{header}\nja,a,no,f,1\nyes,b,n,nei,0\nJ,c,NO,F,true\n"
    # ja, yes, J: three spellings of "available" in one column; rows 9, 1 and 9.
    assert _counts(text) == {9: 2, 1: 1}


def test_iterating_with_skip_leaves_incomplete_rows_out() -> None:
    cohort = CsvCohort(MISSING.splitlines(keepends=True), missing="skip")
    assert list(cohort) == [Availability(helsenorge=True, paper=True)]
    assert (cohort.rows, cohort.incomplete) == (1, 3)


@pytest.mark.parametrize(
    "header",
    [
        "a,b,helsenorge,digital_mailbox,krr_contact,paper",
        "helsenorge,digital_mailbox,krr_contact,paper,a,b",
        "helsenorge,digital_mailbox,krr_contact,paper",
        "helsenorge,a,digital_mailbox,krr_contact,b,paper",
    ],
)
def test_the_flags_anywhere_among_other_columns(header: str) -> None:
    names = header.split(",")
    flags = {"helsenorge": 0, "digital_mailbox": 1, "krr_contact": 2, "paper": 3}
    lines = [header]
    lines += [
        ",".join(row[flags[n]] if n in flags else "x-" + n for n in names)
        for row in _reference_rows("ja", "nei")
    ]
    text = "\n".join(lines) + "\n"
    assert _counts(text) == REFERENCE
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_records, "BLOCK", 40)  # a chunk or two a row: the spellings known
        assert _counts(text) == REFERENCE
    assert _counts(text.replace("ja", "1").replace("nei", "0")) == REFERENCE
    assert _counts(text.replace("ja", "t").replace("nei", "f")) == REFERENCE
    unknown = text.replace("nei", "NA")
    counts = _counts(unknown, missing="unknown")
    # Each "nei" became not known: 9 -> 9 with mailbox and KRR unknown (6 << 4), and so on.
    assert counts == {9 | 6 << 4: 1, 12 | 3 << 4: 1, 15 << 4: 1, 15: 1}
    assert _counts(unknown, missing="skip") == {15: 1}
    short = text + "ja,nei\n"
    with pytest.raises(InvalidValueError, match="line 6: 2 fields"):
        _counts(short)


def test_a_non_ascii_digit_is_a_bad_value_wherever_the_flags_are() -> None:
    text = "helsenorge,a,digital_mailbox,krr_contact,paper\n1,x,\u0661,0,1\n"
    with pytest.raises(InvalidValueError, match="line 2: '\u0661' in column digital_mailbox"):
        _counts(text)


_PLAIN = ["p,1,0,0,1", "q,0,0,1,1", "r,true,false,NA,1", "s,ja,nei,nei,nei", "t,1,1,1,1"]
_QUOTED = ['"Ås, Åse",1,0,0,1', '"two\nlines",0,1,0,0', '"say ""hei""",1,1,0,0', '"x",1,"1",0,0']
_BAD = ["u,maybe,0,0,1", "v,1,0,0", ""]


@settings(max_examples=80)
@given(
    rows=st.lists(st.sampled_from(_PLAIN * 40 + _QUOTED + _BAD), min_size=1, max_size=300),
    block=st.sampled_from([64, 300, 1 << 16]),
    missing=st.sampled_from(["error", "unknown", "skip"]),
)
def test_a_few_quoted_rows_among_plain_ones_read_as_row_by_row(
    rows: list[str], block: int, missing: str
) -> None:
    """A chunk with a quoted row now and then counts its plain rows on the fast path."""
    text = "patient,helsenorge,digital_mailbox,krr_contact,paper\n" + "\n".join(rows) + "\n"
    options: dict[str, object] = {"missing": missing, "skip_bad": True}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_records, "BLOCK", block)
        fast = _outcome(CsvCohort(io.StringIO(text, newline=""), **options))  # type: ignore[arg-type]
    slow = _outcome(CsvCohort(list(io.StringIO(text, newline="")), **options))  # type: ignore[arg-type]
    assert fast == slow


def test_a_quoted_name_now_and_then_by_hand() -> None:
    header = "patient,helsenorge,digital_mailbox,krr_contact,paper\n"
    # Six quotes in some 200 lines: a chunk counted mostly on the fast path.
    rows = ['"Ås, Åse",0,0,1,1', *["p,1,0,0,1"] * 100, '"a\nb",1,1,1,1', '"c",1,1,1,1']
    rows += ["p,0,0,0,0"] * 100
    text = header + "\n".join(rows) + "\n"
    assert _counts(text) == {12: 1, 9: 100, 15: 2, 0: 100}
    assert _counts(text, missing="skip") == {12: 1, 9: 100, 15: 2, 0: 100}
    last = header + "\n".join(rows[1:-100]) + "\n"  # a quoted row last
    assert _counts(last) == {9: 100, 15: 2}
    # Lines: the header, 1 + 100 rows, a row on lines 103 and 104, 1 + 100 rows: the bad one
    # is 206.
    with pytest.raises(InvalidValueError, match="line 206: 'maybe' in column helsenorge"):
        _counts(text + "p,maybe,0,0,1\n")
