"""The first screen: one clear start, help in danger, then the doors (UX review F09, F05)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from navigator.ui.pages import home as home_page


def test_one_primary_action_at_the_top_and_it_starts_the_questions(window, qtbot):
    home = window.pages["home"]
    primary = [b for b in home.findChildren(QPushButton) if b.objectName() == "primary" and b.isVisible()]
    assert primary == [home.start] and home.start.text() == "Start here, about 2 minutes"
    # It comes before the doors, in reading order.
    assert (
        home.start.mapTo(home, home.start.rect().topLeft()).y()
        < home.doors["takedown"].mapTo(home, home.doors["takedown"].rect().topLeft()).y()
    )
    qtbot.mouseClick(home.start, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "wizard"


def test_in_danger_line_gives_the_number_of_the_likely_place(window, monkeypatch):
    home = window.pages["home"]
    monkeypatch.setattr(home_page, "likely_country", lambda: "US")
    home.show_danger_line()
    assert home.danger_text.text() == "In danger now? Call 911."
    monkeypatch.setattr(home_page, "likely_country", lambda: "GB")
    home.show_danger_line()
    assert home.danger_text.text() == "In danger now? Call 999."
    # The place the person gave wins over the computer's region.
    window.pages["directory"].set_context("FR", None, "fr")
    home.show_danger_line()
    assert home.danger_text.text() == "In danger now? Call 112."
    window.reset_session()
    monkeypatch.setattr(home_page, "likely_country", lambda: None)
    home.show_danger_line()
    assert home.danger_text.text() == "In danger now? Call your local emergency number."


def test_talk_to_someone_now_opens_services_at_once(window, qtbot, monkeypatch):
    from navigator.ui.pages import directory as directory_page

    monkeypatch.setattr(directory_page, "likely_country", lambda: "US")
    home = window.pages["home"]
    qtbot.mouseClick(home.talk, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert page.name == "directory" and 2 <= len(page.talk_cards) <= 3
    assert page.talk_cards[0].number.text()[0].isdigit()
    window.go_home()
    qtbot.mouseClick(window.help_now, Qt.MouseButton.LeftButton)  # the footer's, on every screen
    assert window.current_page().name == "directory"


def test_the_plain_name_is_offered_and_can_be_put_aside(window, qtbot):
    home = window.pages["home"]
    assert home.plain_offer.isVisibleTo(home)
    qtbot.mouseClick(home.plain_yes, Qt.MouseButton.LeftButton)
    assert window.display.plain_window and window.windowTitle() == "Notes"
    assert not home.plain_offer.isVisibleTo(home)
    window.display.set_plain_window(False)
    assert home.plain_offer.isVisibleTo(home)
    qtbot.mouseClick(home.plain_no, Qt.MouseButton.LeftButton)
    assert not home.plain_offer.isVisibleTo(home)


def test_the_three_doors_are_other_routes(window):
    home = window.pages["home"]
    assert [d.accessibleName() for d in home.doors.values()] == ["Get it taken down", "Understand my rights", "Find support"]
