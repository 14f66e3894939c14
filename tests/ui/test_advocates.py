"""For advocates: the client's language beside the screen's, the plan in the client's language,
one-page handouts, and the advocates' page that holds them; all forgotten with the person."""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import Qt

from navigator.core.models import Kind
from navigator.ui import dialogs
from navigator.ui.pages.advocates import AdvocatesPage
from navigator.ui.pages.item import ItemPage
from tests.ui.test_wizard import TEXAS, answer_all, plan_of

UNDER_18 = {**TEXAS, "age": ["under-18"]}


def advocates_of(window) -> AdvocatesPage:  # type: ignore[no-untyped-def]
    page = window.pages["advocates"]
    assert isinstance(page, AdvocatesPage)
    return page


def pick(combo, data: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_advocates_page_is_reached_from_home_and_keeps_the_guides_words(window, qtbot):
    qtbot.mouseClick(window.home.advocates, Qt.MouseButton.LeftButton)
    page = advocates_of(window)
    assert window.current_page() is page
    assert page.title.text() == "Using Navigator with a client"
    text = page.browser.toPlainText()
    assert "The person you support leads" in text and "Between clients" in text
    # A link to the guide, from anywhere, opens this page with its tools.
    window.go_home()
    window.open_link("navigator://article/for-advocates")
    assert window.current_page() is page
    # Quick exit and a way to human help stay on this screen too.
    assert window.topbar.isVisible() and window.help_now.isVisible()


def test_the_plan_beside_in_the_clients_language_shows_no_more_than_the_first(window, qtbot):
    answer_all(qtbot, window, UNDER_18)
    page = plan_of(window)
    assert not page.second.isVisible() and not page.pdf_second_button.isVisible()
    pick(page.beside.combo, "es")
    assert window.session.second_locale == "es"
    assert page.second.isVisible() and page.pdf_second_button.isVisible()
    beside = page.second.toPlainText()
    assert "NCMEC" in beside  # the minor's routes, in Spanish words
    offered = beside.split("Fuentes")[0].lower()  # what it says to do, without the pages it cites
    assert "fuentes" in beside.lower() and "https://stopncii.org/" not in offered  # StopNCII is never offered beside a minor's plan
    assert page.pdf_second_button.text() == "Save as PDF in Español…"
    # The copy to take away is in the client's language.
    assert page.markdown("es") != page.markdown() and page.markdown("es").startswith("# ")
    pick(page.beside.combo, "")
    assert not page.second.isVisible() and window.session.second_locale == ""


def test_the_plan_pdf_in_the_clients_language(window, qtbot, tmp_path, monkeypatch):
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    pick(page.beside.combo, "fr")
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(page, "ask_path", lambda *args: target)
    qtbot.mouseClick(page.pdf_second_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"CreationDate (D:" not in data
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert "Texas" in words


def test_a_page_beside_a_page_is_read_as_the_same_reader(window, qtbot):
    answer_all(qtbot, window, UNDER_18)
    window.session.second_locale = "es"
    window.open_item(Kind.ARTICLE, "hashing")
    page = window.pages["item"]
    assert isinstance(page, ItemPage)
    assert page.second.isVisible()
    beside = page.second.toPlainText()
    assert "Take It Down" in beside
    assert "StopNCII.org" not in beside.split("Fuentes")[0].split("Sources")[0]  # the adults-only section is gone
    window.session.second_locale = ""
    page.refresh()
    assert not page.second.isVisible()


def test_a_handout_saved_from_the_page(window, qtbot, tmp_path, monkeypatch):
    window.open_door("advocates")
    page = advocates_of(window)
    pick(page.topic, "helplines")
    pick(page.language, "es")
    pick(page.place, "GB")
    assert window.session.handout_place == "GB"
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr("navigator.ui.pages.advocates.ask_save_path", lambda *args: target)
    assert page.save_handout() == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"CreationDate (D:" not in data and b"Qt " not in data
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert "999" in words  # the United Kingdom's emergency number, written out


def test_a_helplines_handout_without_a_place_says_so_and_saves_nothing(window, tmp_path, monkeypatch):
    window.open_door("advocates")
    page = advocates_of(window)
    pick(page.topic, "helplines")
    pick(page.place, "")
    warned: list[str] = []
    monkeypatch.setattr("navigator.ui.pages.advocates.warn", lambda _parent, text, _more="": warned.append(text))
    monkeypatch.setattr("navigator.ui.pages.advocates.ask_save_path", lambda *args: tmp_path / "h.pdf")
    assert page.save_handout() is None
    assert warned and not (tmp_path / "h.pdf").exists()


def test_new_person_forgets_the_second_language_and_the_place(window, qtbot, monkeypatch):
    answer_all(qtbot, window, TEXAS)
    plan = plan_of(window)
    pick(plan.beside.combo, "ar")
    window.open_door("advocates")
    page = advocates_of(window)
    pick(page.place, "US-TX")
    monkeypatch.setattr(dialogs, "ask", lambda *args, **kwargs: True)
    window.reset_session()
    assert (window.session.second_locale, window.session.handout_place) == ("", "")
    assert page.beside.combo.currentData() == "" and page.place.currentData() == ""
    assert not plan.second.isVisible() and plan.second.toPlainText() == ""


def test_every_topic_fits_one_page_in_every_language(qtbot):
    """One page, for each topic, in each language, with a place (the longest handouts)."""
    from datetime import date

    from navigator.core.audience import Reader
    from navigator.core.handout import TOPICS, build_handout
    from navigator.core.loader import load_content
    from navigator.core.localize import available_locales, localize
    from navigator.i18n import is_rtl
    from navigator.paths import content_root
    from navigator.ui.handout_export import handout_pdf

    content, _report = load_content(content_root())
    for locale in available_locales(content_root()):
        view = localize(content, locale)[0]
        for topic in TOPICS:
            handout = build_handout(topic, view, str, date.isoformat, Reader.UNKNOWN, "US")
            data, pages = handout_pdf(handout, rtl=is_rtl(locale))
            assert pages == 1, (topic, locale)
            assert data.startswith(b"%PDF") and b"CreationDate (D:" not in data


def test_the_second_language_chosen_on_one_page_shows_on_the_others(window, qtbot):
    answer_all(qtbot, window, TEXAS)
    window.open_door("advocates")
    pick(advocates_of(window).beside.combo, "es")
    assert advocates_of(window).language.currentData() == "es"  # the handout follows the client's language
    window.open_item(Kind.ARTICLE, "hashing")
    item = window.pages["item"]
    assert isinstance(item, ItemPage)
    assert item.beside.combo.currentData() == "es" and item.second.isVisible()
    window.show_page("plan")
    plan = plan_of(window)
    assert plan.beside.combo.currentData() == "es" and plan.second.isVisible()
