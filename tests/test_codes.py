"""The guide's codes (``docs/sources.md`` §1) and the one ``parse`` path every enum shares."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from distribution import (
    DistributionError,
    DistributionRule,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    InvalidTypeError,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
    SentStatus,
    UnknownCodeError,
)
from distribution.codes import CODE_ENUMS, Code
from tests.strategies import OPAQUE, hostile

# Written out from the guide (its 2020 and later versions, docs/sources.md §1).
GUIDE: dict[type[Code], list[tuple[int, str, str]]] = {
    DistributionRule: [
        (0, "Basic", "BASIC"),
        (1, "AllowUnsecure", "ALLOW_UNSECURE"),
        (2, "NoDistribution", "NO_DISTRIBUTION"),
        (3, "BasicOrPaper", "BASIC_OR_PAPER"),
        (4, "AllowUnsecureOrPaper", "ALLOW_UNSECURE_OR_PAPER"),
        (5, "PaperOnly", "PAPER_ONLY"),
        (6, "HelsenorgeOnly", "HELSENORGE_ONLY"),
        (7, "DigitalMailboxOnly", "DIGITAL_MAILBOX_ONLY"),
        (8, "UnsecureOnly", "UNSECURE_ONLY"),
    ],
    NotificationChannel: [
        (0, "None", "NONE"),
        (1, "Helsenorge", "HELSENORGE"),
        (2, "DigitalMailbox", "DIGITAL_MAILBOX"),
        (3, "Unsecure", "UNSECURE"),
        (4, "PhysicalMailbox", "PHYSICAL_MAILBOX"),
    ],
    FormOrderStatus: [
        (0, "Completed", "COMPLETED"),
        (1, "Expired", "EXPIRED"),
        (2, "Ordered", "ORDERED"),
        (3, "Error", "ERROR"),
        (4, "PhysicalMailReturned", "PHYSICAL_MAIL_RETURNED"),
        (5, "DigipostDelivered", "DIGIPOST_DELIVERED"),
    ],
    FormOrderStatusErrorCode: [
        (0, "None", "NONE"),
        (1, "PatientUnreachable", "PATIENT_UNREACHABLE"),
        (2, "SikkerDigitalPostError", "SIKKER_DIGITAL_POST_ERROR"),
    ],
    SentStatus: [(0, "Sent", "SENT"), (1, "Error", "ERROR")],
    FormOrderEventLogType: [
        (0, "FormOpened", "FORM_OPENED"),
        (1, "QuestionAccessed", "QUESTION_ACCESSED"),
        (2, "SigningStarted", "SIGNING_STARTED"),
        (3, "SigningCancelled", "SIGNING_CANCELLED"),
        (4, "SigningError", "SIGNING_ERROR"),
    ],
    # Written out from MRS's page on its PROMS orders (docs/sources.md §9): OrderStatus as the
    # published site lists it, ErrorCode as MRS writes it (its double space made single).
    MrsOrderStatus: [
        (0, "Bestilt", "ORDERED"),
        (1, "Besvart", "COMPLETED"),
        (2, "Utgått", "EXPIRED"),
        (3, "Feilet", "FAILED"),
        (4, "Ikke bestilt", "NOT_ORDERED"),
        (5, "Mottaker ikke nådd", "RECIPIENT_UNREACHABLE"),
        (6, "Prosesserer bestilling", "PROCESSING"),
    ],
    MrsErrorCode: [
        (0, "ingen feil", "NONE"),
        (1, "ukjent feil", "UNKNOWN"),
        (2, "tidligere bestilt", "ORDERED_BEFORE"),
        (
            3,
            "Person er ikke digitalt aktiv eller har ikke sikker digital postkasse",
            "NOT_DIGITALLY_ACTIVE",
        ),
        (4, "Ekstern feil", "EXTERNAL"),
        (5, "Intern feil", "INTERNAL"),
        (6, "pasient er død", "PATIENT_DECEASED"),
        (7, "Feil fra PROMS server", "PROMS_SERVER"),
    ],
}
ALL_MEMBERS = [member for cls in CODE_ENUMS for member in cls]


def test_every_enum_of_the_guide_is_pinned() -> None:
    assert set(GUIDE) == set(CODE_ENUMS)


@pytest.mark.parametrize("cls", list(GUIDE), ids=lambda cls: cls.__name__)
def test_enum_has_exactly_the_guides_codes_names_and_member_names(cls: type[Code]) -> None:
    assert [(m.value, m.api_name, m.name) for m in cls] == GUIDE[cls]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", DistributionRule.BASIC_OR_PAPER),
        ("03", DistributionRule.BASIC_OR_PAPER),
        ("basicorpaper", DistributionRule.BASIC_OR_PAPER),
        (" BASIC_OR_PAPER ", DistributionRule.BASIC_OR_PAPER),
        ("BasicOrPaper", DistributionRule.BASIC_OR_PAPER),
        ("basic_or_paper\n", DistributionRule.BASIC_OR_PAPER),
        (8, DistributionRule.UNSECURE_ONLY),
        (DistributionRule.PAPER_ONLY, DistributionRule.PAPER_ONLY),
    ],
)
def test_parse_accepts_codes_digit_strings_and_names_in_any_case(
    text: object, expected: DistributionRule
) -> None:
    assert DistributionRule.parse(text) is expected


def test_parse_reads_none_as_the_channel_named_none() -> None:
    assert NotificationChannel.parse("none") is NotificationChannel.NONE
    assert FormOrderStatusErrorCode.parse("None") is FormOrderStatusErrorCode.NONE


@pytest.mark.parametrize(
    "value", [True, False, 1.0, None, b"1", [1], NotificationChannel.HELSENORGE, OPAQUE]
)
def test_parse_refuses_other_types_with_a_type_error(value: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        DistributionRule.parse(value)
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, DistributionError)
    assert caught.value.value is value
    assert repr(value) in str(caught.value)
    assert "3=BasicOrPaper" in str(caught.value)


@pytest.mark.parametrize(
    "value",
    [
        9,
        -1,
        10**100,
        "Nope",
        "",
        "   ",
        "1.0",
        "0x1",
        "9",
        "-1",
        "+1",
        "１",
        "Basіc",
        "BAſIC",
        "9" * 5000,
    ],
)
def test_parse_refuses_unknown_codes_and_names_with_a_value_error(value: object) -> None:
    with pytest.raises(UnknownCodeError) as caught:
        DistributionRule.parse(value)
    assert isinstance(caught.value, ValueError)
    # Eight digits or more could be a phone or national ID number: masked, never carried.
    assert caught.value.value == ("<hidden>" if value in (10**100, "9" * 5000) else value)
    assert "DistributionRule" in str(caught.value)
    assert "0=Basic" in str(caught.value)
    assert "8=UnsecureOnly" in str(caught.value)


def test_error_messages_are_kept_short_for_huge_inputs() -> None:
    with pytest.raises(UnknownCodeError) as caught:
        DistributionRule.parse("x" * 10_000)
    assert len(str(caught.value)) < 400


@given(st.sampled_from(ALL_MEMBERS))
def test_code_api_name_and_member_name_parse_to_the_same_member(member: object) -> None:
    """parse(code) is parse(api_name) is parse(member_name) is the member, for every enum."""
    cls = type(member)
    assert cls.parse(member.value) is member  # type: ignore[attr-defined]
    assert cls.parse(member.api_name) is member  # type: ignore[attr-defined]
    assert cls.parse(member.name) is member  # type: ignore[attr-defined]
    assert cls.parse(str(member.value)) is member  # type: ignore[attr-defined]


@given(st.sampled_from(CODE_ENUMS), hostile)
@example(DistributionRule, "３")
@example(DistributionRule, "Basіc")
@example(NotificationChannel, "K")
@example(SentStatus, float("nan"))
@example(SentStatus, True)
@example(FormOrderStatus, 10**400)
def test_parse_either_returns_a_member_or_raises_the_library_error(
    cls: type, value: object
) -> None:
    """Arbitrary input to every ``parse`` returns a member of that enum or a DistributionError."""
    try:
        result = cls.parse(value)  # type: ignore[attr-defined]
    except DistributionError as error:
        assert isinstance(error, TypeError | ValueError)  # some inputs succeed
        return
    assert type(result) is cls
    assert not isinstance(value, bool | float | bytes)


def test_default_rule_is_basic() -> None:
    assert DistributionRule.default() is DistributionRule.BASIC


def test_int_of_a_member_is_its_wire_code() -> None:
    assert [int(DistributionRule.BASIC_OR_PAPER), int(NotificationChannel.PHYSICAL_MAILBOX)] == [
        3,
        4,
    ]
    assert int(FormOrderStatus.COMPLETED) == 0


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=repr)
def test_every_member_is_truthy_even_code_zero(member: object) -> None:
    # `if decision.rule:` must not read Basic (code 0) as "no rule".
    assert bool(member) is True


def test_members_of_different_enums_are_never_equal() -> None:
    for a in ALL_MEMBERS:
        for b in ALL_MEMBERS:
            assert (a == b) is (a is b)
    basic: object = DistributionRule.BASIC
    completed: object = FormOrderStatus.COMPLETED
    assert basic != NotificationChannel.NONE
    assert completed != 0


def test_members_hash_as_themselves_so_they_key_one_dict_without_clashing() -> None:
    table = {member: member for member in ALL_MEMBERS}
    assert len(table) == len(ALL_MEMBERS) == 45
    assert all(table[member] is member for member in ALL_MEMBERS)


# --- MRS's codes (docs/sources.md §9) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("utgått", MrsOrderStatus.EXPIRED),
        ("UTGÅTT", MrsOrderStatus.EXPIRED),
        (" Mottaker ikke nådd ", MrsOrderStatus.RECIPIENT_UNREACHABLE),
        ("feilet", MrsOrderStatus.FAILED),
        ("5", MrsOrderStatus.RECIPIENT_UNREACHABLE),
        (6, MrsOrderStatus.PROCESSING),
        ("pasient er død", MrsErrorCode.PATIENT_DECEASED),
        ("PATIENT_DECEASED", MrsErrorCode.PATIENT_DECEASED),
    ],
)
def test_mrs_codes_parse_from_mrs_words_in_any_case(text: object, expected: object) -> None:
    assert type(expected).parse(text) is expected  # type: ignore[attr-defined]


def test_only_norwegian_letters_pass_beside_ascii() -> None:
    with pytest.raises(UnknownCodeError):
        MrsOrderStatus.parse("Utgа̊tt")  # a Cyrillic "а" and a combining ring
    with pytest.raises(UnknownCodeError):
        DistributionRule.parse("Kasic")  # the Kelvin sign lower-cases to "k"


def test_mrs_marks_four_error_codes_as_should_not_happen() -> None:
    # "(bør ikke skje)" stands after codes 1, 4, 5 and 7 on MRS's page.
    assert [code.value for code in MrsErrorCode if code.should_not_happen] == [1, 4, 5, 7]


def test_mrs_codes_are_never_equal_to_eproms_with_the_same_number() -> None:
    ordered: object = MrsOrderStatus.ORDERED
    assert ordered != FormOrderStatus.COMPLETED
    assert ordered != 0
