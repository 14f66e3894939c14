"""navigator.core.translation: a translation changes words and nothing else.

Only fields typed ``Text`` may be translated; structure (ids, values, URLs, numbers, dates) stays
English. A translated text must keep the English ``{placeholders}``. Anything else is reported,
with where it is, and the English is kept for it.
"""

from __future__ import annotations

from datetime import date

import pytest

from navigator.core.models import GlossaryTerm, Law
from navigator.core.translation import dotted, english_hash, iter_texts, overlay, text_fields, text_tree

TERM = GlossaryTerm(
    id="url",
    reviewed=date(2026, 11, 26),
    sources=[{"url": "https://example.org/glossary"}],
    term="URL",
    definition="The address of a page, like {site}.",
)
LAW = Law(
    id="example-law",
    reviewed=date(2026, 11, 26),
    sources=[{"url": "https://example.org/law"}],
    jurisdiction="GB-ENG",
    title="Example law",
    citation="Example Act 2024 s.1",
    status="in_force",
    status_date=date(2024, 1, 31),
    summary="A made-up law.",
    for_you=["You may be able to report it.", "You can ask for help."],
    does_not=["It does not remove anything."],
    kind="criminal",
)


def test_only_words_are_translatable() -> None:
    assert set(text_fields(GlossaryTerm)) == {"term", "definition"}
    fields = text_fields(Law)
    assert set(fields) == {"title", "status_note", "summary", "for_you", "does_not", "deadline"}
    for structure in ("id", "reviewed", "jurisdiction", "citation", "status", "status_date", "kind"):
        assert structure not in fields
    assert fields["for_you"] == ("list", ("text",))


def test_text_tree_holds_the_words_in_the_shape_a_translation_file_mirrors() -> None:
    assert text_tree(TERM) == {"term": "URL", "definition": "The address of a page, like {site}."}
    assert text_tree(LAW)["for_you"] == ["You may be able to report it.", "You can ask for help."]
    paths = dict(iter_texts(text_tree(LAW)))
    assert paths[("for_you", 1)] == "You can ask for help."
    assert dotted(("for_you", 1)) == "for_you[1]" and dotted(("routes", 0, "label")) == "routes[0].label"


def test_the_fingerprint_changes_with_the_english_words_only() -> None:
    same_words = TERM.model_copy(update={"reviewed": date(2027, 1, 1)})
    new_words = TERM.model_copy(update={"definition": "Where a page lives, like {site}."})
    assert english_hash(TERM) == english_hash(same_words)
    assert english_hash(TERM) != english_hash(new_words)
    assert len(english_hash(TERM)) == 12


def test_a_good_translation_replaces_the_words_and_keeps_the_structure() -> None:
    merged, result = overlay(TERM, {"id": "url", "status": "draft", "term": "Dirección web", "definition": "Dónde está, como {site}."})
    assert result.problems == []
    assert (result.translated, result.total) == (2, 2)
    assert merged["term"] == "Dirección web" and merged["id"] == "url"
    assert GlossaryTerm.model_validate(merged).definition == "Dónde está, como {site}."


def test_a_line_left_out_keeps_the_english() -> None:
    merged, result = overlay(LAW, {"title": "Una ley", "for_you": [None, "Puedes pedir ayuda."]})
    assert result.problems == []
    assert merged["summary"] == "A made-up law."
    assert merged["for_you"] == ["You may be able to report it.", "Puedes pedir ayuda."]


@pytest.mark.parametrize(
    ("given", "path", "words"),
    [
        ({"status": "in_force", "jurisdiction": "ES"}, ("jurisdiction",), "is structure, not words"),
        ({"penalty": "x"}, ("penalty",), "is not a field of the English item"),
        ({"summary": ""}, ("summary",), "must be text"),
        ({"summary": ["a list"]}, ("summary",), "must be text"),
        ({"for_you": ["only one"]}, ("for_you",), "must be a list of 2 entries"),
    ],
)
def test_structure_and_shape_changes_are_refused_and_the_english_kept(given: dict[str, object], path: tuple[str, ...], words: str) -> None:
    merged, result = overlay(LAW, given)
    assert [(p, m) for p, m in result.problems if p == path and words in m], result.problems
    english = LAW.model_dump(by_alias=True)
    for key in path[:1]:
        if key in english:
            assert merged[key] == english[key]


def test_placeholders_must_match_the_english() -> None:
    _merged, result = overlay(TERM, {"definition": "Dónde está, como {sitio}."})
    assert result.problems == [(("definition",), "placeholders must match the English: missing {site}; unknown {sitio}")]
    merged, _ = overlay(TERM, {"definition": "Sin el marcador."})
    assert merged["definition"] == TERM.definition
