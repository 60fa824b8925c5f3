"""The decision, pinned to the guide's prose and stated as laws over every input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    Availability,
    Decision,
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    NotificationChannel,
    Outcome,
    channels_many,
    decide,
    decide_each,
    decide_many,
    decide_priority_list,
    fallback_chain,
    route,
)
from tests.strategies import (
    REACHABLE,
    availabilities,
    priority_lists,
    reachable_channels,
    rule_spellings,
    rules,
)

R = DistributionRule
LETTER = {
    "H": NotificationChannel.HELSENORGE,
    "D": NotificationChannel.DIGITAL_MAILBOX,
    "U": NotificationChannel.UNSECURE,
    "P": NotificationChannel.PHYSICAL_MAILBOX,
}

# Written by hand from the guide's "Distribusjonsregler" (docs/sources.md §2), not from the code.
# Availability: H(elsenorge) D(igital mailbox) U (KRR e-mail/SMS) P(aper), "." = not available.
# Each cell is the expected fallback chain; its first letter is the chosen channel; "-" = none.
COLUMNS = [
    R.BASIC,
    R.ALLOW_UNSECURE,
    R.NO_DISTRIBUTION,
    R.BASIC_OR_PAPER,
    R.ALLOW_UNSECURE_OR_PAPER,
    R.PAPER_ONLY,
    R.HELSENORGE_ONLY,
    R.DIGITAL_MAILBOX_ONLY,
    R.UNSECURE_ONLY,
]
MATRIX = """
#avail  Basic AllowUns NoDist BasicOrP AllowUnsOrP PaperOnly HnOnly DmOnly UnsOnly
....    -     -        -      -        -           -         -      -      -
H...    H     H        -      H        H           -         H      -      -
.D..    D     D        -      D        D           -         -      D      -
HD..    HD    HD       -      HD       HD          -         H      D      -
..U.    -     U        -      -        U           -         -      -      U
H.U.    H     HU       -      H        HU          -         H      -      U
.DU.    D     DU       -      D        DU          -         -      D      U
HDU.    HD    HDU      -      HD       HDU         -         H      D      U
...P    -     -        -      P        P           P         -      -      -
H..P    H     H        -      HP       HP          P         H      -      -
.D.P    D     D        -      DP       DP          P         -      D      -
HD.P    HD    HD       -      HDP      HDP         P         H      D      -
..UP    -     U        -      P        UP          P         -      -      U
H.UP    H     HU       -      HP       HUP         P         H      -      U
.DUP    D     DU       -      DP       DUP         P         -      D      U
HDUP    HD    HDU      -      HDP      HDUP        P         H      D      U
"""


def _cases() -> list[tuple[R, Availability, tuple[NotificationChannel, ...]]]:
    cases = []
    for line in MATRIX.strip().splitlines()[1:]:
        flags, *cells = line.split()
        availability = Availability.of(*(LETTER[c] for c in flags if c != "."))
        for rule, cell in zip(COLUMNS, cells, strict=True):
            cases.append((rule, availability, tuple(LETTER[c] for c in cell if c != "-")))
    return cases


CASES = _cases()


def test_the_hand_written_matrix_covers_all_nine_rules_and_sixteen_availabilities() -> None:
    assert len(CASES) == 9 * 16
    assert {(rule, a) for rule, a, _ in CASES} == {(r, a) for r in R for a in Availability.all()}


@pytest.mark.parametrize(("rule", "availability", "chain"), CASES)
def test_decision_matches_the_guide(
    rule: R, availability: Availability, chain: tuple[NotificationChannel, ...]
) -> None:
    decision = decide(rule, availability)
    assert decision.rule is rule
    assert decision.availability == availability
    assert decision.chain == chain
    assert decision.channel is (chain[0] if chain else NotificationChannel.NONE)
    assert decision.fallbacks == chain[1:]
    if chain:
        assert decision.outcome is Outcome.NOTIFIED
    elif rule is R.NO_DISTRIBUTION:
        assert decision.outcome is Outcome.NOT_DISTRIBUTED
    else:
        assert decision.outcome is Outcome.UNREACHABLE
    assert fallback_chain(rule, availability) == chain


def test_routes_as_the_guide_describes_them() -> None:
    h, d, u, p = LETTER["H"], LETTER["D"], LETTER["U"], LETTER["P"]
    assert route(R.BASIC) == (h, d)
    assert route(R.ALLOW_UNSECURE) == (h, d, u)
    assert route(R.NO_DISTRIBUTION) == ()
    assert route(R.BASIC_OR_PAPER) == (h, d, p)
    assert route(R.ALLOW_UNSECURE_OR_PAPER) == (h, d, u, p)
    assert route(R.PAPER_ONLY) == (p,)
    assert route(R.HELSENORGE_ONLY) == (h,)
    assert route(R.DIGITAL_MAILBOX_ONLY) == (d,)
    assert route(R.UNSECURE_ONLY) == (u,)
    assert route("4") == route("allowunsecureorpaper") == route(4)


def test_decision_shows_its_route_and_a_readable_repr() -> None:
    decision = decide(R.BASIC, Availability(helsenorge=True))
    assert decision.route == (LETTER["H"], LETTER["D"])
    assert "BASIC" in repr(decision)
    assert "HELSENORGE" in repr(decision)


# --- laws -----------------------------------------------------------------------------------


def _is_subsequence(short: tuple[object, ...], long: tuple[object, ...]) -> bool:
    remaining = iter(long)
    return all(item in remaining for item in short)


@given(rules, availabilities)
def test_chain_is_the_routes_available_channels_in_route_order(rule: R, a: Availability) -> None:
    """The chain is a subsequence of the route and holds exactly its available channels."""
    d = decide(rule, a)
    assert _is_subsequence(d.chain, d.route)
    assert set(d.chain) == {channel for channel in d.route if a.has(channel)}


@given(rules, availabilities)
def test_channel_is_the_chains_head_or_none(rule: R, a: Availability) -> None:
    """The chosen channel is the chain's head; NONE exactly when the chain is empty."""
    d = decide(rule, a)
    assert d.channel is (d.chain[0] if d.chain else NotificationChannel.NONE)
    assert (d.chain[0], *d.fallbacks) == d.chain if d.chain else d.fallbacks == ()
    assert (d.outcome is Outcome.NOTIFIED) == bool(d.chain)


@given(availabilities)
def test_no_distribution_never_yields_a_channel(a: Availability) -> None:
    """NoDistribution sends nothing, whatever the patient has."""
    d = decide(R.NO_DISTRIBUTION, a)
    assert d.channel is NotificationChannel.NONE
    assert d.outcome is Outcome.NOT_DISTRIBUTED


@given(
    st.sampled_from(
        [
            (R.PAPER_ONLY, LETTER["P"]),
            (R.HELSENORGE_ONLY, LETTER["H"]),
            (R.DIGITAL_MAILBOX_ONLY, LETTER["D"]),
            (R.UNSECURE_ONLY, LETTER["U"]),
        ]
    ),
    availabilities,
)
def test_only_rules_yield_at_most_their_own_channel(
    only: tuple[R, NotificationChannel], a: Availability
) -> None:
    """Each *Only rule chooses its channel when available and nothing otherwise."""
    rule, channel = only
    d = decide(rule, a)
    assert d.chain == ((channel,) if a.has(channel) else ())


@given(
    st.sampled_from([(R.BASIC_OR_PAPER, R.BASIC), (R.ALLOW_UNSECURE_OR_PAPER, R.ALLOW_UNSECURE)]),
    availabilities,
)
def test_or_paper_is_its_base_rule_with_paper_last(pair: tuple[R, R], a: Availability) -> None:
    """*OrPaper's chain is its base rule's chain, plus paper at the end when paper is available."""
    or_paper, base = pair
    paper = (LETTER["P"],) if a.paper else ()
    assert decide(or_paper, a).chain == decide(base, a).chain + paper


@given(availabilities)
def test_allow_unsecure_extends_basic(a: Availability) -> None:
    """AllowUnsecure tries everything Basic does, in the same order, before e-mail/SMS."""
    basic, unsecure = decide(R.BASIC, a).chain, decide(R.ALLOW_UNSECURE, a).chain
    assert unsecure[: len(basic)] == basic
    assert unsecure[len(basic) :] == ((LETTER["U"],) if a.krr_contact else ())


@given(rules, availabilities, reachable_channels)
def test_more_availability_never_removes_a_channel_from_the_chain(
    rule: R, a: Availability, channel: NotificationChannel
) -> None:
    """Monotonicity: making a channel available keeps every channel the chain had."""
    assert set(decide(rule, a).chain) <= set(decide(rule, a.with_(channel)).chain)


@given(rules, availabilities)
def test_losing_the_chosen_channel_falls_back_to_the_next(rule: R, a: Availability) -> None:
    """Fallback consistency: decide(r, a.without(d.channel)).chain == d.chain[1:]."""
    d = decide(rule, a)
    assert decide(rule, a.without(d.channel)).chain == d.chain[1:]


@given(rule_spellings, availabilities)
def test_every_spelling_of_a_rule_gives_the_same_decision(rule: object, a: Availability) -> None:
    """Every entry point takes the rule in any form DistributionRule.parse accepts."""
    d = decide(rule, a)  # type: ignore[arg-type]
    assert d is decide(DistributionRule.parse(rule), a)
    assert fallback_chain(rule, a) == d.chain  # type: ignore[arg-type]
    assert decide_many(rule, [a]) == [d]  # type: ignore[arg-type]


@given(rules, availabilities)
def test_decisions_are_shared_and_equal_by_value(rule: R, a: Availability) -> None:
    """Deciding twice gives the same shared object, equal and hash-equal to a fresh one."""
    fresh = Decision(rule, route(rule), a)
    assert decide(rule, a) is decide(rule, Availability.of(*a.channels))
    assert decide(rule, a) == fresh
    assert hash(decide(rule, a)) == hash(fresh)


# --- priority lists (messages to a citizen) --------------------------------------------------


@given(priority_lists, availabilities)
def test_priority_list_is_evaluated_like_a_route(
    channels: tuple[NotificationChannel, ...], a: Availability
) -> None:
    """A priority list's decision keeps the list's available channels, in the list's order."""
    d = decide_priority_list(channels, a)
    assert d.rule is None
    assert d.route == channels
    assert d.chain == tuple(channel for channel in channels if a.has(channel))
    assert d.outcome is (Outcome.NOTIFIED if d.chain else Outcome.UNREACHABLE)


def test_priority_list_by_hand() -> None:
    a = Availability(krr_contact=True, paper=True)
    d = decide_priority_list(["paper", "Unsecure", 1], a)
    assert d.chain == (LETTER["P"], LETTER["U"])
    assert d.channel is LETTER["P"]
    unreachable = decide_priority_list([LETTER["H"]], a)
    assert unreachable.channel is NotificationChannel.NONE
    assert unreachable.outcome is Outcome.UNREACHABLE


@pytest.mark.parametrize(
    ("channels", "error", "words"),
    [
        ([], InvalidValueError, "empty"),
        (["paper", "paper"], InvalidValueError, "more than once"),
        (["paper", 4], InvalidValueError, "more than once"),
        ([NotificationChannel.NONE], InvalidValueError, "no channel"),
        (["fax"], DistributionError, "'fax'"),
        ("paper", InvalidTypeError, "a list of channels"),
        (None, InvalidTypeError, "a list of channels"),
        ([True], InvalidTypeError, "True"),
    ],
)
def test_priority_list_refuses_bad_lists(channels: object, error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        decide_priority_list(channels, Availability())  # type: ignore[arg-type]


# --- bad input and the batch forms -----------------------------------------------------------


@pytest.mark.parametrize("availability", [None, {"paper": True}, 15, "paper"])
def test_decide_refuses_anything_but_an_availability(availability: object) -> None:
    with pytest.raises(InvalidTypeError, match="availability must be an Availability"):
        decide(R.BASIC, availability)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="availability must be an Availability"):
        decide_many(R.BASIC, [Availability(), availability])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match="availability must be an Availability"):
        channels_many(R.BASIC, [availability])  # type: ignore[list-item]


@pytest.mark.parametrize("rule", [True, 9, "Nope", None, 3.0])
def test_decide_refuses_bad_rules(rule: object) -> None:
    with pytest.raises(DistributionError, match="DistributionRule"):
        decide(rule, Availability())  # type: ignore[arg-type]


@given(st.lists(st.tuples(rules, availabilities), max_size=20))
def test_batch_forms_agree_with_decide(pairs: list[tuple[R, Availability]]) -> None:
    """decide_many, channels_many and decide_each give what decide gives one by one."""
    assert decide_each(pairs) == [decide(r, a) for r, a in pairs]
    for rule in {r for r, _ in pairs}:
        items = [a for _, a in pairs]
        assert decide_many(rule, items) == [decide(rule, a) for a in items]
        assert channels_many(rule, items) == [decide(rule, a).channel for a in items]


def test_batch_forms_take_no_item_one_item_and_many() -> None:
    paper_only, nothing = Availability(paper=True), Availability()
    letter, none = NotificationChannel.PHYSICAL_MAILBOX, NotificationChannel.NONE
    assert decide_many(R.BASIC_OR_PAPER, []) == []
    assert channels_many(R.BASIC_OR_PAPER, (paper_only,)) == [letter]
    assert channels_many(R.BASIC_OR_PAPER, [paper_only, nothing, paper_only]) == [
        letter,
        none,
        letter,
    ]


def test_batch_forms_over_thousands_of_items_read_every_one() -> None:
    """Items are read in chunks: every item counts, up to the last one alone in its chunk."""
    items = [Availability.from_index(i * 7 % 16) for i in range(2 * 2048 + 1)]
    for rule in R:
        assert decide_many(rule, items) == [decide(rule, a) for a in items]
    assert channels_many(R.BASIC_OR_PAPER, [*items[:-1], Availability(paper=True)])[-1] is (
        NotificationChannel.PHYSICAL_MAILBOX
    )
    for position in (3000, len(items) - 1):
        bad: list[object] = list(items)
        bad[position] = _Impostor()
        with pytest.raises(InvalidTypeError, match="availability must be an Availability"):
            decide_many(R.BASIC, bad)  # type: ignore[arg-type]


def test_decision_constructor_refuses_contradictions() -> None:
    a = Availability(paper=True)
    with pytest.raises(InvalidValueError, match="route"):
        Decision(R.BASIC, (LETTER["P"],), a)
    with pytest.raises(InvalidTypeError):
        Decision(3, route(R.BASIC_OR_PAPER), a)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Decision(R.BASIC, route(R.BASIC), None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        Decision(None, (), a)


def test_reachable_is_every_channel_but_none() -> None:
    assert set(REACHABLE) == set(NotificationChannel) - {NotificationChannel.NONE}


@pytest.mark.parametrize(
    "pairs",
    [
        [(R.BASIC, Availability()), (R.BASIC, None)],
        [(R.BASIC, Availability()), (1, 2, 3)],
        [(R.BASIC, Availability()), "xy"],
        [(R.BASIC, Availability()), None],
        [(True, Availability())],
        [{R.BASIC_OR_PAPER, Availability(paper=True)}],  # unpacks in an order that varies
        [{R.BASIC_OR_PAPER: "rule", Availability(paper=True): "availability"}],
        [(R.BASIC_OR_PAPER, Availability(paper=True), "extra")],
    ],
)
def test_decide_each_refuses_bad_pairs_with_the_library_error(pairs: list[object]) -> None:
    with pytest.raises(DistributionError):
        decide_each(pairs)  # type: ignore[arg-type]


class _Impostor:
    index = 3  # looks like an Availability to duck typing, is not one


@pytest.mark.parametrize("item", [_Impostor(), "paper", ("helsenorge",), 3, None, {"paper": True}])
def test_batch_forms_refuse_look_alikes(item: object) -> None:
    for batch in (decide_many, channels_many):
        with pytest.raises(InvalidTypeError, match="availability must be an Availability"):
            batch(R.BASIC, iter([Availability(), item]))  # type: ignore[arg-type]
