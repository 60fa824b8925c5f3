"""check and verify: status callbacks held against decisions, exit codes and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from distribution import Availability, decide
from tests.helpers.cli import assert_one_line_error, run

EXAMPLES = Path(__file__).parent.parent / "data" / "eprom"
GUID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
OTHER = "2f1c8a4e-5b7d-4e2a-9c3b-8d6e1f0a2b4c"


def test_check_says_the_verdict_and_exits_0_when_expected() -> None:
    code, out, err = run(
        "check",
        "Basic",
        "--available",
        "helsenorge,digital_mailbox",
        "--callback",
        str(EXAMPLES / "status-ordered.json"),
        "--lang",
        "nb",
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Vurdering: som forventet (AS_PREDICTED)."
    assert out.splitlines()[-1] == "Hva du gjør: Ingenting å gjøre med kanalen."


def test_check_exits_1_for_a_returned_letter_on_the_predicted_channel(tmp_path: Path) -> None:
    """The channel was as predicted, but the patient has not got the form: it needs attention."""
    body = {"formOrderId": GUID, "formOrderStatus": 4, "notificationChannel": 4}
    path = tmp_path / "returned.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    for extra in ([], ["--reply"]):
        code, out, err = run(
            "check", "BasicOrPaper", "--available", "paper", "--callback", str(path), *extra
        )
        assert (code, err) == (1, ""), out
    code, out, _ = run("check", "BasicOrPaper", "--available", "paper", "--callback", str(path))
    assert out.splitlines()[-1].startswith("What to do: The channel was right, but the letter")


def test_check_exits_1_when_the_verdict_needs_attention_and_reads_stdin() -> None:
    body = (EXAMPLES / "status-error.json").read_text(encoding="utf-8")
    code, out, _ = run(
        "check", "BasicOrPaper", "--available", "paper", "--callback", "-", stdin=body
    )
    assert code == 1
    assert out.startswith(
        "Verdict: the patient's channels seem to have changed (AVAILABILITY_CHANGED)"
        " – needs attention.\n"
    )


def test_check_a_message_and_a_returned_form_with_its_timeline(tmp_path: Path) -> None:
    code, out, _ = run(
        "check",
        "--priority-list",
        "paper,helsenorge",
        "--available",
        "paper,helsenorge",
        "--callback",
        str(EXAMPLES / "message-sent.json"),
    )
    assert (code, out.splitlines()[0]) == (
        0,
        "Verdict: a fallback channel was used (the rule allows it) (FALLBACK).",
    )
    returned = json.loads((EXAMPLES / "return.json").read_text(encoding="utf-8"))
    returned.update(notificationChannel="Helsenorge", formOrderStatus="Expired")
    path = tmp_path / "returned.json"
    path.write_text(json.dumps(returned), encoding="utf-8")
    code, out, _ = run("check", "Basic", "--available", "helsenorge", "--callback", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Verdict: as predicted (AS_PREDICTED)."
    assert lines[7] == f"Form {GUID}: Expired (FormOrderStatus 1 Expired); channel: Helsenorge."
    assert lines[-1].startswith("What it means: the patient opened the form but did not")


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["Basic", "--available", "paper", "--callback", "/no/such.json"], ["cannot read"]),
        (
            ["Basic", "--available", "paper", "--callback", str(EXAMPLES / "message-sent.json")],
            ["MessageStatusCallback, but a rule's decision"],
        ),
        (
            ["Basic", "--available", "paper", "--callback", str(EXAMPLES / "return.json")],
            ["does not say which channel"],
        ),
        (
            [
                "Basic",
                "--available",
                "paper",
                "--callback",
                str(EXAMPLES / "return-as-written.txt"),
            ],
            ["callback is not valid JSON"],
        ),
        (["Basic", "--available", "fax", "--callback", "x"], ["'fax' is not a known channel"]),
        (["Basic", "--available", "paper"], ["--callback"]),
    ],
)
def test_check_refuses_bad_input_with_one_line(argv: list[str], needles: list[str]) -> None:
    assert_one_line_error(*run("check", *argv), *needles)


def _jsonl(path: Path, items: list[object]) -> str:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return str(path)


def _run_files(tmp_path: Path) -> tuple[str, str]:
    both = Availability.of("helsenorge", "digital_mailbox")
    orders = _jsonl(
        tmp_path / "orders.jsonl",
        [
            {"formOrderId": GUID, "decision": decide("Basic", both).to_dict()},
            {"formOrderId": OTHER, "decision": decide("PaperOnly", both).to_dict()},
        ],
    )
    callbacks = _jsonl(
        tmp_path / "callbacks.jsonl",
        [
            {
                "formOrderId": GUID,
                "notificationChannel": "DigitalMailbox",
                "formOrderStatus": "Ordered",
            }
        ],
    )
    return orders, callbacks


def test_verify_prints_the_anomalies_then_the_counts(tmp_path: Path) -> None:
    orders, callbacks = _run_files(tmp_path)
    code, out, err = run("verify", orders, callbacks)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"NO_CALLBACK {OTHER}: no status callback arrived; expected Error, channel None",
        "Orders and messages: 2",
        "  AS_PREDICTED              0",
        "  FALLBACK                  1",
        "  UNREACHABLE_AS_PREDICTED  0",
        "  AVAILABILITY_CHANGED      0",
        "  NOT_PERMITTED             0",
        "  INCONSISTENT              0",
        "  DELIVERY_FAILED           0",
        "  DUPLICATE                 0",
        "  NO_CALLBACK               1",
        "  UNKNOWN_ORDER             0",
        "  CONTRADICTS               0",
        "  UNREADABLE                0",
        "Needs attention: 1.",
    ]


def test_verify_json_and_a_clean_run(tmp_path: Path) -> None:
    orders, callbacks = _run_files(tmp_path)
    code, out, _ = run("verify", orders, callbacks, "--json")
    assert code == 1
    report = json.loads(out)
    assert report["counts"]["FALLBACK"] == 1
    assert report["orders"] == 2
    assert report["anomalies"] == [
        {
            "id": OTHER,
            "kind": "NO_CALLBACK",
            "case": None,
            "line": None,
            "status": None,
            "channel": None,
            "expected_status": "Error",
            "expected_channel": "None",
            "ref": None,
            "earlier": [],
            "problem": None,
        }
    ]
    only = _jsonl(
        tmp_path / "only.jsonl",
        [json.loads(Path(orders).read_text(encoding="utf-8").splitlines()[0])],
    )
    code, out, _ = run("verify", only, callbacks, "--lang", "nb")
    assert (code, out.splitlines()[-1]) == (0, "Ingenting må følges opp.")
    code, out, _ = run("verify", only, callbacks, "--json")
    assert (code, json.loads(out)["anomalies"]) == (0, [])


def test_verify_names_the_file_and_line_of_bad_input(tmp_path: Path) -> None:
    orders, callbacks = _run_files(tmp_path)
    broken = tmp_path / "broken.jsonl"
    broken.write_text(Path(callbacks).read_text(encoding="utf-8") + "\n{nope\n", encoding="utf-8")
    code, out, err = run("verify", orders, str(broken))
    assert (code, err) == (1, "")  # an unreadable callback is an anomaly, and the run goes on
    assert f"UNREADABLE, {broken} line 3: callback is not valid JSON" in out
    code, _, err = run("verify", str(broken), callbacks, "--lang", "nb")
    assert code == 2
    assert f"{broken} linje 1: order" in err
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(Path(callbacks).read_bytes() + b"\xff\xfe\n")
    code, _, err = run("verify", orders, str(binary))
    assert code == 2
    assert err.startswith("eprom-distribution: error: cannot read '/")
    assert err.endswith("onl': not a UTF-8 text file\n")  # a long path is shortened
    assert_one_line_error(*run("verify", orders, str(tmp_path)), "it is a directory")
    assert_one_line_error(*run("verify", "/no/orders.jsonl", callbacks), "no such file")
    assert_one_line_error(*run("verify", orders, "bad\x00path"), "cannot read")
