"""SLA timers that act: warnings, breaches with escalation, reminders and auto-close.

Every gateway process runs one `SlaTimerService`. It claims due tickets from the
durable timer set in Redis (one holder at a time, see `store/sla_timers.py`) and commits
what each due timer does together with the timer's fired mark, through the same
atomic path as an operator's action: a timer fires exactly once, whichever process
holds it, and a process killed while holding one loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gateway import metrics
from gateway.logs import log_failure
from gateway.models import (
    BOT_OWNER,
    DUTY_AUTHOR,
    Level,
    OutboundMessage,
    Priority,
    Ticket,
    TicketStatus,
)
from gateway.operations import ActionRefused, Actor, OperatorDesk
from gateway.store import Conversation, Store, Transaction
from gateway.texts import Texts
from gateway.triage import sla_clock
from gateway.triage.sla import EscalationPolicy, SlaPolicy

log = logging.getLogger(__name__)

SLA_ACTOR = Actor(login="sla", name="SLA")
NEXT_LEVEL = {Level.L1: Level.L2, Level.L2: Level.L3}
HIGHER = {Priority.P4: Priority.P3, Priority.P3: Priority.P2, Priority.P2: Priority.P1}
# When several changes reach the user in one commit, the one that matters most is told.
NEWS_RANK = ("autoclosed", "sla_late_escalated", "sla_late_priority", "sla_late_lead")


class NothingDue(Exception):
    """The ticket changed since it was scheduled: no timer of it is due now."""


@dataclass
class Firing:
    """What one claim of a ticket did: the timers fired and what the user is told."""

    fired: list[str] = field(default_factory=list)
    news: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    def inform(self) -> str:
        ranked = [n for n in NEWS_RANK if n in self.news]
        if ranked:
            return ranked[0]
        return "autoclose_notice" if "autoclose_notice" in self.news else ""

    def detail(self) -> str:
        return "; ".join([", ".join(self.fired), *self.changes])


class SlaTimerService:
    """Claims due SLA timers and carries them out; run one per process."""

    def __init__(
        self,
        store: Store,
        desk: OperatorDesk,
        policy: SlaPolicy,
        escalation: EscalationPolicy,
        texts: Texts,
        *,
        clock: Callable[[], float] = time.time,
        poll_seconds: float = 1.0,
        lease_seconds: float = 30.0,
        batch: int = 200,
        concurrency: int = 16,
    ) -> None:
        self.store = store
        self.desk = desk
        self.policy = policy
        self.escalation = escalation
        self.texts = texts
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.lease_seconds = lease_seconds
        self.batch = batch
        self._limit = asyncio.Semaphore(concurrency)
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        """Until stopped: recover stale claims, claim what is due, fire it."""
        while not self._stopping.is_set():
            try:
                handled = await self.tick()
            except Exception:
                log_failure(log, "SLA timer round failed; retrying")
                handled = 0
            if handled < self.batch:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), timeout=self.poll_seconds)

    async def tick(self) -> int:
        """One round; returns how many tickets were claimed."""
        now = self.clock()
        await self.store.sla_timers.recover(now)
        lease_until = now + self.lease_seconds
        claimed = await self.store.sla_timers.claim(now, lease_until, self.batch)
        await asyncio.gather(*(self._fire_claimed(t, lease_until) for t in claimed))
        return len(claimed)

    async def _fire_claimed(self, ticket_id: str, lease_until: float) -> None:
        async with self._limit:
            try:
                await self.fire(ticket_id)
            except Exception:
                # Left claimed: the lease runs out and the timer is tried again.
                log_failure(log, "SLA timer of %s failed", ticket_id)
                return
            await self.store.sla_timers.release(ticket_id, lease_until)

    async def fire(self, ticket_id: str) -> list[str]:
        """Carry out the ticket's due timers in one commit; the names of those fired."""
        now = self.clock()
        firing = Firing()

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            firing.fired.clear()
            firing.news.clear()
            firing.changes.clear()
            due = sla_clock.due_timers(ticket, now)
            if not due:
                raise NothingDue
            # Due together (the gateway was down past both): the breach says it all, a
            # warning that the same clock is about to run out would reach people after it.
            breached = {n.rsplit("_", 1)[0] for n in due if n.endswith("_breach")}
            for name in due:
                ticket.mark_fired(name)
                firing.fired.append(name)
                late = name.endswith("_warning") and name.rsplit("_", 1)[0] in breached
                self._carry_out(name, ticket, conv, tx, firing, now, quiet=late)

        try:
            await self.desk.change(ticket_id, SLA_ACTOR, "sla", apply, firing.inform, firing.detail)
        except (NothingDue, ActionRefused):
            ticket = await self.store.tickets.get(ticket_id)
            next_at = ticket.next_timer_at() if ticket else None
            if next_at is not None:
                await self.store.sla_timers.schedule_no_later(ticket_id, next_at)
            return []
        return list(firing.fired)

    def _carry_out(
        self,
        name: str,
        ticket: Ticket,
        conv: Conversation,
        tx: Transaction,
        firing: Firing,
        now: float,
        *,
        quiet: bool = False,
    ) -> None:
        if name == "promise_breach":
            # The time told after a breach passed too: the same notices and escalation
            # (a breach once more), not counted again in the reports' breaches per clock.
            clock = ticket.promise_clock
            self._alert(tx, ticket, "breach", clock)
            self._tell_on_duty(tx, ticket, "duty_breach", clock)
            self._escalate(ticket, conv, tx, firing, clock, now)
            return
        clock = name.rsplit("_", 1)[0]
        labels = (ticket.group.value, ticket.priority.value)
        reports = self.desk.service.reports
        if name.endswith(("_warning", "_breach")):
            reports.sla_event(tx, ticket, name, now)
        if name.endswith("_warning") and not quiet:
            metrics.SLA_WARNINGS.labels(*labels, clock).inc()
            self._alert(tx, ticket, "warning", clock)
            self._tell_on_duty(tx, ticket, "duty_warning", clock)
        elif name == "resolution_reminder":
            self._alert(tx, ticket, "reminder", clock, to=ticket.assignee)
        elif name.endswith("_breach"):
            metrics.SLA_BREACHES.labels(*labels, clock).inc()
            self._alert(tx, ticket, "breach", clock)
            self._tell_on_duty(tx, ticket, "duty_breach", clock)
            self._escalate(ticket, conv, tx, firing, clock, now)
        elif name == "autoclose_notice":
            firing.news.append("autoclose_notice")
        elif name == "autoclose":
            ticket.status = TicketStatus.CLOSED
            conv.owner = BOT_OWNER
            if conv.active_ticket == ticket.id:
                conv.active_ticket = ""
            firing.news.append("autoclosed")
            reports.autoclosed(tx, ticket, now)
            firing.changes.append("closed: no reply from the user")

    def _escalate(
        self,
        ticket: Ticket,
        conv: Conversation,
        tx: Transaction,
        firing: Firing,
        clock: str,
        now: float,
    ) -> None:
        """The breach actions of the policy, and a new honest promise to the user."""
        actions = self.escalation.actions(ticket.priority)
        moved = False
        if "raise_priority" in actions and ticket.priority in HIGHER:
            firing.changes.append(f"priority {ticket.priority}→{HIGHER[ticket.priority]}")
            ticket.priority = HIGHER[ticket.priority]
            firing.news.append("sla_late_priority")
            moved = True
        if "next_level" in actions and ticket.level in NEXT_LEVEL:
            firing.changes.append(f"level {ticket.level}→{NEXT_LEVEL[ticket.level]}")
            ticket.level = NEXT_LEVEL[ticket.level]
            ticket.status = TicketStatus.ESCALATED
            # As when an operator escalates: the ticket goes to the next level's queue.
            if ticket.assignee:
                firing.changes.append(f"released by {ticket.assignee}")
            ticket.assignee = ""
            conv.owner = BOT_OWNER
            firing.news.append("sla_late_escalated")
            moved = True
        lead = self.escalation.leads.get(ticket.group.value, "")
        if "notify_lead" in actions and lead:
            self._alert(tx, ticket, "breach", clock, to=lead, lead=True)
            firing.changes.append(f"lead {lead} notified")
            firing.news.append("sla_late_lead")
        if moved:
            # The promise that was broken is replaced by the new line's answer time.
            cal = self.policy.calendar(ticket.group, ticket.priority)
            promise = cal.add(now, self.policy.first_response[ticket.priority])
            if clock == "first_response":
                ticket.first_response_due = promise
            else:
                ticket.resolution_due = promise
            # Watched like the first: its own timer, fired once for this promise.
            ticket.promise_due, ticket.promise_clock = promise, clock
            ticket.unmark_fired("promise_breach")

    def _alert(
        self,
        tx: Transaction,
        ticket: Ticket,
        kind: str,
        clock: str,
        to: str = "",
        lead: bool = False,
    ) -> None:
        """A live notice for the console: the group's operators, or one person (`to`)."""
        event: dict[str, Any] = {
            "type": "sla_alert",
            "kind": kind,
            "clock": clock,
            "ticket": ticket.id,
            "group": ticket.group.value,
            "level": ticket.level.value,
            "priority": ticket.priority.value,
            "subject": ticket.subject,
            "due": _due(ticket, clock),
            "to": to,
            "lead": lead,
        }
        tx.events.append(event)

    def _tell_on_duty(self, tx: Transaction, ticket: Ticket, key: str, clock: str) -> None:
        """The on-duty Telegram chat and mailbox, each through its channel's outbound stream."""
        chat = self.escalation.on_duty_telegram_chat
        thread = self.escalation.on_duty_mail_thread
        if not chat and not thread:
            return
        lang = self.escalation.desk_language
        due = _due(ticket, clock)
        zone = self.policy.calendar(ticket.group, ticket.priority).zone
        text = self.texts.get(
            lang,
            key,
            ticket_id=ticket.id,
            group=ticket.group.value,
            priority=ticket.priority.value,
            clock=self.texts.get(lang, f"clock_{clock}"),
            when=datetime.fromtimestamp(due, zone).strftime("%d.%m %H:%M"),
            subject=ticket.subject,
        )
        if chat:
            tx.deliver("telegram", chat, OutboundMessage(text=text, author="system"))
        if thread:
            tx.deliver("email", thread, OutboundMessage(text=text, author=DUTY_AUTHOR))


def _due(ticket: Ticket, clock: str) -> float:
    return ticket.first_response_due if clock == "first_response" else ticket.resolution_due
