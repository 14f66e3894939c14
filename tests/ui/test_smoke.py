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
    text = page.browser.toPlainText() if page.browser.isVisible() else page.warning.text.text()
    assert text.strip()
    assert window.topbar.quick_exit_button.isVisible()
    exits = []
    QApplication.instance().aboutToQuit.connect(lambda: exits.append(True))
    qtbot.mouseClick(window.topbar.quick_exit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
