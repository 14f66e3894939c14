"""The plan builder on the real English pathway: five key routes, ordering, place and language rules."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from navigator.core.audience import Reader
from navigator.core.loader import load_content
from navigator.core.localize import Localized, localize
from navigator.core.models import Kind, Law, Organization, Pathway
from navigator.core.plan import CATEGORY_ORDER, Plan, build_plan, crisis_help, first_things, jurisdictions, reach_of, unrestricted_plan
from navigator.paths import content_root

STOPNCII = "navigator://organization/stopncii"


@pytest.fixture(scope="module")
def view() -> Localized:
    content, _report = load_content(content_root())
    localized, _ = localize(content, "en")
    return localized


@pytest.fixture(scope="module")
def pathway(view: Localized) -> Pathway:
    item = view.get(Kind.PATHWAY, "main")
    assert isinstance(item, Pathway)
    return item


def plan_for(pathway: Pathway, view: Localized, **answers: Any) -> Plan:
    given = {key.replace("_", "-"): tuple(v) if isinstance(v, list) else (v,) for key, v in answers.items()}
    return build_plan(pathway, given, view)


def steps(plan: Plan) -> list[str]:
    return plan.step_ids()


def entries(plan: Plan, step_id: str) -> list[str]:
    for step in plan.steps:
        if step.key == step_id:
            return [e.item.id for e in step.entries]
    return []


def all_links(plan: Plan) -> set[str]:
    return set(plan.links())


def assert_ordered_by_urgency(plan: Plan) -> None:
    ranks = [CATEGORY_ORDER.index(s.category) for s in plan.steps]
    assert ranks == sorted(ranks)


def test_adult_deepfake_on_x_and_reddit_in_texas(pathway: Pathway, view: Localized) -> None:
    plan = plan_for(
        pathway,
        view,
        safe_now="safe",
        what_happened="ai-made",
        age="adult",
        where=["x", "reddit"],
        threats="not-threatened",
        who="unknown",
        country="us",
        us_state="us-tx",
        language="en",
    )
    ids = steps(plan)
    for must in ("evidence", "remove-each", "us-48-hours", "stopncii", "search-engines", "laws", "legal-options", "people"):
        assert must in ids
    assert "report-the-tool" in ids  # made with AI: reporting the tool is offered, as an optional part
    for must_not in ("in-danger", "threats", "under-18", "maybe-under-18", "evidence-under-18", "not-posted"):
        assert must_not not in ids
    assert entries(plan, "remove-each") == ["x", "reddit"]
    laws = entries(plan, "laws")
    assert "us-tx-penal-code-21-165" in laws  # the state's law
    assert {"us-take-it-down-act", "us-take-it-down-platform-duty", "us-15-usc-6851"} <= set(laws)  # federal laws too
    assert "us-ca-civil-code-1708-86" not in laws and "us-ny-deepfake-laws" not in laws
    assert not [law for law in laws if not law.startswith("us-")]
    people = entries(plan, "people")
    assert "ccri" in people and "rainn" in people
    assert "revenge-porn-helpline" not in people
    assert ids.index("evidence") < ids.index("remove-each") < ids.index("stopncii") < ids.index("laws") < ids.index("people")
    assert_ordered_by_urgency(plan)


def test_image_taken_at_16_now_an_adult(pathway: Pathway, view: Localized) -> None:
    plan = plan_for(pathway, view, what_happened="real-shared", age="under-18", where=["meta"], country="us")
    ids = steps(plan)
    assert ids[0] == "under-18"  # nothing is more urgent here than the child-image route
    under_18 = next(s for s in plan.steps if s.key == "under-18")
    assert "navigator://organization/ncmec-take-it-down" in {link.href for link in under_18.links}
    assert ids[1] == "report-minor-us"  # then the US route for reporting it
    assert "navigator://organization/ncmec-cybertipline" in all_links(plan)
    assert "evidence-under-18" in ids and "evidence" not in ids  # keep a record, not the image
    assert "stopncii" not in ids
    assert STOPNCII not in all_links(plan)  # never StopNCII, anywhere in the plan
    assert "remove-each" in ids and entries(plan, "remove-each") == ["meta"]
    assert_ordered_by_urgency(plan)


def test_sextortion_threat_with_nothing_posted_yet(pathway: Pathway, view: Localized) -> None:
    plan = plan_for(
        pathway,
        view,
        safe_now="safe",
        what_happened="threat",
        age="adult",
        where=["not-posted"],
        who="unknown",
        country="ca",
        ca_province="ca-on",
    )
    ids = steps(plan)
    assert ids[0] == "threats"
    assert ids[1] == "talk-now"  # a threat: crisis lines for the place, at once
    assert "not-posted" in ids and "evidence" in ids and "people" in ids
    assert "laws" in ids  # the law of the place is in every plan, even without "legal options"
    for must_not in ("remove-each", "us-48-hours", "search-engines", "in-messages", "not-sure-where"):
        assert must_not not in ids
    assert "threats" not in plan.answers  # the threats question is not asked after "threat"
    assert_ordered_by_urgency(plan)


def test_uk_resident_in_wales_gets_england_and_wales_law_and_uk_services(pathway: Pathway, view: Localized) -> None:
    plan = plan_for(pathway, view, what_happened="real-shared", age="adult", where=["meta"], country="gb", uk_nation="wales")
    ids = steps(plan)
    laws = entries(plan, "laws")
    assert "gb-eng-sexual-offences-act-66b" in laws
    assert not [law for law in laws if law.startswith("us-")]
    assert "us-48-hours" not in ids
    people = entries(plan, "people")
    assert "revenge-porn-helpline" in people
    assert not {"ccri", "rainn", "national-dv-hotline", "esafety"} & set(people)


def test_not_sure_everywhere(pathway: Pathway, view: Localized) -> None:
    plan = plan_for(
        pathway,
        view,
        safe_now="not-sure",
        what_happened="not-sure",
        age="not-sure",
        where=["dont-know"],
        threats="not-sure",
        who="not-sure",
        country="prefer-not-to-say",
        language="not-sure",
    )
    ids = steps(plan)
    for must in ("in-danger", "threats", "maybe-under-18", "evidence", "not-sure-where", "legal-options", "people", "look-after-yourself"):
        assert must in ids
    for must_not in ("under-18", "remove-each", "us-48-hours", "someone-close"):
        assert must_not not in ids
    laws = next(s for s in plan.steps if s.key == "laws")
    assert not laws.entries and "you did not say where" in laws.body  # honest, not silent
    people = entries(plan, "people")
    assert people, "worldwide services are offered when the place is not given"
    for org_id in people:
        org = view.get(Kind.ORGANIZATION, org_id)
        assert isinstance(org, Organization) and "*" in org.regions
    assert_ordered_by_urgency(plan)


def test_no_answers_still_gives_a_plan(pathway: Pathway, view: Localized) -> None:
    plan = build_plan(pathway, {}, view)
    assert plan and "evidence" in steps(plan) and "people" in steps(plan)


def test_the_same_answers_give_the_same_plan(pathway: Pathway, view: Localized) -> None:
    answers = {"age": ("adult",), "where": ("reddit", "x"), "country": ("us",), "us-state": ("us-tx",)}
    first = build_plan(pathway, answers, view)
    second = build_plan(pathway, dict(reversed(list(answers.items()))), view)
    assert [(s.key, [e.key for e in s.entries], [link.href for link in s.links]) for s in first.steps] == [
        (s.key, [e.key for e in s.entries], [link.href for link in s.links]) for s in second.steps
    ]


def test_language_is_asked_only_when_no_country_is_named(pathway: Pathway, view: Localized) -> None:
    """A named country's services are ordered by the language Navigator is shown in (next test);
    the question is asked only when no place's own services are known."""
    from navigator.core.pathway import visible_questions

    asked = {q.id for q in visible_questions(pathway, {"country": ("us",)})}
    assert "language" not in asked
    for country in ("other", "other-eu", "prefer-not-to-say"):
        assert "language" in {q.id for q in visible_questions(pathway, {"country": (country,)})}
    plan = plan_for(pathway, view, country="us", language="es")
    assert "language" not in plan.answers  # not asked, so not counted


def test_language_falls_back_to_the_interface_locale(pathway: Pathway, view: Localized) -> None:
    answers = {"country": ("us",)}
    spanish = [e.item.id for s in build_plan(pathway, answers, view, locale="es").steps for e in s.entries if s.key == "people"]
    english = [e.item.id for s in build_plan(pathway, answers, view, locale="en").steps for e in s.entries if s.key == "people"]
    first = view.get(Kind.ORGANIZATION, spanish[0])
    assert isinstance(first, Organization) and "es" in first.languages  # a US service that speaks Spanish comes first
    assert spanish != english


def test_laws_show_status_in_order(pathway: Pathway, view: Localized) -> None:
    plan = plan_for(pathway, view, country="us", us_state="us-tx")
    laws = [view.get(Kind.LAW, law_id) for law_id in entries(plan, "laws")]
    statuses = [law.status for law in laws if isinstance(law, Law)]
    assert statuses.index("passed_one_chamber") > statuses.index("in_force")  # bills after laws in force


def test_jurisdictions(view: Localized) -> None:
    """Which laws reach a place comes from the place files: Wales shares England's, France is in the EU."""
    assert jurisdictions(["US-TX", "US"], view) == {"US-TX": 0, "US": 1}
    assert jurisdictions(["GB-WLS", "GB"], view) == {"GB-WLS": 0, "GB-ENG": 0, "GB": 1}
    assert jurisdictions(["FR"], view) == {"FR": 1, "EU": 2}
    assert jurisdictions(["EU"], view) == {"EU": 1}
    assert jurisdictions([], view) == {}


def test_minor_guard_removes_adults_only_links_even_if_content_forgets(view: Localized) -> None:
    pathway = Pathway.model_validate(
        {
            "id": "t",
            "reviewed": date(2026, 11, 26),
            "sources": [{"url": "https://example.org/"}],
            "title": "T",
            "intro": "T",
            "questions": [
                {
                    "id": "age",
                    "kind": "single",
                    "role": "age",
                    "prompt": "Age?",
                    "options": [{"value": "adult", "label": "A"}, {"value": "under-18", "label": "U"}, {"value": "not-sure", "label": "N"}],
                }
            ],
            "steps": [{"id": "hash", "category": "hashing", "title": "T", "body": "B", "refs": [STOPNCII, "navigator://article/hashing"]}],
        }
    )
    minor = build_plan(pathway, {"age": ("under-18",)}, view)
    assert [link.href for link in minor.steps[0].links] == ["navigator://article/hashing"]
    unguarded = unrestricted_plan(pathway, {"age": ("under-18",)}, view)  # what the check sees
    assert STOPNCII in unguarded.links()
    unsure = build_plan(pathway, {"age": ("not-sure",)}, view)  # offered with its caveat
    assert STOPNCII in unsure.links()
    adult = build_plan(pathway, {"age": ("adult",)}, view)
    assert STOPNCII in adult.links()


@pytest.mark.parametrize(
    ("place", "national", "not_there"),
    [
        (
            {"country": "gb", "uk_nation": "england"},
            "navigator://organization/iwf-childline-report-remove",
            "navigator://organization/ncmec-cybertipline",
        ),
        ({"country": "ca", "ca_province": "ca-on"}, "navigator://organization/cybertip-ca", "navigator://organization/ncmec-cybertipline"),
        (
            {"country": "us", "us_state": "us-tx"},
            "navigator://organization/ncmec-cybertipline",
            "navigator://organization/iwf-childline-report-remove",
        ),
    ],
)
def test_a_child_is_sent_to_their_own_countrys_reporting_route(pathway: Pathway, view: Localized, place, national, not_there) -> None:
    plan = plan_for(pathway, view, age="under-18", **place)
    links = plan.links()
    assert national in links and not_there not in links
    assert "navigator://organization/revenge-porn-helpline" not in links  # adults only
    assert "navigator://organization/stopncii" not in links


# --- "Do these first" and help at once (UX review F03, F08) -----------------------------------


def test_do_these_first_is_safety_then_proof_then_one_request(pathway: Pathway, view: Localized) -> None:
    calm = plan_for(
        pathway, view, safe_now="safe", what_happened="ai-made", age="adult", where=["x", "reddit"], country="us", us_state="us-tx"
    )
    first = first_things(calm, view)
    assert [t.step for t in first] == ["evidence", "remove-each"]  # nothing unsafe was said: no safety step
    assert first[1].href == "navigator://platform/x" and first[1].reach.startswith("https://")
    afraid = plan_for(pathway, view, safe_now="not-safe", what_happened="ai-made", age="adult", where=["x"], country="us", us_state="us-tx")
    first = first_things(afraid, view)
    assert [t.step for t in first] == ["talk-now", "evidence", "remove-each"]
    assert first[0].reach == "911" and first[0].href == "navigator://place/us"
    assert len(first_things(afraid, view, limit=2)) == 2


def test_do_these_first_for_a_possible_child_is_take_it_down_never_stopncii(pathway: Pathway, view: Localized) -> None:
    for age in ("under-18", "not-sure", "prefer-not-to-say"):
        plan = plan_for(pathway, view, safe_now="safe", what_happened="real-shared", age=age, where=["meta"], country="gb")
        first = first_things(plan, view)
        assert "navigator://organization/ncmec-take-it-down" in [t.href for t in first], age
        assert STOPNCII not in [t.href for t in first]


def test_every_first_thing_says_how_to_reach_it_or_is_a_guide(pathway: Pathway, view: Localized) -> None:
    plan = plan_for(pathway, view, safe_now="not-sure", what_happened="threat", age="adult", where=["dont-know"], country="gb")
    for thing in first_things(plan, view):
        kind = thing.href.split("/")[2]
        assert thing.reach or kind in ("article", "law"), thing


def test_help_at_once_is_the_emergency_number_and_crisis_lines_of_the_place(view: Localized) -> None:
    place, lines = crisis_help(view, Reader.UNKNOWN, "US")
    assert place is not None and place.emergency[0].number == "911"
    assert lines and all(isinstance(org, Organization) and org.crisis for org in lines)
    assert "us-988-lifeline" in [org.id for org in lines]
    assert crisis_help(view, Reader.UNKNOWN, None) == (None, [])
    assert reach_of(place) == "911"
