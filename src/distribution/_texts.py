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

from typing import TYPE_CHECKING, Final, Literal, TypeGuard, get_args

if TYPE_CHECKING:
    from collections.abc import Sequence

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
    "bad_json",
    "cannot_read",
    "usage",
    "rule_and_list",
    "csv_no_header",
    "csv_bad_header",
    "csv_missing_columns",
    "csv_duplicate_column",
    "csv_bad_rows",
    "csv_bad_rows_one",
    "csv_skipped",
    "csv_skipped_one",
    "csv_encoding",
    "csv_wrong_delimiter",
    "unknown_kind",
    "unknown_encoding",
    "facts_and_available",
    "krr_status_needed",
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
    "reference_time",
    "national_id_prompt",
    "cannot_write",
    "available_header",
    "json_position",
]
"""The labels of plain output."""

# The templates of error messages (:class:`~distribution.errors.DistributionError`), by key.
ERRORS: Final[dict[Lang, dict[ErrorKey, str]]] = {
    "nb": {
        "unknown_code": "{value} er ikke en gyldig {field}; gyldige koder og navn: {choices}",
        "code_type": "{field} oppgis som kode (heltall) eller navn (tekst), ikke {type}; gyldige koder og navn: {choices}",
        "not_bool": "{field} må være true eller false, ikke {type}",
        "wrong_type": "{field} må være {expected}, ikke {type}",
        "unknown_channel": "{value} er ikke en kjent kanal; gyldige kanaler: {choices}",
        "channel_none": "{field}: {value} er ingen kanal pasienten kan nås på; gyldige kanaler: {choices}",
        "empty_priority_list": "{field} er tom; oppgi minst én av: {choices}",
        "repeated_channel": "{field} har {value} mer enn én gang; hver kanal kan bare stå der én gang",
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
        "bad_json": "{field} er ikke gyldig JSON: {problem}",
        "cannot_read": "kan ikke lese {value}: {problem}",
        "usage": "{problem} (se {field} --help)",
        "rule_and_list": "oppgi enten en REGEL eller --priority-list, ikke begge (fikk {value} og {choices})",
        "csv_no_header": "{field} er tom; forventet en overskriftslinje med kolonnene {choices}",
        "csv_bad_header": "{field} linje 1: overskriften kan ikke leses som CSV; den trenger kolonnene {choices}",
        "csv_missing_columns": "{field} linje 1: overskriften mangler kolonnene {missing}; den trenger {choices}",
        "csv_duplicate_column": "{field} linje 1: kolonnen {value} står mer enn én gang",
        "csv_bad_rows": "{field} har {count} ugyldige rader (første: {rows}); rett dem eller bruk --skip-bad",
        "csv_bad_rows_one": "{field} har én ugyldig rad: {rows}; rett den eller bruk --skip-bad",
        "csv_skipped": "{field}: hoppet over {count} ugyldige rader (første: {rows})",
        "csv_skipped_one": "{field}: hoppet over én ugyldig rad: {rows}",
        "csv_encoding": "{field} er ikke lagret som {encoding}; prøv --encoding {choices} (vanlig fra Excel på norsk Windows)",
        "csv_wrong_delimiter": "{field} linje 1: overskriften ser ut til å være skilt med {value}; bruk --delimiter {value} (den trenger kolonnene {choices})",
        "unknown_kind": "{value} er ikke en kjent type kode; velg mellom: {choices}",
        "unknown_encoding": "{value} er ikke en kjent tegnkoding; velg for eksempel: {choices}",
        "facts_and_available": "oppgi enten {field} eller opplysninger om pasienten, ikke begge (fikk {value})",
        "krr_status_needed": "oppgi også {field} ({choices}) når du oppgir noe fra KRR",
    },
    "en": {
        "unknown_code": "{value} is not a known {field}; valid codes and names: {choices}",
        "code_type": "{field} takes a code (integer) or a name (text), not {type}; valid codes and names: {choices}",
        "not_bool": "{field} must be true or false, not {type}",
        "wrong_type": "{field} must be {expected}, not {type}",
        "unknown_channel": "{value} is not a known channel; valid channels: {choices}",
        "channel_none": "{field}: {value} is no channel a patient can be reached on; valid channels: {choices}",
        "empty_priority_list": "{field} is empty; name at least one of: {choices}",
        "repeated_channel": "{field} names {value} more than once; each channel may stand there once",
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
        "bad_json": "{field} is not valid JSON: {problem}",
        "cannot_read": "cannot read {value}: {problem}",
        "usage": "{problem} (see {field} --help)",
        "rule_and_list": "give either a RULE or --priority-list, not both (got {value} and {choices})",
        "csv_no_header": "{field} is empty; expected a header with the columns {choices}",
        "csv_bad_header": "{field} line 1: the header is not readable as CSV; it needs the columns {choices}",
        "csv_missing_columns": "{field} line 1: the header lacks the columns {missing}; it needs {choices}",
        "csv_duplicate_column": "{field} line 1: the column {value} appears more than once",
        "csv_bad_rows": "{field} has {count} bad rows (first: {rows}); fix them or use --skip-bad",
        "csv_bad_rows_one": "{field} has one bad row: {rows}; fix it or use --skip-bad",
        "csv_skipped": "{field}: skipped {count} bad rows (first: {rows})",
        "csv_skipped_one": "{field}: skipped one bad row: {rows}",
        "csv_encoding": "{field} is not saved as {encoding}; try --encoding {choices} (common from Excel on Norwegian Windows)",
        "csv_wrong_delimiter": "{field} line 1: the header seems to be split by {value}; use --delimiter {value} (it needs the columns {choices})",
        "unknown_kind": "{value} is not a known kind of code; choose from: {choices}",
        "unknown_encoding": "{value} is not a known text encoding; choose for example: {choices}",
        "facts_and_available": "give either {field} or facts about the patient, not both (got {value})",
        "krr_status_needed": "give {field} ({choices}) too when you give anything from KRR",
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

# How the patient is reached on each channel, after "kan også nås" / "can also be reached".
CHANNEL_REACH: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "HELSENORGE": "på Helsenorge",
        "DIGITAL_MAILBOX": "i sikker digital postkasse (Digipost/e-Boks)",
        "UNSECURE": "på SMS eller e-post (kontaktinformasjon fra KRR)",
        "PHYSICAL_MAILBOX": "med papirbrev",
    },
    "en": {
        "HELSENORGE": "on Helsenorge",
        "DIGITAL_MAILBOX": "in a secure digital mailbox (Digipost/e-Boks)",
        "UNSECURE": "by SMS or e-mail (contact details from KRR)",
        "PHYSICAL_MAILBOX": "by paper letter",
    },
}

# What the patient gets when a channel is chosen, by member.
RESULTS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "HELSENORGE": "Resultat: pasienten får skjemaet på Helsenorge.",
        "DIGITAL_MAILBOX": "Resultat: pasienten får skjemaet i sikker digital postkasse (Digipost/e-Boks).",
        "UNSECURE": "Resultat: pasienten får varsel på SMS eller e-post (kontaktinformasjon fra KRR).",
        "PHYSICAL_MAILBOX": "Resultat: pasienten får papirbrev i posten.",
    },
    "en": {
        "HELSENORGE": "Result: the patient gets the form on Helsenorge.",
        "DIGITAL_MAILBOX": "Result: the patient gets the form in their secure digital mailbox (Digipost/e-Boks).",
        "UNSECURE": "Result: the patient is notified by SMS or e-mail (contact details from KRR).",
        "PHYSICAL_MAILBOX": "Result: the patient gets a paper letter in the post.",
    },
}

# What became of a decision (engine.Outcome), with the value a log shows.
OUTCOMES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "NOTIFIED": "pasienten får varsel (NOTIFIED)",
        "NOT_DISTRIBUTED": "ingenting sendes, engangskode (NOT_DISTRIBUTED)",
        "UNREACHABLE": "kan ikke nås (UNREACHABLE)",
    },
    "en": {
        "NOTIFIED": "the patient is notified (NOTIFIED)",
        "NOT_DISTRIBUTED": "nothing is sent, one-time code (NOT_DISTRIBUTED)",
        "UNREACHABLE": "cannot be reached (UNREACHABLE)",
    },
}

# Appended to an error message when a valid choice is close to what was typed.
SUGGEST: Final[dict[Lang, dict[str, str]]] = {
    "nb": {"did_you_mean": " (mente du {suggestion}?)"},
    "en": {"did_you_mean": " (did you mean {suggestion}?)"},
}

# Words that join a list: "A, B og C".
JOIN: Final[dict[Lang, dict[str, str]]] = {
    "nb": {"and": " og ", "or": " eller "},
    "en": {"and": " and ", "or": " or "},
}

# The type of a bad value, by Python's name for it; a type not here keeps its own name.
TYPE_NAMES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "str": "tekst",
        "int": "heltall",
        "float": "desimaltall",
        "bool": "true/false",
        "NoneType": "null",
        "list": "liste",
        "tuple": "liste",
        "dict": "objekt",
        "bytes": "bytes",
        "datetime": "tidspunkt med tidssone",
        "date": "dato",
    },
    "en": {
        "str": "text",
        "int": "integer",
        "float": "decimal number",
        "bool": "true/false",
        "NoneType": "null",
        "list": "list",
        "tuple": "list",
        "dict": "object",
        "bytes": "bytes",
        "datetime": "time with a time zone",
        "date": "date",
    },
}

# What a field takes, in the words of an error message ("… must be an object, not list").
EXPECTED: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "PatientFacts": "PatientFacts",
        "a (rule, availability) pair": "et par (regel, tilgjengelighet)",
        "a Decision": "en Decision",
        "a DistributionRule or None": "en DistributionRule eller None",
        "a file name": "et filnavn",
        "a list": "en liste",
        "a list of channels": "en liste med kanaler",
        "a member of an ePROM enum": "en kode fra ePROM",
        "a non-empty tuple of Reason": "minst én Reason",
        "one (channel, reasons) pair per channel": "ett par (kanal, grunner) per kanal, i rekkefølgen helsenorge, digital_mailbox, krr_contact, paper",
        "a sequence of channels": "en rekke kanaler",
        "a string": "tekst",
        "a string of 11 digits": "tekst med 11 siffer",
        "an Availability": "en Availability",
        "an integer": "et heltall",
        "an object": "et objekt",
        "int": "et heltall",
        "str": "tekst",
        "the decision's own availability": "avgjørelsens egen tilgjengelighet",
        "true, false or null": "true, false eller null",
    },
    "en": {
        "PatientFacts": "PatientFacts",
        "a (rule, availability) pair": "a (rule, availability) pair",
        "a Decision": "a Decision",
        "a DistributionRule or None": "a DistributionRule or None",
        "a file name": "a file name",
        "a list": "a list",
        "a list of channels": "a list of channels",
        "a member of an ePROM enum": "a code from ePROM",
        "a non-empty tuple of Reason": "at least one Reason",
        "one (channel, reasons) pair per channel": "one (channel, reasons) pair per channel, in the order helsenorge, digital_mailbox, krr_contact, paper",
        "a sequence of channels": "a sequence of channels",
        "a string": "a string",
        "a string of 11 digits": "a string of 11 digits",
        "an Availability": "an Availability",
        "an integer": "an integer",
        "an object": "an object",
        "int": "an integer",
        "str": "a string",
        "the decision's own availability": "the decision's own availability",
        "true, false or null": "true, false or null",
    },
}

# Sentences of an explanation. Keys ending in an outcome's name are chosen by the outcome;
# "order" texts are for a form order with a rule, "message" texts for a message's priority list,
# "rule"/"list" texts name what permits the channels, "one"/"many" how many it permits.
PHRASES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "rule": "Regel: {code} {name}. {meaning}",
        "priority_list": "Prioritetsliste for en melding til innbygger (ingen distribusjonsregel).",
        "route": "Kanaler som prøves, i rekkefølge: {route}.",
        "route_empty": "Kanaler som prøves: ingen. Denne regelen sender ikke varsel.",
        "step_chosen": "  {n}. {channel}: tilgjengelig, valgt.",
        "step_fallback": "  {n}. {channel}: tilgjengelig, neste hvis dette feiler.",
        "step_missing": "  {n}. {channel}: ikke tilgjengelig.",
        "because": "  (hvorfor: {reasons})",
        "result_NOT_DISTRIBUTED": (
            "Resultat: ingenting sendes. Med NoDistribution gir bestillersystemet pasienten en"
            " engangskode som åpner skjemaet."
        ),
        "unreachable_rule_one": "Resultat: ingenting kunne sendes. Regelen tillater bare {route}, og pasienten kan ikke nås der.",
        "unreachable_rule_many": "Resultat: ingenting kunne sendes. Regelen tillater {route}, men pasienten kan ikke nås på noen av disse.",
        "unreachable_list_one": "Resultat: ingenting kunne sendes. Prioritetslisten har bare {route}, og pasienten kan ikke nås der.",
        "unreachable_list_many": "Resultat: ingenting kunne sendes. Prioritetslisten har {route}, men pasienten kan ikke nås på noen av disse.",
        "fallbacks": "Reservekanaler som gjenstår: {channels}.",
        "fallbacks_none": "Reservekanaler som gjenstår: ingen.",
        "callback_order_NOTIFIED": (
            "Dette melder ePROM tilbake (callback): Bestilt (FormOrderStatus 2 Ordered), og Besvart"
            " (0 Completed) når pasienten har svart."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "Dette svarer ePROM på bestillingen: engangskoden pasienten skal få (singleUseCode),"
            " og status Bestilt (FormOrderStatus 2 Ordered)."
        ),
        "callback_order_UNREACHABLE": (
            "Dette melder ePROM tilbake (callback): Feilet (FormOrderStatus 3 Error) fordi"
            " pasienten ikke kunne nås (FormOrderStatusErrorCode 1 PatientUnreachable)."
        ),
        "callback_message_NOTIFIED": (
            "Dette melder ePROM tilbake (callback): Sendt (SentStatus 0 Sent) med kanal {code}"
            " {name} (NotificationChannel)."
        ),
        "callback_message_UNREACHABLE": (
            "Dette melder ePROM tilbake (callback): Feilet (SentStatus 1 Error) med kanal 0 None"
            " (NotificationChannel)."
        ),
        "unused_rule_one": "Merk: pasienten kan også nås {channels}, men den kanalen bruker ikke regelen.",
        "unused_rule_many": "Merk: pasienten kan også nås {channels}, men de kanalene bruker ikke regelen.",
        "unused_list_one": "Merk: pasienten kan også nås {channels}, men den kanalen står ikke i prioritetslisten.",
        "unused_list_many": "Merk: pasienten kan også nås {channels}, men de kanalene står ikke i prioritetslisten.",
        "whatif": "Regler som ville nådd pasienten:",
        "whatif_paper": "Regler som ville nådd pasienten digitalt i stedet for med papirbrev:",
        "whatif_item": "  - {code} {name}: {channel}",
        "whatif_none": "Ingen regel når denne pasienten. Med NoDistribution får pasienten en engangskode i stedet.",
    },
    "en": {
        "rule": "Rule: {code} {name}. {meaning}",
        "priority_list": "Priority list of a message to a citizen (no distribution rule).",
        "route": "Channels tried, in order: {route}.",
        "route_empty": "Channels tried: none. This rule sends no notice.",
        "step_chosen": "  {n}. {channel}: available, chosen.",
        "step_fallback": "  {n}. {channel}: available, next if this fails.",
        "step_missing": "  {n}. {channel}: not available.",
        "because": "  (why: {reasons})",
        "result_NOT_DISTRIBUTED": (
            "Result: nothing is sent. With NoDistribution the ordering system gives the patient"
            " a one-time code (engangskode) that opens the form."
        ),
        "unreachable_rule_one": "Result: nothing could be sent. The rule permits only {route}, and the patient cannot be reached there.",
        "unreachable_rule_many": "Result: nothing could be sent. The rule permits {route}, but the patient cannot be reached on any of them.",
        "unreachable_list_one": "Result: nothing could be sent. The priority list has only {route}, and the patient cannot be reached there.",
        "unreachable_list_many": "Result: nothing could be sent. The priority list has {route}, but the patient cannot be reached on any of them.",
        "fallbacks": "Fallbacks left: {channels}.",
        "fallbacks_none": "Fallbacks left: none.",
        "callback_order_NOTIFIED": (
            "What ePROM reports back (callback): Ordered (FormOrderStatus 2), then Completed"
            " (0) when the patient has answered."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "What ePROM answers the order with: the one-time code to give the patient"
            " (singleUseCode), and the status Ordered (FormOrderStatus 2)."
        ),
        "callback_order_UNREACHABLE": (
            "What ePROM reports back (callback): Error (FormOrderStatus 3) because the patient"
            " could not be reached (FormOrderStatusErrorCode 1 PatientUnreachable)."
        ),
        "callback_message_NOTIFIED": (
            "What ePROM reports back (callback): Sent (SentStatus 0) on channel {code} {name}"
            " (NotificationChannel)."
        ),
        "callback_message_UNREACHABLE": (
            "What ePROM reports back (callback): Error (SentStatus 1) with channel 0 None"
            " (NotificationChannel)."
        ),
        "unused_rule_one": "Note: the patient can also be reached {channels}, but the rule does not use that channel.",
        "unused_rule_many": "Note: the patient can also be reached {channels}, but the rule does not use those channels.",
        "unused_list_one": "Note: the patient can also be reached {channels}, but that channel is not on the priority list.",
        "unused_list_many": "Note: the patient can also be reached {channels}, but those channels are not on the priority list.",
        "whatif": "Rules that would reach this patient:",
        "whatif_paper": "Rules that would reach this patient digitally instead of by paper letter:",
        "whatif_item": "  - {code} {name}: {channel}",
        "whatif_none": "No rule reaches this patient. With NoDistribution the patient gets a one-time code instead.",
    },
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
        "FormOrderStatus.ORDERED": "Bestilt: skjemaet er sendt og venter på svar fra pasienten.",
        "FormOrderStatus.ERROR": "Feilet: bestillingen kunne ikke sendes. Feilkoden sier hvorfor (PatientUnreachable: pasienten kunne ikke nås på noen kanal regelen tillater).",
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
        "FormOrderStatus.ORDERED": "Ordered: the form has been sent and waits for the patient's answer.",
        "FormOrderStatus.ERROR": "Error: the order could not be sent. The error code says why (PatientUnreachable: the patient could not be reached on any channel the rule permits).",
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
    },
}

# Why a channel is or is not available (``eligibility.Reason``, by value).
REASONS: Final[dict[Lang, dict[str, str]]] = {
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
        "contact_details_stale": "the e-mail address and mobile number in KRR are older than 18 months",
        "contact_details_undated": "KRR gives no update or verification date for the contact details",
        "no_postal_address": "has no known postal address",
        "postal_address_unknown": "not known whether the patient has a postal address",
    },
}

# What is wrong with an order ePROM would refuse (``orders.ProblemCode``, by value).
PROBLEMS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "signing_without_distribution": "Et skjema som krever signatur kan ikke bestilles med NoDistribution: signering krever innlogging på sikkerhetsnivå 4, noe en engangskode ikke gir.",
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
        "eligibility": "Kanaler pasienten kan nås på",
        "yes": "tilgjengelig",
        "no": "ikke tilgjengelig",
        "preflight_ok": "Ingen problemer funnet: ePROM bør godta denne bestillingen.",
        "preflight_problems": "ePROM ville avvist denne bestillingen:",
        "error": "feil",
        "unreachable": "kan ikke nås",
        "not_distributed": "engangskode",
        "paper_despite_digital": "papir tross digital kanal",
        "patients": "pasienter",
        "reference_time": "Opplysningene gjelder {time} (norsk tid).",
        "national_id_prompt": "Fødselsnummer eller D-nummer (vises ikke): ",
        "cannot_write": "kan ikke skrive utdata: disken er full eller kan ikke skrives til",
        "available_header": "tilgjengelig",
        "json_position": "linje {line}, kolonne {column}",
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
        "eligibility": "Channels the patient can be reached on",
        "yes": "available",
        "no": "not available",
        "preflight_ok": "No problems found: ePROM should accept this order.",
        "preflight_problems": "ePROM would refuse this order:",
        "error": "error",
        "unreachable": "unreachable",
        "not_distributed": "one-time code",
        "paper_despite_digital": "paper despite digital",
        "patients": "patients",
        "reference_time": "The facts hold at {time} (Norwegian time).",
        "national_id_prompt": "Fødselsnummer or D-nummer (not shown): ",
        "cannot_write": "cannot write the output: the disk is full or cannot be written to",
        "available_header": "available",
        "json_position": "line {line}, column {column}",
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

# The command line's help: argparse's own headings and every command's and option's text.
HELP: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "usage": "bruk: ",
        "positionals": "argumenter",
        "options": "valg",
        "help": "vis denne hjelpen og avslutt",
        "version": "vis versjonsnummeret og avslutt",
        "description": "Finn ut og forklar hvordan et skjema eller en melding fra ePROM når pasienten.",
        "commands": "kommandoer",
        "command": "kommandoen som skal kjøres",
        "example": "Eksempel: {example}",
        "lang": "språk for utdata: nb (bokmål) eller en (engelsk); også no, nb-NO, en-GB",
        "decide": "vis avgjørelsen for en regel eller en prioritetsliste",
        "explain": "forklar med vanlige ord hvordan pasienten nås",
        "rules": "vis alle regler: kode, navn, rekkefølge og betydning",
        "matrix": "vis alle 9 regler for alle 16 kombinasjoner av kanaler",
        "describe": "forklar hva en kode fra ePROM betyr",
        "assess": "finn kanalene ut fra opplysninger om pasienten (JSON) og forklar avgjørelsen",
        "preflight": "sjekk om ePROM vil avvise en bestilling",
        "simulate": "tell hvordan en pasientgruppe (CSV) nås med hver regel",
        "rule": "en distribusjonsregel, med kode eller navn (standard: Basic)",
        "rule_required": "en distribusjonsregel, med kode eller navn",
        "available": "kanalene pasienten kan nås på, skilt med komma: helsenorge, digipost (sikker digital postkasse), sms (SMS eller e-post fra KRR), papir; eller ingen",
        "priority_list": "kanalene i en meldings prioritetsliste, i rekkefølge, i stedet for en REGEL",
        "json": "skriv ut JSON",
        "format": "utdataformat",
        "kind": "hva slags kode: regel, kanal, status (skjemastatus), feilkode, sendestatus eller hendelse",
        "code": "koden eller navnet",
        "facts_file": "opplysninger om pasienten som JSON (KRR-oppslaget under «krr»); - leser fra standard inn",
        "assess_rule": "regelen avgjørelsen gjelder (standard: Basic)",
        "must_be_signed": "skjemaet må signeres",
        "on_behalf_of": "bestilt på vegne av en annen",
        "not_paper_enabled": "skjemaet er ikke satt opp for papir",
        "national_id": "pasientens fødselsnummer eller D-nummer; - leser det fra standard inn (eller spør uten å vise det)",
        "problem_codes": "skriv ut problemkodene som JSON",
        "cohort_file": "én pasient per rad; kolonnene helsenorge, digital_mailbox, krr_contact og paper (ja/nei, true/false, 1/0); andre kolonner blir ikke lest",
        "rules_list": "regler skilt med komma (standard: alle ni)",
        "skip_bad": "hopp over ugyldige rader (de listes på standard feil) i stedet for å stoppe",
        "delimiter": "skilletegn i CSV-filen (standard: finn det ut fra overskriftslinjen, komma eller semikolon)",
        "encoding": "tegnkoding i CSV-filen (standard: utf-8; Excel på norsk Windows lagrer ofte cp1252)",
        "facts": "opplysninger om pasienten fra en JSON-fil, i stedet for --available",
        "reference_time": "tidspunktet opplysningene gjelder (ÅÅÅÅ-MM-DD eller ISO 8601; standard: nå)",
        "age": "pasientens alder i hele år",
        "birth_date": "pasientens fødselsdato (ÅÅÅÅ-MM-DD)",
        "level4_eid": "har pasienten BankID eller annen elektronisk ID på nivå 4? (ja/nei)",
        "consent": "samtykke på Helsenorge: full, begrenset eller ingen",
        "representable": "kan pasienten representeres på Helsenorge (f.eks. av en forelder)? (ja/nei)",
        "krr_status": "status i KRR: aktiv, slettet eller ikke-registrert",
        "reserved": "er pasienten reservert mot digital kommunikasjon i KRR? (ja/nei)",
        "can_notify": "varslingsstatus i KRR: kan pasienten varsles? (ja/nei)",
        "contact_updated": "datoen e-post eller mobilnummer i KRR sist ble oppdatert eller bekreftet (ÅÅÅÅ-MM-DD)",
        "digital_mailbox": "har pasienten sikker digital postkasse (Digipost/e-Boks) i KRR? (ja/nei)",
        "postal_address": "har pasienten postadresse i Folkeregisteret? (ja/nei)",
    },
    "en": {
        "usage": "usage: ",
        "positionals": "arguments",
        "options": "options",
        "help": "show this help message and exit",
        "version": "show the version number and exit",
        "description": "Decide and explain how an ePROM form order or message reaches a patient.",
        "commands": "commands",
        "command": "the command to run",
        "example": "Example: {example}",
        "lang": "language of the output: nb (bokmål) or en (English); also no, nb-NO, en-GB",
        "decide": "print the decision for a rule or a priority list",
        "explain": "explain in plain words how the patient is reached",
        "rules": "list every rule: code, name, route and meaning",
        "matrix": "print all 9 rules for all 16 combinations of channels",
        "describe": "say what a code from ePROM means",
        "assess": "work out the channels from patient facts (JSON) and explain the decision",
        "preflight": "check whether ePROM would refuse an order",
        "simulate": "count how a cohort (CSV) would be reached under each rule",
        "rule": "a distribution rule, by code or name (default: Basic)",
        "rule_required": "a distribution rule, by code or name",
        "available": "the channels the patient can be reached on, comma-separated: helsenorge, digipost (secure digital mailbox), sms (SMS or e-mail from KRR), paper; or none",
        "priority_list": "the channels of a message's priority list, in order, instead of a RULE",
        "json": "print JSON",
        "format": "output format",
        "kind": "the kind of code: rule, channel, status, error, sent or event",
        "code": "the code or its name",
        "facts_file": "patient facts as JSON (the KRR record under 'krr'); - reads standard input",
        "assess_rule": "the rule to decide with (default: Basic)",
        "must_be_signed": "the form must be signed",
        "on_behalf_of": "ordered on behalf of someone else",
        "not_paper_enabled": "the form is not paper enabled",
        "national_id": "the patient's fødselsnummer or D-nummer; - reads it from standard input (or asks without echoing it)",
        "problem_codes": "print the problem codes as JSON",
        "cohort_file": "one patient a row; the columns helsenorge, digital_mailbox, krr_contact and paper (yes/no, true/false, 1/0); other columns are not read",
        "rules_list": "comma-separated rules (default: all nine)",
        "skip_bad": "skip bad rows (listed on standard error) instead of stopping",
        "delimiter": "the CSV file's delimiter (default: found from the header line, comma or semicolon)",
        "encoding": "the CSV file's text encoding (default: utf-8; Excel on Norwegian Windows often saves cp1252)",
        "facts": "patient facts from a JSON file, instead of --available",
        "reference_time": "when the facts hold (YYYY-MM-DD or ISO 8601; default: now)",
        "age": "the patient's age in whole years",
        "birth_date": "the patient's birth date (YYYY-MM-DD)",
        "level4_eid": "does the patient have BankID or other electronic ID at level 4? (yes/no)",
        "consent": "consent on Helsenorge: full, limited or none",
        "representable": "can the patient be represented on Helsenorge (by a parent, say)? (yes/no)",
        "krr_status": "status in KRR: active, deleted or not-registered",
        "reserved": "is the patient reserved against digital communication in KRR? (yes/no)",
        "can_notify": "notification status in KRR: can the patient be notified? (yes/no)",
        "contact_updated": "the date the e-mail address or mobile number in KRR was last updated or verified (YYYY-MM-DD)",
        "digital_mailbox": "does the patient have a secure digital mailbox (Digipost/e-Boks) in KRR? (yes/no)",
        "postal_address": "does the patient have a postal address in Folkeregisteret? (yes/no)",
    },
}

# argparse's own messages (English, as argparse writes them) and their translations; the
# command line matches the English template and renders the one in the chosen language.
ARGPARSE: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "required": "dette mangler: {names}",
        "unrecognized": "ukjente argumenter: {names}",
        "invalid_choice": "{name}: {value} er ikke et gyldig valg; velg mellom {choices}",
        "expected_one": "{name} trenger en verdi",
        "not_allowed_with": "{name} kan ikke brukes sammen med {other}",
        "ambiguous": "tvetydig valg: {option} kan bety {matches}",
        "argument_problem": "{name}: {problem}",
    },
    "en": {
        "required": "the following arguments are required: {names}",
        "unrecognized": "unrecognized arguments: {names}",
        "invalid_choice": "argument {name}: invalid choice: {value} (choose from {choices})",
        "expected_one": "argument {name}: expected one argument",
        "not_allowed_with": "argument {name}: not allowed with argument {other}",
        "ambiguous": "ambiguous option: {option} could match {matches}",
        "argument_problem": "argument {name}: {problem}",
    },
}

TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "ERRORS": ERRORS,  # type: ignore[dict-item]
    "ROW_PROBLEMS": ROW_PROBLEMS,
    "CHANNEL_NAMES": CHANNEL_NAMES,
    "CHANNEL_LABELS": CHANNEL_LABELS,
    "CHANNEL_REACH": CHANNEL_REACH,
    "RESULTS": RESULTS,
    "OUTCOMES": OUTCOMES,
    "JOIN": JOIN,
    "SUGGEST": SUGGEST,
    "TYPE_NAMES": TYPE_NAMES,
    "EXPECTED": EXPECTED,
    "PHRASES": PHRASES,
    "MEANINGS": MEANINGS,
    "REASONS": REASONS,
    "PROBLEMS": PROBLEMS,
    "LABELS": LABELS,  # type: ignore[dict-item]
    "FILE_PROBLEMS": FILE_PROBLEMS,
    "HELP": HELP,
    "LEGEND": LEGEND,
    "ARGPARSE": ARGPARSE,
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
