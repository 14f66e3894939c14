"""Search: folding for Spanish, French and Arabic; Korean particles and typos; ranking; typos; snippets; grouping."""

from __future__ import annotations

from datetime import date

import pytest

from navigator.core import search
from navigator.core.loader import load_content
from navigator.core.localize import localize
from navigator.core.models import Article, GlossaryTerm, Item, Kind, Organization, Source
from navigator.core.search import SearchIndex, _without_particle, fold, snippet, words
from tests.conftest import FIXTURES

SOURCES = [Source(url="https://example.org/")]
DAY = date(2026, 11, 26)


def article(item_id: str, title: str, body: str, summary: str = "A guide.") -> Article:
    return Article(id=item_id, reviewed=DAY, sources=SOURCES, title=title, summary=summary, body=body, topic="support")


def term(item_id: str, name: str, definition: str) -> GlossaryTerm:
    return GlossaryTerm(id=item_id, reviewed=DAY, sources=SOURCES, term=name, definition=definition)


def organization(item_id: str, name: str, summary: str) -> Organization:
    return Organization.model_validate(
        {
            "id": item_id,
            "reviewed": DAY,
            "sources": [{"url": "https://example.org/"}],
            "name": name,
            "summary": summary,
            "services": ["Listens."],
            "serves": ["adults"],
            "regions": ["*"],
            "languages": ["en"],
            "contacts": [{"kind": "website", "value": "https://example.org/", "source": "https://example.org/"}],
            "cost": "free",
        }
    )


def index(*items: Item, english: frozenset[str] = frozenset()) -> SearchIndex:
    kinds = {Article: Kind.ARTICLE, GlossaryTerm: Kind.GLOSSARY, Organization: Kind.ORGANIZATION}
    return SearchIndex.build((kinds[type(i)], i, i.id in english) for i in items)


def found(idx: SearchIndex, query: str) -> list[str]:
    return [hit.id for hit in idx.search(query, per_kind=20).hits()]


# --- folding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("AYUDA", "ayuda"),
        ("Ayúda", "ayuda"),
        ("niño", "nino"),
        ("PEQUEÑA", "pequena"),
        ("¿Dónde?", "¿donde?"),
        ("Été", "ete"),
        ("ÇA", "ca"),
        ("Noël", "noel"),
        ("cœur", "coeur"),
        ("Straße", "strasse"),
    ],
)
def test_fold_latin(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("مُسَاعَدَة", "مساعده"),  # tashkeel removed, ta marbuta → ha
        ("أمان", "امان"),  # alef with hamza above
        ("إساءة", "اساءه"),  # alef with hamza below
        ("آمن", "امن"),  # alef with madda
        ("على", "علي"),  # alef maqsura → ya
        ("مـــســاعـدة", "مساعده"),  # tatweel
        ("٤٨ ساعة", "48 ساعه"),  # Arabic-Indic digits
    ],
)
def test_fold_arabic(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_split_french_elisions() -> None:
    assert words("L’aide d'urgence") == ["l", "aide", "d", "urgence"]


# --- matching and folding through the index ---------------------------------------------------


def test_spanish_accent_and_case_insensitive() -> None:
    idx = index(article("ayuda", "Cómo pedir AYUDA", "Una línea de atención para niñas y niños."), article("otro", "Otra cosa", "Nada."))
    for query in ("ayuda", "AYÚDA", "como pedir", "línea", "linea", "NINAS", "niñas"):
        assert found(idx, query) == ["ayuda"], query


def test_french_accent_and_case_insensitive() -> None:
    idx = index(
        article("ecoute", "Ligne d'écoute", "Une équipe vous répond, même la nuit. Cœur de métier."), article("autre", "Autre", "Rien.")
    )
    for query in ("ecoute", "ÉCOUTE", "Ecouté", "equipe", "repond", "meme", "coeur", "cœur", "METIER"):
        assert found(idx, query) == ["ecoute"], query


def test_arabic_folding() -> None:
    idx = index(
        article("musaada", "طلب المُسَاعَدَة", "يمكنك الاتصال بخط الدعم في أي وقت. إساءة الصور على الإنترنت."),
        article("other", "Other", "Nothing in Arabic."),
    )
    for query in (
        "المساعدة",  # without tashkeel
        "مساعدة",  # without the article
        "المساعده",  # ha for ta marbuta
        "مُساعدة",  # with a damma
        "اساءة",  # bare alef for alef with hamza below
        "علي",  # ya for alef maqsura
        "الانترنت",  # bare alef
        "الدعـــم",  # tatweel
    ):
        assert found(idx, query) == ["musaada"], query


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("경찰에", "경찰"),  # to the police
        ("증거를", "증거"),  # evidence, as an object: 를 after a vowel
        ("경찰을", "경찰"),  # 을 after a consonant
        ("상담사와", "상담사"),
        ("플랫폼에서", "플랫폼"),
        ("증거", None),
        ("아이", None),  # a child: 이 only follows a syllable ending in a consonant, and 아 does not
        ("경찰를", None),  # 를 never follows a consonant
        ("회의", None),  # a meeting: a one-syllable particle is taken only off three syllables or more
        ("police", None),
    ],
)
def test_korean_particles(word: str, stem: str | None) -> None:
    assert _without_particle(word) == stem


def test_korean_words_match_with_their_particles_and_endings() -> None:
    idx = index(
        article("police", "경찰에 신고하기", "증거를 먼저 저장하세요. 경찰과 이야기할 수 있어요.", summary="신고하는 방법."),
        article("screens", "화면 캡처 (스크린숏)", "웹 주소를 적어 두세요."),
        article("other", "상담 전화", "언제든 전화하세요."),
    )
    # A finished word (typing=False, or followed by a space) still finds the word with a particle or
    # an ending written onto it.
    for query in ("경찰", "경찰 ", "경찰에", "경찰을", "증거", "증거는 ", "신고", "신고 ", "경찰에 신고"):
        assert found(idx, query) == ["police"], query
        assert idx.search(query, typing=False).total == 1, query
    assert found(idx, "전화") == ["other"]
    # One jamo wrong: 샷 for 숏 (ㅑ for ㅛ), and a letter missing (스크린숏 typed 스크린쇼).
    assert found(idx, "스크린샷") == ["screens"]
    assert found(idx, "스크린샷 ") == ["screens"]
    assert found(idx, "스크린쇼 ") == ["screens"]
    assert found(idx, "없는말") == []
    hit = idx.search("증거는 ").top
    assert hit is not None and "증거를" in hit.snippet  # the snippet finds the word under its other particle


# --- ranking ---------------------------------------------------------------------------------


def test_title_match_ranks_above_body_match() -> None:
    idx = index(
        article("body", "Looking after yourself", "You can call a helpline when it feels heavy."),
        article("title", "Helplines", "Services you can call."),
        article("none", "Saving proof", "Take screenshots."),
    )
    assert found(idx, "helpline") == ["title", "body"]


def test_title_starting_with_query_comes_first() -> None:
    idx = index(
        article("mentions", "How hashing helps", "Hashing makes a fingerprint. Hashing again and again."),
        article("starts", "Hashing", "A fingerprint."),
    )
    assert found(idx, "hashing")[0] == "starts"


def test_rare_word_outweighs_common_word() -> None:
    items = [article(f"common-{n}", f"Guide {n}", "report report report") for n in range(10)]
    items.append(article("rare", "Guide rare", "report once, about stopncii"))
    idx = index(*items)
    assert found(idx, "report stopncii") == ["rare"]  # every word must match
    assert found(idx, "stopncii") == ["rare"]


def test_while_typing_the_last_word_is_a_prefix() -> None:
    idx = index(article("removal", "Removal", "Ask the site to remove it."), article("report", "Report", "Tell the site's owner."))
    assert found(idx, "rem") == ["removal"]
    assert set(found(idx, "the si")) == {"removal", "report"}
    # A finished word (typing=False or a trailing space) is not a prefix.
    assert idx.search("rem", typing=False).total == 0
    assert idx.search("rem ").total == 0
    # A single letter being typed is not searched yet (as a prefix it would match nearly
    # everything, as a word only "s" of "it's" and the like); after other words, their results stay.
    assert idx.search("r").total == 0
    assert idx.search("s").total == 0
    assert found(idx, "s ") == ["report"]  # a finished word: "site's" has "s" as a word of its own
    assert found(idx, "the site r") == found(idx, "the site") == ["report", "removal"]
    assert found(idx, "the site ow") == ["report"]


def test_typo_tolerance() -> None:
    idx = index(article("helpline", "Helpline", "Call someone."), article("other", "Evidence", "Screenshots."))
    for typo in ("helpline", "helpilne", "hlepline", "helpine", "helpliine", "helpkine"):
        assert found(idx, typo) == ["helpline"], typo
    assert found(idx, "xyzzy") == []
    assert found(idx, "hlp") == []  # short words must match as typed


def test_grouped_by_kind_best_group_first_and_top() -> None:
    idx = index(
        organization("stopncii", "StopNCII.org", "Makes a hash of an image."),
        term("hash", "Hash", "A digital fingerprint of an image."),
        article("hashing", "Stopping an image being shared again", "A hash is made on your device."),
    )
    results = idx.search("hash")
    assert results.groups[0].kind is Kind.GLOSSARY
    assert {g.kind for g in results.groups} == {Kind.GLOSSARY, Kind.ORGANIZATION, Kind.ARTICLE}
    assert results.top is not None and results.top.id == "hash"
    assert results.top.link == "navigator://glossary/hash"
    assert results.total == 3


def test_the_cache_of_matches_is_bounded_by_matches_not_only_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "_CACHE_MATCHES", 25)
    idx = index(*(article(f"a{n}", f"Guide {n}", "Help, report and remove." + (" Police." if n < 3 else "")) for n in range(20)))
    first = idx.search("help remove")
    assert first.total == 20
    assert idx._cached == 20  # "help" (20) went to make room for "remove" (20); one word is always kept
    assert list(idx._cache) == [("remove", True)]
    assert idx.search("police").total == 3
    assert idx._cached == 23 and len(idx._cache) == 2
    assert idx.search("help remove").hits() == first.hits()  # looked up again, the same
    assert idx._cached == sum(len(found) for found in idx._cache.values())


def test_per_kind_limit_keeps_total() -> None:
    idx = index(*(article(f"guide-{n}", f"Guide {n}", "Help is here.") for n in range(12)))
    results = idx.search("help", per_kind=5)
    assert len(results.groups[0].hits) == 5
    assert results.groups[0].total == 12


def test_english_fallback_items_are_searchable_and_marked() -> None:
    idx = index(article("guia", "Guía", "Ayuda."), article("guide", "Guide", "Help."), english=frozenset({"guide"}))
    hit = idx.search("guide").top
    assert hit is not None and hit.id == "guide" and hit.english
    hit = idx.search("guia").top
    assert hit is not None and not hit.english


def test_empty_query() -> None:
    idx = index(article("a", "A", "B."))
    assert idx.search("").groups == []
    assert idx.search("  ¿? ").top is None


# --- snippets --------------------------------------------------------------------------------


def test_snippet_around_the_match_keeps_original_text() -> None:
    body = "Primero. " + "Palabras de relleno. " * 20 + "Llama a la línea de AYUDA cuando quieras. " + "Más relleno. " * 20
    text = snippet([body], words("ayuda"), width=80)
    assert "AYUDA" in text
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 82


def test_snippet_maps_positions_when_folding_changes_length() -> None:
    body = "الْمُسَاعَدَةُ " * 30 + "كلمة نادرة هنا " + "نص " * 30
    text = snippet([body], words("نادرة"), width=40)
    assert "نادرة" in text


def test_snippet_falls_back_to_the_start() -> None:
    assert snippet(["Short summary.", "Body."], ["absent"]) == "Short summary."


# --- over a real locale view -----------------------------------------------------------------


def test_from_view_indexes_every_item() -> None:
    content, _ = load_content(FIXTURES / "directory")
    view, _ = localize(content, "en")
    idx = SearchIndex.from_view(view)
    assert len(idx) == len(content.entries)
    assert found(idx, "ecoute") == ["ligne-ecoute"]
    assert found(idx, "screenshot")[:1] == ["screenshot"]  # the glossary term's title beats the guide's body
