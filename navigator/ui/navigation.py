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

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from navigator.ui.theme import Theme

if TYPE_CHECKING:  # only named: the window's shell opens before the content models load
    from navigator.core.library import Library
    from navigator.core.models import Kind
    from navigator.core.session import Session


class Shell(Protocol):
    """What a page may use of the window around it."""

    @property
    def library(self) -> Library: ...

    @property
    def theme(self) -> Theme: ...

    @property
    def session(self) -> Session: ...

    def has_content(self) -> bool:
        """False while the window is its shell: painted before the content is read (main_window.py)."""
        ...

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


class Pages(dict[str, Page]):
    """The pages built so far, by name. Asking for one that is not built yet builds it (``PageStack.later``);
    going through them (forgetting) goes through the built ones only.

    Asking for a page by name also brings its words up to date: after a language change only the
    page in front is retranslated at once, and each other page when it is next wanted (``stale``),
    so a switch late in a session costs one page, not every page built so far (issue 17).
    """

    def __init__(self, stack: PageStack) -> None:
        super().__init__()
        self.stack = stack
        self.stale: set[str] = set()  # built pages still in the words of an earlier language

    def __missing__(self, name: str) -> Page:
        return self.stack.build(name)

    def __getitem__(self, name: str) -> Page:
        page = super().__getitem__(name)
        if name in self.stale:
            self.stale.discard(name)
            page.retranslate()
        return page


def measure_again(page: QWidget) -> None:
    """Make Qt measure every part of ``page`` again before it is shown.

    Qt's layouts keep, for each widget, the height it needed for a width. Words changed while a
    page was hidden (a new language, a new text size, a new plan) reach the layout of their own
    card, but not the remembered height of the card in the page: the page then cuts a line
    (UX review F21). Forgetting those heights costs little next to showing a page.
    """
    for widget in page.findChildren(QWidget):
        widget.updateGeometry()


def measure_when_shown(page: QWidget) -> None:
    """``measure_again`` now, and once more when the page has been polished and laid out (the
    theme gives each word its text size only then)."""
    measure_again(page)
    QTimer.singleShot(0, lambda: measure_again(page) if shiboken6.isValid(page) and page.isVisible() else None)


class PageStack(QStackedWidget):
    """The pages by name, the one in front, and where Back goes.

    A page can be added built (``add``) or as a way to build it (``later``): it is then built the
    first time it is wanted, so that the window shows sooner and a page nobody opens costs nothing.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pages = Pages(self)
        self.history: list[tuple[str, object]] = []
        self.makers: dict[str, Callable[[], Page]] = {}
        self.names: list[str] = []  # every page, built or not, in the order they were added
        self.on_built: Callable[[Page], None] = lambda page: None
        self.dress: Callable[[QWidget], None] = lambda page: None  # the theme's sheet on each page (Theme.take_part)

    def add(self, page: Page) -> None:
        self.dress(page)
        self.pages[page.name] = page
        self.names.append(page.name)
        self.addWidget(page)

    def later(self, name: str, make: Callable[[], Page]) -> None:
        self.makers[name] = make
        self.names.append(name)

    def build(self, name: str) -> Page:
        """The page ``name``, built now if it was not yet (``KeyError`` for a name nobody added)."""
        if name in self.pages:
            return self.pages[name]
        page = self.makers.pop(name)()
        assert page.name == name, f"page {page.name!r} was added as {name!r}"
        self.dress(page)
        self.pages[name] = page
        self.addWidget(page)
        self.on_built(page)
        return page

    def retranslate(self) -> None:
        """The new language: the page in front now, every other built page when it is next wanted."""
        front = self.currentWidget()
        for name, page in list(dict.items(self.pages)):
            if page is front:
                self.pages.stale.discard(name)
                page.retranslate()
            else:
                self.pages.stale.add(name)

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
        measure_when_shown(page)
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
        measure_when_shown(page)
