"""Tickets from monitoring alerts: a service beside `operations.py`.

One alert (source + dedupe key) is one ticket while it keeps coming back:
- firing opens the ticket, or updates it (labels, text, link);
- resolved adds a note and, when configured, resolves it; a Zabbix recovery closes it;
- firing again after a recovery reopens the same ticket and counts; once it has fired
  `flapping_after` times it is marked flapping and recoveries no longer resolve it, so
  a flapping check never floods or churns the queue;
- an alert that fires again long after its ticket was resolved opens a new ticket.
Every notification is written to the ticket's log, in one atomic commit with the
acknowledgement of the inbound entry.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from gateway.config import AlertSettings
from gateway.connectors.alert_payloads import FIRING, AlertNotice
from gateway.models import InboundMessage, Priority, SupportGroup, Ticket, TicketStatus
from gateway.reports.recorder import ReportRecorder
from gateway.store import (
    NO_FENCE,
    AlertDetails,
    CommitConflict,
    Fence,
    Store,
    Transaction,
)
from gateway.triage import sla_clock
from gateway.triage.alert_rules import AlertRouting
from gateway.triage.sla import SlaPolicy

log = logging.getLogger(__name__)

ACTOR = "monitoring"
MAX_RETRIES = 20
SUBJECT_CHARS = 120


def alert_routing(settings: AlertSettings) -> AlertRouting:
    return AlertRouting(
        tuple(settings.rules),
        SupportGroup(settings.default_group),
        Priority(settings.default_priority),
    )


class AlertIncidents(Protocol):
    """What alert intake needs of mass incidents (gateway.incidents.IncidentService)."""

    async def alert_fired(self, tx: Transaction, ticket: Ticket, service: str) -> None: ...

    async def alert_committed(self, ticket: Ticket, service: str) -> None: ...


class AlertTickets:
    """Applies alert notifications (inbound messages of kind "alert") to tickets."""

    def __init__(
        self,
        store: Store,
        settings: AlertSettings,
        sla: SlaPolicy,
        reports: ReportRecorder,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.settings = settings
        self.routing = alert_routing(settings)
        self.sla = sla
        self.reports = reports
        self.clock = clock
        self.incidents: AlertIncidents | None = None  # set by the runtime once built

    async def handle(
        self, msg: InboundMessage, fence: Fence = NO_FENCE, ack_ops: list[list[str]] | None = None
    ) -> Ticket | None:
        """Apply one notification; the ticket it is on (None: a recovery of nothing)."""
        for _ in range(MAX_RETRIES):
            try:
                return await self._apply(AlertNotice.from_message(msg), msg, fence, ack_ops or [])
            except CommitConflict:
                log.debug("alert ticket changed meanwhile; again")
        raise RuntimeError(f"alert ticket of {msg.chat_id} kept changing")

    async def _apply(
        self, notice: AlertNotice, msg: InboundMessage, fence: Fence, ack: list[list[str]]
    ) -> Ticket | None:
        now = self.clock()
        tx = Transaction()
        ticket, details = await self._current(notice, tx, now)
        log_key = ticket.conversation_key if ticket is not None else msg.conversation_key
        tx.transcript(log_key, _log_entry(notice, msg))
        if notice.status == FIRING:
            if ticket is None or details is None:
                ticket, details = await self._open(tx, notice, msg, now)
            else:
                self._fired(tx, ticket, details, notice, now)
        elif ticket is not None and details is not None:
            self._recovered(tx, ticket, details, notice, now)
        if ticket is not None and details is not None:
            ticket.updated_at = now
            if notice.status == FIRING and self.incidents is not None:
                # a child of its service's open incident: out of the queue (saved so)
                await self.incidents.alert_fired(tx, ticket, details.service)
            tx.save_ticket(ticket)
            self.store.alerts.record(tx, ticket.id, details)
        tx.ops.extend(ack)
        await self.store.commit(tx, fence)
        if (
            notice.status == FIRING
            and ticket is not None
            and details is not None
            and not ticket.parent
            and self.incidents is not None
        ):
            try:  # the alerts of its service may add up to an outage now
                await self.incidents.alert_committed(ticket, details.service)
            except Exception:  # the alert is applied: detection failing loses no alert
                log.exception("incident detection after alert %s failed", ticket.id)
        return ticket

    async def _current(
        self, notice: AlertNotice, tx: Transaction, now: float
    ) -> tuple[Ticket | None, AlertDetails | None]:
        """The alert's ticket, unless it was resolved too long ago to come back to."""
        ticket_id = await self.store.alerts.ticket_for(notice.source, notice.key)
        if not ticket_id and notice.series and notice.status == FIRING:
            ticket_id = await self.store.alerts.ticket_for(notice.source, notice.series)
        if not ticket_id:
            return None, None
        revision = await self.store.tickets.revision(ticket_id)
        ticket = await self.store.tickets.get(ticket_id)
        details = await self.store.alerts.details(ticket_id)
        if ticket is None or details is None:
            return None, None
        window = self.settings.reopen_within_minutes * 60
        if not ticket.status.is_active and now - ticket.resolved_at > window:
            return None, None
        tx.expect_ticket_revision(ticket_id, revision)
        return ticket, details

    async def _open(
        self, tx: Transaction, notice: AlertNotice, msg: InboundMessage, now: float
    ) -> tuple[Ticket, AlertDetails]:
        labels = {**notice.labels}
        labels.setdefault("severity", notice.severity)
        labels.setdefault("service", notice.service)
        group, priority = self.routing.route(labels)
        problem = notice.text or notice.title
        fields = {"problem": problem}
        if notice.service:
            fields["product"] = notice.service
        ticket = Ticket(
            id=await self.store.tickets.next_id(),
            conversation_key=msg.conversation_key,
            channel=msg.channel,
            chat_id=msg.chat_id,
            subject=notice.title[:SUBJECT_CHARS],
            group=group,
            priority=priority,
            topic="alert",
            language=self.settings.language,
            fields=fields,
            sources={name: f"alert from {notice.source}" for name in fields},
            reason="alert",
            created_at=now,
            updated_at=now,
        )
        sla_clock.start_clocks(ticket, self.sla, now)
        details = AlertDetails(
            source=notice.source, key=notice.key, series=notice.series, first_at=now
        )
        _take(details, notice, now)
        details.fires = 1
        tx.ticket_event(ticket.id, ACTOR, "opened", f"{notice.source} alert firing")
        self.reports.ticket_opened(tx, ticket, problem)
        return ticket, details

    def _fired(
        self,
        tx: Transaction,
        ticket: Ticket,
        details: AlertDetails,
        notice: AlertNotice,
        now: float,
    ) -> None:
        again = details.state != FIRING
        _take(details, notice, now)
        if ticket.fields.get("problem") != (notice.text or notice.title):
            ticket.fields["problem"] = notice.text or notice.title
        ticket.subject = notice.title[:SUBJECT_CHARS]
        if not again:
            tx.ticket_event(ticket.id, ACTOR, "alert_updated", "still firing")
            return
        details.fires += 1
        if details.fires >= self.settings.flapping_after and not details.flapping:
            details.flapping = True
            tx.ticket_event(ticket.id, ACTOR, "flapping", f"fired {details.fires} times")
        detail = f"fired again ({details.fires} times)"
        if not ticket.status.is_active:
            ticket.status, ticket.resolved_at = TicketStatus.OPEN, 0.0
            sla_clock.start_clocks(ticket, self.sla, now)
            if ticket.resolution_counted:
                # A person's resolution did not hold. One the monitoring system made alone
                # was no resolution in the reports, and a flapping alert's return is no
                # reopen of anyone's work.
                self.reports.reopened(tx, ticket, now)
            tx.ticket_event(ticket.id, ACTOR, "reopened", detail)
        else:
            tx.ticket_event(ticket.id, ACTOR, "alert_fired", detail)

    def _recovered(
        self,
        tx: Transaction,
        ticket: Ticket,
        details: AlertDetails,
        notice: AlertNotice,
        now: float,
    ) -> None:
        if details.state != FIRING:
            return  # a repeated recovery: already told
        _take(details, notice, now)
        details.resolves += 1
        details.resolved_at = now
        tx.ticket_note(
            ticket.id,
            {
                "at": now,
                "author": ACTOR,
                "author_name": notice.source,
                "text": f"{notice.title}: resolved",
            },
        )
        resolves = self.settings.resolve_on_recovery or notice.source == "zabbix"
        if details.flapping or not resolves or not ticket.status.is_active:
            why = "flapping: stays open" if details.flapping else "note only"
            tx.ticket_event(ticket.id, ACTOR, "alert_resolved", why)
            return
        # A Zabbix recovery closes the problem (Zabbix itself closes it); an Alertmanager
        # or generic recovery resolves the ticket.
        closes = notice.source == "zabbix"
        ticket.status = TicketStatus.CLOSED if closes else TicketStatus.RESOLVED
        ticket.resolved_at = now
        if ticket.assignee:
            # Someone took the ticket and worked on it: theirs. Untaken, the monitoring
            # system resolved it alone, and the report's figures are people's resolutions.
            self.reports.resolved(tx, ticket, ticket.assignee, now)
        tx.ticket_event(ticket.id, ACTOR, "closed" if closes else "resolved", "the alert recovered")


def _take(details: AlertDetails, notice: AlertNotice, now: float) -> None:
    """The latest word of the monitoring system on the alert."""
    details.state = notice.status
    details.key = notice.key  # a Zabbix trigger's latest problem: its recovery finds us
    details.title = notice.title
    details.service = notice.service or details.service
    details.severity = notice.severity or details.severity
    details.link = notice.link or details.link
    details.labels = notice.labels or details.labels
    details.last_at = now


def _log_entry(notice: AlertNotice, msg: InboundMessage) -> dict[str, object]:
    return {
        "direction": "in",
        "author": "monitoring",
        "author_name": notice.source,
        "text": f"[{notice.status}] {notice.title}\n{notice.text}".strip(),
        "message_id": msg.message_id,
        "kind": msg.kind,
    }
