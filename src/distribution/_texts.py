"""Languages and the templates of error messages (internal).

Error texts live here, in both languages side by side, so that a translation cannot go missing
without the tests noticing (``tests/test_texts.py`` checks that both languages have the same keys
and the same placeholders).
"""

from __future__ import annotations

from typing import Final, Literal, TypeGuard

Lang = Literal["nb", "en"]
LANGUAGES: Final = ("nb", "en")

_ERRORS: Final[dict[str, dict[str, str]]] = {
    "unknown_code": {
        "en": "{value} is not a known {field}; valid codes and names: {choices}",
        "nb": "{value} er ikke en gyldig {field}; gyldige koder og navn: {choices}",
    },
    "code_type": {
        "en": (
            "{field} takes a code (int), a name (str) or a {field} member, "
            "not {type} {value}; valid codes and names: {choices}"
        ),
        "nb": (
            "{field} oppgis som kode (heltall), navn (tekst) eller {field}-verdi, "
            "ikke {type} {value}; gyldige koder og navn: {choices}"
        ),
    },
    "not_bool": {
        "en": "{field} must be True or False, not {type} {value}",
        "nb": "{field} må være True eller False, ikke {type} {value}",
    },
    "wrong_type": {
        "en": "{field} must be {expected}, not {type} {value}",
        "nb": "{field} må være {expected}, ikke {type} {value}",
    },
    "unknown_channel": {
        "en": "{value} is not a known channel; valid channels: {choices}",
        "nb": "{value} er ikke en kjent kanal; gyldige kanaler: {choices}",
    },
    "channel_none": {
        "en": "{field}: {value} is no channel a patient can be reached on; "
        "valid channels: {choices}",
        "nb": "{field}: {value} er ingen kanal pasienten kan nås på; gyldige kanaler: {choices}",
    },
    "empty_priority_list": {
        "en": "{field} is empty; name at least one of: {choices}",
        "nb": "{field} er tom; oppgi minst én av: {choices}",
    },
    "repeated_channel": {
        "en": "{field} names {value} more than once; each channel may stand there once",
        "nb": "{field} har {value} mer enn én gang; hver kanal kan bare stå der én gang",
    },
    "unknown_language": {
        "en": "{value} is not a supported language; choose from: {choices}",
        "nb": "{value} er ikke et språk vi støtter; velg mellom: {choices}",
    },
    "missing_key": {
        "en": "{field} is missing; expected keys: {choices}",
        "nb": "{field} mangler; forventede nøkler: {choices}",
    },
    "missing_value": {
        "en": "{field} is missing; expected one of: {choices}",
        "nb": "{field} mangler; forventet en av: {choices}",
    },
    "unknown_keys": {
        "en": "{field} has unexpected keys {value}; allowed keys: {choices}",
        "nb": "{field} har ukjente nøkler {value}; tillatte nøkler: {choices}",
    },
    "name_mismatch": {
        "en": "{field}: the name {value} does not match code {code}, which is {expected}",
        "nb": "{field}: navnet {value} hører ikke til kode {code}, som er {expected}",
    },
    "inconsistent": {
        "en": "{field} is {value}, but the rule and availability give {expected}",
        "nb": "{field} er {value}, men regelen og tilgjengeligheten gir {expected}",
    },
    "bad_timestamp": {
        "en": (
            "{field} is {value}, not an ISO 8601 time with a UTC offset"
            " (for example 2023-06-29T10:14:52+02:00)"
        ),
        "nb": (
            "{field} er {value}, ikke et ISO 8601-tidspunkt med tidssone"
            " (for eksempel 2023-06-29T10:14:52+02:00)"
        ),
    },
    "bad_date": {
        "en": "{field} is {value}, not a date written as YYYY-MM-DD",
        "nb": "{field} er {value}, ikke en dato skrevet som ÅÅÅÅ-MM-DD",
    },
    "out_of_range": {
        "en": "{field} is {value}, outside {choices}",
        "nb": "{field} er {value}, utenfor {choices}",
    },
    "age_mismatch": {
        "en": "{field}: age {value} does not match the birth date, which gives {expected}",
        "nb": "{field}: alder {value} stemmer ikke med fødselsdatoen, som gir {expected}",
    },
    "bad_json": {
        "en": "{field} is not valid JSON: {problem}",
        "nb": "{field} er ikke gyldig JSON: {problem}",
    },
    "cannot_read": {
        "en": "cannot read {value}: {problem}",
        "nb": "kan ikke lese {value}: {problem}",
    },
    "usage": {
        "en": "{problem} (see {field} --help)",
        "nb": "{problem} (se {field} --help)",
    },
    "rule_and_list": {
        "en": "give either a RULE or --priority-list, not both (got {value} and {choices})",
        "nb": "oppgi enten en REGEL eller --priority-list, ikke begge (fikk {value} og {choices})",
    },
    "csv_no_header": {
        "en": "{field} is empty; expected a header with the columns {choices}",
        "nb": "{field} er tom; forventet en overskriftslinje med kolonnene {choices}",
    },
    "csv_bad_header": {
        "en": "{field} line 1: the header is not readable as CSV; it needs the columns {choices}",
        "nb": "{field} linje 1: overskriften kan ikke leses som CSV; den trenger kolonnene {choices}",
    },
    "csv_missing_columns": {
        "en": "{field} line 1: the header lacks the columns {value}; it needs {choices}",
        "nb": "{field} linje 1: overskriften mangler kolonnene {value}; den trenger {choices}",
    },
    "csv_duplicate_column": {
        "en": "{field} line 1: the column {value} appears more than once",
        "nb": "{field} linje 1: kolonnen {value} står mer enn én gang",
    },
    "csv_bad_rows": {
        "en": "{field} has {count} bad rows (first: {rows}); fix them or use --skip-bad",
        "nb": "{field} har {count} ugyldige rader (første: {rows}); rett dem eller bruk --skip-bad",
    },
    "csv_skipped": {
        "en": "{field}: skipped {count} bad rows (first: {rows})",
        "nb": "{field}: hoppet over {count} ugyldige rader (første: {rows})",
    },
}

# What is wrong with one row of a cohort CSV (cohorts.BadRow), by key.
ROW_PROBLEMS: Final[dict[str, dict[str, str]]] = {
    "bad_value": {
        "en": "line {line}: {value} in column {column} is not true/false, yes/no, 1/0 or ja/nei",
        "nb": "linje {line}: {value} i kolonnen {column} er ikke true/false, yes/no, 1/0 eller ja/nei",
    },
    "unreadable": {
        "en": "line {line}: not readable as CSV (a NUL character, or a field longer than 128 KiB)",
        "nb": "linje {line}: kan ikke leses som CSV (et NUL-tegn, eller et felt lengre enn 128 KiB)",
    },
    "field_count": {
        "en": "line {line}: {value} fields, but the header has {expected}",
        "nb": "linje {line}: {value} felt, men overskriften har {expected}",
    },
}


def is_lang(value: object) -> TypeGuard[Lang]:
    """Return whether *value* is one of the supported language codes."""
    return value in LANGUAGES


def error_template(key: str, lang: Lang) -> str:
    """Return the message template for error *key* in *lang*."""
    return _ERRORS[key][lang]


def error_template_table() -> dict[str, dict[str, str]]:
    """Return a copy of the templates, for the tests that compare the languages."""
    return {key: dict(texts) for key, texts in _ERRORS.items()}
