"""Command line: with no command, open the app; tooling lives in subcommands."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from navigator.paths import content_root


def _check(args: argparse.Namespace) -> int:
    from navigator.core.loader import freshness, load_content
    from navigator.core.localize import available_locales, localize
    from navigator.core.pathway_check import check_pathways

    root = Path(args.content) if args.content else content_root()
    started = time.perf_counter()
    content, report = load_content(root)
    locales = [args.locale] if args.locale else available_locales(root)[1:]
    for locale in locales:
        _, loc_report = localize(content, locale)
        report.extend(loc_report.problems)
    report.extend(check_pathways(content))  # every question reachable, no dead ends, no empty plan
    if args.freshness:
        report.extend(freshness(content, date.today()))
    elapsed = time.perf_counter() - started
    shown = [p for p in report.sorted() if p.level != "note" or args.freshness]
    for problem in shown:
        print(problem)
    stale = sum(1 for e in content.entries.values() if (date.today() - e.item.reviewed).days > 365)
    unverified = sum(1 for e in content.entries.values() if e.item.unverified)
    print(
        f"{len(content.entries)} items checked in {elapsed:.2f} s "
        f"({', '.join(['en', *locales])}): {len(report.errors)} errors, {len(report.warnings)} warnings; "
        f"{stale} reviews older than 12 months, {unverified} items with unverified details"
        + ("" if args.freshness else " (list them with --freshness)")
    )
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="navigator", description="Navigator: an offline, private guide. With no command, the app opens.")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="validate the content tree and its translations")
    check.add_argument("--content", metavar="DIR", help="content folder to check (default: the shipped one)")
    check.add_argument("--locale", help="check only this translation (default: all)")
    check.add_argument("--freshness", action="store_true", help="also list reviews older than 12 months and unverified details")
    check.set_defaults(func=_check)
    for register in _EXTRA:
        register(sub)
    return parser


# Other modules add their subcommands here (plan, i18n) without this file knowing their details.
_EXTRA: list[Callable[[Any], None]] = []


def _load_extras() -> None:
    for name in ("navigator.plan_cli", "navigator.i18n_cli"):
        try:
            module = __import__(name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        if module.register not in _EXTRA:  # main() may run more than once in a process (tests)
            _EXTRA.append(module.register)


def main(argv: Sequence[str] | None = None) -> int:
    _load_extras()
    args = build_parser().parse_args(argv)
    if args.command is None:
        from navigator.app import run

        return run()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
