"""One person's session: everything Navigator holds about them while it is open, and one way to forget it.

The answers to the guided questions (a ``Walk``), the ticks on their plan, the place and language
the plan told the directory, the words typed into a letter (and into the requests prepared for
several sites at once), and the search text. It lives in
memory only and is never written anywhere. ``clear`` forgets all of it at once: "Start over for a
new person" and Quick exit both come here, so there is one list of what a session holds, and one
place to add to when a screen learns something new about the person.

An open case file is part of the session too (``case_file``: its key and its log while it is
unlocked). ``clear`` locks it, dropping the key, and forgets which file it was; the file itself
stays where the person keeps it, with every change already saved.

The walk follows the content language: ``set_locale`` switches the library's view and then gives
the walk the pathway in the new language (answers are option values, the same in every language),
so every screen that reads the walk afterwards (the plan above all) sees the new words, whatever
order the screens are told of the change in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from navigator.core.audience import Reader, reader_for_age
from navigator.core.directory import Context
from navigator.core.library import Library
from navigator.core.models import Kind, Pathway
from navigator.core.pathway import Walk

if TYPE_CHECKING:
    from navigator.core.case_file import CaseFile  # loaded when a case is opened, not at start

PATHWAY_ID = "main"


@dataclass
class LetterDraft:
    """A letter being written: which template, in which language, what was typed, who sends it.

    A draft prepared for one site of a batch also says which site (a platform id, or '' for a
    site not in content) and the site's name.
    """

    template_id: str = ""
    locale: str = ""
    values: dict[str, str] = field(default_factory=dict)
    on_behalf: bool = False  # someone else sends it for the person shown
    site: str = ""
    site_name: str = ""

    def clear(self) -> None:
        self.template_id = ""
        self.locale = ""
        self.values.clear()
        self.on_behalf = False
        self.site = ""
        self.site_name = ""


class Session:
    """What Navigator knows about the person in front of it, for as long as it is open."""

    def __init__(self, library: Library, pathway_id: str = PATHWAY_ID) -> None:
        self.library = library
        self.pathway_id = pathway_id
        self.walk: Walk | None = None
        self.ticks: set[str] = set()
        self.directory = Context()
        # The letter on the letter page: a template opened on its own (``own_letter``), or one of
        # the requests prepared for several sites at once (``requests``).
        self.own_letter = LetterDraft()
        self.letter = self.own_letter
        self.requests: list[LetterDraft] = []
        self.search_text = ""
        self.case_file: CaseFile | None = None  # unlocked: holds the key
        self.case_path: Path | None = None  # the case file last opened (kept while it is only locked)
        self.case_age: str | None = None  # the age answer given on the case screen, when the questions were not answered
        # An advocate's tools: the client's language shown beside the screen's ("" when none), and
        # the place chosen for handouts. Both say something about the person, so both are forgotten.
        self.second_locale = ""
        self.handout_place = ""
        # Every page reads the library as this person may see it (navigator.core.audience).
        library.reader_source = self.reader
        self.rebind()

    @property
    def pathway(self) -> Pathway | None:
        """The guided questions in the current content language (None if the content has none)."""
        item = self.library.get(Kind.PATHWAY, self.pathway_id)
        return item if isinstance(item, Pathway) else None

    def set_locale(self, locale: str) -> None:
        """Switch the content language: the library's view first, then the walk's pathway."""
        self.library.set_locale(locale)
        self.rebind()

    def rebind(self) -> None:
        """Give the walk the pathway of the library's current view; the answers carry over."""
        pathway = self.pathway
        if pathway is None:
            self.walk = None
        elif self.walk is None:
            self.walk = Walk(pathway)
        else:
            self.walk.pathway = pathway

    def forget_answers(self) -> None:
        """The questions start again: answers and plan ticks go; the rest of the session stays."""
        if self.walk is not None:
            self.walk.reset()
        self.ticks.clear()

    def age_answer(self) -> str | None:
        """The answer to the question with role "age" (or the one given on the case screen), if any."""
        walk = self.walk
        if walk is not None:
            for question in walk.pathway.questions:
                if question.role == "age" and walk.answers.get(question.id):
                    return walk.answers[question.id][0]
        return self.case_age

    def reader(self) -> Reader:
        """Who is reading, for what may be shown: unknown until the age question is answered."""
        answer = self.age_answer()
        return Reader.UNKNOWN if answer is None else reader_for_age((answer,))

    def open_letter(self, template_id: str) -> LetterDraft:
        """A template opened on its own: the same draft as before for the same template, else an empty one."""
        draft = self.own_letter
        if template_id != draft.template_id:
            draft.clear()
        draft.template_id = template_id
        draft.locale = draft.locale or self.library.locale
        self.letter = draft
        return draft

    def set_requests(self, drafts: list[LetterDraft]) -> None:
        """The requests prepared for several sites at once (they replace any prepared before)."""
        for draft in self.requests:
            draft.clear()
        self.requests = list(drafts)
        if self.letter is not self.own_letter and self.letter not in self.requests:
            self.letter = self.own_letter

    def open_request(self, index: int) -> LetterDraft:
        """One of the prepared requests, to write on the letter page."""
        self.letter = self.requests[index]
        return self.letter

    def lock_case(self) -> None:
        """Drop the case file's key and log from memory; remember which file it was."""
        opened, self.case_file = self.case_file, None
        if opened is not None:
            opened.lock()

    def forget_case(self) -> None:
        self.lock_case()
        self.case_path = None
        self.case_age = None

    def clear(self) -> None:
        """Forget everything about this person (start over for a new person, Quick exit)."""
        self.forget_case()
        self.forget_answers()
        self.directory = Context()
        self.set_requests([])
        self.letter = self.own_letter
        self.letter.clear()
        self.search_text = ""
        self.second_locale = ""
        self.handout_place = ""
