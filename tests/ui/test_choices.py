"""Choice cards and their boxes at the usual text size and at 200% (issue 16): the round and square
boxes grow with the text-size buttons, the round one stays round, a ticked box shows a tick, and a
card is at least as tall as a button, growing with its words. Measured on the real widgets of the
questions and the privacy page, in every palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QRadioButton, QStyle, QStyleOptionButton

from navigator.ui import theme
from navigator.ui.theme import HIGH_CONTRAST, PALETTES, contrast_ratio
from tests.ui.test_wizard import TEXAS, answer_all, plan_of

SCALES = (1.0, 2.0)


def indicator(button: QAbstractButton) -> QRect:
    """Where the style draws the button's round or square box, in the button's own pixels."""
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = QStyle.SubElement.SE_CheckBoxIndicator
    if isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonIndicator
    return button.style().subElementRect(element, option, button)


def colour(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name()


@pytest.fixture(params=PALETTES, ids=lambda p: p.name)
def themed(window, request, qtbot):  # type: ignore[no-untyped-def]
    window.display.set_high_contrast(request.param is HIGH_CONTRAST)
    qtbot.wait(50)
    yield window, request.param
    window.display.set_text_scale(1.0)
    window.display.set_high_contrast(False)


def choices(window, qtbot) -> list[QAbstractButton]:  # type: ignore[no-untyped-def]
    """A round choice of the first question and the privacy page's tick boxes (they wrap)."""
    window.open_door("guide")
    qtbot.wait(30)
    radio = window.wizard.option_buttons[0][1]
    window.open_door("privacy")
    qtbot.wait(30)
    page = window.current_page()
    return [radio, page.contrast, page.plain]


def test_the_boxes_grow_with_the_text_size_buttons(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_door("guide")
    qtbot.wait(30)
    radio = window.wizard.option_buttons[0][1]
    sizes = {}
    for scale in SCALES:
        window.display.set_text_scale(scale)
        qtbot.wait(30)
        box = indicator(radio)
        assert box.width() == box.height(), f"{scale:.0%}: the round box is {box.width()} x {box.height()}"
        sizes[scale] = box.width()
    window.display.set_text_scale(1.0)
    assert sizes[1.0] >= 18, f"a box of {sizes[1.0]} px at the usual size"
    assert sizes[2.0] >= 1.8 * sizes[1.0], f"the box stays {sizes[2.0]} px at 200% ({sizes[1.0]} px at 100%)"


def test_a_choice_card_is_at_least_a_control_tall(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """As tall as a button, a field or a drop-down (44 px at the usual size, 70 px at 200%), the
    words not running into the box, and taller still when they wrap."""
    heights = {}
    for scale in SCALES:
        window.display.set_text_scale(scale)
        cards = choices(window, qtbot)
        height = heights[scale] = window.topbar.back_button.height()  # the one control height
        for card in cards:
            assert card.minimumHeight() >= height, f"{scale:.0%}: {card.text()!r} may be {card.minimumHeight()} px"
            if card.isVisible():
                assert card.height() >= height, f"{scale:.0%}: {card.text()!r} is {card.height()} px"
            box, words = indicator(card), card.words.geometry()  # type: ignore[attr-defined]
            assert words.left() >= box.right() + 8, f"{scale:.0%}: the words of {card.text()!r} start on the box"
        narrow = cards[2].heightForWidth(200)
        assert narrow > height, "a card whose words wrap grows taller"
    window.display.set_text_scale(1.0)
    assert heights[1.0] >= 44 and heights[2.0] >= 1.5 * heights[1.0], heights


def test_the_round_box_is_round_and_drawn_to_its_size(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """At both sizes the round box's corners are the card's colour and its sides the box's edge."""
    window, palette = themed
    window.open_door("guide")
    qtbot.wait(30)
    radio = window.wizard.option_buttons[0][1]
    assert not radio.isChecked()
    for scale in SCALES:
        window.display.set_text_scale(scale)
        qtbot.wait(30)
        image, box = radio.grab().toImage(), indicator(radio)
        middle = box.center().y()
        side = {colour(image, x, middle) for x in range(box.left(), box.left() + 3)}
        assert QColor(palette.indicator).name() in side, f"{palette.name} {scale:.0%}: no edge on the box's side ({side})"
        # A tenth of the way in along the diagonal is outside a circle, on the edge of a rounded square.
        step = round(box.width() / 10)
        for x, y in ((box.left() + step, box.top() + step), (box.right() - step, box.bottom() - step)):
            seen = colour(image, x, y)
            assert contrast_ratio(seen, palette.surface) < 1.5, f"{palette.name} {scale:.0%}: a square corner at {x},{y} ({seen})"


def test_a_ticked_box_shows_a_tick(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The ticked box is filled and carries a tick in the palette's on-primary colour, 3:1 on the fill."""
    window, palette = themed
    window.open_door("privacy")
    qtbot.wait(30)
    box = window.current_page().plain
    box.setChecked(True)
    try:
        for scale in SCALES:
            window.display.set_text_scale(scale)
            qtbot.wait(30)
            edge = indicator(box).width() // 6  # inside its edge
            inside = indicator(box).adjusted(edge, edge, -edge, -edge)
            image = box.grab().toImage().copy(inside)
            counts: dict[str, int] = {}
            for y in range(image.height()):
                for x in range(image.width()):
                    name = colour(image, x, y)
                    counts[name] = counts.get(name, 0) + 1
            total = sum(counts.values())
            fill = max(counts, key=lambda name: counts[name])
            assert fill == QColor(palette.primary).name(), f"{palette.name} {scale:.0%}: the box is filled with {fill}"
            tick = sum(n for name, n in counts.items() if contrast_ratio(name, palette.primary) >= 3.0)
            assert tick >= 0.08 * total, f"{palette.name} {scale:.0%}: no tick to see in the filled box"
    finally:
        box.setChecked(False)


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_the_tick_picture_is_the_palettes(palette) -> None:  # type: ignore[no-untyped-def]
    path = theme.tick_path(palette)
    image = QImage(str(path))
    assert not image.isNull(), f"{palette.name}: no tick at {path} (run packaging/make_arrows.py)"
    solid = {
        QColor(image.pixel(x, y)).name()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() == 255
    }
    assert solid == {QColor(palette.on_primary).name()}, f"{palette.name}: run packaging/make_arrows.py"


def test_the_box_is_on_the_right_in_a_right_to_left_language(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_door("guide")
    qtbot.wait(30)
    radio = window.wizard.option_buttons[0][1]
    window.display.set_text_scale(2.0)
    radio.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(30)
    try:
        box, words = indicator(radio), radio.words.geometry()
        assert box.left() > radio.width() // 2, "the box is not on the right"
        assert words.right() <= box.left() - 8, "the words run into the box"
    finally:
        radio.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        window.display.set_text_scale(1.0)


def test_the_plans_tick_boxes_grow_and_follow_the_contrast(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The plan's "done" boxes are drawn by the theme too: the same box as a choice's at each text
    size, its edge in the palette's indicator colour after a change of contrast, no card around it."""
    window, palette = themed
    answer_all(qtbot, window, TEXAS)
    page = plan_of(window)
    evidence = next(card for card in page.cards if card.step.key == "evidence")
    box = evidence.tick.box
    sizes = {}
    for scale in SCALES:
        window.display.set_text_scale(scale)
        qtbot.wait(30)
        sizes[scale] = indicator(box).width()
        assert sizes[scale] == window.theme.indicator_size(), f"{scale:.0%}: the plan's box is {sizes[scale]} px"
    assert sizes[2.0] >= 1.8 * sizes[1.0]
    window.display.set_text_scale(1.0)
    qtbot.wait(30)
    image = box.grab().toImage()
    edge = indicator(box)
    found = {colour(image, edge.left() + x, edge.center().y()) for x in range(3)}
    assert QColor(palette.indicator).name() in found, f"{palette.name}: the box's edge is {found}"
    assert box.minimumHeight() < window.theme.control_height(), "a plan's box is not a choice card"
