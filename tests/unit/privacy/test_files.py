"""navigator.privacy.files: a file the person asked for is written whole, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from navigator.privacy.files import part_path, write_whole


def test_the_file_is_written_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    write_whole(path, b"the plan")
    assert path.read_bytes() == b"the plan"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.txt"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_half_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(b"the old plan")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_whole(path, b"the new plan")
    assert path.read_bytes() == b"the old plan"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.txt"]


def test_private_files_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "kept.bin"
    write_whole(path, b"secret", private=True)
    assert path.read_bytes() == b"secret"
    assert path.stat().st_mode & 0o077 == 0


def test_the_temporary_file_is_the_one_part_path_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoever cleans up after an interrupted save (forgetting the saved settings) asks part_path."""
    path = tmp_path / "settings"
    seen: list[str] = []
    real_replace = os.replace

    def watch(src: str, dst: str) -> None:
        seen.append(str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watch)
    write_whole(path, b"x")
    assert seen == [str(part_path(path))]
    assert part_path(path).parent == path.parent and part_path(path).name.startswith(".")
