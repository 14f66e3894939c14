"""Write a request from a reviewed template: see what it exposes, fill in the blanks, then copy or save it.

In order on the page: who will see the sender's details (before anything is filled in), the
status of the law behind it when that law is not in force, the points to know, "someone sends it
for me" where the route allows it, the fields, what the law or the site requires and which of it
is still missing, the form helper for a route that is a web form (each field of the form in order,
with the answer and a Copy button), and the letter itself.

The letter's language can differ from the screen's (a platform may read English while the person
reads Spanish). A letter is never called finished while a required element is missing. It holds
web addresses only, never images. What is typed stays in memory (the session's letter draft) and is
forgotten when the session is cleared: start over, or Quick exit (which also clears what was copied).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from navigator import i18n
from navigator.core.audience import ADULT, Reader
from navigator.core.letters import Letter, check_answers, exposure_lines, fill, form_answers, may_send_for
from navigator.core.models import Kind, Law, NoticeField, NoticeTemplate, Pathway
from navigator.core.render import status_label
from navigator.i18n import _
from navigator.ui.dialogs import ask_save_path, save_bytes
from navigator.ui.letter_export import letter_bytes
from navigator.ui.navigation import Page, Shell
from navigator.ui.quick_exit import copy_to_clipboard
from navigator.ui.widgets import FlowRow, Notice, WrappingButton, WrappingCheckBox, clear_layout, column, label, plain_tooltip, scroll

Input = QLineEdit | QPlainTextEdit | QCheckBox | QComboBox


class LetterPage(Page):
    name = "letter"
    # The person sent this letter and wants their case file to keep track of it (main_window wires it).
    log_requested = Signal(str)
    # The person wants one request for each site of their plan (main_window shows the requests page).
    batch_requested = Signal()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=36, spacing=14)
        self.title = label(name="title")
        self.summary = label(name="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        self.exposure = Notice()
        layout.addWidget(self.exposure)
        self.law_status = Notice()
        layout.addWidget(self.law_status)
        self.not_offered = Notice()
        layout.addWidget(self.not_offered)
        self.age_gate = QWidget()
        gate = column(self.age_gate, margins=0, spacing=8)
        self.age_question = label(name="heading")
        gate.addWidget(self.age_question)
        self.age_buttons = FlowRow()  # on two lines when they do not fit (large text, narrow window)
        gate.addLayout(self.age_buttons)
        layout.addWidget(self.age_gate)
        self.body_host = QWidget()
        body = column(self.body_host, margins=0, spacing=14)
        layout.addWidget(self.body_host)
        self.cautions = Notice()
        body.addWidget(self.cautions)
        self.on_behalf = WrappingCheckBox()
        self.on_behalf.toggled.connect(self._on_behalf_toggled)
        body.addWidget(self.on_behalf)
        row = FlowRow()  # the drop-down under its words when they do not fit
        self.language_label = label(wrap=False)
        self.language = QComboBox()
        self.language.currentIndexChanged.connect(self._language_picked)
        self.language_label.setBuddy(self.language)
        row.addWidget(self.language_label)
        row.addWidget(self.language)
        body.addLayout(row)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setSpacing(10)
        body.addWidget(self.form_host)
        self.elements_heading = label(name="heading")
        body.addWidget(self.elements_heading)
        self.elements = label()
        body.addWidget(self.elements)
        self.problems = label(name="warning")
        body.addWidget(self.problems)
        self.helper_host = QWidget()
        helper = column(self.helper_host, margins=0, spacing=8)
        self.helper_heading = label(name="heading")
        helper.addWidget(self.helper_heading)
        self.helper_intro = label(name="muted")
        helper.addWidget(self.helper_intro)
        self.open_form_button = QPushButton()
        self.open_form_button.clicked.connect(self._open_form)
        helper.addWidget(self.open_form_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.helper_grid = QGridLayout()
        self.helper_grid.setHorizontalSpacing(14)
        self.helper_grid.setVerticalSpacing(8)
        helper.addLayout(self.helper_grid)
        body.addWidget(self.helper_host)
        self.preview_label = label(name="heading")
        body.addWidget(self.preview_label)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(260)
        body.addWidget(self.preview)
        self.status = label(name="muted")
        body.addWidget(self.status)
        buttons = FlowRow()  # on two lines when they do not fit (large text, narrow window, long words)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("primary")
        self.copy_button.clicked.connect(self.copy_letter)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_letter)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.save_letter("pdf"))
        self.log_button = WrappingButton()  # the longest words of the row: they wrap rather than widen the page
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self.template_id))
        for button in (self.copy_button, self.save_button, self.pdf_button, self.log_button):
            buttons.addWidget(button)
        body.addLayout(buttons)
        self.batch_button = WrappingButton(name="link")  # its words wrap rather than widen the page
        self.batch_button.clicked.connect(self.batch_requested.emit)
        body.addWidget(self.batch_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.safety = label(name="muted")
        body.addWidget(self.safety)
        outer.addWidget(scroll(inner))
        self.inputs: dict[str, Input] = {}
        self.copy_buttons: list[tuple[QPushButton, str]] = []
        self.letter = Letter("", ())

    # --- state (the session's letter draft) --------------------------------------------------

    @property
    def template_id(self) -> str:
        return self.shell.session.letter.template_id

    @property
    def letter_locale(self) -> str:
        return self.shell.session.letter.locale

    @property
    def values(self) -> dict[str, str]:
        return self.shell.session.letter.values

    @property
    def sending_for(self) -> bool:
        return self.shell.session.letter.on_behalf

    def open_template(self, template_id: str) -> None:
        self.shell.session.open_letter(template_id)
        self._build()

    def open_draft(self) -> None:
        """Show the session's current draft (a request prepared for one site of a batch)."""
        self._build()

    def template(self, locale: str | None = None) -> NoticeTemplate | None:
        library = self.shell.library
        view = library.view_for(locale or self.letter_locale or library.locale)
        item = view.get(Kind.NOTICE, self.template_id)
        return item if isinstance(item, NoticeTemplate) else None

    def screen_template(self) -> NoticeTemplate | None:
        item = self.shell.library.get(Kind.NOTICE, self.template_id)
        return item if isinstance(item, NoticeTemplate) else None

    def heading(self) -> str:
        template = self.screen_template()
        return template.title if template else _("Write a letter")

    def reset(self) -> None:
        for widget in self.inputs.values():
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(False)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            else:
                widget.clear()
            widget.blockSignals(False)
        self.preview.clear()
        self.problems.clear()  # a problem quotes what the person typed
        self.problems.hide()
        self.letter = Letter("", ())
        self._clear_helper()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        english = self.shell.library.english.get(Kind.NOTICE, self.template_id)
        template = self.screen_template()
        if template is None:
            self._show_not_offered(english is not None)
            return
        self.not_offered.hide()
        self.title.setText(template.title)
        self.summary.setText(template.summary)
        # Who will see what comes first, before a single field is shown.
        self.exposure.show_text(
            _("Before you fill it in, who will see what:") + "\n" + "\n".join(f"• {line}" for line in exposure_lines(template, _))
        )
        law = self._law(template)
        if law is not None and law.status != "in_force":
            words = _("The law behind this request: {status}.").format(status=status_label(law.status, _))
            self.law_status.show_text(words + (f"\n{law.status_note}" if law.status_note else ""))
        else:
            self.law_status.hide()
        if template.audience == "adults" and self.shell.library.reader is Reader.UNKNOWN:
            self._ask_age()
            return
        self.age_gate.hide()
        self.body_host.show()
        if template.before_you_send:
            self.cautions.show_text(_("Before you send it:") + "\n" + "\n".join(f"• {c}" for c in template.before_you_send))
        else:
            self.cautions.hide()
        offer = may_send_for(template)
        self.on_behalf.setVisible(offer)
        self.on_behalf.blockSignals(True)
        self.on_behalf.setChecked(offer and self.sending_for)
        self.on_behalf.blockSignals(False)
        if not offer:
            self.shell.session.letter.on_behalf = False
        self.language.blockSignals(True)
        self.language.clear()
        for locale in self.shell.library.locales():
            self.language.addItem(i18n.language_name(locale), locale)
        self.language.setCurrentIndex(max(self.language.findData(self.letter_locale), 0))
        self.language.blockSignals(False)
        self._build_form(template)
        self._refresh()

    def _law(self, template: NoticeTemplate) -> Law | None:
        if template.legal_basis is None:
            return None
        found = self.shell.library.resolve(template.legal_basis)
        return found[1] if found is not None and isinstance(found[1], Law) else None

    def _show_not_offered(self, exists: bool) -> None:
        for widget in (self.exposure, self.law_status, self.age_gate, self.body_host):
            widget.hide()
        self.title.setText(_("Write a letter"))
        self.summary.setText("")
        if exists:
            # An adults-only letter (a copyright notice names the sender to the uploader) for someone
            # who may have been under 18 in the image: not offered, and said plainly why.
            self.not_offered.show_text(
                _(
                    "This letter is only for images of people who were 18 or over. For images of someone under 18, the platform's own report, Take It Down and the other letters here are safer."
                )
            )

    def _ask_age(self) -> None:
        """An adults-only letter, and the age is not known yet: ask first, with the guided questions' own words."""
        self.body_host.hide()
        self.age_gate.show()
        clear_layout(self.age_buttons)
        pathway = self.shell.library.get(Kind.PATHWAY, "main")
        question = next((q for q in pathway.questions if q.role == "age"), None) if isinstance(pathway, Pathway) else None
        self.age_question.setText(
            _("This letter is only for images of people who were 18 or over.") + " " + (question.prompt if question else "")
        )
        for value, words in [(o.value, o.label) for o in question.options] if question else [(ADULT, _("I was 18 or over"))]:
            button = QPushButton(words)
            button.setAccessibleName(words)
            button.clicked.connect(lambda _checked=False, v=value: self._age_given(v))
            self.age_buttons.addWidget(button)

    def _age_given(self, value: str) -> None:
        self.shell.session.case_age = value
        self._build()

    def _build_form(self, template: NoticeTemplate) -> None:
        # takeRow and deleteLater, not removeRow: removeRow deletes the row's widgets in C++ at once,
        # under Python objects that still hold them (the inputs, their signals), and the packaged
        # selftest aborted in it now and then (free(): invalid pointer, core dump in removeRow).
        while self.form.rowCount():
            row = self.form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.inputs = {}
        for field in template.fields:
            if field.representative and not self.sending_for:
                continue
            widget = self._input(field)
            caption = field.label + ("" if field.required else " " + _("(optional)"))
            widget.setAccessibleName(field.label)
            if field.help:
                widget.setToolTip(plain_tooltip(field.help))
                widget.setAccessibleDescription(field.help)
                if isinstance(widget, QLineEdit):
                    widget.setPlaceholderText(field.help)
            row_label = label(caption, wrap=True)
            row_label.setBuddy(widget)
            # Each field under its words, both the width of the page: long words (a translation,
            # large text) wrap over the whole width, not cut or squeezed beside the field.
            self.form.addRow(row_label)
            self.form.addRow(widget)
            self.inputs[field.id] = widget

    def _input(self, field: NoticeField) -> Input:
        value = self.values.get(field.id, "")
        if field.kind == "declaration":
            box = WrappingCheckBox(field.statement or field.label)  # a statement: a sentence or two
            box.setChecked(value == "yes")
            box.toggled.connect(lambda on, f=field.id: self._changed(f, "yes" if on else ""))
            return box
        if field.kind == "choice":
            combo = QComboBox()
            combo.addItem(_("Choose one"), "")
            for option in field.options:
                combo.addItem(option.label, option.value)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.currentIndexChanged.connect(lambda _index, f=field.id, c=combo: self._changed(f, str(c.currentData() or "")))
            return combo
        if field.lines:
            text = QPlainTextEdit()
            text.setFixedHeight(90)
            text.setTabChangesFocus(True)
            text.setPlainText(value)
            text.textChanged.connect(lambda f=field.id, w=text: self._changed(f, w.toPlainText()))
            return text
        line = QLineEdit(value)
        line.textChanged.connect(lambda words, f=field.id: self._changed(f, words))
        return line

    def _language_picked(self, index: int) -> None:
        locale = self.language.itemData(index)
        if locale:
            self.shell.session.letter.locale = locale
            self._refresh()

    def _on_behalf_toggled(self, on: bool) -> None:
        self.shell.session.letter.on_behalf = on
        template = self.screen_template()
        if template is not None:
            self._build_form(template)
            self._refresh()

    def _changed(self, field_id: str, text: str) -> None:
        self.values[field_id] = text
        self._refresh()

    def _refresh(self) -> None:
        template = self.template()
        if template is None:
            return
        self.letter = fill(template, self.values, date.today(), self._letter_date, self.sending_for)
        self.preview.setPlainText(self.letter.text)
        self.preview.setAccessibleName(_("Your letter"))
        self._show_elements(template)
        problems = check_answers(template, self.values, _, self.sending_for)
        self.problems.setText("\n".join(p.message for p in problems))
        self.problems.setVisible(bool(problems))
        self._build_helper(template)
        state = self.shell.library.view_for(self.letter_locale).state(Kind.NOTICE, template.id)
        notes = []
        if state.shows_english:
            notes.append(_("This letter is not yet translated into that language, so it is in English."))
        elif state.review == "draft":
            notes.append(_("This translation is a draft. Ask someone who reads the language to check it before you send it."))
        if self.letter.complete and not problems:
            notes.append(_("Your letter is ready. Read it once more before you send it."))
        else:
            notes.append(_("Not finished yet: fill in what is still missing above."))
        self.status.setText(" ".join(notes))

    def _show_elements(self, template: NoticeTemplate) -> None:
        """What the law or the site requires, each marked given or still missing (in the screen's language)."""
        shown = self.screen_template() or template
        missing = set(self.letter.missing_elements)
        lines = []
        for element in shown.elements:
            cite = f" ({element.cite})" if element.cite else ""
            if element.id in missing:
                lines.append(_("Still missing: {element}").format(element=element.label + cite))
            else:
                lines.append(_("Given: {element}").format(element=element.label + cite))
        self.elements.setText("\n".join(lines))
        self.elements.setAccessibleName(self.elements_heading.text() + "\n" + "\n".join(lines))

    # --- the form helper ----------------------------------------------------------------------

    def _clear_helper(self) -> None:
        clear_layout(self.helper_grid)
        self.copy_buttons = []

    def _build_helper(self, template: NoticeTemplate) -> None:
        """Each field of the route's web form, in order, with the answer to put in it and a Copy button."""
        self._clear_helper()
        shown = self.screen_template() or template
        self.helper_host.setVisible(bool(template.form_fields))
        self.open_form_button.setVisible(template.form_url is not None)
        if not template.form_fields:
            return
        names = [f.name for f in shown.form_fields]
        helps = [f.help for f in shown.form_fields]
        for row, answer in enumerate(form_answers(template, self.values, self.sending_for)):
            field = answer.form_field
            name = label(f"{row + 1}. {names[row]}", name="strong")
            self.helper_grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            detail = []
            if field.pick:
                detail.append(_("Choose: {option}").format(option=field.pick))
            if helps[row]:
                detail.append(helps[row] or "")
            if answer.text:
                detail.append(answer.text)
            if field.max_length:
                count = _("{count} of {limit} characters").format(count=len(answer.text), limit=field.max_length)
                detail.append(count + (" " + _("(too long)") if answer.too_long else ""))
            shown_answer = label("\n".join(detail) or _("(nothing to copy yet)"))
            self.helper_grid.addWidget(shown_answer, row, 1)
            copied = answer.text or field.pick or ""
            button = QPushButton(_("Copy"))
            button.setAccessibleName(_("Copy the answer for {field}").format(field=names[row]))
            button.setEnabled(bool(copied))
            button.clicked.connect(lambda _checked=False, text=copied, n=names[row]: self._copy_answer(text, n))
            self.helper_grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.copy_buttons.append((button, copied))
        self.helper_grid.setColumnStretch(1, 1)

    def _copy_answer(self, text: str, name: str) -> None:
        copy_to_clipboard(text)
        self.status.setText(_("Copied the answer for {field}. Quick exit also clears it from the clipboard.").format(field=name))

    def _open_form(self) -> None:
        template = self.template()
        if template is not None and template.form_url:
            self.shell.open_link(template.form_url)

    def _letter_date(self, value: date) -> str:
        # The date is written the way the letter's language writes it, not the screen's.
        return i18n.format_date(value, locale=self.letter_locale or i18n.current_locale())

    def letter_text(self) -> str:
        return self.preview.toPlainText()

    # --- actions ----------------------------------------------------------------------------

    def copy_letter(self) -> None:
        copy_to_clipboard(self.letter_text())
        self.status.setText(_("Copied. Quick exit also clears it from the clipboard."))

    def save_letter(self, fmt: str = "text") -> None:
        template = self.template()
        if fmt == "pdf":
            path = ask_save_path(self, _("Save the letter as a PDF"), "letter.pdf", _("PDF files (*.pdf)"), "pdf")
        else:
            path = ask_save_path(self, _("Save the letter"), "letter.txt", _("Text files (*.txt)"), "txt")
        if path is None:
            return
        title = template.title if template else ""
        data = letter_bytes(self.letter_text(), title, fmt, rtl=i18n.is_rtl(self.letter_locale or i18n.current_locale()))
        saved = save_bytes(
            self,
            path,
            data,
            # The reason alone heads the message: it is the letter that was not saved, not a plan.
            failed=lambda reason: reason,
            still_here=_("Nothing is lost: your letter is still here. You can try another place, such as a USB stick."),
        )
        if not saved:
            return
        self.status.setText(_("Saved to {path}.").format(path=str(path)))

    def retranslate(self) -> None:
        self.language_label.setText(_("Language of the letter:"))
        self.language.setAccessibleName(_("Language of the letter"))
        self.on_behalf.setText(_("Someone else sends it for me (an advocate, a lawyer, a friend I trust)"))
        self.on_behalf.setAccessibleName(_("Someone else sends it for me"))
        self.elements_heading.setText(_("What the law or the site requires"))
        self.helper_heading.setText(_("Fill in the form, field by field"))
        self.helper_intro.setText(
            _("The form's fields in order, with your answer for each. Copy one, paste it into the form, then come back for the next.")
        )
        self.open_form_button.setText(_("Open the form…"))
        self.open_form_button.setAccessibleName(_("Open the form in your browser"))
        self.preview_label.setText(_("Your letter"))
        self.copy_button.setText(_("Copy the letter"))
        self.copy_button.setAccessibleName(_("Copy the letter"))
        self.save_button.setText(_("Save as a text file…"))
        self.save_button.setAccessibleName(_("Save as a text file"))
        self.pdf_button.setText(_("Save as a PDF…"))
        self.pdf_button.setAccessibleName(_("Save as a PDF"))
        self.log_button.setText(_("I sent it: keep track of it…"))
        self.log_button.setAccessibleName(_("I sent it: keep track of it in my case file"))
        self.batch_button.setText(_("Several sites? Prepare one request for each site in your plan…"))
        self.batch_button.setAccessibleName(_("Prepare one request for each site in your plan"))
        self.safety.setText(
            _(
                "Navigator does not send anything. You send the letter yourself, by the platform's form or by email. Only you decide what to include. Letters give web addresses only, never images."
            )
        )
        if self.template_id:
            self._build()
