"""navigator.i18n: catalogs read from .po, placeholders kept, plurals, formats, pseudo-locale."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from navigator import i18n

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
    path = i18n.po_path(locale, root)
    path.parent.mkdir(parents=True)
    path.write_text(PO_HEAD.format(review=review, locale=locale, plural=PLURALS.get(locale, PLURALS["fr"])) + body, encoding="utf-8")
    return path


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private catalogs folder that set_locale reads from."""
    root = tmp_path / "locales"
    root.mkdir()
    monkeypatch.setattr(i18n, "locales_root", lambda: root)
    i18n.clear_cache()
    yield root
    i18n.clear_cache()


def test_translation_comes_from_the_po_file_and_english_is_the_fallback(locales: Path) -> None:
    write_po(locales, "fr", 'msgid "Home"\nmsgstr "Accueil"\n\nmsgid "Back"\nmsgstr ""\n')
    i18n.set_locale("fr")
    assert i18n._("Home") == "Accueil"
    assert i18n._("Back") == "Back"  # empty msgstr: English
    assert i18n._("Never extracted") == "Never extracted"
    i18n.set_locale("en")
    assert i18n._("Home") == "Home"


def test_fuzzy_entries_are_not_used(locales: Path) -> None:
    write_po(locales, "fr", '#, fuzzy\nmsgid "Home"\nmsgstr "Maison"\n')
    i18n.set_locale("fr")
    assert i18n._("Home") == "Home"


def test_entry_with_wrong_placeholders_is_left_out_and_reported(locales: Path) -> None:
    path = write_po(
        locales,
        "fr",
        'msgid "Saved to {path}."\nmsgstr "Enregistré dans {chemin}."\n\nmsgid "Hello {name}"\nmsgstr "Bonjour {name}"\n',
    )
    i18n.set_locale("fr")
    # The screen never crashes on .format(): the English (with its own placeholder) shows instead.
    assert i18n._("Saved to {path}.").format(path="/tmp/x") == "Saved to /tmp/x."
    assert i18n._("Hello {name}").format(name="Sam") == "Bonjour Sam"
    problems = [str(p) for p in i18n.catalog_problems("fr", locales)]
    assert problems == [
        f"{path.relative_to(locales.parent)}:9: msgstr drops {{path}} (msgid 'Saved to {{path}}.')",
        f"{path.relative_to(locales.parent)}:9: msgstr adds {{chemin}}, which the English lacks (msgid 'Saved to {{path}}.')",
    ]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "zéro"),
        (1, "un"),
        (2, "deux"),
        (3, "peu 3"),
        (10, "peu 10"),
        (100, "cent 100"),
        (102, "cent 102"),
        (11, "beaucoup 11"),
        (99, "beaucoup 99"),
    ],
)
def test_arabic_has_six_plural_forms(locales: Path, n: int, expected: str) -> None:
    # The order is Babel's Plural-Forms for Arabic, the one our .po headers carry: form 4 is
    # 100-102 (and 200-202...), form 5 is 11-99. Poedit shows example numbers for each form.
    write_po(
        locales,
        "ar",
        'msgid "{count} step"\nmsgid_plural "{count} steps"\n'
        'msgstr[0] "zéro"\nmsgstr[1] "un"\nmsgstr[2] "deux"\nmsgstr[3] "peu {count}"\nmsgstr[4] "cent {count}"\nmsgstr[5] "beaucoup {count}"\n',
    )
    i18n.set_locale("ar")
    assert i18n.ngettext("{count} step", "{count} steps", n).format(count=n) == expected


def test_french_counts_zero_as_singular(locales: Path) -> None:
    write_po(locales, "fr", 'msgid "{count} step"\nmsgid_plural "{count} steps"\nmsgstr[0] "{count} étape"\nmsgstr[1] "{count} étapes"\n')
    i18n.set_locale("fr")
    assert [i18n.ngettext("{count} step", "{count} steps", n).format(count=n) for n in (0, 1, 2)] == ["0 étape", "1 étape", "2 étapes"]
    i18n.set_locale("en")
    assert [i18n.ngettext("{count} step", "{count} steps", n).format(count=n) for n in (0, 1, 2)] == ["0 steps", "1 step", "2 steps"]


class _Message:
    def __init__(self, msgid: object, string: object) -> None:
        self.id, self.string = msgid, string


@pytest.mark.parametrize(
    ("msgid", "string", "problems"),
    [
        ("Hi {name}", "Salut {name}", []),
        ("Hi {name}", "Salut", ["msgstr drops {name}"]),
        ("Hi", "Salut {name}", ["msgstr adds {name}, which the English lacks"]),
        ("Hi {name}", "Salut {nom}", ["msgstr drops {name}", "msgstr adds {nom}, which the English lacks"]),
        ("%1 exists", "%1 existe", []),
        ("%1 exists", "existe", ["msgstr drops %1"]),
        ("Hi {name}", "", []),  # untranslated: English shows, nothing wrong
        # Plural forms other than the last may leave the number out ("one step", Arabic "two steps")...
        (("{count} step", "{count} steps"), ("une étape", "{count} étapes"), []),
        (("One step", "{count} steps"), ("Une étape", "{count} étapes"), []),
        # ...the last, general form may not, and no form may add a placeholder.
        (("{count} step", "{count} steps"), ("{count} étape", "étapes"), ["msgstr[1] drops {count}"]),
        (("{count} step", "{count} steps"), ("{count} {n} étape", "{count} étapes"), ["msgstr[0] adds {n}, which the English lacks"]),
    ],
)
def test_entry_problems(msgid: object, string: object, problems: list[str]) -> None:
    assert i18n.entry_problems(_Message(msgid, string)) == problems


def test_review_status_is_read_from_the_header_comment(locales: Path) -> None:
    write_po(locales, "fr", "", review="reviewed")
    write_po(locales, "ar", "", review="draft")
    assert i18n.review_status("fr", locales) == "reviewed"
    assert i18n.review_status("ar", locales) == "draft"
    assert i18n.review_status("en", locales) is None
    assert i18n.review_status("de", locales) is None


def test_available_locales_puts_english_first(locales: Path) -> None:
    write_po(locales, "fr", "")
    write_po(locales, "ar", "")
    (locales / "notes").mkdir()
    assert i18n.available_locales(locales) == ["en", "ar", "fr"]


def test_language_names_are_written_in_the_language_itself() -> None:
    assert i18n.language_name("es") == "Español"
    assert i18n.language_name("fr") == "Français"
    assert i18n.language_name("ar") == "العربية"
    assert i18n.language_name("en") == "English"
    assert i18n.language_name("not a locale") == "not a locale"


def test_right_to_left_languages() -> None:
    assert i18n.is_rtl("ar")
    assert i18n.is_rtl("fa_IR")
    assert not i18n.is_rtl("es")
    assert not i18n.is_rtl("en")


def test_dates_and_numbers_follow_the_language() -> None:
    day = date(2026, 11, 26)
    assert i18n.format_date(day, locale="en") == "November 26, 2026"
    assert i18n.format_date(day, locale="es") == "26 de noviembre de 2026"
    assert i18n.format_date(day, locale="fr") == "26 novembre 2026"
    assert "2026" in i18n.format_date(day, locale="ar") or "٢٠٢٦" in i18n.format_date(day, locale="ar")
    assert i18n.format_number(1234.5, locale="en") == "1,234.5"
    assert i18n.format_number(1234.5, locale="fr") == "1\u202f234,5"
    assert i18n.format_time(time(15, 30), locale="en") == "3:30\u202fPM"
    assert i18n.format_time(time(15, 30), locale="fr") == "15:30"
    i18n.set_locale("es")
    assert i18n.format_date(day) == "26 de noviembre de 2026"


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


def test_listeners_hear_each_change() -> None:
    heard: list[str] = []
    i18n.on_change(heard.append)
    i18n.set_locale("fr")
    i18n.set_locale("en")
    i18n.remove_listener(heard.append)
    i18n.set_locale("fr")
    assert heard == ["fr", "en"]
