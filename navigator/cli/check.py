"""``navigator check``: validate the content tree and its translations, every problem with file and line.

Exit code 0 when there is no error (warnings are listed but do not fail), 1 otherwise.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from datetime import date
from pathlib import Path

from navigator.core import rules
from navigator.core.loader import Content, freshness, load_content
from navigator.core.localize import available_locales, localize
from navigator.core.pathway_check import check_pathways
from navigator.core.report import Problem
from navigator.paths import content_root


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="validate the content tree and its translations")
    check.add_argument("--content", metavar="DIR", help="content folder to check (default: the shipped one)")
    check.add_argument("--locale", help="check only this translation (default: all)")
    check.add_argument("--freshness", action="store_true", help="also list reviews older than 12 months and unverified details")
    check.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="check the translations, the paths and the rules in N processes (default: one per CPU; 1 to use none)",
    )
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.content) if args.content else content_root()
    started = time.perf_counter()
    content, report = load_content(root)
    locales = [args.locale] if args.locale else available_locales(root)[1:]
    # Each translation, the path proof (every question reachable, no dead ends, no empty plan) and
    # the trust rules (audience, regions, sources, plain text) read the English content and nothing
    # of each other: they run side by side once it is loaded.
    parts = [("paths", ""), *(("locale", locale) for locale in locales), ("rules", "")]
    for found in _run_parts(content, parts, _jobs(args.jobs, len(parts))):
        report.extend(found)
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


def _jobs(asked: int | None, parts: int) -> int:
    """How many processes: as asked, else one per CPU this process may use; never more than parts.

    Only where a process can be forked (Linux): the children share the English content already
    read instead of reading it again. Elsewhere, and in a process that runs other threads (a
    child forked from one could wait forever on a lock another thread held), everything runs
    here, in turn."""
    if not sys.platform.startswith("linux") or _threads() != 1:
        return 1
    wanted = asked if asked is not None else len(os.sched_getaffinity(0))
    return max(1, min(wanted, parts))


def _threads() -> int:
    """How many threads this process runs (Qt's and other native ones too, which ``threading`` does not see)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


_shared: Content | None = None  # the content forked children read (set just before forking)


def _part(part: tuple[str, str]) -> list[Problem]:
    """One part of the check on ``_shared``: a translation's problems, the path proof's or the rules'."""
    assert _shared is not None
    kind, locale = part
    if kind == "locale":
        return localize(_shared, locale)[1].problems
    if kind == "paths":
        return check_pathways(_shared)
    return rules.check(_shared)


def _run_parts(content: Content, parts: list[tuple[str, str]], jobs: int) -> list[list[Problem]]:
    """Every part's problems, in the order of ``parts``, with ``jobs`` processes."""
    global _shared
    _shared = content
    try:
        if jobs > 1:
            try:
                import multiprocessing
            except ImportError:  # left out of the bundle (packaging/navigator.spec): there, in turn
                jobs = 1
        if jobs <= 1:
            return [_part(part) for part in parts]
        # One part at a time per child, the longest (the path proof) first, so a child that
        # finishes early takes the next. Frozen, the content's objects are not scanned by each
        # child's collector, which would copy their memory pages into every child.
        gc.freeze()
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                return pool.map(_part, parts, chunksize=1)
        finally:
            gc.unfreeze()
    finally:
        _shared = None
