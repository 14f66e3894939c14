"""The desktop's preferences that Qt exposes: high contrast followed, no motion at all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from navigator.ui import display as display_module


def test_no_sliding_or_fading(window) -> None:
    for effect in (Qt.UIEffect.UI_AnimateMenu, Qt.UIEffect.UI_FadeMenu, Qt.UIEffect.UI_AnimateCombo, Qt.UIEffect.UI_AnimateTooltip):
        assert not QApplication.isEffectEnabled(effect), effect


def test_the_desktops_high_contrast_is_followed(window, monkeypatch) -> None:
    display = window.display
    assert not display.high_contrast()
    monkeypatch.setattr(display_module, "system_wants_high_contrast", lambda app: True)
    display.system_contrast_changed()
    assert display.high_contrast() and window.theme.palette.name == "high-contrast"
    monkeypatch.setattr(display_module, "system_wants_high_contrast", lambda app: False)
    display.system_contrast_changed()
    assert not display.high_contrast()


def test_qt_reports_a_contrast_preference(qapp) -> None:
    """The installed Qt has the hint this relies on (6.10+); with no desktop it says no preference."""
    hints = qapp.styleHints()
    assert hasattr(hints, "accessibility")
    assert display_module.system_wants_high_contrast(qapp) is (
        hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    )
