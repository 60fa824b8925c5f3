"""What the explainer and ``describe`` say, in bokmål and English (internal).

Written as a Norwegian support desk speaks (``shared/domain.md`` §6). Every text is data keyed by
a code or an outcome, so adding a rule or a language means adding rows here, not branches
elsewhere. ``tests/test_phrasebook.py`` checks both languages have the same keys and placeholders.
"""

from __future__ import annotations

from typing import Final

from distribution.codes import (
    DistributionRule,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)

_R, _C = DistributionRule, NotificationChannel
_S, _E = FormOrderStatus, FormOrderStatusErrorCode
_M, _L = SentStatus, FormOrderEventLogType

# The short name of each channel, as it stands inside a sentence.
CHANNEL_NAMES: Final[dict[str, dict[NotificationChannel, str]]] = {
    "en": {
        _C.NONE: "no channel",
        _C.HELSENORGE: "Helsenorge",
        _C.DIGITAL_MAILBOX: "secure digital mailbox (Digipost/e-Boks)",
        _C.UNSECURE: "e-mail/SMS to the contact details in KRR",
        _C.PHYSICAL_MAILBOX: "paper letter",
    },
    "nb": {
        _C.NONE: "ingen kanal",
        _C.HELSENORGE: "Helsenorge",
        _C.DIGITAL_MAILBOX: "sikker digital postkasse (Digipost/e-Boks)",
        _C.UNSECURE: "varsel på SMS eller e-post til kontaktinformasjonen i KRR",
        _C.PHYSICAL_MAILBOX: "brev i posten",
    },
}

# Sentences of an explanation. Keys ending in an outcome's name are chosen by the outcome;
# "order" texts are for a form order with a rule, "message" texts for a message's priority list.
PHRASES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "rule": "Rule: {code} {name}. {meaning}",
        "priority_list": "Priority list of a message to a citizen (no distribution rule).",
        "route": "Order of channels tried: {route}.",
        "route_empty": "Order of channels tried: none; this rule sends no notice.",
        "step_chosen": "  {n}. {channel}: available, chosen.",
        "step_fallback": "  {n}. {channel}: available, next in line if this fails.",
        "step_missing": "  {n}. {channel}: not available.",
        "because": "  (why: {reasons})",
        "result_NOTIFIED": "Result: the patient is notified by {channel}.",
        "result_NOT_DISTRIBUTED": (
            "Result: nothing is sent. With NoDistribution the ordering system gives the patient"
            " a one-time code (engangskode) to open the form with."
        ),
        "result_UNREACHABLE": (
            "Result: nothing could be sent. The rule permits {route}, but the patient can be"
            " reached on none of them."
        ),
        "fallbacks": "Fallbacks left: {channels}.",
        "fallbacks_none": "Fallbacks left: none.",
        "callback_order_NOTIFIED": (
            "Expect in ePROM's status callback: FormOrderStatus 2 Ordered, then 0 Completed"
            " when the patient answers."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "Expect in ePROM's answer: the order response carries singleUseCode, the one-time"
            " code to give the patient; the status is 2 Ordered."
        ),
        "callback_order_UNREACHABLE": (
            "Expect in ePROM's status callback: FormOrderStatus 3 Error with"
            " FormOrderStatusErrorCode 1 PatientUnreachable."
        ),
        "callback_message_NOTIFIED": (
            "Expect in ePROM's status callback: SentStatus 0 Sent, NotificationChannel {code}"
            " {name}."
        ),
        "callback_message_UNREACHABLE": (
            "Expect in ePROM's status callback: SentStatus 1 Error, NotificationChannel 0 None."
        ),
        "unused": "Note: the patient can also be reached by {channels}, which this rule does not use.",
        "unused_list": (
            "Note: the patient can also be reached by {channels}, which the priority list does"
            " not name."
        ),
        "whatif": "Rules that would reach this patient instead:",
        "whatif_paper": "Rules that would reach this patient digitally instead of by paper:",
        "whatif_item": "  - {code} {name}: by {channel}",
        "whatif_none": "No rule can reach this patient; with NoDistribution they get a one-time code.",
    },
    "nb": {
        "rule": "Regel: {code} {name}. {meaning}",
        "priority_list": "Prioritetsliste for en melding til innbygger (ingen distribusjonsregel).",
        "route": "Kanaler som prøves, i rekkefølge: {route}.",
        "route_empty": "Kanaler som prøves: ingen; denne regelen sender ikke varsel.",
        "step_chosen": "  {n}. {channel}: tilgjengelig, valgt.",
        "step_fallback": "  {n}. {channel}: tilgjengelig, neste i køen hvis dette feiler.",
        "step_missing": "  {n}. {channel}: ikke tilgjengelig.",
        "because": "  (hvorfor: {reasons})",
        "result_NOTIFIED": "Resultat: pasienten får varsel via {channel}.",
        "result_NOT_DISTRIBUTED": (
            "Resultat: ingenting sendes. Med NoDistribution gir bestillersystemet pasienten en"
            " engangskode som åpner skjemaet."
        ),
        "result_UNREACHABLE": (
            "Resultat: ingenting kunne sendes. Regelen tillater {route}, men pasienten kan ikke"
            " nås på noen av dem."
        ),
        "fallbacks": "Gjenstående reservekanaler: {channels}.",
        "fallbacks_none": "Gjenstående reservekanaler: ingen.",
        "callback_order_NOTIFIED": (
            "Forvent i statuskallet fra ePROM: FormOrderStatus 2 Ordered (Bestilt), deretter"
            " 0 Completed (Besvart) når pasienten har svart."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "Forvent i svaret fra ePROM: bestillingen returnerer singleUseCode, engangskoden"
            " pasienten skal få; status er 2 Ordered (Bestilt)."
        ),
        "callback_order_UNREACHABLE": (
            "Forvent i statuskallet fra ePROM: FormOrderStatus 3 Error (Feilet) med"
            " FormOrderStatusErrorCode 1 PatientUnreachable (pasienten kunne ikke nås)."
        ),
        "callback_message_NOTIFIED": (
            "Forvent i statuskallet fra ePROM: SentStatus 0 Sent (Sendt), NotificationChannel"
            " {code} {name}."
        ),
        "callback_message_UNREACHABLE": (
            "Forvent i statuskallet fra ePROM: SentStatus 1 Error (Feilet), NotificationChannel"
            " 0 None."
        ),
        "unused": "Merk: pasienten kan også nås via {channels}, som denne regelen ikke bruker.",
        "unused_list": "Merk: pasienten kan også nås via {channels}, som ikke står i prioritetslisten.",
        "whatif": "Regler som ville nådd pasienten i stedet:",
        "whatif_paper": "Regler som ville nådd pasienten digitalt i stedet for med brev:",
        "whatif_item": "  - {code} {name}: via {channel}",
        "whatif_none": "Ingen regel når denne pasienten; med NoDistribution får de en engangskode.",
    },
}

# One line of meaning for every code of every enum (describe()). Keyed by enum first: members
# of different IntEnums with the same code are equal, so one flat dict would mix them up.
MEANINGS: Final[dict[str, dict[type, dict[object, str]]]] = {
    "en": {
        DistributionRule: {
            _R.BASIC: "Helsenorge first, then the secure digital mailbox. The default rule.",
            _R.ALLOW_UNSECURE: "As Basic, then e-mail or SMS to the contact details in KRR.",
            _R.NO_DISTRIBUTION: (
                "No notice is sent; the ordering system gives the patient a one-time code."
            ),
            _R.BASIC_OR_PAPER: "As Basic, with a paper letter as the last resort.",
            _R.ALLOW_UNSECURE_OR_PAPER: "As AllowUnsecure, with a paper letter as the last resort.",
            _R.PAPER_ONLY: "Only a paper letter in the post.",
            _R.HELSENORGE_ONLY: "Only Helsenorge.",
            _R.DIGITAL_MAILBOX_ONLY: "Only the secure digital mailbox (Digipost/e-Boks).",
            _R.UNSECURE_ONLY: "Only e-mail or SMS to the contact details in KRR.",
        },
        NotificationChannel: {
            _C.NONE: "No notice was sent: NoDistribution, or the patient could not be reached.",
            _C.HELSENORGE: "Helsenorge: the form is in the patient's inbox on helsenorge.no.",
            _C.DIGITAL_MAILBOX: "Secure digital mailbox: the form went to Digipost or e-Boks.",
            _C.UNSECURE: (
                "E-mail or SMS to the contact details in the contact register (KRR); not a secure"
                " channel, so it only tells the patient where to log in."
            ),
            _C.PHYSICAL_MAILBOX: (
                "Paper letter in the post, to the Folkeregister address or the order's"
                " physicalAddress."
            ),
        },
        FormOrderStatus: {
            _S.COMPLETED: "Completed: the patient has answered the form.",
            _S.EXPIRED: (
                "Expired: the deadline passed before the patient answered; order the form again"
                " if it is still needed."
            ),
            _S.ORDERED: "Ordered: the form has been sent and waits for the patient's answer.",
            _S.ERROR: (
                "Error: the order failed; the error code says why (PatientUnreachable: no channel"
                " the rule permits reached the patient)."
            ),
            _S.PHYSICAL_MAIL_RETURNED: (
                "Letter returned: the paper letter came back; check the patient's address in"
                " Folkeregisteret or give one in physicalAddress, then order again."
            ),
            _S.DIGIPOST_DELIVERED: (
                "Delivered to the digital mailbox: the form reached the patient's Digipost or"
                " e-Boks."
            ),
        },
        FormOrderStatusErrorCode: {
            _E.NONE: "No error.",
            _E.PATIENT_UNREACHABLE: (
                "Patient unreachable: the rule permits no channel the patient has; choose a rule"
                " that reaches them, or use NoDistribution and give a one-time code."
            ),
            _E.SIKKER_DIGITAL_POST_ERROR: (
                "Secure digital post failed: delivery to Digipost or e-Boks failed; try again"
                " later or use a rule with another channel."
            ),
        },
        SentStatus: {
            _M.SENT: "Sent: the message went out on the channel named in the callback.",
            _M.ERROR: (
                "Error: the message could not be sent on any channel of the priority list"
                " (channel 0 None)."
            ),
        },
        FormOrderEventLogType: {
            _L.FORM_OPENED: "The patient opened the form.",
            _L.QUESTION_ACCESSED: "The patient looked at a question in the form.",
            _L.SIGNING_STARTED: "The patient started signing the form.",
            _L.SIGNING_CANCELLED: "The patient cancelled the signing.",
            _L.SIGNING_ERROR: "Signing failed; the patient can try again.",
        },
    },
    "nb": {
        DistributionRule: {
            _R.BASIC: "Først Helsenorge, deretter sikker digital postkasse. Standardregelen.",
            _R.ALLOW_UNSECURE: "Som Basic, deretter SMS eller e-post til kontaktinformasjonen i KRR.",
            _R.NO_DISTRIBUTION: "Ingen varsel sendes; bestillersystemet gir pasienten en engangskode.",
            _R.BASIC_OR_PAPER: "Som Basic, med brev i posten som siste utvei.",
            _R.ALLOW_UNSECURE_OR_PAPER: "Som AllowUnsecure, med brev i posten som siste utvei.",
            _R.PAPER_ONLY: "Bare brev i posten.",
            _R.HELSENORGE_ONLY: "Bare Helsenorge.",
            _R.DIGITAL_MAILBOX_ONLY: "Bare sikker digital postkasse (Digipost/e-Boks).",
            _R.UNSECURE_ONLY: "Bare SMS eller e-post til kontaktinformasjonen i KRR.",
        },
        NotificationChannel: {
            _C.NONE: "Ingen varsel ble sendt: NoDistribution, eller pasienten kunne ikke nås.",
            _C.HELSENORGE: "Helsenorge: skjemaet ligger i pasientens innboks på helsenorge.no.",
            _C.DIGITAL_MAILBOX: "Sikker digital postkasse: skjemaet ble sendt til Digipost eller e-Boks.",
            _C.UNSECURE: (
                "Varsel på SMS eller e-post til kontaktinformasjonen i Kontakt- og"
                " reservasjonsregisteret (KRR); ikke en sikker kanal, så varselet sier bare hvor"
                " pasienten skal logge inn."
            ),
            _C.PHYSICAL_MAILBOX: (
                "Brev i posten, til adressen i Folkeregisteret eller physicalAddress i bestillingen."
            ),
        },
        FormOrderStatus: {
            _S.COMPLETED: "Besvart: pasienten har svart på skjemaet.",
            _S.EXPIRED: (
                "Utgått: fristen gikk ut før pasienten svarte; bestill skjemaet på nytt om det"
                " fortsatt trengs."
            ),
            _S.ORDERED: "Bestilt: skjemaet er sendt og venter på svar fra pasienten.",
            _S.ERROR: (
                "Feilet: bestillingen feilet; feilkoden sier hvorfor (PatientUnreachable: ingen"
                " kanal regelen tillater nådde pasienten)."
            ),
            _S.PHYSICAL_MAIL_RETURNED: (
                "Brev i retur: brevet kom tilbake; sjekk pasientens adresse i Folkeregisteret eller"
                " oppgi en i physicalAddress, og bestill på nytt."
            ),
            _S.DIGIPOST_DELIVERED: (
                "Levert i digital postkasse: skjemaet kom fram til pasientens Digipost eller e-Boks."
            ),
        },
        FormOrderStatusErrorCode: {
            _E.NONE: "Ingen feil.",
            _E.PATIENT_UNREACHABLE: (
                "Pasienten kunne ikke nås: regelen tillater ingen kanal pasienten har; velg en regel"
                " som når pasienten, eller bruk NoDistribution og gi en engangskode."
            ),
            _E.SIKKER_DIGITAL_POST_ERROR: (
                "Feil i sikker digital post: leveringen til Digipost eller e-Boks feilet; prøv igjen"
                " senere eller bruk en regel med en annen kanal."
            ),
        },
        SentStatus: {
            _M.SENT: "Sendt: meldingen gikk ut på kanalen som står i statuskallet.",
            _M.ERROR: (
                "Feilet: meldingen kunne ikke sendes på noen kanal i prioritetslisten (kanal 0 None)."
            ),
        },
        FormOrderEventLogType: {
            _L.FORM_OPENED: "Pasienten åpnet skjemaet.",
            _L.QUESTION_ACCESSED: "Pasienten så på et spørsmål i skjemaet.",
            _L.SIGNING_STARTED: "Pasienten begynte å signere skjemaet.",
            _L.SIGNING_CANCELLED: "Pasienten avbrøt signeringen.",
            _L.SIGNING_ERROR: "Signeringen feilet; pasienten kan prøve igjen.",
        },
    },
}

# Why a channel is or is not available (eligibility.Reason, by value).
REASONS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "helsenorge_active": "has consented to Helsenorge (level Full)",
        "helsenorge_represented": "can be represented on Helsenorge",
        "digital_mailbox_active": "has a secure digital mailbox registered in KRR",
        "email_current": "e-mail address in KRR updated or verified within 18 months",
        "mobile_current": "mobile number in KRR updated or verified within 18 months",
        "postal_address": "has a postal address in Folkeregisteret",
        "physical_address": "the order gives a postal address (physicalAddress)",
        "no_level4_eid": "has no electronic ID at level 4 (BankID or similar)",
        "eid_unknown": "not known whether the patient has electronic ID at level 4",
        "age_unknown": "the patient's age is not known",
        "under_13": "is under 13",
        "under_16": "is under 16 and cannot be represented on Helsenorge",
        "under_18": "is under 18",
        "no_helsenorge_consent": "has not given full consent on Helsenorge",
        "helsenorge_unknown": "not known whether the patient uses Helsenorge",
        "krr_unknown": "no record from the contact register (KRR) was given",
        "krr_not_registered": "is not registered in the contact register (KRR)",
        "krr_deleted": "is deleted from the contact register (KRR)",
        "krr_reserved": "is reserved against digital communication in KRR",
        "krr_cannot_notify": "KRR says the patient cannot be notified (KAN_IKKE_VARSLES)",
        "krr_notify_unknown": "the KRR record does not say whether the patient can be notified",
        "no_digital_mailbox": "has no secure digital mailbox (Digipost/e-Boks) in KRR",
        "no_contact_details": "has no e-mail address or mobile number in KRR",
        "contact_details_stale": (
            "the e-mail address and mobile number in KRR are older than 18 months"
        ),
        "contact_details_undated": "KRR gives no update or verification date for the contact details",
        "no_postal_address": "has no known postal address",
        "postal_address_unknown": "not known whether the patient has a postal address",
    },
    "nb": {
        "helsenorge_active": "har gitt fullt samtykke på Helsenorge",
        "helsenorge_represented": "kan representeres på Helsenorge",
        "digital_mailbox_active": "har sikker digital postkasse registrert i KRR",
        "email_current": "e-postadressen i KRR er oppdatert eller bekreftet siste 18 måneder",
        "mobile_current": "mobilnummeret i KRR er oppdatert eller bekreftet siste 18 måneder",
        "postal_address": "har postadresse i Folkeregisteret",
        "physical_address": "bestillingen oppgir postadresse (physicalAddress)",
        "no_level4_eid": "har ikke elektronisk ID på nivå 4 (BankID eller lignende)",
        "eid_unknown": "vi vet ikke om pasienten har elektronisk ID på nivå 4",
        "age_unknown": "pasientens alder er ukjent",
        "under_13": "er under 13 år",
        "under_16": "er under 16 år og kan ikke representeres på Helsenorge",
        "under_18": "er under 18 år",
        "no_helsenorge_consent": "har ikke gitt fullt samtykke på Helsenorge",
        "helsenorge_unknown": "vi vet ikke om pasienten bruker Helsenorge",
        "krr_unknown": "vi har ikke fått opplysninger fra kontaktregisteret (KRR)",
        "krr_not_registered": "er ikke registrert i Kontakt- og reservasjonsregisteret (KRR)",
        "krr_deleted": "er slettet fra Kontakt- og reservasjonsregisteret (KRR)",
        "krr_reserved": "er reservert mot digital kommunikasjon i KRR",
        "krr_cannot_notify": "KRR sier at pasienten ikke kan varsles (KAN_IKKE_VARSLES)",
        "krr_notify_unknown": "KRR-opplysningene sier ikke om pasienten kan varsles",
        "no_digital_mailbox": "har ikke sikker digital postkasse (Digipost/e-Boks) i KRR",
        "no_contact_details": "har verken e-postadresse eller mobilnummer i KRR",
        "contact_details_stale": "e-postadresse og mobilnummer i KRR er eldre enn 18 måneder",
        "contact_details_undated": "KRR oppgir ikke når kontaktinformasjonen ble oppdatert eller bekreftet",
        "no_postal_address": "har ingen kjent postadresse",
        "postal_address_unknown": "vi vet ikke om pasienten har postadresse",
    },
}

# What went wrong in an order ePROM would refuse (preflight.Problem, by value).
PROBLEMS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "signing_without_distribution": (
            "A form that must be signed cannot be ordered with NoDistribution: signing needs a"
            " level-4 login, which a one-time code does not give."
        ),
        "signing_on_behalf": "A form that must be signed cannot be ordered on behalf of someone else.",
        "paper_not_enabled": (
            "Rule {rule} may send paper, but the form is not paper enabled; choose a rule without"
            " paper or enable paper for the form."
        ),
        "national_id_h_number": (
            "The national ID is an H-number (an aid number used in health care); ePROM needs a"
            " fødselsnummer or D-nummer."
        ),
        "national_id_fh_number": (
            "The national ID is an FH-number (a help number); ePROM needs a fødselsnummer or"
            " D-nummer."
        ),
        "national_id_format": "The national ID must be 11 digits.",
        "national_id_checksum": "The national ID's check digits are wrong; check for a typo.",
        "national_id_date": "The national ID does not contain a valid birth date.",
    },
    "nb": {
        "signing_without_distribution": (
            "Et skjema som krever signatur kan ikke bestilles med NoDistribution: signering"
            " krever innlogging på nivå 4, og det gir ikke en engangskode."
        ),
        "signing_on_behalf": "Et skjema som krever signatur kan ikke bestilles på vegne av andre.",
        "paper_not_enabled": (
            "Regel {rule} kan sende brev i posten, men skjemaet er ikke satt opp for papir; velg"
            " en regel uten papir eller slå på papir for skjemaet."
        ),
        "national_id_h_number": (
            "Identifikatoren er et H-nummer (hjelpenummer i helsetjenesten); ePROM trenger"
            " fødselsnummer eller D-nummer."
        ),
        "national_id_fh_number": (
            "Identifikatoren er et FH-nummer (felles hjelpenummer); ePROM trenger fødselsnummer"
            " eller D-nummer."
        ),
        "national_id_format": "Fødselsnummeret må ha 11 siffer.",
        "national_id_checksum": "Kontrollsifrene i fødselsnummeret stemmer ikke; sjekk for skrivefeil.",
        "national_id_date": "Fødselsnummeret inneholder ikke en gyldig fødselsdato.",
    },
}

# Labels of the command line's plain output.
LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "rule": "Rule",
        "priority_list": "Priority list",
        "route": "Route",
        "available": "Available",
        "chain": "Fallback chain",
        "channel": "Channel",
        "outcome": "Outcome",
        "none": "none",
        "eligibility": "Who can be reached where",
        "yes": "available",
        "no": "not available",
        "preflight_ok": "No problems found: ePROM should accept this order.",
        "preflight_problems": "ePROM would refuse this order:",
        "error": "error",
        "unreachable_rows": "unreachable",
        "paper_despite_digital": "paper although digital exists",
        "patients": "patients",
        "skipped": "rows skipped",
    },
    "nb": {
        "rule": "Regel",
        "priority_list": "Prioritetsliste",
        "route": "Rekkefølge",
        "available": "Tilgjengelig",
        "chain": "Reservekjede",
        "channel": "Kanal",
        "outcome": "Utfall",
        "none": "ingen",
        "eligibility": "Hvem kan nås hvor",
        "yes": "tilgjengelig",
        "no": "ikke tilgjengelig",
        "preflight_ok": "Ingen problemer funnet: ePROM bør godta denne bestillingen.",
        "preflight_problems": "ePROM ville avvist denne bestillingen:",
        "error": "feil",
        "unreachable_rows": "kan ikke nås",
        "paper_despite_digital": "papir selv om digital kanal finnes",
        "patients": "pasienter",
        "skipped": "rader hoppet over",
    },
}

# Why the command line could not read a file.
FILE_PROBLEMS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "missing": "no such file",
        "denied": "permission denied",
        "directory": "it is a directory",
        "not_text": "not a UTF-8 text file",
        "other": "the system could not open it",
    },
    "nb": {
        "missing": "filen finnes ikke",
        "denied": "ingen tilgang",
        "directory": "det er en mappe",
        "not_text": "ikke en UTF-8-tekstfil",
        "other": "systemet kunne ikke åpne den",
    },
}

# The key under the decision matrix.
LEGEND: Final[dict[str, str]] = {
    "en": (
        "Availability and cells: H = Helsenorge, D = DigitalMailbox, U = Unsecure (e-mail/SMS from"
        " KRR), P = PhysicalMailbox (paper), . = not available. A cell is the fallback chain, the"
        " chosen channel first; ✗ = unreachable (Error, PatientUnreachable); code = NoDistribution"
        " (one-time code)."
    ),
    "nb": (
        "Tilgjengelighet og celler: H = Helsenorge, D = DigitalMailbox (sikker digital postkasse),"
        " U = Unsecure (SMS/e-post fra KRR), P = PhysicalMailbox (brev i posten), . = ikke"
        " tilgjengelig. En celle er reservekjeden, med valgt kanal først; ✗ = kan ikke nås (Error,"
        " PatientUnreachable); code = NoDistribution (engangskode)."
    ),
}
