"""Shared widgets (navigator/ui/widgets.py): the tick box whose words wrap."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from navigator.ui.widgets import WrappingCheckBox

LONG = "Show a plain window title and a plain icon in the taskbar and in the list of open windows"


def holder(qtbot, box: QWidget, width: int) -> QWidget:  # type: ignore[no-untyped-def]
    host = QWidget()
    QVBoxLayout(host).addWidget(box)
    qtbot.addWidget(host)
    host.resize(width, 400)
    host.show()
    qtbot.waitExposed(host)
    return host


def test_a_wrapping_check_box_is_one_named_check_box(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = WrappingCheckBox(LONG)
    _host = holder(qtbot, box, 600)  # kept: the box lives in it
    assert isinstance(box, QCheckBox) and box.text() == LONG
    face = QAccessible.queryAccessibleInterface(box)
    assert face is not None
    assert face.role() == QAccessible.Role.CheckBox
    assert face.text(QAccessible.Text.Name) == LONG
    box.setText("High contrast")
    assert box.accessibleName() == "High contrast" and box.words.text() == "High contrast"
    # Its words are part of it, not a second control: no Tab stop, no clicks of their own.
    assert not box.words.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
    assert box.words.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_space_and_a_click_on_the_words_tick_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = WrappingCheckBox(LONG)
    _host = holder(qtbot, box, 600)  # kept: the box lives in it
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    words = box.words.geometry()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(words.right() - 5, words.center().y()))
    assert not box.isChecked()


def test_its_words_wrap_instead_of_widening_the_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = WrappingCheckBox(LONG)
    host = holder(qtbot, box, 260)
    assert box.minimumSizeHint().width() < 260
    assert box.width() <= host.width()
    assert box.height() >= box.heightForWidth(box.width()) > box.heightForWidth(2000)
    plain = QCheckBox(LONG)  # what it replaces: one line, however narrow the page
    assert plain.minimumSizeHint().width() > 260
    assert not any(isinstance(child, QLabel) for child in plain.children())


def test_the_box_is_on_the_side_the_language_starts_from(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = WrappingCheckBox(LONG)
    _host = holder(qtbot, box, 600)  # kept: the box lives in it
    left = box.words.geometry().left()
    box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(10)
    assert box.words.geometry().right() < box.width() - left + 5
    assert box.box.contentsMargins().right() > box.box.contentsMargins().left()
