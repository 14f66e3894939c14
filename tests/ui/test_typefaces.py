"""The fonts Navigator carries load from memory and draw every language name it shows (UX review F17)."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QRawFont, QTextLayout

from navigator.ui import typefaces

# Letters of these scripts come from our fonts, not from whatever the system has.
OURS = ("ARABIC", "HANGUL", "CJK", "DEVANAGARI")


def shown_language_names() -> list[str]:
    """Every language name Navigator shows: the picker, the language question, the directory's filter."""
    from navigator import i18n
    from navigator.core.library import Library
    from navigator.core.models import Kind, Organization, Pathway
    from navigator.paths import content_root

    library = Library(content_root())
    names = [i18n.language_name(code) for code in i18n.available_locales()]
    for org in library.all(Kind.ORGANIZATION):
        if isinstance(org, Organization):
            names += [i18n.language_name(code) for code in org.languages]
    for locale in ["en", *i18n.available_locales()]:
        library.set_locale(locale)
        for pathway in library.all(Kind.PATHWAY):
            if isinstance(pathway, Pathway):
                for question in pathway.questions:
                    if question.role == "language":
                        names += [o.label for o in question.options]
    return names


def test_fonts_are_small_and_carry_their_licence():
    files = typefaces.font_files()
    assert {f.suffix for f in files} <= {".ttf", ".otf"} and len(files) >= 3
    assert sum(f.stat().st_size for f in files) < 1_500_000
    licence = (typefaces.FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Google" in licence


def test_fonts_load_from_memory_and_draw_what_the_system_lacks(qapp):
    families = typefaces.load_fonts()
    for wanted in ("Noto Sans Arabic", "Noto Sans CJK KR", "Noto Sans Devanagari"):
        assert wanted in families
        assert wanted in QFontDatabase.families()
    # Laid out in the interface font, every letter of these names gets a real glyph (no box):
    # from the system's fonts where it has them, else from ours.
    for name in ("한국어", "हिन्दी", "日本語", "中文", "العربية", "اردو"):
        layout = QTextLayout(name, QFont())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        assert runs and all(0 not in list(run.glyphIndexes()) for run in runs), name


def test_every_language_name_shown_is_covered(qapp):
    fonts = [QRawFont(QByteArray(path.read_bytes()), 12) for path in typefaces.font_files()]
    assert all(font.isValid() for font in fonts)
    names = shown_language_names()
    assert any("한국어" in name for name in names) and any("हिन्दी" in name for name in names)
    missing = {
        char
        for name in names
        for char in name
        if unicodedata.name(char, "").startswith(OURS) and not any(font.supportsCharacter(ord(char)) for font in fonts)
    }
    assert not missing, f"no shipped font draws {''.join(sorted(missing))}: run packaging/make_fonts.py"
