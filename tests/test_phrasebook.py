"""Both languages are complete: same keys, same placeholders, for every text table."""

from __future__ import annotations

import string

import pytest

from distribution import _phrasebook as book
from distribution._texts import LANGUAGES, error_template_table
from distribution.codes import CODE_ENUMS
from distribution.eligibility import Reason
from distribution.orders import ProblemCode


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


TABLES = {
    "PHRASES": book.PHRASES,
    "REASONS": book.REASONS,
    "PROBLEMS": book.PROBLEMS,
    "LABELS": book.LABELS,
    "FILE_PROBLEMS": book.FILE_PROBLEMS,
    "LEGEND": {lang: {"legend": text} for lang, text in book.LEGEND.items()},
    "CHANNEL_NAMES": {
        lang: {str(k): v for k, v in t.items()} for lang, t in book.CHANNEL_NAMES.items()
    },
}


@pytest.mark.parametrize("name", list(TABLES))
def test_every_text_exists_in_both_languages_with_the_same_placeholders(name: str) -> None:
    table = TABLES[name]
    assert set(table) == set(LANGUAGES)
    assert set(table["nb"]) == set(table["en"])
    for key in table["en"]:
        assert _fields(table["nb"][key]) == _fields(table["en"][key]), key


def test_error_templates_exist_in_both_languages() -> None:
    for key, texts in error_template_table().items():
        assert set(texts) == set(LANGUAGES), key
        assert _fields(texts["nb"]) == _fields(texts["en"]), key


def test_every_code_of_every_enum_has_a_meaning_in_both_languages() -> None:
    for lang in LANGUAGES:
        for cls in CODE_ENUMS:
            assert set(book.MEANINGS[lang][cls]) == set(cls), (lang, cls)


def test_every_reason_and_problem_has_words() -> None:
    assert set(book.REASONS["en"]) == {reason.value for reason in Reason}
    assert set(book.PROBLEMS["en"]) == {problem.value for problem in ProblemCode}
