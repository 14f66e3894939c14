"""navigator.i18n.runtime: translations from the .po files, plurals, text direction, listeners."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from navigator import i18n
from navigator.i18n import runtime
from tests.unit.i18n.conftest import write_po


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


def test_right_to_left_languages() -> None:
    assert i18n.is_rtl("ar")
    assert i18n.is_rtl("fa_IR")
    assert not i18n.is_rtl("es")
    assert not i18n.is_rtl("en")
    assert not i18n.is_rtl("not a locale")


@pytest.mark.parametrize("locale", ["he", "ur", "ps", "yi", "ckb", "sd", "dv", "ug"])
def test_right_to_left_comes_from_babel_not_a_list_of_our_own(locale: str) -> None:
    """Kurdish (Sorani), Sindhi, Dhivehi and Uyghur were missing from the hand-made list."""
    assert i18n.is_rtl(locale)


def test_listeners_hear_each_change() -> None:
    heard: list[str] = []
    stop = i18n.on_change(heard.append)
    i18n.set_locale("fr")
    i18n.set_locale("en")
    stop()
    i18n.set_locale("fr")
    assert heard == ["fr", "en"]


def test_a_method_listener_does_not_keep_its_object_alive() -> None:
    """A window that is gone is not called (and not kept alive by the language list)."""
    heard: list[str] = []

    class Screen:
        def language_changed(self, locale: str) -> None:
            heard.append(locale)

    screen = Screen()
    i18n.on_change(screen.language_changed)
    before = len(runtime._listeners)
    i18n.set_locale("fr")
    del screen
    gc.collect()
    i18n.set_locale("en")
    assert heard == ["fr"]
    assert len(runtime._listeners) == before - 1
