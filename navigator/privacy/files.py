"""Writing a file the person asked for: whole or not at all."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def part_path(path: Path) -> Path:
    """The temporary file ``write_whole`` writes before it becomes ``path``. A power cut in the middle
    of a save can leave it behind, so whoever deletes ``path`` for good deletes this name too."""
    return path.with_name(f".{path.name}.part")


def write_whole(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` so that a failure (a full disk, say) never leaves half a file
    and never spoils the file that was there before. ``private`` makes it readable by its owner only."""
    part = part_path(path)
    mode = 0o600 if private else 0o666

    def opener(name: str, flags: int) -> int:
        return os.open(name, flags, mode)

    try:
        with open(part, "wb", opener=opener) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
