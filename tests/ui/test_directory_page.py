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
    page.filters_toggle.setChecked(True)  # folded away until asked for
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
    page.filters_toggle.setChecked(True)  # folded away until asked for
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
    page.filters_toggle.setChecked(True)  # folded away until asked for
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


def test_talk_to_someone_now_comes_first_for_the_likely_place(win, monkeypatch) -> None:
    """Before any answer, the computer's region picks the place; a line open day and night first,
    its number large; nothing from another country (UX review F07: an Australian line came first)."""
    monkeypatch.setattr(directory_page, "likely_country", lambda: "US")
    win.open_door("talk")
    page = win.pages["directory"]
    assert win.current_page() is page
    talk = [card.title.text() for card in page.talk_cards]
    assert 1 <= len(talk) <= 3 and talk[0] == "US Hotline"
    assert "UK Helpline" not in talk and "Ligne d'écoute" not in talk
    assert page.talk_cards[0].number.text() == "+1 555 0101"  # the number itself, large
    assert not page.service_filters.isVisibleTo(page)  # the filters are folded away
    page.filters_toggle.click()
    assert page.service_filters.isVisibleTo(page)
    # The place the person gave wins over the computer's region.
    page.set_context("GB", None, "en")
    page.refresh()
    assert next(card.title.text() for card in page.talk_cards) == "UK Helpline"


def test_with_no_place_known_it_asks_rather_than_guess(win, monkeypatch) -> None:
    monkeypatch.setattr(directory_page, "likely_country", lambda: None)
    win.open_door("talk")
    page = win.pages["directory"]
    assert page.talk_cards == []
    assert "Choose your country" in page.talk_place.text()


def test_cards_are_built_once_and_filtered_by_hiding(win) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    first = {id(card) for card in page.entry_widgets}
    choose(page.language, "es")
    choose(page.language, None)
    assert {id(card) for card in page.entry_widgets} == first  # the same widgets, shown again


def test_platform_guides_are_under_get_it_taken_down(win) -> None:
    win.open_door("takedown")
    page = win.current_page()
    assert page.name == "list"
    words = " ".join(button.text() for button in page.findChildren(__import__("PySide6.QtWidgets", fromlist=["QPushButton"]).QPushButton))
    assert "Example Social" in words
    assert not hasattr(win.pages["directory"], "show_platforms")


def test_controls_have_accessible_names(win) -> None:
    win.open_door("support")
    page = win.pages["directory"]
    for control in (page.place, page.language, page.channel, page.cost, page.serves, page.open_now, page.clear, page.filters_toggle):
        assert control.accessibleName(), control
    assert all(entry.title.accessibleName() for entry in page.entry_widgets)
