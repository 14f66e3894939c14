"""``navigator i18n``: the translator's commands, run as a translator would run them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from navigator import i18n
from navigator.cli import main
from navigator.core.loader import load_content
from navigator.core.localize import localize
from navigator.core.models import Kind
from navigator.i18n.tools import scaffold
from tests.conftest import FIXTURES, REPO
from tests.unit.i18n.test_tools import german


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    return root


@pytest.fixture
def locales(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "locales"
    root.mkdir()
    shutil.copy(REPO / "locales" / "navigator.pot", root / "navigator.pot")
    yield root
    i18n.clear_cache()


def test_refresh_updates_the_fingerprint_only_with_confirmation(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scaffold(tree, "es", ["glossary/url"])
    path = tree / "es/glossary/url.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("term: URL", "term: Dirección web  # a comment stays"), encoding="utf-8")
    english = tree / "en/glossary/url.yaml"
    english.write_text(english.read_text().replace("The address of a page on the web.", "The address of a web page."))
    content, _ = load_content(tree)
    assert localize(content, "es")[0].state(Kind.GLOSSARY, "url").state == "stale"

    assert main(["i18n", "--content", str(tree), "refresh"]) == 0
    listed = capsys.readouterr().out
    assert "es  glossary/url  content/es/glossary/url.yaml" in listed
    assert localize(load_content(tree)[0], "es")[0].state(Kind.GLOSSARY, "url").state == "stale"  # listing changes nothing

    # No terminal to ask in and no --yes: refuse rather than assume.
    assert main(["i18n", "--content", str(tree), "refresh", "es", "glossary/url"]) == 1
    assert "--yes" in capsys.readouterr().err

    assert main(["i18n", "--content", str(tree), "refresh", "es", "glossary/url", "--yes"]) == 0
    state = localize(load_content(tree)[0], "es")[0].state(Kind.GLOSSARY, "url")
    assert state.state == "translated"
    assert "term: Dirección web  # a comment stays" in path.read_text(encoding="utf-8")


def test_status_prints_what_a_translator_needs(tree: Path, locales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    total = german(tree, locales)
    assert main(["i18n", "--content", str(tree), "--locales", str(locales), "status", "de"]) == 0
    out = capsys.readouterr().out
    assert "German · Deutsch (de)" in out
    assert f"Interface: 0% (1 of {total} strings), draft" in out
    assert "Content:   40% (2 of 5 items; 1 reviewed, 1 draft)" in out
    assert "organization/helpline  content/de/organizations/helpline.yaml" in out
    assert "content/de/laws/example-law.yaml:4: citation: is structure, not words" in out
    assert "msgstr adds {oops}" in out
