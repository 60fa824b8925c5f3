"""The argument parser: its commands in order, its help in the chosen language, its errors.

One reason to change: how the command line is laid out (which commands, in what order, how help
looks). Each command's own arguments are added by its module (``_decisions``, ``_patients``,
``_cohorts``, ``_callbacks``, ``_fake``), next to the code that reads them.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from distribution.cli._callbacks import add_check, add_verify
from distribution.cli._cohorts import add_audit, add_simulate
from distribution.cli._context import PROG
from distribution.cli._decisions import (
    add_decide,
    add_describe,
    add_diagnose,
    add_explain,
    add_matrix,
    add_rules,
)
from distribution.cli._fake import add_fake_eprom
from distribution.cli._lang import normalize_lang
from distribution.cli._patients import add_assess, add_preflight
from distribution.cli._texts import HELP

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from _typeshed import SupportsWrite

    from distribution._texts import Lang
    from distribution.cli._context import Adder, Handler

# The commands, in the order --help lists them; each adds itself and its arguments.
_COMMANDS: Final[tuple[Callable[[Adder, Mapping[str, str]], None], ...]] = (
    add_decide,
    add_explain,
    add_diagnose,
    add_rules,
    add_matrix,
    add_describe,
    add_assess,
    add_preflight,
    add_simulate,
    add_check,
    add_verify,
    add_audit,
    add_fake_eprom,
)


class UsageError(Exception):
    """argparse found the command line malformed."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, out: TextIO | None = None, **kwargs: Any) -> None:  # noqa: ANN401  # argparse's own signature
        super().__init__(*args, **kwargs)
        self._out = out

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # --help and --version write to the stream main() was given, not to sys.stdout.
        (self._out or file or sys.stdout).write(message)


def _formatter(lang: Lang) -> type[argparse.HelpFormatter]:
    prefix = HELP[lang]["usage"]

    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(  # argparse's own signature
            self,
            usage: Any,  # noqa: ANN401
            actions: Any,  # noqa: ANN401
            groups: Any,  # noqa: ANN401
            prefix_: Any = None,  # noqa: ANN401
        ) -> None:
            # argparse passes "" when it builds a subcommand's prog; only the shown prefix is ours.
            super().add_usage(usage, actions, groups, prefix if prefix_ is None else prefix_)

    return Formatter


def _in_language(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """Give *parser* argparse's headings and its -h option in *lang*."""
    say = HELP[lang]
    parser._positionals.title = say["positionals"]  # noqa: SLF001  # argparse has no public way
    parser._optionals.title = say["options"]  # noqa: SLF001
    parser.add_argument("-h", "--help", action="help", help=say["help"])


def build_parser(lang: Lang, out: TextIO | None = None) -> argparse.ArgumentParser:
    """Return the argument parser, its help and messages in *lang*; help goes to *out*."""
    say = HELP[lang]

    def example(text: str) -> str:
        return say["example"].format(example=f"{PROG} {text}")

    parser = _Parser(
        out=out,
        prog=PROG,
        add_help=False,
        formatter_class=_formatter(lang),
        description=say["description"],
        epilog=example("explain BasicOrPaper --available papir --lang nb"),
    )
    _in_language(parser, lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {version('eprom-distribution')}",
        help=say["version"],
    )
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar=say["mv_command"],
        title=say["commands"],
        help=say["command"],
        parser_class=_Parser,
    )

    def add(
        name: str, example_: str, handler: Handler, aliases: tuple[str, ...] = ()
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            aliases=list(aliases),
            out=out,
            add_help=False,
            formatter_class=_formatter(lang),
            help=say[name],
            description=say[name],
            epilog=example(example_),
        )
        _in_language(sub, lang)
        # Read before argparse runs (lang_in), so any spelling it takes is valid here.
        sub.add_argument(
            "--lang", type=normalize_lang, default=lang, metavar=say["mv_lang"], help=say["lang"]
        )
        sub.set_defaults(handler=handler)
        return sub

    for add_command in _COMMANDS:
        add_command(add, say)
    return parser
