"""Open the window, open an article, press Quick exit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from navigator.core.models import Kind


def test_home_shows_three_doors(window):
    home = window.pages["home"]
    names = [door.accessibleName() for door in home.doors.values()]
    assert names == ["Get it taken down", "Understand my rights", "Find support"]
    assert window.topbar.quick_exit_button.isVisible()


def test_open_article_and_quick_exit(window, qtbot):
    article = window.library.all(Kind.ARTICLE)[0]
    window.open_item(Kind.ARTICLE, article.id)
    page = window.current_page()
    assert page.name == "item"
    text = page.browser.toPlainText() if page.browser.isVisible() else page.warning_text.text()
    assert text.strip()
    assert window.topbar.quick_exit_button.isVisible()
    exits = []
    QApplication.instance().aboutToQuit.connect(lambda: exits.append(True))
    qtbot.mouseClick(window.topbar.quick_exit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_a_content_warning_names_the_page_and_offers_two_equal_choices(window, qtbot):
    """UX review F13: the page's name and summary, the warning, "Read it" and "Not now, go back"."""
    from navigator.core.models import Kind

    warned = [a for a in window.library.all(Kind.ARTICLE) if getattr(a, "content_warning", None)]
    assert warned
    window.open_door("takedown")
    window.open_item(Kind.ARTICLE, warned[0].id)
    page = window.current_page()
    assert page.warning.isVisible() and not page.browser.isVisible()
    assert page.warning_title.text() and "Before you read" in page.warning_text.text()
    assert page.warning_read.objectName() == page.warning_back.objectName()  # equal weight
    qtbot.mouseClick(page.warning_back, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "list"
    window.open_item(Kind.ARTICLE, warned[0].id)
    qtbot.mouseClick(window.current_page().warning_read, Qt.MouseButton.LeftButton)
    assert window.current_page().browser.isVisible()
