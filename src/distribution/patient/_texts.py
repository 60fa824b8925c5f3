"""The texts the patient layer speaks: eligibility reasons and national ID problems.

Every table has the shape ``{lang: {key: text}}`` and is listed in :data:`TABLES`;
``tests/test_texts.py`` proves that each language has every key with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from distribution._texts import Lang

# Why a channel is or is not available (``eligibility.Reason``, by value).
REASONS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "on_behalf_of": "på Helsenorge går skjemaet til den det gjelder (onBehalfOfNationalId), så det er den personens opplysninger som teller",
        "helsenorge_active": "pasienten har gitt fullt samtykke på Helsenorge",
        "helsenorge_represented": "noen (for eksempel en forelder) kan åpne Helsenorge på vegne av pasienten",
        "research_not_reserved": "pasienten har ikke reservert seg på Helsenorge mot henvendelser til andre formål enn helsehjelp, som forskning",
        "digitally_active": "pasienten er digitalt aktiv: kontaktinformasjonen i KRR er oppdatert eller bekreftet de siste 18 månedene",
        "digital_mailbox_active": "pasienten har sikker digital postkasse (Digipost/e-Boks) registrert i KRR",
        "email_current": "e-postadressen i KRR er oppdatert eller bekreftet de siste 18 månedene",
        "mobile_current": "mobilnummeret i KRR er oppdatert eller bekreftet de siste 18 månedene",
        "postal_address": "pasienten har postadresse i Folkeregisteret",
        "physical_address": "bestillingen oppgir postadresse (physicalAddress)",
        "no_level4_eid": "pasienten har ikke elektronisk ID på nivå 4 (BankID eller lignende)",
        "eid_unknown": "vi vet ikke om pasienten har elektronisk ID på nivå 4 (BankID eller lignende)",
        "age_unknown": "vi vet ikke hvor gammel pasienten er",
        "under_13": "pasienten er under 13 år",
        "under_16": "pasienten er under 16 år",
        "under_18": "pasienten er under 18 år",
        "no_helsenorge_consent": "pasienten har ikke gitt fullt samtykke på Helsenorge",
        "helsenorge_unknown": "vi vet ikke om pasienten har gitt fullt samtykke på Helsenorge",
        "not_representable": "ingen (for eksempel en forelder) kan åpne Helsenorge på vegne av pasienten",
        "representation_unknown": "vi vet ikke om noen (for eksempel en forelder) kan åpne Helsenorge på vegne av pasienten",
        "research_reserved": "pasienten har reservert seg på Helsenorge mot henvendelser til andre formål enn helsehjelp, og bestillersystemet er merket som forskning",
        "research_reservation_unknown": "vi vet ikke om pasienten har reservert seg på Helsenorge mot henvendelser til andre formål enn helsehjelp, og bestillersystemet er merket som forskning",
        "not_digitally_active": "pasienten er ikke digitalt aktiv (det krever kontaktinformasjon i KRR som er oppdatert eller bekreftet de siste 18 månedene)",
        "digital_activity_unknown": "vi vet ikke om pasienten er digitalt aktiv (har kontaktinformasjon i KRR som er oppdatert eller bekreftet de siste 18 månedene)",
        "krr_unknown": "det er ikke gjort oppslag i Kontakt- og reservasjonsregisteret (KRR)",
        "krr_not_registered": "pasienten er ikke registrert i Kontakt- og reservasjonsregisteret (KRR)",
        "krr_deleted": "pasienten er slettet fra Kontakt- og reservasjonsregisteret (KRR)",
        "no_contact_details": "pasienten har verken e-postadresse eller mobilnummer i KRR",
        "email_stale": "e-postadressen i KRR ble sist oppdatert eller bekreftet for mer enn 18 måneder siden",
        "mobile_stale": "mobilnummeret i KRR ble sist oppdatert eller bekreftet for mer enn 18 måneder siden",
        "email_undated": "KRR oppgir ikke når e-postadressen sist ble oppdatert eller bekreftet",
        "mobile_undated": "KRR oppgir ikke når mobilnummeret sist ble oppdatert eller bekreftet",
        "krr_unrecognised": "svaret fra KRR har felt vi ikke kjenner igjen, så vi kan ha gått glipp av opplysninger",
        "krr_reserved": "pasienten er reservert mot digital kommunikasjon i KRR",
        "krr_reservation_unknown": "det er ikke oppgitt om pasienten er reservert mot digital kommunikasjon i KRR",
        "krr_cannot_notify": "KRR sier at pasienten ikke kan varsles (KAN_IKKE_VARSLES)",
        "krr_notify_unknown": "det er ikke oppgitt om KRR sier at pasienten kan varsles",
        "krr_contradictory": "svaret fra KRR motsier seg selv: pasienten er reservert (JA), men kan likevel varsles (KAN_VARSLES); sjekk oppslaget",
        "no_digital_mailbox": "pasienten har ikke sikker digital postkasse (Digipost/e-Boks) i KRR",
        "digital_mailbox_unknown": "vi vet ikke om pasienten har sikker digital postkasse (Digipost/e-Boks)",
        "no_postal_address": "pasienten har ingen kjent postadresse",
        "postal_address_unknown": "vi vet ikke om pasienten har postadresse",
    },
    "en": {
        "on_behalf_of": "on Helsenorge the form goes to the person it concerns (onBehalfOfNationalId), so this is about that person",
        "helsenorge_active": "the patient has given full consent on Helsenorge",
        "helsenorge_represented": "someone (a parent, say) can open Helsenorge on the patient's behalf",
        "research_not_reserved": "the patient has not reserved on Helsenorge against contact for purposes other than health care, such as research",
        "digitally_active": "the patient is digitally active: the contact details in KRR were updated or confirmed within the last 18 months",
        "digital_mailbox_active": "the patient has a secure digital mailbox (Digipost/e-Boks) registered in KRR",
        "email_current": "the e-mail address in KRR was updated or confirmed within the last 18 months",
        "mobile_current": "the mobile number in KRR was updated or confirmed within the last 18 months",
        "postal_address": "the patient has a postal address in Folkeregisteret",
        "physical_address": "the order gives a postal address (physicalAddress)",
        "no_level4_eid": "the patient has no electronic ID at level 4 (BankID or similar)",
        "eid_unknown": "not known whether the patient has electronic ID at level 4 (BankID or similar)",
        "age_unknown": "the patient's age is not known",
        "under_13": "the patient is under 13",
        "under_16": "the patient is under 16",
        "under_18": "the patient is under 18",
        "no_helsenorge_consent": "the patient has not given full consent on Helsenorge",
        "helsenorge_unknown": "not known whether the patient has given full consent on Helsenorge",
        "not_representable": "nobody (a parent, say) can open Helsenorge on the patient's behalf",
        "representation_unknown": "not known whether someone (a parent, say) can open Helsenorge on the patient's behalf",
        "research_reserved": "the patient has reserved on Helsenorge against contact for purposes other than health care, and the ordering system is marked as research",
        "research_reservation_unknown": "not known whether the patient has reserved on Helsenorge against contact for purposes other than health care, and the ordering system is marked as research",
        "not_digitally_active": "the patient is not digitally active (that takes contact details in KRR updated or confirmed within the last 18 months)",
        "digital_activity_unknown": "not known whether the patient is digitally active (has contact details in KRR updated or confirmed within the last 18 months)",
        "krr_unknown": "no lookup in the contact register (KRR) was made",
        "krr_not_registered": "the patient is not registered in the contact register (KRR)",
        "krr_deleted": "the patient is deleted from the contact register (KRR)",
        "no_contact_details": "the patient has neither an e-mail address nor a mobile number in KRR",
        "email_stale": "the e-mail address in KRR was last updated or confirmed more than 18 months ago",
        "mobile_stale": "the mobile number in KRR was last updated or confirmed more than 18 months ago",
        "email_undated": "KRR does not say when the e-mail address was last updated or confirmed",
        "mobile_undated": "KRR does not say when the mobile number was last updated or confirmed",
        "krr_unrecognised": "the KRR record has fields we do not recognise, so we may have missed facts in it",
        "krr_reserved": "the patient is reserved against digital communication in KRR",
        "krr_reservation_unknown": "it is not given whether the patient is reserved against digital communication in KRR",
        "krr_cannot_notify": "KRR says the patient cannot be notified (KAN_IKKE_VARSLES)",
        "krr_notify_unknown": "it is not given whether KRR says the patient can be notified",
        "krr_contradictory": "the KRR record contradicts itself: the patient is reserved (JA) yet can be notified (KAN_VARSLES); check the lookup",
        "no_digital_mailbox": "the patient has no secure digital mailbox (Digipost/e-Boks) in KRR",
        "digital_mailbox_unknown": "not known whether the patient has a secure digital mailbox (Digipost/e-Boks)",
        "no_postal_address": "the patient has no known postal address",
        "postal_address_unknown": "not known whether the patient has a postal address",
    },
}


# What is wrong with an order or a message ePROM would refuse (``preflight.ProblemCode``, by value).
PROBLEMS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "signing_without_distribution": "Et skjema som krever signatur kan ikke bestilles med NoDistribution: signering krever innlogging på sikkerhetsnivå 4, noe en engangskode ikke gir.",
        "signing_on_behalf": "Et skjema som krever signatur kan ikke bestilles på vegne av andre.",
        "paper_not_enabled": "Regel {rule} kan sende papirbrev, men skjemaet er ikke satt opp for papir; velg en regel uten papir eller slå på papir for skjemaet.",
        "national_id_h_number": "Identifikatoren er et H-nummer (hjelpenummer i helsetjenesten); ePROM trenger fødselsnummer eller D-nummer.",
        "national_id_fh_number": "Identifikatoren er et FH-nummer (felles hjelpenummer); ePROM trenger fødselsnummer eller D-nummer.",
        "national_id_format": "Fødselsnummeret må ha 11 siffer.",
        "national_id_checksum": "Kontrollsifrene i fødselsnummeret stemmer ikke; sjekk for skrivefeil.",
        "national_id_date": "Fødselsnummeret inneholder ikke en gyldig fødselsdato.",
        "paper_not_enabled_no_rule": "Regelen kan sende papirbrev, men skjemaet er ikke satt opp for papir; velg en regel uten papir eller slå på papir for skjemaet.",
        "form_not_published": "Skjemaet er ikke publisert i ePROM; publiser det før det bestilles.",
        "form_not_found": "ePROM har ikke noe skjema med denne id-en (formId); sjekk skjemaets id.",
        "metadata_not_json": "Metadata (metadata) er ikke et gyldig JSON-objekt.",
        "main_document_missing": "Meldingen har ingen dokumenter; ePROM trenger minst hoveddokumentet.",
    },
    "en": {
        "signing_without_distribution": "A form that must be signed cannot be ordered with NoDistribution: signing needs a level-4 login, which a one-time code does not give.",
        "signing_on_behalf": "A form that must be signed cannot be ordered on behalf of someone else.",
        "paper_not_enabled": "Rule {rule} may send paper, but the form is not paper enabled; choose a rule without paper or enable paper for the form.",
        "national_id_h_number": "The national ID is an H-number (an aid number used in health care); ePROM needs a fødselsnummer or D-nummer.",
        "national_id_fh_number": "The national ID is an FH-number (a help number); ePROM needs a fødselsnummer or D-nummer.",
        "national_id_format": "The national ID must be 11 digits.",
        "national_id_checksum": "The national ID's check digits are wrong; check for a typo.",
        "national_id_date": "The national ID does not contain a valid birth date.",
        "paper_not_enabled_no_rule": "The rule may send paper, but the form is not paper enabled; choose a rule without paper or enable paper for the form.",
        "form_not_published": "The form is not published in ePROM; publish it before ordering it.",
        "form_not_found": "ePROM has no form with this id (formId); check the form's id.",
        "metadata_not_json": "The metadata (metadata) is not a valid JSON object.",
        "main_document_missing": "The message has no documents; ePROM needs at least the main document.",
    },
}


TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "REASONS": REASONS,
    "PROBLEMS": PROBLEMS,
}
"""Every text table of this layer by name, for the tests that compare the languages."""
