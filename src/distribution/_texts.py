"""Every text the library shows people, in bokmål and English (internal).

Rule 1: a word a person reads lives here, nowhere else. Every table has one shape,
``{lang: {key: text}}``, and is listed in :data:`TABLES`; ``tests/test_texts.py`` proves that
each language has every key with the same ``{placeholders}``, and that no key is dead. Written
as a Norwegian support desk speaks (``docs/sources.md`` §6).

Texts are keyed by strings, not by the library's enums, so that this module sits at the bottom of
the import graph (the errors need it before any enum exists); the tests check that every member of
every enum has its text.
"""

from __future__ import annotations

from typing import Final, Literal, TypeGuard, get_args

Lang = Literal["nb", "en"]
"""A language the library speaks: ``"nb"`` (bokmål) or ``"en"`` (English)."""
LANGUAGES: Final[tuple[Lang, ...]] = get_args(Lang)

ErrorKey = Literal[
    "unknown_code",
    "code_type",
    "not_bool",
    "wrong_type",
    "unknown_channel",
    "channel_none",
    "empty_priority_list",
    "repeated_channel",
    "repeated_person",
    "unknown_language",
    "missing_key",
    "missing_value",
    "unknown_keys",
    "name_mismatch",
    "inconsistent",
    "bad_timestamp",
    "bad_date",
    "out_of_range",
    "age_mismatch",
    "bad_national_id",
    "id_birth_date_mismatch",
    "bad_json",
    "cannot_read",
    "usage",
    "rule_and_list",
    "csv_no_header",
    "csv_bad_header",
    "csv_missing_columns",
    "csv_duplicate_column",
    "csv_bad_rows",
    "csv_skipped",
]
"""The kinds of :class:`~distribution.errors.DistributionError`: a closed set, so a typo in a key
fails type checking."""

LabelKey = Literal[
    "rule",
    "priority_list",
    "route",
    "available",
    "chain",
    "channel",
    "outcome",
    "none",
    "eligibility",
    "yes",
    "no",
    "preflight_ok",
    "preflight_problems",
    "error",
    "unreachable",
    "not_distributed",
    "paper_despite_digital",
    "patients",
]
"""The labels of plain output."""

# The templates of error messages (:class:`~distribution.errors.DistributionError`), by key.
ERRORS: Final[dict[Lang, dict[ErrorKey, str]]] = {
    "nb": {
        "unknown_code": "{value} er ikke en gyldig {field}; gyldige koder og navn: {choices}",
        "code_type": "{field} oppgis som kode (heltall), navn (tekst) eller {field}-verdi, ikke {type} {value}; gyldige koder og navn: {choices}",
        "not_bool": "{field} må være True eller False, ikke {type} {value}",
        "wrong_type": "{field} må være {expected}, ikke {type} {value}",
        "unknown_channel": "{value} er ikke en kjent kanal; gyldige kanaler: {choices}",
        "channel_none": "{field}: {value} er ingen kanal pasienten kan nås på; gyldige kanaler: {choices}",
        "empty_priority_list": "{field} er tom; oppgi minst én av: {choices}",
        "repeated_channel": "{field} har {value} mer enn én gang; hver kanal kan bare stå der én gang",
        "repeated_person": "{field} har {count} oppføringer for dette fødselsnummeret; vi vet ikke hvilken som gjelder",
        "unknown_language": "{value} er ikke et språk vi støtter; velg mellom: {choices}",
        "missing_key": "{field} mangler; forventede nøkler: {choices}",
        "missing_value": "{field} mangler; forventet en av: {choices}",
        "unknown_keys": "{field} har ukjente nøkler {value}; tillatte nøkler: {choices}",
        "name_mismatch": "{field}: navnet {value} hører ikke til kode {code}, som er {expected}",
        "inconsistent": "{field} er {value}, men regelen og tilgjengeligheten gir {expected}",
        "bad_timestamp": "{field} er {value}, ikke et ISO 8601-tidspunkt med tidssone (for eksempel 2023-06-29T10:14:52+02:00)",
        "bad_date": "{field} er {value}, ikke en dato skrevet som ÅÅÅÅ-MM-DD",
        "out_of_range": "{field} er {value}, utenfor {choices}",
        "age_mismatch": "{field}: alder {value} stemmer ikke med fødselsdatoen, som gir {expected}",
        "bad_national_id": "{field}: {problem}",
        "id_birth_date_mismatch": "{field} er {value}, men fødselsnummeret gir en annen fødselsdato",
        "bad_json": "{field} er ikke gyldig JSON: {problem}",
        "cannot_read": "kan ikke lese {value}: {problem}",
        "usage": "{problem} (se {field} --help)",
        "rule_and_list": "oppgi enten en REGEL eller --priority-list, ikke begge (fikk {value} og {choices})",
        "csv_no_header": "{field} er tom; forventet en overskriftslinje med kolonnene {choices}",
        "csv_bad_header": "{field} linje 1: overskriften kan ikke leses som CSV; den trenger kolonnene {choices}",
        "csv_missing_columns": "{field} linje 1: overskriften mangler kolonnene {value}; den trenger {choices}",
        "csv_duplicate_column": "{field} linje 1: kolonnen {value} står mer enn én gang",
        "csv_bad_rows": "{field} har {count} ugyldige rader (første: {rows}); rett dem eller bruk --skip-bad",
        "csv_skipped": "{field}: hoppet over {count} ugyldige rader (første: {rows})",
    },
    "en": {
        "unknown_code": "{value} is not a known {field}; valid codes and names: {choices}",
        "code_type": "{field} takes a code (int), a name (str) or a {field} member, not {type} {value}; valid codes and names: {choices}",
        "not_bool": "{field} must be True or False, not {type} {value}",
        "wrong_type": "{field} must be {expected}, not {type} {value}",
        "unknown_channel": "{value} is not a known channel; valid channels: {choices}",
        "channel_none": "{field}: {value} is no channel a patient can be reached on; valid channels: {choices}",
        "empty_priority_list": "{field} is empty; name at least one of: {choices}",
        "repeated_channel": "{field} names {value} more than once; each channel may stand there once",
        "repeated_person": "{field} has {count} entries for this national ID; which one holds is not known",
        "unknown_language": "{value} is not a supported language; choose from: {choices}",
        "missing_key": "{field} is missing; expected keys: {choices}",
        "missing_value": "{field} is missing; expected one of: {choices}",
        "unknown_keys": "{field} has unexpected keys {value}; allowed keys: {choices}",
        "name_mismatch": "{field}: the name {value} does not match code {code}, which is {expected}",
        "inconsistent": "{field} is {value}, but the rule and availability give {expected}",
        "bad_timestamp": "{field} is {value}, not an ISO 8601 time with a UTC offset (for example 2023-06-29T10:14:52+02:00)",
        "bad_date": "{field} is {value}, not a date written as YYYY-MM-DD",
        "out_of_range": "{field} is {value}, outside {choices}",
        "age_mismatch": "{field}: age {value} does not match the birth date, which gives {expected}",
        "bad_national_id": "{field}: {problem}",
        "id_birth_date_mismatch": "{field} is {value}, but the national ID gives another birth date",
        "bad_json": "{field} is not valid JSON: {problem}",
        "cannot_read": "cannot read {value}: {problem}",
        "usage": "{problem} (see {field} --help)",
        "rule_and_list": "give either a RULE or --priority-list, not both (got {value} and {choices})",
        "csv_no_header": "{field} is empty; expected a header with the columns {choices}",
        "csv_bad_header": "{field} line 1: the header is not readable as CSV; it needs the columns {choices}",
        "csv_missing_columns": "{field} line 1: the header lacks the columns {value}; it needs {choices}",
        "csv_duplicate_column": "{field} line 1: the column {value} appears more than once",
        "csv_bad_rows": "{field} has {count} bad rows (first: {rows}); fix them or use --skip-bad",
        "csv_skipped": "{field}: skipped {count} bad rows (first: {rows})",
    },
}

# What is wrong with one row of a cohort CSV (``cohorts.BadRow``), by key.
ROW_PROBLEMS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "bad_value": "linje {line}: {value} i kolonnen {column} er ikke true/false, yes/no, 1/0 eller ja/nei",
        "unreadable": "linje {line}: kan ikke leses som CSV (et NUL-tegn, eller et felt lengre enn 128 KiB)",
        "field_count": "linje {line}: {value} felt, men overskriften har {expected}",
    },
    "en": {
        "bad_value": "line {line}: {value} in column {column} is not true/false, yes/no, 1/0 or ja/nei",
        "unreadable": "line {line}: not readable as CSV (a NUL character, or a field longer than 128 KiB)",
        "field_count": "line {line}: {value} fields, but the header has {expected}",
    },
}

# The short name of each channel as it stands inside a sentence, by member name.
CHANNEL_NAMES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "NONE": "ingen kanal",
        "HELSENORGE": "Helsenorge",
        "DIGITAL_MAILBOX": "sikker digital postkasse (Digipost/e-Boks)",
        "UNSECURE": "varsel på SMS eller e-post til kontaktinformasjonen i KRR",
        "PHYSICAL_MAILBOX": "brev i posten",
    },
    "en": {
        "NONE": "no channel",
        "HELSENORGE": "Helsenorge",
        "DIGITAL_MAILBOX": "secure digital mailbox (Digipost/e-Boks)",
        "UNSECURE": "e-mail/SMS to the contact details in KRR",
        "PHYSICAL_MAILBOX": "paper letter",
    },
}

# Sentences of an explanation. Keys ending in an outcome's name are chosen by the outcome;
# "order" texts are for a form order with a rule, "message" texts for a message's priority list.
PHRASES: Final[dict[Lang, dict[str, str]]] = {
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
        "result_NOT_DISTRIBUTED": "Resultat: ingenting sendes. Med NoDistribution gir bestillersystemet pasienten en engangskode som åpner skjemaet.",
        "result_UNREACHABLE": "Resultat: ingenting kunne sendes. Regelen tillater {route}, men pasienten kan ikke nås på noen av dem.",
        "fallbacks": "Gjenstående reservekanaler: {channels}.",
        "fallbacks_none": "Gjenstående reservekanaler: ingen.",
        "callback_order_NOTIFIED": "Forvent i statuskallet fra ePROM: FormOrderStatus 2 Ordered (Bestilt), deretter 0 Completed (Besvart) når pasienten har svart.",
        "callback_order_NOT_DISTRIBUTED": "Forvent i svaret fra ePROM: bestillingen returnerer singleUseCode, engangskoden pasienten skal få; status er 2 Ordered (Bestilt).",
        "callback_order_UNREACHABLE": "Forvent i statuskallet fra ePROM: FormOrderStatus 3 Error (Feilet) med FormOrderStatusErrorCode 1 PatientUnreachable (pasienten kunne ikke nås).",
        "callback_message_NOTIFIED": "Forvent i statuskallet fra ePROM: SentStatus 0 Sent (Sendt), NotificationChannel {code} {name}.",
        "callback_message_UNREACHABLE": "Forvent i statuskallet fra ePROM: SentStatus 1 Error (Feilet), NotificationChannel 0 None.",
        "unused": "Merk: pasienten kan også nås via {channels}, som denne regelen ikke bruker.",
        "unused_list": "Merk: pasienten kan også nås via {channels}, som ikke står i prioritetslisten.",
        "whatif": "Regler som ville nådd pasienten i stedet:",
        "whatif_paper": "Regler som ville nådd pasienten digitalt i stedet for med brev:",
        "whatif_item": "  - {code} {name}: via {channel}",
        "whatif_none": "Ingen regel når denne pasienten; med NoDistribution får de en engangskode.",
    },
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
        "result_NOT_DISTRIBUTED": "Result: nothing is sent. With NoDistribution the ordering system gives the patient a one-time code (engangskode) to open the form with.",
        "result_UNREACHABLE": "Result: nothing could be sent. The rule permits {route}, but the patient can be reached on none of them.",
        "fallbacks": "Fallbacks left: {channels}.",
        "fallbacks_none": "Fallbacks left: none.",
        "callback_order_NOTIFIED": "Expect in ePROM's status callback: FormOrderStatus 2 Ordered, then 0 Completed when the patient answers.",
        "callback_order_NOT_DISTRIBUTED": "Expect in ePROM's answer: the order response carries singleUseCode, the one-time code to give the patient; the status is 2 Ordered.",
        "callback_order_UNREACHABLE": "Expect in ePROM's status callback: FormOrderStatus 3 Error with FormOrderStatusErrorCode 1 PatientUnreachable.",
        "callback_message_NOTIFIED": "Expect in ePROM's status callback: SentStatus 0 Sent, NotificationChannel {code} {name}.",
        "callback_message_UNREACHABLE": "Expect in ePROM's status callback: SentStatus 1 Error, NotificationChannel 0 None.",
        "unused": "Note: the patient can also be reached by {channels}, which this rule does not use.",
        "unused_list": "Note: the patient can also be reached by {channels}, which the priority list does not name.",
        "whatif": "Rules that would reach this patient instead:",
        "whatif_paper": "Rules that would reach this patient digitally instead of by paper:",
        "whatif_item": "  - {code} {name}: by {channel}",
        "whatif_none": "No rule can reach this patient; with NoDistribution they get a one-time code.",
    },
}

# One line of meaning for every code of every ePROM enum (``describe``), keyed ``Enum.MEMBER``.
MEANINGS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "DistributionRule.BASIC": "Først Helsenorge, deretter sikker digital postkasse. Standardregelen.",
        "DistributionRule.ALLOW_UNSECURE": "Som Basic, deretter SMS eller e-post til kontaktinformasjonen i KRR.",
        "DistributionRule.NO_DISTRIBUTION": "Ingen varsel sendes; bestillersystemet gir pasienten en engangskode.",
        "DistributionRule.BASIC_OR_PAPER": "Som Basic, med brev i posten som siste utvei.",
        "DistributionRule.ALLOW_UNSECURE_OR_PAPER": "Som AllowUnsecure, med brev i posten som siste utvei.",
        "DistributionRule.PAPER_ONLY": "Bare brev i posten.",
        "DistributionRule.HELSENORGE_ONLY": "Bare Helsenorge.",
        "DistributionRule.DIGITAL_MAILBOX_ONLY": "Bare sikker digital postkasse (Digipost/e-Boks).",
        "DistributionRule.UNSECURE_ONLY": "Bare SMS eller e-post til kontaktinformasjonen i KRR.",
        "NotificationChannel.NONE": "Ingen varsel ble sendt: NoDistribution, eller pasienten kunne ikke nås.",
        "NotificationChannel.HELSENORGE": "Helsenorge: skjemaet ligger i pasientens innboks på helsenorge.no.",
        "NotificationChannel.DIGITAL_MAILBOX": "Sikker digital postkasse: skjemaet ble sendt til Digipost eller e-Boks.",
        "NotificationChannel.UNSECURE": "Varsel på SMS eller e-post til kontaktinformasjonen i Kontakt- og reservasjonsregisteret (KRR); ikke en sikker kanal, så varselet sier bare hvor pasienten skal logge inn.",
        "NotificationChannel.PHYSICAL_MAILBOX": "Brev i posten, til adressen i Folkeregisteret eller physicalAddress i bestillingen.",
        "FormOrderStatus.COMPLETED": "Besvart: pasienten har svart på skjemaet.",
        "FormOrderStatus.EXPIRED": "Utgått: fristen gikk ut før pasienten svarte; bestill skjemaet på nytt om det fortsatt trengs.",
        "FormOrderStatus.ORDERED": "Bestilt: skjemaet er sendt og venter på svar fra pasienten.",
        "FormOrderStatus.ERROR": "Feilet: bestillingen feilet; feilkoden sier hvorfor (PatientUnreachable: ingen kanal regelen tillater nådde pasienten).",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "Brev i retur: brevet kom tilbake; sjekk pasientens adresse i Folkeregisteret eller oppgi en i physicalAddress, og bestill på nytt.",
        "FormOrderStatus.DIGIPOST_DELIVERED": "Levert i digital postkasse: skjemaet kom fram til pasientens Digipost eller e-Boks.",
        "FormOrderStatusErrorCode.NONE": "Ingen feil.",
        "FormOrderStatusErrorCode.PATIENT_UNREACHABLE": "Pasienten kunne ikke nås: regelen tillater ingen kanal pasienten har; velg en regel som når pasienten, eller bruk NoDistribution og gi en engangskode.",
        "FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR": "Feil i sikker digital post: leveringen til Digipost eller e-Boks feilet; prøv igjen senere eller bruk en regel med en annen kanal.",
        "SentStatus.SENT": "Sendt: meldingen gikk ut på kanalen som står i statuskallet.",
        "SentStatus.ERROR": "Feilet: meldingen kunne ikke sendes på noen kanal i prioritetslisten (kanal 0 None).",
        "FormOrderEventLogType.FORM_OPENED": "Pasienten åpnet skjemaet.",
        "FormOrderEventLogType.QUESTION_ACCESSED": "Pasienten så på et spørsmål i skjemaet.",
        "FormOrderEventLogType.SIGNING_STARTED": "Pasienten begynte å signere skjemaet.",
        "FormOrderEventLogType.SIGNING_CANCELLED": "Pasienten avbrøt signeringen.",
        "FormOrderEventLogType.SIGNING_ERROR": "Signeringen feilet; pasienten kan prøve igjen.",
    },
    "en": {
        "DistributionRule.BASIC": "Helsenorge first, then the secure digital mailbox. The default rule.",
        "DistributionRule.ALLOW_UNSECURE": "As Basic, then e-mail or SMS to the contact details in KRR.",
        "DistributionRule.NO_DISTRIBUTION": "No notice is sent; the ordering system gives the patient a one-time code.",
        "DistributionRule.BASIC_OR_PAPER": "As Basic, with a paper letter as the last resort.",
        "DistributionRule.ALLOW_UNSECURE_OR_PAPER": "As AllowUnsecure, with a paper letter as the last resort.",
        "DistributionRule.PAPER_ONLY": "Only a paper letter in the post.",
        "DistributionRule.HELSENORGE_ONLY": "Only Helsenorge.",
        "DistributionRule.DIGITAL_MAILBOX_ONLY": "Only the secure digital mailbox (Digipost/e-Boks).",
        "DistributionRule.UNSECURE_ONLY": "Only e-mail or SMS to the contact details in KRR.",
        "NotificationChannel.NONE": "No notice was sent: NoDistribution, or the patient could not be reached.",
        "NotificationChannel.HELSENORGE": "Helsenorge: the form is in the patient's inbox on helsenorge.no.",
        "NotificationChannel.DIGITAL_MAILBOX": "Secure digital mailbox: the form went to Digipost or e-Boks.",
        "NotificationChannel.UNSECURE": "E-mail or SMS to the contact details in the contact register (KRR); not a secure channel, so it only tells the patient where to log in.",
        "NotificationChannel.PHYSICAL_MAILBOX": "Paper letter in the post, to the Folkeregister address or the order's physicalAddress.",
        "FormOrderStatus.COMPLETED": "Completed: the patient has answered the form.",
        "FormOrderStatus.EXPIRED": "Expired: the deadline passed before the patient answered; order the form again if it is still needed.",
        "FormOrderStatus.ORDERED": "Ordered: the form has been sent and waits for the patient's answer.",
        "FormOrderStatus.ERROR": "Error: the order failed; the error code says why (PatientUnreachable: no channel the rule permits reached the patient).",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "Letter returned: the paper letter came back; check the patient's address in Folkeregisteret or give one in physicalAddress, then order again.",
        "FormOrderStatus.DIGIPOST_DELIVERED": "Delivered to the digital mailbox: the form reached the patient's Digipost or e-Boks.",
        "FormOrderStatusErrorCode.NONE": "No error.",
        "FormOrderStatusErrorCode.PATIENT_UNREACHABLE": "Patient unreachable: the rule permits no channel the patient has; choose a rule that reaches them, or use NoDistribution and give a one-time code.",
        "FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR": "Secure digital post failed: delivery to Digipost or e-Boks failed; try again later or use a rule with another channel.",
        "SentStatus.SENT": "Sent: the message went out on the channel named in the callback.",
        "SentStatus.ERROR": "Error: the message could not be sent on any channel of the priority list (channel 0 None).",
        "FormOrderEventLogType.FORM_OPENED": "The patient opened the form.",
        "FormOrderEventLogType.QUESTION_ACCESSED": "The patient looked at a question in the form.",
        "FormOrderEventLogType.SIGNING_STARTED": "The patient started signing the form.",
        "FormOrderEventLogType.SIGNING_CANCELLED": "The patient cancelled the signing.",
        "FormOrderEventLogType.SIGNING_ERROR": "Signing failed; the patient can try again.",
    },
}

# Why a channel is or is not available (``eligibility.Reason``, by value).
REASONS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "helsenorge_active": "har gitt fullt samtykke på Helsenorge",
        "helsenorge_represented": "kan representeres av noen andre på Helsenorge",
        "research_not_reserved": "har ikke reservert seg på Helsenorge mot henvendelser til andre formål enn helsehjelp, som forskning",
        "digitally_active": "er digitalt aktiv: kontaktinformasjonen i KRR er oppdatert eller bekreftet de siste 18 månedene",
        "digital_mailbox_active": "har sikker digital postkasse (Digipost/e-Boks) registrert i KRR",
        "email_current": "e-postadressen i KRR er oppdatert eller bekreftet de siste 18 månedene",
        "mobile_current": "mobilnummeret i KRR er oppdatert eller bekreftet de siste 18 månedene",
        "postal_address": "har postadresse i Folkeregisteret",
        "physical_address": "bestillingen oppgir postadresse (physicalAddress)",
        "no_level4_eid": "har ikke elektronisk ID på nivå 4 (BankID eller lignende)",
        "eid_unknown": "vi vet ikke om personen har elektronisk ID på nivå 4 (BankID eller lignende)",
        "age_unknown": "vi vet ikke hvor gammel personen er",
        "under_13": "er under 13 år",
        "under_16": "er under 16 år",
        "under_18": "er under 18 år",
        "no_helsenorge_consent": "har ikke gitt fullt samtykke på Helsenorge",
        "helsenorge_unknown": "vi vet ikke om personen har gitt fullt samtykke på Helsenorge",
        "not_representable": "kan ikke representeres av noen andre på Helsenorge",
        "representation_unknown": "vi vet ikke om noen kan representere personen på Helsenorge",
        "research_reserved": "har reservert seg på Helsenorge mot henvendelser til andre formål enn helsehjelp, og bestillersystemet er merket som forskning",
        "research_reservation_unknown": "vi vet ikke om personen har reservert seg på Helsenorge mot henvendelser til andre formål enn helsehjelp, og bestillersystemet er merket som forskning",
        "not_digitally_active": "er ikke digitalt aktiv (det krever kontaktinformasjon i KRR som er oppdatert eller bekreftet de siste 18 månedene)",
        "digital_activity_unknown": "vi vet ikke om personen er digitalt aktiv (har kontaktinformasjon i KRR som er oppdatert eller bekreftet de siste 18 månedene)",
        "krr_unknown": "det er ikke gjort oppslag i Kontakt- og reservasjonsregisteret (KRR)",
        "krr_not_registered": "er ikke registrert i Kontakt- og reservasjonsregisteret (KRR)",
        "krr_deleted": "er slettet fra Kontakt- og reservasjonsregisteret (KRR)",
        "no_contact_details": "har verken e-postadresse eller mobilnummer i KRR",
        "email_stale": "e-postadressen i KRR er eldre enn 18 måneder (ikke oppdatert eller bekreftet siden)",
        "mobile_stale": "mobilnummeret i KRR er eldre enn 18 måneder (ikke oppdatert eller bekreftet siden)",
        "email_undated": "KRR oppgir ikke når e-postadressen sist ble oppdatert eller bekreftet",
        "mobile_undated": "KRR oppgir ikke når mobilnummeret sist ble oppdatert eller bekreftet",
        "krr_unrecognised": "svaret fra KRR har felt vi ikke kjenner igjen, så opplysninger kan ha blitt borte på veien",
        "krr_reserved": "er reservert mot digital kommunikasjon i KRR",
        "krr_reservation_unknown": "svaret fra KRR sier ikke om personen er reservert mot digital kommunikasjon",
        "krr_cannot_notify": "KRR sier at personen ikke kan varsles (KAN_IKKE_VARSLES)",
        "krr_notify_unknown": "svaret fra KRR sier ikke om personen kan varsles",
        "krr_contradictory": "svaret fra KRR motsier seg selv: personen er reservert (JA), men kan likevel varsles (KAN_VARSLES); sjekk oppslaget",
        "no_digital_mailbox": "har ikke sikker digital postkasse (Digipost/e-Boks) i KRR",
        "digital_mailbox_unknown": "vi vet ikke om personen har sikker digital postkasse (Digipost/e-Boks)",
        "no_postal_address": "har ingen kjent postadresse",
        "postal_address_unknown": "vi vet ikke om personen har postadresse",
    },
    "en": {
        "helsenorge_active": "has given full consent on Helsenorge",
        "helsenorge_represented": "can be represented by someone else on Helsenorge",
        "research_not_reserved": "has not reserved on Helsenorge against contact for purposes other than health care, such as research",
        "digitally_active": "is digitally active: the contact details in KRR were updated or confirmed within the last 18 months",
        "digital_mailbox_active": "has a secure digital mailbox (Digipost/e-Boks) registered in KRR",
        "email_current": "the e-mail address in KRR was updated or confirmed within the last 18 months",
        "mobile_current": "the mobile number in KRR was updated or confirmed within the last 18 months",
        "postal_address": "has a postal address in Folkeregisteret",
        "physical_address": "the order gives a postal address (physicalAddress)",
        "no_level4_eid": "has no electronic ID at level 4 (BankID or similar)",
        "eid_unknown": "not known whether the person has electronic ID at level 4 (BankID or similar)",
        "age_unknown": "the person's age is not known",
        "under_13": "is under 13",
        "under_16": "is under 16",
        "under_18": "is under 18",
        "no_helsenorge_consent": "has not given full consent on Helsenorge",
        "helsenorge_unknown": "not known whether the person has given full consent on Helsenorge",
        "not_representable": "cannot be represented by anyone else on Helsenorge",
        "representation_unknown": "not known whether anyone can represent the person on Helsenorge",
        "research_reserved": "has reserved on Helsenorge against contact for purposes other than health care, and the ordering system is marked as research",
        "research_reservation_unknown": "not known whether the person has reserved on Helsenorge against contact for purposes other than health care, and the ordering system is marked as research",
        "not_digitally_active": "is not digitally active (that takes contact details in KRR updated or confirmed within the last 18 months)",
        "digital_activity_unknown": "not known whether the person is digitally active (has contact details in KRR updated or confirmed within the last 18 months)",
        "krr_unknown": "no lookup in the contact register (KRR) was made",
        "krr_not_registered": "is not registered in the contact register (KRR)",
        "krr_deleted": "is deleted from the contact register (KRR)",
        "no_contact_details": "has neither an e-mail address nor a mobile number in KRR",
        "email_stale": "the e-mail address in KRR is older than 18 months (not updated or confirmed since)",
        "mobile_stale": "the mobile number in KRR is older than 18 months (not updated or confirmed since)",
        "email_undated": "KRR does not say when the e-mail address was last updated or confirmed",
        "mobile_undated": "KRR does not say when the mobile number was last updated or confirmed",
        "krr_unrecognised": "the KRR record has fields we do not recognise, so facts may have been lost on the way",
        "krr_reserved": "is reserved against digital communication in KRR",
        "krr_reservation_unknown": "the KRR record does not say whether the person is reserved against digital communication",
        "krr_cannot_notify": "KRR says the person cannot be notified (KAN_IKKE_VARSLES)",
        "krr_notify_unknown": "the KRR record does not say whether the person can be notified",
        "krr_contradictory": "the KRR record contradicts itself: the person is reserved (JA) yet can be notified (KAN_VARSLES); check the lookup",
        "no_digital_mailbox": "has no secure digital mailbox (Digipost/e-Boks) in KRR",
        "digital_mailbox_unknown": "not known whether the person has a secure digital mailbox (Digipost/e-Boks)",
        "no_postal_address": "has no known postal address",
        "postal_address_unknown": "not known whether the person has a postal address",
    },
}

# What is wrong with an order ePROM would refuse (``orders.ProblemCode``, by value).
PROBLEMS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "signing_without_distribution": "Et skjema som krever signatur kan ikke bestilles med NoDistribution: signering krever innlogging på nivå 4, og det gir ikke en engangskode.",
        "signing_on_behalf": "Et skjema som krever signatur kan ikke bestilles på vegne av andre.",
        "paper_not_enabled": "Regel {rule} kan sende brev i posten, men skjemaet er ikke satt opp for papir; velg en regel uten papir eller slå på papir for skjemaet.",
        "national_id_h_number": "Identifikatoren er et H-nummer (hjelpenummer i helsetjenesten); ePROM trenger fødselsnummer eller D-nummer.",
        "national_id_fh_number": "Identifikatoren er et FH-nummer (felles hjelpenummer); ePROM trenger fødselsnummer eller D-nummer.",
        "national_id_format": "Fødselsnummeret må ha 11 siffer.",
        "national_id_checksum": "Kontrollsifrene i fødselsnummeret stemmer ikke; sjekk for skrivefeil.",
        "national_id_date": "Fødselsnummeret inneholder ikke en gyldig fødselsdato.",
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
    },
}

# Labels of the command line's plain output and of rendered tables.
LABELS: Final[dict[Lang, dict[LabelKey, str]]] = {
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
        "unreachable": "kan ikke nås",
        "not_distributed": "engangskode",
        "paper_despite_digital": "papir tross digital kanal",
        "patients": "pasienter",
    },
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
        "unreachable": "unreachable",
        "not_distributed": "one-time code",
        "paper_despite_digital": "paper despite digital",
        "patients": "patients",
    },
}

# Why the command line could not read a file.
FILE_PROBLEMS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "missing": "filen finnes ikke",
        "denied": "ingen tilgang",
        "directory": "det er en mappe",
        "not_text": "ikke en UTF-8-tekstfil",
        "other": "systemet kunne ikke åpne den",
    },
    "en": {
        "missing": "no such file",
        "denied": "permission denied",
        "directory": "it is a directory",
        "not_text": "not a UTF-8 text file",
        "other": "the system could not open it",
    },
}

# The key under the decision matrix.
LEGEND: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "legend": "Tilgjengelighet og celler: H = Helsenorge, D = DigitalMailbox (sikker digital postkasse), U = Unsecure (SMS/e-post fra KRR), P = PhysicalMailbox (brev i posten), . = ikke tilgjengelig. En celle er reservekjeden, med valgt kanal først; ✗ = kan ikke nås (Error, PatientUnreachable); code = NoDistribution (engangskode).",
    },
    "en": {
        "legend": "Availability and cells: H = Helsenorge, D = DigitalMailbox, U = Unsecure (e-mail/SMS from KRR), P = PhysicalMailbox (paper), . = not available. A cell is the fallback chain, the chosen channel first; ✗ = unreachable (Error, PatientUnreachable); code = NoDistribution (one-time code).",
    },
}

# argparse's own messages (English, as argparse writes them) and their translations; the
# command line matches the English template and renders the one in the chosen language.
ARGPARSE: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "required": "disse argumentene mangler: {names}",
        "unrecognized": "ukjente argumenter: {names}",
        "invalid_choice": "argument {name}: ugyldig valg: {value} (velg mellom {choices})",
        "expected_one": "argument {name}: forventet én verdi",
        "not_allowed_with": "argument {name}: kan ikke brukes sammen med {other}",
        "ambiguous": "tvetydig valg: {option} kan bety {matches}",
    },
    "en": {
        "required": "the following arguments are required: {names}",
        "unrecognized": "unrecognized arguments: {names}",
        "invalid_choice": "argument {name}: invalid choice: {value} (choose from {choices})",
        "expected_one": "argument {name}: expected one argument",
        "not_allowed_with": "argument {name}: not allowed with argument {other}",
        "ambiguous": "ambiguous option: {option} could match {matches}",
    },
}

TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "ERRORS": ERRORS,  # type: ignore[dict-item]
    "ROW_PROBLEMS": ROW_PROBLEMS,
    "CHANNEL_NAMES": CHANNEL_NAMES,
    "PHRASES": PHRASES,
    "MEANINGS": MEANINGS,
    "REASONS": REASONS,
    "PROBLEMS": PROBLEMS,
    "LABELS": LABELS,  # type: ignore[dict-item]
    "FILE_PROBLEMS": FILE_PROBLEMS,
    "LEGEND": LEGEND,
    "ARGPARSE": ARGPARSE,
}
"""Every text table by name, for the tests that compare the languages."""


def is_lang(value: object) -> TypeGuard[Lang]:
    """Return whether *value* is one of the supported language codes."""
    return value in LANGUAGES
