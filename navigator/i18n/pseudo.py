"""The pseudo-locale: every word that passes through translation, marked so untranslated words stand out.

``NAVIGATOR_PSEUDO=1`` accents, stretches and brackets every interface string (``pseudo``), and
every word shown from content/ (``pseudo_content``, through ``pseudo_library.PseudoLibrary``, which the app
builds instead of a ``Library``), so clipped or hard-coded English stands out: words that still
read as plain English on screen came from somewhere else (a hard-coded string, a forgotten
``_()``), which is what the pseudo-locale test looks for. Structure (ids, links, URLs, numbers) is
untouched, so every link still works. ``NAVIGATOR_PSEUDO=rtl`` does the same and mirrors the
layout right-to-left, to try Arabic-like layouts without reading Arabic.
"""

from __future__ import annotations

import os
import re

PSEUDO_ENV = "NAVIGATOR_PSEUDO"

_PSEUDO_MAP = str.maketrans("aceinouyACEINOUY", "áçéîñöûýÁÇÉÎÑÖÛÝ")
_SPLIT = re.compile(r"(\{[A-Za-z0-9_]+\}|&(?=\w)|<[^>]+>|%\w)")
# In content, keep Markdown link targets, bare addresses and {field} placeholders exactly as written.
_CONTENT_SPLIT = re.compile(
    r"(\]\([^)\s]*\)|<[^>\s]+>|(?:https|http|navigator|mailto|tel)://?[^\s)\]>]+|\{[A-Za-z0-9_-]+\}|`[^`\n]*`|^\s*(?:[-*+]|\d+\.)\s)",
    re.MULTILINE,
)


def pseudo_enabled() -> bool:
    return os.environ.get(PSEUDO_ENV, "") not in ("", "0")


def pseudo_rtl() -> bool:
    """``NAVIGATOR_PSEUDO=rtl``: lay everything out right to left, whatever the language."""
    return pseudo_enabled() and os.environ.get(PSEUDO_ENV) == "rtl"


def pseudo(text: str) -> str:
    """Accent, stretch and bracket ``text``, keeping placeholders and mnemonics intact."""
    parts = _SPLIT.split(text)
    out = "".join(p if _SPLIT.fullmatch(p) else p.translate(_PSEUDO_MAP) for p in parts)
    return f"⟦{out}{_pad(len(text))}⟧"


def _pad(length: int) -> str:
    """Dots that make a text about 40% longer, as translations often are; in groups of eight, so
    they wrap like words do (one long run of dots would be a word no real language has)."""
    dots = "·" * max(1, length * 2 // 5)
    return " ".join(dots[i : i + 8] for i in range(0, len(dots), 8))


def marked(text: str) -> str:
    """``text`` marked under the pseudo-locale, else as it is (for words that do not pass through gettext)."""
    return pseudo(text) if pseudo_enabled() else text


def pseudo_content(text: str) -> str:
    """Pseudo-translate a content text (possibly Markdown): words change, links and layout do not.

    No brackets here: a ``⟦`` before ``# Heading`` would break the Markdown. The accents alone
    show at a glance which words did not pass through the translation layer.
    """
    lines = []
    for line in text.split("\n"):
        if line.strip().startswith(":::"):
            lines.append(line)  # an audience fence ("::: adults", ":::") is structure, not words
            continue
        parts = _CONTENT_SPLIT.split(line)
        lines.append("".join(p if p and _CONTENT_SPLIT.fullmatch(p) else p.translate(_PSEUDO_MAP) for p in parts))
    pad = _pad(min(len(text), 200))
    return "\n".join(lines) + ("\n\n" + pad if "\n" in text else " " + pad)
