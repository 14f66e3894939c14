"""A handout as a one-page PDF: for the advocates' page and ``navigator handout``.

The words are built in ``core/handout.py``; here they are laid out by Qt in a document that reads
nothing (``reader.SafeDocument``), on A4, in the direction of the handout's language. To fit one
page, the paragraphs a handout marks as dispensable are left out one at a time, the least needed
first, until the page holds the rest; numbers, addresses and safety notes are never left out. The
PDF carries its title and nothing else: no program, no date, no time (``privacy/pdf.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextBlockFormat, QTextCharFormat, QTextCursor

from navigator.core.handout import Handout
from navigator.privacy.pdf import neutral_info, xmp
from navigator.ui.reader import SafeDocument

FONT_POINTS = 8.0
HEADING_POINTS = {1: 12.5, 2: 10.0, 3: 8.5}
MARGIN_MM = 12


def _writer(buffer: QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    # The title only: no program name, no time or time zone, no document id.
    writer.setTitle(title)
    writer.setCreator("")
    writer.setDocumentXmpMetadata(QByteArray(xmp(title)))
    return writer


def handout_document(markdown: str, writer: QPdfWriter, rtl: bool) -> SafeDocument:
    """The handout laid out on ``writer``'s page: compact, every block in the language's direction."""
    doc = SafeDocument()
    font = QFont()
    font.setPointSizeF(FONT_POINTS)
    doc.setDefaultFont(font)
    doc.set_markdown(markdown)
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setLayoutDirection(direction)  # an Arabic line that starts with a Latin name stays right to left
        fmt.setTopMargin(min(fmt.topMargin(), 5 if fmt.headingLevel() else 2))
        fmt.setBottomMargin(min(fmt.bottomMargin(), 3))
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        if fmt.headingLevel():
            size = QTextCharFormat()
            size.setFontPointSize(HEADING_POINTS.get(fmt.headingLevel(), FONT_POINTS))
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(size)
        block = block.next()
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.logicalDpiX()).size()))
    return doc


def handout_pdf(handout: Handout, rtl: bool = False) -> tuple[bytes, int]:
    """(the PDF, its number of pages): one page unless what must stay does not fit on one."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, handout.title)
    doc = handout_document(handout.markdown(), writer, rtl)
    for leave_out in range(1, handout.droppable() + 1):
        if doc.pageCount() <= 1:
            break
        doc = handout_document(handout.markdown(leave_out), writer, rtl)
    pages = doc.pageCount()
    doc.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return neutral_info(bytes(data.data())), pages


__all__ = ["handout_pdf"]
