"""Purity, proven: no I/O, clock or environment access while deciding, explaining, assessing
or simulating from memory; and no call changes its inputs (a state machine beside a model)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

import distribution
from distribution import (
    Availability,
    DistributionRule,
    NotificationChannel,
    decide,
    decide_many,
    explain,
    simulate,
)
from distribution.engine import _BY_RULE
from tests.helpers.guide import CHANNEL_OF, LETTER_OF_FLAG, ROUTE

PROBE = Path(__file__).parent / "helpers" / "purity_probe.py"
SRC = Path(distribution.__file__).parent


def _probe(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout))


def test_no_audited_event_clock_or_environment_access() -> None:
    """sys.addaudithook sees nothing: no open, socket, subprocess, import; no clock or environ."""
    assert _probe() == []


def test_the_probe_would_see_io_clock_and_environment() -> None:
    seen = _probe("--canary")
    assert "open" in seen
    assert "clock:time" in seen
    assert "environ" in seen
    assert "clock:date.today" in seen  # stdnum's validate() reads the clock; we never call it


FORBIDDEN = {
    "open",
    "environ",
    "getenv",
    "putenv",
    "now",
    "today",
    "utcnow",
    "time",
    "time_ns",
    "monotonic",
    "perf_counter",
    "socket",
    "subprocess",
    "urlopen",
    "stdin",
    "stdout",
    "stderr",
    "print",
    "input",
    "random",
    "system",
    "Path",
    "listdir",
    "scandir",
}
# The command line does I/O (its folder), so does running it (__main__ and the console script's
# module), and so does the network code (the fake server, the client and the pytest plugin).
IO_PARTS = {"cli", "http", "__main__.py", "_eprom_distribution.py"}


@pytest.mark.reads_source
def test_the_library_code_names_no_io_clock_or_environment() -> None:
    """A static check of the modules the probe cannot exhaust: no name that reaches outside."""
    for path in sorted(SRC.rglob("*.py")):
        if IO_PARTS & set(path.relative_to(SRC).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        imported = {
            alias.name.split(".")[0]
            for n in ast.walk(tree)
            if isinstance(n, ast.Import | ast.ImportFrom)
            for alias in n.names
        }
        imported |= {
            n.module.split(".")[0]
            for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom) and n.module
        }
        assert not names & FORBIDDEN, (path.name, names & FORBIDDEN)
        assert not imported & {
            "os",
            "time",
            "socket",
            "subprocess",
            "random",
            "pathlib",
            "urllib",
            "http",
            "sys",
        }, (path.name, imported)


# --- a state machine beside a naive model ---------------------------------------------------------


def model_chain(rule: DistributionRule, flags: dict[str, bool]) -> tuple[NotificationChannel, ...]:
    have = {LETTER_OF_FLAG[name] for name, on in flags.items() if on}
    return tuple(CHANNEL_OF[c] for c in ROUTE[rule.api_name] if c in have)


def _fields(a: Availability) -> tuple[object, ...]:
    return (a.helsenorge, a.digital_mailbox, a.krr_contact, a.paper, a.index)


class EngineBesideModel(RuleBasedStateMachine):
    """Random sequences of calls; after each, the engine agrees with the model and every input
    is exactly as it was before the call."""

    availabilities = Bundle("availabilities")
    cohorts = Bundle("cohorts")

    def __init__(self) -> None:
        super().__init__()
        self.table_before = [list(row) for row in _BY_RULE.values()]

    @rule(
        target=availabilities,
        flags=st.fixed_dictionaries({k: st.booleans() for k in LETTER_OF_FLAG}),
    )
    def make(self, flags: dict[str, bool]) -> Availability:
        return Availability(**flags)

    @rule(
        target=availabilities,
        a=availabilities,
        channel=st.sampled_from(list(CHANNEL_OF.values())),
        add=st.booleans(),
    )
    def change(self, a: Availability, channel: NotificationChannel, add: bool) -> Availability:
        before = a.to_dict()
        changed = a.with_(channel) if add else a.without(channel)
        assert a.to_dict() == before
        assert changed.has(channel) is add
        return changed

    @rule(target=cohorts, items=st.lists(availabilities, max_size=6))
    def cohort(self, items: list[Availability]) -> list[Availability]:
        return items

    @rule(rule_=st.sampled_from(DistributionRule), a=availabilities)
    def decide_one(self, rule_: DistributionRule, a: Availability) -> None:
        before = _fields(a)
        decision = decide(rule_, a)
        assert decision.chain == model_chain(rule_, a.to_dict())
        assert _fields(a) == before

    @rule(rule_=st.sampled_from(DistributionRule), items=cohorts)
    def decide_batch(self, rule_: DistributionRule, items: list[Availability]) -> None:
        before = list(items)
        decisions = decide_many(rule_, items)
        assert [d.chain for d in decisions] == [model_chain(rule_, a.to_dict()) for a in items]
        assert items == before
        assert all(x is y for x, y in zip(items, before, strict=True))

    @rule(items=cohorts)
    def simulate_cohort(self, items: list[Availability]) -> None:
        before = list(items)
        result = simulate(items)
        for tally in result.tallies:
            expected = sum(1 for a in items if model_chain(tally.rule, a.to_dict()))
            assert sum(tally.by_channel) == expected
        assert items == before

    @rule(
        rule_=st.sampled_from(DistributionRule),
        a=availabilities,
        lang=st.sampled_from(["nb", "en"]),
    )
    def explain_one(self, rule_: DistributionRule, a: Availability, lang: str) -> None:
        before = _fields(a)
        text = explain(rule_, a, lang=lang)  # type: ignore[arg-type]
        assert rule_.api_name in text
        assert _fields(a) == before

    @invariant()
    def shared_decisions_never_change(self) -> None:
        assert [list(row) for row in _BY_RULE.values()] == self.table_before
        for row in _BY_RULE.values():
            for decision in row:
                assert decision.chain == model_chain(decision.rule, decision.availability.to_dict())  # type: ignore[arg-type]


TestEngineBesideModel = EngineBesideModel.TestCase
# 16 availabilities and 9 rules: forty runs of twenty steps visit them all many times over, and
# keep the machine to a few seconds of a test run that should stay well under a minute.
TestEngineBesideModel.settings = settings(max_examples=40, stateful_step_count=20)
