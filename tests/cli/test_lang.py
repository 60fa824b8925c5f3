"""The language: --lang and the locale, and argparse's messages said in bokmål."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from distribution.cli import main
from distribution.cli._lang import lang_from_environment, usage_message
from tests.helpers.cli import assert_one_line_error, run


def test_lang_defaults_from_the_locale() -> None:
    _, out, _ = run("explain", "Basic", "--available", "helsenorge", env={"LANG": "nb_NO.UTF-8"})
    assert "Regel: 0 Basic" in out
    _, out, _ = run("explain", "Basic", "--available", "helsenorge", env={"LANG": "de_DE.UTF-8"})
    assert "Rule: 0 Basic" in out


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "nb_NO.UTF-8"}, "nb"),
        ({"LANG": "no_NO"}, "nb"),
        ({"LANG": "nn_NO.UTF-8"}, "nb"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "nbx"}, "en"),
        ({"LANG": "nb_NO.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US", "LC_MESSAGES": "nb_NO"}, "nb"),
    ],
)
def test_locale_precedence(environ: dict[str, str], lang: str) -> None:
    assert lang_from_environment(environ) == lang


def test_errors_follow_the_language() -> None:
    code, out, err = run("decide", "Basic", "--available", "fax", "--lang", "nb")
    assert_one_line_error(code, out, err, "feil:", "er ikke en kjent kanal")
    code, out, err = run("decide", "Basic", env={"LANG": "nb_NO.UTF-8"})
    assert_one_line_error(code, out, err, "mangler", "--available")


def test_argparse_messages_are_said_in_bokmal() -> None:
    err = io.StringIO()
    assert main(["preflight", "Basic", "--n", "1", "--lang", "nb"], stderr=err) == 2
    assert err.getvalue() == (
        "eprom-distribution: tvetydig valg: --n kan bety --not-paper-enabled, --national-id"
        " (se eprom-distribution --help)\n"
    )


def test_an_argparse_message_without_a_translation_is_passed_on_as_it_is() -> None:
    assert usage_message("something argparse never said", "nb") == (
        "something argparse never said (se eprom-distribution --help)"
    )


@pytest.mark.parametrize("spelling", ["nb", "NO", "nb-NO", "nb_NO", "nn", "no_NO.UTF-8"])
def test_lang_takes_norwegian_in_any_spelling(spelling: str) -> None:
    code, out, _ = run("rules", "--lang", spelling)
    assert code == 0
    assert "Som Basic, med papirbrev som siste utvei." in out


@pytest.mark.parametrize("spelling", ["en", "EN", "en-GB", "en_US"])
def test_lang_takes_english_in_any_spelling(spelling: str) -> None:
    code, out, _ = run("rules", f"--lang={spelling}", env={"LANG": "nb_NO.UTF-8"})
    assert code == 0
    assert "As Basic, with a paper letter as the last resort." in out


def test_an_unknown_language_gets_the_nearest() -> None:
    assert_one_line_error(*run("rules", "--lang", "nbb"), "'nbb'", "did you mean nb?")


def test_help_is_in_bokmal_under_a_bokmal_locale_or_lang() -> None:
    for argv, env in (
        (["--help"], {"LANG": "nb_NO.UTF-8"}),
        (["explain", "--help", "--lang", "nb"], {}),
    ):
        code, out, _ = run(*argv, env=env)
        assert code == 0
        assert out.startswith("bruk: eprom-distribution")
        assert "vis denne hjelpen og avslutt" in out
        assert "Eksempel: eprom-distribution" in out
        assert "usage:" not in out
        assert "show this help" not in out
    code, out, _ = run("explain", "--help", "--lang", "nb")
    # Python 3.13 writes "--age, --alder VALUE", older ones "--age VALUE, --alder VALUE".
    assert any("--alder" in line and "--age" in line for line in out.splitlines())
    assert "samtykke på Helsenorge: full, begrenset eller ingen" in out


def test_argparse_errors_are_said_in_bokmal_with_a_suggestion() -> None:
    code, _, err = run("matrix", "--format", "markdwn", "--lang", "nb")
    assert code == 2
    assert err == (
        "eprom-distribution: --format: 'markdwn' er ikke et gyldig valg (mente du markdown?);"
        " velg mellom 'text', 'markdown', 'csv', 'json', 'sql' (se eprom-distribution --help)\n"
    )
    code, _, err = run("decide", "--lang", "nb")
    assert err == (
        "eprom-distribution: dette mangler: --available/--tilgjengelig"
        " (se eprom-distribution --help)\n"
    )


@pytest.mark.parametrize(
    ("argv", "bokmal", "english"),
    [
        (["--alder", "femten"], "--alder må være et heltall", "--age"),
        (
            ["--krr-status", "aktiv", "--digipost", "nei"],
            "oppgi også --kontakt-oppdatert",
            "--contact-updated",
        ),
        (["--fodselsdato", "15/03/2011"], "--fødselsdato", "--birth-date"),
        (["--postadresse", "ja", "--available", "papir"], "--tilgjengelig", "--available"),
    ],
)
def test_errors_in_bokmal_name_the_options_by_their_bokmal_spelling(
    argv: list[str], bokmal: str, english: str
) -> None:
    code, _, err = run("explain", "Basic", *argv, "--lang", "nb")
    assert code == 2
    assert bokmal in err
    assert english not in err


LONG = "x" * 131_000  # about the most Linux takes in one argument (MAX_ARG_STRLEN, 128 KiB)


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        ([LONG], "'" + "x" * 54 + "…xxx'"),
        (["rules", LONG], "arguments: " + "x" * 55 + "…xxxx "),
        (["matrix", "--format", LONG], "'" + "x" * 54 + "…xxx'"),
        (["fake-eprom", "--port", "1" + LONG], "value: '1" + "x" * 53 + "…xxx'"),
        (["--la" + LONG, "rules"], "arguments: --la" + "x" * 51 + "…xxxx "),
        (["15108695088 " + LONG], "'<hidden> " + "x" * 42 + "…xxx'"),
    ],
)
def test_argparse_echoes_what_was_typed_shortened_and_masked(argv: list[str], shown: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "distribution", *argv],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LANG": "C"},
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1
    assert shown in done.stderr
    assert len(done.stderr) < 400
    assert "15108695088" not in done.stderr


def test_an_argparse_message_without_a_pattern_is_shortened_too() -> None:
    message = usage_message(f"odd: {LONG!r} and {'y' * 61!r}", "en")
    assert message.startswith("odd: '" + "x" * 54 + "…xxx' and '" + "y" * 54 + "…yyy'")


def test_a_value_argparse_quotes_inside_its_own_words_is_shortened() -> None:
    message = usage_message(f"argument --port: invalid int value: {LONG!r}", "en")
    assert message == (
        "argument --port: invalid int value: '" + "x" * 54 + "…xxx' (see eprom-distribution --help)"
    )
