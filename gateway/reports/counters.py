"""How report counters are named, and the histogram used for time percentiles."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

SEP = "|"
NONE = "-"
BUCKET_BASE = 1.2  # histogram buckets are 20% wide
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Dims:
    """What a counter is broken down by; "-" where it does not apply."""

    group: str = NONE
    channel: str = NONE
    priority: str = NONE
    operator: str = NONE


def field(metric: str, dims: Dims) -> str:
    return SEP.join((metric, dims.group, dims.channel, dims.priority, dims.operator))


def parse(name: str) -> tuple[str, Dims]:
    metric, group, channel, priority, operator = name.split(SEP)
    return metric, Dims(group, channel, priority, operator)


def bucket(seconds: float) -> int:
    """Histogram bucket of a duration: k such that 1.1**(k-1) < seconds <= 1.1**k."""
    if seconds <= 1:
        return 0
    return math.ceil(math.log(seconds) / math.log(BUCKET_BASE) - 1e-9)


def bucket_upper(k: int) -> float:
    """The largest duration in bucket k (what a percentile in it is reported as)."""
    return float(BUCKET_BASE**k)


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def period_units(day: date) -> tuple[str, str, str]:
    """The hashes a counter of `day` goes to: its day, ISO week and month."""
    return day.isoformat(), week_of(day), day.strftime("%Y-%m")


def cover(start: date, end: date) -> list[str]:
    """Fewest day / week / month units that add up to exactly [start, end]."""
    units: list[str] = []
    day = start
    while day <= end:
        next_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        if day.day == 1 and next_month - timedelta(days=1) <= end:
            units.append(day.strftime("%Y-%m"))
            day = next_month
        elif day.weekday() == 0 and day + timedelta(days=6) <= end and not _month_fits(day, end):
            units.append(week_of(day))
            day += timedelta(days=7)
        else:
            units.append(day.isoformat())
            day += timedelta(days=1)
    return units


def _month_fits(monday: date, end: date) -> bool:
    """A whole month starts within this week and fits: take days up to it, not the week."""
    first = (monday.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first - monday < timedelta(days=7) and (
        (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1) <= end
    )


def unit_end(unit: str) -> date:
    """The last day a unit ("2026-11-10", "2026-W46", "2026-11") covers."""
    if "-W" in unit:
        year, week = unit.split("-W")
        return date.fromisocalendar(int(year), int(week), 7)
    if unit.count("-") == 1:
        first = date.fromisoformat(unit + "-01")
        return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return date.fromisoformat(unit)
