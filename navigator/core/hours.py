"""Is a service open right now? Opening hours checked against the clock, in the service's own zone.

Everything is computed locally from the content's ``Hours`` (an IANA zone and weekly spans) and
the computer's clock: nothing is looked up. A span whose closing time is not after its opening
time runs past midnight into the next day (``fri 22:00-02:00`` is open early on Saturday).
``always_open`` services are always open. Hours we cannot read (no spans, an unknown zone) give
``UNKNOWN``, never a guess.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from navigator.core.models import Contact, Hours, OpeningSpan, Organization

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MINUTES_IN_DAY = 24 * 60


class OpenState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo | None:
    """The time zone called ``name``, or None if this computer does not know it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _span_minutes(span: OpeningSpan) -> tuple[int, int]:
    """Opening minute and length in minutes; a span that does not close after it opens runs past midnight."""
    opens, closes = _minutes(span.opens), _minutes(span.closes)
    length = closes - opens if closes > opens else _MINUTES_IN_DAY - opens + closes
    return opens, length


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone (for example datetime.now(timezone.utc))")
    return now


def _intervals(hours: Hours, tz: ZoneInfo, first: date, days: int) -> list[tuple[datetime, datetime]]:
    """Opening intervals, as aware datetimes, of spans that start on ``first`` and the following days."""
    found: list[tuple[datetime, datetime]] = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        name = DAYS[day.weekday()]
        for span in hours.weekly:
            if name not in span.days:
                continue
            opens, length = _span_minutes(span)
            # Wall-clock arithmetic in the zone: a 09:00-17:00 span stays 09:00-17:00 on a DST day.
            start = datetime.combine(day, time(0), tz) + timedelta(minutes=opens)
            end_minute = opens + length
            end = datetime.combine(day + timedelta(days=end_minute // _MINUTES_IN_DAY), time(0), tz) + timedelta(
                minutes=end_minute % _MINUTES_IN_DAY
            )
            found.append((start, end))
    return found


def open_state(hours: Hours | None, now: datetime) -> OpenState:
    """Whether ``hours`` are open at the instant ``now`` (an aware datetime, any zone)."""
    if hours is None:
        return OpenState.UNKNOWN
    if hours.always_open:
        return OpenState.OPEN
    tz = zone(hours.timezone)
    if tz is None or not hours.weekly:
        return OpenState.UNKNOWN
    local = _aware(now).astimezone(tz)
    # A span that started yesterday may still be running past midnight.
    for start, end in _intervals(hours, tz, local.date() - timedelta(days=1), 2):
        if start <= local < end:
            return OpenState.OPEN
    return OpenState.CLOSED


def next_opening(hours: Hours | None, now: datetime) -> datetime | None:
    """When ``hours`` next open after ``now`` (in the service's zone), or None if open or unknown."""
    if hours is None or hours.always_open or open_state(hours, now) is not OpenState.CLOSED:
        return None
    tz = zone(hours.timezone)
    if tz is None:
        return None
    local = _aware(now).astimezone(tz)
    starts = [start for start, _end in _intervals(hours, tz, local.date(), 8) if start > local]
    return min(starts) if starts else None


def contact_hours(contact: Contact, organization: Organization) -> Hours | None:
    """A contact's own hours, else the organization's."""
    return contact.hours or organization.hours


def organization_state(organization: Organization, now: datetime) -> OpenState:
    """Open if any way to reach a person is open now; unknown when no hours are recorded at all."""
    states = {open_state(contact_hours(c, organization), now) for c in organization.contacts}
    states.add(open_state(organization.hours, now))
    if OpenState.OPEN in states:
        return OpenState.OPEN
    if OpenState.CLOSED in states:
        return OpenState.CLOSED
    return OpenState.UNKNOWN


def unknown_zones(hours: list[Hours]) -> list[str]:
    """Zone names this computer cannot resolve (for content checks)."""
    return sorted({h.timezone for h in hours if zone(h.timezone) is None})
