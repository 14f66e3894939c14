"""The client's language beside the advocate's: the picker "Show beside it in: [language]" and the
second column it fills.

One choice for the whole session (``Session.second_locale``), shown on the plan, on every page of
content and on the advocates' page; forgotten with the person (New person, Quick exit). What the
column shows is decided in core (``core/bilingual.py``): the first column's plan or page in the
other language's words, read as the same reader, never more.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from navigator import i18n
from navigator.core.session import Session
from navigator.i18n import _
from navigator.ui.reader import SafeBrowser
from navigator.ui.widgets import FlowRow, label


class BesidePicker(QWidget):
    """ "Show beside it in: [No second language / Español / …]". ``changed`` after a pick."""

    changed = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        row = FlowRow(self)  # the drop-down goes under its words when they do not fit (large text)
        self.words = label()
        self.combo = QComboBox()
        self.words.setBuddy(self.combo)
        row.addWidget(self.words)
        row.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._picked)

    def _picked(self, index: int) -> None:
        locale = self.combo.itemData(index)
        self.session.second_locale = locale if isinstance(locale, str) else ""
        self.changed.emit()

    def refresh(self) -> None:
        """The words and choices again (a new interface language), and the session's choice shown."""
        self.words.setText(_("Show beside it in:"))
        self.combo.setAccessibleName(_("Show beside it in another language"))
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(_("No second language"), "")
        for locale in self.session.library.locales():
            if locale != self.session.library.locale:
                self.combo.addItem(i18n.language_name(locale), locale)
        self.combo.setCurrentIndex(max(self.combo.findData(self.session.second_locale), 0))
        self.combo.blockSignals(False)

    @property
    def chosen(self) -> str:
        """The second language to show now ("" for none, or when it is the screen's own)."""
        chosen = self.session.second_locale
        return chosen if chosen and chosen != self.session.library.locale else ""


def second_column() -> SafeBrowser:
    column = SafeBrowser()
    column.setAccessibleName(_("Page text"))
    column.hide()
    return column


__all__ = ["BesidePicker", "second_column"]
