"""Write a notice from a reviewed template: fill in the blanks, read it, copy or save it.

The letter's language can differ from the screen's (a platform may read English while the person
reads Spanish). What is typed stays in memory (the session's letter draft) and is forgotten when the
session is cleared: start over, or quick exit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from navigator import i18n
from navigator.core.letters import fill
from navigator.core.models import Kind, NoticeTemplate
from navigator.i18n import _
from navigator.ui.dialogs import ask_save_path, save_bytes
from navigator.ui.navigation import Page, Shell
from navigator.ui.quick_exit import copy_to_clipboard
from navigator.ui.widgets import Notice, column, label, plain_tooltip, scroll


class LetterPage(Page):
    name = "letter"
    # The person sent this letter and wants their case file to keep track of it (main_window wires it).
    log_requested = Signal(str)

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
        self.cautions = Notice()
        layout.addWidget(self.cautions)
        row = QHBoxLayout()
        self.language_label = label(wrap=False)
        self.language = QComboBox()
        self.language.currentIndexChanged.connect(self._language_picked)
        self.language_label.setBuddy(self.language)
        row.addWidget(self.language_label)
        row.addWidget(self.language)
        row.addStretch(1)
        layout.addLayout(row)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setSpacing(10)
        layout.addWidget(self.form_host)
        self.preview_label = label(name="heading")
        layout.addWidget(self.preview_label)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(260)
        layout.addWidget(self.preview)
        self.status = label(name="muted")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("primary")
        self.copy_button.clicked.connect(self.copy_letter)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_letter)
        self.log_button = QPushButton()
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self.template_id))
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.safety = label(name="muted")
        layout.addWidget(self.safety)
        outer.addWidget(scroll(inner))
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}

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

    def open_template(self, template_id: str) -> None:
        draft = self.shell.session.letter
        if template_id != draft.template_id:
            draft.values.clear()
        draft.template_id = template_id
        draft.locale = draft.locale or self.shell.library.locale
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
            widget.clear()
            widget.blockSignals(False)
        self.preview.clear()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        template = self.screen_template()
        if template is None:
            return
        self.title.setText(template.title)
        self.summary.setText(template.summary)
        if template.before_you_send:
            self.cautions.show_text(_("Before you send it:") + "\n" + "\n".join(f"• {c}" for c in template.before_you_send))
        else:
            self.cautions.hide()
        self.language.blockSignals(True)
        self.language.clear()
        for locale in self.shell.library.locales():
            self.language.addItem(i18n.language_name(locale), locale)
        self.language.setCurrentIndex(max(self.language.findData(self.letter_locale), 0))
        self.language.blockSignals(False)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs = {}
        for field in template.fields:
            widget: QLineEdit | QPlainTextEdit
            if field.multiline:
                widget = QPlainTextEdit()
                widget.setFixedHeight(90)
                widget.setTabChangesFocus(True)
                widget.setPlainText(self.values.get(field.id, ""))
                widget.textChanged.connect(lambda f=field.id, w=widget: self._changed(f, w.toPlainText()))
            else:
                widget = QLineEdit(self.values.get(field.id, ""))
                widget.textChanged.connect(lambda text, f=field.id: self._changed(f, text))
            caption = field.label + ("" if field.required else " " + _("(optional)"))
            widget.setAccessibleName(field.label)
            if field.help:
                widget.setToolTip(plain_tooltip(field.help))
                widget.setAccessibleDescription(field.help)
                if isinstance(widget, QLineEdit):
                    widget.setPlaceholderText(field.help)
            row_label = label(caption, wrap=True)
            row_label.setBuddy(widget)
            self.form.addRow(row_label, widget)
            self.inputs[field.id] = widget
        self._refresh()

    def _language_picked(self, index: int) -> None:
        locale = self.language.itemData(index)
        if locale:
            self.shell.session.letter.locale = locale
            self._refresh()

    def _changed(self, field_id: str, text: str) -> None:
        self.values[field_id] = text
        self._refresh()

    def _refresh(self) -> None:
        template = self.template()
        if template is None:
            return
        letter = fill(template, self.values, date.today(), self._letter_date)
        self.preview.setPlainText(letter.text)
        self.preview.setAccessibleName(_("Your letter"))
        state = self.shell.library.view_for(self.letter_locale).state(Kind.NOTICE, template.id)
        notes = []
        if state.shows_english:
            notes.append(_("This letter is not yet translated into that language, so it is in English."))
        elif state.review == "draft":
            notes.append(_("This translation is a draft. Ask someone who reads the language to check it before you send it."))
        if letter.missing:
            labels = {f.id: f.label for f in template.fields}
            notes.append(_("Still to fill in: {fields}").format(fields=", ".join(labels[m] for m in letter.missing)))
        else:
            notes.append(_("Your letter is ready. Read it once more before you send it."))
        self.status.setText(" ".join(notes))

    def _letter_date(self, value: date) -> str:
        # The date is written the way the letter's language writes it, not the screen's.
        return i18n.format_date(value, locale=self.letter_locale or i18n.current_locale())

    def letter_text(self) -> str:
        return self.preview.toPlainText()

    # --- actions ----------------------------------------------------------------------------

    def copy_letter(self) -> None:
        copy_to_clipboard(self.letter_text())
        self.status.setText(_("Copied. Quick exit also clears it from the clipboard."))

    def save_letter(self) -> None:
        path = ask_save_path(self, _("Save the letter"), "letter.txt", _("Text files (*.txt)"), "txt")
        if path is None:
            return
        saved = save_bytes(
            self,
            path,
            self.letter_text().encode("utf-8"),
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
        self.preview_label.setText(_("Your letter"))
        self.copy_button.setText(_("Copy the letter"))
        self.copy_button.setAccessibleName(_("Copy the letter"))
        self.save_button.setText(_("Save as a text file…"))
        self.save_button.setAccessibleName(_("Save as a text file"))
        self.log_button.setText(_("I sent it: keep track of it…"))
        self.log_button.setAccessibleName(_("I sent it: keep track of it in my case file"))
        self.safety.setText(
            _(
                "Navigator does not send anything. You send the letter yourself, by the platform's form or by email. Only you decide what to include."
            )
        )
        if self.template_id:
            self._build()
