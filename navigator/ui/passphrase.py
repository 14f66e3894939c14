"""The two small passphrase dialogs of "Remember my settings": turn it on, and open saved settings.

They take what to do as two functions, so they know nothing of who keeps the settings: ``job``
(called on the interface thread with what was typed) returns the slow part, the key derivation
and the file, which runs in a worker thread; ``apply`` takes its result back on the interface
thread. While the work runs, the dialog stays open with its fields and buttons disabled (its Quick
exit is not), so the window keeps drawing and a Quick exit key is handled at once, never lost
(security review F1). Errors are said in the dialog, read out to screen readers at once, and
nothing typed is lost.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from navigator.i18n import _
from navigator.privacy.remembered import MIN_PASSPHRASE, DamagedFileError, NewerVersionError, RememberError, WrongPassphraseError
from navigator.ui.widgets import label
from navigator.ui.worker import Worker

# What the slow part of a dialog is: made on the interface thread, run in the worker.
Job = Callable[[], object]


def announce(widget: QLabel, text: str) -> None:
    """Show a message and have screen readers read it out at once."""
    widget.setText(text)
    widget.setAccessibleName(text)
    widget.setVisible(bool(text))
    if text:
        with contextlib.suppress(Exception):
            QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


class _PassphraseDialog(QDialog):
    """A small form: some words, one or two hidden text fields, an error line, two buttons."""

    def __init__(self, parent: QWidget, fields: int) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.text = label()
        layout.addWidget(self.text)
        self.fields: list[QLineEdit] = []
        self.field_labels: list[QLabel] = []
        for _index in range(fields):
            caption = QLabel()
            field = QLineEdit()
            field.setEchoMode(QLineEdit.EchoMode.Password)
            caption.setBuddy(field)
            layout.addWidget(caption)
            layout.addWidget(field)
            self.fields.append(field)
            self.field_labels.append(caption)
        self.error = label()
        self.error.setObjectName("error")
        self.error.setStyleSheet("font-weight: 600;")
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.reject)
        self.ok = QPushButton()
        self.ok.setObjectName("primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.try_accept)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        layout.addLayout(row)
        self.worker = Worker(self)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.working = False

    def try_accept(self) -> None:
        raise NotImplementedError

    def run(self, job: Job) -> None:
        """Run the slow part in the worker; the dialog waits, disabled, and the window stays alive."""
        self._set_working(True)
        announce(self.error, "")
        self.worker.start(job)

    def _set_working(self, on: bool) -> None:
        self.working = on
        for widget in (*self.fields, self.ok, self.cancel):
            widget.setEnabled(not on)
        if on:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _done(self, result: object) -> None:
        self._set_working(False)
        self.finish(result)

    def _failed(self, error: object) -> None:
        self._set_working(False)
        self.explain(error)

    def finish(self, result: object) -> None:
        raise NotImplementedError

    def explain(self, error: object) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        if self.working:
            return  # the file is being written: it finishes first (Quick exit still works)
        super().reject()


class RememberDialog(_PassphraseDialog):
    """Turn on "remember my settings": says exactly what is written and where, then asks for a passphrase."""

    def __init__(self, parent: QWidget, path: Path, job: Callable[[str, str], Job], apply: Callable[[object], None]) -> None:
        super().__init__(parent, fields=2)
        self.job = job
        self.apply = apply
        self.setWindowTitle(_("Remember my settings"))
        self.text.setText(
            _(
                "Navigator will save one file on this computer:\n{path}\n\nIt holds only your language, text size, contrast and window title choices. It is locked (encrypted) with a passphrase you choose now. Without the passphrase nobody can read it, but someone could see that the file exists.\n\nIf you forget the passphrase, the settings cannot be opened, but you can always delete them with “Forget everything”."
            ).format(path=path)
        )
        self.field_labels[0].setText(_("Passphrase (at least {count} characters)").format(count=MIN_PASSPHRASE))
        self.field_labels[1].setText(_("The same passphrase again"))
        self.fields[0].setAccessibleName(_("Passphrase"))
        self.fields[1].setAccessibleName(_("The same passphrase again"))
        self.ok.setText(_("Remember"))
        self.ok.setAccessibleName(_("Remember my settings"))
        self.cancel.setText(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel: save nothing"))

    def try_accept(self) -> None:
        self.run(self.job(self.fields[0].text(), self.fields[1].text()))

    def finish(self, result: object) -> None:
        self.apply(result)
        self.accept()

    def explain(self, error: object) -> None:
        if isinstance(error, RememberError):
            if str(error) == "different":
                announce(self.error, _("The two passphrases are not the same. Please type them again."))
            elif str(error) == "too common":
                announce(
                    self.error,
                    _(
                        "Many people use that passphrase, so it is easy to guess. Please choose another: a few words that mean something only to you work well."
                    ),
                )
            else:
                announce(self.error, _("Please use at least {count} characters.").format(count=MIN_PASSPHRASE))
        elif isinstance(error, OSError):
            announce(
                self.error, _("Navigator could not save the file ({reason}). Nothing was saved.").format(reason=error.strerror or error)
            )
        else:
            announce(self.error, _("Something went wrong. Nothing was saved."))


class UnlockDialog(_PassphraseDialog):
    """Open the saved settings with the passphrase. A wrong one changes nothing and deletes nothing."""

    def __init__(self, parent: QWidget, job: Callable[[str], Job], apply: Callable[[object], None]) -> None:
        super().__init__(parent, fields=1)
        self.job = job
        self.apply = apply
        self.setWindowTitle(_("Use my saved settings"))
        self.text.setText(_("Type the passphrase you chose when you turned on “Remember my settings”."))
        self.field_labels[0].setText(_("Passphrase"))
        self.fields[0].setAccessibleName(_("Passphrase"))
        self.ok.setText(_("Open"))
        self.ok.setAccessibleName(_("Open my saved settings"))
        self.cancel.setText(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel"))

    def try_accept(self) -> None:
        self.run(self.job(self.fields[0].text()))

    def finish(self, result: object) -> None:
        self.apply(result)
        self.accept()

    def explain(self, error: object) -> None:
        if isinstance(error, WrongPassphraseError):
            announce(self.error, _("That passphrase did not open your saved settings. Nothing was changed or deleted. Please try again."))
            self.fields[0].selectAll()
            self.fields[0].setFocus()
        elif isinstance(error, NewerVersionError):
            announce(
                self.error,
                _("Your saved settings were made by a newer version of Navigator, which this one cannot read. Nothing was changed."),
            )
        elif isinstance(error, DamagedFileError):
            announce(
                self.error,
                _(
                    "Your saved settings cannot be read: the file may be damaged. Nothing was changed. You can delete it with “Forget everything”."
                ),
            )
        else:
            announce(self.error, _("Something went wrong. Nothing was changed."))
