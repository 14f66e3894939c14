"""How pages are reached: the ``Page`` base class, and the stack of pages with its history (Back).

A page that shows one thing among many (the item page) says how to come back to it with
``history_state()`` and ``restore()``, so Back returns to the very item, not only to the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from navigator.ui.main_window import MainWindow


class Page(QWidget):
    """A screen in the main window's stack. Subclasses build in ``__init__`` and set words in ``retranslate``."""

    name = "page"

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setObjectName("page")

    def retranslate(self) -> None:
        """Set every visible word again from the current catalog."""

    def shown(self) -> None:
        """Called each time the page comes to the front."""

    def heading(self) -> str:
        return ""

    def reset(self) -> None:
        """Forget anything this page holds about the person (session reset)."""

    def history_state(self) -> object:
        """What this page shows now, for Back to come back to (None: the page alone is enough)."""
        return None

    def restore(self, state: object) -> None:
        """Show ``state`` again (a value ``history_state()`` returned earlier)."""


class PageStack(QStackedWidget):
    """The pages by name, the one in front, and where Back goes."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, Page] = {}
        self.history: list[tuple[str, object]] = []

    def add(self, page: Page) -> None:
        self.pages[page.name] = page
        self.addWidget(page)

    def current(self) -> Page:
        page = self.currentWidget()
        assert isinstance(page, Page)
        return page

    def remember_current(self) -> None:
        """Note the page in front (and what it shows) so that Back returns to it."""
        if self.currentWidget() is not None:
            current = self.current()
            self.history.append((current.name, current.history_state()))

    def show_page(self, name: str, remember: bool = True) -> Page:
        page = self.pages[name]
        if remember:
            self.remember_current()
        self.setCurrentWidget(page)
        page.shown()
        return page

    def go_back(self) -> None:
        if not self.history:
            return
        name, state = self.history.pop()
        page = self.pages[name]
        if state is not None:
            page.restore(state)
        self.setCurrentWidget(page)
        page.shown()
