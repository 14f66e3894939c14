"""What Babel's CLDR data says of each interface language, written down so that a start reads no CLDR.

The top bar shows every interface language by its own name, and the window takes its direction
from the language; asked of Babel, each name loads that language's whole CLDR file (about 40 ms
and 9 MiB for the six languages at start). ``SELF_NAMES`` holds what Babel answers for them, as
``formats.language_name`` gives it, and ``RIGHT_TO_LEFT`` the ones CLDR writes right to left;
tests/unit/i18n/test_cldr.py proves both against Babel for every catalog in ``locales/``, so a new
language or a new Babel cannot leave a stale word here. A language missing here is asked of Babel.
"""

from __future__ import annotations

# Each interface language's name in itself (CLDR via Babel, first letter made upper case).
SELF_NAMES: dict[str, str] = {
    "en": "English",
    "ar": "العربية",
    "es": "Español",
    "fr": "Français",
    "ko": "한국어",
    "pt_BR": "Português (Brasil)",
}

# The interface languages CLDR writes right to left; the others in SELF_NAMES are left to right.
RIGHT_TO_LEFT: frozenset[str] = frozenset({"ar"})
