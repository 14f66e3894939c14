"""A save killed at any moment (SIGKILL: no clean-up runs) leaves the old file or the new one, whole.

A helper process derives the key once and forks a saver for each round; the saver appends and saves
entries as fast as it can and reports each save that returned. The test kills it after a random
delay, then opens the file: it must open with the passphrase, its chain must hold, and it must hold
exactly the last reported save or the one after it (killed after the rename, before the report).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from navigator.core.case_file import CaseFile
from navigator.privacy.files import leftovers
from tests.case_helpers import PASSPHRASE, cheap_kdf, write

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")]

REPO = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("case_crash_child.py")
ROUNDS = 240
ROUNDS_PER_FILE = 60  # a fresh file now and then keeps each round quick


def test_kill_during_saves_leaves_old_or_new(tmp_path, monkeypatch):
    cheap_kdf(monkeypatch)
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    helper = subprocess.Popen(
        [sys.executable, str(CHILD)], cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
    )
    assert helper.stdin is not None and helper.stdout is not None
    rng = random.Random(20261130)

    def send(line: str) -> None:
        helper.stdin.write(line + "\n")
        helper.stdin.flush()

    def read_until(prefix: str) -> tuple[str, list[int]]:
        saved: list[int] = []
        while True:
            line = helper.stdout.readline()
            assert line, "the helper process ended"
            if line.startswith("saved "):
                saved.append(int(line.split()[1]))
            elif line.startswith(prefix):
                return line.strip(), saved

    outcomes = {"old": 0, "new": 0}
    part_left = 0
    seen: set[Path] = set()
    saves = 0
    try:
        for number in range(ROUNDS):
            if number % ROUNDS_PER_FILE == 0:
                path = tmp_path / f"case-{number}.navcase"
                send(f"open {path}")
                read_until("opened")
                before = 0
            send("fork")
            pid_line, saved = read_until("pid ")
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(int(pid_line.split()[1]), signal.SIGKILL)
            send("reap")
            _, more = read_until("reaped")
            saved += more
            reported = saved[-1] if saved else before
            saves += len(saved)
            left = set(leftovers(path))  # random names: count only what this kill left
            part_left += bool(left - seen)
            seen |= left
            opened = CaseFile.unlock(path, PASSPHRASE, write)
            count = len(opened.case.entries)
            assert opened.case.intact, f"round {number}: chain broken"
            assert count in (reported, reported + 1), f"round {number}: {count} entries, last save reported {reported}"
            outcomes["old" if count == reported else "new"] += 1
            before = count
    finally:
        helper.kill()
        helper.wait()
        helper.stdin.close()
        helper.stdout.close()
    print(f"kills: {outcomes}, part file left {part_left} times, {saves} saves reported")
    assert sum(outcomes.values()) == ROUNDS
    # The kills landed at many different moments: during a write (a part file left), just after a
    # save was complete (the new version), and before one (the old).
    assert part_left > 0 and outcomes["old"] > 0 and outcomes["new"] > 0, outcomes
    assert saves > ROUNDS // 2, saves
