"""Quick exit keys pressed from outside the process, on a real X11 display, while Navigator is busy.

Security review F1: F12 or Esc x3 pressed while the interface thread was deriving a key was lost,
and the window stayed up. Each slow operation (the key derivation of "Remember my settings" and of
"Use my saved settings", preparing a large language, building the search index) is made to take
six seconds here; the keys are sent with ``xdotool`` (real X events, as a keyboard's) while it
runs, and the process must be gone within one second. A dialog that blocks the interface thread
and then closes shows the native safety net: Qt drops a key meant for a window that closed, the
native filter does not; without the filter (the control run) the same keys are lost.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.privacy.test_no_trace import REPO, SCRIPT, fresh_user

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed (./dev test installs it)"),
]

WITHIN = 1.0  # seconds from the last key to the end of the process


@pytest.fixture
def launch():  # type: ignore[no-untyped-def]
    """Start the session script; every process is ended and its pipes closed afterwards."""
    started: list[subprocess.Popen[bytes]] = []

    def run(tmp_path: Path, mode: str, display: str) -> subprocess.Popen[bytes]:
        process = start(tmp_path, mode, display)
        started.append(process)
        return process

    yield run
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()


def start(tmp_path: Path, mode: str, display: str) -> subprocess.Popen[bytes]:
    env, _folders = fresh_user(tmp_path)
    env.update(
        PATH=os.environ.get("PATH", "/usr/bin:/bin"),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="xcb",
        DISPLAY=display,
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(REPO),
    )
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), mode], env=env, cwd=_folders[-1], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )


def wait_for(process: subprocess.Popen[bytes], kind: str, limit: float = 60.0) -> dict:
    assert process.stdout is not None
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith(b"{"):
            event = json.loads(line)
            if event["kind"] == kind:
                return event
            assert event["kind"] != "script-error", event
    process.kill()
    raise AssertionError(f"no {kind!r} from the script (set NAVIGATOR_DEBUG=1 and run session_script.py to see why)")


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True, capture_output=True, timeout=10)


def press_keys(display: str, window: int, keys: str) -> float:
    xdotool(display, "windowfocus", "--sync", str(window))
    if keys == "f12":
        xdotool(display, "key", "F12")
    else:
        xdotool(display, "key", "--delay", "120", "Escape", "Escape", "Escape")
    return time.monotonic()


def gone_after(process: subprocess.Popen[bytes], since: float, limit: float) -> float | None:
    """Seconds from ``since`` until the process ended, or None if it still runs after ``limit``."""
    try:
        process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None
    return time.monotonic() - since


@pytest.mark.parametrize(
    ("what", "keys"),
    [("unlock", "f12"), ("unlock", "esc"), ("remember", "f12"), ("language", "f12"), ("search", "esc")],
)
def test_keys_end_navigator_during_slow_work(tmp_path, xvfb, launch, what, keys):
    process = launch(tmp_path, f"slow:{what}", xvfb)
    ready = wait_for(process, "ready")
    pressed = press_keys(xvfb, ready["window"], keys)
    assert pressed - ready["at"] < 4.0, "the keys came after the slow work: this proves nothing"
    took = gone_after(process, pressed, 5.0)
    assert took is not None and took < WITHIN, f"{what}: still running {took} s after the keys"
    assert process.returncode == 0


def test_the_native_safety_net_catches_keys_qt_drops(tmp_path, xvfb, launch):
    """The interface thread blocks for 2 s, then the dialog closes: Qt drops the key meant for it."""
    process = launch(tmp_path / "net", "busy-dialog", xvfb)
    ready = wait_for(process, "ready")
    press_keys(xvfb, ready["window"], "f12")
    took = gone_after(process, time.monotonic(), 6.0)
    assert took is not None, "the key pressed while the interface was busy was lost"
    assert process.returncode == 0

    control = launch(tmp_path / "control", "busy-dialog-no-native", xvfb)
    ready = wait_for(control, "ready")
    press_keys(xvfb, ready["window"], "f12")
    wait_for(control, "busy-end")
    # Without the native filter the key is lost: the program is still there well after the block.
    assert gone_after(control, time.monotonic(), 3.0) is None
