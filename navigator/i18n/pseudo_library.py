"""The pseudo-locale's content: a ``Library`` whose every item shows pseudo-translated words.

Apart from ``pseudo`` (the interface strings' marks), because it loads the content models and
the library, which a start loads only after the window's first paint (``ui/main_window.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from navigator.core import translation
from navigator.core.library import Library
from navigator.core.localize import Localized
from navigator.core.models import Item, Kind
from navigator.i18n.pseudo import pseudo_content


def _map(tree: Any) -> Any:
    if isinstance(tree, str):
        return pseudo_content(tree)
    if isinstance(tree, dict):
        return {key: _map(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_map(value) for value in tree]
    return tree


def pseudo_item(item: Item) -> Item:
    """``item`` with each translatable text pseudo-translated and everything else as it was."""
    merged, result = translation.overlay(item, _map(translation.text_tree(item)))
    if result.problems:  # cannot happen with pseudo_content, which keeps placeholders; stay safe
        return item
    return type(item).model_validate(merged)


class PseudoLibrary(Library):
    """A ``Library`` whose every item, translated or English, shows pseudo-translated words."""

    def __init__(self, root: Path, locale: str = "en") -> None:
        self._done: set[int] = set()
        self._english_cache: dict[tuple[Kind, str], Item] = {}
        super().__init__(root, locale)

    def _view(self, locale: str) -> Localized:
        view = super()._view(locale)
        if id(view) not in self._done:
            view.items = {key: pseudo_item(item) for key, item in view.items.items()}
            self._done.add(id(view))
        return view

    def english_item(self, kind: Kind, item_id: str) -> Item | None:
        key = (kind, item_id)
        if key not in self._english_cache:
            item = super().english_item(kind, item_id)
            if item is None:
                return None
            self._english_cache[key] = pseudo_item(item)
        return self._english_cache[key]
