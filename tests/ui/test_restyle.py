"""A new text size or contrast late in a session (issue 17): the theme's sheet is worn by each part
of the window (top bar, footer, each page) and by each other window, not by the application; a
change restyles what is in sight, and a part behind when it is next shown; a page behind fits its
reading width when it is next shown. None may show the person anything unstyled, in an earlier
size or contrast, or cut to a stale width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QScrollArea, QWidget

from navigator.ui.widgets import READING_CHARS, letter_width


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


THEME_MARK = "QWidget#page"  # in the theme's sheet, in no widget's small sheet of its own


def sheet_worn(widget: QObject) -> str:
    """The theme's style sheet that styles ``widget``: its own, or the nearest one above it (as Qt
    looks: a tooltip's through the widget it is for), or the application's."""
    obj: QObject | None = widget
    while obj is not None:
        own = obj.property("styleSheet")
        if own and THEME_MARK in str(own):
            return str(own)
        tip_for = obj.property("_q_stylesheet_parent")
        obj = tip_for if isinstance(tip_for, QObject) else obj.parent()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.styleSheet() if THEME_MARK in app.styleSheet() else ""


class Paints(QObject):
    """Every paint of a widget, with whether the sheet it wore then was the theme's of that moment."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window = window
        # The window's frame holds the parts and wears no sheet (its colour is the palette's).
        self.frame = {window, window.centralWidget(), window.stack, window.focus_ring}
        self.painted = 0
        self.wrong: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and watched not in self.frame:
            self.painted += 1
            sheet = sheet_worn(watched)
            if sheet != self.window.theme.sheet:
                name = f"{type(watched).__name__} {watched.objectName()!r}"
                self.wrong.append(f"{name}: {'no sheet' if not sheet else 'an earlier sheet'}")
        return False


CHANGES = ("text_bigger", "contrast", "text_smaller", "calm")


def change(window, which: str) -> None:  # type: ignore[no-untyped-def]
    display = window.display
    {
        "text_bigger": display.text_bigger,
        "contrast": lambda: display.set_high_contrast(True),
        "text_smaller": display.text_smaller,
        "calm": lambda: display.set_high_contrast(False),
    }[which]()


def test_no_frame_is_painted_without_the_theme_while_it_changes(window):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for door in ("support", "privacy", "guide"):
        window.open_door(door)
        settle()
    paints = Paints(window)
    app.installEventFilter(paints)
    try:
        for which in CHANGES:
            sheet_before = window.theme.sheet
            change(window, which)
            assert window.theme.sheet and window.theme.sheet != sheet_before
            settle()
            window.repaint()
            # The pages behind, each shown after the change: painted in the new sheet too.
            for name in ("support", "privacy", "guide"):
                window.open_door(name)
                settle()
                window.repaint()
    finally:
        app.removeEventFilter(paints)
    assert paints.painted, "the window was never painted: this test proves nothing"
    assert not paints.wrong, f"painted without the theme of the moment: {sorted(set(paints.wrong))[:10]}"


class Restyled(QObject):
    """Each widget Qt restyles (a StyleChange event)."""

    def __init__(self) -> None:
        super().__init__()
        self.widgets: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.StyleChange and isinstance(watched, QWidget):
            self.widgets.append(watched)
        return False


def test_a_change_restyles_what_is_in_sight_and_a_page_behind_when_shown(window):
    """Issue 17: a page behind costs nothing at a change (the application's sheet re-polished every
    widget built, shown or not), and wears the new text size when it is shown again."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.open_door("privacy")
    settle()
    behind = window.current_page()
    window.open_door("support")
    settle()
    restyled = Restyled()
    app.installEventFilter(restyled)
    try:
        window.display.text_bigger()
        settle()
    finally:
        app.removeEventFilter(restyled)
    assert any(window.current_page().isAncestorOf(w) for w in restyled.widgets), "the page in front was not restyled"
    assert not [w for w in restyled.widgets if w is behind or behind.isAncestorOf(w)], "a page behind was restyled at the change"
    size = f"font-size: {window.theme.pt()}pt"
    assert size not in sheet_worn(behind)
    window.show_page(behind.name)
    settle()
    assert sheet_worn(behind) == window.theme.sheet and size in sheet_worn(behind)
    heading = [w for w in behind.findChildren(QWidget) if w.objectName() == "title" and w.isVisible()]
    assert heading and all(w.font().pointSizeF() == window.theme.pt(1.9) for w in heading)
    window.display.text_usual()


def test_windows_of_their_own_take_the_theme_as_they_open(window, qtbot):
    """A message box with no parent, a menu with none, a dialog over the window: each in the theme
    of the moment, also when opened again after a change; Quick exit still inside the dialog."""
    from navigator.ui.quick_exit import DialogExits

    window.display.text_bigger()
    settle()
    seen: dict[str, tuple[str, bool]] = {}

    def look(name: str, box: QWidget) -> None:
        sheet = sheet_worn(box)
        seen[name] = (sheet, sheet == window.theme.sheet and box.font().pointSizeF() == window.theme.pt())

    def close_box() -> None:  # an assertion failing here would leave the box open: noted, then closed
        box = QApplication.activeModalWidget()
        try:
            exits = box.findChild(QWidget, DialogExits.NAME) if box is not None else None
            look(f"box {len(seen)}", box) if exits is not None else seen.setdefault("no Quick exit", ("", False))
        finally:
            if isinstance(box, QMessageBox):
                box.reject()

    for parent in (None, window):
        QTimer.singleShot(0, close_box)
        QMessageBox(QMessageBox.Icon.Question, "Navigator", "Go on?", QMessageBox.StandardButton.Yes, parent).exec()
    menu = QMenu()
    menu.addAction("One")
    menu.popup(window.geometry().center())
    qtbot.waitExposed(menu)
    look("menu", menu)
    menu.hide()
    window.display.set_high_contrast(True)  # while the menu is hidden: it takes the new theme when opened again
    menu.popup(window.geometry().center())
    qtbot.waitExposed(menu)
    look("menu again", menu)
    menu.hide()
    menu.deleteLater()
    window.display.set_high_contrast(False)
    window.display.text_usual()
    assert len(seen) == 4
    for name, (sheet, now) in seen.items():
        assert sheet, f"{name}: no sheet"
        assert now, f"{name}: not in the theme's sheet and text size of the moment"
    assert seen["menu again"][0] != seen["menu"][0] and "#000000" in seen["menu again"][0], "the menu kept the earlier contrast"


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
