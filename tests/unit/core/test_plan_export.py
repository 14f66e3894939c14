"""Plan exports: headings, the date, sources with review dates, ticks, and the not-legal-advice line."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from navigator.core.loader import load_content
from navigator.core.localize import Localized, localize
from navigator.core.models import Kind, Pathway
from navigator.core.plan import Plan, build_plan
from navigator.core.plan_export import export, to_json, to_markdown, to_text
from navigator.paths import content_root

DAY = date(2026, 11, 26)


def label(text: str) -> str:
    return text


def fmt(day: date) -> str:
    return day.isoformat()


@pytest.fixture(scope="module")
def view() -> Localized:
    content, _ = load_content(content_root())
    return localize(content, "en")[0]


@pytest.fixture(scope="module")
def plan(view: Localized) -> Plan:
    pathway = view.get(Kind.PATHWAY, "main")
    assert isinstance(pathway, Pathway)
    return build_plan(
        pathway, {"age": ("adult",), "where": ("x",), "wants": ("removal", "legal"), "country": ("us",), "us-state": ("us-tx",)}, view
    )


def test_markdown_has_title_date_numbered_steps_sources_and_advice(plan: Plan, view: Localized) -> None:
    text = to_markdown(plan, view, label, fmt, DAY)
    lines = text.splitlines()
    assert lines[0] == "# Your plan"
    assert "Made on 2026-11-26." in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[0] == "## 1. Save proof before you report"
    assert headings[-1] == "## Sources"
    assert len(headings) == len(plan.steps) + 1
    assert text.count("This plan is general information, not legal advice.") == 2
    assert "**Make a plan**: checked 2026-11-26" in text  # each source item with its review date
    assert "https://stopncii.org/how-it-works/" in text
    assert "navigator://" not in text  # internal links mean nothing outside the app
    # Laws show their status and the date it was true.
    assert "Tex. Penal Code 21.165 — In force (as of 2023-09-01)" in text


def test_ticks_show_in_the_export(plan: Plan, view: Localized) -> None:
    first = plan.steps[0].key
    text = to_markdown(plan, view, label, fmt, DAY, done={first})
    assert "- [x] If you can, keep a record" in text
    assert text.count("[x]") == 1


def test_text_has_no_markdown_marks(plan: Plan, view: Localized) -> None:
    text = to_text(plan, view, label, fmt, DAY)
    assert text.startswith("Your plan\n")
    assert "**" not in text and "\n## " not in text
    assert "1. Save proof before you report" in text


def test_json_is_data_and_deterministic(plan: Plan, view: Localized) -> None:
    first = to_json(plan, view, label, "en", DAY)
    assert first == to_json(plan, view, label, "en", DAY)
    data = json.loads(first)
    assert data["pathway"] == "main" and data["date"] == "2026-11-26"
    assert [s["id"] for s in data["steps"]] == plan.step_ids()
    laws = next(s for s in data["steps"] if s["id"] == "laws")["entries"]
    texas = next(e for e in laws if e["id"] == "us-tx-penal-code-21-165")
    assert texas["status"] == "in_force" and texas["status_date"] == "2023-09-01" and texas["jurisdiction"] == "US-TX"
    assert data["sources"][0]["id"] == "main" and data["sources"][0]["reviewed"] == "2026-11-26"
    assert data["answers"]["us-state"] == ["us-tx"]


def test_unknown_format(plan: Plan, view: Localized) -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        export(plan, view, "pdf", label, fmt, "en", DAY)


def test_labels_go_through_the_given_translator(plan: Plan, view: Localized) -> None:
    text = to_markdown(plan, view, lambda s: f"«{s}»", fmt, DAY)
    assert text.startswith("# «Your plan»")
    assert "«Made on 2026-11-26.»" in text
    assert "«This plan is general information, not legal advice.»" in text


ADDRESS = re.compile(r"https://\S+|\+?\d[\d ()\-]{1,}\d|\*\d+")


def test_every_resource_a_printed_plan_names_can_be_used_from_the_paper(view: Localized) -> None:
    """No 'More in Navigator': each service, platform, law and place carries an address or number,
    each guide its gist, in every plan the pathway can make."""
    from navigator.core.pathway_check import distinct_endings
    from navigator.core.plan_export import resource_lines

    pathway = view.get(Kind.PATHWAY, "main")
    assert isinstance(pathway, Pathway)
    checked = 0
    for answers in distinct_endings(pathway, view):
        plan = build_plan(pathway, answers, view)
        named = [(e.kind, e.item) for s in plan.steps for e in s.entries]
        named += [(link.kind, view.get(link.kind, link.item_id)) for s in plan.steps for link in s.links]
        for kind, item in named:
            assert item is not None
            lines = resource_lines(item, label, fmt)
            assert lines, f"{kind.value}/{item.id} has nothing to print"
            if kind in (Kind.ORGANIZATION, Kind.PLATFORM, Kind.LAW, Kind.PLACE):
                assert any(ADDRESS.search(line) for line in lines), f"{kind.value}/{item.id}: no address or number on paper"
            checked += 1
        text = to_markdown(plan, view, label, fmt, DAY)
        assert "navigator://" not in text and "More in Navigator" not in text
    assert checked > 1000
