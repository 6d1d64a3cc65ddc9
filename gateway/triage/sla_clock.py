"""A ticket's SLA clocks: started, paused while waiting for the user, resumed, and due.

Pure functions over a `Ticket` and the `SlaPolicy`; the caller commits the ticket and
records the history. Every moment (warning, reminder, due time) is working time on the
ticket's calendar, so a pause shifts each of them by exactly the working time it took.
"""

from __future__ import annotations

from gateway.models import Ticket, TicketStatus
from gateway.triage.sla import SlaPolicy

# The moments that move when the clocks pause; autoclose ones belong to the pause itself.
RUNNING_MOMENTS = (
    "first_response_warn_at",
    "first_response_due",
    "resolution_warn_at",
    "resolution_remind_at",
    "resolution_due",
    "promise_due",
)
WARNINGS = ("first_response_warning", "resolution_warning", "resolution_reminder")


def start_clocks(ticket: Ticket, policy: SlaPolicy, now: float) -> None:
    """Set due times, warnings and reminders for the ticket's priority and group.

    Called when the ticket opens and when its priority changes: working time already
    spent (minus pauses) counts against the new targets. While the clocks are stopped
    (waiting for the user) the moments are set from where they stopped, as if the change
    had come then: `resume` moves them by the whole wait, so a wait counted here as work
    too was counted twice (a P1 set 5 h into a wait was due 5 h after the user wrote).
    """
    cal = policy.calendar(ticket.group, ticket.priority)
    since = ticket.sla_paused_at or now
    spent = max(0.0, cal.between(ticket.created_at, since) - ticket.sla_paused_seconds)

    def moment(total: float) -> float:
        return cal.add(since, max(0.0, total - spent))

    first, resolution = policy.first_response[ticket.priority], policy.resolution[ticket.priority]
    if not ticket.first_response_at:
        ticket.first_response_warn_at = moment(first * policy.warning_share)
        ticket.first_response_due = moment(first)
    ticket.resolution_warn_at = moment(resolution * policy.warning_share)
    ticket.resolution_remind_at = moment(resolution * policy.reminder_share)
    ticket.resolution_due = moment(resolution)
    if ticket.promise_clock:
        # A promise made after a breach follows its clock to the time now told.
        due = (
            ticket.first_response_due
            if ticket.promise_clock == "first_response"
            else ticket.resolution_due
        )
        if due > now:
            ticket.promise_due = due
            ticket.unmark_fired("promise_breach")
    _rearm_warnings(ticket, now)


def pause(ticket: Ticket, policy: SlaPolicy, now: float) -> bool:
    """Stop the clocks: the ticket waits on the user. False if they were not running."""
    if ticket.sla_paused_at or not ticket.status.is_active:
        return False
    ticket.sla_paused_at = now
    ticket.autoclose_at = now + policy.auto_close_seconds
    ticket.autoclose_notice_at = ticket.autoclose_at - policy.auto_close_notice_seconds
    ticket.unmark_fired("autoclose_notice", "autoclose")
    return True


def resume(ticket: Ticket, policy: SlaPolicy, now: float) -> bool:
    """Restart the clocks (the user wrote): every pending moment moves by the pause."""
    paused_at = ticket.sla_paused_at
    if not paused_at:
        return False
    cal = policy.calendar(ticket.group, ticket.priority)
    for name in RUNNING_MOMENTS:
        at = getattr(ticket, name)
        if at > paused_at:  # moments already past when the clocks stopped stay past
            setattr(ticket, name, cal.add(now, cal.between(paused_at, at)))
    ticket.sla_paused_seconds += cal.between(paused_at, now)
    ticket.sla_paused_at = 0.0
    ticket.autoclose_notice_at = ticket.autoclose_at = 0.0
    _rearm_warnings(ticket, now)
    return True


def reopen(ticket: Ticket, policy: SlaPolicy, now: float) -> None:
    """Open a resolved ticket again. Its clocks go on from where they stood when it was
    resolved (or paused before that): the time it spent resolved does not count. The rating
    given to that resolution is no rating of what comes now: the ticket is unrated again
    (the "rated" event of its history and the report's count of it stay)."""
    stopped = ticket.sla_paused_at or ticket.resolved_at or now
    ticket.status, ticket.resolved_at = TicketStatus.OPEN, 0.0
    ticket.csat, ticket.csat_comment = 0, ""
    ticket.sla_paused_at = min(stopped, now)
    resume(ticket, policy, now)


def due_timers(ticket: Ticket, now: float) -> list[str]:
    """Names of the timers that are due at `now` and have not fired, earliest first."""
    pending = ticket.pending_timers()
    return sorted((n for n, at in pending.items() if at <= now), key=lambda n: pending[n])


def expected_by(ticket: Ticket) -> float:
    """What the user is promised now: the first answer, else the resolution; 0 if paused."""
    if ticket.sla_paused_at or not ticket.status.is_active:
        return 0.0
    return ticket.resolution_due if ticket.first_response_at else ticket.first_response_due


def _rearm_warnings(ticket: Ticket, now: float) -> None:
    """A warning whose moment moved into the future may warn again; breaches stay."""
    moments = {
        "first_response_warning": ticket.first_response_warn_at,
        "resolution_warning": ticket.resolution_warn_at,
        "resolution_reminder": ticket.resolution_remind_at,
    }
    ticket.unmark_fired(*(n for n in WARNINGS if moments[n] > now))


__all__ = ["due_timers", "expected_by", "pause", "reopen", "resume", "start_clocks"]
