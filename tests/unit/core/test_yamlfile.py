"""navigator.core.yamlfile: content files read safely, with the line of every value for the report."""

from __future__ import annotations

import pytest

from navigator.core.yamlfile import ContentSyntaxError, parse_markdown, parse_yaml


def test_every_key_and_list_entry_knows_its_line() -> None:
    parsed = parse_yaml("id: x\nsources:\n  - url: https://example.org\n    title: A page\nterm: X\n")
    assert parsed.data == {"id": "x", "sources": [{"url": "https://example.org", "title": "A page"}], "term": "X"}
    assert parsed.lines[("id",)] == 1
    assert parsed.lines[("sources", 0)] == 3
    assert parsed.lines[("sources", 0, "title")] == 4
    assert parsed.lines[("term",)] == 5


def test_a_missing_field_points_at_its_parent() -> None:
    parsed = parse_yaml("sources:\n  - url: https://example.org\n")
    assert parsed.line_of(("sources", 0, "source_date")) == 2
    assert parsed.line_of(("nowhere",)) == 1  # the file itself


def test_a_syntax_error_says_where() -> None:
    with pytest.raises(ContentSyntaxError) as caught:
        parse_yaml("id: x\nterm: [unclosed\n")
    assert caught.value.line is not None and caught.value.line >= 2


def test_only_plain_data_is_built_never_python_objects() -> None:
    with pytest.raises(ContentSyntaxError):
        parse_yaml("x: !!python/object/apply:os.system ['echo hacked']\n")


def test_markdown_front_matter_and_body_with_lines() -> None:
    parsed = parse_markdown("---\nid: first\ntitle: First\n---\n\n# Heading\n\nText.\n")
    assert parsed.data == {"id": "first", "title": "First", "body": "# Heading\n\nText."}
    assert parsed.lines[("title",)] == 3
    assert parsed.lines[("body",)] == 6


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("id: first\n", "must start with '---'"),
        ("---\nid: first\n", "no closing '---'"),
        ("---\nid: first\nbody: here\n---\ntext\n", "belongs after the front matter"),
    ],
)
def test_markdown_mistakes_are_explained(text: str, words: str) -> None:
    with pytest.raises(ContentSyntaxError, match=words):
        parse_markdown(text)
