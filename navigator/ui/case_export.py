"""The evidence report of a case file as bytes, in any language and format: for the case screens
and for ``navigator case report`` (which has no window; Qt is loaded only for a PDF).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from navigator import i18n
from navigator.core.case import Case
from navigator.core.case_report import to_markdown
from navigator.core.case_rules import ContentRules
from navigator.core.case_text import Formats
from navigator.core.plan import ContentView
from navigator.core.render import plain_text

FORMATS = ("markdown", "text", "pdf")
SUFFIX = {"markdown": "md", "text": "txt", "pdf": "pdf"}


def formats(locale: str) -> Formats:
    """How ``locale`` writes the report's times, durations and numbers."""

    # The timeline and the fingerprint table write each time twice; Babel is the slow part.
    @lru_cache(maxsize=4096)
    def when(value: datetime) -> str:
        return i18n.format_datetime(value, "medium", locale)

    return Formats(
        datetime=when,
        duration=lambda value: i18n.format_duration(value, locale),
        number=lambda value: i18n.format_number(value, locale),
        rtl=i18n.is_rtl(locale),
    )


def report_markdown(case: Case, view: ContentView, locale: str, now: datetime) -> str:
    return to_markdown(case, ContentRules(view), i18n.translator(locale), formats(locale), now)


def report_bytes(case: Case, view: ContentView, locale: str, fmt: str, now: datetime) -> bytes:
    """The report as a file's bytes. A PDF needs a Qt application (the caller makes one)."""
    markdown = report_markdown(case, view, locale, now)
    if fmt == "markdown":
        return markdown.encode("utf-8")
    if fmt == "text":
        return plain_text(markdown).encode("utf-8")
    if fmt == "pdf":
        from navigator.ui.pages.plan import pdf_bytes

        return pdf_bytes(markdown, i18n.translator(locale)("Evidence report"))
    raise ValueError(f"unknown format {fmt!r}")
