"""Translator tooling behind ``navigator i18n``: catalogs, progress, and translation files.

Interface catalogs: ``extract`` reads every ``_()``/``N_()``/``ngettext()``/``label()`` string
from the source (babel.cfg) into ``locales/navigator.pot`` and merges it into each locale's .po,
keeping what translators wrote. ``new_locale`` starts a language.

Content: ``scaffold`` writes one translation file per English item, with the English words in
place, the right ``translated_from`` fingerprint and ``status: draft``, so the shape is right
from the start; the translator changes words only. ``refresh`` moves a stale file's fingerprint
to the current English, and only when a person says the words were brought up to date.
``status`` counts it all.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po
from pydantic import BaseModel

from navigator import __version__
from navigator.core import translation
from navigator.core.loader import KIND_BY_NAME, SOURCE_LOCALE, Content, load_content
from navigator.core.localize import available_locales as content_locales
from navigator.core.localize import localize
from navigator.core.models import FOLDERS, LINK_RE, Kind
from navigator.core.report import Problem
from navigator.i18n import catalogs

KIND_BY_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}
PO_WIDTH = 76


class ToolError(Exception):
    """A problem the person running the tool can fix; the message says how."""


# --- interface catalogs ---------------------------------------------------------------------


def header_comment(locale: str) -> str:
    english = Locale.parse(locale).get_display_name("en") or locale
    # Lines stay under the .po width so that tools do not re-wrap them.
    return "\n".join(
        [
            f"# {english} words for Navigator's interface.",
            "# Review: draft",
            "# A machine-assisted draft, not yet checked by a native-speaking",
            "# advocate. When a native speaker has checked every entry, change",
            "# 'draft' to 'reviewed' on the line above: the app then stops calling",
            "# this translation a draft.",
            "# Edit with Poedit, Weblate or a text editor. Keep {names} in curly",
            "# brackets, Qt's %1, and one & (the Alt-key letter) where the English",
            "# has them. See CONTRIBUTING.md, Translators.",
        ]
    )


def build_template(source_root: Path) -> Catalog:
    """Every marked string in the source, as babel.cfg describes, in a fresh template catalog."""
    config = source_root / "babel.cfg"
    if not config.is_file():
        raise ToolError(f"{config} is missing: run this from a source checkout of Navigator")
    with config.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(config))  # type: ignore[no-untyped-call]
    template = Catalog(project="Navigator", version=__version__, charset="utf-8", fuzzy=False)
    template.header_comment = (
        "# Interface strings of Navigator: the template for every language.\n# Made by `navigator i18n extract`; do not edit by hand."
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(source_root), method_map, options_map, keywords={}, comment_tags=(), strip_comment_tags=True
    ):
        template.add(message, None, [(filename.replace("\\", "/"), lineno)], auto_comments=comments, context=context)
    return template


def _ids(catalog: Catalog) -> set[Any]:
    return {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in catalog if m.id}


_STAMP = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\n', re.MULTILINE)


def write_catalog(path: Path, catalog: Catalog) -> bool:
    """Write a .po/.pot file, leaving it untouched when only its date stamps would change. True if written."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=PO_WIDTH, include_lineno=False, ignore_obsolete=True, include_previous=True)
    new = buffer.getvalue()
    if path.is_file() and _STAMP.sub(b"", path.read_bytes()) == _STAMP.sub(b"", new):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(new)
    catalogs.clear_cache()
    return True


def extract(source_root: Path, locales: Path, check: bool = False) -> list[str]:
    """Refresh the template and every .po; with ``check``, only report what is out of date.

    Returns the problems found (with ``check``) or the files written (without).
    """
    template = build_template(source_root)
    pot = catalogs.pot_path(locales)
    out_of_date: list[str] = []
    written: list[str] = []
    if pot.is_file():
        with pot.open("rb") as handle:
            old = read_po(handle)
        if _ids(old) != _ids(template):
            added, gone = len(_ids(template) - _ids(old)), len(_ids(old) - _ids(template))
            out_of_date.append(f"{pot}: {added} new and {gone} removed strings")
    else:
        out_of_date.append(f"{pot}: missing")
    for locale in catalogs.available_locales(locales)[1:]:
        path = catalogs.po_path(locale, locales)
        catalog = catalogs.read_catalog(path, locale)
        missing = _ids(template) - _ids(catalog)
        if missing:
            out_of_date.append(f"{path}: {len(missing)} strings not yet in the file")
        if not check:
            catalog.update(template, update_header_comment=False, update_creation_date=True)
            if write_catalog(path, catalog):
                written.append(str(path))
    if check:
        return out_of_date
    if write_catalog(pot, template):
        written.insert(0, str(pot))
    return written


def new_locale(locale: str, locales: Path, content: Path) -> list[Path]:
    """Start a language: its .po from the template, and an empty content/<locale>/ mirror."""
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        raise ToolError(f"'{locale}' is not a language code Babel knows (try a two-letter code like 'de' or 'pt_BR')") from None
    if str(parsed) != locale:
        raise ToolError(f"write the language code as '{parsed}'")
    if locale == SOURCE_LOCALE:
        raise ToolError("English is the source language; it needs no translation")
    po = catalogs.po_path(locale, locales)
    if po.exists():
        raise ToolError(f"{po} already exists")
    pot = catalogs.pot_path(locales)
    if not pot.is_file():
        raise ToolError(f"{pot} is missing: run `navigator i18n extract` first")
    with pot.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    catalog.locale = parsed
    catalog.revision_date = datetime.now(UTC)
    catalog.fuzzy = False
    catalog.header_comment = header_comment(locale)
    catalog.language_team = f"{parsed.get_display_name('en')} translators"
    write_catalog(po, catalog)
    made = [po]
    for folder in FOLDERS.values():
        keep = content / locale / folder / ".gitkeep"
        if not keep.exists():
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_text("", encoding="utf-8")
            made.append(keep)
    return made


# --- progress -------------------------------------------------------------------------------


@dataclass
class ContentRow:
    kind: Kind
    item_id: str
    path: str
    english_path: str
    detail: str = ""


@dataclass
class LocaleStatus:
    locale: str
    ui_total: int = 0
    ui_done: int = 0
    ui_fuzzy: int = 0
    ui_review: str | None = None
    ui_problems: list[catalogs.CatalogProblem] = field(default_factory=list)
    content_total: int = 0
    content_done: int = 0
    content_reviewed: int = 0
    stale: list[ContentRow] = field(default_factory=list)
    rejected: list[ContentRow] = field(default_factory=list)
    same_as_english: list[ContentRow] = field(default_factory=list)
    missing: list[ContentRow] = field(default_factory=list)
    untranslated_copies: list[ContentRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ui_percent(self) -> int:
        return _percent(self.ui_done, self.ui_total)

    @property
    def content_percent(self) -> int:
        return _percent(self.content_done, self.content_total)


def _percent(done: int, total: int) -> int:
    # Rounded down: a language is never called 100% done while one string is missing.
    return 100 if total == 0 else done * 100 // total


def template_ids(locales: Path) -> set[Any]:
    pot = catalogs.pot_path(locales)
    if not pot.is_file():
        return set()
    with pot.open("rb") as handle:
        return _ids(read_po(handle))


def _translated(message: Any) -> bool:
    forms = message.string if isinstance(message.string, tuple | list) else [message.string]
    return bool(forms) and all(forms) and not message.fuzzy and not catalogs.entry_problems(message)


def status(locales: Path, content_root: Path, only: str | None = None) -> list[LocaleStatus]:
    content, _report = load_content(content_root)
    wanted = template_ids(locales)
    codes = sorted(set(catalogs.available_locales(locales)[1:]) | set(content_locales(content_root)[1:]))
    if only:
        codes = [only]
    return [_status_of(code, locales, content, wanted) for code in codes]


def _status_of(locale: str, locales: Path, content: Content, wanted: set[Any]) -> LocaleStatus:
    row = LocaleStatus(locale)
    po = catalogs.po_path(locale, locales)
    if po.is_file():
        catalog = catalogs.read_catalog(po, locale)
        keys = wanted or _ids(catalog)
        row.ui_total = len(keys)
        for message in catalog:
            if not message.id or (message.id if isinstance(message.id, str) else tuple(message.id), message.context) not in keys:
                continue
            row.ui_fuzzy += bool(message.fuzzy)
            row.ui_done += _translated(message)
        row.ui_review = catalogs.review_status(locale, locales)
        row.ui_problems = catalogs.catalog_problems(locale, locales)
    else:
        row.ui_total = len(wanted)
    view, report = localize(content, locale)
    row.problems = [p for p in report.sorted() if p.level == "error"]
    for (kind, item_id), entry in sorted(content.entries.items(), key=lambda kv: kv[1].path):
        state = view.state(kind, item_id)
        row.content_total += 1
        target = translation_path(content.root, locale, kind, item_id, entry.path)
        shown = _rel(target, content.root)
        if state.state in ("translated", "stale"):
            same = _same_as_english(entry.item, view.get(kind, item_id))
            if same == state.total and not state.same_words:
                # A file that still holds only the English words is not a translation yet.
                row.untranslated_copies.append(ContentRow(kind, item_id, shown, entry.path))
            else:
                row.content_done += 1
                row.content_reviewed += state.review == "reviewed"
                if same:
                    row.same_as_english.append(ContentRow(kind, item_id, shown, entry.path, f"{same} of {state.total}"))
        if state.state == "stale":
            row.stale.append(ContentRow(kind, item_id, shown, entry.path, translation.english_hash(entry.item)))
        elif state.state == "rejected":
            row.rejected.append(ContentRow(kind, item_id, shown, entry.path))
        elif state.state == "missing":
            row.missing.append(ContentRow(kind, item_id, shown, entry.path))
    return row


def _same_as_english(english: BaseModel, localized: BaseModel | None) -> int:
    """How many texts of a translation are still word for word the English (names often are)."""
    if localized is None:
        return 0
    theirs = dict(translation.iter_texts(translation.text_tree(localized)))
    return sum(1 for path, text in translation.iter_texts(translation.text_tree(english)) if theirs.get(path) == text)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


# --- content translation files --------------------------------------------------------------


def parse_ref(ref: str) -> tuple[Kind, str]:
    """'organization/rainn', 'navigator://organization/rainn', 'organizations/rainn' or a file path."""
    text = ref.strip().replace("\\", "/")
    match = LINK_RE.fullmatch(text)
    if match:
        text = f"{match['kind']}/{match['id']}"
    parts = [p for p in text.split("/") if p]
    if len(parts) >= 2:
        folder_or_kind, name = parts[-2], parts[-1]
        stem = name.rsplit(".", 1)[0] if name.endswith((".yaml", ".yml", ".md")) else name
        if folder_or_kind in KIND_BY_NAME:
            return KIND_BY_NAME[folder_or_kind], stem
        if folder_or_kind in KIND_BY_FOLDER:
            return KIND_BY_FOLDER[folder_or_kind], stem
    kinds = ", ".join(k.value for k in Kind)
    raise ToolError(f"'{ref}' is not an item reference; write it as kind/id, e.g. organization/rainn (kinds: {kinds})")


def translation_path(content_root: Path, locale: str, kind: Kind, item_id: str, english_path: str) -> Path:
    suffix = ".md" if english_path.endswith(".md") else ".yaml"
    return content_root / locale / FOLDERS[kind] / f"{item_id}{suffix}"


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or text[0] in "!&*%@`|>'\"{[-?,#:":
        return False
    try:
        return bool(yaml.safe_load(f"k: {text}") == {"k": text})
    except yaml.YAMLError:
        return False


def _scalar(text: str, indent: int) -> list[str]:
    """A YAML value for ``text``: plain when safe, a literal block for several lines, else quoted."""
    if _plain_ok(text):
        return [text]
    lines = text.split("\n")
    if len(lines) > 1 and not lines[0].startswith((" ", "\t")) and "\r" not in text and not text.endswith("\n"):
        pad = " " * (indent + 2)
        return ["|-", *[pad + line if line else "" for line in lines]]
    return [json.dumps(text, ensure_ascii=False)]


def _note(english: Any) -> str:
    """A short comment naming a list entry by its structure (its id, option value, or contact), for orientation."""
    if isinstance(english, dict):
        for key in ("id", "value"):
            if isinstance(english.get(key), str):
                kind = english.get("kind")
                return f"  # {kind}: {english[key]}" if isinstance(kind, str) and key == "value" else f"  # {key}: {english[key]}"
    return ""


def _emit(tree: dict[str, Any], english: dict[str, Any], indent: int) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    for key, value in tree.items():
        eng = english.get(key) if isinstance(english, dict) else None
        if isinstance(value, str):
            first, *rest = _scalar(value, indent)
            out += [f"{pad}{key}: {first}", *rest]
        elif isinstance(value, dict):
            if value:  # a nested part with no words (say, hours without a note) has nothing to translate
                out += [f"{pad}{key}:", *_emit(value, eng or {}, indent + 2)]
        elif isinstance(value, list):
            out.append(f"{pad}{key}:")
            for index, entry in enumerate(value):
                eng_entry = eng[index] if isinstance(eng, list) and index < len(eng) else None
                if isinstance(entry, str):
                    first, *rest = _scalar(entry, indent + 2)
                    out += [f"{pad}  - {first}", *rest]
                elif isinstance(entry, dict) and entry:
                    out.append(f"{pad}  -{_note(eng_entry)}")
                    out += _emit(entry, eng_entry or {}, indent + 4)
                else:
                    out.append(f"{pad}  - {{}}{_note(eng_entry)}")
    return out


def scaffold_text(english: BaseModel, english_path: str, locale: str) -> str:
    """The text of a new translation file for ``english``: English words, right shape, draft."""
    tree = translation.text_tree(english)
    dumped = english.model_dump(by_alias=True, mode="json")
    is_markdown = english_path.endswith(".md")
    body = tree.pop("body", None) if is_markdown else None
    language = Locale.parse(locale).get_display_name("en") or locale
    head = [
        f"# {language} translation of {english_path}",
        "# Change only the words. Keep {names} in curly brackets and navigator:// links exactly as they are.",
        "# Leave a line out to keep the English for it. Do not change id or translated_from.",
        "# status: draft = not yet checked by a native speaker; reviewed = checked (a reviewer sets it).",
        f"id: {english.id}",  # type: ignore[attr-defined]
        # Quoted: a fingerprint of digits only would otherwise be read as a number.
        f'translated_from: "{translation.english_hash(english)}"',
        "status: draft",
        *_emit(tree, dumped, 0),
    ]
    text = "\n".join(head) + "\n"
    if is_markdown:
        text = "---\n" + text + "---\n\n" + (body or "") + "\n"
    _check_round_trip(text, english, is_markdown)
    return text


def _check_round_trip(text: str, english: BaseModel, is_markdown: bool) -> None:
    from navigator.core.yamlfile import parse_markdown, parse_yaml

    data = (parse_markdown(text) if is_markdown else parse_yaml(text)).data
    _merged, result = translation.overlay(english, data)
    if result.problems or result.translated != result.total:  # pragma: no cover - a bug in _emit
        raise ToolError(f"internal error: the scaffold for {english.id} does not read back: {result.problems}")  # type: ignore[attr-defined]


def scaffold(content_root: Path, locale: str, refs: list[str], every: bool = False, overwrite: bool = False) -> list[Path]:
    """Write translation files pre-filled with English for the items named (or every missing one)."""
    if locale == SOURCE_LOCALE:
        raise ToolError("English is the source: translations go in content/<locale>/, e.g. 'es'")
    content, _report = load_content(content_root)
    if not content.entries:
        raise ToolError(f"no English content found under {content_root / SOURCE_LOCALE}")
    wanted = [parse_ref(r) for r in refs]
    if every:
        wanted += [key for key in sorted(content.entries, key=lambda k: content.entries[k].path) if key not in wanted]
    written: list[Path] = []
    for kind, item_id in wanted:
        entry = content.entries.get((kind, item_id))
        if entry is None:
            raise ToolError(f"there is no English {kind.value} '{item_id}' (see content/en/{FOLDERS[kind]}/)")
        target = translation_path(content_root, locale, kind, item_id, entry.path)
        if target.exists() and not overwrite:
            if every and (kind, item_id) not in [parse_ref(r) for r in refs]:
                continue
            raise ToolError(f"{_rel(target, content_root)} already exists (a translation may be in it); use --overwrite to replace it")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(scaffold_text(entry.item, entry.path, locale), encoding="utf-8")
        written.append(target)
    return written


_FROM_LINE = re.compile(r"^translated_from:[ \t]*(['\"]?)([^'\"\s#]*)\1[ \t]*(#.*)?$", re.MULTILINE)


def set_fingerprint(path: Path, fingerprint: str) -> None:
    """Rewrite only the ``translated_from`` line of a translation file; comments and words stay."""
    text = path.read_text(encoding="utf-8")
    new, count = _FROM_LINE.subn(f'translated_from: "{fingerprint}"', text, count=1)
    if count == 0:
        lines = text.split("\n")
        at = 1 if lines and lines[0].strip() == "---" else 0
        while at < len(lines) and lines[at].startswith("#"):
            at += 1
        lines.insert(at, f'translated_from: "{fingerprint}"')
        new = "\n".join(lines)
    path.write_text(new, encoding="utf-8")


def stale_rows(content_root: Path, locale: str | None = None) -> list[tuple[str, ContentRow]]:
    content, _report = load_content(content_root)
    codes = [locale] if locale else content_locales(content_root)[1:]
    rows: list[tuple[str, ContentRow]] = []
    for code in codes:
        view, _ = localize(content, code)
        for (kind, item_id), entry in sorted(content.entries.items(), key=lambda kv: kv[1].path):
            if view.state(kind, item_id).state == "stale":
                target = translation_path(content_root, code, kind, item_id, entry.path)
                rows.append((code, ContentRow(kind, item_id, _rel(target, content_root), entry.path, translation.english_hash(entry.item))))
    return rows
