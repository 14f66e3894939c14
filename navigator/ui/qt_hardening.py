"""Qt settings that keep Qt itself from writing anything, and from saying that Navigator ran.

``harden_qt`` runs before the QApplication exists: Qt's own dialogs (never the desktop's, which
add "recent documents" entries) and a settings location that cannot be created, so QFileDialog and
friends cannot write ``QtProject.conf``. ``install_guard`` keeps it that way for every dialog, asks
input methods not to learn from what is typed, and keeps every tooltip plain text. ``silence_qt_messages`` keeps Qt's warnings out
of the system log.

Proven by tests/privacy/test_no_trace.py and tests/ui/test_privacy_controls.py.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from navigator.privacy.process import NOWHERE
from navigator.ui import app_events
from navigator.ui.widgets import is_plain_tooltip, plain_tooltip


def harden_qt() -> None:
    """Before the QApplication exists: Qt's own dialogs only, and no settings file Qt can write."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    settings_nowhere()


def settings_nowhere() -> None:
    """Point Qt's settings (QFileDialog's folder history, QColorDialog's colours) at a folder that
    cannot be created, so they can be neither read nor written. Navigator itself never uses QSettings.

    Platform note: on Linux and other Unix systems this keeps the settings off the disk. On Windows
    and macOS Qt's native settings live in the registry / preferences, which this redirect does not reach."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, NOWHERE)


class Guard(QObject):
    """Application-wide watch for two things no single screen can promise on its own.

    - Text fields ask input methods not to learn from what is typed (ImhSensitiveData).
    - Every dialog, when shown, finds Qt's settings still pointing nowhere, even if some code
      pointed them elsewhere in between; Qt writes a file dialog's history when it closes.
    - Every tooltip is shown as plain text: Qt reads one that looks like HTML as HTML, and would
      read an ``<img>`` in it from the disk (security review F4).
    """

    EVENTS = (QEvent.Type.FocusIn, QEvent.Type.Show, QEvent.Type.ToolTipChange)  # all it acts on (app_events)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(watched, (QLineEdit, QTextEdit, QPlainTextEdit)):
            hints = watched.inputMethodHints()
            wanted = hints | Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
            if hints != wanted:
                watched.setInputMethodHints(wanted)
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog):
            settings_nowhere()
        elif kind == QEvent.Type.ToolTipChange and isinstance(watched, QWidget) and not is_plain_tooltip(watched.toolTip()):
            watched.setToolTip(plain_tooltip(watched.toolTip()))
        return False


_guard: Guard | None = None


def install_guard(app: QApplication) -> None:
    """Watch the application (once per process); a tooltip set before now is made plain here."""
    global _guard
    if _guard is None or _guard.parent() is not app:
        _guard = Guard(app)
        app_events.watch(app, _guard)
    for widget in app.allWidgets():
        tip = widget.toolTip()
        if tip and not is_plain_tooltip(tip):
            widget.setToolTip(plain_tooltip(tip))


def silence_qt_messages() -> None:
    """Qt's warnings go nowhere unless NAVIGATOR_DEBUG is set: a desktop may keep a program's
    error output in its system log, and even a harmless warning says that Navigator ran."""
    if os.environ.get("NAVIGATOR_DEBUG"):
        return
    qInstallMessageHandler(lambda *_args: None)
