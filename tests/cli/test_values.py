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
        ("2026-06-01", "1 June 2026 at 00:00"),
        ("2026-06-01 12:30", "1 June 2026 at 12:30"),
        ("2026-06-01T12:30", "1 June 2026 at 12:30"),
        ("2026-06-01T10:30+00:00", "1 June 2026 at 12:30"),
        ("01.06.2026", "1 June 2026 at 00:00"),
        ("1.6.2026", "1 June 2026 at 00:00"),
        ("01.06.2026 12:30", "1 June 2026 at 12:30"),
        ("01.06.2026 kl. 12.30", "1 June 2026 at 12:30"),
        ("05.12.2026 19:20", "5 December 2026 at 19:20"),  # winter: UTC+1
    ],
)
def test_reference_time_as_a_date_or_a_time_in_norwegian_time(typed: str, shown: str) -> None:
    code, out, _ = run("explain", "PaperOnly", "--postadresse", "ja", "--tidspunkt", typed)
    assert code == 0
    assert out.startswith(f"These facts are as of {shown} (Norwegian time).")


def test_the_reference_time_in_bokmal_reads_as_people_write_it() -> None:
    code, out, _ = run(
        "explain", "PaperOnly", "--postadresse", "ja", "--tidspunkt", "2026-12-05T18:20+00:00",
        "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Opplysningene gjelder 5. desember 2026 kl. 19.20 (norsk tid).\n")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("1.3.2011", "pasienten er under 16 år"), ("2011-03-01", "pasienten er under 16 år")],
)
def test_a_birth_date_in_either_format(typed: str, shown: str) -> None:
    code, out, _ = run(
        "explain", "PaperOnly", "--fodselsdato", typed, "--postadresse", "ja", "--lang", "nb"
    )
    assert code == 0
    assert shown in out


def test_a_krr_date_in_the_norwegian_format() -> None:
    """Contact details updated 15.01.2026, judged on 28.11.2026: current, so an SMS goes."""
    code, out, _ = run(
        "explain", "UnsecureOnly", "--alder", "40", "--bankid", "ja", "--krr-status", "aktiv",
        "--kan-varsles", "ja", "--kontakt-oppdatert", "15.01.2026", "--digipost", "nei",
        "--lang", "nb",
    )  # fmt: skip
    assert code == 0
    assert "Resultat: pasienten får varsel på SMS eller e-post" in out


@pytest.mark.parametrize("typed", ["15/01/2026", "2026-13-01", "30.02.2026", "15.01.26"])
def test_a_bad_krr_date_names_the_value_and_both_formats(typed: str) -> None:
    code, out, err = run(
        "explain", "UnsecureOnly", "--krr-status", "aktiv", "--kontakt-oppdatert", typed,
        "--digipost", "nei", "--lang", "nb",
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert err == (
        f"eprom-distribution: feil: --kontakt-oppdatert er '{typed}', ikke en dato; skriv den som"
        " ÅÅÅÅ-MM-DD (2026-12-05) eller DD.MM.ÅÅÅÅ (05.12.2026)\n"
    )
