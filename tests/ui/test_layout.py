"""Layout at the sizes people use (UX review F10, F21, F23, F25, F26): nothing scrolls sideways,
nothing is cut, the window fits half a screen, choices keep one width, lines stay readable.

Each screen is measured, not photographed: a scroll area's content against its view, each label's
height against the height its words need at its width, each button against its size hint.
Sizes: 640x600 (beside a browser) and 1280x800; text at 100% and 200%; English, Arabic and the
pseudo-locale (longer words, marked).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QScrollArea, QWidget

from navigator import i18n
from navigator.core.models import Kind
from navigator.ui.widgets import READING_CHARS, letter_width
from tests.ui.windows import shown_window

PATH = {"safe-now": "safe", "what-happened": "ai-made", "age": "adult", "where": "x", "country": "us", "us-state": "us-tx"}


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def problems(window: QWidget, width: int) -> list[str]:
    """What is cut or scrolls sideways in the window as it is now."""
    found = []
    if window.width() > width:
        found.append(f"the window is {window.width()} px wide, not {width}")
    for area in window.findChildren(QScrollArea):
        if not area.isVisible():
            continue
        content = area.widget()
        if area.horizontalScrollBar().isVisible() or content.minimumSizeHint().width() > area.viewport().width():
            found.append(f"sideways scrolling: {content.minimumSizeHint().width()} px in a {area.viewport().width()} px view")
    for widget in window.findChildren(QLabel):
        if not widget.isVisible() or not widget.text():
            continue
        if widget.wordWrap():
            if widget.heightForWidth(widget.width()) > widget.height() + 1:
                found.append(f"label cut: {widget.text()[:40]!r} ({widget.height()} px of {widget.heightForWidth(widget.width())})")
        elif widget.sizeHint().width() > widget.width() + 1:
            found.append(f"label cut: {widget.text()[:40]!r} ({widget.width()} px of {widget.sizeHint().width()})")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        if button.hasHeightForWidth():
            if button.heightForWidth(button.width()) > button.height() + 1:
                found.append(f"button cut: {button.accessibleName()[:40]!r}")
        elif isinstance(button, QPushButton) and button.text():
            hint = button.sizeHint()
            if hint.width() > button.width() + 1 or hint.height() > button.height() + 1:
                found.append(f"button cut: {button.text()[:40]!r} {button.size().toTuple()} of {hint.toTuple()}")
    found += overlaps(window)
    return found


def overlaps(window: QWidget) -> list[str]:
    """Controls of the top bar and the footer drawn over one another (the footer squeezed by a
    short window once drew its sentence over "New person"), or pushed out of the window."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QComboBox, QLineEdit

    found = []
    for bar in (window.topbar, window.footer_bar):
        kinds = (QAbstractButton, QComboBox, QLineEdit, QLabel) if bar is window.footer_bar else (QAbstractButton, QComboBox, QLineEdit)
        controls = [w for w in bar.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]
        # A control inside another (a wrapping button's words) is part of it, not beside it.
        controls = [w for w in controls if not any(other is not w and other.isAncestorOf(w) for other in controls)]
        rects = [(w, QRect(w.mapTo(window, w.rect().topLeft()), w.size())) for w in controls]
        for i, (first, a) in enumerate(rects):
            if not window.rect().contains(a):
                found.append(f"outside the window: {first.objectName() or type(first).__name__} {a.getRect()}")
            for second, b in rects[i + 1 :]:
                if a.intersects(b):
                    found.append(f"drawn over each other: {type(first).__name__} {a.getRect()} and {type(second).__name__} {b.getRect()}")
    return found


def visit(window: QWidget) -> dict[str, list[str]]:
    """Every main screen, and what is wrong on each."""
    found: dict[str, list[str]] = {}
    width = window.width()

    def look(name: str) -> None:
        settle()
        found[name] = problems(window, width)

    look("home")
    window.open_door("guide")
    walk = window.wizard.walk
    while walk.current() is not None:
        question = walk.current()
        look(f"question {question.id}")
        values = [o.value for o in question.options]
        walk.set_answer(question.id, [PATH.get(question.id, values[0]) if PATH.get(question.id) in values else values[0]])
        walk.forward()
        window.wizard.refresh()
    window.wizard.go_forward() if walk.current() is not None else window.wizard.finished.emit(walk)
    look("plan")
    for door in ("rights", "takedown"):
        window.open_door(door)
        look(door)
    window.open_door("support")
    window.directory.filters_toggle.setChecked(True)
    look("directory with its filters")
    window.open_door("privacy")
    look("privacy")
    window.open_door("case")
    look("case file")
    window.open_item(*_a_law(window))
    look("a law")
    window.open_item(Kind.PLATFORM, "x")
    look("a platform")
    window.open_door("requests")  # one request for each site of the plan (x)
    look("requests")
    window.open_letter("tida-removal-request")
    look("a letter")
    window.open_door("advocates")
    look("advocates")
    return {name: issues for name, issues in found.items() if issues}


def _a_law(window):  # type: ignore[no-untyped-def]
    law = next(item for item in window.library.all(Kind.LAW) if "TAKE IT DOWN" in item.title.upper() or item.id.startswith("us-"))
    return Kind.LAW, law.id


CASES = [
    ("en", 640, 600, 1.0),
    ("en", 640, 600, 2.0),
    ("en", 1280, 800, 1.0),
    ("en", 1280, 800, 2.0),
    ("ar", 640, 600, 1.0),
    ("ar", 640, 600, 2.0),
    ("ar", 1280, 800, 1.0),
    ("ar", 1280, 800, 2.0),
    ("pseudo", 640, 600, 1.0),
    ("pseudo", 640, 600, 2.0),
    ("pseudo", 1280, 800, 2.0),
]


@pytest.fixture(params=CASES, ids=[f"{c[0]}-{c[1]}x{c[2]}-{int(c[3] * 100)}%" for c in CASES])
def sized_window(request, qtbot, monkeypatch):
    from navigator.app import build_window

    locale, width, height, scale = request.param
    if locale == "pseudo":
        monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    shown = shown_window(qtbot, build_window(locale="en" if locale == "pseudo" else locale))
    window = next(shown)
    window.display.set_text_scale(scale)
    window.resize(width, height)
    settle()
    yield window, width
    i18n.set_locale("en")
    next(shown, None)


def test_nothing_scrolls_sideways_or_is_cut(sized_window):
    window, width = sized_window
    assert window.minimumWidth() <= 640, "Navigator must fit beside a browser (UX review F10)"
    assert window.width() == width
    assert visit(window) == {}


def test_choices_keep_one_width_and_lines_stay_readable(window, qtbot):
    window.resize(1280, 800)
    window.open_door("guide")
    walk = window.wizard.walk
    widths = set()
    while walk.current() is not None:
        question = walk.current()
        settle()
        widths |= {button.width() for _value, button in window.wizard.option_buttons if button.isVisible()}
        values = [o.value for o in question.options]
        walk.set_answer(question.id, [PATH.get(question.id) if PATH.get(question.id) in values else values[0]])
        walk.forward()
        window.wizard.refresh()
    assert len(widths) == 1, f"choices change width from question to question: {sorted(widths)} (UX review F25)"
    # About 75 letters of running text, whatever the window's width (UX review F26).
    prompt = window.wizard.prompt
    assert widths.pop() <= letter_width(prompt) * READING_CHARS * 1.05
    window.open_door("guide")
    window.wizard.start_over()
    settle()
    paragraph = window.wizard.welcome if window.wizard.welcome.isVisible() else window.wizard.help
    assert paragraph.width() <= letter_width(paragraph) * READING_CHARS * 1.05


def test_the_privacy_menu_is_never_cut_with_large_text(window, qtbot):
    window.resize(800, 600)
    window.display.set_text_scale(2.0)
    settle()
    menu = window.topbar.menu_button.menu()
    assert menu is not None
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    settle()
    try:
        for action in menu.actions():
            if action.isVisible() and action.text():
                rect = menu.actionGeometry(action)
                needed = menu.fontMetrics().horizontalAdvance(action.text().replace("&", ""))
                assert rect.width() >= needed, f"menu item cut: {action.text()!r} (UX review F21)"
        assert menu.width() >= menu.sizeHint().width()
    finally:
        menu.hide()


@pytest.mark.parametrize(
    ("width", "scale", "beside"),
    [(1280, 1.0, True), (640, 1.0, False), (800, 1.0, False), (1280, 2.0, False)],
    ids=["1280-100%", "640-100%", "800-100%", "1280-200%"],
)
def test_the_plan_in_a_second_language_goes_under_it_when_narrow(window, qtbot, width, scale, beside):
    """The second column of the plan sits beside it on a wide page and under it on a narrow one;
    the threshold is in letters of the text size, so 200% text at 1280 px stacks as 640 px does."""
    from tests.ui.test_wizard import TEXAS, answer_all, plan_of

    window.display.set_text_scale(scale)
    window.resize(width, 800)
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    page.beside.combo.setCurrentIndex(page.beside.combo.findData("es"))
    settle()
    assert page.second.isVisible()
    plan_area = next(area for area in page.findChildren(QScrollArea) if area.widget().isAncestorOf(page.title))
    first, second = plan_area.geometry(), page.second.geometry()
    assert page.side_by_side() is beside
    if beside:
        assert second.left() > first.right() and second.top() == first.top(), (first, second)
    else:
        assert second.top() > first.bottom() and second.width() == first.width() == page.width(), (first, second)
        assert second.height() >= 120, "the second column keeps room to read"
    assert problems(window, width) == []
