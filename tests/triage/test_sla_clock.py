"""SLA clocks: paused while the ticket waits on the user, moved by exactly the pause."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from gateway.models import Priority, SupportGroup, Ticket, TicketStatus
from gateway.triage import sla_clock
from gateway.triage.calendar import BusinessCalendar
from gateway.triage.sla import HOUR, MINUTE, SlaPolicy

KYIV = ZoneInfo("Europe/Kyiv")
OFFICE = BusinessCalendar.weekly(
    "office", "Europe/Kyiv", {d: "09:00-18:00" for d in ("mon", "tue", "wed", "thu", "fri")}
)


def at(*parts: int) -> float:
    return datetime(*parts, tzinfo=KYIV).timestamp()  # type: ignore[misc]


def local(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, KYIV).replace(tzinfo=None)


def policy(**extra: object) -> SlaPolicy:
    base = SlaPolicy.default()
    return SlaPolicy(
        first_response=base.first_response,
        resolution=base.resolution,
        calendars={"hardware": OFFICE},
        **extra,  # type: ignore[arg-type]
    )


def ticket(priority: Priority, created: float) -> Ticket:
    return Ticket(
        id="HD-000001",
        conversation_key="webchat:x",
        channel="webchat",
        chat_id="x",
        subject="printer",
        group=SupportGroup.HARDWARE,
        priority=priority,
        created_at=created,
    )


def test_opening_sets_due_times_and_the_warning_at_its_share_in_working_time() -> None:
    t = ticket(Priority.P2, at(2026, 11, 6, 17, 55))  # Friday; P2: 30 min / 8 h
    sla_clock.start_clocks(t, policy(), t.created_at)
    assert local(t.first_response_warn_at) == datetime(2026, 11, 9, 9, 17, 30)  # 75% of 30 min
    assert local(t.first_response_due) == datetime(2026, 11, 9, 9, 25)
    assert local(t.resolution_due) == datetime(2026, 11, 9, 16, 55)
    assert t.next_timer_at() == t.first_response_warn_at


def test_a_pause_while_waiting_for_the_user_moves_every_clock_by_the_working_pause() -> None:
    p = policy()
    t = ticket(Priority.P2, at(2026, 11, 9, 10, 0))  # Monday 10:00, resolution by 18:00
    sla_clock.start_clocks(t, p, t.created_at)
    t.first_response_at = at(2026, 11, 9, 10, 10)
    t.status = TicketStatus.WAITING_FOR_USER
    assert sla_clock.pause(t, p, at(2026, 11, 9, 12, 0))  # 2 h used, 6 h left
    assert not sla_clock.pause(t, p, at(2026, 11, 9, 12, 30))  # already stopped
    assert set(t.pending_timers()) == {"autoclose_notice", "autoclose"}
    assert sla_clock.expected_by(t) == 0.0  # nothing is promised while we wait
    # The user answers on Tuesday at 15:00: the 6 working hours left run from then.
    t.status = TicketStatus.OPEN
    assert sla_clock.resume(t, p, at(2026, 11, 10, 15, 0))
    assert local(t.resolution_due) == datetime(2026, 11, 11, 12, 0)
    assert t.sla_paused_seconds == (6 + 6) * HOUR  # Mon 12-18 and Tue 09-15
    assert t.autoclose_at == 0.0 and "autoclose" not in t.pending_timers()
    assert sla_clock.expected_by(t) == t.resolution_due


def test_p1_counts_24_7_even_in_an_office_hours_group_and_through_a_pause() -> None:
    p = policy()
    t = ticket(Priority.P1, at(2026, 11, 7, 23, 0))  # Saturday night
    sla_clock.start_clocks(t, p, t.created_at)
    assert local(t.first_response_due) == datetime(2026, 11, 7, 23, 10)
    assert local(t.resolution_due) == datetime(2026, 11, 8, 3, 0)
    t.first_response_at = t.created_at + 5 * MINUTE
    sla_clock.pause(t, p, at(2026, 11, 8, 0, 0))
    sla_clock.resume(t, p, at(2026, 11, 8, 1, 0))
    assert local(t.resolution_due) == datetime(2026, 11, 8, 4, 0)


def test_due_timers_fire_in_order_and_not_twice() -> None:
    p = policy()
    t = ticket(Priority.P3, at(2026, 11, 9, 9, 0))  # P3: 4 h / 3 days
    sla_clock.start_clocks(t, p, t.created_at)
    late = at(2026, 11, 9, 13, 30)
    assert sla_clock.due_timers(t, late) == ["first_response_warning", "first_response_breach"]
    t.mark_fired("first_response_warning")
    t.mark_fired("first_response_breach")
    assert sla_clock.due_timers(t, late) == []
    assert t.breached
    # Raising the priority later moves the warning into the future: it may warn again.
    t.priority = Priority.P2
    sla_clock.start_clocks(t, p, at(2026, 11, 9, 9, 10))
    assert "first_response_warning" not in t.fired and "first_response_breach" in t.fired


def test_a_resolved_ticket_has_no_timers() -> None:
    t = ticket(Priority.P2, at(2026, 11, 9, 10, 0))
    sla_clock.start_clocks(t, policy(), t.created_at)
    t.status = TicketStatus.RESOLVED
    assert t.next_timer_at() is None


def test_a_reopened_ticket_goes_on_from_where_its_clock_stood_at_the_resolution() -> None:
    rules = policy()
    t = ticket(Priority.P3, at(2026, 3, 2, 9, 0))  # Monday; P3: 72 working hours
    sla_clock.start_clocks(t, rules, t.created_at)
    t.first_response_at = at(2026, 3, 2, 9, 30)
    due = t.resolution_due
    t.status, t.resolved_at = TicketStatus.RESOLVED, at(2026, 3, 2, 11, 0)
    sla_clock.reopen(t, rules, at(2026, 3, 3, 11, 0))  # a working day later: 9 working hours
    assert (t.status, t.resolved_at, t.sla_paused_at) == (TicketStatus.OPEN, 0.0, 0.0)
    assert OFFICE.between(due, t.resolution_due) == 9 * HOUR
    assert t.sla_paused_seconds == 9 * HOUR
    assert t.next_timer_at() is not None  # the timers run again


def test_a_reopened_ticket_is_unrated() -> None:
    """Desk34: rated 5, then reopened ("still broken"), the ticket kept its 5: the console
    showed "★ 5" on an open ticket whose fault goes on, as if the new outcome were rated."""
    rules = policy()
    t = ticket(Priority.P3, at(2026, 3, 2, 9, 0))
    sla_clock.start_clocks(t, rules, t.created_at)
    t.status, t.resolved_at = TicketStatus.RESOLVED, at(2026, 3, 2, 11, 0)
    t.csat, t.csat_comment = 5, "quick, thanks"
    sla_clock.reopen(t, rules, at(2026, 3, 2, 12, 0))
    assert (t.csat, t.csat_comment) == (0, "")


def test_a_ticket_resolved_while_waiting_for_the_user_reopens_from_that_pause() -> None:
    rules = policy()
    t = ticket(Priority.P2, at(2026, 3, 2, 9, 0))
    sla_clock.start_clocks(t, rules, t.created_at)
    due = t.resolution_due
    t.status = TicketStatus.WAITING_FOR_USER
    sla_clock.pause(t, rules, at(2026, 3, 2, 10, 0))
    t.status, t.resolved_at = TicketStatus.RESOLVED, at(2026, 3, 2, 12, 0)
    sla_clock.reopen(t, rules, at(2026, 3, 2, 13, 0))
    assert OFFICE.between(due, t.resolution_due) == 3 * HOUR  # 10:00 to 13:00 not counted
    assert t.autoclose_at == 0 and t.status == TicketStatus.OPEN
