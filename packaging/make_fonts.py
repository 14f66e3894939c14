"""Make the small font subsets Navigator ships in navigator/ui/fonts/ (UX review F17).

A basic system may have no font for Korean, Hindi, Chinese or Japanese, and only a plain one for
Arabic; the language picker and the language question would then show boxes. Navigator carries
the few glyphs it needs, cut from Noto (SIL Open Font License 1.1, no reserved names), and loads
them from memory at start (``navigator/ui/typefaces.py``); nothing is downloaded or written.

What each subset holds:

- Arabic (Noto Sans Arabic, regular and bold): the whole Arabic block, U+0600-U+06FF, with the
  shaping features, so every Arabic, Persian and Urdu word on screen can be drawn;
- Devanagari (Noto Sans Devanagari): the Devanagari letters of the language names Navigator shows;
- CJK (Noto Sans CJK KR): the Hangul and Han characters of those names, and of the Korean
  interface and content when ``locales/ko`` or ``content/ko`` exist.

"Language names Navigator shows" are Babel's name of each language in itself, for every language
an organization speaks, every interface language and every option of the language question, and
the option labels of that question in every content language.

Run it again after adding a language or a Korean translation, then commit the fonts:

    apt-get install fonts-noto-core fonts-noto-cjk     # the source fonts (Debian)
    .venv/bin/pip install fonttools
    .venv/bin/python packaging/make_fonts.py

The output is the same for the same inputs (no timestamps in the fonts).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "navigator" / "ui" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OFL_SOURCE = Path("/usr/share/doc/fonts-noto-core/copyright")

ARABIC_BLOCK = set(range(0x0600, 0x0700))
# Joiners, direction marks and isolates: Qt asks the font of the run for them.
FORMAT_CHARACTERS = {0x200C, 0x200D, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069}


def script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("ARABIC", "DEVANAGARI", "HANGUL", "CJK"):
        if name.startswith(script):
            return script
    return ""


def language_names() -> str:
    """Every language name Navigator may show, in its own script, as one string."""
    codes: set[str] = set()
    for path in (REPO / "content" / "en" / "organizations").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        codes |= set(data.get("languages") or [])
    codes |= {p.name for p in (REPO / "locales").iterdir() if (p / "LC_MESSAGES").is_dir()}
    labels: list[str] = []
    for path in sorted((REPO / "content").glob("*/pathways/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for question in data.get("questions") or []:
            if question.get("role") == "language" or question.get("id") == "language":
                for option in question.get("options") or []:
                    labels.append(str(option.get("label", "")))
                    value = option.get("value")
                    if value:
                        codes.add(str(value))
    for code in sorted(codes):
        try:
            labels.append(Locale.parse(code).get_display_name(code) or "")
        except (UnknownLocaleError, ValueError):
            continue
    return "\n".join(labels)


def korean_texts() -> str:
    """The Korean interface and content, when this checkout has them."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "locales" / "ko").rglob("*.po"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "content" / "ko").rglob("*")) if p.is_file()]
    return "\n".join(parts)


def cut(font: TTFont, codepoints: set[int], out: Path) -> int:
    options = subset.Options()
    options.layout_features = ["*"]  # Arabic and Devanagari need their shaping features
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    if "head" in font:
        font["head"].created = font["head"].modified = 0  # reproducible
    font.save(out)
    return out.stat().st_size


def ofl_text(copyrights: list[str]) -> str:
    """The licence: each font's copyright line, then the OFL 1.1 text as Debian ships it."""
    lines = OFL_SOURCE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line == "License: OFL-1.1" and i + 1 < len(lines) and lines[i + 1].strip())
    body: list[str] = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    head = [
        "The fonts in this folder are subsets of Noto fonts, made by packaging/make_fonts.py.",
        "They are licensed under the SIL Open Font License, Version 1.1, below.",
        "",
        *sorted(set(copyrights)),
        "",
        "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007",
        "",
    ]
    return "\n".join(head + body).rstrip() + "\n"


def main() -> int:
    names = language_names()
    korean = korean_texts()
    wanted: dict[str, set[int]] = {"DEVANAGARI": set(), "CJK": set()}
    for char in names + korean:
        script = script_of(char)
        if script in ("HANGUL", "CJK"):
            wanted["CJK"].add(ord(char))
        elif script == "DEVANAGARI":
            wanted["DEVANAGARI"].add(ord(char))
    OUT.mkdir(parents=True, exist_ok=True)
    copyrights: list[str] = []
    jobs: list[tuple[TTFont, set[int], str]] = []
    for weight in ("Regular", "Bold"):
        jobs.append(
            (TTFont(NOTO / f"NotoSansArabic-{weight}.ttf"), ARABIC_BLOCK | FORMAT_CHARACTERS, f"NotoSansArabic-{weight}.subset.ttf")
        )
    jobs.append(
        (
            TTFont(NOTO / "NotoSansDevanagari-Regular.ttf"),
            wanted["DEVANAGARI"] | {0x0964, 0x0965} | FORMAT_CHARACTERS,
            "NotoSansDevanagari-Regular.subset.ttf",
        )
    )
    collection = TTCollection(NOTO_CJK)
    korean_face = next(
        f for f in collection.fonts if "KR" in str(f["name"].getDebugName(1)) and "Mono" not in str(f["name"].getDebugName(1))
    )
    jobs.append((korean_face, wanted["CJK"] | FORMAT_CHARACTERS, "NotoSansCJKkr-Regular.subset.otf"))
    total = 0
    for font, codepoints, name in jobs:
        copyright_line = font["name"].getDebugName(0)
        if copyright_line:
            copyrights.append(re.sub(r"\s+", " ", copyright_line))
        size = cut(font, codepoints, OUT / name)
        total += size
        print(f"{name}: {len(codepoints)} characters, {size / 1024:.0f} KB")
    (OUT / "OFL.txt").write_text(ofl_text(copyrights), encoding="utf-8")
    print(f"total {total / 1024:.0f} KB in {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
