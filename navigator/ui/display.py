"""The person's display choices, in memory: text size, high contrast, and a plain window.

``Display`` changes them and says so with ``changed``; whoever cares listens (the top bar fits
itself again, the privacy menu and page show the new state, remembering saves them).

Window titles never say what is on screen: every Navigator window, dialogs included, is titled
with the program's name alone ("Navigator"), whatever page or question is open, because titles
show in the taskbar, the window switcher, screen-sharing pickers and time-tracking tools (UX
review F05, security review F8). A plain window goes further: the neutral name "Notes" and a
generic icon drawn at run time, so the taskbar and window list do not say what the program is.

Proven by tests/ui/test_privacy_controls.py.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from navigator import APP_NAME
from navigator.i18n import _
from navigator.ui import app_events
from navigator.ui.theme import Theme

SCALE_MIN, SCALE_MAX, SCALE_STEP = 0.8, 2.0, 0.1


def clamp_scale(scale: float) -> float:
    return round(min(SCALE_MAX, max(SCALE_MIN, scale)), 2)


def plain_icon(size: int = 64) -> QIcon:
    """A generic notepad drawn at run time, so no icon file says what the program is."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 64
    painter.setPen(QPen(QColor("#6B6B6B"), 2 * unit))
    painter.setBrush(QColor("#F4F1E8"))
    painter.drawRoundedRect(QRectF(12 * unit, 6 * unit, 40 * unit, 52 * unit), 4 * unit, 4 * unit)
    painter.setPen(QPen(QColor("#9A9A9A"), 2 * unit))
    for row in range(5):
        y = (18 + row * 8) * unit
        painter.drawLine(QPointF(19 * unit, y), QPointF(45 * unit, y))
    painter.end()
    return QIcon(pixmap)


class ConstantTitles(QObject):
    """Every Navigator window is titled ``title`` (the program's name, or the neutral one).

    A title a dialog sets for itself ("Leave Navigator?") is kept as its accessible name, so screen
    readers still say what the dialog is about; the window system only ever sees ``title``.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.title = APP_NAME

    EVENTS = (QEvent.Type.WindowTitleChange, QEvent.Type.Show)  # all it acts on (app_events)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            isinstance(watched, QWidget)  # the cheap tests first: this sees every event (issue 17)
            and watched.isWindow()
            and event.type() in self.EVENTS
            and watched.windowTitle() != self.title
        ):
            own = watched.windowTitle()
            if own and not watched.accessibleName() and own not in (APP_NAME, _("Notes")):
                watched.setAccessibleName(own)
            watched.setWindowTitle(self.title)
        return False


def system_wants_high_contrast(app: QApplication) -> bool:
    """The desktop's contrast preference, where Qt reports it (QStyleHints.accessibility(), Qt 6.10
    and later; older Qt says nothing, and Navigator starts calm)."""
    hints = app.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


class Display(QObject):
    """Text size, contrast and the plain window for this run; ``changed`` after each change."""

    changed = Signal()

    def __init__(self, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.plain_window = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.usual_icon = app.windowIcon()
        self.titles = ConstantTitles(self)  # watching once the window is built (watch_titles)
        # The desktop's high-contrast setting: followed at the start and when it changes (the
        # person's own choice in the menu, or remembered settings, still decide after that).
        if system_wants_high_contrast(app) and not self.high_contrast():
            self.theme.set_high_contrast(True)
            self.theme.apply(app)
        accessibility = getattr(app.styleHints(), "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(self.system_contrast_changed)

    def watch_titles(self) -> None:
        """Keep every window's title from now on (the main window calls it once it is built, before
        it is shown: an application-wide filter is Python code run for every event)."""
        app_events.watch(self.app, self.titles)

    def system_contrast_changed(self) -> None:
        wanted = system_wants_high_contrast(self.app)
        if wanted != self.high_contrast():
            self.set_high_contrast(wanted)

    # --- text size and contrast ------------------------------------------------------------

    def _restyle(self) -> None:
        self.theme.apply(self.app)
        self.changed.emit()

    def set_text_scale(self, scale: float) -> None:
        clamped = clamp_scale(scale)
        if clamped == self.theme.scale:
            return  # at a limit (or no change): restyling the whole application would change nothing
        self.theme.scale = clamped
        self._restyle()

    def text_bigger(self) -> None:
        self.set_text_scale(self.theme.scale + SCALE_STEP)

    def text_smaller(self) -> None:
        self.set_text_scale(self.theme.scale - SCALE_STEP)

    def text_usual(self) -> None:
        self.set_text_scale(1.0)

    def high_contrast(self) -> bool:
        return self.theme.palette.name != "calm"

    def set_high_contrast(self, on: bool) -> None:
        self.theme.set_high_contrast(on)
        self._restyle()

    def set_all(self, scale: float, high_contrast: bool, plain_window: bool) -> None:
        """Several choices at once (remembered settings): one restyle and one ``changed``."""
        self.theme.scale = clamp_scale(scale)
        self.theme.set_high_contrast(high_contrast)
        self.theme.apply(self.app)
        self.set_plain_window(plain_window)

    # --- the plain window ------------------------------------------------------------------

    def neutral_name(self) -> str:
        return _("Notes")

    def window_name(self) -> str:
        """What the window and its top bar call the program now."""
        return self.neutral_name() if self.plain_window else APP_NAME

    def window_icon(self) -> QIcon:
        return plain_icon() if self.plain_window else self.usual_icon

    def set_plain_window(self, on: bool) -> None:
        """A neutral title and icon for what the taskbar and window switcher show."""
        self.plain_window = on
        if on:
            self._apply_plain_window()
        else:
            self._retitle(APP_NAME)
            self.app.setApplicationDisplayName(APP_NAME)
            self.app.setWindowIcon(self.usual_icon)
        self.changed.emit()

    def _apply_plain_window(self) -> None:
        name = self.neutral_name()
        # Qt adds the application's display name to window titles on some desktops.
        self.app.setApplicationDisplayName(name)
        self.app.setWindowIcon(plain_icon())
        self._retitle(name)

    def _retitle(self, name: str) -> None:
        self.titles.title = name
        for widget in QApplication.topLevelWidgets():
            if widget.isWindow() and widget.windowTitle() != name:
                widget.setWindowTitle(name)

    def retranslate(self) -> None:
        """The neutral name is a word too: in a new language the plain window uses the new one."""
        if self.plain_window:
            self._apply_plain_window()
