"""Honest words about the language of what is on screen: not translated, out of date, or a draft.

Every place that shows content asks here, so the notices read the same everywhere. A translation
file that still holds only the English words counts as not translated: the reader is told the
page is in English, never that it is a translation.
"""

from __future__ import annotations

from navigator.core import translation
from navigator.core.library import Library
from navigator.core.localize import ItemState
from navigator.core.models import Kind
from navigator.i18n import _


def effective_state(library: Library, kind: Kind, item_id: str) -> ItemState:
    state = library.state(kind, item_id)
    if state.state in ("translated", "stale"):
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
