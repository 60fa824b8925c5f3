"""The command line's language: ``--lang`` and the locale, and argparse's messages in bokmål.

One reason to change: how the language is chosen, or how texts the command line does not write
itself (argparse's messages, the option names inside the library's errors) are said in it.
The texts themselves are in ``_texts.py``.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Final

from distribution._errors import InvalidValueError, mask_personal, nearest, shortened
from distribution._texts import LANGUAGES, Lang
from distribution.cli._context import PROG
from distribution.cli._texts import ARGPARSE

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


def normalize_lang(text: str) -> Lang | None:
    """Return ``"nb"`` or ``"en"`` for a language tag (``no``, ``nb_NO.UTF-8``, ``en-GB``)."""
    code = re.split(r"[-_.@]", text.strip(), maxsplit=1)[0].lower()
    if code in {"nb", "no", "nn"}:
        return "nb"
    return "en" if code == "en" else None


def lang_from_environment(environ: Mapping[str, str]) -> Lang:
    """Return ``"nb"`` when the locale is Norwegian (nb, no or nn), else ``"en"``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "nb" if normalize_lang(value) == "nb" else "en"
    return "en"


def lang_in(argv: Sequence[str], default: Lang) -> Lang:
    """Return the language ``--lang`` gives in *argv*, else *default*."""
    # The language is needed before argparse has succeeded, to report its errors and --help.
    for i, arg in enumerate(argv):
        # argparse takes an abbreviation ("--lan nb", "--la=en") as the option itself.
        name, equals, given = arg.partition("=")
        value = given if equals and _is_lang_flag(name) else None
        if not equals and _is_lang_flag(arg) and i + 1 < len(argv):
            value = argv[i + 1]
        if value is not None:
            lang = normalize_lang(value)
            if lang is None:
                raise InvalidValueError(
                    "unknown_language",
                    value=value,
                    field="--lang",
                    choices=LANGUAGES,
                    suggestion=nearest(value, [*LANGUAGES, "no"]),
                )
            return lang
    return default


def _is_lang_flag(arg: str) -> bool:
    """Return whether *arg* is ``--lang`` or an abbreviation argparse takes for it (``--lan``)."""
    return len(arg) > len("--l") and "--lang".startswith(arg)


def _placeholders_to_groups(template: str) -> re.Pattern[str]:
    # "argument {name}: expected one argument" -> a pattern with a named group per placeholder.
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(template))
    return re.compile(pattern + "$", re.DOTALL)


# argparse writes its messages in English; each is matched here, in the table's order (the
# general "argument X: …" last), and said again in the chosen language from the same table.
_ARGPARSE_PATTERNS: Final = {
    key: _placeholders_to_groups(template) for key, template in ARGPARSE["en"].items()
}


# The parts of argparse's messages that hold what the user typed (a value, the arguments it did
# not know, an option); the rest (argument names, the choices) are the command line's own.
_TYPED: Final = ("value", "names", "option")
# A value argparse quotes inside a text of its own ("invalid int value: '…'"): its repr.
_QUOTED: Final = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def _quoted_shortened(text: str) -> str:
    return _QUOTED.sub(lambda found: shortened(found[0]), text)


def usage_message(message: str, lang: Lang) -> str:
    """Return argparse's *message* in *lang*, with the nearest choice and a pointer to --help.

    Whatever the user typed is shortened as the library shortens a value (a 131 KB argument
    is not echoed whole), then masked.
    """
    suggestion = None
    for key, pattern in _ARGPARSE_PATTERNS.items():
        found = pattern.match(message)
        if found:
            fields = found.groupdict()
            if key == "invalid_choice":
                choices = re.findall(r"'([^']*)'", fields["choices"]) or fields["choices"].split(
                    ", "
                )
                suggestion = nearest(fields["value"].strip("'"), choices)
            for name in _TYPED:
                if name in fields:
                    fields[name] = shortened(fields[name])
            if "problem" in fields:
                fields["problem"] = _quoted_shortened(fields["problem"])
            message = ARGPARSE[lang][key].format(**fields)
            break
    else:
        message = _quoted_shortened(message)
    # argparse quotes what the user typed, which may be an ID or an address in the wrong place.
    problem = mask_personal(message)
    return InvalidValueError(
        "usage", value=None, field=PROG, problem=problem, suggestion=suggestion
    ).message(lang)


def bokmal_flags(message: str, parser: argparse.ArgumentParser) -> str:
    """Name each option in *message* by its bokmål spelling (--age → --alder), as help does."""
    spellings: dict[str, str] = {}
    for action in parser._actions:  # noqa: SLF001  # argparse has no public walk of its parsers
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                for option in sub._actions:  # noqa: SLF001
                    names = option.option_strings
                    if len(names) > 1 and names[0].startswith("--"):
                        spellings[names[0]] = names[-1]
    return re.sub(
        r"(?<![\w-])--[a-z0-9-]+(?![\w-])",
        lambda match: spellings.get(match[0], match[0]),
        message,
    )
