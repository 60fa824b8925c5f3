"""The explainer: content in both languages for every rule, what-if hints, describe()."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given

from distribution import (
    Availability,
    DistributionError,
    DistributionRule,
    FormOrderStatus,
    InvalidValueError,
    NotificationChannel,
    Outcome,
    PatientFacts,
    assess,
    decide,
    decide_priority_list,
)
from distribution.codes import CODE_ENUMS
from distribution.presentation.decision import describe, explain, explain_decision, rules_reaching
from distribution.presentation.tables import matrix
from tests.strategies import availabilities, priority_lists, rules

R = DistributionRule
C = NotificationChannel

# Words each language must use, written by hand (docs/sources.md §6 for the bokmål terms).
WORDS = {
    "en": {
        C.HELSENORGE: "Helsenorge",
        C.DIGITAL_MAILBOX: "digital mailbox",
        C.UNSECURE: "SMS or e-mail",
        C.PHYSICAL_MAILBOX: "paper letter",
        "chosen": "available, chosen",
        "fallback": "available, used if {above} cannot be used after all when ePROM sends",
        "missing": "not available",
        "ordered": "FormOrderStatus 2 Ordered",
        "unreachable": "FormOrderStatusErrorCode 1 PatientUnreachable",
        "one_time_code": "singleUseCode",
        "sent": "SentStatus 0 Sent",
        "not_sent": "SentStatus 1 Error",
        "rule": "Rule:",
    },
    "nb": {
        C.HELSENORGE: "Helsenorge",
        C.DIGITAL_MAILBOX: "sikker digital postkasse",
        C.UNSECURE: "SMS eller e-post",
        C.PHYSICAL_MAILBOX: "papirbrev",
        "chosen": "tilgjengelig, valgt",
        "fallback": "tilgjengelig, brukes hvis {above} likevel ikke kan brukes når ePROM sender",
        "missing": "ikke tilgjengelig",
        "ordered": "Bestilt (FormOrderStatus 2 Ordered)",
        "unreachable": "FormOrderStatusErrorCode 1 PatientUnreachable",
        "one_time_code": "engangskode",
        "sent": "Sendt (SentStatus 0 Sent)",
        "not_sent": "Feilet (SentStatus 1 Error)",
        "rule": "Regel:",
    },
}


def _step_lines(text: str) -> list[str]:
    return [
        line for line in text.splitlines() if line.startswith("  ") and line.strip()[:1].isdigit()
    ]


@pytest.mark.parametrize("lang", ["en", "nb"])
@given(rule=rules, availability=availabilities)
def test_explanation_names_rule_route_steps_result_and_callback(
    lang: str, rule: R, availability: Availability
) -> None:
    """Every explanation names the rule, walks every route step, and states the callback."""
    words = WORDS[lang]
    decision = decide(rule, availability)
    text = explain(rule, availability, lang=lang)  # type: ignore[arg-type]
    assert f"{words['rule']} {rule.value} {rule.api_name}" in text
    steps = _step_lines(text)
    assert len(steps) == len(decision.route)
    for n, (step, channel) in enumerate(zip(steps, decision.route, strict=True), start=1):
        assert step.strip().startswith(f"{n}.")
        assert str(words[channel]).lower() in step.lower()
        if channel is decision.channel:
            assert words["chosen"] in step
        elif channel in decision.fallbacks:
            used = (decision.channel, *decision.fallbacks)
            above = used[used.index(channel) - 1]  # the channel it stands in for, named
            before, after = str(words["fallback"]).lower().split("{above}")
            named = step.lower().split(before, 1)[1]  # the channel it stands in for, and after
            assert str(words[above]).lower() in named.split(after, 1)[0]
        else:
            assert words["missing"] in step
    expected_callback = {
        Outcome.NOTIFIED: words["ordered"],
        Outcome.UNREACHABLE: words["unreachable"],
        Outcome.NOT_DISTRIBUTED: words["one_time_code"],
    }[decision.outcome]
    assert expected_callback in text
    if decision.outcome is Outcome.NOTIFIED:
        result = next(line for line in text.splitlines() if line.startswith(("Result", "Resultat")))
        assert str(words[decision.channel]).lower() in result.lower()


def test_paper_despite_digital_in_bokmal_by_hand() -> None:
    text = explain("BasicOrPaper", Availability(krr_contact=True, paper=True), lang="nb")
    assert text.splitlines() == [
        "Regel: 3 BasicOrPaper. Som Basic, med papirbrev som siste utvei.",
        (
            "Kanaler som prøves, i rekkefølge: Helsenorge"
            " → sikker digital postkasse (DigitalMailbox) → papirbrev (PhysicalMailbox)."
        ),
        "  1. Helsenorge: ikke tilgjengelig.",
        "  2. Sikker digital postkasse (DigitalMailbox): ikke tilgjengelig.",
        "  3. Papirbrev (PhysicalMailbox): tilgjengelig, valgt.",
        "Resultat: pasienten får papirbrev i posten.",
        "Reservekanaler som gjenstår: ingen.",
        (
            "Dette melder ePROM tilbake (callback): Bestilt (FormOrderStatus 2 Ordered), og Besvart"
            " (0 Completed) når pasienten har svart."
        ),
        (
            "Merk: pasienten kan også nås på SMS eller e-post (kontaktinformasjon fra KRR), men"
            " regelen bruker ikke den kanalen."
        ),
        "Regler som ville nådd pasienten digitalt i stedet for med papirbrev:",
        "  - 1 AllowUnsecure: på SMS eller e-post (kontaktinformasjon fra KRR)",
        "  - 4 AllowUnsecureOrPaper: på SMS eller e-post (kontaktinformasjon fra KRR)",
        "  - 8 UnsecureOnly: på SMS eller e-post (kontaktinformasjon fra KRR)",
    ]


def test_lists_of_channels_are_joined_with_og_and_and() -> None:
    nothing = Availability()
    nb = explain("AllowUnsecureOrPaper", nothing, lang="nb")
    assert (
        "Regelen tillater Helsenorge, sikker digital postkasse (Digipost/e-Boks), SMS eller e-post"
        " (kontaktinformasjon fra KRR) og papirbrev, men pasienten kan ikke nås på noen av disse."
    ) in nb
    en = explain("BasicOrPaper", nothing, lang="en")
    assert (
        "The rule permits Helsenorge, secure digital mailbox (Digipost/e-Boks) and paper letter,"
        " but the patient cannot be reached on any of them."
    ) in en
    one = explain("HelsenorgeOnly", nothing, lang="nb")
    assert "Regelen tillater bare Helsenorge, og pasienten kan ikke nås på den." in one
    message = explain_decision(decide_priority_list(["paper"], nothing), lang="nb")
    assert "Prioritetslisten har bare papirbrev, og pasienten kan ikke nås på den." in message
    many_unused = explain("PaperOnly", Availability.of("helsenorge", "krr_contact"), lang="en")
    assert (
        "Note: the patient can also be reached on Helsenorge and by SMS or e-mail (contact details"
        " from KRR), but the rule does not use those channels."
    ) in many_unused


def test_unreachable_patient_gets_the_rules_that_would_reach_them() -> None:
    text = explain("HelsenorgeOnly", Availability(digital_mailbox=True))
    assert "Result: the form is not sent." in text
    assert "PatientUnreachable" in text
    assert "Rules that would reach this patient:" in text
    for rule in (
        "0 Basic",
        "1 AllowUnsecure",
        "3 BasicOrPaper",
        "4 AllowUnsecureOrPaper",
        "7 DigitalMailboxOnly",
    ):
        assert f"- {rule}: in a secure digital mailbox" in text
    assert "6 HelsenorgeOnly:" not in text


def test_patient_no_rule_can_reach_is_told_about_the_one_time_code() -> None:
    for lang, words in (("en", "one-time code"), ("nb", "engangskode")):
        text = explain("Basic", Availability(), lang=lang)  # type: ignore[arg-type]
        assert words in text.splitlines()[-1]


def test_no_distribution_says_nothing_is_sent_and_mentions_the_one_time_code() -> None:
    text = explain(2, Availability(helsenorge=True), lang="nb")
    assert "ingenting sendes" in text
    assert "engangskode" in text
    assert "singleUseCode" in text
    assert "Helsenorge" in text  # a channel the patient has that the rule does not use


def test_message_with_a_priority_list() -> None:
    sent = explain_decision(
        decide_priority_list(["paper", "helsenorge"], Availability(helsenorge=True))
    )
    assert "Priority list" in sent
    assert WORDS["en"]["sent"] in sent
    assert "NotificationChannel 1 Helsenorge" in sent
    failed = explain_decision(
        decide_priority_list(["paper"], Availability(helsenorge=True)), lang="nb"
    )
    assert WORDS["nb"]["not_sent"] in failed
    assert "NotificationChannel 0 None" in failed
    assert "den kanalen står ikke i prioritetslisten" in failed


@given(priority_lists, availabilities)
def test_priority_list_explanations_state_the_message_callback(
    channels: tuple[NotificationChannel, ...], availability: Availability
) -> None:
    """A message's explanation always states SentStatus, never a FormOrderStatus."""
    decision = decide_priority_list(channels, availability)
    for lang in ("en", "nb"):
        text = explain_decision(decision, lang=lang)
        assert "SentStatus" in text
        assert "FormOrderStatus" not in text


def test_rules_reaching_by_hand() -> None:
    paper = [d.rule for d in rules_reaching(Availability(paper=True))]
    assert paper == [R.BASIC_OR_PAPER, R.ALLOW_UNSECURE_OR_PAPER, R.PAPER_ONLY]
    helsenorge = [d.rule for d in rules_reaching(Availability(helsenorge=True))]
    assert helsenorge == [
        R.BASIC,
        R.ALLOW_UNSECURE,
        R.BASIC_OR_PAPER,
        R.ALLOW_UNSECURE_OR_PAPER,
        R.HELSENORGE_ONLY,
    ]
    assert rules_reaching(Availability()) == ()


@given(availabilities)
def test_rules_reaching_are_exactly_the_notifying_rules(availability: Availability) -> None:
    """rules_reaching lists every rule that notifies, and only those; never NoDistribution."""
    reaching = {d.rule for d in rules_reaching(availability)}
    assert reaching == {r for r in R if decide(r, availability).channel is not C.NONE}
    assert R.NO_DISTRIBUTION not in reaching


@pytest.mark.parametrize("member", [m for cls in CODE_ENUMS for m in cls], ids=repr)
@pytest.mark.parametrize("lang", ["en", "nb"])
def test_describe_gives_one_line_for_every_code(member: object, lang: str) -> None:
    text = describe(member, lang=lang)  # type: ignore[arg-type]
    assert "\n" not in text
    assert text.startswith(f"{type(member).__name__} {member.value} {member.api_name} – ")  # type: ignore[attr-defined]
    meaning = text.split(" – ", 1)[1]
    assert meaning.endswith(".")
    assert len(meaning) >= len("No error.")


def test_describe_by_hand() -> None:
    assert "came back" in describe(FormOrderStatus.PHYSICAL_MAIL_RETURNED)
    assert "Brev i retur" in describe(FormOrderStatus.PHYSICAL_MAIL_RETURNED, lang="nb")
    assert "Utgått" in describe(FormOrderStatus.EXPIRED, lang="nb")
    assert "Besvart" in describe(FormOrderStatus.COMPLETED, lang="nb")
    # Same code 4 in two enums must not share a text.
    assert describe(R.ALLOW_UNSECURE_OR_PAPER) != describe(FormOrderStatus.PHYSICAL_MAIL_RETURNED)


@pytest.mark.parametrize("lang", ["de", "NB", "", None, "no"])
def test_unknown_language_is_a_clear_error(lang: object) -> None:
    with pytest.raises(InvalidValueError) as caught:
        explain("Basic", Availability(), lang=lang)  # type: ignore[arg-type]
    assert repr(lang) in str(caught.value)
    assert "nb, en" in str(caught.value)
    with pytest.raises(InvalidValueError):
        describe(R.BASIC, lang=lang)  # type: ignore[arg-type]


def test_describe_refuses_things_that_are_not_codes() -> None:
    with pytest.raises(TypeError, match="a code from ePROM"):
        describe(4)  # type: ignore[arg-type]


def test_explain_decision_refuses_non_decisions() -> None:
    with pytest.raises(TypeError, match="a Decision"):
        explain_decision("Basic")  # type: ignore[arg-type]


def test_explain_decision_refuses_an_eligibility_of_another_patient() -> None:
    eligibility = assess(
        PatientFacts(reference_time=datetime(2026, 1, 1, tzinfo=UTC), postal_address=True)
    )
    with pytest.raises(TypeError, match="the decision's own availability"):
        explain_decision(decide("Basic", Availability(helsenorge=True)), eligibility=eligibility)


def test_matrix_refuses_unknown_formats() -> None:
    with pytest.raises(DistributionError, match="'xml'"):
        matrix("xml")


def test_a_later_fallback_is_used_only_when_every_channel_before_it_cannot_be() -> None:
    decision = decide("BasicOrPaper", Availability.of("helsenorge", "digital_mailbox", "paper"))
    lines = explain_decision(decision, lang="nb").splitlines()
    assert lines[3] == (
        "  2. Sikker digital postkasse (DigitalMailbox): tilgjengelig, brukes hvis Helsenorge"
        " likevel ikke kan brukes når ePROM sender."
    )
    assert lines[4] == (
        "  3. Papirbrev (PhysicalMailbox): tilgjengelig, brukes hvis verken Helsenorge eller"
        " sikker digital postkasse (DigitalMailbox) kan brukes når ePROM sender."
    )
    wide = decide("AllowUnsecureOrPaper", Availability.all()[-1])
    assert explain_decision(wide, lang="en").splitlines()[5] == (
        "  4. Paper letter (PhysicalMailbox): available, used if neither Helsenorge, secure"
        " digital mailbox (DigitalMailbox) nor SMS or e-mail (Unsecure) can be used when ePROM"
        " sends."
    )
