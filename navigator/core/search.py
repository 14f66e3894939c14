"""One search over everything the person can read in their language, fast enough to run on every keystroke.

The index holds the current locale's view of the content (translated items and the English items
shown in their place): titles, summaries, bodies, organization and platform names, glossary terms.
Text is *folded* the same way for the index and the query, so case and accents never matter:

- Latin scripts: case-folded, accents removed (``Ayuda`` = ``ayúda``, ``Été`` = ``ete``, ``œ`` = ``oe``).
- Arabic: short vowels and other marks (tashkeel) removed; ``أ إ آ ٱ`` → ``ا``; ``ة`` → ``ه``;
  ``ى`` → ``ي``; tatweel removed; Arabic-Indic digits → 0-9. Words that start with the article
  ``ال`` (or ``وال``, ``بال``, ``كال``, ``فال``, ``لل``) are also indexed without it.

- Korean: Hangul is left as it is (syllables, not split into letters, except to find typos).

Matching, for each word of the query (all words must match): the word itself; while typing, the
last word (two letters or more) as the start of a longer word, and a last word of one letter not
at all yet (the words before it give the results); and only when a word matches nothing at all,
words one edit away (a letter missing, extra, wrong or swapped), for words of four letters or more.

Korean writes a noun and its particle as one word (경찰에 "to the police", 증거를 "evidence" as an
object) and a verb as its stem and an ending (신고하기, 신고했어요), so a Korean word of the query
is always also the start of a longer word (from one syllable on, typing or not), and a query word
that ends in a particle is also looked for without it (경찰에 finds 경찰과 too). A typo in Hangul is
one letter (jamo) wrong, missing, extra or swapped, as typed on a Korean keyboard: 스크린샷 finds
스크린숏.

Ranking: a word in a title counts more than in a summary, which counts more than in a body; rare
words count more than common ones; a title that starts with the query comes first.

Speed: postings are compact arrays; each word's matches are cached, so while someone types only the
last word is looked up again (see benchmarks/).
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from navigator.core.models import Article, GlossaryTerm, Item, Kind, Law, NoticeTemplate, Organization, Pathway, Platform, display_title
from navigator.core.render import plain_text

# --- folding ---------------------------------------------------------------------------------

_ARABIC = {
    "\u0623": "\u0627",  # أ alef with hamza above
    "\u0625": "\u0627",  # إ alef with hamza below
    "\u0622": "\u0627",  # آ alef with madda
    "\u0671": "\u0627",  # ٱ alef wasla
    "\u0629": "\u0647",  # ة ta marbuta → ه
    "\u0649": "\u064a",  # ى alef maqsura → ي
    "\u0640": "",  # tatweel
    **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + n): str(n) for n in range(10)},  # Extended Arabic-Indic digits
}
# Letters that have no decomposition to fold through.
_LIGATURES = {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t"}
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "ال", "لل")


def _fold_char(char: str) -> str:
    if char in _ARABIC:
        return _ARABIC[char]
    if unicodedata.category(char) == "Cf":  # zero-width joiners, soft hyphens, direction marks
        return ""
    text = unicodedata.normalize("NFKD", char.casefold())
    # Drop accents and Arabic marks (combining class above 9); keep Indic viramas and nuktas (7, 9),
    # which change the letter rather than decorate it.
    text = "".join(c for c in text if unicodedata.combining(c) <= 9)
    text = "".join(_ARABIC.get(c, _LIGATURES.get(c, c)) for c in text)
    return unicodedata.normalize("NFC", text)


class _FoldTable(dict[int, str]):
    """``str.translate`` table that computes each character's folding once, then runs at C speed."""

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        return value


_TABLE = _FoldTable()
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Case-, accent- and (Arabic) mark-insensitive form of ``text``, for comparing words."""
    return text.translate(_TABLE)


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


_ARTICLE_FIRST = frozenset(a[0] for a in _ARABIC_ARTICLES)
_ARTICLE_START = re.compile(r"(?<![^\W_])(?:" + "|".join(_ARABIC_ARTICLES) + ")")  # a word that may start with one


def _without_article(word: str) -> str | None:
    """A folded Arabic word without its leading article (``ال`` and the like), if it has one."""
    if word[:1] in _ARTICLE_FIRST:
        for article in _ARABIC_ARTICLES:
            if word.startswith(article) and len(word) - len(article) >= 2:
                return word[len(article) :]
    return None


def _variants(word: str) -> list[str]:
    """Query forms of a folded word: itself, and without a leading Arabic article or a trailing Korean particle."""
    bare = _without_article(word) or _without_particle(word)
    return [word] if bare is None else [word, bare]


# --- Korean ----------------------------------------------------------------------------------

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3  # precomposed syllables
# Particles (josa) written onto the word before them, longest first. Some come in two forms, one
# after a syllable ending in a consonant (batchim), one after a vowel: 이/가, 은/는, 을/를, 과/와,
# 으로/로; the others follow either.
_AFTER_CONSONANT = ("으로", "이나", "이랑", "이", "은", "을", "과")
_AFTER_VOWEL = ("로", "나", "랑", "가", "는", "를", "와")
_AFTER_EITHER = ("에서는", "에게서", "에서", "에게", "한테", "까지", "부터", "처럼", "보다", "에는", "에도", "께서", "의", "에", "도", "만")


def is_hangul(char: str) -> bool:
    return _HANGUL_FIRST <= ord(char) <= _HANGUL_LAST


def _has_batchim(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침)."""
    return (ord(syllable) - _HANGUL_FIRST) % 28 != 0


def _without_particle(word: str) -> str | None:
    """A folded Korean word without its trailing particle, if it ends in one after at least one syllable."""
    if not word or not is_hangul(word[-1]):
        return None
    candidates = []
    for particle in _AFTER_EITHER:
        # A one-syllable particle that follows anything is only taken off a word of 3+ syllables
        # (회의 "meeting" is not 회 + 의).
        if word.endswith(particle) and len(word) - len(particle) >= (2 if len(particle) == 1 else 1):
            candidates.append(particle)
    for particles, consonant in ((_AFTER_CONSONANT, True), (_AFTER_VOWEL, False)):
        for particle in particles:
            stem = word[: -len(particle)]
            if word.endswith(particle) and stem and is_hangul(stem[-1]) and _has_batchim(stem[-1]) == consonant:
                candidates.append(particle)
    if not candidates:
        return None
    return word[: -len(max(candidates, key=len))]


def _is_korean(word: str) -> bool:
    return any(is_hangul(c) for c in word)


def _jamo_edits(word: str) -> set[str]:
    """Words one Hangul letter (jamo) away from ``word``: a syllable's letters, as typed on a Korean keyboard."""
    letters = _JAMO
    spelled = unicodedata.normalize("NFD", word)
    splits = [(spelled[:i], spelled[i:]) for i in range(len(spelled) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    found |= {a + c + b[1:] for a, b in splits if b for c in letters}
    found |= {a + c + b for a, b in splits for c in letters}
    normal = unicodedata.normalize
    return {normal("NFC", near) for near in found}


# Leading consonants, vowels and final consonants of modern Hangul.
_JAMO = "".join(chr(c) for c in (*range(0x1100, 0x1113), *range(0x1161, 0x1176), *range(0x11A8, 0x11C3)))


# --- documents -------------------------------------------------------------------------------

TITLE, SHORT, BODY = 8.0, 3.0, 1.0


@dataclass(frozen=True)
class Fields:
    """The words of one item, by how much they count."""

    title: str
    short: list[str]
    body: list[str]


def item_fields(item: Item) -> Fields:
    """What of ``item`` is searchable: every piece of text a reader sees, nothing structural."""
    title = display_title(item)
    short: list[str] = []
    body: list[str] = []
    if isinstance(item, Article):
        short = [item.summary]
        body = [plain_text(item.body)]
    elif isinstance(item, Organization):
        short = [item.summary, *item.services]
        for contact in item.contacts:
            body += [x for x in (contact.label, contact.note, contact.value) if x]
        body += [x for x in (item.confidentiality, item.hours.note if item.hours else None) if x]
    elif isinstance(item, Platform):
        short = [item.summary, *(route.label for route in item.routes)]
        body = [step for route in item.routes for step in route.steps]
        body += [
            *(p.text for p in item.prepare),
            *(p.text for p in item.if_it_fails),
            *([item.response_time] if item.response_time else []),
        ]
    elif isinstance(item, Law):
        title = f"{item.title} ({item.citation})" if item.citation else item.title
        short = [item.summary, *([item.status_note] if item.status_note else [])]
        body = [*item.for_you, *item.does_not]
    elif isinstance(item, GlossaryTerm):
        short = [item.definition]
    elif isinstance(item, NoticeTemplate):
        short = [item.summary]
        body = [*item.before_you_send, *(f.label for f in item.fields), *(f.help for f in item.fields if f.help)]
    elif isinstance(item, Pathway):
        short = [item.intro]
        body = [step.title for step in item.steps]
    return Fields(title=title, short=short, body=body)


def snippet_texts(parts: Fields) -> tuple[str, ...]:
    """Where an item's snippets come from: its summary first, then the rest (empty texts left out)."""
    return tuple(t for t in (*parts.short, *parts.body) if t)


@dataclass(frozen=True)
class _Doc:
    kind: Kind
    id: str
    title: str
    folded_title: str
    english: bool
    texts: tuple[str, ...]  # summary first, then the rest: where snippets come from


@dataclass(frozen=True)
class Hit:
    kind: Kind
    id: str
    title: str
    snippet: str
    score: float
    english: bool  # shown in English because it is not translated yet

    @property
    def link(self) -> str:
        return f"navigator://{self.kind.value}/{self.id}"


@dataclass(frozen=True)
class Group:
    kind: Kind
    hits: list[Hit]
    total: int


@dataclass(frozen=True)
class Results:
    query: str
    groups: list[Group] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(g.total for g in self.groups)

    @property
    def top(self) -> Hit | None:
        return self.groups[0].hits[0] if self.groups else None

    def hits(self) -> list[Hit]:
        return [hit for group in self.groups for hit in group.hits]


class View(Protocol):
    """What the index reads from a locale's view (``navigator.core.localize.Localized``)."""

    @property
    def items(self) -> Mapping[tuple[Kind, str], Item]: ...

    def state(self, kind: Kind, item_id: str) -> object: ...


# --- the index -------------------------------------------------------------------------------

_PREFIX_TERMS = 40  # at most this many completions of the word being typed, the most common ones
# Completions stop adding documents after this many postings: a two-letter start can match most
# of a large tree, and each further letter narrows it. Whole words are never cut short.
_PREFIX_BUDGET = 30_000
_MIN_PREFIX = 2  # a single letter being typed matches only itself as a word
_CACHE = 256  # words' matches kept, at most
# ... and at most this many matches in all (about 100 bytes each): at 100x a short start of a word
# matches most of the tree, and 256 such words held 116 MB after typing the benchmark's phrases.
_CACHE_MATCHES = 150_000


class _Weights(dict[int, float]):
    """A field's weight for a word found ``count`` times in it: ``weight`` once, more (logarithmically) if repeated."""

    def __init__(self, weight: float) -> None:
        super().__init__()
        self.weight = weight

    def __missing__(self, count: int) -> float:
        value = self.weight if count == 1 else self.weight * (1.0 + math.log(count))
        self[count] = value
        return value


_KIND_ORDER = {kind: n for n, kind in enumerate(Kind)}
_WEIGHTS = {weight: _Weights(weight) for weight in (TITLE, SHORT, BODY)}


def _field_scores(texts: list[str], table: _Weights, scores: dict[str, float] | None) -> dict[str, float]:
    """``scores`` with the words of one field of an item added (a new dict if ``scores`` is None)."""
    folded = fold(" ".join(texts)) if texts else ""
    counts = Counter(_WORD.findall(folded))
    if _ARTICLE_START.search(folded):
        # Arabic: each word counts for itself and again without its article, word by word.
        merged = {} if scores is None else scores
        for word, count in counts.items():
            value = table[count]
            merged[word] = merged.get(word, 0.0) + value
            bare = _without_article(word)
            if bare is not None:
                merged[bare] = merged.get(bare, 0.0) + value
        return merged
    weighted = dict(zip(counts, map(table.__getitem__, counts.values()), strict=True))
    if not scores:
        return weighted
    if len(weighted) > len(scores):
        # The earlier fields' sum comes first in each addition, as if added word by word.
        later_of = weighted.get
        for word, value in scores.items():
            later = later_of(word)
            weighted[word] = value if later is None else value + later
        return weighted
    earlier_of = scores.get
    for word, value in weighted.items():
        earlier = earlier_of(word)
        scores[word] = value if earlier is None else earlier + value
    return scores


Postings = Mapping[str, tuple[Sequence[int], Sequence[float]]]  # word -> (document numbers, weights)


class SearchIndex:
    """An inverted index over one locale's items. Build once per locale; query on every keystroke.

    An index compiled when the package was built (``core/search_compiled.py``) is this class with
    its documents and postings read from a file instead of built.
    """

    def __init__(self) -> None:
        self._docs: Sequence[_Doc] = []
        self._ranges: list[tuple[Kind, int, int]] = []  # each kind's document numbers: start, end
        self._titles: list[str] = []  # folded titles, by document number
        self._postings: Postings = {}
        self._vocab: list[str] = []
        self._alphabet: dict[int, str] = {}
        self._cache: OrderedDict[tuple[str, bool], dict[int, float]] = OrderedDict()
        self._cached = 0  # matches held in the cache

    # building

    @classmethod
    def build(cls, entries: Iterable[tuple[Kind, Item, bool]]) -> SearchIndex:
        """``entries``: (kind, item as the reader sees it, whether it is the English fallback)."""
        index = cls()
        # Compact arrays from the start (4 bytes a posting), not lists of Python numbers. The loop
        # runs once per word of each item (three million times at 100 times the shipped content),
        # so it does as little as it can in Python: a field's words are counted by Counter, and
        # weighted by the table look-ups in C (map, zip) unless the field has Arabic articles.
        postings: dict[str, tuple[array[int], array[float]]] = {}
        found_in = postings.get
        docs: list[_Doc] = []
        title_table, short_table, body_table = _WEIGHTS[TITLE], _WEIGHTS[SHORT], _WEIGHTS[BODY]
        for kind, item, english in sorted(entries, key=lambda entry: _KIND_ORDER[entry[0]]):  # kind by kind
            number = len(docs)
            parts = item_fields(item)
            shown = display_title(item)
            docs.append(_Doc(kind, item.id, shown, fold(shown), english, snippet_texts(parts)))
            # Title, then summary, then body, added in that order for each word (as the sums always were).
            scores = _field_scores([parts.title], title_table, None)
            scores = _field_scores(parts.short, short_table, scores)
            scores = _field_scores(parts.body, body_table, scores)
            for word, value in scores.items():
                found = found_in(word)
                if found is not None:
                    found[0].append(number)
                    found[1].append(value)
                else:
                    postings[word] = (array("I", (number,)), array("f", (value,)))
        index._docs = docs
        index._ranges = []
        for number, doc in enumerate(docs):
            if not index._ranges or index._ranges[-1][0] is not doc.kind:
                index._ranges.append((doc.kind, number, number + 1))
            else:
                index._ranges[-1] = (doc.kind, index._ranges[-1][1], number + 1)
        index._titles = [doc.folded_title for doc in index._docs]
        index._postings = postings
        index._vocab = sorted(index._postings)
        letters: dict[int, set[str]] = {}
        for word in index._vocab:
            for char in word:
                letters.setdefault(ord(char) >> 7, set()).add(char)
        index._alphabet = {block: "".join(sorted(chars)) for block, chars in letters.items()}
        return index

    @classmethod
    def from_view(cls, view: View) -> SearchIndex:
        entries = []
        for (kind, item_id), item in view.items.items():
            state = view.state(kind, item_id)
            entries.append((kind, item, bool(getattr(state, "shows_english", False))))
        return cls.build(entries)

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def vocabulary_size(self) -> int:
        return len(self._vocab)

    # matching one word

    def _idf(self, df: int) -> float:
        return math.log(1.0 + len(self._docs) / df)

    def _add(self, scores: dict[int, float], word: str, factor: float) -> int:
        """Merge ``word``'s documents into ``scores`` (keeping each document's best); returns postings read."""
        docs, weights = self._postings[word]
        boost = factor * self._idf(len(docs))
        if not scores:
            scores.update(zip(docs, (w * boost for w in weights), strict=True))
            return len(docs)
        get = scores.get
        for doc, weight in zip(docs, weights, strict=True):
            value = weight * boost
            if value > get(doc, 0.0):
                scores[doc] = value
        return len(docs)

    def _completions(self, prefix: str) -> list[str]:
        vocab = self._vocab
        found: list[str] = []
        for position in range(bisect_left(vocab, prefix), len(vocab)):
            word = vocab[position]
            if not word.startswith(prefix):
                break
            found.append(word)
        if len(found) > _PREFIX_TERMS:
            found = heapq.nlargest(_PREFIX_TERMS, found, key=lambda w: len(self._postings[w][0]))
        return found

    def _edits(self, word: str) -> set[str]:
        """Words one edit away from ``word``, using only letters of the scripts it is written in."""
        if _is_korean(word):
            found = _jamo_edits(word)
            found.discard(word)
            return found
        letters = "".join(sorted({c for ch in word for c in self._alphabet.get(ord(ch) >> 7, "")}))
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        found = {a + b[1:] for a, b in splits if b}
        found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        found |= {a + c + b[1:] for a, b in splits if b for c in letters}
        found |= {a + c + b for a, b in splits for c in letters}
        found.discard(word)
        return found

    def _word_scores(self, word: str, typing: bool) -> dict[int, float]:
        """Document -> score for one folded query word (cached: typing repeats the earlier words)."""
        key = (word, typing)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        scores: dict[int, float] = {}
        forms = _variants(word)
        korean = _is_korean(word)
        spent = 0
        for form in forms:
            if form in self._postings:
                self._add(scores, form, 1.0)
            if korean or (typing and len(form) >= _MIN_PREFIX):
                for completion in self._completions(form):
                    if completion == form:
                        continue
                    if spent + len(self._postings[completion][0]) > _PREFIX_BUDGET and spent:
                        break
                    spent += self._add(scores, completion, 0.6 + 0.3 * len(form) / len(completion))
        if not scores and len(unicodedata.normalize("NFD", word) if korean else word) >= 4:
            for near in self._edits(word):
                if near in self._postings:
                    self._add(scores, near, 0.5)
                elif (typing or korean) and len(near) >= len(word) and spent < _PREFIX_BUDGET:
                    for completion in self._completions(near)[:5]:
                        spent += self._add(scores, completion, 0.4)
        self._cache[key] = scores
        self._cached += len(scores)
        while len(self._cache) > 1 and (len(self._cache) > _CACHE or self._cached > _CACHE_MATCHES):
            self._cached -= len(self._cache.popitem(last=False)[1])  # the least recently used
        return scores

    # querying

    def search(self, query: str, per_kind: int = 5, typing: bool = True) -> Results:
        """Best matches for ``query``, grouped by kind, best group first.

        ``typing``: the query is being typed, so its last word may be unfinished (a trailing
        space says it is finished).
        """
        terms = words(query)
        unfinished = typing and not query[-1:].isspace()
        if unfinished and terms and len(terms[-1]) < _MIN_PREFIX and not _is_korean(terms[-1]):
            # One letter being typed is not enough to search ("Keep typing"); after other words it
            # leaves their results in place until it is two letters long. (As a word it matched
            # only itself: "s" of "it's", "a", which at 100x are in most items.)
            terms = terms[:-1]
        if not terms:
            return Results(query)
        per_word = [self._word_scores(term, unfinished and n == len(terms) - 1) for n, term in enumerate(terms)]
        per_word.sort(key=len)
        first, rest = per_word[0], per_word[1:]
        if not first:
            return Results(query)
        totals = first
        if rest:
            totals = {}
            for doc, score in first.items():
                for other in rest:
                    extra = other.get(doc)
                    if extra is None:
                        break
                    score += extra
                else:
                    totals[doc] = score
        phrase = " ".join(terms)
        shown = terms + [bare for term in terms if (bare := _without_particle(term))]  # what snippets look for
        # Documents are numbered kind by kind, so sorting the matches by number groups them by kind.
        # The loops below are comprehensions and C functions: at 100x a short start of a word
        # matches most of the tree.
        found = sorted(totals)
        titles = self._titles
        final = [
            (score * (3.0 if title.startswith(phrase) else 1.5) if phrase in title else score)
            for score, title in zip(map(totals.__getitem__, found), map(titles.__getitem__, found), strict=True)
        ]
        groups = []
        for kind, start, end in self._ranges:
            low = bisect_left(found, start)
            high = bisect_left(found, end, low)
            if low == high:
                continue
            best = heapq.nlargest(per_kind, zip(final[low:high], found[low:high], strict=True))
            hits = [self._hit(doc, score, shown) for score, doc in best]
            groups.append(Group(kind, hits, high - low))
        groups.sort(key=lambda g: (-g.hits[0].score, g.kind.value))
        return Results(query, groups)

    def _hit(self, number: int, score: float, terms: list[str]) -> Hit:
        doc = self._docs[number]
        return Hit(doc.kind, doc.id, doc.title, snippet(doc.texts, terms), score, doc.english)


# --- snippets --------------------------------------------------------------------------------

SNIPPET = 150


def _original_index(text: str, folded_pos: int) -> int:
    """Index in ``text`` of the character whose folding covers ``folded_pos`` in ``fold(text)``."""
    # Folding keeps most characters one for one: start there and correct by what was dropped or
    # added before it (a few steps), falling back to a binary search.
    k = min(folded_pos, len(text) - 1)
    for _step in range(8):
        before = len(fold(text[:k]))
        after = before + len(fold(text[k]))
        if before <= folded_pos < after:
            return k
        k = min(len(text) - 1, k + max(1, folded_pos - after + 1)) if folded_pos >= after else max(0, k - max(1, before - folded_pos))
    low, high = 0, len(text)
    while low < high:  # smallest k with len(fold(text[:k + 1])) > folded_pos
        middle = (low + high) // 2
        if len(fold(text[: middle + 1])) > folded_pos:
            high = middle
        else:
            low = middle + 1
    return low


def snippet(texts: tuple[str, ...] | list[str], terms: list[str], width: int = SNIPPET) -> str:
    """A short piece of the first text that contains a query word (or the start of the first text)."""
    if not texts:
        return ""
    pattern = (
        re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)) + ")") if terms else None
    )
    for text in texts:
        flat = " ".join(text.split())
        if pattern is None:
            break
        folded = fold(flat)
        found = pattern.search(folded)
        if found is None:
            continue
        at = found.start() if len(folded) == len(flat) else _original_index(flat, found.start())
        return _cut(flat, at, width)
    return _cut(" ".join(texts[0].split()), 0, width)


def _cut(text: str, at: int, width: int) -> str:
    if len(text) <= width:
        return text
    start = max(0, at - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > at else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
