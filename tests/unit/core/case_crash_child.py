"""Helper process for test_case_crash.py (not a test): forks savers for the parent to kill.

It derives the key once, then on each "fork" line from standard input starts a child that opens
the case file with that key and saves new entries as fast as it can, writing "saved N" after each
save has returned. The parent kills the child with SIGKILL at a random moment and sends "reap".
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from navigator.core import case_file
from navigator.core.case import Note
from navigator.core.case_file import CaseFile, open_with_key, read_blob, read_header
from tests.case_helpers import CHEAP_KDF, PASSPHRASE, write


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def saver(path: Path, key: case_file.Key) -> None:
    opened = CaseFile(path, open_with_key(read_blob(path), key), key, write)
    number = len(opened.case.entries)
    while True:
        number += 1
        opened.add(Note(text=f"{number} " + "x" * (200 + number % 997)), datetime.now(UTC))
        say(f"saved {number}")


def main() -> None:
    case_file.DEFAULT_KDF = CHEAP_KDF
    case_file.ALLOWED_KDF = frozenset({CHEAP_KDF})
    key: case_file.Key | None = None
    child = 0
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "open":  # a fresh case file for the next rounds
            path = Path(argument)
            key = CaseFile.create(path, PASSPHRASE, datetime.now(UTC), write)._key
            say("opened")
        elif command == "fork":
            assert key is not None
            read_header(read_blob(path))
            child = os.fork()
            if child == 0:
                try:
                    saver(path, key)
                finally:
                    os._exit(1)
            say(f"pid {child}")
        elif command == "reap":
            _, status = os.waitpid(child, 0)
            say(f"reaped {status}")


if __name__ == "__main__":
    main()
