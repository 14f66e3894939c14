"""The keyboard: Quick exit is the first Tab stop, Tab follows what is seen, the focus lands on each
new page and is always ringed by the one focus style (navigator/ui/keyboard.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from navigator.ui.keyboard import RING_OFFSET, RING_WIDTH


def tab(window, qtbot, backwards: bool = False):  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_quick_exit_is_the_first_stop_then_the_order_that_is_seen(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.centralWidget()
    assert tab(window, qtbot) is window.topbar.quick_exit_button
    seen = [tab(window, qtbot) for _ in range(5)]
    bar = window.topbar
    # Back and Home are off on the home page; search is on the first row, or on a second row of its
    # own below it when the window is narrow: in the order they are seen either way.
    first_row = [bar.menu_button, bar.language]
    expected = [*first_row, bar.search_box] if bar.second.isVisible() else [bar.search_box, *first_row]
    assert seen[:3] == expected
    assert seen[3] is window.home.start  # then the page, from its top
    assert seen[4] is window.home.talk
    # Shift+Tab goes back the same way.
    assert tab(window, qtbot, backwards=True) is window.home.start


def test_tab_reaches_the_footer_last_and_goes_round(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    stops = []
    for _ in range(40):
        stops.append(tab(window, qtbot))
        if len(stops) > 1 and stops[-1] is stops[0]:
            break
    assert stops[0] is window.topbar.quick_exit_button and stops[-1] is stops[0], "Tab does not go round"
    assert stops[-4:-1] == [window.help_now, window.privacy_link, window.new_person]


def test_focus_lands_on_each_new_page(window, qtbot) -> None:
    window.activateWindow()
    for name in ("directory", "privacy", "case", "search", "home"):
        window.show_page(name)
        focused = QApplication.focusWidget()
        page = window.pages[name]
        assert focused is not None and focused.isVisible(), name
        assert page.isAncestorOf(focused), f"{name}: the focus is on {focused!r}"
        if isinstance(focused, QLabel):
            assert focused.objectName() == "title" and focused.text()
    window.open_door("guide")
    focused = QApplication.focusWidget()
    assert focused in [b for _v, b in window.wizard.option_buttons]


def test_one_focus_ring_around_styled_controls(window, qtbot) -> None:
    """F19: Quick exit, a door, the main button and a footer link all get the same visible ring."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    ring = window.focus_ring
    colour = QColor(window.theme.palette.focus).name()
    for widget in (window.topbar.quick_exit_button, window.home.doors["takedown"], window.home.start, window.help_now):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda w=widget: ring.target is w and ring.isVisible())
        where = widget.mapTo(window, widget.rect().topLeft())
        assert ring.geometry().contains(where.x() - RING_OFFSET - 1, where.y() - RING_OFFSET - 1)
        image = window.grab().toImage()
        # The ring's line, just outside the widget's left edge, at its middle.
        x = where.x() - RING_OFFSET - RING_WIDTH // 2 - 1
        y = where.y() + widget.height() // 2
        found = {QColor(image.pixel(x + dx, y)).name() for dx in range(-2, 3)}
        assert colour in found, f"no ring beside {widget.objectName()}: {found}"


def test_the_ring_check_can_fail(window, qtbot) -> None:
    """Without the ring (hidden), the same pixels do not hold the focus colour."""
    window.activateWindow()
    widget = window.topbar.quick_exit_button
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.focus_ring.target is widget)
    window.focus_ring.hide()
    where = widget.mapTo(window, widget.rect().topLeft())
    image = window.grab().toImage()
    x = where.x() - RING_OFFSET - RING_WIDTH // 2 - 1
    found = {QColor(image.pixel(x + dx, where.y() + widget.height() // 2)).name() for dx in range(-2, 3)}
    assert QColor(window.theme.palette.focus).name() not in found
