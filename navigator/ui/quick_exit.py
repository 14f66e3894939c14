"""Quick exit: hide every window at once, drop what the app put on the clipboard, quit.

It never asks "are you sure". Hiding happens first and synchronously, so the screen is clear
before anything else runs; quitting follows in the same event-loop turn.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication

# Text this process put on the clipboard, so quick exit clears only what is ours.
_ours: set[str] = set()
_forget_hooks: list[Callable[[], None]] = []


def copy_to_clipboard(text: str) -> None:
    """Copy text and remember that it is ours to clear."""
    QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)
    _ours.add(text)


def on_forget(hook: Callable[[], None]) -> None:
    """Register a function that discards in-memory state (answers, plan, drafts)."""
    _forget_hooks.append(hook)


def clear_owned_clipboard() -> None:
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        try:
            if clipboard.text(mode) in _ours:
                clipboard.clear(mode)
        except RuntimeError:
            pass
    _ours.clear()


def quick_exit() -> None:
    app = QApplication.instance()
    for window in QApplication.topLevelWidgets():
        window.hide()
    clear_owned_clipboard()
    for hook in list(_forget_hooks):
        with contextlib.suppress(Exception):
            hook()
    if app is not None:
        app.exit(0)
