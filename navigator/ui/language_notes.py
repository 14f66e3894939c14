"""Honest words about the language of what is on screen: not translated, out of date, or a draft.

Every place that shows content asks here, so the notices read the same everywhere. A translation
file that still holds only the English words counts as not translated: the reader is told the
page is in English, never that it is a translation (unless its translator marked it
``same_words: true``: a name spelled the same in both languages).
"""

from __future__ import annotations

from navigator.core import translation
from navigator.core.library import Library
from navigator.core.localize import ItemState
from navigator.core.models import Kind
from navigator.i18n import _


def effective_state(library: Library, kind: Kind, item_id: str) -> ItemState:
    state = library.state(kind, item_id)
    if state.state in ("translated", "stale") and not state.same_words:
        shown, english = library.get(kind, item_id), library.english_item(kind, item_id)
        if shown is not None and english is not None and translation.text_tree(shown) == translation.text_tree(english):
            return ItemState("missing", path=state.path)
    return state


def shows_english(library: Library, kind: Kind, item_id: str) -> bool:
    """True when a reader of a translated interface sees this item in English."""
    return effective_state(library, kind, item_id).shows_english


def item_notice(state: ItemState, reading_english: bool) -> tuple[str, str] | None:
    """(notice, button) for one page of content, or None when there is nothing to say."""
    if reading_english and state.state != "source":
        return _("You are reading the English version."), _("Back to my language")
    if state.shows_english:
        return _("This part is not yet translated, so it is shown in English."), ""
    if state.state == "stale":
        return (
            _("The English page was updated after this translation was made. Some details may be out of date."),
            _("Show the English"),
        )
    if state.review == "draft":
        return _("This translation is a draft and has not yet been checked by a native speaker."), _("Show the English")
    return None


def is_quiet(state: ItemState, reading_english: bool) -> bool:
    """A draft, or the English chosen by the reader, is said in a small quiet line with the other
    version one tap away; what is missing or out of date keeps its banner (UX review F15)."""
    if reading_english:
        return True
    return not state.shows_english and state.state != "stale" and state.review == "draft"


def english_title(title: str) -> str:
    """A title in a list, marked when the page behind it is shown in English."""
    return _("{title} (in English)").format(title=title)


def list_notice(library: Library, keys: list[tuple[Kind, str]]) -> str | None:
    if library.locale == "en":
        return None
    if any(shows_english(library, kind, item_id) for kind, item_id in keys):
        return _("Some of these pages are not yet translated. They are shown in English.")
    return None


# --- which parts have had a review ------------------------------------------------------------
#
# The translation note on the home page names the parts of Navigator a native speaker has
# checked, from the data itself: each content item's ``status`` in its translation file and the
# ``# Review:`` line in the interface catalog's header. Nothing here is hand-written per language.

CONTENT_PARTS: tuple[tuple[tuple[Kind, ...], str], ...] = (
    ((Kind.PATHWAY,), "questions"),
    ((Kind.ARTICLE, Kind.GLOSSARY), "guides"),
    ((Kind.NOTICE,), "letters"),
    ((Kind.LAW,), "laws"),
    ((Kind.ORGANIZATION,), "organizations"),
    ((Kind.PLATFORM,), "routes"),
    ((Kind.PLACE,), "places"),
)


def part_name(part: str) -> str:
    """A part of Navigator as the translation note names it."""
    names = {
        "interface": _("the buttons and menus"),
        "questions": _("the questions"),
        "guides": _("the guides"),
        "letters": _("the letters"),
        "laws": _("the laws"),
        "organizations": _("the helplines and organizations"),
        "routes": _("the ways to report to each site"),
        "places": _("the places and their emergency numbers"),
    }
    return names[part]


def review_of_parts(library: Library, interface_review: str | None) -> dict[str, str]:
    """Each part of Navigator in the library's language: 'reviewed' (all of it checked by a native
    speaker), 'some' (part of it), or 'draft' (none of it). English, the source, has no parts."""
    if library.locale == "en":
        return {}
    found = {"interface": "reviewed" if interface_review == "reviewed" else "draft"}
    for kinds, part in CONTENT_PARTS:
        states = [library.state(kind, item_id) for kind in kinds for item_id in library.ids(kind)]
        if not states:
            continue
        reviewed = sum(1 for state in states if state.review == "reviewed" and not state.shows_english)
        found[part] = "reviewed" if reviewed == len(states) else "some" if reviewed else "draft"
    return found


def review_note(parts: dict[str, str]) -> str | None:
    """The one calm line that says what a native speaker has checked, or None when all of it is."""
    from navigator.i18n.formats import format_list

    if not parts or all(review == "reviewed" for review in parts.values()):
        return None
    checked = [part_name(part) for part, review in parts.items() if review == "reviewed"]
    some = [part_name(part) for part, review in parts.items() if review == "some"]
    if not checked and not some:
        return _("The words in this language are a first draft made with help from a machine. A native speaker has not checked them yet.")
    sentences = []
    if checked:
        sentences.append(_("A native speaker has checked {parts}.").format(parts=format_list(checked)))
    if some:
        sentences.append(_("A native speaker has checked some of {parts}.").format(parts=format_list(some)))
    sentences.append(_("The rest is a first draft made with help from a machine."))
    return " ".join(sentences)
