"""Reach: every place the pathway offers gets its law (or an honest 'none found') and a real service.

For each country and each state, province or nation in the questions, a plan is built and must hold
a law step that names at least one law of that place (or says plainly that we do not cover it), and
at least one service for that place that a person can reach by phone, text, chat, form or email.
"""

from __future__ import annotations

import pytest

from navigator.core.loader import load_content
from navigator.core.localize import localize
from navigator.core.models import Kind, Law, Organization, Pathway, Platform
from navigator.core.plan import build_plan, jurisdictions
from navigator.paths import content_root

CONTENT, _ = load_content(content_root())
VIEW = localize(CONTENT, "en")[0]
PATHWAY = VIEW.get(Kind.PATHWAY, "main")
assert isinstance(PATHWAY, Pathway)
QUESTIONS = {q.id: q for q in PATHWAY.questions}


def places() -> list[tuple[dict[str, tuple[str, ...]], str]]:
    """Answers for every place offered: each country, and each subdivision under its question."""
    found = []
    for option in QUESTIONS["country"].options:
        if not option.region or option.region == "EU":
            continue
        subs = [q for q in PATHWAY.questions if q.role == "region" and q.when and (q.when.answer, q.when.is_) == ("country", option.value)]
        if not subs:
            found.append(({"country": (option.value,)}, option.region))
        for question in subs:
            for sub in question.options:
                if sub.region:
                    found.append(({"country": (option.value,), question.id: (sub.value,)}, sub.region))
    return found


PLACES = places()


def test_the_pathway_offers_many_places():
    regions = {region for _answers, region in PLACES}
    assert len({r for r in regions if r.startswith("US-")}) == 51  # every state and DC
    assert {"CA-QC", "GB-SCT", "GB-NIR", "MX", "SA", "EG", "MA", "JP", "ZA"} <= regions


@pytest.mark.parametrize(("answers", "region"), PLACES, ids=[region for _a, region in PLACES])
def test_each_place_gets_its_law_and_a_service_it_can_reach(answers, region):
    given = {"age": ("adult",), "wants": ("removal", "legal", "support"), "language": ("en",), **answers}
    plan = build_plan(PATHWAY, given, VIEW)
    steps = {step.key: step for step in plan.steps}
    assert "laws" in steps, f"{region}: no law step"
    reach = jurisdictions([region], VIEW)
    own = [e.item for e in steps["laws"].entries if isinstance(e.item, Law) and reach.get(e.item.jurisdiction, 9) < 2]
    assert own or "we do not cover" in steps["laws"].body, f"{region}: no law of its own and no plain sentence saying so"
    services = [e.item for e in steps["people"].entries if isinstance(e.item, Organization)] if "people" in steps else []
    # A service for the place itself, the country, or (when only the country was named) one of its parts.
    local = [o for o in services if o.reachable() and any(reach.get(r, 9) < 3 or reach.get(r.split("-")[0], 9) < 3 for r in o.regions)]
    assert local, f"{region}: no service there that a person can call, text, chat with or write to"


def test_every_platform_in_the_where_question_has_a_sourced_route():
    for option in QUESTIONS["where"].options:
        if option.platform:
            platform = VIEW.get(Kind.PLATFORM, option.platform)
            assert isinstance(platform, Platform), option.platform
            assert platform.routes and all(r.source in platform.source_urls() for r in platform.routes)


def test_the_search_step_lists_every_platform_option():
    """The search-engine step must fire for any website picked (a new platform option is easy to forget)."""
    step = next(s for s in PATHWAY.steps if s.id == "search-engines")
    assert step.when is not None
    named = {value for _qid, value in step.when.values()}
    missing = [o.value for o in QUESTIONS["where"].options if o.platform and o.value not in named]
    assert not missing, f"add to the search-engines step's list: {missing}"
