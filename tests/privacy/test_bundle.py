"""Navigator run from a read-only folder, as a brand-new user, leaves no trace: ``navigator selftest``
(every page in every language, a plan, a letter, a PDF) writes nothing anywhere and opens no
connection.

This reuses the no-trace harness of ``test_no_trace.py``: a fresh, empty HOME, XDG folders and
TMPDIR, snapshots of them before and after, and a system-call trace (strace) of every file
written, program started and socket opened. The program runs from a read-only folder: a read-only
bind mount of a copy where the system allows one (root in a mount namespace, as in CI), else a
copy with the write permission taken away.

Two programs are tested: the source tree (``python -m navigator``), always; and the PyInstaller
bundle that ``packaging/build`` made, when ``NAVIGATOR_BUNDLE`` names its folder (``.ci/run`` sets
it after building; locally: ``NAVIGATOR_BUNDLE=build/dist/navigator ./dev test tests/privacy/test_bundle.py``).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.privacy.test_no_trace import STRACE, fresh_user, snapshot, trace_problems

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent.parent
MOUNT = 'mount --bind "$1" "$2" && mount -o remount,bind,ro "$2" && shift 2 && exec "$@"'


def read_only_mounts_work(tmp_path: Path) -> bool:
    if not (shutil.which("unshare") and shutil.which("mount")):
        return False
    source, target = tmp_path / "probe-source", tmp_path / "probe-target"
    source.mkdir()
    target.mkdir()
    probe = subprocess.run(
        [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            MOUNT,
            "sh",
            str(source),
            str(target),
            "sh",
            "-c",
            f"! touch {target}/x",
        ],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0 and not (source / "x").exists()


def take_away_writes(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(stat.S_IMODE(path.lstat().st_mode) & ~0o222)


def give_back_writes(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(stat.S_IMODE(path.lstat().st_mode) | 0o200)


def run_read_only(
    tmp_path: Path, folder: Path, argv: Callable[[Path], list[str]], extra_env: Callable[[Path], dict[str, str]]
) -> tuple[subprocess.CompletedProcess[str], list[str], list[str], bool]:
    """Run ``argv(root)`` as a fresh user, where ``root`` is a read-only copy of ``folder``.

    Returns (the run, what changed in the fresh user's folders or on the medium, the system
    calls, whether a real read-only mount was used)."""
    copy = tmp_path / "medium"
    shutil.copytree(folder, copy, symlinks=True)
    env, folders = fresh_user(tmp_path)
    mounted = read_only_mounts_work(tmp_path)
    watched = [*folders, copy]
    if mounted:
        root = tmp_path / "ro"
        root.mkdir()
        watched.append(root)
    else:
        take_away_writes(copy)
        root = copy
    env.update(PATH=os.environ.get("PATH", "/usr/bin:/bin"), LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen", **extra_env(root))
    command = argv(root)
    trace_base = tmp_path / "trace" / "t"
    if STRACE:
        trace_base.parent.mkdir()
        command = ["strace", "-ff", "-qq", "-e", "trace=%file,%network,%process", "-e", "signal=none", "-o", str(trace_base), *command]
    if mounted:
        command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", MOUNT, "sh", str(copy), str(root), *command]
    before = snapshot(watched)
    try:
        done = subprocess.run(command, env=env, cwd=folders[-1], capture_output=True, text=True, timeout=600, check=False)
    finally:
        after = snapshot(watched)
        if not mounted:
            give_back_writes(copy)
    changes = sorted({p for p in before.keys() | after.keys() if before.get(p) != after.get(p)})
    syscalls: list[str] = []
    if STRACE:
        for path in sorted(trace_base.parent.glob("t.*")):
            syscalls += path.read_text(errors="replace").splitlines()
    return done, changes, syscalls, mounted


def without_own_restart(syscalls: list[str]) -> list[str]:
    """PyInstaller's program on Linux starts itself once more, in the same process, so that the
    system's loader reads the bundle's library folder: that second exec of the same file is not
    another program. Any other exec still counts."""
    execs = [i for i, line in enumerate(syscalls) if line.startswith("execve(") and line.rstrip().endswith("= 0")]
    if len(execs) < 2:
        return syscalls
    own = syscalls[execs[0]].split(",")[0]
    again = next((i for i in execs[1:] if syscalls[i].split(",")[0] == own), None)
    return [line for i, line in enumerate(syscalls) if i != again]


def test_only_the_programs_own_restart_is_forgiven() -> None:
    first = 'execve("/m/navigator", ["/m/navigator", "selftest"], 0x1 /* 3 vars */) = 0'
    other = 'execve("/usr/bin/xdg-open", ["xdg-open"], 0x1 /* 3 vars */) = 0'
    assert without_own_restart([first, first]) == [first]
    assert trace_problems(without_own_restart([first, first, other])) == [other]
    assert trace_problems(without_own_restart([first, first, first])) == [first]


def assert_no_trace(done: subprocess.CompletedProcess[str], changes: list[str], syscalls: list[str]) -> None:
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("selftest: ok"), done.stdout
    assert changes == [], "files changed in the fresh user's folders or on the medium"
    if syscalls:
        assert len(syscalls) > 100, "the system-call trace is suspiciously short"
        # The first program started is strace's own target; `unshare` and `sh` run before strace.
        assert trace_problems(without_own_restart(syscalls)) == []


def test_selftest_from_a_read_only_source_tree_leaves_no_trace(tmp_path: Path) -> None:
    """The source tree, copied to a read-only folder: ``python -m navigator selftest``."""
    medium = tmp_path / "source"
    medium.mkdir()
    for name in ("navigator", "content", "locales", "packaging"):
        shutil.copytree(REPO / name, medium / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    done, changes, syscalls, _mounted = run_read_only(
        tmp_path,
        medium,
        lambda root: [sys.executable, "-m", "navigator", "selftest"],
        lambda root: {"PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert_no_trace(done, changes, syscalls)


@pytest.mark.skipif(
    not os.environ.get("NAVIGATOR_BUNDLE"), reason="set NAVIGATOR_BUNDLE to a bundle folder (packaging/build makes build/dist/navigator)"
)
def test_the_bundle_from_a_read_only_folder_leaves_no_trace(tmp_path: Path) -> None:
    folder = Path(os.environ["NAVIGATOR_BUNDLE"]).resolve()
    name = "navigator-cli.exe" if sys.platform == "win32" else "navigator"
    assert (folder / name).is_file(), f"no program in {folder}"
    done, changes, syscalls, mounted = run_read_only(tmp_path, folder, lambda root: [str(root / name), "selftest"], lambda root: {})
    assert_no_trace(done, changes, syscalls)
    if os.geteuid() == 0:
        assert mounted, "as root, only a read-only mount proves a read-only medium (permissions do not bind root)"
