"""The main window: top bar (home, back, language, Quick exit), a stack of pages, a help footer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from navigator import APP_NAME, i18n
from navigator.core.library import Library
from navigator.core.models import LINK_RE, Kind
from navigator.i18n import _
from navigator.ui.pages.directory import DirectoryPage
from navigator.ui.pages.home import HomePage
from navigator.ui.pages.item import ItemPage
from navigator.ui.pages.item_list import ListPage, no_filter
from navigator.ui.pages.letter import LetterPage
from navigator.ui.pages.plan import PlanPage
from navigator.ui.pages.search import SearchBox, SearchPage
from navigator.ui.pages.wizard import WizardPage
from navigator.ui.privacy_controls import allowed_link, open_outside
from navigator.ui.privacy_controls import install as install_privacy
from navigator.ui.quick_exit import clear_owned_clipboard, forget_all, quick_exit
from navigator.ui.theme import Theme
from navigator.ui.widgets import Page, label

KINDS = {k.value: k for k in Kind}


class MainWindow(QMainWindow):
    def __init__(self, library: Library, theme: Theme) -> None:
        super().__init__()
        self.library = library
        self.theme = theme
        self.history: list[tuple[str, object]] = []
        self.pages: dict[str, Page] = {}
        self.doors: dict[str, Callable[[], object]] = {}
        self.resize(1120, 760)
        self.setMinimumSize(640, 520)

        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_topbar())
        self.stack = QStackedWidget()
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
        self._default_doors()
        self.doors["guide"] = wizard.open
        self.doors["support"] = lambda: self.show_page("directory")

        # Privacy: quick-exit keys everywhere (Esc x3, F12), the "Privacy and display" menu, the
        # privacy page behind the "privacy" door, the plain window option (navigator/ui/privacy_controls.py).
        self.privacy = install_privacy(self)

        i18n.on_change(self._language_changed)
        self.retranslate()
        self.show_page("home", remember=False)

    # --- building -----------------------------------------------------------------------

    def _build_topbar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("topbar")
        rows = QVBoxLayout(bar)
        rows.setContentsMargins(20, 10, 20, 10)
        rows.setSpacing(8)
        row = QHBoxLayout()
        row.setSpacing(10)
        rows.addLayout(row)
        # On a narrow window (or with large text) search, settings and language move down here,
        # so the first row always has room for Quick exit (see PrivacyControls.fit_topbar).
        self.topbar_second = QWidget()
        self.topbar_row2 = QHBoxLayout(self.topbar_second)
        self.topbar_row2.setContentsMargins(0, 0, 0, 0)
        self.topbar_row2.setSpacing(10)
        self.topbar_second.hide()
        rows.addWidget(self.topbar_second)
        self.brand = label(APP_NAME, "brand", wrap=False)
        self.home_button = QPushButton()
        self.home_button.clicked.connect(self.go_home)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.language = QComboBox()
        self.language.currentIndexChanged.connect(self._language_picked)
        self.quick_exit_button = QPushButton()
        self.quick_exit_button.setObjectName("quickExit")
        self.quick_exit_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.quick_exit_button.clicked.connect(quick_exit)
        row.addWidget(self.brand)
        row.addSpacing(12)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        self.topbar_row = row
        self.search_box = SearchBox(self)
        row.addWidget(self.search_box)
        row.addStretch(1)
        row.addWidget(self.language)
        row.addWidget(self.quick_exit_button)
        return bar

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
        self.pages[page.name] = page
        self.stack.addWidget(page)

    def _default_doors(self) -> None:
        def show_list(title: Callable[[], str], intro: Callable[[], str], sections: list) -> None:  # type: ignore[type-arg]
            page = self.pages["list"]
            assert isinstance(page, ListPage)
            page.configure(title, intro, sections)
            self.show_page("list")

        self.doors["takedown"] = lambda: show_list(
            lambda: _("Get it taken down"),
            lambda: _("Save proof first. Then pick the place where you found it."),
            [
                (lambda: _("Guides"), Kind.ARTICLE, lambda a: a.topic in ("evidence", "removal", "hashing")),
                (lambda: _("Where it appears"), Kind.PLATFORM, no_filter),
                (lambda: _("Letters you can send"), Kind.NOTICE, no_filter),
            ],
        )
        self.doors["rights"] = lambda: show_list(
            lambda: _("Understand my rights"),
            lambda: _("Laws differ from place to place. This is general information, not legal advice."),
            [
                (lambda: _("Guides"), Kind.ARTICLE, lambda a: a.topic == "legal"),
                (lambda: _("Laws"), Kind.LAW, no_filter),
            ],
        )
        self.doors["support"] = lambda: show_list(
            lambda: _("Find support"),
            lambda: _("You do not have to do this alone. These services can help."),
            [
                (lambda: _("Organizations"), Kind.ORGANIZATION, no_filter),
                (lambda: _("Guides"), Kind.ARTICLE, lambda a: a.topic in ("support", "wellbeing", "safety")),
            ],
        )
        self.doors["guide"] = lambda: self.open_item(Kind.ARTICLE, "getting-it-removed")
        self.doors["privacy"] = lambda: self.open_item(Kind.ARTICLE, "about-navigator")

    # --- navigation ---------------------------------------------------------------------

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def show_page(self, name: str, remember: bool = True) -> Page:
        page = self.pages[name]
        if remember and self.stack.currentWidget() is not None:
            current = self.current_page()
            state = (current.kind, current.item_id) if isinstance(current, ItemPage) else None
            self.history.append((current.name, state))
        self.stack.setCurrentWidget(page)
        page.shown()
        self._update_chrome()
        return page

    def go_home(self) -> None:
        self.show_page("home")

    def go_back(self) -> None:
        while self.history:
            name, state = self.history.pop()
            page = self.pages[name]
            if isinstance(page, ItemPage) and isinstance(state, tuple):
                page.show_item(*state)
            self.stack.setCurrentWidget(page)
            page.shown()
            break
        self._update_chrome()

    def open_door(self, key: str) -> None:
        self.doors[key]()

    def open_item(self, kind: Kind, item_id: str) -> None:
        page = self.pages["item"]
        assert isinstance(page, ItemPage)
        if self.stack.currentWidget() is page:
            self.history.append(("item", (page.kind, page.item_id)))
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
        match = LINK_RE.fullmatch(href)
        if match:
            if match["kind"] in KINDS and self.library.resolve(href):
                self.open_item(KINDS[match["kind"]], match["id"])
            else:
                QMessageBox.information(self, APP_NAME, _("That page is not in this version of Navigator."))
            return
        if allowed_link(href):
            self.confirm_external(href)
            return
        QMessageBox.warning(
            self,
            APP_NAME,
            _("This link cannot be opened. Navigator only opens secure web pages (https), phone numbers and email addresses."),
        )

    def confirm_external(self, href: str) -> bool:
        """Hand a link to the system only after the person agrees; the browser keeps history."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Leave Navigator?"))
        box.setText(_("This opens outside Navigator:\n{link}").format(link=href))
        box.setInformativeText(
            _(
                "Your web browser may keep a record of the pages you visit. A private or incognito window keeps less. Someone who uses this computer could see its history."
            )
        )
        go = box.addButton(_("Open it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Stay here"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go)
        box.exec()
        if box.clickedButton() is go:
            open_outside(href)
            return True
        return False

    # --- language and words -------------------------------------------------------------

    def _fill_languages(self) -> None:
        # Every language with an interface catalog; its content falls back to English, page by page.
        locales = i18n.available_locales()
        self.language.blockSignals(True)
        self.language.clear()
        for loc in locales:
            self.language.addItem(i18n.language_name(loc), loc)
        index = self.language.findData(i18n.current_locale())
        self.language.setCurrentIndex(max(index, 0))
        self.language.blockSignals(False)

    def _language_picked(self, index: int) -> None:
        locale = self.language.itemData(index)
        if locale and locale != i18n.current_locale():
            i18n.set_locale(locale)

    def _language_changed(self, locale: str) -> None:
        self.library.set_locale(locale)
        direction = Qt.LayoutDirection.RightToLeft if i18n.is_rtl(locale) else Qt.LayoutDirection.LeftToRight
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setLayoutDirection(direction)
        self.setLayoutDirection(direction)
        self.retranslate()

    def retranslate(self) -> None:
        self._fill_languages()
        self.home_button.setText(_("Home"))
        self.back_button.setText(_("Back"))
        self.language.setAccessibleName(_("Language"))
        self.language.setToolTip(_("Language"))
        self.quick_exit_button.setText(_("Quick exit (Esc ×3)"))
        self.quick_exit_button.setAccessibleName(_("Quick exit"))
        self.quick_exit_button.setAccessibleDescription(
            _("Closes Navigator at once and leaves nothing behind. Shortcut: press Esc three times quickly, or F12.")
        )
        self.quick_exit_button.setToolTip(_("Closes Navigator at once. Press Esc three times quickly, or F12."))
        if hasattr(self, "privacy"):
            self.privacy.retranslate()
        self.help_now.setText(_("Talk to someone now"))
        self.privacy_link.setText(_("About your privacy"))
        self.not_advice.setText(_("General information, not legal advice."))
        for page in self.pages.values():
            page.retranslate()
        self._update_chrome()

    def _update_chrome(self) -> None:
        page = self.stack.currentWidget()
        on_home = page is self.pages.get("home")
        self.back_button.setEnabled(bool(self.history) and not on_home)
        self.home_button.setEnabled(not on_home)
        heading = page.heading() if isinstance(page, Page) else ""
        self.setWindowTitle(f"{heading} — {APP_NAME}" if heading else APP_NAME)

    def reset_session(self) -> None:
        """Forget answers, plan and open pages; back to the home screen (advocates between clients)."""
        for page in self.pages.values():
            page.reset()
        self.history.clear()
        forget_all()  # state kept outside pages (registered with quick_exit.on_forget)
        clear_owned_clipboard()
        self.show_page("home", remember=False)
