"""Fill a reviewed notice template with what the person typed: no free text generation, ever.

The template's words come from content (in the letter's language, which may differ from the
screen's); only the person's own answers are put into its ``{placeholders}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from navigator.core.models import NoticeTemplate

PLACEHOLDER_RE = re.compile(r"\{([a-z0-9_-]+)\}")


@dataclass(frozen=True)
class Letter:
    text: str
    missing: tuple[str, ...]  # ids of required fields still empty

    @property
    def complete(self) -> bool:
        return not self.missing


def fill(template: NoticeTemplate, values: Mapping[str, str], today: date, fmt_date: Callable[[date], str]) -> Letter:
    """The letter text. An empty required field shows as ``[its label]`` and is listed as missing."""
    labels = {f.id: f.label for f in template.fields}
    missing = tuple(f.id for f in template.fields if f.required and not values.get(f.id, "").strip())

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "date":
            return fmt_date(today)
        value = values.get(name, "").strip()
        return value if value else f"[{labels.get(name, name)}]"

    return Letter(PLACEHOLDER_RE.sub(replace, template.body), missing)
