"""simulate and audit: cohorts as Norwegian Excel writes them, and MRS's datadump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli import HEADER, assert_one_line_error, run, xlsx

COHORT = "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n0,0,1,1\n"


@pytest.mark.parametrize(
    ("content", "extra"),
    [
        (COHORT.replace(",", ";").encode(), []),
        (("\ufeff" + COHORT).encode(), []),
        (COHORT.replace("\n", "\r\n").encode(), []),
        (
            "pasient;navn;helsenorge;digital_mailbox;krr_contact;paper\r\n"
            "1;Ærlig Åse;1;0;0;1\r\n2;Øyvind Ås;0;0;1;1\r\n".encode("cp1252"),
            ["--encoding", "cp1252"],
        ),
        (COHORT.replace(",", "\t").encode(), ["--delimiter", "\t"]),
    ],
    ids=["semicolon", "bom", "crlf", "cp1252", "tab"],
)
def test_simulate_reads_what_norwegian_excel_writes(
    tmp_path: Path, content: bytes, extra: list[str]
) -> None:
    path = tmp_path / "pasienter.csv"
    path.write_bytes(content)
    code, out, err = run(
        "simulate", str(path), "--rules", "BasicOrPaper", "--format", "csv", *extra
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == (
        "3,BasicOrPaper,2,1,50.0,0,0.0,0,0.0,1,50.0,0,0.0,0,0.0,1,50.0,0,0.0,0,0"
    )


def test_simulate_says_what_it_suspects_when_a_file_does_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pasienter.csv"
    path.write_bytes(("navn;" + COHORT.replace(",", ";")).replace("navn", "Åse").encode("cp1252"))
    assert_one_line_error(
        *run("simulate", str(path), "--lang", "nb"),
        "er ikke lagret som UTF-8; prøv --encoding cp1252",
    )
    path.write_bytes(COHORT.replace(",", ";").encode())
    assert_one_line_error(
        *run("simulate", str(path), "--delimiter", ","), "split by ';'", "--delimiter ';'"
    )
    assert_one_line_error(
        *run("simulate", str(path), "--encoding", "utf-9"), "'utf-9'", "did you mean utf-8?"
    )


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_a_read_error_in_the_middle_of_a_file_is_one_line() -> None:
    # Reading /proc/self/mem from its start fails with EIO, like a failing disk.
    assert_one_line_error(*run("simulate", "/proc/self/mem"), "/proc/self/mem")


DATADUMP = Path(__file__).parent.parent / "data" / "datadump.csv"


def test_audit_reads_a_csv_datadump_and_never_prints_the_one_time_code() -> None:
    code, out, err = run("audit", str(DATADUMP), "--lang", "nb")
    assert (code, err) == (1, "")
    assert "rad 5: NOT_PERMITTED – kanal 3 Unsecure er ikke en kanal regel 0 Basic bruker." in out
    assert "1 fikk papirbrev" in out
    for secret in ("K7Q2ZP", "X9PL3M", "R4T8WV", "M2N6QD"):
        assert secret not in out
    code, out, _ = run("audit", str(DATADUMP), "--json")
    payload = json.loads(out)
    assert payload["rows"] == 4
    assert payload["anomalies"] == [
        {
            "row": 5,
            "kind": "NOT_PERMITTED",
            "case": "outside_route",
            "rule": 0,
            "channel": 3,
            "status": 0,
            "error": 0,
        }
    ]
    assert "M2N6QD" not in out


def test_audit_reads_an_xlsx_datadump_as_a_stream(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "d.xlsx",
        [HEADER, ["a", "HEMMELIG1", 0, 1, 1, 0], [None] * 6, ["b", "HEMMELIG2", 3, 4, 0, 0]],
    )
    code, out, err = run("audit", str(path), "--sheet", "Bestillinger")
    assert (code, err) == (0, "")
    assert "The datadump has 2 orders." in out
    assert "HEMMELIG" not in out
    code, out, err = run("audit", str(path), "--sheet", "Bestilinger", "--lang", "nb")
    assert_one_line_error(code, out, err, "'Bestilinger'", "mente du Bestillinger?")


def test_audit_names_the_missing_column_with_the_nearest(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "d.xlsx",
        [["DistributionRule", "NotificationChannel", "Order_Status", "ErrorCode"]],
    )
    code, out, err = run("audit", str(path))
    assert_one_line_error(code, out, err, "no column 'OrderStatus'", "did you mean Order_Status?")


def test_audit_names_the_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n0,1,1,0\n0,1,9,0\n",
        encoding="utf-8",
    )
    code, out, err = run("audit", str(path))
    assert_one_line_error(code, out, err, "row 3, column OrderStatus")


def test_audit_bad_options_are_one_line(tmp_path: Path) -> None:
    assert_one_line_error(*run("audit", str(tmp_path / "none.csv")), "cannot read")
    assert_one_line_error(*run("audit", str(DATADUMP), "--sheet", "Ark1"), "--sheet")
    assert_one_line_error(*run("audit", str(DATADUMP), "--encoding", "utf-9"), "utf-8")
