"""The guided questions: one gentle question per screen, with progress, back and short help.

The words come from the pathway content (already in the person's language); the few interface
words go through ``_()``. Answers live in memory only (the session's ``Walk``, core/session.py),
are dropped by "Start over", by the session reset and by Quick exit, and are never written anywhere.

Keyboard: Tab moves between the choices and buttons, arrow keys move between round choices,
Space ticks a box, Enter goes on (or presses the focused button), Alt+Left goes back.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from navigator.core.models import Kind, Pathway, Question
from navigator.core.pathway import Walk, toggle, visible_questions
from navigator.i18n import _
from navigator.ui import dialogs
from navigator.ui.language_notes import effective_state, item_notice
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import WrapsToWidth, column, label, plain_tooltip, scroll

# Above this many choices, a single-choice question is a searchable list rather than round buttons.
LONG_LIST = 18
# Above this many choices, buttons sit in two columns so the screen does not scroll.
TWO_COLUMNS = 8


class WrappingChoice(WrapsToWidth):
    """Mixin for a choice card: its words wrap (a radio button's own text never does), and a click
    anywhere on the card picks it. The style still draws the round or square box on the left."""

    # The theme pads a choice 12 px and leaves 12 px between the box and the words.
    LEFT = 12 + 16 + 12

    def setup_words(self, text: str) -> None:
        button = cast(QAbstractButton, self)
        button.setText("")
        button.setAccessibleName(text)
        self.box = QHBoxLayout(button)
        self.place_words()
        self.words = label(text)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.words.setStyleSheet("background: transparent; border: none; padding: 0;")
        self.box.addWidget(self.words)
        policy = button.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        button.setSizePolicy(policy)

    def place_words(self) -> None:
        """Leave room for the box on its side: the left, or the right in right-to-left languages."""
        rtl = cast(QAbstractButton, self).layoutDirection() == Qt.LayoutDirection.RightToLeft
        start, end = self.LEFT + 4, 12
        self.box.setContentsMargins(end if rtl else start, 11, start if rtl else end, 11)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self.place_words()
        super().changeEvent(event)  # type: ignore[misc]

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return cast(QAbstractButton, self).rect().contains(pos)


class ChoiceRadio(WrappingChoice, QRadioButton):
    def __init__(self, text: str) -> None:
        QRadioButton.__init__(self)
        self.setup_words(text)


class ChoiceBox(WrappingChoice, QCheckBox):
    def __init__(self, text: str) -> None:
        QCheckBox.__init__(self)
        self.setup_words(text)


class WizardPage(Page):
    """The questions, one at a time. The answers are the session's ``walk``.

    ``finished(walk)``: every question is answered and the plan should show; ``answers_cleared``:
    the person started the questions again, so the plan they made goes too.
    """

    name = "wizard"
    finished = Signal(object)
    answers_cleared = Signal()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        outer = column(self, margins=0)
        self.views = QStackedWidget()
        outer.addWidget(self.views)
        self._build_intro()
        self._build_question()
        self._build_missing()
        self.option_buttons: list[tuple[str, QAbstractButton]] = []
        self.option_list: QListWidget | None = None
        self.group: QButtonGroup | None = None
        for keys in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._enter)
        back = QShortcut(QKeySequence("Alt+Left"), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.go_back)

    # --- building ---------------------------------------------------------------------------

    def _build_intro(self) -> None:
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=48, spacing=18)
        self.intro_title = label(name="title")
        self.intro_text = label(name="subtitle")
        self.intro_note = label(name="muted")
        # What language the questions are in, said honestly (ui/language_notes.py).
        self.intro_language = label(name="muted")
        self.start_button = QPushButton()
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self._start_clicked)
        self.resume_button = QPushButton()
        self.resume_button.clicked.connect(self.resume)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.resume_button)
        row.addStretch(1)
        layout.addWidget(self.intro_title)
        layout.addWidget(self.intro_text)
        layout.addWidget(self.intro_language)
        layout.addLayout(row)
        layout.addWidget(self.intro_note)
        layout.addStretch(1)
        self.intro_view = scroll(inner)
        self.views.addWidget(self.intro_view)

    def _build_question(self) -> None:
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=14)
        top = QHBoxLayout()
        self.progress_text = label(name="muted", wrap=False)
        self.start_over_button = QPushButton()
        self.start_over_button.setObjectName("link")
        self.start_over_button.clicked.connect(self.ask_start_over)
        top.addWidget(self.progress_text)
        top.addStretch(1)
        top.addWidget(self.start_over_button)
        layout.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        layout.addSpacing(6)
        self.prompt = label(name="title")
        self.help = label(name="subtitle")
        layout.addWidget(self.prompt)
        layout.addWidget(self.help)
        self.question_language = label(name="muted")
        layout.addWidget(self.question_language)
        self.options_box = QWidget()
        self.options_layout = QGridLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 8, 0, 8)
        self.options_layout.setHorizontalSpacing(14)
        self.options_layout.setVerticalSpacing(10)
        layout.addWidget(self.options_box)
        layout.addStretch(1)
        # Back and Next stay in view below the choices, however long the list is.
        bar = QFrame()
        bar.setObjectName("footer")
        buttons = QHBoxLayout(bar)
        buttons.setContentsMargins(40, 10, 40, 10)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.go_forward)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        self.question_view = QWidget()
        view = QVBoxLayout(self.question_view)
        view.setContentsMargins(0, 0, 0, 0)
        view.setSpacing(0)
        self.question_scroll = scroll(inner)
        view.addWidget(self.question_scroll, 1)
        view.addWidget(bar)
        self.views.addWidget(self.question_view)

    def _build_missing(self) -> None:
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=48)
        self.missing_text = label(name="subtitle")
        self.missing_button = QPushButton()
        self.missing_button.setObjectName("primary")
        self.missing_button.clicked.connect(lambda: self.shell.open_door("support"))
        layout.addWidget(self.missing_text)
        row = QHBoxLayout()
        row.addWidget(self.missing_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.missing_view = scroll(inner)
        self.views.addWidget(self.missing_view)

    # --- content ----------------------------------------------------------------------------

    @property
    def walk(self) -> Walk | None:
        return self.shell.session.walk

    @property
    def pathway(self) -> Pathway | None:
        return self.walk.pathway if self.walk is not None else None

    def _language_note(self) -> str | None:
        words = item_notice(effective_state(self.shell.library, Kind.PATHWAY, self.shell.session.pathway_id), reading_english=False)
        return words[0] if words else None

    def _shows_english(self) -> bool:
        library = self.shell.library
        return library.locale != "en" and effective_state(library, Kind.PATHWAY, self.shell.session.pathway_id).shows_english

    def heading(self) -> str:
        if self.walk is not None and self.walk.current() is not None:
            number, total = self.walk.progress()
            return _("Question {number} of {total}").format(number=number, total=total)
        return self.pathway.title if self.pathway else _("Make a plan")

    # --- moving -----------------------------------------------------------------------------

    def open(self) -> None:
        """The "Help me make a plan" door: carry on where the person left off."""
        if self.walk is not None and self.walk.finished:
            self._show_plan()
            return
        self.shell.show_page(self.name)

    def _start_clicked(self) -> None:
        if self.walk is not None and self.walk.answers:
            self.ask_start_over()
        else:
            self.start()

    def start(self) -> None:
        if self.walk is None:
            return
        self.walk.start()
        self._after_move()

    def resume(self) -> None:
        if self.walk is None:
            return
        if self.walk.position is None:
            self.walk.start()
        self._after_move()

    def go_forward(self) -> None:
        if self.walk is None or self.walk.current() is None:
            return
        if not self.walk.answer_of(self.walk.position or ""):
            return
        self.walk.forward()
        self._after_move()

    def go_back(self) -> None:
        if self.walk is None:
            return
        if self.walk.current() is None and not self.walk.finished:
            return
        self.walk.back()
        self._after_move()

    def change_answers(self) -> None:
        """From the plan: back to the last question asked, answers kept."""
        if self.walk is None:
            return
        if self.walk.finished:
            self.walk.back()
        elif self.walk.position is None:
            self.walk.start()
        self.shell.show_page(self.name)
        self.refresh()

    def _after_move(self) -> None:
        assert self.walk is not None
        if self.walk.finished:
            self._show_plan()
            return
        self.refresh()
        self.shell.update_chrome()

    def _show_plan(self) -> None:
        if self.walk is not None:
            self.finished.emit(self.walk)

    def _enter(self) -> None:
        focused = QApplication.focusWidget()
        if isinstance(focused, QPushButton) and self.isAncestorOf(focused):
            focused.click()
        elif self.views.currentWidget() is self.intro_view:
            self.start_button.click()
        elif self.views.currentWidget() is self.question_view and self.next_button.isEnabled():
            self.go_forward()

    def ask_start_over(self) -> None:
        if self.walk is None or not self.walk.answers or self.confirm_start_over():
            self.start_over()

    def confirm_start_over(self) -> bool:
        return dialogs.ask(
            self,
            title=_("Start over?"),
            text=_("This clears your answers and your plan."),
            yes=_("Start over"),
            no=_("Keep my answers"),
        )

    def start_over(self) -> None:
        """Clear every answer and tick, and go back to the first screen of the questions."""
        self.shell.session.forget_answers()
        self.answers_cleared.emit()
        self.refresh()
        self.shell.show_page(self.name)

    # --- showing ----------------------------------------------------------------------------

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        p = self.shell.theme.palette
        # A disabled main button must look disabled: the theme's "primary" style has no such state.
        self.setStyleSheet(f"QPushButton#primary:disabled {{ background: {p.border}; border-color: {p.border}; color: {p.muted}; }}")
        if self.pathway is None or self.walk is None:
            self.views.setCurrentWidget(self.missing_view)
            return
        question = self.walk.current()
        if question is None:
            self._render_intro()
            return
        self.views.setCurrentWidget(self.question_view)
        self.question_scroll.verticalScrollBar().setValue(0)
        number, total = self.walk.progress()
        self.progress_text.setText(_("Question {number} of {total}").format(number=number, total=total))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(number)
        self.progress.setAccessibleName(_("Progress"))
        self.progress.setAccessibleDescription(self.progress_text.text())
        self.prompt.setText(question.prompt)
        self.help.setText(question.help or "")
        self.help.setVisible(bool(question.help))
        # On each question, only the case that would puzzle: English questions in another language.
        english = self._language_note() if self._shows_english() else None
        self.question_language.setText(english or "")
        self.question_language.setVisible(bool(english))
        self._render_options(question)
        self._update_buttons(question)

    def _render_intro(self) -> None:
        assert self.pathway is not None and self.walk is not None
        self.views.setCurrentWidget(self.intro_view)
        self.intro_title.setText(self.pathway.title)
        self.intro_text.setText(self.pathway.intro)
        note = self._language_note()
        self.intro_language.setText(note or "")
        self.intro_language.setVisible(bool(note))
        self.intro_note.setText(
            _("Nothing you choose is saved. Quick exit (at the top, or Esc three times, or F12) closes Navigator at once.")
        )
        has_answers = bool(self.walk.answers)
        self.start_button.setText(_("Start over") if has_answers else _("Start"))
        self.start_button.setAccessibleName(self.start_button.text())
        self.resume_button.setText(_("Carry on where I left off"))
        self.resume_button.setAccessibleName(self.resume_button.text())
        self.resume_button.setVisible(has_answers)
        if has_answers:
            self.start_button.setObjectName("")
            self.resume_button.setObjectName("primary")
        else:
            self.start_button.setObjectName("primary")
            self.resume_button.setObjectName("")
        for button in (self.start_button, self.resume_button):
            button.style().unpolish(button)
            button.style().polish(button)

    def _clear_options(self) -> None:
        while self.options_layout.count():
            child = self.options_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.option_buttons = []
        self.option_list = None
        self.group = None

    def _render_options(self, question: Question) -> None:
        assert self.walk is not None
        self._clear_options()
        picked = set(self.walk.answer_of(question.id))
        if question.kind == "single" and len(question.options) > LONG_LIST:
            self._render_list(question, picked)
            return
        columns = 2 if len(question.options) > TWO_COLUMNS else 1
        rows = (len(question.options) + columns - 1) // columns
        if question.kind == "single":
            self.group = QButtonGroup(self.options_box)
            self.group.setExclusive(True)
        for index, option in enumerate(question.options):
            button: QAbstractButton = ChoiceRadio(option.label) if question.kind == "single" else ChoiceBox(option.label)
            if option.help:
                button.setToolTip(plain_tooltip(option.help))
                button.setAccessibleDescription(option.help)
            button.setChecked(option.value in picked)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            if self.group is not None:
                self.group.addButton(button, index)
            button.toggled.connect(lambda on, q=question, v=option.value: self._picked(q, v, on))
            # Down the first column, then the second: the reading order and the Tab order agree.
            self.options_layout.addWidget(button, index % rows, index // rows)
            button.show()  # now, not at the next turn of the event loop, so it can take the focus
            self.option_buttons.append((option.value, button))
        for col in range(columns):
            self.options_layout.setColumnStretch(col, 1)
        first = next((b for v, b in self.option_buttons if v in picked), self.option_buttons[0][1])
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _render_list(self, question: Question, picked: set[str]) -> None:
        widget = QListWidget()
        widget.setAccessibleName(question.prompt)
        widget.setAccessibleDescription(_("Type the first letters to jump to a choice."))
        widget.setMinimumHeight(320)
        for option in question.options:
            item = QListWidgetItem(option.label)
            item.setData(Qt.ItemDataRole.UserRole, option.value)
            widget.addItem(item)
            if option.value in picked:
                widget.setCurrentItem(item)
                item.setSelected(True)
        # Selection, not the current row: focus alone moves the current row to the first choice.
        widget.itemSelectionChanged.connect(lambda q=question, w=widget: self._list_picked(q, w))
        self.options_layout.addWidget(widget, 0, 0)
        widget.show()
        self.option_list = widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _list_picked(self, question: Question, widget: QListWidget) -> None:
        chosen = widget.selectedItems()
        if chosen:
            self._picked(question, str(chosen[0].data(Qt.ItemDataRole.UserRole)), True)

    def _picked(self, question: Question, value: str, on: bool) -> None:
        if self.walk is None:
            return
        if question.kind == "single" and not on:
            return  # the other round button of the pair reports the new choice
        answer = toggle(question, self.walk.answer_of(question.id), value, on)
        self.walk.set_answer(question.id, answer)
        if question.kind == "multi":
            chosen = set(answer)
            for option_value, button in self.option_buttons:
                if button.isChecked() != (option_value in chosen):
                    button.blockSignals(True)
                    button.setChecked(option_value in chosen)
                    button.blockSignals(False)
        self._update_buttons(question)

    def _update_buttons(self, question: Question) -> None:
        assert self.walk is not None and self.pathway is not None
        answered = bool(self.walk.answer_of(question.id))
        self.next_button.setEnabled(answered)
        ids = [q.id for q in self.pathway.questions]
        later = [q for q in visible_questions(self.pathway, self.walk.answers) if ids.index(q.id) > ids.index(question.id)]
        self.next_button.setText(_("Next") if later else _("See my plan"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.back_button.setText(_("Back"))
        self.back_button.setAccessibleName(_("Back to the previous question"))
        number, total = self.walk.progress()
        self.progress_text.setText(_("Question {number} of {total}").format(number=number, total=total))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(number)
        self.start_over_button.setText(_("Start over"))
        self.start_over_button.setAccessibleName(_("Start over: clear my answers"))
        if not answered:
            self.next_button.setToolTip(_('Choose an answer first. "I\'m not sure" is fine.'))
        else:
            self.next_button.setToolTip("")

    # --- page protocol ----------------------------------------------------------------------

    def retranslate(self) -> None:
        # The session already holds the pathway in the new language (Session.set_locale).
        self.missing_text.setText(
            _("The questions could not be loaded. You can still find guides and people who can help from the home screen.")
        )
        self.missing_button.setText(_("Find support"))
        self.refresh()

    def reset(self) -> None:
        self.refresh()
