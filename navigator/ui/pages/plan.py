"""The plan: it starts small, with "Do these first", and keeps the rest folded until wanted.

At the top, at most three things to do first, each with whom to reach and how
(``core.plan.first_things``: safety when the answers call for it, then keeping proof, then the one
request most likely to work). Below, the whole plan in sections that open and close (the GOV.UK
step-by-step pattern), most urgent first. Laws are information: they have no tick box. There is no
"0 of 23 ticked"; once something is ticked, a gentle word says that is enough for today. Links
say where they go ("Saving evidence safely →"). Saving and printing sit in one small toolbar at
the end (UX review F08, F32).

Ticks live in memory only. The plan is printed or saved only when the person asks, through a save
dialog that starts fresh every time (see ``ui/dialogs.py``). A failed save says why in plain words
and loses nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMarginsF, QSizeF, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QResizeEvent, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from navigator import i18n
from navigator.core.bilingual import beside_plan
from navigator.core.models import Kind, Law
from navigator.core.pathway import Walk
from navigator.core.plan import CATEGORY_ORDER, Entry, FirstThing, Plan, PlanStep, build_plan, first_things, languages_of, regions_of
from navigator.core.plan_export import to_markdown, to_text
from navigator.core.render import law_status_line
from navigator.i18n import _, format_date, is_rtl, language_name, ngettext, translator
from navigator.privacy.pdf import neutral_info, xmp
from navigator.ui import dialogs
from navigator.ui.beside import BesidePicker, second_column
from navigator.ui.dialogs import ask_save_path, save_bytes
from navigator.ui.language_notes import list_notice
from navigator.ui.navigation import Page, Shell
from navigator.ui.reader import SafeDocument
from navigator.ui.widgets import FlowRow, WrapsToWidth, column, label, letter_width, scroll


def category_name(category: str) -> str:
    return {
        "safety": _("Right now"),
        "minor": _("Images from under 18"),
        "evidence": _("Keeping a record"),
        "removal": _("Taking it down"),
        "hashing": _("Stopping it spreading"),
        "legal": _("Your rights"),
        "support": _("Support"),
        "tool": _("Optional"),
    }.get(category, category)


def entry_detail(entry: Entry) -> str:
    """One short line under an entry: for a law, whether it is in force and since when it was checked."""
    item = entry.item
    if isinstance(item, Law):
        return law_status_line(item, _, format_date).replace("*", "")
    return ""


def plan_document(markdown: str) -> QTextDocument:
    """The printable plan: the exported Markdown laid out by Qt, no HTML, no images, and a document
    that reads no file (``reader.SafeDocument``), so nothing from the disk can reach the paper or the PDF."""
    doc = SafeDocument()
    font = QFont()
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    doc.set_markdown(markdown)
    return doc


def pdf_bytes(markdown: str, title: str) -> bytes:
    """A PDF of the plan, made in memory, so a failed write never leaves half a file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    # The title only: no program name, no time or time zone, no document id (navigator/privacy/pdf.py).
    writer.setTitle(title)
    writer.setCreator("")
    writer.setDocumentXmpMetadata(QByteArray(xmp(title)))
    print_document(plan_document(markdown), writer)
    del writer  # finishes the PDF
    buffer.close()
    return neutral_info(bytes(data.data()))


def print_document(doc: QTextDocument, device: QPagedPaintDevice) -> None:
    # Lay the text out on the device itself, at its resolution and page size, so the words fill
    # the page between its margins (laid out for the screen, they took about half its width).
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(device.pageLayout().paintRectPixels(device.logicalDpiX()).size()))
    doc.print_(device)


# The plan in a second language sits beside the plan when the page holds this many average letters
# across (the plan keeps about 70 of them, the second column about 50), and under it otherwise.
# Letters, not pixels: larger text stacks the columns as a narrower window does.
BESIDE_CHARS = 120

PRINT_JOB_NAME = "document"


class TickRow(QWidget):
    """A tick box with words that wrap (a QCheckBox's own text never wraps). Clicking the words ticks it."""

    def __init__(self, text: str, heading: bool, detail: str = "") -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.box.setCursor(Qt.CursorShape.PointingHandCursor)
        # Drawn by the theme's rules (its box grows with the text size and follows a change of
        # contrast, and the one focus ring of ui/keyboard.py shows where the keyboard is).
        self.box.setObjectName("tick")
        self.text = label(text, "heading" if heading else "")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text.setCursor(Qt.CursorShape.PointingHandCursor)
        if heading:
            font = self.text.font()
            font.setWeight(QFont.Weight.DemiBold)
            self.text.setFont(font)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.text)
        if detail:
            self.detail = label(detail, "muted")
            self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            words.addWidget(self.detail)
            self.box.setAccessibleDescription(detail)
        row.addLayout(words, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


def link_words(title: str) -> str:
    """Plain link text: the page's own name and an arrow the way the language reads."""
    return f"{title} ←" if is_rtl() else f"{title} →"


class LinkButton(WrapsToWidth, QPushButton):
    """A link-styled button whose words wrap, so a long page title never widens the plan."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setObjectName("link")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text.rstrip(" →←"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(4, 2, 4, 2)
        # Coloured and underlined by the theme's rule for a link's words, which follows a change of
        # contrast; a style sheet on each of a plan's links made every restyle touch each again (issue 17).
        self.words = label(text, name="words")
        # The side the language reads from, even when the words are a name in Latin letters.
        side = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
        self.words.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.box.addWidget(self.words)


class StepCard(QFrame):
    """One step: a tick box with its title, what to do, and links to its pages. Laws have no tick."""

    def __init__(self, page: PlanPage, number: int, step: PlanStep) -> None:
        super().__init__()
        self.setObjectName("card")
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 16, 22, 18)
        box.setSpacing(8)
        self.step = step
        self.tick = page.tick_box(step.key, step.title, heading=True)
        box.addWidget(self.tick)
        body = label(step.body)
        box.addWidget(body)
        for entry in step.entries:
            box.addLayout(self._entry_row(page, entry))
        for link in step.links:
            row = QHBoxLayout()
            row.setContentsMargins(26, 0, 0, 0)
            row.addWidget(self._link_button(page, link.title, link.href))  # full width: the words wrap only when they must
            box.addLayout(row)

    def _entry_row(self, page: PlanPage, entry: Entry) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(26, 0, 0, 0)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self._link_button(page, entry.title, entry.href))
        detail = entry_detail(entry)
        if detail:
            words.addWidget(label(detail, "muted"))
        if not isinstance(entry.item, Law):  # a law is something to know, not something to do
            tick = page.tick_box(entry.key, "")
            tick.box.setAccessibleName(entry.title)
            row.addWidget(tick, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        return row

    def _link_button(self, page: PlanPage, title: str, href: str) -> LinkButton:
        button = LinkButton(link_words(title))
        button.clicked.connect(lambda _c=False, h=href: page.shell.open_link(h))
        return button


class SectionToggle(WrapsToWidth, QToolButton):
    """A section's name as a button whose words wrap (large text, a narrow window: UX review F23),
    with a small triangle that says whether it is open."""

    def __init__(self) -> None:
        QToolButton.__init__(self)
        self.setObjectName("section")
        self.setCheckable(True)
        self.box = QHBoxLayout(self)
        self.box.setContentsMargins(14, 10, 14, 10)
        self.words = label(name="words")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.box.addWidget(self.words)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.title = ""

    def show_state(self, title: str, on: bool) -> None:
        self.title = title
        arrow = "\u25be" if on else ("\u25c2" if is_rtl() else "\u25b8")
        self.words.setText(f"{arrow} {title}")
        self.updateGeometry()


class Section(QFrame):
    """A part of the plan that opens and closes: its name, how many steps, and the steps."""

    def __init__(self, title: str, count: int) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self.toggle = SectionToggle()
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.heading = ngettext("{title} ({count} step)", "{title} ({count} steps)", count).format(title=title, count=count)
        self.toggle.setAccessibleName(title)
        self.toggle.toggled.connect(self.open)
        self.body = QWidget()
        self.steps = QVBoxLayout(self.body)
        self.steps.setContentsMargins(0, 0, 0, 0)
        self.steps.setSpacing(12)
        box.addWidget(self.toggle)
        box.addWidget(self.body)
        self.open(False)

    def open(self, on: bool) -> None:
        self.toggle.show_state(self.heading, on)
        self.body.setVisible(on)
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)


class PlanPage(Page):
    """The plan for the walk the wizard finished. Ticks are the session's.

    ``change_answers_requested`` and ``start_over_requested`` go to the questions;
    ``place_known(country, region, language)`` tells the directory whom to put first.
    """

    name = "plan"
    change_answers_requested = Signal()
    start_over_requested = Signal()
    place_known = Signal(object, object, object)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.walk: Walk | None = None
        self.plan: Plan | None = None
        # The plan, and the second language beside it or under it (``fit_columns``).
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        outer = self.columns
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=14)
        self.title = label(name="title")
        self.subtitle = label(name="subtitle")
        self.language_note = label(name="muted")  # said when some of the plan falls back to English
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.language_note)
        actions = FlowRow()  # two lines rather than wider than the window
        self.change_button = QPushButton()
        self.change_button.setObjectName("link")
        self.change_button.clicked.connect(self.change_answers)
        self.start_over_button = QPushButton()
        self.start_over_button.setObjectName("link")
        self.start_over_button.clicked.connect(self.start_over)
        actions.addWidget(self.change_button)
        actions.addWidget(self.start_over_button)
        layout.addLayout(actions)
        # An advocate may show the plan in the client's language beside it (ui/beside.py).
        self.beside = BesidePicker(shell.session)
        self.beside.changed.connect(self._beside_changed)
        layout.addWidget(self.beside)
        # Do these first: at most three things, each with whom to reach and how.
        self.first_card = QFrame()
        self.first_card.setObjectName("firstThings")
        first = QVBoxLayout(self.first_card)
        first.setContentsMargins(22, 16, 22, 18)
        first.setSpacing(10)
        self.first_title = label(name="heading")
        first.addWidget(self.first_title)
        self.first_rows = QVBoxLayout()
        self.first_rows.setSpacing(12)
        first.addLayout(self.first_rows)
        layout.addWidget(self.first_card)
        self.first_widgets: list[QWidget] = []
        self.first: list[FirstThing] = []
        self.done_text = label(name="muted")
        layout.addWidget(self.done_text)
        self.rest_title = label(name="heading")
        layout.addWidget(self.rest_title)
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(14)
        layout.addLayout(self.steps_box)
        layout.addWidget(self._build_exports())
        layout.addStretch(1)
        outer.addWidget(scroll(inner), 3)
        self.second = second_column()
        self.second.link_activated.connect(shell.open_link)
        outer.addWidget(self.second, 2)
        self.cards: list[StepCard] = []
        self.sections: list[Section] = []
        self.boxes: dict[str, QCheckBox] = {}

    def side_by_side(self) -> bool:
        """True when the second column sits beside the plan, False when it is under it."""
        return self.columns.direction() == QBoxLayout.Direction.LeftToRight

    def fit_columns(self) -> None:
        """Beside the plan on a wide page, under it on a narrow one or with large text."""
        wide = self.width() >= letter_width(self) * BESIDE_CHARS
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_columns()

    def _build_exports(self) -> QFrame:
        """One small toolbar at the end of the plan: save, print, other formats."""
        bar = QFrame()
        bar.setObjectName("exports")
        box = QVBoxLayout(bar)
        box.setContentsMargins(0, 12, 0, 0)
        box.setSpacing(6)
        self.keep_note = label(name="muted")
        row = FlowRow()  # on two lines rather than wider than the window (large text: F23)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(lambda: self.print_plan())
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        # Plain text and Markdown are for advocates and email: one button, a menu of two.
        self.more_button = QPushButton()
        self.more_menu = QMenu(self.more_button)
        self.text_action = self.more_menu.addAction("")
        self.text_action.triggered.connect(lambda: self.save_text("text"))
        self.markdown_action = self.more_menu.addAction("")
        self.markdown_action.triggered.connect(lambda: self.save_text("markdown"))
        self.more_button.setMenu(self.more_menu)
        for button in (self.pdf_button, self.print_button, self.more_button):
            row.addWidget(button)
        box.addLayout(row)
        # The same plan in the client's language, for them to take away.
        second = QHBoxLayout()
        self.pdf_second_button = QPushButton()
        self.pdf_second_button.clicked.connect(lambda: self.save_pdf(self.beside.chosen))
        self.print_second_button = QPushButton()
        self.print_second_button.clicked.connect(lambda: self.print_plan(self.beside.chosen))
        second.addWidget(self.pdf_second_button)
        second.addWidget(self.print_second_button)
        second.addStretch(1)
        box.addLayout(second)
        box.addWidget(self.keep_note)
        return bar

    # --- the plan ---------------------------------------------------------------------------

    def show_walk(self, walk: Walk) -> None:
        self.walk = walk
        self.rebuild()
        self._share_place_with_directory()

    @property
    def ticks(self) -> set[str]:
        return self.shell.session.ticks

    def _share_place_with_directory(self) -> None:
        """Services for the person's place and language come first in the directory (memory only)."""
        if self.walk is None:
            return
        answers = self.walk.effective()
        regions = regions_of(self.walk.pathway, answers)
        country = next((r for r in regions if "-" not in r), None)
        region = next((r for r in regions if "-" in r), None)
        if country is None and region is not None:
            country = region.split("-")[0]
        language = languages_of(self.walk.pathway, answers, i18n.current_locale())[0]
        self.place_known.emit(country, region, language)

    def build(self) -> Plan | None:
        if self.walk is None:
            return None
        return build_plan(self.walk.pathway, self.walk.effective(), self.shell.library, locale=i18n.current_locale())

    def rebuild(self) -> None:
        self.plan = self.build()
        for widget in [*self.sections, *self.first_widgets]:
            # Hidden and deleted later, left in the page meanwhile: taken out of it (setParent(None)), it lost the page's
            # style sheet and every widget in it was restyled in the plain style first, for nothing (theme.py), and the
            # benchmark's session crashed now and then deleting them (a segmentation fault in Shiboken's destroy).
            self.steps_box.removeWidget(widget)
            self.first_rows.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.cards, self.sections, self.first_widgets, self.first = [], [], [], []
        self.boxes = {}
        if self.plan is not None:
            keys = set(self.plan.tick_keys())
            self.ticks.intersection_update(keys)
            self.first = first_things(self.plan, self.shell.library)
            for number, thing in enumerate(self.first, 1):
                row = self._first_row(number, thing)
                self.first_rows.addWidget(row)
                self.first_widgets.append(row)
            number = 0
            for category in CATEGORY_ORDER:
                steps = [step for step in self.plan.steps if step.category == category]
                if not steps:
                    continue
                section = Section(category_name(category), len(steps))
                for step in steps:
                    number += 1
                    card = StepCard(self, number, step)
                    section.steps.addWidget(card)
                    self.cards.append(card)
                self.steps_box.addWidget(section)
                self.sections.append(section)
        self.first_card.setVisible(bool(self.first))
        self._words()
        self._show_beside()

    def _beside_changed(self) -> None:
        self._show_beside()
        self._words()

    def beside_markdown(self, locale: str) -> str | None:
        """The plan in ``locale``'s words: the same steps, entries and links, for the same reader."""
        if self.plan is None:
            return None
        view = self.shell.library.view_for(locale)
        beside = beside_plan(self.plan, view, locale)
        if beside is None:
            return None
        return to_markdown(beside, view, translator(locale), lambda d: format_date(d, locale=locale), date.today(), self.ticks)

    def _show_beside(self) -> None:
        locale = self.beside.chosen
        text = self.beside_markdown(locale) if locale else None
        if text is None:
            self.second.hide()
            self.second.clear()
            return
        self.second.show_markdown(text, rtl=is_rtl(locale))
        self.second.setAccessibleName(_("Your plan in {language}").format(language=language_name(locale)))
        self.second.show()

    def _first_row(self, number: int, thing: FirstThing) -> QWidget:
        row = QWidget()
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(label(_("{number}. {what}").format(number=number, what=thing.title), "heading"))
        if thing.href.startswith("navigator://place/"):
            reach = _("Emergency number: {number}").format(number=thing.reach)
        elif thing.reach:
            reach = f"{thing.name}: {thing.reach}"
        else:
            reach = ""
        if reach:
            words = label(reach)
            words.setObjectName("reach")
            box.addWidget(words)
        if thing.href.startswith("navigator://place/"):
            # The number is the thing itself; the link goes on to people to talk to now.
            button = LinkButton(link_words(_("Talk to someone now")))
            button.clicked.connect(lambda _c=False: self.shell.open_door("talk"))
        else:
            button = LinkButton(link_words(thing.name))
            button.clicked.connect(lambda _c=False, h=thing.href: self.shell.open_link(h))
        box.addWidget(button)
        return row

    def tick_box(self, key: str, text: str, heading: bool = False, detail: str = "") -> TickRow:
        row = TickRow(text, heading, detail)
        row.box.setChecked(key in self.ticks)
        row.box.toggled.connect(lambda on, k=key: self._ticked(k, on))
        self.boxes[key] = row.box
        return row

    def _ticked(self, key: str, on: bool) -> None:
        if on:
            self.ticks.add(key)
        else:
            self.ticks.discard(key)
        self._count()
        if self.second.isVisible():
            self._show_beside()  # its boxes show the same ticks

    def _count(self) -> None:
        # No "0 of 23 ticked": a gentle word once something is done (UX review F08).
        done = len(self.ticks)
        self.done_text.setText(
            ngettext(
                "You have done {count} thing. That is enough for today.", "You have done {count} things. That is enough for today.", done
            ).format(count=done)
        )
        self.done_text.setVisible(done > 0)

    def _words(self) -> None:
        self.title.setText(_("Your plan"))
        self.subtitle.setText(
            _(
                "Made for what you told us, most urgent first. These are choices, not orders: take them one at a time, and skip any that do not fit."
            )
        )
        self.first_title.setText(_("Do these first"))
        self.rest_title.setText(_("The whole plan"))
        self.change_button.setText(_("Change my answers"))
        self.change_button.setAccessibleName(self.change_button.text())
        self.start_over_button.setText(_("Clear my answers"))
        self.start_over_button.setAccessibleName(_("Clear my answers and ticks, and start the questions again"))
        self.keep_note.setText(_("Saving or printing puts a copy outside Navigator. Choose a private place."))
        self.print_button.setText(_("Print…"))
        self.pdf_button.setText(_("Save as PDF…"))
        self.pdf_button.setObjectName("")
        self.more_button.setText(_("Other formats"))
        self.text_action.setText(_("Save as plain text…"))
        self.markdown_action.setText(_("Save as Markdown…"))
        for button in (self.print_button, self.pdf_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.more_button.setAccessibleName(_("Save in another format: plain text or Markdown"))
        self.beside.refresh()
        second = self.beside.chosen
        language = language_name(second) if second else ""
        self.pdf_second_button.setText(_("Save as PDF in {language}…").format(language=language))
        self.print_second_button.setText(_("Print in {language}…").format(language=language))
        for button in (self.pdf_second_button, self.print_second_button):
            button.setAccessibleName(button.text().rstrip("…"))
            button.setVisible(bool(second) and self.plan is not None)
        note = list_notice(self.shell.library, self._content_keys())
        self.language_note.setText(note or "")
        self.language_note.setVisible(bool(note))
        self._count()

    def _content_keys(self) -> list[tuple[Kind, str]]:
        """Every content item whose words the plan shows: the questions' steps, and what they link to."""
        if self.plan is None:
            return []
        keys = [(Kind.PATHWAY, self.plan.pathway.id)]
        for step in self.plan.steps:
            keys += [(link.kind, link.item_id) for link in step.links]
            keys += [(entry.kind, entry.item.id) for entry in step.entries]
        return keys

    def heading(self) -> str:
        return _("Your plan")

    # --- actions ----------------------------------------------------------------------------

    def change_answers(self) -> None:
        self.change_answers_requested.emit()

    def start_over(self) -> None:
        self.start_over_requested.emit()

    def markdown(self, locale: str = "") -> str:
        """The plan to save or print: in the screen's language, or in ``locale`` (the client's)."""
        assert self.plan is not None
        if locale:
            text = self.beside_markdown(locale)
            if text is not None:
                return text
        return to_markdown(self.plan, self.shell.library, _, format_date, date.today(), self.ticks)

    def save_pdf(self, locale: str = "") -> Path | None:
        if not self.plan:
            return None
        path = self.ask_path(_("Save your plan as a PDF"), "plan.pdf", _("PDF files (*.pdf)"), "pdf")
        if path is None:
            return None
        title = translator(locale)("Your plan") if locale else _("Your plan")
        data = pdf_bytes(self.markdown(locale), title)
        return path if self._write(path, data) else None

    def save_text(self, fmt: str) -> Path | None:
        if not self.plan:
            return None
        if fmt == "markdown":
            path = self.ask_path(_("Save your plan as Markdown"), "plan.md", _("Markdown files (*.md)"), "md")
            text = self.markdown()
        else:
            path = self.ask_path(_("Save your plan as text"), "plan.txt", _("Text files (*.txt)"), "txt")
            text = to_text(self.plan, self.shell.library, _, format_date, date.today(), self.ticks)
        if path is None:
            return None
        return path if self._write(path, text.encode("utf-8")) else None

    def _write(self, path: Path, data: bytes) -> bool:
        return save_bytes(
            self,
            path,
            data,
            failed=lambda reason: _("Your plan could not be saved there. {reason}").format(reason=reason),
            still_here=_("Nothing is lost: your plan is still here. You can try another place, such as a USB stick."),
        )

    def ask_path(self, title: str, name: str, file_filter: str, suffix: str) -> Path | None:
        return ask_save_path(self, title, name, file_filter, suffix)

    def ask_before_printing(self) -> str:
        """Printing talks to the print service and leaves copies (security review F11): say so
        first, and make saving a PDF the easy answer. Returns "print", "pdf" or "cancel"."""
        return dialogs.choose(
            self,
            title=_("Print your plan?"),
            text=_(
                "Printing hands your plan to this computer's print service. It may keep a copy of the pages and a list of what was printed for a while, and a printer on a network receives it too."
            ),
            informative=_("A PDF file stays where you save it, and you can print it later from somewhere you trust."),
            choices=[("pdf", _("Save as PDF instead")), ("print", _("Print")), ("cancel", _("Cancel"))],
            default="pdf",
        )

    def print_plan(self, locale: str = "") -> bool:
        if not self.plan:
            return False
        choice = self.ask_before_printing()
        if choice == "pdf":
            return self.save_pdf(locale) is not None
        if choice != "print":
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The name the print queue, its history and any banner page show: says nothing.
        printer.setDocName(PRINT_JOB_NAME)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print your plan"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        print_document(plan_document(self.markdown(locale)), printer)
        return True

    # --- page protocol ----------------------------------------------------------------------

    def shown(self) -> None:
        # The second language may have been chosen on another page since this one was built.
        if self.beside.combo.currentData() != self.shell.session.second_locale:
            self._beside_changed()

    def retranslate(self) -> None:
        self.rebuild()

    def reset(self) -> None:
        self.walk = None
        self.plan = None
        self.ticks.clear()
        self.rebuild()  # the session has forgotten the second language too: the column goes


__all__ = ["PlanPage", "category_name", "pdf_bytes"]
