"""Each text's direction from its language, never from its first letter (UX review F14, F16).

Geometry, not pixels: where the first line of a label's text lies inside the label.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from navigator.ui import bidi
from navigator.ui.widgets import label
from tests.ui.windows import shown_window

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


def line_span(widget: QLabel) -> tuple[float, float, float]:
    """(left, right, width): where the first line of the label's text lies, and the room it has."""
    document = widget.findChild(QTextDocument)
    assert document is not None, "a label laid out by its language has a text document"
    widget.grab()  # lays the document out at the label's width
    layout = document.firstBlock().layout()
    line = layout.lineAt(0)
    rect = line.naturalTextRect().translated(layout.position())
    return rect.left(), rect.right(), document.textWidth()


def holder(qtbot, direction: Qt.LayoutDirection, *labels: QLabel) -> QWidget:
    bidi.install(QApplication.instance())
    box = QWidget()
    box.setLayoutDirection(direction)
    column = QVBoxLayout(box)
    for each in labels:
        column.addWidget(each)
    box.resize(900, 60 * len(labels))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


@pytest.mark.parametrize("text", ["TikTok (تيك توك)", "TAKE IT DOWN Act: قانون", "English"])
def test_latin_first_text_starts_at_the_right_edge_in_arabic(qtbot, text):
    selectable = label(text)
    unselectable = label(text)
    unselectable.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # as a choice's words
    unselectable.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    _box = holder(qtbot, RTL, selectable, unselectable)
    for each in (selectable, unselectable):
        left, right, width = line_span(each)
        assert width - right < 2, f"{text!r} ends {width - right:.0f} px short of the right edge"
        assert left > width / 3, f"{text!r} starts at {left:.0f} px: pushed to the left"
        assert each.findChild(QTextDocument).firstBlock().textDirection() == RTL


def test_arabic_first_text_starts_at_the_left_edge_in_english(qtbot):
    words = label("العربية (Arabic)")
    _box = holder(qtbot, LTR, words)
    left, right, width = line_span(words)
    assert left < 2
    assert right < width / 2
    assert words.findChild(QTextDocument).firstBlock().textDirection() == LTR


def test_content_in_another_language_keeps_its_direction_and_the_interface_edge(qtbot):
    english = label("Saving evidence safely: a short guide")
    _box = holder(qtbot, RTL, english)
    bidi.set_text_language(english, "en")
    _left, right, width = line_span(english)
    assert english.findChild(QTextDocument).firstBlock().textDirection() == LTR
    assert width - right < 2  # the edge where an Arabic reader looks first
    bidi.set_text_language(english, None)
    assert english.findChild(QTextDocument).firstBlock().textDirection() == RTL


def test_trailing_and_centred_labels_keep_their_meaning(qtbot):
    trailing = label("General information")
    trailing.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
    centred = label("Centre")
    centred.setAlignment(Qt.AlignmentFlag.AlignCenter)
    box = holder(qtbot, LTR, trailing, centred)
    assert line_span(trailing)[2] - line_span(trailing)[1] < 2  # trailing is the right in English
    box.setLayoutDirection(RTL)  # the language changed
    QApplication.processEvents()
    assert line_span(trailing)[0] < 2  # and the left in Arabic
    assert centred.alignment() & Qt.AlignmentFlag.AlignHCenter


def test_direction_comes_from_babel_not_a_list():
    assert bidi.direction_of("ar") == RTL
    assert bidi.direction_of("fa") == RTL  # no Persian catalog: Babel's CLDR data says so
    assert bidi.direction_of("he") == RTL
    assert bidi.direction_of("ko") == LTR
    assert bidi.direction_of("en") == LTR


@pytest.fixture
def arabic_window(qtbot):
    from navigator.app import build_window

    yield from shown_window(qtbot, build_window(locale="ar"))
    from navigator import i18n

    i18n.set_locale("en")


def test_wizard_choices_named_in_latin_sit_by_their_box_in_arabic(arabic_window):
    window = arabic_window
    window.resize(1000, 760)
    window.open_door("guide")
    walk = window.wizard.walk
    walk.start()
    while walk.current() is not None and walk.current().id != "where":
        question = walk.current()
        walk.set_answer(question.id, [question.options[0].value])
        walk.forward()
    window.wizard.refresh()
    QApplication.processEvents()
    latin = [b for v, b in window.wizard.option_buttons if b.words.text()[:1].isascii() and b.words.text()[:1].isalpha()]
    assert latin, "the 'where' question names some sites in Latin letters"
    for button in latin:
        _left, right, width = line_span(button.words)
        assert width - right < 2, f"{button.words.text()!r} is pushed away from its box"


def test_lists_isolate_each_item_in_arabic():
    from navigator.i18n import formats

    text = formats.format_list(["X", "TikTok", "تكساس"], "ar")
    assert "\u2068X\u2069" in text and "\u2068TikTok\u2069" in text
    assert "," not in text
    assert "\u2068" not in formats.format_list(["X", "TikTok"], "en")
