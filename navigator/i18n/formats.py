"""Names of languages, countries and regions, and dates, times and numbers, the way the reader's language writes them.

Babel's CLDR data does the work; US states are ours to translate (CLDR has no names for them).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from navigator.core.deadlines import rounded_duration
from navigator.core.marks import isolate
from navigator.i18n.cldr import SELF_NAMES
from navigator.i18n.pseudo import marked
from navigator.i18n.runtime import N_, _, babel_locale, current_locale, is_rtl


def language_name(locale: str) -> str:
    """The language's name written in that language, e.g. 'Español', 'العربية'."""
    known = SELF_NAMES.get(locale)
    if known is not None:
        return known  # Babel's answer, written down (cldr.py)
    from babel import Locale, UnknownLocaleError  # here: the interface's own languages need no Babel (start-up time)

    try:
        name = Locale.parse(locale).get_display_name(locale) or locale
    except (UnknownLocaleError, ValueError):
        return locale
    return name[:1].upper() + name[1:]


# Under the pseudo-locale formatted values are marked too, so a date made with strftime (English
# month names whatever the language) stands out next to one made here.


def format_date(value: date, style: str = "long", locale: str | None = None) -> str:
    """A date the way the reader's language writes it ('26 de noviembre de 2026')."""
    from babel.dates import format_date as _babel_date  # Babel's dates, numbers, lists and units load when first used

    return marked(_babel_date(value, format=style, locale=babel_locale(locale)))


def format_datetime(value: datetime, style: str = "medium", locale: str | None = None) -> str:
    from babel.dates import format_datetime as _babel_datetime

    return marked(_babel_datetime(value, format=style, locale=babel_locale(locale)))


def format_time(value: datetime | time, style: str = "short", locale: str | None = None) -> str:
    """A clock time the reader's way ('15:30', '3:30 PM')."""
    from babel.dates import format_time as _babel_time

    return marked(_babel_time(value, format=style, locale=babel_locale(locale)))


def format_list(items: list[str], locale: str | None = None) -> str:
    """ "A, B and C" as the language writes a list, from CLDR (Arabic: its own comma; UX review F16).

    In a right-to-left language each item is a Unicode first-strong isolate, so Latin names stay
    whole and in the list's order: "X، TikTok و Instagram" is read right to left, not as one
    left-to-right run "X، TikTok" (UX review F14).
    """
    from babel.lists import format_list as _babel_list

    if not items:
        return ""
    if is_rtl(locale or current_locale()):
        items = [isolate(item) for item in items]
    return _babel_list(items, style="standard", locale=babel_locale(locale))


def format_number(value: float, locale: str | None = None) -> str:
    from babel.numbers import format_decimal

    return marked(format_decimal(value, locale=babel_locale(locale)))


# ISO 3166-2:US subdivision names (states and the District of Columbia).
US_STATES = {
    "US-AL": N_("Alabama"),
    "US-AK": N_("Alaska"),
    "US-AZ": N_("Arizona"),
    "US-AR": N_("Arkansas"),
    "US-CA": N_("California"),
    "US-CO": N_("Colorado"),
    "US-CT": N_("Connecticut"),
    "US-DE": N_("Delaware"),
    "US-DC": N_("District of Columbia"),
    "US-FL": N_("Florida"),
    "US-GA": N_("Georgia"),
    "US-HI": N_("Hawaii"),
    "US-ID": N_("Idaho"),
    "US-IL": N_("Illinois"),
    "US-IN": N_("Indiana"),
    "US-IA": N_("Iowa"),
    "US-KS": N_("Kansas"),
    "US-KY": N_("Kentucky"),
    "US-LA": N_("Louisiana"),
    "US-ME": N_("Maine"),
    "US-MD": N_("Maryland"),
    "US-MA": N_("Massachusetts"),
    "US-MI": N_("Michigan"),
    "US-MN": N_("Minnesota"),
    "US-MS": N_("Mississippi"),
    "US-MO": N_("Missouri"),
    "US-MT": N_("Montana"),
    "US-NE": N_("Nebraska"),
    "US-NV": N_("Nevada"),
    "US-NH": N_("New Hampshire"),
    "US-NJ": N_("New Jersey"),
    "US-NM": N_("New Mexico"),
    "US-NY": N_("New York"),
    "US-NC": N_("North Carolina"),
    "US-ND": N_("North Dakota"),
    "US-OH": N_("Ohio"),
    "US-OK": N_("Oklahoma"),
    "US-OR": N_("Oregon"),
    "US-PA": N_("Pennsylvania"),
    "US-RI": N_("Rhode Island"),
    "US-SC": N_("South Carolina"),
    "US-SD": N_("South Dakota"),
    "US-TN": N_("Tennessee"),
    "US-TX": N_("Texas"),
    "US-UT": N_("Utah"),
    "US-VT": N_("Vermont"),
    "US-VA": N_("Virginia"),
    "US-WA": N_("Washington"),
    "US-WV": N_("West Virginia"),
    "US-WI": N_("Wisconsin"),
    "US-WY": N_("Wyoming"),
}


def country_name(code: str) -> str:
    """The country's name in the interface language (from Babel's CLDR data), else the code."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(current_locale()).territories
    except (UnknownLocaleError, ValueError, TypeError):
        names = Locale.parse("en").territories
    return str(names.get(code, code))


def region_name(code: str, subdivisions: dict[str, str] | None = None) -> str:
    """A region's name ("Texas"), with its country's name for a part of a country.

    US states come from the interface catalogs; other parts of a country from ``subdivisions``
    (the place files' names, in the reader's language where translated), else their code.
    """
    if code in US_STATES:
        return _(US_STATES[code])
    if "-" in code:
        country, _sep, part = code.partition("-")
        name = (subdivisions or {}).get(code, part)
        return f"{name} ({country_name(country)})"
    return country_name(code)


def format_duration(value: timedelta, locale: str | None = None) -> str:
    """A length of time, rounded down to its largest natural unit ('3 days', '11 horas', '3 أيام')."""
    amount, unit = rounded_duration(value)
    from babel.units import format_unit

    return marked(format_unit(amount, f"duration-{unit}", length="long", locale=babel_locale(locale)))
