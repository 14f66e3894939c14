"""What other programs can read about Navigator's windows and process, on a real X11 display
(security review F8).

Any program on the same display can list the windows and read their properties (``xprop``,
``xwininfo``), and any program of the same user can list processes (``ps``, system monitors).
None of them may name Navigator: not the WM_CLASS of the window or of a dialog, not the
desktop-file id, not Qt's hidden "client leader" and clipboard windows, not the process name.
With the plain window on, the titles say "Notes" too, so nothing a window shows names Navigator.
What cannot be hidden (the command line) is in PRIVACY.md, and checked here to be as it says.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.privacy.test_exit_under_load import wait_for
from tests.privacy.test_no_trace import REPO, SCRIPT, fresh_user

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("xprop") is None or shutil.which("xwininfo") is None, reason="xprop and xwininfo (x11-utils)"),
]

NAME = re.compile("navigator", re.IGNORECASE)


@pytest.fixture
def navigator(tmp_path, xvfb):  # type: ignore[no-untyped-def]
    """Start the identity session (plain window on or off); ended afterwards."""
    started: list[subprocess.Popen[bytes]] = []

    def start(plain: bool) -> tuple[subprocess.Popen[bytes], dict]:
        env, folders = fresh_user(tmp_path / ("plain" if plain else "usual"))
        env.update(
            PATH=os.environ.get("PATH", "/usr/bin:/bin"),
            LANG="C.UTF-8",
            QT_QPA_PLATFORM="xcb",
            DISPLAY=xvfb,
            PYTHONDONTWRITEBYTECODE="1",
            PYTHONPATH=str(REPO),
            NAVIGATOR_TEST_GO=str(tmp_path / "go"),
        )
        process = subprocess.Popen(
            [sys.executable, str(SCRIPT), f"identity:{'on' if plain else 'off'}"],
            env=env,
            cwd=folders[-1],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        return process, wait_for(process, "ready")

    yield start
    (tmp_path / "go").touch()
    for process in started:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        assert process.stdout is not None
        process.stdout.close()


def x11(display: str, *command: str) -> str:
    done = subprocess.run(command, env={**os.environ, "DISPLAY": display}, capture_output=True, timeout=20, check=True)
    return done.stdout.decode("utf-8", "replace")


def windows_of(display: str, pid: int) -> dict[str, str]:
    """Every window of the display whose properties say it belongs to ``pid``, or that points at
    one (the hidden client leader), with all its properties as ``xprop`` prints them."""
    ids = re.findall(r"^\s+(0x[0-9a-f]+)", x11(display, "xwininfo", "-root", "-tree"), re.MULTILINE)
    found = {}
    for window in ids:
        properties = x11(display, "xprop", "-id", window)
        if f"_NET_WM_PID(CARDINAL) = {pid}" in properties or "WM_CLIENT_LEADER" in properties or "Qt Selection Owner" in properties:
            found[window] = properties
    return found


@pytest.mark.parametrize("plain", [True, False], ids=["plain-window", "usual-window"])
def test_no_window_or_process_name_says_navigator(xvfb, navigator, plain):
    process, ready = navigator(plain)
    tree = x11(xvfb, "xwininfo", "-root", "-tree")
    windows = windows_of(xvfb, ready["pid"])
    main, dialog = hex(ready["window"]), hex(ready["dialog"])
    assert main in windows and dialog in windows, (main, dialog, list(windows))
    leader = re.search(r"WM_CLIENT_LEADER\(WINDOW\): window id # (0x[0-9a-f]+)", windows[main])
    assert leader is not None and leader[1] in windows  # the hidden leader is looked at too
    for window in (main, dialog):
        properties = windows[window]
        assert 'WM_CLASS(STRING) = "notes", "notes"' in properties
        assert '_GTK_APPLICATION_ID(UTF8_STRING) = "notes"' in properties
        assert '_KDE_NET_WM_DESKTOP_FILE(UTF8_STRING) = "notes"' in properties
    if plain:
        # Nothing at all: every property of every window, and the tree of all windows.
        assert not NAME.search(tree), tree
        for window, properties in windows.items():
            assert not NAME.search(properties), (window, properties)
    else:
        # Only the titles say "Navigator" (the person has not asked for the plain window).
        for window, properties in windows.items():
            names = re.sub(r"^(WM_NAME|_NET_WM_NAME|WM_ICON_NAME|_NET_WM_ICON_NAME)\(.*$", "", properties, flags=re.MULTILINE)
            assert not NAME.search(names), (window, properties)
    # The process name (ps, top, system monitors).
    assert Path(f"/proc/{ready['pid']}/comm").read_text().strip() == "notes"
    assert x11(xvfb, "ps", "-o", "comm=", "-p", str(ready["pid"])).strip() == "notes"
    # What PRIVACY.md says cannot be hidden: the command line still holds how it was started.
    assert "session_script.py" in Path(f"/proc/{ready['pid']}/cmdline").read_bytes().decode()
    assert process.poll() is None
