"""A Markdown reader that can never load anything remote and never runs content as HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from navigator.i18n import _

MARKDOWN_FLAGS = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML


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
        return None

    def show_markdown(self, text: str, rtl: bool | None = None) -> None:
        """Show ``text``; ``rtl`` is the direction of its language (None: guess each paragraph from its letters).

        Passing it matters for mixed text: an Arabic paragraph that starts with a Latin name would
        otherwise be laid out left to right, and an English page in the Arabic interface right to left.
        """
        self.setAccessibleName(_("Page text"))
        document = self.document()
        document.setMarkdown(text, MARKDOWN_FLAGS)
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
