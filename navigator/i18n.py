"""Interface strings: one gettext domain, read straight from the .po files with Babel.

Translators edit only ``locales/<locale>/LC_MESSAGES/navigator.po``; there is no compile step to
forget. Use ``from navigator.i18n import _`` and named placeholders only:
``_("{count} steps").format(count=n)``; plurals with ``ngettext(singular, plural, n)``.

A translated entry whose placeholders differ from the English is left out when the catalog is
read (the English shows instead), so a slip in a .po file can never crash a screen;
``catalog_problems`` names the file and line, and ``navigator i18n status`` prints them.

The pseudo-locale (``NAVIGATOR_PSEUDO=1``) accents, stretches and brackets every interface string,
and (through ``pseudo_content`` and ``navigator.pseudo.PseudoLibrary``) the words of the content
too, so clipped or hard-coded English stands out. ``NAVIGATOR_PSEUDO=rtl`` does the same and mirrors the layout
right-to-left, to try Arabic-like layouts without reading Arabic.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_time as _babel_time
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from navigator.paths import locales_root

DOMAIN = "navigator"
SOURCE_LOCALE = "en"
RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "yi"}
PSEUDO_ENV = "NAVIGATOR_PSEUDO"
# A line in a .po file's header comment: "# Review: draft" (machine-assisted, not yet checked by a
# native speaker) or "# Review: reviewed". Babel drops unknown header fields, so it lives in the comment.
REVIEW_RE = re.compile(r"^#?\s*Review:\s*(draft|reviewed)\b", re.MULTILINE | re.IGNORECASE)
# Named placeholders are ours ({count}); %1 style ones belong to Qt's own strings (see ui/qt_strings.py).
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}|(%[0-9]+|%n)")

_current = SOURCE_LOCALE
_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_listeners: list[Callable[[str], None]] = []
_cache: dict[str, _gettext.NullTranslations] = {}


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a string for extraction without translating it now."""
    return message


# --- catalogs -----------------------------------------------------------------------------


def po_path(locale: str, root: Path | None = None) -> Path:
    return (root or locales_root()) / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(root: Path | None = None) -> Path:
    return (root or locales_root()) / f"{DOMAIN}.pot"


def placeholders(text: str) -> set[str]:
    """The placeholders in ``text``: ``{name}`` as ``name``, Qt's ``%1`` as ``%1``."""
    return {name or qt for name, qt in PLACEHOLDER_RE.findall(text)}


@dataclass(frozen=True)
class CatalogProblem:
    """One entry of a .po file that cannot be used as it stands."""

    path: str
    line: int
    msgid: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} (msgid {self.msgid!r})"


def entry_problems(message: Any) -> list[str]:
    """What is wrong with one catalog entry's placeholders, in words a translator can act on.

    A translation must use exactly the English placeholders. In a plural entry, the last form
    (the general one, "{count} steps") must keep them all; the other forms may leave some out,
    because many languages say "one step" or, in Arabic, "two steps" without the number.
    No form may add a placeholder the English lacks: it would have no value to fill it.
    """
    if isinstance(message.id, tuple | list):
        wanted = placeholders(message.id[0]) | placeholders(message.id[1])
        forms = list(message.string) if isinstance(message.string, tuple | list) else [message.string]
        strict = {len(forms) - 1}
    else:
        wanted = placeholders(message.id)
        forms = [message.string]
        strict = {0}
    plural = isinstance(message.id, tuple | list)
    problems = []
    for index, form in enumerate(forms):
        if not form:
            continue
        got = placeholders(form)
        missing = sorted(wanted - got) if index in strict else []
        extra = sorted(got - wanted)
        where = f"msgstr[{index}]" if plural else "msgstr"
        if missing:
            problems.append(f"{where} drops {_names(missing)}")
        if extra:
            problems.append(f"{where} adds {_names(extra)}, which the English lacks")
    return problems


def _names(found: list[str]) -> str:
    return ", ".join(name if name.startswith("%") else "{" + name + "}" for name in found)


def read_catalog(path: Path, locale: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def catalog_problems(locale: str, root: Path | None = None) -> list[CatalogProblem]:
    """Entries of ``locale``'s .po file that are left out at run time, with file and line."""
    path = po_path(locale, root)
    if locale == SOURCE_LOCALE or not path.is_file():
        return []
    catalog = read_catalog(path, locale)
    shown = _shown(path)
    found = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        for problem in entry_problems(message):
            msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
            found.append(CatalogProblem(shown, message.lineno or 0, msgid, problem))
    return found


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(locales_root().resolve().parent))
    except ValueError:
        return str(path)


def load_catalog(locale: str, root: Path | None = None) -> _gettext.NullTranslations:
    """Read one locale's .po into a gettext object; English (or a missing file) is the identity."""
    key = f"{root}:{locale}"
    if key in _cache:
        return _cache[key]
    path = po_path(locale, root)
    result: _gettext.NullTranslations = _gettext.NullTranslations()
    if locale != SOURCE_LOCALE and path.is_file():
        catalog = read_catalog(path, locale)
        for message in list(catalog):
            # Fuzzy entries are a translator's unfinished guess, and an entry with the wrong
            # placeholders would break the screen: English shows for both.
            if message.id and (message.fuzzy or entry_problems(message)):
                catalog.delete(message.id, message.context)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        result = _gettext.GNUTranslations(buffer)
    _cache[key] = result
    return result


def clear_cache() -> None:
    """Forget read catalogs (after a tool rewrites a .po file)."""
    _cache.clear()


def available_locales(root: Path | None = None) -> list[str]:
    """English first, then every locale with an interface catalog."""
    base = root or locales_root()
    found = sorted(p.name for p in base.iterdir() if po_path(p.name, base).is_file()) if base.is_dir() else []
    return [SOURCE_LOCALE] + [loc for loc in found if loc != SOURCE_LOCALE]


def review_status(locale: str | None = None, root: Path | None = None) -> str | None:
    """'draft' or 'reviewed' as the .po header comment says; None for English or no catalog."""
    code = locale or _current
    path = po_path(code, root)
    if code == SOURCE_LOCALE or not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        head = []
        for line in handle:
            if not line.startswith("#"):
                break
            head.append(line)
    match = REVIEW_RE.search("".join(head))
    return match.group(1).lower() if match else "draft"


# --- translating ----------------------------------------------------------------------------


def pseudo_enabled() -> bool:
    return os.environ.get(PSEUDO_ENV, "") not in ("", "0")


_PSEUDO_MAP = str.maketrans("aceinouyACEINOUY", "áçéîñöûýÁÇÉÎÑÖÛÝ")
_SPLIT = re.compile(r"(\{[A-Za-z0-9_]+\}|&(?=\w)|<[^>]+>|%\w)")
# In content, keep Markdown link targets, bare addresses and {field} placeholders exactly as written.
_CONTENT_SPLIT = re.compile(
    r"(\]\([^)\s]*\)|<[^>\s]+>|(?:https|http|navigator|mailto|tel)://?[^\s)\]>]+|\{[A-Za-z0-9_-]+\}|`[^`\n]*`|^\s*(?:[-*+]|\d+\.)\s)",
    re.MULTILINE,
)


def pseudo(text: str) -> str:
    """Accent, stretch and bracket ``text``, keeping placeholders and mnemonics intact."""
    parts = _SPLIT.split(text)
    out = "".join(p if _SPLIT.fullmatch(p) else p.translate(_PSEUDO_MAP) for p in parts)
    pad = "·" * max(1, len(text) * 2 // 5)
    return f"⟦{out}{pad}⟧"


def pseudo_content(text: str) -> str:
    """Pseudo-translate a content text (possibly Markdown): words change, links and layout do not.

    No brackets here: a ``⟦`` before ``# Heading`` would break the Markdown. The accents alone
    show at a glance which words did not pass through the translation layer.
    """
    parts = _CONTENT_SPLIT.split(text)
    out = "".join(p if p and _CONTENT_SPLIT.fullmatch(p) else p.translate(_PSEUDO_MAP) for p in parts)
    return out + " " + "·" * max(1, min(len(text), 200) * 2 // 5)


def gettext(message: str) -> str:
    text = _translations.gettext(message)
    return pseudo(text) if pseudo_enabled() else text


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a plural message for ``n`` in the current language (Arabic has six)."""
    text = _translations.ngettext(singular, plural, n)
    return pseudo(text) if pseudo_enabled() else text


_ = gettext


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


# --- names, dates and numbers -------------------------------------------------------------


def _babel_locale(locale: str | None = None) -> Locale:
    try:
        return Locale.parse(locale or _current)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LOCALE)


def language_name(locale: str) -> str:
    """The language's name written in that language, e.g. 'Español', 'العربية'."""
    try:
        name = Locale.parse(locale).get_display_name(locale) or locale
    except (UnknownLocaleError, ValueError):
        return locale
    return name[:1].upper() + name[1:]


def _marked(text: str) -> str:
    # Under the pseudo-locale formatted values are marked too, so a date made with strftime
    # (English month names whatever the language) stands out next to one made here.
    return pseudo(text) if pseudo_enabled() else text


def format_date(value: date, style: str = "long", locale: str | None = None) -> str:
    """A date the way the reader's language writes it ('26 de noviembre de 2026')."""
    return _marked(_babel_date(value, format=style, locale=_babel_locale(locale)))


def format_datetime(value: datetime, style: str = "medium", locale: str | None = None) -> str:
    return _marked(_babel_datetime(value, format=style, locale=_babel_locale(locale)))


def format_time(value: datetime | time, style: str = "short", locale: str | None = None) -> str:
    """A clock time the reader's way ('15:30', '3:30 PM')."""
    return _marked(_babel_time(value, format=style, locale=_babel_locale(locale)))


def format_number(value: float, locale: str | None = None) -> str:
    return _marked(format_decimal(value, locale=_babel_locale(locale)))
