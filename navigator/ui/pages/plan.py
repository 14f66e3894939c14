"""The plan: a checklist made from the answers, most urgent first, that the person can keep.

Ticks live in memory only. Each step opens its guide, organization, platform or law page. The
plan is printed or saved only when the person asks, through a save dialog that starts fresh every
time (see ``ui/dialogs.py``). A failed save says why in plain words and loses nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QDialog, QFrame, QHBoxLayout, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from navigator import i18n
from navigator.core.models import Kind, Law
from navigator.core.pathway import Walk
from navigator.core.plan import Entry, Link, Plan, PlanStep, build_plan, languages_of, regions_of
from navigator.core.plan_export import to_markdown, to_text
from navigator.core.render import law_status_line
from navigator.i18n import _, format_date
from navigator.privacy.pdf import neutral_info, xmp
from navigator.ui import dialogs
from navigator.ui.dialogs import ask_save_path, save_bytes
from navigator.ui.language_notes import list_notice
from navigator.ui.navigation import Page, Shell
from navigator.ui.reader import SafeDocument
from navigator.ui.theme import Palette
from navigator.ui.widgets import WrapsToWidth, column, label, scroll


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


CHECK_MARK = ":/qt-project.org/styles/commonstyle/images/standardbutton-apply-16.png"
PRINT_JOB_NAME = "document"


class TickRow(QWidget):
    """A tick box with words that wrap (a QCheckBox's own text never wraps). Clicking the words ticks it."""

    def __init__(self, text: str, heading: bool, palette: Palette, detail: str = "") -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.box.setCursor(Qt.CursorShape.PointingHandCursor)
        p = palette
        self.box.setStyleSheet(
            f"QCheckBox {{ border: 3px solid transparent; background: transparent; padding: 1px; border-radius: 6px; }}"
            f" QCheckBox:focus {{ border: 3px solid {p.focus}; }}"
            f" QCheckBox::indicator {{ width: 20px; height: 20px; border: 2px solid {p.muted}; border-radius: 5px; background: {p.surface}; }}"
            f" QCheckBox::indicator:checked {{ border-color: {p.primary}; background: {p.primary_soft}; image: url({CHECK_MARK}); }}"
        )
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


class LinkButton(WrapsToWidth, QPushButton):
    """A link-styled button whose words wrap, so a long page title never widens the plan."""

    def __init__(self, text: str, palette: Palette) -> None:
        super().__init__()
        self.setObjectName("link")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(4, 2, 4, 2)
        self.words = label(text)
        self.words.setStyleSheet(f"color: {palette.link}; text-decoration: underline; background: transparent;")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.box.addWidget(self.words)


class StepCard(QFrame):
    """One step: a tick box with its title, what to do, and buttons that open its pages."""

    def __init__(self, page: PlanPage, number: int, step: PlanStep) -> None:
        super().__init__()
        self.setObjectName("card")
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 16, 22, 18)
        box.setSpacing(8)
        self.step = step
        box.addWidget(label(_("Step {number} · {category}").format(number=number, category=category_name(step.category)), "muted"))
        self.tick = page.tick_box(step.key, step.title, heading=True)
        box.addWidget(self.tick)
        body = label(step.body)
        box.addWidget(body)
        for entry in step.entries:
            box.addLayout(self._entry_row(page, entry))
        for link in step.links:
            row = QHBoxLayout()
            row.setContentsMargins(26, 0, 0, 0)
            row.addWidget(self._link_button(page, link))  # full width: the words wrap only when they must
            box.addLayout(row)

    def _entry_row(self, page: PlanPage, entry: Entry) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(26, 0, 0, 0)
        row.addWidget(page.tick_box(entry.key, entry.title, detail=entry_detail(entry)), 1)
        button = QPushButton(_("Open"))
        button.setObjectName("link")
        button.setAccessibleName(_("Open: {title}").format(title=entry.title))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _c=False, href=entry.href: page.shell.open_link(href))
        row.addWidget(button)
        return row

    def _link_button(self, page: PlanPage, link: Link) -> LinkButton:
        button = LinkButton(_("Open: {title}").format(title=link.title), page.shell.theme.palette)
        button.clicked.connect(lambda _c=False, href=link.href: page.shell.open_link(href))
        return button


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
        outer = column(self, margins=0, spacing=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=14)
        self.title = label(name="title")
        self.subtitle = label(name="subtitle")
        self.advice = label(name="muted")
        self.done_text = label(name="muted")
        self.language_note = label(name="muted")  # said when some of the plan falls back to English
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.advice)
        layout.addWidget(self.language_note)
        actions = QHBoxLayout()
        self.change_button = QPushButton()
        self.change_button.clicked.connect(self.change_answers)
        self.start_over_button = QPushButton()
        self.start_over_button.clicked.connect(self.start_over)
        actions.addWidget(self.change_button)
        actions.addWidget(self.start_over_button)
        actions.addStretch(1)
        actions.addWidget(self.done_text)
        layout.addLayout(actions)
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(14)
        layout.addLayout(self.steps_box)
        layout.addStretch(1)
        outer.addWidget(scroll(inner), 1)
        outer.addWidget(self._build_exports())
        self.cards: list[StepCard] = []
        self.boxes: dict[str, QCheckBox] = {}

    def _build_exports(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("footer")
        box = QVBoxLayout(bar)
        box.setContentsMargins(40, 8, 40, 10)
        box.setSpacing(6)
        self.keep_note = label(name="muted")
        box.addWidget(self.keep_note)
        row = QHBoxLayout()
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_plan)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("primary")
        self.pdf_button.clicked.connect(self.save_pdf)
        # Plain text and Markdown are for advocates and email: one button, a menu of two.
        self.more_button = QPushButton()
        self.more_menu = QMenu(self.more_button)
        self.text_action = self.more_menu.addAction("")
        self.text_action.triggered.connect(lambda: self.save_text("text"))
        self.markdown_action = self.more_menu.addAction("")
        self.markdown_action.triggered.connect(lambda: self.save_text("markdown"))
        self.more_button.setMenu(self.more_menu)
        row.addStretch(1)
        for button in (self.print_button, self.more_button, self.pdf_button):
            row.addWidget(button)
        box.addLayout(row)
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
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.boxes = {}
        if self.plan is not None:
            keys = set(self.plan.tick_keys())
            self.ticks.intersection_update(keys)
            for number, step in enumerate(self.plan.steps, 1):
                card = StepCard(self, number, step)
                self.steps_box.addWidget(card)
                self.cards.append(card)
        self._words()

    def tick_box(self, key: str, text: str, heading: bool = False, detail: str = "") -> TickRow:
        row = TickRow(text, heading, self.shell.theme.palette, detail)
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

    def _count(self) -> None:
        total = len(self.plan.tick_keys()) if self.plan else 0
        self.done_text.setText(_("{done} of {total} ticked").format(done=len(self.ticks), total=total))

    def _words(self) -> None:
        self.title.setText(_("Your plan"))
        self.subtitle.setText(
            _(
                "Made for what you told us, most urgent first. These are choices, not orders: take them one at a time, and skip any that do not fit."
            )
        )
        self.advice.setText(_("Ticks are only kept while Navigator is open. This plan is general information, not legal advice."))
        self.change_button.setText(_("Change my answers"))
        self.change_button.setAccessibleName(self.change_button.text())
        self.start_over_button.setText(_("Start over"))
        self.start_over_button.setAccessibleName(_("Start over: clear my answers and ticks"))
        self.keep_note.setText(_("Saving or printing puts a copy outside Navigator. Choose a private place."))
        self.print_button.setText(_("Print…"))
        self.pdf_button.setText(_("Save as PDF…"))
        self.more_button.setText(_("Other formats"))
        self.text_action.setText(_("Save as plain text…"))
        self.markdown_action.setText(_("Save as Markdown…"))
        for button in (self.print_button, self.pdf_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.more_button.setAccessibleName(_("Save in another format: plain text or Markdown"))
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

    def markdown(self) -> str:
        assert self.plan is not None
        return to_markdown(self.plan, self.shell.library, _, format_date, date.today(), self.ticks)

    def save_pdf(self) -> Path | None:
        if not self.plan:
            return None
        path = self.ask_path(_("Save your plan as a PDF"), "plan.pdf", _("PDF files (*.pdf)"), "pdf")
        if path is None:
            return None
        data = pdf_bytes(self.markdown(), _("Your plan"))
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

    def print_plan(self) -> bool:
        if not self.plan:
            return False
        choice = self.ask_before_printing()
        if choice == "pdf":
            return self.save_pdf() is not None
        if choice != "print":
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The name the print queue, its history and any banner page show: says nothing.
        printer.setDocName(PRINT_JOB_NAME)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print your plan"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        print_document(plan_document(self.markdown()), printer)
        return True

    # --- page protocol ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.rebuild()

    def reset(self) -> None:
        self.walk = None
        self.plan = None
        self.ticks.clear()
        self.rebuild()


__all__ = ["PlanPage", "category_name", "pdf_bytes"]
