"""Counts what happens at the desk, in the same transaction as the thing counted.

Each method adds report counters for one event to a `Transaction`, under the day (in the
desk's time zone) on which the event happened, so a report is a sum over days. Durations
are working time on the ticket's calendar, minus the time the clocks were paused. The
Prometheus metrics are updated here too, with labels from bounded sets only.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from gateway import metrics
from gateway.models import UNANSWERED_CHANNELS, Channel, Ticket
from gateway.reports.counters import NONE, Dims, bucket, field, period_units
from gateway.store import Transaction
from gateway.triage.sla import SlaPolicy

KEEP_NOTES = 500  # CSAT comments and unmatched questions kept per day


def channel_label(channel: str) -> str:
    """A channel name safe as a metric label (a fixed set)."""
    return channel if channel in {c.value for c in Channel} else "other"


class ReportRecorder:
    """Adds report counters to transactions; one per process, shared by the services."""

    def __init__(self, policy: SlaPolicy) -> None:
        self.policy = policy
        self.zone = ZoneInfo(policy.timezone)

    def day(self, at: float) -> str:
        return datetime.fromtimestamp(at, self.zone).strftime("%Y-%m-%d")

    def _count(self, tx: Transaction, at: float, metric: str, dims: Dims, n: int = 1) -> None:
        """One counter, in the hashes of its day, its ISO week and its month."""
        name = field(metric, dims)
        for unit in period_units(datetime.fromtimestamp(at, self.zone).date()):
            tx.count(unit, name, n)

    def _volume(self, tx: Transaction, at: float, group: str) -> None:
        local = datetime.fromtimestamp(at, self.zone)
        self._count(tx, at, f"vol:{local.weekday()}:{local.hour}", Dims(group or NONE))

    def _by_operator(
        self, tx: Transaction, at: float, metric: str, dims: Dims, operator: str, n: int = 1
    ) -> None:
        """A counter of the (group, channel, priority) series and of the operator series."""
        self._count(tx, at, metric, dims, n)
        self._count(tx, at, metric, Dims(operator=operator or NONE), n)

    # Conversations the bot handled --------------------------------------------------

    def bot_resolved(self, tx: Transaction, at: float, channel: str, group: str) -> None:
        """The user said the bot's answer solved it: no ticket."""
        dims = Dims(group or NONE, channel)
        self._count(tx, at, "bot_resolved", dims)
        self._by_operator(tx, at, "csat_asked", Dims(NONE, channel), "bot")
        self._volume(tx, at, group)
        metrics.DEFLECTION.labels(channel_label(channel), "bot").inc()

    def bot_resolution_undone(
        self, tx: Transaction, resolved_at: float, now: float, channel: str, group: str
    ) -> None:
        """The user said "still broken" at the rating of a bot resolution: it is taken off
        the counters of the day it was counted (what the request becomes counts on its own
        day), so the request is counted once, as what it became. The rating asked stays
        asked. The counter a metric cannot take back is answered by its own outcome."""
        at = resolved_at if 0 < resolved_at <= now else now
        dims = Dims(group or NONE, channel)
        self._count(tx, at, "bot_resolved", dims, -1)
        local = datetime.fromtimestamp(at, self.zone)
        self._count(tx, at, f"vol:{local.weekday()}:{local.hour}", Dims(group or NONE), -1)
        tx.reports_amended()  # a closed day may have changed: kept copies are read again
        metrics.DEFLECTION.labels(channel_label(channel), "bot_undone").inc()

    def self_served(self, tx: Transaction, ticket: Ticket, action: str) -> None:
        """An unlock, link or password reset done by the bot: resolved at first line."""
        dims = Dims(ticket.group.value, ticket.channel)
        self._count(tx, ticket.created_at, "bot_resolved", dims)
        self._count(tx, ticket.created_at, f"self_service:{action}", dims)
        self._volume(tx, ticket.created_at, ticket.group.value)
        metrics.DEFLECTION.labels(channel_label(ticket.channel), "bot").inc()

    def faq_answered(
        self, tx: Transaction, at: float, channel: str, group: str, topic: str
    ) -> None:
        self._count(tx, at, f"kb_answered:{topic}", Dims(group or NONE))

    def faq_not_helped(
        self, tx: Transaction, at: float, channel: str, group: str, topic: str
    ) -> None:
        """The user said an article did not help: counted at the answer, ticket or not."""
        self._count(tx, at, f"kb_not_helped:{topic}", Dims(group or NONE))

    # Tickets --------------------------------------------------------------------------

    def ticket_opened(self, tx: Transaction, ticket: Ticket, problem: str) -> None:
        """A request went to a person; why tells the KB author what to fix."""
        dims = Dims(ticket.group.value, ticket.channel, ticket.priority.value)
        at = ticket.created_at
        self._count(tx, at, "opened", dims)
        self._volume(tx, at, ticket.group.value)
        metrics.DEFLECTION.labels(channel_label(ticket.channel), "ticket").inc()
        if ticket.reason == "no_answer":
            self._count(tx, at, "unmatched", dims)
            entry = {"text": (problem or ticket.subject)[:300], "ticket": ticket.id,
                     "group": ticket.group.value, "channel": ticket.channel,
                     "priority": ticket.priority.value, "language": ticket.language}  # fmt: skip
            tx.report_note(self.day(at), "unmatched", entry, KEEP_NOTES)

    def working_seconds(self, ticket: Ticket, since: float, until: float) -> float:
        cal = self.policy.calendar(ticket.group, ticket.priority)
        return max(0.0, cal.between(since, until) - ticket.sla_paused_seconds)

    def first_response(self, tx: Transaction, ticket: Ticket, operator: str, at: float) -> None:
        """The first message of a person to the user; `ticket.fired` says if it was late."""
        seconds = self.working_seconds(ticket, ticket.created_at, at)
        late = "first_response_breach" in ticket.fired or at > ticket.first_response_due
        dims = Dims(ticket.group.value, ticket.channel, ticket.priority.value)
        self._time(tx, at, "frt", seconds, dims, operator, late)
        metrics.FIRST_RESPONSE.labels(
            ticket.group.value, channel_label(ticket.channel), ticket.priority.value
        ).observe(seconds)

    def resolved(self, tx: Transaction, ticket: Ticket, operator: str, at: float) -> None:
        """Resolved by an operator: time to resolution, and at which level. What was counted
        is kept on the ticket (`resolution_counted`), for a reopen to take it back."""
        seconds = self.working_seconds(ticket, ticket.created_at, at)
        counted = CountedResolution(
            at=at,
            day=self.day(at),
            level="resolved_l1" if ticket.level.value == "L1" else "resolved_up",
            operator=operator,
            group=ticket.group.value,
            channel=ticket.channel,
            priority=ticket.priority.value,
            seconds=seconds,
            late="resolution_breach" in ticket.fired or at > ticket.resolution_due,
        )
        self._resolution(tx, counted, 1)
        if ticket.channel not in UNANSWERED_CHANNELS:  # nobody there to ask for a rating
            dims = Dims(counted.group, counted.channel, counted.priority)
            self._by_operator(tx, at, "csat_asked", dims, operator)
        ticket.resolution_counted = counted.to_json()
        metrics.RESOLUTION.labels(
            counted.group, channel_label(counted.channel), counted.priority
        ).observe(seconds)

    def reopened(self, tx: Transaction, ticket: Ticket, now: float) -> None:
        """A resolved ticket opened again: counted on this day, and the operator resolution
        it had (if one was counted) taken off the day it was counted, so a ticket counts as
        resolved once, at its last resolution. The reopen is also that operator's: their
        resolution did not hold (a ticket the user marked solved is nobody's). The rating
        asked stays asked (it was asked)."""
        dims = Dims(ticket.group.value, ticket.channel, ticket.priority.value)
        self._count(tx, now, "reopened", dims)
        metrics.REOPENED.labels(
            ticket.group.value, channel_label(ticket.channel), ticket.priority.value
        ).inc()
        counted = CountedResolution.from_json(ticket.resolution_counted)
        ticket.resolution_counted = ""
        if counted is not None:
            if counted.operator:  # the operator series: whose resolution did not hold
                self._count(tx, now, "reopened", Dims(operator=counted.operator))
            self._resolution(tx, counted, -1)
            tx.reports_amended()  # a closed day may have changed: kept copies are read again

    def _resolution(self, tx: Transaction, counted: CountedResolution, n: int) -> None:
        """The counters of one operator resolution (n = 1), or their taking back (n = -1)."""
        at, operator = counted.at, counted.operator
        dims = Dims(counted.group, counted.channel, counted.priority)
        self._time(tx, at, "res", counted.seconds, dims, operator, counted.late, n)
        self._by_operator(tx, at, counted.level, dims, operator, n)

    def _time(
        self,
        tx: Transaction,
        at: float,
        name: str,
        seconds: float,
        dims: Dims,
        operator: str,
        late: bool,
        n: int = 1,
    ) -> None:
        """Count, in or out of SLA, and the histogram: by group, channel (a fixed set) and
        priority, and by operator."""
        dims = replace(dims, channel=channel_label(dims.channel))
        self._by_operator(tx, at, f"{name}_n", dims, operator, n)
        self._by_operator(tx, at, f"{name}_late" if late else f"{name}_met", dims, operator, n)
        self._by_operator(tx, at, f"{name}_b{bucket(seconds)}", dims, operator, n)

    def autoclosed(self, tx: Transaction, ticket: Ticket, at: float) -> None:
        dims = Dims(ticket.group.value, ticket.channel, ticket.priority.value)
        self._count(tx, at, "autoclosed", dims)

    def sla_event(self, tx: Transaction, ticket: Ticket, name: str, at: float) -> None:
        """A warning or breach fired (`name` as in the ticket's fired marks)."""
        dims = Dims(ticket.group.value, ticket.channel, ticket.priority.value)
        self._count(tx, at, name, dims)

    # Ratings ----------------------------------------------------------------------------

    def csat(self, tx: Transaction, rating: Rating) -> None:
        """A rating; for a ticket, of its group, priority and assignee, else of the bot."""
        dims = _rated_dims(rating.channel, rating.ticket)
        name = f"csat_{rating.score}"
        self._by_operator(tx, rating.at, name, replace(dims, operator=NONE), dims.operator)
        metrics.CSAT.labels(dims.group, channel_label(rating.channel)).observe(rating.score)
        self.csat_comment(tx, rating)

    def csat_comment(self, tx: Transaction, rating: Rating) -> None:
        """Keep a rating's comment (given with the score or after it) for the report."""
        if not rating.comment.strip():
            return
        dims = _rated_dims(rating.channel, rating.ticket)
        entry = {"score": rating.score, "comment": rating.comment.strip()[:1000],
                 "channel": rating.channel, "group": dims.group, "operator": dims.operator,
                 "priority": dims.priority,
                 "ticket": rating.ticket.id if rating.ticket else ""}  # fmt: skip
        tx.report_note(self.day(rating.at), "comments", entry, KEEP_NOTES)


@dataclass(frozen=True)
class CountedResolution:
    """An operator resolution as the reports counted it: kept on the ticket as JSON (operators'
    tools read it), so a reopen takes off exactly what was added, on the day it was added."""

    at: float
    day: str
    level: str  # resolved_l1 | resolved_up
    operator: str
    group: str
    channel: str
    priority: str
    seconds: float
    late: bool

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> CountedResolution | None:
        """None for "" (nothing counted) or a record this version cannot read."""
        try:
            return cls(**json.loads(text)) if text else None
        except (TypeError, ValueError):
            return None


@dataclass(frozen=True)
class Rating:
    """A user's rating as the report keeps it: the ticket rated, or None for the bot."""

    at: float
    score: int
    comment: str
    channel: str
    ticket: Ticket | None


def _rated_dims(channel: str, ticket: Ticket | None) -> Dims:
    """A rating belongs to the ticket's group, priority and assignee, or else to the bot."""
    if ticket is not None:
        return Dims(ticket.group.value, channel, ticket.priority.value, ticket.assignee or NONE)
    return Dims(NONE, channel, NONE, "bot")
