"""The "Privacy and display" menu: plain window, text size, contrast, start over; and links."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from navigator.core.models import Kind
from navigator.ui import display, links
from navigator.ui import quick_exit as qe

# --- plain window -------------------------------------------------------------------------


def test_plain_window_changes_title_icon_and_name(window, qtbot):
    app = QApplication.instance()
    assert window.windowTitle() == "Navigator"
    window.display.set_plain_window(True)
    assert window.windowTitle() == "Notes"
    assert app.applicationDisplayName() == "Notes"  # what some desktops add to every title
    assert not window.windowIcon().isNull() and not app.windowIcon().isNull()
    assert window.topbar.brand.text() == "Notes"
    # Moving around does not bring the real name back.
    window.open_door("rights")
    window.open_item(Kind.ARTICLE, window.library.all(Kind.ARTICLE)[0].id)
    assert window.windowTitle() == "Notes"


def test_plain_window_covers_dialogs_too(window):
    window.display.set_plain_window(True)
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(50, look)
    links.confirm_external(window, "https://example.org/")
    assert seen == ["Notes"]


def test_plain_window_off_brings_everything_back(window):
    window.display.set_plain_window(True)
    window.display.set_plain_window(False)
    assert window.windowTitle() == "Navigator"
    assert QApplication.instance().applicationDisplayName() == "Navigator"
    assert window.topbar.brand.text() == "Navigator"


def test_plain_icon_is_drawn_not_loaded():
    icon = display.plain_icon()
    image = icon.pixmap(64, 64).toImage()
    assert not image.isNull()
    assert image.pixelColor(32, 32).alpha() == 255 and image.pixelColor(1, 1).alpha() == 0


# --- text size and contrast ---------------------------------------------------------------


def test_text_size_steps_and_limits(window):
    controller = window.display
    base = window.theme.pt()
    controller.text_bigger()
    assert window.theme.scale == pytest.approx(1.1)
    assert f"font-size: {window.theme.pt()}pt" in window.current_page().styleSheet()
    assert window.theme.pt() > base
    controller.set_text_scale(5.0)  # far past the largest size: stops there
    assert window.theme.scale == pytest.approx(display.SCALE_MAX)
    restyled = []
    controller.changed.connect(lambda: restyled.append(True))
    controller.text_bigger()  # already at the limit: nothing changes, and nothing is restyled
    assert window.theme.scale == pytest.approx(display.SCALE_MAX) and restyled == []
    controller.set_text_scale(0.1)  # far below the smallest size: stops there
    assert window.theme.scale == pytest.approx(display.SCALE_MIN)
    controller.text_smaller()
    assert window.theme.scale == pytest.approx(display.SCALE_MIN) and len(restyled) == 1
    controller.text_usual()
    assert window.theme.scale == 1.0
    assert f"font-size: {window.theme.pt()}pt" in window.current_page().styleSheet()


def test_text_size_by_keyboard(window):
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.theme.scale == pytest.approx(1.1)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.theme.scale == pytest.approx(1.0)


def test_high_contrast(window):
    window.display.set_high_contrast(True)
    assert window.theme.palette.name == "high-contrast"
    assert window.privacy.contrast.isChecked() and window.pages["privacy"].contrast.isChecked()
    window.display.set_high_contrast(False)
    assert window.theme.palette.name == "calm"


def test_display_choices_write_nothing(window, tmp_path):
    window.display.text_bigger()
    window.display.set_high_contrast(True)
    window.display.set_plain_window(True)
    assert not (tmp_path / "xdg-config").exists()
    assert window.privacy.store.path.is_relative_to(tmp_path / "xdg-config")


# --- the menu -----------------------------------------------------------------------------


def test_menu_is_in_the_top_bar_and_reachable_by_keyboard(window, qtbot):
    button = window.privacy.menu_button
    assert window.topbar.row.indexOf(button) >= 0
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert button.accessibleName() == "Privacy and display"
    texts = [a.text() for a in window.privacy.menu.actions() if not a.isSeparator()]
    assert texts == [
        "Larger text",
        "Smaller text",
        "Usual text size",
        "High contrast",
        "Plain window title and icon",
        "New person…",
        "About your privacy",
    ]
    opened = []
    QTimer.singleShot(50, lambda: (opened.append(window.privacy.menu.isVisible()), window.privacy.menu.hide()))
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [True]


def test_about_your_privacy_opens_the_privacy_page(window, qtbot):
    qtbot.mouseClick(window.privacy_link, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "privacy"
    assert window.windowTitle() == "Navigator"  # the page is never named in the title
    window.go_home()
    next(a for a in window.privacy.menu.actions() if a.text() == "About your privacy").trigger()
    assert window.current_page().name == "privacy"


# --- start over ---------------------------------------------------------------------------


def _busy_session(window):  # type: ignore[no-untyped-def]
    forgotten = []
    qe.on_forget(lambda: forgotten.append(True))
    window.open_door("takedown")
    window.open_item(Kind.ARTICLE, window.library.all(Kind.ARTICLE)[0].id)
    qe.copy_to_clipboard("the previous person's letter")
    return forgotten


def test_start_over_clears_everything_and_goes_home(window):
    forgotten = _busy_session(window)
    assert window.privacy.start_over(confirm=False)
    assert window.current_page().name == "home"
    assert window.history == [] and window.pages["item"].kind is None
    assert forgotten == [True]
    assert QGuiApplication.clipboard().text() != "the previous person's letter"
    assert not window.topbar.back_button.isEnabled()


def test_start_over_asks_first_and_can_be_cancelled(window):
    _busy_session(window)

    def answer(label: str):  # type: ignore[no-untyped-def]
        def click() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            next(b for b in box.buttons() if b.text() == label).click()

        return click

    QTimer.singleShot(50, answer("Keep working"))
    action = window.privacy.start_over_action
    action.trigger()  # from the top-bar menu
    assert window.current_page().name == "item" and window.history
    QTimer.singleShot(50, answer("Clear everything"))
    action.trigger()
    assert window.current_page().name == "home" and window.history == []


# --- links --------------------------------------------------------------------------------


@pytest.mark.parametrize("href", ["https://example.org/help", "tel:+18005550100", "mailto:help@example.org", "sms:64673"])
def test_allowed_links(href):
    assert links.allowed_link(href)


@pytest.mark.parametrize(
    "href",
    [
        "http://example.org/",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "ftp://example.org/",
        "https://",
        "https://user:pw@example.org/",
        "tel:",
        "smb://server/share",
        "HTTPS//example.org",
        "",
    ],
)
def test_refused_links_say_so_and_open_nothing(window, monkeypatch, href):
    opened, warned = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(links.dialogs, "warn", lambda _parent, text, *a: warned.append(text))
    monkeypatch.setattr(links.dialogs, "inform", lambda _parent, text: warned.append(text))
    monkeypatch.setattr(links.dialogs, "ask", lambda *a, **k: pytest.fail("no confirmation for a refused link"))
    assert not links.allowed_link(href)
    window.open_link(href)
    assert opened == []
    assert warned and "cannot be opened" in warned[0]
    assert links.open_outside(href) is False and opened == []


def _confirm(label: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert "browser" in box.informativeText() and "private" in box.informativeText()
        next(b for b in box.buttons() if b.text() == label).click()

    QTimer.singleShot(50, click)


def test_link_opens_only_after_yes_with_the_persons_own_environment(window, monkeypatch):
    opened = []
    monkeypatch.setattr(links, "original_environment", _fake_original)
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append((url.toString(), os.environ.get("NAVIGATOR_TEST_ENV"))) or True
    )
    _confirm("Stay here")
    window.open_link("https://example.org/help")
    assert opened == []
    _confirm("Open it")
    window.open_link("https://example.org/help")
    assert opened == [("https://example.org/help", "restored")]


def _fake_original():  # type: ignore[no-untyped-def]
    import contextlib

    @contextlib.contextmanager
    def restore():  # type: ignore[no-untyped-def]
        os.environ["NAVIGATOR_TEST_ENV"] = "restored"
        try:
            yield
        finally:
            del os.environ["NAVIGATOR_TEST_ENV"]

    return restore()


# --- input methods ------------------------------------------------------------------------


def test_text_fields_ask_input_methods_not_to_learn(window, qtbot):
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit(window)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert field.inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData
    assert field.inputMethodHints() & Qt.InputMethodHint.ImhNoPredictiveText


def test_top_bar_wraps_to_two_rows_when_narrow_and_quick_exit_stays_last(window, qtbot):
    from navigator import i18n

    window.resize(1400, 800)
    qtbot.wait(20)
    row = window.topbar.row
    assert window.topbar.language.isVisible() and not window.topbar.second.isVisible()
    i18n.set_locale("fr")
    window.display.set_text_scale(1.6)
    window.resize(window.minimumSize())
    qtbot.wait(20)
    assert window.topbar.second.isVisible()
    assert window.topbar.row2.indexOf(window.search_box) >= 0
    assert row.indexOf(window.topbar.quick_exit_button) == row.count() - 1
    button = window.topbar.quick_exit_button
    right = button.mapTo(window, button.rect().topRight()).x()
    assert button.width() >= button.sizeHint().width() and 0 < right <= window.width()
    window.display.set_text_scale(1.0)
    i18n.set_locale("en")
    window.resize(1400, 800)
    qtbot.wait(20)
    assert window.topbar.language.isVisible() and not window.topbar.second.isVisible()
