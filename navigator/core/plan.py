"""Build a person's action plan from their answers: deterministic, ordered by urgency.

The pathway's steps say *what* can go into a plan and *when* (conditions on the answers). This
module picks the steps whose conditions hold, expands the dynamic ones (one entry per platform
picked, the laws of the place, support organizations for the place and language, crisis lines
and the emergency number) and orders everything by urgency:

    safety -> under 18 -> evidence -> removal -> hashing and de-indexing -> legal -> support -> tool

Within a category, steps keep their order in the pathway file. The same answers and content give
the same plan, word for word, in the same order.

What a person may be shown is decided in one place, ``navigator.core.audience``: the plan is
built over an ``AudienceView`` for the reader the age answer gives, so nothing for adults only
(StopNCII, keeping screenshots, copyright notices) can reach a plan for someone who may have been
under 18 in the image, whatever the pathway's conditions say. ``navigator check`` proves that for
every path, and that no plan is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from navigator.core.audience import AudienceView, Reader, reader_for_age, shown
from navigator.core.models import (
    LANG_RE,
    LINK_RE,
    Item,
    Kind,
    Law,
    Organization,
    Pathway,
    Place,
    Platform,
    Question,
    Step,
    StepCategory,
    display_title,
)
from navigator.core.pathway import Answers, effective_answers, holds, visible_questions

CATEGORY_ORDER: tuple[StepCategory, ...] = ("safety", "minor", "evidence", "removal", "hashing", "legal", "support", "tool")
# Given the places reached (code -> how local), the items worth reading for them (see PlanMemo).
Pool = Callable[[dict[str, int]], list[Item]]
LAW_STATUS_ORDER = ("in_force", "enacted", "passed_one_chamber", "introduced", "not_enacted", "repealed", "none_found")


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
    reader: Reader = Reader.UNSURE

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


def place_codes(item: Item) -> list[str]:
    """The places a law or service is listed under when a plan looks for what reaches a place:
    its own, and the country of each part of a country it names (a service for a part of a
    country is offered for the whole country)."""
    codes = [item.jurisdiction] if isinstance(item, Law) else list(getattr(item, "regions", ()))
    return list(dict.fromkeys(codes + [c.split("-")[0] for c in codes if "-" in c]))


# The kinds a plan looks up by place (``Pool``).
POOLED = (Kind.ORGANIZATION, Kind.LAW)


def compiled_pools(view: ContentView) -> dict[Kind, Pool] | None:
    """Pools from the compiled content's index of places (``Content.places``), which lists, for
    each place, the laws and services under it: a plan then makes those items, not all of them
    (at 100 times the shipped content, 21,400 items and 2 s). None for content read from YAML.

    The index is the English structure's, which a translation cannot change; each item is still
    read through ``view`` (restricted for its reader) and still filtered by the plan as before.
    """
    english = getattr(view, "english", None)
    places: dict[Kind, dict[str, list[tuple[int, str]]]] | None = getattr(english, "places", None)
    if not places:
        return None

    def pool_of(kind: Kind) -> Pool:
        index = places.get(kind, {})

        def pool(reach: dict[str, int]) -> list[Item]:
            found = {position: item_id for code in reach for position, item_id in index.get(code, ())}
            items = (view.get(kind, found[position]) for position in sorted(found))  # in the view's order
            return [item for item in items if item is not None]

        return pool

    return {kind: pool_of(kind) for kind in POOLED}


def places_by_code(view: ContentView) -> dict[str, Place]:
    return {item.code: item for item in view.all(Kind.PLACE) if isinstance(item, Place)}


def jurisdictions(regions: Iterable[str], view: ContentView) -> dict[str, int]:
    """Every jurisdiction whose law reaches a person in ``regions``, with how local it is (0 = most).

    Which laws a subdivision shares (Wales: England's) and which groups a country belongs to (EU)
    are data, in the place files.
    """
    places = places_by_code(view)
    found: dict[str, int] = {}

    def add(code: str, scope: int) -> None:
        found[code] = min(scope, found.get(code, scope))

    for region in regions:
        country = region.split("-")[0]
        add(region, 0 if "-" in region else 1)
        place = places.get(country)
        if place is not None:
            for sub in place.subdivisions:
                if sub.code == region:
                    for shared in sub.shares_law_with:
                        add(shared, 0)
            for group in place.groups:
                add(group.upper(), 2)
        if region != "EU":
            add(country, 1)
    return found


def languages_of(pathway: Pathway, answers: Answers, locale: str) -> tuple[str, ...]:
    asked = visible_questions(pathway, answers)
    picked = [v for _q, v in _picked(asked, answers, "language") if LANG_RE.fullmatch(v)]
    return tuple(picked) if picked else (locale.split("_")[0].split("-")[0].lower(),)


def age_answer(pathway: Pathway, answers: Answers) -> set[str]:
    asked = visible_questions(pathway, answers)
    return {v for _q, v in _picked(asked, answers, "age")}


def reader_of(pathway: Pathway, answers: Answers) -> Reader:
    """Who the plan is for: adult, under 18, or not known (not sure, rather not say, not asked)."""
    return reader_for_age(age_answer(pathway, answers))


def is_minor(pathway: Pathway, answers: Answers) -> bool:
    return reader_of(pathway, answers) is Reader.MINOR


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


def _laws(regions: tuple[str, ...], view: ContentView, pool: Pool | None = None) -> tuple[list[tuple[Kind, Item]], bool]:
    """The laws that reach the place, and whether any is the place's own (not only a wider one)."""
    reach = jurisdictions(regions, view)
    laws = [item for item in (view.all(Kind.LAW) if pool is None else pool(reach)) if isinstance(item, Law) and item.jurisdiction in reach]

    def order(law: Law) -> tuple[int, int, str]:
        status = LAW_STATUS_ORDER.index(law.status)
        # National (federal) laws first, then the state's, then wider ones such as EU directives.
        scope = {1: 0, 0: 1}.get(reach[law.jurisdiction], 2)
        return status, scope, law.id

    local = any(reach[law.jurisdiction] < 2 for law in laws)
    return [(Kind.LAW, law) for law in sorted(laws, key=order)], local


def _organizations(
    pathway: Pathway,
    answers: Answers,
    view: ContentView,
    regions: tuple[str, ...],
    locale: str,
    reader: Reader,
    named: set[str],
    pool: Pool | None = None,
) -> tuple[list[tuple[Kind, Item]], bool]:
    """Services for the place and language, and whether one of them is local and can be reached.

    ``pool``, given the places reached, lists the organizations worth looking at (every one that
    names one of those places, or a part of one): ``PlanMemo`` keeps them by place instead of
    reading all of them for each plan. Without it, every organization is read.

    Order: services that speak the person's language first; then the most local (the state or
    province, the country, a region of the country the person did not name, then services for
    anywhere); crisis lines last (they also have their own step when someone is not safe).
    """
    reach = jurisdictions(regions, view)
    reach["*"] = 3
    given_subdivision = {r.split("-")[0] for r in regions if "-" in r}
    wanted = languages_of(pathway, answers, locale)
    chosen: list[tuple[tuple[int, int, int, str], Organization]] = []
    for item in view.all(Kind.ORGANIZATION) if pool is None else pool(reach):
        if not isinstance(item, Organization) or f"navigator://organization/{item.id}" in named:
            continue
        scopes = [reach[r] for r in item.regions if r in reach]
        # A service for one part of the country, when the person named only the country.
        scopes += [2 for r in item.regions if "-" in r and r.split("-")[0] in reach and r.split("-")[0] not in given_subdivision]
        if not scopes:
            continue
        if item.audience == "minors" and reader is Reader.ADULT:
            continue  # safe to show, but it does not apply to an adult's image
        speaks = 0 if set(item.languages) & set(wanted) else 1
        chosen.append(((1 if item.crisis else 0, speaks, min(scopes), item.id), item))
    chosen.sort(key=lambda pair: pair[0])
    local = any(key[2] < 3 and org.reachable() for key, org in chosen)
    return [(Kind.ORGANIZATION, org) for _key, org in chosen], local


def _crisis(regions: tuple[str, ...], view: ContentView, wanted: tuple[str, ...], pool: Pool | None = None) -> list[tuple[Kind, Item]]:
    """The emergency number of the place, then its crisis lines (in the person's language first)."""
    found: list[tuple[Kind, Item]] = []
    places = places_by_code(view)
    countries = list(dict.fromkeys(r.split("-")[0] for r in regions))
    for country in countries:
        place = places.get(country)
        if place is not None and place.emergency:
            found.append((Kind.PLACE, place))
    reach = jurisdictions(regions, view)
    lines = [
        item
        for item in (view.all(Kind.ORGANIZATION) if pool is None else pool(reach))
        if isinstance(item, Organization) and item.crisis and any(r in reach for r in item.regions)
    ]
    lines.sort(key=lambda org: (0 if set(org.languages) & set(wanted) else 1, min(reach[r] for r in org.regions if r in reach), org.id))
    return found + [(Kind.ORGANIZATION, org) for org in lines]


def crisis_help(
    view: ContentView, reader: Reader, country: str | None, languages: tuple[str, ...] = ()
) -> tuple[Place | None, list[Organization]]:
    """The place's emergency number and its 24-hour crisis lines (the person's language first): the
    help shown at once to someone who is not safe, before any plan (as the plan's ``talk-now`` step).

    Read through an ``AudienceView`` for ``reader``, as every output is. No country, no guess.
    """
    if not country:
        return None, []
    shown = AudienceView(view, reader)
    found = _crisis((country.upper(),), shown, languages, (compiled_pools(shown) or {}).get(Kind.ORGANIZATION))
    place = next((item for _kind, item in found if isinstance(item, Place)), None)
    lines = [item for _kind, item in found if isinstance(item, Organization)]
    return place, lines


def emergency_place(view: ContentView, reader: Reader, country: str | None) -> Place | None:
    """``crisis_help``'s place without its crisis lines (the home page's strip shows only its
    emergency number): reads the places alone, not every organization."""
    if not country:
        return None
    place = places_by_code(AudienceView(view, reader)).get(country.upper())
    return place if place is not None and place.emergency else None


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


def build_plan(pathway: Pathway, answers: Answers, view: ContentView, locale: str = "en") -> Plan:
    """The plan for ``answers``, with nothing in it that the reader may not be shown."""
    given = effective_answers(pathway, answers)
    reader = reader_of(pathway, given)
    return _build(pathway, given, AudienceView(view, reader), locale, reader)


def unrestricted_plan(pathway: Pathway, answers: Answers, view: ContentView, locale: str = "en", memo: PlanMemo | None = None) -> Plan:
    """The plan as the pathway alone would make it, before the audience rule: for ``navigator check`` only.

    The check uses it to prove that the pathway's own conditions already keep adults-only items
    away from possibly-under-18 readers, so the rule in ``audience`` is a second guard, not the only one.
    ``memo`` (over this same ``view``) lets the check's thousands of plans share what they expand into.
    """
    given = effective_answers(pathway, answers)
    return _build(pathway, given, view, locale, reader_of(pathway, given), restricted=False, memo=memo)


def _expand(
    step: Step,
    pathway: Pathway,
    given: Answers,
    view: ContentView,
    regions: tuple[str, ...],
    wanted: tuple[str, ...],
    locale: str,
    reader: Reader,
    named: set[str],
    pools: dict[Kind, Pool] | None = None,
) -> tuple[list[tuple[Kind, Item]], str]:
    """What a dynamic step expands into, and its body (with its ``empty`` note when nothing local was found)."""
    pool = (pools or {}).get
    body = step.body
    found: list[tuple[Kind, Item]]
    if step.expand == "platforms":
        found = _platforms(pathway, given, view)
    elif step.expand == "laws":
        found, local = _laws(regions, view, pool(Kind.LAW))
        if not local and step.empty:
            body = f"{body}\n\n{step.empty}" if found else step.empty
    elif step.expand == "crisis":
        found = _crisis(regions, view, wanted, pool(Kind.ORGANIZATION))
    else:
        found, local = _organizations(pathway, given, view, regions, locale, reader, named, pool(Kind.ORGANIZATION))
        if not local and step.empty:
            body = f"{body}\n\n{step.empty}"
    return found, body


def _build(
    pathway: Pathway,
    given: Answers,
    view: ContentView,
    locale: str,
    reader: Reader,
    restricted: bool = True,
    memo: PlanMemo | None = None,
) -> Plan:
    regions = regions_of(pathway, given)
    named = named_links(pathway) if memo is None else memo.named(pathway)
    wanted = languages_of(pathway, given, locale)
    built: list[tuple[int, int, PlanStep]] = []
    listed: set[str] = set()  # items already an entry of an earlier step (crisis lines, then services)
    expanded: tuple[object, ...] = ()  # with a memo: the expansions read so far, which make ``listed``
    pools = compiled_pools(view) if memo is None else None
    for position, step in enumerate(pathway.steps):
        if not holds(step.when, given):
            continue
        if restricted and not shown(step.audience, reader, step.offer_if_unsure):
            continue
        body = step.body
        entries: tuple[Entry, ...] = ()
        if step.expand is not None:
            if memo is None:
                found, body = _expand(step, pathway, given, view, regions, wanted, locale, reader, named, pools)
                entries = tuple(
                    Entry(f"{step.id}/{item.id}", kind, item) for kind, item in found if f"{kind.value}/{item.id}" not in listed
                )
                listed.update(f"{e.kind.value}/{e.item.id}" for e in entries)
            else:
                entries, body, expanded = memo.expand(step, pathway, given, regions, wanted, locale, reader, named, expanded)
            if not entries and not (step.expand == "laws" and step.empty):
                continue
        links = [link for link in (_link(ref, view) for ref in step.refs) if link is not None] if memo is None else memo.links(step)
        built.append((CATEGORY_ORDER.index(step.category), position, _plan_step(step, body, links, entries)))
    built.sort(key=lambda t: (t[0], t[1]))
    return Plan(pathway=pathway, answers=dict(given), steps=tuple(s for _c, _p, s in built), regions=regions, reader=reader)


class PlanMemo:
    """What dynamic steps expand into, kept while many plans are built over one view (``navigator check``).

    Exact, not an estimate: each expansion depends on a few things the answers give (the places,
    the languages, whether the reader is an adult, the sites picked, the items the pathway names
    itself) and is kept under exactly those, so a plan built with a memo is the plan built
    without one (tests/unit/core/test_plan_memo.py). Organizations and laws are also kept by the
    place they name, so an expansion reads the few for the person's places, not all of them.
    Never for the app: the content a person sees may change under it (language, reader).
    """

    def __init__(self, view: ContentView) -> None:
        self.view: ContentView = _ListsKept(view)
        self._expansions: dict[tuple[object, ...], tuple[tuple[tuple[Kind, Item, str], ...], str, frozenset[str]]] = {}
        self._entries: dict[tuple[object, ...], tuple[Entry, ...]] = {}
        self._listed: dict[tuple[object, ...], frozenset[str]] = {(): frozenset()}
        self._links: dict[str, Link | None] = {}
        self._named: dict[int, tuple[set[str], frozenset[str]]] = {}
        self._by_place: dict[Kind, dict[str, list[tuple[int, Item]]]] = {}
        self.pools: dict[Kind, Pool] = {Kind.ORGANIZATION: self._pool(Kind.ORGANIZATION), Kind.LAW: self._pool(Kind.LAW)}

    def _places(self, kind: Kind) -> dict[str, list[tuple[int, Item]]]:
        index = self._by_place.get(kind)
        if index is None:
            index = {}
            for position, item in enumerate(self.view.all(kind)):
                for code in place_codes(item):
                    index.setdefault(code, []).append((position, item))
            self._by_place[kind] = index
        return index

    def _pool(self, kind: Kind) -> Pool:
        def pool(reach: dict[str, int]) -> list[Item]:
            index = self._places(kind)
            found = {position: item for code in reach for position, item in index.get(code, ())}
            return [found[position] for position in sorted(found)]  # in the view's order, as a full read gives them

        return pool

    def named(self, pathway: Pathway) -> set[str]:
        key = id(pathway)
        if key not in self._named:
            found = named_links(pathway)
            self._named[key] = (found, frozenset(found))
        return self._named[key][0]

    def links(self, step: Step) -> list[Link]:
        for ref in step.refs:
            if ref not in self._links:
                self._links[ref] = _link(ref, self.view)
        return [link for link in (self._links[ref] for ref in step.refs) if link is not None]

    def expand(
        self,
        step: Step,
        pathway: Pathway,
        given: Answers,
        regions: tuple[str, ...],
        wanted: tuple[str, ...],
        locale: str,
        reader: Reader,
        named: set[str],
        expanded: tuple[object, ...],
    ) -> tuple[tuple[Entry, ...], str, tuple[object, ...]]:
        """The step's entries (less what an earlier step listed), its body, and the expansions read so far."""
        # What each kind of expansion reads, and nothing else (see _expand and the functions it calls).
        if step.expand == "platforms":
            # The sites named by the options picked, in the order _platforms reads them (``given``
            # holds effective answers only, so every answered question is one that was asked).
            picked = tuple(
                o.platform
                for q in pathway.questions
                if q.role == "where"
                for o in q.options
                if o.platform and o.value in given.get(q.id, ())
            )
            inputs: tuple[object, ...] = (picked,)
        elif step.expand == "laws":
            inputs = (regions,)
        elif step.expand == "crisis":
            inputs = (regions, wanted)
        else:
            # ``named`` is what ``self.named(pathway)`` gave _build; its frozen copy is kept beside it.
            self.named(pathway)
            inputs = (regions, wanted, reader is Reader.ADULT, self._named[id(pathway)][1])
        key = (step.expand, step.body, step.empty, *inputs)
        if key not in self._expansions:
            found, body = _expand(step, pathway, given, self.view, regions, wanted, locale, reader, named, self.pools)
            found_keyed = tuple((kind, item, f"{kind.value}/{item.id}") for kind, item in found)
            self._expansions[key] = (found_keyed, body, frozenset(address for _k, _i, address in found_keyed))
        found_items, body, keys = self._expansions[key]
        listed = self._listed[expanded]
        entries_key = (step.id, key, expanded)
        if entries_key not in self._entries:
            self._entries[entries_key] = tuple(
                Entry(f"{step.id}/{item.id}", kind, item) for kind, item, address in found_items if address not in listed
            )
        now = (*expanded, key)
        if now not in self._listed:
            self._listed[now] = listed | keys
        return self._entries[entries_key], body, now


class _ListsKept:
    """A view whose lists of a kind are read once (the check's view does not change while it runs)."""

    def __init__(self, view: ContentView) -> None:
        self.inner = view
        self._lists: dict[Kind, list[Item]] = {}

    def get(self, kind: Kind, item_id: str) -> Item | None:
        return self.inner.get(kind, item_id)

    def all(self, kind: Kind) -> list[Item]:
        if kind not in self._lists:
            self._lists[kind] = self.inner.all(kind)
        return self._lists[kind]


def _plan_step(step: Step, body: str, links: list[Link], entries: tuple[Entry, ...]) -> PlanStep:
    return PlanStep(step.id, step.category, step.title, body, tuple(links), tuple(entries))


# --- "Do these first" ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FirstThing:
    """One of the few things to do first: what, with whom, and how to reach them.

    ``step``: the plan step it comes from (its title says what to do); ``name``: the service,
    site, guide or place; ``reach``: its number or address, as a person would dial or type it
    ("" for a guide inside Navigator); ``href``: its page in Navigator.
    """

    step: str
    title: str
    name: str
    reach: str
    href: str


def reach_of(item: Item) -> str:
    """How to reach an item, in one line: a place's emergency number, a service's phone (else its
    first contact), a site's first reporting page. Nothing for a guide or a law."""
    if isinstance(item, Place):
        return item.emergency[0].number if item.emergency else ""
    if isinstance(item, Organization):
        phone = next((c for c in item.contacts if c.kind == "phone"), None)
        contact = phone or item.contacts[0]
        return contact.value
    if isinstance(item, Platform):
        return next((route.url for route in item.routes if route.url), "")
    return ""


def _thing(step: PlanStep, kind: Kind, item: Item) -> FirstThing:
    return FirstThing(step.key, step.title, display_title(item), reach_of(item), f"navigator://{kind.value}/{item.id}")


def _first_of_step(step: PlanStep, view: ContentView) -> FirstThing | None:
    """The step's most useful target: its first entry, or else its first link."""
    for entry in step.entries:
        return _thing(step, entry.kind, entry.item)
    for link in step.links:
        item = view.get(link.kind, link.item_id)
        if item is not None:
            return _thing(step, link.kind, item)
    return None


# The request most likely to work, best first: for a possible child, the service made for children;
# then the first site the person named (its own reporting page); then search engines; then hashing.
REQUEST_ORDER = ("under-18", "maybe-under-18", "remove-each", "search-engines", "stopncii", "not-sure-where", "in-messages")
SAFETY_ORDER = ("talk-now", "in-danger", "threats", "someone-close")


def first_things(plan: Plan, view: ContentView, limit: int = 3) -> list[FirstThing]:
    """At most ``limit`` things to do first, most urgent first: safety (when the answers call for
    it), then keeping proof, then the one request most likely to work. Each names whom to reach
    and how. Built from the plan alone, so it never holds anything the plan's reader may not see
    (the plan was built over an ``AudienceView``; ``view`` is wrapped in one again here)."""
    view = AudienceView(view, plan.reader)
    by_key = {step.key: step for step in plan.steps}
    chosen: list[FirstThing] = []
    for group in (SAFETY_ORDER, ("evidence", "evidence-under-18"), REQUEST_ORDER):
        for key in group:
            step = by_key.get(key)
            thing = _first_of_step(step, view) if step is not None else None
            if thing is not None:
                chosen.append(thing)
                break
    return chosen[:limit]


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
