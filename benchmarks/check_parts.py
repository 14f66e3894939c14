"""`navigator check`, part by part: the CPU time of each part, and the wall time with and without processes.

Reads the English tree as `navigator check` does and times it; then runs the check's parts (the
path proof, each translation, the trust rules) with `--jobs` processes, each part's CPU time taken
inside the process that ran it. With the parts' times it prints how long the parts would take with
that many CPUs free (the longest chain when each process takes the next part as it finishes, the
order `navigator check` hands them out): on a busy machine the wall time cannot show it.

Run from the repository root:

    .venv/bin/python benchmarks/check_parts.py --content benchmarks/out/content-100x   # about 3 minutes alone
    .venv/bin/python benchmarks/check_parts.py --jobs 1                                # the shipped content, in turn
"""

from __future__ import annotations

import argparse
import heapq
import os
import sys
import time
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from navigator.cli import check
from navigator.core.loader import load_content
from navigator.core.localize import available_locales
from navigator.core.report import Problem
from navigator.paths import content_root


def _timed(part: tuple[str, str]) -> tuple[float, list[Problem]]:
    started = time.process_time()
    found = _untimed(part)
    return time.process_time() - started, found


_untimed = check._part


def chain(times: list[float], jobs: int) -> float:
    """When the last part ends if ``jobs`` processes each take the next part, in order, as they finish."""
    ends = [0.0] * max(1, jobs)
    for spent in times:
        heapq.heappush(ends, heapq.heappop(ends) + spent)
    return max(ends)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=None, help="content folder (default: the shipped one)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="processes for the parts")
    args = parser.parse_args()
    root = args.content or content_root()
    load = os.getloadavg()
    wall, cpu = time.perf_counter(), time.process_time()
    content, _report = load_content(root)
    english = time.process_time() - cpu, time.perf_counter() - wall
    parts = [("paths", ""), *(("locale", locale) for locale in available_locales(root)[1:]), ("rules", "")]
    check._part = _timed  # type: ignore[assignment]  # forked children inherit it
    started = time.perf_counter()
    results = cast(list[tuple[float, list[Problem]]], check._run_parts(content, parts, args.jobs))
    parts_wall = time.perf_counter() - started
    times = [spent for spent, _found in results]
    print(f"content: {root}; load average at start {load[0]:.1f}; {args.jobs} process(es) for the parts")
    print(f"| English tree read | CPU {english[0]:.2f} s | wall {english[1]:.2f} s |")
    for (kind, locale), spent in zip(parts, times, strict=True):
        print(f"| {locale or kind} | CPU {spent:.2f} s | |")
    print(f"| parts, all | CPU {sum(times):.2f} s | wall {parts_wall:.2f} s |")
    print(f"| parts with {args.jobs} CPU(s) free (computed) | {chain(times, args.jobs):.2f} s | |")
    print(f"| check, English + parts (computed, {args.jobs} CPU(s) free) | {english[0] + chain(times, args.jobs):.2f} s | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
