"""Business-hours calendars: which seconds count as working time for an SLA clock.

A calendar is weekly opening hours in a time zone plus holidays. Working time is
counted on the wall clock of that zone, so a DST change moves the opening hours with
the clocks (09:00 stays 09:00) and an hour skipped or repeated at night costs nothing.
The calendar with no hours is 24/7: every second counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_DAYS_SCANNED = 3 * 366  # a calendar with no working day for three years is a mistake
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")

Span = tuple[int, int]  # minutes from local midnight: [start, end), end may be 24*60


def parse_spans(text: str) -> tuple[Span, ...]:
    """ "09:00-13:00, 14:00-18:00" -> ((540, 780), (840, 1080)); "" or "closed" -> ()."""
    text = text.strip().lower()
    if text in ("", "closed", "off"):
        return ()
    spans: list[Span] = []
    for part in text.split(","):
        found = _SPAN.match(part)
        if not found:
            raise ValueError(f"{part.strip()!r}: write opening hours as HH:MM-HH:MM")
        h1, m1, h2, m2 = (int(g) for g in found.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 > 59 or m2 > 59 or not 0 <= start < end <= 24 * 60:
            raise ValueError(f"{part.strip()!r}: not a span within one day")
        spans.append((start, end))
    spans.sort()
    for (_, end), (start, _) in pairwise(spans):
        if start < end:
            raise ValueError(f"{text!r}: spans overlap")
    return tuple(spans)


@dataclass(frozen=True)
class BusinessCalendar:
    """Weekly hours (Monday=0) in `timezone`, minus `holidays`; no hours at all = 24/7."""

    name: str = "24/7"
    timezone: str = "UTC"
    hours: Mapping[int, tuple[Span, ...]] = field(default_factory=dict)
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {self.timezone!r}") from None
        if not self.always_open and not any(self.hours.values()):
            raise ValueError(f"calendar {self.name!r} has no working hours")

    @classmethod
    def always(cls, timezone: str = "UTC") -> BusinessCalendar:
        """Around the clock: every second is working time."""
        return cls(name="24/7", timezone=timezone)

    @classmethod
    def weekly(
        cls,
        name: str,
        timezone: str,
        hours: Mapping[str, str],
        holidays: Iterable[date | str] = (),
    ) -> BusinessCalendar:
        """From config: {"mon": "09:00-18:00", ...}; days not named are closed."""
        unknown = set(hours) - set(WEEKDAYS)
        if unknown:
            raise ValueError(f"unknown weekday(s) {sorted(unknown)}: use {', '.join(WEEKDAYS)}")
        table = {i: parse_spans(hours.get(day, "")) for i, day in enumerate(WEEKDAYS)}
        days = frozenset(d if isinstance(d, date) else date.fromisoformat(d) for d in holidays)
        return cls(name=name, timezone=timezone, hours=table, holidays=days)

    @property
    def always_open(self) -> bool:
        return not self.hours

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, at: float) -> datetime:
        return datetime.fromtimestamp(at, self.zone)

    def working_spans(self, start: float) -> Iterator[tuple[float, float]]:
        """Working intervals as unix times, in order, from `start` on (the first clipped)."""
        zone = self.zone
        day = datetime.fromtimestamp(start, zone).date()
        for _ in range(MAX_DAYS_SCANNED):
            if day not in self.holidays:
                midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
                for begin_min, end_min in self.hours.get(day.weekday(), ()):
                    # Wall-clock arithmetic: aware + timedelta keeps local time, then
                    # .timestamp() resolves it in the zone, DST included.
                    begin = (midnight + timedelta(minutes=begin_min)).timestamp()
                    end = _wall_end(midnight, end_min)
                    if end > start:
                        yield max(begin, start), end
            day += timedelta(days=1)
        raise ValueError(f"calendar {self.name!r}: no working time within {MAX_DAYS_SCANNED} days")

    def add(self, start: float, seconds: float) -> float:
        """The moment when `seconds` of working time have passed since `start`."""
        if self.always_open or seconds <= 0:
            return start + max(0.0, seconds)
        left = seconds
        for begin, end in self.working_spans(start):
            if end - begin >= left:
                return begin + left
            left -= end - begin
        raise AssertionError("unreachable: working_spans raises when it runs out")

    def between(self, start: float, end: float) -> float:
        """Working seconds in [start, end); 0 when end is not after start."""
        if end <= start:
            return 0.0
        if self.always_open:
            return end - start
        total = 0.0
        for begin, stop in self.working_spans(start):
            if begin >= end:
                break
            total += min(stop, end) - begin
        return total


def _wall_end(midnight: datetime, minutes: int) -> float:
    if minutes >= 24 * 60:  # "24:00" is the next local midnight
        nxt = (midnight + timedelta(days=1)).replace(tzinfo=midnight.tzinfo)
        return nxt.timestamp()
    return (midnight + timedelta(minutes=minutes)).timestamp()
