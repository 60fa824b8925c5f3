"""Every text the library shows people, in bokmål and English (internal).

Rule 1: a word a person reads lives in a text table, nowhere else: the core's tables are here,
and the words of error messages in :mod:`distribution._error_texts`. Every table has one shape,
``{lang: {key: text}}``, and is listed in :data:`TABLES`; ``tests/test_texts.py`` proves that
each language has every key with the same ``{placeholders}``, and that no key is dead. Written
as a Norwegian support desk speaks (``docs/sources.md`` §6).

Texts are keyed by strings, not by the library's enums, so that this module sits at the bottom of
the import graph (the errors need it before any enum exists); the tests check that every member of
every enum has its text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, TypeGuard, get_args

from distribution._error_texts import ERRORS, EXPECTED, ROW_PROBLEMS, SUGGEST, TYPE_NAMES

if TYPE_CHECKING:
    from collections.abc import Sequence

Lang = Literal["nb", "en"]
"""A language the library speaks: ``"nb"`` (bokmål) or ``"en"`` (English)."""
LANGUAGES: Final[tuple[Lang, ...]] = get_args(Lang)

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
    "not_settled",
    "skipped",
    "incomplete",
    "patients",
    "reference_time",
    "national_id_prompt",
    "cannot_write",
    "available_header",
    "json_position",
    "json_constant",
]
"""The labels of plain output."""

# Each channel as it stands inside a sentence ("… tillater Helsenorge og papirbrev"), by member.
CHANNEL_NAMES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "NONE": "ingen kanal",
        "HELSENORGE": "Helsenorge",
        "DIGITAL_MAILBOX": "sikker digital postkasse (Digipost/e-Boks)",
        "UNSECURE": "SMS eller e-post (kontaktinformasjon fra KRR)",
        "PHYSICAL_MAILBOX": "papirbrev",
    },
    "en": {
        "NONE": "no channel",
        "HELSENORGE": "Helsenorge",
        "DIGITAL_MAILBOX": "secure digital mailbox (Digipost/e-Boks)",
        "UNSECURE": "SMS or e-mail (contact details from KRR)",
        "PHYSICAL_MAILBOX": "paper letter",
    },
}

# Each channel as a label, with the API name a support worker matches in a log, by member.
CHANNEL_LABELS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "NONE": "ingen kanal (None)",
        "HELSENORGE": "Helsenorge",
        "DIGITAL_MAILBOX": "sikker digital postkasse (DigitalMailbox)",
        "UNSECURE": "SMS eller e-post (Unsecure)",
        "PHYSICAL_MAILBOX": "papirbrev (PhysicalMailbox)",
    },
    "en": {
        "NONE": "no channel (None)",
        "HELSENORGE": "Helsenorge",
        "DIGITAL_MAILBOX": "secure digital mailbox (DigitalMailbox)",
        "UNSECURE": "SMS or e-mail (Unsecure)",
        "PHYSICAL_MAILBOX": "paper letter (PhysicalMailbox)",
    },
}


# Words that join a list: "A, B og C".
JOIN: Final[dict[Lang, dict[str, str]]] = {
    "nb": {"and": " og ", "or": " eller "},
    "en": {"and": " and ", "or": " or "},
}

# One line of meaning for every code of every ePROM enum (``describe``), keyed ``Enum.MEMBER``.
MEANINGS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "DistributionRule.BASIC": "Først Helsenorge, deretter sikker digital postkasse. Standardregelen.",
        "DistributionRule.ALLOW_UNSECURE": "Som Basic, deretter SMS eller e-post (kontaktinformasjon fra KRR).",
        "DistributionRule.NO_DISTRIBUTION": "Ingen varsel sendes; bestillersystemet gir pasienten en engangskode.",
        "DistributionRule.BASIC_OR_PAPER": "Som Basic, med papirbrev som siste utvei.",
        "DistributionRule.ALLOW_UNSECURE_OR_PAPER": "Som AllowUnsecure, med papirbrev som siste utvei.",
        "DistributionRule.PAPER_ONLY": "Bare papirbrev i posten.",
        "DistributionRule.HELSENORGE_ONLY": "Bare Helsenorge.",
        "DistributionRule.DIGITAL_MAILBOX_ONLY": "Bare sikker digital postkasse (Digipost/e-Boks).",
        "DistributionRule.UNSECURE_ONLY": "Bare SMS eller e-post (kontaktinformasjon fra KRR).",
        "NotificationChannel.NONE": "Ingen varsel ble sendt: NoDistribution, eller pasienten kunne ikke nås.",
        "NotificationChannel.HELSENORGE": "Helsenorge: skjemaet ligger i pasientens innboks på helsenorge.no.",
        "NotificationChannel.DIGITAL_MAILBOX": "Sikker digital postkasse: skjemaet ble sendt til Digipost eller e-Boks.",
        "NotificationChannel.UNSECURE": "SMS eller e-post til kontaktinformasjonen i Kontakt- og reservasjonsregisteret (KRR). Det er ikke en sikker kanal, så varselet sier bare hvor pasienten skal logge inn.",
        "NotificationChannel.PHYSICAL_MAILBOX": "Papirbrev i posten, til adressen i Folkeregisteret eller til adressen i bestillingen (physicalAddress).",
        "FormOrderStatus.COMPLETED": "Besvart: pasienten har svart på skjemaet.",
        "FormOrderStatus.EXPIRED": "Utgått: fristen gikk ut før pasienten svarte. Bestill skjemaet på nytt hvis det fortsatt trengs.",
        "FormOrderStatus.ORDERED": "Bestilt: skjemaet er bestilt og venter på svar fra pasienten (med NoDistribution åpner pasienten det med engangskode).",
        "FormOrderStatus.ERROR": "Feilet: bestillingen kunne ikke sendes. Feilkoden sier hvorfor: PatientUnreachable (pasienten kunne ikke nås på noen kanal regelen tillater) eller SikkerDigitalPostError (leveringen til Digipost eller e-Boks feilet).",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "Brev i retur: papirbrevet kom tilbake. Sjekk pasientens adresse i Folkeregisteret, eller oppgi en adresse i bestillingen (physicalAddress), og bestill på nytt.",
        "FormOrderStatus.DIGIPOST_DELIVERED": "Levert i digital postkasse: skjemaet kom fram til pasientens Digipost eller e-Boks.",
        "FormOrderStatusErrorCode.NONE": "Ingen feil.",
        "FormOrderStatusErrorCode.PATIENT_UNREACHABLE": "Pasienten kunne ikke nås: regelen tillater ingen kanal pasienten kan nås på. Velg en regel som når pasienten, eller bruk NoDistribution og gi pasienten en engangskode.",
        "FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR": "Feil i sikker digital post: leveringen til Digipost eller e-Boks feilet. Prøv igjen senere, eller bruk en regel med en annen kanal.",
        "SentStatus.SENT": "Sendt: meldingen gikk ut på kanalen som står i tilbakemeldingen fra ePROM.",
        "SentStatus.ERROR": "Feilet: meldingen kunne ikke sendes på noen kanal i prioritetslisten (kanal 0 None).",
        "FormOrderEventLogType.FORM_OPENED": "Pasienten åpnet skjemaet.",
        "FormOrderEventLogType.QUESTION_ACCESSED": "Pasienten så på et spørsmål i skjemaet.",
        "FormOrderEventLogType.SIGNING_STARTED": "Pasienten begynte å signere skjemaet.",
        "FormOrderEventLogType.SIGNING_CANCELLED": "Pasienten avbrøt signeringen.",
        "FormOrderEventLogType.SIGNING_ERROR": "Signeringen feilet; pasienten kan prøve igjen.",
        "MrsOrderStatus.ORDERED": "Bestilt (i MRS): skjemaet er sendt til pasienten og venter på svar. Ingenting å gjøre før fristen går ut.",
        "MrsOrderStatus.COMPLETED": "Besvart (i MRS): pasienten har svart, og svaret ligger i registeret.",
        "MrsOrderStatus.EXPIRED": "Utgått (i MRS): fristen gikk ut før pasienten svarte. Bestill på nytt hvis registeret fortsatt trenger svaret.",
        "MrsOrderStatus.FAILED": "Feilet (i MRS): pasienten fikk ikke skjemaet. Feilkoden (ErrorCode) sier hvorfor; se den før du bestiller på nytt.",
        "MrsOrderStatus.NOT_ORDERED": "Ikke bestilt (i MRS): bestillingen ble aldri sendt til ePROM, så pasienten har ikke fått noe. Feilkoden sier hvorfor, om den er satt.",
        "MrsOrderStatus.RECIPIENT_UNREACHABLE": "Mottaker ikke nådd (i MRS): ePROM fant ingen kanal regelen tillater der pasienten kan nås, så pasienten fikk ikke skjemaet. Slå opp pasienten i KRR og på Helsenorge, og velg en regel som når pasienten, for eksempel en med papirbrev.",
        "MrsOrderStatus.PROCESSING": "Prosesserer bestilling (i MRS): bestillingen er på vei til ePROM og pasienten har ikke fått noe ennå. Står den slik lenge, meld fra til Hemit med bestillingens id.",
        "MrsErrorCode.NONE": "Ingen feil.",
        "MrsErrorCode.UNKNOWN": "Ukjent feil, som ifølge MRS ikke bør skje: pasienten fikk ikke skjemaet. Meld fra til Hemit med bestillingens id.",
        "MrsErrorCode.ORDERED_BEFORE": "Tidligere bestilt: pasienten har allerede en bestilling av dette skjemaet, så denne ble ikke sendt. Se etter den tidligere bestillingen i listen før du bestiller på nytt.",
        "MrsErrorCode.NOT_DIGITALLY_ACTIVE": "Pasienten er ikke digitalt aktiv eller har ikke sikker digital postkasse, så ingen digital kanal regelen tillater når pasienten. Se reglene for hvem som kan nås digitalt i veiledningen; har pasienten postadresse, sender en regel med papirbrev (BasicOrPaper, AllowUnsecureOrPaper eller PaperOnly) skjemaet i posten.",
        "MrsErrorCode.EXTERNAL": "Ekstern feil, som ifølge MRS ikke bør skje: en tjeneste utenfor ePROM svarte ikke. Bestill på nytt senere; skjer det igjen, meld fra til Hemit.",
        "MrsErrorCode.INTERNAL": "Intern feil, som ifølge MRS ikke bør skje: pasienten fikk ikke skjemaet. Meld fra til Hemit med bestillingens id.",
        "MrsErrorCode.PATIENT_DECEASED": "Pasienten er død. Stopp: ikke bestill skjemaet på nytt, og sjekk at pasienten ikke får flere bestillinger.",
        "MrsErrorCode.PROMS_SERVER": "Feil fra PROMS-serveren (ePROM), som ifølge MRS ikke bør skje: pasienten fikk ikke skjemaet. Meld fra til Hemit med bestillingens id.",
    },
    "en": {
        "DistributionRule.BASIC": "Helsenorge first, then the secure digital mailbox. The default rule.",
        "DistributionRule.ALLOW_UNSECURE": "As Basic, then SMS or e-mail (contact details from KRR).",
        "DistributionRule.NO_DISTRIBUTION": "No notice is sent; the ordering system gives the patient a one-time code.",
        "DistributionRule.BASIC_OR_PAPER": "As Basic, with a paper letter as the last resort.",
        "DistributionRule.ALLOW_UNSECURE_OR_PAPER": "As AllowUnsecure, with a paper letter as the last resort.",
        "DistributionRule.PAPER_ONLY": "Only a paper letter in the post.",
        "DistributionRule.HELSENORGE_ONLY": "Only Helsenorge.",
        "DistributionRule.DIGITAL_MAILBOX_ONLY": "Only the secure digital mailbox (Digipost/e-Boks).",
        "DistributionRule.UNSECURE_ONLY": "Only SMS or e-mail (contact details from KRR).",
        "NotificationChannel.NONE": "No notice was sent: NoDistribution, or the patient could not be reached.",
        "NotificationChannel.HELSENORGE": "Helsenorge: the form is in the patient's inbox on helsenorge.no.",
        "NotificationChannel.DIGITAL_MAILBOX": "Secure digital mailbox: the form went to Digipost or e-Boks.",
        "NotificationChannel.UNSECURE": "SMS or e-mail to the contact details in the contact register (KRR). It is not a secure channel, so the notice only tells the patient where to log in.",
        "NotificationChannel.PHYSICAL_MAILBOX": "Paper letter in the post, to the Folkeregister address or the order's physicalAddress.",
        "FormOrderStatus.COMPLETED": "Completed: the patient has answered the form.",
        "FormOrderStatus.EXPIRED": "Expired: the deadline passed before the patient answered. Order the form again if it is still needed.",
        "FormOrderStatus.ORDERED": "Ordered: the form is ordered and waits for the patient's answer (with NoDistribution the patient opens it with a one-time code).",
        "FormOrderStatus.ERROR": "Error: the order could not be sent. The error code says why: PatientUnreachable (the patient could not be reached on any channel the rule permits) or SikkerDigitalPostError (delivery to Digipost or e-Boks failed).",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "Letter returned: the paper letter came back. Check the patient's address in Folkeregisteret, or give an address in the order (physicalAddress), and order again.",
        "FormOrderStatus.DIGIPOST_DELIVERED": "Delivered to the digital mailbox: the form reached the patient's Digipost or e-Boks.",
        "FormOrderStatusErrorCode.NONE": "No error.",
        "FormOrderStatusErrorCode.PATIENT_UNREACHABLE": "Patient unreachable: the rule permits no channel the patient can be reached on. Choose a rule that reaches the patient, or use NoDistribution and give them a one-time code.",
        "FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR": "Secure digital post failed: delivery to Digipost or e-Boks failed. Try again later, or use a rule with another channel.",
        "SentStatus.SENT": "Sent: the message went out on the channel named in the callback.",
        "SentStatus.ERROR": "Error: the message could not be sent on any channel of the priority list (channel 0 None).",
        "FormOrderEventLogType.FORM_OPENED": "The patient opened the form.",
        "FormOrderEventLogType.QUESTION_ACCESSED": "The patient looked at a question in the form.",
        "FormOrderEventLogType.SIGNING_STARTED": "The patient started signing the form.",
        "FormOrderEventLogType.SIGNING_CANCELLED": "The patient cancelled the signing.",
        "FormOrderEventLogType.SIGNING_ERROR": "Signing failed; the patient can try again.",
        "MrsOrderStatus.ORDERED": "Ordered (in MRS): the form has been sent to the patient and waits for an answer. Nothing to do before the deadline.",
        "MrsOrderStatus.COMPLETED": "Completed (in MRS): the patient has answered, and the answer is in the register.",
        "MrsOrderStatus.EXPIRED": "Expired (in MRS): the deadline passed before the patient answered. Order again if the register still needs the answer.",
        "MrsOrderStatus.FAILED": "Failed (in MRS): the patient did not get the form. The error code (ErrorCode) says why; read it before ordering again.",
        "MrsOrderStatus.NOT_ORDERED": "Not ordered (in MRS): the order never went to ePROM, so the patient got nothing. The error code says why, if it is set.",
        "MrsOrderStatus.RECIPIENT_UNREACHABLE": "Recipient not reached (in MRS): ePROM found no channel the rule permits on which the patient can be reached, so the patient did not get the form. Look the patient up in KRR and on Helsenorge, and choose a rule that reaches them, for example one with a paper letter.",
        "MrsOrderStatus.PROCESSING": "Processing the order (in MRS): the order is on its way to ePROM and the patient has got nothing yet. If it stays so for long, report it to Hemit with the order's id.",
        "MrsErrorCode.NONE": "No error.",
        "MrsErrorCode.UNKNOWN": "Unknown error, which MRS says should not happen: the patient did not get the form. Report it to Hemit with the order's id.",
        "MrsErrorCode.ORDERED_BEFORE": "Ordered before: the patient already has an order of this form, so this one was not sent. Look for the earlier order in the list before ordering again.",
        "MrsErrorCode.NOT_DIGITALLY_ACTIVE": "The patient is not digitally active or has no secure digital mailbox, so no digital channel the rule permits reaches them. See the rules for who can be reached digitally in the guide; if the patient has a postal address, a rule with a paper letter (BasicOrPaper, AllowUnsecureOrPaper or PaperOnly) sends the form by post.",
        "MrsErrorCode.EXTERNAL": "External error, which MRS says should not happen: a service outside ePROM did not answer. Order again later; if it happens again, report it to Hemit.",
        "MrsErrorCode.INTERNAL": "Internal error, which MRS says should not happen: the patient did not get the form. Report it to Hemit with the order's id.",
        "MrsErrorCode.PATIENT_DECEASED": "The patient has died. Stop: do not order the form again, and make sure the patient gets no further orders.",
        "MrsErrorCode.PROMS_SERVER": "Error from the PROMS server (ePROM), which MRS says should not happen: the patient did not get the form. Report it to Hemit with the order's id.",
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
        "eligibility": "Kanalene, og om pasienten kan nås på dem",
        "yes": "tilgjengelig",
        "no": "ikke tilgjengelig",
        "preflight_ok": "Ingen problemer funnet: ePROM bør godta denne bestillingen.",
        "preflight_problems": "ePROM ville avvist denne bestillingen:",
        "error": "feil",
        "unreachable": "kan ikke nås",
        "not_distributed": "engangskode",
        "paper_despite_digital": "papir tross digital kanal",
        "not_settled": "ikke avgjort",
        "skipped": "ugyldige rader hoppet over",
        "incomplete": "rader utelatt for manglende verdi",
        "patients": "pasienter",
        "reference_time": "Opplysningene gjelder {time} (norsk tid).",
        "national_id_prompt": "Fødselsnummer eller D-nummer (vises ikke): ",
        "cannot_write": "kan ikke skrive utdata: standard utdata er lukket, eller disken er full eller skrivebeskyttet",
        "available_header": "tilgjengelig",
        "json_position": "linje {line}, kolonne {column}",
        "json_constant": "{name} er ikke et tall i JSON",
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
        "eligibility": "The channels, and whether the patient can be reached on them",
        "yes": "available",
        "no": "not available",
        "preflight_ok": "No problems found: ePROM should accept this order.",
        "preflight_problems": "ePROM would refuse this order:",
        "error": "error",
        "unreachable": "unreachable",
        "not_distributed": "one-time code",
        "paper_despite_digital": "paper despite digital",
        "not_settled": "not settled",
        "skipped": "bad rows skipped",
        "incomplete": "rows left out for a missing value",
        "patients": "patients",
        "reference_time": "These facts are as of {time} (Norwegian time).",
        "national_id_prompt": "Fødselsnummer or D-nummer (not shown): ",
        "cannot_write": "cannot write the output: standard output is closed, or the disk is full or read-only",
        "available_header": "available",
        "json_position": "line {line}, column {column}",
        "json_constant": "{name} is not a number in JSON",
    },
}


TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "ERRORS": ERRORS,  # type: ignore[dict-item]
    "ROW_PROBLEMS": ROW_PROBLEMS,
    "CHANNEL_NAMES": CHANNEL_NAMES,
    "CHANNEL_LABELS": CHANNEL_LABELS,
    "JOIN": JOIN,
    "SUGGEST": SUGGEST,
    "TYPE_NAMES": TYPE_NAMES,
    "EXPECTED": EXPECTED,
    "MEANINGS": MEANINGS,
    "LABELS": LABELS,  # type: ignore[dict-item]
}
"""Every text table by name, for the tests that compare the languages."""


def join_list(items: Sequence[str], lang: Lang, word: Literal["and", "or"] = "and") -> str:
    """Return *items* as a list a person reads: ``"A"``, ``"A og B"``, ``"A, B og C"``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + JOIN[lang][word] + items[-1]


def is_lang(value: object) -> TypeGuard[Lang]:
    """Return whether *value* is one of the supported language codes."""
    return value in LANGUAGES
