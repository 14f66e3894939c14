"""The top bar: the program's name, Back and Home, search, the privacy menu, the language, Quick exit.

Quick exit must always be whole and visible, at the end of the first row, however narrow the
window, however long the words and however large the text: ``fit`` tries one row, then one row
without the name, then a shorter menu label, then two rows with search, the menu and the language
on the second. Right-to-left languages mirror it, so Quick exit sits where the eye starts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from navigator import APP_NAME, i18n
from navigator.i18n import _
from navigator.ui.quick_exit import quick_exit
from navigator.ui.widgets import label

# The window's smallest size with one row of the bar; a second row adds its own height.
MIN_WIDTH, MIN_HEIGHT = 640, 520


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
        # On a narrow window (or with large text) search, settings and language move down here,
        # so the first row always has room for Quick exit.
        self.second = QWidget()
        self.row2 = QHBoxLayout(self.second)
        self.row2.setContentsMargins(0, 0, 0, 0)
        self.row2.setSpacing(10)
        self.second.hide()
        rows.addWidget(self.second)
        self.brand = label(APP_NAME, "brand", wrap=False)
        self.home_button = QPushButton()
        self.back_button = QPushButton()
        self.search_box = search_box
        self.menu_button = QPushButton()  # the privacy controller gives it its menu
        self.menu_button.setObjectName("privacyMenu")
        self.menu_long = self.menu_short = ""
        self.language = QComboBox()
        self.language.currentIndexChanged.connect(self._language_picked)
        self.quick_exit_button = QPushButton()
        self.quick_exit_button.setObjectName("quickExit")
        self.quick_exit_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.quick_exit_button.clicked.connect(quick_exit)
        self.row.addWidget(self.brand)
        self.row.addSpacing(12)
        self.row.addWidget(self.back_button)
        self.row.addWidget(self.home_button)
        self.row.addWidget(self.search_box)
        self.row.addStretch(1)
        self.row.addWidget(self.menu_button)
        self.row.addWidget(self.language)
        self.row.addWidget(self.quick_exit_button)
        self._fitting = False
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
            i18n.set_locale(locale)

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
        self.menu_long, self.menu_short = _("Privacy and display"), _("Settings")
        self.menu_button.setText(self.menu_long)
        self.menu_button.setAccessibleName(_("Privacy and display"))
        self.menu_button.setToolTip(_("Text size, contrast, a plain window, start over, and what Navigator keeps"))
        self.fit()

    # --- fitting ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window_ and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        """Quick exit must always be whole and visible, at the end of the first row.

        The bar tries, in order: everything on one row; one row without the name; one row with a
        shorter menu label; then two rows, with search, the menu and the language picker on the
        second (a small window, long words or large text).
        """
        if self._fitting:
            return
        self._fitting = True
        try:
            w = self.window_
            exit_button = self.quick_exit_button
            exit_button.setMinimumWidth(0)
            exit_button.setMinimumWidth(exit_button.sizeHint().width())
            for two_rows, brand, compact in (
                (False, True, False),
                (False, False, False),
                (False, False, True),
                (True, True, False),
                (True, False, False),
                (True, False, True),
            ):
                self._arrange(two_rows)
                self.brand.setVisible(brand)
                self.menu_button.setText(self.menu_short if compact else self.menu_long)
                if self._needed() <= w.width():
                    break
            screen = w.screen()
            limit = screen.availableGeometry().width() if screen is not None else 10_000
            w.setMinimumWidth(min(max(MIN_WIDTH, self._needed()), limit))
            # A second row of the bar takes room from the page: the window may not get shorter for it.
            second = self.second.sizeHint().height() + 8 if self.second.isVisibleTo(w) else 0
            w.setMinimumHeight(MIN_HEIGHT + second)
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
                    total += widget.minimumWidth() if widget is self.search_box else widget.sizeHint().width()
                    shown += 1
                elif item is not None and item.spacerItem() is not None:
                    total += item.sizeHint().width()
            return total + row.spacing() * max(shown - 1, 0)

        widths = [row_width(self.row)]
        if self.second.isVisibleTo(w):
            widths.append(row_width(self.row2))
        return max(widths) + 40  # the bar's left and right margins

    def _arrange(self, two_rows: bool) -> None:
        row, row2 = self.row, self.row2
        movable = [self.search_box, self.menu_button, self.language]
        if two_rows and row2.indexOf(self.language) < 0:
            for widget in movable:
                row.removeWidget(widget)
            row2.addWidget(self.search_box, 1)
            row2.addWidget(self.menu_button)
            row2.addWidget(self.language)
        elif not two_rows and row.indexOf(self.language) < 0:
            for widget in movable:
                row2.removeWidget(widget)
            row.insertWidget(row.indexOf(self.home_button) + 1, self.search_box)
            before_exit = row.indexOf(self.quick_exit_button)
            row.insertWidget(before_exit, self.menu_button)
            row.insertWidget(before_exit + 1, self.language)
        self.second.setVisible(two_rows)
        if row.indexOf(self.quick_exit_button) != row.count() - 1:
            row.removeWidget(self.quick_exit_button)
            row.addWidget(self.quick_exit_button)
