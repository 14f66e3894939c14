"""The shipped interface catalogs: placeholders kept, plural forms complete, source strings extractable.

Like qutebrowser's test of its shipped config data, these read the real files under locales/.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from navigator import i18n
from navigator.ui.qt_strings import QT_STRINGS
from tests.conftest import REPO
from tests.unit.i18n.conftest import write_po

LOCALES = REPO / "locales"
SHIPPED = i18n.available_locales(LOCALES)[1:]
MNEMONIC = re.compile(r"&(?=[^&\s])")
# Positional or printf-style placeholders: a translator cannot reorder them, so the source may not use them.
UNNAMED = re.compile(r"\{\}|\{[0-9]+\}|%(?:\([a-z_]+\))?[sdifr]")


def template():  # type: ignore[no-untyped-def]
    with i18n.pot_path(LOCALES).open("rb") as handle:
        return read_po(handle)


def test_the_three_languages_ship() -> None:
    assert {"es", "fr", "ar"} <= set(SHIPPED)


@pytest.mark.parametrize("locale", SHIPPED)
def test_translations_keep_every_placeholder(locale: str) -> None:
    """Each msgstr (each plural form too) has the msgid's {names} and Qt's %1, and adds none."""
    catalog = i18n.read_catalog(i18n.po_path(locale, LOCALES), locale)
    bad = []
    for message in catalog:
        if message.id and not message.fuzzy:
            bad += [f"line {message.lineno}: {problem} in {message.id!r}" for problem in i18n.entry_problems(message)]
    assert bad == []


@pytest.mark.parametrize("locale", SHIPPED)
def test_mnemonics_are_kept(locale: str) -> None:
    """One & where the English has one, so Alt+letter still works; none where it has none."""
    catalog = i18n.read_catalog(i18n.po_path(locale, LOCALES), locale)
    bad = []
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not message.string:
            continue
        if len(MNEMONIC.findall(message.id)) != len(MNEMONIC.findall(message.string)):
            bad.append(f"line {message.lineno}: {message.id!r} -> {message.string!r}")
    assert bad == []


@pytest.mark.parametrize("locale", SHIPPED)
def test_plural_entries_have_every_form_of_the_language(locale: str) -> None:
    catalog = i18n.read_catalog(i18n.po_path(locale, LOCALES), locale)
    for message in catalog:
        if message.id and isinstance(message.id, tuple | list) and any(message.string):
            assert len(message.string) == catalog.num_plurals, (message.lineno, message.id)
            assert all(message.string), f"line {message.lineno}: a plural form is empty"


@pytest.mark.parametrize("locale", SHIPPED)
def test_catalog_says_whether_it_was_reviewed(locale: str) -> None:
    assert i18n.review_status(locale, LOCALES) in ("draft", "reviewed")
    text = i18n.po_path(locale, LOCALES).read_text(encoding="utf-8")
    assert re.search(r"^# Review: (draft|reviewed)$", text, re.MULTILINE)


def test_source_uses_only_named_placeholders() -> None:
    """``_("{count} steps")``, never ``_("%d steps")`` or ``_("{} steps")``; Qt's own %1 only in qt_strings."""
    bad = []
    for message in template():
        if not message.id:
            continue
        qt = all(path.endswith("ui/qt_strings.py") for path, _line in message.locations)
        for text in message.id if isinstance(message.id, tuple | list) else [message.id]:
            if UNNAMED.search(text) or (not qt and re.search(r"%[0-9n]", text)):
                bad.append((message.locations, text))
    assert bad == []


def test_no_gettext_call_hides_inside_an_f_string() -> None:
    """Babel (on Python 3.11) cannot see ``f"{_('Words')}"``: such words would never be translated."""
    call = re.compile(r"(?<![\w.])(_|N_|gettext|ngettext|label)\(\s*['\"]")
    found = []
    for path in sorted((REPO / "navigator").rglob("*.py")):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING and "f" in token.string.split("'")[0].split('"')[0].lower() and call.search(token.string):
                found.append(f"{path.relative_to(REPO)}:{token.start[0]}")
    assert found == []


def test_qt_strings_are_in_the_template() -> None:
    ids = {message.id for message in template() if message.id}
    assert sorted(QT_STRINGS - ids) == []


def test_template_is_made_from_babel_cfg_keywords() -> None:
    config = (REPO / "babel.cfg").read_text(encoding="utf-8")
    for keyword in ("_", "N_", "ngettext:1,2", "label"):
        assert re.search(rf"^keywords = .*(?<!\S){re.escape(keyword)}(?!\S)", config, re.MULTILINE), keyword


def test_template_and_catalogs_hold_every_string_in_the_source() -> None:
    """A new ``_()`` string must reach translators: run ``navigator i18n extract`` and commit locales/."""
    from navigator.i18n.tools import extract

    assert extract(REPO, LOCALES, check=True) == []


@pytest.mark.parametrize("locale", ["es", "fr", "ar"])
def test_every_interface_string_is_translated(locale: str) -> None:
    """The shipped languages translate the whole interface (fuzzy or broken entries do not count).

    When this fails after new strings were extracted, `navigator i18n status` shows the gap; the
    English shows for those strings until they are translated.
    """
    catalog = i18n.read_catalog(i18n.po_path(locale, LOCALES), locale)
    missing = []
    for message in template():
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        forms = [] if found is None else (list(found.string) if isinstance(found.string, tuple | list) else [found.string])
        if found is None or found.fuzzy or not forms or not all(forms) or i18n.entry_problems(found):
            missing.append(message.id)
    assert missing == []


# --- reading and checking a catalog ------------------------------------------------------


def test_entry_with_wrong_placeholders_is_left_out_and_reported(locales: Path) -> None:
    path = write_po(
        locales,
        "fr",
        'msgid "Saved to {path}."\nmsgstr "Enregistré dans {chemin}."\n\nmsgid "Hello {name}"\nmsgstr "Bonjour {name}"\n',
    )
    i18n.set_locale("fr")
    # The screen never crashes on .format(): the English (with its own placeholder) shows instead.
    assert i18n._("Saved to {path}.").format(path="/tmp/x") == "Saved to /tmp/x."
    assert i18n._("Hello {name}").format(name="Sam") == "Bonjour Sam"
    problems = [str(p) for p in i18n.catalog_problems("fr", locales)]
    assert problems == [
        f"{path.relative_to(locales.parent)}:9: msgstr drops {{path}} (msgid 'Saved to {{path}}.')",
        f"{path.relative_to(locales.parent)}:9: msgstr adds {{chemin}}, which the English lacks (msgid 'Saved to {{path}}.')",
    ]


class _Message:
    def __init__(self, msgid: object, string: object) -> None:
        self.id, self.string = msgid, string


@pytest.mark.parametrize(
    ("msgid", "string", "problems"),
    [
        ("Hi {name}", "Salut {name}", []),
        ("Hi {name}", "Salut", ["msgstr drops {name}"]),
        ("Hi", "Salut {name}", ["msgstr adds {name}, which the English lacks"]),
        ("Hi {name}", "Salut {nom}", ["msgstr drops {name}", "msgstr adds {nom}, which the English lacks"]),
        ("%1 exists", "%1 existe", []),
        ("%1 exists", "existe", ["msgstr drops %1"]),
        ("Hi {name}", "", []),  # untranslated: English shows, nothing wrong
        # Plural forms other than the last may leave the number out ("one step", Arabic "two steps")...
        (("{count} step", "{count} steps"), ("une étape", "{count} étapes"), []),
        (("One step", "{count} steps"), ("Une étape", "{count} étapes"), []),
        # ...the last, general form may not, and no form may add a placeholder.
        (("{count} step", "{count} steps"), ("{count} étape", "étapes"), ["msgstr[1] drops {count}"]),
        (("{count} step", "{count} steps"), ("{count} {n} étape", "{count} étapes"), ["msgstr[0] adds {n}, which the English lacks"]),
        # Words that are put into Markdown may not bring markup the English lacks (security review F4, F5).
        (
            "Sources",
            "Sources ![x](/home/me/photo.png)",
            ["msgstr adds an image, which the English lacks", "msgstr adds a link, which the English lacks"],
        ),
        ("Sources", "[Sources](https://evil.example)", ["msgstr adds a link, which the English lacks"]),
        (
            "Sources",
            "Sources <https://evil.example>",
            ["msgstr adds HTML, which the English lacks", "msgstr adds a link, which the English lacks"],
        ),
        ("Sources", '<img src="/home/me/photo.png">', ["msgstr adds HTML, which the English lacks"]),
        ("Call", "Appeler &#x202E;", ["msgstr adds a character reference, which the English lacks"]),
        ("Call", "Appeler \u202e", ["msgstr adds an invisible control character, which the English lacks"]),
        ("Call {number}", "اتصل \u2068{number}\u2069", []),  # isolates keep a number whole in Arabic
        ("Read [the guide](navigator://article/x)", "Lire [le guide](navigator://article/x)", []),  # as in the English
    ],
)
def test_entry_problems(msgid: object, string: object, problems: list[str]) -> None:
    assert i18n.entry_problems(_Message(msgid, string)) == problems


def test_review_status_is_read_from_the_header_comment(locales: Path) -> None:
    write_po(locales, "fr", "", review="reviewed")
    write_po(locales, "ar", "", review="draft")
    assert i18n.review_status("fr", locales) == "reviewed"
    assert i18n.review_status("ar", locales) == "draft"
    assert i18n.review_status("en", locales) is None
    assert i18n.review_status("de", locales) is None


def test_available_locales_puts_english_first(locales: Path) -> None:
    write_po(locales, "fr", "")
    write_po(locales, "ar", "")
    (locales / "notes").mkdir()
    assert i18n.available_locales(locales) == ["en", "ar", "fr"]
