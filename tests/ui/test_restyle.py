"""A new text size or contrast late in a session (issue 17): the theme drops the application's style
sheet before setting the new one, and a page behind the one in front fits its reading width when it
is next shown. Neither may show the person anything unstyled or a page cut to a stale width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from navigator.ui.widgets import READING_CHARS, letter_width


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


class Paints(QObject):
    """Every paint of a widget, with the application's style sheet as it was at that moment."""

    def __init__(self) -> None:
        super().__init__()
        self.sheets: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            self.sheets.append(app.styleSheet())
        return False


def test_no_frame_is_painted_without_the_theme_while_it_changes(window):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for door in ("support", "privacy", "guide"):
        window.open_door(door)
        settle()
    paints = Paints()
    app.installEventFilter(paints)
    try:
        for change in (
            window.display.text_bigger,
            lambda: window.display.set_high_contrast(True),
            window.display.text_smaller,
            lambda: window.display.set_high_contrast(False),
        ):
            sheet_before = app.styleSheet()
            change()
            assert app.styleSheet() and app.styleSheet() != sheet_before
            settle()
            window.repaint()
    finally:
        app.removeEventFilter(paints)
    assert paints.sheets, "the window was never painted: this test proves nothing"
    assert "" not in paints.sheets, "a frame was painted with no style sheet (unstyled) during a change"


def reading_areas(page: QWidget) -> list[QScrollArea]:
    return [area for area in page.findChildren(QScrollArea) if area.widget() is not None and area.widget().layout() is not None]


def test_a_page_behind_fits_its_reading_width_when_next_shown(window):
    window.resize(1400, 800)
    window.open_door("privacy")
    settle()
    page = window.current_page()
    area = reading_areas(page)[0]
    inner = area.widget()
    window.open_door("support")  # the privacy page is now behind
    settle()
    assert not area.isVisible()
    window.display.set_text_scale(1.6)  # a larger text size while it is hidden: a wider reading column
    settle()
    window.show_page(page.name)
    settle()
    assert area.isVisible()
    margins = inner.layout().contentsMargins()
    column = area.viewport().width() - margins.left() - margins.right()
    wanted = letter_width(inner) * READING_CHARS
    # The column follows the new text size: about 75 of its letters, not the old size's width.
    assert abs(column - wanted) <= 0.05 * wanted, (column, wanted)
    window.display.set_text_scale(1.0)
