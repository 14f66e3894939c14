"""UI fixtures: a real main window over the shipped content."""

from __future__ import annotations

import pytest


@pytest.fixture
def window(qtbot):
    from navigator.app import build_window

    win = build_window(locale="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
