"""A simple list of content items under a heading: the doors' landing pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from navigator.core.models import Item, Kind, display_title
from navigator.i18n import _
from navigator.ui.language_notes import english_title, list_notice, shows_english
from navigator.ui.widgets import Page, column, label, scroll


class ListPage(Page):
    name = "list"

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        outer = column(self, margins=0)
        self.inner = QWidget()
        self.inner.setObjectName("page")
        self.layout_ = column(self.inner, margins=40, spacing=12)
        outer.addWidget(scroll(self.inner))
        self.title_fn: Callable[[], str] = lambda: ""
        self.intro_fn: Callable[[], str] = lambda: ""
        self.sections: list[tuple[Callable[[], str], Kind, Callable[[Item], bool]]] = []

    def configure(
        self, title: Callable[[], str], intro: Callable[[], str], sections: list[tuple[Callable[[], str], Kind, Callable[[Item], bool]]]
    ) -> None:
        self.title_fn, self.intro_fn, self.sections = title, intro, sections
        self.rebuild()

    def heading(self) -> str:
        return self.title_fn()

    def rebuild(self) -> None:
        while self.layout_.count():
            child = self.layout_.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.layout_.addWidget(label(self.title_fn(), "title"))
        intro = self.intro_fn()
        if intro:
            self.layout_.addWidget(label(intro, "subtitle"))
        library = self.window_.library
        shown = []
        for section_title, kind, keep in self.sections:
            items = sorted((i for i in library.all(kind) if keep(i)), key=lambda i: (getattr(i, "index", 100), display_title(i).casefold()))
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
                button = QPushButton(title)
                button.setAccessibleName(title)
                button.setObjectName("door")
                button.setStyleSheet("padding: 12px 18px;")
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                summary = getattr(item, "summary", "") or ""
                button.setAccessibleDescription(summary)
                button.setToolTip(summary)
                button.clicked.connect(lambda _c=False, k=kind, i=item.id: self.window_.open_item(k, i))
                self.layout_.addWidget(button)
        self.layout_.addStretch(1)

    def retranslate(self) -> None:
        self.rebuild()


def no_filter(_item: Item) -> bool:
    return True


__all__ = ["ListPage", "_", "no_filter"]
