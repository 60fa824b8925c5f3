"""Patient facts as flags (or from a file) for explain: what they say, and bad ones."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.helpers.cli import assert_one_line_error, run

if TYPE_CHECKING:
    from pathlib import Path


def test_the_fifteen_year_old_is_answered_by_one_command_with_flags() -> None:
    code, out, _ = run(
        "explain", "BasicOrPaper", "--alder", "15", "--bankid", "ja", "--samtykke", "full",
        "--kan-representeres", "nei", "--postadresse", "ja", "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Opplysningene gjelder 28. november 2026 kl. 10.00 (norsk tid)."
    assert "- Helsenorge: ikke tilgjengelig" in lines
    assert "  1. Helsenorge: ikke tilgjengelig." in lines
    # Each reason once, in the list above the explanation, not again under each step.
    assert out.count("pasienten er under 16 år") == 1
    assert "(hvorfor:" not in out
    assert "- Helsenorge: pasienten er under 16 år; ingen (for eksempel en forelder)" in out
    assert "Resultat: pasienten får papirbrev i posten." in lines


def test_facts_as_flags_in_english_with_a_krr_record_and_a_reference_time() -> None:
    code, out, _ = run(
        "explain", "AllowUnsecure", "--age", "40", "--level4-eid", "yes", "--consent", "none",
        "--krr-status", "active", "--reserved", "no", "--can-notify", "yes",
        "--contact-updated", "2026-01-15", "--digital-mailbox", "no", "--representable", "no",
        "--reference-time", "2026-06-01T12:00",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("These facts are as of 1 June 2026 at 12:00 (Norwegian time).\n")
    assert "Result: the patient is notified by SMS or e-mail (contact details from KRR)." in out
    assert "(oppgitt)" not in out
    # Whether someone can represent them on Helsenorge not given: that alone decides it.
    code, out, _ = run(
        "explain", "AllowUnsecure", "--age", "40", "--level4-eid", "yes", "--consent", "none",
        "--krr-status", "active", "--reserved", "no", "--can-notify", "yes",
        "--contact-updated", "2026-01-15", "--digital-mailbox", "no",
        "--reference-time", "2026-06-01T12:00",
    )  # fmt: skip
    assert code == 0
    assert "Result:" not in out
    assert out.endswith(
        "Cannot be settled yet.\n"
        "If someone (a parent, say) can open Helsenorge on the patient's behalf: Helsenorge.\n"
        "Otherwise: SMS or e-mail (contact details from KRR).\n"
        "What settles it: whether someone (a parent, say) can open Helsenorge on the patient's"
        " behalf.\n"
        "Which other rules would reach the patient cannot be said until every channel is known.\n"
    )


def test_no_contact_details_in_krr_said_as_ingen_and_an_inactive_record_needs_no_more() -> None:
    code, out, _ = run(
        "explain", "AllowUnsecureOrPaper", "--alder", "40", "--bankid", "ja", "--postadresse", "ja",
        "--krr-status", "aktiv", "--digipost", "nei", "--kontakt-oppdatert", "ingen",
        "--kan-representeres", "nei", "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert "pasienten har verken e-postadresse eller mobilnummer i KRR" in out
    assert "Resultat: pasienten får papirbrev i posten." in out
    code, out, _ = run("explain", "Basic", "--krr-status", "slettet", "--lang", "nb")
    assert code == 0
    assert "Resultat" not in out  # someone may represent the patient on Helsenorge
    assert "Kan ikke avgjøres ennå.\n" in out
    code, out, _ = run(
        "explain", "Basic", "--krr-status", "slettet", "--kan-representeres", "nei", "--lang", "nb"
    )  # fmt: skip
    assert code == 0
    assert "Resultat: skjemaet blir ikke sendt, for pasienten kan ikke nås på noen av" in out


def test_facts_from_a_file_for_explain(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(
        json.dumps({"reference_time": "2026-11-28T10:00:00+01:00", "postal_address": True}),
        encoding="utf-8",
    )
    code, out, _ = run("explain", "PaperOnly", "--facts", str(path))
    assert code == 0
    assert "Result: the patient gets a paper letter in the post." in out


def test_an_age_with_leading_zeros_is_its_number() -> None:
    code, out, _ = run("explain", "Basic", "--age", "0" * 4998 + "15", "--lang", "en")
    assert code == 0
    assert "the patient is under 16" in out


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["--bankid", "kanskje"], ["'kanskje'", "--level4-eid", "ja, nei"]),
        (["--samtykke", "fult"], ["'fult'", "did you mean full?"]),
        (["--alder", "femten"], ["'femten'", "--age", "must be an integer"]),
        (["--fodselsdato", "15/03/2011"], ["'15/03/2011'", "--birth-date", "DD.MM.YYYY"]),
        (["--fodselsdato", "31.02.2011"], ["'31.02.2011'", "YYYY-MM-DD", "DD.MM.YYYY"]),
        (["--tidspunkt", "32.01.2026"], ["'32.01.2026'", "YYYY-MM-DD", "DD.MM.YYYY"]),
        (["--age", "151"], ["--age is '151', outside 0-150"]),
        (["--age", "00151"], ["--age is '00151', outside 0-150"]),
        (["--age=-1"], ["--age is '-1', outside 0-150"]),
        (["--age=-12345678"], ["--age is <9 characters>, outside 0-150"]),
        (["--age=-abc"], ["--age must be an integer, not text '-abc'"]),
        # int() refuses 4,300 digits and more with a bare ValueError; shown by its size, as
        # eight digits and more would be hidden as a possible ID number.
        (["--age", "9" * 5000], ["--age is <5000 characters>, outside 0-150"]),
        (["--tidspunkt", "i går"], ["'i går'", "--reference-time"]),
        (["--reservert", "nei"], ["--krr-status", "aktiv"]),
        (["--krr-status", "aktivt"], ["'aktivt'", "did you mean aktiv?"]),
        # Active in KRR: leaving out the mailbox or the contact date would state a fact unsaid.
        (["--krr-status", "aktiv", "--kontakt-oppdatert", "ingen"], ["--digital-mailbox", "ja"]),
        (["--krr-status", "aktiv", "--digipost", "nei"], ["--contact-updated", "ingen"]),
        (["--postadresse", "ja", "--available", "papir"], ["--available", "'papir'"]),
        ([], ["--available", "--facts"]),
    ],
)
def test_bad_facts_as_flags_are_one_line_errors(argv: list[str], needles: list[str]) -> None:
    assert_one_line_error(*run("explain", "Basic", *argv), *needles)
