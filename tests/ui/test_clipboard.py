"""What Navigator copies is marked as sensitive and does not outlive it (security review F7).

A clipboard manager (Klipper, CopyQ, Windows' clipboard history and cloud clipboard) keeps every
copy unless the copy says it is secret. Every copy goes through ``quick_exit.copy_to_clipboard``;
a copy made by Qt's own widgets is marked again as it arrives; a normal close clears what is
still ours. The same on a real X11 display, read by a second program: tests/privacy/test_clipboard.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication

from navigator.core.models import Kind
from navigator.ui import quick_exit as qe
from navigator.ui.reader import SafeBrowser


@pytest.mark.parametrize(
    ("platform", "formats"),
    [
        ("linux", {"x-kde-passwordManagerHint": b"secret"}),
        ("freebsd14", {"x-kde-passwordManagerHint": b"secret"}),
        (
            "win32",
            {
                'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"\0\0\0\0",
                'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\0\0\0\0",
                'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\0\0\0\0",
            },
        ),
    ],
)
def test_each_system_gets_the_marks_it_reads(platform, formats):
    data = qe.sensitive_mime_data("a letter", platform)
    assert data.text() == "a letter"
    for name, value in formats.items():
        assert bytes(data.data(name).data()) == value, name
    assert set(data.formats()) == {"text/plain", *formats}


def _hint() -> bytes:
    data = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
    return bytes(data.data(qe.KDE_SECRET_HINT).data()) if data is not None else b""


def test_the_letter_copy_is_marked_secret(window, qtbot):
    template = window.library.get(Kind.NOTICE, "tida-removal-request")
    window.open_item(Kind.NOTICE, template.id)
    qtbot.mouseClick(window.current_page().letter_button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert page.name == "letter"
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == page.letter_text()
    assert _hint() == b"secret"


def test_a_copy_made_by_a_page_is_marked_too(window, qtbot):
    """Ctrl+C in a page is Qt's own copy, which knows nothing of the marks: it is marked as it arrives."""
    window.open_item(Kind.ORGANIZATION, "rainn")
    browser = next(b for b in window.current_page().findChildren(SafeBrowser) if b.isVisible())
    browser.setFocus()
    browser.selectAll()
    qtbot.keyClick(browser, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "RAINN" in copied
    assert _hint() == b"secret"
    assert copied in qe._ours


def test_a_normal_close_clears_our_copy(window):
    clipboard = QGuiApplication.clipboard()
    qe.copy_to_clipboard("the letter, with a name in it")
    assert clipboard.text() == "the letter, with a name in it"
    app = QApplication.instance()
    app.aboutToQuit.emit()  # what closing the last window (or the system's log-out) sends
    assert clipboard.text() == ""
