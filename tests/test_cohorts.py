"""Cohorts: batch decisions, simulation laws, and the CSV reader."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from distribution import (
    Availability,
    CsvCohort,
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    NotificationChannel,
    Outcome,
    UnknownCodeError,
    _records,
    decide,
    decide_many,
    simulate,
)
from distribution.cli import main
from distribution.presentation.simulation import simulation
from tests.strategies import REACHABLE, availabilities

if TYPE_CHECKING:
    from pathlib import Path

    from distribution.partial import PartialAvailability

R = DistributionRule
HEADER = "patient,helsenorge,digital_mailbox,krr_contact,paper"


def test_simulation_by_hand() -> None:
    cohort = [
        Availability(helsenorge=True, digital_mailbox=True, krr_contact=True, paper=True),
        Availability(krr_contact=True, paper=True),
        Availability(paper=True),
        Availability(),
    ]
    result = simulate(cohort)
    assert result.patients == 4
    basic = result.tally(R.BASIC)
    assert basic.by_channel == (1, 0, 0, 0)
    assert basic.unreachable == 3
    or_paper = result.tally("BasicOrPaper")
    assert or_paper.by_channel == (1, 0, 0, 2)
    assert or_paper.unreachable == 1
    assert or_paper.paper_despite_digital == 1
    unsecure_or_paper = result.tally(4)
    assert unsecure_or_paper.by_channel == (1, 0, 1, 1)
    assert unsecure_or_paper.paper_despite_digital == 0
    assert result.tally("NoDistribution").not_distributed == 4
    assert result.tally("PaperOnly").paper_despite_digital == 2


@given(st.lists(availabilities, max_size=50), st.sets(st.sampled_from(R), min_size=1))
def test_simulation_adds_up_and_agrees_with_decide(
    cohort: list[Availability], rules: set[R]
) -> None:
    """Every patient is counted once per rule, exactly where decide() puts them."""
    result = simulate(iter(cohort), rules)
    assert [t.rule for t in result.tallies] == [r for r in R if r in rules] or len(rules) > 0
    for tally in result.tallies:
        decisions = [decide(tally.rule, a) for a in cohort]
        assert tally.patients == len(cohort)
        assert sum(tally.by_channel) + tally.unreachable + tally.not_distributed == len(cohort)
        for channel, count in zip(REACHABLE, tally.by_channel, strict=True):
            assert count == sum(d.channel is channel for d in decisions)
        assert tally.unreachable == sum(d.outcome is Outcome.UNREACHABLE for d in decisions)
        paper = NotificationChannel.PHYSICAL_MAILBOX
        assert tally.paper_despite_digital == sum(
            d.channel is paper and len(d.availability.channels) > 1 for d in decisions
        )


def test_simulate_reads_any_iterable_once() -> None:
    cohort = (Availability(paper=True) for _ in range(1000))
    assert simulate(cohort).tally("PaperOnly").reached("paper") == 1000


@pytest.mark.parametrize("item", [None, "paper", {"paper": True}, 8])
def test_simulate_refuses_non_availabilities(item: object) -> None:
    with pytest.raises(InvalidTypeError, match="cohort item"):
        simulate([Availability(), item])  # type: ignore[list-item]


# The calls below break the annotations on purpose; these names tell mypy so.
untyped_simulate: Any = simulate
untyped_decide_many: Any = decide_many
untyped_csv_cohort: Any = CsvCohort
_COHORT = (
    "cohort must be a cohort: Availability or PartialAvailability values (a list, a generator) "
    "or a CsvCohort, not "
)
_RULES = "rules must be a list of rules (codes or names), not "
_LINES = "lines must be text, line by line (str): a file opened as text, or a list of lines, not "


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: untyped_simulate(5), _COHORT + "integer 5"),
        (lambda: untyped_simulate("1,0,0,1"), _COHORT + "text '1,0,0,1'"),
        (lambda: untyped_simulate(b"1,0,0,1"), _COHORT + "bytes b'1,0,0,1'"),
        (lambda: untyped_simulate([], 5), _RULES + "integer 5"),
        (lambda: untyped_simulate([], "Basic"), _RULES + "text 'Basic'"),
        (
            lambda: untyped_decide_many("Basic", 5),
            "availabilities must be an iterable (a list, a tuple, a generator), not integer 5",
        ),
        (lambda: untyped_csv_cohort(b"helsenorge\n1\n"), _LINES + "bytes b'helsenorge\\n1\\n'"),
        (lambda: untyped_csv_cohort("paper\n1\n"), _LINES + "text 'paper\\n1\\n'"),
        (lambda: untyped_csv_cohort(5), _LINES + "integer 5"),
        # A file opened in binary mode is iterable; its first line says what it is.
        (lambda: list(untyped_csv_cohort(io.BytesIO(b"paper\n1\n"))), _LINES + "bytes b'paper\\n'"),
        (lambda: untyped_simulate(untyped_csv_cohort([b"paper\n"])), _LINES + "bytes b'paper\\n'"),
    ],
)
def test_a_wrong_python_type_is_the_librarys_type_error(call: Any, message: str) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        call()
    assert str(caught.value) == message
    assert isinstance(caught.value, TypeError)


def test_a_wrong_python_type_is_named_in_bokmal_too() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        simulate(5)  # type: ignore[arg-type]
    assert caught.value.message("nb") == (
        "cohort må være en kohort: Availability- eller PartialAvailability-verdier (en liste, "
        "en generator) eller en CsvCohort, ikke heltall 5"
    )


def test_simulation_formats() -> None:
    result = simulate([Availability(paper=True)], ["PaperOnly"])
    data = json.loads(simulation(result, "json"))
    assert data == result.to_dict()
    assert data["rules"][0]["physical_mailbox"] == 1
    header, row = simulation(result, "csv").splitlines()
    assert header == (
        "rule_code,rule_name,patients,helsenorge,helsenorge_pct,digital_mailbox,"
        "digital_mailbox_pct,unsecure,unsecure_pct,physical_mailbox,physical_mailbox_pct,"
        "unreachable,unreachable_pct,not_distributed,not_distributed_pct,"
        "paper_despite_digital,paper_despite_digital_pct,not_settled,not_settled_pct,"
        "skipped,incomplete"
    )
    assert row == "5,PaperOnly,1,0,0.0,0,0.0,0,0.0,1,100.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0"
    assert simulation(result, "csv", lang="nb") == simulation(result, "csv")  # stable names
    assert (
        "| 5 PaperOnly | 0 (0.0 %) | 0 (0.0 %) | 0 (0.0 %) | 1 (100.0 %) | 0 (0.0 %) | 0 (0.0 %)"
        " | 0 (0.0 %) |" in simulation(result, "markdown")
    )
    assert "1 (100,0 %)" in simulation(result, lang="nb")
    assert "bad rows skipped: 0" in simulation(result)
    assert "pasienter: 1" in simulation(result, lang="nb")
    with pytest.raises(UnknownCodeError, match="'xml'"):
        simulation(result, "xml")
    with pytest.raises(UnknownCodeError, match="Basic"):
        result.tally("Basic")


# --- CSV ----------------------------------------------------------------------------------------


def read(text: str, **kwargs: object) -> tuple[list[Availability | PartialAvailability], CsvCohort]:
    reader = CsvCohort(io.StringIO(text, newline=""), **kwargs)  # type: ignore[arg-type]
    return list(reader), reader


def test_csv_values_columns_and_extras() -> None:
    text = (
        "\ufeffPaper, HELSENORGE ,note,krr_contact,digital_mailbox\n"
        "ja,nei,x,no,YES\n"
        '1,0,"with, comma",0,0\n'
        "FALSE,True,,False,false\n"
    )
    cohort, reader = read(text)
    assert cohort == [
        Availability(paper=True, digital_mailbox=True),
        Availability(paper=True),
        Availability(helsenorge=True),
    ]
    assert (reader.rows, reader.skipped) == (3, 0)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ["empty", "helsenorge"]),
        ("helsenorge,paper\n1,1\n", ["lacks the columns", "digital_mailbox", "krr_contact"]),
        (HEADER + ",paper\n", ["paper", "more than once"]),
    ],
)
def test_csv_header_problems(text: str, words: list[str]) -> None:
    with pytest.raises(InvalidValueError) as caught:
        read(text)
    for word in words:
        assert word in str(caught.value)


def test_bad_rows_fail_by_default_listing_line_numbers_and_reasons() -> None:
    text = HEADER + "\np1,1,1,1,1\np2,1,maybe,1,1\np3,1,1\n\np5,1,1,1,1,extra\n"
    with pytest.raises(InvalidValueError) as caught:
        read(text)
    message = str(caught.value)
    assert "4 bad rows" in message
    assert "line 3: 'maybe' in column digital_mailbox" in message
    assert "line 4: 3 fields, but the header has 5" in message
    assert "line 5: 0 fields" in message
    assert "line 6: 6 fields" in message
    assert "linje 3" in caught.value.message("nb")


def test_skip_bad_goes_on_and_counts() -> None:
    text = HEADER + "\np1,1,1,1,1\np2,1,maybe,1,1\np3,0,0,0,1\n"
    cohort, reader = read(text, skip_bad=True)
    assert cohort == [
        Availability.of("helsenorge", "digital_mailbox", "krr_contact", "paper"),
        Availability(paper=True),
    ]
    assert reader.skipped == 1
    assert [row.line for row in reader.bad_rows] == [3]


def test_the_first_bad_rows_are_reported_and_reading_stops_early() -> None:
    rows = "".join(f"p{i},?,1,1,1\n" for i in range(1000))
    with pytest.raises(InvalidValueError, match=r"6\+ bad rows") as caught:
        read(HEADER + "\n" + rows, report_limit=5)
    assert "line 2:" in str(caught.value)
    assert "line 7:" not in str(caught.value)


def test_long_bad_values_are_shortened() -> None:
    _, reader = read(HEADER + "\np," + "y" * 500 + ",1,1,1\n", skip_bad=True)
    assert len(reader.bad_rows[0].describe()) < 120


# --- the CLI ------------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), environ={}, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_cli_simulate(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text(HEADER + "\np1,1,0,0,1\np2,0,0,1,1\n", encoding="utf-8")
    code, out, err = run("simulate", str(path), "--rules", "Basic, 3", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["patients"] == 2
    assert [r["rule_name"] for r in data["rules"]] == ["Basic", "BasicOrPaper"]
    assert data["rules"][1]["paper_despite_digital"] == 1


def test_cli_simulate_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text(HEADER + "\np1,1,0,0,1\np2,0,0,kanskje,1\n", encoding="utf-8")
    code, out, err = run("simulate", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "line 3: 'kanskje' in column krr_contact" in err
    code, out, err = run("simulate", str(path), "--skip-bad", "--lang", "nb")
    assert code == 1  # one row of two is more than the default --max-skipped 1%
    assert "hoppet over én ugyldig rad: linje 3:" in err
    assert "hoppet over 1 av 2 rader, mer enn --max-skipped 1%" in err
    assert "pasienter: 1" in out
    code, out, err = run("simulate", str(path), "--skip-bad", "--max-skipped", "50%")
    assert code == 0
    assert "skipped one bad row: line 3:" in err
    assert "bad rows skipped: 1" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["simulate", "/nonexistent.csv"], "/nonexistent.csv"),
        (["simulate", "{path}", "--rules", "Basic,Nope"], "'Nope'"),
        (["simulate", "{path}", "--format", "xml"], "'xml'"),
    ],
)
def test_cli_simulate_bad_input(tmp_path: Path, argv: list[str], needle: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "\n", encoding="utf-8")
    code, out, err = run(*(a.format(path=path) for a in argv))
    assert code == 2
    assert out == ""
    assert needle in err
    assert err.count("\n") == 1


def test_cli_simulate_refuses_binary_files(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = run("simulate", str(path))
    assert code == 2
    assert "is not saved as UTF-8; try --encoding cp1252" in err


def test_errors_are_distribution_errors() -> None:
    assert issubclass(InvalidValueError, DistributionError)


def test_unreadable_header_and_rows() -> None:
    huge = "x" * 200_000
    with pytest.raises(InvalidValueError, match="header is not readable"):
        read(f"{huge},{HEADER}\n")
    cohort, reader = read(f"{HEADER}\np1,1,1,1,1\np2,{huge},0,0,1\np3,0,0,0,1\n", skip_bad=True)
    assert cohort == [
        Availability.of("helsenorge", "digital_mailbox", "krr_contact", "paper"),
        Availability(paper=True),
    ]
    assert "not readable as CSV" in reader.bad_rows[0].describe()


def test_skip_bad_counts_every_bad_row_but_keeps_only_the_first_few() -> None:
    rows = "".join(f"p{i},?,1,1,1\n" for i in range(10))
    cohort, reader = read(HEADER + "\n" + rows + "p,1,1,1,1\n", skip_bad=True, report_limit=5)
    assert len(cohort) == 1
    assert reader.skipped == 10
    assert [row.line for row in reader.bad_rows] == [2, 3, 4, 5, 6]


def test_tally_to_dict_by_hand() -> None:
    cohort = [
        Availability(krr_contact=True, paper=True),
        Availability(helsenorge=True),
        Availability(),
    ]
    assert simulate(cohort, ["BasicOrPaper"]).to_dict() == {
        "patients": 3,
        "skipped": 0,
        "incomplete": 0,
        "rules": [
            {
                "rule_code": 3,
                "rule_name": "BasicOrPaper",
                "patients": 3,
                "helsenorge": 1,
                "helsenorge_pct": 33.3,
                "digital_mailbox": 0,
                "digital_mailbox_pct": 0.0,
                "unsecure": 0,
                "unsecure_pct": 0.0,
                "physical_mailbox": 1,
                "physical_mailbox_pct": 33.3,
                "unreachable": 1,
                "unreachable_pct": 33.3,
                "not_distributed": 0,
                "not_distributed_pct": 0.0,
                "paper_despite_digital": 1,
                "paper_despite_digital_pct": 33.3,
                "not_settled": 0,
                "not_settled_pct": 0.0,
            }
        ],
    }


def test_a_second_pass_counts_afresh() -> None:
    lines = [HEADER, "p1,1,1,1,1", "p2,?,1,1,1"]
    reader = CsvCohort(lines, skip_bad=True)
    assert len(list(reader)) == 1
    assert len(list(reader)) == 1
    assert (reader.rows, reader.skipped, len(reader.bad_rows)) == (1, 1, 1)


# --- counting a file in blocks: the same answer as reading it row by row -----------------------

_CELLS = ["1", "0", "ja", "NEI", " yes", "true ", "False", "x", "", '"1"', "1\x00"]
_ROWS = st.lists(
    st.tuples(st.sampled_from(["p1", "p,2", "", "Åse"]), *(st.sampled_from(_CELLS),) * 4)
    .map(list)
    .flatmap(lambda cells: st.sampled_from([cells, cells[:-1], [*cells, "extra"]])),
    max_size=30,
)


HEADER_5 = "patient,helsenorge,digital_mailbox,krr_contact,paper"


def _file(tmp_path: Path, rows: list[list[str]], newline: str, delimiter: str) -> Path:
    header = delimiter.join(["patient", "helsenorge", "digital_mailbox", "krr_contact", "paper"])
    path = tmp_path / "cohort.csv"
    path.write_text(
        "".join(delimiter.join(row) + newline for row in [header.split(delimiter), *rows]),
        encoding="utf-8",
        newline="",
    )
    return path


def _outcome(cohort: CsvCohort) -> object:
    try:
        return simulate(cohort).to_dict(), cohort.rows, cohort.skipped
    except DistributionError as error:
        return error.message("en")


@settings(max_examples=60)  # each example writes and reads a file twice
@given(rows=_ROWS, newline=st.sampled_from(["\n", "\r\n"]), delimiter=st.sampled_from([",", ";"]))
def test_counting_a_file_in_blocks_gives_what_reading_it_row_by_row_gives(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], newline: str, delimiter: str
) -> None:
    """For any file, simulate over the open file equals simulate over its lines, error included."""
    path = _file(tmp_path_factory.mktemp("c"), rows, newline, delimiter)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        fast = _outcome(CsvCohort(handle))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        slow = _outcome(CsvCohort(list(handle)))
    assert fast == slow


# Mostly 0 and 1, the flags counted as whole columns, with what must send a block elsewhere: a
# word, an empty flag, two characters, a non-ASCII digit, a space, other single characters.
_DIGIT_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["p1", "", "Åse"]),
        *(st.sampled_from(["0", "1"] * 12 + ["ja", "", "10", "\u0661", " 1", "2", "x", "Y", "/"]),)
        * 4,
    ).map(list),
    max_size=40,
)


@settings(max_examples=60)  # each example writes and reads a file twice
@given(
    rows=_DIGIT_ROWS,
    block=st.sampled_from([7, 30, 100, 1 << 20]),
    delimiter=st.sampled_from([",", ";"]),
)
def test_blocks_of_0_and_1_are_counted_as_the_rows_say(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], block: int, delimiter: str
) -> None:
    """However a file falls into blocks, the counts are the row-by-row reader's."""
    path = _file(tmp_path_factory.mktemp("c"), rows, "\n", delimiter)
    with pytest.MonkeyPatch.context() as patch, path.open(encoding="utf-8", newline="") as handle:
        patch.setattr(_records, "BLOCK", block)
        fast = _outcome(CsvCohort(handle))
    with path.open(encoding="utf-8", newline="") as handle:
        slow = _outcome(CsvCohort(list(handle)))
    assert fast == slow


@pytest.mark.parametrize("flag", ["2", "/", "\ud800"])
def test_a_single_character_that_is_not_0_or_1_is_a_bad_value(flag: str) -> None:
    # A lone surrogate reaches here from a file read with errors="surrogateescape".
    first = io.StringIO(f"helsenorge,digital_mailbox,krr_contact,paper\n{flag},0,0,1\n")
    with pytest.raises(InvalidValueError, match="line 2: "):
        CsvCohort(first).counts()
    inside = io.StringIO(f"p,helsenorge,digital_mailbox,krr_contact,paper\nx,1,{flag},0,1\n")
    with pytest.raises(InvalidValueError, match=r"line 2: .* in column digital_mailbox"):
        CsvCohort(inside).counts()


def test_rows_of_0_and_1_by_hand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_records, "BLOCK", 12)  # a few rows per block
    rows = [
        ["p1", "1", "0", "0", "1"],  # Helsenorge and paper: index 9
        ["p2", "0", "0", "0", "1"],  # paper only: 8
        ["p3", "1", "1", "1", "1"],  # everything: 15
        ["p4", "0", "0", "0", "1"],  # 8
        ["p5", "0", "0", "0", "0"],  # nothing: 0
        ["p6", "ja", "nei", "nei", "ja"],  # in words, in the same file: 9
    ]
    with _file(tmp_path, rows, "\n", ",").open(encoding="utf-8", newline="") as handle:
        assert CsvCohort(handle).counts() == {9: 2, 8: 2, 15: 1, 0: 1}


def test_an_empty_flag_and_a_double_one_are_not_taken_for_two_flags(tmp_path: Path) -> None:
    # Joined, the column reads "10": two rows' worth of characters, each a 0 or a 1.
    rows = [["p1", "", "0", "0", "1"], ["p2", "10", "0", "0", "1"]]
    with (
        _file(tmp_path, rows, "\n", ",").open(encoding="utf-8", newline="") as handle,
        pytest.raises(InvalidValueError) as caught,
    ):
        CsvCohort(handle).counts()
    assert "line 2: no value ('') in column helsenorge" in str(caught.value)
    assert "line 3: '10' in column helsenorge" in str(caught.value)
    # The same with the flag first on its line: the empty field opens the block.
    flags_first = tmp_path / "flags_first.csv"
    flags_first.write_text("helsenorge,digital_mailbox,krr_contact,paper\n,0,0,1\n10,0,0,1\n")
    with flags_first.open(encoding="utf-8", newline="") as handle, pytest.raises(InvalidValueError):
        CsvCohort(handle).counts()


def test_a_clean_file_and_a_bad_one_are_both_read_once(tmp_path: Path) -> None:
    read: list[int] = []
    clean = _file(tmp_path, [["p1", "1", "0", "0", "1"], ["p2", "0", "1", "1", "0"]], "\n", ",")
    with clean.open(encoding="utf-8", newline="") as handle:
        assert simulate(CsvCohort(handle, progress=read.append)).patients == 2
    assert read == [len(HEADER_5 + "\np1,1,0,0,1\np2,0,1,1,0\n")]  # the whole file
    read.clear()
    # One row too long and one too short: together they have the right number of fields, and
    # only the row-by-row reader can say which lines are wrong.
    rows = [["p1", "x", "1", "0", "0", "1"], ["0", "1", "1", "0"]]
    bad = _file(tmp_path, rows, "\n", ",")
    with (
        bad.open(encoding="utf-8", newline="") as handle,
        pytest.raises(InvalidValueError) as caught,
    ):
        simulate(CsvCohort(handle, progress=read.append))
    assert "line 2: 6 fields" in str(caught.value)
    assert "line 3: 4 fields" in str(caught.value)
    assert read == [len(HEADER_5 + "\np1,x,1,0,0,1\n0,1,1,0\n")]  # read once, to its end


def test_a_cohort_refuses_an_unknown_delimiter() -> None:
    with pytest.raises(UnknownCodeError, match="delimiter"):
        CsvCohort([], delimiter="|")


def test_the_json_of_a_rule_has_the_csv_columns_names() -> None:
    """simulate --format json and --format csv name every count alike, in any language."""
    result = simulate(CsvCohort([HEADER, "p1,1,0,0,1", "p2,0,0,1,1"]), ["AllowUnsecureOrPaper"])
    header = simulation(result, "csv", lang="nb").splitlines()[0].split(",")
    rule = json.loads(simulation(result, "json", lang="nb"))["rules"][0]
    assert [*rule, "skipped", "incomplete"] == header
    assert (rule["helsenorge"], rule["unsecure"], rule["unsecure_pct"]) == (1, 1, 50.0)
    assert result.to_records() == [rule | {"skipped": 0, "incomplete": 0}]
