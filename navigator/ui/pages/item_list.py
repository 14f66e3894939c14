"""A simple list of content items under a heading: the doors' landing pages (``ui/doors.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from navigator.core.models import display_title
from navigator.ui.doors import ListDoor
from navigator.ui.language_notes import english_title, list_notice, shows_english
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import WrappingButton, column, label, plain_tooltip, scroll


class ListPage(Page):
    name = "list"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        outer = column(self, margins=0)
        self.inner = QWidget()
        self.inner.setObjectName("page")
        self.layout_ = column(self.inner, margins=40, spacing=12)
        outer.addWidget(scroll(self.inner))
        self.door = ListDoor(lambda: "", lambda: "", ())

    def show_list(self, door: ListDoor) -> None:
        self.door = door
        self.rebuild()

    def heading(self) -> str:
        return self.door.title()

    def rebuild(self) -> None:
        while self.layout_.count():
            child = self.layout_.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.layout_.addWidget(label(self.door.title(), "title"))
        intro = self.door.intro()
        if intro:
            self.layout_.addWidget(label(intro, "subtitle"))
        library = self.shell.library
        shown = []
        for section in self.door.sections:
            section_title, kind = section.title, section.kind
            items = sorted(
                (i for i in library.all(kind) if section.keep(i)), key=lambda i: (getattr(i, "index", 100), display_title(i).casefold())
            )
            shown.append((section_title, kind, items))
        note = list_notice(library, [(kind, i.id) for _t, kind, items in shown for i in items])
        if note:
            self.layout_.addWidget(label(note, "muted"))
        for section_title, kind, items in shown:
            if not items:
                continue
            self.layout_.addSpacing(8)
            self.layout_.addWidget(label(section_title(), "heading"))
            for item in items:
                title = display_title(item)
                if note and shows_english(library, kind, item.id):
                    title = english_title(title)
                button = WrappingButton(title, "door")  # a long law title wraps: no sideways scrolling (F23)
                # The theme's rule for a listed door (no padding of its own: its words have margins).
                # A style sheet on each button made every restyle touch each one again (issue 17).
                button.setProperty("listed", True)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                summary = getattr(item, "summary", "") or ""
                button.setAccessibleDescription(summary)
                button.setToolTip(plain_tooltip(summary))
                button.clicked.connect(lambda _c=False, k=kind, i=item.id: self.shell.open_item(k, i))
                self.layout_.addWidget(button)
                button.ensurePolished()  # measured at the theme's text size from the start
        self.layout_.addStretch(1)

    def retranslate(self) -> None:
        self.rebuild()
