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


ODD_YAML = [
    "a: 1\nb: 2.5\nc: true\nd: null\ne: 2026-11-26\nf: ~\ng: '007'\n",
    "base: &b {x: 1, y: [a, b]}\nother:\n  <<: *b\n  y: [c]\n",
    "1: one\ntrue: yes\n2026-01-01: day\n",
    "a: !!str 12\nb: !!int '12'\nc: !!set {x, y}\nd: !!omap [{k: v}]\n",
    "a: x\na: y\n",
    "- &r {id: r}\n- *r\n- [*r, [*r]]\n",
    "? [complex, key]\n: value\n",
    "plain text only\n",
    "",
    "a: |\n  two\n  lines\nb: >-\n  folded\n  text\n",
]


@pytest.mark.parametrize("text", ODD_YAML)
def test_data_is_what_the_safe_loader_builds(text: str) -> None:
    # Plain maps, lists and text are built while their lines are noted; the rest by the safe constructor.
    import yaml

    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        with pytest.raises(ContentSyntaxError):
            parse_yaml(text)
        return
    assert parse_yaml(text).data == expected


def test_every_shipped_file_reads_as_the_safe_loader_reads_it() -> None:
    import yaml

    from navigator.paths import content_root

    files = sorted(content_root().rglob("*.yaml"))
    assert len(files) > 1000
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert parse_yaml(text).data == yaml.safe_load(text), path


def test_lines_inside_a_merged_mapping_are_still_known() -> None:
    parsed = parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n")
    assert parsed.data == {"base": {"x": 1}, "other": {"x": 1, "y": 2}}
    assert parsed.lines[("other", "y")] == 4
    assert parsed.lines[("other",)] == 2


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "id: x\nb: &b {c: [1, *b]}\n"])
def test_an_alias_inside_the_value_it_names_is_refused_with_its_line(text: str) -> None:
    # It once ended in Python's RecursionError: a crash, not a problem the editor could read.
    with pytest.raises(ContentSyntaxError, match="never ends") as caught:
        parse_yaml(text)
    assert caught.value.line == text.count("\n")


@pytest.mark.parametrize("text", ["id: a\nreviewed: 2026-21-26\n", "---\nid: a\nreviewed: 2026-02-30\n---\nBody\n"])
def test_a_date_that_is_none_is_a_plain_syntax_error_with_its_line(text: str) -> None:
    # Found by tests/unit/core/test_loader_fuzz.py: PyYAML's date() raised a ValueError, which no one caught.
    with pytest.raises(ContentSyntaxError) as raised:
        parse_markdown(text) if text.startswith("---") else parse_yaml(text)
    assert raised.value.line == (3 if text.startswith("---") else 2) and "is not a real date" in str(raised.value)
