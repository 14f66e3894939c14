"""Names, dates, times and numbers written the way the reader's language writes them (Babel's CLDR data)."""

from __future__ import annotations

from datetime import date, datetime, time

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_time as _babel_time
from babel.numbers import format_decimal

from navigator.i18n.pseudo import marked
from navigator.i18n.runtime import babel_locale


def language_name(locale: str) -> str:
    """The language's name written in that language, e.g. 'Español', 'العربية'."""
    try:
        name = Locale.parse(locale).get_display_name(locale) or locale
    except (UnknownLocaleError, ValueError):
        return locale
    return name[:1].upper() + name[1:]


# Under the pseudo-locale formatted values are marked too, so a date made with strftime (English
# month names whatever the language) stands out next to one made here.


def format_date(value: date, style: str = "long", locale: str | None = None) -> str:
    """A date the way the reader's language writes it ('26 de noviembre de 2026')."""
    return marked(_babel_date(value, format=style, locale=babel_locale(locale)))


def format_datetime(value: datetime, style: str = "medium", locale: str | None = None) -> str:
    return marked(_babel_datetime(value, format=style, locale=babel_locale(locale)))


def format_time(value: datetime | time, style: str = "short", locale: str | None = None) -> str:
    """A clock time the reader's way ('15:30', '3:30 PM')."""
    return marked(_babel_time(value, format=style, locale=babel_locale(locale)))


def format_number(value: float, locale: str | None = None) -> str:
    return marked(format_decimal(value, locale=babel_locale(locale)))
