"""The interface language now: gettext calls, the current locale, and who to tell when it changes.

Use ``from navigator.i18n import _`` and named placeholders only:
``_("{count} steps").format(count=n)``; plurals with ``ngettext(singular, plural, n)``.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import types
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from navigator.i18n.catalogs import SOURCE_LOCALE, load_catalog
from navigator.i18n.cldr import RIGHT_TO_LEFT, SELF_NAMES
from navigator.i18n.pseudo import pseudo, pseudo_enabled, pseudo_rtl

if TYPE_CHECKING:
    from babel import Locale

Listener = Callable[[str], None]

_current = SOURCE_LOCALE
_translations: _gettext.NullTranslations = _gettext.NullTranslations()
# Each entry gives back its listener, or None once the listener's object is gone.
_listeners: list[Callable[[], Listener | None]] = []


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a string for extraction without translating it now."""
    return message


def gettext(message: str) -> str:
    text = _translations.gettext(message)
    return pseudo(text) if pseudo_enabled() else text


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a plural message for ``n`` in the current language (Arabic has six)."""
    text = _translations.ngettext(singular, plural, n)
    return pseudo(text) if pseudo_enabled() else text


_ = gettext


def translator(locale: str) -> Callable[[str], str]:
    """Gettext for another language than the screen's (a letter or a report in the reader's language)."""
    catalog = load_catalog(locale)

    def translate(message: str) -> str:
        text = catalog.gettext(message)
        return pseudo(text) if pseudo_enabled() else text

    return translate


def translate_known(message: str) -> str | None:
    """The current language's words for ``message``, or None when the catalog has none.

    Used for Qt's own strings (ui/qt_translator.py): None lets Qt keep its built-in text.
    """
    text = _translations.gettext(message)
    if pseudo_enabled():
        return pseudo(text)
    return text if text != message else None


def current_locale() -> str:
    return _current


def set_locale(locale: str) -> None:
    """Switch the interface language now and tell every listener (the UI retranslates live)."""
    global _current, _translations
    _translations = load_catalog(locale)
    _current = locale
    for entry in list(_listeners):
        listener = entry()
        if listener is None:
            _discard(entry)
        else:
            listener(locale)


def on_change(listener: Listener) -> Callable[[], None]:
    """Call ``listener(locale)`` after each change of language; returns the function that stops it.

    A method is held weakly: a listener never keeps a window alive, and one whose object is gone is
    dropped. A widget also stops listening when it is destroyed (the UI ties the returned function
    to its ``destroyed`` signal), because its Python object may outlive it.
    """
    if isinstance(listener, types.MethodType):
        entry: Callable[[], Listener | None] = weakref.WeakMethod(listener)
    else:

        def entry() -> Listener | None:
            return listener

    _listeners.append(entry)
    return functools.partial(_discard, entry)


def _discard(entry: Callable[[], Listener | None]) -> None:
    if entry in _listeners:
        _listeners.remove(entry)


@functools.lru_cache(maxsize=64)
def _right_to_left(locale: str) -> bool:
    if locale in SELF_NAMES:
        return locale in RIGHT_TO_LEFT  # Babel's answer for the interface languages, written down (cldr.py)
    from babel import Locale, UnknownLocaleError  # here: a start needs no Babel at all (about 5 ms)

    try:
        return Locale.parse(locale).text_direction == "rtl"
    except (UnknownLocaleError, ValueError, TypeError):
        return False


def is_rtl(locale: str | None = None) -> bool:
    """Whether the language is written right to left, from Babel's CLDR data (Arabic, Persian,
    Hebrew, Urdu, Kurdish Sorani, Sindhi, Dhivehi, Uyghur…); always under ``NAVIGATOR_PSEUDO=rtl``."""
    if pseudo_rtl():
        return True
    return _right_to_left(locale or _current)


def babel_locale(locale: str | None = None) -> Locale:
    """Babel's data for ``locale`` (default: the current one); English for a code Babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale or _current)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LOCALE)
