"""The search index's fast paths give exactly what the plain way of computing them gives, on the
shipped content in every language: each word's score in each item, and the ranked results.

The reference below is the index as first written (before issue 17): a dict and a Counter per
field, every word added one by one, every match put in its kind's bucket. The index now weighs a
field's words in C, numbers the items kind by kind and groups the matches by sorting them.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter

import pytest

from navigator.core.library import Library
from navigator.core.models import Kind
from navigator.core.search import BODY, SHORT, TITLE, SearchIndex, _without_article, item_fields, words
from navigator.paths import content_root

LOCALES = ("en", "es", "fr", "ar", "ko", "pt_BR")
QUERIES = {
    "en": ["help", "helpline", "remove image", "take it d", "police report ", "evidnce", "s", "google", "the"],
    "es": ["ayuda", "línea de ay", "denunciar", "policía", "prueba"],
    "fr": ["écoute", "aide", "supprimer une im", "preuves", "police"],
    "ar": ["المساعدة", "الشرطة", "حذف الصورة", "دليل", "مساعده"],
    "ko": ["상담 전화", "경찰에 신고", "증거를", "이미지 삭제", "스크린샷", "법"],
    "pt_BR": ["linha de ajuda", "denúncia", "remover im", "polícia", "provas"],
}


def reference_scores(item: object) -> dict[str, float]:
    """One item's words and their weights, computed word by word."""
    parts = item_fields(item)  # type: ignore[arg-type]
    scores: dict[str, float] = {}
    for weight, texts in ((TITLE, [parts.title]), (SHORT, parts.short), (BODY, parts.body)):
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(words(text))
        for word, count in counts.items():
            value = weight if count == 1 else weight * (1.0 + math.log(count))
            scores[word] = scores.get(word, 0.0) + value
            bare = _without_article(word)
            if bare is not None:
                scores[bare] = scores.get(bare, 0.0) + value
    return scores


def reference_search(index: SearchIndex, query: str, per_kind: int = 5) -> list[tuple[Kind, int, list[tuple[str, float]]]]:
    """The ranked results, every match put in its kind's bucket one by one (the per-word scores are the index's own)."""
    terms = words(query)
    unfinished = not query[-1:].isspace()
    if unfinished and terms and len(terms[-1]) == 1 and not "\uac00" <= terms[-1] <= "\ud7a3":
        terms = terms[:-1]  # one letter being typed is not searched yet (Hangul is a syllable)
    per_word = sorted((index._word_scores(t, unfinished and n == len(terms) - 1) for n, t in enumerate(terms)), key=len)
    if not per_word or not per_word[0]:
        return []
    totals = {}
    for doc, score in per_word[0].items():
        for other in per_word[1:]:
            if doc not in other:
                break
            score += other[doc]
        else:
            totals[doc] = score
    phrase = " ".join(terms)
    buckets: dict[Kind, list[tuple[float, int]]] = {}
    for doc, score in totals.items():
        title = index._titles[doc]
        if phrase in title:
            score *= 3.0 if title.startswith(phrase) else 1.5
        buckets.setdefault(index._docs[doc].kind, []).append((score, doc))
    groups = [
        (kind, len(scored), [(index._docs[doc].id, score) for score, doc in heapq.nlargest(per_kind, scored)])
        for kind, scored in buckets.items()
    ]
    groups.sort(key=lambda g: (-g[2][0][1], g[0].value))
    return groups


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(content_root())


@pytest.mark.parametrize("locale", LOCALES)
def test_index_matches_the_word_by_word_reference(library: Library, locale: str) -> None:
    library.set_locale(locale)
    index = SearchIndex.from_view(library.view)
    view = library.view
    assert len(index) == len(view.items)
    expected: dict[str, dict[tuple[Kind, str], float]] = {}
    for (kind, item_id), item in view.items.items():
        for word, value in reference_scores(item).items():
            expected.setdefault(word, {})[(kind, item_id)] = value
    assert set(index._postings) == set(expected)
    for word, by_item in expected.items():
        docs, weights = index._postings[word]
        got = {(index._docs[d].kind, index._docs[d].id): w for d, w in zip(docs, weights, strict=True)}
        # Stored as 4-byte floats, as before.
        assert got.keys() == by_item.keys(), word
        assert all(got[key] == pytest.approx(value, rel=1e-6) for key, value in by_item.items()), word
    # Items are numbered kind by kind (the query relies on it).
    kinds = [doc.kind for doc in index._docs]
    assert kinds == sorted(kinds, key=list(Kind).index)
    for query in QUERIES[locale]:
        results = index.search(query, per_kind=5)
        got_groups = [(g.kind, g.total, [(h.id, h.score) for h in g.hits]) for g in results.groups]
        assert got_groups == reference_search(index, query), query
    assert any(index.search(query).total for query in QUERIES[locale])
