"""The fonts Navigator carries, for scripts a basic system may lack (UX review F17).

``navigator/ui/fonts/`` holds small subsets of Noto (SIL Open Font License 1.1, see ``OFL.txt``
there): the Arabic block, and the Korean, Chinese, Japanese and Hindi letters of the language names
Navigator shows. ``packaging/make_fonts.py`` makes them and says what each one holds.

They are read from the package and handed to Qt from memory (``addApplicationFontFromData``):
nothing is downloaded, and no font file or font cache is written. Qt's font matching (fontconfig
on Linux) then finds them for the letters the system's fonts lack; a Latin word keeps the
system's font. They are not made substitutes of the interface font: a substitute is tried before
the system's fallbacks, and a list number in a PDF would then lose its digits.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

FONTS = Path(__file__).resolve().parent / "fonts"
SUFFIXES = (".ttf", ".otf")

_loaded: list[str] = []


def font_files() -> list[Path]:
    return sorted(p for p in FONTS.iterdir() if p.suffix in SUFFIXES) if FONTS.is_dir() else []


def load_fonts() -> list[str]:
    """Give Qt the shipped fonts (once per process); returns their families.

    Needs a QGuiApplication. A font Qt cannot read is left out: the system's fonts still draw
    what they can.
    """
    if _loaded:
        return list(_loaded)
    families: list[str] = []
    for path in font_files():
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(path.read_bytes()))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _loaded.extend(families)
    return list(families)
