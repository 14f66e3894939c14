"""The accessibility bus, as a screen reader meets Navigator on a Linux desktop.

``desktop`` starts, for the whole test session, a private X server (Xvfb), a private session
D-Bus (``dbus-daemon --session``), and through it the AT-SPI bus and registry (at-spi2-core's
``at-spi-bus-launcher``, started by D-Bus on the first request, as on any desktop). Nothing of the
person's own desktop is used: the runtime folder and HOME are the test's.

``launch`` starts Navigator as a real process (``python -m navigator``, or the driver in
``app_driver.py``) on the real X11 platform with Qt's AT-SPI bridge on, waits until it is on the
accessibility bus, and gives its window the keyboard (there is no window manager to do it).
Tests then read and use it only through ``Tree`` (the AT-SPI client, ``atspi_client.py``, run with
the system's Python, where libatspi's bindings live).

When something these tests need is missing the tests are skipped, saying what to install; under
CI (``CI`` set) they fail instead, so CI cannot pass without them (``./dev test`` installs them).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
INSTALL = "apt-get install xvfb xdotool dbus-daemon at-spi2-core gir1.2-atspi-2.0 python3-gi"


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the accessibility tests cannot run in CI: {reason} ({INSTALL}; ./dev test installs them)")
    pytest.skip(f"{reason} ({INSTALL}; ./dev test installs them)")


class Client:
    """One AT-SPI client process: JSON lines in, JSON lines out."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(HERE / "atspi_client.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        hello = self._read()
        assert hello.get("ready"), hello

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the AT-SPI client ended")
        return dict(json.loads(line))

    def call(self, cmd: str, **args: Any) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **args}) + "\n")
        self.process.stdin.flush()
        reply = self._read()
        if not reply["ok"]:
            raise AssertionError(f"AT-SPI {cmd} failed: {reply['error']}")
        return reply["result"]

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
            self.process.stdin.flush()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@dataclass
class Desktop:
    env: dict[str, str]
    client: Client
    home: Path
    processes: list[subprocess.Popen[Any]] = field(default_factory=list)


def _start_x(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("Xvfb")
    if binary is None:
        unavailable("Xvfb is not installed")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [str(binary), "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1280x1024x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        unavailable("Xvfb did not start")
    return server, f":{number}"


def _start_bus(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("dbus-daemon")
    if binary is None:
        unavailable("dbus-daemon is not installed")
    read_end, write_end = os.pipe()
    # Its own process group: the services it starts (the AT-SPI bus and registry) end with it.
    bus = subprocess.Popen(
        [str(binary), "--session", "--nofork", f"--print-address={write_end}"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        address = pipe.readline().strip()
    if not address:
        bus.kill()
        unavailable("the session D-Bus did not start")
    return bus, address


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    if not Path(SYSTEM_PYTHON).exists():
        unavailable(f"{SYSTEM_PYTHON} is missing")
    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"],
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        unavailable("libatspi's Python bindings are missing")
    if shutil.which("xdotool") is None:
        unavailable("xdotool is not installed")
    root = tmp_path_factory.mktemp("a11y-desktop")
    runtime, home = root / "runtime", root / "home"
    runtime.mkdir(mode=0o700)
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "LANG": "C.UTF-8",
    }
    x_server, display = _start_x(env)
    env["DISPLAY"] = display
    bus, address = _start_bus(env)
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    client = None
    try:
        # The client's first request starts the accessibility bus (D-Bus activation), as a screen
        # reader's does; Qt joins it when it sees it (before or after Navigator starts).
        client = Client(env)
        client.call("apps")
        yield Desktop(env=env, client=client, home=home)
    finally:
        if client is not None:
            client.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(bus.pid, signal.SIGTERM)
        bus.wait(timeout=10)
        x_server.terminate()
        x_server.wait(timeout=10)


class Tree:
    """Navigator as a screen reader sees it: its accessibility tree, its actions, the keyboard."""

    def __init__(self, desktop: Desktop, process: subprocess.Popen[Any]) -> None:
        self.desktop = desktop
        self.client = desktop.client
        self.process = process
        self.pid = process.pid

    def root(self) -> dict[str, Any]:
        tree = self.client.call("tree", pid=self.pid)
        assert tree is not None, "Navigator is not on the accessibility bus"
        return dict(tree)

    def nodes(self, root: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Every showing node, in the tree's order (depth first), each with its ancestors' names."""
        found: list[dict[str, Any]] = []

        def walk(node: dict[str, Any], ancestors: list[dict[str, Any]]) -> None:
            node["ancestors"] = [(a["role"], a["name"]) for a in ancestors]
            found.append(node)
            for child in node["children"]:
                walk(child, [*ancestors, node])

        walk(root or self.root(), [])
        return found

    def find(self, role: str, name: str, timeout: float = 10.0) -> dict[str, Any]:
        """The showing node with this role and name (waiting for it to appear)."""
        deadline = time.monotonic() + timeout
        while True:
            for node in self.nodes():
                if node["role"] == role and node["name"] == name:
                    return node
            if time.monotonic() > deadline:
                shown = sorted({(n["role"], n["name"]) for n in self.nodes() if n["name"]})
                raise AssertionError(f"no {role} named {name!r}; showing: {shown}")
            time.sleep(0.2)

    def act(self, node: dict[str, Any], action: str = "Press") -> None:
        self.client.call("act", pid=self.pid, path=node["path"], action=action)

    def set_text(self, node: dict[str, Any], text: str) -> None:
        self.client.call("set_text", pid=self.pid, path=node["path"], text=text)

    def key(self, name: str) -> None:
        self.client.call("key", name=name)
        time.sleep(0.15)

    def type(self, text: str) -> None:
        self.client.call("type", text=text)
        time.sleep(0.2)

    def focused(self, timeout: float = 5.0) -> dict[str, Any]:
        """The node with the keyboard focus (as focus events told it), with its ancestors."""
        deadline = time.monotonic() + timeout
        while True:
            node = self.client.call("focused", pid=self.pid)
            if node is not None:
                by_path = {tuple(n["path"]): n for n in self.nodes()}
                found = by_path.get(tuple(node["path"]))
                if found is not None:
                    return {**node, "ancestors": found["ancestors"]}
            if time.monotonic() > deadline:
                raise AssertionError(f"nothing has the keyboard focus (last: {node})")
            time.sleep(0.1)

    def wait_focus(self, role: str, name: str, timeout: float = 5.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            node = self.client.call("focused", pid=self.pid)
            if node is not None and node["role"] == role and node["name"] == name:
                return dict(node)
            if time.monotonic() > deadline:
                raise AssertionError(f"focus is on {node and (node['role'], node['name'])}, not the {role} {name!r}")
            time.sleep(0.1)


def _wait_on_bus(desktop: Desktop, process: subprocess.Popen[Any], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"Navigator ended before it reached the accessibility bus (exit code {process.returncode})")
        if any(app["pid"] == process.pid for app in desktop.client.call("apps")):
            tree = desktop.client.call("tree", pid=process.pid)
            if tree and tree["children"] and tree["children"][0]["children"]:
                return
        time.sleep(0.2)
    raise AssertionError("Navigator did not appear on the accessibility bus")


def _give_keyboard(desktop: Desktop, process: subprocess.Popen[Any]) -> None:
    """What a window manager does for a new window: give it the keyboard focus."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid)], capture_output=True, text=True, env=desktop.env
        )
        windows = found.stdout.split()
        if windows:
            subprocess.run(["xdotool", "windowfocus", "--sync", windows[0]], env=desktop.env, check=True, timeout=10)
            return
        time.sleep(0.2)
    raise AssertionError("Navigator's window did not appear")


def start_navigator(desktop: Desktop, home: Path, driver: bool = False, **extra: str) -> Tree:
    """Navigator started for real (``python -m navigator``, or ``app_driver.py``), on the bus and
    with the keyboard; ``stop_navigator`` ends it."""
    env = {
        **desktop.env,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        **extra,
    }
    command = [sys.executable, str(HERE / "app_driver.py")] if driver else [sys.executable, "-m", "navigator"]
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE if driver else subprocess.DEVNULL,
        stdout=subprocess.PIPE if driver else subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    tree = Tree(desktop, process)
    try:
        if driver:
            assert process.stdout is not None
            hello = json.loads(process.stdout.readline() or "{}")
            assert hello.get("ready"), f"the driver did not start: {hello}"
        _wait_on_bus(desktop, process)
        _give_keyboard(desktop, process)
    except BaseException:
        stop_navigator(tree)
        raise
    return tree


def stop_navigator(tree: Tree) -> None:
    process = tree.process
    if process.poll() is None and process.stdin is not None and process.stdout is not None:
        with contextlib.suppress(OSError, ValueError, subprocess.TimeoutExpired):
            process.stdin.write('{"quit": true}\n')
            process.stdin.flush()
            process.wait(timeout=10)
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            pipe.close()


@pytest.fixture
def launch(desktop: Desktop, tmp_path: Path) -> Iterator[Any]:
    """``launch(driver=False, **env)``: Navigator started for real; returns its ``Tree``."""
    started: list[Tree] = []

    def start(driver: bool = False, **extra: str) -> Tree:
        tree = start_navigator(desktop, tmp_path, driver, **extra)
        started.append(tree)
        return tree

    yield start
    for tree in started:
        stop_navigator(tree)


@pytest.fixture(scope="module")
def driven(desktop: Desktop, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tree]:
    """One Navigator for a module, driven screen by screen (app_driver.py)."""
    tree = start_navigator(desktop, tmp_path_factory.mktemp("a11y-home"), driver=True)
    yield tree
    stop_navigator(tree)


def drive(tree: Tree, **request: Any) -> dict[str, Any]:
    """Send one command to ``app_driver.py`` and wait for its answer."""
    process = tree.process
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(json.dumps(request) + "\n")
    process.stdin.flush()
    line = process.stdout.readline()
    assert line, f"the driver ended (exit code {process.poll()})"
    answer = dict(json.loads(line))
    assert answer.get("ok"), answer
    return answer
