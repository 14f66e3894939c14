"""The plan starts small: "Do these first", then sections that open and close; laws are not tasks;
no "0 of 23"; plain link text; saving in one toolbar at the end (UX review F08, F32). And the
first minute, counted: clicks from launch to the first thing to do (at most 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui.test_wizard import TEXAS, answer_all, plan_of


def test_do_these_first_is_at_most_three_with_whom_and_how(window, qtbot):
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    assert 1 <= len(page.first) <= 3 and page.first_card.isVisible()
    assert [t.step for t in page.first] == ["evidence", "remove-each"]
    request = page.first[1]
    assert request.name == "X (formerly Twitter)" or request.name.startswith("X")
    assert request.reach.startswith("https://")  # its address, to go straight there
    words = " ".join(w.text() for w in page.first_card.findChildren(type(page.title)))
    assert request.reach in words


def test_not_safe_puts_the_emergency_number_first(window, qtbot, monkeypatch):
    answers = {**TEXAS, "safe-now": ["not-safe"]}
    answer_all(qtbot, window, answers)
    page = plan_of(window)
    assert page.first[0].step == "talk-now" and page.first[0].reach == "911"
    words = " ".join(w.text() for w in page.first_card.findChildren(type(page.title)))
    assert "Emergency number: 911" in words


def test_the_rest_is_in_sections_that_open_and_close(window, qtbot):
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    assert page.sections and all(not s.body.isVisible() for s in page.sections)  # folded at first
    section = page.sections[0]
    qtbot.mouseClick(section.toggle, Qt.MouseButton.LeftButton)
    assert section.body.isVisible()
    qtbot.mouseClick(section.toggle, Qt.MouseButton.LeftButton)
    assert not section.body.isVisible()


def test_laws_have_no_tick_box_and_there_is_no_count_of_ticks(window, qtbot):
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    laws = next(card for card in page.cards if card.step.key == "laws")
    law_keys = {e.key for e in laws.step.entries}
    assert law_keys and not law_keys & set(page.boxes)
    assert not page.done_text.isVisible()  # nothing ticked: nothing said
    evidence = next(card for card in page.cards if card.step.key == "evidence")
    evidence.tick.box.setChecked(True)
    assert page.done_text.isVisibleTo(page) and page.done_text.text() == "You have done 1 thing. That is enough for today."
    assert " of " not in page.done_text.text()


def test_links_say_where_they_go(window, qtbot):
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    texts = [b.words.text() for b in page.findChildren(QPushButton) if hasattr(b, "words")]
    assert "Saving evidence safely →" in texts
    assert not [t for t in texts if t.startswith("Open")]


def test_saving_is_one_toolbar_at_the_end(window, qtbot):
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    bar = page.pdf_button.parentWidget()
    assert bar is page.print_button.parentWidget() is page.more_button.parentWidget()
    last_section = page.sections[-1]
    assert bar.mapTo(page, bar.rect().topLeft()).y() > last_section.mapTo(page, last_section.rect().topLeft()).y()


def test_not_legal_advice_is_said_once_on_the_plan_screen(window, qtbot):
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    for section in page.sections:
        section.open(False)
    said = [w for w in page.findChildren(type(page.title)) if "not legal advice" in w.text() and w.isVisibleTo(page)]
    footer = "not legal advice" in window.not_advice.text()
    assert footer and said == []  # the footer says it, once, on every screen


def test_at_most_ten_clicks_from_launch_to_the_first_thing_to_do(window, qtbot):
    """The common path: safe, made with AI, an adult, on X, no threats, the US, Texas."""
    clicks = []

    def click(widget, pos=None):  # type: ignore[no-untyped-def]
        clicks.append(widget)
        if pos is None:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    wizard = window.pages["wizard"]
    click(window.pages["home"].start)

    def current():  # type: ignore[no-untyped-def]
        return wizard.walk.current().id if wizard.walk.current() else None

    def pick(value: str, then_next: bool = False) -> None:
        question = current()
        if wizard.option_list is not None:
            widget = wizard.option_list
            item = next(widget.item(n) for n in range(widget.count()) if widget.item(n).data(Qt.ItemDataRole.UserRole) == value)
            widget.scrollToItem(item)  # scrolling, as a person would with the wheel: not a click
            click(widget.viewport(), widget.visualItemRect(item).center())
        else:
            click(dict(wizard.option_buttons)[value])
        if then_next:
            click(wizard.next_button)
        qtbot.waitUntil(lambda: current() != question, timeout=3000)

    for value in ("safe", "ai-made", "adult"):
        pick(value)
    pick("x", then_next=True)  # several choices: Next after them
    pick("not-threatened")
    pick("us")
    pick("us-tx")
    page = plan_of(window)
    assert window.current_page() is page and page.first and page.first_card.isVisible()
    assert len(clicks) <= 10, len(clicks)
