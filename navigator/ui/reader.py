"""Documents that can never read a file or load anything, and never run content as HTML.

Qt's text documents fetch what they refer to: an image in Markdown (``![x](/some/file.png)``), or
in a tooltip's or a label's rich text, is read from the disk, shown, and embedded in a PDF (security
review F4). Every document Navigator makes is one of these two: the reader (``SafeBrowser``), and
the plan, its PDF and print-out and the case report (``SafeDocument``). Each answers every resource
its document asks for with a blank (an empty 1×1 image, empty data), so Qt never falls back to
reading the file itself, and each image left in it is replaced by its alt text. Other text that Qt
could read as HTML is kept plain: labels (``widgets.label``), message boxes (``dialogs``) and
tooltips (``widgets.plain_tooltip`` and ``qt_hardening.Guard``). The letter is a plain-text editor,
which never holds anything but text.

Proven by tests/privacy/test_no_file_reads.py and tests/ui/test_reader.py.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextBrowser

from navigator.i18n import _

MARKDOWN_FLAGS = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML

_BLANK_IMAGE: QImage | None = None


def blank_resource(_url: QUrl | str | None = None, kind: int = QTextDocument.ResourceType.ImageResource.value) -> object:
    """What a document gets for any resource it asks for. An image must be a real (empty) one: given
    nothing, Qt's image handler tries the file name itself."""
    global _BLANK_IMAGE
    if kind == QTextDocument.ResourceType.ImageResource.value:
        if _BLANK_IMAGE is None:
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(QColor(0, 0, 0, 0))
            _BLANK_IMAGE = image
        return _BLANK_IMAGE
    return QByteArray()


def without_images(document: QTextDocument) -> int:
    """Replace every image in ``document`` by its alt text (or nothing); returns how many there were."""
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                found.append((fragment.position(), fragment.length(), fragment.charFormat()))
            fragments += 1
        block = block.next()
    for position, length, fmt in reversed(found):
        alt = fmt.property(QTextFormat.Property.ImageAltText)
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        words = QTextCharFormat(fmt)  # the same look (a link stays a link), but words, not an image
        words.setObjectType(QTextFormat.ObjectTypes.NoObject.value)
        words.clearProperty(QTextFormat.Property.ImageName.value)
        cursor.insertText(alt if isinstance(alt, str) else "", words)
    return len(found)


class SafeDocument(QTextDocument):
    """A text document that reads nothing: for the plan, its PDF and its print-out, the case report."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        # Whatever the document asks for (an image, a style sheet): nothing is read.
        return blank_resource(name, kind)

    def set_markdown(self, text: str) -> None:
        """Markdown without HTML, with any image replaced by its words."""
        self.setMarkdown(text, MARKDOWN_FLAGS)
        without_images(self)


class SafeBrowser(QTextBrowser):
    """QTextBrowser that hands every link to the window and loads no resources at all."""

    link_activated = Signal(str)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.setAccessibleName(_("Page text"))

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        # Images, style sheets or anything else a document asks for: never fetched, never read.
        # (None would mean "not handled here", and Qt would then read the file itself.)
        return blank_resource(None, kind)

    def show_markdown(self, text: str, rtl: bool | None = None) -> None:
        """Show ``text``; ``rtl`` is the direction of its language (None: guess each paragraph from its letters).

        Passing it matters for mixed text: an Arabic paragraph that starts with a Latin name would
        otherwise be laid out left to right, and an English page in the Arabic interface right to left.
        """
        self.setAccessibleName(_("Page text"))
        document = self.document()
        document.setMarkdown(text, MARKDOWN_FLAGS)
        without_images(document)
        document.setDocumentMargin(12)
        direction = None if rtl is None else (Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self._breathe(document, direction)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    @staticmethod
    def _breathe(document: QTextDocument, direction: Qt.LayoutDirection | None = None) -> None:
        """Give paragraphs room: taller lines and space between blocks, more above headings."""
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            fmt = QTextBlockFormat(block.blockFormat())
            fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            heading = fmt.headingLevel()
            # Not block.textList(): PySide6 6.12.0 loses a reference to None on every call that returns
            # None, and after ~150 pages Python aborts (security review F2). The block format's
            # object index says the same thing (a list item belongs to a list object) and is an int.
            in_list = fmt.objectIndex() >= 0
            fmt.setTopMargin(22 if heading > 1 else (4 if in_list else fmt.topMargin()))
            fmt.setBottomMargin(10 if heading else (4 if in_list else 12))
            if direction is not None:
                fmt.setLayoutDirection(direction)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            block = block.next()
