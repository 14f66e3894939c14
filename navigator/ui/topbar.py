"""The top bar: the program's name, Back and Home, search, the privacy menu, the language, Quick exit.

Quick exit has a reserved place: it is laid out first, at its full size, at the far end of the first
row (the left in right-to-left languages, where the eye starts), and nothing ever takes its room.
Everything else fits around it, in this order of giving way (``fit``): the program's name goes,
then search moves to a second row of its own, then the language picker, the privacy menu and at
last Back and Home fold into a "More" menu. ``fit`` runs when the window is resized or shown, and
after every change of text size, contrast or language, both at once and again once Qt has
restyled and laid out the widgets (sizes read straight after a restyle are stale: UX review F01).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from navigator import APP_NAME, i18n
from navigator.i18n import _
from navigator.ui.quick_exit import quick_exit
from navigator.ui.widgets import label

# The window's smallest size with one row of the bar; a second row adds its own height.
MIN_WIDTH, MIN_HEIGHT = 640, 520
# The ways the bar can be arranged, most generous first: (show the name, search on a second row,
# what folds into "More").
STAGES: tuple[tuple[bool, bool, frozenset[str]], ...] = (
    (True, False, frozenset()),
    (False, False, frozenset()),
    (True, True, frozenset()),
    (False, True, frozenset()),
    (False, True, frozenset({"language"})),
    (False, True, frozenset({"language", "menu"})),
    (False, True, frozenset({"language", "menu", "back", "home"})),
    # Large text in a window beside a browser: "More" goes down beside search; Quick exit stays.
    (False, True, frozenset({"language", "menu", "back", "home", "more-below"})),
)


class TopBar(QFrame):
    """The bar at the top of the main window. ``search_box`` is given; everything else is built here."""

    def __init__(self, window: QWidget, search_box: QWidget) -> None:
        super().__init__()
        self.window_ = window
        self.setObjectName("topbar")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(20, 10, 20, 10)
        rows.setSpacing(8)
        self.row = QHBoxLayout()
        self.row.setSpacing(10)
        rows.addLayout(self.row)
        # On a narrow window (or with large text) search moves down here, across the whole width.
        self.second = QWidget()
        self.row2 = QHBoxLayout(self.second)
        self.row2.setContentsMargins(0, 0, 0, 0)
        self.row2.setSpacing(10)
        self.second.hide()
        rows.addWidget(self.second)
        # Quick exit first: its place is reserved before anything else is laid out.
        self.quick_exit_button = QPushButton()
        self.quick_exit_button.setObjectName("quickExit")
        self.quick_exit_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.quick_exit_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.quick_exit_button.clicked.connect(quick_exit)
        self.brand = label(APP_NAME, "brand", wrap=False)
        self.home_button = QPushButton()
        self.back_button = QPushButton()
        self.search_box = search_box
        self.menu_button = QPushButton()  # the privacy controller gives it its menu
        self.menu_button.setObjectName("privacyMenu")
        self.language = QComboBox()
        self.language.currentIndexChanged.connect(self._language_picked)
        # What picking a language does: the window sets it (it may prepare large content first).
        self.on_language: Callable[[str], None] = i18n.set_locale
        # "More": whatever does not fit, as a menu (rebuilt each time it opens, so it is current).
        self.more_button = QPushButton()
        self.more_button.setObjectName("moreMenu")
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(self._fill_more)
        self.more_button.setMenu(self.more_menu)
        self.folded: frozenset[str] = frozenset()
        self.row.addWidget(self.brand)
        self.row.addSpacing(12)
        self.row.addWidget(self.back_button)
        self.row.addWidget(self.home_button)
        self.row.addWidget(self.search_box)
        self.row.addStretch(1)
        self.row.addWidget(self.menu_button)
        self.row.addWidget(self.language)
        self.row.addWidget(self.more_button)
        self.row.addWidget(self.quick_exit_button)
        self.more_button.hide()
        self._fitting = False
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_now)
        window.installEventFilter(self)  # to fit the bar when the window is resized

    # --- language ---------------------------------------------------------------------------

    def fill_languages(self) -> None:
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
            self.on_language(locale)

    def retranslate(self) -> None:
        self.fill_languages()
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
        # One name, whatever the width (UX review F30).
        self.menu_button.setText(_("Privacy and display"))
        self.menu_button.setAccessibleName(_("Privacy and display"))
        self.more_button.setText(_("More"))
        self.more_button.setAccessibleName(_("More: what does not fit in this window"))
        self.menu_button.setToolTip(_("Text size, contrast, a plain window, start over, and what Navigator keeps"))
        self.fit()

    # --- "More" ---------------------------------------------------------------------------

    def _fill_more(self) -> None:
        menu = self.more_menu
        menu.clear()
        if "back" in self.folded:
            for button in (self.back_button, self.home_button):
                action = QAction(button.text(), menu)
                action.setEnabled(button.isEnabled())
                action.triggered.connect(button.click)
                menu.addAction(action)
        if "menu" in self.folded and self.menu_button.menu() is not None:
            settings = self.menu_button.menu()
            assert settings is not None
            settings.setTitle(self.menu_button.text())
            menu.addMenu(settings)
        if "language" in self.folded:
            languages = menu.addMenu(_("Language"))
            for index in range(self.language.count()):
                action = QAction(self.language.itemText(index), languages)
                action.setCheckable(True)
                action.setChecked(index == self.language.currentIndex())
                action.triggered.connect(lambda _checked=False, i=index: self.language.setCurrentIndex(i))
                languages.addAction(action)

    # --- fitting ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window_ and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        """Fit now, and once more when Qt has restyled and laid out the widgets (sizes lag behind)."""
        self._fit_now()
        self._refit.start()

    def _fit_now(self) -> None:
        """Quick exit is always whole and visible at the end of the first row; the rest fits around it."""
        if self._fitting:
            return
        self._fitting = True
        try:
            w = self.window_
            exit_button = self.quick_exit_button
            exit_button.setMinimumWidth(0)
            exit_button.setMinimumWidth(exit_button.sizeHint().width())
            exit_button.setMinimumHeight(exit_button.sizeHint().height())
            # The window may be made as narrow as the most folded arrangement allows (UX review F10:
            # not as wide as the current one, or a person could never make it narrower).
            self._arrange(*STAGES[-1])
            smallest = self._needed()
            for brand, two_rows, folded in STAGES:
                self._arrange(brand, two_rows, folded)
                if self._needed() <= w.width():
                    break
            screen = w.screen()
            limit = screen.availableGeometry().width() if screen is not None else 10_000
            w.setMinimumWidth(min(max(MIN_WIDTH, smallest), limit))
            # A second row of the bar takes room from the page: the window may not get shorter for it.
            second = self.second.sizeHint().height() + 8 if self.second.isVisibleTo(w) else 0
            w.setMinimumHeight(MIN_HEIGHT + second)
            # Place the widgets now, not at the next turn of the event loop: no moment with Quick exit cut.
            for widget in (self.parentWidget(), self):
                layout = widget.layout() if widget is not None else None
                if layout is not None:
                    layout.activate()
        finally:
            self._fitting = False

    def _needed(self) -> int:
        """Width the bar needs as arranged now: each widget at its natural width (the search box
        at its smallest), plus spacing and the bar's margins. Computed from the widgets, because a
        layout's own minimum lags behind until it is next activated."""
        w = self.window_

        def row_width(row: QHBoxLayout) -> int:
            total, shown = 0, 0
            for index in range(row.count()):
                item = row.itemAt(index)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    if not widget.isVisibleTo(w) and widget is not self.search_box:
                        continue
                    if widget is self.search_box and row is self.row2:
                        continue  # a row of its own: it takes what there is
                    total += widget.minimumWidth() if widget is self.search_box else widget.sizeHint().width()
                    shown += 1
                elif item is not None and item.spacerItem() is not None:
                    total += item.sizeHint().width()
            return total + row.spacing() * max(shown - 1, 0)

        widths = [row_width(self.row)]
        if self.second.isVisibleTo(w):
            widths.append(row_width(self.row2))
        return max(widths) + 40  # the bar's left and right margins

    def _arrange(self, brand: bool, two_rows: bool, folded: frozenset[str]) -> None:
        row, row2 = self.row, self.row2
        if two_rows and row2.indexOf(self.search_box) < 0:
            row.removeWidget(self.search_box)
            row2.addWidget(self.search_box, 1, Qt.AlignmentFlag.AlignLeading)
        elif not two_rows and row.indexOf(self.search_box) < 0:
            row2.removeWidget(self.search_box)
            row.insertWidget(row.indexOf(self.home_button) + 1, self.search_box)
        self.second.setVisible(two_rows)
        self.search_box.setVisible(True)
        self.brand.setVisible(brand)
        self.folded = folded
        self.language.setVisible("language" not in folded)
        self.menu_button.setVisible("menu" not in folded)
        self.back_button.setVisible("back" not in folded)
        self.home_button.setVisible("home" not in folded)
        self.more_button.setVisible(bool(folded))
        if "more-below" in folded and row2.indexOf(self.more_button) < 0:
            row.removeWidget(self.more_button)
            row2.insertWidget(0, self.more_button)
        elif "more-below" not in folded and row.indexOf(self.more_button) < 0:
            row2.removeWidget(self.more_button)
            row.insertWidget(row.indexOf(self.quick_exit_button), self.more_button)
        if row.indexOf(self.quick_exit_button) != row.count() - 1:
            row.removeWidget(self.quick_exit_button)
            row.addWidget(self.quick_exit_button)
