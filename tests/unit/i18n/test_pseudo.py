"""navigator.i18n.pseudo: marked interface strings and content, with links and placeholders kept."""

from __future__ import annotations

import pytest

from navigator import i18n


def test_pseudo_changes_every_word_but_keeps_placeholders_and_mnemonics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    text = i18n._("Save to {path} & &Open")
    assert text.startswith("⟦") and text.endswith("⟧")
    assert "{path}" in text and text.count("&") == 2
    assert "Save" not in text
    assert len(text) > len("Save to {path} & &Open")


def test_pseudo_content_keeps_markdown_links_and_placeholders() -> None:
    text = "## How it works\n\nSee [the term](navigator://glossary/url) or <https://example.org/a-b>.\n\n- Dear {site}, `code`"
    out = i18n.pseudo_content(text)
    assert "](navigator://glossary/url)" in out
    assert "<https://example.org/a-b>" in out
    assert "{site}" in out and "`code`" in out
    assert out.startswith("## Höw ît wörks")
    assert "\n- Déár" in out


def test_pseudo_rtl_mirrors_the_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.PSEUDO_ENV, "rtl")
    assert i18n.is_rtl("en")
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    assert not i18n.is_rtl("en")
