"""navigator.core.render: content becomes Markdown whose only formatting is ours.

Words from content (and from translators) are data: ``escape`` makes sure no character in them
becomes a link, a heading, emphasis or HTML when the reader renders the page.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from navigator.core.loader import load_content
from navigator.core.marks import isolate
from navigator.core.models import GlossaryTerm, Kind
from navigator.core.render import escape, plain_text, status_label, to_markdown
from tests.conftest import FIXTURES


def same(text: str) -> str:
    return text


def iso(day: date) -> str:
    return day.isoformat()


@pytest.mark.parametrize(
    "text",
    [
        "[click here](javascript:alert(1))",
        "<b>bold</b> <img src=x onerror=alert(1)>",
        "**not bold** _not em_ `not code`",
        "# not a heading",
        "a | table | row",
        r"a \ backslash",
    ],
)
def test_escape_leaves_no_markdown_active(text: str) -> None:
    """Every character Markdown could act on comes out behind a backslash, which makes it a plain character."""
    bare = re.sub(r"\\.", "", escape(text))
    assert not set(bare) & set("[]<>*_`#|\\")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a &#x202E; b", "a \\&\\#x202E; b"),  # a character reference: an invisible override once decoded
        ("![x](/home/me/photo.png)", "\\!\\[x\\](/home/me/photo.png)"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("- item\n+ item\n1. item\n2) item\n===", "\\- item\n\\+ item\n1\\. item\n2\\) item\n\\==="),
        ("x\n\n    code block", "x\n\ncode block"),
        (
            "see https://evil.example or www.evil.example or me@evil.example",
            "see https\\://evil.example or www\\.evil.example or me\\@evil.example",
        ),
        ("Mon–Fri 9-5 (EST): call 1-800", "Mon–Fri 9-5 (EST): call 1-800"),  # ordinary words stay as they are
    ],
)
def test_escape_covers_blocks_references_and_autolinks(text: str, escaped: str) -> None:
    """Beyond the characters above: what starts a block at a line's start, what a character
    reference or GitHub's automatic links would make of data (tests/ui/test_reader.py shows Qt
    rendering escaped text as exactly its words)."""
    assert escape(text) == escaped


def test_escape_then_plain_text_gives_the_words_back() -> None:
    text = "Call [us](at) <once> #1 | 2 & www.x.org: a@b.c ~ !"
    assert plain_text(escape(text)) == text


def test_an_item_with_markup_in_its_words_renders_it_as_words() -> None:
    term = GlossaryTerm(
        id="url",
        reviewed=date(2026, 11, 26),
        sources=[{"url": "https://example.org/glossary"}],
        term="[Click](https://evil.example)",
        definition="<script>alert(1)</script> **loud**",
    )
    markdown = to_markdown(term, same, iso)
    assert markdown.startswith("# \\[Click\\](https\\://evil.example)")
    assert "\\<script\\>" in markdown and "\\*\\*loud\\*\\*" in markdown
    assert "](https://example.org/glossary)" in markdown  # our own link to the source stays a link


def test_every_fixture_item_renders_with_its_title_and_sources() -> None:
    content, report = load_content(FIXTURES / "good")
    assert report.ok
    for kind in (Kind.ARTICLE, Kind.ORGANIZATION, Kind.LAW, Kind.GLOSSARY):
        for item in content.items(kind):
            markdown = to_markdown(item, same, iso, title_of=lambda link: "A linked page")
            assert markdown.startswith("# ")
            assert "Sources" in markdown
    helpline = content.get(Kind.ORGANIZATION, "helpline")
    assert helpline is not None
    markdown = to_markdown(helpline, same, iso, title_of=lambda link: "First steps")
    assert "[First steps](navigator://article/first-steps)" in markdown  # "See also", by title
    assert isolate("Phone") in markdown


def test_labels_come_from_the_callers_gettext() -> None:
    assert status_label("in_force", str.upper) == "IN FORCE"
    assert status_label("something-new", str.upper) == "something-new"
    assert isolate("800.656.HOPE") == "\u2068800.656.HOPE\u2069"
