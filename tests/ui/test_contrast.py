"""Contrast, computed: every control in every state in both palettes, and the screens F18 was about,
rendered and measured.

``theme.STATES`` lists what each control draws in each state (normal, hover, focus, disabled,
checked); text must reach 4.5:1 and indicators (edges, boxes, dots, the focus ring) 3:1. The
rendered checks read pixels from the real widgets, so a style sheet that forgot a state fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from navigator.ui.theme import CALM, HIGH_CONTRAST, STATES, Palette, contrast_ratio

PALETTES = [CALM, HIGH_CONTRAST]
STATE_NAMES = {"normal", "hover", "focus", "disabled", "checked"}


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
@pytest.mark.parametrize("control_state", sorted(STATES), ids=lambda cs: f"{cs[0]}-{cs[1]}")
def test_every_control_state_meets_aa(palette: Palette, control_state: tuple[str, str]) -> None:
    for kind, fg, bg in STATES[control_state]:
        needed = 4.5 if kind == "text" else 3.0
        ratio = contrast_ratio(getattr(palette, fg), getattr(palette, bg))
        assert ratio >= needed, f"{palette.name} {control_state}: {fg} on {bg} is {ratio:.2f}:1, needs {needed}:1"


def test_every_state_of_the_main_controls_is_listed() -> None:
    for control in ("button", "primary", "choice"):
        assert {state for c, state in STATES if c == control} >= {"normal", "hover", "focus", "disabled"}
    assert ("choice", "checked") in STATES
    assert {state for _c, state in STATES} <= STATE_NAMES


def test_a_failing_pair_is_caught() -> None:
    """The check above can fail: the old high-contrast disabled button, white words on white."""
    assert contrast_ratio(HIGH_CONTRAST.muted, HIGH_CONTRAST.border) < 4.5


def colours(image: QImage) -> dict[str, int]:
    counts: dict[str, int] = {}
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 1):
            name = QColor(image.pixel(x, y)).name()
            counts[name] = counts.get(name, 0) + 1
    return counts


def best_contrast(image: QImage, against: str) -> float:
    """The highest contrast of any colour covering at least 0.5% of the image against ``against``."""
    counts = colours(image)
    total = sum(counts.values())
    return max(contrast_ratio(name, against) for name, n in counts.items() if n >= total * 0.005)


@pytest.fixture(params=PALETTES, ids=lambda p: p.name)
def themed(window, request, qtbot):  # type: ignore[no-untyped-def]
    window.display.set_high_contrast(request.param is HIGH_CONTRAST)
    qtbot.wait(50)
    yield window, request.param
    window.display.set_high_contrast(False)


def test_rendered_question_shows_its_boxes_and_a_disabled_next(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F18: on the first question, unticked round boxes are visible and the disabled Next has readable words."""
    window, palette = themed
    window.open_door("guide")
    qtbot.wait(50)
    wizard = window.wizard
    assert wizard.option_buttons and not wizard.next_button.isEnabled()
    _value, radio = wizard.option_buttons[0]
    image = radio.grab().toImage()
    # The box's edge: a ring of the indicator colour, at 3:1 against the card.
    box = image.copy(8, 0, 34, image.height())
    assert best_contrast(box, palette.surface) >= 3.0, f"{palette.name}: the unticked box does not show"
    next_image = wizard.next_button.grab().toImage()
    assert best_contrast(next_image, palette.disabled_bg) >= 4.5, f"{palette.name}: the disabled Next has no readable words"
    assert (
        QColor(next_image.pixel(next_image.width() // 2, 3)).name() != QColor(palette.surface).name()
        or palette.surface == palette.disabled_bg
    )


def test_rendered_disabled_back_and_home_look_disabled(themed) -> None:  # type: ignore[no-untyped-def]
    """F22: on the home page Back and Home are drawn in the disabled style, not as enabled buttons."""
    window, palette = themed
    window.go_home()
    for button in (window.topbar.back_button, window.topbar.home_button):
        assert not button.isEnabled()
        image = button.grab().toImage()
        counts = colours(image)
        assert QColor(palette.text).name() not in counts or palette.text == palette.disabled_text, f"{palette.name}: drawn as if enabled"
        assert QColor(palette.disabled_text).name() in counts
