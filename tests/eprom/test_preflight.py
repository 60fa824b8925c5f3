"""Order pre-flight: ePROM's refusals (docs/sources.md §3) and national ID checks."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from distribution import (
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    NationalIdKind,
    Problem,
    ProblemCode,
    national_id_kind,
    national_id_problem,
    parse_bad_request,
    preflight,
)
from distribution.patient.national_id import classify_national_id
from tests.strategies import rules

R = DistributionRule
PAPER_RULES = {R.BASIC_OR_PAPER, R.ALLOW_UNSECURE_OR_PAPER, R.PAPER_ONLY}  # from the guide's prose


def with_check_digits(first_nine: str) -> str:
    """Append the two mod-11 check digits (Skatteetaten's published weights), written here
    independently of the library so the tests do not trust the code they test."""
    k1 = (
        11
        - sum(w * int(d) for w, d in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), first_nine, strict=True)) % 11
    )
    k1 = 0 if k1 == 11 else k1
    ten = first_nine + str(k1)
    k2 = 11 - sum(w * int(d) for w, d in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), ten, strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    assert k1 != 10, "pick other digits: this base has no valid number"
    assert k2 != 10, "pick other digits: this base has no valid number"
    return ten + str(k2)


FNR = "15108695088"  # python-stdnum's documented example, 15 Oct 1986
D_NUMBER = with_check_digits("551086950")  # day 15 + 40
H_NUMBER = with_check_digits("155086950")  # month 10 + 40
FH_NUMBER = with_check_digits("851086950")


def codes(**kwargs: object) -> list[str]:
    rule = kwargs.pop("rule", R.BASIC)
    return [p.code.value for p in preflight(rule, **kwargs)]  # type: ignore[arg-type]


def test_a_fine_order_has_no_problems() -> None:
    assert preflight("Basic") == ()
    assert preflight("BasicOrPaper", national_id=FNR) == ()
    assert preflight("NoDistribution", national_id=D_NUMBER) == ()


def test_signing_needs_a_notice_channel_and_no_representative() -> None:
    assert codes(rule=R.NO_DISTRIBUTION, must_be_signed=True) == ["signing_without_distribution"]
    assert codes(rule=R.BASIC, must_be_signed=True, on_behalf_of=True) == ["signing_on_behalf"]
    assert codes(rule=R.BASIC, on_behalf_of=True) == []
    assert codes(rule=R.NO_DISTRIBUTION, on_behalf_of=True) == []


@given(rules)
def test_paper_rules_need_a_paper_enabled_form(rule: DistributionRule) -> None:
    """Exactly the rules that may send paper are refused for a form that is not paper enabled."""
    assert (codes(rule=rule, paper_enabled=False) == ["paper_not_enabled"]) == (rule in PAPER_RULES)
    assert codes(rule=rule, paper_enabled=True) == []


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        (FNR, None),
        ("151086 95088", None),
        (D_NUMBER, None),
        (H_NUMBER, ProblemCode.NATIONAL_ID_H_NUMBER),
        (FH_NUMBER, ProblemCode.NATIONAL_ID_FH_NUMBER),
        ("15108695077", ProblemCode.NATIONAL_ID_CHECKSUM),
        ("15108695089", ProblemCode.NATIONAL_ID_CHECKSUM),
        ("1510869508", ProblemCode.NATIONAL_ID_FORMAT),
        ("151086950881", ProblemCode.NATIONAL_ID_FORMAT),
        ("1510869508x", ProblemCode.NATIONAL_ID_FORMAT),
        ("１５１０８６９５０８８", ProblemCode.NATIONAL_ID_FORMAT),
        ("", ProblemCode.NATIONAL_ID_FORMAT),
        (with_check_digits("310286950"), ProblemCode.NATIONAL_ID_DATE),  # 31 February
    ],
)
def test_national_ids(number: str, problem: ProblemCode | None) -> None:
    assert national_id_problem(number) is problem


# The test persons ePROM's own pages and Digdir's documentation publish, by hand.
HEMIT_TEST_PERSON = "01039494104"  # IntegrasjonVerifikasjon.md: 1 March 1994
NHN_TEST_PERSON = "26670271527"  # month 67 = February + 65 (Norsk helsenett): 26 Feb 2002
DIGDIR_EXAMPLE = "20914695016"  # krr_attributter: month 91 = November + 80 (Tenor), 1946


@pytest.mark.parametrize(
    ("number", "kind", "born"),
    [
        (FNR, NationalIdKind.FODSELSNUMMER, date(1986, 10, 15)),
        (D_NUMBER, NationalIdKind.D_NUMMER, date(1986, 10, 15)),
        (HEMIT_TEST_PERSON, NationalIdKind.FODSELSNUMMER, date(1994, 3, 1)),
        (NHN_TEST_PERSON, NationalIdKind.SYNTHETIC_FODSELSNUMMER, date(2002, 2, 26)),
        (DIGDIR_EXAMPLE, NationalIdKind.SYNTHETIC_FODSELSNUMMER, date(1946, 11, 20)),
        # Tenor's examples, as NAV's fnrvalidator issue #116 lists them (date of birth by hand):
        ("29822099635", NationalIdKind.SYNTHETIC_FODSELSNUMMER, date(2020, 2, 29)),
        ("21929774873", NationalIdKind.SYNTHETIC_FODSELSNUMMER, date(1897, 12, 21)),
        ("12905299938", NationalIdKind.SYNTHETIC_FODSELSNUMMER, date(1952, 10, 12)),
        ("57912075186", NationalIdKind.SYNTHETIC_D_NUMMER, date(2020, 11, 17)),
        ("45840375084", NationalIdKind.SYNTHETIC_D_NUMMER, date(2003, 4, 5)),
        (
            with_check_digits("317702500"),
            NationalIdKind.SYNTHETIC_FODSELSNUMMER,
            date(2002, 12, 31),
        ),
        (with_check_digits("716602500"), NationalIdKind.SYNTHETIC_D_NUMMER, date(2002, 1, 31)),
    ],
)
def test_valid_national_ids_and_their_kind(number: str, kind: NationalIdKind, born: date) -> None:
    assert national_id_problem(number) is None
    assert preflight("Basic", national_id=number) == ()
    assert national_id_kind(number) is kind
    assert kind.synthetic is ("synthetic" in kind.value)
    assert classify_national_id(number) == (kind, born)


def test_the_published_test_persons_pass_the_preflight() -> None:
    for number in (HEMIT_TEST_PERSON, NHN_TEST_PERSON, DIGDIR_EXAMPLE):
        assert preflight("Basic", national_id=number) == ()


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        # NAV's synthetic numbers also add 40 to the month: they read as H-numbers (issue #116).
        ("15507600333", ProblemCode.NATIONAL_ID_H_NUMBER),
        (with_check_digits("152086900"), ProblemCode.NATIONAL_ID_DATE),  # month 20
        (with_check_digits("156586900"), ProblemCode.NATIONAL_ID_DATE),  # month 65: + 65 of 0
        (with_check_digits("157886901"), ProblemCode.NATIONAL_ID_DATE),  # month 78: + 65 of 13
        (with_check_digits("158086900"), ProblemCode.NATIONAL_ID_DATE),  # month 80: + 80 of 0
        (with_check_digits("159386900"), ProblemCode.NATIONAL_ID_DATE),  # month 93: + 80 of 13
        (with_check_digits("300086900"), ProblemCode.NATIONAL_ID_DATE),  # month 00
        (with_check_digits("001086900"), ProblemCode.NATIONAL_ID_DATE),  # day 00
        (with_check_digits("321086900"), ProblemCode.NATIONAL_ID_DATE),  # day 32
        (with_check_digits("401086900"), ProblemCode.NATIONAL_ID_DATE),  # D-number day 0
        (with_check_digits("298221900"), ProblemCode.NATIONAL_ID_DATE),  # 29 Feb 2021 (Tenor)
        (with_check_digits("010150750"), ProblemCode.NATIONAL_ID_DATE),  # individual 750 in 1950
        ("26670271528", ProblemCode.NATIONAL_ID_CHECKSUM),
        ("20914695017", ProblemCode.NATIONAL_ID_CHECKSUM),
    ],
)
def test_refused_national_ids(number: str, problem: ProblemCode) -> None:
    assert national_id_problem(number) is problem
    with pytest.raises(InvalidValueError) as caught:
        national_id_kind(number)
    assert number not in str(caught.value)
    assert number[:6] not in caught.value.message("nb")


def test_national_id_kind_names_what_is_wrong_in_both_languages() -> None:
    with pytest.raises(InvalidValueError) as caught:
        national_id_kind(H_NUMBER)
    assert str(caught.value) == (
        "national_id: The national ID is an H-number (an aid number used in health care); ePROM"
        " needs a fødselsnummer or D-nummer."
    )
    assert "H-nummer" in caught.value.message("nb")
    with pytest.raises(InvalidTypeError, match="national_id must be a string of 11 digits"):
        national_id_kind(15108695088)  # type: ignore[arg-type]


def test_problems_never_show_the_national_id() -> None:
    for number in ("15108695077", H_NUMBER, FH_NUMBER):
        for problem in preflight("Basic", national_id=number):
            for lang in ("nb", "en"):
                text = problem.describe(lang=lang)
                assert number not in text
                assert number[:6] not in text
            assert number not in repr(problem)


def test_problems_say_what_to_do_in_both_languages() -> None:
    (problem,) = preflight("PaperOnly", paper_enabled=False)
    assert "PaperOnly" in problem.describe()
    assert "papir" in problem.describe(lang="nb")
    (h,) = preflight("Basic", national_id=H_NUMBER)
    assert "H-number" in h.describe()
    assert "H-nummer" in h.describe(lang="nb")


def test_a_preflight_problem_names_its_rule_and_no_body_field() -> None:
    (problem,) = preflight("PaperOnly", paper_enabled=False)
    assert (problem.code, problem.rule, problem.field) == (
        ProblemCode.PAPER_NOT_ENABLED,
        R.PAPER_ONLY,
        None,
    )
    assert problem.describe().startswith("Rule PaperOnly may send paper")


@pytest.mark.parametrize("flag", ["must_be_signed", "on_behalf_of", "paper_enabled"])
def test_flags_take_only_bools(flag: str) -> None:
    with pytest.raises(InvalidTypeError, match=flag):
        preflight("Basic", **{flag: 1})  # type: ignore[arg-type]


def test_national_id_must_be_text_and_the_error_hides_it() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        preflight("Basic", national_id=15108695088)  # type: ignore[arg-type]
    assert "15108695088" not in str(caught.value)


@given(st.text(alphabet="0123456789 ", max_size=14))
def test_any_digit_string_gets_an_answer(number: str) -> None:
    """Any string of digits and spaces is either fine or has exactly one named problem."""
    problem = national_id_problem(number)
    assert problem is None or isinstance(problem, ProblemCode)
    if len(number.replace(" ", "")) != 11:
        assert problem is ProblemCode.NATIONAL_ID_FORMAT


# --- ePROM's BadRequest texts --------------------------------------------------------------------

# BestillingAvSkjemaV2.md, "Feilsituasjoner", with the C# interpolations filled in.
GUIDE_BAD_REQUESTS = [
    ("The ordered form is not Published", "form_not_published", "formId"),
    ("No form with id='1bc5f9f0-2607-49eb-94f0-6af955bbd79a' exists", "form_not_found", "formId"),
    (
        (
            "The ordered form needs to be signed. This is not possible when using"
            " DistributionRule = 'NoDistribution'."
        ),
        "signing_without_distribution",
        "mustBeSigned",
    ),
    (
        (
            "The ordered form needs to be signed. This is not possible when the form is ordered on"
            " behalf of someone."
        ),
        "signing_on_behalf",
        "onBehalfOfNationalId",
    ),
    (
        "Form with id='1bc5f9f0-2607-49eb-94f0-6af955bbd79a' is not paper enabled",
        "paper_not_enabled",
        "distributionRule",
    ),
    (
        "JSON in metadata is not valid: 'a' is an invalid start of a value.\nLineNumber: 0",
        "metadata_not_json",
        "metadata",
    ),
    (
        (
            "nationalId: FH-nummer is not supported as national ID. The national ID must be either"
            " Norsk fødselsnummer or D-nummer."
        ),
        "national_id_fh_number",
        "nationalId",
    ),
    (
        (
            "nationalId: H-nummer is not supported as national ID. The national ID must be either"
            " Norsk fødselsnummer or D-nummer."
        ),
        "national_id_h_number",
        "nationalId",
    ),
    # SendeMeldingTilInnbyggerV2.md, "Feilsituasjoner": the message page's one such text.
    ("Main document in MessageToCitizen is missing", "main_document_missing", "documentCollection"),
]


@pytest.mark.parametrize(("text", "code", "field"), GUIDE_BAD_REQUESTS)
def test_each_bad_request_text_of_the_guide_maps_to_its_problem(
    text: str, code: str, field: str
) -> None:
    for body in (text, f"  {text}\n", json.dumps(text)):
        problem = parse_bad_request(body)
        assert problem is not None
        assert (problem.code.value, problem.field, problem.rule) == (code, field, None)
        assert problem.describe(lang="nb")


def test_a_bad_request_says_the_rule_when_given_and_reads_without_one() -> None:
    text = "Form with id='x' is not paper enabled"
    with_rule = parse_bad_request(text, rule="PaperOnly")
    assert with_rule is not None
    assert with_rule.describe().startswith("distributionRule: Rule PaperOnly may send paper")
    without = parse_bad_request(text)
    assert without is not None
    assert without.describe() == (
        "distributionRule: The rule may send paper, but the form is not paper enabled; choose a"
        " rule without paper or enable paper for the form."
    )
    assert without.describe(lang="nb").startswith("distributionRule: Regelen kan sende papirbrev")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Internal Server Error",
        "The ordered form is not Published!",  # a changed wording is not guessed
        "Main document in MessageToCitizen is missing.",  # a changed wording is not guessed
        "nationalId: The national ID must be either Norsk fødselsnummer or D-nummer.",
        '"unterminated',
        '"The ordered form is not Published" and more',
        "[1, 2]",
        "JSON in metadata is not valid: " + "x" * 70_000,  # longer than any of ePROM's texts
    ],
)
def test_a_text_the_guide_does_not_list_gives_none(text: str) -> None:
    assert parse_bad_request(text) is None


def test_parse_bad_request_takes_text() -> None:
    with pytest.raises(InvalidTypeError):
        parse_bad_request(b"The ordered form is not Published")  # type: ignore[arg-type]


def test_a_message_without_documents_is_said_in_both_languages() -> None:
    problem = parse_bad_request('"Main document in MessageToCitizen is missing"')
    assert problem == Problem(ProblemCode.MAIN_DOCUMENT_MISSING, None, field="documentCollection")
    assert problem.describe() == (
        "documentCollection: The message has no documents; ePROM needs at least the main document."
    )
    assert problem.describe(lang="nb") == (
        "documentCollection: Meldingen har ingen dokumenter; ePROM trenger minst hoveddokumentet."
    )
