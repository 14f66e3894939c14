"""Open now: hours checked in the service's own time zone, across midnight, and around the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from navigator.core.hours import OpenState, next_opening, open_state, organization_state, unknown_zones
from navigator.core.models import Contact, Hours, OpeningSpan, Organization

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
OPEN, CLOSED, UNKNOWN = OpenState.OPEN, OpenState.CLOSED, OpenState.UNKNOWN


def weekly(zone: str, *spans: tuple[list[str], str, str]) -> Hours:
    return Hours(timezone=zone, weekly=[OpeningSpan(days=d, opens=o, closes=c) for d, o, c in spans])  # type: ignore[arg-type]


def at(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone))  # type: ignore[misc]


LONDON = weekly("Europe/London", (WEEKDAYS, "10:00", "16:00"))


# 2026-01-05 is a Monday.
@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (at("Europe/London", 2026, 1, 5, 9, 59), CLOSED),
        (at("Europe/London", 2026, 1, 5, 10, 0), OPEN),
        (at("Europe/London", 2026, 1, 5, 15, 59), OPEN),
        (at("Europe/London", 2026, 1, 5, 16, 0), CLOSED),  # closing time itself is closed
        (at("Europe/London", 2026, 1, 10, 12, 0), CLOSED),  # Saturday
    ],
)
def test_weekly_hours_in_the_services_zone(when: datetime, expected: OpenState) -> None:
    assert open_state(LONDON, when) is expected


def test_same_instant_read_from_other_zones() -> None:
    # 10:30 in London on a Monday in winter is 05:30 in New York and 19:30 in Tokyo: still open.
    instant = at("Europe/London", 2026, 1, 5, 10, 30)
    assert open_state(LONDON, instant.astimezone(ZoneInfo("America/New_York"))) is OPEN
    assert open_state(LONDON, instant.astimezone(ZoneInfo("Asia/Tokyo"))) is OPEN
    assert open_state(LONDON, instant.astimezone(UTC)) is OPEN
    # 09:00 in New York on that Monday is 14:00 in London (open); 13:00 in New York is 18:00 (closed).
    assert open_state(LONDON, at("America/New_York", 2026, 1, 5, 9, 0)) is OPEN
    assert open_state(LONDON, at("America/New_York", 2026, 1, 5, 13, 0)) is CLOSED


def test_summer_time_keeps_local_opening_hours() -> None:
    # In July London is UTC+1: 09:30 UTC is 10:30 local, open; in January 09:30 UTC is 09:30 local, closed.
    assert open_state(LONDON, datetime(2026, 7, 6, 9, 30, tzinfo=UTC)) is OPEN
    assert open_state(LONDON, datetime(2026, 1, 5, 9, 30, tzinfo=UTC)) is CLOSED


def test_date_line_zone() -> None:
    # Sydney is ahead: Sunday evening in UTC is already Monday morning there.
    sydney = weekly("Australia/Sydney", (["mon"], "08:00", "12:00"))
    assert open_state(sydney, datetime(2026, 1, 4, 22, 0, tzinfo=UTC)) is OPEN  # Mon 09:00 AEDT
    assert open_state(sydney, datetime(2026, 1, 5, 22, 0, tzinfo=UTC)) is CLOSED  # Tue 09:00 AEDT


NIGHTS = weekly("Europe/Paris", (["fri", "sat"], "22:00", "02:00"))


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (at("Europe/Paris", 2026, 1, 9, 21, 59), CLOSED),  # Friday before opening
        (at("Europe/Paris", 2026, 1, 9, 23, 30), OPEN),  # Friday night
        (at("Europe/Paris", 2026, 1, 10, 1, 59), OPEN),  # early Saturday: Friday's span still running
        (at("Europe/Paris", 2026, 1, 10, 2, 0), CLOSED),
        (at("Europe/Paris", 2026, 1, 11, 1, 0), OPEN),  # early Sunday: Saturday's span
        (at("Europe/Paris", 2026, 1, 12, 1, 0), CLOSED),  # early Monday: no Sunday span
        (at("Europe/Paris", 2026, 1, 8, 23, 0), CLOSED),  # Thursday night
    ],
)
def test_span_past_midnight(when: datetime, expected: OpenState) -> None:
    assert open_state(NIGHTS, when) is expected


def test_span_past_midnight_seen_from_another_zone() -> None:
    # Saturday 00:30 in Paris is Friday 18:30 in New York.
    assert open_state(NIGHTS, at("America/New_York", 2026, 1, 9, 18, 30)) is OPEN


def test_span_to_end_of_day() -> None:
    late = weekly("Europe/Berlin", (["mon"], "18:00", "24:00"))
    assert open_state(late, at("Europe/Berlin", 2026, 1, 5, 23, 59)) is OPEN
    assert open_state(late, at("Europe/Berlin", 2026, 1, 6, 0, 0)) is CLOSED


def test_always_open_is_open_at_any_time() -> None:
    always = Hours(timezone="America/New_York", always_open=True)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    assert all(open_state(always, start + timedelta(hours=7 * n)) is OPEN for n in range(200))
    assert next_opening(always, start) is None


def test_unknown_when_nothing_to_go_on() -> None:
    now = datetime(2026, 1, 5, 12, tzinfo=UTC)
    assert open_state(None, now) is UNKNOWN
    assert open_state(Hours(timezone="Europe/London"), now) is UNKNOWN
    assert open_state(weekly("Mars/Olympus_Mons", (WEEKDAYS, "10:00", "16:00")), now) is UNKNOWN
    assert unknown_zones([LONDON, weekly("Mars/Olympus_Mons", (WEEKDAYS, "10:00", "16:00"))]) == ["Mars/Olympus_Mons"]


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        open_state(LONDON, datetime(2026, 1, 5, 12))


def test_next_opening() -> None:
    friday_evening = at("Europe/London", 2026, 1, 9, 17, 0)
    assert next_opening(LONDON, friday_evening) == at("Europe/London", 2026, 1, 12, 10, 0)
    assert next_opening(LONDON, at("Europe/London", 2026, 1, 9, 11, 0)) is None  # open now


def _organization(hours: Hours | None, contacts: list[Contact]) -> Organization:
    return Organization(
        id="example",
        reviewed="2026-11-26",  # type: ignore[arg-type]
        sources=[{"url": "https://example.org/"}],  # type: ignore[list-item]
        name="Example",
        summary="Made up.",
        services=["Help."],
        serves=["adults"],
        regions=["GB"],
        languages=["en"],
        contacts=contacts,
        hours=hours,
        cost="free",
    )


def test_organization_open_if_any_channel_is_open() -> None:
    chat = Contact(
        kind="chat", value="https://example.org/chat", source="https://example.org/", hours=Hours(timezone="UTC", always_open=True)
    )
    phone = Contact(kind="phone", value="0300 000 0000", source="https://example.org/")
    sunday = at("Europe/London", 2026, 1, 11, 12, 0)
    assert organization_state(_organization(LONDON, [phone]), sunday) is CLOSED
    assert organization_state(_organization(LONDON, [phone, chat]), sunday) is OPEN
    assert organization_state(_organization(None, [phone]), sunday) is UNKNOWN
    # The phone has no hours of its own: it follows the organization's.
    assert organization_state(_organization(LONDON, [phone]), at("Europe/London", 2026, 1, 5, 12, 0)) is OPEN
