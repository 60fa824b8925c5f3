"""Explaining a rule while something is not known: never a result an unknown could change."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from distribution import (
    Availability,
    HelsenorgeConsent,
    PartialAvailability,
    PatientFacts,
    assess,
    explain,
)

if TYPE_CHECKING:
    from distribution import Lang

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
TEEN = PatientFacts(
    reference_time=NOW,
    age=17,
    level4_eid=True,
    helsenorge_consent=HelsenorgeConsent.FULL,
    helsenorge_representable=False,
    postal_address=True,
)


def test_a_17_year_old_whose_krr_record_nobody_gave_is_not_given_a_result() -> None:
    text = explain("BasicOrPaper", assess(TEEN), lang="nb")
    lines = text.splitlines()
    assert "  1. Helsenorge: ikke kjent ennå." in lines
    assert "  3. Papirbrev (PhysicalMailbox): tilgjengelig." in lines
    assert lines[-5:] == [
        "Kan ikke avgjøres ennå.",
        "Hvis pasienten er digitalt aktiv (KRR oppdatert siste 18 måneder): Helsenorge.",
        "Ellers: papirbrev.",
        "Dette avgjør det: hva Kontakt- og reservasjonsregisteret (KRR) har om pasienten.",
        "Hvilke andre regler som ville nådd pasienten, kan ikke sies før alle kanalene er kjent.",
    ]
    assert "Resultat" not in text
    assert "Ingen regel" not in text


def test_the_same_fact_is_not_the_condition_twice() -> None:
    text = explain("AllowUnsecure", assess(TEEN), lang="en")
    assert text.splitlines()[-6:] == [
        "Cannot be settled yet.",
        "If the patient is digitally active (KRR updated within 18 months): Helsenorge.",
        (
            "Otherwise, if the patient can be reached by SMS or e-mail (contact details from"
            " KRR): SMS or e-mail (contact details from KRR)."
        ),
        "Otherwise: the form is not sent.",
        "What settles it: what the contact register (KRR) holds on the patient.",
        "Which other rules would reach the patient cannot be said until every channel is known.",
    ]


def test_several_facts_are_each_said_once() -> None:
    facts = PatientFacts(reference_time=NOW, age=17, postal_address=False)
    text = explain("AllowUnsecure", assess(facts), lang="nb")
    assert text.count("om pasienten har BankID") == 1
    assert text.splitlines()[-2] == (
        "Dette avgjør det: om pasienten har BankID eller annen elektronisk ID på høyeste nivå,"
        " om pasienten har gitt fullt samtykke på Helsenorge, hva Kontakt- og"
        " reservasjonsregisteret (KRR) har om pasienten og om noen (for eksempel en forelder)"
        " kan åpne Helsenorge på vegne av pasienten."
    )


def test_a_result_is_stated_when_no_unknown_can_change_it() -> None:
    """Paper only, the address known: settled, though the digital channels are not known."""
    facts = PatientFacts(reference_time=NOW, postal_address=True)
    text = explain("PaperOnly", assess(facts), lang="nb")
    assert "Resultat: pasienten får papirbrev i posten." in text
    assert "  1. Papirbrev (PhysicalMailbox): tilgjengelig, valgt." in text
    assert "Kan ikke avgjøres" not in text
    no_eid = PatientFacts(reference_time=NOW, level4_eid=False, helsenorge_representable=False)
    text = explain("Basic", assess(no_eid), lang="nb")  # the address is not known, nor needed
    assert text.splitlines()[-3:] == [
        (
            "Resultat: skjemaet blir ikke sendt, for pasienten kan ikke nås på noen av kanalene"
            " regelen tillater."
        ),
        (
            "Dette melder ePROM tilbake (callback): Feilet (FormOrderStatus 3 Error) fordi"
            " pasienten ikke kunne nås (FormOrderStatusErrorCode 1 PatientUnreachable)."
        ),
        "Hvilke andre regler som ville nådd pasienten, kan ikke sies før alle kanalene er kjent.",
    ]


def test_a_partial_availability_is_explained_by_channels() -> None:
    known = PartialAvailability(digital_mailbox=False, paper=True)
    assert explain("BasicOrPaper", known).splitlines()[-5:] == [
        "Cannot be settled yet.",
        "If the patient can be reached on Helsenorge: Helsenorge.",
        "Otherwise: paper letter.",
        "What settles it: whether the patient can be reached on Helsenorge.",
        "Which other rules would reach the patient cannot be said until every channel is known.",
    ]
    everything = PartialAvailability.of(Availability(paper=True))
    assert explain("PaperOnly", everything) == explain("PaperOnly", Availability(paper=True))


def test_no_distribution_with_facts_not_known_sends_nothing_on_purpose() -> None:
    """Rule 2 tries no channel: an unknown channel cannot make it "unreachable"."""
    facts = PatientFacts(reference_time=NOW, age=40)
    cases: list[tuple[Lang, str, str]] = [
        (
            "nb",
            "Kanaler som prøves: ingen. Denne regelen sender ikke varsel.",
            (
                "Resultat: ingenting sendes. Med NoDistribution gir bestillersystemet pasienten en"
                " engangskode som åpner skjemaet."
            ),
        ),
        (
            "en",
            "Channels tried: none. This rule sends no notice.",
            (
                "Result: nothing is sent. With NoDistribution the ordering system gives the"
                " patient a one-time code (engangskode) that opens the form."
            ),
        ),
    ]
    for lang, route, result in cases:
        lines = explain("NoDistribution", assess(facts), lang=lang).splitlines()
        assert route in lines
        assert result in lines
        text = "\n".join(lines)
        assert "kan ikke nås" not in text
        assert "cannot be reached" not in text
        assert "i rekkefølge: ." not in text
        assert "in order: ." not in text
