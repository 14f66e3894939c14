"""A letter as a file: plain text, Markdown or PDF, for the letter page and ``navigator notice render``.

The letter is the filled template and nothing else: no images, no attachments. The PDF is laid
out by Qt from the plain text (so every line stays where the template put it), in memory, so a
failed write never leaves half a file; the text runs right to left for a language that does.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextOption

from navigator import APP_NAME
from navigator.core.render import escape

FORMATS = ("text", "markdown", "pdf")
SUFFIX = {"text": "txt", "markdown": "md", "pdf": "pdf"}


def letter_markdown(title: str, text: str) -> str:
    """The letter under its title; each line kept as it is (a hard line break), nothing formatted."""
    lines = [escape(line) + "  " if line.strip() else "" for line in text.rstrip("\n").split("\n")]
    return f"# {escape(title)}\n\n" + "\n".join(lines).rstrip() + "\n"


def letter_pdf(text: str, title: str, rtl: bool = False) -> bytes:
    """A PDF of the letter (A4). Needs a Qt application."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(22, 22, 22, 22), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    doc = QTextDocument()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    doc.setDefaultTextOption(option)
    doc.setPlainText(text)
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.logicalDpiX()).size()))
    doc.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def letter_bytes(text: str, title: str, fmt: str, rtl: bool = False) -> bytes:
    if fmt == "text":
        return text.encode("utf-8")
    if fmt == "markdown":
        return letter_markdown(title, text).encode("utf-8")
    if fmt == "pdf":
        return letter_pdf(text, title, rtl)
    raise ValueError(f"unknown format {fmt!r}")
