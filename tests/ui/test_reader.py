"""navigator.ui.reader: the documents Navigator makes read nothing, show no image, and show words
from data as words (security review F4). The system-call proof is tests/privacy/test_exports.py.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from navigator.core.render import escape
from navigator.ui import dialogs, reader
from navigator.ui.widgets import is_plain_tooltip, plain_tooltip

IMAGE = QTextDocument.ResourceType.ImageResource.value
STYLE = QTextDocument.ResourceType.StyleSheetResource.value


def shown(document: QTextDocument) -> tuple[str, list[str]]:
    """The words a document shows, and anything in it that is more than words."""
    more = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() or block.blockFormat().objectIndex() >= 0:
            more.append(f"block: {block.text()!r}")
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isAnchor() or fmt.isImageFormat() or fmt.fontStrikeOut() or fmt.fontWeight() > 400 or fmt.fontItalic():
                more.append(f"format: {fragments.fragment().text()!r}")
            fragments += 1
        block = block.next()
    return document.toPlainText(), more


MARKDOWNISH = st.lists(
    st.sampled_from(
        list("ab1 \n\t-+=.)!&#;x[]()<>*_`~|\\:/@") + ["www.", "WWW.", "https://", "a@b.org", "&#x202E;", "![", "1. ", "    ", "```", "---"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKDOWNISH)
def test_escaped_words_show_as_exactly_those_words(qapp, text):
    """Whatever the words hold, once escaped Qt's Markdown shows them as they are: no link, image,
    heading, list, emphasis, code or character reference comes out of them."""
    document = reader.SafeDocument()
    document.set_markdown(escape(text))
    words, more = shown(document)
    # Spaces and line ends may be joined (a paragraph is a paragraph); nothing else may change.
    assert re.sub(r"\s+", " ", words).strip() == re.sub(r"\s+", " ", text).strip().replace("\\ ", "\\ ")
    assert more == []


def test_images_become_their_words_and_nothing_is_fetched(qapp):
    document = reader.SafeDocument()
    document.set_markdown("Before ![a red square](/tmp/secret.png) after [![linked](secret.png)](https://example.org/)")
    assert document.toPlainText() == "Before a red square after linked"
    assert shown(document)[1] == []  # words only
    for kind in (IMAGE, STYLE):
        value = document.resource(kind, QUrl("file:///tmp/secret.png"))
        assert value is not None  # a blank: Qt never falls back to reading the file


def test_the_reader_hands_out_blanks_for_every_resource(qapp):
    browser = reader.SafeBrowser()
    blank = browser.loadResource(IMAGE, QUrl("/etc/passwd"))
    assert blank.width() == 1 and blank.height() == 1 and blank.pixelColor(0, 0).alpha() == 0
    assert bytes(browser.loadResource(STYLE, QUrl("/etc/passwd"))) == b""
    browser.show_markdown("![secret](/tmp/secret.png) words")
    assert browser.document().toPlainText() == "secret words"


def test_tooltips_are_plain_text(window, qtbot):
    """Set by a page or by anything else: a tooltip that looks like HTML shows as the words it is."""
    button = QPushButton(window)
    button.setToolTip('<b>bold</b><img src="/tmp/secret.png">')  # as a page might forget to
    assert is_plain_tooltip(button.toolTip())
    assert "&lt;img" in button.toolTip()
    button.setToolTip("plain words")
    assert button.toolTip() == "plain words"  # nothing to change
    assert plain_tooltip("") == ""  # no tooltip stays none
    QPushButton(window).setToolTip(plain_tooltip("<i>x</i>"))


def test_every_tooltip_on_every_page_is_plain(window):
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    seen = 0
    for name in list(window.pages):
        window.show_page(name)
        for widget in window.findChildren(QWidget):
            seen += bool(widget.toolTip())
            assert is_plain_tooltip(widget.toolTip()), (name, widget.toolTip())
        for view in window.findChildren(QAbstractItemView):
            model = view.model()
            for row in range(model.rowCount() if model else 0):
                tip = model.index(row, 0).data(3)  # Qt.ToolTipRole
                assert tip is None or is_plain_tooltip(str(tip)), (name, tip)
    assert seen > 5


def test_message_boxes_show_plain_text(window, qtbot):
    from PySide6.QtCore import QTimer

    found = []

    def look() -> None:
        box = window.findChild(QMessageBox)
        found.extend((label.objectName(), label.textFormat()) for label in box.findChildren(QLabel) if label.text())
        box.close()

    QTimer.singleShot(0, look)
    dialogs.warn(window, '<b>x</b><img src="/tmp/secret.png">', "<i>more</i>")
    formats = dict(found)
    assert formats["qt_msgbox_label"] == formats["qt_msgbox_informativelabel"] == formats["qt_msgbox_label"].PlainText
