"""Quick exit: hide every window at once, drop what the app put on the clipboard, forget, quit.

It never asks "are you sure". Hiding happens first and synchronously, inside the handler of the
click or key press, so the screen is clear before anything else runs. Then the clipboard is
cleared of anything Navigator put there, every ``on_forget`` hook discards its in-memory state,
and the process ends. When Navigator runs for real (``set_hard_exit(True)`` in ``app.run``) it
ends at once with ``os._exit``: no more Python or Qt code runs, so nothing can be written on the
way out, and Qt cannot hand the clipboard to a clipboard manager as it normally does at exit.

Keys (see PRIVACY.md for why): Esc pressed three times within two seconds, or F12 once. They are
caught by an application-wide event filter, so they work on every screen, in menus and inside
dialogs. Esc is never used as an ordinary shortcut in Navigator (a test checks this), so every
press reaches the filter; the first press still closes a dialog or menu as people expect.

Proven by tests/ui/test_quick_exit.py and tests/privacy/test_no_trace.py.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
import types
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication

# Esc presses needed, and the time they must fall within (seconds).
ESC_PRESSES = 3
ESC_WINDOW = 2.0

# Text this process put on the clipboard, so quick exit clears only what is ours.
_ours: set[str] = set()
# Each entry gives back its hook, or None once the hook's object is gone.
_forget_hooks: list[Callable[[], Callable[[], None] | None]] = []
_hard_exit = False
_forgetting = False


def copy_to_clipboard(text: str) -> None:
    """Copy text and remember that it is ours to clear."""
    QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)
    _ours.add(text)


def on_forget(hook: Callable[[], None], owner: QObject | None = None) -> Callable[[], None]:
    """Register a function that discards in-memory state (answers, plan, drafts); returns the
    function that unregisters it.

    A method is held weakly, so a hook never keeps its object alive; with an ``owner``, the hook
    also goes when the owner is destroyed (its Python object may outlive it).
    """
    if isinstance(hook, types.MethodType):
        entry: Callable[[], Callable[[], None] | None] = weakref.WeakMethod(hook)
    else:

        def entry() -> Callable[[], None] | None:
            return hook

    _forget_hooks.append(entry)
    remove = functools.partial(_discard, entry)
    if owner is not None:
        owner.destroyed.connect(lambda *_args: remove())
    return remove


def _discard(entry: Callable[[], Callable[[], None] | None]) -> None:
    if entry in _forget_hooks:
        _forget_hooks.remove(entry)


def forget_all() -> None:
    """Run every forget hook once; a failing hook never stops the others."""
    global _forgetting
    if _forgetting:
        return
    _forgetting = True
    try:
        for entry in list(_forget_hooks):
            hook = entry()
            if hook is None:
                _discard(entry)
                continue
            with contextlib.suppress(Exception):
                hook()
    finally:
        _forgetting = False


def _note_clipboard_change() -> None:
    # Copies made by Qt's own widgets (Ctrl+C in a page) are ours too, not only copy_to_clipboard.
    # A change while Navigator is the active program was made in Navigator; where the system can
    # tell who owns the clipboard (X11, Windows, macOS), ownership says so as well.
    clipboard = QGuiApplication.clipboard()
    with contextlib.suppress(RuntimeError):
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if clipboard.ownsClipboard() or active:
            _ours.add(clipboard.text(QClipboard.Mode.Clipboard))


def clear_owned_clipboard() -> None:
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    for mode in modes:
        with contextlib.suppress(RuntimeError):
            owns = clipboard.ownsClipboard() if mode == QClipboard.Mode.Clipboard else clipboard.ownsSelection()
            if owns or clipboard.text(mode) in _ours:
                clipboard.clear(mode)
    _ours.clear()


def set_hard_exit(on: bool) -> None:
    """End the process at once on quick exit (the real app), rather than only leave the event loop (tests)."""
    global _hard_exit
    _hard_exit = on


def _terminate() -> None:
    if _hard_exit:
        os._exit(0)
    app = QApplication.instance()
    if app is not None:
        app.exit(0)


def hide_everything() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.hide()
    for window in QGuiApplication.allWindows():
        if window.isVisible():
            window.hide()
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        # Send the hide requests to the window system now, not at the next turn of the loop.
        with contextlib.suppress(Exception):
            app.sync()


def quick_exit() -> None:
    hide_everything()
    clear_owned_clipboard()
    forget_all()
    _terminate()


class ExitKeys(QObject):
    """Application-wide: Esc three times quickly, or F12, means quick exit, wherever focus is."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presses: list[float] = []
        self.clock: Callable[[], float] = time.monotonic

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        # Each real key press reaches the window (QWindow) first, then the focused widget and its
        # parents: counting it at the window counts every press once, whatever has focus.
        if kind == QEvent.Type.KeyPress and isinstance(watched, QWindow) and isinstance(event, QKeyEvent):
            return self._key(event.key())
        return False

    def _key(self, key: int) -> bool:
        if key == Qt.Key.Key_F12:
            self.presses.clear()
            quick_exit()
            return True
        if key != Qt.Key.Key_Escape:
            self.presses.clear()
            return False
        now = self.clock()
        self.presses = [t for t in self.presses if now - t <= ESC_WINDOW] + [now]
        if len(self.presses) >= ESC_PRESSES:
            self.presses.clear()
            quick_exit()
            return True
        return False  # the press goes on: it still closes a dialog or a menu


_keys: ExitKeys | None = None


def install_exit_keys(app: QApplication) -> ExitKeys:
    """Install the key filter and clipboard watch once per application."""
    global _keys
    if _keys is None or _keys.parent() is not app:
        _keys = ExitKeys(app)
        app.installEventFilter(_keys)
        QGuiApplication.clipboard().dataChanged.connect(_note_clipboard_change)
    return _keys
