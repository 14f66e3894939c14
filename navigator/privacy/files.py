"""Writing a file the person asked for: whole or not at all."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_whole(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` so that a failure (a full disk, say) never leaves half a file
    and never spoils the file that was there before. ``private`` makes it readable by its owner only."""
    part = path.with_name(f".{path.name}.part")
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
