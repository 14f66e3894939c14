"""UI fixtures: a real main window over the shipped content."""

from __future__ import annotations

import pytest

from tests.ui.windows import delete_window, shown_window


@pytest.fixture
def window(qtbot):
    from navigator.app import build_window

    yield from shown_window(qtbot, build_window(locale="en"))


@pytest.fixture
def more_windows(qtbot):
    """Show another window in a test (a second start of Navigator, say); it is deleted afterwards."""
    made = []

    def show(window):  # type: ignore[no-untyped-def]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield show
    for window in made:
        delete_window(window)


@pytest.fixture(autouse=True)
def _privacy_sandbox(monkeypatch, tmp_path):
    """No UI test ends the event loop for real (quick exit) or touches the real settings folder.

    ``quick_exits`` lists each time quick exit would have ended the process.
    """
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from navigator import APP_NAME
    from navigator.ui import quick_exit

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    exits: list[bool] = []
    monkeypatch.setattr(quick_exit, "_terminate", lambda: exits.append(True))
    hooks = list(quick_exit._forget_hooks)
    yield exits
    quick_exit._forget_hooks[:] = hooks
    app = QApplication.instance()
    if app is not None:
        app.setApplicationDisplayName(APP_NAME)
        app.setWindowIcon(QIcon())


@pytest.fixture
def quick_exits(_privacy_sandbox):
    return _privacy_sandbox
