"""An audit of MRS's datadump in words: the register's report, word for word where it matters."""

from __future__ import annotations

import json

import pytest

from distribution import (
    InvalidTypeError,
    InvalidValueError,
    UnknownCodeError,
    audit,
    audit_report,
    explain_audit,
)
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
    assert "2 (28,6 %) fikk papirbrev" in text
    assert (
        "2 feilet fordi de ikke er digitalt aktive eller ikke har sikker digital postkasse"
        " (feilkode 3)" in text
    )
    assert "Status: 1 bestilt, 2 besvart, 1 bestilt" not in text
    assert (
        "Status: 2 bestilt (28,6 %), 2 besvart (28,6 %), 2 feilet (28,6 %)"
        " og 1 mottaker ikke nådd (14,3 %)." in text
    )
    assert "1 (14,3 %) fikk ikke varsel (kanal 0: engangskode)" in text
    assert "Rader som ikke kunne leses og er hoppet over: 0." in text
    assert "Svarandel per kanal:\n  kanal 0 None: 0 av 4 besvart (0,0 %)\n" in text
    assert "  kanal 4 PhysicalMailbox: 1 av 2 besvart (50,0 %)\n" in text
    assert "Svarandel per regel:\n  regel 0 Basic: 1 av 4 besvart (25,0 %)\n" in text
    assert "  regel 3 BasicOrPaper, kanal 4 PhysicalMailbox, status 1 Besvart: 1 (14,3 %)" in text
    assert "Ingen rader må følges opp." in text
    english = explain_audit(result, lang="en")
    assert "2 (28.6 %) got a paper letter" in english
    assert "  rule 3 BasicOrPaper: 1 of 2 answered (50.0 %)" in english
    assert "1 was not reached without an error code (error code 0)" in english
    assert "No row needs attention." in english


def test_an_empty_datadump_says_so() -> None:
    result = audit([])
    assert result.rows == 0
    assert explain_audit(result, lang="nb") == (
        "Datadumpen har 0 bestillinger.\n"
        "Rader som ikke kunne leses og er hoppet over: 0.\n"
        "Ingen rader må følges opp."
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


def test_each_group_gets_its_own_rates_and_table() -> None:
    rows = [
        row(0, 1, 1) | {"By": "Oslo"},
        row(0, 1, 0) | {"By": "Oslo"},
        row(5, 4, 1) | {"By": "Bodø"},
    ]
    text = explain_audit(audit(rows, by=["By"]), lang="nb")
    assert text.endswith(
        "\n\nBy = Bodø (én bestilling)\n"
        "Svarandel per kanal:\n"
        "  kanal 4 PhysicalMailbox: 1 av 1 besvart (100,0 %)\n"
        "Svarandel per regel:\n"
        "  regel 5 PaperOnly: 1 av 1 besvart (100,0 %)\n"
        "Per regel, kanal og status:\n"
        "  regel 5 PaperOnly, kanal 4 PhysicalMailbox, status 1 Besvart: 1 (100,0 %)\n"
        "\n"
        "By = Oslo (2 bestillinger)\n"
        "Svarandel per kanal:\n"
        "  kanal 1 Helsenorge: 1 av 2 besvart (50,0 %)\n"
        "Svarandel per regel:\n"
        "  regel 0 Basic: 1 av 2 besvart (50,0 %)\n"
        "Per regel, kanal og status:\n"
        "  regel 0 Basic, kanal 1 Helsenorge, status 0 Bestilt: 1 (50,0 %)\n"
        "  regel 0 Basic, kanal 1 Helsenorge, status 1 Besvart: 1 (50,0 %)\n"
        "\n"
        "Ingen rader må følges opp."
    )
    assert "By = Oslo (2 orders)" in explain_audit(audit(rows, by=["By"]))


def test_the_report_formats_have_stable_english_names_in_every_language() -> None:
    result = audit([row(0, 1, 1), row(0, 1, 0), row(0, 1, 9)])
    for lang in ("nb", "en"):
        csv_text = audit_report(result, "csv", lang=lang)
        assert csv_text.splitlines() == [
            (
                "rule_code,rule_name,channel_code,channel_name,orders,ordered,ordered_pct,completed,"
                "completed_pct,expired,expired_pct,failed,failed_pct,not_ordered,not_ordered_pct,"
                "recipient_unreachable,recipient_unreachable_pct,processing,processing_pct,skipped"
            ),
            "0,Basic,1,Helsenorge,2,1,50.0,1,50.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,1",
        ]
        data = json.loads(audit_report(result, "json", lang=lang))
        assert (data["skipped"], data["table"][0]["completed_pct"]) == (1, 50.0)
    assert audit_report(result, lang="nb").startswith("Datadumpen har 2 bestillinger.\n")
    with pytest.raises(UnknownCodeError, match="'xml' is not a known format"):
        audit_report(result, "xml")
    with pytest.raises(InvalidTypeError):
        audit_report([], "csv")  # type: ignore[arg-type]
