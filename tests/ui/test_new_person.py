"""New person: one visible action that clears everything of the last person, on every page, with
nothing to bring back by Ctrl+Z (UX review F04, security review F6); destructive questions keep
the safe answer as the default, so Enter never destroys (UX review F31)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
)

from navigator.core.models import Kind
from navigator.ui import quick_exit
from tests.ui.test_wizard import TEXAS, answer_all

WORD = "Zebulonquartz"  # the previous person's words: a name no content holds


def every_text(window) -> str:  # type: ignore[no-untyped-def]
    found = []
    for widget in window.findChildren(QLabel):
        found.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        found += [widget.text(), widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    for widget in window.findChildren(QLineEdit):
        found.append(widget.text())
    for widget in [*window.findChildren(QPlainTextEdit), *window.findChildren(QTextEdit)]:
        found.append(widget.toPlainText())
    for widget in window.findChildren(QListWidget):
        found += [widget.item(n).text() for n in range(widget.count())]
    for widget in window.findChildren(QComboBox):
        found += [widget.itemText(n) for n in range(widget.count())]
    return "\n".join(found)


def fill_a_session(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    answer_all(qtbot, window, TEXAS)
    window.pages["plan"].cards[0].tick.box.setChecked(True)
    window.open_letter(window.library.all(Kind.NOTICE)[0].id)
    letter = window.pages["letter"]
    for field in letter.inputs.values():
        if isinstance(field, QLineEdit):
            QTest.keyClicks(field, WORD)
        else:
            QTest.keyClicks(field, f"{WORD} wrote this")
    window.search_box.setFocus()
    QTest.keyClicks(window.search_box, WORD)
    window.search_box.textEdited.emit(window.search_box.text())
    quick_exit.copy_to_clipboard(f"{WORD}'s letter")
    assert WORD in every_text(window)


def test_new_person_is_always_visible_and_clears_everything(window, qtbot):
    fill_a_session(window, qtbot)
    session = window.session

    def yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.defaultButton().text() == "Keep working"
        next(b for b in box.buttons() if b.text() == "Clear everything").click()

    QTimer.singleShot(50, yes)
    assert window.new_person.isVisible() and window.new_person.text() == "New person"
    qtbot.mouseClick(window.new_person, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "home" and window.history == []
    assert session.walk.answers == {} and session.ticks == set() and session.letter.values == {}
    assert session.search_text == "" and not session.directory.place
    assert WORD not in QGuiApplication.clipboard().text()
    # No page shows anything of the previous person, wherever one looks.
    for name in window.pages:
        window.show_page(name)
        qtbot.wait(5)
        assert WORD not in every_text(window), name
        assert "Texas" not in window.pages["directory"].context_text.text()
    # And Ctrl+Z in any text field brings nothing back.
    for field in [*window.findChildren(QLineEdit), *window.findChildren(QPlainTextEdit)]:
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        assert WORD not in text, type(field).__name__


def _press_enter_in_the_question(results: list[object]) -> None:
    def enter() -> None:
        box = QApplication.activeModalWidget()
        results.append(box.defaultButton().text() if isinstance(box, QMessageBox) else None)
        QTest.keyClick(box.windowHandle(), Qt.Key.Key_Return)

    QTimer.singleShot(50, enter)


@pytest.mark.parametrize("what", ["new-person", "clear-answers", "forget-settings", "leave-navigator"])
def test_enter_never_destroys(window, qtbot, what):
    from navigator.ui import links

    results: list[object] = []
    _press_enter_in_the_question(results)
    if what == "new-person":
        done = window.privacy.start_over()
    elif what == "clear-answers":
        done = window.pages["wizard"].confirm_start_over()
    elif what == "forget-settings":
        window.privacy.turn_on_remembering("a long passphrase", "a long passphrase")
        done = window.privacy.ask_forget()
    else:
        done = links.confirm_external(window, "https://example.org/")
    assert done is False and results and results[0] in ("Keep working", "Keep my answers", "Keep them", "Stay here")
