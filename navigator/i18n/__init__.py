"""Interface strings, the current language, and locale-aware formatting: the one face of ``navigator.i18n``.

Code imports from here (``from navigator.i18n import _``); the parts live in their own modules:

- ``runtime``: gettext calls, the current locale, language-change listeners, text direction;
- ``catalogs``: reading and checking the .po files (one gettext domain, no compile step);
- ``formats``: language names, dates, times and numbers (Babel);
- ``cldr``: the interface languages' own names and directions, Babel's answers written down;
- ``pseudo``: the pseudo-locale for interface strings and content (``NAVIGATOR_PSEUDO``);
- ``tools``: translator tooling behind ``navigator i18n`` (imported on its own, never from here).
"""

from __future__ import annotations

from navigator.i18n.catalogs import (
    DOMAIN,
    PLACEHOLDER_RE,
    REVIEW_RE,
    SOURCE_LOCALE,
    CatalogProblem,
    available_locales,
    catalog_problems,
    clear_cache,
    entry_problems,
    load_catalog,
    placeholders,
    po_path,
    pot_path,
    read_catalog,
    review_status,
)
from navigator.i18n.formats import format_date, format_datetime, format_duration, format_number, format_time, language_name
from navigator.i18n.pseudo import PSEUDO_ENV, pseudo_content, pseudo_enabled
from navigator.i18n.runtime import (
    N_,
    _,
    current_locale,
    gettext,
    is_rtl,
    ngettext,
    on_change,
    set_locale,
    translate_known,
    translator,
)

__all__ = [
    "DOMAIN",
    "N_",
    "PLACEHOLDER_RE",
    "PSEUDO_ENV",
    "REVIEW_RE",
    "SOURCE_LOCALE",
    "CatalogProblem",
    "_",
    "available_locales",
    "catalog_problems",
    "clear_cache",
    "current_locale",
    "entry_problems",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_number",
    "format_time",
    "gettext",
    "is_rtl",
    "language_name",
    "load_catalog",
    "ngettext",
    "on_change",
    "placeholders",
    "po_path",
    "pot_path",
    "pseudo_content",
    "pseudo_enabled",
    "read_catalog",
    "review_status",
    "set_locale",
    "translate_known",
    "translator",
]
