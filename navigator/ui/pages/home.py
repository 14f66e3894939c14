"""The calm first screen: three doors, and a way to reach a person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from navigator.i18n import _, current_locale, review_status
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import column, label, scroll


class Door(QPushButton):
    """A large button with a title and a sentence that wrap, read as one control by screen readers."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("door")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 20, 22, 20)
        box.setSpacing(8)
        self.title_label = label(name="heading")
        self.text_label = label()
        for part in (self.title_label, self.text_label):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            part.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            box.addWidget(part)
        box.addStretch(1)

    def set_words(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)


class HomePage(Page):
    name = "home"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=48, spacing=20)
        self.title = label(name="title")
        self.subtitle = label(name="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        grid = QGridLayout()
        grid.setSpacing(20)
        self.doors: dict[str, Door] = {}
        for index, key in enumerate(("takedown", "rights", "support")):
            button = Door()
            button.setMinimumHeight(150)
            grid.setColumnStretch(index, 1)
            button.clicked.connect(lambda _checked=False, k=key: shell.open_door(k))
            grid.addWidget(button, 0, index)
            self.doors[key] = button
        layout.addLayout(grid)
        self.start = QPushButton()
        self.start.setObjectName("primary")
        self.start.clicked.connect(lambda: shell.open_door("guide"))
        # Keeping track of reports is for later, once the person is ready: a quiet second button.
        self.case = QPushButton()
        self.case.clicked.connect(lambda: shell.open_door("case"))
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.case)
        row.addStretch(1)
        layout.addLayout(row)
        self.comfort = label(name="muted")
        layout.addWidget(self.comfort)
        # Said plainly whenever the interface language is a machine-assisted draft (the .po header says so).
        self.draft_note = label(name="muted")
        layout.addWidget(self.draft_note)
        layout.addStretch(1)
        outer.addWidget(scroll(inner))

    def retranslate(self) -> None:
        self.title.setText(_("You are not alone. We can take this one step at a time."))
        self.subtitle.setText(_("Nothing you do here is saved or sent anywhere. Choose where to start."))
        words = {
            "takedown": (_("Get it taken down"), _("Save proof, then ask each site to remove it.")),
            "rights": (_("Understand my rights"), _("What the law says where you live.")),
            "support": (_("Find support"), _("People who can help, in your language.")),
        }
        for key, (title, text) in words.items():
            self.doors[key].set_words(title, text)
        self.start.setText(_("Help me make a plan"))
        self.start.setAccessibleDescription(_("A few gentle questions, one at a time, to build a plan for you."))
        self.case.setText(_("Keep track of my reports"))
        self.case.setAccessibleName(_("Keep track of my reports"))
        self.case.setAccessibleDescription(_("Your case file: where it is, what you reported, and when each site must answer."))
        self.comfort.setText(_("If it is fake, it is still abuse. It is not your fault."))
        self.draft_note.setText(
            _("The words in this language are a first draft made with help from a machine. A native speaker has not checked them yet.")
        )
        self.draft_note.setVisible(review_status(current_locale()) == "draft")
