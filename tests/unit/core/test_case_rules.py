"""What the case file reads from content: names, routes, legal bases, deadlines and next steps.

Deadlines and next steps are content fields (a law's ``deadline`` and ``if_ignored``, a route's or
notice's ``legal_basis``). The shipped content is checked first; ``WithRules`` below changes one law,
so the rules are also proven for content that does not exist (a next step that names no page).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from navigator.core import models
from navigator.core.case import Case, Moment, Report, ReportState, Route, Update, fold
from navigator.core.case_report import DeadlineRule, NextStep
from navigator.core.case_rules import ContentRules, parse_ref
from navigator.core.library import Library
from navigator.core.models import Item, Kind, Law, Platform
from navigator.paths import content_root

T0 = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(content_root())


class WithRules:
    """The shipped content, with a deadline and next steps on the TAKE IT DOWN platform duty."""

    def __init__(self, library: Library) -> None:
        self.library = library
        base = library.get(Kind.LAW, "us-take-it-down-platform-duty")
        assert isinstance(base, Law)
        self.law = base.model_copy(
            update={
                "deadline": models.Deadline(
                    hours=48, starts="after a valid request", source="https://www.congress.gov/bill/119th-congress/senate-bill/146"
                ),
                "if_ignored": ["navigator://notice/ftc-escalation", "navigator://law/no-such-law"],
            }
        )

    def get(self, kind: Kind, item_id: str) -> Item | None:
        if kind is Kind.LAW and item_id == self.law.id:
            return self.law
        return self.library.get(kind, item_id)

    def all(self, kind: Kind) -> list[Item]:
        return self.library.all(kind)


def report(route: Route, hours: int | None, basis: str = "") -> Report:
    return Report(id="r1", route=route, sent=Moment(utc=T0 - timedelta(hours=50)), legal_basis=basis, deadline_hours=hours)


def view_of(data: Report, *updates: Update):  # type: ignore[no-untyped-def]
    case = Case.new(T0).append(data, T0)
    for update in updates:
        case = case.append(update, T0)
    return fold(case, T0).reports["r1"]


def test_the_shipped_take_it_down_deadline_and_its_next_steps(library):
    """A valid TAKE IT DOWN request gives the platform 48 hours; past them, the FTC is the next step."""
    rules = ContentRules(library)
    basis = "navigator://law/us-take-it-down-platform-duty"
    assert rules.legal_basis("navigator://notice/tida-removal-request") == basis
    x = library.get(Kind.PLATFORM, "x")
    assert isinstance(x, Platform)
    assert basis in {rules.legal_basis("navigator://platform/x", route.id) for route in x.routes}
    rule = rules.deadline_rule(basis)
    assert rule is not None and rule.hours == 48 and rule.starts and rule.source.startswith("https://")
    overdue = view_of(report(Route(kind="notice", ref="navigator://notice/tida-removal-request"), rule.hours, basis))
    assert overdue.state is ReportState.OVERDUE
    hrefs = [step.href for step in rules.next_steps(overdue)]
    assert hrefs[0] == "navigator://notice/ftc-escalation"
    assert all(rules.title_of(href) for href in hrefs)
    waiting = view_of(report(Route(kind="notice"), 500, basis))
    assert waiting.state is ReportState.WAITING and rules.next_steps(waiting) == []


def test_names_from_content(library):
    rules = ContentRules(library)
    assert rules.title_of("navigator://platform/x") == "X (formerly Twitter)"
    assert rules.title_of("navigator://nothing/x") is None and rules.title_of("not a ref") is None
    assert rules.site_name("reddit") == "Reddit"
    reddit = library.get(Kind.PLATFORM, "reddit")
    assert isinstance(reddit, Platform)
    assert rules.route_name("navigator://platform/reddit", reddit.routes[0].id) == reddit.routes[0].label
    assert parse_ref("navigator://law/us-take-it-down-act") == (Kind.LAW, "us-take-it-down-act")


def test_route_choices_cover_every_platform_route_and_notice(library):
    rules = ContentRules(library)
    choices = rules.route_choices()
    platforms = [p for p in library.all(Kind.PLATFORM) if isinstance(p, Platform)]
    assert len([c for c in choices if c.kind in ("platform", "search_removal")]) == sum(len(p.routes) for p in platforms)
    assert {c.ref for c in choices if c.kind == "notice"} == {f"navigator://notice/{n.id}" for n in library.all(Kind.NOTICE)}
    assert all(c.ref == "navigator://platform/reddit" for c in rules.route_choices("reddit"))
    assert [name for _id, name in rules.platforms()] == sorted((name for _id, name in rules.platforms()), key=str.casefold)


def test_deadline_and_next_steps_come_from_the_law():
    library = Library(content_root())
    rules = ContentRules(WithRules(library))
    basis = "navigator://law/us-take-it-down-platform-duty"
    assert rules.deadline_rule(basis) == DeadlineRule(
        48, "after a valid request", "https://www.congress.gov/bill/119th-congress/senate-bill/146"
    )
    assert rules.deadline_rule("navigator://law/us-take-it-down-act") is None  # a law with no deadline
    overdue = view_of(report(Route(kind="notice", ref="navigator://notice/tida-removal-request"), 48, basis))
    assert overdue.state is ReportState.OVERDUE
    steps = rules.next_steps(overdue)
    ftc = library.get(Kind.NOTICE, "ftc-escalation")
    assert ftc is not None
    # A next step that names a page content does not have is left out, never shown broken.
    assert steps == [NextStep(ftc.title, "navigator://notice/ftc-escalation")]


def test_a_refused_report_to_a_site_gets_the_sites_own_advice(library):
    rules = ContentRules(library)
    reddit = library.get(Kind.PLATFORM, "reddit")
    assert isinstance(reddit, Platform)
    refused = view_of(
        report(Route(kind="platform", ref="navigator://platform/reddit"), None),
        Update(report_id="r1", status="refused", when=Moment(utc=T0)),
    )
    assert refused.state is ReportState.REFUSED
    assert [s.title for s in rules.next_steps(refused)] == [point.text for point in reddit.if_it_fails]
    waiting = view_of(report(Route(kind="platform", ref="navigator://platform/reddit"), None))
    assert rules.next_steps(waiting) == []  # nothing to do yet: no deadline has passed


def test_adult_only_next_steps_are_never_offered_for_a_possible_minor(monkeypatch):
    """Content marks some steps ``audience: adults`` (StopNCII, copyright notices): a case where the
    person may have been under 18 never shows them, from a law or from a site's own advice."""
    library = Library(content_root())

    reddit = library.get(Kind.PLATFORM, "reddit")
    assert isinstance(reddit, Platform)
    site = reddit.model_copy(
        update={
            "if_it_fails": [
                models.Point(text="Use StopNCII", audience="adults", offer_if_unsure=True),
                models.Point(text="Ask the host again"),
                models.Point(text="Plain words"),
            ]
        }
    )
    adult_org = library.get(Kind.ORGANIZATION, "revenge-porn-helpline")
    assert adult_org is not None

    class View(WithRules):
        def get(self, kind: Kind, item_id: str) -> Item | None:
            if kind is Kind.PLATFORM and item_id == "reddit":
                return site
            if kind is Kind.ORGANIZATION and item_id == "adults-only":
                return adult_org.model_copy(update={"id": "adults-only"})
            return super().get(kind, item_id)

    view = View(library)
    object.__setattr__(view.law, "if_ignored", ["navigator://organization/adults-only", "navigator://notice/ftc-escalation"])
    rules = ContentRules(view)
    refused = view_of(
        report(Route(kind="platform", ref="navigator://platform/reddit"), None),
        Update(report_id="r1", status="refused", when=Moment(utc=T0)),
    )
    assert [s.title for s in rules.next_steps(refused)] == ["Use StopNCII", "Ask the host again", "Plain words"]
    assert [s.title for s in rules.next_steps(refused, possibly_minor=True)] == ["Ask the host again", "Plain words"]
    # A law's next step that content marks for adults only is left out too.
    import navigator.core.case_rules as case_rules

    assert case_rules.for_adults_only(adult_org)  # the Revenge Porn Helpline serves adults only
    overdue = view_of(report(Route(kind="notice"), 48, "navigator://law/us-take-it-down-platform-duty"))
    assert [s.href for s in rules.next_steps(overdue)] == ["navigator://organization/adults-only", "navigator://notice/ftc-escalation"]
    assert [s.href for s in rules.next_steps(overdue, possibly_minor=True)] == ["navigator://notice/ftc-escalation"]
