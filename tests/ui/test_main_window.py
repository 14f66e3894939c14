"""The main window as the one place pages are wired: signals between pages, one session, one way to forget.

Each of these once failed: every page reset two or three times on "start over"; a deleted window
still listened to language changes and raised; the plan's language depended on the order pages
were added in.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from navigator import i18n
from navigator.core.models import Kind
from navigator.i18n import runtime
from navigator.ui import quick_exit
from tests.ui.test_wizard import TEXAS, answer_all, plan_of, wizard_of


def count_resets(window, monkeypatch) -> Counter[str]:  # type: ignore[no-untyped-def]
    counts: Counter[str] = Counter()
    for name, page in window.pages.items():

        def counted(name: str = name, real=page.reset) -> None:  # type: ignore[no-untyped-def]
            counts[name] += 1
            real()

        monkeypatch.setattr(page, "reset", counted)
    return counts


def count_clears(window, monkeypatch) -> list[bool]:  # type: ignore[no-untyped-def]
    cleared: list[bool] = []
    real = window.session.clear
    monkeypatch.setattr(window.session, "clear", lambda: (cleared.append(True), real())[1])
    return cleared


def busy_person(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Someone who answered the questions, ticked a step, searched, and started a letter."""
    answer_all(qtbot, window, {**TEXAS, "country": ["gb"], "uk-nation": ["england"]})
    plan_of(window).boxes["evidence"].click()
    window.open_letter("tida-removal-request")
    letter = window.current_page()
    next(iter(letter.inputs.values())).setText("my name")
    window.search_box.setText("helpline")
    window.search_box.textEdited.emit("helpline")
    session = window.session
    assert session.walk.answers and session.ticks and session.letter.values and session.search_text
    assert session.directory.country == "GB"


def assert_forgotten(window, widgets: bool = True) -> None:  # type: ignore[no-untyped-def]
    session = window.session
    assert session.walk.answers == {} and not session.walk.finished
    assert session.ticks == set()
    assert session.letter.values == {} and session.letter.template_id == ""
    assert session.search_text == "" and (not widgets or window.search_box.text() == "")
    assert session.directory.country is None and session.directory.language is None
    assert window.history == []


def test_start_over_resets_each_page_once(window, monkeypatch) -> None:
    resets = count_resets(window, monkeypatch)
    assert window.privacy.start_over(confirm=False)
    assert resets == Counter(dict.fromkeys(window.pages, 1))  # was 2 for each page, 3 for the plan


def test_quick_exit_redraws_no_page(window, monkeypatch, quick_exits) -> None:
    """Quick exit hides the windows and ends the process: redrawing pages would only delay it (F19)."""
    resets = count_resets(window, monkeypatch)
    quick_exit.quick_exit()
    assert quick_exits == [True]
    assert resets == Counter()


def test_start_over_clears_the_session_once_and_resets_each_page_once(window, qtbot, monkeypatch) -> None:
    busy_person(window, qtbot)
    resets = count_resets(window, monkeypatch)
    clears = count_clears(window, monkeypatch)
    assert window.privacy.start_over(confirm=False)
    assert clears == [True]
    assert resets == Counter(dict.fromkeys(window.pages, 1))
    assert_forgotten(window)
    assert window.current_page().name == "home"


def test_quick_exit_clears_the_same_session_the_same_way(window, qtbot, monkeypatch, quick_exits) -> None:
    busy_person(window, qtbot)
    resets = count_resets(window, monkeypatch)
    clears = count_clears(window, monkeypatch)
    quick_exit.quick_exit()
    assert quick_exits == [True]
    assert clears == [True]
    assert resets == Counter()  # nothing redrawn (F19); the session below is what is forgotten
    assert_forgotten(window, widgets=False)


def test_the_plan_speaks_the_new_language_whatever_the_order_of_the_pages(window, qtbot) -> None:
    """The plan used to be rebuilt in English when it was told of a language change before the wizard."""
    answer_all(qtbot, window, TEXAS)
    pages = window.pages
    reordered = {"plan": pages["plan"], **{name: page for name, page in pages.items() if name != "plan"}}
    pages.clear()
    pages.update(reordered)
    english = {s.id: s.title for s in window.library.view_for("en").get(Kind.PATHWAY, "main").steps}
    spanish = {s.id: s.title for s in window.library.view_for("es").get(Kind.PATHWAY, "main").steps}
    assert spanish["evidence"] != english["evidence"]
    i18n.set_locale("es")
    plan = plan_of(window)
    titles = {step.key: step.title for step in plan.plan.steps}
    assert titles["evidence"] == spanish["evidence"]
    assert plan.cards[0].tick.text.text() == spanish["evidence"]


def test_a_deleted_window_stops_listening(qtbot) -> None:
    """After a window is deleted, a language change used to raise "Internal C++ object already deleted"."""
    from navigator.app import build_window

    window = build_window(locale="en")
    window.show()
    listeners, hooks = len(runtime._listeners), len(quick_exit._forget_hooks)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.set_locale("es")  # raised RuntimeError before
    assert len(runtime._listeners) == listeners - 1
    assert len(quick_exit._forget_hooks) == hooks - 1
    quick_exit.forget_all()  # and no hook of the deleted window runs


def test_pages_reach_one_another_only_through_signals(window, qtbot) -> None:
    """The wizard's end shows the plan, the plan's buttons reach the wizard, and the plan's place
    reaches the directory, through signals connected in the main window."""
    wizard, plan = wizard_of(window), plan_of(window)
    seen: list[str] = []
    wizard.finished.connect(lambda walk: seen.append("finished"))
    plan.place_known.connect(lambda country, region, language: seen.append(f"place {country} {language}"))
    answer_all(qtbot, window, TEXAS)
    assert sorted(seen) == ["finished", "place US en"]
    assert window.current_page() is plan and plan.walk is window.session.walk
    plan.change_answers()
    assert window.current_page() is wizard


@pytest.mark.parametrize("name", ["wizard", "plan", "directory", "letter", "search"])
def test_a_page_keeps_the_persons_state_in_the_session(window, name) -> None:
    """What a page knows of the person is the session's, so clearing the session forgets it."""
    page = window.pages[name]
    session = window.session
    held = {
        "wizard": lambda: page.walk is session.walk,
        "plan": lambda: page.ticks is session.ticks,
        "directory": lambda: page.context is session.directory,
        "letter": lambda: page.values is session.letter.values,
        "search": lambda: page.query is session.search_text,
    }[name]
    assert held()


def test_the_first_window_fits_a_small_screen(window, monkeypatch) -> None:
    """On an 800x600 screen the window opens at most as large as the free area, never cut off."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication

    from navigator.ui import main_window

    screen = QGuiApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 800, 570))
    assert main_window.fitted_size(1120, 760) == (800, 570)
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 1920, 1050))
    assert main_window.fitted_size(1120, 760) == (1120, 760)
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 500, 400))
    assert main_window.fitted_size(1120, 760) == (640, 520)  # never below the window's minimum


def test_pages_are_built_when_first_wanted_in_the_language_of_that_moment(window, monkeypatch) -> None:
    """The window opens with home and search only; every other page is built the first time it is
    shown, in the language of then, with its signals wired; forgetting reaches the built pages only."""
    assert set(window.pages) == {"home", "search"}
    assert set(window.stack.names) >= {"item", "list", "letter", "wizard", "plan", "directory", "privacy", "case", "requests"}
    i18n.set_locale("es")
    window.open_door("privacy")
    privacy = window.pages["privacy"]
    assert window.current_page() is privacy and set(window.pages) == {"home", "search", "privacy"}
    assert privacy.title.text() == i18n._("About your privacy") != "About your privacy"
    assert window.pages["privacy"] is privacy  # built once
    resets = count_resets(window, monkeypatch)
    assert window.privacy.start_over(confirm=False)
    assert resets == Counter({"home": 1, "search": 1, "privacy": 1})
    assert set(window.pages) == {"home", "search", "privacy"}  # forgetting built nothing new


def test_a_page_built_after_a_language_change_reads_right_to_left(window) -> None:
    i18n.set_locale("ar")
    window.open_door("case")
    page = window.pages["case"]
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    i18n.set_locale("en")
    assert page.layoutDirection() == Qt.LayoutDirection.LeftToRight  # and it follows later changes
