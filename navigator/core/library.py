"""The content the app shows right now: English loaded once, one locale's words laid over it."""

from __future__ import annotations

from pathlib import Path

from navigator.core.loader import SOURCE_LOCALE, load_content
from navigator.core.localize import ItemState, Localized, available_locales, localize
from navigator.core.models import Item, Kind
from navigator.core.report import Report


class Library:
    """Loaded content plus the current locale's view of it.

    A broken file never stops the app: it is left out, and ``report`` says what and where.
    """

    def __init__(self, root: Path, locale: str = SOURCE_LOCALE) -> None:
        self.root = root
        self.english, self.report = load_content(root)
        self._views: dict[str, tuple[Localized, Report]] = {}
        self.view = self._view(locale)

    def _view(self, locale: str) -> Localized:
        if locale not in self._views:
            self._views[locale] = localize(self.english, locale)
        return self._views[locale][0]

    def view_for(self, locale: str) -> Localized:
        """Another locale's view, e.g. a letter written in the platform's language."""
        return self._view(locale)

    def locale_report(self, locale: str) -> Report:
        self._view(locale)
        return self._views[locale][1]

    @property
    def locale(self) -> str:
        return self.view.locale

    def set_locale(self, locale: str) -> None:
        self.view = self._view(locale)

    def locales(self) -> list[str]:
        return available_locales(self.root)

    def get(self, kind: Kind, item_id: str) -> Item | None:
        return self.view.get(kind, item_id)

    def english_item(self, kind: Kind, item_id: str) -> Item | None:
        return self.english.get(kind, item_id)

    def all(self, kind: Kind) -> list[Item]:
        return self.view.all(kind)

    def state(self, kind: Kind, item_id: str) -> ItemState:
        return self.view.state(kind, item_id)

    def resolve(self, link: str) -> tuple[Kind, Item] | None:
        return self.view.resolve(link)
