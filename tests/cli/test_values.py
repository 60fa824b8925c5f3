"""Values typed into flags: channels in the words people use, dates and times."""

from __future__ import annotations

import pytest

from tests.helpers.cli import run


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("papir", "papirbrev (PhysicalMailbox)"),
        ("BREV,Post", "papirbrev (PhysicalMailbox)"),
        ("postadresse", "papirbrev (PhysicalMailbox)"),
        ("Digipost", "sikker digital postkasse (DigitalMailbox)"),
        ("e-boks,eboks,postkasse", "sikker digital postkasse (DigitalMailbox)"),
        ("digital postkasse", "sikker digital postkasse (DigitalMailbox)"),
        ("SMS", "SMS eller e-post (Unsecure)"),
        ("e-post,epost,mobil,krr", "SMS eller e-post (Unsecure)"),
        ("hn", "Helsenorge"),
        ("ingen", "ingen"),
        ("None", "ingen"),
    ],
)
def test_channels_in_the_words_people_use(words: str, expected: str) -> None:
    code, out, _ = run("decide", "PaperOnly", "--available", words, "--lang", "nb")
    assert code == 0
    assert f"Tilgjengelig: {expected}\n" in out


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2026-06-01", "2026-06-01 00:00"),
        ("2026-06-01 12:30", "2026-06-01 12:30"),
        ("2026-06-01T12:30", "2026-06-01 12:30"),
        ("2026-06-01T10:30+00:00", "2026-06-01 12:30"),
    ],
)
def test_reference_time_as_a_date_or_a_time_in_norwegian_time(typed: str, shown: str) -> None:
    code, out, _ = run("explain", "PaperOnly", "--postadresse", "ja", "--tidspunkt", typed)
    assert code == 0
    assert out.startswith(f"The facts hold at {shown} (Norwegian time).")
