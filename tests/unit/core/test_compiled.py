"""navigator.core.compiled: the content compiled at build time reads back as the YAML loads, or not at all."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from navigator.core import compiled, translation
from navigator.core.library import Library
from navigator.core.loader import load_content
from navigator.core.localize import localize
from navigator.core.models import Kind
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
