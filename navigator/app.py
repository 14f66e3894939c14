"""Wires the pieces together: content library, interface language, theme, main window.

A start (``run``) paints the window's shell before it reads the content: pydantic and the
content models load after the first paint, in a worker thread, and the home page fills in then
(``ui/main_window.py``). So nothing here imports the content at module level.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QWindow
from PySide6.QtWidgets import QApplication

from navigator.ui import pyside_imports  # noqa: F401 - first: the modules below are not kept as source (see there)

# isort: split
from navigator import APP_NAME, SYSTEM_NAME, i18n
from navigator.paths import compiled_content, content_root, icon_files

if TYPE_CHECKING:
    from navigator.core.library import Library
    from navigator.ui.main_window import MainWindow


def pick_locale(available: list[str], wanted: list[str] | None = None) -> str:
    """The system's language if Navigator speaks it, else English. Read only; nothing is stored.

    ``wanted`` is the system's list, most wanted first ("pt-BR", "pt"). Each is matched as
    language and region ("pt_BR"), then as the language alone ("ko" for "ko-KR"), then as any
    region of that language Navigator has (a Brazilian or a Portuguese system both read "pt_BR"
    rather than fall back to English).
    """
    names = wanted if wanted is not None else QLocale.system().uiLanguages()
    by_code = {code.lower(): code for code in available}
    for name in names:
        parts = [part for part in name.replace("-", "_").split("_") if part]
        if not parts:
            continue
        language = parts[0].lower()
        regions = [part.upper() for part in parts[1:] if len(part) == 2 or part.isdigit()]
        for candidate in [f"{language}_{region}" for region in regions] + [language]:
            if candidate.lower() in by_code:
                return by_code[candidate.lower()]
        for code in available:
            if code.split("_")[0].lower() == language:
                return code
    return i18n.SOURCE_LOCALE


def create_app(argv: list[str] | None = None) -> QApplication:
    from navigator.ui import qt_hardening

    qt_hardening.harden_qt()  # Qt's own dialogs only, and no settings file Qt could write (see PRIVACY.md)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = _neutral_app(list(argv if argv is not None else sys.argv[:1]))
    app.setApplicationName(SYSTEM_NAME)
    app.setDesktopFileName(SYSTEM_NAME)
    app.setApplicationDisplayName(APP_NAME)
    if app.windowIcon().isNull():
        # Shown by the taskbar and window switcher; the plain window replaces it (ui/display.py).
        icon = QIcon()
        for path in icon_files():
            icon.addFile(str(path))
        app.setWindowIcon(icon)
    app.setQuitOnLastWindowClosed(True)
    # No motion: Qt's sliding and fading menus, lists and tooltips stay off whatever the desktop
    # says (Navigator has no animation of its own), so a reduced-motion preference is always met.
    for effect in (
        Qt.UIEffect.UI_AnimateMenu,
        Qt.UIEffect.UI_FadeMenu,
        Qt.UIEffect.UI_AnimateCombo,
        Qt.UIEffect.UI_AnimateTooltip,
        Qt.UIEffect.UI_FadeTooltip,
        Qt.UIEffect.UI_AnimateToolBox,
    ):
        QApplication.setEffectEnabled(effect, False)
    from navigator.ui.typefaces import load_fonts

    load_fonts()  # Arabic, Korean, Hindi... letters a basic system may lack, from memory (F17)
    return app


def _neutral_app(argv: list[str]) -> QApplication:
    """The application, named neutrally where the system reads names only once (security review F8).

    On X11, Qt reads them when it starts and when it makes its first window, and never again:
    the WM_CLASS of every window (its instance from ``-name``, its class from the application
    name), the title of the hidden "client leader" window every window points to (the display
    name), and the name of its clipboard window ("Qt Selection Owner for ..."). The desktop-file
    id is read for each new window (``_GTK_APPLICATION_ID``, ``_KDE_NET_WM_DESKTOP_FILE``, the
    Wayland app id). All of them are neutral before anything is made; a window made and dropped at
    once fixes the leader's title, and then the display name becomes Navigator's for the titles.
    """
    QApplication.setApplicationName(SYSTEM_NAME)
    QGuiApplication.setDesktopFileName(SYSTEM_NAME)
    QGuiApplication.setApplicationDisplayName(SYSTEM_NAME)
    app = QApplication([*argv[:1], "-name", SYSTEM_NAME, *argv[1:]])
    first = QWindow()
    first.create()
    first.destroy()
    return app


def read_library(content: Path | None, locale: str) -> Library:
    """The content (the shipped content unless ``content`` names a folder), in ``locale``. Pure
    Python and no Qt: ``run`` calls it in a worker thread once the window's shell is painted."""
    from navigator.core.library import Library

    if i18n.pseudo_enabled():
        from navigator.i18n.pseudo_library import PseudoLibrary

        library: Library = PseudoLibrary(content or content_root())
    else:
        # The shipped content as the build compiled it, when there is such a file (core/compiled.py).
        library = Library(content or content_root(), compiled_in=None if content else compiled_content())
    library.set_locale(locale)
    return library


def build_window(locale: str | None = None, content: Path | None = None, later: bool = False) -> MainWindow:
    """Create the main window with content loaded (the shipped content unless ``content`` names a
    folder); used by ``run``, ``navigator selftest`` and the UI tests.

    ``later``: the window's shell only, in the person's language, theme and direction, with Quick
    exit working; the content is read in a worker thread once it is painted, and the window fills
    in then (``MainWindow.filled``). That is how ``run`` starts."""
    from navigator.ui import qt_translator
    from navigator.ui.main_window import MainWindow
    from navigator.ui.theme import Theme

    app = create_app()
    qt_translator.install(app)
    # A language with an interface catalog is offered even before its content is translated:
    # content falls back to English item by item, and each page says so.
    chosen = locale or pick_locale(i18n.available_locales())
    i18n.set_locale(chosen)
    theme = Theme()
    theme.apply(app)  # the text size and contrast from the first frame
    if later:
        window = MainWindow(None, theme)
        # In the language of the moment it is read: the person may change it in the shell.
        window.fill_after_first_paint(lambda: read_library(content, i18n.current_locale()))
        return window
    return MainWindow(read_library(content, chosen), theme)  # it starts in the language set here, and follows later changes


def content_problem_note(report_to: str | None) -> str:
    """What the window says when some content could not be read, and where to tell someone."""
    from navigator.i18n import _

    if report_to:
        where = _("Please report it at {address}.").format(address=report_to)
    else:
        where = _("Please tell the person or organization you got Navigator from.")
    return _("Some of Navigator's information could not be read, so a few pages may be missing.") + " " + where


def _problem_line(window: MainWindow, note: str) -> None:
    from PySide6.QtWidgets import QLabel

    line = QLabel(note)
    line.setObjectName("contentProblems")
    line.setWordWrap(True)
    line.setTextInteractionFlags(line.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
    bar = window.statusBar()
    bar.addWidget(line, 1)  # a widget, so that no hover text ever replaces it
    window.theme.take_part(bar)  # in the text size and colours of the rest, and following their changes
    bar.show()


def show_content_failure(window: MainWindow, error: object) -> None:
    """The content could not be read at all (a damaged install): the window stays open, Quick exit
    works, and the bottom line says so, with where to tell someone."""
    from navigator.paths import report_address

    note = content_problem_note(report_address())
    print(f"Navigator: the content could not be read ({type(error).__name__}). {note}", file=sys.stderr)
    _problem_line(window, note)


def show_content_problems(window: MainWindow) -> bool:
    """A broken content file never stops the app: the rest loads, and the window says so at the
    bottom, with where to report it (``navigator check`` lists each problem). True if it did."""
    from navigator.paths import report_address

    report = window.library.report
    if report.ok:
        return False
    note = content_problem_note(report_address())
    print(f"Navigator: {len(report.errors)} content problems; run 'navigator check' to see them. {note}", file=sys.stderr)
    _problem_line(window, note)
    return True


def run() -> int:
    from navigator.privacy.process import harden_process, neutral_process_name, no_crash_dumps, quiet_errors, silence_error_output
    from navigator.ui.qt_hardening import silence_qt_messages
    from navigator.ui.quick_exit import set_hard_exit

    # First: a crash leaves no copy of memory, and an error prints no traceback (see PRIVACY.md).
    no_crash_dumps()
    quiet_errors()
    # The process's name in ps and system monitors says nothing either (security review F8).
    neutral_process_name(SYSTEM_NAME)
    # Before Qt starts: no font, shader or session files, no bytecode (see PRIVACY.md).
    harden_process()
    silence_qt_messages()
    app = create_app()
    # The window system answered, so Navigator can start; from now on nothing, not even a library
    # written in C, writes to the error output a desktop keeps in its log (NAVIGATOR_DEBUG=1 to see it).
    silence_error_output()
    set_hard_exit(True)  # quick exit ends the process at once; nothing runs after it
    # The shell first: painted before pydantic and the content load (issue 17), then filled.
    window = build_window(later=True)
    window.filled.connect(lambda: show_content_problems(window))
    window.content_failed.connect(lambda error: show_content_failure(window, error))
    window.show()
    return app.exec()
