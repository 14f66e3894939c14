"""Shows one content item (guide, organization, platform, law, term, notice) as a readable page."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from navigator.core.bilingual import beside_item
from navigator.core.models import Item, Kind, display_title
from navigator.core.render import to_markdown
from navigator.i18n import _, format_date, is_rtl, language_name, translator
from navigator.ui.beside import BesidePicker, second_column
from navigator.ui.language_notes import effective_state, is_quiet, item_notice
from navigator.ui.navigation import Page, Shell
from navigator.ui.reader import SafeBrowser
from navigator.ui.widgets import FlowRow, Notice, WrappingButton, column, label, scroll


class ItemPage(Page):
    name = "item"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.kind: Kind | None = None
        self.item_id: str = ""
        # In a window too short for its parts (large text at 600 px), the page scrolls down as a
        # whole and the text keeps a readable height; nothing is squeezed or cut (UX review F21).
        inner = QWidget()
        inner.setObjectName("page")
        column(self, margins=0).addWidget(scroll(inner, reading=False))
        layout = column(inner, margins=32, spacing=14)
        self.translation_notice = Notice()
        self.translation_notice.button.clicked.connect(self._toggle_english)
        layout.addWidget(self.translation_notice)
        # An advocate may show the client's language beside the screen's (ui/beside.py).
        self.beside = BesidePicker(shell.session)
        self.beside.changed.connect(self.refresh)
        layout.addWidget(self.beside)
        # A content warning: the page's name and summary, the warning, and two equal choices
        # (UX review F13: it was one line and one button on an empty page).
        self.warning = QFrame()
        self.warning.setObjectName("card")
        gate = QVBoxLayout(self.warning)
        gate.setContentsMargins(22, 18, 22, 18)
        gate.setSpacing(10)
        self.warning_title = label(name="heading")
        self.warning_summary = label(name="muted")
        self.warning_text = label()
        self.warning_read = QPushButton()
        self.warning_read.clicked.connect(self._reveal)
        self.warning_back = QPushButton()
        self.warning_back.clicked.connect(self._not_now)
        for widget in (self.warning_title, self.warning_summary, self.warning_text):
            gate.addWidget(widget)
        choices = QHBoxLayout()
        choices.addWidget(self.warning_read)
        choices.addWidget(self.warning_back)
        choices.addStretch(1)
        gate.addLayout(choices)
        self.warning.hide()
        layout.addWidget(self.warning)
        self.browser = SafeBrowser()
        self.browser.link_activated.connect(shell.open_link)
        self.browser.setMaximumWidth(980)
        self.second = second_column()
        self.second.link_activated.connect(shell.open_link)
        self.second.setMaximumWidth(980)
        self.browser.setMinimumHeight(240)
        reading = QHBoxLayout()
        reading.addStretch(1)
        reading.addWidget(self.browser, 100)
        reading.addWidget(self.second, 100)
        reading.addStretch(1)
        layout.addLayout(reading, 1)
        row = FlowRow()  # on two lines rather than wider than the window (large text)
        self.letter_button = QPushButton()
        self.letter_button.setObjectName("primary")
        self.letter_button.clicked.connect(lambda: shell.open_letter(self.item_id))
        self.letter_button.hide()
        row.addWidget(self.letter_button)
        self.help_button = WrappingButton(name="link")  # its words wrap rather than widen the page
        self.help_button.clicked.connect(lambda: shell.open_door("support"))
        row.addWidget(self.help_button)
        layout.addLayout(row)
        self.english = False
        self.revealed = False
        self.empty = label()

    def show_item(self, kind: Kind, item_id: str) -> None:
        self.kind, self.item_id, self.english, self.revealed = kind, item_id, False, False
        self.beside.refresh()  # the second language may have been chosen on another page
        self.refresh()

    def history_state(self) -> object:
        return (self.kind, self.item_id) if self.kind is not None else None

    def restore(self, state: object) -> None:
        if isinstance(state, tuple):
            self.show_item(*state)

    def _toggle_english(self) -> None:
        self.english = not self.english
        self.refresh()

    def _reveal(self) -> None:
        self.revealed = True
        self.refresh()

    def _not_now(self) -> None:
        if self.shell.can_go_back():
            self.shell.go_back()
        else:
            self.shell.go_home()

    def current_item(self) -> Item | None:
        if self.kind is None:
            return None
        library = self.shell.library
        if self.english:
            return library.english_item(self.kind, self.item_id)
        return library.get(self.kind, self.item_id)

    def heading(self) -> str:
        item = self.current_item()
        return display_title(item) if item else ""

    def refresh(self) -> None:
        item = self.current_item()
        if item is None or self.kind is None:
            self.browser.show_markdown(_("This page could not be found."))
            return
        self._show_translation_state()
        self.letter_button.setVisible(self.kind == Kind.NOTICE)
        warning = getattr(item, "content_warning", None)
        if warning and not self.revealed:
            self.warning_title.setText(display_title(item))
            summary = getattr(item, "summary", "") or ""
            self.warning_summary.setText(summary)
            self.warning_summary.setVisible(bool(summary))
            self.warning_text.setText(_("Before you read: {warning}").format(warning=warning))
            self.warning_text.setAccessibleName(self.warning_text.text())
            self.warning_read.setText(_("Read it"))
            self.warning_back.setText(_("Not now, go back"))
            self.warning.show()
            self.browser.hide()
            self.second.hide()
            return
        self.warning.hide()
        self.browser.show()
        self.browser.show_markdown(to_markdown(item, _, format_date, self._title_of), rtl=is_rtl(self._content_locale()))
        self._show_beside()

    def _show_beside(self) -> None:
        """The same page in the client's language, as the same reader may see it (core/bilingual.py)."""
        locale = self.beside.chosen
        library = self.shell.library
        beside = None
        if locale and self.kind is not None:
            first = library.view_for("en") if self.english else library.view
            beside = beside_item(self.kind, self.item_id, first, library.view_for(locale), library.reader)
        if beside is None:
            self.second.hide()
            self.second.clear()
            return
        view = library.view_for(locale)

        def title_of(link: str) -> str | None:
            found = view.resolve(link)
            return display_title(found[1]) if found else None

        label = translator(locale)
        self.second.show_markdown(to_markdown(beside, label, lambda d: format_date(d, locale=locale), title_of), rtl=is_rtl(locale))
        self.second.setAccessibleName(_("Page text in {language}").format(language=language_name(locale)))
        self.second.show()

    def _content_locale(self) -> str:
        """The language the words on the page are in: the reader's, or English when it falls back."""
        assert self.kind is not None
        library = self.shell.library
        if self.english or effective_state(library, self.kind, self.item_id).shows_english:
            return "en"
        return library.locale

    def _title_of(self, link: str) -> str | None:
        found = self.shell.library.resolve(link)
        return display_title(found[1]) if found else None

    def _show_translation_state(self) -> None:
        assert self.kind is not None
        state = effective_state(self.shell.library, self.kind, self.item_id)
        words = item_notice(state, self.english)
        if words:
            self.translation_notice.show_text(*words, quiet=is_quiet(state, self.english))
        else:
            self.translation_notice.hide()

    def retranslate(self) -> None:
        self.beside.refresh()
        self.help_button.setText(_("Talk to a person: find support"))
        self.letter_button.setText(_("Write this letter"))
        self.letter_button.setAccessibleName(_("Write this letter"))
        if self.kind is not None:
            self.refresh()

    def reset(self) -> None:
        self.kind, self.item_id = None, ""
        self.browser.clear()
        self.second.clear()
        self.second.hide()
        self.beside.refresh()  # the session has forgotten the second language
