"""Colours, type and spacing: calm and warm, WCAG AA contrast, with a high-contrast option.

Sizes are relative to the system font, so text grows when the person's system setting grows,
and the text-size buttons scale from there.

The style sheet is never the application's: it is set on the parts of the main window (the top
bar, the banner, the footer, each page) and on each other window as it opens. Qt re-polishes every
widget of the application when the application's sheet changes, shown or not (1,269 widgets late
in a session, about half a second); a part's sheet re-polishes that part only. So a new text size
or contrast restyles what is on screen now, and each part behind it when it is next shown, as a
new language retranslates each page when it is next shown (issue 17).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from navigator.ui import app_events


@dataclass(frozen=True)
class Palette:
    name: str
    background: str
    surface: str
    text: str
    muted: str
    primary: str
    on_primary: str
    primary_soft: str
    border: str
    focus: str
    exit_bg: str
    exit_text: str
    notice_bg: str
    notice_text: str
    link: str
    # Round and square boxes of the choices (their edge), and a control that cannot be used now:
    # plainly different from one that can (a grey ground, a dashed edge), its words still readable.
    indicator: str
    edge: str  # the edge of a button or field: 3:1 on the page (WCAG 1.4.11); cards keep "border"
    disabled_bg: str
    disabled_text: str


# Contrast ratios (text on its background) are checked in tests/ui/test_theme.py.
CALM = Palette(
    name="calm",
    background="#FBF7F2",
    surface="#FFFFFF",
    text="#24232B",
    muted="#55525F",
    primary="#2C6A5D",
    on_primary="#FFFFFF",
    primary_soft="#E4F0EC",
    border="#D9D2C8",
    focus="#B0560F",
    exit_bg="#7A2E3B",
    exit_text="#FFFFFF",
    notice_bg="#FFF1D6",
    notice_text="#4A3300",
    link="#1F5C8F",
    indicator="#55525F",
    edge="#837E8C",
    disabled_bg="#ECE7E0",
    disabled_text="#55525F",
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#FFFFFF",
    primary="#FFE14D",
    on_primary="#000000",
    primary_soft="#1A1A1A",
    border="#FFFFFF",
    focus="#00E5FF",
    exit_bg="#FFFFFF",
    exit_text="#000000",
    notice_bg="#1A1A1A",
    notice_text="#FFE14D",
    link="#8AD4FF",
    indicator="#FFFFFF",
    edge="#FFFFFF",
    disabled_bg="#000000",
    disabled_text="#BDBDBD",
)

PALETTES = (CALM, HIGH_CONTRAST)

# The drop-down's arrow: a picture per palette in the package's own folder, drawn by
# packaging/make_arrows.py in the palette's ``indicator`` colour (a style sheet takes an arrow only
# as a file; Qt's fallback is a bevelled grey square, UX review F24). Large, so Qt only scales it down.
ARROW_PIXELS = 64
ARROWS = Path(__file__).resolve().parent / "arrows"


def arrow_path(palette: Palette) -> Path:
    return ARROWS / f"down-{palette.name}.png"


def tick_path(palette: Palette) -> Path:
    """The tick in a ticked box: the palette's ``on_primary`` colour on the box's ``primary`` (same maker)."""
    return ARROWS / f"tick-{palette.name}.png"


# What each control looks like in each state: (control, state) -> (what is drawn, its colour field,
# the field of what it is drawn on). "text" must reach 4.5:1 (WCAG 1.4.3), "indicator" (an edge, a
# box, a dot, the focus ring) 3:1 (WCAG 1.4.11). The style sheet below uses these same fields, and
# tests/ui/test_contrast.py checks every row in every palette, and renders the ones F18 was about.
STATES: dict[tuple[str, str], list[tuple[str, str, str]]] = {
    ("button", "normal"): [("text", "text", "surface"), ("indicator", "edge", "background"), ("indicator", "edge", "surface")],
    ("button", "hover"): [("text", "text", "surface"), ("indicator", "primary", "background")],
    ("button", "focus"): [("text", "text", "surface"), ("indicator", "focus", "background"), ("indicator", "focus", "surface")],
    ("button", "disabled"): [("text", "disabled_text", "disabled_bg")],
    ("primary", "normal"): [("text", "on_primary", "primary")],
    ("primary", "hover"): [("text", "on_primary", "primary")],
    ("primary", "focus"): [("text", "on_primary", "primary"), ("indicator", "focus", "background")],
    ("primary", "disabled"): [("text", "disabled_text", "disabled_bg")],
    ("door", "normal"): [("text", "text", "surface"), ("text", "muted", "surface")],
    ("door", "hover"): [("text", "text", "primary_soft"), ("text", "muted", "primary_soft"), ("indicator", "primary", "background")],
    ("door", "focus"): [("indicator", "focus", "background")],
    ("quick exit", "normal"): [("text", "exit_text", "exit_bg")],
    ("quick exit", "hover"): [("text", "exit_text", "exit_bg")],
    ("quick exit", "focus"): [("text", "exit_text", "exit_bg"), ("indicator", "focus", "surface")],
    ("link", "normal"): [("text", "link", "surface"), ("text", "link", "background")],
    ("link", "focus"): [("indicator", "focus", "surface")],
    ("link", "disabled"): [("text", "disabled_text", "surface")],
    ("choice", "normal"): [("text", "text", "surface"), ("indicator", "indicator", "surface")],
    ("choice", "hover"): [("text", "text", "surface"), ("indicator", "primary", "surface")],
    ("choice", "focus"): [("indicator", "focus", "background")],
    ("choice", "checked"): [
        ("text", "text", "primary_soft"),
        ("indicator", "indicator", "primary_soft"),
        ("indicator", "primary", "primary_soft"),
        ("indicator", "on_primary", "primary"),  # the tick in the filled box
    ],
    ("choice", "disabled"): [("text", "disabled_text", "surface"), ("indicator", "disabled_text", "surface")],
    ("field", "normal"): [
        ("text", "text", "surface"),
        ("indicator", "edge", "surface"),
        ("indicator", "edge", "background"),
        ("text", "muted", "surface"),
    ],
    ("field", "focus"): [("indicator", "focus", "background")],
    ("field", "disabled"): [("text", "disabled_text", "disabled_bg")],
    ("selected item", "normal"): [("text", "on_primary", "primary")],
    # Drop-downs: the arrow on the field (its picture is checked too: test_contrast.py).
    ("drop-down", "normal"): [("indicator", "indicator", "surface"), ("indicator", "edge", "background")],
    ("drop-down", "hover"): [("indicator", "primary", "background")],
    ("drop-down", "disabled"): [("text", "disabled_text", "disabled_bg")],
    # Lists (the US-state list, a drop-down's open list, the file dialog): a row's words in every state.
    ("list item", "normal"): [("text", "text", "surface"), ("indicator", "indicator", "surface")],
    ("list item", "hover"): [("text", "text", "primary_soft")],
    ("list item", "selected"): [("text", "on_primary", "primary")],
    ("list item", "focus"): [("indicator", "focus", "surface"), ("indicator", "on_primary", "primary")],
    # Scroll bars: the handle against its track, and the track's edge against what is beside it.
    ("scroll bar", "normal"): [("indicator", "indicator", "background"), ("indicator", "indicator", "surface")],
    ("scroll bar", "hover"): [("indicator", "primary", "background"), ("indicator", "primary", "surface")],
    ("notice", "normal"): [("text", "notice_text", "notice_bg")],
    ("secondary text", "normal"): [("text", "muted", "background"), ("text", "muted", "surface")],
}


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two #RRGGBB colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Theme:
    """The current palette and text scale; ``apply`` restyles what is on screen, and the rest as it is shown."""

    def __init__(self) -> None:
        self.palette = CALM
        self.scale = 1.0
        app = QApplication.instance()
        self.base_pt = QFont().pointSizeF() if app is None else QApplication.font().pointSizeF()
        if self.base_pt <= 0:
            self.base_pt = 10.0
        self.sheet = ""  # the style sheet of this palette and size (apply)
        # Plain sets, looked up by identity: a weak reference made to each widget polished or shown
        # (the watcher's question) would be more Python bookkeeping on every such event.
        self.parts: set[QWidget] = set()  # each wears the sheet (take_part); they live as long as their window
        self.holders: set[QWidget] = set()  # windows whose parts wear it, not they

    def pt(self, factor: float = 1.0) -> float:
        return round(self.base_pt * self.scale * factor * 1.15, 1)

    def em(self, factor: float = 1.0) -> int:
        """``factor`` lines of text at the current size, in pixels. (The style sheet's own "em" is
        measured on the font a widget has before the style sheet sizes it, so it would not grow
        with the text-size buttons.)"""
        font = QFont(QApplication.font()) if QApplication.instance() is not None else QFont()
        font.setPointSizeF(self.pt())
        return round(QFontMetricsF(font).height() * factor)

    def control_height(self) -> int:
        """The one height of a button, field, drop-down and choice card, in pixels: a 1 px edge,
        8 px padding and 1.6 lines of text (44 px at the usual size, 70 px at 200%)."""
        return self.em(1.6) + 2 * (8 + 1)

    def indicator_size(self) -> int:
        """The round or square box of a choice, edge included: 1.2 lines of text, an even number of
        pixels so the round one is a circle (20 px at the usual size, 40 px at 200%)."""
        return 2 * round(self.em(1.2) / 2)

    def set_high_contrast(self, on: bool) -> None:
        self.palette = HIGH_CONTRAST if on else CALM

    def apply(self, app: QApplication) -> None:
        """The palette on the application; the sheet on each part and window in sight now, and on
        the others when they are next shown (``Dresser``)."""
        p = self.palette
        qp = QPalette()
        qp.setColor(QPalette.ColorRole.Window, QColor(p.background))
        qp.setColor(QPalette.ColorRole.WindowText, QColor(p.text))
        qp.setColor(QPalette.ColorRole.Base, QColor(p.surface))
        qp.setColor(QPalette.ColorRole.Text, QColor(p.text))
        qp.setColor(QPalette.ColorRole.Button, QColor(p.surface))
        qp.setColor(QPalette.ColorRole.ButtonText, QColor(p.text))
        qp.setColor(QPalette.ColorRole.Highlight, QColor(p.primary))
        qp.setColor(QPalette.ColorRole.HighlightedText, QColor(p.on_primary))
        qp.setColor(QPalette.ColorRole.Link, QColor(p.link))
        qp.setColor(QPalette.ColorRole.PlaceholderText, QColor(p.muted))
        qp.setColor(QPalette.ColorRole.ToolTipBase, QColor(p.surface))
        qp.setColor(QPalette.ColorRole.ToolTipText, QColor(p.text))
        if app.palette() != qp:  # a new text size keeps the colours: no palette event to every widget
            app.setPalette(qp)
        # No proxy style under the sheet: one (ThemeStyle, removed) was made anew at every change,
        # as app.style() answers with Qt's style-sheet style, and re-polished every widget again.
        # Drop-downs get a plain list popup from the sheet instead (combobox-popup: 0).
        self.sheet = self.stylesheet()
        if _dresser is not None:
            _dresser.theme = self
        for part in list(self.parts):
            if not shiboken6.isValid(part):  # its window was closed and deleted
                self.parts.discard(part)
                continue
            window = part.window()
            if window is part or part.isVisibleTo(window):  # in sight, or will be when its window is
                self.dress(part)
        for window in app.topLevelWidgets():
            # A window open now that wears a sheet of its own (a dialog, a tooltip): the new one now.
            if window not in self.holders and window.isVisible() and window.styleSheet():
                self.dress(window)

    def dress(self, widget: QWidget) -> None:
        """``widget`` and everything in it in the sheet of now (nothing done if it wears it already)."""
        if widget.styleSheet() != self.sheet:
            widget.setStyleSheet(self.sheet)

    def take_part(self, part: QWidget) -> None:
        """``part`` (a page, the top bar) wears the sheet from now on; when hidden at a change, from
        when it is next shown."""
        self.parts.add(part)
        self.dress(part)

    def hold(self, window: QWidget, parts: list[QWidget]) -> None:
        """``window`` wears no sheet itself (a change would re-polish all it holds, hidden pages too):
        its ``parts`` do."""
        self.holders.add(window)
        for part in parts:
            self.take_part(part)

    def dress_window(self, window: QWidget) -> None:
        """A window about to open: the sheet, unless it has it from a widget it belongs to (a menu
        of a button in a page, a tooltip of a page's link)."""
        if window in self.holders:
            return
        ancestor = window.parentWidget()
        while ancestor is not None:
            if ancestor in self.parts or (ancestor.isWindow() and ancestor.styleSheet() == self.sheet):
                return
            ancestor = ancestor.parentWidget()
        self.dress(window)

    def watch(self, app: QCoreApplication) -> None:
        """Windows and parts take this theme as they open (``Dresser``), from now on."""
        global _dresser
        if _dresser is None or _dresser.parent() is not app:
            _dresser = Dresser(app)
        _dresser.theme = self
        app_events.watch(app, _dresser)

    def stylesheet(self) -> str:
        p, em = self.palette, self.em
        box = self.indicator_size()
        edge = max(2, round(box / 10))  # the box's edge: 2 px at the usual size, 4 px at 200%
        return f"""
        QWidget {{ font-size: {self.pt()}pt; color: {p.text}; }}
        QMainWindow, QWidget#page, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {p.background}; }}
        QLabel#title {{ font-size: {self.pt(1.9)}pt; font-weight: 600; }}
        QLabel#subtitle {{ font-size: {self.pt(1.15)}pt; color: {p.muted}; }}
        QLabel#heading {{ font-size: {self.pt(1.3)}pt; font-weight: 600; }}
        QLabel#muted {{ color: {p.muted}; }}
        QLabel#brand {{ font-size: {self.pt(1.2)}pt; font-weight: 600; color: {p.primary if p.name == "calm" else p.text}; }}
        QFrame#topbar {{ background: {p.surface}; border-bottom: 1px solid {p.border}; }}
        QFrame#footer {{ background: {p.surface}; border-top: 1px solid {p.border}; }}
        QFrame#card {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 14px; }}
        QFrame#notice {{ background: {p.notice_bg}; border-radius: 10px; }}
        QFrame#notice QLabel {{ color: {p.notice_text}; }}
        /* One control height for buttons, fields and drop-downs (UX review F24): 1px edge, 8px
           padding and 1.6 lines of text, so 44 px at the usual size, growing with the text.
           The few with a thicker edge or more padding give the difference back. */
        QPushButton {{
            background: {p.surface}; color: {p.text}; border: 1px solid {p.edge};
            border-radius: 10px; padding: 8px 16px; min-height: {em(1.6)}px;
        }}
        QPushButton:hover {{ border-color: {p.primary}; }}
        QPushButton:disabled, QPushButton#primary:disabled, QPushButton#door:disabled, QToolButton:disabled, QLineEdit:disabled, QComboBox:disabled {{
            background: {p.disabled_bg}; color: {p.disabled_text}; border: 1px dashed {p.disabled_text};
        }}
        /* No focus rule here: the one focus ring is drawn over the window (ui/keyboard.py), so no
           widget's own style can hide it (UX review F19). */
        QPushButton#primary {{ background: {p.primary}; color: {p.on_primary}; border: 1px solid {p.primary}; font-weight: 600; }}
        QPushButton#door {{
            background: {p.surface}; border: 1px solid {p.border}; border-radius: 16px;
            padding: 22px; text-align: left; font-size: {self.pt(1.25)}pt; font-weight: 600;
        }}
        QPushButton#door:hover {{ background: {p.primary_soft}; border-color: {p.primary}; }}
        QPushButton#door[listed="true"] {{ padding: 0; }}
        QPushButton#quickExit, QPushButton#dialogQuickExit {{
            background: {p.exit_bg}; color: {p.exit_text}; border: 2px solid {p.exit_bg};
            font-weight: 700; padding: 7px 18px;
        }}
        QPushButton#primary {{ padding: 8px 22px; }}
        QFrame#firstThings {{ background: {p.surface}; border: 2px solid {p.primary}; border-radius: 14px; }}
        QLabel#reach {{ font-size: {self.pt(1.15)}pt; font-weight: 600; }}
        QLabel#danger {{ font-weight: 700; }}
        QLabel#emergencyNumber {{ font-size: {self.pt(1.9)}pt; font-weight: 700; }}
        QToolButton#section {{
            background: {p.surface}; border: 1px solid {p.border}; border-radius: 10px;
            padding: 0; font-size: {self.pt(1.15)}pt; font-weight: 600; text-align: left;
        }}
        QPushButton#link {{ background: transparent; border: none; color: {p.link}; text-decoration: underline; padding: 4px; }}
        QFrame#footer QPushButton#link {{ min-height: 0px; padding: 3px 4px; }}
        QPushButton#link:disabled {{ background: transparent; border: none; color: {p.disabled_text}; text-decoration: none; }}
        QAbstractButton QLabel#words {{ background: transparent; border: none; padding: 0; margin: 0; }}
        QToolButton#section QLabel#words {{ font-size: {self.pt(1.15)}pt; font-weight: 600; }}
        QPushButton#door QLabel#words {{ font-size: {self.pt(1.25)}pt; font-weight: 600; }}
        QPushButton#link QLabel#words {{ color: {p.link}; text-decoration: underline; }}
        QPushButton#primary QLabel#words {{ color: {p.on_primary}; font-weight: 600; }}
        QLineEdit, QComboBox {{
            background: {p.surface}; border: 1px solid {p.edge}; border-radius: 10px; padding: 8px 10px; min-height: {em(1.6)}px;
        }}
        QComboBox {{ padding-right: 4px; combobox-popup: 0; }}
        QComboBox:hover {{ border-color: {p.primary}; }}
        /* The drop-down part: no sunken square, only the palette's own arrow (UX review F24). */
        QComboBox::drop-down {{
            subcontrol-origin: padding; subcontrol-position: center right; width: {em(1.15)}px;
            border: none; background: transparent;
        }}
        QComboBox::down-arrow {{ image: url("{arrow_path(p).as_posix()}"); width: {em(0.75)}px; height: {em(0.75)}px; }}
        QPushButton::menu-indicator {{
            image: url("{arrow_path(p).as_posix()}"); width: {em(0.6)}px; height: {em(0.6)}px;
            subcontrol-origin: padding; subcontrol-position: center right; right: 6px;
        }}
        QComboBox QAbstractItemView {{
            background: {p.surface}; color: {p.text}; border: 1px solid {p.edge}; border-radius: 0;
            padding: 4px; outline: 0;
        }}
        QTextBrowser {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 14px; padding: 18px 24px; }}
        /* Choice cards: at least the one control height, taller as their words wrap; the box in
           them grows with the text too (issue 16). A ticked card's thicker edge takes its extra
           pixel from the padding, so nothing moves when a choice is picked. */
        QRadioButton, QCheckBox {{
            spacing: 12px; padding: 10px 12px; border: 1px solid {p.border}; border-radius: 10px;
            background: {p.surface}; min-height: {self.control_height() - 2 * (10 + 1)}px;
        }}
        QRadioButton:checked, QCheckBox:checked {{ border: 2px solid {p.primary}; padding: 9px 11px; background: {p.primary_soft}; }}
        QRadioButton:hover, QCheckBox:hover {{ border-color: {p.primary}; }}
        QRadioButton:disabled, QCheckBox:disabled {{ color: {p.disabled_text}; border-style: dashed; }}
        QRadioButton::indicator, QCheckBox::indicator {{
            width: {box - 2 * edge}px; height: {box - 2 * edge}px; border: {edge}px solid {p.indicator}; background: {p.surface};
        }}
        QRadioButton::indicator {{ border-radius: {box // 2}px; }}
        QCheckBox::indicator {{ border-radius: {max(3, box // 6)}px; }}
        QRadioButton::indicator:checked {{
            border-color: {p.primary};
            background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
                stop: 0 {p.primary}, stop: 0.55 {p.primary}, stop: 0.6 {p.surface}, stop: 1 {p.surface});
        }}
        QCheckBox::indicator:checked {{ background: {p.primary}; border-color: {p.primary}; image: url("{tick_path(p).as_posix()}"); }}
        QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {p.disabled_text}; }}
        /* The plan's tick boxes (pages/plan.py TickRow): the box alone, no card; its words are beside it. */
        QCheckBox#tick, QCheckBox#tick:checked, QCheckBox#tick:hover {{
            border: none; background: transparent; padding: 2px; min-height: 0px;
        }}
        /* Lists: roomy rows; hover, selection and the keyboard's row plainly shown (UX review F24). */
        QListView, QTreeView {{
            background: {p.surface}; color: {p.text}; border: 1px solid {p.indicator}; border-radius: 10px; outline: 0;
        }}
        QListView::item, QTreeView::item {{ padding: 8px 12px; border: 2px solid transparent; border-radius: 6px; color: {p.text}; }}
        QListView::item:hover, QTreeView::item:hover {{ background: {p.primary_soft}; color: {p.text}; }}
        QListView::item:selected, QTreeView::item:selected {{ background: {p.primary}; color: {p.on_primary}; }}
        QListView::item:focus, QTreeView::item:focus {{ border-color: {p.focus}; }}
        QListView::item:selected:focus, QTreeView::item:selected:focus {{ border-color: {p.on_primary}; }}
        QHeaderView::section {{
            background: {p.surface}; color: {p.muted}; border: none; border-bottom: 1px solid {p.border};
            padding: 6px 12px; font-weight: 600;
        }}
        /* Scroll bars: a wide flat track, a rounded handle in the indicator colour, no arrows. */
        QScrollBar:vertical {{ background: {p.background}; width: 16px; margin: 0; border: none; }}
        QScrollBar:horizontal {{ background: {p.background}; height: 16px; margin: 0; border: none; }}
        QScrollBar::handle:vertical {{ background: {p.indicator}; min-height: 40px; border-radius: 5px; margin: 3px; }}
        QScrollBar::handle:horizontal {{ background: {p.indicator}; min-width: 40px; border-radius: 5px; margin: 3px; }}
        QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {p.primary}; }}
        QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
        QScrollBar::add-page, QScrollBar::sub-page, QScrollBar::up-arrow, QScrollBar::down-arrow {{ background: none; border: none; }}
        /* Qt's own file dialog (kept, so nothing is remembered: ui/dialogs.py) in the same clothes. */
        QDialog {{ background: {p.background}; }}
        QFileDialog QToolButton {{
            background: {p.surface}; border: 1px solid {p.edge}; border-radius: 10px; padding: 8px; min-height: {em(1.6)}px; min-width: {em(1.6)}px;
        }}
        QFileDialog QToolButton:hover, QFileDialog QToolButton:checked {{ border-color: {p.primary}; background: {p.primary_soft}; }}
        QFileDialog QListView#sidebar {{ background: {p.background}; }}
        QProgressBar {{ border: none; background: {p.border}; border-radius: 4px; max-height: 8px; }}
        QProgressBar::chunk {{ background: {p.primary}; border-radius: 4px; }}
        """


class Dresser(QObject):
    """Gives the sheet of now to a part as it is shown, and to a window as it opens.

    A window with no parent in a part (a dialog, a message box, a menu or tooltip of the main
    window's) does not inherit any part's sheet, and the application has none: it takes the theme
    as it is polished on its way to the screen, before it is laid out at its size. A widget polished
    only to be measured before it is put in a page is not a window being opened (Qt notes an
    explicit show first) and is left to inherit its page's sheet. A window or part that was hidden
    at a change takes the new sheet when it is shown again (Qt then re-polishes it before painting).
    """

    EVENTS = (QEvent.Type.Polish, QEvent.Type.Show)  # all it acts on (app_events)
    # The kinds of window that open over the main window. Not a plain one (Qt.Window): a widget
    # taken out of its page (setParent(None), to be deleted later) is one, and can be shown so;
    # a sheet set on it then, in the middle of its move, made the benchmark's session crash (a
    # segmentation fault deleting the plan's old sections, 4 runs in 14; none in 15 without).
    OPENED = frozenset(
        {
            Qt.WindowType.Dialog,
            Qt.WindowType.Sheet,
            Qt.WindowType.Drawer,
            Qt.WindowType.Popup,
            Qt.WindowType.Tool,
            Qt.WindowType.ToolTip,
            Qt.WindowType.SplashScreen,
        }
    )

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.theme: Theme | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        theme = self.theme
        if theme is None or not isinstance(watched, QWidget) or event.type() not in self.EVENTS:
            return False
        shown = event.type() == QEvent.Type.Show
        if watched in theme.parts:
            if shown:
                theme.dress(watched)
        elif (
            watched.isWindow()
            and watched.windowType() in self.OPENED
            and (shown or watched.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide))
        ):
            theme.dress_window(watched)
        return False


_dresser: Dresser | None = None  # one for the application (Theme.watch)
