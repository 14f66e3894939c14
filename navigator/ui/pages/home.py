"""The calm first screen: one clear way to start, help in danger, then three doors.

From the top (UX review F09): a short welcome; one primary action, "Start here, about 2 minutes"
(the guided questions); a one-line strip "In danger now? <the emergency number> · Talk to someone
now", with the number of the place this computer is set to (``ui/likely_place.py``: read each
time, never stored) from the place's content file; then the three topic doors, smaller, as other
routes. A quiet offer to show a plain name in the taskbar sits below, for as long as it is not taken
or put aside (UX review F05: the discreet name offered on first run, and every run is a first run).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from navigator.i18n import _, current_locale, review_status
from navigator.ui.likely_place import likely_country
from navigator.ui.navigation import Page, Shell
from navigator.ui.widgets import FlowRow, WrappingButton, column, fit_columns, label, place_in_columns, scroll


class Door(QPushButton):
    """A button with a title and a sentence that wrap, read as one control by screen readers."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("door")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(18, 14, 18, 14)
        box.setSpacing(6)
        self.title_label = label(name="heading")
        self.text_label = label()
        for part in (self.title_label, self.text_label):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            part.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            box.addWidget(part)
        box.addStretch(1)

    def set_words(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        # Grows with its words (large text, long translations), never clips them (UX review F21).
        layout = self.layout()
        return layout.heightForWidth(width) if layout is not None else super().heightForWidth(width)


class HomePage(Page):
    """``plain_name_requested``: the person chose the plain window name from the offer here."""

    name = "home"
    plain_name_requested = Signal()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        outer = column(self, margins=0)
        inner = QWidget()
        inner.setObjectName("page")
        layout = column(inner, margins=40, spacing=16)
        self.title = label(name="title")
        layout.addWidget(self.title)

        # One clear start.
        self.start = WrappingButton(name="primary", margins=(22, 10))  # a long translation wraps
        self.start.setSizePolicy(QSizePolicy.Policy.Maximum, self.start.sizePolicy().verticalPolicy())
        self.start.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start.clicked.connect(lambda: shell.open_door("guide"))
        self.start_note = label(name="muted")
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.start_note)

        # In danger now? The number, and people to talk to.
        self.danger = QFrame()
        self.danger.setObjectName("notice")
        strip = FlowRow(self.danger, spacing=12)  # the link goes under the words when they do not fit
        strip.setContentsMargins(16, 10, 16, 10)
        self.danger_text = label()
        self.danger_text.setObjectName("danger")
        # Its words wrap too, so long words at large text never widen the page.
        self.talk = WrappingButton(name="link", margins=(4, 4))
        self.talk.setCursor(Qt.CursorShape.PointingHandCursor)
        self.talk.clicked.connect(lambda: shell.open_door("talk"))
        strip.addWidget(self.danger_text)
        strip.addWidget(self.talk)
        layout.addWidget(self.danger)

        # The three doors: other ways in, for people who know what they want.
        self.others = label(name="heading")
        layout.addWidget(self.others)
        self.door_grid = QGridLayout()
        self.door_grid.setSpacing(14)
        self.doors: dict[str, Door] = {}
        for key in ("takedown", "rights", "support"):
            button = Door()
            button.clicked.connect(lambda _checked=False, k=key: shell.open_door(k))
            self.doors[key] = button
        # Side by side where their words fit, one under another in a narrow window or with large
        # text: a door grows with its words and never clips them (UX review F21).
        self.door_columns = 0
        self.fit_doors()
        layout.addLayout(self.door_grid)
        # Keeping track of reports is for later, once the person is ready: a quiet button.
        self.case = WrappingButton()
        self.case.clicked.connect(lambda: shell.open_door("case"))
        # For an advocate with a client: the guide, the client's language beside, handouts.
        self.advocates = WrappingButton(name="link")  # its words wrap at large text, never widening the page
        self.advocates.setCursor(Qt.CursorShape.PointingHandCursor)
        self.advocates.clicked.connect(lambda: shell.open_door("advocates"))
        buttons = FlowRow()  # the two quiet buttons go on to a second line when there is no room
        buttons.addWidget(self.case)
        buttons.addWidget(self.advocates)
        layout.addLayout(buttons)
        self.comfort = label(name="muted")
        layout.addWidget(self.comfort)

        # The plain name, offered (the taskbar and window switcher show the name).
        self.plain_offer = QFrame()
        self.plain_offer.setObjectName("card")
        offer = QVBoxLayout(self.plain_offer)
        offer.setContentsMargins(16, 10, 16, 10)
        self.plain_text = label(name="muted")
        self.plain_yes = QPushButton()
        self.plain_yes.clicked.connect(self.plain_name_requested.emit)
        self.plain_no = QPushButton()
        self.plain_no.setObjectName("link")
        self.plain_no.clicked.connect(self.put_offer_aside)
        offer.addWidget(self.plain_text)
        answers = FlowRow()  # the sentence, then its two answers under it: no sideways scrolling
        answers.addWidget(self.plain_yes)
        answers.addWidget(self.plain_no)
        offer.addLayout(answers)
        layout.addWidget(self.plain_offer)
        self.offer_aside = False

        # Said plainly whenever a part of Navigator in this language is a machine-assisted draft.
        self.draft_note = label(name="muted")
        layout.addWidget(self.draft_note)
        layout.addStretch(1)
        outer.addWidget(scroll(inner))

    def fit_doors(self) -> None:
        columns = fit_columns(self.width() - 80, self, 3, chars=22)
        columns = 1 if columns < 3 else columns  # three side by side, or a list: never two and one
        if columns != self.door_columns:
            self.door_columns = columns
            place_in_columns(self.door_grid, list(self.doors.values()), columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_doors()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_doors()

    # --- the strip ------------------------------------------------------------------------------

    def emergency_number(self) -> str | None:
        """The emergency number of the place the person gave, or else of this computer's region;
        None while the window is its shell, before the content is read (``ui/main_window.py``)."""
        if not self.shell.has_content():
            return None
        from navigator.core.plan import emergency_place  # the content models: loaded after the first paint

        session = self.shell.session
        country = session.directory.country or likely_country()
        place = emergency_place(self.shell.library, session.reader(), country)
        return place.emergency[0].number if place is not None and place.emergency else None

    def show_danger_line(self) -> None:
        number = self.emergency_number()
        text = _("In danger now? Call {number}.").format(number=number) if number else _("In danger now? Call your local emergency number.")
        self.danger_text.setText(text)
        self.danger_text.setAccessibleName(text)

    # --- the offer --------------------------------------------------------------------------------

    def put_offer_aside(self) -> None:
        self.offer_aside = True
        self.plain_offer.hide()

    def show_offer(self, plain_window: bool) -> None:
        self.plain_offer.setVisible(not plain_window and not self.offer_aside)

    # --- page protocol ----------------------------------------------------------------------------

    def shown(self) -> None:
        self.show_danger_line()

    def retranslate(self) -> None:
        self.title.setText(_("You are not alone. We can take this one step at a time."))
        self.start.setText(_("Start here, about 2 minutes"))
        self.start.setAccessibleName(_("Start here: a few questions, about 2 minutes"))
        self.start.setAccessibleDescription(_("A few gentle questions, one at a time, then a short plan made for you."))
        self.start_note.setText(_("A few gentle questions, then a short plan made for you. Nothing you do here is saved or sent."))
        self.talk.setText(_("Talk to someone now"))
        self.talk.setAccessibleName(_("Talk to someone now: services you can call or write to"))
        self.show_danger_line()
        self.others.setText(_("Or go straight to"))
        words = {
            "takedown": (_("Get it taken down"), _("Save proof, then ask each site to remove it.")),
            "rights": (_("Understand my rights"), _("What the law says where you live.")),
            "support": (_("Find support"), _("People who can help, in your language.")),
        }
        for key, (title, text) in words.items():
            self.doors[key].set_words(title, text)
        self.case.setText(_("Keep track of my reports"))
        self.case.setAccessibleName(_("Keep track of my reports"))
        self.case.setAccessibleDescription(_("Your case file: where it is, what you reported, and when each site must answer."))
        self.advocates.setText(_("For advocates: two languages, handouts"))
        self.advocates.setAccessibleName(_("For advocates: the client's language beside yours, and handouts to print"))
        self.comfort.setText(_("If it is fake, it is still abuse. It is not your fault."))
        self.plain_text.setText(
            _("The taskbar shows the name “Navigator”. Others who see your screen may notice it. You can show “{name}” instead.").format(
                name=_("Notes")
            )
        )
        self.plain_yes.setText(_("Show “{name}”").format(name=_("Notes")))
        self.plain_yes.setAccessibleName(_("Show the plain name “{name}” and a plain icon").format(name=_("Notes")))
        self.plain_no.setText(_("Not now"))
        self.plain_no.setAccessibleName(_("Not now: hide this offer"))
        self.show_draft_note()

    def show_draft_note(self) -> None:
        """Names the parts a native speaker has checked, from the review marks in the data (once
        the content is read: the window's shell shows no note)."""
        note = None
        if self.shell.has_content():
            from navigator.ui.language_notes import review_note, review_of_parts

            note = review_note(review_of_parts(self.shell.library, review_status(current_locale())))
        self.draft_note.setText(note or "")
        self.draft_note.setVisible(note is not None)

    def reset(self) -> None:
        self.show_danger_line()
