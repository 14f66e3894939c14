"""Time for the case file: moments the person gives, deadlines that run from them, and how late.

A deadline in law counts hours that pass, not hours on the clock face: 48 hours after a request
sent at noon on the Saturday before clocks go forward is 13:00 on the Monday, 49 hours later by
the wall clock. So every moment is kept as an instant (UTC) together with the time zone the person
gave it in, the arithmetic is done on instants only, and the zone is used only to show a time.

A wall time that does not exist (the hour skipped when clocks go forward) is read as the clocks
would have read it, moved forward by the gap (PEP 495, ``fold=0``). A wall time that happens twice
(the hour repeated when clocks go back) is the first of the two unless ``fold=1`` asks for the second.
Proven by tests/unit/core/test_deadlines.py (Hypothesis, every zone in the system's database).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Deadlines come from content (a law's ``deadline.hours``); this bound only keeps a typing slip
# (48000 for 48) from making a date past the year 9999.
MAX_HOURS = 24 * 366 * 10


class UnknownZoneError(ValueError):
    """The time zone name is not in this computer's time-zone database."""


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name`` ('Europe/Paris'); 'UTC' always exists."""
    if not name or name.startswith("/") or ".." in name:
        raise UnknownZoneError(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UnknownZoneError(name) from exc


def known_zone(name: str) -> bool:
    try:
        zone(name)
    except UnknownZoneError:
        return False
    return True


def require_utc(moment: datetime) -> datetime:
    """The same instant with tzinfo UTC. A naive datetime is a mistake in the caller, never guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a moment needs its time zone")
    return moment.astimezone(UTC)


def local_to_utc(wall: datetime, zone_name: str, fold: int = 0) -> datetime:
    """The instant at which clocks in ``zone_name`` showed ``wall`` (a naive date and time)."""
    if wall.tzinfo is not None:
        raise ValueError("give the wall time without a zone")
    where = zone(zone_name)
    instant = wall.replace(tzinfo=where, fold=fold).astimezone(UTC)
    if fold and instant.astimezone(where).replace(tzinfo=None) != wall:
        # A skipped wall time with fold=1 would land before the gap; always move it forward.
        instant = wall.replace(tzinfo=where, fold=0).astimezone(UTC)
    return instant


def utc_to_local(instant: datetime, zone_name: str) -> datetime:
    """What clocks in ``zone_name`` showed at ``instant`` (an aware datetime in that zone)."""
    return require_utc(instant).astimezone(zone(zone_name))


def is_skipped(wall: datetime, zone_name: str) -> bool:
    """True for a wall time that never happened there (clocks jumped over it)."""
    back = utc_to_local(local_to_utc(wall, zone_name), zone_name).replace(tzinfo=None)
    return back != wall


def is_repeated(wall: datetime, zone_name: str) -> bool:
    """True for a wall time that happened twice there (clocks went back over it)."""
    return local_to_utc(wall, zone_name, 0) != local_to_utc(wall, zone_name, 1) and not is_skipped(wall, zone_name)


def deadline(sent: datetime, hours: int) -> datetime:
    """``hours`` hours of real time after ``sent``, as a UTC instant."""
    if not 0 < hours <= MAX_HOURS:
        raise ValueError(f"a deadline of {hours} hours is out of range")
    return require_utc(sent) + timedelta(hours=hours)


@dataclass(frozen=True)
class Due:
    """Where a deadline stands at one moment: time left (not yet passed) or time since (passed)."""

    deadline: datetime
    now: datetime

    @property
    def passed(self) -> bool:
        # At the exact instant the time has run out but is not yet over it: "overdue" begins after.
        return self.now > self.deadline

    @property
    def left(self) -> timedelta:
        """Time still to go; zero once passed."""
        return max(self.deadline - self.now, timedelta(0))

    @property
    def over_by(self) -> timedelta:
        """How long ago the deadline passed; zero before."""
        return max(self.now - self.deadline, timedelta(0))


def due(sent: datetime, hours: int, now: datetime) -> Due:
    return Due(deadline(sent, hours), require_utc(now))


def rounded_duration(delta: timedelta) -> tuple[int, str]:
    """A duration in the largest unit that reads naturally: (3, 'day'), (5, 'hour'), (20, 'minute').

    Rounded down, so "overdue by 2 days" is never said before two whole days have passed.
    """
    seconds = int(delta.total_seconds())
    if seconds >= 2 * 86400:
        return seconds // 86400, "day"
    if seconds >= 3600:
        return seconds // 3600, "hour"
    return max(seconds // 60, 0), "minute"
