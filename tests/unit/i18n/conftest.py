"""Shared set-up for the i18n tests: a private catalogs folder and .po files written on the fly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from navigator.i18n import catalogs

PO_HEAD = """\
# Test words.
# Review: {review}
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: {locale}\\n"
"Plural-Forms: {plural}\\n"

"""

PLURALS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? 4 : 5);",
}


def write_po(root: Path, locale: str, body: str, review: str = "draft") -> Path:
    path = catalogs.po_path(locale, root)
    path.parent.mkdir(parents=True)
    path.write_text(PO_HEAD.format(review=review, locale=locale, plural=PLURALS.get(locale, PLURALS["fr"])) + body, encoding="utf-8")
    return path


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private catalogs folder that set_locale reads from."""
    root = tmp_path / "locales"
    root.mkdir()
    monkeypatch.setattr(catalogs, "locales_root", lambda: root)
    catalogs.clear_cache()
    yield root
    catalogs.clear_cache()
