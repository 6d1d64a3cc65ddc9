"""How report counters are named, and the histogram used for time percentiles."""

from __future__ import annotations

import math
from dataclasses import dataclass

SEP = "|"
NONE = "-"
BUCKET_BASE = 1.1  # histogram buckets are 10% wide
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
