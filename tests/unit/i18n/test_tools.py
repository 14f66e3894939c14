"""``navigator i18n``: scaffold, refresh, status, new and extract, on small copies of the trees."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from navigator import i18n
from navigator.core import translation
from navigator.core.loader import load_content
from navigator.core.localize import localize
from navigator.core.models import Kind
from navigator.core.yamlfile import parse_markdown, parse_yaml
from navigator.i18n.tools import ToolError, extract, new_locale, parse_ref, scaffold, scaffold_text, set_fingerprint, status, write_catalog
from navigator.paths import content_root
from tests.conftest import FIXTURES, REPO


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    return root


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    root = tmp_path / "locales"
    root.mkdir()
    shutil.copy(REPO / "locales" / "navigator.pot", root / "navigator.pot")
    yield root
    i18n.clear_cache()


def test_scaffold_of_every_shipped_item_reads_back_as_a_complete_draft() -> None:
    """For every English item: the file has the English words in the right shape and loads cleanly."""
    content, report = load_content(content_root())
    assert report.ok
    for entry in content.entries.values():
        text = scaffold_text(entry.item, entry.path, "es")
        parsed = parse_markdown(text) if entry.path.endswith(".md") else parse_yaml(text)
        data = parsed.data
        assert data["id"] == entry.item.id
        assert data["translated_from"] == translation.english_hash(entry.item)
        assert data["status"] == "draft"
        merged, result = translation.overlay(entry.item, data)
        assert result.problems == [], (entry.path, result.problems)
        assert result.translated == result.total, entry.path
        assert type(entry.item).model_validate(merged) == entry.item, entry.path


def test_scaffolded_file_loads_and_counts_as_not_yet_translated(tree: Path, locales: Path) -> None:
    written = scaffold(tree, "es", ["organization/helpline", "navigator://article/first-steps"])
    assert [p.relative_to(tree).as_posix() for p in written] == ["es/organizations/helpline.yaml", "es/articles/first-steps.md"]
    content, _ = load_content(tree)
    view, report = localize(content, "es")
    assert report.ok, [str(p) for p in report.problems]
    assert view.state(Kind.ORGANIZATION, "helpline").state == "translated"
    row = status(locales, tree, "es")[0]
    # Still only English words: honest counting says 0 translated, 2 copies waiting for words.
    assert row.content_done == 0
    assert [r.item_id for r in row.untranslated_copies] == ["first-steps", "helpline"]


def test_a_name_spelled_the_same_is_a_translation_when_the_translator_says_so(tree: Path, locales: Path) -> None:
    """A country called "Chile" in Spanish too: ``same_words: true`` makes the copy a translation,
    in the status count and on screen (no "shown in English" mark); a wrong value is refused."""
    from navigator.ui.language_notes import effective_state

    path = scaffold(tree, "es", ["organization/helpline"])[0]
    marked = path.read_text(encoding="utf-8").replace("status: draft", "status: draft\nsame_words: true")
    path.write_text(marked, encoding="utf-8")
    content, _ = load_content(tree)
    view, report = localize(content, "es")
    assert report.ok, [str(p) for p in report.problems]
    assert view.state(Kind.ORGANIZATION, "helpline").same_words
    row = status(locales, tree, "es")[0]
    assert row.untranslated_copies == []
    assert row.content_done == 1

    class _Library:  # what effective_state reads of a library
        def state(self, kind: Kind, item_id: str):  # type: ignore[no-untyped-def]
            return view.state(kind, item_id)

        def get(self, kind: Kind, item_id: str):  # type: ignore[no-untyped-def]
            return view.get(kind, item_id)

        def english_item(self, kind: Kind, item_id: str):  # type: ignore[no-untyped-def]
            return content.get(kind, item_id)

    assert not effective_state(_Library(), Kind.ORGANIZATION, "helpline").shows_english  # type: ignore[arg-type]

    path.write_text(marked.replace("same_words: true", "same_words: maybe"), encoding="utf-8")
    content, _ = load_content(tree)
    view, report = localize(content, "es")
    assert [p.field for p in report.problems] == ["same_words"]
    assert view.state(Kind.ORGANIZATION, "helpline").state == "rejected"


def test_scaffold_comments_name_list_entries_by_their_structure(tree: Path) -> None:
    text = (scaffold(tree, "fr", ["organizations/helpline"])[0]).read_text(encoding="utf-8")
    assert "status: draft" in text
    assert "  - {}  # phone: 0300 000 0000" in text  # the contact list entry says which contact it is
    # The number is structure: it appears only in that comment, never as a value to edit.
    assert [line for line in text.splitlines() if "0300" in line] == ["  - {}  # phone: 0300 000 0000"]
    assert "hours" not in text  # no words there, so nothing to show


def test_scaffold_never_overwrites_by_accident(tree: Path) -> None:
    scaffold(tree, "es", ["glossary/url"])
    path = tree / "es/glossary/url.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("term: URL", "term: Dirección web"), encoding="utf-8")
    with pytest.raises(ToolError, match="already exists"):
        scaffold(tree, "es", ["glossary/url"])
    assert scaffold(tree, "es", [], every=True)  # --all skips it and writes the others
    assert "Dirección web" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "ref",
    ["organization/helpline", "organizations/helpline", "navigator://organization/helpline", "content/en/organizations/helpline.yaml"],
)
def test_parse_ref_accepts_the_usual_ways_to_name_an_item(ref: str) -> None:
    assert parse_ref(ref) == (Kind.ORGANIZATION, "helpline")


def test_parse_ref_explains_a_bad_name() -> None:
    with pytest.raises(ToolError, match="kind/id"):
        parse_ref("helpline")


def test_set_fingerprint_rewrites_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text(
        "---\n# note\nid: x\ntranslated_from: 'aaaaaaaaaaaa'  # old\nstatus: draft\n---\n\ntranslated_from: body text\n", encoding="utf-8"
    )
    set_fingerprint(path, "bbbbbbbbbbbb")
    assert (
        path.read_text(encoding="utf-8")
        == '---\n# note\nid: x\ntranslated_from: "bbbbbbbbbbbb"\nstatus: draft\n---\n\ntranslated_from: body text\n'
    )


def german(tree: Path, locales: Path) -> int:
    """A German catalog with one good and one broken entry, and content files in three states; returns the number of strings."""
    new_locale("de", locales, tree)
    po = i18n.po_path("de", locales)
    catalog = i18n.read_catalog(po, "de")
    total = sum(1 for m in catalog if m.id)
    catalog.get("Home").string = "Startseite"  # type: ignore[union-attr]
    catalog.get("Back").string = "Zurück {oops}"  # type: ignore[union-attr]  # a broken entry does not count
    write_catalog(po, catalog)
    content, _ = load_content(tree)
    url = content.get(Kind.GLOSSARY, "url")
    assert url is not None
    (tree / "de/glossary/url.yaml").write_text(
        f"id: url\ntranslated_from: {translation.english_hash(url)}\nstatus: reviewed\nterm: Webadresse\n", encoding="utf-8"
    )
    (tree / "de/organizations/helpline.yaml").write_text(
        "id: helpline\ntranslated_from: aaaaaaaaaaaa\nstatus: draft\nname: Hilfe\n", encoding="utf-8"
    )
    (tree / "de/laws/example-law.yaml").write_text(
        "id: example-law\ntranslated_from: x\nstatus: draft\ncitation: Gesetz 1\n", encoding="utf-8"
    )
    return total


def test_status_counts_interface_and_content(tree: Path, locales: Path) -> None:
    total = german(tree, locales)
    row = status(locales, tree, "de")[0]
    assert (row.ui_done, row.ui_total, row.ui_review) == (1, total, "draft")
    assert [p.msgid for p in row.ui_problems] == ["Back"]
    assert (row.content_done, row.content_total, row.content_reviewed) == (2, 5, 1)
    assert [(r.kind, r.item_id, r.path) for r in row.stale] == [(Kind.ORGANIZATION, "helpline", "content/de/organizations/helpline.yaml")]
    assert [r.item_id for r in row.rejected] == ["example-law"]
    assert row.content_percent == 40


def test_new_locale_makes_a_catalog_with_the_language_plural_rules(tree: Path, locales: Path) -> None:
    made = new_locale("pl", locales, tree)
    text = made[0].read_text(encoding="utf-8")
    assert "Language: pl" in text and "nplurals=3" in text
    assert "# Review: draft" in text
    assert (tree / "pl/articles/.gitkeep").is_file()
    with pytest.raises(ToolError, match="already exists"):
        new_locale("pl", locales, tree)
    with pytest.raises(ToolError, match="not a language code"):
        new_locale("xx-nonsense", locales, tree)


def test_extract_collects_marked_strings_and_keeps_translations(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "navigator/ui").mkdir(parents=True)
    (source / "navigator/core").mkdir(parents=True)
    shutil.copy(REPO / "babel.cfg", source / "babel.cfg")
    (source / "navigator/ui/page.py").write_text(
        'from navigator.i18n import N_, _, ngettext\n_("Hello")\nN_("Later")\nngettext("{count} cat", "{count} cats", 2)\n'
        'label("not-words", "heading")\n'
    )
    (source / "navigator/core/render.py").write_text('def f(label):\n    return label("Sources")\n')
    locales = source / "locales"
    locales.mkdir()
    assert extract(source, locales) == [str(locales / "navigator.pot")]
    new_locale("fr", locales, source / "content")
    po = i18n.po_path("fr", locales)
    po.write_text(po.read_text(encoding="utf-8").replace('msgid "Hello"\nmsgstr ""', 'msgid "Hello"\nmsgstr "Bonjour"'), encoding="utf-8")
    (source / "navigator/ui/page.py").write_text('from navigator.i18n import _\n_("Hello")\n_("New words")\n')
    out_of_date = extract(source, locales, check=True)
    assert any("1 new and 2 removed" in line for line in out_of_date), out_of_date
    assert "New words" not in i18n.pot_path(locales).read_text(encoding="utf-8")  # --check changes nothing
    extract(source, locales)
    catalog = i18n.read_catalog(po, "fr")
    ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}
    assert ids == {"Hello", "New words", "Sources"}
    assert catalog.get("Hello").string == "Bonjour"  # type: ignore[union-attr]
    assert extract(source, locales, check=True) == []
    # Nothing changed in the source: no file is rewritten (no date-stamp churn in git).
    for path in (i18n.pot_path(locales), po):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'"(POT-Creation-Date|PO-Revision-Date): [^"]*"', r'"\1: 2000-01-01 00:00+0000\\n"', text), encoding="utf-8")
    before = {path: path.read_bytes() for path in (i18n.pot_path(locales), po)}
    assert all(b"2000-01-01" in data for data in before.values())
    assert extract(source, locales) == []
    assert {path: path.read_bytes() for path in before} == before
