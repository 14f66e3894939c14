"""Content compiled when Navigator is built: the loaded, checked content in one file per language.

Reading the YAML tree and checking every item takes most of a start (0.3 to 0.6 s on a 2-CPU
laptop for the shipped tree); reading the same items back from one file takes about 20 ms. So a
wheel (``hatch_build.py``) and the bundle (``packaging/navigator.spec``) carry, beside the YAML
tree, what ``load_content`` and ``localize`` made of it when the package was built:

- ``en.pickle``: the English items (without the line numbers, which only ``navigator check``
  needs) and the ``Report``;
- ``<locale>.pickle``: that language's items, their translation states and its ``Report``. An
  item a language does not translate is not in its file: it is the English item itself (shared,
  not copied), as ``localize`` makes it.

Each item is pickled on its own, and read when it is first wanted (``core.lazy.LazyMap``): at
100 times the shipped content, making all 29,333 items at start took 3.3 s of CPU and 603 MiB,
and the first pages show a few dozen. A file is::

    prefix: b"NAVCONT\\0", the header's length, the items' length, CRC-32 of header and items
    header: a pickle of the stamp, then one of (locale, report, keys, places or states, ends)
    items:  each item's pickle, one after the other; item i is items[ends[i]:ends[i + 1]]

The stamp (the format, Python's and pydantic's versions) must match this run, the length must be
the file's, and the CRC its bytes' (checked once, read in pieces, so no copy of it is kept in
memory); otherwise the file is not read, and the library reads the YAML instead. So is a file that
is missing or cannot be read. The items are then read through a read-only map of the file: only
the pages of it that are read count in the process's memory. Nothing here is ever written on the
person's computer: the files are made by the build, inside the package, next to the code (and
trusted as the code is). The YAML tree stays the source of truth; ``navigator check`` always reads it.
"""

from __future__ import annotations

import io
import mmap
import os
import pickle
import struct
import sys
import zlib
from pathlib import Path
from typing import Any

import pydantic

from navigator.core.lazy import LazyMap
from navigator.core.loader import SOURCE_LOCALE, Content, Entry, load_content
from navigator.core.localize import ItemState, Localized, available_locales, localize
from navigator.core.models import Item, Kind
from navigator.core.plan import POOLED, place_codes
from navigator.core.report import Report
from navigator.core.yamlfile import Parsed

FORMAT = 2
MAGIC = b"NAVCONT\0"
_PREFIX = struct.Struct("<8sQQI")  # the magic, the header's length, the items' length, CRC-32
_PIECE = 1 << 20  # the CRC is read in pieces of 1 MiB
SUFFIX = ".pickle"


def stamp() -> tuple[object, ...]:
    """What must match between the build and this run for a compiled file to be read."""
    return (FORMAT, sys.version_info[:2], pydantic.VERSION)


class _Writer(pickle.Pickler):
    """Pickles a language's item; the English content and its items become references to ``en.pickle``."""

    def __init__(self, file: io.BytesIO, shared: dict[int, tuple[str, ...]]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared = shared

    def persistent_id(self, obj: Any) -> tuple[str, ...] | None:
        return self.shared.get(id(obj))

    def reducer_override(self, obj: Any) -> Any:
        return _reduce_model(obj)


def _reduce_model(obj: Any) -> Any:
    """A model's fields-set in sorted order, so that a build writes the same bytes whatever
    Python's hash seed (a reproducible bundle, packaging/compare_builds.py)."""
    if not isinstance(obj, pydantic.BaseModel):
        return NotImplemented
    state = obj.__getstate__()
    state["__pydantic_fields_set__"] = sorted(state["__pydantic_fields_set__"])
    return _model, (type(obj), state)


def _model(cls: type[pydantic.BaseModel], state: dict[str, Any]) -> pydantic.BaseModel:
    obj = cls.__new__(cls)
    state["__pydantic_fields_set__"] = set(state["__pydantic_fields_set__"])
    obj.__setstate__(state)
    return obj


class _Sorted(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        return _reduce_model(obj)


class _Reader(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, english: Content | None) -> None:
        super().__init__(file)
        self.english = english

    def persistent_load(self, pid: Any) -> Any:
        if self.english is None:
            raise pickle.UnpicklingError("a reference to the English content in the English file")
        if pid == ("content",):
            return self.english
        _item, kind, item_id = pid
        return self.english.entries[(Kind(kind), item_id)].item


def _shared(english: Content) -> dict[int, tuple[str, ...]]:
    shared: dict[int, tuple[str, ...]] = {id(english): ("content",)}
    for (kind, item_id), entry in english.entries.items():
        shared[id(entry.item)] = ("item", kind.value, item_id)
    return shared


def write(root: Path, folder: Path) -> list[Path]:
    """Load the tree at ``root`` as the app does and write one file per language into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    english, report = load_content(root)
    for entry in english.entries.values():
        entry.parsed = Parsed(None)  # the line numbers are for `navigator check`, which reads the YAML
    keys = list(english.entries)
    blobs = [_pickled(english.entries[key], None) for key in keys]
    written = [_dump(folder / f"{SOURCE_LOCALE}{SUFFIX}", (SOURCE_LOCALE, report, keys, _places(english)), blobs)]
    shared = _shared(english)
    for locale in available_locales(root):
        if locale == SOURCE_LOCALE:
            continue
        view, view_report = localize(english, locale)
        if list(view.items) != keys or list(view.states) != keys:
            raise ValueError(f"the {locale} view has other items than the English")  # localize makes one for each
        blobs = []
        for key in keys:
            item = view.items[key]
            blobs.append(b"" if item is english.entries[key].item else _pickled(item, shared))  # empty: the English item
        states = [_state_fields(view.states[key]) for key in keys]
        written.append(_dump(folder / f"{locale}{SUFFIX}", (locale, view_report, keys, states), blobs))
    return written


def _places(english: Content) -> dict[Kind, dict[str, list[tuple[int, str]]]]:
    """Each place's laws and services, for the plan (``Content.places``), places in sorted order."""
    places: dict[Kind, dict[str, list[tuple[int, str]]]] = {}
    for kind in POOLED:
        index: dict[str, list[tuple[int, str]]] = {}
        for position, ((item_kind, item_id), entry) in enumerate(english.entries.items()):
            if item_kind is kind:
                for code in place_codes(entry.item):
                    index.setdefault(code, []).append((position, item_id))
        places[kind] = dict(sorted(index.items()))
    return places


def _state_fields(state: ItemState) -> tuple[object, ...]:
    """An ``ItemState``'s fields, in order: ``ItemState(*fields)`` makes it again."""
    return (state.state, state.review, state.path, state.translated, state.total, state.same_words)


def _pickled(value: object, shared: dict[int, tuple[str, ...]] | None) -> bytes:
    buffer = io.BytesIO()
    writer = _Sorted(buffer, protocol=pickle.HIGHEST_PROTOCOL) if shared is None else _Writer(buffer, shared)
    writer.dump(value)
    return buffer.getvalue()


def _dump(path: Path, header: tuple[object, ...], blobs: list[bytes]) -> Path:
    ends = [0]
    for blob in blobs:
        ends.append(ends[-1] + len(blob))
    buffer = io.BytesIO()
    writer = _Sorted(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    writer.dump(stamp())
    writer.dump((*header, ends))
    head = buffer.getvalue()
    body = b"".join(blobs)
    check = zlib.crc32(body, zlib.crc32(head))
    path.write_bytes(_PREFIX.pack(MAGIC, len(head), len(body), check) + head + body)
    return path


class _Opened:
    """A compiled file whose stamp, length and CRC were right: its header, and its items' bytes."""

    def __init__(self, header: tuple[Any, ...], data: mmap.mmap | bytes, base: int) -> None:
        self.header = header
        self.data = data
        self.base = base

    def blob(self, ends: list[int], index: int) -> bytes:
        return self.data[self.base + ends[index] : self.base + ends[index + 1]]


def _open(path: Path) -> _Opened | None:
    """``path`` checked whole and mapped, or None if it is missing, made for another Python or
    pydantic, damaged or unreadable."""
    try:
        with path.open("rb") as file:
            magic, head_length, body_length, check = _PREFIX.unpack(file.read(_PREFIX.size))
            if magic != MAGIC or os.fstat(file.fileno()).st_size != _PREFIX.size + head_length + body_length:
                return None
            head = file.read(head_length)
            reader = pickle.Unpickler(io.BytesIO(head))
            if reader.load() != stamp():
                return None
            found = zlib.crc32(head)
            piece = bytearray(_PIECE)
            view = memoryview(piece)
            while count := file.readinto(piece):
                found = zlib.crc32(view[:count], found)
            if found != check:
                return None
            header = reader.load()
            if not isinstance(header, tuple):
                return None
            base = _PREFIX.size + head_length
            data: mmap.mmap | bytes
            try:
                data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # an empty file, or a file system that cannot map
                file.seek(0)
                data = file.read()
            return _Opened(header, data, base)
    except Exception:  # a damaged or foreign file: read the YAML instead
        return None


def _index(keys: object, ends: object) -> dict[tuple[Kind, str], int] | None:
    """Each key's position, if ``keys`` and ``ends`` are what ``write`` makes."""
    if not (isinstance(keys, list) and isinstance(ends, list) and len(ends) == len(keys) + 1):
        return None
    index = {key: position for position, key in enumerate(keys)}
    return index if len(index) == len(keys) else None


def read_english(folder: Path, root: Path) -> tuple[Content, Report] | None:
    """The English content compiled in ``folder`` (its folder named ``root``, as if read from there):
    every key at once, each entry when it is first wanted."""
    opened = _open(folder / f"{SOURCE_LOCALE}{SUFFIX}")
    if opened is None or len(opened.header) != 5:
        return None
    locale, report, keys, places, ends = opened.header
    index = _index(keys, ends)
    if locale != SOURCE_LOCALE or not isinstance(report, Report) or index is None or not isinstance(places, dict):
        return None

    def entry(key: tuple[Kind, str], position: int) -> Entry:
        found = pickle.loads(opened.blob(ends, position))
        if not (isinstance(found, Entry) and (found.kind, found.item.id) == key):
            raise pickle.UnpicklingError(f"the compiled entry {position} is not {key}")
        return found

    return Content(root=root, entries=LazyMap(index, entry), places=places), report


def read_locale(folder: Path, english: Content, locale: str) -> tuple[Localized, Report] | None:
    """A language's view compiled in ``folder``, over ``english`` (which ``read_english`` returned):
    every key at once, each item and state when it is first wanted."""
    if locale == SOURCE_LOCALE or not locale.replace("_", "").isalnum():
        return None
    opened = _open(folder / f"{locale}{SUFFIX}")
    if opened is None or len(opened.header) != 5:
        return None
    found, report, keys, states, ends = opened.header
    index = _index(keys, ends)
    if found != locale or not isinstance(report, Report) or index is None or not isinstance(states, list) or len(states) != len(keys):
        return None
    if keys != list(english.entries):  # made over other English content than this
        return None
    entries = english.entries

    def item(key: tuple[Kind, str], position: int) -> Item:
        if ends[position] == ends[position + 1]:
            return entries[key].item  # not translated: the English item itself
        made = _Reader(io.BytesIO(opened.blob(ends, position)), english).load()
        if getattr(made, "id", None) != key[1]:
            raise pickle.UnpicklingError(f"the compiled {locale} item {position} is not {key}")
        return made  # type: ignore[no-any-return]

    def state(_key: tuple[Kind, str], position: int) -> ItemState:
        return ItemState(*states[position])

    return Localized(locale, english, LazyMap(index, item), LazyMap(dict(index), state)), report
