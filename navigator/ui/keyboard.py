"""Moving by keyboard: the Tab order, where the focus lands on a new page, and the one focus ring.

- **Tab order** (``tab_order``): Quick exit first, then the rest as the person sees it: the top bar,
  the banner under it, the page in front, the footer. It is read from the layouts each time Tab is
  pressed, so controls a page builds again (choices, cards, results) are always in their visual
  place, never at the end of Qt's creation-order chain (UX review F19).
- **Landing** (``landing``): after a page change the focus goes to the page's heading (a screen
  reader reads it) or, without one, its first control; it is never left on a hidden page.
- **The focus ring** (``FocusRing``): one outline, drawn over the window around the widget with the
  focus, 3 px wide and 2 px away from it, in the theme's focus colour. It is not a style sheet rule,
  so no widget's own style (Quick exit, the doors, the main buttons, the footer links) can hide it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QLayout, QScrollArea, QStackedWidget, QWidget

RING_WIDTH = 3
RING_OFFSET = 2


def is_tab_stop(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and widget.isEnabled()


def _layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child = item.widget()
        if child is not None:
            yield child
        elif item.layout() is not None:
            inner = item.layout()
            assert inner is not None
            yield from _layout_widgets(inner)


def visual_order(widget: QWidget) -> Iterator[QWidget]:
    """``widget`` and the visible widgets inside it, in reading order: each layout's items in turn
    (its logical order, which right-to-left mirrors on screen), a stack's page in front, a scroll
    area's contents. A Tab stop's own inner parts are its business and are not listed."""
    if not widget.isVisible():
        return
    yield widget
    if is_tab_stop(widget) and not isinstance(widget, QScrollArea):
        return
    if isinstance(widget, QStackedWidget):
        current = widget.currentWidget()
        if current is not None:
            yield from visual_order(current)
        return
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        if inner is not None:
            yield from visual_order(inner)
        return
    seen: set[int] = set()
    layout = widget.layout()
    if layout is not None:
        for child in _layout_widgets(layout):
            seen.add(id(child))
            yield from visual_order(child)
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if id(child) not in seen and not child.isWindow() and not isinstance(widget, QAbstractScrollArea):
            yield from visual_order(child)


def tab_order(root: QWidget, first: QWidget | None = None, current: QWidget | None = None) -> list[QWidget]:
    """The Tab stops inside ``root`` in visual order, ``first`` at the front; ``current`` is listed
    too, in its place, even when it is no stop (a heading the focus landed on)."""
    order = [w for w in visual_order(root) if w is not root and (w is current or (is_tab_stop(w) and w is not first))]
    if first is not None and is_tab_stop(first):
        order.insert(0, first)
    return order


def next_in(order: list[QWidget], current: QWidget | None, forward: bool) -> QWidget | None:
    """The stop after (or before) ``current`` in ``order``, going round; the first (or last) when
    ``current`` is not in it, nor inside anything in it."""
    stops = [w for w in order if is_tab_stop(w)]
    if not stops:
        return None
    position = None
    probe = current
    while probe is not None and position is None:
        if probe in order:
            position = order.index(probe)
        probe = probe.parentWidget()
    if position is None:
        return stops[0] if forward else stops[-1]
    step = 1 if forward else -1
    index = position
    for _ in range(len(order)):
        index = (index + step) % len(order)
        if is_tab_stop(order[index]) and order[index] is not current:
            return order[index]
    return None


def move_focus(root: QWidget, first: QWidget | None, forward: bool) -> bool:
    """Tab (or Shift+Tab) inside ``root``; True when the focus moved."""
    current = QApplication.focusWidget()
    target = next_in(tab_order(root, first, current), current, forward)
    if target is None:
        return False
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    parent = target.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(target, 24, 24)
        parent = parent.parentWidget()
    return True


def landing(page: QWidget) -> QWidget | None:
    """Where the focus goes when ``page`` comes to the front: its heading, else its first control."""
    widgets = list(visual_order(page))
    for widget in widgets:
        if isinstance(widget, QLabel) and widget.objectName() == "title" and widget.text():
            return widget
    return next((w for w in widgets if is_tab_stop(w)), None)


class FocusRing(QWidget):
    """The outline around the focused widget of one window, drawn over everything in it."""

    def __init__(self, window: QWidget, colour: str) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.colour = QColor(colour)
        self.target: QWidget | None = None
        self._ring = QRect()
        self._watched: list[QWidget] = []
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def set_colour(self, colour: str) -> None:
        self.colour = QColor(colour)
        self.update()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._watched:
            with contextlib.suppress(RuntimeError):  # deleted meanwhile (a page built again)
                widget.removeEventFilter(self)
        self._watched = []
        window = self.parentWidget()
        if new is None or window is None or new.window() is not window or new is window:
            self.target = None
            self.hide()
            return
        self.target = new
        probe: QWidget | None = new
        while probe is not None and probe is not window:
            probe.installEventFilter(self)
            self._watched.append(probe)
            probe = probe.parentWidget()
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.follow()
        return False

    def visible_part(self) -> QRect:
        """The focused widget's rectangle in the window, cut to the scroll areas it sits in."""
        window = self.parentWidget()
        target = self.target
        assert window is not None and target is not None
        top_left = target.mapTo(window, target.rect().topLeft())
        rect = QRect(top_left, target.size()).adjusted(
            -RING_OFFSET - RING_WIDTH, -RING_OFFSET - RING_WIDTH, RING_OFFSET + RING_WIDTH, RING_OFFSET + RING_WIDTH
        )
        parent = target.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                viewport = parent.viewport()
                corner = viewport.mapTo(window, viewport.rect().topLeft())
                rect = rect.intersected(QRect(corner, viewport.size()))
            parent = parent.parentWidget()
        return rect

    def follow(self) -> None:
        target = self.target
        if target is None or not target.isVisible():
            self.hide()
            return
        area = self.visible_part()
        if area.isEmpty():
            self.hide()
            return
        window = self.parentWidget()
        assert window is not None
        full = QRect(target.mapTo(window, target.rect().topLeft()), target.size())
        self._ring = full.adjusted(
            -RING_OFFSET - RING_WIDTH // 2 - 1,
            -RING_OFFSET - RING_WIDTH // 2 - 1,
            RING_OFFSET + RING_WIDTH // 2 + 1,
            RING_OFFSET + RING_WIDTH // 2 + 1,
        )
        self.setGeometry(area)
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.target is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.colour, RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ring = self._ring.translated(-self.geometry().topLeft())
        painter.drawRoundedRect(ring, 6, 6)
        painter.end()
