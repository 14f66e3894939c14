"""The shipped organizations work in the directory: hours that can be read, filters with something behind them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from navigator.core.directory import CHANNELS, Filters, directory, facets
from navigator.core.hours import OpenState, organization_state, unknown_zones
from navigator.core.loader import load_content
from navigator.core.models import Hours, Kind, Organization
from navigator.paths import content_root


@pytest.fixture(scope="module")
def organizations() -> list[Organization]:
    content, _ = load_content(content_root())
    found = [o for o in content.items(Kind.ORGANIZATION) if isinstance(o, Organization)]
    assert found
    return found


def every_hours(organizations: list[Organization]) -> list[Hours]:
    hours = [o.hours for o in organizations if o.hours]
    hours += [c.hours for o in organizations for c in o.contacts if c.hours]
    return hours


def test_every_time_zone_is_a_real_iana_zone(organizations: list[Organization]) -> None:
    assert unknown_zones(every_hours(organizations)) == []


def test_hours_say_something(organizations: list[Organization]) -> None:
    """Hours with neither spans nor always_open would make "open now" unknown for no reason."""
    empty = [o.id for o in organizations for h in [o.hours, *(c.hours for c in o.contacts)] if h and not h.always_open and not h.weekly]
    assert empty == []


def test_round_the_clock_services_are_open_at_any_hour(organizations: list[Organization]) -> None:
    always = [o for o in organizations if o.hours and o.hours.always_open]
    for hour in range(0, 24, 5):
        now = datetime(2026, 3, 1, hour, tzinfo=UTC)
        assert all(organization_state(o, now) is OpenState.OPEN for o in always)


def test_every_filter_choice_finds_a_service(organizations: list[Organization]) -> None:
    f = facets(organizations)
    now = datetime(2026, 3, 2, 12, tzinfo=UTC)
    for language in f.languages:
        assert directory(organizations, Filters(language=language), now), language
    for country in f.countries:
        assert directory(organizations, Filters(country=country), now), country
    for channel in f.channels:
        assert channel in CHANNELS
        assert directory(organizations, Filters(channels=frozenset([channel])), now), channel
