"""Privacy and display controls: the top-bar menu, plain window, text size, contrast, start over,
the "remember my settings" opt-in, and the Qt settings that keep Qt itself from writing.

``harden_qt`` runs before the QApplication exists: Qt's own dialogs (never the desktop's, which
add "recent documents" entries) and a settings location that cannot be created, so QFileDialog and
friends cannot write ``QtProject.conf``. ``PrivacyController`` is created by the main window; it
adds the "Privacy and display" menu to the top bar and the "About your privacy" page, and owns the
in-memory display choices (and, only if the person opts in, the encrypted file that keeps them).

Proven by tests/ui/test_privacy_controls.py, tests/ui/test_privacy_page.py and tests/privacy/.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDesktopServices, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from navigator import APP_NAME, i18n
from navigator.i18n import _
from navigator.privacy.process import NOWHERE, original_environment
from navigator.privacy.remembered import Lock, RememberError, Settings, Store
from navigator.ui.quick_exit import clear_owned_clipboard, forget_all, install_exit_keys, on_forget, remove_forget_hook
from navigator.ui.widgets import label

if TYPE_CHECKING:
    from navigator.ui.main_window import MainWindow

ALLOWED_SCHEMES = ("https", "tel", "mailto")
SCALE_MIN, SCALE_MAX, SCALE_STEP = 0.8, 2.0, 0.1


def harden_qt() -> None:
    """Before the QApplication exists: Qt's own dialogs only, and no settings file Qt can write."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    settings_nowhere()


def settings_nowhere() -> None:
    """Point Qt's settings (QFileDialog's folder history, QColorDialog's colours) at a folder that
    cannot be created, so they can be neither read nor written. Navigator itself never uses QSettings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, NOWHERE)


class Guard(QObject):
    """Application-wide watch for two things no single screen can promise on its own.

    - Text fields ask input methods not to learn from what is typed (ImhSensitiveData).
    - Every dialog, when shown, finds Qt's settings still pointing nowhere, even if some code
      pointed them elsewhere in between; Qt writes a file dialog's history when it closes.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(watched, (QLineEdit, QTextEdit, QPlainTextEdit)):
            hints = watched.inputMethodHints()
            wanted = hints | Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
            if hints != wanted:
                watched.setInputMethodHints(wanted)
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog):
            settings_nowhere()
        return False


_guard: Guard | None = None


def install_guard(app: QApplication) -> None:
    global _guard
    if _guard is None or _guard.parent() is not app:
        _guard = Guard(app)
        app.installEventFilter(_guard)


def silence_qt_messages() -> None:
    """Qt's warnings go nowhere unless NAVIGATOR_DEBUG is set: a desktop may keep a program's
    error output in its system log, and even a harmless warning says that Navigator ran."""
    if os.environ.get("NAVIGATOR_DEBUG"):
        return
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(lambda *_args: None)


def allowed_link(href: str) -> bool:
    """Only secure web pages, phone numbers and email addresses may leave Navigator."""
    url = QUrl(href, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ALLOWED_SCHEMES:
        return False
    if url.scheme().lower() == "https":
        return bool(url.host()) and not url.userName()
    return bool(url.path().strip())


def open_outside(href: str) -> bool:
    """Hand a link the person has agreed to open to the system (browser, phone or mail program)."""
    if not allowed_link(href):
        return False
    # The opener and the browser it starts get the person's own environment back (fonts, caches).
    with original_environment():
        return bool(QDesktopServices.openUrl(QUrl(href, QUrl.ParsingMode.StrictMode)))


def save_file_name(parent: QWidget | None, caption: str, suggested: str, filters: str = "") -> str:
    """Ask where to save a file, with Qt's own dialog: the desktop's dialog records recent files."""
    dialog = QFileDialog(parent, caption, suggested, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def plain_icon(size: int = 64) -> QIcon:
    """A generic notepad drawn at run time, so no icon file says what the program is."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 64
    painter.setPen(QPen(QColor("#6B6B6B"), 2 * unit))
    painter.setBrush(QColor("#F4F1E8"))
    painter.drawRoundedRect(QRectF(12 * unit, 6 * unit, 40 * unit, 52 * unit), 4 * unit, 4 * unit)
    painter.setPen(QPen(QColor("#9A9A9A"), 2 * unit))
    for row in range(5):
        y = (18 + row * 8) * unit
        painter.drawLine(QPointF(19 * unit, y), QPointF(45 * unit, y))
    painter.end()
    return QIcon(pixmap)


class PlainTitles(QObject):
    """While the plain window is on, every Navigator window is titled with the neutral name."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.title = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() in (QEvent.Type.WindowTitleChange, QEvent.Type.Show)
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and self.title
            and watched.windowTitle() != self.title
        ):
            watched.setWindowTitle(self.title)
        return False


class PrivacyController(QObject):
    """Owns the display choices (in memory) and the optional encrypted file that keeps them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.theme = window.theme
        self.plain_window = False
        self.store = Store()
        self.lock: Lock | None = None  # set only while remembering is on and unlocked
        self.banner_dismissed = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.usual_icon = app.windowIcon()
        self.titles = PlainTitles(self)
        install_exit_keys(app)
        install_guard(app)
        self._build_menu()
        self._build_banner()
        self._build_page()
        window.doors["privacy"] = lambda: window.show_page("privacy")
        self._forget = on_forget(self._forget_session)
        window.destroyed.connect(lambda *_a, hook=self._forget: remove_forget_hook(hook))

    # --- building -----------------------------------------------------------------------

    def _build_menu(self) -> None:
        w = self.window
        # A push button with a menu: styled like its neighbours, opened with a click, Space or Enter.
        self.menu_button = QPushButton()
        self.menu_button.setObjectName("privacyMenu")
        self.menu_long = self.menu_short = ""
        self._fitting = False
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)

        def action(slot, keys=()) -> QAction:  # type: ignore[no-untyped-def]
            item = QAction(w)
            item.triggered.connect(slot)
            if keys:
                sequences: list[QKeySequence] = []
                for key in keys:
                    sequences += QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
                item.setShortcuts(sequences)
                item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                w.addAction(item)  # the shortcut works while the menu is closed
            self.menu.addAction(item)
            return item

        self.bigger = action(self.text_bigger, (QKeySequence.StandardKey.ZoomIn, "Ctrl+="))
        self.smaller = action(self.text_smaller, (QKeySequence.StandardKey.ZoomOut,))
        self.usual_size = action(self.text_usual, ("Ctrl+0",))
        self.contrast = action(lambda on: self.set_high_contrast(on))
        self.contrast.setCheckable(True)
        self.plain = action(lambda on: self.set_plain_window(on))
        self.plain.setCheckable(True)
        self.menu.addSeparator()
        self.start_over_action = action(lambda: self.start_over())
        self.about = action(lambda: w.open_door("privacy"))
        row = w.topbar_row
        row.insertWidget(row.indexOf(w.language), self.menu_button)
        w.installEventFilter(self)  # to fit the top bar when the window is resized

    def _build_banner(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("notice")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(20, 8, 20, 8)
        self.banner_text = label()
        self.banner_use = QPushButton()
        self.banner_use.clicked.connect(self.ask_unlock)
        self.banner_later = QPushButton()
        self.banner_later.clicked.connect(self.dismiss_banner)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.banner_use)
        row.addWidget(self.banner_later)
        central = self.window.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.banner)  # just under the top bar
        self.update_banner()

    def _build_page(self) -> None:
        from navigator.ui.pages.privacy import PrivacyPage

        self.page = PrivacyPage(self.window, self)
        self.window.add_page(self.page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit_topbar()
        return False

    def fit_topbar(self) -> None:
        """Quick exit must always be whole and visible, at the end of the first row.

        The bar tries, in order: everything on one row; one row without the name; one row with a
        shorter menu label; then two rows, with search, this menu and the language picker on the
        second (a small window, long words or large text).
        """
        if self._fitting:
            return
        self._fitting = True
        try:
            w = self.window
            exit_button = w.quick_exit_button
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
                w.brand.setVisible(brand)
                self.menu_button.setText(self.menu_short if compact else self.menu_long)
                if self._needed() <= w.width():
                    break
            screen = w.screen()
            limit = screen.availableGeometry().width() if screen is not None else 10_000
            w.setMinimumWidth(min(max(640, self._needed()), limit))
            # A second row of the bar takes room from the page: the window may not get shorter for it.
            second = w.topbar_second.sizeHint().height() + 8 if w.topbar_second.isVisibleTo(w) else 0
            w.setMinimumHeight(520 + second)
        finally:
            self._fitting = False

    def _needed(self) -> int:
        """Width the bar needs as arranged now: each widget at its natural width (the search box
        at its smallest), plus spacing and the bar's margins. Computed from the widgets, because a
        layout's own minimum lags behind until it is next activated."""
        w = self.window

        def row_width(row: QHBoxLayout) -> int:
            total, shown = 0, 0
            for index in range(row.count()):
                item = row.itemAt(index)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    if not widget.isVisibleTo(w) and widget is not w.search_box:
                        continue
                    total += widget.minimumWidth() if widget is w.search_box else widget.sizeHint().width()
                    shown += 1
                elif item is not None and item.spacerItem() is not None:
                    total += item.sizeHint().width()
            return total + row.spacing() * max(shown - 1, 0)

        widths = [row_width(w.topbar_row)]
        if w.topbar_second.isVisibleTo(w):
            widths.append(row_width(w.topbar_row2))
        return max(widths) + 40  # the bar's left and right margins

    def _arrange(self, two_rows: bool) -> None:
        w = self.window
        row, row2 = w.topbar_row, w.topbar_row2
        movable = [w.search_box, self.menu_button, w.language]
        if two_rows and row2.indexOf(w.language) < 0:
            for widget in movable:
                row.removeWidget(widget)
            row2.addWidget(w.search_box, 1)
            row2.addWidget(self.menu_button)
            row2.addWidget(w.language)
        elif not two_rows and row.indexOf(w.language) < 0:
            for widget in movable:
                row2.removeWidget(widget)
            row.insertWidget(row.indexOf(w.home_button) + 1, w.search_box)
            before_exit = row.indexOf(w.quick_exit_button)
            row.insertWidget(before_exit, self.menu_button)
            row.insertWidget(before_exit + 1, w.language)
        w.topbar_second.setVisible(two_rows)
        if row.indexOf(w.quick_exit_button) != row.count() - 1:
            row.removeWidget(w.quick_exit_button)
            row.addWidget(w.quick_exit_button)

    # --- words --------------------------------------------------------------------------

    def neutral_name(self) -> str:
        return _("Notes")

    def retranslate(self) -> None:
        self.menu_long, self.menu_short = _("Privacy and display"), _("Settings")
        self.menu_button.setText(self.menu_long)
        self.menu_button.setAccessibleName(_("Privacy and display"))
        self.menu_button.setToolTip(_("Text size, contrast, a plain window, start over, and what Navigator keeps"))
        self.bigger.setText(_("Larger text"))
        self.smaller.setText(_("Smaller text"))
        self.usual_size.setText(_("Usual text size"))
        self.contrast.setText(_("High contrast"))
        self.plain.setText(_("Plain window title and icon"))
        self.plain.setToolTip(_("The taskbar and window list show “{name}” and a plain icon.").format(name=self.neutral_name()))
        self.start_over_action.setText(_("Start over for a new person…"))
        self.about.setText(_("About your privacy"))
        self.menu.setAccessibleName(_("Privacy and display"))
        self.banner_text.setText(_("Your saved settings are on this computer, locked with your passphrase."))
        self.banner_use.setText(_("Use my saved settings"))
        self.banner_use.setAccessibleName(_("Use my saved settings"))
        self.banner_later.setText(_("Not now"))
        self.banner_later.setAccessibleName(_("Not now: hide this message"))
        if self.plain_window:
            self._apply_plain_window()
        self.fit_topbar()
        self.save_if_remembering()

    # --- display ------------------------------------------------------------------------

    def _restyle(self) -> None:
        self.theme.apply(self.app)
        self.fit_topbar()
        self.save_if_remembering()

    def set_text_scale(self, scale: float) -> None:
        self.theme.scale = round(min(SCALE_MAX, max(SCALE_MIN, scale)), 2)
        self._restyle()

    def text_bigger(self) -> None:
        self.set_text_scale(self.theme.scale + SCALE_STEP)

    def text_smaller(self) -> None:
        self.set_text_scale(self.theme.scale - SCALE_STEP)

    def text_usual(self) -> None:
        self.set_text_scale(1.0)

    def high_contrast(self) -> bool:
        return self.theme.palette.name != "calm"

    def set_high_contrast(self, on: bool) -> None:
        self.theme.set_high_contrast(on)
        self.contrast.setChecked(on)
        self._restyle()
        self.page.sync()

    def set_plain_window(self, on: bool) -> None:
        """A neutral title and icon for what the taskbar and window switcher show."""
        self.plain_window = on
        self.plain.setChecked(on)
        if on:
            self._apply_plain_window()
        else:
            self.app.removeEventFilter(self.titles)
            self.titles.title = ""
            self.app.setApplicationDisplayName(APP_NAME)
            self.app.setWindowIcon(self.usual_icon)
            self.window.setWindowIcon(self.usual_icon)
            self.window.brand.setText(APP_NAME)
            self.window._update_chrome()
        self.save_if_remembering()
        self.page.sync()

    def _apply_plain_window(self) -> None:
        name = self.neutral_name()
        self.titles.title = name
        self.app.removeEventFilter(self.titles)
        self.app.installEventFilter(self.titles)
        # Qt adds the application's display name to window titles on some desktops.
        self.app.setApplicationDisplayName(name)
        icon = plain_icon()
        self.app.setWindowIcon(icon)
        self.window.setWindowIcon(icon)
        self.window.brand.setText(name)
        for widget in QApplication.topLevelWidgets():
            if widget.isWindow() and widget.windowTitle() != name:
                widget.setWindowTitle(name)

    # --- session ------------------------------------------------------------------------

    def start_over(self, confirm: bool = True) -> bool:
        """Clear answers, the plan and open pages for the next person; back to the start."""
        if confirm:
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(_("Start over for a new person?"))
            box.setText(_("This clears all answers, the plan and the pages that are open, and goes back to the start."))
            box.setInformativeText(_("Nothing of this can be brought back. Files you saved yourself are not touched."))
            go = box.addButton(_("Start over"), QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(_("Keep working"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.exec()
            if box.clickedButton() is not go:
                return False
        self.window.reset_session()
        return True

    def _forget_session(self) -> None:
        """Quick exit and start over: drop what pages hold and the key to the saved settings."""
        for page in self.window.pages.values():
            with contextlib.suppress(Exception):
                page.reset()
        self.window.history.clear()
        # The key to the saved settings is part of this session: a new person must unlock again.
        self.lock = None
        self.banner_dismissed = False
        self.update_banner()
        self.page.sync()

    # --- remembering (opt-in, encrypted) -------------------------------------------------

    def remembering(self) -> bool:
        return self.lock is not None

    def current_settings(self) -> Settings:
        return Settings(
            language=i18n.current_locale(),
            text_scale=self.theme.scale,
            high_contrast=self.high_contrast(),
            plain_window=self.plain_window,
        )

    def turn_on_remembering(self, passphrase: str, repeated: str | None = None) -> None:
        """Create the encrypted file now. Raises RememberError (short or different passphrase) or OSError."""
        from navigator.privacy.remembered import check_new_passphrase

        check_new_passphrase(passphrase, repeated)
        lock = Lock.new(passphrase)
        self.store.save(self.current_settings(), lock)
        self.lock = lock
        self.update_banner()
        self.page.sync()

    def unlock(self, passphrase: str) -> Settings:
        """Open the saved file and use what it says. Raises WrongPassphraseError or DamagedFileError; nothing changes then."""
        settings, lock = self.store.load(passphrase)
        self.lock = lock
        self.apply_settings(settings)
        self.update_banner()
        self.page.sync()
        return settings

    def apply_settings(self, settings: Settings) -> None:
        lock, self.lock = self.lock, None  # no saving half-way through
        try:
            if settings.language and settings.language in self.window.library.locales() and settings.language != i18n.current_locale():
                i18n.set_locale(settings.language)
            self.theme.scale = round(min(SCALE_MAX, max(SCALE_MIN, settings.text_scale)), 2)
            self.theme.set_high_contrast(settings.high_contrast)
            self.contrast.setChecked(settings.high_contrast)
            self.theme.apply(self.app)
            self.set_plain_window(settings.plain_window)
        finally:
            self.lock = lock

    def save_if_remembering(self) -> None:
        if self.lock is None:
            return
        try:
            self.store.save(self.current_settings(), self.lock)
        except OSError as exc:
            self.lock = None
            QMessageBox.warning(
                self.window,
                _("Settings not saved"),
                _("Navigator could not save your settings ({reason}). Remembering is now off; nothing else changed.").format(
                    reason=exc.strerror or exc
                ),
            )
            self.page.sync()

    def forget_saved(self) -> None:
        """Delete the saved file and its folder. Works without the passphrase (in case it is lost)."""
        self.store.forget()
        self.lock = None
        self.update_banner()
        self.page.sync()

    def ask_turn_on(self) -> bool:
        from navigator.ui.pages.privacy import RememberDialog

        dialog = RememberDialog(self.window, self)
        return dialog.exec() == RememberDialog.DialogCode.Accepted

    def ask_unlock(self) -> bool:
        from navigator.ui.pages.privacy import UnlockDialog

        dialog = UnlockDialog(self.window, self)
        return dialog.exec() == UnlockDialog.DialogCode.Accepted

    def ask_forget(self) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Forget everything?"))
        box.setText(_("This deletes your saved settings from this computer:\n{path}").format(path=self.store.path))
        box.setInformativeText(_("Your choices stay only until Navigator closes."))
        go = box.addButton(_("Delete them"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is not go:
            return False
        try:
            self.forget_saved()
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                _("Not deleted"),
                _("Navigator could not delete the file ({reason}). You can delete it yourself: {path}").format(
                    reason=exc.strerror or exc, path=self.store.path
                ),
            )
            return False
        return True

    def update_banner(self) -> None:
        show = self.lock is None and not self.banner_dismissed
        with contextlib.suppress(OSError):
            show = show and self.store.exists()
        self.banner.setVisible(bool(show))

    def dismiss_banner(self) -> None:
        self.banner_dismissed = True
        self.update_banner()


def install(window: MainWindow) -> PrivacyController:
    return PrivacyController(window)


__all__ = [
    "ALLOWED_SCHEMES",
    "PrivacyController",
    "RememberError",
    "allowed_link",
    "clear_owned_clipboard",
    "forget_all",
    "harden_qt",
    "install",
    "open_outside",
    "plain_icon",
    "save_file_name",
]
