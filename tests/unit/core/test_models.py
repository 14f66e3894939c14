"""navigator.core.models: what each kind of item may contain, and plain words when it does not."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from navigator.core.models import FOLDERS, MODELS, GlossaryTerm, Kind, display_title

BASE = {"id": "url", "reviewed": date(2026, 11, 26), "sources": [{"url": "https://example.org/glossary"}]}


def term(**changes: object) -> GlossaryTerm:
    return GlossaryTerm.model_validate({**BASE, "term": "URL", "definition": "An address.", **changes})


def test_every_kind_has_a_model_and_a_plural_folder() -> None:
    assert set(MODELS) == set(Kind) == set(FOLDERS)
    assert FOLDERS[Kind.PLATFORM] == "platforms" and FOLDERS[Kind.GLOSSARY] == "glossary"


def test_an_unknown_field_is_refused_not_ignored() -> None:
    with pytest.raises(ValidationError, match="penalty"):
        term(penalty="x")


def test_items_cannot_be_changed_once_loaded() -> None:
    with pytest.raises(ValidationError):
        term().term = "Changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"id": "Not A Slug"}, "is not a slug"),
        ({"sources": [{"url": "http://example.org"}]}, "is not an https:// address"),
        ({"sources": []}, "at least 1"),
        ({"term": ""}, "at least 1"),
    ],
)
def test_mistakes_are_said_in_plain_words(changes: dict[str, object], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        term(**changes)


def test_the_title_of_any_kind() -> None:
    assert display_title(term()) == "URL"
    assert display_title(object()) == ""


@pytest.mark.parametrize("code", range(128))
def test_the_ascii_shortcut_for_hidden_characters_agrees_with_reading_each_one(code: int) -> None:
    # Printable ASCII skips the per-character read; every ASCII character must get the same answer.
    import unicodedata

    from navigator.core.models import _HIDDEN_CATEGORIES, _hidden_character

    char = chr(code)
    category = unicodedata.category(char)
    hidden = category in _HIDDEN_CATEGORIES or (category == "Zs" and char != " ")
    assert _hidden_character(f"https://a.org/{char}x") == (char if hidden else None)
    assert _hidden_character("https://a.org/%E2%80%AE") == "\u202e"  # still read when percent-encoded
