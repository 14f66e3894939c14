"""The content the app shows right now: English loaded once, one locale's words laid over it,
and only what the person in front of the screen may be shown.

Who that is comes from the session (``reader_source``): once someone says they may have been
under 18 in the image, every page, list, search result and export built on the library leaves out
what is only for adults (``navigator.core.audience``). With no age answered, everything shows,
adults-only parts labelled as such.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from navigator.core import compiled
from navigator.core.audience import Reader, restrict
from navigator.core.lazy import Filtered
from navigator.core.loader import SOURCE_LOCALE, load_content
from navigator.core.localize import ItemState, Localized, available_locales, localize
from navigator.core.models import Item, Kind
from navigator.core.report import Report


def restricted(view: Localized, reader: Reader) -> Localized:
    """``view`` as ``reader`` may see it: the same locale and states, restricted items, hidden ones gone.

    Each item goes through ``restrict`` when it is first asked for (``core.lazy.Filtered``), not
    all of them at once: at 100x content, a plan reads a few hundred of 29,333.
    """
    return Localized(
        locale=view.locale, english=view.english, items=Filtered(view.items, lambda item: restrict(item, reader)), states=view.states
    )


class Library:
    """Loaded content plus the current locale's view of it.

    A broken file never stops the app: it is left out, and ``report`` says what and where.
    """

    def __init__(self, root: Path, locale: str = SOURCE_LOCALE, compiled_in: Path | None = None) -> None:
        """``compiled_in``: a folder of content compiled from ``root`` when the package was built
        (``core.compiled``); read instead of the YAML when it fits this Python and pydantic."""
        self.root = root
        found = compiled.read_english(compiled_in, root) if compiled_in is not None else None
        # Languages are read compiled only over English read compiled: they refer to its items.
        self._compiled_in = compiled_in if found is not None else None
        self.english, self.report = found if found is not None else load_content(root)
        self._views: dict[str, tuple[Localized, Report]] = {}
        self._restricted: dict[tuple[str, Reader], Localized] = {}
        self._locale = locale
        self._view(locale)
        # Who is reading: the session answers it (from the age question); nobody known by default.
        self.reader_source: Callable[[], Reader] = lambda: Reader.UNKNOWN

    def _view(self, locale: str) -> Localized:
        if locale not in self._views:
            self._views[locale] = self._localize(locale)
        return self._views[locale][0]

    def _localize(self, locale: str) -> tuple[Localized, Report]:
        found = compiled.read_locale(self._compiled_in, self.english, locale) if self._compiled_in is not None else None
        return found if found is not None else localize(self.english, locale)

    @property
    def compiled_in(self) -> Path | None:
        """The folder of compiled content this library reads (``core.compiled``), None when it reads the YAML."""
        return self._compiled_in

    @property
    def reader(self) -> Reader:
        return self.reader_source()

    def view_for(self, locale: str) -> Localized:
        """A locale's view for the current reader (the screen's, or e.g. a letter in the platform's language)."""
        key = (locale, self.reader)
        if key not in self._restricted:
            base = self._view(locale)
            self._restricted[key] = base if key[1] is Reader.UNKNOWN else restricted(base, key[1])
        return self._restricted[key]

    @property
    def view(self) -> Localized:
        """The current locale's view, as the current reader may see it."""
        return self.view_for(self._locale)

    def locale_report(self, locale: str) -> Report:
        self._view(locale)
        return self._views[locale][1]

    @property
    def locale(self) -> str:
        return self._locale

    def set_locale(self, locale: str) -> None:
        self._view(locale)
        self._locale = locale

    def ready(self, locale: str) -> bool:
        """Whether switching to ``locale`` is quick: its words are laid over the English already."""
        return locale in self._views

    def prepare(self, locale: str) -> tuple[str, tuple[Localized, Report]]:
        """Lay a locale's words over the English without changing anything here: safe in a worker
        thread (it reads the loaded English only). Hand the result to ``adopt`` on the owner's thread."""
        return locale, self._localize(locale)

    def adopt(self, prepared: object) -> None:
        """Keep a locale ``prepare`` made, so that ``set_locale`` to it is quick."""
        assert isinstance(prepared, tuple)
        locale, view = prepared
        self._views.setdefault(locale, view)

    def locales(self) -> list[str]:
        return available_locales(self.root)

    def get(self, kind: Kind, item_id: str) -> Item | None:
        return self.view.get(kind, item_id)

    def english_item(self, kind: Kind, item_id: str) -> Item | None:
        item = self.english.get(kind, item_id)
        return None if item is None else restrict(item, self.reader)

    def all(self, kind: Kind) -> list[Item]:
        return self.view.all(kind)

    def ids(self, kind: Kind) -> list[str]:
        """The ids of the ``kind`` items the current reader may see, in order."""
        return self.view.ids(kind)

    def state(self, kind: Kind, item_id: str) -> ItemState:
        return self.view.state(kind, item_id)

    def resolve(self, link: str) -> tuple[Kind, Item] | None:
        return self.view.resolve(link)
