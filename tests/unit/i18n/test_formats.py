"""navigator.i18n.formats: names, dates, times and numbers in the reader's language."""

from __future__ import annotations

from datetime import date, time

from navigator import i18n


def test_language_names_are_written_in_the_language_itself() -> None:
    assert i18n.language_name("es") == "Español"
    assert i18n.language_name("fr") == "Français"
    assert i18n.language_name("ar") == "العربية"
    assert i18n.language_name("en") == "English"
    assert i18n.language_name("not a locale") == "not a locale"


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


def test_lists_are_written_as_each_language_writes_them():
    from navigator.i18n import formats, set_locale

    assert formats.format_list(["English", "Spanish"], "en") == "English and Spanish"
    assert "," not in formats.format_list(["a", "b", "c"], "ar")  # not the Latin comma (UX review F16)
    assert formats.format_list([], "en") == ""
    set_locale("en")
