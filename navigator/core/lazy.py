"""Mappings whose values are made the first time they are asked for, and otherwise act as a dict.

The compiled content (``core.compiled``) holds each item as its own pickle: at 100 times the
shipped content, making all 29,333 items as pydantic models takes seconds and hundreds of MiB,
while the first pages show a few dozen. ``Content.entries``, ``Localized.items`` and
``Localized.states`` are then these mappings: the keys (and their order) are known at once, and
each value is made when it is first wanted, once. Anything that needs every item (a list, the
search index, an export) makes them all as it goes, as a dict's values would be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")
W = TypeVar("W")


class LazyMap(MutableMapping[K, V], Generic[K, V, T]):
    """A dict of ``index``'s keys, in its order; a key's value is ``make(key, index[key])``, made
    on first access and kept. Setting and deleting work as on a dict."""

    __slots__ = ("_index", "_made", "_make")

    def __init__(self, index: dict[K, T], make: Callable[[K, T], V]) -> None:
        self._index = index  # owned from here on: setting a new key adds it at the end
        self._made: dict[K, V] = {}
        self._make = make

    def __getitem__(self, key: K) -> V:
        try:
            return self._made[key]
        except KeyError:
            token = self._index[key]  # KeyError for a key that is not here, as a dict
        # setdefault: two threads asking at once both get the one value kept
        return self._made.setdefault(key, self._make(key, token))

    def __setitem__(self, key: K, value: V) -> None:
        if key not in self._index:
            self._index[key] = None  # type: ignore[assignment]  # never made: its value is set
        self._made[key] = value

    def __delitem__(self, key: K) -> None:
        del self._index[key]
        self._made.pop(key, None)

    def __iter__(self) -> Iterator[K]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self._index)} keys, {len(self._made)} made>"

    @property
    def made(self) -> int:
        """How many values have been made so far (the tests count them)."""
        return len(self._made)

    def values_where(self, wanted: Callable[[K], bool]) -> list[V]:
        """The values of the keys ``wanted`` accepts, in order; the others are not made."""
        return [self[key] for key in self._index if wanted(key)]


class Filtered(Mapping[K, W]):
    """``base`` with each value passed through ``keep``, which may drop it (None): what a reader
    may see of a view. Read-only; a value is passed through ``keep`` when first asked for, and
    counting or listing the keys asks for every value (only ``keep`` knows which are dropped)."""

    __slots__ = ("_base", "_keep", "_kept")

    def __init__(self, base: Mapping[K, V], keep: Callable[[V], W | None]) -> None:
        self._base = base
        self._keep = keep
        self._kept: dict[K, W | None] = {}

    def _value(self, key: K) -> W | None:
        try:
            return self._kept[key]
        except KeyError:
            value = self._base[key]  # KeyError for a key not in the base
        return self._kept.setdefault(key, self._keep(value))

    def __getitem__(self, key: K) -> W:
        value = self._value(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[K]:
        return (key for key in list(self._base) if self._value(key) is not None)

    def __len__(self) -> int:
        return sum(1 for _key in self)

    def __contains__(self, key: object) -> bool:
        if key not in self._base:
            return False
        return self._value(key) is not None  # type: ignore[arg-type]  # a key of the base

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._base!r}>"

    def values_where(self, wanted: Callable[[K], bool]) -> list[W]:
        """The kept values of the keys ``wanted`` accepts, in order; the others are not made."""
        found = []
        for key in list(self._base):
            if wanted(key):
                value = self._value(key)
                if value is not None:
                    found.append(value)
        return found


def values_where(mapping: Mapping[K, V], wanted: Callable[[K], bool]) -> list[V]:
    """``mapping``'s values whose keys ``wanted`` accepts, in order, making no other value (lazy
    mappings); a plain dict is read as always."""
    if isinstance(mapping, LazyMap | Filtered):
        return mapping.values_where(wanted)
    return [value for key, value in mapping.items() if wanted(key)]


def keys_where(mapping: Mapping[K, V], wanted: Callable[[K], bool]) -> list[K]:
    """``mapping``'s keys that ``wanted`` accepts, in order: a ``LazyMap`` makes no value for it
    (a ``Filtered`` must, to know which it drops)."""
    if isinstance(mapping, LazyMap):
        return [key for key in mapping._index if wanted(key)]
    if isinstance(mapping, Filtered):
        return [key for key in list(mapping._base) if wanted(key) and mapping._value(key) is not None]
    return [key for key in mapping if wanted(key)]


def made(mapping: Mapping[K, V]) -> int:
    """How many of ``mapping``'s values exist (all of a dict's)."""
    if isinstance(mapping, LazyMap):
        return mapping.made
    if isinstance(mapping, Filtered):
        return len(mapping._kept)
    return len(mapping)
