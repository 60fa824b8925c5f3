"""Run the library's pure entry points under an audit hook and clock/environment traps.

Run as a separate process (an audit hook cannot be removed once added) by tests/test_purity.py;
prints the JSON list of every audited event and trapped call seen while armed.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from datetime import UTC, date, datetime
from typing import Any

import stdnum.exceptions
import stdnum.no.fodselsnummer

import distribution as d
from distribution import cohorts, fake
from distribution.eprom import (
    bodies,
    callbacks,
    events,
    preflight,
    reconciliation,
    responses,
    verification,
)
from distribution.patient import eligibility, krr
from distribution.presentation import decision as explain_decision
from distribution.presentation import simulation as simulation_table
from distribution.presentation import tables, timeline

ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"

SEEN: list[str] = []
ARMED = [False]


def hook(event: str, _args: Any) -> None:
    if ARMED[0]:
        SEEN.append(event)


def trap(name: str, real: Any) -> Any:
    def trapped(*args: Any, **kwargs: Any) -> Any:
        if ARMED[0]:
            SEEN.append(f"clock:{name}")
        return real(*args, **kwargs)

    return trapped


class Environ(dict[str, str]):
    def __getitem__(self, key: str) -> str:
        if ARMED[0]:
            SEEN.append("environ")
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        if ARMED[0]:
            SEEN.append("environ")
        return super().get(key, default)


class TodayTrap:
    """Stands in for the datetime module inside stdnum's fodselsnummer: today() is a clock."""

    class date:  # noqa: N801  # mirrors datetime.date
        @staticmethod
        def today() -> Any:
            SEEN.append("clock:date.today")
            return date.max

        def __new__(cls, *args: Any) -> Any:
            return date(*args)


def exercise() -> None:
    a = d.Availability(krr_contact=True, paper=True)
    decision = d.decide("BasicOrPaper", a)
    d.decide(3, a), d.decide(d.DistributionRule.PAPER_ONLY, a), d.fallback_chain("4", a)
    d.decide_many(1, [a] * 10), d.channels_many(2, [a]), d.decide_each([(0, a)])
    message = d.decide_priority_list(["paper", "helsenorge"], a)
    d.Decision.from_dict(decision.to_dict()), d.Decision.from_json(json.dumps(decision.to_dict()))
    for lang in ("en", "nb"):
        d.explain("AllowUnsecure", a, lang=lang), d.explain_decision(message, lang=lang)
        d.describe(d.FormOrderStatus.PHYSICAL_MAIL_RETURNED, lang=lang)
    d.rules_reaching(a)
    record = {
        "personidentifikator": "15108695088",
        "status": "AKTIV",
        "reservasjon": "NEI",
        "varslingsstatus": "KAN_VARSLES",
        "kontaktinformasjon": {
            "epostadresse": "a@b.no",
            "epostadresse_oppdatert": "2026-01-01T10:00:00+01",
        },
    }
    d.KrrRecord.from_dict(record), d.KrrRecord.from_json(json.dumps(record))
    facts = d.PatientFacts.from_json(
        json.dumps(
            {
                "reference_time": "2026-11-25T12:00:00+01:00",
                "age": 40,
                "level4_eid": True,
                "krr": record,
            }
        )
    )
    d.assess(facts)
    d.assess(facts, research=True, on_behalf_of=facts)
    d.assess(
        d.PatientFacts(
            reference_time=datetime(2026, 2, 28, 23, 30, tzinfo=UTC),
            national_id="26670271527",
            research_reserved=False,
            krr=d.KrrRecord.from_dict(record),
        ),
        research=True,
    )
    d.national_id_kind("20914695016")
    response = d.KrrResponse.from_json(
        json.dumps(
            {"personer": [record, {"status": "GONE"}, {"status": "AKTIV", "digitalpost": {}}]}
        )
    )
    response.get("15108695088")
    d.explain(
        "AllowUnsecureOrPaper",
        d.assess(d.PatientFacts(reference_time=datetime(2026, 1, 1, tzinfo=UTC))),
        lang="nb",
    )
    d.preflight("BasicOrPaper", must_be_signed=True, paper_enabled=False, national_id="15108695088")
    d.national_id_problem("55108695088")
    simulation_table.simulation(d.simulate([a, d.Availability()] * 50), "markdown")
    reader = d.CsvCohort(
        io.StringIO(
            "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n,t,f,NULL\n", newline=""
        ),
        missing="unknown",
    )
    simulation_table.simulation(d.simulate(reader), "json")
    status = d.read_callback(
        json.dumps({"formOrderId": ID, "notificationChannel": "None", "formOrderStatus": "Error"})
    )
    returned = d.read_callback(
        {
            "formOrderId": ID,
            "formOrderStatus": "Expired",
            "notificationChannel": 1,
            "formOrderEventLog": [
                {"eventType": "SigningError", "timestampUtc": "2025-01-01 10:00"}
            ],
        }
    )
    for lang in ("en", "nb"):
        d.explain_reconciliation(d.reconcile(decision, status), lang=lang)  # type: ignore[arg-type]
        d.explain_timeline(returned, lang=lang)  # type: ignore[arg-type]
    d.expected_callbacks(message)
    d.FormOrderResponse.from_json(json.dumps({"id": ID, "notificationChannel": 1}))
    d.MessageResponse.from_dict({"notificationChannel": 0})
    order = json.dumps({"formOrderId": ID, "decision": decision.to_dict()})
    list(
        d.verify(
            [order],
            [json.dumps({"formOrderId": ID, "notificationChannel": 3, "formOrderStatus": 2})],
        )
    )
    d.FormOrderRequest(
        form_id=ID,
        national_id="15108695088",
        expiry_date=datetime(2026, 1, 1, tzinfo=UTC),
        distribution_rule="BasicOrPaper",
        metadata={"age": 40},
    ).to_dict()
    d.MessageToCitizenRequest(
        national_id="15108695088",
        sender_info={},
        message_info={},
        document_collection=[{"title": "Brev"}],
        notification_priority_list=["paper"],
    ).to_dict()
    machine = fake.FakeEprom({"15108695088": {"paper": True}}, api_key="k", seed=5)
    body = {"formId": ID, "nationalId": "15108695088", "expiryDate": "2026-01-01T00:00:00Z"}
    moment = datetime(2025, 12, 1, tzinfo=UTC)
    machine.order(json.dumps({**body, "distributionRule": 3}), "Basic k", at=moment)
    machine.order(json.dumps(body), "Basic k", at=moment, scenarios=["EventLog"])
    machine.message(
        json.dumps(
            {
                "nationalId": "15108695088",
                "documentCollection": [{}],
                "notificationPriorityList": [4],
            }
        ),
        "Basic k",
        at=moment,
    )
    machine.due(datetime(2026, 2, 1, tzinfo=UTC))


def main() -> None:
    # Everything is imported before arming: importing reads files, deciding must not.
    imported = (
        callbacks,
        cohorts,
        fake,
        eligibility,
        explain_decision,
        tables,
        simulation_table,
        krr,
        preflight,
        reconciliation,
        verification,
        timeline,
        responses,
        events,
        bodies,
        stdnum.exceptions,
    )
    assert all(module.__name__ for module in imported)
    exercise()  # warm every lazy path once, unarmed
    sys.addaudithook(hook)
    for name in (
        "time",
        "time_ns",
        "monotonic",
        "monotonic_ns",
        "perf_counter",
        "perf_counter_ns",
        "localtime",
        "gmtime",
        "ctime",
        "strftime",
    ):
        setattr(time, name, trap(name, getattr(time, name)))
    os.environ = Environ(os.environ)  # type: ignore[assignment]  # noqa: B003  # a recording stand-in
    stdnum.no.fodselsnummer.datetime = TodayTrap  # type: ignore[assignment,attr-defined]
    ARMED[0] = True
    exercise()
    if "--canary" in sys.argv:  # proves the probe sees what it is looking for
        with open(__file__, encoding="utf-8"):  # noqa: PTH123
            pass
        time.time()
        os.environ.get("HOME")
        stdnum.no.fodselsnummer.validate("15108695088")
    ARMED[0] = False
    sys.stdout.write(json.dumps(sorted(set(SEEN))))


if __name__ == "__main__":
    main()
