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
    assert "2 av 2 besvart" not in out
    assert "  kanal 1 Helsenorge: 1 av 1 besvart (100,0 %)" in out
    code, out, _ = run("audit", str(DATADUMP), "--json")
    payload = json.loads(out)
    assert payload["rows"] == 4
    assert [(a["row"], a["kind"], a["channel_code"]) for a in payload["anomalies"]] == [
        (5, "NOT_PERMITTED", 3)
    ]
    assert "M2N6QD" not in out
    assert run("audit", str(DATADUMP), "--format", "json") == (code, out, "")


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


BAD_ROWS = (
    "DistributionRule;NotificationChannel;OrderStatus;ErrorCode;Avdeling\n"
    + "0;1;1;0;Ortopedi\n" * 3
    + "0;1;9;0;Ortopedi\n"
    + "0;3;0;0;Kirurgi\n"
    + "5;4;1;0;Kirurgi\n" * 2
)


def test_audit_names_the_bad_rows_and_stops_without_skip_bad(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(BAD_ROWS, encoding="utf-8")
    code, out, err = run("audit", str(path))
    assert_one_line_error(
        code,
        out,
        err,
        "has one bad row: row 5: UNREADABLE – column OrderStatus holds '9'",
        "use --skip-bad",
    )


def test_audit_skip_bad_gives_the_count_everywhere_and_judges_the_share(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(BAD_ROWS, encoding="utf-8")
    # One of seven rows skipped is more than 1 %: exit 1, and stderr says why.
    code, out, err = run("audit", str(path), "--skip-bad", "--format", "csv")
    assert code == 1
    assert out.splitlines()[1].endswith(",1")  # the skipped column
    assert err.splitlines() == [
        "eprom-distribution: "
        + str(path)
        + ": skipped one bad row: row 5: UNREADABLE – column OrderStatus holds '9', which is not"
        " one of the codes MRS uses there (0, 1, 2, 3, 4, 5, 6).",
        (
            f"eprom-distribution: {path}: skipped 1 of 7 rows, more than --max-skipped 1%;"
            " the figures may be skewed"
        ),
    ]
    # Allowed to skip 20 %: exit 1 still, for the row that cannot be right (row 6).
    code, out, _ = run("audit", str(path), "--skip-bad", "--max-skipped", "20%", "--lang", "nb")
    assert code == 1
    assert "Rader som ikke kunne leses og er hoppet over: 1." in out
    assert json.loads(run("audit", str(path), "--skip-bad", "--json")[1])["skipped"] == 1
    # Without the row that cannot be right, a tolerated skip ends well.
    path.write_text(BAD_ROWS.replace("0;3;0;0;Kirurgi\n", ""), encoding="utf-8")
    assert run("audit", str(path), "--skip-bad", "--max-skipped", "1")[0] == 0
    assert run("audit", str(path), "--skip-bad", "--max-skipped", "0")[0] == 1
    path.write_text("DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n9,9,9,9\n")
    code, _, err = run("audit", str(path), "--skip-bad", "--max-skipped", "100%")
    assert code == 1
    assert "skipped every row; the figures say nothing" in err
    assert_one_line_error(*run("audit", str(path), "--max-skipped", "lots"), "--max-skipped")


def test_audit_writes_every_anomaly_to_a_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "DistributionRule,NotificationChannel,OrderStatus,ErrorCode\n"
        + "0,3,0,0\n" * 150
        + "0,1,x,0\n",
        encoding="utf-8",
    )
    found = tmp_path / "avvik.csv"
    code, out, _ = run("audit", str(path), "--skip-bad", "--anomalies-csv", str(found))
    assert code == 1
    assert "… and 51 more rows, not shown." in out  # the report shows 100 of 151
    lines = found.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "row,kind,case,rule_code,rule_name,channel_code,channel_name,status_code,status_name,"
        "error_code,error_name,column,value"
    )
    assert len(lines) == 152
    assert lines[1] == "2,NOT_PERMITTED,outside_route,0,Basic,3,Unsecure,0,Bestilt,0,ingen feil,,"
    assert lines[-1] == "152,UNREADABLE,bad_value,,,,,,,,,OrderStatus,x"


def test_audit_by_a_column_gives_each_group_its_table(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(BAD_ROWS.replace("0;1;9;0", "0;1;0;0"), encoding="utf-8")
    code, out, _ = run("audit", str(path), "--by", "avdeling", "--format", "csv")
    assert code == 1
    assert out.splitlines() == [
        (
            "avdeling,rule_code,rule_name,channel_code,channel_name,orders,ordered,ordered_pct,"
            "completed,completed_pct,expired,expired_pct,failed,failed_pct,not_ordered,"
            "not_ordered_pct,recipient_unreachable,recipient_unreachable_pct,processing,"
            "processing_pct,skipped"
        ),
        "Kirurgi,0,Basic,3,Unsecure,1,1,100.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0",
        "Kirurgi,5,PaperOnly,4,PhysicalMailbox,2,0,0.0,2,100.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0",
        "Ortopedi,0,Basic,1,Helsenorge,4,1,25.0,3,75.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0",
    ]
    code, out, _ = run("audit", str(path), "--by", "Avdeling", "--lang", "nb")
    assert "\nAvdeling = Ortopedi (4 bestillinger)\n" in out
    assert_one_line_error(
        *run("audit", str(path), "--by", "Avdelingen"), "no column 'Avdelingen'", "Avdeling"
    )


def test_audit_plot_draws_outcomes_per_channel(tmp_path: Path) -> None:
    svg, png = tmp_path / "utfall.svg", tmp_path / "utfall.png"
    assert run("audit", str(DATADUMP), "--plot", str(svg))[0] == 1
    picture = svg.read_text(encoding="utf-8")
    for text in ("1 Helsenorge", "3 Unsecure", "completed", "failed", "channel's orders"):
        assert text in picture, text
    assert "4 PhysicalMailbox" in picture
    assert "2 DigitalMailbox" not in picture  # no order went there
    assert run("audit", str(DATADUMP), "--plot", str(svg))[0] == 1
    assert svg.read_text(encoding="utf-8") == picture
    assert run("audit", str(DATADUMP), "--plot", str(png), "--lang", "nb")[0] == 1
    assert png.read_bytes().startswith(b"\x89PNG")
    assert_one_line_error(*run("audit", str(DATADUMP), "--plot", "f.pdf"), "--plot 'f.pdf'")


def test_audit_bad_options_are_one_line(tmp_path: Path) -> None:
    assert_one_line_error(*run("audit", str(tmp_path / "none.csv")), "cannot read")
    assert_one_line_error(*run("audit", str(DATADUMP), "--sheet", "Ark1"), "--sheet")
    assert_one_line_error(*run("audit", str(DATADUMP), "--encoding", "utf-9"), "utf-8")
