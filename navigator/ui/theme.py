"""Colours, type and spacing: calm and warm, WCAG AA contrast, with a high-contrast option.

Sizes are relative to the system font, so text grows when the person's system setting grows,
and the text-size buttons scale from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication


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
)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two #RRGGBB colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Theme:
    """The current palette and text scale; ``apply`` restyles the whole application."""

    def __init__(self) -> None:
        self.palette = CALM
        self.scale = 1.0
        app = QApplication.instance()
        self.base_pt = QFont().pointSizeF() if app is None else QApplication.font().pointSizeF()
        if self.base_pt <= 0:
            self.base_pt = 10.0

    def pt(self, factor: float = 1.0) -> float:
        return round(self.base_pt * self.scale * factor * 1.15, 1)

    def set_high_contrast(self, on: bool) -> None:
        self.palette = HIGH_CONTRAST if on else CALM

    def apply(self, app: QApplication) -> None:
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
        app.setPalette(qp)
        app.setStyleSheet(self.stylesheet())

    def stylesheet(self) -> str:
        p = self.palette
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
        QPushButton {{
            background: {p.surface}; color: {p.text}; border: 1px solid {p.border};
            border-radius: 10px; padding: 8px 16px; min-height: 1.6em;
        }}
        QPushButton:hover {{ border-color: {p.primary}; }}
        QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus, QCheckBox:focus, QRadioButton:focus, QListWidget:focus, QTextBrowser:focus {{
            outline: none; border: 3px solid {p.focus};
        }}
        QPushButton#primary {{ background: {p.primary}; color: {p.on_primary}; border: 1px solid {p.primary}; font-weight: 600; }}
        QPushButton#door {{
            background: {p.surface}; border: 1px solid {p.border}; border-radius: 16px;
            padding: 22px; text-align: left; font-size: {self.pt(1.25)}pt; font-weight: 600;
        }}
        QPushButton#door:hover {{ background: {p.primary_soft}; border-color: {p.primary}; }}
        QPushButton#quickExit, QPushButton#dialogQuickExit {{
            background: {p.exit_bg}; color: {p.exit_text}; border: 2px solid {p.exit_bg};
            font-weight: 700; padding: 8px 18px;
        }}
        QPushButton#primary {{ padding: 10px 22px; }}
        QFrame#firstThings {{ background: {p.surface}; border: 2px solid {p.primary}; border-radius: 14px; }}
        QLabel#reach {{ font-size: {self.pt(1.15)}pt; font-weight: 600; }}
        QLabel#danger {{ font-weight: 700; }}
        QLabel#emergencyNumber {{ font-size: {self.pt(1.9)}pt; font-weight: 700; }}
        QToolButton#section {{
            background: {p.surface}; border: 1px solid {p.border}; border-radius: 10px;
            padding: 0; font-size: {self.pt(1.15)}pt; font-weight: 600; text-align: left;
        }}
        QPushButton#link {{ background: transparent; border: none; color: {p.link}; text-decoration: underline; padding: 4px; }}
        QAbstractButton QLabel#words {{ background: transparent; border: none; padding: 0; margin: 0; }}
        QToolButton#section QLabel#words {{ font-size: {self.pt(1.15)}pt; font-weight: 600; }}
        QPushButton#door QLabel#words {{ font-size: {self.pt(1.25)}pt; font-weight: 600; }}
        QPushButton#link QLabel#words {{ color: {p.link}; text-decoration: underline; }}
        QPushButton#primary QLabel#words {{ color: {p.on_primary}; font-weight: 600; }}
        QLineEdit, QComboBox {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 10px; padding: 6px 10px; }}
        QTextBrowser {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 14px; padding: 18px 24px; }}
        QRadioButton, QCheckBox {{ spacing: 12px; padding: 10px 12px; border: 1px solid {p.border}; border-radius: 10px; background: {p.surface}; }}
        QRadioButton:checked, QCheckBox:checked {{ border: 2px solid {p.primary}; background: {p.primary_soft}; }}
        QProgressBar {{ border: none; background: {p.border}; border-radius: 4px; max-height: 8px; }}
        QProgressBar::chunk {{ background: {p.primary}; border-radius: 4px; }}
        """
