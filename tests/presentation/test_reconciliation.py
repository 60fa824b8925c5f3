"""A reconciliation in words: word for word, every case in both languages, fallbacks in order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from distribution import (
    Availability,
    DistributionRule,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    InvalidTypeError,
    InvalidValueError,
    MessageStatusCallback,
    NotificationChannel,
    SentStatus,
    decide,
    decide_priority_list,
    explain_reconciliation,
    reconcile,
)
from distribution.eprom.reconciliation import CASES
from distribution.presentation._texts import RECONCILE
from distribution.presentation.reconciliation import _WHAT_TO_DO
from tests.eprom.test_reconciliation import FORM_CALLBACKS, ID, status_callback

if TYPE_CHECKING:
    from distribution import Lang

C = NotificationChannel
S = FormOrderStatus
E = FormOrderStatusErrorCode


def test_an_explanation_in_english_word_for_word() -> None:
    decision = decide("Basic", Availability.of("helsenorge", "digital_mailbox"))
    callback = status_callback(S.ORDERED, E.NONE, C.DIGITAL_MAILBOX)
    assert explain_reconciliation(reconcile(decision, callback)) == (
        "Verdict: a fallback channel was used (the rule allows it) (FALLBACK).\n"
        "Predicted: ePROM uses Helsenorge, or else secure digital mailbox (Digipost/e-Boks); the"
        " callback from ePROM should say Ordered (FormOrderStatus 2 Ordered) with"
        " NotificationChannel 1 Helsenorge.\n"
        "ePROM reported: Ordered (FormOrderStatus 2 Ordered); channel: secure digital mailbox"
        " (Digipost/e-Boks) (NotificationChannel 2 DigitalMailbox).\n"
        "What it means: ePROM used secure digital mailbox (Digipost/e-Boks), a later channel of"
        " the fallback chain: the decision's channel, Helsenorge, could not be used when ePROM"
        " sent it.\n"
        "About the status: Ordered: the form is ordered and waits for the patient's answer"
        " (with NoDistribution the patient opens it with a one-time code).\n"
        "What to do: Find out why Helsenorge could not be used: check what decides whether the"
        " patient can be reached there. If it happens often, ask the same for the other patients."
    )


def test_an_explanation_in_bokmal_word_for_word() -> None:
    decision = decide("BasicOrPaper", Availability(helsenorge=True))
    callback = status_callback(S.ERROR, E.PATIENT_UNREACHABLE, C.NONE)
    assert explain_reconciliation(reconcile(decision, callback), lang="nb") == (
        "Vurdering: pasientens kanaler ser ut til å ha endret seg (AVAILABILITY_CHANGED)"
        " – må følges opp.\n"
        "Forventet: ePROM bruker Helsenorge; tilbakemeldingen fra ePROM skal si Bestilt"
        " (FormOrderStatus 2 Ordered) med NotificationChannel 1 Helsenorge.\n"
        "ePROM meldte: Feilet (FormOrderStatus 3 Error) med FormOrderStatusErrorCode 1"
        " PatientUnreachable; kanal: ingen (NotificationChannel 0 None).\n"
        "Hva det betyr: ePROM kunne ikke nå pasienten, selv om beslutningen valgte Helsenorge:"
        " pasienten ser ut til å ha mistet den kanalen etter at beslutningen ble tatt (eller"
        " kanalene ble oppgitt feil).\n"
        "Om statusen: Feilet: bestillingen kunne ikke sendes. Feilkoden sier hvorfor:"
        " PatientUnreachable (pasienten kunne ikke nås på noen kanal regelen tillater) eller"
        " SikkerDigitalPostError (leveringen til Digipost eller e-Boks feilet).\n"
        "Hva du gjør: Sjekk pasientens opplysninger i KRR og samtykket på Helsenorge, og bestill"
        " på nytt med en regel som når pasienten."
    )


def test_every_case_explains_itself_in_both_languages() -> None:
    """Every case of every verdict, for forms and messages: six lines, no placeholder left, the
    same verdict word in both languages."""
    decisions = [decide(rule, a) for rule in DistributionRule for a in Availability.all()]
    decisions += [decide_priority_list(["paper", "helsenorge"], a) for a in Availability.all()]
    explained = set()
    for decision in decisions:
        callbacks: list[Any] = (
            [
                MessageStatusCallback(message_to_citizen_id=ID, channel=c, status=s)
                for s in SentStatus
                for c in C
            ]
            if decision.rule is None
            else FORM_CALLBACKS
        )
        for callback in callbacks:
            result = reconcile(decision, callback)
            if result.case in explained:
                continue
            explained.add(result.case)
            for lang in ("nb", "en"):
                text = explain_reconciliation(result, lang=lang)
                assert len(text.splitlines()) == 6
                assert "{" not in text
                assert result.verdict.value in text.splitlines()[0]
    assert explained == set(CASES) == set(_WHAT_TO_DO)
    used = {f"meaning_{case}" for case in CASES} | set(_WHAT_TO_DO.values())
    # A channel used after the chosen one, a returned letter, and a message's own words:
    # pinned word for word below.
    used |= {"meaning_reached_instead", "todo_reached_instead", "todo_returned"}
    used |= {
        "meaning_unreachable_list",
        "todo_unreachable_list",
        "todo_lost_since_list",
        "todo_check_order_list",
        "meaning_silent_list",
        "todo_silent_list",
        "todo_report_list",
        "todo_reached_elsewhere_list",
    }
    assert {key for key in RECONCILE["en"] if key.startswith(("meaning_", "todo_"))} == used


def test_only_a_reconciliation_in_a_known_language_is_explained() -> None:
    result = reconcile(
        decide("Basic", Availability(helsenorge=True)),
        status_callback(S.ORDERED, E.NONE, C.HELSENORGE),
    )
    with pytest.raises(InvalidValueError, match="not a supported language"):
        explain_reconciliation(result, lang="de")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="reconciliation must be a Reconciliation, not"):
        explain_reconciliation(result.callback)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("Basic", "ePROM uses Helsenorge, or else secure digital mailbox (Digipost/e-Boks);"),
        (
            "AllowUnsecureOrPaper",
            (
                "ePROM uses Helsenorge, or else secure digital mailbox (Digipost/e-Boks), then"
                " SMS or e-mail (contact details from KRR) and last paper letter;"
            ),
        ),
    ],
)
def test_fallbacks_are_said_in_order_never_as_a_bare_list(rule: str, expected: str) -> None:
    everywhere = Availability.of("helsenorge", "digital_mailbox", "krr_contact", "paper")
    callback = status_callback(S.ORDERED, E.NONE, C.HELSENORGE)
    assert expected in explain_reconciliation(reconcile(decide(rule, everywhere), callback))
    nb = explain_reconciliation(
        reconcile(decide("AllowUnsecureOrPaper", everywhere), callback), lang="nb"
    )
    assert (
        "ellers sikker digital postkasse (Digipost/e-Boks), deretter SMS eller e-post"
        " (kontaktinformasjon fra KRR) og til sist papirbrev;" in nb
    )


def _lines(decision: Any, callback: Any, lang: Lang = "nb") -> list[str]:
    return explain_reconciliation(reconcile(decision, callback), lang=lang).splitlines()


def test_a_channel_used_after_the_chosen_one_means_the_chosen_one_was_lost() -> None:
    """Helsenorge predicted, an SMS sent: Helsenorge failed, and KRR contact was found."""
    decision = decide("AllowUnsecure", Availability(helsenorge=True))
    lines = _lines(decision, status_callback(S.ORDERED, E.NONE, C.UNSECURE))
    assert lines[3] == (
        "Hva det betyr: ePROM brukte SMS eller e-post (kontaktinformasjon fra KRR) i stedet for"
        " Helsenorge, som beslutningen valgte: da ePROM sendte, kunne Helsenorge ikke brukes,"
        " mens SMS eller e-post (kontaktinformasjon fra KRR), som beslutningen regnet som ikke"
        " tilgjengelig, kunne det. Pasientens kanaler har endret seg etter at beslutningen ble"
        " tatt, eller de ble oppgitt feil."
    )
    assert lines[5] == (
        "Hva du gjør: Finn ut hvorfor Helsenorge ikke kunne brukes, og hent pasientens"
        " opplysninger (KRR og Helsenorge) på nytt før neste beslutning."
    )
    assert "samtykke" not in lines[3]  # a new consent would have opened Helsenorge, not closed it


def test_a_channel_used_before_the_chosen_one_became_reachable_since() -> None:
    decision = decide("Basic", Availability(digital_mailbox=True))
    lines = _lines(decision, status_callback(S.ORDERED, E.NONE, C.HELSENORGE), "en")
    assert lines[3] == (
        "What it means: ePROM used Helsenorge, which the decision took to be unavailable: the"
        " patient seems to have become reachable there after the decision was made (or the"
        " channels were given wrong)."
    )
    assert lines[5] == (
        "What to do: Nothing to do for this order; fetch the patient's facts (KRR and"
        " Helsenorge) again before the next decision."
    )


def test_a_returned_letter_is_ordered_again_even_on_the_predicted_channel() -> None:
    decision = decide("BasicOrPaper", Availability(paper=True))
    callback = status_callback(S.PHYSICAL_MAIL_RETURNED, E.NONE, C.PHYSICAL_MAILBOX)
    assert reconcile(decision, callback).verdict.value == "AS_PREDICTED"  # the channel was right
    assert _lines(decision, callback)[5] == (
        "Hva du gjør: Kanalen var riktig, men brevet kom i retur, så pasienten har ikke fått"
        " skjemaet. Sjekk pasientens adresse i Folkeregisteret, eller oppgi en adresse i"
        " bestillingen (physicalAddress), og bestill på nytt."
    )
    assert _lines(decision, status_callback(S.ORDERED, E.NONE, C.PHYSICAL_MAILBOX))[5] == (
        "Hva du gjør: Ingenting å gjøre med kanalen."
    )


def test_a_message_is_told_in_a_messages_words() -> None:
    """A message has a priority list, not a rule: it is sent again, never ordered again."""
    decision = decide_priority_list(["helsenorge", "unsecure"], Availability(paper=True))
    failed = MessageStatusCallback(
        message_to_citizen_id=ID, channel=C.NONE, status=SentStatus.ERROR
    )
    lines = _lines(decision, failed)
    assert lines[1] == (
        "Forventet: pasienten kan ikke nås på noen kanal i prioritetslisten; tilbakemeldingen fra"
        " ePROM skal si Feilet (SentStatus 1 Error) og NotificationChannel 0 None."
    )
    assert lines[3] == (
        "Hva det betyr: ePROM kunne ikke nå pasienten, slik beslutningen forutså:"
        " prioritetslisten har ingen kanal pasienten kan nås på."
    )
    assert lines[5] == (
        "Hva du gjør: Send meldingen på nytt med en prioritetsliste som når pasienten, for"
        " eksempel med papirbrev til sist."
    )
    reached = MessageStatusCallback(
        message_to_citizen_id=ID, channel=C.HELSENORGE, status=SentStatus.SENT
    )
    assert _lines(decision, reached, "en")[5] == (
        "What to do: Nothing to do for this message; fetch the patient's facts (KRR and"
        " Helsenorge) again before the next decision."
    )
    text = "\n".join(lines + _lines(decision, failed, "en"))
    for order_word in ("regelen", "Bestill", "NoDistribution", "the rule", "Order again"):
        assert order_word not in text
