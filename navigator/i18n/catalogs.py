"""The interface catalogs: one gettext domain, read straight from the .po files with Babel.

Translators edit only ``locales/<locale>/LC_MESSAGES/navigator.po``; there is no compile step to
forget. A translated entry whose placeholders differ from the English, or that adds markup (a link,
an image, HTML, an invisible control character), is left out when the catalog
is read (the English shows instead), so a slip in a .po file can never crash a screen;
``catalog_problems`` names the file and line, and ``navigator i18n status`` prints them.
"""

from __future__ import annotations

import gettext as _gettext
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from navigator.core.marks import HTML_TAG, MD_IMAGE  # not core.rules: it loads the content models
from navigator.paths import locales_root

if TYPE_CHECKING:
    # Babel's catalog tools load only when a .po file is read (not for English, nor at import).
    from babel.messages.catalog import Catalog

DOMAIN = "navigator"
SOURCE_LOCALE = "en"
# A line in a .po file's header comment: "# Review: draft" (machine-assisted, not yet checked by a
# native speaker) or "# Review: reviewed". Babel drops unknown header fields, so it lives in the comment.
REVIEW_RE = re.compile(r"^#?\s*Review:\s*(draft|reviewed)\b", re.MULTILINE | re.IGNORECASE)
# Named placeholders are ours ({count}); %1 style ones belong to Qt's own strings (see ui/qt_strings.py).
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}|(%[0-9]+|%n)")

_cache: dict[str, _gettext.NullTranslations] = {}


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
    """What is wrong with one catalog entry's placeholders or markup, in words a translator can act on.

    A translation must use exactly the English placeholders. In a plural entry, the last form
    (the general one, "{count} steps") must keep them all; the other forms may leave some out,
    because many languages say "one step" or, in Arabic, "two steps" without the number.
    No form may add a placeholder the English lacks: it would have no value to fill it. Nor may
    it add markup (``MARKUP``): a link, an image, HTML, a character reference, an invisible control.
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
        english = " ".join(message.id) if plural else message.id
        for kind in markup_problems(english, form):
            problems.append(f"{where} adds {kind}, which the English lacks")
    return problems


# Markup a translation may not add: interface words are put into Markdown as they are (headings
# and labels of the plan and the pages), so a link, an image, HTML, a character reference or an
# invisible direction control that the English lacks would change what a page does or shows
# (security review F4, F5). A count, so that markup the English has itself may stay.
MARKUP = {
    "HTML": HTML_TAG,
    "an image": MD_IMAGE,
    "a link": re.compile(r"\]\(|<[A-Za-z][A-Za-z0-9+.-]*:"),
    "a character reference": re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"),
    # Embeddings, overrides and zero-width characters. Not the isolates (U+2066-U+2069): an
    # Arabic translation keeps "Esc ×3" in one left-to-right piece with them, as it should.
    "an invisible control character": re.compile("[\u200b-\u200d\u202a-\u202e\u2060-\u2064\ufeff]"),
}


def markup_problems(english: str, form: str) -> list[str]:
    """The kinds of markup ``form`` holds more of than ``english``."""
    return [name for name, pattern in MARKUP.items() if len(pattern.findall(form)) > len(pattern.findall(english))]


def _names(found: list[str]) -> str:
    return ", ".join(name if name.startswith("%") else "{" + name + "}" for name in found)


def read_catalog(path: Path, locale: str) -> Catalog:
    from babel.messages.pofile import read_po

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
        from babel.messages.mofile import write_mo

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


def review_status(locale: str, root: Path | None = None) -> str | None:
    """'draft' or 'reviewed' as the .po header comment says; None for English or no catalog."""
    path = po_path(locale, root)
    if locale == SOURCE_LOCALE or not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        head = []
        for line in handle:
            if not line.startswith("#"):
                break
            head.append(line)
    match = REVIEW_RE.search("".join(head))
    return match.group(1).lower() if match else "draft"
