"""The search field in the top bar (Ctrl+F or Ctrl+K goes to it); the results are the search page's.

Its own module, apart from ``pages/search`` (the index, the content models): the box is part of the
window's shell, which is painted before the content is read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget

from navigator.i18n import _


class SearchBox(QLineEdit):
    """The search field in the top bar. The search page listens to it (``textEdited``, ``returnPressed``,
    ``reached``), so the box knows nothing of the page."""

    reached = Signal()  # the person came to the box (not merely the window opening with the focus here)

    def __init__(self, shortcut_host: QWidget) -> None:
        super().__init__()
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        # Narrow enough that the top bar still fits at the window's smallest width.
        self.setMinimumWidth(140)
        self.setMaximumWidth(360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for keys in ("Ctrl+F", "Ctrl+K"):
            shortcut = QShortcut(QKeySequence(keys), shortcut_host)
            shortcut.activated.connect(self.focus_all)

    def focus_all(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        # When the person comes to the box, build the index before their first letter; but not
        # when the window merely opens with the focus here (that would slow the start).
        if event.reason() in (
            Qt.FocusReason.MouseFocusReason,
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        ):
            self.reached.emit()

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Search"))
        self.setAccessibleName(_("Search Navigator"))
        self.setAccessibleDescription(_("Results appear as you type. Enter opens the first result; the Down arrow moves to the list."))
        self.setToolTip(_("Search everything in Navigator (Ctrl+F)"))
