"""Every text table: both languages complete, the same placeholders, no dead keys, typed keys."""

from __future__ import annotations

import argparse
import re
import string
from pathlib import Path
from typing import get_args

import pytest

from distribution import Reason
from distribution._texts import ARGPARSE, LANGUAGES, TABLES, ErrorKey, LabelKey
from distribution.codes import CODE_ENUMS, NotificationChannel
from distribution.orders import ProblemCode

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
    assert set(TABLES["PROBLEMS"]["en"]) == {problem.value for problem in ProblemCode}


def _code_outside_texts() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in SRC.glob("*.py") if path.name != "_texts.py"
    )


# Tables whose keys the code spells out as literals; the others are keyed by enum members,
# which the tests above pin, or by a key built from parts (PHRASES' "result_" + outcome).
@pytest.mark.parametrize("name", ["ERRORS", "LABELS", "FILE_PROBLEMS", "ROW_PROBLEMS", "VERIFY"])
def test_no_key_is_dead(name: str) -> None:
    code = _code_outside_texts()
    for key in TABLES[name]["en"]:
        assert re.search(rf"[\"']{key}[\"']", code), f"{name}[{key!r}] is never used"


def test_no_phrase_is_dead() -> None:
    code = _code_outside_texts()
    for key in TABLES["PHRASES"]["en"]:
        stem = re.sub(r"_(NOTIFIED|NOT_DISTRIBUTED|UNREACHABLE)$", "", key)
        stem = re.sub(r"^callback_(order|message)$", "callback", stem)
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
