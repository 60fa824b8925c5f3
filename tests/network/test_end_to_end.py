"""A whole integration run over real sockets: the client orders from the fake ePROM server, a
receiver takes its callbacks, and verify judges the run, clean and with planted faults.

All traffic goes to 127.0.0.1; each run is a few hundred requests and waits at most 20 s.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from distribution import AnomalyKind, FormOrderRequest, MessageToCitizenRequest, Verdict, verify
from distribution.fake import FakeEprom, Timing
from distribution.http.client import EpromClient
from distribution.http.receiver import CallbackReceiver
from distribution.http.server import FakeEpromServer
from tests.helpers.cli import run
from tests.helpers.fake import API_KEY, FORM_ID, SYNTHETIC, directory
from tests.helpers.guide import ROUTE

if TYPE_CHECKING:
    from pathlib import Path

QUICK = Timing(delivery=timedelta(seconds=0.05), answer=timedelta(seconds=0.1))
EXPIRY = datetime(2099, 1, 1, tzinfo=UTC)


def order(national_id: str, rule: str = "Basic") -> FormOrderRequest:
    return FormOrderRequest(
        form_id=FORM_ID, national_id=national_id, expiry_date=EXPIRY, distribution_rule=rule
    )


def message(national_id: str) -> MessageToCitizenRequest:
    return MessageToCitizenRequest(
        national_id=national_id,
        sender_info={"organisationName": "HUNT"},
        message_info={"title": "Brev"},
        document_collection=[{"title": "Brev"}],
        notification_priority_list=["Helsenorge", "DigitalMailbox", "PhysicalMailbox"],
    )


def test_a_clean_run_needs_no_attention(tmp_path: Path) -> None:
    fake = FakeEprom(directory(), api_key=API_KEY, timing=QUICK, seed=11)
    with (
        CallbackReceiver(API_KEY) as receiver,
        FakeEpromServer(fake, callback_base=receiver.url, record=tmp_path) as server,
        EpromClient(server.url + "/promswebapi", api_key=API_KEY) as client,
    ):
        for rule in ROUTE:
            for national_id in SYNTHETIC:
                assert client.create_form_order(order(national_id, rule)).created
        for national_id in SYNTHETIC:
            client.send_message(message(national_id))
        # By hand: 41 orders reach no channel (one Error each), the other 103 get their status
        # and the answer; each of the 16 messages gets its status.
        assert receiver.wait_for(41 + 2 * 103 + 16, timeout=20)
    run_ = verify(server.orders, receiver.taken)
    assert list(run_) == []
    assert run_.counts[Verdict.AS_PREDICTED] == 2 * 103 + 14
    assert run_.counts[Verdict.UNREACHABLE_AS_PREDICTED] == 41 + 2
    code, out, _ = run("verify", str(tmp_path / "orders.jsonl"), str(tmp_path / "callbacks.jsonl"))
    assert code == 0
    assert out.startswith("Orders and messages: 160\n  AS_PREDICTED              220\n")


FAULTY = {
    "04818523438": ({"helsenorge": True}, "PatientUnreachable"),
    "04818534537": ({"digital_mailbox": True}, "SikkerDigitalPostError"),
    "04818545636": ({"helsenorge": True}, "DuplicateCallback"),
    "04858510045": ({"helsenorge": True}, "WrongApiKey"),
    "04898510005": ({"helsenorge": True}, "LateCallback"),
    "04898512369": ({"paper": True}, "PhysicalMailReturned"),
    "04898523468": ({"digital_mailbox": True}, "DigipostDelivered"),
    "04898534567": ({"helsenorge": True}, "EventLog"),
}


def test_a_run_with_planted_faults_reports_exactly_those(tmp_path: Path) -> None:
    patients = {
        national_id: {**channels, "scenarios": [scenario]}
        for national_id, (channels, scenario) in FAULTY.items()
    }
    fake = FakeEprom(patients, api_key=API_KEY, timing=QUICK, seed=12)
    with (
        CallbackReceiver(API_KEY) as receiver,
        FakeEpromServer(fake, callback_base=receiver.url, record=tmp_path) as server,
        EpromClient(server.url, api_key=API_KEY) as client,
    ):
        ids = {
            national_id: client.create_form_order(order(national_id, "BasicOrPaper")).id
            for national_id in FAULTY
        }
        # By hand: 1 + 1 + 3 + 2 (refused) + 1 (the late status is an hour away) + 2 + 3 + 2.
        assert server.wait_for(15, timeout=20)
    found = sorted((a.id, a.kind, a.case) for a in verify(server.orders, receiver.taken))
    assert found == sorted(
        [
            (ids["04818523438"], Verdict.AVAILABILITY_CHANGED, "lost_since"),
            (ids["04818534537"], Verdict.DELIVERY_FAILED, "delivery_failed"),
            (ids["04818545636"], AnomalyKind.DUPLICATE, None),
            (ids["04858510045"], AnomalyKind.NO_CALLBACK, None),
            (ids["04898510005"], AnomalyKind.NO_CALLBACK, None),
        ]
    )
    assert len(receiver.refused) == 2
    code, out, _ = run("verify", str(tmp_path / "orders.jsonl"), str(tmp_path / "callbacks.jsonl"))
    assert code == 1
    assert out.endswith("Needs attention: 5.\n")
