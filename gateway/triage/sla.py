"""Service levels: how soon a person answers and resolves a ticket of each priority.

Times are working time on the calendar of the ticket's group (24/7 unless configured);
a P1 may be set to count around the clock. Warnings and reminders fire at a share of
each clock, also in working time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gateway.models import Priority
from gateway.triage.calendar import BusinessCalendar

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR

ALWAYS = BusinessCalendar.always()


@dataclass(frozen=True)
class SlaPolicy:
    """Working seconds to the first response and to resolution, per priority and group."""

    first_response: Mapping[Priority, int] = field(default_factory=dict)
    resolution: Mapping[Priority, int] = field(default_factory=dict)
    calendars: Mapping[str, BusinessCalendar] = field(default_factory=dict)  # by group
    default_calendar: BusinessCalendar = ALWAYS
    p1_around_the_clock: bool = True
    warning_share: float = 0.75
    reminder_share: float = 0.5
    timezone: str = "UTC"  # the desk's zone: report days and hours
    auto_close_seconds: float = 7 * DAY  # a ticket waiting on the user closes after this
    auto_close_notice_seconds: float = DAY  # ... with a last notice this long before

    def __post_init__(self) -> None:
        tables = (("first_response", self.first_response), ("resolution", self.resolution))
        for name, table in tables:
            missing = [p.value for p in Priority if p not in table]
            if missing:
                raise ValueError(f"SLA {name} has no time for {', '.join(missing)}")
            if any(seconds <= 0 for seconds in table.values()):
                raise ValueError(f"SLA {name} times must be positive")
        for name, share in (("warning", self.warning_share), ("reminder", self.reminder_share)):
            if not 0 < share < 1:
                raise ValueError(f"SLA {name} share must be between 0 and 1")

    @classmethod
    def default(cls) -> SlaPolicy:
        """P1 10 min / 4 h, P2 30 min / 8 h, P3 4 h / 3 days, P4 1 day / 5 days; 24/7."""
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

    def calendar(self, group: str, priority: Priority) -> BusinessCalendar:
        """The calendar a ticket's clocks run on."""
        calendar = self.calendars.get(group, self.default_calendar)
        if priority == Priority.P1 and self.p1_around_the_clock:
            return BusinessCalendar.always(calendar.timezone)
        return calendar

    def due_times(
        self, priority: Priority, created_at: float, group: str = ""
    ) -> tuple[float, float]:
        """(first_response_due, resolution_due) as unix times for a ticket created then."""
        cal = self.calendar(group, priority)
        return (
            cal.add(created_at, self.first_response[priority]),
            cal.add(created_at, self.resolution[priority]),
        )

    def share_at(
        self, priority: Priority, group: str, start: float, seconds: float, share: float
    ) -> float:
        """When `share` of `seconds` of working time will have passed since `start`."""
        return self.calendar(group, priority).add(start, seconds * share)


BREACH_ACTIONS = ("raise_priority", "next_level", "notify_lead")


ON_DUTY_MAIL_THREAD = "sla-on-duty"  # the e-mail channel's thread to `sla.on_duty_email`


@dataclass(frozen=True)
class EscalationPolicy:
    """What a breach sets off, per priority; who leads each group; who is on duty."""

    on_breach: Mapping[Priority, tuple[str, ...]] = field(default_factory=dict)
    leads: Mapping[str, str] = field(default_factory=dict)  # group -> lead's login
    on_duty_telegram_chat: str = ""
    on_duty_mail_thread: str = ""  # the e-mail channel's thread to the on-duty address
    desk_language: str = "en"

    def __post_init__(self) -> None:
        for priority, actions in self.on_breach.items():
            unknown = set(actions) - set(BREACH_ACTIONS)
            if unknown:
                raise ValueError(f"on_breach {priority}: unknown actions {sorted(unknown)}")

    def actions(self, priority: Priority) -> tuple[str, ...]:
        return tuple(self.on_breach.get(priority, ()))
