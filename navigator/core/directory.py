"""The support directory: which organizations fit a place, a language, a way of reaching them, a cost,
who they serve and whether they are open now; and which come first for this person.

Pure functions over content models. Places are the content's region codes: ISO countries (``GB``),
subdivisions such as US states (``US-TX``), ``*`` for services open to anyone anywhere, and
``EU`` for services across the European Union.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from navigator.core.hours import OpenState, organization_state
from navigator.core.models import Organization, Platform
from navigator.core.search import fold

ANYWHERE = "*"
# The 27 member states, for services that list "EU" as their region.
GROUPS: dict[str, frozenset[str]] = {
    "EU": frozenset(
        [
            "AT",
            "BE",
            "BG",
            "HR",
            "CY",
            "CZ",
            "DK",
            "EE",
            "FI",
            "FR",
            "DE",
            "GR",
            "IE",
            "IT",
            "LV",
            "LT",
            "LU",
            "MT",
            "NL",
            "PL",
            "PT",
            "RO",
            "SK",
            "SI",
            "ES",
            "SE",
        ],
    ),
}
CHANNELS = ("phone", "text", "whatsapp", "chat", "web_form", "email", "tty")
COSTS = ("free", "low_cost", "paid", "varies")
# An organization that serves "everyone" fits any "who is served" filter.
EVERYONE = "everyone"

# How well a service's region fits a place, best first.
EXACT_REGION, COUNTRY, IN_COUNTRY, GROUP, WORLDWIDE, ELSEWHERE = 5, 4, 3, 2, 1, 0


def language_code(value: str | None) -> str | None:
    """``pt_BR`` / ``pt-BR`` / ``PT`` → ``pt``; empty → None."""
    if not value:
        return None
    return value.replace("-", "_").split("_")[0].lower() or None


@dataclass(frozen=True)
class Place:
    """A country (``US``) and optionally a region inside it (``US-TX``)."""

    country: str | None = None
    region: str | None = None

    @classmethod
    def of(cls, country: str | None, region: str | None = None) -> Place:
        """Accepts ``region`` as ``US-TX`` or, with a country, as ``TX``; fills the country from it."""
        country = country.strip().upper() if country else None
        region = region.strip().upper() if region else None
        if country == ANYWHERE:
            country = None
        if region and "-" not in region and country:
            region = f"{country}-{region}"
        if region and not country:
            country = region.split("-")[0]
        if region and country and not region.startswith(country + "-"):
            region = None  # a region of another country: ignore it rather than match nothing
        return cls(country or None, region or None)

    def __bool__(self) -> bool:
        return self.country is not None


def place_fit(regions: Iterable[str], place: Place) -> int:
    """How well a service covering ``regions`` fits ``place`` (0 = not at all)."""
    if place.country is None:
        return WORLDWIDE
    best = ELSEWHERE
    for code in regions:
        if place.region and code == place.region:
            fit = EXACT_REGION
        elif code == place.country:
            fit = COUNTRY
        elif place.region is None and code.startswith(place.country + "-"):
            fit = IN_COUNTRY
        elif place.country in GROUPS.get(code, ()):
            fit = GROUP
        elif code == ANYWHERE:
            fit = WORLDWIDE
        else:
            fit = ELSEWHERE
        best = max(best, fit)
    return best


@dataclass(frozen=True)
class Filters:
    """What the person asked for. Empty sets and None mean "any"."""

    country: str | None = None
    region: str | None = None
    language: str | None = None
    channels: frozenset[str] = frozenset()
    costs: frozenset[str] = frozenset()
    serves: frozenset[str] = frozenset()
    open_now: bool = False

    @property
    def place(self) -> Place:
        return Place.of(self.country, self.region)

    def any(self) -> bool:
        return bool(self.place or self.language or self.channels or self.costs or self.serves or self.open_now)


@dataclass(frozen=True)
class Context:
    """What the person told the pathway about themselves; used only to put the best matches first."""

    country: str | None = None
    region: str | None = None
    language: str | None = None

    @property
    def place(self) -> Place:
        return Place.of(self.country, self.region)


@dataclass(frozen=True)
class Match:
    organization: Organization
    fit: int  # place_fit for the person's place
    speaks: bool  # offers the person's language (True when no language is known)
    state: OpenState


def speaks(organization: Organization, language: str | None) -> bool:
    code = language_code(language)
    return code is None or code in organization.languages


def reachable_by(organization: Organization, channels: Iterable[str]) -> bool:
    wanted = set(channels)
    return not wanted or any(contact.kind in wanted for contact in organization.contacts)


def serves_people(organization: Organization, who: Iterable[str]) -> bool:
    wanted = set(who)
    return not wanted or EVERYONE in organization.serves or bool(wanted & set(organization.serves))


def keep(organization: Organization, filters: Filters, now: datetime) -> bool:
    """Whether ``organization`` passes every filter."""
    place = filters.place
    if place and place_fit(organization.regions, place) == ELSEWHERE:
        return False
    if not speaks(organization, filters.language):
        return False
    if not reachable_by(organization, filters.channels):
        return False
    if filters.costs and organization.cost not in filters.costs:
        return False
    if not serves_people(organization, filters.serves):
        return False
    return not filters.open_now or organization_state(organization, now) is OpenState.OPEN


def directory(
    organizations: Iterable[Organization],
    filters: Filters,
    now: datetime,
    context: Context | None = None,
) -> list[Match]:
    """Organizations that pass ``filters``, best match first.

    The person's place and language are the filters' when set, else the pathway ``context``'s.
    Order: services for both their place and language; then for their place; then in their
    language; the rest after. Within each: the most local first, then those open now, then by name.
    """
    context = context or Context()
    filter_place = filters.place
    place = filter_place if filter_place else context.place
    language = language_code(filters.language) or language_code(context.language)
    found: list[Match] = []
    for organization in organizations:
        if not keep(organization, filters, now):
            continue
        fit = place_fit(organization.regions, place)
        found.append(Match(organization, fit, speaks(organization, language), organization_state(organization, now)))
    found.sort(key=lambda m: _order(m, bool(place), language is not None))
    return found


def _order(match: Match, has_place: bool, has_language: bool) -> tuple[bool, bool, bool, int, bool, str]:
    in_place = match.fit > ELSEWHERE or not has_place
    in_language = match.speaks or not has_language
    return (
        not (in_place and in_language),
        not in_place,
        not in_language,
        -match.fit,
        match.state is not OpenState.OPEN,
        fold(match.organization.name),
    )


# --- choices for the filter controls --------------------------------------------------------


@dataclass(frozen=True)
class Facets:
    """The values the content actually uses, so filters never offer a choice with nothing behind it."""

    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    costs: list[str] = field(default_factory=list)
    serves: list[str] = field(default_factory=list)


def facets(organizations: Iterable[Organization]) -> Facets:
    countries: set[str] = set()
    regions: set[str] = set()
    languages: set[str] = set()
    channels: set[str] = set()
    costs: set[str] = set()
    serves: set[str] = set()
    for organization in organizations:
        for code in organization.regions:
            if code == ANYWHERE:
                continue
            if code in GROUPS:
                countries |= GROUPS[code]
            elif "-" in code:
                regions.add(code)
                countries.add(code.split("-")[0])
            else:
                countries.add(code)
        languages |= set(organization.languages)
        channels |= {c.kind for c in organization.contacts if c.kind in CHANNELS}
        if organization.cost:
            costs.add(organization.cost)
        serves |= set(organization.serves) - {EVERYONE}
    return Facets(
        countries=sorted(countries),
        regions=sorted(regions),
        languages=sorted(languages),
        channels=[c for c in CHANNELS if c in channels],
        costs=[c for c in COSTS if c in costs],
        serves=sorted(serves),
    )


# --- platform guides -------------------------------------------------------------------------


def platforms(guides: Iterable[Platform], category: str | None = None, on_behalf: bool = False) -> list[Platform]:
    """Platform guides in a category (None = all); ``on_behalf``: only those that accept a report from someone helping."""
    kept = [
        p for p in guides if (category is None or p.category == category) and (not on_behalf or p.on_behalf in ("yes", "representative"))
    ]
    return sorted(kept, key=lambda p: fold(p.name))


def _always_open_phone(org: Organization) -> bool:
    for contact in org.contacts:
        if contact.kind != "phone":
            continue
        hours = contact.hours or org.hours
        if hours is not None and hours.always_open:
            return True
    return False


def talk_now(organizations: Iterable[Organization], place: Place, language: str | None = None, limit: int = 3) -> list[Organization]:
    """Two or three services to talk to now, for ``place``: "Talk to someone now" at the top of the
    directory, before any filter.

    Only services that answer by phone, text or chat, and only the most local ones there are (the
    region, else the country, else a group such as the EU, else services for anywhere): never a
    service for another country. Order: a phone line open day and night first, then services that
    speak the person's language, then the more local, then those that are not only crisis lines.
    """
    talking = [o for o in organizations if any(c.kind in ("phone", "text", "chat", "whatsapp") for c in o.contacts)]
    scored = [(place_fit(o.regions, place), o) for o in talking]
    best = max((fit for fit, _o in scored if fit > ELSEWHERE), default=ELSEWHERE)
    if best == ELSEWHERE:
        return []
    floor = COUNTRY if best >= COUNTRY else best
    chosen = [(fit, o) for fit, o in scored if fit >= floor]
    chosen.sort(
        key=lambda pair: (
            0 if _always_open_phone(pair[1]) else 1,
            0 if language and language in pair[1].languages else 1,
            -pair[0],
            1 if pair[1].crisis else 0,
            fold(pair[1].name),
        )
    )
    return [o for _fit, o in chosen[:limit]]
