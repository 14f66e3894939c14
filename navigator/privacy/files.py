"""Writing a file the person asked for: whole or not at all, readable by them alone, and never
through a link someone planted.

``write_whole`` writes into a new temporary file beside the target, made by ``tempfile.mkstemp``:
a random name, created with ``O_CREAT|O_EXCL|O_NOFOLLOW`` and mode 0600, so it can be neither a
file nor a symbolic link that was there before (security review F13: a ``.plan.pdf.part`` link
planted in a shared folder made the save overwrite the file it pointed at). The finished file then
replaces the target by a rename, which replaces a link at the target's name rather than following
it. Everything Navigator saves is readable by its owner only (0600): a plan, a letter or a report
says a great deal, and a home folder may be open to others on the same computer.

Pure Python (no Qt). Proven by tests/unit/privacy/test_files.py.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PART_SUFFIX = ".part"


def _part_prefix(path: Path) -> str:
    return f".{path.name}."


def leftovers(path: Path) -> list[Path]:
    """Temporary files of ``write_whole`` for ``path`` that a save cut short (a crash, a power
    cut) left behind, and the fixed name earlier versions of Navigator used for them. Whoever
    deletes ``path`` for good deletes these too."""
    found = [p for p in path.parent.glob(f"{_part_prefix(path)}*{PART_SUFFIX}") if p.name != path.name]
    older = path.with_name(f".{path.name}{PART_SUFFIX}")
    return sorted({*found, *([older] if older.exists() or older.is_symlink() else [])})


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a failure (a full disk, say) never leaves half a file and
    never spoils the file that was there before. The file is readable by its owner only."""
    handle, name = tempfile.mkstemp(prefix=_part_prefix(path), suffix=PART_SUFFIX, dir=path.parent)
    part = Path(name)
    try:
        with open(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
