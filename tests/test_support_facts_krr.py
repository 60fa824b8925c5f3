"""The facts tab with an active KRR record whose mailbox or contact date is not known.

The command line cannot take such a record (it asks for both), and a
:class:`~distribution.KrrRecord` cannot hold them as not known; the page can. Here the library
answers for it all the same: its :func:`~distribution.diagnose_facts` and
:meth:`~distribution.partial.PossibleDecisions.within`, over the library's completions of each
way the two facts can be (a mailbox or none; contact details current, stale or none), with the
page's reading of the facts given (tools/support_facts.py's ``judge``, checked against the
library in tests/test_support_facts.py).
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import attrs
from tools import support_facts
from tools.support_facts import judge

from distribution import (
    DistributionRule,
    KrrStatus,
    NotificationChannel,
    PartialAvailability,
    PatientFacts,
    assess,
    diagnose_facts,
    possible_decisions,
)
from distribution.availability import CHANNEL_FIELDS
from distribution.partial import ChannelStatus
from distribution.patient import completions as completions_module
from distribution.patient import diagnosis as diagnosis_module
from distribution.patient._rules import FACTS
from distribution.patient.reasons import Reason

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    import pytest
    from playwright.sync_api import Page

REACHABLE = tuple(CHANNEL_FIELDS)
_NOT_KNOWN = "(ukjent)"  # the page's stand-in for contact details it does not know the date of
_REAL_COMPLETIONS = completions_module.completions
_REAL_ASSESS = assess


def _marked(form: Mapping[str, int]) -> tuple[PatientFacts, bool]:
    """The form's facts, the mailbox not known marked as the contact date not known is."""
    made, research = support_facts.facts(form)
    if made.krr is not None and form.get("digital-mailbox", 0) == 0:
        made = attrs.evolve(made, krr=attrs.evolve(made.krr, mailbox_address=_NOT_KNOWN))
    return made, research


def _refined(facts: PatientFacts) -> Iterator[PatientFacts]:
    """Each way the marked facts can be: a mailbox or not, contact details current, stale, none."""
    record = facts.krr
    if record is None or record.status is not KrrStatus.AKTIV:
        yield facts
        return
    now = facts.reference_time
    emails = (
        [("(oppgitt)", now), ("(oppgitt)", now - timedelta(days=3 * 365)), (None, None)]
        if record.email == _NOT_KNOWN
        else [(record.email, record.email_updated)]
    )
    boxes = (
        ["(oppgitt)", None] if record.mailbox_address == _NOT_KNOWN else [record.mailbox_address]
    )
    for (email, updated), box in itertools.product(emails, boxes):
        changed = attrs.evolve(record, email=email, email_updated=updated, mailbox_address=box)
        yield attrs.evolve(facts, krr=changed)


def _completions(facts: PatientFacts, *, research: bool = False) -> Iterator[PatientFacts]:
    for each in _refined(facts):
        yield from _REAL_COMPLETIONS(each, research=research)


@attrs.frozen
class _Read:
    """The page's reading of the form's facts, as an Eligibility answers."""

    form: Mapping[str, int]

    def status(self, channel: NotificationChannel) -> ChannelStatus:
        return ChannelStatus[judge(self.form, channel)[0]]

    def reasons(self, channel: NotificationChannel) -> tuple[Reason, ...]:
        return judge(self.form, channel)[1]

    def missing(self, channel: NotificationChannel) -> tuple[str, ...]:
        return judge(self.form, channel)[2]


def _library(monkeypatch: pytest.MonkeyPatch, form: Mapping[str, int]) -> tuple[PatientFacts, bool]:
    """Make the library read the marked facts as the page does; return them."""
    made, research = _marked(form)

    def read(facts: PatientFacts, *, research: bool = False) -> Any:
        if facts is made:
            return _Read(form)
        return _REAL_ASSESS(facts, research=research)

    monkeypatch.setattr(diagnosis_module, "completions", _completions)
    monkeypatch.setattr(diagnosis_module, "assess", read)
    return made, research


def _forms() -> Iterator[dict[str, int]]:
    """Active KRR records with the mailbox or the contact date (or both) not known."""
    for n, (reserved, notify, contact, mailbox, age, eid, consent, postal) in enumerate(
        itertools.product(
            (0, 1, 2), (0, 2), (0, 1, 2, 3), (0, 1, 2), (0, 4, 3), (0, 1), (0, 1), (0, 2)
        )
    ):
        if (contact and mailbox) or n % 5:  # one in five, each with something not known
            continue
        yield {
            "krr-status": 1,
            "reserved": reserved,
            "can-notify": notify,
            "contact-updated": contact,
            "digital-mailbox": mailbox,
            "age": age,
            "level4-eid": eid,
            "consent": consent,
            "postal-address": postal,
        }


def _expected(
    monkeypatch: pytest.MonkeyPatch,
    form: Mapping[str, int],
    rule: DistributionRule,
    got: NotificationChannel,
) -> dict[str, object]:
    made, research = _library(monkeypatch, form)
    partial = PartialAvailability(
        **{
            CHANNEL_FIELDS[ch]: {"AVAILABLE": True, "UNAVAILABLE": False}.get(judge(form, ch)[0])
            for ch in REACHABLE
        }
    )
    can = {
        _REAL_ASSESS(each, research=research).availability
        for each in _completions(made, research=research)
    }
    fields = list(CHANNEL_FIELDS.values())
    cases = [
        [[[fields.index(k), v] for k, v in case.assuming.items()], case.decision.channel.value]
        for case in possible_decisions(rule, partial).within(can).cases
    ]
    found = diagnose_facts(rule, got=got, facts=made, research=research)
    reasons = list(Reason)
    if not found.diagnosis.consistent:
        said: dict[str, object] = {
            "consistent": False,
            "suspects": [FACTS.index(f) for f in found.suspects],
        }
    else:
        said = {
            "consistent": True,
            "unavailable": [REACHABLE.index(c) for c in found.diagnosis.must_be_unavailable],
            "available": [REACHABLE.index(c) for c in found.diagnosis.must_be_available],
            "irrelevant": [REACHABLE.index(c) for c in found.diagnosis.irrelevant],
            "explained": [
                [REACHABLE.index(c), [reasons.index(r) for r in why]] for c, why in found.explained
            ],
            "must": [
                [REACHABLE.index(c), [reasons.index(r) for r in why]] for c, why in found.must
            ],
            "check": [[REACHABLE.index(c), [FACTS.index(f) for f in fs]] for c, fs in found.check],
        }
    return {"cases": cases, "diagnosis": said}


def test_an_active_record_with_facts_not_known_gets_the_librarys_answer(
    page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    forms = list(_forms())
    assert len(forms) > 50
    asked = list(itertools.product(forms, DistributionRule, NotificationChannel))
    shown = page.evaluate(
        """(asked) => asked.map(([form, rule, got]) => {
            const idx = { ...Object.fromEntries(F.fields.map(([name]) => [name, 0])), ...form };
            const answer = factsAnswer(rule, idx, got);
            return { cases: answer.cases.map(([assuming, channel]) => [assuming, channel]),
                     diagnosis: answer.diagnosis };
        })""",
        [[form, rule.value, got.value] for form, rule, got in asked],
    )
    for (form, rule, got), answer in zip(asked, shown, strict=True):
        with monkeypatch.context() as patch:
            assert answer == _expected(patch, form, rule, got), (form, rule, got)
