"""A locale's view of the content: its translated words over the English structure.

Item by item: a missing or rejected translation falls back to English; a translation made from an
older English text is still used but marked stale so the interface can offer the English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from navigator.core import rules, translation
from navigator.core.audience import FenceError, fence_signature
from navigator.core.lazy import LazyMap, keys_where, values_where
from navigator.core.loader import SOURCE_LOCALE, Content, _files, display_path, read_file, validation_problems
from navigator.core.models import FOLDERS, LINK_RE, Article, Item, Kind, NoticeTemplate
from navigator.core.report import Problem, Report

State = Literal["source", "translated", "stale", "missing", "rejected"]


@dataclass(frozen=True)
class ItemState:
    state: State
    review: Literal["draft", "reviewed"] | None = None
    path: str | None = None
    translated: int = 0
    total: int = 0
    same_words: bool = False  # the translator says the words are the same as the English on purpose

    @property
    def shows_english(self) -> bool:
        return self.state in ("missing", "rejected")


@dataclass
class Localized:
    """The items of one locale, each either translated or English (read from the compiled
    content, ``items`` and ``states`` are ``core.lazy`` mappings: each made when first wanted)."""

    locale: str
    english: Content
    items: Mapping[tuple[Kind, str], Item] = field(default_factory=dict)
    states: Mapping[tuple[Kind, str], ItemState] = field(default_factory=dict)

    def get(self, kind: Kind, item_id: str) -> Item | None:
        return self.items.get((kind, item_id))

    def all(self, kind: Kind) -> list[Item]:
        return values_where(self.items, lambda key: key[0] == kind)

    def ids(self, kind: Kind) -> list[str]:
        """The ids of ``kind``'s items, in order (making none of a lazy view's items)."""
        return [item_id for _kind, item_id in keys_where(self.items, lambda key: key[0] == kind)]

    def state(self, kind: Kind, item_id: str) -> ItemState:
        return self.states.get((kind, item_id), ItemState("missing"))

    def resolve(self, link: str) -> tuple[Kind, Item] | None:
        found = self.english.resolve(link)
        if found is None:
            return None
        kind, item = found
        shown = self.items.get((kind, item.id))
        return (kind, shown) if shown is not None else None  # not in this view: hidden from its reader


def available_locales(root: Path) -> list[str]:
    """Locales with a content folder, English first."""
    found = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")) if root.is_dir() else []
    return [SOURCE_LOCALE] + [loc for loc in found if loc != SOURCE_LOCALE]


SOURCE_STATE = ItemState("source")


def localize(content: Content, locale: str) -> tuple[Localized, Report]:
    report = Report()
    entries = content.entries
    if locale == SOURCE_LOCALE and isinstance(entries, LazyMap):
        # English over compiled English: each item is taken from its entry when first wanted.
        keys = dict.fromkeys(entries)
        items = LazyMap(keys, lambda key, _token: entries[key].item)
        return Localized(locale, content, items, LazyMap(dict(keys), lambda _key, _token: SOURCE_STATE)), report
    view_items: dict[tuple[Kind, str], Item] = {}
    states: dict[tuple[Kind, str], ItemState] = {}
    view = Localized(locale=locale, english=content, items=view_items, states=states)
    for (kind, item_id), entry in entries.items():
        view_items[(kind, item_id)] = entry.item
        states[(kind, item_id)] = ItemState("source" if locale == SOURCE_LOCALE else "missing")
    if locale == SOURCE_LOCALE:
        return view, report
    base = content.root / locale
    for kind, folder in FOLDERS.items():
        for path in _files(base / folder):
            shown = display_path(path, content.root)
            english_entry = content.entries.get((kind, path.stem))
            if english_entry is None:
                report.add(Problem(shown, None, "", f"there is no English item '{path.stem}' in content/en/{folder}/ to translate"))
                continue
            if (path.suffix == ".md") != english_entry.path.endswith(".md"):
                report.add(Problem(shown, None, "", f"must have the same file type as {english_entry.path}"))
                continue
            parsed, problems = read_file(path, shown)
            report.extend(problems)
            if parsed is None:
                states[(kind, path.stem)] = ItemState("rejected", path=shown)
                continue
            data = parsed.data
            english = english_entry.item
            bad: list[Problem] = []
            if data.get("id") != english.id:
                bad.append(Problem(shown, parsed.line_of(("id",)), "id", f"must be '{english.id}', the English item's id"))
            status = data.get("status")
            if status not in ("draft", "reviewed"):
                bad.append(Problem(shown, parsed.line_of(("status",)), "status", "must be 'draft' or 'reviewed'"))
            same_words = data.get("same_words", False)
            if not isinstance(same_words, bool):
                bad.append(Problem(shown, parsed.line_of(("same_words",)), "same_words", "must be true or false"))
            made_from = data.get("translated_from")
            if not isinstance(made_from, str):
                bad.append(
                    Problem(
                        shown,
                        parsed.line_of(("translated_from",)),
                        "translated_from",
                        "is required: the English fingerprint this translation was made from (navigator i18n status shows it)",
                    )
                )
            merged, result = translation.overlay(english, data)
            for loc, msg in result.problems:
                bad.append(Problem(shown, parsed.line_of(loc), translation.dotted(loc), msg))
            for loc, link in _links(data):
                if content.resolve(link) is None:
                    bad.append(Problem(shown, parsed.line_of(loc), translation.dotted(loc), f"link {link} points at no item"))
            bad.extend(rules.text_problems(data, shown, parsed.line_of))
            if isinstance(english, Article) and isinstance(data.get("body"), str):
                bad.extend(_fence_problems(english.body, data["body"], shown, parsed.line_of(("body",))))
            if isinstance(english, NoticeTemplate) and isinstance(data.get("body"), str):
                bad.extend(rules.element_problems(english, data["body"], shown, parsed.line_of(("body",))))
            item = None
            if not bad:
                try:
                    item = type(english).model_validate(merged)
                except ValidationError as exc:
                    bad.extend(validation_problems(exc, shown, parsed))
            if bad or item is None:
                report.extend(bad)
                states[(kind, english.id)] = ItemState("rejected", path=shown)
                continue
            current = content.fingerprint(kind, english.id)
            state: State = "translated" if made_from == current else "stale"
            if state == "stale":
                report.add(
                    Problem(
                        shown,
                        parsed.line_of(("translated_from",)),
                        "translated_from",
                        f"stale: the English ({english_entry.path}) changed since this was translated (now {current})",
                        "warning",
                    )
                )
            view_items[(kind, english.id)] = item
            states[(kind, english.id)] = ItemState(
                state, review=status, path=shown, translated=result.translated, total=result.total, same_words=same_words is True
            )
    return view, report


def _fence_problems(english: str, translated: str, shown: str, line: int | None) -> list[Problem]:
    """A translated article keeps the English audience sections, in the same order (rule audience-fences)."""
    try:
        ours = fence_signature(translated)
    except FenceError as exc:
        return [Problem(shown, (line or 1) + exc.line - 1, "body", f"{exc} (rule: audience-fences)")]
    if ours != fence_signature(english):
        return [
            Problem(
                shown,
                line,
                "body",
                "must keep the English '::: adults' / '::: minors' sections, in the same order (rule: audience-fences)",
            )
        ]
    return []


def _links(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    found: list[tuple[tuple[str | int, ...], str]] = []
    if isinstance(value, str):
        found.extend((path, m.group(0)) for m in LINK_RE.finditer(value))
    elif isinstance(value, dict):
        for key, sub in value.items():
            found.extend(_links(sub, path + (str(key),)))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found.extend(_links(sub, path + (index,)))
    return found
