"""The "About your privacy" screen: Navigator's promises in plain words, and the controls that go
with them (text size, contrast, plain window, start over, remember my settings), plus the two small
passphrase dialogs of the opt-in.

What each promise rests on, and the test that proves it, is in PRIVACY.md.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from navigator.i18n import _
from navigator.privacy.remembered import MIN_PASSPHRASE, DamagedFileError, RememberError, WrongPassphraseError
from navigator.ui.widgets import Page, column, label, scroll

if TYPE_CHECKING:
    from navigator.ui.main_window import MainWindow
    from navigator.ui.privacy_controls import PrivacyController


def announce(widget: QLabel, text: str) -> None:
    """Show a message and have screen readers read it out at once."""
    widget.setText(text)
    widget.setAccessibleName(text)
    widget.setVisible(bool(text))
    if text:
        with contextlib.suppress(Exception):
            QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the passphrase is stretched into a key (about a quarter of a second)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 18)
    layout.setSpacing(10)
    return frame, layout


class PrivacyPage(Page):
    name = "privacy"

    def __init__(self, window: MainWindow, controller: PrivacyController) -> None:
        super().__init__(window)
        self.controller = controller
        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=16)
        self.title = label(name="title")
        self.intro = label(name="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)

        # The promises, each a heading and a few plain sentences.
        self.promises: list[tuple[QLabel, QLabel]] = []
        for _index in range(5):
            frame, box = card()
            heading, text = label(name="heading"), label()
            box.addWidget(heading)
            box.addWidget(text)
            layout.addWidget(frame)
            self.promises.append((heading, text))

        # Display: text size and contrast.
        frame, box = card()
        self.display_heading = label(name="heading")
        self.size_label = label()
        sizes = QHBoxLayout()
        self.smaller = QPushButton()
        self.smaller.clicked.connect(controller.text_smaller)
        self.bigger = QPushButton()
        self.bigger.clicked.connect(controller.text_bigger)
        self.usual = QPushButton()
        self.usual.clicked.connect(controller.text_usual)
        for button in (self.smaller, self.bigger, self.usual):
            sizes.addWidget(button)
        sizes.addStretch(1)
        self.contrast = QCheckBox()
        self.contrast.toggled.connect(controller.set_high_contrast)
        box.addWidget(self.display_heading)
        box.addWidget(self.size_label)
        box.addLayout(sizes)
        box.addWidget(self.contrast)
        layout.addWidget(frame)

        # Discretion: a plain window; no notifications.
        frame, box = card()
        self.discretion_heading = label(name="heading")
        self.plain = QCheckBox()
        self.plain.toggled.connect(controller.set_plain_window)
        self.plain_help = label(name="muted")
        box.addWidget(self.discretion_heading)
        box.addWidget(self.plain)
        box.addWidget(self.plain_help)
        layout.addWidget(frame)

        # Between two people.
        frame, box = card()
        self.start_heading = label(name="heading")
        self.start_text = label()
        self.start_over = QPushButton()
        self.start_over.clicked.connect(lambda: controller.start_over())
        row = QHBoxLayout()
        row.addWidget(self.start_over)
        row.addStretch(1)
        box.addWidget(self.start_heading)
        box.addWidget(self.start_text)
        box.addLayout(row)
        layout.addWidget(frame)

        # Remember my settings (opt-in, off by default).
        frame, box = card()
        self.remember_heading = label(name="heading")
        self.remember_status = label()
        self.remember_status.setObjectName("rememberStatus")
        self.remember_on = QPushButton()
        self.remember_on.clicked.connect(controller.ask_turn_on)
        self.remember_unlock = QPushButton()
        self.remember_unlock.clicked.connect(controller.ask_unlock)
        self.remember_forget = QPushButton()
        self.remember_forget.clicked.connect(controller.ask_forget)
        row = QHBoxLayout()
        for button in (self.remember_on, self.remember_unlock, self.remember_forget):
            row.addWidget(button)
        row.addStretch(1)
        box.addWidget(self.remember_heading)
        box.addWidget(self.remember_status)
        box.addLayout(row)
        layout.addWidget(frame)

        self.done = QPushButton()
        self.done.setObjectName("primary")
        self.done.clicked.connect(self._done)
        row = QHBoxLayout()
        row.addWidget(self.done)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        outer.addWidget(scroll(inner))

    def _done(self) -> None:
        if self.window_.history:
            self.window_.go_back()
        else:
            self.window_.go_home()

    def heading(self) -> str:
        return _("About your privacy")

    def shown(self) -> None:
        self.sync()

    def retranslate(self) -> None:
        self.title.setText(_("About your privacy"))
        self.intro.setText(
            _("Navigator is made to leave nothing behind on this computer and to send nothing anywhere. Here is what that means.")
        )
        words = [
            (
                _("Nothing is saved"),
                _(
                    "Navigator does not save your answers, your plan, the pages you read or your settings. When it closes, they are gone. The only exceptions are files you choose to save yourself, and your settings if you turn on “Remember my settings” below."
                ),
            ),
            (
                _("Nothing is sent"),
                _(
                    "Navigator never connects to the internet. It works the same with no connection. It does not count visits or send reports."
                ),
            ),
            (
                _("Quick exit"),
                _(
                    "Press Quick exit at the top, or press Esc three times quickly, or press F12. Navigator disappears at once, clears anything it copied, forgets everything and closes. It does not ask first."
                ),
            ),
            (
                _("Links open only when you say yes"),
                _(
                    "Web links, phone numbers and email addresses open in other programs only after you agree. Your web browser may keep a history of the pages you visit. A private or incognito window keeps less."
                ),
            ),
            (
                _("What Navigator cannot hide"),
                _(
                    "Someone who can see your screen, or who has put spying software on this computer, may see what you do. The computer itself may show that Navigator was opened, for example in a list of recent programs. Files you save stay until you delete them. Some programs keep a history of copied text."
                ),
            ),
        ]
        for (heading, text), (title, body) in zip(self.promises, words, strict=True):
            heading.setText(title)
            text.setText(body)
        self.display_heading.setText(_("Display"))
        self.smaller.setText(_("Smaller text"))
        self.smaller.setAccessibleName(_("Smaller text"))
        self.bigger.setText(_("Larger text"))
        self.bigger.setAccessibleName(_("Larger text"))
        self.usual.setText(_("Usual size"))
        self.usual.setAccessibleName(_("Usual text size"))
        self.contrast.setText(_("High contrast"))
        self.contrast.setAccessibleName(_("High contrast"))
        self.discretion_heading.setText(_("Discretion"))
        name = self.controller.neutral_name()
        self.plain.setText(_("Plain window title and icon"))
        self.plain.setAccessibleName(_("Plain window title and icon"))
        self.plain_help.setText(
            _(
                "The taskbar and the list of open windows show “{name}” and a plain icon instead of “Navigator”. Some desktops may still show the program's name in a few places. Navigator never shows notifications outside its window."
            ).format(name=name)
        )
        self.start_heading.setText(_("Between two people"))
        self.start_text.setText(
            _(
                "If you help several people on this computer, start over between them. This clears all answers, the plan and the pages that are open."
            )
        )
        self.start_over.setText(_("Start over for a new person…"))
        self.start_over.setAccessibleName(_("Start over for a new person"))
        self.remember_heading.setText(_("Remember my settings on this computer"))
        self.remember_on.setText(_("Remember my settings…"))
        self.remember_on.setAccessibleName(_("Remember my settings on this computer"))
        self.remember_unlock.setText(_("Use my saved settings…"))
        self.remember_unlock.setAccessibleName(_("Use my saved settings"))
        self.remember_forget.setText(_("Forget everything"))
        self.remember_forget.setAccessibleName(_("Forget everything: delete my saved settings"))
        self.done.setText(_("Done"))
        self.done.setAccessibleName(_("Done: go back"))
        self.sync()

    def sync(self) -> None:
        """Show the current state of every control (called whenever something changes)."""
        controller = self.controller
        self.size_label.setText(_("Text size: {percent}%").format(percent=round(controller.theme.scale * 100)))
        for box, on in ((self.contrast, controller.high_contrast()), (self.plain, controller.plain_window)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        path = str(controller.store.path)
        try:
            saved = controller.store.exists()
        except OSError:
            saved = False
        if controller.remembering():
            status = _(
                "On. Your language, text size, contrast and window title choices are saved in this file, locked with your passphrase: {path}. Changes are saved as you make them."
            ).format(path=path)
        elif saved:
            status = _(
                "Your saved settings are on this computer, locked: {path}. Open them with your passphrase to use them, or forget them."
            ).format(path=path)
        else:
            status = _(
                "Off: nothing is saved. If you turn this on, Navigator saves one small file: {path}. It holds only your language, text size, contrast and window title choices, locked with a passphrase you choose. Without the passphrase nobody can read it, but someone could see that the file exists."
            ).format(path=path)
        self.remember_status.setText(status)
        self.remember_status.setAccessibleName(status)
        self.remember_on.setVisible(not saved and not controller.remembering())
        self.remember_unlock.setVisible(saved and not controller.remembering())
        self.remember_forget.setVisible(saved or controller.remembering())


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

    def try_accept(self) -> None:
        raise NotImplementedError


class RememberDialog(_PassphraseDialog):
    """Turn on "remember my settings": says exactly what is written and where, then asks for a passphrase."""

    def __init__(self, parent: QWidget, controller: PrivacyController) -> None:
        super().__init__(parent, fields=2)
        self.controller = controller
        self.setWindowTitle(_("Remember my settings"))
        self.text.setText(
            _(
                "Navigator will save one file on this computer:\n{path}\n\nIt holds only your language, text size, contrast and window title choices. It is locked (encrypted) with a passphrase you choose now. Without the passphrase nobody can read it, but someone could see that the file exists.\n\nIf you forget the passphrase, the settings cannot be opened, but you can always delete them with “Forget everything”."
            ).format(path=controller.store.path)
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
        first, second = self.fields[0].text(), self.fields[1].text()
        try:
            with busy():
                self.controller.turn_on_remembering(first, second)
        except RememberError as exc:
            if str(exc) == "different":
                announce(self.error, _("The two passphrases are not the same. Please type them again."))
            else:
                announce(self.error, _("Please use at least {count} characters.").format(count=MIN_PASSPHRASE))
            return
        except OSError as exc:
            announce(self.error, _("Navigator could not save the file ({reason}). Nothing was saved.").format(reason=exc.strerror or exc))
            return
        self.accept()


class UnlockDialog(_PassphraseDialog):
    """Open the saved settings with the passphrase. A wrong one changes nothing and deletes nothing."""

    def __init__(self, parent: QWidget, controller: PrivacyController) -> None:
        super().__init__(parent, fields=1)
        self.controller = controller
        self.setWindowTitle(_("Use my saved settings"))
        self.text.setText(_("Type the passphrase you chose when you turned on “Remember my settings”."))
        self.field_labels[0].setText(_("Passphrase"))
        self.fields[0].setAccessibleName(_("Passphrase"))
        self.ok.setText(_("Open"))
        self.ok.setAccessibleName(_("Open my saved settings"))
        self.cancel.setText(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel"))

    def try_accept(self) -> None:
        try:
            with busy():
                self.controller.unlock(self.fields[0].text())
        except WrongPassphraseError:
            announce(self.error, _("That passphrase did not open your saved settings. Nothing was changed or deleted. Please try again."))
            self.fields[0].selectAll()
            self.fields[0].setFocus()
            return
        except DamagedFileError:
            announce(
                self.error,
                _(
                    "Your saved settings cannot be read: the file may be damaged. Nothing was changed. You can delete it with “Forget everything”."
                ),
            )
            return
        self.accept()
