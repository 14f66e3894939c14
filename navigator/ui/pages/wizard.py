"""The guided questions: one gentle question per screen, with progress, back and short help.

The words come from the pathway content (already in the person's language); the few interface
words go through ``_()``. Answers live in memory only (the session's ``Walk``, core/session.py),
are dropped by "Clear my answers", by "New person" and by Quick exit, and are never written anywhere.

What a frightened person meets here (UX review F03, F08, F27):

- Progress is a plain bar, with no "question 3 of 9" that changes as answers add or drop questions.
- When an answer makes the plan's crisis step apply (the pathway's step with ``expand: crisis``:
  "not safe", "not sure", a threat), the next screen is help at once, before any more questions:
  the emergency number and the 24-hour lines for the person's place (the place they gave, or this
  computer's region), with a way on to the questions and a way back.
- Long lists ("Which state?") put "I'm not sure" and "I'd rather not say" first and have a
  visible filter box; the "Where have you seen it?" choices come in groups (search, social media,
  messaging, ...) from their ``group`` in the content.
- The top bar's Back is "previous question" here (``back_within``).

Keyboard: Tab moves between the choices and buttons, arrow keys move between round choices,
Space ticks a box, Enter goes on (or presses the focused button), Alt+Left goes back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from navigator.core.models import Kind, Option, Pathway, Question
from navigator.core.pathway import Walk, holds, toggle, visible_questions
from navigator.core.plan import crisis_help
from navigator.core.search import fold
from navigator.i18n import N_, _
from navigator.ui import dialogs
from navigator.ui.language_notes import effective_state, item_notice
from navigator.ui.likely_place import likely_country
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import WrappingCheckBox, WrappingChoice, column, label, plain_tooltip, scroll

# Above this many choices, a single-choice question is a searchable list rather than round buttons.
LONG_LIST = 18
# Above this many choices, "I'm not sure" and "I'd rather not say" come first.
SAFE_FIRST_ABOVE = 8
# Above this many choices, a filter box is shown above them.
FILTER_ABOVE = 14
# The answers that ask nothing of the person: always first, never filtered away.
SAFE_ANSWERS = ("prefer-not-to-say", "not-sure")
GROUPS = {
    "search": N_("Search engines"),
    "social": N_("Social media"),
    "messaging": N_("Messaging apps"),
    "video": N_("Video sites"),
    "adult": N_("Adult sites"),
    "storage": N_("Cloud storage and file sharing"),
    "other": N_("Other places"),
}


def first_the_safe_answers(options: list[Option]) -> list[Option]:
    """ "I'd rather not say" and "I'm not sure" (and a multi-choice's answers that stand alone, such
    as "I don't know where it is") before the rest, which keep their order."""
    first = [o for o in options if o.value in SAFE_ANSWERS or o.exclusive]
    first.sort(key=lambda o: SAFE_ANSWERS.index(o.value) if o.value in SAFE_ANSWERS else -1)
    return first + [o for o in options if o not in first]


class ChoiceRadio(WrappingChoice, QRadioButton):
    """A round choice. ``picked_by_mouse``: chosen with a click (the questions then move on)."""

    picked_by_mouse = Signal()

    def __init__(self, text: str) -> None:
        QRadioButton.__init__(self)
        self.setup_words(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.isChecked() and self.rect().contains(event.position().toPoint()):
            self.picked_by_mouse.emit()


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
        self._build_help_now()
        self.option_buttons: list[tuple[str, QAbstractButton]] = []
        self.option_list: QListWidget | None = None
        self.option_filter: QLineEdit | None = None
        self.group: QButtonGroup | None = None
        self.help_shown = False  # the help screen came once for this person; it is not repeated
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
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)  # a plain bar: no count that changes as answers change
        self.progress.setMaximumHeight(10)
        self.start_over_button = QPushButton()
        self.start_over_button.setObjectName("link")
        self.start_over_button.clicked.connect(self.ask_start_over)
        top.addWidget(self.progress, 1)
        top.addSpacing(12)
        top.addWidget(self.start_over_button)
        layout.addLayout(top)
        layout.addSpacing(6)
        self.welcome = label(name="muted")  # the pathway's short intro, over the first question only
        layout.addWidget(self.welcome)
        self.prompt = label(name="title")
        self.help = label(name="subtitle")
        layout.addWidget(self.prompt)
        layout.addWidget(self.help)
        self.question_language = label(name="muted")
        layout.addWidget(self.question_language)
        # The choices are one group named with the question, so a screen reader says the question as
        # the focus comes to its first choice (tests/a11y/test_tree.py).
        self.options_box = QFrame()
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

    def _build_help_now(self) -> None:
        """Help at once, when an answer says the person may not be safe (UX review F03)."""
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=14)
        self.help_title = label(name="title")
        self.help_text = label(name="subtitle")
        self.help_number = label(name="title")  # the emergency number, large
        self.help_number.setObjectName("emergencyNumber")
        self.help_lines_title = label(name="heading")
        self.help_lines = label()
        self.help_talk = QPushButton()
        self.help_talk.clicked.connect(lambda: self.shell.open_door("talk"))
        self.help_go_on = QPushButton()
        self.help_go_on.setObjectName("primary")
        self.help_go_on.clicked.connect(self.leave_help)
        self.help_back = QPushButton()
        self.help_back.setObjectName("link")
        self.help_back.clicked.connect(self.help_to_question)
        for widget in (self.help_title, self.help_text, self.help_number, self.help_lines_title, self.help_lines):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.help_go_on)
        row.addWidget(self.help_talk)
        row.addStretch(1)
        layout.addLayout(row)
        back = QHBoxLayout()
        back.addWidget(self.help_back)
        back.addStretch(1)
        layout.addLayout(back)
        layout.addStretch(1)
        self.help_view = scroll(inner)
        self.views.addWidget(self.help_view)

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
        return self.pathway.title if self.pathway else _("Make a plan")

    # --- moving -----------------------------------------------------------------------------

    def open(self) -> None:
        """The "Start here" door: the first question at once, or on where the person left off."""
        if self.walk is not None and self.walk.finished:
            self._show_plan()
            return
        if self.walk is not None and not self.walk.answers and self.walk.position is None:
            self.walk.start()  # no welcome screen to click through: its words sit over the first question
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
        if not self.help_shown and self.crisis_due():
            self.help_shown = True
            self.show_help_now()
            return
        self._after_move()

    # --- help at once -----------------------------------------------------------------------

    def crisis_due(self) -> bool:
        """Whether the answers so far make the plan's crisis step apply (its conditions are data)."""
        if self.walk is None:
            return False
        answers = self.walk.effective()
        return any(step.expand == "crisis" and holds(step.when, answers) for step in self.walk.pathway.steps)

    def help_place(self) -> str | None:
        return self.shell.session.directory.country or likely_country()

    def show_help_now(self) -> None:
        place, lines = crisis_help(self.shell.library, self.shell.session.reader(), self.help_place())
        self.help_title.setText(_("You can get help right now"))
        self.help_text.setText(
            _("If you are in danger, call the emergency number now. You can come back to the questions at any time, or stop here.")
        )
        number = place.emergency[0].number if place is not None and place.emergency else None
        self.help_number.setText(_("Emergency: {number}").format(number=number) if number else _("Call your local emergency number."))
        self.help_number.setAccessibleName(self.help_number.text())
        words = []
        for org in lines[:3]:
            contact = next((c for c in org.contacts if c.kind == "phone"), None) or next(
                (c for c in org.contacts if c.kind in ("text", "chat")), None
            )
            words.append(f"{org.name}: {contact.label or contact.value}" if contact is not None else org.name)
        self.help_lines_title.setText(_("Crisis lines where you are, to talk to someone now"))
        self.help_lines_title.setVisible(bool(words))
        self.help_lines.setText("\n".join(words))
        self.help_lines.setVisible(bool(words))
        self.help_talk.setText(_("Talk to someone now"))
        self.help_talk.setAccessibleName(_("Talk to someone now: services you can call or write to"))
        self.help_go_on.setText(_("Go on with the questions"))
        self.help_go_on.setAccessibleName(self.help_go_on.text())
        self.help_back.setText(_("Back to the last question"))
        self.help_back.setAccessibleName(self.help_back.text())
        self.views.setCurrentWidget(self.help_view)
        self.help_go_on.setFocus(Qt.FocusReason.OtherFocusReason)
        self.shell.update_chrome()

    def showing_help(self) -> bool:
        return self.views.currentWidget() is self.help_view

    def leave_help(self) -> None:
        self._after_move()

    def help_to_question(self) -> None:
        if self.walk is not None:
            self.walk.back()
        self.refresh()
        self.shell.update_chrome()

    def back_within(self) -> bool:
        """The top bar's Back, inside the questions: the previous question (True when it did)."""
        if self.walk is None or self.shell.current_page() is not self:
            return False
        if self.showing_help():
            self.help_to_question()
            return True
        if self.walk.current() is None:
            return False
        self.go_back()
        return True

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
            title=_("Clear my answers?"),
            text=_("This clears your answers and your plan, and starts the questions again."),
            yes=_("Clear my answers"),
            no=_("Keep my answers"),
            destructive=True,
        )

    def start_over(self) -> None:
        """Clear every answer and tick, and go back to the first screen of the questions."""
        self.shell.session.forget_answers()
        self.help_shown = False
        self.answers_cleared.emit()
        self.refresh()
        self.shell.show_page(self.name)

    # --- showing ----------------------------------------------------------------------------

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        # A disabled Next looks disabled through the theme's one disabled style (theme.py, UX review F18).
        if self.pathway is None or self.walk is None:
            self.views.setCurrentWidget(self.missing_view)
            return
        question = self.walk.current()
        if question is None:
            self._render_intro()
            return
        self.views.setCurrentWidget(self.question_view)
        self.question_scroll.verticalScrollBar().setValue(0)
        self._show_progress()
        first = bool(self.walk.questions()) and self.walk.questions()[0].id == question.id
        self.welcome.setText(self.pathway.intro if first and self.pathway is not None else "")
        self.welcome.setVisible(first)
        self.prompt.setText(question.prompt)
        self.options_box.setAccessibleName(question.prompt)
        self.options_box.setAccessibleDescription(question.help or "")
        self.help.setText(question.help or "")
        self.help.setVisible(bool(question.help))
        # On each question, only the case that would puzzle: English questions in another language.
        english = self._language_note() if self._shows_english() else None
        self.question_language.setText(english or "")
        self.question_language.setVisible(bool(english))
        self._render_options(question)
        self._update_buttons(question)

    def _show_progress(self) -> None:
        assert self.walk is not None
        number, total = self.walk.progress()
        self.progress.setRange(0, 100)
        self.progress.setValue(round(100 * max(number - 1, 0) / max(total, 1)))
        self.progress.setAccessibleName(_("Progress through the questions"))

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
        self.start_button.setText(_("Clear my answers") if has_answers else _("Start"))
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
                widget.hide()  # not setParent(None): see PlanPage.rebuild
                widget.deleteLater()
        self.option_buttons = []
        self.option_list = None
        self.option_filter = None
        self.group = None

    def _filter_box(self, question: Question) -> QLineEdit:
        box = QLineEdit()
        box.setClearButtonEnabled(True)
        box.setPlaceholderText(_("Type to find a choice"))
        box.setAccessibleName(_("Find a choice in: {question}").format(question=question.prompt))
        self.option_filter = box
        return box

    def _render_options(self, question: Question) -> None:
        assert self.walk is not None
        self._clear_options()
        picked = set(self.walk.answer_of(question.id))
        long = len(question.options) > SAFE_FIRST_ABOVE
        options = first_the_safe_answers(list(question.options)) if long else list(question.options)
        if question.kind == "single" and len(options) > LONG_LIST:
            self._render_list(question, options, picked)
            return
        grouped = any(o.group for o in options)
        row = 0
        if len(options) > FILTER_ABOVE:
            box = self._filter_box(question)
            box.textChanged.connect(self._filter_buttons)
            self.options_layout.addWidget(box, row, 0)
            box.show()
            row += 1
        # One column, always: every choice has the same width from question to question (UX
        # review F25), within the reading column (F26); a long list scrolls down, never sideways.
        if question.kind == "single":
            self.group = QButtonGroup(self.options_box)
            self.group.setExclusive(True)
        heading_of: str | None = None
        for index, option in enumerate(options):
            if grouped and option.group and option.group != heading_of:
                heading_of = option.group
                heading = label(_(GROUPS.get(option.group, option.group)), "heading")
                heading.setProperty("optionGroup", option.group)
                self.options_layout.addWidget(heading, row, 0)
                heading.show()
                row += 1
            button: QAbstractButton = ChoiceRadio(option.label) if question.kind == "single" else WrappingCheckBox(option.label)
            button.setProperty("optionValue", option.value)
            if option.help:
                button.setToolTip(plain_tooltip(option.help))
                button.setAccessibleDescription(option.help)
            button.setChecked(option.value in picked)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            if self.group is not None:
                self.group.addButton(button, index)
            if isinstance(button, ChoiceRadio):
                button.picked_by_mouse.connect(lambda q=question.id: self._move_on_soon(q))
            button.toggled.connect(lambda on, q=question, v=option.value: self._picked(q, v, on))
            self.options_layout.addWidget(button, row, 0)
            row += 1
            button.show()  # now, not at the next turn of the event loop, so it can take the focus
            self.option_buttons.append((option.value, button))
        self.options_layout.setColumnStretch(0, 1)
        self._lay_out_now()
        first = next((b for v, b in self.option_buttons if v in picked), self.option_buttons[0][1])
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out_now(self) -> None:
        """Give the new choices their places now, not at the next turn of the event loop: a click
        that comes at once (a quick hand, a test) lands on a choice, never on one not yet sized."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _filter_buttons(self, text: str) -> None:
        wanted = fold(text.strip())
        shown_groups: set[str] = set()
        question = self.walk.current() if self.walk is not None else None
        groups = {o.value: o.group for o in question.options} if question is not None else {}
        for value, button in self.option_buttons:
            words = fold(button.accessibleName())
            show = not wanted or value in SAFE_ANSWERS or wanted in words or button.isChecked()
            button.setVisible(show)
            group = groups.get(value)
            if show and group:
                shown_groups.add(group)
        for index in range(self.options_layout.count()):
            item = self.options_layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.property("optionGroup"):
                widget.setVisible(widget.property("optionGroup") in shown_groups)

    def _render_list(self, question: Question, options: list[Option], picked: set[str]) -> None:
        widget = QListWidget()
        widget.setAccessibleName(question.prompt)
        widget.setAccessibleDescription(_("Type the first letters to jump to a choice."))
        widget.setMinimumHeight(320)
        for option in options:
            item = QListWidgetItem(option.label)
            item.setData(Qt.ItemDataRole.UserRole, option.value)
            widget.addItem(item)
            if option.value in picked:
                widget.setCurrentItem(item)
                item.setSelected(True)
        # Selection, not the current row: focus alone moves the current row to the first choice.
        widget.itemSelectionChanged.connect(lambda q=question, w=widget: self._list_picked(q, w))
        widget.itemClicked.connect(lambda _item, q=question.id: self._move_on_soon(q))
        box = self._filter_box(question)
        box.textChanged.connect(lambda text, w=widget: self._filter_list(w, text))
        self.options_layout.addWidget(box, 0, 0)
        self.options_layout.addWidget(widget, 1, 0)
        box.show()
        widget.show()
        self._lay_out_now()
        self.option_list = widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _filter_list(widget: QListWidget, text: str) -> None:
        wanted = fold(text.strip())
        for row in range(widget.count()):
            item = widget.item(row)
            value = item.data(Qt.ItemDataRole.UserRole)
            item.setHidden(bool(wanted) and value not in SAFE_ANSWERS and wanted not in fold(item.text()) and not item.isSelected())

    # A single choice picked with the mouse moves on by itself, after a moment to see it picked: one
    # click a question. From the keyboard, Enter moves on (arrow keys only move between choices).
    MOVE_ON_AFTER = 350

    def _move_on_soon(self, question_id: str) -> None:
        # Tied to the page: a window closed meanwhile (a person who quits, a test ending on a busy
        # machine) takes the timer with it, instead of calling a page that is gone.
        QTimer.singleShot(self.MOVE_ON_AFTER, self, lambda: self._move_on(question_id))

    def _move_on(self, question_id: str) -> None:
        walk = self.walk
        if walk is None or walk.position != question_id or not self.isVisible() or self.views.currentWidget() is not self.question_view:
            return  # the person moved on, went back or left meanwhile
        self.go_forward()

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
        self._show_progress()
        self.start_over_button.setText(_("Clear my answers"))
        self.start_over_button.setAccessibleName(_("Clear my answers and start the questions again"))
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
        self.help_shown = False
        self.refresh()
