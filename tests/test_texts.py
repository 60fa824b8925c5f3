"""Every text table: both languages complete, the same placeholders, no dead keys, typed keys."""

from __future__ import annotations

import argparse
import re
import string
from pathlib import Path
from typing import get_args

import pytest
from tools import page_texts

from distribution import (
    Availability,
    CsvCohort,
    DistributionError,
    DistributionRule,
    Reason,
    decide_priority_list,
    explain,
    explain_decision,
    simulate,
)
from distribution import _texts as core_texts
from distribution._error_texts import ErrorKey
from distribution._texts import LANGUAGES, LabelKey
from distribution.cli import _texts as cli_texts
from distribution.cli._texts import ARGPARSE
from distribution.codes import CODE_ENUMS, NotificationChannel
from distribution.eprom import _texts as eprom_texts
from distribution.eprom.preflight import ProblemCode
from distribution.mrs import _texts as mrs_texts
from distribution.patient import _texts as patient_texts
from distribution.presentation import _texts as explain_texts

# Each layer keeps the texts it speaks; together they are every text a person reads.
TABLES = {
    name: table
    for module in (
        core_texts,
        patient_texts,
        eprom_texts,
        mrs_texts,
        explain_texts,
        cli_texts,
        page_texts,
    )
    for name, table in module.TABLES.items()
}

SRC = Path(__file__).resolve().parents[1] / "src" / "distribution"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("name", list(TABLES))
def test_every_text_exists_in_both_languages_with_the_same_placeholders(name: str) -> None:
    table = TABLES[name]
    assert tuple(table) == LANGUAGES == ("nb", "en")
    assert set(table["nb"]) == set(table["en"]), name
    for key in table["en"]:
        assert _fields(table["nb"][key]) == _fields(table["en"][key]), (name, key)
        assert table["nb"][key].strip(), (name, key)


def test_error_and_label_keys_are_the_closed_types() -> None:
    assert set(get_args(ErrorKey)) == set(TABLES["ERRORS"]["en"])
    assert set(get_args(LabelKey)) == set(TABLES["LABELS"]["en"])


def test_every_code_of_every_enum_has_a_meaning() -> None:
    expected = {f"{cls.__name__}.{member.name}" for cls in CODE_ENUMS for member in cls}
    assert set(TABLES["MEANINGS"]["en"]) == expected


def test_every_channel_has_a_name() -> None:
    assert set(TABLES["CHANNEL_NAMES"]["en"]) == {channel.name for channel in NotificationChannel}


def test_every_reason_and_problem_has_words() -> None:
    assert set(TABLES["REASONS"]["en"]) == {reason.value for reason in Reason}
    # A problem may also have words for when no rule is known ("paper_not_enabled_no_rule").
    keys = {key.removesuffix("_no_rule") for key in TABLES["PROBLEMS"]["en"]}
    assert keys == {problem.value for problem in ProblemCode}


def _code_outside_texts() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in SRC.rglob("*.py") if path.name != "_texts.py"
    )


# Tables whose keys the code spells out as literals; the others are keyed by enum members,
# which the tests above pin, or by a key built from parts (PHRASES' "result_" + outcome).
@pytest.mark.parametrize(
    "name", ["ERRORS", "LABELS", "FILE_PROBLEMS", "ROW_PROBLEMS", "VERIFY", "VERIFY_ANOMALY"]
)
@pytest.mark.reads_source
def test_no_key_is_dead(name: str) -> None:
    code = _code_outside_texts()
    for key in TABLES[name]["en"]:
        assert re.search(rf"[\"']{key}[\"']", code), f"{name}[{key!r}] is never used"


@pytest.mark.reads_source
def test_no_phrase_is_dead() -> None:
    code = _code_outside_texts()
    for key in TABLES["PHRASES"]["en"]:
        # Keys built from parts: "callback_{kind}_{outcome}", "unreachable_{permits}_{count}".
        stem = re.sub(r"_(NOTIFIED|NOT_DISTRIBUTED|UNREACHABLE|one|many)$", "", key)
        stem = re.sub(r"_(order|message|rule|list)$", "_", stem)
        assert stem in code, f"PHRASES[{key!r}] is never used"


def _argparse_message(argv: list[str]) -> str:
    parser = argparse.ArgumentParser(exit_on_error=False)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--a")
    group.add_argument("--b")
    parser.add_argument("--x", required=True)
    parser.add_argument("--kind", choices=["one", "two"])
    parser.add_argument("--kilo")
    messages: list[str] = []
    parser.error = messages.append  # type: ignore[method-assign,assignment]  # keep the message
    try:
        parser.parse_args(argv)
    except argparse.ArgumentError as error:
        messages.append(str(error))
    return messages[0]


@pytest.mark.parametrize(
    ("key", "argv", "fields"),
    [
        ("required", [], {"names": "--x"}),
        ("unrecognized", ["--x", "1", "--y"], {"names": "--y"}),
        (
            "invalid_choice",
            ["--x", "1", "--kind", "three"],
            {"name": "--kind", "value": "'three'", "choices": "'one', 'two'"},
        ),
        ("expected_one", ["--x"], {"name": "--x"}),
        ("not_allowed_with", ["--x", "1", "--a", "1", "--b", "2"], {"name": "--b", "other": "--a"}),
        ("ambiguous", ["--x", "1", "--k"], {"option": "--k", "matches": "--kind, --kilo"}),
    ],
)
def test_argparse_templates_are_what_argparse_writes(
    key: str, argv: list[str], fields: dict[str, str]
) -> None:
    # The English side is argparse's own wording: if a Python release changes it, the bokmål
    # translation would silently stop applying.
    assert _argparse_message(argv) == ARGPARSE["en"][key].format(**fields)


# --- the sentences people read: known bad patterns ------------------------------------------------

_NAMES = sorted(
    {name for lang in LANGUAGES for name in TABLES["CHANNEL_NAMES"][lang].values()}
    | {name for lang in LANGUAGES for name in TABLES["CHANNEL_REACH"][lang].values()},
    key=len,
    reverse=True,
)
_RUN = re.compile(
    "(?:"
    + "|".join(map(re.escape, _NAMES))
    + r")(?:, (?:"
    + "|".join(map(re.escape, _NAMES))
    + "))+"
)


def bad_patterns(text: str) -> list[str]:
    """Return what in *text* a support desk would not send on: the known bad patterns."""
    found = []
    if re.search(r"\bvia varsel\b", text):
        found.append("doubled 'via varsel'")
    found += [
        f"a list without og/and: {run.group()!r}"
        for run in _RUN.finditer(text)
        if not text[run.end() :].startswith((" og ", " and "))
    ]
    if re.search(r"(?<![\d.,])\b1 (?:\w+ )?\w+(?:er|rader)\b", text):
        found.append("a count of 1 with a plural noun (bokmål)")
    if re.search(r"(?<![\d.,])\b1 (?:bad )?(?:rows|patients|problems|channels|rules)\b", text):
        found.append("a count of 1 with a plural noun (English)")
    return found


def test_the_pattern_check_finds_what_it_looks_for() -> None:
    assert bad_patterns("pasienten får varsel via varsel på SMS")
    assert bad_patterns("Regelen tillater Helsenorge, papirbrev, men pasienten kan ikke nås")
    assert bad_patterns("The rule permits Helsenorge, paper letter, which")
    assert bad_patterns("cohort har 1 ugyldige rader")
    assert bad_patterns("cohort has 1 bad rows")
    assert not bad_patterns(
        "Regelen tillater Helsenorge, sikker digital postkasse (Digipost/e-Boks) og papirbrev"
    )


def _everything_people_read() -> list[str]:
    texts = [
        text for table in TABLES.values() for lang in LANGUAGES for text in table[lang].values()
    ]
    lists = (["paper"], ["paper", "helsenorge"], ["sms", "digipost", "papir"])
    for lang in LANGUAGES:
        texts += [explain(r, a, lang=lang) for r in DistributionRule for a in Availability.all()]
        texts += [
            explain_decision(decide_priority_list(channels, a), lang=lang)
            for channels in lists
            for a in (Availability(), Availability(helsenorge=True, krr_contact=True))
        ]
        for count in (1, 2):
            lines = ["helsenorge,digital_mailbox,krr_contact,paper", *(["1,1,1,x"] * count)]
            try:
                simulate(CsvCohort(lines))
            except DistributionError as error:
                texts.append(error.message(lang))
    return texts


def test_no_text_has_a_known_bad_pattern() -> None:
    problems = [(text[:80], bad_patterns(text)) for text in _everything_people_read()]
    assert [p for p in problems if p[1]] == []


@pytest.mark.reads_source
def test_every_expected_phrase_in_the_code_has_its_words() -> None:
    # A phrase passed as expected= without words in EXPECTED would fail when rendered; this
    # finds it before a user does.
    code = _code_outside_texts()
    phrases = set(re.findall(r'expected\s*=\s*"([^"]+)"', code))
    phrases |= set(re.findall(r'_exactly\(\w+, "\w+", "([^"]+)"\)', code))
    phrases |= set(re.findall(r'wrong_kind\(\s*\w+,\s*\w+,\s*"([^"]+)"', code))
    assert phrases
    assert phrases <= set(TABLES["EXPECTED"]["en"]), phrases - set(TABLES["EXPECTED"]["en"])
