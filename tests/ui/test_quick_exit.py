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
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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
    """Every page the window has, including pages added after this test was written (and pages
    built only when first shown: showing one builds it)."""
    assert {"home", "item", "list", "privacy"} <= set(window.stack.names)
    for name in list(window.stack.names):
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


def _in_modal(action, tries: int = 100) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` on the dialog as soon as it is open (some, such as the print dialog, take a
    moment); a dialog that never shows ends the wait instead of hanging the test."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            if tries > 0:
                _in_modal(action, tries - 1)
            return
        action(dialog)

    QTimer.singleShot(50, run)


def test_f12_inside_a_dialog(window, quick_exits):
    seen = []

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append(dialog.accessibleName())
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
    window.session.search_text = "the person's words"
    window.topbar.quick_exit_button.click()
    assert forgotten == [True]
    assert window.session.search_text == ""  # the session is cleared (pages are not redrawn: F19)
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


# --- the mouse, while any kind of dialog is open (UX review F02) -------------------------------


def _dialog_exit(dialog):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    button = dialog.findChild(QPushButton, qe.DialogExits.NAME)
    assert button is not None, f"{type(dialog).__name__} has no Quick exit"
    return button


def _click_quick_exit_in_dialog(qtbot, seen):  # type: ignore[no-untyped-def]
    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        button = _dialog_exit(dialog)
        assert button.isVisible() and button.text() == "Quick exit (Esc ×3)"
        # Whole, inside the dialog, and covered by none of the dialog's own controls.
        area = button.geometry()
        assert dialog.rect().contains(area), (area, dialog.rect())
        assert button.width() >= button.sizeHint().width()
        for child in dialog.findChildren(QWidget):
            if child.isVisible() and child.parent() is dialog and child is not button and child.isWindow() is False:
                assert not child.geometry().intersects(area), type(child).__name__
        seen.append(type(dialog).__name__)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        seen.append(visible_windows())

    _in_modal(in_dialog)


def _open_each_dialog(window, kind):  # type: ignore[no-untyped-def]
    from navigator.ui import dialogs
    from navigator.ui.passphrase import RememberDialog, UnlockDialog

    if kind == "link":
        links.confirm_external(window, "https://example.org/")
    elif kind == "question":
        window.privacy.start_over()
    elif kind == "message":
        dialogs.warn(window, "Something did not work.")
    elif kind == "save":
        dialogs.ask_save_path(window, "Save", "plan.pdf", "PDF files (*.pdf)", "pdf")
    elif kind == "remember":
        controller = window.privacy
        RememberDialog(window, controller.store.path, controller.remember_job, controller.remembering_on).exec()
    elif kind == "unlock":
        controller = window.privacy
        UnlockDialog(window, controller.unlock_job, controller.use_unlocked).exec()
    elif kind == "case":
        window.open_door("case")
        window.case_page.start_button.click()


# The print dialog gets the same strip (DialogExits covers every QDialog), but Qt's print dialog
# crashes in this test environment (no print system), with or without Navigator around it.
DIALOG_KINDS = ["link", "question", "message", "save", "remember", "unlock", "case"]


@pytest.mark.parametrize("kind", DIALOG_KINDS)
def test_quick_exit_by_mouse_inside_every_kind_of_dialog(window, quick_exits, qtbot, kind, monkeypatch, tmp_path):
    from navigator.ui import dialogs

    if kind == "case":  # past the file chooser (a "save" dialog, tested above) to the case file's own form
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "case.navcase")
    seen: list[object] = []
    _click_quick_exit_in_dialog(qtbot, seen)
    _open_each_dialog(window, kind)
    assert len(seen) == 2, f"{kind}: no dialog was open"
    assert seen[1] == [] and quick_exits == [True], kind


def test_dialog_quick_exit_sits_where_the_window_has_it_in_right_to_left(window, quick_exits, qtbot):
    from navigator import i18n

    i18n.set_locale("ar")
    places = []

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        button = _dialog_exit(dialog)
        places.append((button.x(), dialog.width() - button.geometry().right()))
        dialog.reject()

    _in_modal(in_dialog)
    links.confirm_external(window, "https://example.org/")
    left, right = places[0]
    assert left < right  # the left end in Arabic, as the main window's


def test_enter_in_a_dialog_never_presses_quick_exit_or_the_destructive_answer(window, quick_exits, qtbot):
    answers = []

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Return)

    _in_modal(in_dialog)
    answers.append(window.privacy.start_over())
    assert answers == [False] and quick_exits == []


# --- window titles (UX review F05) ------------------------------------------------------------


def test_window_title_never_names_the_page(window, quick_exits):
    titles = set()
    for name in window.pages:
        window.show_page(name)
        titles.add(window.windowTitle())
    window.open_item(Kind.LAW, window.library.all(Kind.LAW)[0].id)
    titles.add(window.windowTitle())
    assert titles == {"Navigator"}


def test_dialog_titles_are_the_programs_name_and_their_topic_is_inside(window, quick_exits):
    seen = []

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append((dialog.windowTitle(), dialog.accessibleName(), dialog.text()))
        dialog.reject()

    _in_modal(in_dialog)
    links.confirm_external(window, "https://example.org/")
    assert seen == [("Navigator", "Leave Navigator?", "Leave Navigator?")]


# --- Quick exit redraws nothing (security review F19) ------------------------------------------


def test_quick_exit_forgets_without_rebuilding_pages(window, quick_exits, monkeypatch):
    rebuilt = []
    window.session.search_text = "words of the person"
    window.open_door("rights")  # builds the list page
    for page in window.pages.values():
        monkeypatch.setattr(page, "reset", lambda p=page: rebuilt.append(p.name))
    window.topbar.quick_exit_button.click()
    assert quick_exits == [True] and rebuilt == []
    assert window.session.search_text == "" and window.history == []
    # New person (not Quick exit) does redraw every page.
    window.reset_session()
    assert sorted(rebuilt) == sorted(window.pages)


# --- keys read from the window system (security review F1) -------------------------------------


def test_a_native_press_counts_once(window, quick_exits):
    from PySide6.QtGui import QKeyEvent

    from navigator.ui.native_keys import ExitKey

    keys = qe.install_exit_keys(QApplication.instance())
    for stamp in (1000, 1100):
        keys.native_key(ExitKey.ESCAPE, stamp)
        # Qt's own copy of the same press (same time stamp) arrives afterwards: not counted again.
        event = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        event.setTimestamp(stamp)
        QApplication.sendEvent(window.windowHandle(), event)
    assert quick_exits == [] and len(keys.presses) == 2
    keys.native_key(ExitKey.ESCAPE, 1200)
    assert quick_exits == [True]


def test_native_f12_exits_at_once(window, quick_exits):
    from navigator.ui.native_keys import ExitKey

    qe.install_exit_keys(QApplication.instance()).native_key(ExitKey.F12, 5)
    assert quick_exits == [True] and visible_windows() == []


# --- "Try Quick exit now" (UX review F06) -------------------------------------------------------


def test_try_quick_exit_now_exits_then_starts_a_fresh_navigator(window, quick_exits, monkeypatch):
    import sys

    started = []
    monkeypatch.setattr(qe, "_hard_exit", True)
    monkeypatch.setattr(qe.os, "execv", lambda program, args: started.append((program, list(args), visible_windows())))
    monkeypatch.setattr(sys, "orig_argv", ["/usr/bin/python3", "-m", "navigator"])
    window.session.search_text = "words of the person"
    window.open_door("privacy")
    page = window.pages["privacy"]
    assert page.rehearse.text() == "Try Quick exit now"
    page.rehearse.click()
    # The same program with the same command, nothing added; everything hidden and forgotten first.
    assert started == [(sys.executable, ["/usr/bin/python3", "-m", "navigator"], [])]
    assert window.session.search_text == ""
