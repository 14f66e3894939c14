"""Writing a letter from a template: fill in, read, copy; nothing kept after reset."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from navigator.core.models import Kind


def test_fill_copy_and_reset(window, qtbot):
    notices = window.library.all(Kind.NOTICE)
    assert notices
    template = notices[0]
    window.open_item(Kind.NOTICE, template.id)
    item_page = window.current_page()
    assert item_page.letter_button.isVisible()
    qtbot.mouseClick(item_page.letter_button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert page.name == "letter"
    for field in template.fields:
        widget = page.inputs[field.id]
        text = f"value for {field.id}"
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            assert isinstance(widget, QPlainTextEdit)
            widget.setPlainText(text)
    letter = page.letter_text()
    placeholders_used = [f.id for f in template.fields if "{" + f.id + "}" in template.body]
    for field_id in placeholders_used:
        assert f"value for {field_id}" in letter
    assert "{" not in letter
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == letter
    window.reset_session()
    assert page.values == {}
    assert page.letter_text() == ""


def test_letter_language_can_differ_from_the_screen(window, qtbot):
    from datetime import date

    from navigator import i18n

    window.open_letter("tida-removal-request")
    page = window.current_page()
    english = page.letter_text()
    index = page.language.findData("es")
    assert index >= 0
    page.language.setCurrentIndex(index)
    spanish = page.letter_text()
    assert spanish != english
    assert i18n.format_date(date.today(), locale="es") in spanish or "{date}" not in page.template("en").body
    # The screen stays in English.
    assert i18n.current_locale() == "en"
    assert page.copy_button.text() == "Copy the letter"


def test_save_writes_the_letter_and_a_failed_save_loses_nothing(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from navigator.ui.pages import letter as letter_page

    window.open_letter("tida-removal-request")
    page = window.current_page()
    target = tmp_path / "letter.txt"
    monkeypatch.setattr(letter_page, "ask_save_path", lambda *args: target)
    page.save_letter()
    assert target.read_text(encoding="utf-8") == page.letter_text()
    assert not list(tmp_path.glob(".*.part"))

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    monkeypatch.setattr(letter_page, "ask_save_path", lambda *args: tmp_path / "missing" / "letter.txt")
    before = page.letter_text()
    page.save_letter()
    assert len(shown) == 1
    headline, still_here = shown[0]
    # The headline is about the letter's save, never "Your plan could not be saved there".
    assert headline == "That folder does not exist any more."
    assert "plan" not in headline.lower()
    assert "your letter is still here" in still_here
    assert page.letter_text() == before
    assert not (tmp_path / "missing").exists()
