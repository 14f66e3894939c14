"""Saving a file the person asked for: a fresh save dialog every time, a safe write, a clear error.

Qt's own file dialog remembers the last folder and a history of folders in a settings file
(``QtProject.conf``), shared by every Qt program on the computer. That is a trace, and a
remembered path is one too. Before our dialog opens, Qt's per-user settings are pointed at a
place that cannot be written, so nothing is read from or written to that file; the dialog always
starts in the home folder with a neutral file name ("plan.pdf", not the app's name).

Platform note: on Linux and other Unix systems this keeps the dialog's settings off the disk. On
Windows and macOS Qt keeps them in the registry / preferences, which this redirect does not reach.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDir, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from navigator import APP_NAME
from navigator.i18n import _
from navigator.privacy.files import write_whole

# A path under a file (not a folder) cannot be created, so Qt's settings can neither load nor save.
_NOWHERE = os.devnull + "/navigator-no-settings"


def settings_nowhere() -> None:
    """Point Qt's own per-user settings (file dialog history, last folder) at a place that cannot exist.

    The app does this once at start-up too (``navigator.ui.privacy_controls.harden_qt``); doing it again here
    keeps this dialog safe whoever called it, and it is never undone, because Navigator keeps no settings.
    """
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, _NOWHERE)


def ask_save_path(parent: QWidget, title: str, file_name: str, file_filter: str, suffix: str) -> Path | None:
    """A save dialog that starts in the home folder and remembers nothing; None if cancelled."""
    settings_nowhere()
    dialog = QFileDialog(parent, title, QDir.homePath(), file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(file_name)
    dialog.setHistory([])
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        # Destroyed now, not whenever its parent goes: Qt writes its history on destruction.
        shiboken6.delete(dialog)


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a half-written file is removed, never left."""
    write_whole(path, data)


def write_error_text(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: _("The disk is full."),
        errno.EDQUOT: _("There is no space left for you on this disk."),
        errno.EACCES: _("Navigator is not allowed to save in that folder."),
        errno.EPERM: _("Navigator is not allowed to save in that folder."),
        errno.EROFS: _("That place cannot be written to (it is read-only)."),
        errno.ENOENT: _("That folder does not exist any more."),
        errno.EISDIR: _("That name belongs to a folder."),
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return _("Your plan could not be saved there. {reason}").format(reason=reason)


def save_bytes(parent: QWidget, path: Path, data: bytes, still_here: str | None = None) -> bool:
    """Write, or tell the person plainly why not. Nothing on screen is lost either way.

    ``still_here`` says what is still on screen (the default names the plan)."""
    try:
        write_file(path, data)
    except OSError as exc:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        box.setText(write_error_text(exc))
        box.setInformativeText(still_here or _("Nothing is lost: your plan is still here. You can try another place, such as a USB stick."))
        box.exec()
        return False
    return True
