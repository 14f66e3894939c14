"""Build a person's action plan from their answers: deterministic, ordered by urgency.

The pathway's steps say *what* can go into a plan and *when* (conditions on the answers). This
module picks the steps whose conditions hold, expands the dynamic ones (one entry per platform
picked, the laws of the place, support organizations for the place and language) and orders
everything by urgency:

    safety -> under 18 -> evidence -> removal -> hashing and de-indexing -> legal -> support -> tool

Within a category, steps keep their order in the pathway file. The same answers and content give
the same plan, word for word, in the same order.

Two rules are enforced in code as well as in content, because getting them wrong could hurt:
images of someone under 18 never lead to StopNCII (it is for adults; Take It Down is the route),
and a plan is never empty (``navigator check`` proves it for every path through the pathway).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from navigator.core.models import (
    LANG_RE,
    LINK_RE,
    Item,
    Kind,
    Law,
    Organization,
    Pathway,
    Platform,
    Question,
    Step,
    StepCategory,
    display_title,
)
from navigator.core.pathway import Answers, effective_answers, holds, visible_questions

CATEGORY_ORDER: tuple[StepCategory, ...] = ("safety", "minor", "evidence", "removal", "hashing", "legal", "support", "tool")

# Option values with a fixed meaning for the plan builder (the pathway check makes sure they exist).
UNDER_18 = "under-18"  # on the question with role "age": the image was taken, or shows them, under 18
AGE_NOT_SURE = "not-sure"

# StopNCII only takes images of people who were 18 or over. For younger people the route is Take It Down.
ADULTS_ONLY_LINKS = frozenset({"navigator://organization/stopncii"})
# Who an organization serves, when it serves only young people.
YOUNG_ONLY = frozenset({"minors", "children", "young-people"})

# England and Wales share one legal system; its laws are filed under GB-ENG.
SHARED_JURISDICTIONS: dict[str, tuple[str, ...]] = {"GB-WLS": ("GB-ENG",)}
# EU member states (ISO 3166-1): EU law, such as a directive, applies to them.
EU_MEMBERS = frozenset(
    {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"}
    | {"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
)
LAW_STATUS_ORDER = ("in_force", "enacted", "passed_one_chamber", "introduced", "not_enacted", "repealed")


class ContentView(Protocol):
    """What the plan needs from content: a Library, or a locale's Localized view."""

    def get(self, kind: Kind, item_id: str) -> Item | None: ...

    def all(self, kind: Kind) -> list[Item]: ...


@dataclass(frozen=True)
class Link:
    href: str
    title: str
    kind: Kind
    item_id: str


@dataclass(frozen=True)
class Entry:
    """One thing a dynamic step expanded into: a platform, a law or an organization."""

    key: str
    kind: Kind
    item: Item

    @property
    def title(self) -> str:
        return display_title(self.item)

    @property
    def href(self) -> str:
        return f"navigator://{self.kind.value}/{self.item.id}"


@dataclass(frozen=True)
class PlanStep:
    key: str
    category: StepCategory
    title: str
    body: str
    links: tuple[Link, ...] = ()
    entries: tuple[Entry, ...] = ()

    def tick_keys(self) -> list[str]:
        """Everything a person can tick: the step itself, then each of its entries."""
        return [self.key, *(e.key for e in self.entries)]


@dataclass(frozen=True)
class Plan:
    pathway: Pathway
    answers: dict[str, tuple[str, ...]]
    steps: tuple[PlanStep, ...]
    regions: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.steps)

    def step_ids(self) -> list[str]:
        return [s.key for s in self.steps]

    def links(self) -> list[str]:
        """Every item the plan points at (step links and entries), in plan order, without repeats."""
        found: dict[str, None] = {}
        for step in self.steps:
            for link in step.links:
                found.setdefault(link.href, None)
            for entry in step.entries:
                found.setdefault(entry.href, None)
        return list(found)

    def tick_keys(self) -> list[str]:
        return [k for s in self.steps for k in s.tick_keys()]


# --- reading the answers ---------------------------------------------------------------------


def _picked(questions: Iterable[Question], answers: Answers, role: str) -> list[tuple[Question, str]]:
    return [(q, v) for q in questions if q.role == role for v in answers.get(q.id, ())]


def regions_of(pathway: Pathway, answers: Answers) -> tuple[str, ...]:
    """Region codes the person gave (country, then subdivision), most specific first."""
    asked = visible_questions(pathway, answers)
    found: list[str] = []
    for role in ("region", "country"):
        for question, value in _picked(asked, answers, role):
            for option in question.options:
                if option.value == value and option.region and option.region not in found:
                    found.append(option.region)
    return tuple(found)


def jurisdictions(regions: Iterable[str]) -> dict[str, int]:
    """Every jurisdiction whose law reaches a person in ``regions``, with how local it is (0 = most)."""
    found: dict[str, int] = {}

    def add(code: str, scope: int) -> None:
        found[code] = min(scope, found.get(code, scope))

    for region in regions:
        add(region, 0 if "-" in region else 1)
        for shared in SHARED_JURISDICTIONS.get(region, ()):
            add(shared, 0)
        country = region.split("-")[0]
        add(country, 1)
        if country in EU_MEMBERS:
            add("EU", 2)
    return found


def languages_of(pathway: Pathway, answers: Answers, locale: str) -> tuple[str, ...]:
    asked = visible_questions(pathway, answers)
    picked = [v for _q, v in _picked(asked, answers, "language") if LANG_RE.fullmatch(v)]
    return tuple(picked) if picked else (locale.split("_")[0].split("-")[0].lower(),)


def age_answer(pathway: Pathway, answers: Answers) -> set[str]:
    asked = visible_questions(pathway, answers)
    return {v for _q, v in _picked(asked, answers, "age")}


def is_minor(pathway: Pathway, answers: Answers) -> bool:
    return UNDER_18 in age_answer(pathway, answers)


# --- expanding dynamic steps -------------------------------------------------------------------


def _platforms(pathway: Pathway, answers: Answers, view: ContentView) -> list[tuple[Kind, Item]]:
    asked = visible_questions(pathway, answers)
    found: list[tuple[Kind, Item]] = []
    seen: set[str] = set()
    for question in asked:
        if question.role != "where":
            continue
        picked = set(answers.get(question.id, ()))
        for option in question.options:
            if option.value in picked and option.platform and option.platform not in seen:
                item = view.get(Kind.PLATFORM, option.platform)
                if isinstance(item, Platform):
                    seen.add(option.platform)
                    found.append((Kind.PLATFORM, item))
    return found


def _laws(regions: tuple[str, ...], view: ContentView) -> list[tuple[Kind, Item]]:
    reach = jurisdictions(regions)
    laws = [item for item in view.all(Kind.LAW) if isinstance(item, Law) and item.jurisdiction in reach]

    def order(law: Law) -> tuple[int, int, str]:
        status = LAW_STATUS_ORDER.index(law.status) if law.status in LAW_STATUS_ORDER else len(LAW_STATUS_ORDER)
        # National (federal) laws first, then the state's, then wider ones such as EU directives.
        scope = {1: 0, 0: 1}.get(reach[law.jurisdiction], 2)
        return status, scope, law.id

    return [(Kind.LAW, law) for law in sorted(laws, key=order)]


def _organizations(
    pathway: Pathway, answers: Answers, view: ContentView, regions: tuple[str, ...], locale: str, minor: bool, named: set[str]
) -> list[tuple[Kind, Item]]:
    reach = jurisdictions(regions)
    reach["*"] = 3
    wanted = languages_of(pathway, answers, locale)
    maybe_young = minor or AGE_NOT_SURE in age_answer(pathway, answers)
    chosen: list[tuple[tuple[int, int, str], Organization]] = []
    for item in view.all(Kind.ORGANIZATION):
        if not isinstance(item, Organization) or f"navigator://organization/{item.id}" in named:
            continue
        scopes = [reach[r] for r in item.regions if r in reach]
        if not scopes:
            continue
        if set(item.serves) <= YOUNG_ONLY and not maybe_young:
            continue
        speaks = 0 if set(item.languages) & set(wanted) else 1
        chosen.append(((speaks, min(scopes), item.id), item))
    return [(Kind.ORGANIZATION, org) for _key, org in sorted(chosen, key=lambda pair: pair[0])]


# --- building ----------------------------------------------------------------------------------


def _link(href: str, view: ContentView) -> Link | None:
    match = LINK_RE.fullmatch(href)
    if not match:
        return None
    try:
        kind = Kind(match["kind"])
    except ValueError:
        return None
    item = view.get(kind, match["id"])
    if item is None:
        return None
    return Link(href, display_title(item), kind, item.id)


def named_links(pathway: Pathway) -> set[str]:
    """Items the pathway's fixed steps point at: the support list does not offer them a second time."""
    return {ref for step in pathway.steps if step.expand is None for ref in step.refs}


def build_plan(pathway: Pathway, answers: Answers, view: ContentView, locale: str = "en", guard: bool = True) -> Plan:
    """The plan for ``answers``. ``guard`` removes adults-only links for under-18s (off only in the check)."""
    given = effective_answers(pathway, answers)
    regions = regions_of(pathway, given)
    minor = is_minor(pathway, given)
    named = named_links(pathway)
    built: list[tuple[int, int, PlanStep]] = []
    for position, step in enumerate(pathway.steps):
        if not holds(step.when, given):
            continue
        entries: list[Entry] = []
        if step.expand is not None:
            if step.expand == "platforms":
                found = _platforms(pathway, given, view)
            elif step.expand == "laws":
                found = _laws(regions, view)
            else:
                found = _organizations(pathway, given, view, regions, locale, minor, named)
            entries = [Entry(f"{step.id}/{item.id}", kind, item) for kind, item in found]
            if guard and minor:
                entries = [e for e in entries if e.href not in ADULTS_ONLY_LINKS]
            if not entries:
                continue
        links = [link for link in (_link(ref, view) for ref in step.refs) if link is not None]
        if guard and minor:
            links = [link for link in links if link.href not in ADULTS_ONLY_LINKS]
        built.append((CATEGORY_ORDER.index(step.category), position, _plan_step(step, links, entries)))
    built.sort(key=lambda t: (t[0], t[1]))
    return Plan(pathway=pathway, answers=given, steps=tuple(s for _c, _p, s in built), regions=regions)


def _plan_step(step: Step, links: list[Link], entries: list[Entry]) -> PlanStep:
    return PlanStep(step.id, step.category, step.title, step.body, tuple(links), tuple(entries))


def sources_of(plan: Plan, view: ContentView) -> list[tuple[Kind, Item]]:
    """The pathway and every item the plan points at, for the sources list of a printed plan."""
    found: list[tuple[Kind, Item]] = [(Kind.PATHWAY, plan.pathway)]
    for href in plan.links():
        link = _link(href, view)
        if link is not None:
            item = view.get(link.kind, link.item_id)
            if item is not None:
                found.append((link.kind, item))
    return found
