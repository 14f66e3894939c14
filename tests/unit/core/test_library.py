"""navigator.core.library: English loaded once, one language's words over it, each view built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator.core import translation
from navigator.core.library import Library
from navigator.core.models import Kind
from tests.conftest import FIXTURES


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    english = Library(root).english.get(Kind.GLOSSARY, "url")
    assert english is not None
    (root / "es/glossary").mkdir(parents=True)
    (root / "es/glossary/url.yaml").write_text(
        f"id: url\ntranslated_from: '{translation.english_hash(english)}'\nstatus: reviewed\nterm: Dirección web\n",
        encoding="utf-8",
    )
    return Library(root)


def test_english_until_told_otherwise(library: Library) -> None:
    assert library.locale == "en" and library.report.ok
    assert library.locales() == ["en", "es"]
    url = library.get(Kind.GLOSSARY, "url")
    assert url is not None and getattr(url, "term", None) == "URL"
    assert library.state(Kind.GLOSSARY, "url").state == "source"


def test_a_language_lays_its_words_over_the_english(library: Library) -> None:
    library.set_locale("es")
    assert library.locale == "es"
    assert getattr(library.get(Kind.GLOSSARY, "url"), "term", None) == "Dirección web"
    assert getattr(library.english_item(Kind.GLOSSARY, "url"), "term", None) == "URL"
    assert library.state(Kind.GLOSSARY, "url").state == "translated"
    assert library.state(Kind.LAW, "example-law").shows_english  # no Spanish yet: English, said so
    assert [i.id for i in library.all(Kind.GLOSSARY)] == ["url"]
    found = library.resolve("navigator://glossary/url")
    assert found is not None and found[0] is Kind.GLOSSARY
    assert library.resolve("navigator://glossary/nothing") is None


def test_each_view_is_built_once_and_another_can_be_read_without_switching(library: Library) -> None:
    spanish = library.view_for("es")
    assert library.view_for("es") is spanish
    assert library.locale == "en"  # reading another language's view does not switch
    library.set_locale("es")
    assert library.view is spanish
    assert library.locale_report("es").ok
