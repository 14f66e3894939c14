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
press reaches the filter; the first press still closes a dialog or menu as people expect. Under
it, a native event filter (``native_keys``) reads the same keys off the window system's queue and
feeds the same count, so a press is never lost when Qt drops it on its way to a window that closed
while the interface was busy (security review F1). Each press counts once.

The mouse: while a dialog is open, Qt lets no click reach the main window, so its red button
cannot be pressed. Every dialog therefore gets its own Quick exit button, in a strip along its top
that the dialog's own layout cannot cover (``DialogExits``): message boxes, file and print
dialogs, passphrase and case-file forms, whoever made them.

Quick exit forgets the session (``Session.clear()`` through the forget hooks) but redraws nothing:
the windows are already hidden and the process is about to end, so pages skip their reset while
``leaving()`` is true (security review F19).

The clipboard (security review F7): everything Navigator puts there goes through one function,
``copy_to_clipboard``, which marks it as sensitive in the ways each system honours
(``sensitive_formats``); a copy Qt's own widgets make (Ctrl+C or a mouse selection in a page) is
marked again the moment it arrives. What is still ours is cleared on Quick exit, on New person and
on a normal close (``aboutToQuit``), so nothing is left behind for a clipboard manager to keep.

``rehearse`` is "Try Quick exit now": the same exit, then Navigator starts again as a new
program, with the command it was started with and nothing else (no state is passed or written).

Proven by tests/ui/test_quick_exit.py and tests/privacy/test_no_trace.py.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
import types
import weakref
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from navigator.i18n import _
from navigator.ui import app_events, native_keys

# Esc presses needed, and the time they must fall within (seconds).
ESC_PRESSES = 3
ESC_WINDOW = 2.0

# Text this process put on the clipboard, so quick exit clears only what is ours.
_ours: set[str] = set()
# Each entry gives back its hook, or None once the hook's object is gone.
_forget_hooks: list[Callable[[], Callable[[], None] | None]] = []
_hard_exit = False
_forgetting = False
_leaving = False


def leaving() -> bool:
    """True while Quick exit runs: forget hooks drop what they hold and redraw nothing (F19)."""
    return _leaving


# What asks clipboard histories and the system not to keep a copy (security review F7).
# Linux and other X11 or Wayland desktops: KDE's hint, which Klipper, CopyQ and other managers read.
KDE_SECRET_HINT = "x-kde-passwordManagerHint"
# Windows: named clipboard formats, which Qt registers from this MIME type. Windows' clipboard
# history (Win+V) and cloud clipboard leave out a copy with CanIncludeInClipboardHistory or
# CanUploadToCloudClipboard set to a DWORD 0; monitoring programs are asked to skip one with
# ExcludeClipboardContentFromMonitorProcessing (its data is not read).
_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_DWORD_ZERO = bytes(4)
WINDOWS_FORMATS = {
    _WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"): _DWORD_ZERO,
    _WINDOWS_FORMAT.format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
    _WINDOWS_FORMAT.format("CanUploadToCloudClipboard"): _DWORD_ZERO,
}
# macOS reads org.nspasteboard.ConcealedType, a pasteboard type Qt cannot write from a MIME type
# (it only writes its own "com.trolltech.anymime" types); see PRIVACY.md.


def sensitive_formats(platform: str | None = None) -> dict[str, bytes]:
    """The formats that mark a copy as sensitive on ``platform`` (``sys.platform`` by default)."""
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return dict(WINDOWS_FORMATS)
    if platform == "darwin":
        return {}
    return {KDE_SECRET_HINT: b"secret"}


def sensitive_mime_data(text: str, platform: str | None = None) -> QMimeData:
    """``text`` as plain text, marked as sensitive in every way ``platform`` honours."""
    data = QMimeData()
    data.setText(text)
    for name, value in sensitive_formats(platform).items():
        data.setData(name, QByteArray(value))
    return data


def is_marked(data: QMimeData | None) -> bool:
    """True if ``data`` carries this system's sensitive marks (always True where there are none)."""
    return data is not None and all(data.hasFormat(name) for name in sensitive_formats())


def copy_to_clipboard(text: str, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
    """The one way Navigator copies: plain text, marked as sensitive, and remembered as ours to clear."""
    _ours.add(text)
    QGuiApplication.clipboard().setMimeData(sensitive_mime_data(text), mode)


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


_remarked: dict[QClipboard.Mode, tuple[str, float]] = {}
# Qt platforms whose clipboard lives inside the process and never says who owns it.
_NO_OWNERSHIP = frozenset({"offscreen", "minimal"})


def _note_change(mode: QClipboard.Mode) -> None:
    # Copies made by Qt's own widgets (Ctrl+C or a mouse selection in a page) are ours too, not
    # only copy_to_clipboard. Where the system can tell who owns the clipboard (X11, Windows,
    # macOS), ownership says so; a change while Navigator is the active program was made in it.
    # Such a copy carries no sensitive marks: it is put back at once, marked, through
    # copy_to_clipboard. Qt tells of a change as it is made, before the event loop runs again, so
    # a clipboard manager (which must ask this process for the data) only ever sees the marked one.
    clipboard = QGuiApplication.clipboard()
    with contextlib.suppress(RuntimeError):
        owns = clipboard.ownsClipboard() if mode == QClipboard.Mode.Clipboard else clipboard.ownsSelection()
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if not (owns or active) or _leaving:
            return
        text = clipboard.text(mode)
        if not text:
            return
        _ours.add(text)
        # Only a copy this process holds is put back, never another program's. (Qt's screenless
        # platforms cannot tell who holds it: there, the active program made the copy.)
        holds = owns or (active and QGuiApplication.platformName() in _NO_OWNERSHIP)
        if not holds or is_marked(clipboard.mimeData(mode)):
            return
        # Where a system does not show our own marks back, marking the same text again and again
        # would never end: once a second is enough.
        last = _remarked.get(mode)
        if last is not None and last[0] == text and time.monotonic() - last[1] < 1.0:
            return
        _remarked[mode] = (text, time.monotonic())
        copy_to_clipboard(text, mode)


def _note_clipboard_change() -> None:
    _note_change(QClipboard.Mode.Clipboard)


def _note_selection_change() -> None:
    _note_change(QClipboard.Mode.Selection)


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
    _remarked.clear()


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


def restart_command() -> list[str]:
    """The command Navigator was started with: the same program, the same arguments, nothing added."""
    if getattr(sys, "frozen", False):  # a packaged build: the executable is the program
        return [sys.executable, *sys.argv[1:]]
    return list(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))


def _start_again() -> None:
    """Replace this process with a new Navigator (the real app); in tests, only leave the loop."""
    if _hard_exit:
        command = restart_command()
        os.execv(sys.executable, command)  # Navigator itself, with the arguments it was given
    _terminate()


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


def _leave() -> None:
    global _leaving
    hide_everything()
    clear_owned_clipboard()
    _leaving = True
    try:
        forget_all()
    finally:
        _leaving = False


def quick_exit() -> None:
    _leave()
    _terminate()


def rehearse() -> None:
    """ "Try Quick exit now": exactly a Quick exit, then a fresh Navigator opens (nothing is passed on)."""
    _leave()
    _start_again()


class ExitKeys(QObject):
    """Application-wide: Esc three times quickly, or F12, means quick exit, wherever focus is."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presses: list[float] = []
        self.clock: Callable[[], float] = time.monotonic
        # Presses already counted from the window system (key, time stamp), so Qt's copy is not counted again.
        self.native_seen: list[tuple[int, int]] = []

    EVENTS = (QEvent.Type.KeyPress,)  # all it acts on (app_events)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Each real key press reaches the window (QWindow) first, then the focused widget and its
        # parents: counting it at the window counts every press once, whatever has focus. The
        # cheap tests first: this sees every event of the application (issue 17).
        if isinstance(watched, QWindow) and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            stamp = (int(event.key()), int(event.timestamp()))
            if stamp in self.native_seen:
                self.native_seen.remove(stamp)
                return False  # counted already, when it came off the window system's queue
            return self._key(int(event.key()))
        return False

    def native_key(self, key: native_keys.ExitKey, timestamp: int) -> None:
        """A press read by the native filter, before Qt knows where it goes."""
        qt_key = int(Qt.Key.Key_F12 if key is native_keys.ExitKey.F12 else Qt.Key.Key_Escape)
        self.native_seen = [*self.native_seen[-15:], (qt_key, timestamp)]
        self._key(qt_key)

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


class DialogExits(QObject):
    """Every dialog gets a Quick exit button of its own, in a strip along its top.

    Qt lets no click through to the main window while a dialog is open, so the main window's red
    button cannot help then. The strip is the dialog's top contents margin, which its own layout
    never covers, so this works for every dialog, including Qt's file and print dialogs.
    """

    NAME = "dialogQuickExit"
    GAP = 8
    # All it acts on (app_events).
    EVENTS = (QEvent.Type.Polish, QEvent.Type.Resize, QEvent.Type.LayoutDirectionChange, QEvent.Type.Show)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(watched, QDialog) and watched.isWindow():
            kind = event.type()
            if kind == QEvent.Type.Polish:
                self.add(watched)
            elif kind in (QEvent.Type.Resize, QEvent.Type.LayoutDirectionChange, QEvent.Type.Show):
                self.place(watched)
        return False

    def add(self, dialog: QDialog) -> QPushButton:
        found = dialog.findChild(QPushButton, self.NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        if isinstance(found, QPushButton):
            return found
        button = QPushButton(_("Quick exit (Esc ×3)"), dialog)
        button.setObjectName(self.NAME)
        button.setProperty("quickExit", True)
        button.setAccessibleName(_("Quick exit"))
        button.setAccessibleDescription(
            _("Closes Navigator at once and leaves nothing behind. Shortcut: press Esc three times quickly, or F12.")
        )
        button.setToolTip(_("Closes Navigator at once. Press Esc three times quickly, or F12."))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        # Never the button Enter presses: Enter belongs to the dialog's own (safe) default.
        button.setAutoDefault(False)
        button.setDefault(False)
        button.clicked.connect(quick_exit)
        hint = button.sizeHint()
        margins = dialog.contentsMargins()
        dialog.setContentsMargins(margins.left(), margins.top() + hint.height() + 2 * self.GAP, margins.right(), margins.bottom())
        dialog.setMinimumWidth(max(dialog.minimumWidth(), hint.width() + 4 * self.GAP))
        button.show()
        self.place(dialog)
        return button

    def place(self, dialog: QWidget) -> None:
        button = dialog.findChild(QPushButton, self.NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        if not isinstance(button, QPushButton):
            return
        hint = button.sizeHint()
        button.resize(hint)
        rtl = dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # Where the main window has it: the far end of the top, the left in right-to-left languages.
        x = self.GAP * 2 if rtl else dialog.width() - hint.width() - self.GAP * 2
        button.move(max(x, 0), self.GAP)
        button.raise_()


_keys: ExitKeys | None = None
_dialog_exits: DialogExits | None = None
_native: native_keys.NativeExitKeys | None = None


def install_exit_keys(app: QApplication) -> ExitKeys:
    """Install the key filters, the dialogs' Quick exit and the clipboard watch once per application."""
    global _keys, _dialog_exits, _native
    if _keys is None or _keys.parent() is not app:
        _keys = ExitKeys(app)
        app_events.watch(app, _keys)
        _dialog_exits = DialogExits(app)
        app_events.watch(app, _dialog_exits)
        if _native is not None:
            with contextlib.suppress(RuntimeError):
                app.removeNativeEventFilter(_native)
        _native = native_keys.install(app, _keys.native_key)  # held here: Qt does not keep it alive
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(_note_clipboard_change)
        clipboard.selectionChanged.connect(_note_selection_change)
        # A normal close clears what is still ours, as Quick exit does (security review F7); Qt
        # would otherwise hand it to a clipboard manager as it ends.
        app.aboutToQuit.connect(clear_owned_clipboard)
    return _keys
