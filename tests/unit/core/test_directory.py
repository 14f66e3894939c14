"""Directory filters (place, language, channel, cost, who is served, open now) and best-match order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from navigator.core.directory import (
    COUNTRY,
    ELSEWHERE,
    EXACT_REGION,
    GROUP,
    IN_COUNTRY,
    WORLDWIDE,
    Context,
    Filters,
    Place,
    directory,
    facets,
    place_fit,
    platforms,
    talk_now,
)
from navigator.core.loader import load_content
from navigator.core.models import Kind, Organization, Platform
from tests.conftest import FIXTURES

# A Monday, 15:00 UTC: 09:00 in Texas, 15:00 in London, 16:00 in Paris.
MONDAY = datetime(2026, 1, 5, 15, 0, tzinfo=UTC)
# Saturday 00:30 in Paris; 23:30 Friday in London.
FRIDAY_NIGHT = datetime(2026, 1, 9, 23, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def orgs() -> list[Organization]:
    content, report = load_content(FIXTURES / "directory")
    assert report.ok, [str(p) for p in report.problems]
    return [o for o in content.items(Kind.ORGANIZATION) if isinstance(o, Organization)]


def ids(found: list) -> list[str]:  # type: ignore[type-arg]
    return [m.organization.id for m in found]


def test_no_filter_lists_everything_open_first_then_by_name(orgs: list[Organization]) -> None:
    found = ids(directory(orgs, Filters(), MONDAY))
    # Open on Monday 15:00 UTC, by name (accents ignored: "Ligne" < "Línea"); then the rest by name.
    assert found == [
        "ligne-ecoute",
        "linea-mexico",
        "texas-helpline",
        "uk-helpline",
        "us-hotline",
        "california-clinic",
        "eu-network",
        "global-tool",
    ]


@pytest.mark.parametrize(
    ("regions", "place", "fit"),
    [
        (["US-TX"], Place.of("US", "US-TX"), EXACT_REGION),
        (["US-TX"], Place.of("US", "TX"), EXACT_REGION),
        (["US-TX"], Place.of(None, "US-TX"), EXACT_REGION),
        (["US"], Place.of("US", "US-TX"), COUNTRY),
        (["US-TX"], Place.of("US"), IN_COUNTRY),
        (["US-CA"], Place.of("US", "US-TX"), ELSEWHERE),
        (["EU"], Place.of("FR"), GROUP),
        (["EU"], Place.of("GB"), ELSEWHERE),
        (["*"], Place.of("JP"), WORLDWIDE),
        (["GB", "*"], Place.of("GB"), COUNTRY),
        (["GB"], Place.of("FR"), ELSEWHERE),
    ],
)
def test_place_fit(regions: list[str], place: Place, fit: int) -> None:
    assert place_fit(regions, place) == fit


def test_region_filter_country(orgs: list[Organization]) -> None:
    found = ids(directory(orgs, Filters(country="US"), MONDAY))
    # Nationwide first, then services in one state (open ones first), then those open to anyone anywhere.
    assert found == ["us-hotline", "texas-helpline", "california-clinic", "global-tool"]


def test_region_filter_us_state(orgs: list[Organization]) -> None:
    found = ids(directory(orgs, Filters(country="US", region="US-TX"), MONDAY))
    assert found == ["texas-helpline", "us-hotline", "global-tool"]  # not California


def test_region_filter_eu_member(orgs: list[Organization]) -> None:
    found = ids(directory(orgs, Filters(country="FR"), MONDAY))
    assert found == ["ligne-ecoute", "eu-network", "global-tool"]


def test_language_filter(orgs: list[Organization]) -> None:
    assert set(ids(directory(orgs, Filters(language="es"), MONDAY))) == {"texas-helpline", "us-hotline", "linea-mexico"}
    assert set(ids(directory(orgs, Filters(language="fr_FR"), MONDAY))) == {"global-tool", "ligne-ecoute", "eu-network"}
    assert ids(directory(orgs, Filters(language="ko"), MONDAY)) == []


def test_language_and_region_combined(orgs: list[Organization]) -> None:
    assert ids(directory(orgs, Filters(country="US", language="es"), MONDAY)) == ["us-hotline", "texas-helpline"]
    assert ids(directory(orgs, Filters(country="FR", language="ar"), MONDAY)) == ["global-tool"]
    assert ids(directory(orgs, Filters(country="GB", language="es"), MONDAY)) == []


def test_channel_cost_and_who_is_served(orgs: list[Organization]) -> None:
    assert set(ids(directory(orgs, Filters(channels=frozenset({"chat", "web_form"})), MONDAY))) == {"us-hotline", "eu-network"}
    assert ids(directory(orgs, Filters(costs=frozenset({"low_cost"})), MONDAY)) == ["california-clinic"]
    # "everyone" fits any group; "women" only the service that says so.
    assert set(ids(directory(orgs, Filters(serves=frozenset({"women"})), MONDAY))) == {"ligne-ecoute", "us-hotline", "eu-network"}
    assert "ligne-ecoute" not in ids(directory(orgs, Filters(serves=frozenset({"minors"})), MONDAY))


def test_open_now(orgs: list[Organization]) -> None:
    monday = set(ids(directory(orgs, Filters(open_now=True), MONDAY)))
    assert monday == {"texas-helpline", "us-hotline", "uk-helpline", "ligne-ecoute", "linea-mexico"}
    late = set(ids(directory(orgs, Filters(open_now=True), FRIDAY_NIGHT)))
    # Only the 24/7 lines and the Paris night line (Friday 22:00 to 02:00) are open.
    assert late == {"us-hotline", "linea-mexico", "ligne-ecoute"}


def test_best_match_from_context_puts_place_and_language_first(orgs: list[Organization]) -> None:
    found = ids(directory(orgs, Filters(), MONDAY, Context(country="US", region="TX", language="es")))
    # Texas and Spanish, then US-wide and Spanish; then for their place (worldwide, English only);
    # then Spanish elsewhere; then the rest.
    assert found[:4] == ["texas-helpline", "us-hotline", "global-tool", "linea-mexico"]
    assert len(found) == len(orgs)  # context orders, it never hides


def test_filters_override_context(orgs: list[Organization]) -> None:
    found = ids(directory(orgs, Filters(country="FR"), MONDAY, Context(country="US", language="fr")))
    assert found == ["ligne-ecoute", "eu-network", "global-tool"]


def test_open_services_first_within_a_tier(orgs: list[Organization]) -> None:
    found = ids(directory(orgs, Filters(country="GB"), FRIDAY_NIGHT))
    assert found == ["uk-helpline", "global-tool"]
    found = ids(directory(orgs, Filters(language="es"), FRIDAY_NIGHT, Context(country="MX")))
    assert found[0] == "linea-mexico"


def test_facets_come_from_content(orgs: list[Organization]) -> None:
    f = facets(orgs)
    assert "US" in f.countries and "FR" in f.countries and "DE" in f.countries  # DE via the EU service
    assert f.regions == ["US-CA", "US-TX"]
    assert f.languages == ["ar", "de", "en", "es", "fr"]
    assert f.channels == ["phone", "text", "chat", "web_form", "email"]
    assert f.costs == ["free", "low_cost", "varies"]
    assert f.serves == ["adults", "minors", "women"]


def test_platform_guides() -> None:
    content, _ = load_content(FIXTURES / "directory")
    guides = [p for p in content.items(Kind.PLATFORM) if isinstance(p, Platform)]
    assert [p.id for p in platforms(guides)] == ["example-search", "example-social"]
    assert [p.id for p in platforms(guides, category="social")] == ["example-social"]
    assert [p.id for p in platforms(guides, on_behalf=True)] == ["example-social"]


def test_talk_now_is_local_only_day_and_night_first(orgs: list[Organization]) -> None:
    chosen = talk_now(orgs, Place.of("US", "US-TX"), "en")
    names = [o.id for o in chosen]
    assert 1 <= len(names) <= 3
    assert names[0] == "us-hotline"  # a phone line open day and night comes first
    assert "uk-helpline" not in names and "ligne-ecoute" not in names  # never another country's
    assert next(o.id for o in talk_now(orgs, Place.of("GB"), "en")) == "uk-helpline"


def test_talk_now_with_no_service_there_offers_nothing_rather_than_a_wrong_country(orgs: list[Organization]) -> None:
    for org in talk_now(orgs, Place.of("JP"), "ja"):
        assert "*" in org.regions  # only services for anywhere, if any
    assert talk_now(orgs, Place.of("US"), "en", limit=1) and len(talk_now(orgs, Place.of("US"), "en", limit=1)) == 1
