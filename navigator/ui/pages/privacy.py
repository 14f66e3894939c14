"""The "About your privacy" screen: Navigator's promises in plain words, and the controls that go
with them (text size, contrast, plain window, start over, remember my settings).

What each promise rests on, and the test that proves it, is in PRIVACY.md.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from navigator.i18n import _
from navigator.ui import quick_exit
from navigator.ui.navigation import Page, Shell
from navigator.ui.privacy_controls import PrivacyController
from navigator.ui.widgets import FlowRow, WrappingCheckBox, column, label, scroll


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 18)
    layout.setSpacing(10)
    return frame, layout


class PrivacyPage(Page):
    name = "privacy"

    def __init__(self, shell: Shell, controller: PrivacyController) -> None:
        super().__init__(shell)
        self.controller = controller
        display = controller.display
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
        for index in range(6):
            frame, box = card()
            heading, text = label(name="heading"), label()
            box.addWidget(heading)
            box.addWidget(text)
            layout.addWidget(frame)
            self.promises.append((heading, text))
            if index == 2:
                # Learn Quick exit safely: the real thing, then a fresh Navigator opens (UX review F06).
                self.rehearse = QPushButton()
                self.rehearse.setObjectName("primary")
                self.rehearse.clicked.connect(quick_exit.rehearse)
                self.rehearse_note = label(name="muted")
                row = QHBoxLayout()
                row.addWidget(self.rehearse)
                row.addStretch(1)
                box.addLayout(row)
                box.addWidget(self.rehearse_note)

        # Display: text size and contrast.
        frame, box = card()
        self.display_heading = label(name="heading")
        self.size_label = label()
        sizes = FlowRow()  # on two lines when they do not fit (large text, narrow window)
        self.smaller = QPushButton()
        self.smaller.clicked.connect(display.text_smaller)
        self.bigger = QPushButton()
        self.bigger.clicked.connect(display.text_bigger)
        self.usual = QPushButton()
        self.usual.clicked.connect(display.text_usual)
        for button in (self.smaller, self.bigger, self.usual):
            sizes.addWidget(button)
        self.contrast = WrappingCheckBox()  # its words wrap: large text, long translations
        self.contrast.toggled.connect(display.set_high_contrast)
        box.addWidget(self.display_heading)
        box.addWidget(self.size_label)
        box.addLayout(sizes)
        box.addWidget(self.contrast)
        layout.addWidget(frame)

        # Discretion: a plain window; no notifications.
        frame, box = card()
        self.discretion_heading = label(name="heading")
        self.plain = WrappingCheckBox()
        self.plain.toggled.connect(display.set_plain_window)
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
        remember_row = FlowRow()
        for button in (self.remember_on, self.remember_unlock, self.remember_forget):
            remember_row.addWidget(button)
        box.addWidget(self.remember_heading)
        box.addWidget(self.remember_status)
        box.addLayout(remember_row)
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
        controller.changed.connect(self.sync)
        display.changed.connect(self.sync)

    def _done(self) -> None:
        if self.shell.can_go_back():
            self.shell.go_back()
        else:
            self.shell.go_home()

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
                _("No need to install it"),
                _(
                    "You can run Navigator from a USB stick or any folder, even one that cannot be written to, without installing it. It writes nothing on the computer it runs on, not even in its own folder."
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
        self.rehearse.setText(_("Try Quick exit now"))
        self.rehearse.setAccessibleName(_("Try Quick exit now: Navigator closes, then opens again here"))
        self.rehearse_note.setText(
            _(
                "Navigator closes at once, as it would in an emergency, and then opens again on its first screen. Everything you did here is forgotten, as with a real Quick exit."
            )
        )
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
        name = self.controller.display.neutral_name()
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
                "If you help several people on this computer, use “New person” between them. It clears everything: answers, the plan, letters, search, the pages that were open and what Navigator copied."
            )
        )
        self.start_over.setText(_("New person…"))
        self.start_over.setAccessibleName(_("New person: clear everything for the next person"))
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
        display = controller.display
        self.size_label.setText(_("Text size: {percent}%").format(percent=round(display.theme.scale * 100)))
        for box, on in ((self.contrast, display.high_contrast()), (self.plain, display.plain_window)):
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
