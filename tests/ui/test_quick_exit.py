"""Quick exit from every screen, by button, by Esc three times and by F12, also inside dialogs
and menus; it hides every window before anything else, clears our clipboard and forgets.

Key presses go through the window (QTest on the QWindow), the same path a real keyboard takes.
The real process exit is replaced by a recorder here (see conftest ``quick_exits``); the
subprocess tests in tests/privacy/ show that the real process ends with nothing written.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from navigator.core.models import Kind
from navigator.ui import links
from navigator.ui import quick_exit as qe


def visible_windows() -> list[str]:
    return [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()] + [
        w.objectName() for w in QGuiApplication.allWindows() if w.isVisible()
    ]


def press(widget, key=Qt.Key.Key_Escape) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget.windowHandle(), key)


def test_button_hides_everything_at_once_and_quits(window, quick_exits, qtbot):
    qtbot.mouseClick(window.topbar.quick_exit_button, Qt.MouseButton.LeftButton)
    # No event processing in between: hidden inside the click itself.
    assert visible_windows() == []
    assert quick_exits == [True]


def test_esc_three_times_from_every_page(window, quick_exits, qtbot):
    """Every page the window has, including pages added after this test was written."""
    assert {"home", "item", "list", "privacy"} <= set(window.pages)
    for name in list(window.pages):
        window.show()
        qtbot.waitExposed(window)
        window.show_page(name)
        before = len(quick_exits)
        press(window)
        press(window)
        assert window.isVisible(), f"{name}: two presses must not exit"
        assert len(quick_exits) == before
        press(window)
        assert visible_windows() == [], f"{name}: windows still visible"
        assert len(quick_exits) == before + 1, name


def test_item_page_and_focus_in_a_text_field(window, quick_exits, qtbot):
    window.open_item(Kind.ARTICLE, window.library.all(Kind.ARTICLE)[0].id)
    window.search_box.setFocus() if hasattr(window, "search_box") else None
    for _ in range(3):
        press(window)
    assert visible_windows() == [] and quick_exits == [True]


def test_f12_once(window, quick_exits):
    press(window, Qt.Key.Key_F12)
    assert visible_windows() == [] and quick_exits == [True]


def test_slow_presses_do_not_exit(window, quick_exits):
    keys = qe.install_exit_keys(QApplication.instance())
    now = [100.0]
    keys.clock = lambda: now[0]
    try:
        for _ in range(3):
            press(window)
            now[0] += 1.5  # three presses over three seconds: not a quick exit
        assert window.isVisible() and quick_exits == []
    finally:
        keys.clock = __import__("time").monotonic
        keys.presses.clear()


def test_another_key_in_between_starts_again(window, quick_exits):
    press(window)
    press(window)
    press(window, Qt.Key.Key_A)
    press(window)
    assert window.isVisible() and quick_exits == []
    press(window)
    press(window)
    assert quick_exits == [True]


def _in_modal(action) -> None:  # type: ignore[no-untyped-def]
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        action(dialog)

    QTimer.singleShot(50, run)


def test_f12_inside_a_dialog(window, quick_exits):
    seen = []

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append(dialog.windowTitle())
        press(dialog, Qt.Key.Key_F12)
        seen.append(visible_windows())

    _in_modal(in_dialog)
    opened = links.confirm_external(window, "https://example.org/")
    assert seen == ["Leave Navigator?", []]
    assert opened is False and quick_exits == [True]


def test_esc_three_times_starting_inside_a_dialog(window, quick_exits):
    """The first Esc closes the dialog, as people expect; the count goes on in the window."""

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        press(dialog)
        press(window)
        press(window)

    _in_modal(in_dialog)
    links.confirm_external(window, "https://example.org/")
    assert visible_windows() == [] and quick_exits == [True]


def test_esc_three_times_with_a_menu_open(window, quick_exits, qtbot):
    menu = window.privacy.menu

    def in_menu() -> None:
        assert menu.isVisible()
        for _ in range(3):
            press(QApplication.activePopupWidget() or window)

    QTimer.singleShot(50, in_menu)
    menu.exec(window.privacy.menu_button.mapToGlobal(window.privacy.menu_button.rect().bottomLeft()))
    assert visible_windows() == [] and quick_exits == [True]


def test_no_shortcut_anywhere_uses_escape(window):
    """Esc is reserved for quick exit: a shortcut on it would swallow the presses."""
    escape = QKeySequence(Qt.Key.Key_Escape)
    for action in window.findChildren(QAction):
        assert escape not in action.shortcuts(), action.text()
    for shortcut in window.findChildren(QShortcut):
        assert shortcut.key() != escape


def test_clipboard_keeps_nothing_of_ours(window, quick_exits):
    clipboard = QGuiApplication.clipboard()
    qe.copy_to_clipboard("a letter with a link")
    assert clipboard.text() == "a letter with a link"
    window.topbar.quick_exit_button.click()
    assert clipboard.text() != "a letter with a link"


def test_copy_made_by_a_widget_is_cleared_too(window, quick_exits, qtbot):
    """Ctrl+C inside a page puts text on the clipboard without copy_to_clipboard."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("copied from a page")  # what a QTextBrowser's copy() does
    qtbot.wait(10)
    window.topbar.quick_exit_button.click()
    assert clipboard.text() != "copied from a page"


def test_forgets_state_held_anywhere(window, quick_exits):
    forgotten = []
    qe.on_forget(lambda: forgotten.append(True))
    window.open_item(Kind.ARTICLE, window.library.all(Kind.ARTICLE)[0].id)
    window.open_door("rights")
    assert window.history
    window.topbar.quick_exit_button.click()
    assert forgotten == [True]
    assert window.pages["item"].kind is None
    assert window.history == []


def test_a_failing_hook_does_not_stop_the_exit(window, quick_exits):
    later = []

    def broken() -> None:
        raise RuntimeError("wrapped C++ object deleted")

    qe.on_forget(broken)
    qe.on_forget(lambda: later.append(True))
    window.topbar.quick_exit_button.click()
    assert later == [True] and quick_exits == [True] and not window.isVisible()


def test_quick_exit_never_asks(window, quick_exits, monkeypatch):
    asked = []
    for name in ("exec", "question", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: asked.append(a) or 0)
    window.topbar.quick_exit_button.click()
    assert asked == [] and quick_exits == [True]


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_button_is_whole_on_a_narrow_window(window, qtbot, scale):
    """However crowded the top bar, the Quick exit button keeps its full text and stays inside the window."""
    window.display.set_text_scale(scale)
    window.resize(720, 520)
    qtbot.wait(20)
    button = window.topbar.quick_exit_button
    assert button.width() >= button.sizeHint().width()
    right = button.mapTo(window, button.rect().topRight()).x()
    assert 0 < right <= window.width()
