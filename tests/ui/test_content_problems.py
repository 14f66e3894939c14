"""A broken content file never stops Navigator: the window opens and says, at the bottom, that some
information could not be read and where to report it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from navigator import app, paths
from tests.conftest import FIXTURES
from tests.ui.windows import delete_window, fixture_window


@pytest.fixture
def broken_tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", root)
    (root / "en/glossary/url.yaml").write_text("id: url\nterm: [not, text]\n", encoding="utf-8")
    return root


@pytest.fixture
def open_window(qtbot):
    """Open a main window over a content tree; deleted after the test."""
    made = []

    def open_(root: Path):  # type: ignore[no-untyped-def]
        window = fixture_window(root)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield open_
    for window in made:
        delete_window(window)


def problem_line(window) -> QLabel | None:  # type: ignore[no-untyped-def]
    return window.findChild(QLabel, "contentProblems")


def test_a_broken_file_is_named_at_the_bottom_with_where_to_report_it(open_window, broken_tree, capsys, monkeypatch):
    monkeypatch.setattr(paths, "report_address", lambda: "https://example.org/navigator/issues")
    window = open_window(broken_tree)
    assert app.show_content_problems(window) is True
    line = problem_line(window)
    assert line is not None and line.isVisible()
    assert "could not be read" in line.text()
    assert "Please report it at https://example.org/navigator/issues." in line.text()
    assert window.current_page().name == "home"  # the rest of the app is there
    err = capsys.readouterr().err
    assert "content problems; run 'navigator check'" in err


def test_without_an_address_it_asks_to_tell_who_gave_it(open_window, broken_tree, monkeypatch):
    monkeypatch.setattr(paths, "report_address", lambda: None)
    window = open_window(broken_tree)
    app.show_content_problems(window)
    line = problem_line(window)
    assert line is not None
    assert "Please tell the person or organization you got Navigator from." in line.text()


def test_good_content_says_nothing(open_window):
    window = open_window(FIXTURES / "good")
    assert app.show_content_problems(window) is False
    assert problem_line(window) is None


def test_the_note_is_translated():
    from navigator import i18n

    i18n.set_locale("fr")
    assert "Navigator" in app.content_problem_note(None)
    assert "could not be read" not in app.content_problem_note(None)


def test_the_note_takes_the_text_size_and_contrast(open_window, broken_tree):
    """The bottom line is in the theme like the rest (it is outside the pages and the top bar,
    which wear the theme's sheet), at the text size chosen before and after it appeared."""
    window = open_window(broken_tree)
    theme = window.theme
    app.show_content_problems(window)
    line = problem_line(window)
    assert line is not None
    usual = line.font().pointSizeF()
    assert usual == pytest.approx(theme.pt(), abs=0.6)
    theme.scale = 2.0
    theme.set_high_contrast(True)
    theme.apply(QApplication.instance())
    QApplication.processEvents()
    assert line.font().pointSizeF() == pytest.approx(theme.pt(), abs=0.6)
    assert line.palette().color(line.foregroundRole()).name() == theme.palette.text.lower()
