"""Several requests at once: one per site, each with the letter that fits it, in a language it reads.

The sites come from the plan (the platforms the person picked) or from an open case file (the
addresses recorded, grouped by site). For each site the template is chosen from content alone,
with nothing the reader may not see (the view handed in is restricted by ``core/audience.py``):

- it is sent to that kind of site (``sites``), or the site's own routes name its legal basis (a
  platform with a TAKE IT DOWN route takes that request from anyone, wherever they live);
- its law, if it has one, is in force (a duty that has not started gives no deadline);
- its law reaches the person's place (``regions``), or it works anywhere (``*``).

Among those, the lowest ``rank`` wins, then the most local law (the state's, the country's, the
EU's, a law the site itself names, then anywhere). Each request is written in the language the
route reads when content says so (``languages``), else in the language the person chose.
Nothing here is kept: the prepared requests live in the session, and only a case file, when one
is open and the person asks, keeps a record of what was sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from navigator.core.models import Item, Kind, Law, NoticeTemplate, Platform
from navigator.core.plan import ContentView, Plan, jurisdictions

# How local a template's reach is, after the place's own scopes (0 state, 1 country, 2 group).
NAMED_BY_SITE = 3
ANYWHERE = 4


@dataclass(frozen=True)
class Site:
    """A site to send a request to: a platform in content, or an address's own host ('' id)."""

    platform_id: str
    name: str
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prepared:
    """The request prepared for one site (``template`` None: no letter fits; use the site's own route)."""

    site: Site
    template: NoticeTemplate | None
    locale: str
    values: dict[str, str] = field(default_factory=dict)


def _in_force(template: NoticeTemplate, view: ContentView) -> bool:
    if template.legal_basis is None:
        return True
    law = view.get(Kind.LAW, template.legal_basis.rsplit("/", 1)[-1])
    return isinstance(law, Law) and law.status == "in_force"


def _scope(template: NoticeTemplate, platform: Platform | None, reach: dict[str, int]) -> int | None:
    """How well the template's law reaches this person and site (lower is closer), or None."""
    scopes = [reach[r] for r in template.regions if r in reach]
    fits_site = platform is not None and platform.category in template.sites
    if platform is not None and template.legal_basis and any(r.legal_basis == template.legal_basis for r in platform.routes):
        scopes.append(NAMED_BY_SITE)
        fits_site = True
    if "*" in template.regions:
        scopes.append(ANYWHERE)
    if not fits_site or not scopes:
        return None
    return min(scopes)


def choose(platform: Platform | None, regions: Sequence[str], view: ContentView) -> NoticeTemplate | None:
    """The template for one site: lowest rank, then the most local law; None when none fits."""
    reach = jurisdictions(regions, view)
    found: list[tuple[int, int, str, NoticeTemplate]] = []
    for item in view.all(Kind.NOTICE):
        if not isinstance(item, NoticeTemplate) or not _in_force(item, view):
            continue
        scope = _scope(item, platform, reach)
        if scope is not None:
            found.append((item.rank, scope, item.id, item))
    found.sort(key=lambda entry: entry[:3])
    return found[0][3] if found else None


def letter_locale(template: NoticeTemplate, wanted: str, available: Iterable[str]) -> str:
    """The language to write in: the person's choice if the route reads it, else one the route reads."""
    have = list(available)
    if not template.languages or wanted in template.languages:
        return wanted
    for language in template.languages:
        if language in have:
            return language
    return wanted


def prefilled(template: NoticeTemplate, site: Site) -> dict[str, str]:
    """What a batch can fill in already: the site's name and the addresses recorded for it."""
    values: dict[str, str] = {}
    for item in template.fields:
        if item.fills == "site_name" and site.name:
            values[item.id] = site.name
        elif item.fills == "site_urls" and site.urls:
            values[item.id] = "\n".join(site.urls)
    return values


def prepare(
    sites: Sequence[Site],
    regions: Sequence[str],
    view: ContentView,
    wanted: str,
    available: Iterable[str],
    fallback: str | None = None,
) -> list[Prepared]:
    """One request per site, in the order given.

    A site content does not know is written to as ``fallback`` (the platform the guided questions
    use for "another website"), when there is one.
    """
    have = list(available)
    prepared = []
    for site in sites:
        platform_id = site.platform_id or fallback
        item = view.get(Kind.PLATFORM, platform_id) if platform_id else None
        platform = item if isinstance(item, Platform) else None
        template = choose(platform, regions, view)
        if template is None:
            prepared.append(Prepared(site, None, wanted))
            continue
        prepared.append(Prepared(site, template, letter_locale(template, wanted, have), prefilled(template, site)))
    return prepared


# --- where the sites come from ------------------------------------------------------------------


def sites_from_plan(plan: Plan, view: ContentView) -> list[Site]:
    """The platforms the person picked, in the plan's order."""
    found: dict[str, Site] = {}
    for step in plan.steps:
        for entry in step.entries:
            if entry.kind is Kind.PLATFORM and entry.item.id not in found:
                found[entry.item.id] = Site(entry.item.id, _name(entry.item))
    return list(found.values())


def sites_from_addresses(addresses: Iterable[tuple[str, str, str]], view: ContentView) -> list[Site]:
    """Sites from a case file's addresses: (url, platform id or 'other', the site's name), grouped by site."""
    urls: dict[tuple[str, str], list[str]] = {}
    for url, platform_id, site_name in addresses:
        key = ("", site_name or _host(url)) if platform_id in ("", "other") else (platform_id, "")
        urls.setdefault(key, []).append(url)
    sites = []
    for (platform_id, name), found in urls.items():
        item = view.get(Kind.PLATFORM, platform_id) if platform_id else None
        sites.append(Site(platform_id, _name(item) if item is not None else name, tuple(dict.fromkeys(found))))
    return sites


def _name(item: Item) -> str:
    return str(getattr(item, "name", item.id))


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0]
