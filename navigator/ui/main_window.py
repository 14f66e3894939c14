"""The main window: the top bar, a stack of pages, a help footer; and the one place pages are wired.

It builds the pages, opens them (doors, items, links, Back and Home), switches the language, and
starts over for a new person. Each job it delegates has its own module: ``topbar``, ``navigation``
(the stack and Back), ``doors``, ``links``, ``display`` and ``privacy_controls``.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QMainWindow, QPushButton, QVBoxLayout, QWidget

from navigator import APP_NAME, i18n
from navigator.core.library import Library
from navigator.core.models import Kind
from navigator.i18n import _
from navigator.ui import links
from navigator.ui.display import Display
from navigator.ui.doors import LIST_DOORS, ListDoor
from navigator.ui.navigation import Page, PageStack
from navigator.ui.pages.directory import DirectoryPage
from navigator.ui.pages.home import HomePage
from navigator.ui.pages.item import ItemPage
from navigator.ui.pages.item_list import ListPage
from navigator.ui.pages.letter import LetterPage
from navigator.ui.pages.plan import PlanPage
from navigator.ui.pages.privacy import PrivacyPage
from navigator.ui.pages.search import SearchBox, SearchPage
from navigator.ui.pages.wizard import WizardPage
from navigator.ui.privacy_controls import PrivacyController
from navigator.ui.qt_hardening import install_guard
from navigator.ui.quick_exit import clear_owned_clipboard, forget_all, install_exit_keys, on_forget, remove_forget_hook
from navigator.ui.theme import Theme
from navigator.ui.topbar import TopBar
from navigator.ui.widgets import label


class MainWindow(QMainWindow):
    def __init__(self, library: Library, theme: Theme) -> None:
        super().__init__()
        self.library = library
        self.theme = theme
        self.doors: dict[str, Callable[[], object]] = {}
        self.resize(1120, 760)
        self.setMinimumSize(640, 520)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # Privacy everywhere: quick-exit keys (Esc x3, F12) and the watch on dialogs and text fields.
        install_exit_keys(app)
        install_guard(app)

        self.display = Display(theme, self)
        self.search_box = SearchBox(self)
        self.topbar = TopBar(self, self.search_box)
        self.topbar.home_button.clicked.connect(self.go_home)
        self.topbar.back_button.clicked.connect(self.go_back)
        self.privacy = PrivacyController(self, self.display, library, self.topbar.menu_button)
        self.stack = PageStack()
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.topbar)
        root.addWidget(self.privacy.banner)  # just under the top bar
        root.addWidget(self.stack, 1)
        root.addWidget(self._build_footer())
        self.setCentralWidget(central)

        self.add_page(HomePage(self))
        self.add_page(ItemPage(self))
        self.add_page(ListPage(self))
        self.add_page(LetterPage(self))
        wizard = WizardPage(self)  # the guided questions and the plan they lead to
        self.add_page(wizard)
        self.add_page(PlanPage(self))
        self.add_page(DirectoryPage(self))
        self.add_page(SearchPage(self, self.search_box))
        self.add_page(PrivacyPage(self, self.privacy))

        for key, door in LIST_DOORS.items():
            self.doors[key] = functools.partial(self.show_list, door)
        self.doors["guide"] = wizard.open
        self.doors["support"] = lambda: self.show_page("directory")
        self.doors["privacy"] = lambda: self.show_page("privacy")

        self.display.changed.connect(self._display_changed)
        self.privacy.start_over_confirmed.connect(self.reset_session)
        self.privacy.about_requested.connect(lambda: self.open_door("privacy"))
        # Quick exit and start over forget what pages hold, and the key to the saved settings.
        self._forget = on_forget(self._forget_session)
        self.destroyed.connect(lambda *_a, hook=self._forget: remove_forget_hook(hook))

        i18n.on_change(self._language_changed)
        self.retranslate()
        self.show_page("home", remember=False)

    # --- building -----------------------------------------------------------------------

    def _build_footer(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("footer")
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 6, 20, 6)
        self.help_now = QPushButton()
        self.help_now.setObjectName("link")
        self.help_now.clicked.connect(lambda: self.open_door("support"))
        self.privacy_link = QPushButton()
        self.privacy_link.setObjectName("link")
        self.privacy_link.clicked.connect(lambda: self.open_door("privacy"))
        self.not_advice = label(name="muted", wrap=True)
        self.not_advice.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.help_now)
        row.addWidget(self.privacy_link)
        row.addWidget(self.not_advice, 1)
        return bar

    def add_page(self, page: Page) -> None:
        self.stack.add(page)

    @property
    def pages(self) -> dict[str, Page]:
        return self.stack.pages

    @property
    def history(self) -> list[tuple[str, object]]:
        return self.stack.history

    # --- navigation ---------------------------------------------------------------------

    def current_page(self) -> Page:
        return self.stack.current()

    def show_page(self, name: str, remember: bool = True) -> Page:
        page = self.stack.show_page(name, remember)
        self._update_chrome()
        return page

    def go_home(self) -> None:
        self.show_page("home")

    def go_back(self) -> None:
        self.stack.go_back()
        self._update_chrome()

    def open_door(self, key: str) -> None:
        self.doors[key]()

    def show_list(self, door: ListDoor) -> None:
        page = self.pages["list"]
        assert isinstance(page, ListPage)
        page.show_list(door)
        self.show_page("list")

    def open_item(self, kind: Kind, item_id: str) -> None:
        page = self.pages["item"]
        assert isinstance(page, ItemPage)
        if self.stack.currentWidget() is page:
            self.stack.remember_current()
            page.show_item(kind, item_id)
            self._update_chrome()
        else:
            page.show_item(kind, item_id)
            self.show_page("item")

    def open_letter(self, template_id: str) -> None:
        page = self.pages["letter"]
        assert isinstance(page, LetterPage)
        page.open_template(template_id)
        self.show_page("letter")

    def open_link(self, href: str) -> None:
        links.follow(self, self.library, href, self.open_item)

    # --- language and words -------------------------------------------------------------

    def _language_changed(self, locale: str) -> None:
        self.library.set_locale(locale)
        direction = Qt.LayoutDirection.RightToLeft if i18n.is_rtl(locale) else Qt.LayoutDirection.LeftToRight
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setLayoutDirection(direction)
        self.setLayoutDirection(direction)
        self.retranslate()

    def retranslate(self) -> None:
        self.display.retranslate()
        self._show_window_name()
        self.topbar.retranslate()
        self.privacy.retranslate()
        self.help_now.setText(_("Talk to someone now"))
        self.privacy_link.setText(_("About your privacy"))
        self.not_advice.setText(_("General information, not legal advice."))
        for page in self.pages.values():
            page.retranslate()
        self._update_chrome()

    def _show_window_name(self) -> None:
        """The program's name and icon as the person wants them shown (the plain window hides them)."""
        self.topbar.brand.setText(self.display.window_name())
        self.setWindowIcon(self.display.window_icon())

    def _display_changed(self) -> None:
        self._show_window_name()
        self.topbar.fit()
        self._update_chrome()

    def _update_chrome(self) -> None:
        page = self.stack.currentWidget()
        on_home = page is self.pages.get("home")
        self.topbar.back_button.setEnabled(bool(self.history) and not on_home)
        self.topbar.home_button.setEnabled(not on_home)
        heading = page.heading() if isinstance(page, Page) else ""
        self.setWindowTitle(f"{heading} — {APP_NAME}" if heading else APP_NAME)

    # --- a new person -------------------------------------------------------------------

    def _forget_session(self) -> None:
        """Quick exit and start over: drop what pages hold and the key to the saved settings."""
        for page in self.pages.values():
            with contextlib.suppress(Exception):
                page.reset()
        self.history.clear()
        self.privacy.forget_key()

    def reset_session(self) -> None:
        """Forget answers, plan and open pages; back to the home screen (advocates between clients)."""
        for page in self.pages.values():
            page.reset()
        self.history.clear()
        forget_all()  # state kept outside pages (registered with quick_exit.on_forget)
        clear_owned_clipboard()
        self.show_page("home", remember=False)
