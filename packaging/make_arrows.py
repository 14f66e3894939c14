"""Make the drop-down arrows and the ticks Navigator ships in navigator/ui/arrows/ (UX review F24,
issue 16).

A style sheet can take an arrow only as a picture file; Qt's own fallback is the grey bevelled
square the review saw. So each palette (``navigator/ui/theme.py``) has its own arrow, a chevron
drawn here with QPainter in the palette's ``indicator`` colour, a PNG (Qt reads PNG without a
plug-in; the bundle carries no image plug-ins). The theme loads it from the package's own folder;
nothing is drawn, read or written elsewhere at run time. tests/ui/test_contrast.py checks that each
arrow is there, in its palette's colour, at 3:1 against the field. The tick of a ticked box is made
the same way, in the palette's ``on_primary`` colour (the box is filled with ``primary``); the
theme scales it to the box, which grows with the text.

Run it again after changing a palette, then commit the pictures:

    .venv/bin/python packaging/make_arrows.py

The output is the same for the same palette (Qt writes no time into a PNG).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

from navigator.ui.theme import ARROW_PIXELS, PALETTES, arrow_path, tick_path


def stroke(colour: str, size: int, width: float, points: list[tuple[float, float]]) -> QImage:
    """One round-ended line through ``points`` (fractions of the side) on a transparent square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), size * width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPolyline([QPointF(size * x, size * y) for x, y in points])
    painter.end()
    return image


def chevron(colour: str, size: int = ARROW_PIXELS) -> QImage:
    """A downward chevron; the theme scales it to the text."""
    half = 0.32
    return stroke(colour, size, 0.15, [(0.5 - half, 0.5 - half / 2), (0.5, 0.5 + half / 2), (0.5 + half, 0.5 - half / 2)])


def tick(colour: str, size: int = ARROW_PIXELS) -> QImage:
    """A tick filling most of its square (the box is small)."""
    return stroke(colour, size, 0.16, [(0.16, 0.52), (0.40, 0.76), (0.84, 0.26)])


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    for palette in PALETTES:
        for path, image in ((arrow_path(palette), chevron(palette.indicator)), (tick_path(palette), tick(palette.on_primary))):
            path.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(path), "PNG"):
                raise SystemExit(f"could not write {path}")
            print(path)
    del app


if __name__ == "__main__":
    main()
