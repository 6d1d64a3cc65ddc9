"""Mass incidents: one outage, one parent ticket, every reporter informed. A service
beside `operations.py`.

- **Detection.** Each new problem a user brings is counted in a sliding window of
  `window_minutes`, in the turn's own commit (`record`), as an `OutageReport`: the
  shared services it names, the products the checklist extracted, its specific
  knowledge-base topic and the words saying what is broken
  (`gateway.triage.outage_reports`). After the commit (`observe`) the reports of the
  window about the same outage are counted, one per user; two reports are one outage
  only by what they share, never by one broad word: "the CRM is down" and "my printer
  is down" never merge, nor do five different questions about mail. A firing alert for
  the service counts as one report. At `incidents.reports` an incident is declared
  (`auto_declare`), one per signature at a time; with `auto_declare: false` it is
  proposed instead: the console lists it live while the window still holds enough
  reports (re-counted, alerts too), and one click declares it (`declare_proposed`).
- **Declaring** (by detection or from the console) opens a parent ticket (P1 by default),
  links the reporters' open tickets as its children, subscribes the reporters and tells
  them at once (the dialog engine stops their checklist). The firing alert tickets of
  its services are linked as children too, and so are those that fire later.
- **Users who write meanwhile** are recognised by the dialog engine (it gets the open
  incidents in its `StepContext`); the conversation service subscribes them.
- **Updates and resolution** go to every subscriber on their own channel, in their
  language, in one atomic commit (so exactly once); the channel senders pace them.
  Resolving also resolves the linked children, except an alert ticket whose alert is
  still firing: it stays open (noted on it) until its recovery resolves it.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from gateway.config import IncidentSettings
from gateway.conversations import ConversationService
from gateway.dialogs.outages import OpenIncident
from gateway.dialogs.state import DialogState
from gateway.dialogs.turn import StepContext
from gateway.models import (
    TRANSCRIPT_CHANNELS,
    UNANSWERED_CHANNELS,
    Channel,
    OutboundMessage,
    Priority,
    SupportGroup,
    Ticket,
    TicketStatus,
)
from gateway.operations import ActionRefused, Actor
from gateway.store import CommitConflict, Incident, Transaction
from gateway.texts import LANGUAGES
from gateway.triage import sla_clock
from gateway.triage.outage_reports import OutageReport, ReportReader
from gateway.triage.services import ServiceCatalog

NewProblem = tuple[str, str, str]  # a problem the dialog took up: text, topic, products

log = logging.getLogger(__name__)

CHANNEL = Channel.INCIDENTS.value  # the parent tickets' channel: nobody to answer there
DETECTION = "detection"
MAX_RETRIES = 20
BROADCAST_CHUNK = 500  # subscribers told per commit
# Resolving an incident leaves a still-firing alert's ticket open: the people say it is
# over, the monitoring does not yet; its recovery resolves it (or an operator does).
ALERT_STILL_FIRING = "the incident is resolved, but its alert is still firing"


def described(report: OutageReport) -> tuple[str, list[str], str]:
    """The title, services and topic of an incident detection forms on a report."""
    if report.services:
        return ", ".join(sorted(report.services)).upper(), sorted(report.services), ""
    if report.products:
        return ", ".join(sorted(report.products)).title(), [], ""
    if report.topic:
        return report.topic.replace("_", " "), [], report.topic
    return report.text[:80], [], ""


def open_incident(incident: Incident) -> OpenIncident:
    """What the dialog engine is told of an incident."""
    return OpenIncident(
        id=incident.id,
        title=incident.title,
        services=frozenset(incident.services),
        topic=incident.topic,
        samples=tuple(incident.samples),
        anchor=OutageReport.from_json(incident.anchor) if incident.anchor else None,
        notices={k: v for k, v in incident.messages.items() if v},
    )


class IncidentService:
    """Detects, declares, updates and resolves mass incidents."""

    def __init__(
        self,
        service: ConversationService,
        settings: IncidentSettings,
        catalog: ServiceCatalog,
        desk_language: str = "en",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.service = service
        self.store = service.store
        self.engine = service.engine
        self.texts = service.engine.texts
        self.settings = settings
        self.catalog = catalog
        self.reader = ReportReader(catalog, settings.similarity)
        self.desk_language = desk_language
        self.clock = clock

    # --- what the dialog engine is given --------------------------------------------------

    async def open_incidents(self) -> tuple[OpenIncident, ...]:
        if not self.settings.enabled:
            return ()
        out = []
        for incident_id in await self.store.incidents.open_ids():
            incident = await self.store.incidents.get(incident_id)
            if incident is not None and incident.status == "open":
                out.append(open_incident(incident))
        return tuple(out)

    # --- detection ------------------------------------------------------------------------

    def record(
        self, tx: Transaction, conversation_key: str, problem: NewProblem
    ) -> OutageReport | None:
        """Count a user's new problem in the detection window, in the turn's own commit (a
        crash after it loses no report: the next related report weighs it)."""
        if not self.settings.enabled:
            return None
        now = self.clock()
        report = self.reader.read(conversation_key, *problem, at=now)
        if report is not None:
            ttl = self.settings.window_minutes * 60 + 60
            self.store.incidents.add_report(tx, conversation_key, report.to_json(), now, ttl)
        return report

    async def observe(self, report: OutageReport) -> Incident | None:
        """After the turn's commit: declare (or propose) the outage `report` completes."""
        if not self.settings.enabled or await self._covered(report):
            return None
        for anchor in _one_service_each(report):
            cluster = await self._cluster(anchor)
            evidence = await self._alert_evidence(anchor)
            if len(cluster) + evidence < self.settings.reports:
                continue
            # Named by the first report of the outage, so every later report of it (in
            # any worker) names the same one, and one proposal is updated, not several.
            first = min(cluster, key=lambda r: r.at) if not anchor.services else anchor
            signature = self.reader.signature(first)
            if await self.store.incidents.signature_holder(signature):
                continue
            title, services, topic = described(first)
            if not self.settings.auto_declare:  # proposed: an operator declares it
                tx = Transaction()
                self.store.incidents.propose(
                    tx,
                    signature,
                    {"signature": signature, "title": title, "services": services,
                     "reports": len(cluster), "alerts": evidence,
                     "samples": [r.text for r in cluster[:5]], "at": self.clock(),
                     "anchor": first.to_json()},
                )  # fmt: skip
                await self.store.commit(tx)
                continue
            return await self.declare(
                title=title,
                services=services,
                topic=topic,
                messages={},
                by=Actor(DETECTION),
                reporters=[r.conversation for r in cluster],
                samples=[r.text for r in cluster],
                signature=signature,
                anchor=first,
                why=f"{len(cluster)} users reported it, {evidence} alerts firing",
            )
        return None

    async def _covered(self, report: OutageReport) -> bool:
        """An open incident is about this report already (its reporters were joined to it
        or said it was something else)."""
        for incident in await self.open_incidents():
            if report.services & incident.services:
                return True
            if incident.anchor is not None and self.reader.related(report, incident.anchor):
                return True
        return False

    async def _cluster(self, anchor: OutageReport) -> list[OutageReport]:
        """The reports in the window about the same outage as `anchor`, one per user,
        `anchor` first."""
        since = self.clock() - self.settings.window_minutes * 60
        out = [anchor]
        for raw in await self.store.incidents.window(since):
            report = OutageReport.from_json(raw)
            if report.conversation != anchor.conversation and self.reader.related(anchor, report):
                out.append(report)
        return out

    async def _alert_evidence(self, report: OutageReport) -> int:
        if not report.services or not self.settings.alert_counts:
            return 0
        firing = await self.store.alerts.firing_services()
        return sum(1 for s in firing.values() if report.services & self.catalog.of_alert(s))

    # --- declaring ------------------------------------------------------------------------

    async def proposals(self) -> list[dict[str, Any]]:
        """Incidents detection proposes (with `auto_declare: false`), re-counted now: the
        reports still in the window and the alerts still firing. Proposals no longer
        backed by enough of them are forgotten."""
        if not self.settings.enabled:
            return []
        current, stale = [], []
        for signature, proposal in (await self.store.incidents.proposals()).items():
            anchor = _anchor(proposal)
            if anchor is None:
                stale.append(signature)
                continue
            reports = len(await self._cluster(anchor))
            alerts = await self._alert_evidence(anchor)
            if reports + alerts >= self.settings.reports:
                current.append({**proposal, "reports": reports, "alerts": alerts})
            else:
                stale.append(signature)
        await self.store.incidents.forget_proposals(stale)
        return sorted(current, key=lambda p: -float(p.get("at", 0)))

    async def declare_proposed(
        self, signature: str, by: Actor, messages: dict[str, str], title: str = ""
    ) -> Incident:
        """Declare what detection proposed: its reporters are brought in as if detected."""
        current = {p["signature"]: p for p in await self.proposals()}
        proposal = current.get(signature)
        anchor = _anchor(proposal) if proposal else None
        if proposal is None or anchor is None:
            raise ActionRefused(f"no proposal {signature[:60]}", "no_proposal")
        cluster = await self._cluster(anchor)
        default_title, services, topic = described(anchor)
        return await self.declare(
            title=title or default_title,
            services=services,
            topic=topic,
            messages=messages,
            by=by,
            reporters=[r.conversation for r in cluster],
            samples=[r.text for r in cluster],
            signature=signature,
            anchor=anchor,
            why=f"proposed: {len(cluster)} users reported it, {proposal['alerts']} alerts firing",
        )

    async def declare(
        self,
        *,
        title: str,
        services: list[str],
        messages: dict[str, str],
        by: Actor,
        topic: str = "",
        reporters: Iterable[str] = (),
        samples: Iterable[str] = (),
        signature: str = "",
        anchor: OutageReport | None = None,
        why: str = "",
    ) -> Incident:
        """Open the parent ticket and the incident; subscribe and tell the reporters."""
        title = title.strip()
        if not title:
            raise ActionRefused("the incident needs a title", "incident_title")
        services = sorted({s.strip().lower() for s in services if s.strip()})
        messages = {lang: text.strip() for lang, text in messages.items() if lang in LANGUAGES}
        now = self.clock()
        incident_id = await self.store.tickets.next_id()
        sigs = [signature] if signature else [f"service:{s}" for s in services]
        for sig in sigs:
            holder = await self.store.incidents.claim_signature(sig, incident_id)
            if holder != incident_id:
                existing = await self.store.incidents.get(holder)
                if existing is not None and existing.status == "open":
                    return existing
        incident = Incident(
            id=incident_id,
            title=title,
            services=services,
            topic=topic,
            messages=messages,
            samples=list(samples)[:20],
            signatures=sigs,
            anchor=anchor.to_json() if anchor is not None else "",
            declared_by=by.login,
            declared_at=now,
        )
        parent = self._parent_ticket(incident, now)
        tx = Transaction()
        tx.save_ticket(parent)
        tx.ticket_event(parent.id, by.login, "opened", f"mass incident: {why or 'declared'}")
        for ticket_id, service in (await self.store.alerts.firing_services()).items():
            if set(services) & self.catalog.of_alert(service):
                self._link_alert(tx, incident.id, ticket_id, by.login)
        self.service.reports.ticket_opened(tx, parent, title)
        self.store.incidents.save(tx, incident)
        self.store.incidents.drop_proposals(tx, sigs)
        self._log(tx, incident.id, "declared", by, why, messages)
        await self.store.commit(tx)
        told = 0
        for key in dict.fromkeys(reporters):
            told += await self._bring_in(incident, key, by)
        log.info("incident declared", extra={"incident": incident.id, "reporters": told})
        return incident

    def _parent_ticket(self, incident: Incident, now: float) -> Ticket:
        group = next(
            (self.catalog.group_of(s) for s in incident.services if self.catalog.group_of(s)),
            SupportGroup.SOFTWARE.value,
        )
        fields = {"problem": incident.samples[0] if incident.samples else incident.title}
        if incident.services:
            fields["product"] = ", ".join(incident.services)
        ticket = Ticket(
            id=incident.id,
            conversation_key=f"{CHANNEL}:{incident.id}",
            channel=CHANNEL,
            chat_id=incident.id,
            subject=f"{incident.title}"[:120],
            group=SupportGroup(group),
            priority=Priority(self.settings.priority),
            topic="incident",
            language=self.desk_language,
            fields=fields,
            sources={name: "mass incident" for name in fields},
            reason="incident",
            created_at=now,
            updated_at=now,
        )
        sla_clock.start_clocks(ticket, self.service.sla, now)
        return ticket

    async def _bring_in(self, incident: Incident, conversation_key: str, by: Actor) -> int:
        """Subscribe a reporter, link their open tickets, tell them (once)."""
        for _ in range(MAX_RETRIES):
            conv = await self.store.conversations.get(conversation_key)
            if conv is None or await self.store.incidents.is_subscribed(incident.id, conv.key):
                return 0
            now = self.clock()
            tx = Transaction()
            self.store.incidents.subscribe(tx, incident.id, conv.key)
            for ticket in await self.store.tickets.for_conversation(conv.key):
                if ticket.channel not in UNANSWERED_CHANNELS and ticket.id != incident.id:
                    self.link_child(tx, incident.id, ticket, by.login)
            if conv.bot_owns:
                state = DialogState.from_dict(conv.state)
                ctx = StepContext(now=now, incidents=(open_incident(incident),))
                result = self.engine.incident_declared(state, open_incident(incident), ctx)
                conv.state = result.state.to_dict()
                self.service.queue_replies(tx, conv, result.replies)
            self.store.conversations.save(tx, conv, now)
            try:
                await self.store.commit(tx)
                return 1
            except CommitConflict:
                continue
        log.warning("could not bring a reporter into incident %s", incident.id)
        return 0

    async def alert_fired(self, tx: Transaction, ticket: Ticket, service: str) -> None:
        """An alert of an incident's service fired after it was declared: its ticket
        becomes a child of the incident (in the alert's own commit)."""
        if not self.settings.enabled or not service:
            return
        about = self.catalog.of_alert(service)
        for incident in await self.open_incidents():
            if incident.services & about and ticket.id not in await self.store.incidents.children(
                incident.id
            ):
                self._link_alert(tx, incident.id, ticket.id, "monitoring")

    def _link_alert(self, tx: Transaction, incident_id: str, ticket_id: str, actor: str) -> None:
        self.store.incidents.link_child(tx, incident_id, ticket_id)
        tx.ticket_event(ticket_id, actor, "linked", f"alert of mass incident {incident_id}")
        tx.ticket_event(incident_id, actor, "child_linked", f"{ticket_id} (alert)")

    def link_child(self, tx: Transaction, incident_id: str, ticket: Ticket, actor: str) -> None:
        """A user's open ticket becomes a child of the incident's parent ticket."""
        self.store.incidents.link_child(tx, incident_id, ticket.id)
        tx.ticket_event(ticket.id, actor, "linked", f"child of mass incident {incident_id}")
        tx.ticket_event(incident_id, actor, "child_linked", ticket.id)

    # --- what operators do ----------------------------------------------------------------

    async def update(self, incident_id: str, actor: Actor, messages: dict[str, str]) -> int:
        """Tell every subscriber the news; returns how many were told."""
        messages = _messages(messages)
        if not messages:
            raise ActionRefused("the update is empty", "empty_update")
        return await self._broadcast(incident_id, actor, "update", messages)

    async def resolve(
        self, incident_id: str, actor: Actor, messages: dict[str, str] | None = None
    ) -> int:
        """The outage is over: tell every subscriber, resolve the parent and its children."""
        return await self._broadcast(incident_id, actor, "resolved", _messages(messages or {}))

    async def _broadcast(
        self, incident_id: str, actor: Actor, kind: str, messages: dict[str, str]
    ) -> int:
        """Tell every subscriber once, in commits of BROADCAST_CHUNK (a commit blocks Redis
        while it runs), then record the change in a last commit that also tells whoever
        subscribed meanwhile. Who was told is kept per round, so a broadcast retried
        after a failure tells nobody twice."""
        incident = await self._open(incident_id)
        round_ = "resolved" if kind == "resolved" else f"update:{incident.updates + 1}"
        told = 0
        while True:
            done = await self.store.incidents.told(incident.id, round_)
            pending = [
                k for k in await self.store.incidents.subscribers(incident.id) if k not in done
            ]
            if len(pending) <= BROADCAST_CHUNK:
                break
            tx = Transaction()
            self.store.incidents.expect_status(tx, incident.id, "open")
            chunk = pending[:BROADCAST_CHUNK]
            sent = await self._tell(tx, incident, kind, messages, chunk, self.clock())
            self.store.incidents.mark_told(tx, incident.id, round_, chunk)
            try:
                await self.store.commit(tx)
            except CommitConflict:
                incident = await self._open(incident_id)  # refused if it is over meanwhile
                continue
            told += sent
        for _ in range(MAX_RETRIES):
            incident = await self._open(incident_id)
            now = self.clock()
            tx = Transaction()
            self.store.incidents.expect_status(tx, incident.id, "open")
            done = await self.store.incidents.told(incident.id, round_)
            rest = [k for k in await self.store.incidents.subscribers(incident.id) if k not in done]
            sent = await self._tell(tx, incident, kind, messages, rest, now)
            self.store.incidents.mark_told(tx, incident.id, round_, rest)
            if kind == "resolved":
                await self._close(tx, incident, actor, now)
            else:
                incident.messages = {**incident.messages, **messages}
                incident.updates += 1
                self.store.incidents.save(tx, incident)
            total = told + sent
            self._log(tx, incident.id, kind, actor, f"{total} users told", messages)
            tx.ticket_event(incident.id, actor.login, f"incident_{kind}", f"{total} told")
            try:
                await self.store.commit(tx)
                return total
            except CommitConflict:
                continue
        raise ActionRefused(f"incident {incident_id} kept changing; try again", "busy")

    async def _open(self, incident_id: str) -> Incident:
        incident = await self.store.incidents.get(incident_id)
        if incident is None:
            raise ActionRefused(f"no incident {incident_id}", "no_incident", id=incident_id)
        if incident.status != "open":
            raise ActionRefused(
                f"incident {incident_id} is already {incident.status}",
                "incident_over",
                id=incident_id,
            )
        return incident

    async def _tell(
        self,
        tx: Transaction,
        incident: Incident,
        kind: str,
        messages: dict[str, str],
        subscribers: list[str],
        now: float,
    ) -> int:
        """One message per subscriber in their language, queued for their channel (whose
        sender keeps to the channel's rate limits)."""
        told = 0
        for key, language, blocked in await self.store.incidents.conversations(subscribers):
            channel, _, chat_id = key.partition(":")
            lang = language if language in LANGUAGES else self.desk_language
            reply = OutboundMessage(
                text=self._text(incident, kind, messages, lang), author="system"
            )
            entry = {"direction": "out", "author": "system", "text": reply.text,
                     "buttons": [], "attachments": [], "incident": incident.id}  # fmt: skip
            tx.transcript(key, entry)  # the web chat shows it from here
            if blocked:
                continue
            if channel in TRANSCRIPT_CHANNELS:
                told += 1  # committed is shown: its sockets push the transcript
            elif channel not in self.service.direct_channels:
                tx.deliver(channel, chat_id, reply)
                told += 1
        return told

    def _text(self, incident: Incident, kind: str, messages: dict[str, str], lang: str) -> str:
        message = messages.get(lang) or messages.get("en") or next(iter(messages.values()), "")
        if kind == "update":
            return self.texts.get(lang, "incident_update", title=incident.title, message=message)
        text = self.texts.get(lang, "incident_resolved", title=incident.title)
        return f"{text}\n\n{message}" if message else text

    async def _close(self, tx: Transaction, incident: Incident, actor: Actor, now: float) -> None:
        incident.status, incident.resolved_at = "resolved", now
        self.store.incidents.save(tx, incident)
        self.store.incidents.release_signatures(tx, incident.signatures)
        firing = await self.store.alerts.firing_services()
        for ticket_id in [incident.id, *await self.store.incidents.children(incident.id)]:
            ticket = await self.store.tickets.get(ticket_id)
            if ticket is None or not ticket.status.is_active:
                continue
            if ticket_id in firing:  # the monitoring still sees it: its recovery closes it
                tx.ticket_event(ticket.id, actor.login, "kept_open", ALERT_STILL_FIRING)
                continue
            tx.expect_ticket_revision(ticket.id, await self.store.tickets.revision(ticket.id))
            ticket.status, ticket.resolved_at, ticket.updated_at = TicketStatus.RESOLVED, now, now
            self.service.reports.resolved(tx, ticket, ticket.assignee or actor.login, now)
            tx.save_ticket(ticket)
            detail = "the outage is over" if ticket.id == incident.id else f"with {incident.id}"
            tx.ticket_event(ticket.id, actor.login, "resolved", detail)

    def _log(
        self,
        tx: Transaction,
        incident_id: str,
        kind: str,
        actor: Actor,
        detail: str,
        messages: dict[str, str],
    ) -> None:
        entry: dict[str, Any] = {
            "at": self.clock(),
            "kind": kind,
            "by": actor.login,
            "by_name": actor.display,
            "detail": detail,
        }
        if messages:
            entry["messages"] = messages
        self.store.incidents.log(tx, incident_id, entry)


def _one_service_each(report: OutageReport) -> list[OutageReport]:
    """A report naming several services counts towards an outage of each, separately."""
    if len(report.services) < 2:
        return [report]
    return [dataclasses.replace(report, services=frozenset({s})) for s in sorted(report.services)]


def _anchor(proposal: dict[str, Any]) -> OutageReport | None:
    raw = proposal.get("anchor")
    return OutageReport.from_json(raw) if isinstance(raw, str) and raw else None


def _messages(messages: dict[str, str]) -> dict[str, str]:
    return {
        lang: text.strip() for lang, text in messages.items() if lang in LANGUAGES and text.strip()
    }
