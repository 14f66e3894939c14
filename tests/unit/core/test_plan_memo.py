"""``PlanMemo``: plans built for `navigator check` with remembered expansions are the plans built without."""

from __future__ import annotations

import pytest

from navigator.core.loader import load_content
from navigator.core.localize import localize
from navigator.core.models import Kind, Law, Organization, Pathway
from navigator.core.pathway_check import distinct_endings
from navigator.core.plan import PlanMemo, jurisdictions, unrestricted_plan
from navigator.paths import content_root

_content, _report = load_content(content_root())


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_every_ending_of_the_shipped_pathway_gives_the_same_plan(locale: str) -> None:
    view = localize(_content, locale)[0]
    pathway = view.get(Kind.PATHWAY, "main")
    assert isinstance(pathway, Pathway)
    endings = distinct_endings(pathway, view)
    assert len(endings) > 500  # the whole pathway, not a corner of it
    memo = PlanMemo(view)
    for answers in endings:
        assert unrestricted_plan(pathway, answers, view, memo=memo) == unrestricted_plan(pathway, answers, view), answers


def test_the_pools_by_place_hold_every_item_a_full_read_would_keep() -> None:
    view = localize(_content, "en")[0]
    memo = PlanMemo(view)
    places = [item for item in view.all(Kind.PLACE)]
    codes = [(code,) for place in places for code in [place.code, *(s.code for s in place.subdivisions)]]  # type: ignore[attr-defined]
    assert len(codes) > 100
    for regions in [*codes, ("US-TX", "US"), ()]:
        reach = jurisdictions(regions, view)
        reach["*"] = 3
        pooled = memo.pools[Kind.ORGANIZATION](reach)
        every = view.all(Kind.ORGANIZATION)
        wanted = [
            org for org in every if isinstance(org, Organization) and any(r in reach or r.split("-")[0] in reach for r in org.regions)
        ]
        assert pooled == wanted, regions
        laws = [law for law in view.all(Kind.LAW) if isinstance(law, Law) and law.jurisdiction in reach]
        assert [law for law in memo.pools[Kind.LAW](reach) if isinstance(law, Law) and law.jurisdiction in reach] == laws
