"""navigator.core.compiled: the content compiled at build time reads back as the YAML loads, or not at all."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from navigator.core import compiled, translation
from navigator.core.audience import Reader, restrict
from navigator.core.lazy import LazyMap, made
from navigator.core.library import Library
from navigator.core.loader import load_content
from navigator.core.localize import Localized, available_locales, localize
from navigator.core.models import Item, Kind
from navigator.paths import content_root
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compiled")
    compiled.write(content_root(), out)
    return out


def test_one_file_for_each_language_of_the_tree(folder: Path) -> None:
    names = sorted(p.name for p in folder.iterdir())
    languages = sorted(p.name for p in content_root().iterdir() if p.is_dir())
    assert names == sorted(f"{language}.pickle" for language in languages)


def test_the_english_reads_back_as_the_yaml_loads(folder: Path) -> None:
    found = compiled.read_english(folder, Path("/somewhere/content"))
    assert found is not None
    english, report = found
    yaml_english, yaml_report = load_content(content_root())
    assert english.root == Path("/somewhere/content")  # where the library finds the YAML, if it must
    assert list(english.entries) == list(yaml_english.entries)
    assert all(english.entries[key].item == entry.item for key, entry in yaml_english.entries.items())
    assert report.problems == yaml_report.problems


@pytest.mark.parametrize("locale", ["es", "ar", "pt_BR"])
def test_a_language_reads_back_as_localize_makes_it(folder: Path, locale: str) -> None:
    found = compiled.read_english(folder, content_root())
    assert found is not None
    english = found[0]
    view_report = compiled.read_locale(folder, english, locale)
    assert view_report is not None
    view, report = view_report
    expected, expected_report = localize(load_content(content_root())[0], locale)
    assert view.locale == locale and view.english is english
    assert view.items == expected.items and view.states == expected.states
    assert report.problems == expected_report.problems


def test_what_a_language_does_not_translate_is_the_english_item_itself(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    url = load_content(root)[0].get(Kind.GLOSSARY, "url")
    assert url is not None
    (root / "es/glossary").mkdir(parents=True)
    (root / "es/glossary/url.yaml").write_text(
        f"id: url\ntranslated_from: '{translation.english_hash(url)}'\nstatus: reviewed\nterm: Dirección web\n", encoding="utf-8"
    )
    compiled.write(root, tmp_path / "out")
    found = compiled.read_english(tmp_path / "out", root)
    assert found is not None
    english = found[0]
    view_report = compiled.read_locale(tmp_path / "out", english, "es")
    assert view_report is not None
    view = view_report[0]
    assert getattr(view.get(Kind.GLOSSARY, "url"), "term", None) == "Dirección web"
    assert view.state(Kind.LAW, "example-law").shows_english
    assert view.get(Kind.LAW, "example-law") is english.get(Kind.LAW, "example-law")  # shared, not a copy


def test_a_file_for_another_python_or_pydantic_is_not_read(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "stamp", lambda: (compiled.FORMAT, (3, 0), "0.0"))
    assert compiled.read_english(folder, content_root()) is None


def test_a_missing_damaged_or_foreign_file_is_not_read(folder: Path, tmp_path: Path) -> None:
    assert compiled.read_english(tmp_path, content_root()) is None
    (tmp_path / "en.pickle").write_bytes((folder / "en.pickle").read_bytes()[:5000])
    assert compiled.read_english(tmp_path, content_root()) is None
    (tmp_path / "en.pickle").write_bytes(pickle.dumps(compiled.stamp()) + pickle.dumps({"not": "content"}))
    assert compiled.read_english(tmp_path, content_root()) is None
    found = compiled.read_english(folder, content_root())
    assert found is not None
    assert compiled.read_locale(folder, found[0], "en") is None  # English is no language file
    assert compiled.read_locale(folder, found[0], "../en") is None
    assert compiled.read_locale(folder, found[0], "xx") is None


def test_the_library_reads_compiled_content_and_falls_back_to_the_yaml(folder: Path, tmp_path: Path) -> None:
    fast = Library(content_root(), compiled_in=folder)
    slow = Library(content_root())
    assert fast._compiled_in == folder and fast.english.entries[(Kind.PLACE, "us")].parsed.lines == {}
    assert slow.english.entries[(Kind.PLACE, "us")].parsed.lines  # the YAML keeps every line, for `navigator check`
    for locale in ("en", "es", "fr"):
        fast.set_locale(locale)
        slow.set_locale(locale)
        assert fast.view.items == slow.view.items and fast.view.states == slow.view.states
    fallback = Library(content_root(), compiled_in=tmp_path)  # an empty folder: the YAML is read
    assert fallback._compiled_in is None and fallback.english.entries[(Kind.PLACE, "us")].parsed.lines


def test_reading_compiled_content_needs_no_cldr(folder: Path) -> None:
    # A start reads the compiled files, and the languages' names and directions: Babel's language data stay unloaded (start-up time).
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from navigator.core.library import Library; from navigator import i18n\n"
        f"library = Library(Path({str(content_root())!r}), compiled_in=Path({str(folder)!r}))\n"
        "for code in i18n.available_locales(): library.set_locale(code); i18n.language_name(code); i18n.is_rtl(code)\n"
        "assert library.report.ok and library.all(__import__('navigator.core.models').core.models.Kind.ARTICLE)\n"
        "cldr = getattr(sys.modules.get('babel.localedata'), '_cache', {})  # Babel's loaded language files\n"
        "print(sorted(cldr))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("compiled", [True, False])
def test_reading_compiled_content_needs_no_yaml_reader(folder: Path, compiled: bool) -> None:
    # A start reads the compiled files: PyYAML stays unimported (about 15 ms of CPU). Control: the
    # same library read from the YAML tree imports it.
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from navigator.core.library import Library; from navigator import i18n\n"
        f"library = Library(Path({str(content_root())!r}), compiled_in={f'Path({str(folder)!r})' if compiled else 'None'})\n"
        "for code in i18n.available_locales(): library.set_locale(code)\n"
        "assert library.report.ok and library.all(__import__('navigator.core.models').core.models.Kind.ARTICLE)\n"
        "print('yaml' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(not compiled)


def _eager(view: Localized, reader: Reader) -> dict[tuple[Kind, str], Item]:
    """What ``restricted`` made before it was lazy: every item through ``restrict`` at once."""
    return {key: kept for key, item in view.items.items() if (kept := restrict(item, reader)) is not None}


@pytest.mark.parametrize("locale", available_locales(content_root()))
def test_every_item_of_every_language_reads_back_for_every_reader_as_the_yaml_makes_it(folder: Path, locale: str) -> None:
    fast = Library(content_root(), compiled_in=folder)
    yaml_english = load_content(content_root())[0]
    expected_view = localize(yaml_english, locale)[0]
    assert isinstance(fast.english.entries, LazyMap) and fast.english.entries.made == 0
    fast.set_locale(locale)
    assert made(fast.view.items) == 0  # nothing made before it is read
    for reader in Reader:
        fast.reader_source = lambda reader=reader: reader  # type: ignore[misc]
        view = fast.view
        expected = dict(expected_view.items) if reader is Reader.UNKNOWN else _eager(expected_view, reader)
        for kind in Kind:  # one kind at a time: only that kind's items are made
            wanted = [item for (k, _id), item in expected.items() if k is kind]
            assert fast.all(kind) == wanted and fast.ids(kind) == [item.id for item in wanted]
            assert all(fast.get(kind, item.id) == item for item in wanted)
        assert list(view.items) == list(expected) and len(view.items) == len(expected)
        assert view.items == expected and dict(view.items.items()) == expected
        assert list(view.states.items()) == list(expected_view.states.items())
        hidden = [key for key in expected_view.items if key not in expected]
        assert all(key not in view.items and view.items.get(key) is None for key in hidden)
        assert (reader in (Reader.MINOR, Reader.UNSURE)) == bool(hidden)  # the control: some are hidden from a possible minor
    assert list(fast.english.entries) == list(yaml_english.entries)
    assert all(fast.english.entries[key].item == entry.item for key, entry in yaml_english.entries.items())


START = """
import sys
from collections import Counter
from pathlib import Path

import navigator.app as app
from navigator.core import lazy

app.compiled_content = lambda: Path(sys.argv[1])
window = app.build_window(sys.argv[2])
window.show()
app.QApplication.processEvents()
library = window.library
if sys.argv[3] == "plan":
    from navigator.core.audience import Reader
    from navigator.core.models import Kind

    library.reader_source = lambda: Reader.UNSURE
    library.all(Kind.ORGANIZATION)  # the control: a list of every organization makes them
assert library._compiled_in is not None, "the compiled content was not read"
views = [library.english.entries, library._views[sys.argv[2]][0].items]
made = {key for view in views for key in view if key in getattr(view, "_made", {})}  # an item of either, once
print(len(made), sum(map(lazy.made, views)), len(views[0]))
print(" ".join(sorted({kind.value for kind, _id in made})))
"""


@pytest.mark.parametrize(("locale", "then"), [("en", "start"), ("es", "start"), ("en", "plan")])
def test_a_start_makes_only_the_items_the_first_pages_show(folder: Path, locale: str, then: str) -> None:
    # In a child process, as a person starts Navigator: the window built, shown and painted, with a
    # region set (the home page shows its emergency number), from the compiled files.
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
    done = subprocess.run([sys.executable, "-c", START, str(folder), locale, then], capture_output=True, text=True, check=True, env=env)
    counts, kinds = done.stdout.strip().split("\n")
    made, counted, total = map(int, counts.split())
    assert made <= counted <= 2 * made  # the items of the view and the English ones, counted apart
    if then == "start":
        assert set(kinds.split()) <= {"place", "pathway"}, kinds  # no service, law, platform, guide, letter or word
        assert 0 < made < total / 5
    else:
        assert "organization" in kinds.split()
        assert made > total / 5


@pytest.mark.parametrize("where", ["header", "items", "end"])
def test_a_file_with_one_byte_changed_is_not_read_and_the_yaml_is(folder: Path, tmp_path: Path, where: str) -> None:
    # The items are read only when wanted, so a damaged file must be found at start, whole (CRC-32).
    shutil.copytree(folder, tmp_path / "out")
    for name in ("en.pickle", "es.pickle"):
        data = bytearray((folder / name).read_bytes())
        at = {"header": 40, "items": len(data) // 2, "end": len(data) - 1}[where]
        data[at] ^= 0x01
        (tmp_path / "out" / name).write_bytes(bytes(data))
    assert compiled.read_english(tmp_path / "out", content_root()) is None
    english = compiled.read_english(folder, content_root())
    assert english is not None and compiled.read_locale(tmp_path / "out", english[0], "es") is None
    assert compiled.read_locale(tmp_path / "out", english[0], "fr") is not None  # the control: an undamaged file is read
    library = Library(content_root(), compiled_in=tmp_path / "out")
    assert library._compiled_in is None and library.english.entries[(Kind.PLACE, "us")].parsed.lines  # from the YAML
    shutil.copy(folder / "en.pickle", tmp_path / "out" / "en.pickle")
    library = Library(content_root(), compiled_in=tmp_path / "out")
    library.set_locale("es")  # English compiled, Spanish damaged: Spanish laid over it from the YAML
    assert library._compiled_in is not None and not isinstance(library.view.items, LazyMap)
    expected = localize(load_content(content_root())[0], "es")[0]
    assert library.view.items == expected.items and library.view.states == expected.states


def test_a_second_build_writes_the_same_bytes_whatever_the_hash_seed(folder: Path, tmp_path: Path) -> None:
    # A reproducible wheel and bundle (packaging/compare_builds.py): the same tree compiles to the
    # same bytes, in another process with another hash seed.
    import os
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from navigator.core import compiled; compiled.write(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(content_root()), str(tmp_path / "again")], check=True, env=env)
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted(path.name for path in (tmp_path / "again").iterdir())
    assert all((folder / name).read_bytes() == (tmp_path / "again" / name).read_bytes() for name in names)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_every_ending_of_the_pathway_gives_the_same_plan_from_the_compiled_index_of_places(folder: Path, locale: str) -> None:
    # A plan over compiled content reads the laws and services of its places only (plan.compiled_pools).
    from navigator.core.pathway_check import distinct_endings
    from navigator.core.plan import build_plan, crisis_help

    fast = Library(content_root(), compiled_in=folder)
    fast.set_locale(locale)
    assert fast.english.places
    expected_view = localize(load_content(content_root())[0], locale)[0]
    pathway = expected_view.get(Kind.PATHWAY, "main")
    assert pathway is not None
    endings = distinct_endings(pathway, expected_view)  # type: ignore[arg-type]
    assert len(endings) > 500
    for answers in endings:
        assert build_plan(pathway, answers, fast.view, locale) == build_plan(pathway, answers, expected_view, locale), answers  # type: ignore[arg-type]
    for reader in Reader:
        for code in ("US", "CA", "GB", "DE", "AU", "KR"):
            assert crisis_help(fast, reader, code) == crisis_help(expected_view, reader, code)


@pytest.mark.parametrize("indexed", [True, False])
def test_a_plan_makes_the_laws_and_services_of_its_place_only(folder: Path, indexed: bool) -> None:
    from navigator.core.plan import build_plan

    fast = Library(content_root(), compiled_in=folder)
    if not indexed:
        fast.english.places = None  # the control: without the index, a plan reads every law and service
    pathway = fast.get(Kind.PATHWAY, "main")
    assert pathway is not None
    answers = {"safe-now": ("safe",), "what-happened": ("threat",), "age": ("adult",), "who": ("unknown",)}
    plan = build_plan(pathway, {**answers, "country": ("ca",), "ca-province": ("ca-on",)}, fast.view)  # type: ignore[arg-type]
    assert any(entry.kind is Kind.LAW for step in plan.steps for entry in step.entries)
    entries = fast.english.entries
    assert isinstance(entries, LazyMap)
    for kind in (Kind.LAW, Kind.ORGANIZATION):
        keys = [key for key in entries if key[0] is kind]
        made_of_kind = sum(1 for key in keys if key in entries._made)
        assert (made_of_kind < len(keys) / 2) == indexed, (kind, made_of_kind, len(keys))
