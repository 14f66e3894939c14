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

from navigator.cli import case, check, handout, i18n, notice, plan, selftest

COMMANDS = (check, plan, handout, case, notice, i18n, selftest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="navigator", description="Navigator: an offline, private guide. With no command, the app opens.")
    sub = parser.add_subparsers(dest="command")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from navigator.app import run  # Qt loads only when the window is wanted, not for the tools

        return run()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
