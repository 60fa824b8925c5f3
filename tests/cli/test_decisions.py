"""decide, explain, rules, matrix and describe: their output in both languages."""

from __future__ import annotations

import json

import pytest

from tests.helpers.cli import assert_one_line_error, run


def test_decide_prints_the_decision() -> None:
    code, out, err = run("decide", "BasicOrPaper", "--available", "digital_mailbox,paper")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Rule: 3 BasicOrPaper",
        (
            "Route: Helsenorge → secure digital mailbox (DigitalMailbox)"
            " → paper letter (PhysicalMailbox)"
        ),
        "Available: secure digital mailbox (DigitalMailbox), paper letter (PhysicalMailbox)",
        "Fallback chain: secure digital mailbox (DigitalMailbox) → paper letter (PhysicalMailbox)",
        "Channel: secure digital mailbox (DigitalMailbox)",
        "Outcome: the form is sent (NOTIFIED)",
    ]


def test_decide_in_bokmal_says_channels_and_outcome_in_norwegian_words() -> None:
    code, out, _ = run("decide", "HelsenorgeOnly", "--available", "papir", "--lang", "nb")
    assert code == 0
    assert out.splitlines() == [
        "Regel: 6 HelsenorgeOnly",
        "Rekkefølge: Helsenorge",
        "Tilgjengelig: papirbrev (PhysicalMailbox)",
        "Reservekjede: ingen",
        "Kanal: ingen kanal (None)",
        "Utfall: pasienten kan ikke nås (UNREACHABLE)",
    ]


def test_decide_json_is_the_wire_format() -> None:
    code, out, _ = run("decide", "3", "--available", "DigitalMailbox, paper", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["rule"] == {"code": 3, "name": "BasicOrPaper"}
    assert payload["channel"] == {"code": 2, "name": "DigitalMailbox"}
    assert payload["outcome"] == "NOTIFIED"


def test_decide_with_a_priority_list_and_nothing_available() -> None:
    code, out, _ = run("decide", "--priority-list", "paper,helsenorge", "--available", "", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["rule"] is None
    assert [c["name"] for c in payload["route"]] == ["PhysicalMailbox", "Helsenorge"]
    assert payload["outcome"] == "UNREACHABLE"


def test_decide_without_a_rule_uses_basic_like_eprom() -> None:
    code, out, _ = run("decide", "--available", "helsenorge")
    assert code == 0
    assert "Rule: 0 Basic" in out


def test_explain_in_bokmal_and_english() -> None:
    code, out, _ = run("explain", "AllowUnsecure", "--available", "krr_contact", "--lang", "nb")
    assert code == 0
    assert "Regel: 1 AllowUnsecure" in out
    assert "tilgjengelig, valgt" in out
    code, out, _ = run("explain", "AllowUnsecure", "--available", "krr_contact", "--lang", "en")
    assert "available, chosen" in out


def test_rules_lists_every_rule() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for name in (
        "Basic",
        "AllowUnsecure",
        "NoDistribution",
        "BasicOrPaper",
        "AllowUnsecureOrPaper",
        "PaperOnly",
        "HelsenorgeOnly",
        "DigitalMailboxOnly",
        "UnsecureOnly",
    ):
        assert name in out
    code, out, _ = run("rules", "--format", "json", "--lang", "nb")
    rules = json.loads(out)
    assert [r["code"] for r in rules] == list(range(9))
    assert rules[3]["route"] == [
        {"code": 1, "name": "Helsenorge"},
        {"code": 2, "name": "DigitalMailbox"},
        {"code": 4, "name": "PhysicalMailbox"},
    ]
    assert rules[3]["meaning"] == "Som Basic, med papirbrev som siste utvei."


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_matrix_in_every_format(fmt: str) -> None:
    code, out, _ = run("matrix", "--format", fmt)
    assert code == 0
    if fmt == "json":
        assert len(json.loads(out)) == 9 * 16
    elif fmt == "csv":
        assert len(out.strip().splitlines()) == 1 + 9 * 16
    else:
        assert "BasicOrPaper" in out


def test_matrix_legend_follows_the_language() -> None:
    _, out, _ = run("matrix", "--lang", "nb")
    assert "brev i posten" in out
    assert "engangskode" in out
    _, out, _ = run("matrix", "--format", "markdown")
    assert "one-time code" in out


def test_describe_a_status() -> None:
    code, out, _ = run("describe", "status", "4", "--lang", "nb")
    assert code == 0
    assert out.startswith("FormOrderStatus 4 PhysicalMailReturned – Brev i retur:")
    code, out, _ = run("describe", "FormOrderStatusErrorCode", "PatientUnreachable")
    assert "FormOrderStatusErrorCode 1 PatientUnreachable" in out


@pytest.mark.parametrize(
    ("kind", "code", "start"),
    [
        ("kanal", "papir", "NotificationChannel 4 PhysicalMailbox – "),
        ("channel", "paper", "NotificationChannel 4 PhysicalMailbox – "),
        ("kanal", "ingen", "NotificationChannel 0 None – "),
        ("regel", "BasicOrPaper", "DistributionRule 3 BasicOrPaper – "),
        ("skjemastatus", "besvart", "FormOrderStatus 0 Completed – "),
        ("status", "Brev i retur", "FormOrderStatus 4 PhysicalMailReturned – "),
        ("feilkode", "1", "FormOrderStatusErrorCode 1 PatientUnreachable – "),
        ("sendestatus", "sendt", "SentStatus 0 Sent – "),
        ("hendelse", "0", "FormOrderEventLogType 0 FormOpened – "),
        ("hendelseslogg", "SigningError", "FormOrderEventLogType 4 SigningError – "),
        ("FormOrderStatus", "2", "FormOrderStatus 2 Ordered – "),
        ("mrs-status", "3", "MrsOrderStatus 3 Feilet – "),
        ("mrs-status", "mottaker ikke nådd", "MrsOrderStatus 5 Mottaker ikke nådd – "),
        ("mrs-feilkode", "6", "MrsErrorCode 6 pasient er død – Pasienten er død. Stopp"),
        ("mrs-error", "2", "MrsErrorCode 2 tidligere bestilt – "),
        ("MrsErrorCode", "3", "MrsErrorCode 3 Person er ikke digitalt aktiv"),
    ],
)
def test_describe_takes_norwegian_kinds_and_words(kind: str, code: str, start: str) -> None:
    status, out, _ = run("describe", kind, code, "--lang", "nb")
    assert status == 0
    assert out.startswith(start)


def test_a_channel_twice_in_the_priority_list_is_named_by_the_flag_in_either_language() -> None:
    argv = ["decide", "--priority-list", "helsenorge,helsenorge", "--available", "paper"]
    for lang, words in [
        ("nb", "--prioritetsliste har 'Helsenorge' mer enn én gang"),
        ("en", "--priority-list names 'Helsenorge' more than once"),
    ]:
        code, out, err = run(*argv, "--lang", lang)
        assert_one_line_error(code, out, err, words)


def test_describe_knows_the_events_without_a_published_number() -> None:
    """The guide lists seven event names; Hemit gave a number to five."""
    code, out, _ = run("describe", "hendelse", "SigningCompleted", "--lang", "nb")
    assert code == 0
    assert out == (
        "FormOrderEventLogType SigningCompleted (uten tall) – Pasienten fullførte signeringen."
        " Hemit har ikke publisert noe tall for denne hendelsen, så tilbakemeldingen oppgir den"
        " med navn.\n"
    )
    code, out, _ = run("describe", "event", "formdelivered")
    assert out.startswith("FormOrderEventLogType FormDelivered (no number) – The patient")
    assert_one_line_error(
        *run("describe", "event", "SigningComplete"),
        "'SigningComplete' is not a known FormEvent (did you mean SigningCompleted?)",
        "4=SigningError, SigningCompleted, FormDelivered",
    )


def test_explain_with_unknown_channels_states_no_result() -> None:
    code, out, _ = run(
        "explain", "BasicOrPaper", "--available", "papir", "--ukjent", "helsenorge", "--lang", "nb"
    )  # fmt: skip
    assert code == 0
    assert out.endswith(
        "Kan ikke avgjøres ennå.\n"
        "Hvis pasienten kan nås på Helsenorge: Helsenorge.\n"
        "Ellers: papirbrev.\n"
        "Dette avgjør det: om pasienten kan nås på Helsenorge.\n"
        "Hvilke andre regler som ville nådd pasienten, kan ikke sies før alle kanalene er kjent.\n"
    )
    code, out, _ = run("explain", "PaperOnly", "--unknown", "sms", "--available", "paper")
    assert code == 0
    assert "Result: the patient gets a paper letter in the post." in out


def test_explain_json_lists_every_case_and_what_is_missing() -> None:
    code, out, _ = run("explain", "AllowUnsecure", "--unknown", "helsenorge,sms", "--json")
    assert code == 0
    assert json.loads(out) == {
        "settled": False,
        "cases": [
            {"channel": "Helsenorge", "outcome": "NOTIFIED", "assuming": {"helsenorge": True}},
            {
                "channel": "Unsecure",
                "outcome": "NOTIFIED",
                "assuming": {"helsenorge": False, "krr_contact": True},
            },
            {
                "channel": "None",
                "outcome": "UNREACHABLE",
                "assuming": {"helsenorge": False, "krr_contact": False},
            },
        ],
        "missing": {"helsenorge": [], "krr_contact": []},
    }
    code, out, _ = run("explain", "--alder", "17", "--samtykke", "full", "--json")
    assert code == 0
    assert json.loads(out)["missing"] == {
        "helsenorge": ["level4_eid", "krr_record", "helsenorge_representable"]
    }
    code, out, _ = run(
        "explain", "--priority-list", "paper", "--unknown", "paper", "--json"
    )  # fmt: skip
    assert json.loads(out)["settled"] is False


def test_explain_refuses_a_channel_both_available_and_unknown_and_facts_with_unknown() -> None:
    code, _, err = run("explain", "Basic", "--available", "sms", "--unknown", "sms")
    assert code != 0
    assert "--unknown" in err
    code, _, err = run("explain", "Basic", "--alder", "17", "--unknown", "sms")
    assert code != 0
    assert "--unknown" in err
    code, _, err = run(
        "explain", "Basic", "--priority-list", "paper", "--unknown", "sms", "--json"
    )  # fmt: skip
    assert code != 0
    assert "RULE" in err
    code, out, _ = run("explain", "--priority-list", "paper,sms", "--unknown", "sms")
    assert code == 0
    assert "Result" not in out
    assert "Otherwise, if" not in out
    assert "If the patient can be reached by SMS or e-mail" in out
    code, out, _ = run("explain", "--priority-list", "sms", "--unknown", "paper")
    assert code == 0
    assert "Result: the message is not sent, because the patient cannot be reached" in out


def test_hvorfor_a_17_year_old_with_consent_got_an_sms() -> None:
    """An SMS needs BankID and current KRR data, which with full consent at 17 open Helsenorge
    too: what was given cannot all be right, and the answer names consent and age to check."""
    code, out, _ = run(
        "hvorfor", "AllowUnsecure", "--fikk", "sms", "--alder", "17", "--samtykke", "full",
        "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert out == (
        "Dette stemmer ikke med det som er oppgitt: med disse opplysningene kunne ePROM ikke"
        " velge SMS eller e-post (kontaktinformasjon fra KRR). Noe av det som er oppgitt, er feil"
        " eller har endret seg. Sjekk om pasienten har gitt fullt samtykke på Helsenorge og"
        " pasientens alder.\n"
    )
    code, out, _ = run(
        "diagnose", "AllowUnsecure", "--got", "Unsecure", "--age", "17", "--consent", "full",
        "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == {
        "consistent": False,
        "must_be_unavailable": [],
        "must_be_available": [],
        "irrelevant": [],
        "check": {},
        "must": {},
        "suspects": ["helsenorge_consent", "age"],
    }


def test_hvorfor_a_17_year_old_without_consent_given_got_an_sms() -> None:
    """Consent not given: the SMS shows BankID and current KRR data, so Helsenorge was closed
    by consent and by nobody representing the patient, both for certain."""
    code, out, _ = run(
        "hvorfor", "AllowUnsecure", "--fikk", "sms", "--alder", "17", "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert out == (
        "For at ePROM skulle velge SMS eller e-post (kontaktinformasjon fra KRR), må dette ha"
        " vært tilfelle:\n"
        "- Helsenorge: ikke tilgjengelig. Da må dette stemme: pasienten har ikke gitt fullt"
        " samtykke på Helsenorge; ingen (for eksempel en forelder) kan åpne Helsenorge på vegne"
        " av pasienten.\n"
        "- Sikker digital postkasse (DigitalMailbox): ikke tilgjengelig, og det stemmer med det"
        " som er oppgitt: pasienten er under 18 år.\n"
        "- SMS eller e-post (Unsecure): tilgjengelig.\n"
    )
    code, out, _ = run("diagnose", "AllowUnsecure", "--got", "sms", "--age", "17", "--json")
    assert json.loads(out) == {
        "consistent": True,
        "must_be_unavailable": ["Helsenorge", "DigitalMailbox"],
        "must_be_available": ["Unsecure"],
        "irrelevant": ["PhysicalMailbox"],
        "check": {"helsenorge": []},
        "must": {"helsenorge": ["no_helsenorge_consent", "not_representable"]},
        "suspects": [],
    }


def test_hvorfor_paper_for_an_80_year_old_without_bankid() -> None:
    """No BankID closes every digital channel but Helsenorge, which a representative could
    open: paper means nobody represents her. Each reason is said once."""
    code, out, _ = run(
        "hvorfor", "BasicOrPaper", "--fikk", "papir", "--alder", "80", "--bankid", "nei",
        "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert out == (
        "For at ePROM skulle velge papirbrev, må dette ha vært tilfelle:\n"
        "- Helsenorge: ikke tilgjengelig. Da må dette stemme: ingen (for eksempel en forelder)"
        " kan åpne Helsenorge på vegne av pasienten.\n"
        "- Sikker digital postkasse (DigitalMailbox): ikke tilgjengelig, og det stemmer med det"
        " som er oppgitt: pasienten har ikke elektronisk ID på nivå 4 (BankID eller lignende).\n"
        "- SMS eller e-post (Unsecure): ikke tilgjengelig, av samme grunn som over.\n"
        "- Papirbrev (PhysicalMailbox): tilgjengelig.\n"
    )


def test_diagnose_by_channels_and_when_it_does_not_add_up() -> None:
    code, out, _ = run("diagnose", "BasicOrPaper", "--got", "papir", "--json")
    assert code == 0
    assert json.loads(out) == {
        "consistent": True,
        "must_be_unavailable": ["Helsenorge", "DigitalMailbox"],
        "must_be_available": ["PhysicalMailbox"],
        "irrelevant": ["Unsecure"],
        "check": {"helsenorge": [], "digital_mailbox": []},
        "must": {},
        "suspects": [],
    }
    code, out, _ = run(
        "diagnose", "BasicOrPaper", "--got", "papir", "--available", "papir", "--unknown",
        "helsenorge",
    )  # fmt: skip
    assert code == 0
    assert out == (
        "For ePROM to choose paper letter, this must have been so:\n"
        "- Helsenorge: not available. Check whether the patient can be reached on Helsenorge.\n"
        "- Secure digital mailbox (DigitalMailbox): not available, as given.\n"
        "- SMS or e-mail (Unsecure): not available, as given.\n"
        "- Paper letter (PhysicalMailbox): available.\n"
    )
    for nothing in ("ingen", "ingenting", "nothing"):
        code, out, _ = run("diagnose", "--got", nothing, "--lang", "nb")
        assert code == 0
        assert out.startswith("Når skjemaet ikke ble sendt, må dette ha vært tilfelle:\n")
    # A channel the rule never uses is the rule's doing, not the facts'.
    code, out, _ = run("diagnose", "Basic", "--got", "paper")
    assert code == 0
    assert out == (
        "This does not add up: rule 0 Basic never uses paper letter, whatever holds for the"
        " patient. Check that the order was sent with this rule (distributionRule in the order),"
        " and whether what the patient got came from another system.\n"
    )
    code, out, _ = run("diagnose", "BasicOrPaper", "--got", "paper", "--available", "helsenorge")
    assert out == (
        "This does not add up: with this rule and what was given, ePROM could not choose paper"
        " letter. Check the rule and the facts.\n"
    )
    code, out, _ = run("hvorfor", "2", "--fikk", "ingen", "--lang", "nb")
    assert out == (
        "Ingenting ble sendt, slik regel 2 NoDistribution sier: pasienten åpner skjemaet med"
        " engangskoden (singleUseCode i svaret på bestillingen). Ingen kanal trengte å være"
        " utilgjengelig.\n"
    )
    code, _, err = run("diagnose", "Basic", "--got", "sms", "--age", "17", "--available", "sms")
    assert code != 0
    assert "--available" in err


def test_research_makes_the_research_reservation_matter() -> None:
    facts = (
        "--alder", "40", "--bankid", "ja", "--samtykke", "full", "--kan-representeres", "nei",
        "--krr-status", "aktiv", "--kontakt-oppdatert", "2026-06-01", "--digipost", "nei",
        "--postadresse", "ja", "--tidspunkt", "2026-11-25T12:00", "--lang", "nb",
    )  # fmt: skip
    code, out, _ = run("explain", "HelsenorgeOnly", *facts)
    assert code == 0
    assert "Resultat: pasienten får skjemaet på Helsenorge." in out
    code, out, _ = run("explain", "HelsenorgeOnly", "--forskning", *facts)
    assert code == 0
    assert (
        "Dette avgjør det: om pasienten har reservert seg mot å bli kontaktet om forskning" in out
    )
    code, out, _ = run(
        "explain", "HelsenorgeOnly", "--forskning", "--reservert-forskning", "ja", *facts
    )  # fmt: skip
    assert "Resultat: skjemaet blir ikke sendt" in out
    code, out, _ = run(
        "hvorfor", "HelsenorgeOnly", "--fikk", "ingen", "--forskning", *facts
    )  # fmt: skip
    assert (
        "- Helsenorge: ikke tilgjengelig. Da må dette stemme: pasienten har reservert seg på"
        " Helsenorge mot henvendelser til andre formål enn helsehjelp, og bestillersystemet er"
        " merket som forskning.\n"
    ) in out
