"""How pages are reached: the ``Shell`` pages see, the ``Page`` base class, and the stack with its history.

A page knows the window only as a ``Shell``: the content, the theme, the person's session, and
the ways to move (open a page, an item, a link, a door; Back and Home). It never reaches another
page. When something on one page matters to another (the wizard is finished, the plan knows the
person's country), the page emits a signal, and the main window, the one place that knows every
page, connects it to the page that acts on it (the way Vorta's main window wires its tabs).

A page that shows one thing among many (the item page) says how to come back to it with
``history_state()`` and ``restore()``, so Back returns to the very item, not only to the page.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QStackedWidget, QWidget

from navigator.core.library import Library
from navigator.core.models import Kind
from navigator.core.session import Session
from navigator.ui.theme import Theme


class Shell(Protocol):
    """What a page may use of the window around it."""

    @property
    def library(self) -> Library: ...

    @property
    def theme(self) -> Theme: ...

    @property
    def session(self) -> Session: ...

    def current_page(self) -> Page: ...

    def show_page(self, name: str, remember: bool = True) -> Page: ...

    def open_item(self, kind: Kind, item_id: str) -> None: ...

    def open_link(self, href: str) -> None: ...

    def open_door(self, key: str) -> None: ...

    def open_letter(self, template_id: str) -> None: ...

    def can_go_back(self) -> bool: ...

    def go_back(self) -> None: ...

    def go_home(self) -> None: ...

    def update_chrome(self) -> None:
        """Say again what the window shows (its title, whether Back and Home can be used)."""


class Page(QWidget):
    """A screen in the main window's stack. Subclasses build in ``__init__`` and set words in ``retranslate``."""

    name = "page"

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        self.setObjectName("page")

    def retranslate(self) -> None:
        """Set every visible word again from the current catalog."""

    def shown(self) -> None:
        """Called each time the page comes to the front."""

    def heading(self) -> str:
        return ""

    def reset(self) -> None:
        """Show nothing of the person any more: called once when the session is cleared (start over, Quick exit)."""

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
