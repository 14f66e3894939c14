"""Render the icon's PNG sizes, and the Windows .ico and macOS .icns, from the SVG source.

Run after changing ``org.navigator.Navigator.svg`` (with the development environment, which has
Qt's SVG module): ``.venv/bin/python packaging/icons/render.py``. The results are committed, so a
build never needs the SVG renderer; tests/unit/test_packaging.py checks they are all there.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "org.navigator.Navigator.svg"
# The hicolor theme's usual sizes (the .deb installs each under /usr/share/icons/hicolor/).
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows picks from these; macOS's .icns types, each a PNG of the given size.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512}


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose images are PNGs (Windows Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, blobs = b"", b""
    for size in ICO_SIZES:
        png = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    pngs = {size: render(size) for size in SIZES}
    for size, png in pngs.items():
        (HERE / f"{size}x{size}.png").write_bytes(png)
    (HERE / "navigator.ico").write_bytes(ico(pngs))
    (HERE / "navigator.icns").write_bytes(icns(pngs))
    del app
    print(f"rendered {len(pngs)} sizes, navigator.ico and navigator.icns into {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
