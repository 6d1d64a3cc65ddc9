"""Service levels: how soon a person answers and resolves a ticket of each priority."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gateway.models import Priority

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


@dataclass(frozen=True)
class SlaPolicy:
    """Seconds to the first response and to resolution, per priority."""

    first_response: Mapping[Priority, int] = field(default_factory=dict)
    resolution: Mapping[Priority, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        tables = (("first_response", self.first_response), ("resolution", self.resolution))
        for name, table in tables:
            missing = [p.value for p in Priority if p not in table]
            if missing:
                raise ValueError(f"SLA {name} has no time for {', '.join(missing)}")
            if any(seconds <= 0 for seconds in table.values()):
                raise ValueError(f"SLA {name} times must be positive")

    @classmethod
    def default(cls) -> SlaPolicy:
        """P1 10 min / 4 h, P2 30 min / 8 h, P3 4 h / 3 days, P4 1 day / 5 days."""
        return cls(
            first_response={
                Priority.P1: 10 * MINUTE,
                Priority.P2: 30 * MINUTE,
                Priority.P3: 4 * HOUR,
                Priority.P4: DAY,
            },
            resolution={
                Priority.P1: 4 * HOUR,
                Priority.P2: 8 * HOUR,
                Priority.P3: 3 * DAY,
                Priority.P4: 5 * DAY,
            },
        )

    def due_times(self, priority: Priority, created_at: float) -> tuple[float, float]:
        """(first_response_due, resolution_due) as unix times for a ticket created then."""
        return (
            created_at + self.first_response[priority],
            created_at + self.resolution[priority],
        )
