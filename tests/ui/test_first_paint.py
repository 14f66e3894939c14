"""The window's shell: painted before pydantic and the content load (issue 17), safe and whole
from its first frame (Quick exit, keys, direction, text size, the home page's words), and filled
in place once the content is read, with nothing moved and the focus where the person left it."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from navigator import app, i18n
from navigator.core.library import Library
from navigator.ui.main_window import MainWindow
from navigator.ui.theme import Theme
from tests.conftest import REPO

# Started as ``app.run`` starts: the shell, shown; the content read after its first paint. At the
# first paint, and again once the window is filled, it prints whether pydantic and the content
# models are loaded.
AT_FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from navigator import app as app_module

qt = app_module.create_app()
window = app_module.build_window(locale=sys.argv[1], later=True)


class Watch(QObject):
    painted = False

    def eventFilter(self, watched, event):
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            print("paint", "pydantic" in sys.modules, "navigator.core.models" in sys.modules, flush=True)
        return False


def filled():
    print("filled", "pydantic" in sys.modules, "navigator.core.models" in sys.modules, window.home.danger_text.text(), flush=True)
    QTimer.singleShot(0, qt.quit)


watch = Watch()
qt.installEventFilter(watch)
window.filled.connect(filled)
window.show()
qt.exec()
"""


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_the_first_paint_comes_before_pydantic_and_the_content_models(locale: str) -> None:
    """The control is the same run: once the window is filled, both are loaded."""
    done = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, locale],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "paint False False", done.stdout
    assert lines[1].startswith("filled True True "), done.stdout


class Slow:
    """A content read that waits until the test lets it go on: the window is between its first
    paint and its content."""

    def __init__(self, root: Path | None = None) -> None:
        self.go = threading.Event()
        self.started = threading.Event()
        self.root = root

    def __call__(self) -> Library:
        self.started.set()
        assert self.go.wait(30), "the test never let the read go on"
        return app.read_library(self.root, i18n.current_locale())


@pytest.fixture
def shell(more_windows) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    """The shell of a window as ``app.run`` makes it, shown; its content read by ``read``."""

    def open_(read: Callable[[], Library] | None = None, locale: str = "en") -> MainWindow:
        qt = app.create_app()
        i18n.set_locale(locale)
        theme = Theme()
        theme.apply(qt)
        window = MainWindow(None, theme)
        if read is not None:
            window.fill_after_first_paint(read)
        return more_windows(window)  # type: ignore[no-any-return]

    yield open_
    i18n.set_locale("en")


def visible_windows() -> list[str]:
    return [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()] + [
        w.objectName() for w in QGuiApplication.allWindows() if w.isVisible()
    ]


def test_quick_exit_works_in_the_shell_by_button_and_by_f12(shell, quick_exits, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = shell()
    assert not window.has_content()
    qtbot.mouseClick(window.topbar.quick_exit_button, Qt.MouseButton.LeftButton)
    assert visible_windows() == [] and quick_exits == [True]
    again = shell()
    QTest.keyClick(again.windowHandle(), Qt.Key.Key_F12)
    assert visible_windows() == [] and quick_exits == [True, True]


def test_quick_exit_works_while_the_content_is_read(shell, quick_exits, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Esc three times while the worker reads; the late content fills a hidden window and shows nothing."""
    slow = Slow()
    window = shell(slow)
    qtbot.waitUntil(slow.started.is_set, timeout=5000)  # read after the first paint, without being asked
    for _ in range(3):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    assert visible_windows() == [] and quick_exits == [True]
    slow.go.set()
    qtbot.waitUntil(window.has_content, timeout=30000)
    assert visible_windows() == []


def test_the_shell_shows_the_home_page_and_fills_it_in_place(shell, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from navigator.ui.pages import home as home_page

    monkeypatch.setattr(home_page, "likely_country", lambda: "US")
    slow = Slow()
    window = shell(slow)
    home = window.home
    assert window.current_page() is home and home.isVisible()
    # The home page's words and names from the first frame; the emergency number once it is read.
    assert home.start.accessibleName() == "Start here: a few questions, about 2 minutes"
    assert home.doors["support"].accessibleName() == "Find support"
    assert home.danger_text.accessibleName() == "In danger now? Call your local emergency number."
    assert window.topbar.quick_exit_button.accessibleName()
    where = {name: widget.mapTo(window, widget.rect().topLeft()) for name, widget in (("start", home.start), ("danger", home.danger))}
    slow.go.set()
    qtbot.waitUntil(window.has_content, timeout=30000)
    assert home.danger_text.accessibleName() == "In danger now? Call 911."  # control: the content is there now
    assert home.start.accessibleName() == "Start here: a few questions, about 2 minutes"
    assert home.doors["support"].accessibleName() == "Find support"
    QApplication.processEvents()
    assert {
        name: widget.mapTo(window, widget.rect().topLeft()) for name, widget in (("start", home.start), ("danger", home.danger))
    } == where
    assert "search" in window.pages


def test_the_focus_stays_where_the_person_put_it_and_tab_reaches_quick_exit_first(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    slow = Slow()
    window = shell(slow)
    slow.go.set()
    qtbot.waitUntil(window.has_content, timeout=30000)
    assert window.focusNextPrevChild(True)
    assert QApplication.focusWidget() is window.topbar.quick_exit_button
    slow_too = Slow()
    other = shell(slow_too)
    other.activateWindow()
    other.home.start.setFocus(Qt.FocusReason.TabFocusReason)
    slow_too.go.set()
    qtbot.waitUntil(other.has_content, timeout=30000)
    assert other.home.start.hasFocus()


def test_a_door_pressed_in_the_shell_opens_once_the_content_is_read(shell, quick_exits, qtbot) -> None:  # type: ignore[no-untyped-def]
    slow = Slow()
    window = shell(slow)
    qtbot.mouseClick(window.home.doors["support"], Qt.MouseButton.LeftButton)
    assert window.current_page().name == "home"
    slow.go.set()
    qtbot.waitUntil(window.has_content, timeout=30000)
    assert window.current_page().name == "directory"
    # Control: a door pressed in a shell that Quick exit then left is forgotten with the rest.
    late = Slow()
    other = shell(late)
    qtbot.mouseClick(other.home.doors["support"], Qt.MouseButton.LeftButton)
    QTest.keyClick(other.windowHandle(), Qt.Key.Key_F12)
    late.go.set()
    qtbot.waitUntil(other.has_content, timeout=30000)
    assert other.current_page().name == "home" and quick_exits == [True]


def test_arabic_is_right_to_left_in_the_shell(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Laid out as the filled window is, mirrored from English (control: the English shell)."""

    def edges(window: MainWindow) -> tuple[int, int]:
        button, start = window.topbar.quick_exit_button, window.home.start
        return button.mapTo(window, button.rect().center()).x(), start.mapTo(window, start.rect().center()).x()

    english = edges(shell(locale="en"))
    slow = Slow()
    window = shell(slow, locale="ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.home.start.text() != "Start here, about 2 minutes"  # in Arabic
    arabic = edges(window)
    middle = window.width() // 2
    assert (english[0] < middle) != (arabic[0] < middle) and (english[1] < middle) != (arabic[1] < middle)
    slow.go.set()
    qtbot.waitUntil(window.has_content, timeout=30000)
    QApplication.processEvents()
    assert edges(window) == arabic


def test_text_size_and_contrast_work_in_the_shell(shell) -> None:  # type: ignore[no-untyped-def]
    window = shell()
    before = window.home.title.font().pointSizeF()
    window.privacy.bigger.trigger()
    window.privacy.contrast.trigger()
    QApplication.processEvents()
    assert window.home.title.font().pointSizeF() > before
    assert window.display.high_contrast()


def test_a_language_chosen_in_the_shell_is_the_content_language(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    slow = Slow()
    window = shell(slow)
    window.switch_language("fr")
    assert i18n.current_locale() == "fr"
    slow.go.set()
    qtbot.waitUntil(window.has_content, timeout=30000)
    assert window.library.locale == "fr"


def test_content_that_cannot_be_read_is_said_at_the_bottom(shell, qtbot, capsys) -> None:  # type: ignore[no-untyped-def]
    def broken() -> Library:
        raise OSError("the compiled content is missing")

    window = shell(broken)
    window.content_failed.connect(lambda error: app.show_content_failure(window, error))
    qtbot.waitUntil(lambda: window.findChild(QLabel, "contentProblems") is not None, timeout=10000)
    line = window.findChild(QLabel, "contentProblems")
    assert line is not None and line.isVisible() and "could not be read" in line.text()
    assert "could not be read (OSError)" in capsys.readouterr().err
    assert window.topbar.quick_exit_button.isVisible() and not window.has_content()
