"""A locale's words over the English structure: fallback, staleness and the structure lock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator.core import translation
from navigator.core.loader import load_content
from navigator.core.localize import localize
from navigator.core.models import Kind
from tests.conftest import FIXTURES

PATHWAY = """\
id: start
reviewed: 2026-11-26
sources:
  - url: https://example.org/guide
title: Where to start
intro: A few questions.
questions:
  - id: where
    kind: single
    prompt: Where did you see it?
    options:
      - value: social
        label: On social media
      - value: search
        label: In search results
steps:
  - id: save
    category: evidence
    title: Save proof
    body: Take screenshots.
    when: {answer: where, is: social}
"""

PLATFORM = """\
id: example-site
reviewed: 2026-11-26
sources:
  - url: https://example.org/report
name: Example Site
category: social
summary: A made-up site.
routes:
  - id: form
    kind: web_form
    label: Report form
    steps:
      - Open the form.
    url: https://example.org/report
    source: https://example.org/report
prepare:
  - The link to the post.
on_behalf: unknown
stopncii: unknown
tida_covered: unknown
if_it_fails:
  - Ask a helpline.
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    (root / "en/pathways").mkdir()
    (root / "en/pathways/start.yaml").write_text(PATHWAY)
    (root / "en/platforms").mkdir()
    (root / "en/platforms/example-site.yaml").write_text(PLATFORM)
    return root


def fingerprint(root: Path, kind: Kind, item_id: str) -> str:
    content, report = load_content(root)
    assert report.ok, [str(p) for p in report.problems]
    item = content.get(kind, item_id)
    assert item is not None
    return translation.english_hash(item)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(root: Path, locale: str = "es"):  # type: ignore[no-untyped-def]
    content, report = load_content(root)
    assert report.ok, [str(p) for p in report.problems]
    return localize(content, locale)


def errors(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(p) for p in report.errors]


def test_missing_translation_falls_back_to_english_item_by_item(tree: Path) -> None:
    made_from = fingerprint(tree, Kind.GLOSSARY, "url")
    write(
        tree,
        "es/glossary/url.yaml",
        f"id: url\ntranslated_from: {made_from}\nstatus: draft\nterm: Dirección web\ndefinition: Dónde está una página.\n",
    )
    view, report = run(tree)
    assert errors(report) == []
    assert view.get(Kind.GLOSSARY, "url").term == "Dirección web"  # type: ignore[union-attr]
    assert view.state(Kind.GLOSSARY, "url").state == "translated"
    assert view.state(Kind.GLOSSARY, "url").review == "draft"
    english_org = view.get(Kind.ORGANIZATION, "helpline")
    assert english_org is not None and english_org.name == "Example Helpline"
    assert view.state(Kind.ORGANIZATION, "helpline").state == "missing"
    assert view.state(Kind.ORGANIZATION, "helpline").shows_english


def test_leaving_a_line_out_keeps_the_english_for_it(tree: Path) -> None:
    made_from = fingerprint(tree, Kind.GLOSSARY, "url")
    write(tree, "es/glossary/url.yaml", f"id: url\ntranslated_from: {made_from}\nstatus: reviewed\nterm: Dirección web\n")
    view, report = run(tree)
    assert errors(report) == []
    term = view.get(Kind.GLOSSARY, "url")
    assert term is not None and term.term == "Dirección web"
    english = load_content(tree)[0].get(Kind.GLOSSARY, "url")
    assert english is not None and term.definition == english.definition  # type: ignore[attr-defined]


def test_changed_english_makes_the_translation_stale(tree: Path) -> None:
    made_from = fingerprint(tree, Kind.GLOSSARY, "url")
    write(tree, "es/glossary/url.yaml", f"id: url\ntranslated_from: {made_from}\nstatus: reviewed\nterm: Dirección web\n")
    english = tree / "en/glossary/url.yaml"
    english.write_text(english.read_text().replace("The address of a page on the web.", "The address of a web page."))
    assert fingerprint(tree, Kind.GLOSSARY, "url") != made_from
    view, report = run(tree)
    state = view.state(Kind.GLOSSARY, "url")
    assert state.state == "stale"
    assert not state.shows_english  # still shown, with a notice that offers the English
    assert view.get(Kind.GLOSSARY, "url").term == "Dirección web"  # type: ignore[union-attr]
    warning = [str(p) for p in report.warnings]
    assert any("content/es/glossary/url.yaml:2: translated_from: stale" in w for w in warning), warning


@pytest.mark.parametrize(
    ("relative", "body", "expected"),
    [
        (
            "es/organizations/helpline.yaml",
            "name: Línea de ayuda\ncontacts:\n  - value: 0800 999 999\n",
            "content/es/organizations/helpline.yaml:6: contacts[0].value: is structure, not words",
        ),
        (
            "es/platforms/example-site.yaml",
            "routes:\n  - label: Formulario\n    url: https://evil.example/report\n",
            "content/es/platforms/example-site.yaml:6: routes[0].url: is structure, not words",
        ),
        (
            "es/pathways/start.yaml",
            "questions:\n  - prompt: ¿Dónde lo viste?\n    options:\n      - value: redes\n        label: En redes sociales\n      - label: En un buscador\n",
            "content/es/pathways/start.yaml:7: questions[0].options[0].value: is structure, not words",
        ),
        (
            "es/pathways/start.yaml",
            "steps:\n  - id: guardar\n    title: Guarda pruebas\n",
            "content/es/pathways/start.yaml:5: steps[0].id: is structure, not words",
        ),
        (
            "es/pathways/start.yaml",
            "steps:\n  - title: Guarda pruebas\n    when: {answer: where, is: search}\n",
            "content/es/pathways/start.yaml:6: steps[0].when: is structure, not words",
        ),
        (
            "es/organizations/helpline.yaml",
            "reviewed: 2030-01-01\n",
            "content/es/organizations/helpline.yaml:4: reviewed: is structure, not words",
        ),
    ],
    ids=["phone-number", "url", "option-value", "step-id", "condition", "date"],
)
def test_translation_cannot_change_structure(tree: Path, relative: str, body: str, expected: str) -> None:
    kind = {"organizations": Kind.ORGANIZATION, "platforms": Kind.PLATFORM, "pathways": Kind.PATHWAY}[relative.split("/")[1]]
    item_id = Path(relative).stem
    made_from = fingerprint(tree, kind, item_id)
    write(tree, relative, f"id: {item_id}\ntranslated_from: {made_from}\nstatus: draft\n{body}")
    view, report = run(tree)
    found = errors(report)
    assert any(e.startswith(expected) for e in found), found
    assert any("can only be changed in the English file" in e for e in found)
    # The whole file is set aside: the reader gets the English, never a half-changed item.
    assert view.state(kind, item_id).state == "rejected"
    assert view.state(kind, item_id).shows_english
    english = load_content(tree)[0].get(kind, item_id)
    assert view.get(kind, item_id) == english


def test_wrong_id_and_status_are_named_with_their_lines(tree: Path) -> None:
    made_from = fingerprint(tree, Kind.GLOSSARY, "url")
    write(tree, "es/glossary/url.yaml", f"id: link\ntranslated_from: {made_from}\nstatus: finished\nterm: Enlace\n")
    _, report = run(tree)
    found = errors(report)
    assert "content/es/glossary/url.yaml:1: id: must be 'url', the English item's id" in found
    assert "content/es/glossary/url.yaml:3: status: must be 'draft' or 'reviewed'" in found


def test_translation_must_keep_placeholders(tree: Path) -> None:
    (tree / "en/notices").mkdir()
    (tree / "en/notices/ask.yaml").write_text(
        "id: ask\nreviewed: 2026-11-26\nsources:\n  - url: https://example.org/guide\ntitle: Ask\nkind: platform_policy\n"
        "summary: A letter.\nfields:\n  - id: site\n    label: Site\nbody: Dear {site}, please remove it.\n"
        "exposure: {receives: The site., uploader: 'no', published: 'no', id_asked: 'no', someone_else: 'no',"
        " sources: [https://example.org/guide]}\n"
        "elements: [{id: site, label: The site, fields: [site], source: https://example.org/guide}]\n"
    )
    made_from = fingerprint(tree, Kind.NOTICE, "ask")
    write(
        tree, "es/notices/ask.yaml", f"id: ask\ntranslated_from: {made_from}\nstatus: draft\nbody: Estimado {{sitio}}, por favor quítelo.\n"
    )
    view, report = run(tree)
    found = errors(report)
    assert any(
        e.startswith("content/es/notices/ask.yaml:4: body: placeholders must match the English: missing {site}; unknown {sitio}")
        for e in found
    ), found
    # The required element the body no longer gives is named too (rule notice-elements).
    assert any(e.startswith("content/es/notices/ask.yaml:4: body: leaves out {site}") and "(rule: notice-elements)" in e for e in found)
    assert view.state(Kind.NOTICE, "ask").state == "rejected"


def test_list_length_must_match(tree: Path) -> None:
    made_from = fingerprint(tree, Kind.ORGANIZATION, "helpline")
    write(
        tree, "es/organizations/helpline.yaml", f"id: helpline\ntranslated_from: {made_from}\nstatus: draft\nservices:\n  - Uno\n  - Dos\n"
    )
    _, report = run(tree)
    assert "content/es/organizations/helpline.yaml:4: services: must be a list of 1 entries, like the English" in errors(report)
