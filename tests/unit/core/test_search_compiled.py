"""navigator.core.search_compiled: the search index compiled at build time answers every query as
the index built from the view does, for every language and every reader, or is not read at all."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from navigator.core import audience, compiled, search_compiled
from navigator.core.audience import Reader
from navigator.core.library import Library
from navigator.core.localize import Localized
from navigator.core.models import Item, Kind
from navigator.core.search import Results, SearchIndex
from navigator.paths import content_root
from tests.conftest import FIXTURES, REPO

LOCALES = ("en", "es", "fr", "ar", "ko", "pt_BR")
PHRASES = {
    "en": ["helpline", "take it down", "stopncii", "police report", "how do i report on instagram", "copyright notice", "deepfake"],
    "es": ["línea de ayuda", "denunciar", "eliminar imagen", "policía"],
    "fr": ["écoute", "supprimer une image", "preuves"],
    "ar": ["المساعدة", "الشرطة", "حذف الصورة", "مساعده"],
    "ko": ["상담 전화", "경찰에 신고", "증거를 저장", "스크린샷"],
    "pt_BR": ["linha de ajuda", "denúncia", "remover imagem"],
}
# Finished words, typos (one letter missing, extra, wrong, swapped), other scripts, and words that
# are in adults-only parts (StopNCII, copyright, screenshots).
WORDS = [
    "helpilne",
    "evidnce",
    "scrensh",
    "copyrihgt ",
    "stopncii ",
    "adult",
    "minor",
    "경찰",
    "스크린숏",
    "الشرطه",
    "Été",
    "s",
    "a b",
    "  ",
]


def queries(locale: str) -> list[tuple[str, int, bool]]:
    """(query, per kind, typing): what the box holds after each key press of the phrases (English's
    too); then the phrases finished and the words above, also finished and with every match of each
    kind ("Show all")."""
    typed = [(phrase[: n + 1], 5, True) for phrase in PHRASES[locale] + PHRASES["en"][:3] for n in range(len(phrase))]
    whole = [f"{phrase} " for phrase in PHRASES[locale]] + WORDS
    return typed + [(query, per_kind, typing) for query in whole for per_kind, typing in ((5, True), (5, False), (10_000, True))]


def differences(read: SearchIndex, built: SearchIndex, locale: str) -> list[str]:
    """The queries whose results differ."""
    found = []
    for query, per_kind, typing in queries(locale):
        got: Results = read.search(query, per_kind=per_kind, typing=typing)
        if got != built.search(query, per_kind=per_kind, typing=typing):
            found.append(f"{query!r} per_kind={per_kind} typing={typing}")
    return found


def compile_into(folder: Path) -> Path:
    compiled.write(content_root(), folder)
    search_compiled.write(content_root(), folder)
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_into(tmp_path_factory.mktemp("compiled"))


def reader_library(folder: Path, locale: str, reader: Reader) -> Library:
    library = Library(content_root(), locale=locale, compiled_in=folder)
    library.reader_source = lambda: reader
    return library


def test_one_index_file_for_each_language(folder: Path) -> None:
    languages = sorted(p.name for p in content_root().iterdir() if p.is_dir())
    assert sorted(p.name for p in folder.glob("*.search")) == sorted(f"{language}.search" for language in languages)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_index_answers_as_the_built_one_for_every_reader(folder: Path, locale: str) -> None:
    library = Library(content_root(), locale=locale, compiled_in=folder)
    assert library.compiled_in == folder
    sizes = set()
    for reader in Reader:
        library.reader_source = lambda reader=reader: reader
        view = library.view
        read = search_compiled.read(folder, reader, view)
        assert read is not None, reader
        built = SearchIndex.from_view(view)
        assert len(read) == len(built) == len(view.items)
        assert differences(read, built, locale) == [], reader
        sizes.add(len(view.items))
    assert len(sizes) > 1  # the readers' views differ: someone who may be a minor sees fewer items


def test_a_wrong_index_is_found_out(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Control: an index compiled with the adults-only sections of guides left in (a restriction
    # that forgot them) has as many items as the right one, and the comparison above tells it apart.
    with monkeypatch.context() as patched:
        patched.setattr(audience, "restrict_body", lambda body, reader: body)
        blob = zlib.compress(search_compiled._encode(SearchIndex.from_view(reader_library(folder, "en", Reader.MINOR).view)))
    (tmp_path / "en.search").write_bytes(search_compiled._file({Reader.MINOR.value: 0}, [blob]))
    view = reader_library(folder, "en", Reader.MINOR).view
    wrong = search_compiled.read(tmp_path, Reader.MINOR, view)
    assert wrong is not None and len(wrong) == len(view.items)  # as many items as the right one
    assert differences(wrong, SearchIndex.from_view(view), "en")
    right = search_compiled.read(folder, Reader.MINOR, view)
    assert right is not None and not differences(right, SearchIndex.from_view(view), "en")


def test_an_index_of_other_content_is_not_read(folder: Path, tmp_path: Path) -> None:
    # A folder compiled from another tree: its items are not the view's, and the index is built.
    other = FIXTURES / "directory"
    compiled.write(other, tmp_path)
    search_compiled.write(other, tmp_path)
    view = reader_library(folder, "en", Reader.UNKNOWN).view
    assert search_compiled.read(tmp_path, Reader.UNKNOWN, view) is None
    own = Library(other, compiled_in=tmp_path).view
    assert search_compiled.read(tmp_path, Reader.UNKNOWN, own) is not None  # control


def test_readers_with_the_same_view_share_one_index(folder: Path) -> None:
    data = (folder / "en.search").read_bytes()
    (length,) = search_compiled._HEADER.unpack(data[: search_compiled._HEADER.size])
    _stamp, table = pickle.loads(data[search_compiled._HEADER.size : search_compiled._HEADER.size + length])
    assert table[Reader.ADULT.value] == table[Reader.UNKNOWN.value]  # nothing is taken out for either
    assert len({table[reader.value] for reader in Reader}) == 3


class Counting(Localized):
    """A view that counts the items asked for."""

    asked: int = 0

    def get(self, kind: Kind, item_id: str) -> Item | None:
        self.asked += 1
        return super().get(kind, item_id)


def test_a_query_reads_only_the_items_it_shows(folder: Path) -> None:
    view = reader_library(folder, "en", Reader.UNKNOWN).view
    counting = Counting(locale=view.locale, english=view.english, items=view.items, states=view.states)
    read = search_compiled.read(folder, Reader.UNKNOWN, counting)
    assert read is not None and counting.asked <= 2 * len(Kind)  # the first and last of each kind, to check the view
    counting.asked = 0
    results = read.search("help")
    assert results.total > 20 and counting.asked == len(results.hits()) <= 5 * len(Kind)
    assert results.hits()[0].snippet  # cut from the item's text


def test_a_file_for_another_python_or_format_is_not_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = reader_library(folder, "es", Reader.UNKNOWN).view
    assert search_compiled.read(folder, Reader.UNKNOWN, view) is not None  # control
    monkeypatch.setattr(search_compiled, "stamp", lambda: ("navigator-search", search_compiled.FORMAT + 1, (3, 0), "0", "little"))
    assert search_compiled.read(folder, Reader.UNKNOWN, view) is None
    index = search_compiled.index_for(view, Reader.UNKNOWN, folder)  # the page builds it instead
    assert isinstance(index._docs, list) and index.search("ayuda") == SearchIndex.from_view(view).search("ayuda")


def test_a_missing_or_damaged_file_is_not_read(folder: Path, tmp_path: Path) -> None:
    view = reader_library(folder, "fr", Reader.UNKNOWN).view
    good = (folder / "fr.search").read_bytes()
    path = tmp_path / "fr.search"
    assert search_compiled.read(tmp_path, Reader.UNKNOWN, view) is None  # missing
    path.write_bytes(good)
    assert search_compiled.read(tmp_path, Reader.UNKNOWN, view) is not None  # control: a copy reads
    size = search_compiled._HEADER.size
    (length,) = search_compiled._HEADER.unpack(good[:size])
    offset, blob = pickle.loads(good[size : size + length])[1]["unknown"]
    start = size + length + offset  # where the index this reader reads is
    damaged = [
        good[: start + blob // 2],  # cut short
        good[: start + blob - 100] + bytes(100) + good[start + blob :],  # zeros at the end of its data
        good[: start + blob // 2] + bytes([good[start + blob // 2] ^ 0xFF]) + good[start + blob // 2 + 1 :],  # one byte changed
        good[:8] + b"\xff" * 20 + good[28:],  # the header
        b"",
        search_compiled._HEADER.pack(len(pickle.dumps(os.getcwd))) + pickle.dumps(os.getcwd),  # a function where the header should be
    ]
    header = pickle.dumps((search_compiled.stamp(), {"unknown": (0, 10)}))
    damaged.append(search_compiled._HEADER.pack(len(header)) + header + b"not zlib!!")
    for data in damaged:
        path.write_bytes(data)
        assert search_compiled.read(tmp_path, Reader.UNKNOWN, view) is None
        index = search_compiled.index_for(view, Reader.UNKNOWN, tmp_path)
        assert isinstance(index._docs, list) and len(index) == len(view.items)  # built instead
    assert search_compiled.read(folder, Reader.UNKNOWN, Localized(locale="../fr", english=view.english)) is None


def test_a_class_in_the_file_is_not_loaded(folder: Path, tmp_path: Path) -> None:
    # The file holds plain values only; a pickle naming a class or function is refused, not run.
    view = reader_library(folder, "en", Reader.UNKNOWN).view
    for payload in (pickle.dumps(Path("x")), pickle.dumps(([], [], [], b"", [], b"", "I", b"", b"", []))):
        blob = zlib.compress(payload)
        header = pickle.dumps((search_compiled.stamp(), {"unknown": (0, len(blob))}))
        (tmp_path / "en.search").write_bytes(search_compiled._HEADER.pack(len(header)) + header + blob)
        assert search_compiled.read(tmp_path, Reader.UNKNOWN, view) is None  # (the second: an index of nothing, not this view's)


def test_a_checkout_builds_the_index(tmp_path: Path) -> None:
    library = Library(content_root())
    assert library.compiled_in is None
    index = search_compiled.index_for(library.view, Reader.UNKNOWN, library.compiled_in)
    assert isinstance(index._docs, list) and index.search("helpline").total


def test_a_second_build_writes_the_same_bytes(folder: Path, tmp_path: Path) -> None:
    # Whatever Python's hash seed (a reproducible bundle, packaging/compare_builds.py).
    script = "import sys; from pathlib import Path; from navigator.core import search_compiled; search_compiled.write(Path(sys.argv[1]), Path(sys.argv[2]))"
    made = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        for path in folder.glob("*.pickle"):
            (out / path.name).write_bytes(path.read_bytes())
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(content_root()), str(out)], check=True, env=env, cwd=REPO)
        made.append({path.name: path.read_bytes() for path in sorted(out.glob("*.search"))})
    assert made[0] == made[1] == {path.name: path.read_bytes() for path in sorted(folder.glob("*.search"))}
    assert len(made[0]) == len(LOCALES)


def test_write_needs_the_compiled_content(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="no content compiled"):
        search_compiled.write(content_root(), tmp_path)
