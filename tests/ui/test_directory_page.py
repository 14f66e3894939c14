"""The directory page: filter it with the keyboard and mouse, then open an entry (over a fixture tree)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from navigator.core.models import Kind
from navigator.ui.pages import directory as directory_page
from tests.conftest import FIXTURES
from tests.ui.windows import fixture_window, shown_window

MONDAY_3PM_UTC = datetime(2026, 1, 5, 15, 0, tzinfo=UTC)


@pytest.fixture
def win(qtbot, monkeypatch):
    monkeypatch.setattr(directory_page, "now_utc", lambda: MONDAY_3PM_UTC)
    yield from shown_window(qtbot, fixture_window(FIXTURES / "directory"))


def shown(page: directory_page.DirectoryPage) -> list[str]:
    return [entry.title.text() for entry in page.entry_widgets]


def choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def test_support_door_opens_the_directory(win) -> None:
    win.open_door("support")
    page = win.current_page()
    assert page.name == "directory"
    assert len(page.entry_widgets) == 8
    assert page.count.text() == "8 services"
    assert win.windowTitle() == "Navigator"  # titles never name the page


def test_filter_by_language_then_region_and_open_an_entry(win, qtbot) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    choose(page.language, "es")
    assert set(shown(page)) == {"Texas Helpline", "US Hotline", "Línea México"}
    assert not page.region_box.isVisibleTo(page)
    choose(page.place, "US")
    assert page.region_box.isVisibleTo(page)  # the US has states
    assert shown(page) == ["US Hotline", "Texas Helpline"]
    choose(page.region, "US-CA")
    assert shown(page) == ["US Hotline"]
    choose(page.region, "US-TX")
    assert shown(page) == ["Texas Helpline", "US Hotline"]
    assert page.count.text() == "2 services"
    # Keyboard: focus the first entry's title and press Enter.
    entry = page.entry_widgets[0]
    entry.title.setFocus()
    qtbot.keyClick(entry.title, Qt.Key.Key_Return)
    assert win.current_page().name == "item"
    assert win.current_page().kind is Kind.ORGANIZATION
    assert win.current_page().item_id == "texas-helpline"
    assert "Texas Helpline" in win.current_page().browser.toPlainText()


def test_entry_shows_how_when_languages_cost_and_last_checked(win) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    choose(page.place, "GB")
    entry = next(e for e in page.entry_widgets if e.title.text() == "UK Helpline")
    description = entry.title.accessibleDescription()
    for part in (
        "Open now",
        "Phone: 0300 000 0001",
        "10:00–16:00",
        "Europe/London",
        "Languages: English",
        "Cost: Free",
        "Last checked: November 26, 2026",
    ):
        assert part in description, part


def test_open_now_and_clear(win, qtbot) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    page.open_now.setChecked(True)
    assert set(shown(page)) == {"Texas Helpline", "US Hotline", "UK Helpline", "Ligne d'écoute", "Línea México"}
    qtbot.mouseClick(page.clear, Qt.MouseButton.LeftButton)
    assert len(shown(page)) == 8
    assert not page.open_now.isChecked()


def test_context_from_the_pathway_orders_without_hiding(win) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    page.set_context("US", "TX", "es")
    assert shown(page)[:2] == ["Texas Helpline", "US Hotline"]
    assert len(shown(page)) == 8
    assert page.context_row.isVisibleTo(page)
    assert "Texas" in page.context_text.text()
    page.clear_context()
    assert not page.context_row.isVisibleTo(page)
    page.set_context("US", "TX", "es")
    win.reset_session()
    assert not page.context_row.isVisibleTo(page)


def test_platform_guides_and_click_to_open(win, qtbot) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    page.show_platforms.setChecked(True)
    assert shown(page) == ["Example Search", "Example Social"]
    choose(page.category, "social")
    assert shown(page) == ["Example Social"]
    qtbot.mouseClick(page.entry_widgets[0], Qt.MouseButton.LeftButton)
    assert win.current_page().name == "item"
    assert win.current_page().item_id == "example-social"


def test_controls_have_accessible_names(win) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    for control in (page.place, page.language, page.channel, page.cost, page.serves, page.open_now, page.clear, page.show_platforms):
        assert control.accessibleName(), control
    assert all(entry.title.accessibleName() for entry in page.entry_widgets)
