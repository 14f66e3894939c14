"""What the case file reads from content: site and route names, legal bases, deadlines, next steps.

Deadlines and legal bases are content, never code, so a new law is a content change:

- a platform route or a notice template names its ``legal_basis`` (navigator://law/<id>);
- that law's ``deadline`` gives ``hours`` and when they ``start`` (words), with its ``source``;
- that law's ``if_ignored`` lists what to do when the deadline passes or the request is refused
  (for example the FTC complaint after an ignored TAKE IT DOWN request);
- a platform's ``if_it_fails`` says what to do when a report to it goes nowhere.

``ContentRules`` answers these for one locale's view of the content (the screen's, or the
report's language). The hours are copied into a report when it is logged, so a later change of
content never moves a deadline that was already running.
"""

from __future__ import annotations

from dataclasses import dataclass

from navigator.core.audience import Reader, restrict, shown
from navigator.core.case import ReportState, ReportView
from navigator.core.case_report import DeadlineRule, NextStep
from navigator.core.models import LINK_RE, Item, Kind, Law, NoticeTemplate, Platform, display_title
from navigator.core.plan import ContentView

KINDS = {kind.value: kind for kind in Kind}


def parse_ref(ref: str) -> tuple[Kind, str] | None:
    match = LINK_RE.fullmatch(ref or "")
    if not match or match["kind"] not in KINDS:
        return None
    return KINDS[match["kind"]], match["id"]


@dataclass(frozen=True)
class RouteChoice:
    """One way to report that content knows: a platform's route, or a notice template."""

    ref: str  # navigator://platform/<id> or navigator://notice/<id>
    route: str  # the platform route's id ("" for a notice)
    kind: str  # the case's route kind: platform, notice, search_removal
    title: str
    legal_basis: str


def for_adults_only(thing: object) -> bool:
    """Whether ``thing`` must be kept from someone who may have been under 18 (the rule is in core/audience.py)."""
    if isinstance(thing, Item):
        return restrict(thing, Reader.MINOR) is None
    return not shown(getattr(thing, "audience", "everyone"), Reader.MINOR)


class ContentRules:
    """The case file's view of content in one language."""

    def __init__(self, view: ContentView) -> None:
        self.view = view

    def item(self, ref: str) -> Item | None:
        parsed = parse_ref(ref)
        return self.view.get(*parsed) if parsed else None

    def title_of(self, ref: str) -> str | None:
        item = self.item(ref)
        return display_title(item) if item is not None else None

    def site_name(self, platform_id: str) -> str | None:
        item = self.view.get(Kind.PLATFORM, platform_id)
        return display_title(item) if item is not None else None

    def route_name(self, route_ref: str, route_id: str) -> str | None:
        platform = self.item(route_ref)
        if isinstance(platform, Platform):
            for route in platform.routes:
                if route.id == route_id:
                    return route.label
        return None

    def law(self, legal_basis: str) -> Law | None:
        item = self.item(legal_basis)
        return item if isinstance(item, Law) else None

    def deadline_rule(self, legal_basis: str) -> DeadlineRule | None:
        law = self.law(legal_basis)
        if law is None or law.deadline is None:
            return None
        return DeadlineRule(hours=law.deadline.hours, starts=law.deadline.starts, source=law.deadline.source)

    def legal_basis(self, ref: str, route_id: str = "") -> str:
        """The legal basis content gives a platform route or a notice ('' when it gives none)."""
        item = self.item(ref)
        if isinstance(item, Platform):
            for route in item.routes:
                if route.id == route_id:
                    return route.legal_basis or ""
            return ""
        if isinstance(item, NoticeTemplate):
            return item.legal_basis or ""
        return ""

    def next_steps(self, view: ReportView, possibly_minor: bool = False) -> list[NextStep]:
        """What content says to do now, for a report that is overdue or was refused.

        When the person in the images may have been under 18, a step content marks for adults only
        (``audience: adults``, StopNCII for one) is never offered.
        """
        if view.state not in (ReportState.OVERDUE, ReportState.REFUSED):
            return []
        steps: list[NextStep] = []
        law = self.law(view.report.legal_basis)
        for ref in law.if_ignored if law is not None else []:
            item = self.item(ref)
            if item is None or (possibly_minor and for_adults_only(item)):
                continue
            steps.append(NextStep(display_title(item), ref))
        platform = self.item(view.report.route.ref)
        # The site's own "if it fails" advice: always after a refusal, and when the law gives none.
        if isinstance(platform, Platform) and (view.state is ReportState.REFUSED or not steps):
            for point in platform.if_it_fails:
                if not (possibly_minor and for_adults_only(point)):
                    steps.append(NextStep(point.text))
        return steps

    def route_choices(self, platform_id: str | None = None) -> list[RouteChoice]:
        """Every route content knows (one platform's, when given), then every notice template."""
        choices: list[RouteChoice] = []
        for item in self.view.all(Kind.PLATFORM):
            if not isinstance(item, Platform) or (platform_id and item.id != platform_id):
                continue
            ref = f"navigator://platform/{item.id}"
            for route in item.routes:
                kind = "search_removal" if route.kind == "search_removal" else "platform"
                title = f"{item.name}: {route.label}"
                choices.append(RouteChoice(ref, route.id, kind, title, self.legal_basis(ref, route.id)))
        if platform_id is None:
            for item in self.view.all(Kind.NOTICE):
                if isinstance(item, NoticeTemplate):
                    ref = f"navigator://notice/{item.id}"
                    choices.append(RouteChoice(ref, "", "notice", item.title, self.legal_basis(ref)))
        return choices

    def platforms(self) -> list[tuple[str, str]]:
        """(id, name) of every platform in content, by name."""
        found = [(item.id, display_title(item)) for item in self.view.all(Kind.PLATFORM)]
        return sorted(found, key=lambda pair: pair[1].casefold())
