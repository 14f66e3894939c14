"""``navigator check``: validate the content tree and its translations, every problem with file and line.

Exit code 0 when there is no error (warnings are listed but do not fail), 1 otherwise.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from navigator.core import rules
from navigator.core.loader import freshness, load_content
from navigator.core.localize import available_locales, localize
from navigator.core.pathway_check import check_pathways
from navigator.paths import content_root


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="validate the content tree and its translations")
    check.add_argument("--content", metavar="DIR", help="content folder to check (default: the shipped one)")
    check.add_argument("--locale", help="check only this translation (default: all)")
    check.add_argument("--freshness", action="store_true", help="also list reviews older than 12 months and unverified details")
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.content) if args.content else content_root()
    started = time.perf_counter()
    content, report = load_content(root)
    locales = [args.locale] if args.locale else available_locales(root)[1:]
    for locale in locales:
        _, loc_report = localize(content, locale)
        report.extend(loc_report.problems)
    report.extend(check_pathways(content))  # every question reachable, no dead ends, no empty plan
    report.extend(rules.check(content))  # the trust rules: audience, regions, sources, plain text
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
