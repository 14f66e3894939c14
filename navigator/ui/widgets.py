"""Shared building blocks for pages: labels, scroll areas, columns, notices, and buttons whose words wrap."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

# Tooltips made by plain_tooltip, so that the application-wide guard leaves them as they are.
_PLAIN_TIPS: set[str] = set()


def plain_tooltip(text: str) -> str:
    """A tooltip Qt shows as the text it is: Qt reads a tooltip that looks like HTML as HTML, and an
    ``<img>`` in it would be read from the disk (security review F4)."""
    if not text:
        return ""
    tip = QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    _PLAIN_TIPS.add(tip)
    return tip


def is_plain_tooltip(tip: str) -> bool:
    """True when ``tip`` shows as plain text: made by ``plain_tooltip``, or not taken for HTML by Qt."""
    return not tip or tip in _PLAIN_TIPS or not QtGui.mightBeRichText(tip)


def scroll(inner: QWidget) -> QScrollArea:
    """A page's scrolling area. It is no Tab stop of its own (UX review F19: a stop that shows and
    says nothing): Tab goes to the controls in it, and the area scrolls to the one with the focus."""
    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


def label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


class Notice(QFrame):
    """A soft banner: an untranslated page, a stale translation, a draft, a warning."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("notice")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        self.text = label()
        self.button = QPushButton()
        self.button.hide()
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_text(self, text: str, action: str = "") -> None:
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.button.setVisible(bool(action))
        self.button.setText(action)
        self.button.setAccessibleName(action)
        self.show()


def clear_layout(layout: QLayout) -> None:
    """Remove every item of a layout that is built again on each refresh; its widgets are deleted."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


def column(widget: QWidget, margins: int = 32, spacing: int = 18) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return layout


class WrapsToWidth:
    """Mixin for a button whose words sit in a layout ``self.box``: it grows taller to wrap, never wider."""

    box: QBoxLayout

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.box.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.box.minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.box.heightForWidth(width)
