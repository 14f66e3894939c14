"""For advocates: the guide "Using Navigator with a client", with the tools an advocate needs around it.

At the top, two tools: the client's language shown beside the advocate's on the plan and on
every page (``ui/beside.py``), and one-page handouts on a topic, in any language, for a place
(``core/handout.py``, laid out by ``ui/handout_export.py``). Below, the guide in its own words.

The choices made here (the second language, the handout's place) are the session's, and go with
New person and Quick exit. A handout says nothing about the person: it is built from the topic,
the language and the place alone, and its PDF carries no date or time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from navigator import i18n
from navigator.core.handout import TOPICS, HandoutError, build_handout, topic_title
from navigator.core.models import Article, Kind, Place, display_title
from navigator.core.render import to_markdown
from navigator.i18n import _, format_date, is_rtl
from navigator.ui.beside import BesidePicker
from navigator.ui.dialogs import ask_save_path, save_bytes, warn
from navigator.ui.handout_export import handout_pdf
from navigator.ui.navigation import Page, Shell
from navigator.ui.reader import SafeBrowser
from navigator.ui.widgets import WrappingButton, column, label, scroll

ARTICLE_ID = "for-advocates"


class AdvocatesPage(Page):
    name = "advocates"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        # Everything scrolls together, so the tools never squeeze in a small window.
        outer = column(self, margins=0, spacing=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=32, spacing=12)
        self.title = label(name="title")
        layout.addWidget(self.title)

        tools = QFrame()
        tools.setObjectName("card")
        box = QVBoxLayout(tools)
        box.setContentsMargins(22, 16, 22, 16)
        box.setSpacing(8)
        self.language_title = label(name="heading")
        self.language_text = label(name="muted")
        self.beside = BesidePicker(shell.session)
        self.beside.changed.connect(self.shown)  # the handout's language follows the client's
        for widget in (self.language_title, self.language_text, self.beside):
            box.addWidget(widget)

        self.handout_title = label(name="heading")
        self.handout_text = label(name="muted")
        box.addWidget(self.handout_title)
        box.addWidget(self.handout_text)
        grid = QGridLayout()
        self.topic_label, self.topic = label(wrap=False), QComboBox()
        self.language_label, self.language = label(wrap=False), QComboBox()
        self.place_label, self.place = label(wrap=False), QComboBox()
        self.place.currentIndexChanged.connect(self._place_picked)
        for row, (words, combo) in enumerate(
            ((self.topic_label, self.topic), (self.language_label, self.language), (self.place_label, self.place))
        ):
            words.setBuddy(combo)
            # As wide as the column gives, not as the longest choice (a long topic or place).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            grid.addWidget(words, row, 0)
            grid.addWidget(combo, row, 1)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        buttons = QHBoxLayout()
        self.save_button = WrappingButton(name="primary")  # its words wrap rather than widen the page
        self.save_button.clicked.connect(lambda: self.save_handout())
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(tools)

        self.browser = SafeBrowser()
        self.browser.link_activated.connect(shell.open_link)
        self.browser.setMinimumHeight(420)
        layout.addWidget(self.browser, 1)
        outer.addWidget(scroll(inner), 1)

    # --- the handout ------------------------------------------------------------------------------

    def _place_picked(self, index: int) -> None:
        code = self.place.itemData(index)
        self.shell.session.handout_place = code if isinstance(code, str) else ""

    def handout_choice(self) -> tuple[str, str, str]:
        """(topic, language, place) as picked."""
        topic = self.topic.currentData()
        locale = self.language.currentData()
        return (
            topic if isinstance(topic, str) else TOPICS[0],
            locale if isinstance(locale, str) else self.shell.library.locale,
            self.shell.session.handout_place,
        )

    def handout_bytes(self) -> tuple[bytes, str] | None:
        """The handout's PDF and title, or None (with a plain message) when it cannot be made."""
        topic, locale, place = self.handout_choice()
        library = self.shell.library
        try:
            handout = build_handout(
                topic,
                library.view_for(locale),  # as this session's reader may see it
                i18n.translator(locale),
                lambda d: format_date(d, locale=locale),
                library.reader,
                place or None,
            )
        except HandoutError:
            warn(self, _("This handout needs a place. Choose one, then try again."), _("Nothing was saved."))
            return None
        data, _pages = handout_pdf(handout, rtl=is_rtl(locale))
        return data, handout.title

    def save_handout(self) -> Path | None:
        made = self.handout_bytes()
        if made is None:
            return None
        path = ask_save_path(self, _("Save the handout as a PDF"), "handout.pdf", _("PDF files (*.pdf)"), "pdf")
        if path is None:
            return None
        saved = save_bytes(
            self,
            path,
            made[0],
            failed=lambda reason: _("The handout could not be saved there. {reason}").format(reason=reason),
            still_here=_("Nothing is lost. You can try another place, such as a USB stick."),
        )
        return path if saved else None

    # --- words --------------------------------------------------------------------------------------

    def _fill(self, combo: QComboBox, choices: list[tuple[str, str]], current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _places(self) -> list[tuple[str, str]]:
        places = [item for item in self.shell.library.all(Kind.PLACE) if isinstance(item, Place)]
        found = [(place.name, place.code) for place in places]
        found += [(f"{sub.name} ({place.name})", sub.code) for place in places for sub in place.subdivisions]
        return [(_("No place"), "")] + sorted(found, key=lambda pair: pair[0].casefold())

    def _title_of(self, link: str) -> str | None:
        found = self.shell.library.resolve(link)
        return display_title(found[1]) if found else None

    def heading(self) -> str:
        return self.title.text()

    def retranslate(self) -> None:
        library = self.shell.library
        article = library.get(Kind.ARTICLE, ARTICLE_ID)
        self.title.setText(article.title if isinstance(article, Article) else _("For advocates"))
        if isinstance(article, Article):
            # The guide in its own words (the title is above, with the tools).
            text = to_markdown(article, _, format_date, self._title_of).split("\n", 1)[1]
            self.browser.show_markdown(text, rtl=is_rtl(library.locale))
        self.language_title.setText(_("The client's language beside yours"))
        self.language_text.setText(
            _("The plan and every page can show the client's language beside the screen's. The plan can then be saved or printed in it.")
        )
        self.beside.refresh()
        self.handout_title.setText(_("Handouts"))
        self.handout_text.setText(
            _(
                "One page on one topic, in any language, with the numbers and addresses written out. It says nothing about the person: no answers, no date."
            )
        )
        self.topic_label.setText(_("Topic:"))
        self.language_label.setText(_("Language:"))
        self.place_label.setText(_("Place:"))
        self.topic.setAccessibleName(_("Topic of the handout"))
        self.language.setAccessibleName(_("Language of the handout"))
        self.place.setAccessibleName(_("Place of the handout: its emergency number and services"))
        self._fill(self.topic, [(topic_title(t, _), t) for t in TOPICS], str(self.topic.currentData() or TOPICS[0]))
        languages = [(i18n.language_name(locale), locale) for locale in library.locales()]
        self._fill(self.language, languages, str(self.language.currentData() or self.shell.session.second_locale or library.locale))
        self._fill(self.place, self._places(), self.shell.session.handout_place)
        self.save_button.setText(_("Save the handout as PDF…"))
        self.save_button.setAccessibleName(_("Save the handout as PDF"))

    def shown(self) -> None:
        self.beside.refresh()
        # The place the plan knows, when no place was picked here yet.
        session = self.shell.session
        if not session.handout_place and session.directory.country:
            session.handout_place = session.directory.country.upper()
        self._fill(self.place, self._places(), session.handout_place)
        # A handout is most often wanted in the client's language.
        if session.second_locale and self.language.currentData() == self.shell.library.locale:
            self.language.setCurrentIndex(max(self.language.findData(session.second_locale), 0))

    def reset(self) -> None:
        # The session has forgotten the second language and the place: show that.
        self.beside.refresh()
        self._fill(self.place, self._places(), "")
        self.language.setCurrentIndex(max(self.language.findData(self.shell.library.locale), 0))


__all__ = ["AdvocatesPage"]
