"""Command line: with no command, open the app; tooling lives in subcommands.

``navigator`` (the console script ``navigator.cli:main``) opens the window. Each subcommand is a
module here with ``register(subparsers)`` and a ``run(args)``: ``check`` validates content,
``plan`` prints a plan for a file of answers, ``handout`` writes a one-page handout on a topic, ``case`` checks a case file or makes its evidence
report, ``notice`` lists, shows and fills in the letter templates, ``i18n`` holds the
translators' tools.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

COMMANDS = ("check", "plan", "handout", "case", "notice", "i18n", "selftest")


def command_module(name: str) -> ModuleType:
    """A subcommand's module, imported only when it is wanted: each brings its own libraries
    (the case file its cipher, the translators' tools Babel's catalogs), and start-up pays for none."""
    if name == "check":
        from navigator.cli import check

        return check
    if name == "plan":
        from navigator.cli import plan

        return plan
    if name == "handout":
        from navigator.cli import handout

        return handout
    if name == "case":
        from navigator.cli import case

        return case
    if name == "notice":
        from navigator.cli import notice

        return notice
    if name == "i18n":
        from navigator.cli import i18n

        return i18n
    if name == "selftest":
        from navigator.cli import selftest

        return selftest
    raise KeyError(name)


def build_parser(names: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="navigator", description="Navigator: an offline, private guide. With no command, the app opens.")
    sub = parser.add_subparsers(dest="command")
    for name in names:
        command_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # Only the command asked for is imported (every one for --help or a word that is none of them);
    # none when there is no word at all: the window, as a double click starts it, pays for no tool.
    wanted = [words[0]] if words and words[0] in COMMANDS else (COMMANDS if words else ())
    args = build_parser(wanted).parse_args(words)
    if args.command is None:
        from navigator.app import run  # Qt loads only when the window is wanted, not for the tools

        return run()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
