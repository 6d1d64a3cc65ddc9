"""Working-time arithmetic: weekends, holidays, DST, and the P1 around-the-clock rule."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from gateway.models import Priority
from gateway.triage.calendar import BusinessCalendar, parse_spans
from gateway.triage.sla import MINUTE, SlaPolicy

KYIV = ZoneInfo("Europe/Kyiv")
OFFICE_HOURS = {day: "09:00-18:00" for day in ("mon", "tue", "wed", "thu", "fri")}


def at(*parts: int, zone: ZoneInfo = KYIV) -> float:
    return datetime(*parts, tzinfo=zone).timestamp()  # type: ignore[misc]


def local(ts: float, zone: ZoneInfo = KYIV) -> datetime:
    return datetime.fromtimestamp(ts, zone).replace(tzinfo=None)


def office(holidays: tuple[str, ...] = (), zone: str = "Europe/Kyiv") -> BusinessCalendar:
    return BusinessCalendar.weekly("office", zone, OFFICE_HOURS, holidays)


def test_friday_evening_plus_30_minutes_is_monday_0925() -> None:
    friday = at(2026, 11, 6, 17, 55)
    due = office().add(friday, 30 * MINUTE)
    assert local(due) == datetime(2026, 11, 9, 9, 25)
    assert office().between(friday, due) == 30 * MINUTE


def test_holiday_monday_moves_the_due_time_to_tuesday() -> None:
    friday = at(2026, 11, 6, 17, 55)
    due = office(holidays=("2026-11-09",)).add(friday, 30 * MINUTE)
    assert local(due) == datetime(2026, 11, 10, 9, 25)


def test_across_spring_forward_the_office_still_opens_at_nine() -> None:
    # Kyiv moves clocks 03:00 -> 04:00 on Sunday 29 March 2026 (UTC+2 -> UTC+3).
    friday = at(2026, 3, 27, 17, 55)
    due = office().add(friday, 30 * MINUTE)
    assert local(due) == datetime(2026, 3, 30, 9, 25)
    # The wall clock says 2 days 15:30 later, but one real hour fewer passed.
    assert due - friday == (2 * 24 * 60 + 15 * 60 + 30 - 60) * MINUTE


def test_across_fall_back_a_24_7_clock_counts_the_repeated_hour() -> None:
    # Kyiv repeats 03:00-04:00 on Sunday 25 October 2026: 24/7 counts real seconds.
    cal = BusinessCalendar.always("Europe/Kyiv")
    start = at(2026, 10, 25, 1, 0)
    due = cal.add(start, 4 * 60 * MINUTE)
    assert local(due) == datetime(2026, 10, 25, 4, 0)


def test_a_night_shift_through_the_dst_gap_counts_only_real_time() -> None:
    cal = BusinessCalendar.weekly("nights", "Europe/Kyiv", {"sun": "00:00-06:00"})
    start = at(2026, 3, 29, 0, 0)
    assert cal.between(start, start + 10 * 60 * MINUTE) == 5 * 60 * MINUTE  # 03:00-04:00 skipped


def test_working_time_between_spans_lunch_weekend_and_holiday() -> None:
    cal = BusinessCalendar.weekly(
        "split",
        "UTC",
        {d: "09:00-13:00,14:00-18:00" for d in ("mon", "tue", "wed")},
        holidays=[date(2026, 11, 10)],
    )
    start = at(2026, 11, 9, 12, 0, zone=ZoneInfo("UTC"))  # Monday
    end = at(2026, 11, 11, 10, 0, zone=ZoneInfo("UTC"))  # Wednesday; Tuesday a holiday
    assert cal.between(start, end) == (1 + 4 + 1) * 60 * MINUTE
    assert cal.add(start, 6 * 60 * MINUTE) == end


def test_p1_counts_around_the_clock_other_priorities_in_office_hours() -> None:
    base = SlaPolicy.default()
    policy = SlaPolicy(
        first_response=base.first_response,
        resolution=base.resolution,
        calendars={"hardware": office()},
    )
    friday = at(2026, 11, 6, 17, 55)
    p1_first, _ = policy.due_times(Priority.P1, friday, "hardware")
    assert local(p1_first) == datetime(2026, 11, 6, 18, 5)
    p2_first, _ = policy.due_times(Priority.P2, friday, "hardware")
    assert local(p2_first) == datetime(2026, 11, 9, 9, 25)
    office_p1 = SlaPolicy(
        first_response=base.first_response,
        resolution=base.resolution,
        calendars={"hardware": office()},
        p1_around_the_clock=False,
    )
    assert local(office_p1.due_times(Priority.P1, friday, "hardware")[0]) == datetime(
        2026, 11, 9, 9, 5
    )
    # A group without a calendar runs 24/7.
    assert policy.due_times(Priority.P2, friday, "network")[0] == friday + 30 * MINUTE


def test_bad_hours_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="HH:MM-HH:MM"):
        parse_spans("nine to five")
    with pytest.raises(ValueError, match="overlap"):
        parse_spans("09:00-13:00,12:00-18:00")
    with pytest.raises(ValueError, match="no working hours"):
        BusinessCalendar.weekly("never", "UTC", {"mon": "closed"})
    with pytest.raises(ValueError, match="time zone"):
        BusinessCalendar.weekly("x", "Mars/Olympus", OFFICE_HOURS)
