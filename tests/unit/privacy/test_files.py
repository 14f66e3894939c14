"""navigator.privacy.files: a file the person asked for is written whole or not at all, readable by
them alone, and never through a link planted beside it (security review F13)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from navigator.privacy.files import leftovers, write_whole
from tests.conftest import REPO


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


def test_every_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """A plan, a letter, a report: 0600 whatever the umask (which often gives 0644)."""
    old = os.umask(0o022)
    try:
        path = tmp_path / "plan.pdf"
        write_whole(path, b"the plan")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o644)  # an older save, readable by others
        write_whole(path, b"the new plan")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_planted_link_is_never_followed(tmp_path: Path) -> None:
    """Someone with write access to the folder plants links where a save would write: at the name
    earlier versions used for the temporary file, and at the target itself. The files they point
    at are untouched; the saved file is a new, private, ordinary file."""
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"the victim's own file")
    victim.chmod(0o644)
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / ".plan.pdf.part").symlink_to(victim)
    other = tmp_path / "other.txt"
    other.write_bytes(b"another file")
    (folder / "plan.pdf").symlink_to(other)
    write_whole(folder / "plan.pdf", b"the plan")
    assert victim.read_bytes() == b"the victim's own file" and other.read_bytes() == b"another file"
    saved = folder / "plan.pdf"
    assert not saved.is_symlink() and saved.read_bytes() == b"the plan"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


@pytest.mark.skipif(not (shutil.which("strace") and sys.platform.startswith("linux")), reason="needs strace on Linux")
def test_the_temporary_file_is_created_new_and_never_through_a_link(tmp_path: Path) -> None:
    """The system call itself: the temporary file is opened with O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600,
    under a random name in the target's folder."""
    target = tmp_path / "plan.pdf"
    code = "import sys; from pathlib import Path; from navigator.privacy.files import write_whole; write_whole(Path(sys.argv[1]), b'x')"
    trace = tmp_path / "trace"
    subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=openat,open,rename,renameat,renameat2",
            "-o",
            str(trace),
            sys.executable,
            "-c",
            code,
            str(target),
        ],
        check=True,
        cwd=REPO,
    )
    opened = [line for line in trace.read_text().splitlines() if str(tmp_path) in line and "open" in line]
    assert len(opened) == 1, opened
    assert re.search(rf'"{re.escape(str(tmp_path))}/\.plan\.pdf\.\w+\.part"', opened[0]), opened[0]
    for flag in ("O_CREAT", "O_EXCL", "O_NOFOLLOW"):
        assert flag in opened[0]
    assert opened[0].split(", ")[-1].startswith("0600)")


def test_leftovers_names_what_an_interrupted_save_leaves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoever cleans up after a save cut short (forgetting the saved settings, deleting a case
    file) asks ``leftovers``: the writer's own temporary file, and the name earlier versions used."""
    path = tmp_path / "settings"
    kept: list[Path] = []

    def cut_short(src: str, dst: str) -> None:
        kept.append(Path(src))
        raise KeyboardInterrupt  # stands for a power cut between the write and the rename

    monkeypatch.setattr(os, "replace", cut_short)
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: None)  # a power cut cleans nothing up
    with pytest.raises(KeyboardInterrupt):
        write_whole(path, b"x")
    monkeypatch.undo()
    (tmp_path / ".settings.part").write_bytes(b"from an earlier version")
    (tmp_path / ".other.abc.part").write_bytes(b"not ours")
    assert leftovers(path) == sorted([kept[0], tmp_path / ".settings.part"])
    assert kept[0].read_bytes() == b"x" and kept[0].parent == tmp_path
