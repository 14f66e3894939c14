"""The language names and directions written down in i18n/cldr.py are Babel's, for every interface language."""

from __future__ import annotations

from babel import Locale

from navigator import i18n
from navigator.i18n import cldr


def test_every_interface_language_is_written_down() -> None:
    assert set(i18n.available_locales()) <= set(cldr.SELF_NAMES), "add the new language to navigator/i18n/cldr.py"
    assert cldr.RIGHT_TO_LEFT.issubset(cldr.SELF_NAMES)


def test_names_and_directions_are_babels() -> None:
    for code, written in cldr.SELF_NAMES.items():
        name = Locale.parse(code).get_display_name(code) or code
        assert written == name[:1].upper() + name[1:], code
        assert (code in cldr.RIGHT_TO_LEFT) == (Locale.parse(code).text_direction == "rtl"), code


def test_the_written_down_answers_are_used_and_others_asked_of_babel() -> None:
    assert i18n.language_name("es") == "Español"
    assert i18n.is_rtl("ar") and not i18n.is_rtl("ko")
    assert i18n.language_name("de") == "Deutsch"  # not written down: Babel
    assert i18n.is_rtl("he")
