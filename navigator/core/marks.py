"""Marks in plain text that the interface strings and the content rules both look for.

Kept apart from ``rules`` and ``render``, which import the content models (pydantic): the
interface catalogs and the formats need these at start-up, before the window's first paint, and
the content models load only after it (``ui/main_window.py``: the window's shell).
"""

from __future__ import annotations

import re

# Raw HTML and Markdown images: never in content (rule ``plain-text``) nor in a translation.
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>")
MD_IMAGE = re.compile(r"!\[")


def isolate(text: str) -> str:
    """Keep a label such as '800.656.HOPE' in one piece inside right-to-left text.

    Unicode first-strong isolates: invisible, and without them the bidi algorithm splits a
    label of digits, dots and Latin letters around its neighbours in an Arabic line.
    """
    return f"\u2068{text}\u2069"
