"""Languages in the window: the picker, live switching, right-to-left, Qt's own words, honest notices, pseudo-locale."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QMessageBox, QWidget

from navigator import APP_NAME, i18n
from navigator.core import translation
from navigator.core.library import Library
from navigator.core.loader import load_content
from navigator.core.models import Kind
from tests.conftest import FIXTURES


def visible_texts(window: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every word a person can see: labels, buttons, boxes, fields' hints, the window title."""
    # A page that rebuilds shows its new widgets, and drops the old, at the next turn of the event loop.
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield window, window.windowTitle()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel):
            yield widget, QLabel.text(widget)
        elif isinstance(widget, QAbstractButton):
            yield widget, QAbstractButton.text(widget)
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield widget, widget.itemText(index)
        elif isinstance(widget, QLineEdit):
            yield widget, widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield widget, widget.title()


def main_screens(window) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Visit the home screen, the list pages behind the doors, and one page of each kind of content."""
    window.go_home()
    yield "home"
    for door in ("takedown", "rights", "support"):
        window.open_door(door)
        yield f"door {door}"
    for kind in Kind:
        items = window.library.all(kind)
        if items:
            window.open_item(kind, items[0].id)
            yield f"{kind.value} {items[0].id}"


# --- picker and live switch -------------------------------------------------------------------


def test_picker_names_each_language_in_itself(window) -> None:  # type: ignore[no-untyped-def]
    combo = window.topbar.language
    names = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert combo.itemData(0) == "en"
    assert names["en"] == "English"
    assert names["es"] == "Español"
    assert names["fr"] == "Français"
    assert names["ar"] == "العربية"
    assert combo.accessibleName() == "Language"


def _pick(window, locale: str) -> None:  # type: ignore[no-untyped-def]
    window.topbar.language.setCurrentIndex(window.topbar.language.findData(locale))


@pytest.mark.parametrize("locale", ["es", "fr", "ar"])
def test_choosing_a_language_retranslates_every_main_screen_at_once(window, locale: str) -> None:  # type: ignore[no-untyped-def]
    catalog = i18n.read_catalog(i18n.po_path(locale), locale)
    # English words that this language translates differently: none may stay on screen.
    stale = {m.id for m in catalog if isinstance(m.id, str) and m.id and m.string and m.string != m.id and not m.fuzzy}
    english_home = window.pages["home"].title.text()
    _pick(window, locale)
    assert i18n.current_locale() == locale
    assert window.library.locale == locale
    assert window.pages["home"].title.text() == i18n._("You are not alone. We can take this one step at a time.") != english_home
    left: list[str] = []
    for screen in main_screens(window):
        left += [f"{screen}: {type(w).__name__} {text!r}" for w, text in visible_texts(window) if text in stale]
    assert left == []
    _pick(window, "en")
    assert window.pages["home"].title.text() == english_home


def test_every_page_has_words_after_a_switch(window) -> None:  # type: ignore[no-untyped-def]
    """Pages added later must set their words in retranslate(): each shows a translated heading or button."""
    _pick(window, "fr")
    catalog = i18n.read_catalog(i18n.po_path("fr"), "fr")
    french = {m.string for m in catalog if isinstance(m.id, str) and m.string}
    for name in window.pages:
        window.show_page(name)
        shown = {text for _w, text in visible_texts(window)}
        assert shown & french, f"page {name!r} shows no French words after switching"


# --- right to left ----------------------------------------------------------------------------


def test_arabic_mirrors_the_layout_and_english_restores_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    button = window.topbar.quick_exit_button
    ltr_x = button.mapTo(window, button.rect().topLeft()).x()
    assert ltr_x > window.width() // 2  # Quick exit sits on the right in English
    _pick(window, "ar")
    qtbot.wait(10)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    rtl_x = button.mapTo(window, button.rect().topLeft()).x()
    assert rtl_x < window.width() // 2  # ...and on the left in Arabic, where the eye starts
    assert QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == "RTL"
    _pick(window, "en")
    qtbot.wait(10)
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert button.mapTo(window, button.rect().topLeft()).x() == ltr_x
    assert QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == "LTR"


# --- Qt's own strings -------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "cancel", "yes"), [("es", "Cancelar", "&Sí"), ("fr", "Annuler", "&Oui"), ("ar", "إلغاء", "&نعم")])
def test_qt_dialog_buttons_speak_the_language(window, locale: str, cancel: str, yes: str) -> None:  # type: ignore[no-untyped-def]
    _pick(window, locale)
    box = QMessageBox(window)
    assert box.addButton(QMessageBox.StandardButton.Cancel).text() == cancel
    assert box.addButton(QMessageBox.StandardButton.Yes).text() == yes
    _pick(window, "en")
    assert QMessageBox(window).addButton(QMessageBox.StandardButton.Cancel).text() == "Cancel"


def test_qt_strings_not_in_our_list_are_left_to_qt(window) -> None:  # type: ignore[no-untyped-def]
    _pick(window, "fr")
    # "Home" is one of our words, not Qt's: Qt asking for it (in any context) gets no answer from us.
    assert QCoreApplication.translate("QFileDialog", "Home") == "Home"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


# --- honest notices about the language of content ----------------------------------------------


@pytest.fixture
def small_window(more_windows, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window over a tiny tree with one of each translation state in Spanish."""
    from navigator.app import create_app
    from navigator.ui.main_window import MainWindow
    from navigator.ui.theme import Theme

    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    english, report = load_content(root)
    assert report.ok
    url = english.get(Kind.GLOSSARY, "url")
    law = english.get(Kind.LAW, "example-law")
    assert url is not None and law is not None
    (root / "es/glossary").mkdir(parents=True)
    (root / "es/glossary/url.yaml").write_text(
        f"id: url\ntranslated_from: '{translation.english_hash(url)}'\nstatus: draft\nterm: Dirección web\ndefinition: Dónde está una página.\n",
        encoding="utf-8",
    )
    (root / "es/laws").mkdir(parents=True)
    (root / "es/laws/example-law.yaml").write_text(
        "id: example-law\ntranslated_from: 'aaaaaaaaaaaa'\nstatus: reviewed\ntitle: Una ley de ejemplo\n", encoding="utf-8"
    )
    # The guided questions exist only in English.
    from tests.unit.core.test_localize import PATHWAY

    (root / "en/pathways").mkdir()
    (root / "en/pathways/main.yaml").write_text(PATHWAY.replace("id: start", "id: main"), encoding="utf-8")
    # A file that still holds only the English words: it must not be called a translation.
    from navigator.i18n.tools import scaffold

    scaffold(root, "es", ["organization/helpline"])
    create_app()
    win = more_windows(MainWindow(Library(root), Theme()))
    i18n.set_locale("es")
    return win


def notice(win) -> str:  # type: ignore[no-untyped-def]
    page = win.pages["item"]
    return page.translation_notice.text.text() if page.translation_notice.isVisible() else ""


def test_item_page_says_honestly_what_language_it_shows(small_window) -> None:  # type: ignore[no-untyped-def]
    win = small_window
    win.open_item(Kind.GLOSSARY, "url")
    assert notice(win) == i18n._("This translation is a draft and has not yet been checked by a native speaker.")
    assert "Dirección web" in win.pages["item"].browser.toPlainText()

    win.open_item(Kind.LAW, "example-law")
    assert notice(win) == i18n._("The English page was updated after this translation was made. Some details may be out of date.")
    page = win.pages["item"]
    assert page.translation_notice.button.text() == i18n._("Show the English")
    page.translation_notice.button.click()
    assert notice(win) == i18n._("You are reading the English version.")
    assert "Example" in page.browser.toPlainText()
    page.translation_notice.button.click()
    assert "Una ley de ejemplo" in page.browser.toPlainText()

    for kind, item_id in ((Kind.ORGANIZATION, "helpline"), (Kind.ARTICLE, "first-steps")):
        win.open_item(kind, item_id)
        assert notice(win) == i18n._("This part is not yet translated, so it is shown in English.")

    i18n.set_locale("en")
    win.open_item(Kind.GLOSSARY, "url")
    assert notice(win) == ""


def test_lists_mark_pages_shown_in_english(small_window) -> None:  # type: ignore[no-untyped-def]
    win = small_window
    note = i18n._("Some of these pages are not yet translated. They are shown in English.")
    win.open_door("rights")  # the law is translated (if out of date): nothing to warn about
    texts = [text for _w, text in visible_texts(win)]
    assert "Una ley de ejemplo" in texts
    assert note not in texts
    win.open_door("takedown")  # the guide has no Spanish yet
    texts = [text for _w, text in visible_texts(win)]
    assert note in texts
    assert i18n._("{title} (in English)").format(title="First steps") in texts


# --- pseudo-locale --------------------------------------------------------------------------------

PSEUDO_MARK = re.compile("[⟦·áçéîñöûýÁÇÉÎÑÖÛÝ]")


def _allowed_verbatim() -> set[str]:
    """Words that are right to show as they are: the app's name, and names from Babel's CLDR data."""
    names = {APP_NAME, *(i18n.language_name(code) for code in i18n.available_locales())}
    english = Locale.parse("en")
    names |= set(english.territories.values()) | set(english.languages.values())
    for code in english.languages:
        try:
            names.add(i18n.language_name(code))
        except (ValueError, TypeError):
            continue
    return names


def test_pseudo_locale_leaves_no_plain_english_on_the_main_screens(more_windows, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    from navigator.app import build_window

    win = more_windows(build_window(locale="en"))
    allowed = _allowed_verbatim()
    plain: list[str] = []
    for screen in main_screens(win):
        for widget, text in visible_texts(win):
            words = [part.strip() for part in re.split(r"[,·—]", text)]
            if re.search(r"[A-Za-z]{2,}", text) and not PSEUDO_MARK.search(text) and not all(w in allowed for w in words if w):
                plain.append(f"{screen}: {type(widget).__name__} {text!r}")
    assert plain == []


def test_home_says_when_the_interface_words_are_a_machine_assisted_draft(window) -> None:  # type: ignore[no-untyped-def]
    note = window.pages["home"].draft_note
    assert not note.isVisibleTo(window)
    _pick(window, "ar")
    assert i18n.review_status("ar") == "draft"
    assert note.isVisibleTo(window)
    assert note.text() == i18n._(
        "The words in this language are a first draft made with help from a machine. A native speaker has not checked them yet."
    )
    assert (
        note.text()
        != "The words in this language are a first draft made with help from a machine. A native speaker has not checked them yet."
    )
    _pick(window, "en")
    assert not note.isVisibleTo(window)


def test_home_names_the_parts_a_native_speaker_has_checked(window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: the draft note names which parts have had a review, from the review marks in the data."""
    from dataclasses import replace

    from navigator.ui import language_notes

    _pick(window, "es")
    library, home = window.library, window.pages["home"]
    assert home.draft_note.text() == i18n._(
        "The words in this language are a first draft made with help from a machine. A native speaker has not checked them yet."
    )
    real_state = type(library).state
    reviewed_kinds = {Kind.PATHWAY, Kind.NOTICE}
    half = {item.id for item in library.all(Kind.LAW)[::2]}

    def marked(self, kind: Kind, item_id: str):  # type: ignore[no-untyped-def]
        state = real_state(self, kind, item_id)
        if kind in reviewed_kinds or (kind == Kind.LAW and item_id in half):
            return replace(state, review="reviewed")
        return state

    monkeypatch.setattr(type(library), "state", marked)
    parts = language_notes.review_of_parts(library, i18n.review_status("es"))
    assert parts["questions"] == parts["letters"] == "reviewed"
    assert parts["laws"] == "some"
    assert parts["interface"] == parts["guides"] == parts["organizations"] == "draft"
    home.retranslate()
    text = home.draft_note.text()
    assert home.draft_note.isVisibleTo(window)
    assert i18n._("the questions") in text and i18n._("the letters") in text
    assert i18n._("A native speaker has checked some of {parts}.").format(parts=i18n._("the laws")) in text
    assert i18n._("the guides") not in text  # a draft part is "the rest", never named as checked
    assert i18n._("The rest is a first draft made with help from a machine.") in text

    reviewed_kinds = set(Kind)  # everything checked, the interface too: nothing to say
    half = set()
    assert language_notes.review_note(language_notes.review_of_parts(library, "reviewed")) is None
    assert language_notes.review_note(language_notes.review_of_parts(library, "draft")) is not None


def _block_directions(browser) -> set[Qt.LayoutDirection]:  # type: ignore[no-untyped-def]
    found = set()
    block = browser.document().begin()
    while block.isValid():
        found.add(block.blockFormat().layoutDirection())
        block = block.next()
    return found


def test_reader_lays_out_text_in_the_direction_of_its_language(window) -> None:  # type: ignore[no-untyped-def]
    """Arabic words run right to left even when a paragraph starts with a Latin name; English stays left to right."""
    from navigator.ui.language_notes import effective_state

    _pick(window, "ar")
    checked = set()
    for kind in (Kind.ARTICLE, Kind.ORGANIZATION):
        for item in window.library.all(kind):
            window.open_item(kind, item.id)
            page = window.pages["item"]
            if not page.browser.isVisible():
                continue  # a content warning first; the text is not shown yet
            english = effective_state(window.library, kind, item.id).shows_english
            want = Qt.LayoutDirection.LeftToRight if english else Qt.LayoutDirection.RightToLeft
            assert _block_directions(page.browser) == {want}, (kind, item.id)
            checked.add(english)
            if not english:
                page.translation_notice.button.click()  # "Show the English"
                assert _block_directions(page.browser) == {Qt.LayoutDirection.LeftToRight}
    assert checked  # at least one page was looked at
    assert page.browser.accessibleName() == i18n._("Page text") != "Page text"


def test_a_machine_draft_is_a_quiet_line_with_the_english_one_tap_away(small_window) -> None:  # type: ignore[no-untyped-def]
    """UX review F15: no warning banner on every page for a draft; what is out of date keeps one."""
    win = small_window
    page = win.pages["item"]
    win.open_item(Kind.GLOSSARY, "url")  # a Spanish draft
    note = page.translation_notice
    assert note.isVisible() and note.quiet and note.objectName() == "quietNotice"
    assert note.button.objectName() == "link" and note.button.text() == i18n._("Show the English")
    note.button.click()  # one tap
    assert note.quiet and notice(win) == i18n._("You are reading the English version.")
    note.button.click()
    assert "Dirección web" in page.browser.toPlainText()
    win.open_item(Kind.LAW, "example-law")  # out of date: still a banner
    assert note.isVisible() and not note.quiet and note.objectName() == "notice"


def test_directory_marks_services_shown_in_english(small_window) -> None:  # type: ignore[no-untyped-def]
    win = small_window
    win.open_door("support")
    texts = [text for _w, text in visible_texts(win)]
    assert i18n._("{title} (in English)").format(title="Example Helpline") in texts
    i18n.set_locale("en")
    texts = [text for _w, text in visible_texts(win)]
    assert "Example Helpline" in texts


def test_guided_questions_and_plan_say_when_they_are_in_english(small_window) -> None:  # type: ignore[no-untyped-def]
    from navigator.core.pathway import Walk

    win = small_window
    not_translated = i18n._("This part is not yet translated, so it is shown in English.")
    win.open_door("guide")  # the first question at once, its short introduction above it
    wizard = win.pages["wizard"]
    assert wizard.views.currentWidget() is wizard.question_view
    assert wizard.question_language.isVisibleTo(win) and wizard.question_language.text() == not_translated
    walk = Walk(wizard.pathway)
    walk.start()
    walk.set_answer("where", ["social"])
    plan = win.pages["plan"]
    plan.show_walk(walk)
    win.show_page("plan")
    assert plan.language_note.isVisibleTo(win)
    assert plan.language_note.text() == i18n._("Some of these pages are not yet translated. They are shown in English.")
    i18n.set_locale("en")
    assert not plan.language_note.isVisibleTo(win)
    win.open_door("guide")
    assert "This part is not yet translated, so it is shown in English." not in [text for _w, text in visible_texts(win)]


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (["pt-Latn-BR", "pt-BR", "pt-Latn", "pt"], "pt_BR"),  # a Brazilian system read English before
        (["pt-PT", "pt"], "pt_BR"),  # the nearest Portuguese Navigator speaks, not English
        (["ko-Kore-KR", "ko-KR", "ko-Kore", "ko"], "ko"),
        (["ar-EG", "ar"], "ar"),
        (["de-DE", "fr-CH", "en"], "fr"),  # the first language in the list that Navigator speaks
        (["de-DE", "de"], "en"),
        (["en-US", "en"], "en"),
        ([], "en"),
    ],
)
def test_the_systems_language_is_picked_with_its_region(system: list[str], expected: str) -> None:
    from navigator.app import pick_locale

    assert pick_locale(i18n.available_locales(), system) == expected
