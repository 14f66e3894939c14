"""The search index compiled when Navigator is built, beside the compiled content (``core/compiled.py``).

Building a language's index reads every word of every item (at 100 times the shipped content, 6
to 11 s of CPU on a 2-CPU laptop). A wheel (``hatch_build.py``) and the bundle
(``packaging/navigator.spec``) therefore carry each language's index as the build made it, and the
search page reads the one it needs instead of building it. Nothing is written on the person's
computer: like the compiled content, the files are made by the build, inside the package. A
checkout (or an editable install) has no compiled files and builds the index as before.

The index is of the view *as the reader may see it* (``core/audience.py``): someone who may have
been under 18 in the image never finds adults-only items or parts. So the build makes one index
for each kind of reader, from ``Library.view_for`` exactly as the app makes its view, and readers
whose views give the same index (an adult, and someone who answered no question) share it.

One file per language, ``<locale>.search``, in the compiled content's folder:

- 8 bytes: the length of the header; the header, pickled: the stamp and, for each reader, where
  its index is in the file;
- each distinct index, a zlib-compressed pickle of plain values: the documents (each kind's
  numbers, ids, titles, whether English), the sorted vocabulary with each word's number of
  documents, and all postings as two arrays, word after word.

What a file does not hold is the texts snippets are cut from: a hit's snippet comes from its item
as the reader's view has it, read when the hit is made, so a query reads only the items it shows.

A file made for another format, Python (the folding uses its Unicode tables) or byte order, or one
that is damaged or missing, is not read: the page builds the index (``index_for``).
"""

from __future__ import annotations

import io
import itertools
import pickle
import struct
import sys
import unicodedata
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, overload

from navigator.core.audience import Reader
from navigator.core.localize import available_locales
from navigator.core.models import Item, Kind
from navigator.core.search import SearchIndex, View, _Doc, fold, item_fields, snippet_texts

FORMAT = 1
SUFFIX = ".search"
_HEADER = struct.Struct("<Q")
_TEXTS_KEPT = 1_000  # documents whose snippet texts are kept (a few MB at most)


def stamp() -> tuple[object, ...]:
    """What must match between the build and this run for a compiled index to be read."""
    return ("navigator-search", FORMAT, sys.version_info[:2], unicodedata.unidata_version, sys.byteorder)


class ItemView(View, Protocol):
    """The reader's view the index was compiled from; a hit's snippet comes from its item there."""

    locale: str

    def get(self, kind: Kind, item_id: str) -> Item | None: ...


# --- writing (at build time) -------------------------------------------------------------------


def write(root: Path, folder: Path) -> list[Path]:
    """Compile each language's index, for each reader, from the content compiled in ``folder``
    (``compiled.write`` first), read back as the app reads it. Returns the files written."""
    from navigator.core.library import Library

    written = []
    for locale in available_locales(root):
        # One library a language: the languages' views are not all kept at once (at 100x each is
        # hundreds of MB).
        library = Library(root, locale=locale, compiled_in=folder)
        if library.compiled_in is None:
            raise RuntimeError(f"no content compiled in {folder} to compile the search index from")
        blobs: list[bytes] = []
        where: dict[str, int] = {}
        for reader in Reader:
            library.reader_source = _constant(reader)
            blob = zlib.compress(_encode(SearchIndex.from_view(library.view)), 9)
            if blob not in blobs:
                blobs.append(blob)
            where[reader.value] = blobs.index(blob)
        path = folder / f"{locale}{SUFFIX}"
        path.write_bytes(_file(where, blobs))
        written.append(path)
    return written


def _constant(reader: Reader) -> Callable[[], Reader]:
    return lambda: reader


def _file(where: dict[str, int], blobs: list[bytes]) -> bytes:
    offsets = list(itertools.accumulate((len(blob) for blob in blobs), initial=0))
    table = {reader: (offsets[number], len(blobs[number])) for reader, number in sorted(where.items())}
    header = pickle.dumps((stamp(), table), protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(header)) + header + b"".join(blobs)


def _encode(index: SearchIndex) -> bytes:
    """An index's parts as plain values, in an order that does not depend on Python's hash seed."""
    docs = index._docs
    vocab = index._vocab
    postings = index._postings
    counts = array("I", (len(postings[word][0]) for word in vocab))
    numbers: array[int] = array("I")
    weights: array[float] = array("f")
    for word in vocab:
        found, weighed = postings[word]
        numbers.extend(found)
        weights.extend(weighed)
    typecode = "H" if len(docs) <= 0xFFFF else "I"  # 2 bytes a posting where they fit
    parts = (
        [(kind.value, start, end) for kind, start, end in index._ranges],
        [doc.id for doc in docs],
        [doc.title for doc in docs],
        bytes(doc.english for doc in docs),
        vocab,
        counts.tobytes(),
        typecode,
        array(typecode, numbers).tobytes(),
        weights.tobytes(),
        sorted(index._alphabet.items()),
    )
    return pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL)


# --- reading (in the app) ------------------------------------------------------------------------


class _Plain(pickle.Unpickler):
    """Reads plain values only (lists, tuples, strings, numbers, bytes): no class, no function."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a compiled search index holds no {module}.{name}")


def _plain(data: bytes) -> Any:
    return _Plain(io.BytesIO(data)).load()


def read(folder: Path, reader: Reader, view: ItemView) -> SearchIndex | None:
    """The index compiled in ``folder`` for ``view`` (its locale, as ``reader`` may see it), or
    None if there is none that fits this Python, or it cannot be read."""
    locale = view.locale
    if not locale.replace("_", "").isalnum():
        return None
    try:
        with open(folder / f"{locale}{SUFFIX}", "rb") as file:
            (length,) = _HEADER.unpack(file.read(_HEADER.size))
            found_stamp, table = _plain(file.read(length))
            if found_stamp != stamp():
                return None
            offset, size = table[reader.value]
            file.seek(_HEADER.size + length + offset)
            data = file.read(size)
        return _decode(_plain(zlib.decompress(data)), view)
    except Exception:  # missing, damaged or foreign: the page builds the index instead
        return None


def _decode(parts: tuple[Any, ...], view: ItemView) -> SearchIndex | None:
    ranges, ids, titles, english, vocab, counts, typecode, numbers, weights, alphabet = parts
    index = SearchIndex()
    index._ranges = [(Kind(kind), start, end) for kind, start, end in ranges]
    # Not this content's index (a folder compiled from another tree) if the first and last item of
    # each kind are not in the view. Only those are asked for: a view makes its items when first
    # asked for (the compiled content is read lazily), and counting a reader's view makes them all.
    if index._ranges[-1][2] != len(ids) or any(
        view.get(kind, ids[n]) is None for kind, start, end in index._ranges for n in (start, end - 1)
    ):
        return None
    # One fold for all titles (a string's folding is its characters' foldings), unless a title holds the separator.
    folded = fold("\0".join(titles)).split("\0")
    index._titles = folded if len(folded) == len(titles) else [fold(title) for title in titles]
    index._docs = _Docs(index._ranges, ids, titles, index._titles, english, view)
    index._vocab = vocab
    index._postings = _Postings(vocab, _array("I", counts), _array(typecode, numbers), _array("f", weights))
    index._alphabet = dict(alphabet)
    return index


def _array(typecode: str, data: bytes) -> array[Any]:
    found = array(typecode)
    found.frombytes(data)
    return found


class _Postings(Mapping[str, tuple[Sequence[int], Sequence[float]]]):
    """Each word's postings, cut from the two arrays when asked for (not a pair of arrays a word)."""

    def __init__(self, vocab: list[str], counts: array[int], numbers: array[int], weights: array[float]) -> None:
        self._where = dict(zip(vocab, range(len(vocab)), strict=True))
        self._starts = array("Q", itertools.accumulate(counts, initial=0))  # 8 bytes a word, not a Python number
        if self._starts[-1] != len(numbers) or len(numbers) != len(weights):
            raise ValueError("postings do not add up")
        self._numbers = numbers
        self._weights = weights

    def __getitem__(self, word: str) -> tuple[Sequence[int], Sequence[float]]:
        position = self._where[word]
        start, end = self._starts[position], self._starts[position + 1]
        return self._numbers[start:end], self._weights[start:end]

    def __contains__(self, word: object) -> bool:
        return word in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


class _Docs(Sequence[_Doc]):
    """The documents by number; a document's snippet texts come from its item in the reader's view
    when it is asked for (only hits are)."""

    def __init__(
        self, ranges: list[tuple[Kind, int, int]], ids: list[str], titles: list[str], folded: list[str], english: bytes, view: ItemView
    ) -> None:
        self._kinds = [kind for kind, _start, _end in ranges]
        self._starts = [start for _kind, start, _end in ranges]
        self._ids, self._titles, self._folded, self._english = ids, titles, folded, english
        self._view = view
        # The snippet texts of the documents last asked for: typing shows the same hits again and
        # again, and making an item's texts (an article's body as plain text) takes about 0.1 ms.
        self._texts: dict[int, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, number: int) -> _Doc: ...

    @overload
    def __getitem__(self, number: slice) -> Sequence[_Doc]: ...

    def __getitem__(self, number: int | slice) -> _Doc | Sequence[_Doc]:
        if isinstance(number, slice):
            return [self[n] for n in range(*number.indices(len(self)))]
        kind = self._kinds[bisect_right(self._starts, number) - 1]
        item_id = self._ids[number]
        texts = self._texts.get(number)
        if texts is None:
            item = self._view.get(kind, item_id)
            texts = snippet_texts(item_fields(item)) if item is not None else ()
            if len(self._texts) >= _TEXTS_KEPT:
                del self._texts[next(iter(self._texts))]  # the first kept
            self._texts[number] = texts
        return _Doc(kind, item_id, self._titles[number], self._folded[number], bool(self._english[number]), texts)


def index_for(view: ItemView, reader: Reader, folder: Path | None) -> SearchIndex:
    """The search index of ``view`` (the current language, as ``reader`` may see it): read from
    the compiled files in ``folder`` when there are some that fit, built otherwise."""
    found = read(folder, reader, view) if folder is not None else None
    return found if found is not None else SearchIndex.from_view(view)
