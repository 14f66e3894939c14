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


def chevron(colour: str, size: int = ARROW_PIXELS) -> QImage:
    """A downward chevron, round-ended, on a transparent square; the theme scales it to the text."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), size * 0.15)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    half, centre = size * 0.32, QPointF(size / 2, size / 2)
    painter.drawPolyline([centre + QPointF(-half, -half / 2), centre + QPointF(0, half / 2), centre + QPointF(half, -half / 2)])
    painter.end()
    return image


def tick(colour: str, size: int = ARROW_PIXELS) -> QImage:
    """A tick, round-ended, on a transparent square, filling most of it (the box is small)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), size * 0.16)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPolyline([QPointF(size * 0.16, size * 0.52), QPointF(size * 0.40, size * 0.76), QPointF(size * 0.84, size * 0.26)])
    painter.end()
    return image


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
