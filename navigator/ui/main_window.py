"""The main window: the top bar, a stack of pages, a help footer; and the one place pages are wired.

It builds the pages and is their ``Shell``: it opens pages, doors, items and links, goes Back and
Home, switches the language, and forgets the session. Pages never reach one another: what one
page does for another is a signal, connected here (``_wire_pages``). Each job it delegates has its
own module: ``topbar``, ``navigation`` (the stack and Back), ``doors``, ``links``, ``display`` and
``privacy_controls``; the person's state is a ``core.session.Session``.

The window is built in two steps, so that a start shows it before the content is read (issue 17:
pydantic and the content models are a quarter of a start's time). ``MainWindow(None, theme)`` is
the shell: the top bar with Quick exit (its button and keys work from the first frame), the menu
of text size and contrast, the home page with its words, the footer, in the person's language and
direction; this module imports no content model for it (a test checks that the first paint comes
before pydantic). ``fill(library)`` then adds what needs the content: the session, the emergency
number on the home page, the search page, the doors, the case file's keeper. ``app.run`` paints
the shell, reads the content in a worker thread (``fill_after_first_paint``), and fills the window;
``MainWindow(library, theme)`` fills it at once (the tests, the selftest). A door pressed in the
shell (a home page button, a footer link) opens once the content is there.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from navigator import i18n
from navigator.i18n import _
from navigator.ui import bidi
from navigator.ui.display import Display
from navigator.ui.keyboard import FocusRing, landing, move_focus
from navigator.ui.navigation import Page, PageStack
from navigator.ui.pages.home import HomePage
from navigator.ui.privacy_controls import PrivacyController
from navigator.ui.qt_hardening import install_guard
from navigator.ui.quick_exit import clear_owned_clipboard, forget_all, install_exit_keys, leaving, on_forget
from navigator.ui.search_box import SearchBox
from navigator.ui.theme import Theme
from navigator.ui.topbar import TopBar
from navigator.ui.widgets import FlowRow, label
from navigator.ui.worker import Worker

if TYPE_CHECKING:
    # Named only, or imported where they are used: the shell is painted before the content models load.
    from navigator.core.library import Library
    from navigator.core.models import Kind
    from navigator.core.pathway import Walk
    from navigator.core.session import Session
    from navigator.ui.case_keeper import CaseKeeper
    from navigator.ui.doors import ListDoor
    from navigator.ui.pages.case import CasePage
    from navigator.ui.pages.directory import DirectoryPage
    from navigator.ui.pages.item import ItemPage
    from navigator.ui.pages.item_list import ListPage
    from navigator.ui.pages.letter import LetterPage
    from navigator.ui.pages.plan import PlanPage
    from navigator.ui.pages.requests import RequestsPage
    from navigator.ui.pages.wizard import WizardPage

# Above this many items, a new language's content is laid over the English in a worker thread
# first, so the window and Quick exit never wait for it (security review F1: 8 s at 100x content).
PREPARE_LANGUAGE_ABOVE = 1500


def forget_typing(root: QWidget) -> None:
    """Every text field forgets its undo history, so Ctrl+Z cannot bring back what the last person
    typed (security review F6). What a field shows stays: pages have emptied theirs already."""
    for line in root.findChildren(QLineEdit):
        with contextlib.suppress(RuntimeError):
            line.setText(line.text())  # setText starts a new, empty undo history
    for plain in root.findChildren(QPlainTextEdit):
        with contextlib.suppress(RuntimeError):
            plain.document().clearUndoRedoStacks()
    for rich in root.findChildren(QTextEdit):
        with contextlib.suppress(RuntimeError):
            rich.document().clearUndoRedoStacks()


def fitted_size(width: int, height: int) -> tuple[int, int]:
    """The window's first size: ``width`` x ``height``, made smaller to fit the screen's free area
    (an 800x600 laptop, or a screen without a window manager to do it, would cut the window off)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return width, height
    area = screen.availableGeometry()
    return min(width, max(area.width(), 640)), min(height, max(area.height(), 520))


class FirstPaint(QObject):
    """Calls ``then`` once, just after ``window`` is first painted (or after ``at_most`` ms, should
    it never be, a minimised start): the content is read once the person sees the window."""

    def __init__(self, window: QWidget, then: Callable[[], None], at_most: int = 3000) -> None:
        super().__init__(window)
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)  # this window only: no Python runs for other widgets' events
        QTimer.singleShot(at_most, self, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.fire)  # after this paint is on the screen
        return False

    def fire(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


class MainWindow(QMainWindow):
    """``filled``: the content is in the window (the home page complete); ``content_failed``: it
    could not be read at all (an error, said in one sentence)."""

    filled = Signal()
    content_failed = Signal(object)

    # Set by ``fill``: until then the window is its shell (``has_content``).
    library: Library
    session: Session
    case_keeper: CaseKeeper

    def __init__(self, library: Library | None, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self._filled = False
        self._waiting_door: str | None = None  # a door pressed in the shell: opened once the content is read
        self.doors: dict[str, Callable[[], object]] = {}
        self.setMinimumSize(640, 520)
        self.resize(*fitted_size(1120, 760))

        self.display = Display(theme, self)
        self.search_box = SearchBox(self)
        self.topbar = TopBar(self, self.search_box)
        self.topbar.on_language = self.switch_language
        self.language_worker = Worker(self)
        self.language_worker.done.connect(self._language_prepared)
        self.language_worker.failed.connect(lambda _error: self.topbar.language.setEnabled(True))
        self.content_worker = Worker(self)
        self.content_worker.done.connect(self._content_read)
        self.content_worker.failed.connect(self.content_failed.emit)
        self.topbar.home_button.clicked.connect(self.go_home)
        self.topbar.back_button.clicked.connect(self.go_back)
        self.privacy = PrivacyController(self, self.display, None, self.topbar.menu_button)
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
        # The theme's sheet on each part, not on the window: a change then restyles what is in
        # sight, and a page behind when it is next shown (theme.py, issue 17).
        theme.hold(self, [self.topbar, self.privacy.banner, self.footer_bar])
        self.stack.dress = theme.take_part

        # Home is what the window opens on, with its words from the first frame (its emergency
        # number once the content is read); every other page is built the first time it is wanted
        # (``PageStack.later``), so the window shows sooner. Its signals are wired then (``_wire``),
        # and it takes the words and the direction of the language of that moment.
        self.stack.on_built = self._wire
        self.home = HomePage(self)
        self.add_page(self.home)
        self.stack.later("item", self._make_item)
        self.stack.later("list", self._make_list)
        self.stack.later("letter", self._make_letter)
        self.stack.later("wizard", self._make_wizard)  # the guided questions and the plan they lead to
        self.stack.later("plan", self._make_plan)
        self.stack.later("directory", self._make_directory)
        self.stack.later("privacy", self._make_privacy)
        self.stack.later("case", self._make_case)
        self.stack.later("requests", self._make_requests)  # one request for each site, prepared together
        self.stack.later("advocates", self._make_advocates)  # the advocates' guide with their tools around it
        self._wire(self.home)

        self.display.changed.connect(self._display_changed)
        self.privacy.start_over_confirmed.connect(self.reset_session)
        self.privacy.about_requested.connect(lambda: self.open_door("privacy"))
        # Quick exit and start over both come to forget_session; so does nothing else.
        on_forget(self.forget_session, owner=self)
        stop_listening = i18n.on_change(self._language_changed)
        self.destroyed.connect(lambda *_args: stop_listening())

        self._set_direction(i18n.current_locale())
        self.retranslate()
        self.show_page("home", remember=False)
        # The one focus style (keyboard.py), and at the start the focus on the window itself, so
        # that the first Tab reaches Quick exit (UX review F19).
        self.focus_ring = FocusRing(self, theme.palette.focus)
        central.setFocus(Qt.FocusReason.OtherFocusReason)
        # Privacy everywhere: quick-exit keys (Esc x3, F12) and the watch on dialogs and text fields;
        # each label's direction from its language, not its first letter (F14); the windows' titles.
        # Installed once the shell is built, before it is shown: the two thousand events of
        # building it need none of them (no key can be pressed yet, no dialog is open), and an
        # application-wide filter is Python code run for every event, whose first run makes
        # PySide6 build many of its types (about 50 ms of a start in all). Each takes in what exists.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_exit_keys(app)
        install_guard(app)
        bidi.install(app)
        theme.watch(app)
        self.display.watch_titles()
        if library is not None:
            self.fill(library)

    # --- the content, read after the shell is painted -----------------------------------------

    def has_content(self) -> bool:
        return self._filled

    def fill_after_first_paint(self, read: Callable[[], Library]) -> None:
        """Read the content with ``read`` in a worker thread once the shell is painted, then fill
        the window: the window and Quick exit never wait for it (security review F1)."""
        self._first_paint = FirstPaint(self, lambda: self.content_worker.start(read))

    def _content_read(self, library: object) -> None:
        from navigator.core.library import Library

        assert isinstance(library, Library)
        self.fill(library)

    def fill(self, library: Library) -> None:
        """Put the content in the shell: the session, the home page's emergency number and notes,
        the search page, the doors, the case file's keeper. Nothing on screen moves, and the focus
        stays where the person put it (the home page is the same page, with its number now)."""
        from navigator.core.session import Session
        from navigator.ui.case_keeper import CaseKeeper
        from navigator.ui.doors import LIST_DOORS
        from navigator.ui.pages.search import SearchPage

        if self._filled:
            return
        if library.locale != i18n.current_locale():
            library.set_locale(i18n.current_locale())  # the language was changed in the shell
        self.library = library
        self.privacy.library = library
        self.session = Session(library)
        # The case file: Session.clear() locks it (Quick exit, start over); the keeper saves and unlocks.
        self.case_keeper = CaseKeeper(self.session, self)
        search = SearchPage(self, self.search_box)  # it listens to the search box from now on
        self.add_page(search)
        for key, door in LIST_DOORS.items():
            self.doors[key] = functools.partial(self.show_list, door)
        self.doors["guide"] = lambda: self.wizard.open()
        self.doors["support"] = lambda: self.show_page("directory")
        self.doors["talk"] = lambda: self.show_page("directory")  # "Talk to someone now" is at its top
        self.doors["privacy"] = lambda: self.show_page("privacy")
        self.doors["case"] = lambda: self.show_page("case")
        self.doors["requests"] = self._show_requests
        self.doors["advocates"] = lambda: self.show_page("advocates")
        self._filled = True
        self.home.show_danger_line()
        self.home.show_draft_note()
        search.retranslate()
        self.case_keeper.watch_activity()  # the case file's idle lock
        if self.search_box.text():
            search.box.textEdited.emit(self.search_box.text())  # typed in the shell: searched now
        self.filled.emit()
        waiting, self._waiting_door = self._waiting_door, None
        if waiting is not None and not leaving():
            self.open_door(waiting)

    def when_filled(self, then: Callable[[], None]) -> None:
        """``then`` now if the content is in the window, else once it is (tests, drivers)."""
        if self._filled:
            then()
        else:
            self.filled.connect(then, Qt.ConnectionType.SingleShotConnection)

    # --- the pages, each built when first wanted ---------------------------------------------

    def _make_item(self) -> Page:
        from navigator.ui.pages.item import ItemPage

        return ItemPage(self)

    def _make_list(self) -> Page:
        from navigator.ui.pages.item_list import ListPage

        return ListPage(self)

    def _make_letter(self) -> Page:
        from navigator.ui.pages.letter import LetterPage

        return LetterPage(self)

    def _make_wizard(self) -> Page:
        from navigator.ui.pages.wizard import WizardPage

        return WizardPage(self)

    def _make_plan(self) -> Page:
        from navigator.ui.pages.plan import PlanPage

        return PlanPage(self)

    def _make_directory(self) -> Page:
        from navigator.ui.pages.directory import DirectoryPage

        return DirectoryPage(self)

    def _make_privacy(self) -> Page:
        from navigator.ui.pages.privacy import PrivacyPage

        return PrivacyPage(self, self.privacy)

    def _make_case(self) -> Page:
        from navigator.ui.pages.case import CasePage

        return CasePage(self, self.case_keeper)

    def _make_advocates(self) -> Page:
        from navigator.ui.pages.advocates import AdvocatesPage

        return AdvocatesPage(self)

    def _make_requests(self) -> Page:
        from navigator.ui.pages.requests import RequestsPage

        return RequestsPage(self, self.case_keeper)

    @property
    def letter(self) -> LetterPage:
        return cast("LetterPage", self.pages["letter"])

    @property
    def wizard(self) -> WizardPage:
        return cast("WizardPage", self.pages["wizard"])

    @property
    def plan(self) -> PlanPage:
        return cast("PlanPage", self.pages["plan"])

    @property
    def directory(self) -> DirectoryPage:
        return cast("DirectoryPage", self.pages["directory"])

    @property
    def case_page(self) -> CasePage:
        return cast("CasePage", self.pages["case"])

    @property
    def requests(self) -> RequestsPage:
        return cast("RequestsPage", self.pages["requests"])

    def _wire(self, page: Page) -> None:
        """What one page does for another, in one place: connected when the page is built. A
        signal to a page not built yet builds it, except a reset (a page never built shows nothing)."""
        name = page.name
        if name == "wizard":
            wizard = self.wizard
            wizard.finished.connect(self._show_plan)
            wizard.answers_cleared.connect(lambda: self._reset_if_built("plan"))
        elif name == "plan":
            plan = self.plan
            plan.change_answers_requested.connect(lambda: self.wizard.change_answers())
            plan.start_over_requested.connect(lambda: self.wizard.ask_start_over())
            plan.place_known.connect(lambda country, region, language: self.directory.set_context(country, region, language))
        elif name == "letter":
            letter = self.letter
            letter.log_requested.connect(self._log_letter)
            letter.batch_requested.connect(self._show_requests)
        elif name == "home":
            self.home.plain_name_requested.connect(lambda: self.display.set_plain_window(True))
        elif name == "requests":
            self.requests.open_requested.connect(self._open_request)
        if page is not self.home:
            page.retranslate()  # in the language of now (its direction comes from the window, its parent)

    def _reset_if_built(self, name: str) -> None:
        page = self.pages.get(name)
        if page is not None:
            page.reset()

    def _show_requests(self) -> None:
        if not self.session.requests:
            self.requests.prepare()
        self.show_page("requests")

    def _open_request(self, index: int) -> None:
        self.session.open_request(index)
        self.letter.open_draft()
        self.show_page("letter")

    def _log_letter(self, template_id: str) -> None:
        self.show_page("case")
        self.case_page.log_report(f"navigator://notice/{template_id}")

    def _show_plan(self, walk: Walk) -> None:
        self.plan.show_walk(walk)
        self.show_page("plan")

    # --- building -----------------------------------------------------------------------

    def _build_footer(self) -> QFrame:
        """Talk to someone now, About your privacy, New person, and "not legal advice" (said once a
        screen, here). The links are never cut; the sentence moves under them when it must."""
        bar = QFrame()
        bar.setObjectName("footer")
        self.footer_bar = bar
        lines = QVBoxLayout(bar)
        lines.setContentsMargins(20, 6, 20, 6)
        lines.setSpacing(2)
        row = QHBoxLayout()
        lines.addLayout(row)
        self.footer_row = row
        self.footer_lines = lines
        self.help_now = QPushButton()
        self.help_now.setObjectName("link")
        self.help_now.clicked.connect(lambda: self.open_door("talk"))
        self.privacy_link = QPushButton()
        self.privacy_link.setObjectName("link")
        self.privacy_link.clicked.connect(lambda: self.open_door("privacy"))
        # One visible way to clear everything between two people (UX review F04).
        self.new_person = QPushButton()
        self.new_person.setObjectName("link")
        self.new_person.clicked.connect(lambda: self.privacy.start_over())
        self.not_advice = label(name="muted", wrap=True)
        self.not_advice.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        # The links go on to a second line rather than be cut (large text, a narrow window: F21).
        self.footer_links = FlowRow(spacing=4)
        for link in (self.help_now, self.privacy_link, self.new_person):
            link.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            self.footer_links.addWidget(link)
        row.addLayout(self.footer_links, 1)
        row.addWidget(self.not_advice, 1)
        return bar

    def fit_footer(self) -> None:
        """The sentence goes under the links when the links and a readable sentence do not fit."""
        links = sum(w.sizeHint().width() + self.footer_row.spacing() for w in (self.help_now, self.privacy_link, self.new_person))
        room = self.width() - 40 - links
        below = room < self.not_advice.fontMetrics().horizontalAdvance(self.not_advice.text()) * 0.6
        in_row = self.footer_row.indexOf(self.not_advice) >= 0
        if below and in_row:
            self.footer_row.removeWidget(self.not_advice)
            self.footer_lines.addWidget(self.not_advice)
        elif not below and not in_row:
            self.footer_lines.removeWidget(self.not_advice)
            self.footer_row.addWidget(self.not_advice, 1)
        # The links' rows depend on the width (FlowRow), and a window's layout does not ask for
        # height-for-width: without this, a short window squeezed the footer and its sentence
        # was drawn over "New person" (large text at 640x600). The page above scrolls instead.
        need = self.footer_lines.heightForWidth(max(self.width(), 1))
        if need > 0 and self.footer_bar.minimumHeight() != need:
            self.footer_bar.setMinimumHeight(need)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_footer()

    def add_page(self, page: Page) -> None:
        self.stack.add(page)

    @property
    def pages(self) -> dict[str, Page]:
        return self.stack.pages

    @property
    def history(self) -> list[tuple[str, object]]:
        return self.stack.history

    def can_go_back(self) -> bool:
        return bool(self.history)

    # --- navigation ---------------------------------------------------------------------

    def current_page(self) -> Page:
        return self.stack.current()

    def show_page(self, name: str, remember: bool = True) -> Page:
        page = self.stack.show_page(name, remember)
        self.update_chrome()
        self.land_focus(page)
        return page

    def land_focus(self, page: Page) -> None:
        """The focus is never left behind on a hidden page: it goes to the page's heading or first
        control, unless the page put it somewhere itself (the questions: on a choice)."""
        focused = QApplication.focusWidget()
        if focused is not None and page.isAncestorOf(focused) and focused.isVisible():
            return
        target = landing(page)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter presses the focused button, as Space does: outside a dialog Qt's buttons ignore Enter,
        and it is the key most people (and screen-reader users) press."""
        focused = QApplication.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focused, QPushButton) and focused.isEnabled():
            if focused.menu() is not None:
                focused.showMenu()
            else:
                focused.click()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        """Tab and Shift+Tab: Quick exit first, then everything in the order it is seen (keyboard.py)."""
        central = self.centralWidget()
        if central is None:
            return super().focusNextPrevChild(next)
        return move_focus(central, self.topbar.quick_exit_button, next)

    def go_home(self) -> None:
        self.show_page("home")

    def go_back(self) -> None:
        # Inside the questions, Back is the previous question (UX review F08), as the page's own Back.
        if "wizard" not in self.pages or not self.wizard.back_within():
            self.stack.go_back()
        self.update_chrome()

    def open_door(self, key: str) -> None:
        if not self._filled:
            self._waiting_door = key  # pressed in the shell: opened once the content is read (``fill``)
            return
        self.doors[key]()

    def show_list(self, door: ListDoor) -> None:
        page = cast("ListPage", self.pages["list"])
        page.show_list(door)
        self.show_page("list")

    def open_item(self, kind: Kind, item_id: str) -> None:
        page = cast("ItemPage", self.pages["item"])
        if self.stack.currentWidget() is page:
            self.stack.remember_current()
            page.show_item(kind, item_id)
            self.update_chrome()
        else:
            page.show_item(kind, item_id)
            self.show_page("item")

    def open_letter(self, template_id: str) -> None:
        page = self.letter
        page.open_template(template_id)
        self.show_page("letter")

    def open_link(self, href: str) -> None:
        from navigator.ui import links

        if self._filled:
            links.follow(self, self.library, href, self._open_linked_item)

    def _open_linked_item(self, kind: Kind, item_id: str) -> None:
        """A link to the guide for advocates opens it with its tools around it (the advocates' page)."""
        from navigator.core.models import Kind
        from navigator.ui.pages.advocates import ARTICLE_ID as ADVOCATES_ARTICLE

        if kind is Kind.ARTICLE and item_id == ADVOCATES_ARTICLE:
            self.show_page("advocates")
            return
        self.open_item(kind, item_id)

    # --- language and words -------------------------------------------------------------

    def switch_language(self, locale: str) -> None:
        """The person picked a language: switch now if its content is ready or small, else prepare
        it in a worker first (the picker waits, disabled; the window and Quick exit do not). In the
        shell the words change now, and the content is read in that language (``fill``)."""
        if not self._filled or self.library.ready(locale) or len(self.library.english.entries) < PREPARE_LANGUAGE_ABOVE:
            i18n.set_locale(locale)
            return
        self.topbar.language.setEnabled(False)
        library = self.library
        self.language_worker.start(lambda: library.prepare(locale))

    def _language_prepared(self, prepared: object) -> None:
        self.library.adopt(prepared)
        self.topbar.language.setEnabled(True)
        assert isinstance(prepared, tuple)
        i18n.set_locale(prepared[0])

    def _language_changed(self, locale: str) -> None:
        # Content first (the library's view, then the walk's pathway), so that every page below
        # retranslates from the new language, whatever order the pages were added in.
        if self._filled:
            self.session.set_locale(locale)
        self._set_direction(locale)
        self.retranslate()

    def _set_direction(self, locale: str) -> None:
        direction = Qt.LayoutDirection.RightToLeft if i18n.is_rtl(locale) else Qt.LayoutDirection.LeftToRight
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setLayoutDirection(direction)
        self.setLayoutDirection(direction)

    def retranslate(self) -> None:
        self.display.retranslate()
        self._show_window_name()
        self.topbar.retranslate()
        self.privacy.retranslate()
        self.help_now.setText(_("Talk to someone now"))
        self.privacy_link.setText(_("About your privacy"))
        self.new_person.setText(_("New person"))
        self.new_person.setAccessibleName(_("New person: clear everything for the next person"))
        self.not_advice.setText(_("General information, not legal advice."))
        self.fit_footer()
        self.search_box.retranslate()  # in the top bar, always on screen (its page may be hidden)
        self.stack.retranslate()  # the page in front now; the others when next shown (navigation.Pages)
        self.update_chrome()

    def _show_window_name(self) -> None:
        """The program's name and icon as the person wants them shown (the plain window hides them)."""
        self.topbar.brand.setText(self.display.window_name())
        self.setWindowIcon(self.display.window_icon())

    def _display_changed(self) -> None:
        self.focus_ring.set_colour(self.theme.palette.focus)
        self._show_window_name()
        self.fit_footer()
        self.home.show_offer(self.display.plain_window)
        self.topbar.fit()
        self.update_chrome()

    def update_chrome(self) -> None:
        page = self.stack.currentWidget()
        on_home = page is self.pages.get("home")
        wizard = self.pages.get("wizard")
        in_questions = (
            page is wizard and self.wizard.walk is not None and (self.wizard.walk.current() is not None or self.wizard.showing_help())
        )
        self.topbar.back_button.setEnabled((bool(self.history) or in_questions) and not on_home)
        self.topbar.home_button.setEnabled(not on_home)
        # The title never names the page: the taskbar and window switchers show it (display.py).
        self.setWindowTitle(self.display.window_name())

    def forget_session(self) -> None:
        """Forget the person: the session, what each page shows of it (each page once), where Back
        goes, and the key to the saved settings. Quick exit and start over both come here. In the
        shell there is no session yet; a door pressed there is forgotten too."""
        self._waiting_door = None
        if self._filled:
            self.session.clear()
            self.case_keeper.stop()  # work still running: its late result is locked unseen
        self.history.clear()
        self.privacy.forget_key()
        if leaving():
            return  # Quick exit: the windows are hidden and the process ends; nothing to redraw (F19)
        for page in list(self.pages.values()):  # the pages built so far: one never built shows nothing
            with contextlib.suppress(Exception):  # one page failing must not keep the others' words on screen
                page.reset()
        forget_typing(self)

    # --- a new person -------------------------------------------------------------------

    def reset_session(self) -> None:
        """New person (advocates between clients): forget everything, and back to the home screen."""
        forget_all()  # this window's forget_session, and any other state registered with quick_exit.on_forget
        clear_owned_clipboard()
        self.show_page("home", remember=False)
