"""No module under navigator/ can reach the network, start programs, show notifications or keep
Qt settings: checked by reading every source file (ast), so it also covers code no test runs.

The running app is checked as well: tests/privacy/test_no_trace.py records every network, DNS and
subprocess event of a whole session with an audit hook (and strace where available).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "navigator"

NETWORK_MODULES = {
    "socket",
    "http",
    "urllib",
    "ssl",
    "requests",
    "httpx",
    "aiohttp",
    "urllib3",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "webbrowser",
    "asyncio",
    "websocket",
    "websockets",
}
QT_FORBIDDEN = {
    "QtNetwork",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebChannel",
    "QtDBus",
    "QtHttpServer",
    "QtRemoteObjects",
}
PROGRAM_MODULES = {"subprocess", "multiprocessing", "pty"}
PROGRAM_CALLS = {"system", "popen", "execv", "execve", "execl", "execlp", "execvp", "spawnv", "spawnl", "posix_spawn", "startfile", "fork"}
NAMES = {"QSystemTrayIcon": "no notifications", "QSettings": "no Qt settings", "QNetworkAccessManager": "no network"}
# Command-line tools for developers and translators are not part of the app's run.
TOOLING = {"cli/__init__.py", "cli/check.py", "cli/i18n.py", "cli/plan.py", "i18n/tools.py", "__main__.py"}
# The one place that points QSettings at a folder that cannot exist.
SETTINGS_ALLOWED = {"ui/qt_hardening.py"}
# The one place that starts a program: "Try Quick exit now" replaces Navigator with a new Navigator
# (``os.execv(sys.executable, ...)``, the command it was started with); nothing else, nowhere else.
RESTART_ALLOWED = {"ui/quick_exit.py"}


def _restarts_itself(node: ast.AST) -> bool:
    """``os.execv(sys.executable, ...)``: the program replacing itself with itself."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "execv"
        and bool(node.args)
        and ast.unparse(node.args[0]) == "sys.executable"
    )


def problems(
    source: str, name: str = "module.py", tooling: bool = False, settings_allowed: bool = False, restart_allowed: bool = False
) -> list[str]:
    found = []
    tree = ast.parse(source)
    itself = {id(call.func) for call in ast.walk(tree) if restart_allowed and _restarts_itself(call)}
    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called in ("__import__", "import_module"):
                modules = [node.args[0].value]
        for module in modules:
            parts = module.split(".")
            if parts[0] in NETWORK_MODULES:
                found.append(f"{name}:{node.lineno}: imports {module} (network)")
            if parts[0] == "PySide6" and any(p in QT_FORBIDDEN for p in parts[1:]):
                found.append(f"{name}:{node.lineno}: imports {module}")
            if parts[0] in PROGRAM_MODULES and not tooling:
                found.append(f"{name}:{node.lineno}: imports {module} (starts programs)")
        if (
            isinstance(node, ast.Attribute)
            and node.attr in PROGRAM_CALLS
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            and not tooling
            and id(node) not in itself
        ):
            found.append(f"{name}:{node.lineno}: os.{node.attr} starts programs")
        identifier = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
        if isinstance(node, ast.alias):
            identifier = node.name
        if identifier in NAMES and not (identifier == "QSettings" and settings_allowed):
            found.append(f"{name}:{getattr(node, 'lineno', 0)}: {identifier} ({NAMES[identifier]})")
    return found


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_there_is_something_to_check():
    assert len(sources()) > 10


def test_the_exceptions_name_files_that_exist():
    """A moved or renamed module must not keep an exception it no longer needs, or lose one silently."""
    for relative in TOOLING | SETTINGS_ALLOWED | RESTART_ALLOWED:
        assert (PACKAGE / relative).is_file(), relative


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_reaches_nothing_outside(path):
    relative = path.relative_to(PACKAGE).as_posix()
    found = problems(
        path.read_text(encoding="utf-8"),
        relative,
        tooling=relative in TOOLING,
        settings_allowed=relative in SETTINGS_ALLOWED,
        restart_allowed=relative in RESTART_ALLOWED,
    )
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "import socket",
        "import urllib.request",
        "from http import client",
        "from urllib.request import urlopen",
        "import ssl as s",
        "from PySide6 import QtNetwork",
        "from PySide6.QtNetwork import QNetworkAccessManager",
        "import PySide6.QtWebEngineWidgets",
        "import importlib\nimportlib.import_module('socket')",
        "__import__('requests')",
        "import subprocess",
        "import os\nos.system('notify-send hi')",
        "from PySide6.QtWidgets import QSystemTrayIcon",
        "from PySide6.QtCore import QSettings",
        "import PySide6.QtDBus",
    ],
)
def test_the_check_can_fail(source):
    assert problems(source) != []


def test_restarting_itself_is_allowed_only_there_and_only_itself():
    itself = "import os, sys\nos.execv(sys.executable, sys.orig_argv)\n"
    assert problems(itself, restart_allowed=True) == []
    assert problems(itself) != []  # anywhere else
    assert problems("import os\nos.execv('/bin/sh', ['sh'])\n", restart_allowed=True) != []  # another program


def test_ordinary_code_passes():
    assert problems("import os\nimport json\nfrom PySide6.QtWidgets import QLabel\nos.replace('a', 'b')\n") == []
