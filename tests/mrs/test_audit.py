"""The audit of MRS's datadump: counts, rows that cannot be right, bad input (sources.md §9)."""

from __future__ import annotations

import io
import json
import pickle

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
)
from distribution.mrs.audit import (
    COLUMNS,
    RECORD_COLUMNS,
    AuditAnomaly,
    AuditKind,
    audit,
    audit_csv,
    audit_table,
    datadump_rows,
)
from distribution.routes import ROUTES
from tests.strategies import OPAQUE, hostile

M = MrsOrderStatus
E = MrsErrorCode
C = NotificationChannel
R = DistributionRule


def row(rule: object, channel: object, status: object, error: object = 0) -> dict[str, object]:
    return {
        "DistributionRule": rule,
        "NotificationChannel": channel,
        "OrderStatus": status,
        "ErrorCode": error,
    }


# --- the audit, by hand ---


def test_counts_and_errors_of_a_small_datadump() -> None:
    rows = [
        row(0, 1, 1),  # Basic, Helsenorge, Besvart
        row(3, 4, 1),  # BasicOrPaper, paper, Besvart
        row(3, 4, 0),  # BasicOrPaper, paper, Bestilt
        row(0, 0, 3, 3),  # Basic, Feilet: not digitally active
        row(0, 0, 3, 3),
        row(0, 0, 5, 0),  # Mottaker ikke nådd
        row(2, 0, 0),  # NoDistribution: one-time code
    ]
    result = audit(rows)
    assert result.rows == 7
    assert result.count(status="Besvart") == 2
    assert result.count(rule=3, channel="PhysicalMailbox") == 2
    assert result.count(rule="NoDistribution") == 1
    assert result.errors == (
        ((M.FAILED, E.NOT_DIGITALLY_ACTIVE), 2),
        ((M.RECIPIENT_UNREACHABLE, E.NONE), 1),
    )
    assert not result.needs_attention
    assert result.not_shown == 0


@pytest.mark.parametrize(
    ("cells", "kind", "case"),
    [
        # MRS: DistributionRule 0 is Helsenorge or the digital mailbox only; 2 sends nothing.
        ((0, 3, 0, 0), AuditKind.NOT_PERMITTED, "outside_route"),
        ((0, 4, 1, 0), AuditKind.NOT_PERMITTED, "outside_route"),
        ((2, 1, 0, 0), AuditKind.NOT_PERMITTED, "outside_route"),
        ((5, 1, 3, 3), AuditKind.NOT_PERMITTED, "outside_route"),
        # MRS: channel 0 is "engangskode eller feilet bestilling".
        ((0, 1, 3, 3), AuditKind.INCONSISTENT, "failed_with_channel"),
        ((1, 3, 5, 0), AuditKind.INCONSISTENT, "failed_with_channel"),
        ((0, 1, 4, 2), AuditKind.INCONSISTENT, "not_ordered_with_channel"),
        ((0, 0, 0, 0), AuditKind.INCONSISTENT, "silent"),
        ((3, 0, 1, 0), AuditKind.INCONSISTENT, "silent"),
        ((0, 0, 3, 0), AuditKind.INCONSISTENT, "failed_without_error"),
        ((0, 1, 1, 3), AuditKind.INCONSISTENT, "error_without_failure"),
        ((0, 0, 3, 1), AuditKind.SHOULD_NOT_HAPPEN, "should_not_happen"),
        ((0, 0, 3, 7), AuditKind.SHOULD_NOT_HAPPEN, "should_not_happen"),
        ((0, 0, 4, 5), AuditKind.SHOULD_NOT_HAPPEN, "should_not_happen"),
    ],
)
def test_rows_that_cannot_be_right(cells: tuple[int, ...], kind: AuditKind, case: str) -> None:
    result = audit([row(*cells)])
    assert [(a.row, a.kind, a.case) for a in result.anomalies] == [(2, kind, case)]
    assert result.needs_attention
    for lang in ("nb", "en"):
        line = result.anomalies[0].describe(lang=lang)
        assert line.startswith(("rad 2: ", "row 2: "))
        assert kind.value in line


@pytest.mark.parametrize(
    "cells",
    [
        (2, 0, 0, 0),  # NoDistribution: the one-time code
        (2, 0, 3, 6),  # NoDistribution failing on a deceased patient
        (0, 0, 3, 3),  # Basic, not digitally active
        (4, 3, 1, 0),
        (0, 0, 4, 2),  # not ordered: ordered before
        (0, 0, 6, 0),
        (0, 0, 5, 3),
    ],
)
def test_rows_that_are_fine(cells: tuple[int, ...]) -> None:
    assert audit([row(*cells)]).anomalies == ()


def test_anomalies_are_capped_and_the_rest_counted() -> None:
    result = audit([row(0, 3, 0)] * 5, limit=2)
    assert [a.row for a in result.anomalies] == [2, 3]
    assert result.not_shown == 3
    assert dict(result.attention)[AuditKind.NOT_PERMITTED] == 5
    assert result.to_dict()["anomalies_not_shown"] == 3


def test_blank_rows_are_skipped_but_numbered_and_cells_read_as_excel_gives_them() -> None:
    rows = [row(None, None, None, None), row(" ", "", None, None), row(0.0, "3", "Bestilt", 0)]
    result = audit(rows)
    assert result.rows == 1
    assert [a.row for a in result.anomalies] == [4]


def test_json_has_rows_table_and_anomalies_with_row_numbers_in_snake_case() -> None:
    payload = audit([row(0, 1, 1), row(0, 3, 0)]).to_dict()
    assert payload["rows"] == 2
    assert payload["skipped"] == 0
    table: list[dict[str, object]] = payload["table"]  # type: ignore[assignment]  # JSON data
    assert [(r["rule_code"], r["channel_name"], r["orders"]) for r in table] == [
        (0, "Helsenorge", 1),
        (0, "Unsecure", 1),
    ]
    assert payload["response_rates"] == {
        "rules": [
            {
                "rule_code": 0,
                "rule_name": "Basic",
                "orders": 2,
                "completed": 1,
                "completed_pct": 50.0,
            }
        ],
        "channels": [
            {
                "channel_code": 1,
                "channel_name": "Helsenorge",
                "orders": 1,
                "completed": 1,
                "completed_pct": 100.0,
            },
            {
                "channel_code": 3,
                "channel_name": "Unsecure",
                "orders": 1,
                "completed": 0,
                "completed_pct": 0.0,
            },
        ],
    }
    assert payload["anomalies"] == [
        {
            "row": 3,
            "kind": "NOT_PERMITTED",
            "case": "outside_route",
            "rule_code": 0,
            "rule_name": "Basic",
            "channel_code": 3,
            "channel_name": "Unsecure",
            "status_code": 0,
            "status_name": "Bestilt",
            "error_code": 0,
            "error_name": "ingen feil",
            "column": "",
            "value": "",
        }
    ]


# --- response rates and records ---


def test_response_rates_per_rule_and_channel_by_hand() -> None:
    rows = [
        row(0, 1, 1),  # Basic, Helsenorge, Besvart
        row(0, 1, 2),  # Basic, Helsenorge, Utgått
        row(0, 2, 1),  # Basic, digital mailbox, Besvart
        row(0, 2, 0),  # Basic, digital mailbox, Bestilt: not answered yet
        row(3, 4, 1),  # BasicOrPaper, paper, Besvart
        row(3, 0, 3, 3),  # BasicOrPaper, Feilet
    ]
    result = audit(rows)
    assert result.response_rate() == 50.0  # 3 of 6
    assert result.response_rate(rule="Basic") == 50.0  # 2 of 4
    assert result.response_rate(rule=3) == 50.0  # 1 of 2
    assert result.response_rate(channel="Helsenorge") == 50.0
    assert result.response_rate(channel=4) == 100.0
    assert result.response_rate(channel=0) == 0.0
    assert result.response_rate(rule="PaperOnly") == 0.0  # no orders at all
    assert result.response_rate(rule=0, channel=2) == 50.0


def test_records_are_one_row_per_rule_and_channel_with_every_status_by_hand() -> None:
    records = audit([row(0, 1, 1), row(0, 1, 1), row(0, 1, 0), row(9, 1, 1)]).to_records()
    assert records == [
        {
            "rule_code": 0,
            "rule_name": "Basic",
            "channel_code": 1,
            "channel_name": "Helsenorge",
            "orders": 3,
            "ordered": 1,
            "ordered_pct": 33.3,
            "completed": 2,
            "completed_pct": 66.7,
            "expired": 0,
            "expired_pct": 0.0,
            "failed": 0,
            "failed_pct": 0.0,
            "not_ordered": 0,
            "not_ordered_pct": 0.0,
            "recipient_unreachable": 0,
            "recipient_unreachable_pct": 0.0,
            "processing": 0,
            "processing_pct": 0.0,
            "skipped": 1,
        }
    ]
    assert list(records[0]) == list(RECORD_COLUMNS)


# --- groups ---


def grouped(rule: int, channel: int, status: int, unit: object) -> dict[str, object]:
    return row(rule, channel, status) | {"Avdeling": unit}


def test_by_audits_each_group_apart_and_in_the_records() -> None:
    rows = [
        grouped(0, 1, 1, "Ortopedi"),
        grouped(0, 1, 0, "Ortopedi"),
        grouped(3, 4, 1, 7.0),  # Excel's number: the group is "7"
        grouped(0, 3, 0, None),  # an empty cell: the group ""
    ]
    result = audit(rows, by=["Avdeling"])
    assert result.by == ("Avdeling",)
    assert [(g.values, g.audit.rows) for g in result.groups] == [
        (("",), 1),
        (("7",), 1),
        (("Ortopedi",), 2),
    ]
    assert result.groups[2].audit.response_rate() == 50.0
    assert [a.row for a in result.groups[0].audit.anomalies] == [5]
    assert result.rows == 4
    records = result.to_records()
    assert [(r["Avdeling"], r["channel_code"], r["orders"]) for r in records] == [
        ("", 3, 1),
        ("7", 4, 1),
        ("Ortopedi", 1, 2),
    ]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["by"] == ["Avdeling"]
    assert data["groups"][2]["values"] == {"Avdeling": "Ortopedi"}
    assert data["groups"][2]["response_rates"]["rules"][0]["completed_pct"] == 50.0
    assert "anomalies" not in data["groups"][0]


def test_by_refuses_a_missing_column_too_many_groups_and_a_string(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(InvalidValueError, match="no column 'Avdelin'") as caught:
        audit([grouped(0, 1, 1, "A")], by=["Avdelin"], name="mrs.csv")
    assert str(caught.value) == (
        "mrs.csv line 1: the header has no column 'Avdelin'; its columns are DistributionRule,"
        " NotificationChannel, OrderStatus, ErrorCode, Avdeling"
    )
    with pytest.raises(InvalidTypeError, match=r"^by must be a list, not text 'Avdeling'$"):
        audit([], by="Avdeling")
    with pytest.raises(InvalidTypeError, match=r"^by must be a list, not text 'Avdeling'$"):
        list(datadump_rows([], by="Avdeling"))
    monkeypatch.setattr("distribution.mrs._auditor.MAX_GROUPS", 2)
    with pytest.raises(InvalidValueError, match="more than 2 different values"):
        audit([grouped(0, 1, 1, unit) for unit in "ABC"], by=["Avdeling"])


def test_datadump_rows_keeps_the_columns_to_group_by() -> None:
    table = [["Avdeling ", *COLUMNS, "Code"], ["Ortopedi", 0, 1, 1, 0, "HEMMELIG"]]
    assert list(datadump_rows(table, by=["avdeling"])) == [  # type: ignore[arg-type]
        row(0, 1, 1) | {"avdeling": "Ortopedi"}
    ]
    with pytest.raises(InvalidValueError) as caught:
        list(datadump_rows(table, by=["Avdelingen"]))  # type: ignore[arg-type]
    assert caught.value.suggestion == "Avdeling"


# --- unreadable cells ---


def test_the_audit_goes_on_past_a_bad_cell_and_records_it() -> None:
    found: list[AuditAnomaly] = []
    result = audit(
        [row(0, 1, 1), row(0, 1, 9), row(0, 3, 0), row("Basc", 1, 1), row(0, 1, 1.5)],
        limit=1,
        on_anomaly=found.append,
    )
    assert (result.rows, result.skipped, result.not_shown) == (2, 3, 3)
    assert [(a.row, a.kind, a.case, a.column, a.value) for a in found] == [
        (3, AuditKind.UNREADABLE, "bad_value", "OrderStatus", "9"),
        (4, AuditKind.NOT_PERMITTED, "outside_route", "", ""),
        (5, AuditKind.UNREADABLE, "bad_value", "DistributionRule", "Basc"),
        (6, AuditKind.UNREADABLE, "bad_value", "OrderStatus", "1.5"),
    ]
    assert result.anomalies == tuple(found[:1])
    assert found[0].rule is None
    assert found[0].status is None
    assert found[0].describe(lang="nb") == (
        "rad 3: UNREADABLE – kolonnen OrderStatus har '9', som ikke er en av kodene MRS bruker"
        " der (0, 1, 2, 3, 4, 5, 6)."
    )
    assert found[2].describe() == (
        "row 5: UNREADABLE – column DistributionRule holds 'Basc', which is not one of the codes"
        " MRS uses there (0, 1, 2, 3, 4, 5, 6, 7, 8)."
    )
    assert dict(result.attention)[AuditKind.UNREADABLE] == 3
    assert result.needs_attention


def test_a_bad_cell_is_shown_short_and_personal_data_hidden() -> None:
    found: list[AuditAnomaly] = []
    audit(
        [row(0, 1, "26670271527"), row(0, "ola@example.no", 1), row(0, 1, "x" * 30)],
        on_anomaly=found.append,
    )
    assert [a.value for a in found] == ["<hidden>", "<hidden>", "x" * 17 + "..."]
    assert "26670271527" not in found[0].describe()
    assert (
        found[0]
        .describe()
        .endswith(
            "holds <hidden>, which is not one of the codes MRS uses there (0, 1, 2, 3, 4, 5, 6)."
        )
    )
    found = []
    audit([row(0, 1, "y" * 20), row(0, 1, None), row(0, 1, 2.5)], on_anomaly=found.append)
    assert [a.value for a in found] == ["y" * 20, "", "2.5"]  # twenty shown whole; a gap empty


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError


def test_a_cell_that_cannot_be_printed_is_shown_by_its_type_or_hidden() -> None:
    """str() refuses an int of 4,300 digits and more; a caller's own __str__ may raise."""
    found: list[AuditAnomaly] = []
    audit(
        [row(0, 10**5000, 1), row(0, 1, _Unprintable()), row(0, 1, 2**64), row(0, 1, 2**65)],
        on_anomaly=found.append,
    )
    assert [a.value for a in found] == ["<hidden>", "<_Unprintable>", "<hidden>", "<hidden>"]


def test_an_unreadable_row_pickles_and_says_itself_without_a_column() -> None:
    result = audit([row(0, 1, True)])
    again = pickle.loads(pickle.dumps(result))  # noqa: S301  # our own value
    assert again == result
    assert again.anomalies[0].to_dict()["column"] == "OrderStatus"


# --- bad input ---


def test_a_row_that_is_no_mapping_is_refused_naming_the_file_and_row() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        audit([row(0, 1, 1), 7], name="mrs.csv")  # type: ignore[list-item]
    assert str(caught.value) == (
        "mrs.csv row 3: row must be a mapping (column name to cell value), not integer 7"
    )
    assert caught.value.field == "mrs.csv"
    with pytest.raises(InvalidTypeError, match=r"^datadump row 2: row must be a mapping"):
        audit([["0", "1", "1", "0"]])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match=r"^limit must be an integer, not text '7'$"):
        audit([], limit="7")  # type: ignore[arg-type]


def test_a_hundred_anomalies_are_kept_unless_told_otherwise() -> None:
    result = audit([row(0, 3, 0)] * 101)
    assert (len(result.anomalies), result.not_shown) == (100, 1)


cells = st.one_of(
    st.integers(-2, 10),
    st.sampled_from(["0", " 3 ", "Feilet", "utgått", "", "Basic", "1.0"]),
    st.floats(allow_nan=True),
    st.none(),
    st.booleans(),
    hostile,
)


@given(
    st.lists(st.dictionaries(st.sampled_from([*COLUMNS, "Code"]), cells), max_size=6)
    | st.lists(hostile, max_size=3)
)
@example([{"DistributionRule": OPAQUE}])
@settings(max_examples=200)
def test_audit_either_returns_an_audit_or_raises_the_library_error(rows: list[object]) -> None:
    """Arbitrary rows give an Audit or a DistributionError, never another exception."""
    try:
        result = audit(rows)  # type: ignore[arg-type]
    except DistributionError:
        return
    assert result.rows <= len(rows)


# --- laws ---

codes = st.tuples(
    st.sampled_from(list(R)),
    st.sampled_from(list(C)),
    st.sampled_from(list(M)),
    st.sampled_from(list(E)),
)


@given(st.lists(codes, max_size=30))
def test_counts_add_up_to_the_rows(rows: list[tuple[R, C, M, E]]) -> None:
    """Every row is counted once: the counts sum to the rows, the errors to the failed rows."""
    result = audit([row(*(member.value for member in r)) for r in rows])
    assert result.rows == len(rows) == sum(n for _, n in result.counts) == result.count()
    failed = sum(1 for r in rows if r[2] in {M.FAILED, M.RECIPIENT_UNREACHABLE})
    assert sum(n for _, n in result.errors) == failed
    assert sum(n for _, n in result.attention) == len(result.anomalies) + result.not_shown


@given(codes)
def test_not_permitted_exactly_when_the_channel_is_outside_the_rules_route(
    cells: tuple[R, C, M, E],
) -> None:
    """A row is NOT_PERMITTED exactly when it names a channel its rule's route lacks."""
    rule, channel, _, _ = cells
    result = audit([row(*(m.api_name for m in cells))])
    flagged = [a.kind for a in result.anomalies] == [AuditKind.NOT_PERMITTED]
    assert flagged is (channel is not C.NONE and channel not in ROUTES[rule])


def test_datadump_rows_keeps_only_the_four_columns() -> None:
    table = [
        [
            "Id",
            "\ufeffCode",
            " distributionrule ",
            "Notification Channel",
            "OrderStatus",
            "ErrorCode",
        ],
        ["a", "HEMMELIG", 0, 1, 1, 0],
        ["b", "HEMMELIG", 0],
    ]
    rows = list(datadump_rows(table))  # type: ignore[arg-type]  # a header of text, rows of cells
    assert rows == [row(0, 1, 1, 0), row(0, None, None, None)]


def test_datadump_rows_names_a_missing_column_and_the_nearest() -> None:
    with pytest.raises(InvalidValueError) as caught:
        list(
            datadump_rows(
                [["DistributionRule", "NotificationChannel", "Order_Status", "ErrorCode"]],
                name="x.csv",
            )
        )
    assert "OrderStatus" in str(caught.value)
    assert caught.value.suggestion == "Order_Status"
    with pytest.raises(InvalidValueError, match=r"x\.csv is empty"):
        list(datadump_rows([], name="x.csv"))


@pytest.mark.parametrize(
    ("second", "shown"),
    [
        ("NotificationChannel", "NotificationChannel"),
        (" notification channel", "notification channel"),
        ("\ufeffNOTIFICATIONCHANNEL", "NOTIFICATIONCHANNEL"),
    ],
)
def test_a_column_given_twice_is_refused_by_every_reader(second: str, shown: str) -> None:
    """Which copy holds the data is a guess: the first once hid a channel rule 0 does not use."""
    header = ["DistributionRule", "NotificationChannel", "OrderStatus", "ErrorCode", second]
    body = [0, 1, 1, 0, 4]
    expected = f"x.csv line 1: the column 'NotificationChannel / {shown}' appears more than once"
    with pytest.raises(InvalidValueError) as caught:
        list(datadump_rows([header, body], name="x.csv"))
    assert str(caught.value) == expected
    with pytest.raises(InvalidValueError, match="appears more than once"):
        audit_table([header, body], name="x.csv")
    text = ";".join(header) + "\n" + ";".join(map(str, body)) + "\n"
    with pytest.raises(InvalidValueError, match="appears more than once"):
        audit_csv(io.StringIO(text), name="x.csv")


def test_anomaly_checks_its_fields() -> None:
    with pytest.raises(InvalidTypeError):
        AuditAnomaly(
            row="2",  # type: ignore[arg-type]
            kind=AuditKind.INCONSISTENT,
            case="silent",
            rule=R.BASIC,
            channel=C.NONE,
            status=M.ORDERED,
            error_code=E.NONE,
        )


def test_the_memo_of_read_rows_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("distribution.mrs._auditor.MEMO_SIZE", 0)
    assert audit([row(0, 1, 1)] * 3).rows == 3
