"""Interface strings: one gettext domain, read straight from the .po files with Babel.

Translators edit only ``locales/<locale>/LC_MESSAGES/navigator.po``; there is no compile step to
forget. Use ``from navigator.i18n import _`` and named placeholders only:
``_("{count} steps").format(count=n)``.

The pseudo-locale (``NAVIGATOR_PSEUDO=1``) stretches and decorates every string so that clipped
or hard-coded English stands out.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from navigator.paths import locales_root

DOMAIN = "navigator"
SOURCE_LOCALE = "en"
RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "yi"}
PSEUDO_ENV = "NAVIGATOR_PSEUDO"

_current = SOURCE_LOCALE
_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_listeners: list[Callable[[str], None]] = []
_cache: dict[str, _gettext.NullTranslations] = {}


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a string for extraction without translating it now."""
    return message


def po_path(locale: str, root: Path | None = None) -> Path:
    return (root or locales_root()) / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_catalog(locale: str, root: Path | None = None) -> _gettext.NullTranslations:
    """Read one locale's .po into a gettext object; English (or a missing file) is the identity."""
    key = f"{root}:{locale}"
    if key in _cache:
        return _cache[key]
    path = po_path(locale, root)
    result: _gettext.NullTranslations = _gettext.NullTranslations()
    if locale != SOURCE_LOCALE and path.is_file():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale, domain=DOMAIN)
        # Fuzzy entries are a translator's unfinished guess: fall back to English for those.
        for message in list(catalog):
            if message.id and message.fuzzy:
                catalog.delete(message.id, message.context)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        result = _gettext.GNUTranslations(buffer)
    _cache[key] = result
    return result


def available_locales(root: Path | None = None) -> list[str]:
    base = root or locales_root()
    found = sorted(p.name for p in base.iterdir() if po_path(p.name, base).is_file()) if base.is_dir() else []
    return [SOURCE_LOCALE] + [loc for loc in found if loc != SOURCE_LOCALE]


def pseudo_enabled() -> bool:
    return os.environ.get(PSEUDO_ENV, "") not in ("", "0")


_PSEUDO_MAP = str.maketrans("aceinouyACEINOUY", "áçéîñöûýÁÇÉÎÑÖÛÝ")
_SPLIT = re.compile(r"(\{[A-Za-z0-9_]+\}|&(?=\w)|<[^>]+>|%\w)")


def pseudo(text: str) -> str:
    """Accent, stretch and bracket ``text``, keeping placeholders and mnemonics intact."""
    parts = _SPLIT.split(text)
    out = "".join(p if _SPLIT.fullmatch(p) else p.translate(_PSEUDO_MAP) for p in parts)
    pad = "·" * max(1, len(text) * 2 // 5)
    return f"⟦{out}{pad}⟧"


def gettext(message: str) -> str:
    text = _translations.gettext(message)
    return pseudo(text) if pseudo_enabled() else text


def ngettext(singular: str, plural: str, n: int) -> str:
    text = _translations.ngettext(singular, plural, n)
    return pseudo(text) if pseudo_enabled() else text


_ = gettext


def current_locale() -> str:
    return _current


def set_locale(locale: str) -> None:
    """Switch the interface language now and tell every listener (the UI retranslates live)."""
    global _current, _translations
    _translations = load_catalog(locale)
    _current = locale
    for listener in list(_listeners):
        listener(locale)


def on_change(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def is_rtl(locale: str | None = None) -> bool:
    code = (locale or _current).split("_")[0]
    if pseudo_enabled() and os.environ.get(PSEUDO_ENV) == "rtl":
        return True
    return code in RTL_LANGUAGES


def _babel_locale(locale: str | None = None) -> Locale:
    try:
        return Locale.parse(locale or _current)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LOCALE)


def language_name(locale: str) -> str:
    """The language's name written in that language, e.g. 'español', 'العربية'."""
    try:
        name = Locale.parse(locale).get_display_name(locale) or locale
    except (UnknownLocaleError, ValueError):
        return locale
    return name[:1].upper() + name[1:]


def format_date(value: date, style: str = "long") -> str:
    return _babel_date(value, format=style, locale=_babel_locale())


def format_datetime(value: datetime, style: str = "medium") -> str:
    return _babel_datetime(value, format=style, locale=_babel_locale())


def format_number(value: float) -> str:
    return format_decimal(value, locale=_babel_locale())
