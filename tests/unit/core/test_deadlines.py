"""Deadline arithmetic across time zones and daylight-saving changes: real hours, never clock hours."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from navigator.core import deadlines
from navigator.core.deadlines import (
    UnknownZoneError,
    deadline,
    due,
    is_repeated,
    is_skipped,
    local_to_utc,
    rounded_duration,
    utc_to_local,
)

ZONES = sorted(z for z in zoneinfo.available_timezones() if deadlines.known_zone(z))
walls = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2080, 12, 31))
instants = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2080, 12, 31), timezones=st.just(UTC))
hours = st.integers(min_value=1, max_value=24 * 400)


def test_the_system_has_a_time_zone_database():
    assert len(ZONES) > 300
    assert "America/New_York" in ZONES


@settings(max_examples=400)
@given(wall=walls, zone=st.sampled_from(ZONES), hours=hours, fold=st.integers(0, 1))
def test_a_deadline_is_exactly_that_many_real_hours(wall, zone, hours, fold):
    sent = local_to_utc(wall, zone, fold)
    end = deadline(sent, hours)
    assert end.tzinfo is UTC
    assert (end - sent) == timedelta(hours=hours)
    # Shown in the zone and read back, it is the same instant.
    shown = utc_to_local(end, zone)
    assert shown.astimezone(UTC) == end
    # The wall clock may say more or less than `hours` (a clock change in between), never by more
    # than the largest change any zone has made in a year (a day, Samoa 2011).
    wall_gap = shown.replace(tzinfo=None) - utc_to_local(sent, zone).replace(tzinfo=None)
    assert abs(wall_gap - timedelta(hours=hours)) <= timedelta(hours=25)


@settings(max_examples=400)
@given(wall=walls, zone=st.sampled_from(ZONES), fold=st.integers(0, 1))
def test_wall_times_round_trip_except_the_skipped_hour(wall, zone, fold):
    wall = wall.replace(second=0, microsecond=0)
    back = utc_to_local(local_to_utc(wall, zone, fold), zone).replace(tzinfo=None)
    if is_skipped(wall, zone):
        # Clocks jumped over it: read as the clocks would have, moved forward by the gap.
        assert back > wall
        assert back - wall <= timedelta(hours=24)
    else:
        assert back == wall


@settings(max_examples=300)
@given(sent=instants, hours=hours, offset=st.integers(-(10**7), 10**7))
def test_overdue_exactly_when_the_time_has_passed(sent, hours, offset):
    end = deadline(sent, hours)
    now = end + timedelta(seconds=offset)
    status = due(sent, hours, now)
    assert status.passed == (offset > 0)
    assert status.over_by == timedelta(seconds=max(offset, 0))
    assert status.left == timedelta(seconds=max(-offset, 0))
    # Time left and time over never both count.
    assert not (status.left and status.over_by)


@given(sent=instants, hours=hours, zone=st.sampled_from(ZONES))
def test_the_zone_it_was_entered_in_never_changes_the_deadline(sent, hours, zone):
    """The same instant, typed in any zone, runs out at the same instant."""
    local = utc_to_local(sent, zone)
    again = local_to_utc(local.replace(tzinfo=None), zone, local.fold)
    assert deadline(again, hours) == deadline(sent, hours)


@pytest.mark.parametrize(
    ("zone", "wall", "hours", "expected_wall"),
    [
        # Clocks go forward in New York on Sunday 8 March 2026: 48 real hours read as 49 on the clock.
        ("America/New_York", datetime(2026, 3, 7, 12, 0), 48, datetime(2026, 3, 9, 13, 0)),
        # Clocks go back in London on Sunday 25 October 2026: 48 real hours read as 47.
        ("Europe/London", datetime(2026, 10, 24, 12, 0), 48, datetime(2026, 10, 26, 11, 0)),
        # Lord Howe Island moves its clocks by half an hour (5 April 2026).
        ("Australia/Lord_Howe", datetime(2026, 4, 4, 12, 0), 48, datetime(2026, 4, 6, 11, 30)),
        # No clock change: the same as adding two days.
        ("Asia/Kolkata", datetime(2026, 3, 7, 12, 0), 48, datetime(2026, 3, 9, 12, 0)),
    ],
)
def test_across_a_clock_change(zone, wall, hours, expected_wall):
    end = deadline(local_to_utc(wall, zone), hours)
    assert utc_to_local(end, zone).replace(tzinfo=None) == expected_wall


def test_skipped_and_repeated_hours():
    # 02:30 did not happen in New York on 8 March 2026; 01:30 happened twice on 1 November 2026.
    assert is_skipped(datetime(2026, 3, 8, 2, 30), "America/New_York")
    assert not is_skipped(datetime(2026, 3, 8, 3, 30), "America/New_York")
    assert is_repeated(datetime(2026, 11, 1, 1, 30), "America/New_York")
    assert not is_repeated(datetime(2026, 11, 1, 2, 30), "America/New_York")
    first = local_to_utc(datetime(2026, 11, 1, 1, 30), "America/New_York", fold=0)
    second = local_to_utc(datetime(2026, 11, 1, 1, 30), "America/New_York", fold=1)
    assert second - first == timedelta(hours=1)
    for fold in (0, 1):  # a skipped time always moves forward, whichever of the two is asked for
        assert local_to_utc(datetime(2026, 3, 8, 2, 30), "America/New_York", fold) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)


def test_mistakes_are_refused_not_guessed():
    with pytest.raises(ValueError):
        deadline(datetime(2026, 1, 1), 48)  # no zone: never guessed
    with pytest.raises(ValueError):
        deadline(datetime(2026, 1, 1, tzinfo=UTC), 0)
    with pytest.raises(ValueError):
        deadline(datetime(2026, 1, 1, tzinfo=UTC), deadlines.MAX_HOURS + 1)
    with pytest.raises(ValueError):
        local_to_utc(datetime(2026, 1, 1, tzinfo=UTC), "UTC")
    for name in ("Mars/Olympus", "", "../../etc/passwd", "/etc/localtime"):
        with pytest.raises(UnknownZoneError):
            deadlines.zone(name)


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=59), (0, "minute")),
        (timedelta(minutes=59), (59, "minute")),
        (timedelta(hours=1), (1, "hour")),
        (timedelta(hours=47, minutes=59), (47, "hour")),
        (timedelta(hours=48), (2, "day")),
        (timedelta(days=9, hours=23), (9, "day")),
    ],
)
def test_durations_round_down(delta, expected):
    assert rounded_duration(delta) == expected
