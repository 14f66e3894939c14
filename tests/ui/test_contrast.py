"""Contrast, computed: every control in every state in both palettes, and the screens F18 was about,
rendered and measured.

``theme.STATES`` lists what each control draws in each state (normal, hover, focus, disabled,
checked); text must reach 4.5:1 and indicators (edges, boxes, dots, the focus ring) 3:1. The
rendered checks read pixels from the real widgets, so a style sheet that forgot a state fails here.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QListWidget

from navigator.ui.theme import CALM, HIGH_CONTRAST, PALETTES, STATES, Palette, arrow_path, contrast_ratio

STATE_NAMES = {"normal", "hover", "focus", "disabled", "checked", "selected"}


def shortfalls(palette: Palette, control_state: tuple[str, str]) -> list[str]:
    """Each pair of ``control_state`` below its WCAG minimum in ``palette``."""
    found = []
    for kind, fg, bg in STATES[control_state]:
        needed = 4.5 if kind == "text" else 3.0
        ratio = contrast_ratio(getattr(palette, fg), getattr(palette, bg))
        if ratio < needed:
            found.append(f"{palette.name} {control_state}: {fg} on {bg} is {ratio:.2f}:1, needs {needed}:1")
    return found


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
@pytest.mark.parametrize("control_state", sorted(STATES), ids=lambda cs: f"{cs[0]}-{cs[1]}")
def test_every_control_state_meets_aa(palette: Palette, control_state: tuple[str, str]) -> None:
    assert shortfalls(palette, control_state) == []


def test_every_state_of_the_main_controls_is_listed() -> None:
    for control in ("button", "primary", "choice"):
        assert {state for c, state in STATES if c == control} >= {"normal", "hover", "focus", "disabled"}
    assert ("choice", "checked") in STATES
    # UX review F24: drop-downs, lists and scroll bars are in the table too.
    assert {state for c, state in STATES if c == "list item"} >= {"normal", "hover", "selected", "focus"}
    assert {("drop-down", "normal"), ("scroll bar", "normal"), ("scroll bar", "hover")} <= set(STATES)
    assert {state for _c, state in STATES} <= STATE_NAMES


def test_a_failing_pair_is_caught() -> None:
    """The check above can fail: the old high-contrast disabled button, white words on white."""
    assert contrast_ratio(HIGH_CONTRAST.muted, HIGH_CONTRAST.border) < 4.5


@pytest.mark.parametrize(
    ("control_state", "change"),
    [
        (("scroll bar", "normal"), {"indicator": CALM.border}),  # a pale handle on its track
        (("list item", "selected"), {"on_primary": "#9FC2B9"}),  # pale words on the selected row
        (("drop-down", "normal"), {"indicator": "#B8B4BF"}),  # a faint arrow
    ],
)
def test_a_faint_new_state_is_caught(control_state: tuple[str, str], change: dict[str, str]) -> None:
    assert shortfalls(dataclasses.replace(CALM, **change), control_state)


def arrow_colours(palette: Palette) -> dict[str, int]:
    """The drop-down arrow's picture: its solid pixels, by colour."""
    image = QImage(str(arrow_path(palette)))
    assert not image.isNull(), f"{palette.name}: no arrow at {arrow_path(palette)} (run packaging/make_arrows.py)"
    counts: dict[str, int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor.fromRgba(image.pixel(x, y))
            if colour.alpha() == 255:
                counts[colour.name()] = counts.get(colour.name(), 0) + 1
    return counts


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_the_drop_down_arrow_is_the_palettes_and_shows(palette: Palette) -> None:
    """The arrow picture in the package is drawn in the palette's indicator colour, 3:1 on the field."""
    counts = arrow_colours(palette)
    main = max(counts, key=lambda name: counts[name])
    assert main == QColor(palette.indicator).name(), f"{palette.name}: the arrow is {main}; run packaging/make_arrows.py"
    assert contrast_ratio(main, palette.surface) >= 3.0
    # Inside the package, next to the theme: nothing is read from elsewhere.
    assert arrow_path(palette).parent.parent.name == "ui"


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


def test_rendered_fields_and_buttons_share_one_height(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F24: the top bar's search field and language drop-down are as tall as its buttons, at the
    usual text size and at 200%."""
    window, _palette = themed
    bar = window.topbar
    for scale in (1.0, 2.0):
        window.display.set_text_scale(scale)
        qtbot.wait(50)
        heights = {bar.search_box.height(), bar.language.height(), bar.back_button.height(), bar.quick_exit_button.height()}
        assert len(heights) == 1, f"{scale:.0%}: controls of different heights {sorted(heights)}"
        assert heights.pop() >= 44 * min(scale, 1.3)
    window.display.set_text_scale(1.0)


def dominant(image: QImage, least: float = 0.02) -> list[str]:
    """The colours covering at least ``least`` of the image, most first."""
    counts = colours(image)
    total = sum(counts.values())
    return [name for name, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= total * least]


def test_rendered_list_rows_and_scroll_bar(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F24: in a long list the selected row's words reach 4.5:1 on its colour, and the scroll bar's
    handle shows at 3:1 against its track; both read from pixels, in every palette."""
    window, palette = themed
    listing = QListWidget(window.current_page())  # where lists live: in a page, which wears the theme
    listing.addItems([f"Choice number {n}" for n in range(40)])
    listing.setCurrentRow(1)
    listing.resize(320, 240)
    listing.show()
    qtbot.waitExposed(listing)
    qtbot.wait(30)
    try:
        row = listing.viewport().grab(listing.visualItemRect(listing.item(1))).toImage()
        assert dominant(row)[0] == QColor(palette.primary).name(), f"{palette.name}: the selected row is not in the selection colour"
        assert best_contrast(row, palette.primary) >= 4.5, f"{palette.name}: the selected row's words do not read"
        bar = listing.verticalScrollBar()
        assert bar.isVisible() and bar.width() >= 14, "a scroll bar wide enough to grab"
        image = bar.grab().toImage()
        track, handle = dominant(image)[:2]
        assert track == QColor(palette.background).name()
        assert contrast_ratio(handle, track) >= 3.0, f"{palette.name}: the handle {handle} does not show on {track}"
        # No arrows at the ends: the handle starts within a few pixels of the top.
        top = [QColor(image.pixel(image.width() // 2, y)).name() for y in range(8)]
        assert handle in top, f"{palette.name}: something is drawn above the handle (an arrow?)"
    finally:
        listing.deleteLater()


def test_rendered_drop_down_has_its_arrow_and_no_bevel(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F24: the language drop-down's end shows the palette's arrow on the field's own colour, with no
    grey square behind it."""
    window, palette = themed
    window.resize(1280, 800)
    qtbot.wait(50)
    combo = window.topbar.language
    assert combo.isVisible()
    image = combo.grab().toImage()
    end = image.copy(image.width() - image.height(), 4, image.height() - 6, image.height() - 8)
    if combo.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        end = image.copy(2, 4, image.height() - 6, image.height() - 8)
    found = dominant(end, 0.01)
    assert found[0] == QColor(palette.surface).name(), f"{palette.name}: the arrow sits on {found[0]}, not the field"
    assert best_contrast(end, palette.surface) >= 3.0, f"{palette.name}: no arrow to see"


def test_rendered_save_dialog_wears_the_theme(themed, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """F24: Qt's own save dialog (kept for privacy: ui/dialogs.py) has the page's colours, flat
    tool buttons in the field colour and one control height, not Qt's grey bevels."""
    import shiboken6
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QToolButton

    from navigator.ui import qt_hardening

    window, palette = themed
    qt_hardening.settings_nowhere()
    dialog = QFileDialog(window, "Save", str(tmp_path), "PDF files (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.resize(760, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    try:
        whole = dialog.grab().toImage()
        for x, y in ((2, 2), (2, whole.height() - 3), (whole.width() // 2, whole.height() - 3)):
            assert QColor(whole.pixel(x, y)).name() == QColor(palette.background).name(), (x, y)
        assert QColor("#efefef").name() not in dominant(whole), "Qt's grey"
        tools = [b for b in dialog.findChildren(QToolButton) if b.isVisible() and b.isEnabled()]
        assert tools
        for button in tools:
            image = button.grab().toImage()
            assert QColor(image.pixel(4, image.height() // 2)).name() == QColor(palette.surface).name(), button.objectName()
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        box = dialog.findChild(QDialogButtonBox)
        assert name is not None and box is not None
        save = box.buttons()[0]
        assert name.height() == save.height() >= 44
    finally:
        shiboken6.delete(dialog)


def test_rendered_search_snippets_read(themed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F20: a result's snippet (the line under its title) is drawn in a colour that reaches 4.5:1
    on the row, read from pixels, in every palette (it was the placeholder colour, 3.1:1)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from navigator.ui.pages.search import HEADER_ROLE, MORE_ROLE, SNIPPET_ROLE

    window, palette = themed
    window.resize(1280, 800)
    box = window.search_box
    box.setFocus()
    qtbot.keyClicks(box, "screenshot")
    page = window.pages["search"]
    qtbot.waitUntil(page.ready)
    qtbot.wait(50)
    listing = page.list
    listing.clearSelection()
    listing.setCurrentRow(-1)
    qtbot.wait(30)
    checked = 0
    for row in range(listing.count()):
        item = listing.item(row)
        if item.data(HEADER_ROLE) or item.data(MORE_ROLE) or not item.data(SNIPPET_ROLE):
            continue
        option = QStyleOptionViewItem()
        option.initFrom(listing)
        option.font = listing.font()
        option.rect = listing.visualItemRect(item)
        if not listing.viewport().rect().contains(option.rect):
            continue
        _font, _title, snippet, _flags = listing.itemDelegate()._layout(option, listing.indexFromItem(item))
        image = listing.viewport().grab(snippet).toImage()
        background = dominant(image)[0]
        assert contrast_ratio(background, palette.surface) < 1.1 or background == QColor(palette.background).name()
        assert best_contrast(image, background) >= 4.5, f"{palette.name}: the snippet of {item.text()!r} does not read"
        checked += 1
    assert checked >= 2, "no snippet on screen to measure"
