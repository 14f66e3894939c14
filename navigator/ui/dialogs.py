"""Every message box and save dialog Navigator shows, built one way (the idea of qutebrowser's msgbox).

Saving a file the person asked for: a fresh save dialog every time, a safe write, a clear error.
Qt's own file dialog remembers the last folder and a history of folders in a settings file
(``QtProject.conf``), shared by every Qt program on the computer. That is a trace, and a
remembered path is one too. Before our dialog opens, Qt's settings are pointed at a place that
cannot be written (``qt_hardening.settings_nowhere``), so nothing is read from or written to that
file; the dialog always starts in the home folder with a neutral file name ("plan.pdf", not the
app's name).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import shiboken6
from PySide6.QtCore import QDir, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QWidget

from navigator import APP_NAME
from navigator.i18n import _
from navigator.privacy.files import write_whole
from navigator.ui import qt_hardening


def plain_box(box: QMessageBox, text: str, informative: str = "") -> None:
    """A message box's words as plain text: Qt reads words that look like HTML as HTML (an address,
    a name from content), and would read an ``<img>`` in them from the disk (security review F4)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
        shown = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if shown is not None:
            shown.setTextFormat(Qt.TextFormat.PlainText)


def inform(parent: QWidget, text: str) -> None:
    """Something to know, with one button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(APP_NAME)
    plain_box(box, text)
    box.exec()


def ask(
    parent: QWidget,
    *,
    title: str,
    text: str,
    yes: str,
    no: str,
    informative: str = "",
    default: Literal["yes", "no"] | None = None,
    destructive: bool = False,
) -> bool:
    """A question with two answers; True when the person chose ``yes``. Closing the box means no.

    The safe answer (``no``: "Keep working", "Stay here") always has the focus and is what Enter
    presses; ``yes`` takes a click, or Tab then Space (UX review F04, F31). ``default`` is kept for
    callers and no longer changes that. The title is the box's first line (and its accessible
    name): window titles are the program's name alone (``display.ConstantTitles``). Like every
    dialog, the box has its own Quick exit (``quick_exit.DialogExits``).
    """
    del default  # the safe answer is the default, always
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setAccessibleName(title)
    plain_box(box, title, "\n\n".join(part for part in (text, informative) if part))
    go = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    go.setAutoDefault(False)  # Enter on a focused "yes" presses the safe default instead
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    keep.setFocus()
    box.exec()
    return box.clickedButton() is go


def choose(parent: QWidget, *, title: str, text: str, informative: str, choices: list[tuple[str, str]], default: str) -> str:
    """A question with several answers, each ``(key, words)``; returns the key chosen. The last
    choice is the cancel (Esc, or closing the box); ``default`` is the one Enter picks."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    plain_box(box, text, informative)
    buttons = {}
    for index, (key, words) in enumerate(choices):
        role = QMessageBox.ButtonRole.RejectRole if index == len(choices) - 1 else QMessageBox.ButtonRole.AcceptRole
        buttons[key] = box.addButton(words, role)
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[choices[-1][0]])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), choices[-1][0])


def warn(parent: QWidget, text: str, informative: str = "") -> None:
    """Something did not work: say what, and what is still fine."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    plain_box(box, text, informative)
    box.exec()


def ask_save_path(parent: QWidget, title: str, file_name: str, file_filter: str, suffix: str) -> Path | None:
    """A save dialog that starts in the home folder and remembers nothing; None if cancelled."""
    # Again here, not only at start-up: this dialog stays safe whoever called it. Looked up on the
    # module, so the privacy tests' control run (Qt left unhardened) reaches this call too.
    qt_hardening.settings_nowhere()
    dialog = QFileDialog(parent, title, QDir.homePath(), file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(file_name)
    dialog.setHistory([])
    # The file's name has the focus (Qt gives it to the file list): type a name, press Enter.
    name_field = dialog.findChild(QLineEdit, "fileNameEdit")
    if name_field is not None:
        QTimer.singleShot(0, name_field.setFocus)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        # Destroyed now, not whenever its parent goes: Qt writes its history on destruction.
        shiboken6.delete(dialog)


def write_error_reason(exc: OSError) -> str:
    """Why a file could not be written, in plain words."""
    reasons = {
        errno.ENOSPC: _("The disk is full."),
        errno.EDQUOT: _("There is no space left for you on this disk."),
        errno.EACCES: _("Navigator is not allowed to save in that folder."),
        errno.EPERM: _("Navigator is not allowed to save in that folder."),
        errno.EROFS: _("That place cannot be written to (it is read-only)."),
        errno.ENOENT: _("That folder does not exist any more."),
        errno.EISDIR: _("That name belongs to a folder."),
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def save_bytes(parent: QWidget, path: Path, data: bytes, *, failed: Callable[[str], str], still_here: str) -> bool:
    """Write, or tell the person plainly why not. Nothing on screen is lost either way.

    ``failed(reason)`` is the headline of the message (it names what could not be saved: the plan,
    the letter); ``still_here`` says what is still on screen."""
    try:
        write_whole(path, data)
    except OSError as exc:
        warn(parent, failed(write_error_reason(exc)), still_here)
        return False
    return True
