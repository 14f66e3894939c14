"""Shared building blocks for pages: labels, scroll areas, columns, notices, and buttons whose words wrap."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

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


# Lines of reading and forms stop at about this many letters (UX review F26: 65-75).
READING_CHARS = 75
_SAMPLE = "Save proof first, then ask each site to remove it. "


def letter_width(widget: QWidget) -> float:
    """The width of an average letter of running text in ``widget``'s font (its text size)."""
    return widget.fontMetrics().horizontalAdvance(_SAMPLE) / len(_SAMPLE)


class ReadingWidth(QObject):
    """Keeps a page's content at its leading edge, no wider than about ``READING_CHARS`` letters
    of its text size, so lines stay readable on a wide window (UX review F26): the room left over
    goes to the trailing margin. (A margin, not a narrower box around the page: Qt's layouts would
    then keep stale heights for the page's cards.)"""

    def __init__(self, area: QScrollArea, inner: QWidget) -> None:
        super().__init__(area)
        self.area, self.inner = area, inner
        layout = inner.layout()
        margins = layout.contentsMargins() if layout is not None else None
        self.base = (margins.left(), margins.top(), margins.right(), margins.bottom()) if margins is not None else (0, 0, 0, 0)
        area.viewport().installEventFilter(self)
        inner.installEventFilter(self)

    EVENTS = (
        QEvent.Type.Show,
        QEvent.Type.Resize,
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LayoutDirectionChange,
        QEvent.Type.LayoutRequest,
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in self.EVENTS and not self.hidden_in_shown_window():
            self.fit()
        return False

    def hidden_in_shown_window(self) -> bool:
        """A page behind the one in front: it fits when it is next shown (its Show event), not at
        each event of a restyle, which would lay out every page built so far (issue 17)."""
        return not self.area.isVisible() and self.area.window().isVisible()

    def fit(self) -> None:
        layout = self.inner.layout()
        if layout is None:
            return
        left, top, right, bottom = self.base
        current = layout.contentsMargins()
        # Never narrower than the content can be (a row of buttons, a long word at large text).
        least = layout.minimumSize().width() - current.left() - current.right()
        cap = max(round(letter_width(self.inner) * READING_CHARS), least)
        extra = max(0, self.area.viewport().width() - left - right - cap)
        if self.inner.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            wanted = (left + extra, top, right, bottom)
        else:
            wanted = (left, top, right + extra, bottom)
        if (current.left(), current.top(), current.right(), current.bottom()) != wanted:
            layout.setContentsMargins(*wanted)


def scroll(inner: QWidget, reading: bool = True) -> QScrollArea:
    """A page's scroll area: it scrolls down, never sideways. ``reading``: cap the line length.
    It is no Tab stop of its own (UX review F19: a stop that shows and says nothing): Tab goes to
    the controls in it, and the area scrolls to the one with the focus."""
    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    if reading:
        ReadingWidth(area, inner)
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
    """A soft banner: an untranslated page, a stale translation, a warning. Its button sits under
    its words, so a long sentence never squeezes it (large text, a narrow window).

    ``quiet``: a small muted line with a link instead of a coloured banner, for what is worth
    knowing but is no warning, such as a machine-drafted translation (UX review F15).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("notice")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(6)
        self.text = label()
        self.button = QPushButton()
        self.button.hide()
        column.addWidget(self.text)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch(1)
        column.addLayout(row)
        self.quiet = False
        self.hide()

    def show_text(self, text: str, action: str = "", quiet: bool = False) -> None:
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.button.setVisible(bool(action))
        self.button.setText(action)
        self.button.setAccessibleName(action)
        if quiet != self.quiet or not self.objectName():
            self.quiet = quiet
            self.setObjectName("quietNotice" if quiet else "notice")
            self.text.setObjectName("muted" if quiet else "")
            self.button.setObjectName("link" if quiet else "")
            margins = (0, 0, 0, 0) if quiet else (16, 10, 16, 10)
            layout = self.layout()
            if layout is not None:
                layout.setContentsMargins(*margins)
            for widget in (self, self.text, self.button):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
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


class WrappingButton(WrapsToWidth, QPushButton):
    """A push button whose words wrap to its width: it grows taller, never wider, so a long title
    (a law, a service, a translation) never makes the page scroll sideways (UX review F23).

    ``text()`` and ``setText()`` are the words; screen readers get them as the button's name.
    """

    def __init__(self, text: str = "", name: str = "", margins: tuple[int, int] = (18, 12)) -> None:
        QPushButton.__init__(self)
        if name:
            self.setObjectName(name)
        self.box = QHBoxLayout(self)
        self.box.setContentsMargins(margins[0], margins[1], margins[0], margins[1])
        self.words = label(name="words")  # styled as the button's words by the theme
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.box.addWidget(self.words)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        # A push button is of fixed height (its one-line hint) to Qt's layouts: ours grows with its lines.
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.words.installEventFilter(self)
        self.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The theme gives the words their own text size once they are polished: measure again.
        if watched is self.words and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.box.invalidate()
            self.updateGeometry()
        return False

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        margins = self.box.contentsMargins()
        return self.words.heightForWidth(width - margins.left() - margins.right()) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Its words on one line where there is room (a wrapping label's own hint is a narrow block:
        # "Start here, about / 2 minutes" in a wide window); layouts narrow it down to wrap.
        margins = self.box.contentsMargins()
        width = self.words.fontMetrics().horizontalAdvance(self.words.text()) + margins.left() + margins.right() + 2
        return QSize(width, self.heightForWidth(width))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        self.words.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.words.text()


class WrappingChoice(WrapsToWidth):
    """Mixin for a choice card: its words wrap (a radio button's own text never does), and a click
    anywhere on the card picks it. The style still draws the round or square box on the left."""

    # The theme pads a choice 12 px (inside a 1 px edge) and leaves 12 px between the box and the
    # words; the box itself grows with the text size, so its width is asked of the style.
    PAD, GAP = 1 + 12, 12

    def setup_words(self, text: str) -> None:
        button = cast(QAbstractButton, self)
        QAbstractButton.setText(button, "")  # Qt's own words stay empty: ours are in ``words``
        button.setAccessibleName(text)
        self.box = QHBoxLayout(button)
        self.words = label(text)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.words.setStyleSheet("background: transparent; border: none; padding: 0;")
        self.box.addWidget(self.words)
        self.place_words()
        policy = button.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # grows with its lines (large text), never clips them
        policy.setHeightForWidth(True)
        button.setSizePolicy(policy)

    def indicator_width(self) -> int:
        """The round or square box's width as the style draws it (the theme sizes it from the text)."""
        button = cast(QAbstractButton, self)
        metric = QStyle.PixelMetric.PM_IndicatorWidth
        if isinstance(button, QRadioButton):
            metric = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        return button.style().pixelMetric(metric, None, button)

    def place_words(self) -> None:
        """Leave room for the box on its side: the left, or the right in right-to-left languages."""
        rtl = cast(QAbstractButton, self).layoutDirection() == Qt.LayoutDirection.RightToLeft
        start, end = self.PAD + self.indicator_width() + self.GAP, self.PAD
        self.box.setContentsMargins(end if rtl else start, 11, start if rtl else end, 11)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # A new text size restyles the application: the box may have grown, so make room again.
        if event.type() in (QEvent.Type.LayoutDirectionChange, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.place_words()
        super().changeEvent(event)  # type: ignore[misc]

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return cast(QAbstractButton, self).rect().contains(pos)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        """The words, and the name screen readers give the choice."""
        button = cast(QAbstractButton, self)
        self.words.setText(text)
        button.setAccessibleName(text)
        button.updateGeometry()

    def text(self) -> str:
        return self.words.text()


class WrappingCheckBox(WrappingChoice, QCheckBox):
    """A tick box whose words wrap (a QCheckBox's own text never does, so a long label at large
    text made a page scroll sideways). It is one control: a QCheckBox to Qt and to screen readers
    (role "check box", named by its words), ticked with Space or a click anywhere on it, its box
    drawn by the style on the side the language starts from. ``text()``/``setText()`` are the words."""

    def __init__(self, text: str = "") -> None:
        QCheckBox.__init__(self)
        self.setup_words(text)


def fit_columns(width: int, widget: QWidget, most: int, chars: int = 26) -> int:
    """How many columns of at least ``chars`` average letters fit in ``width`` (1 to ``most``):
    one column in a narrow window or with large text (UX review F21, F23). ``width`` is at most
    the reading column's width (``ReadingWidth``)."""
    width = min(width, round(letter_width(widget) * READING_CHARS))
    column_width = max(round(letter_width(widget) * chars), 1)
    return max(1, min(most, width // column_width))


def place_in_columns(grid: QGridLayout, widgets: list[QWidget], columns: int, first_row: int = 0) -> None:
    """Lay ``widgets`` out in ``columns`` equal columns, row by row, from ``first_row``."""
    for widget in widgets:
        grid.removeWidget(widget)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, first_row + index // columns, index % columns)
    for index in range(max(columns, grid.columnCount())):
        grid.setColumnStretch(index, 1 if index < columns else 0)


def _one_line_width(item: QLayoutItem) -> int:
    """How wide ``item`` wants to be: for words that wrap (a label, a button with ``words``), the
    width of their one line, so they share a line when there is room and wrap only when there is
    not (a wrapping label's own size hint is a narrow block of several lines)."""
    widget = item.widget()
    words = widget if isinstance(widget, QLabel) else getattr(widget, "words", None)
    if widget is None or not isinstance(words, QLabel) or not words.wordWrap():
        return item.sizeHint().width()
    line = words.fontMetrics().horizontalAdvance(words.text()) + 2 * words.margin() + 2
    if words is not widget:
        box = getattr(widget, "box", None)
        margins = box.contentsMargins() if isinstance(box, QLayout) else None
        line += margins.left() + margins.right() if margins is not None else 0
    return max(line, item.sizeHint().width())


class FlowRow(QLayout):
    """A row of buttons that goes on to a second line when the window is narrow or the text is
    large, instead of making the page scroll sideways (UX review F23). Right to left in
    right-to-left languages. Hidden widgets take no room."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hints = [item.sizeHint() for item in self._shown()]
        margins = self.contentsMargins()
        width = sum(h.width() for h in hints) + self.spacing() * max(len(hints) - 1, 0)
        height = max((h.height() for h in hints), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        holder = self.parentWidget()
        rtl = holder is not None and holder.layoutDirection() == Qt.LayoutDirection.RightToLeft
        x, y, line = 0, area.y(), 0
        placed: list[tuple[QLayoutItem, int, int, int, int]] = []  # item, x, y, width, height

        def centre_line() -> None:
            # Items shorter than their line sit in its middle (a label beside a drop-down).
            for item, left, top, width, height in placed:
                item.setGeometry(QRect(left, top + (line - height) // 2, width, height))
            placed.clear()

        for item in self._shown():
            hint = item.sizeHint()
            width = min(max(_one_line_width(item), item.minimumSize().width()), area.width())
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if x > 0 and x + width > area.width():
                if move:
                    centre_line()
                x, y, line = 0, y + line + self.spacing(), 0
            if move:
                left = area.right() - x - width + 1 if rtl else area.x() + x
                placed.append((item, left, y, width, height))
            x += width + self.spacing()
            line = max(line, height)
        if move:
            centre_line()
        return y + line - rect.y() + margins.bottom()
