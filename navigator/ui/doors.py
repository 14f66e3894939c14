"""The doors: what the big choices on the home screen (and the footer's links) open.

Two doors open a list of content (``LIST_DOORS``), described here as data: a title, a sentence, and
sections of one kind of item each, with a rule for which items belong. The other doors open a page
of their own (the guided questions, the directory, the privacy page); the main window wires those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from navigator.core.models import Item, Kind
from navigator.i18n import N_, _


def everything(_item: Item) -> bool:
    return True


@dataclass(frozen=True)
class Section:
    """One heading of a list and the items under it."""

    title: Callable[[], str]
    kind: Kind
    keep: Callable[[Item], bool] = everything


@dataclass(frozen=True)
class ListDoor:
    """A list page: words are functions, so they are read again in the current language."""

    title: Callable[[], str]
    intro: Callable[[], str]
    sections: tuple[Section, ...]


LIST_DOORS = {
    "takedown": ListDoor(
        title=lambda: _("Get it taken down"),
        intro=lambda: _("Save proof first. Then pick the place where you found it."),
        sections=(
            Section(lambda: _("Guides"), Kind.ARTICLE, lambda a: getattr(a, "topic", None) in ("evidence", "removal", "hashing")),
            Section(lambda: _("Where it appears"), Kind.PLATFORM),
            Section(lambda: _("Letters you can send"), Kind.NOTICE),
        ),
    ),
    "rights": ListDoor(
        title=lambda: _("Understand my rights"),
        intro=lambda: _("Laws differ from place to place. This is general information, not legal advice."),
        sections=(
            Section(lambda: _("Guides"), Kind.ARTICLE, lambda a: getattr(a, "topic", None) == "legal"),
            Section(lambda: _("Laws"), Kind.LAW),
        ),
    ),
}

# The words of a "Find support" list that the directory replaced: no door opens it any more. They
# stay marked until the catalogs are next extracted, so this change leaves locales/ as it is.
RETIRED_WORDS = (
    N_("You do not have to do this alone. These services can help."),
    N_("Organizations"),
)
