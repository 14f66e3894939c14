"""The "Privacy and display" menu, the saved-settings banner, start over, and "remember my settings".

``PrivacyController`` is created by the main window. It fills the top bar's menu button (text size,
contrast, plain window, start over, about your privacy), shows a banner when saved settings are on
this computer, and owns the only thing Navigator may keep: the display choices, in an encrypted
file, and only if the person opts in (``navigator.privacy.remembered``). The choices themselves
live in ``ui/display.py``; this controller saves them each time they change while remembering is on.

Proven by tests/ui/test_privacy_controls.py, tests/ui/test_privacy_page.py and tests/privacy/.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QMessageBox, QPushButton, QWidget

from navigator import i18n
from navigator.i18n import _
from navigator.privacy.remembered import Lock, Settings, Store, check_new_passphrase
from navigator.ui import dialogs
from navigator.ui.display import Display
from navigator.ui.passphrase import RememberDialog, UnlockDialog
from navigator.ui.widgets import label

if TYPE_CHECKING:  # only named: the menu works in the window's shell, before the content is read
    from navigator.core.library import Library


class PrivacyController(QObject):
    """Owns the privacy menu and the optional encrypted file that keeps the display choices.

    ``start_over_confirmed`` asks the window to start over for a new person; ``about_requested``
    asks for the "About your privacy" page; ``changed`` says the remembering state changed.
    """

    start_over_confirmed = Signal()
    about_requested = Signal()
    changed = Signal()

    def __init__(self, window: QWidget, display: Display, library: Library | None, menu_button: QPushButton) -> None:
        super().__init__(window)
        self.window = window
        self.display = display
        self.library = library  # None in the window's shell, until the content is read (the window sets it)
        self.store = Store()
        self.lock: Lock | None = None  # set only while remembering is on and unlocked
        self.banner_dismissed = False
        self.menu_button = menu_button
        self._build_menu()
        self._build_banner()
        display.changed.connect(self._display_changed)

    # --- building -----------------------------------------------------------------------

    def _build_menu(self) -> None:
        # A push button with a menu: styled like its neighbours, opened with a click, Space or Enter.
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        display = self.display
        self.bigger = self._action(display.text_bigger, (QKeySequence.StandardKey.ZoomIn, "Ctrl+="))
        self.smaller = self._action(display.text_smaller, (QKeySequence.StandardKey.ZoomOut,))
        self.usual_size = self._action(display.text_usual, ("Ctrl+0",))
        self.contrast = self._action(lambda on: display.set_high_contrast(on))
        self.contrast.setCheckable(True)
        self.plain = self._action(lambda on: display.set_plain_window(on))
        self.plain.setCheckable(True)
        self.menu.addSeparator()
        self.start_over_action = self._action(lambda: self.start_over())
        self.about = self._action(self.about_requested.emit)

    def _action(self, slot: Callable[..., object], keys: Sequence[QKeySequence.StandardKey | str] = ()) -> QAction:
        item = QAction(self.window)
        item.triggered.connect(slot)
        if keys:
            sequences: list[QKeySequence] = []
            for key in keys:
                sequences += QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
            item.setShortcuts(sequences)
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.window.addAction(item)  # the shortcut works while the menu is closed
        self.menu.addAction(item)
        return item

    def _build_banner(self) -> None:
        """The banner under the top bar; the window puts it in place."""
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
        self.update_banner()

    # --- words --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.bigger.setText(_("Larger text"))
        self.smaller.setText(_("Smaller text"))
        self.usual_size.setText(_("Usual text size"))
        self.contrast.setText(_("High contrast"))
        self.plain.setText(_("Plain window title and icon"))
        self.plain.setToolTip(_("The taskbar and window list show “{name}” and a plain icon.").format(name=self.display.neutral_name()))
        self.start_over_action.setText(_("New person…"))
        self.about.setText(_("About your privacy"))
        self.menu.setAccessibleName(_("Privacy and display"))
        self.banner_text.setText(_("Your saved settings are on this computer, locked with your passphrase."))
        self.banner_use.setText(_("Use my saved settings"))
        self.banner_use.setAccessibleName(_("Use my saved settings"))
        self.banner_later.setText(_("Not now"))
        self.banner_later.setAccessibleName(_("Not now: hide this message"))
        self.save_if_remembering()  # the language is one of the remembered choices

    def _display_changed(self) -> None:
        self.contrast.setChecked(self.display.high_contrast())
        self.plain.setChecked(self.display.plain_window)
        self.save_if_remembering()

    # --- session ------------------------------------------------------------------------

    def start_over(self, confirm: bool = True) -> bool:
        """New person: clear everything of this person (answers, plan, letters, search, the pages
        that were open, what Navigator copied) and go back to the start."""
        if confirm and not dialogs.ask(
            self.window,
            title=_("Clear everything for a new person?"),
            text=_(
                "This clears the answers, the plan, letters, the search, the pages that were open and what Navigator copied, and goes back to the start."
            ),
            informative=_("Nothing of this can be brought back. Files you saved yourself are not touched."),
            yes=_("Clear everything"),
            no=_("Keep working"),
            default="no",
            destructive=True,
        ):
            return False
        self.start_over_confirmed.emit()
        return True

    def forget_key(self) -> None:
        """A new person must unlock the saved settings again: the key in memory is part of the session."""
        self.lock = None
        self.banner_dismissed = False
        self.update_banner()
        self.changed.emit()

    # --- remembering (opt-in, encrypted) -------------------------------------------------

    def remembering(self) -> bool:
        return self.lock is not None

    def current_settings(self) -> Settings:
        return Settings(
            language=i18n.current_locale(),
            text_scale=self.display.theme.scale,
            high_contrast=self.display.high_contrast(),
            plain_window=self.display.plain_window,
        )

    # Each slow part (the key derivation, the file, a large language's content) is a job that a
    # worker thread runs; what follows it happens back on the interface thread (``ui/passphrase.py``).

    def remember_job(self, passphrase: str, repeated: str | None = None) -> Callable[[], Lock]:
        """The work of turning remembering on: check, derive the key, write the file. Raises
        RememberError (short, very common or different passphrase) or OSError when run."""
        settings, store = self.current_settings(), self.store  # read here, on the interface thread

        def job() -> Lock:
            check_new_passphrase(passphrase, repeated)
            lock = Lock.new(passphrase)
            store.save(settings, lock)
            return lock

        return job

    def remembering_on(self, lock: object) -> None:
        assert isinstance(lock, Lock)
        self.lock = lock
        self.update_banner()
        self.changed.emit()

    def turn_on_remembering(self, passphrase: str, repeated: str | None = None) -> None:
        """Create the encrypted file now, here (tests and scripts; the dialog runs it in a worker)."""
        self.remembering_on(self.remember_job(passphrase, repeated)())

    def unlock_job(self, passphrase: str) -> Callable[[], tuple[Settings, Lock, object]]:
        """The work of opening the saved file, and of preparing its language's content. Raises
        WrongPassphraseError, DamagedFileError or NewerVersionError when run; nothing changes then."""
        store, library = self.store, self.library
        locales = library.locales() if library is not None else []  # no content yet: the language is set when it is read

        def job() -> tuple[Settings, Lock, object]:
            settings, lock = store.load(passphrase)
            language = settings.language
            prepared = library.prepare(language) if library is not None and language and language in locales else None
            return settings, lock, prepared

        return job

    def use_unlocked(self, result: object) -> None:
        assert isinstance(result, tuple)
        settings, lock, prepared = result
        assert isinstance(settings, Settings) and isinstance(lock, Lock)
        if prepared is not None and self.library is not None:
            self.library.adopt(prepared)
        self.lock = lock
        self.apply_settings(settings)
        self.update_banner()
        self.changed.emit()

    def unlock(self, passphrase: str) -> Settings:
        """Open the saved file and use what it says, here (tests and scripts; the dialog uses a worker)."""
        result = self.unlock_job(passphrase)()
        self.use_unlocked(result)
        return result[0]

    def apply_settings(self, settings: Settings) -> None:
        lock, self.lock = self.lock, None  # no saving half-way through
        try:
            locales = self.library.locales() if self.library is not None else i18n.available_locales()
            if settings.language and settings.language in locales and settings.language != i18n.current_locale():
                i18n.set_locale(settings.language)
            self.display.set_all(settings.text_scale, settings.high_contrast, settings.plain_window)
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
            self.changed.emit()

    def forget_saved(self) -> None:
        """Delete the saved file and its folder. Works without the passphrase (in case it is lost)."""
        self.store.forget()
        self.lock = None
        self.update_banner()
        self.changed.emit()

    def ask_turn_on(self) -> bool:
        dialog = RememberDialog(self.window, self.store.path, self.remember_job, self.remembering_on)
        return dialog.exec() == RememberDialog.DialogCode.Accepted

    def ask_unlock(self) -> bool:
        dialog = UnlockDialog(self.window, self.unlock_job, self.use_unlocked)
        return dialog.exec() == UnlockDialog.DialogCode.Accepted

    def ask_forget(self) -> bool:
        if not dialogs.ask(
            self.window,
            title=_("Forget everything?"),
            text=_("This deletes your saved settings from this computer:\n{path}").format(path=self.store.path),
            informative=_("Your choices stay only until Navigator closes."),
            yes=_("Delete them"),
            no=_("Keep them"),
            default="no",
            destructive=True,
        ):
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
