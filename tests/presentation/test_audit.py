"""An audit of MRS's datadump in words: the register's report, word for word where it matters."""

from __future__ import annotations

import pytest

from distribution import InvalidTypeError, InvalidValueError, audit, explain_audit
from tests.mrs.test_audit import row
from tests.test_texts import bad_patterns


def test_the_words_of_a_small_datadump() -> None:
    rows = [
        row(0, 1, 1),  # Basic, Helsenorge, Besvart
        row(3, 4, 1),  # BasicOrPaper, paper, Besvart
        row(3, 4, 0),  # BasicOrPaper, paper, Bestilt
        row(0, 0, 3, 3),  # Basic, Feilet: not digitally active
        row(0, 0, 3, 3),
        row(0, 0, 5, 0),  # Mottaker ikke nådd
        row(2, 0, 0),  # NoDistribution: one-time code
    ]
    result = audit(rows)
    text = explain_audit(result, lang="nb")
    assert "2 fikk papirbrev" in text
    assert (
        "2 feilet fordi de ikke er digitalt aktive eller ikke har sikker digital postkasse"
        " (feilkode 3)" in text
    )
    assert "Status: 1 bestilt, 2 besvart, 1 bestilt" not in text
    assert "Status: 2 bestilt, 2 besvart, 2 feilet og 1 mottaker ikke nådd." in text
    assert "1 fikk ikke varsel (kanal 0: engangskode)" in text
    assert "Ingen rader må følges opp." in text
    english = explain_audit(result, lang="en")
    assert "2 got a paper letter" in english
    assert "1 was not reached without an error code (error code 0)" in english
    assert "No row needs attention." in english


def test_an_empty_datadump_says_so() -> None:
    result = audit([])
    assert result.rows == 0
    assert explain_audit(result, lang="nb") == (
        "Datadumpen har 0 bestillinger.\nIngen rader må følges opp."
    )


def test_rows_not_shown_are_counted_in_words() -> None:
    result = audit([row(0, 3, 0)] * 5, limit=2)
    assert "… og 3 rader til som ikke vises." in explain_audit(result, lang="nb")
    assert "… and 1 more row, not shown." in explain_audit(audit([row(0, 3, 0)] * 2, limit=1))


def test_the_what_if_says_what_to_look_up_instead_of_guessing() -> None:
    text = explain_audit(audit([row(3, 4, 1), row(0, 0, 3, 3), row(0, 0, 3, 3)]), lang="nb")
    assert "1 fikk papirbrev: slå opp i KRR om pasienten" in text
    assert "2 ble ikke nådd digitalt: slå dem opp i KRR" in text
    assert "Helsenorge" in text


def test_singular_and_plural_read_right() -> None:
    for n in (1, 2):
        kinds = [row(3, 4, 1), row(0, 0, 3, 6), row(0, 3, 0), row(0, 0, 6), row(0, 0, 4, 2)]
        result = audit([r for r in kinds for _ in range(n)])
        for lang in ("nb", "en"):
            text = explain_audit(result, lang=lang)
            assert bad_patterns(text) == [], text
    one = explain_audit(audit([row(0, 0, 3, 6)]), lang="nb")
    assert "1 feilet fordi pasienten er død (feilkode 6)" in one
    assert "fordi pasientene er døde" in explain_audit(audit([row(0, 0, 3, 6)] * 2), lang="nb")


def test_only_an_audit_in_a_known_language_is_explained() -> None:
    with pytest.raises(InvalidValueError, match="not a supported language"):
        explain_audit(audit([]), lang="sv")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="audit must be an Audit, not"):
        explain_audit([row(0, 1, 1)])  # type: ignore[arg-type]
