"""A whole integration run against the fake, held up by verify: clean, and with planted faults.

The expected verdicts are counted from the guide's routes written out by hand
(tests/helpers/guide.py), never from the library's rule table.
"""

from __future__ import annotations

from datetime import timedelta

from distribution import (
    AnomalyKind,
    Availability,
    DistributionRule,
    NotificationChannel,
    Verdict,
    verify,
)
from distribution.fake import FakeEprom, Scenario
from tests.helpers.fake import (
    API_KEY,
    AUTH,
    DIGIPOST,
    HELSENORGE,
    NOBODY,
    NOW,
    PAPER,
    SYNTHETIC,
    directory,
    message_body,
    order_body,
)
from tests.helpers.guide import LETTER_OF_FLAG, ROUTE

LATER = NOW + timedelta(days=30)


def reachable(rule: str, index: int) -> bool:
    have = {LETTER_OF_FLAG[k] for k, v in Availability.from_index(index).to_dict().items() if v}
    return any(letter in have for letter in ROUTE[rule])


def test_every_rule_for_every_patient_passes_verify() -> None:
    """Every rule for every one of the sixteen patients, and a message to each: verify finds
    nothing that needs attention, and every callback is judged as the guide predicts."""
    fake = FakeEprom(directory(), api_key=API_KEY, seed=1)
    orders = []
    for rule in ROUTE:
        for national_id in SYNTHETIC:
            reply = fake.order(order_body(national_id, distributionRule=rule), AUTH, at=NOW)
            orders.append(reply.record)
    orders += [fake.message(message_body(n), AUTH, at=NOW).record for n in SYNTHETIC]
    callbacks = [c.body for c in fake.due(LATER)]
    run = verify(orders, callbacks)
    assert list(run) == []
    assert not run.needs_attention
    # Hand count: a notifying rule with no reachable channel is unreachable (one Error callback,
    # nothing after); every other order gets its status and its returned form, both as
    # predicted. A message's status is judged once; the list H, D, P reaches all but four.
    notifying = [rule for rule, route in ROUTE.items() if route]
    unreachable = sum(1 for r in notifying for i in range(16) if not reachable(r, i))
    assert unreachable == 4 + 2 + 2 + 1 + 8 + 8 + 8 + 8
    orders_reached = 9 * 16 - unreachable
    messages_lost = sum(1 for i in range(16) if not reachable("BasicOrPaper", i))
    assert messages_lost == 2
    assert run.counts[Verdict.UNREACHABLE_AS_PREDICTED] == unreachable + messages_lost
    assert run.counts[Verdict.AS_PREDICTED] == 2 * orders_reached + 16 - messages_lost
    assert run.orders == 9 * 16 + 16
    assert len(callbacks) == unreachable + 2 * orders_reached + 16


def test_planted_faults_are_exactly_what_verify_reports() -> None:
    """Each planted fault gives the anomaly it stands for, at its callback, and nothing else."""
    fake = FakeEprom(directory(), api_key=API_KEY, seed=2)
    plan = [
        (HELSENORGE, "Basic", Scenario.PATIENT_UNREACHABLE),
        (DIGIPOST, "Basic", Scenario.SIKKER_DIGITAL_POST_ERROR),
        (HELSENORGE, "Basic", Scenario.DUPLICATE_CALLBACK),
        (HELSENORGE, "Basic", Scenario.LATE_CALLBACK),
        (NOBODY, "Basic", Scenario.PATIENT_UNREACHABLE),  # unreachable anyway: no anomaly
        (PAPER, "BasicOrPaper", Scenario.PHYSICAL_MAIL_RETURNED),  # an event, no fault
        (DIGIPOST, "Basic", Scenario.DIGIPOST_DELIVERED),  # an event, no fault
        (HELSENORGE, "Basic", Scenario.EVENT_LOG),
        (HELSENORGE, "Basic", Scenario.NEVER_ANSWERS),
        (HELSENORGE, "NoDistribution", Scenario.PATIENT_UNREACHABLE),
    ]
    replies = [
        fake.order(order_body(who, distributionRule=rule), AUTH, at=NOW, scenarios=[scenario])
        for who, rule, scenario in plan
    ]
    message = fake.message(
        message_body(HELSENORGE), AUTH, at=NOW, scenarios=[Scenario.PATIENT_UNREACHABLE]
    )
    orders = [reply.record for reply in replies] + [message.record]
    # Verified before the late callback is due, and again after.
    early = [c.body for c in fake.due(NOW + timedelta(minutes=30))]
    run = verify(orders, early)
    found = [(a.id, a.kind, a.case) for a in run]
    ids = [reply.id for reply in replies]
    assert found == [
        (ids[0], Verdict.AVAILABILITY_CHANGED, "lost_since"),
        (ids[1], Verdict.DELIVERY_FAILED, "delivery_failed"),
        (ids[2], AnomalyKind.DUPLICATE, None),
        (ids[9], Verdict.INCONSISTENT, "error_without_distribution"),
        (message.id, Verdict.AVAILABILITY_CHANGED, "lost_since"),
        (ids[3], AnomalyKind.NO_CALLBACK, None),
    ]
    late = [c.body for c in fake.due(LATER)]
    assert len(late) == 3  # the late status, and the two forms that expire
    again = [(a.id, a.kind) for a in verify(orders, early + late)]
    assert (ids[3], AnomalyKind.NO_CALLBACK) not in again
    assert len(again) == 5


def test_callbacks_the_receiver_refused_show_as_missing() -> None:
    """A receiver that checks the apiKey refuses the planted wrong one: verify, given what the
    receiver kept, reports the order as never called back."""
    fake = FakeEprom(directory(), api_key=API_KEY, seed=3)
    good = fake.order(order_body(), AUTH, at=NOW)
    bad = fake.order(order_body(), AUTH, at=NOW, scenarios=[Scenario.WRONG_API_KEY])
    kept = [c.body for c in fake.due(LATER) if f'"apiKey": "{API_KEY}"' in c.body]
    found = [(a.id, a.kind) for a in verify([good.record, bad.record], kept)]
    assert found == [(bad.id, AnomalyKind.NO_CALLBACK)]


def test_the_decision_in_the_record_is_the_one_the_fake_made() -> None:
    fake = FakeEprom(directory(), api_key=API_KEY)
    reply = fake.order(
        order_body(PAPER, distributionRule=DistributionRule.BASIC_OR_PAPER.value), AUTH, at=NOW
    )
    assert reply.record is not None
    assert '"channel": {"code": 4, "name": "PhysicalMailbox"}' in reply.record
    assert reply.channel is NotificationChannel.PHYSICAL_MAILBOX
