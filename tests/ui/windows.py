"""Helpers for UI tests: show a main window and delete it afterwards."""

from __future__ import annotations


def shown_window(qtbot, window):
    """Show ``window``, hand it to the test, then delete it at once.

    pytest-qt only closes windows; every live window makes the next stylesheet change slower,
    and so every later test (0.7 s a window instead of 7 s).
    """
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    delete_window(window)


def delete_window(window):
    """Close ``window`` and delete it now (its language listener and forget hook go with it)."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    if not shiboken6.isValid(window):
        return  # pytest-qt deleted it already
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def fixture_window(root, compiled_in=None):
    """A main window over a small fixture content tree instead of the shipped one (read compiled
    from ``compiled_in``, as a wheel reads its content, when given)."""
    from navigator.app import create_app
    from navigator.core.library import Library
    from navigator.ui.main_window import MainWindow
    from navigator.ui.theme import Theme

    app = create_app()
    theme = Theme()
    theme.apply(app)
    return MainWindow(Library(root, compiled_in=compiled_in), theme)
