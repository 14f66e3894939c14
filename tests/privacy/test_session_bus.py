"""With a real session bus, as on every desktop, Navigator starts no desktop portal (security
review F15), and still looks for the accessibility bus that screen readers use.

A private ``dbus-daemon`` stands in for the desktop's session bus. It can start a stand-in
``org.freedesktop.portal.Desktop`` on demand, as a desktop's bus starts the real one, and says so
in its log ("Activating service name='org.freedesktop.portal.Desktop' requested by ..."), which on
a systemd desktop goes to the journal with the command line of the program that asked.
``dbus-monitor`` records every message on the bus while Navigator runs on a real X11 display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.privacy.test_exit_under_load import wait_for
from tests.privacy.test_no_trace import REPO, SCRIPT, fresh_user

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dbus-daemon") is None or shutil.which("dbus-monitor") is None, reason="dbus-daemon, dbus-monitor"),
]

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={bus}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def session_bus(tmp_path):  # type: ignore[no-untyped-def]
    """A private session bus that can start a stand-in portal, and a monitor of all its messages."""
    folder = tmp_path / "bus"
    services = folder / "services"
    services.mkdir(parents=True)
    marker = folder / "portal-was-started"
    portal = folder / "portal.sh"
    portal.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    portal.chmod(0o755)
    (services / "org.freedesktop.portal.Desktop.service").write_text(
        f"[D-BUS Service]\nName=org.freedesktop.portal.Desktop\nExec={portal}\n"
    )
    config = folder / "session.conf"
    bus = folder / "socket"
    config.write_text(CONFIG.format(bus=bus, services=services))
    daemon_log = (folder / "daemon.log").open("wb")
    daemon = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork"], stdout=daemon_log, stderr=daemon_log)
    deadline = time.monotonic() + 10
    while not bus.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    address = f"unix:path={bus}"
    monitor_log = (folder / "monitor.log").open("wb")
    monitor = subprocess.Popen(
        ["dbus-monitor", "--address", address],
        stdout=monitor_log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address},
    )
    time.sleep(0.5)
    yield address, folder / "monitor.log", folder / "daemon.log", marker
    for process in (monitor, daemon):
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    monitor_log.close()
    daemon_log.close()


def run_navigator(tmp_path: Path, display: str, address: str, desktop: str) -> None:
    env, folders = fresh_user(tmp_path / desktop.replace(":", "-"))
    env.update(
        PATH=os.environ.get("PATH", "/usr/bin:/bin"),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="xcb",
        DISPLAY=display,
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(REPO),
        DBUS_SESSION_BUS_ADDRESS=address,
        XDG_CURRENT_DESKTOP=desktop,
        NAVIGATOR_TEST_GO=str(tmp_path / "go"),
    )
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), "identity:off"], env=env, cwd=folders[-1], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(process, "ready")
        time.sleep(2.0)  # what Qt asks at start is asked by now
        (tmp_path / "go").touch()
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stdout is not None
        process.stdout.close()


@pytest.mark.parametrize("desktop", ["GNOME", "ubuntu:GNOME", "KDE", "XFCE"])
def test_no_desktop_portal_is_asked_for_and_accessibility_stays(tmp_path, xvfb, session_bus, desktop):
    address, monitor_log, daemon_log, marker = session_bus
    run_navigator(tmp_path, xvfb, address, desktop)
    time.sleep(0.5)
    messages = monitor_log.read_text(errors="replace")
    assert "member=Hello" in messages, "the monitor saw nothing: this proves nothing"
    assert "org.freedesktop.portal" not in messages, [line for line in messages.splitlines() if "portal" in line]
    assert "Activating service" not in daemon_log.read_text(errors="replace")
    assert not marker.exists()
    # Screen readers: Navigator still looks for the accessibility bus.
    assert "org.a11y.Bus" in messages
