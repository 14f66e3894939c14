"""The README's table of what Navigator covers says what the shipped content holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from navigator.core.loader import load_content
from navigator.core.localize import available_locales
from navigator.core.models import Kind, Place
from navigator.paths import content_root

README = Path(__file__).resolve().parents[2] / "README.md"
CONTENT, _ = load_content(content_root())


def table() -> dict[str, int]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## What it covers", 1)[1].split("\n## ", 1)[0]
    return {m["what"]: int(m["count"]) for m in re.finditer(r"^\| (?P<what>[^|]+?) \| (?P<count>\d+) \|$", section, re.M)}


def subdivisions(code: str) -> int:
    place = CONTENT.get(Kind.PLACE, code.lower())
    assert isinstance(place, Place)
    return len(place.subdivisions)


def counts() -> dict[str, int]:
    view = CONTENT
    return {
        "Countries": len(view.items(Kind.PLACE)),
        "US states and DC, each with its own entry": subdivisions("US"),
        "Canadian provinces and territories": subdivisions("CA"),
        "UK nations (England, Wales, Scotland, Northern Ireland)": subdivisions("GB"),
        "Australian states and territories": subdivisions("AU"),
        "Laws and bills (with citation, status and the date it was true)": len(view.items(Kind.LAW)),
        "Services: helplines, reporting portals, regulators": len(view.items(Kind.ORGANIZATION)),
        "Platforms, with how to report on each": len(view.items(Kind.PLATFORM)),
        "Letter and form templates": len(view.items(Kind.NOTICE)),
        "Guides": len(view.items(Kind.ARTICLE)),
    }


@pytest.mark.parametrize("what", list(counts()))
def test_each_row_counts_the_shipped_content(what: str) -> None:
    assert table().get(what) == counts()[what], f"README 'What it covers': fix the row '{what}'"


def test_the_languages_line_names_every_locale() -> None:
    text = README.read_text(encoding="utf-8").split("## What it covers", 1)[1].split("\n## ", 1)[0]
    line = re.search(r"drafts in (?P<codes>[a-zA-Z_, ]+?) \(", text)
    assert line is not None
    named = {code.strip() for code in line["codes"].split(",")}
    assert named == set(available_locales(content_root())) - {"en"}
