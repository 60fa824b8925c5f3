"""Cohorts: what-if simulation of the rules over many patients at once.

One reason to change: what a simulation counts. :func:`simulate` counts, for each rule, how many
patients of a cohort each channel reaches, how many are unreachable, how many get paper although
they have a digital channel, and how many cannot be settled because a channel is not known. It
reads the cohort once, counting the possible availabilities, so its cost is one pass over the
cohort whatever the number of rules. Reading a cohort from CSV is
:mod:`distribution.csv_cohort`'s (:class:`CsvCohort`, re-exported here).

>>> from distribution import Availability, DistributionRule
>>> cohort = [Availability(paper=True), Availability(helsenorge=True, paper=True), Availability()]
>>> tally = simulate(cohort).tally("BasicOrPaper")
>>> tally.reached("PhysicalMailbox"), tally.reached("Helsenorge"), tally.unreachable
(1, 1, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final, final

import attrs

from distribution._errors import Expected, InvalidValueError, UnknownCodeError, wrong_type
from distribution.availability import CHANNEL_FIELDS, Availability, parse_channel
from distribution.codes import DistributionRule, NotificationChannel
from distribution.csv_cohort import MISSING_CHOICES, BadRow, CsvCohort, Missing, from_state
from distribution.engine import Decision, Outcome, decide
from distribution.partial import PartialAvailability, possible_decisions

__all__ = ["BadRow", "CsvCohort", "RuleTally", "Simulation", "SimulationGroup", "simulate"]

_PAPER = NotificationChannel.PHYSICAL_MAILBOX
_REACHABLE: Final = tuple(CHANNEL_FIELDS)
_TEXTS: Final = (str, bytes, bytearray, memoryview)  # iterable, but never a cohort or rules
_FIELDS: Final = tuple(CHANNEL_FIELDS.values())
# The channels as record columns: the API names in snake_case, stable in every language.
_CHANNEL_COLUMNS: Final = ("helsenorge", "digital_mailbox", "unsecure", "physical_mailbox")
_COUNT_COLUMNS: Final = ("unreachable", "not_distributed", "paper_despite_digital", "not_settled")


def _percent(count: int, whole: int) -> float:
    return round(100 * count / whole, 1) if whole else 0.0


@final
@attrs.frozen
class RuleTally:
    """What one rule does for a cohort."""

    rule: DistributionRule
    patients: int
    by_channel: tuple[int, ...]
    """Patients notified on each channel, in the order Helsenorge, DigitalMailbox, Unsecure,
    PhysicalMailbox."""
    unreachable: int
    not_distributed: int
    """Patients who get a one-time code instead (NoDistribution)."""
    paper_despite_digital: int
    """Patients sent paper although they could be reached on a digital channel."""
    not_settled: int = 0
    """Patients for whom the rule's choice depends on a channel that is not known."""

    def reached(self, channel: NotificationChannel | int | str) -> int:
        """Return how many patients *channel* notifies under this rule."""
        return self.by_channel[_REACHABLE.index(parse_channel(channel))]

    def percent(self, count: int) -> float:
        """Return *count* as a percentage of the patients, to one decimal (0.0 for none)."""
        return _percent(count, self.patients)

    def counts(self) -> dict[str, int]:
        """Return every count by its stable snake_case name (the record's columns)."""
        return {
            **dict(zip(_CHANNEL_COLUMNS, self.by_channel, strict=True)),
            "unreachable": self.unreachable,
            "not_distributed": self.not_distributed,
            "paper_despite_digital": self.paper_despite_digital,
            "not_settled": self.not_settled,
        }

    def to_dict(self) -> dict[str, object]:
        """Return the tally as JSON-ready data: the record's columns, each count with its share.

        The keys are the stable snake_case names of ``simulate --format csv``, whatever the
        language: ``rule_code``, ``rule_name``, ``patients``, then each count and its
        percentage (``helsenorge`` and ``helsenorge_pct``, …, ``not_settled`` and
        ``not_settled_pct``).
        """
        data: dict[str, object] = {
            "rule_code": self.rule.value,
            "rule_name": self.rule.api_name,
            "patients": self.patients,
        }
        for name, count in self.counts().items():
            data[name] = count
            data[f"{name}_pct"] = self.percent(count)
        return data


@final
@attrs.frozen
class SimulationGroup:
    """The simulation of the patients who share the values of the grouping columns."""

    values: tuple[str, ...]
    """The values of the columns :attr:`Simulation.by` names, in that order."""
    simulation: Simulation


@final
@attrs.frozen
class Simulation:
    """The tallies of several rules over one cohort, and of each group if it was grouped."""

    patients: int
    tallies: tuple[RuleTally, ...]
    skipped: int = 0
    """Bad rows skipped (``skip_bad``): not counted in any tally."""
    incomplete: int = 0
    """Rows left out for a missing value (``missing="skip"``): not counted in any tally."""
    by: tuple[str, ...] = ()
    """The columns the cohort was grouped by, as given."""
    groups: tuple[SimulationGroup, ...] = ()
    """Each group's simulation, in the order of their values."""

    def tally(self, rule: DistributionRule | int | str) -> RuleTally:
        """Return the tally of *rule* (anything ``DistributionRule.parse`` takes)."""
        wanted = DistributionRule.parse(rule)
        for tally in self.tallies:
            if tally.rule is wanted:
                return tally
        raise UnknownCodeError(
            "unknown_code",
            value=rule,
            field="simulated rule",
            choices=[t.rule.api_name for t in self.tallies],
        )

    def to_dict(self) -> dict[str, object]:
        """Return the simulation as JSON-ready data with stable snake_case keys.

        ``patients``, ``skipped``, ``incomplete`` and ``rules``: one :meth:`RuleTally.to_dict`
        per rule, whose keys are the columns of :meth:`to_records`. When grouped, ``by`` and
        ``groups``: each group's ``values``, ``patients`` and ``rules``.
        """
        data: dict[str, object] = {
            "patients": self.patients,
            "skipped": self.skipped,
            "incomplete": self.incomplete,
            "rules": [t.to_dict() for t in self.tallies],
        }
        if self.by:
            data["by"] = list(self.by)
            data["groups"] = [
                {
                    "values": dict(zip(self.by, group.values, strict=True)),
                    "patients": group.simulation.patients,
                    "rules": [t.to_dict() for t in group.simulation.tallies],
                }
                for group in self.groups
            ]
        return data

    def to_records(self) -> list[dict[str, object]]:
        """Return one flat row per rule (per group and rule when grouped), for a data frame.

        The keys are stable snake_case names, whatever the language: the grouping columns
        first, then ``rule_code``, ``rule_name``, ``patients``, each count and its percentage
        (``helsenorge`` and ``helsenorge_pct``, …, ``not_settled`` and ``not_settled_pct``),
        then the file's ``skipped`` and ``incomplete`` rows.
        ``pandas.DataFrame(simulation.to_records())`` is the table.

        >>> from distribution import Availability
        >>> record = simulate([Availability(paper=True)], ["PaperOnly"]).to_records()[0]
        >>> record["rule_name"], record["physical_mailbox"], record["physical_mailbox_pct"]
        ('PaperOnly', 1, 100.0)
        """
        parts = [((), self)] if not self.by else [(g.values, g.simulation) for g in self.groups]
        records: list[dict[str, object]] = []
        for values, simulation in parts:
            records += [
                dict(zip(self.by, values, strict=True))
                | tally.to_dict()
                | {"skipped": self.skipped, "incomplete": self.incomplete}
                for tally in simulation.tallies
            ]
        return records


def _state(item: object, position: int, missing: Missing) -> int | None:
    """Return a partial availability's counting state, ``None`` to leave it out."""
    if item.__class__ is not PartialAvailability:
        raise wrong_type(
            item, field="cohort item", expected=Expected(types=(Availability, PartialAvailability))
        )
    flags = item.to_dict()
    unknown = [bit for bit, name in enumerate(_FIELDS) if flags[name] is None]
    if unknown and missing == "error":
        name = _FIELDS[unknown[0]]
        raise InvalidValueError(
            "missing_value", value=None, field=f"cohort[{position}].{name}", choices=(True, False)
        )
    if unknown and missing == "skip":
        return None
    index = sum(bool(flags[name]) << bit for bit, name in enumerate(_FIELDS))
    if missing == "unknown":
        index |= sum(16 << bit for bit in unknown)
    return index


def _count(cohort: Iterable[object], missing: Missing) -> tuple[Counter[int], int]:
    counts: Counter[int] = Counter()
    left_out = 0
    for position, item in enumerate(cohort):
        if item.__class__ is Availability:  # the common case, without a call
            counts[item.index] += 1
            continue
        state = _state(item, position, missing)
        if state is None:
            left_out += 1
        else:
            counts[state] += 1
    return counts, left_out


def _decision(rule: DistributionRule, state: int) -> Decision | None:
    """Return the rule's decision for a state, ``None`` if it depends on an unknown channel."""
    patient = from_state(state)
    if isinstance(patient, Availability):
        return decide(rule, patient)
    possible = possible_decisions(rule, patient)
    return possible.cases[0].decision if possible.settled else None


def _tallies(rules: tuple[DistributionRule, ...], counts: Counter[int]) -> tuple[RuleTally, ...]:
    patients = sum(counts.values())
    tallies = []
    for rule in rules:
        by_channel = dict.fromkeys(_REACHABLE, 0)
        outcomes = dict.fromkeys(Outcome, 0)
        paper_despite_digital = not_settled = 0
        for state, count in counts.items():
            decision = _decision(rule, state)
            if decision is None:
                not_settled += count
                continue
            outcomes[decision.outcome] += count
            if decision.outcome is Outcome.NOTIFIED:
                by_channel[decision.channel] += count
            # A digital channel known available: the low bits of a state are the known ones.
            if decision.channel is _PAPER and state & 0b0111:
                paper_despite_digital += count
        tallies.append(
            RuleTally(
                rule=rule,
                patients=patients,
                by_channel=tuple(by_channel.values()),
                unreachable=outcomes[Outcome.UNREACHABLE],
                not_distributed=outcomes[Outcome.NOT_DISTRIBUTED],
                paper_despite_digital=paper_despite_digital,
                not_settled=not_settled,
            )
        )
    return tuple(tallies)


def _check_iterable(value: object, field: str, expected: str) -> None:
    """Refuse a value that is not the iterable expected (text and bytes iterate, but are not)."""
    if not isinstance(value, Iterable) or isinstance(value, _TEXTS):
        raise wrong_type(value, field=field, expected=expected)


def simulate(
    cohort: Iterable[Availability | PartialAvailability],
    rules: Iterable[DistributionRule | int | str] | None = None,
    *,
    missing: Missing | None = None,
) -> Simulation:
    """Return, per rule, how a cohort of patients would be reached.

    *cohort* is any iterable of :class:`Availability` or
    :class:`~distribution.partial.PartialAvailability` (read once, in constant memory), or a
    :class:`CsvCohort`, which is counted in large chunks and may be grouped (its *by*);
    *rules* are anything ``DistributionRule.parse`` takes, all nine by default.

    *missing* says what a channel that is not known means: a missing value in a
    :class:`CsvCohort` (default: the reader's own *missing*) or ``None`` in a
    ``PartialAvailability`` (default ``"unknown"``). ``"unknown"`` reasons with
    :func:`~distribution.partial.possible_decisions`: a patient whose channel under a rule
    depends on an unknown channel is counted in that rule's :attr:`RuleTally.not_settled`;
    ``"unavailable"`` takes the channel as unavailable; ``"skip"`` leaves the patient out
    (:attr:`Simulation.incomplete`); ``"error"`` raises
    :class:`~distribution.errors.InvalidValueError`.

    >>> from distribution.partial import PartialAvailability
    >>> unsure = PartialAvailability(helsenorge=None, digital_mailbox=False, krr_contact=True,
    ...                              paper=True)
    >>> result = simulate([unsure], ["AllowUnsecureOrPaper", "PaperOnly"])
    >>> [(t.rule.api_name, t.not_settled) for t in result.tallies]
    [('AllowUnsecureOrPaper', 1), ('PaperOnly', 0)]
    """
    _check_iterable(cohort, "cohort", "a cohort")
    if rules is not None:
        _check_iterable(rules, "rules", "a list of rules")
    if missing is not None and missing not in MISSING_CHOICES:
        raise UnknownCodeError(
            "unknown_code", value=missing, field="missing", choices=MISSING_CHOICES
        )
    chosen = (
        tuple(DistributionRule)
        if rules is None
        else tuple(dict.fromkeys(DistributionRule.parse(rule) for rule in rules))
    )
    if isinstance(cohort, CsvCohort):
        return _simulate_csv(cohort, chosen, missing)
    counts, left_out = _count(cohort, missing or "unknown")
    return Simulation(sum(counts.values()), _tallies(chosen, counts), incomplete=left_out)


def _simulate_csv(
    cohort: CsvCohort, rules: tuple[DistributionRule, ...], missing: Missing | None
) -> Simulation:
    grouped = cohort.grouped_counts(missing=missing)
    total: Counter[int] = Counter()
    for counts in grouped.values():
        total.update(counts)
    groups = (
        tuple(
            SimulationGroup(values, Simulation(sum(counts.values()), _tallies(rules, counts)))
            for values, counts in sorted(grouped.items())
        )
        if cohort.by
        else ()
    )
    return Simulation(
        sum(total.values()),
        _tallies(rules, total),
        skipped=cohort.skipped,
        incomplete=cohort.incomplete,
        by=cohort.by,
        groups=groups,
    )
