"""The palettes meet WCAG AA contrast (4.5:1) for every pair of text and background they use."""

from __future__ import annotations

import pytest

from navigator.ui.theme import CALM, HIGH_CONTRAST, Palette, contrast_ratio

PAIRS = [
    ("text", "background"),
    ("text", "surface"),
    ("muted", "background"),
    ("muted", "surface"),
    ("on_primary", "primary"),
    ("exit_text", "exit_bg"),
    ("notice_text", "notice_bg"),
    ("link", "surface"),
    ("link", "background"),
]


@pytest.mark.parametrize("palette", [CALM, HIGH_CONTRAST], ids=lambda p: p.name)
@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_text_is_readable_on_its_background(palette: Palette, fg: str, bg: str) -> None:
    assert contrast_ratio(getattr(palette, fg), getattr(palette, bg)) >= 4.5


def test_the_ratio_is_computed_as_wcag_says() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
