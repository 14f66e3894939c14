"""The search box and results page, used from the keyboard (over a fixture tree)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from navigator.core.models import Kind
from navigator.ui.pages.search import KIND_NAMES
from tests.conftest import FIXTURES, REPO
from tests.ui.windows import fixture_window, shown_window


@pytest.fixture
def win(qtbot):
    yield from shown_window(qtbot, fixture_window(FIXTURES / "directory"))


def test_typing_shows_grouped_results_and_enter_opens_the_top_one(win, qtbot) -> None:
    box = win.search_box
    assert box.accessibleName() == "Search Navigator"
    box.setFocus()
    qtbot.keyClicks(box, "ECOUT")  # case, accent and the unfinished word do not matter
    qtbot.waitUntil(win.pages["search"].ready)
    page = win.current_page()
    assert page.name == "search"
    assert page.results.top is not None and page.results.top.id == "ligne-ecoute"
    rows = [page.list.item(n).text() for n in range(page.list.count())]
    assert rows[0] == "Support services (1)"
    assert rows[1] == "Ligne d'écoute"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert win.current_page().name == "item"
    assert win.current_page().item_id == "ligne-ecoute"


def test_down_arrow_moves_into_results_and_enter_opens(win, qtbot) -> None:
    box = win.search_box
    box.setFocus()
    qtbot.keyClicks(box, "screenshot")
    qtbot.waitUntil(win.pages["search"].ready)
    page = win.current_page()
    kinds = [g.kind for g in page.results.groups]
    assert kinds[0] is Kind.GLOSSARY and Kind.ARTICLE in kinds
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert page.list.hasFocus()
    assert page.list.currentItem().text() == "Screenshot"
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # skips the "Guides" heading
    assert page.list.currentItem().text() == "Saving proof"
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert win.current_page().item_id == "saving-proof"


def test_up_from_the_first_result_returns_to_the_box(win, qtbot) -> None:
    box = win.search_box
    box.setFocus()
    qtbot.keyClicks(box, "hotline")
    qtbot.waitUntil(win.pages["search"].ready)
    page = win.current_page()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    assert box.hasFocus()


def test_nothing_found_says_so(win, qtbot) -> None:
    win.search_box.setFocus()
    qtbot.keyClicks(win.search_box, "zzzzqqq")
    qtbot.waitUntil(win.pages["search"].ready)
    page = win.current_page()
    assert page.list.count() == 0
    assert "Nothing found" in page.summary.text()
    qtbot.keyClick(win.search_box, Qt.Key.Key_Return)  # nothing to open: stays
    assert win.current_page() is page


def test_ctrl_f_focuses_the_box_and_reset_clears(win, qtbot) -> None:
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.search_box.hasFocus()
    qtbot.keyClicks(win.search_box, "help")
    qtbot.waitUntil(win.pages["search"].ready)
    win.reset_session()
    assert win.search_box.text() == ""
    assert win.current_page().name == "home"


def test_large_content_builds_the_index_in_the_background(win, qtbot, monkeypatch) -> None:

    page = win.pages["search"]
    win.search_box.setFocus()
    qtbot.keyClicks(win.search_box, "hotline")
    # Either still building ("getting ready") or already done; never a wrong "nothing found".
    assert page.results.total > 0 or "Getting search ready" in page.summary.text()
    qtbot.waitUntil(lambda: page.results.total > 0, timeout=5000)
    assert page.results.top is not None and page.results.top.id == "us-hotline"


def test_results_shown_in_english_are_marked(win, qtbot) -> None:
    from navigator import i18n

    i18n.set_locale("es")  # the fixture tree has no Spanish content: everything falls back to English
    win.search_box.setFocus()
    qtbot.keyClicks(win.search_box, "hotline")
    qtbot.waitUntil(win.pages["search"].ready)
    page = win.current_page()
    titles = [page.list.item(n).text() for n in range(page.list.count())]
    assert i18n._("{title} (in English)").format(title="US Hotline") in titles


def test_every_kind_of_item_has_a_heading_in_the_results() -> None:
    assert set(KIND_NAMES) == set(Kind)


@pytest.fixture
def shipped(qtbot):
    yield from shown_window(qtbot, fixture_window(REPO / "content"))


def test_a_country_is_found_and_opens(shipped, qtbot) -> None:
    """A country's name finds its page (emergency numbers); its group has a heading (it once raised KeyError)."""
    shipped.search_box.setFocus()
    qtbot.keyClicks(shipped.search_box, "France ")
    page = shipped.pages["search"]
    qtbot.waitUntil(page.ready)
    rows = [page.list.item(n).text() for n in range(page.list.count())]
    assert "Country (1)" in rows
    assert "France" in rows
    page.list.setCurrentRow(rows.index("France"))
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert shipped.current_page().name == "item"
    assert shipped.current_page().item_id == "fr"


@pytest.fixture
def packaged(qtbot, tmp_path):
    """A window over the fixture tree read compiled, as a wheel or the bundle reads its content."""
    from navigator.core import compiled, search_compiled

    root = FIXTURES / "directory"
    compiled.write(root, tmp_path)
    search_compiled.write(root, tmp_path)
    yield from shown_window(qtbot, fixture_window(root, compiled_in=tmp_path))


def test_a_packaged_window_reads_the_index_compiled_for_its_reader(packaged, qtbot, monkeypatch) -> None:
    """A wheel or the bundle reads the index the build compiled (core/search_compiled.py) for the
    reader in front of it, in the background, and builds none."""
    from navigator.core import search_compiled
    from navigator.core.audience import Reader
    from navigator.core.search import SearchIndex

    win = packaged
    built = []
    monkeypatch.setattr(SearchIndex, "from_view", lambda view: built.append(view))
    page = win.pages["search"]
    win.search_box.setFocus()
    qtbot.keyClicks(win.search_box, "helpline")
    qtbot.waitUntil(lambda: page.results.total > 0)
    everyone = {hit.id for hit in page.results.hits()}
    assert {"uk-helpline", "texas-helpline"} <= everyone  # services for adults only
    win.library.reader_source = lambda: Reader.MINOR  # the age question answered "under 18"
    page.run(page.query)
    qtbot.waitUntil(page.ready)
    assert built == [] and isinstance(page.index()._postings, search_compiled._Postings)
    found = page.results
    assert found.total > 0 and not {"uk-helpline", "texas-helpline"} & {hit.id for hit in found.hits()}
    monkeypatch.undo()
    assert found == SearchIndex.from_view(win.library.view).search("helpline", per_kind=5)
