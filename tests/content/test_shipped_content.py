"""The shipped content tree itself: clean, sourced, dated, and every number and address backed."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from navigator.core.loader import Content, load_content
from navigator.core.models import Kind, Law, Organization, Platform
from navigator.core.translation import iter_texts, text_tree
from navigator.paths import content_root

PHONE_RE = re.compile(r"(?<![\w/.-])(?:\+?\d[\d .()-]{6,}\d)(?![\w/-])")
CITATION_BEFORE = re.compile(
    r"(§+|\bs\.|\bss\.|\bsec(tion)?s?\.?|\b[HSA]\.?\s?[BFR]\.|\bbill|\bcode|\bstat\.?|\bch\.|\bart(icle)?s?\.?|\bno\.|\blaw|\bact)\s*\(?\s*$",
    re.I,
)
URL_RE = re.compile(r"https://[^\s)>\]\"']+")


@pytest.fixture(scope="module")
def content() -> Content:
    loaded, report = load_content(content_root())
    assert report.ok, "\n".join(str(p) for p in report.errors)
    return loaded


def test_shipped_tree_passes_check(content: Content) -> None:
    assert len(content.entries) > 0


@pytest.mark.parametrize("kind", [Kind.LAW, Kind.ORGANIZATION, Kind.PLATFORM])
def test_every_fact_item_has_sources_and_review_date(content: Content, kind: Kind) -> None:
    items = content.items(kind)
    assert items, f"no {kind.value} items shipped"
    for item in items:
        assert item.sources and all(s.url.startswith("https://") for s in item.sources), item.id
        assert item.reviewed.year >= 2024, item.id


def test_laws_say_when_their_status_was_true(content: Content) -> None:
    for law in content.items(Kind.LAW):
        assert isinstance(law, Law)
        if law.status_date is None:
            assert any(u.field == "status_date" for u in law.unverified), law.id
        else:
            assert law.status_date <= law.reviewed, law.id


def _hosts(urls: set[str]) -> set[str]:
    return {urlparse(u).hostname or "" for u in urls}


def test_every_url_in_text_is_backed_by_the_items_sources(content: Content) -> None:
    unbacked = []
    for entry in content.entries.values():
        item = entry.item
        hosts = _hosts(item.source_urls())
        urls = {m.group(0).rstrip(".,;") for _, text in iter_texts(text_tree(item)) for m in URL_RE.finditer(text)}
        if isinstance(item, Platform):
            urls |= {r.url for r in item.routes if r.url}
        # An organization's contact addresses are checked by the loader instead: each names the
        # page it was read on (often an official page or a news report naming the service's site).
        for url in urls:
            if urlparse(url).hostname not in hosts:
                unbacked.append(f"{entry.path}: {url} (sources: {sorted(hosts)})")
    assert not unbacked, "\n".join(unbacked)


def test_every_phone_number_in_text_is_a_sourced_contact(content: Content) -> None:
    """A number written in prose must be one some organization lists, with its source."""
    known = set()
    for item in content.items(Kind.ORGANIZATION):
        assert isinstance(item, Organization)
        known |= {re.sub(r"\D", "", c.value) for c in item.contacts if c.kind in ("phone", "text", "tty")}
    stray = []
    for entry in content.entries.values():
        for _, text in iter_texts(text_tree(entry.item)):
            for match in PHONE_RE.finditer(text):
                if CITATION_BEFORE.search(text[max(0, match.start() - 16) : match.start()]) or re.search(
                    r"\(\s*(19|20)\d\d", match.group(0)
                ):
                    continue  # a statute, bill or section number (H.B. 353, s. 2917.211), or a year in brackets
                digits = re.sub(r"\D", "", match.group(0))
                if len(digits) >= 7 and not re.fullmatch(r"(19|20)\d{2}(\d{2})?(\d{2})?", digits) and digits not in known:
                    stray.append(f"{entry.path}: {match.group(0)}")
    assert not stray, "\n".join(stray)
