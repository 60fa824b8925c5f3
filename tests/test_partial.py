"""Partial availability: deciding when some channels are not known, and reading back a channel.

The oracle throughout is brute force: every availability that agrees with what is known, each
decided by the engine, written here without the module's own walk or completions.
"""

from __future__ import annotations

import contextlib
import doctest
import itertools
import json
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    Availability,
    Case,
    ChannelStatus,
    Decision,
    Diagnosis,
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    NotificationChannel,
    Outcome,
    PartialAvailability,
    PossibleDecisions,
    UnknownCodeError,
    decide,
    decide_priority_list,
    diagnose,
    possible_decisions,
)
from distribution import partial as partial_module
from tests.strategies import (
    REACHABLE,
    availabilities,
    hostile,
    partial_availabilities,
    reachable_channels,
    rules_or_priority_lists,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

R = DistributionRule
H, D, U, P = REACHABLE
NONE = NotificationChannel.NONE
FIELDS = ("helsenorge", "digital_mailbox", "krr_contact", "paper")
FIELD_OF = dict(zip(REACHABLE, FIELDS, strict=True))

Target = DistributionRule | tuple[NotificationChannel, ...]


# --- the brute-force oracle -------------------------------------------------------------------


def every_partial() -> Iterator[PartialAvailability]:
    """All 81 partial availabilities."""
    for flags in itertools.product((None, False, True), repeat=4):
        yield PartialAvailability(**dict(zip(FIELDS, flags, strict=True)))


def every_priority_list() -> list[tuple[NotificationChannel, ...]]:
    """All 64 priority lists: every ordering of every non-empty set of channels."""
    return [order for n in range(1, 5) for order in itertools.permutations(REACHABLE, n)]


TARGETS: list[Target] = [*R, *every_priority_list()]


def target_id(target: Target) -> str:
    if isinstance(target, DistributionRule):
        return target.api_name
    return "-".join(channel.api_name for channel in target)


PARTIALS = list(every_partial())


def agreeing(known: PartialAvailability, **assumed: bool) -> list[Availability]:
    """Every availability with the known flags and the *assumed* ones, from the four bools."""
    fixed = {**{k: v for k, v in known.to_dict().items() if v is not None}, **assumed}
    return [
        a
        for flags in itertools.product((False, True), repeat=4)
        if all(fixed.get(name, flag) is flag for name, flag in zip(FIELDS, flags, strict=True))
        for a in [Availability(**dict(zip(FIELDS, flags, strict=True)))]
    ]


def engine(target: Target, a: Availability) -> Decision:
    if isinstance(target, DistributionRule):
        return decide(target, a)
    return decide_priority_list(target, a)


def _is_subsequence(short: tuple[object, ...], long: tuple[object, ...]) -> bool:
    remaining = iter(long)
    return all(item in remaining for item in short)


def check_possible_decisions(target: Target, known: PartialAvailability) -> None:
    possible = possible_decisions(target, known)
    assert possible.known == known
    unknown = {FIELD_OF[c] for c in REACHABLE if getattr(known, FIELD_OF[c]) is None}
    cases_of: dict[Availability, list[Case]] = {a: [] for a in agreeing(known)}
    for case in possible.cases:
        assert set(case.assuming) <= unknown
        members = agreeing(known, **case.assuming)
        assert members, case  # no case is empty
        assert case.decision.availability in members
        for a in members:
            d = engine(target, a)
            # The same choice, on the same rule or list; the case's chain is what is certain.
            assert (d.rule, d.route, d.channel, d.outcome) == (
                case.decision.rule,
                case.decision.route,
                case.decision.channel,
                case.decision.outcome,
            )
            assert _is_subsequence(case.decision.chain, d.chain)
            cases_of[a].append(case)
        # Minimal: without any one of its assumptions, the case is no longer exact.
        for name in case.assuming:
            fewer = {k: v for k, v in case.assuming.items() if k != name}
            assert {engine(target, a).channel for a in agreeing(known, **fewer)} != {
                case.decision.channel
            }
        # Natural: every assumption but the last is "unavailable"; the last chooses, if any.
        values = list(case.assuming.values())
        assert not any(values[:-1])
    assert all(len(cases) == 1 for cases in cases_of.values())  # cover, without overlap
    assert possible.settled is (len(possible.cases) == 1)
    channels = {engine(target, a).channel for a in agreeing(known)}
    assert possible.settled is (len(channels) == 1)
    assert [case.decision.channel for case in possible.cases] == [
        c for c in (*engine(target, Availability()).route, NONE) if c in channels
    ]
    if possible.settled:
        assert dict(possible.cases[0].assuming) == {}


def brute_diagnosis(
    target: Target, got: NotificationChannel, known: PartialAvailability
) -> tuple[object, ...]:
    explaining = [a for a in agreeing(known) if engine(target, a).channel is got]
    if not explaining:
        return (False, (), (), (), ())
    never = tuple(c for c in REACHABLE if not any(a.has(c) for a in explaining))
    always = tuple(c for c in REACHABLE if all(a.has(c) for a in explaining))
    rest = tuple(c for c in REACHABLE if c not in never and c not in always)
    already = tuple(c for c in never if getattr(known, FIELD_OF[c]) is False)
    return (True, never, always, rest, already)


def as_tuple(diagnosis: Diagnosis) -> tuple[object, ...]:
    return (
        diagnosis.consistent,
        diagnosis.must_be_unavailable,
        diagnosis.must_be_available,
        diagnosis.irrelevant,
        diagnosis.already_known,
    )


# --- exhaustive agreement ---------------------------------------------------------------------


@pytest.mark.parametrize("target", TARGETS, ids=target_id)
def test_possible_decisions_agree_with_every_completion(target: Target) -> None:
    for known in PARTIALS:
        check_possible_decisions(target, known)


@pytest.mark.parametrize("target", TARGETS, ids=target_id)
def test_diagnose_agrees_with_every_completion(target: Target) -> None:
    for known in PARTIALS:
        for got in (NONE, *REACHABLE):
            diagnosis = diagnose(target, got=got, known=known)
            assert diagnosis.got is got
            assert as_tuple(diagnosis) == brute_diagnosis(target, got, known)
            assert diagnosis.inferred == tuple(
                c for c in diagnosis.must_be_unavailable if c not in diagnosis.already_known
            )


def test_the_oracle_counts_completions_by_hand() -> None:
    assert len(PARTIALS) == 81
    assert len(every_priority_list()) == 4 + 12 + 24 + 24
    assert len(agreeing(PartialAvailability())) == 16
    assert agreeing(PartialAvailability(helsenorge=True, digital_mailbox=False, paper=True)) == [
        Availability(helsenorge=True, paper=True),
        Availability(helsenorge=True, krr_contact=True, paper=True),
    ]
    assert set(agreeing(PartialAvailability(), paper=False, helsenorge=True)) == {
        Availability(helsenorge=True),
        Availability(helsenorge=True, digital_mailbox=True),
        Availability(helsenorge=True, krr_contact=True),
        Availability(helsenorge=True, digital_mailbox=True, krr_contact=True),
    }


# --- the guide's cases, by hand ---------------------------------------------------------------


def test_basic_or_paper_with_helsenorge_unknown_and_paper_known() -> None:
    # BasicOrPaper tries Helsenorge, the digital mailbox, then paper. The mailbox is known
    # unavailable and paper available, so only Helsenorge decides; KRR is not on the route.
    known = PartialAvailability(
        helsenorge=None, digital_mailbox=False, krr_contact=None, paper=True
    )
    possible = possible_decisions("BasicOrPaper", known)
    assert not possible.settled
    first, second = possible.cases
    assert dict(first.assuming) == {"helsenorge": True}
    assert first.decision.channel is H
    assert first.decision.fallbacks == (P,)
    assert first.decision.availability == Availability(helsenorge=True, paper=True)
    assert dict(second.assuming) == {"helsenorge": False}
    assert second.decision.channel is P
    assert second.decision.outcome is Outcome.NOTIFIED
    assert second.decision.fallbacks == ()


def test_allow_unsecure_with_nothing_known_reads_as_the_route() -> None:
    # "If Helsenorge is available: Helsenorge; otherwise if the digital mailbox is: the
    # mailbox; otherwise if e-mail/SMS is: e-mail/SMS; otherwise nobody is reached."
    cases = possible_decisions(R.ALLOW_UNSECURE, PartialAvailability()).cases
    assert [dict(case.assuming) for case in cases] == [
        {"helsenorge": True},
        {"helsenorge": False, "digital_mailbox": True},
        {"helsenorge": False, "digital_mailbox": False, "krr_contact": True},
        {"helsenorge": False, "digital_mailbox": False, "krr_contact": False},
    ]
    assert [case.decision.channel for case in cases] == [H, D, U, NONE]
    assert [case.decision.outcome for case in cases] == [
        Outcome.NOTIFIED,
        Outcome.NOTIFIED,
        Outcome.NOTIFIED,
        Outcome.UNREACHABLE,
    ]
    # Unknown channels beyond the choice are taken as unavailable: the chain is what is certain.
    assert [case.decision.chain for case in cases] == [(H,), (D,), (U,), ()]


def test_a_known_channel_early_on_the_route_settles_it() -> None:
    known = PartialAvailability(helsenorge=True)
    possible = possible_decisions("AllowUnsecureOrPaper", known)
    assert possible.settled
    (case,) = possible.cases
    assert dict(case.assuming) == {}
    assert case.decision.channel is H
    assert case.decision.availability == Availability(helsenorge=True)


def test_a_known_unavailable_channel_is_passed_without_assuming_it() -> None:
    known = PartialAvailability(helsenorge=False, digital_mailbox=None, paper=True)
    cases = possible_decisions(3, known).cases
    assert [(dict(c.assuming), c.decision.channel) for c in cases] == [
        ({"digital_mailbox": True}, D),
        ({"digital_mailbox": False}, P),
    ]


def test_no_distribution_is_settled_whatever_is_unknown() -> None:
    possible = possible_decisions("NoDistribution", PartialAvailability())
    assert possible.settled
    (case,) = possible.cases
    assert dict(case.assuming) == {}
    assert case.decision.outcome is Outcome.NOT_DISTRIBUTED
    assert case.decision.channel is NONE


def test_an_only_rule_depends_on_its_one_channel() -> None:
    settled = possible_decisions(
        "PaperOnly", PartialAvailability(helsenorge=None, digital_mailbox=None, paper=True)
    )
    assert settled.settled
    assert settled.cases[0].decision.channel is P
    split = possible_decisions(R.HELSENORGE_ONLY, PartialAvailability(paper=True))
    assert [(dict(c.assuming), c.decision.channel) for c in split.cases] == [
        ({"helsenorge": True}, H),
        ({"helsenorge": False}, NONE),
    ]
    assert split.cases[1].decision.outcome is Outcome.UNREACHABLE


def test_a_priority_list_is_walked_in_its_own_order() -> None:
    known = PartialAvailability(helsenorge=None, digital_mailbox=None, paper=None)
    cases = possible_decisions(["paper", "Helsenorge"], known).cases
    assert [(dict(c.assuming), c.decision.channel) for c in cases] == [
        ({"paper": True}, P),
        ({"paper": False, "helsenorge": True}, H),
        ({"paper": False, "helsenorge": False}, NONE),
    ]
    assert all(c.decision.rule is None for c in cases)
    assert cases[0].decision.route == (P, H)


def test_a_full_availability_is_taken_as_all_known() -> None:
    a = Availability(digital_mailbox=True, paper=True)
    possible = possible_decisions("BasicOrPaper", a)
    assert possible.known == PartialAvailability(
        helsenorge=False, digital_mailbox=True, krr_contact=False, paper=True
    )
    assert possible.cases[0].decision == decide("BasicOrPaper", a)


def test_diagnose_why_paper_was_sent() -> None:
    # BasicOrPaper sent paper: Helsenorge and the mailbox must both have been unavailable (the
    # mailbox was known to be), paper available; KRR is not on the route.
    known = PartialAvailability(digital_mailbox=False)
    diagnosis = diagnose("BasicOrPaper", got="PhysicalMailbox", known=known)
    assert diagnosis.got is P
    assert diagnosis.consistent
    assert diagnosis.must_be_unavailable == (H, D)
    assert diagnosis.already_known == (D,)
    assert diagnosis.inferred == (H,)
    assert diagnosis.must_be_available == (P,)
    assert diagnosis.irrelevant == (U,)


def test_diagnose_a_channel_the_rule_does_not_permit() -> None:
    diagnosis = diagnose(R.BASIC, got=P, known=PartialAvailability())
    assert not diagnosis.consistent
    assert diagnosis.must_be_unavailable == ()
    assert diagnosis.must_be_available == ()
    assert diagnosis.irrelevant == ()
    assert diagnosis.already_known == ()


def test_diagnose_a_channel_known_to_be_unavailable() -> None:
    diagnosis = diagnose(
        "HelsenorgeOnly", got="Helsenorge", known=PartialAvailability(helsenorge=False)
    )
    assert not diagnosis.consistent


def test_diagnose_nothing_sent() -> None:
    basic = diagnose("Basic", got=None, known=PartialAvailability(paper=True))
    assert basic.got is NONE
    assert basic.consistent
    assert basic.must_be_unavailable == (H, D)
    assert basic.already_known == ()
    assert basic.must_be_available == (P,)
    assert basic.irrelevant == (U,)
    nothing = diagnose("NoDistribution", got=NONE, known=PartialAvailability(helsenorge=False))
    assert nothing.consistent
    assert nothing.must_be_unavailable == nothing.already_known == (H,)
    assert nothing.irrelevant == (D, U, P)
    assert diagnose("PaperOnly", got=0, known=PartialAvailability(paper=True)).consistent is False


def test_diagnose_takes_a_priority_list() -> None:
    diagnosis = diagnose(["Unsecure", "paper"], got="papir", known=PartialAvailability())
    assert diagnosis.must_be_unavailable == (U,)
    assert diagnosis.must_be_available == (P,)
    assert diagnosis.irrelevant == (H, D)


# --- PartialAvailability ----------------------------------------------------------------------


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("value", [1, 0, "yes", "", 1.0, "null"])
def test_flags_take_only_bools_and_none(field: str, value: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        PartialAvailability(**{field: value})  # type: ignore[arg-type]
    assert caught.value.value == value
    assert f"PartialAvailability.{field}" in str(caught.value)
    assert "must be true/false or null" in str(caught.value)


def test_fields_are_keyword_only_and_default_to_not_known() -> None:
    with pytest.raises(TypeError):
        PartialAvailability(True)  # type: ignore[call-arg]
    assert PartialAvailability() == PartialAvailability(
        helsenorge=None, digital_mailbox=None, krr_contact=None, paper=None
    )


def test_is_frozen_hashable_and_readable() -> None:
    known = PartialAvailability(helsenorge=True, paper=None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        known.paper = False  # type: ignore[misc]
    assert {known, PartialAvailability(helsenorge=True)} == {known}
    assert repr(known) == (
        "PartialAvailability(helsenorge=True, digital_mailbox=None, krr_contact=None, paper=None)"
    )
    assert attrs.evolve(known, paper=False) == PartialAvailability(helsenorge=True, paper=False)


def test_status_unknown_and_settled() -> None:
    known = PartialAvailability(helsenorge=False, digital_mailbox=None, krr_contact=True)
    assert known.status("helsenorge") is ChannelStatus.UNAVAILABLE
    assert known.status(NotificationChannel.DIGITAL_MAILBOX) is ChannelStatus.UNKNOWN
    assert known.status("sms") is ChannelStatus.AVAILABLE
    assert known.status(4) is ChannelStatus.UNKNOWN
    assert known.unknown == (D, P)
    assert not known.is_settled
    assert PartialAvailability(paper=None, helsenorge=None).unknown == (H, D, U, P)
    full = PartialAvailability(
        helsenorge=False, digital_mailbox=False, krr_contact=False, paper=True
    )
    assert full.unknown == ()
    assert full.is_settled


def test_status_refuses_none_and_unknown_channels() -> None:
    with pytest.raises(InvalidValueError):
        PartialAvailability().status(NotificationChannel.NONE)
    with pytest.raises(UnknownCodeError):
        PartialAvailability().status("fax")


def test_completions_by_hand() -> None:
    known = PartialAvailability(
        helsenorge=True, digital_mailbox=None, krr_contact=False, paper=None
    )
    assert known.completions() == (
        Availability(helsenorge=True),
        Availability(helsenorge=True, digital_mailbox=True),
        Availability(helsenorge=True, paper=True),
        Availability(helsenorge=True, digital_mailbox=True, paper=True),
    )
    assert PartialAvailability().completions() == Availability.all()
    a = Availability(krr_contact=True)
    assert PartialAvailability.of(a).completions() == (a,)
    assert known.admits(Availability(helsenorge=True, paper=True))
    assert not known.admits(Availability(helsenorge=True, krr_contact=True))


def test_of_takes_only_an_availability() -> None:
    assert PartialAvailability.of(Availability(paper=True)) == PartialAvailability(
        helsenorge=False, digital_mailbox=False, krr_contact=False, paper=True
    )
    with pytest.raises(InvalidTypeError, match="availability must be an Availability"):
        PartialAvailability.of(PartialAvailability())  # type: ignore[arg-type]


def test_wire_format_uses_the_wire_keys_and_null() -> None:
    known = PartialAvailability(helsenorge=True, krr_contact=False)
    assert json.dumps(known.to_dict()) == (
        '{"helsenorge": true, "digital_mailbox": null, "krr_contact": false, "paper": null}'
    )
    assert (
        PartialAvailability.from_dict(
            json.loads(
                '{"paper": null, "krr_contact": false, "digital_mailbox": null, "helsenorge": true}'
            )
        )
        == known
    )


@pytest.mark.parametrize(
    ("payload", "error", "words"),
    [
        (
            [],
            InvalidTypeError,
            "partial availability must be a mapping of decoded JSON (dict), not list []",
        ),
        (
            {**dict.fromkeys(FIELDS), "email": True},
            InvalidValueError,
            "partial availability has unexpected keys ['email']",
        ),
        (
            dict.fromkeys(FIELDS[:3]),
            InvalidValueError,
            "partial availability.paper is missing",
        ),
        (
            {**dict.fromkeys(FIELDS), "paper": 1},
            InvalidValueError,
            "partial availability.paper must be true, false or null, not integer 1",
        ),
    ],
)
def test_from_dict_refuses_malformed_payloads(
    payload: object, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as caught:
        PartialAvailability.from_dict(payload)  # type: ignore[arg-type]
    assert words in str(caught.value)


# --- results and arguments --------------------------------------------------------------------


def test_results_are_immutable_and_hashable() -> None:
    possible = possible_decisions("Basic", PartialAvailability())
    again = possible_decisions("Basic", PartialAvailability())
    assert possible == again
    assert hash(possible) == hash(again)
    assert isinstance(possible, PossibleDecisions)
    case = possible.cases[1]
    with pytest.raises(TypeError):
        case.assuming["helsenorge"] = True  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        case.assuming = {}  # type: ignore[misc]
    assert case != possible.cases[0]
    diagnosis = diagnose("Basic", got=H, known=PartialAvailability())
    assert hash(diagnosis) == hash(diagnose("Basic", got="hn", known=PartialAvailability()))


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("Basci", UnknownCodeError),
        (9, UnknownCodeError),
        (True, InvalidTypeError),
        (3.0, InvalidTypeError),
        (b"Basic", InvalidTypeError),
        ([], InvalidValueError),
        (["paper", "papir"], InvalidValueError),
        (["fax"], UnknownCodeError),
    ],
)
def test_bad_rules_and_lists_are_refused(target: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        possible_decisions(target, PartialAvailability())  # type: ignore[arg-type]
    with pytest.raises(error):
        diagnose(target, got=None, known=PartialAvailability())  # type: ignore[arg-type]


@pytest.mark.parametrize("known", [None, {}, "paper", Availability])
def test_known_must_be_a_partial_or_full_availability(known: object) -> None:
    with pytest.raises(InvalidTypeError, match="known must be PartialAvailability or Avail"):
        possible_decisions("Basic", known)  # type: ignore[arg-type]


def test_got_must_be_a_channel() -> None:
    with pytest.raises(UnknownCodeError, match="'fax' is not a known channel"):
        diagnose("Basic", got="fax", known=PartialAvailability())


@given(hostile, hostile | st.fixed_dictionaries(dict.fromkeys(FIELDS, hostile)), hostile)
def test_hostile_input_gives_an_answer_or_the_librarys_error(
    target: object, known: object, got: object
) -> None:
    """Every entry point answers or raises DistributionError, whatever it is given."""
    calls = (
        lambda: possible_decisions(target, known),  # type: ignore[arg-type]
        lambda: possible_decisions(target, PartialAvailability()),  # type: ignore[arg-type]
        lambda: diagnose(target, got=got, known=PartialAvailability()),  # type: ignore[arg-type]
        lambda: diagnose("Basic", got=got, known=known),  # type: ignore[arg-type]
        lambda: PartialAvailability.from_dict(known),  # type: ignore[arg-type]
        lambda: PartialAvailability().status(got),  # type: ignore[arg-type]
        lambda: PartialAvailability().admits(got),  # type: ignore[arg-type]
        lambda: PartialAvailability.of(got),  # type: ignore[arg-type]
        lambda: PartialAvailability(paper=got),  # type: ignore[arg-type]
    )
    for call in calls:
        with contextlib.suppress(DistributionError):
            call()


def test_the_modules_examples_run() -> None:
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(partial_module, optionflags=flags, report=False)
    assert result.failed == 0
    assert result.attempted >= 10


# --- laws -------------------------------------------------------------------------------------


@given(rules_or_priority_lists, availabilities)
def test_a_known_availability_has_exactly_the_engines_decision(
    target: Target, a: Availability
) -> None:
    """With nothing unknown there is one case, assuming nothing: the engine's own decision."""
    possible = possible_decisions(target, PartialAvailability.of(a))
    assert possible.settled
    (case,) = possible.cases
    assert dict(case.assuming) == {}
    assert case.decision == engine(target, a)


@given(rules_or_priority_lists, partial_availabilities, reachable_channels, st.booleans())
def test_learning_a_channel_never_adds_a_possible_channel(
    target: Target, known: PartialAvailability, channel: NotificationChannel, value: bool
) -> None:
    """Knowing more narrows what may happen: the possible channels only shrink."""
    before = attrs.evolve(known, **{FIELD_OF[channel]: None})
    after = attrs.evolve(known, **{FIELD_OF[channel]: value})
    may_before = {c.decision.channel for c in possible_decisions(target, before).cases}
    may_after = {c.decision.channel for c in possible_decisions(target, after).cases}
    assert may_after <= may_before


@given(rules_or_priority_lists, availabilities, partial_availabilities)
def test_what_eprom_did_is_explained_by_what_was_true(
    target: Target, a: Availability, mask: PartialAvailability
) -> None:
    """Forgetting part of the truth, the channel the truth gives is still explained, by it.

    Whatever was (partly) known of the real availability, the channel the engine chose for it
    is consistent, and the real availability meets every "must be" the diagnosis draws.
    """
    known = PartialAvailability(
        **{name: None if getattr(mask, name) is None else getattr(a, name) for name in FIELDS}
    )
    got = engine(target, a).channel
    diagnosis = diagnose(target, got=got, known=known)
    assert diagnosis.consistent
    assert not any(a.has(c) for c in diagnosis.must_be_unavailable)
    assert all(a.has(c) for c in diagnosis.must_be_available)
    assert set(diagnosis.already_known) <= set(diagnosis.must_be_unavailable)
    assert sorted(
        (*diagnosis.must_be_unavailable, *diagnosis.must_be_available, *diagnosis.irrelevant),
        key=lambda c: c.value,
    ) == list(REACHABLE)


@given(rules_or_priority_lists, partial_availabilities, st.sampled_from((NONE, *REACHABLE)))
def test_a_channel_is_consistent_exactly_when_it_is_possible(
    target: Target, known: PartialAvailability, got: NotificationChannel
) -> None:
    """diagnose and possible_decisions agree on which channels ePROM may use."""
    possible = {c.decision.channel for c in possible_decisions(target, known).cases}
    assert diagnose(target, got=got, known=known).consistent is (got in possible)


@given(partial_availabilities)
def test_completions_are_exactly_the_admitted_availabilities(known: PartialAvailability) -> None:
    """Each unknown channel doubles the completions; they are the availabilities it admits."""
    completions = known.completions()
    assert len(completions) == 2 ** len(known.unknown)
    assert completions == tuple(a for a in Availability.all() if known.admits(a))
    assert known.is_settled is (len(completions) == 1)


@given(partial_availabilities)
def test_the_wire_format_round_trips(known: PartialAvailability) -> None:
    """from_dict(to_dict(p)) == p, through JSON text too."""
    assert PartialAvailability.from_dict(known.to_dict()) == known
    assert PartialAvailability.from_dict(json.loads(json.dumps(known.to_dict()))) == known
