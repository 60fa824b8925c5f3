"""--reply (--svar): one plain paragraph to paste to a nurse or a patient, never a guess.

The expected paragraphs are written out by hand. The law that matters most is checked by brute
force: a reply states a definite result only when every completion of the facts gives it.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from distribution import (
    DistributionRule,
    HelsenorgeConsent,
    NotificationChannel,
    PatientFacts,
    assess,
    decide,
)
from distribution.codes import CODE_ENUMS
from tests.helpers.cli import NOW, run
from tests.patient.test_completions import by_hand  # the completions written by hand

if TYPE_CHECKING:
    from pathlib import Path

GUID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"


def _callback(tmp_path: Path, **fields: object) -> str:
    body = {"apiKey": "", "formOrderId": GUID, "formOrderStatusErrorCode": "None", **fields}
    path = tmp_path / "callback.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


# --- explain --------------------------------------------------------------------------------


def test_a_settled_answer_is_said_as_settled() -> None:
    code, out, _ = run(
        "explain", "BasicOrPaper", "--available", "sms,papir", "--svar", "--lang", "nb"
    )
    assert (code, out) == (0, "Skjemaet sendes til pasienten som brev i posten.\n")
    code, out, _ = run("explain", "Basic", "--available", "papir", "--reply")
    assert out == (
        "The form is not sent, because the patient cannot be reached in any of the ways the"
        " order allows.\n"
    )
    code, out, _ = run(
        "explain", "NoDistribution", "--available", "ingen", "--svar", "--lang", "nb"
    )
    assert out == (
        "Det sendes ikke noe varsel. Pasienten får en engangskode fra avdelingen og åpner"
        " skjemaet med den.\n"
    )
    code, out, _ = run(
        "explain", "--priority-list", "sms,papir", "--available", "papir", "--svar", "--lang", "nb"
    )
    assert out == "Meldingen sendes til pasienten som brev i posten.\n"


def test_an_unsettled_answer_says_what_it_may_be_and_what_it_turns_on() -> None:
    code, out, _ = run(
        "explain", "BasicOrPaper", "--alder", "80", "--bankid", "nei", "--postadresse", "ja",
        "--svar", "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert out == (
        "Vi kan ikke si sikkert ennå hvordan pasienten får skjemaet. Skjemaet kan bli sendt på"
        " Helsenorge eller som brev i posten. Det avhenger av om noen (for eksempel en forelder)"
        " kan åpne Helsenorge på vegne av pasienten.\n"
    )
    code, out, _ = run("explain", "Basic", "--available", "ingen", "--unknown", "hn", "--reply")
    assert out == (
        "We cannot yet say for sure how the patient gets the form. The form may be sent on"
        " Helsenorge, or the form may not be sent at all. It depends on whether the patient can"
        " be reached on Helsenorge.\n"
    )


def test_a_what_if_reply_says_what_it_rests_on() -> None:
    _, out, _ = run(
        "explain", "BasicOrPaper", "--alder", "80", "--bankid", "nei", "--postadresse", "ja",
        "--resten-ok", "--svar", "--lang", "nb",
    )  # fmt: skip
    assert out == (
        "Hvis dette stemmer: pasienten har gitt fullt samtykke på Helsenorge, ingen åpner"
        " Helsenorge på vegne av pasienten (det trengs ikke fra 16 år) og pasienten er aktiv i"
        " KRR, ikke reservert, kan varsles, har e-post eller mobilnummer oppdatert nå og har"
        " sikker digital postkasse, sendes skjemaet til pasienten som brev i posten. Skjemaet"
        " kan ikke sendes på Helsenorge eller i den digitale postkassen (Digipost eller e-Boks):"
        " pasienten har ikke elektronisk ID på nivå 4 (BankID eller lignende); ingen (for"
        " eksempel en forelder) kan åpne Helsenorge på vegne av pasienten.\n"
    )
    _code, out, _ = run(
        "explain", "HelsenorgeOnly", "--alder", "17", "--bankid", "nei", "--rest-ok", "--reply"
    )
    assert out == (
        "If this holds: the patient has given full consent on Helsenorge, nobody opens"
        " Helsenorge on the patient's behalf (not needed from 16), the patient is active in KRR,"
        " not reserved, can be notified, has an e-mail address or mobile number updated now and"
        " has a secure digital mailbox and the patient has a postal address, the form is not"
        " sent, because the patient cannot be reached in any of the ways the order allows. The"
        " form cannot be sent on Helsenorge: the patient has no electronic ID at level 4 (BankID"
        " or similar); nobody (a parent, say) can open Helsenorge on the patient's behalf.\n"
    )


# --- diagnose -------------------------------------------------------------------------------


def test_a_diagnosis_reply_for_each_shape() -> None:
    _, out, _ = run(
        "hvorfor", "AllowUnsecure", "--fikk", "sms", "--alder", "17", "--samtykke", "full",
        "--svar", "--lang", "nb",
    )  # fmt: skip
    assert out == (
        "Opplysningene vi har, passer ikke med at pasienten fikk skjemaet som varsel på SMS eller"
        " e-post. Noe av dette er trolig feil eller har endret seg: om pasienten har gitt fullt"
        " samtykke på Helsenorge og pasientens alder. Det må sjekkes før vi kan si hvorfor.\n"
    )
    _, out, _ = run(
        "hvorfor", "PaperOnly", "--fikk", "ingen", "--postadresse", "ja", "--alder", "40",
        "--svar", "--lang", "nb",
    )  # fmt: skip
    assert out == (
        "Opplysningene vi har, passer ikke med at skjemaet ikke ble sendt. Noe av dette er"
        " trolig feil eller har endret seg: om pasienten har en postadresse. Det må sjekkes før"
        " vi kan si hvorfor.\n"
    )
    _, out, _ = run("hvorfor", "Basic", "--fikk", "papir", "--svar", "--lang", "nb")
    assert out == (
        "Det pasienten fikk, passer ikke med måten skjemaet ble bestilt på. Bestillingen må"
        " sjekkes før vi kan si hvorfor.\n"
    )
    _, out, _ = run("diagnose", "BasicOrPaper", "--got", "paper", "--reply")
    assert out == (
        "The patient got the form as a letter in the post. Why it was not sent on Helsenorge we"
        " do not know for sure. Why it was not sent in the digital mailbox (Digipost or e-Boks)"
        " we do not know for sure.\n"
    )
    _code, out, _ = run("diagnose", "BasicOrPaper", "--got", "paper", "--age", "15", "--reply")
    # Under 16, Helsenorge opens only by representation: paper means there was none.
    assert out == (
        "The patient got the form as a letter in the post. Helsenorge could not be used, so this"
        " must hold: nobody (a parent, say) can open Helsenorge on the patient's behalf. The"
        " digital mailbox (Digipost or e-Boks) could not be used: the patient is under 18.\n"
    )


def test_a_diagnosis_reply_says_a_shared_reason_once_and_a_what_if() -> None:
    _code, out, _ = run(
        "hvorfor", "AllowUnsecure", "--fikk", "ingen", "--alder", "40", "--bankid", "nei",
        "--samtykke", "full", "--kan-representeres", "nei", "--resten-ok", "--svar",
        "--lang", "nb",
    )  # fmt: skip
    assert out == (
        "Skjemaet ble ikke sendt. Helsenorge kunne ikke brukes: pasienten har ikke elektronisk"
        " ID på nivå 4 (BankID eller lignende); ingen (for eksempel en forelder) kan åpne"
        " Helsenorge på vegne av pasienten. Dette bygger på at pasienten er aktiv i KRR, ikke"
        " reservert, kan varsles, har e-post eller mobilnummer oppdatert nå og har sikker digital"
        " postkasse og pasienten har postadresse.\n"
    )
    assert out.count("BankID") == 1


# --- check ----------------------------------------------------------------------------------


def test_check_replies(tmp_path: Path) -> None:
    ordered = {"formOrderStatus": "Ordered"}
    cases = [
        (
            ["Basic", "--available", "helsenorge"],
            {**ordered, "notificationChannel": 1},
            ("Skjemaet ble sendt til pasienten på Helsenorge, slik det skulle. Det venter på svar"
            " fra pasienten."),
        ),
        (
            ["BasicOrPaper", "--available", "helsenorge,papir"],
            {**ordered, "notificationChannel": 4},
            ("Skjemaet ble sendt til pasienten som brev i posten og ikke på Helsenorge, fordi"
            " pasienten ikke kunne nås på Helsenorge da det ble sendt. Hvorfor, vet vi ikke"
            " sikkert; det avhenger av om pasienten har gitt fullt samtykke på Helsenorge, om"
            " pasienten har BankID eller annen elektronisk ID på høyeste nivå, hva Kontakt- og"
            " reservasjonsregisteret (KRR) har om pasienten og pasientens alder. Det venter på"
            " svar fra pasienten."),
        ),
        (
            ["Basic", "--available", "papir"],
            {"formOrderStatus": "Error", "notificationChannel": 0,
             "formOrderStatusErrorCode": "PatientUnreachable"},
            ("Skjemaet ble ikke sendt, fordi pasienten ikke kan nås på noen av måtene bestillingen"
            " tillater."),
        ),
        (
            ["Basic", "--available", "helsenorge"],
            {"formOrderStatus": "Error", "notificationChannel": 0,
             "formOrderStatusErrorCode": "PatientUnreachable"},
            ("Skjemaet ble ikke sendt. Vi ventet at pasienten kunne nås på Helsenorge, men det gikk"
            " ikke; pasientens opplysninger ser ut til å ha endret seg. Det må sjekkes før"
            " skjemaet bestilles på nytt."),
        ),
        (
            ["Basic", "--available", "digipost"],
            {**ordered, "notificationChannel": 1},
            ("Skjemaet ble sendt til pasienten på Helsenorge. Pasientens opplysninger ser ut til å"
            " ha endret seg siden bestillingen, men pasienten har fått skjemaet."),
        ),
        (
            ["NoDistribution", "--available", "ingen"],
            {**ordered, "notificationChannel": 0},
            ("Det ble ikke sendt noe varsel. Pasienten åpner skjemaet med engangskoden fra"
            " avdelingen."),
        ),
        (
            ["Basic", "--available", "digipost"],
            {"formOrderStatus": "Error", "notificationChannel": 0,
             "formOrderStatusErrorCode": "SikkerDigitalPostError"},
            ("Skjemaet kom ikke fram til den digitale postkassen på grunn av en feil i utsendingen,"
            " ikke noe ved pasienten. Det kan bestilles på nytt."),
        ),
        (
            ["HelsenorgeOnly", "--available", "helsenorge"],
            {**ordered, "notificationChannel": 4},
            ("Tilbakemeldingen vi fikk, stemmer ikke med bestillingen, så vi kan ikke si sikkert"
            " hva pasienten har fått. Saken må sjekkes nærmere."),
        ),
    ]  # fmt: skip
    for argv, body, expected in cases:
        code, out, err = run(
            "check", *argv, "--callback", _callback(tmp_path, **body), "--svar", "--lang", "nb"
        )
        assert out == expected + "\n", (argv, body, err)
        assert code in {0, 1}


def test_check_a_fallback_lists_what_to_check_instead_of_nothing_to_do(tmp_path: Path) -> None:
    path = _callback(tmp_path, formOrderStatus="Ordered", notificationChannel=4)
    code, out, _ = run(
        "check", "BasicOrPaper", "--available", "helsenorge,digipost,papir", "--callback", path,
        "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert "Ingenting å gjøre" not in out
    assert out.endswith(
        "Hva du gjør: Finn ut hvorfor Helsenorge ikke kunne brukes: sjekk det som avgjør om"
        " pasienten kan nås der. Skjer det ofte, spør det samme for de andre pasientene.\n"
        "Dette avgjør om pasienten kunne nås der da ePROM sendte:\n"
        "- Helsenorge: sjekk om pasienten har gitt fullt samtykke på Helsenorge, om noen (for"
        " eksempel en forelder) kan åpne Helsenorge på vegne av pasienten, om pasienten har BankID"
        " eller annen elektronisk ID på høyeste nivå, hva Kontakt- og reservasjonsregisteret (KRR)"
        " har om pasienten og pasientens alder.\n"
        "- Sikker digital postkasse (DigitalMailbox): sjekk det samme som over.\n"
    )
    # The mailbox was known closed when the decision was made: nothing to look up there.
    code, out, _ = run(
        "check", "BasicOrPaper", "--available", "helsenorge,papir", "--callback", path
    )  # fmt: skip
    assert out.endswith(
        "What decides whether the patient could be reached there when ePROM sent it:\n"
        "- Helsenorge: check whether the patient has given full consent on Helsenorge, whether"
        " someone (a parent, say) can open Helsenorge on the patient's behalf, whether the"
        " patient has BankID or another electronic ID at the highest level, what the contact"
        " register (KRR) holds on the patient and the patient's age.\n"
    )


def test_check_a_messages_fallback_lists_what_to_check_too(tmp_path: Path) -> None:
    # A message has no rule, but its priority list is the chain ePROM went down: the channels
    # before the one it used were closed when it sent.
    path = tmp_path / "message.json"
    path.write_text(
        json.dumps({"messageToCitizenId": GUID, "notificationChannel": 4, "sentStatus": 0}),
        encoding="utf-8",
    )
    code, out, _ = run(
        "check", "--priority-list", "digipost,helsenorge,papir",
        "--available", "helsenorge,papir", "--callback", str(path), "--lang", "en",
    )  # fmt: skip
    assert code == 0
    assert out.endswith(
        "What decides whether the patient could be reached there when ePROM sent it:\n"
        "- Helsenorge: check whether the patient has given full consent on Helsenorge, whether"
        " someone (a parent, say) can open Helsenorge on the patient's behalf, whether the"
        " patient has BankID or another electronic ID at the highest level, what the contact"
        " register (KRR) holds on the patient and the patient's age.\n"
    )  # the mailbox was known closed when the decision was made: not listed


# --- never a code, never a guess ------------------------------------------------------------

_NAMES = {m.api_name for enum in CODE_ENUMS for m in enum} | {
    m.name for enum in CODE_ENUMS for m in enum
}
_NAMES -= {"Helsenorge", "HELSENORGE", "None", "NONE"}  # Helsenorge is the portal's own name
_WORD = re.compile(r"[A-Za-z_]+")


def _no_code(text: str) -> None:
    assert not set(_WORD.findall(text)) & _NAMES, text
    assert "FormOrderStatus" not in text
    assert "KAN_" not in text
    assert "(JA)" not in text


_FACTS: list[dict[str, Any]] = [
    {"age": age, "level4_eid": eid, "helsenorge_consent": consent, "postal_address": post}
    for age, eid, consent, post in itertools.product(
        (None, 15, 40), (None, True, False), (None, HelsenorgeConsent.FULL), (None, True)
    )
]
_FLAGS = {"age": "--alder", "level4_eid": "--bankid", "helsenorge_consent": "--samtykke",
          "postal_address": "--postadresse"}  # fmt: skip
_WORDS = {True: "ja", False: "nei", HelsenorgeConsent.FULL: "full"}


def _argv(given: dict[str, Any]) -> list[str]:
    argv = []
    for name, value in given.items():
        if value is not None:
            argv += [_FLAGS[name], str(value) if name == "age" else _WORDS[value]]
    return argv


_DEFINITE = re.compile(r"^Skjemaet sendes til pasienten (.*)\.$|^Skjemaet blir ikke sendt")
_HOW = {
    "på Helsenorge": NotificationChannel.HELSENORGE,
    "i den digitale postkassen (Digipost eller e-Boks)": NotificationChannel.DIGITAL_MAILBOX,
    "som varsel på SMS eller e-post": NotificationChannel.UNSECURE,
    "som brev i posten": NotificationChannel.PHYSICAL_MAILBOX,
}


@pytest.mark.parametrize("rule", [r for r in DistributionRule if r.api_name != "NoDistribution"])
def test_a_reply_is_definite_only_when_every_completion_agrees(rule: DistributionRule) -> None:
    """Brute force over completions: a reply that states a result is right whatever the facts
    not given are; one that does not, names at least two outcomes. And it shows no code."""
    for given in _FACTS:
        argv = [*_argv(given), "--tidspunkt", "2026-11-28T10:00"]
        code, out, _ = run("explain", rule.api_name, *argv, "--svar", "--lang", "nb")
        assert code == 0
        _no_code(out)
        facts = PatientFacts(reference_time=NOW, **given)
        chosen = {
            decide(rule, assess(complete).availability).channel for complete in by_hand(facts)
        }
        found = _DEFINITE.match(out.strip())
        if found is None:
            assert len(chosen) > 1, (given, out)
            assert out.startswith("Vi kan ikke si sikkert ennå"), out
        elif found[1] is None:
            assert chosen == {NotificationChannel.NONE}, (given, out)
        else:
            assert chosen == {_HOW[found[1]]}, (given, out)


def test_a_diagnosis_reply_shows_no_code() -> None:
    for given in _FACTS[::3]:
        for got in ("helsenorge", "digipost", "sms", "papir", "ingen"):
            code, out, _ = run("hvorfor", "AllowUnsecureOrPaper", "--fikk", got, *_argv(given),
                               "--svar", "--lang", "nb")  # fmt: skip
            assert code == 0
            _no_code(out)
    assert attrs.has(PatientFacts)


def test_diagnose_says_the_facts_to_check_once() -> None:
    """Nothing known but the time: paper under BasicOrPaper means nobody represents the patient
    on Helsenorge; the rest is open, and the mailbox turns on the same facts."""
    code, out, _ = run(
        "hvorfor", "BasicOrPaper", "--fikk", "papir", "--tidspunkt", "28.11.2026", "--lang", "nb"
    )
    assert code == 0
    assert out == (
        "For at ePROM skulle velge papirbrev, må dette ha vært tilfelle:\n"
        "- Helsenorge: ikke tilgjengelig. Da må dette stemme: ingen (for eksempel en forelder) kan"
        " åpne Helsenorge på vegne av pasienten. Sjekk om pasienten har gitt fullt samtykke på"
        " Helsenorge, om pasienten har BankID eller annen elektronisk ID på høyeste nivå, hva"
        " Kontakt- og reservasjonsregisteret (KRR) har om pasienten og pasientens alder.\n"
        "- Sikker digital postkasse (DigitalMailbox): ikke tilgjengelig. Det avgjøres av det samme"
        " som over.\n"
        "- Papirbrev (PhysicalMailbox): tilgjengelig.\n"
    )


def test_check_a_message_sent_by_a_later_channel(tmp_path: Path) -> None:
    path = tmp_path / "message.json"
    body = {"apiKey": "", "messageToCitizenId": GUID, "notificationChannel": 4, "sentStatus": 0}
    path.write_text(json.dumps(body), encoding="utf-8")
    argv = ["--priority-list", "helsenorge,papir", "--available", "helsenorge,papir"]
    code, out, _ = run("check", *argv, "--callback", str(path), "--svar", "--lang", "nb")
    assert (code, out) == (
        0,
        (
            "Meldingen ble sendt til pasienten som brev i posten og ikke på Helsenorge, fordi"
            " pasienten ikke kunne nås på Helsenorge da det ble sendt.\n"
        ),
    )
    code, out, _ = run("check", *argv, "--callback", str(path))
    assert code == 0
    assert out.count("- Helsenorge: check whether") == 1  # the chain names what was passed over
