"""The loader: every kind of broken content gives a clear file:line message, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator.core.loader import load_content
from tests.conftest import FIXTURES

GOOD = FIXTURES / "good"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(GOOD, root)
    return root


def messages(root: Path, only: str = "") -> list[str]:
    """Error lines, optionally only those about one file."""
    _, report = load_content(root)
    return [str(p) for p in report.errors if p.path.endswith(only)]


def test_fixture_tree_is_clean(tree: Path) -> None:
    content, report = load_content(tree)
    assert report.ok, [str(p) for p in report.problems]
    assert len(content.entries) == 5


def test_malformed_yaml_names_file_and_line(tree: Path) -> None:
    path = tree / "en/glossary/url.yaml"
    path.write_text("id: url\nterm: [unclosed\ndefinition: x\n")
    errors = messages(tree, "url.yaml")
    assert len(errors) == 1
    assert errors[0].startswith("content/en/glossary/url.yaml:3: not valid YAML")


def test_wrong_type(tree: Path) -> None:
    path = tree / "en/laws/example-law.yaml"
    path.write_text(path.read_text().replace("status_date: 2024-01-31", "status_date: last spring"))
    errors = messages(tree)
    assert any(e.startswith("content/en/laws/example-law.yaml:9: status_date: must be a date like 2026-11-26") for e in errors), errors


def test_unknown_field(tree: Path) -> None:
    path = tree / "en/glossary/url.yaml"
    path.write_text(path.read_text() + "colour: blue\n")
    errors = messages(tree, "url.yaml")
    assert errors == ["content/en/glossary/url.yaml:7: colour: is not a known field (check the spelling; see navigator/core/models.py)"]


def test_duplicate_id(tree: Path) -> None:
    copy = tree / "en/glossary/url-copy.yaml"
    copy.write_text((tree / "en/glossary/url.yaml").read_text())
    errors = messages(tree)
    assert "content/en/glossary/url-copy.yaml:1: id: 'url' must match the file name 'url-copy'" in errors
    # files load in name order, so the second one read is the one reported
    assert "content/en/glossary/url.yaml:1: id: 'url' is already used by content/en/glossary/url-copy.yaml" in errors


def test_dangling_reference_in_field_and_in_text(tree: Path) -> None:
    (tree / "en/glossary/url.yaml").unlink()
    errors = messages(tree)
    assert "content/en/articles/first-steps.md:12: body: link navigator://glossary/url points at no item" in errors


def test_dangling_related(tree: Path) -> None:
    (tree / "en/articles/first-steps.md").unlink()
    errors = messages(tree)
    assert errors == ["content/en/organizations/helpline.yaml:25: related[0]: link navigator://article/first-steps points at no item"]


def test_http_url_is_refused(tree: Path) -> None:
    path = tree / "en/glossary/url.yaml"
    path.write_text(path.read_text().replace("https://example.org/glossary", "http://example.org/glossary"))
    errors = messages(tree, "url.yaml")
    assert errors == [
        "content/en/glossary/url.yaml:4: sources[0].url: 'http://example.org/glossary' is not an https:// address (rule: plain-link)"
    ]


def test_missing_reviewed_date(tree: Path) -> None:
    path = tree / "en/glossary/url.yaml"
    path.write_text(path.read_text().replace("reviewed: 2026-11-26\n", ""))
    errors = messages(tree, "url.yaml")
    assert errors == ["content/en/glossary/url.yaml:1: reviewed: is required but missing"]


def test_contact_source_must_be_listed(tree: Path) -> None:
    path = tree / "en/organizations/helpline.yaml"
    path.write_text(path.read_text().replace("    source: https://example.org/contact", "    source: https://example.org/elsewhere"))
    errors = messages(tree)
    assert errors == [
        "content/en/organizations/helpline.yaml:16: contacts[0].source: https://example.org/elsewhere is not listed in this item's sources"
    ]


def test_all_errors_are_collected_not_just_the_first(tree: Path) -> None:
    (tree / "en/glossary/url.yaml").write_text("id: url\n")
    path = tree / "en/laws/example-law.yaml"
    path.write_text(path.read_text().replace("kind: criminal", "kind: scary"))
    errors = messages(tree)
    files = {e.split(":")[0] for e in errors}
    assert files == {"content/en/glossary/url.yaml", "content/en/laws/example-law.yaml", "content/en/articles/first-steps.md"}


def test_broken_file_leaves_the_rest_loaded(tree: Path) -> None:
    (tree / "en/glossary/url.yaml").write_text(": : :\n")
    content, report = load_content(tree)
    assert not report.ok
    assert {k.value for k, _ in content.entries} == {"article", "organization", "law", "place"}


def test_not_utf8(tree: Path) -> None:
    (tree / "en/glossary/url.yaml").write_bytes(b"id: url\nterm: caf\xe9\n")
    errors = messages(tree)
    assert errors[0].startswith("content/en/glossary/url.yaml: is not UTF-8 text")


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    """Nine levels of nine aliases would expand to 9**9 values ("billion laughs"): refused at once."""
    import time

    from navigator.core.yamlfile import ContentSyntaxError, parse_yaml

    lines = ["a0: &a0 [" + ", ".join(["x"] * 9) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    started = time.perf_counter()
    with pytest.raises(ContentSyntaxError) as caught:
        parse_yaml("\n".join(lines))
    assert time.perf_counter() - started < 1.0
    assert "aliases" in str(caught.value)
    assert caught.value.line is not None


def test_a_plain_alias_is_still_allowed():
    from navigator.core.yamlfile import parse_yaml

    assert parse_yaml("a: &x [1, 2]\nb: *x\n").data == {"a": [1, 2], "b": [1, 2]}


def test_an_oversized_file_is_refused():
    from navigator.core.yamlfile import MAX_FILE_BYTES, ContentSyntaxError, parse_yaml

    with pytest.raises(ContentSyntaxError, match="too large"):
        parse_yaml("a: " + "x" * MAX_FILE_BYTES)


def test_an_items_fingerprint_is_kept_until_the_item_is_replaced():
    from navigator.core import translation
    from navigator.core.loader import Entry, load_content
    from navigator.core.models import Kind
    from navigator.paths import content_root

    content, _ = load_content(content_root())
    entry = content.entries[(Kind.GLOSSARY, "deepfake")]
    assert content.fingerprint(Kind.GLOSSARY, "deepfake") == translation.english_hash(entry.item)
    changed = entry.item.model_copy(update={"definition": entry.item.definition + " More."})
    content.entries[(Kind.GLOSSARY, "deepfake")] = Entry(entry.kind, changed, entry.path, entry.parsed)
    assert content.fingerprint(Kind.GLOSSARY, "deepfake") == translation.english_hash(changed) != translation.english_hash(entry.item)
