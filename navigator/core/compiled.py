"""Content compiled when Navigator is built: the loaded, checked content in one file per language.

Reading the YAML tree and checking every item takes most of a start (0.3 to 0.6 s on a 2-CPU
laptop for the shipped tree); reading the same items back from one file takes about 20 ms. So a
wheel (``hatch_build.py``) and the bundle (``packaging/navigator.spec``) carry, beside the YAML
tree, what ``load_content`` and ``localize`` made of it when the package was built:

- ``en.pickle``: the English ``Content`` (without the line numbers, which only ``navigator check``
  needs) and its ``Report``;
- ``<locale>.pickle``: that language's ``Localized`` view and its ``Report``. Items a language
  does not translate are the English items themselves (shared, not copied: a pickle persistent
  reference), as ``localize`` makes them.

Each file starts with a stamp (the format, Python's and pydantic's versions): a file made for
another Python or pydantic is not read, and the library reads the YAML instead. So is a file that
is missing or cannot be read. Nothing here is ever written on the person's computer: the files
are made by the build, inside the package, next to the code (and trusted as the code is).
The YAML tree stays the source of truth; ``navigator check`` always reads it.
"""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path
from typing import Any

import pydantic

from navigator.core.loader import SOURCE_LOCALE, Content, load_content
from navigator.core.localize import Localized, available_locales, localize
from navigator.core.models import Kind
from navigator.core.report import Report
from navigator.core.yamlfile import Parsed

FORMAT = 1
SUFFIX = ".pickle"


def stamp() -> tuple[object, ...]:
    """What must match between the build and this run for a compiled file to be read."""
    return (FORMAT, sys.version_info[:2], pydantic.VERSION)


class _Writer(pickle.Pickler):
    """Pickles a language's view; the English content and its items become references to ``en.pickle``."""

    def __init__(self, file: io.BytesIO, english: Content) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared: dict[int, tuple[str, ...]] = {id(english): ("content",)}
        for (kind, item_id), entry in english.entries.items():
            self.shared[id(entry.item)] = ("item", kind.value, item_id)

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


def write(root: Path, folder: Path) -> list[Path]:
    """Load the tree at ``root`` as the app does and write one file per language into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    english, report = load_content(root)
    for entry in english.entries.values():
        entry.parsed = Parsed(None)  # the line numbers are for `navigator check`, which reads the YAML
    written = [_dump(folder / f"{SOURCE_LOCALE}{SUFFIX}", (english, report), None)]
    for locale in available_locales(root):
        if locale != SOURCE_LOCALE:
            written.append(_dump(folder / f"{locale}{SUFFIX}", localize(english, locale), english))
    return written


def _dump(path: Path, value: object, english: Content | None) -> Path:
    buffer = io.BytesIO()
    writer = _Sorted(buffer, protocol=pickle.HIGHEST_PROTOCOL) if english is None else _Writer(buffer, english)
    writer.dump(stamp())
    writer.dump(value)
    path.write_bytes(buffer.getvalue())
    return path


def _load(path: Path, english: Content | None) -> Any:
    """The value in ``path``, or None if it is missing, made for another Python or pydantic, or unreadable."""
    try:
        reader = _Reader(io.BytesIO(path.read_bytes()), english)
        if reader.load() != stamp():
            return None
        return reader.load()
    except Exception:  # a damaged or foreign file: read the YAML instead
        return None


def read_english(folder: Path, root: Path) -> tuple[Content, Report] | None:
    """The English content compiled in ``folder`` (its folder named ``root``, as if read from there)."""
    found = _load(folder / f"{SOURCE_LOCALE}{SUFFIX}", None)
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], Content) and isinstance(found[1], Report)):
        return None
    found[0].root = root
    return found[0], found[1]


def read_locale(folder: Path, english: Content, locale: str) -> tuple[Localized, Report] | None:
    """A language's view compiled in ``folder``, over ``english`` (which ``read_english`` returned)."""
    if locale == SOURCE_LOCALE or not locale.replace("_", "").isalnum():
        return None
    found = _load(folder / f"{locale}{SUFFIX}", english)
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], Localized) and isinstance(found[1], Report)):
        return None
    if found[0].english is not english or found[0].locale != locale:
        return None
    return found[0], found[1]
