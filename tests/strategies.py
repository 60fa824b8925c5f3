"""Hypothesis strategies shared by the tests, built constructively (no filtering)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from distribution import (
    Availability,
    DistributionRule,
    EpromCode,
    HelsenorgeConsent,
    KrrRecord,
    KrrStatus,
    NotificationChannel,
    PartialAvailability,
    PatientFacts,
)
from distribution.availability import CHANNEL_FIELDS

REACHABLE = tuple(CHANNEL_FIELDS)
"""The four channels a patient can be reached on (every channel but NONE)."""

availabilities = st.builds(
    Availability,
    helsenorge=st.booleans(),
    digital_mailbox=st.booleans(),
    krr_contact=st.booleans(),
    paper=st.booleans(),
)
_flags = st.sampled_from([None, True, False])
partial_availabilities = st.builds(
    PartialAvailability,
    helsenorge=_flags,
    digital_mailbox=_flags,
    krr_contact=_flags,
    paper=_flags,
)
"""What is known of a patient's channels: each one available, unavailable or not known."""
rules = st.sampled_from(DistributionRule)
reachable_channels = st.sampled_from(REACHABLE)
channels = st.sampled_from(NotificationChannel)


def _spellings(member: DistributionRule | NotificationChannel) -> st.SearchStrategy[object]:
    return st.sampled_from(
        [
            member,
            member.value,
            str(member.value),
            f" {member.value}\t",
            member.api_name,
            member.api_name.lower(),
            member.api_name.upper(),
            member.name,
            member.name.lower(),
            f"  {member.name} ",
        ]
    )


rule_spellings = rules.flatmap(_spellings)
"""A rule in any form ``DistributionRule.parse`` takes."""

priority_lists = st.permutations(REACHABLE).flatmap(
    lambda order: st.integers(1, len(order)).map(lambda n: tuple(order[:n]))
)
"""A valid priority list: a non-empty ordering of distinct reachable channels."""

rules_or_priority_lists = st.one_of(rules, priority_lists)
"""What a decision is made for: a rule (a member) or a message's priority list."""


class Opaque:
    """A value of no type the library knows, whose repr is the same in every run.

    Not ``object()``: its repr holds a memory address, and an address with eight decimal digits
    in a row reads as personal data and gets masked, so a test's outcome would depend on where
    the object happened to be allocated.
    """

    def __repr__(self) -> str:
        return "<opaque>"


OPAQUE = Opaque()

hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(),
    st.text(alphabet="0123456789０１２３ -_.xXabcdefghijklmnopqrstuvwxyzіΒ"),
    st.binary(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.just(OPAQUE),
    st.sampled_from(list(NotificationChannel)),
    st.sampled_from(list(DistributionRule)),
)
"""Arbitrary values, most of them wrong, for totality tests."""

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
"""Any JSON value, mostly shallow: garbage where a callback body is expected."""

guids = st.uuids().map(str)
"""A GUID as ePROM writes it, in lower case."""


def code_spellings(member: EpromCode) -> st.SearchStrategy[object]:
    """A code as ePROM may send it: its name (as the guide's examples do) or its number."""
    return st.sampled_from(
        [member.api_name, member.value, str(member.value), member.api_name.lower()]
    )


# --- register facts -----------------------------------------------------------------------------

REFERENCE_TIME = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
"""The reference time of the generated facts."""

_stamps = st.one_of(
    st.none(),
    st.sampled_from(
        [
            datetime(2026, 6, 1, tzinfo=UTC),  # fresh
            datetime(2024, 1, 1, tzinfo=UTC),  # stale
            datetime(2025, 5, 24, 22, 0, tzinfo=UTC),  # the first minute of the window, in Oslo
            datetime(2025, 5, 24, 21, 59, tzinfo=UTC),  # the last minute before it
        ]
    ),
)
krr_records = st.builds(
    KrrRecord,
    status=st.sampled_from(KrrStatus),
    reserved=st.sampled_from([None, True, False]),
    can_notify=st.sampled_from([None, True, False]),
    email=st.sampled_from([None, "a@example.no"]),
    email_updated=_stamps,
    email_verified=_stamps,
    mobile=st.sampled_from([None, "+4790000000"]),
    mobile_updated=_stamps,
    mobile_verified=_stamps,
    mailbox_address=st.sampled_from([None, "a#1"]),
    unrecognised=st.sampled_from([(), ("digitalpost",)]),
)
"""KRR records with every combination of the facts the rules read."""

patient_facts = st.builds(
    PatientFacts,
    reference_time=st.just(REFERENCE_TIME),
    age=st.one_of(st.none(), st.integers(0, 120)),
    level4_eid=st.sampled_from([None, True, False]),
    helsenorge_consent=st.one_of(st.none(), st.sampled_from(HelsenorgeConsent)),
    helsenorge_representable=st.sampled_from([None, True, False]),
    research_reserved=st.sampled_from([None, True, False]),
    krr=st.one_of(st.none(), krr_records),
    postal_address=st.sampled_from([None, True, False]),
    physical_address=st.booleans(),
)
"""Patient facts, each fact known (either way) or not known."""
