"""navigator.i18n.pseudo_library: the pseudo-locale's content, words changed and links kept."""

from __future__ import annotations

import pytest

from navigator import i18n
from navigator.core import translation
from navigator.core.models import Kind
from navigator.i18n.pseudo_library import PseudoLibrary
from tests.conftest import REPO


def test_pseudo_content_keeps_links_working(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    library = PseudoLibrary(REPO / "content")
    for kind in Kind:
        for item in library.all(kind):
            english = library.english.get(kind, item.id)
            assert getattr(item, "related", None) == getattr(english, "related", None)
            assert item.model_dump(exclude=set(translation.text_fields(type(item)))) == english.model_dump(  # type: ignore[union-attr]
                exclude=set(translation.text_fields(type(item)))
            )
