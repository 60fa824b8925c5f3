"""The words of an explanation that cannot be settled yet: its sentences, and each fact's words.

Same shape as every text table (``{lang: {key: text}}``), listed in
:data:`distribution.presentation._texts.TABLES`. Written to be read aloud to a nurse or a
patient: no codes, no enum names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from distribution._texts import Lang

# Sentences of an explanation while something that decides it is not known.
UNDECIDED: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "unsettled": "Kan ikke avgjøres ennå.",
        "step_chosen": "  {n}. {channel}: tilgjengelig, valgt.",
        "step_available": "  {n}. {channel}: tilgjengelig.",
        "step_missing": "  {n}. {channel}: ikke tilgjengelig.",
        "step_unknown": "  {n}. {channel}: ikke kjent ennå.",
        "first": "Hvis {condition}: {result}.",
        "next": "Ellers, hvis {condition}: {result}.",
        "last": "Ellers: {result}.",
        "reach": "pasienten kan nås {reach}",
        "decides": "Dette avgjør det: {facts}.",
        "decides_channels": "Dette avgjør det: om pasienten kan nås {channels}.",
        "unreachable": "Resultat: skjemaet blir ikke sendt, for pasienten kan ikke nås på noen av kanalene regelen tillater.",
        "unreachable_list": "Resultat: meldingen blir ikke sendt, for pasienten kan ikke nås på noen av kanalene i prioritetslisten.",
        "none": "skjemaet blir ikke sendt",
        "whatif_unknown": "Hvilke andre regler som ville nådd pasienten, kan ikke sies før dette er kjent.",
        "diag_head": "For at ePROM skulle velge {got}, må dette ha vært tilfelle:",
        "diag_explained": "- {channel}: ikke tilgjengelig, og det stemmer med det som er oppgitt: {reasons}.",
        "diag_check": "- {channel}: ikke tilgjengelig. Sjekk {facts}.",
        "diag_check_channel": "- {channel}: ikke tilgjengelig. Sjekk om pasienten kan nås {reach}.",
        "diag_available": "- {channel}: tilgjengelig.",
        "diag_head_none": "For at skjemaet ikke skulle bli sendt, må dette ha vært tilfelle:",
        "diag_known": "- {channel}: ikke tilgjengelig, som oppgitt.",
        "diag_inconsistent": "Dette stemmer ikke: med denne regelen og det som er oppgitt kunne ePROM ikke velge {got}. Sjekk regelen og opplysningene.",
    },
    "en": {
        "unsettled": "Cannot be settled yet.",
        "step_chosen": "  {n}. {channel}: available, chosen.",
        "step_available": "  {n}. {channel}: available.",
        "step_missing": "  {n}. {channel}: not available.",
        "step_unknown": "  {n}. {channel}: not known yet.",
        "first": "If {condition}: {result}.",
        "next": "Otherwise, if {condition}: {result}.",
        "last": "Otherwise: {result}.",
        "reach": "the patient can be reached {reach}",
        "decides": "What settles it: {facts}.",
        "decides_channels": "What settles it: whether the patient can be reached {channels}.",
        "unreachable": "Result: the form is not sent, because the patient cannot be reached on any channel the rule permits.",
        "unreachable_list": "Result: the message is not sent, because the patient cannot be reached on any channel of the priority list.",
        "none": "the form is not sent",
        "whatif_unknown": "Which other rules would reach the patient cannot be said until this is known.",
        "diag_head": "For ePROM to choose {got}, this must have been so:",
        "diag_explained": "- {channel}: not available, as what was given says: {reasons}.",
        "diag_check": "- {channel}: not available. Check {facts}.",
        "diag_check_channel": "- {channel}: not available. Check whether the patient can be reached {reach}.",
        "diag_available": "- {channel}: available.",
        "diag_head_none": "For the form not to be sent, this must have been so:",
        "diag_known": "- {channel}: not available, as given.",
        "diag_inconsistent": "This does not add up: with this rule and what was given, ePROM could not choose {got}. Check the rule and the facts.",
    },
}

# Each fact of the eligibility rules (the names of Eligibility.missing): "if_" says it holds,
# "check_" names what to look up.
FACT_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "if_age": "pasienten er gammel nok",
        "check_age": "pasientens alder",
        "if_level4_eid": "pasienten har BankID eller annen elektronisk ID på høyeste nivå",
        "check_level4_eid": "om pasienten har BankID eller annen elektronisk ID på høyeste nivå",
        "if_helsenorge_consent": "pasienten har gitt fullt samtykke på Helsenorge",
        "check_helsenorge_consent": "om pasienten har gitt fullt samtykke på Helsenorge",
        "if_helsenorge_representable": "noen (for eksempel en forelder) kan åpne Helsenorge på vegne av pasienten",
        "check_helsenorge_representable": "om noen (for eksempel en forelder) kan åpne Helsenorge på vegne av pasienten",
        "if_research_reserved": "pasienten ikke har reservert seg mot å bli kontaktet om forskning på Helsenorge",
        "check_research_reserved": "om pasienten har reservert seg mot å bli kontaktet om forskning på Helsenorge",
        "if_krr_record": "pasienten er digitalt aktiv (KRR oppdatert siste 18 måneder)",
        "check_krr_record": "hva Kontakt- og reservasjonsregisteret (KRR) har om pasienten",
        "if_digital_activity": "pasienten er digitalt aktiv (KRR oppdatert siste 18 måneder)",
        "check_digital_activity": "når pasienten sist oppdaterte eller bekreftet e-post eller mobilnummer i KRR",
        "if_krr_reserved": "pasienten ikke har reservert seg mot digital post i KRR",
        "check_krr_reserved": "om pasienten har reservert seg mot digital post i KRR",
        "if_krr_can_notify": "KRR sier at pasienten kan varsles",
        "check_krr_can_notify": "om KRR sier at pasienten kan varsles",
        "if_krr_mailbox": "pasienten har sikker digital postkasse (Digipost eller e-Boks)",
        "check_krr_mailbox": "om pasienten har sikker digital postkasse (Digipost eller e-Boks)",
        "if_postal_address": "pasienten har en postadresse",
        "check_postal_address": "om pasienten har en postadresse",
    },
    "en": {
        "if_age": "the patient is old enough",
        "check_age": "the patient's age",
        "if_level4_eid": "the patient has BankID or another electronic ID at the highest level",
        "check_level4_eid": "whether the patient has BankID or another electronic ID at the highest level",
        "if_helsenorge_consent": "the patient has given full consent on Helsenorge",
        "check_helsenorge_consent": "whether the patient has given full consent on Helsenorge",
        "if_helsenorge_representable": "someone (a parent, say) can open Helsenorge on the patient's behalf",
        "check_helsenorge_representable": "whether someone (a parent, say) can open Helsenorge on the patient's behalf",
        "if_research_reserved": "the patient has not opted out of being contacted about research on Helsenorge",
        "check_research_reserved": "whether the patient has opted out of being contacted about research on Helsenorge",
        "if_krr_record": "the patient is digitally active (KRR updated within 18 months)",
        "check_krr_record": "what the contact register (KRR) holds on the patient",
        "if_digital_activity": "the patient is digitally active (KRR updated within 18 months)",
        "check_digital_activity": "when the patient last updated or confirmed an e-mail address or mobile number in KRR",
        "if_krr_reserved": "the patient has not opted out of digital post in KRR",
        "check_krr_reserved": "whether the patient has opted out of digital post in KRR",
        "if_krr_can_notify": "KRR says the patient can be notified",
        "check_krr_can_notify": "whether KRR says the patient can be notified",
        "if_krr_mailbox": "the patient has a secure digital mailbox (Digipost or e-Boks)",
        "check_krr_mailbox": "whether the patient has a secure digital mailbox (Digipost or e-Boks)",
        "if_postal_address": "the patient has a postal address",
        "check_postal_address": "whether the patient has a postal address",
    },
}
