"""Mass incidents: one outage, one parent ticket, every reporter informed. A service
beside `operations.py`.

- **Detection** (`gateway.incident_detection`): users' reports of one outage within the
  window, weighed by what they share, and firing alerts of its service, declare an
  incident, or propose one to the operators (`auto_declare: false`).
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

import asyncio
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from gateway.config import IncidentSettings
from gateway.conversations import ConversationService
from gateway.dialogs.outages import OpenIncident
from gateway.dialogs.state import DialogState
from gateway.dialogs.turn import StepContext
from gateway.incident_detection import (
    DETECTION,
    Look,
    NewProblem,
    OutageDetection,
    described,
)
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
from gateway.triage.language import detect_language
from gateway.triage.outage_reports import OutageReport
from gateway.triage.services import ServiceCatalog

log = logging.getLogger(__name__)

CHANNEL = Channel.INCIDENTS.value  # the parent tickets' channel: nobody to answer there
MAX_RETRIES = 20
BROADCAST_CHUNK = 500  # subscribers told per commit
# A signature claimed by a declaration whose commit has not landed yet: waited for so long.
DECLARING_WAITS, DECLARING_WAIT_SECONDS = 50, 0.02
# Beside this key (a conversation's, for its slot) a console declaration's once-mark is
# kept: the incident has no conversation of its own until its number is drawn.
DECLARATIONS = f"{CHANNEL}:declarations"
# Resolving an incident leaves a still-firing alert's ticket open: the people say it is
# over, the monitoring does not yet; its recovery resolves it (or an operator does).
ALERT_STILL_FIRING = "the incident is resolved, but its alert is still firing"


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
        titles=dict(incident.titles),
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
        self.desk_language = desk_language
        self.clock = clock
        self._told: tuple[Sequence[Incident], tuple[OpenIncident, ...]] | None = None
        # A late alert is adopted by two looks at once, its own after its commit and the
        # declaration's sweep: each reads the children, then links. One at a time in this
        # process; across gateways each link expects the parent it read (`_adopt`).
        self._adopting = asyncio.Lock()
        self.detection = OutageDetection(
            self.store,
            settings,
            catalog,
            self.declare,
            self.join,
            self.open_incidents,
            clock=lambda: self.clock(),  # the service's clock, even when replaced
        )

    # --- what the dialog engine is given --------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Whether turns are told of open incidents (and their reports counted)."""
        return self.settings.enabled

    async def open_incidents(self) -> tuple[OpenIncident, ...]:
        return self.told(await self.store.incidents.open()) if self.settings.enabled else ()

    def told(self, stored: Sequence[Incident]) -> tuple[OpenIncident, ...]:
        """What the dialog engine is told of the open incidents read from the store; for
        the incidents the turn before was told of (the store hands turns the same tuple
        while they are unchanged), what it was told."""
        if not self.enabled:
            return ()
        if self._told is None or self._told[0] is not stored:
            self._told = (stored, tuple(open_incident(incident) for incident in stored))
        return self._told[1]

    # --- detection (gateway.incident_detection) ----------------------------------------

    def record(
        self, tx: Transaction, conversation_key: str, problem: NewProblem
    ) -> OutageReport | None:
        """Count a user's new problem, in the turn's commit."""
        return self.detection.record(tx, conversation_key, problem)

    def look(self, stepped: tuple[OpenIncident, ...] | None = None) -> Look:
        """A look at the store for a group of reports; `stepped` the open incidents as
        the group's turns read them (and were stepped with)."""
        return Look(stepped=stepped, incidents=stepped)

    async def observe(self, report: OutageReport, look: Look | None = None) -> Incident | None:
        """After the turn's commit: declare (or propose) the outage `report` completes,
        or bring its user into the open incident it is about."""
        declared = await self.detection.observe(report, look)
        if declared is not None and look is not None:
            look.declared(open_incident(declared))
        return declared

    async def proposals(self) -> list[dict[str, Any]]:
        """What detection proposes (`auto_declare: false`), re-counted now."""
        return await self.detection.proposals()

    async def declare_proposed(
        self,
        signature: str,
        by: Actor,
        messages: dict[str, str],
        title: str = "",
        *,
        action_id: str = "",
    ) -> Incident:
        """Declare a proposal: its reporters are brought in as if detected. A repeat of
        the operator's action `action_id` is answered the incident it declared (the
        proposal is gone by then)."""
        if action_id and (done := await self._declared(by, action_id)) is not None:
            return done
        return await self.detection.declare_proposed(
            signature, by, messages, title, action_id=action_id
        )

    # --- declaring ------------------------------------------------------------------------

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
        action_id: str = "",
    ) -> Incident:
        """Open the parent ticket and the incident; subscribe and tell the reporters.

        The operator's action named by `action_id` (the console's, one per click) declares
        once: a repeat of it (the console's retry after a lost answer, a double click) is
        answered the incident it declared."""
        if action_id and (done := await self._declared(by, action_id)) is not None:
            return done
        title = title.strip()
        if not title:
            raise ActionRefused("the incident needs a title", "incident_title")
        services = sorted({s.strip().lower() for s in services if s.strip()})
        samples = list(samples)
        # named as detection names it (not by an operator's own title): in each language
        named = anchor is not None and title == described(anchor)[0]
        messages = {lang: text.strip() for lang, text in messages.items() if lang in LANGUAGES}
        now = self.clock()
        incident_id = await self.store.tickets.next_id()
        sigs = [signature] if signature else [f"service:{s}" for s in services]
        for sig in sigs:
            holder = await self.store.incidents.claim_signature(sig, incident_id)
            if holder != incident_id:
                existing = await self._declared_by_other(holder)
                if existing is not None and existing.status == "open":
                    for key in dict.fromkeys(reporters):  # declared by another meanwhile
                        await self._bring_in(existing.id, key, by)
                    return existing
        incident = Incident(
            id=incident_id,
            title=title,
            services=services,
            topic=topic,
            messages=messages,
            samples=samples[:20],
            signatures=sigs,
            anchor=anchor.to_json() if anchor is not None else "",
            titles=self._titles(anchor, samples) if anchor is not None and named else {},
            declared_by=by.login,
            declared_at=now,
        )
        parent = self._parent_ticket(incident, now)
        tx = Transaction()
        tx.save_ticket(parent)
        tx.ticket_event(parent.id, by.login, "opened", f"mass incident: {why or 'declared'}")
        for ticket_id in await self._alerts_firing_of(services):
            self._link_alert(tx, incident.id, ticket_id, by.login)
        self.service.reports.ticket_opened(tx, parent, title)
        self.store.incidents.save(tx, incident)
        self.store.incidents.drop_proposals(tx, sigs)
        self._log(tx, incident.id, "declared", by, why, messages)
        if action_id:
            tx.apply_once(_declaration(by, action_id), DECLARATIONS, incident.id)
        await self.store.commit(tx)
        # The same click, sent beside this one, may have been applied first: its incident.
        done = await self._declared(by, action_id) if action_id else None
        if done is not None and done.id != incident.id:
            return done
        await self._adopt_fired_meanwhile(incident)
        told = 0
        for key in dict.fromkeys(reporters):
            told += await self._bring_in(incident.id, key, by)
        log.info("incident declared", extra={"incident": incident.id, "reporters": told})
        return incident

    async def _alerts_firing_of(
        self, services: Iterable[str], linked: Iterable[str] = ()
    ) -> list[str]:
        """The tickets of the alerts of `services` firing now, but those `linked`."""
        about, skip = set(services), set(linked)
        firing = await self.store.alerts.firing_services()
        return [
            ticket_id
            for ticket_id, service in firing.items()
            if ticket_id not in skip and about & self.catalog.of_alert(service)
        ]

    async def _adopt_fired_meanwhile(self, incident: Incident) -> None:
        """An alert of its services committed after the declaration read what fires, whose
        own look after its commit came before the declaration's commit (no incident yet):
        adopted now, so a storm declared while it goes on leaves none of its alerts queued."""
        async with self._adopting:
            late = await self._alerts_firing_of(
                incident.services, await self.store.incidents.children(incident.id)
            )
            await self._adopt(incident.id, late)

    async def _declared_by_other(self, holder: str) -> Incident | None:
        """The incident another declaration claimed the signature for, once its commit
        lands (claimed just before; an alert storm declares from many alerts at once):
        a moment's wait, not a second incident of one outage."""
        for _ in range(DECLARING_WAITS):
            existing = await self.store.incidents.get(holder)
            if existing is not None:
                return existing
            await asyncio.sleep(DECLARING_WAIT_SECONDS)
        return None

    async def join(self, incident_id: str, conversation_key: str) -> int:
        """Bring a reporter detection found late into an open incident (once)."""
        return await self._bring_in(incident_id, conversation_key, Actor(DETECTION))

    async def _declared(self, by: Actor, action_id: str) -> Incident | None:
        """The incident the operator's action `action_id` declared; None if it did not."""
        declared = await self.store.applied_outcome(DECLARATIONS, _declaration(by, action_id))
        return await self.store.incidents.get(declared) if declared else None

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

    async def _bring_in(self, incident_id: str, conversation_key: str, by: Actor) -> int:
        """Subscribe a reporter to the incident while it is open, link their open
        tickets, tell them (once)."""
        for _ in range(MAX_RETRIES):
            # One round trip (a reporter joining an open outage: a turn of every user
            # who reports it once it is declared).
            incident, conv, tickets, subscribed = await self.store.subscriber_reads(
                incident_id, conversation_key
            )
            if incident is None or conv is None or subscribed:
                return 0
            now = self.clock()
            tx = Transaction()
            self.store.incidents.subscribe(tx, incident.id, conv.key)
            for ticket in tickets:
                if ticket.channel not in UNANSWERED_CHANNELS and ticket.id != incident.id:
                    self.link_child(tx, incident.id, ticket, by.login)
            if conv.bot_owns:
                state = DialogState.from_dict(conv.state)
                ctx = StepContext(now=now, incidents=(open_incident(incident),))
                result = self.engine.incident_declared(state, open_incident(incident), ctx)
                conv.state = result.state.stored()
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
        """An alert of an open incident's service fired: its ticket becomes a child of the
        incident (in the alert's own commit, before the ticket is saved), out of the
        queue; a child of an incident no longer open comes back to the queue."""
        if not self.settings.enabled:
            return
        incidents = await self.open_incidents()
        if ticket.parent and all(incident.id != ticket.parent for incident in incidents):
            ticket.parent = ""  # its incident is over: the alert is on its own again
        if ticket.parent or not service:
            return
        about = self.catalog.of_alert(service)
        for incident in incidents:
            if incident.services & about:
                self._link_alert(tx, incident.id, ticket.id, "monitoring")
                ticket.parent = incident.id
                return

    async def alert_committed(self, ticket: Ticket, service: str) -> None:
        """After a firing alert's commit, its ticket on its own: an incident of its service
        declared meanwhile adopts it; else the alerts of its service firing now may add up
        to an outage (`OutageDetection.alerts_firing`)."""
        if not self.settings.enabled or not service:
            return
        about = self.catalog.of_alert(service)
        for incident in await self.open_incidents():
            if incident.services & about:
                async with self._adopting:
                    if ticket.id not in await self.store.incidents.children(incident.id):
                        await self._adopt(incident.id, [ticket.id])
                return
        await self.detection.alerts_firing(about)

    async def _adopt(self, incident_id: str, ticket_ids: list[str]) -> None:
        """Alerts that fired on their own become the incident's children, each in a commit
        of its own expecting the alert's parent as read here: of two gateways that both
        read it unlinked, one links it and the other's commit conflicts and is left."""
        txs = []
        for ticket in await self.store.tickets.many(ticket_ids):
            if ticket.parent != incident_id:
                tx = Transaction()
                self._link_alert(tx, incident_id, ticket.id, "monitoring", ticket.parent)
                txs.append(tx)
        await self.store.commit_many(txs)  # a conflict: linked by another gateway meanwhile

    def _link_alert(
        self,
        tx: Transaction,
        incident_id: str,
        ticket_id: str,
        actor: str,
        parent_was: str | None = None,
    ) -> None:
        self.store.incidents.adopt_alert(tx, incident_id, ticket_id, parent_was)
        tx.ticket_event(ticket_id, actor, "linked", f"alert of mass incident {incident_id}")
        tx.ticket_event(incident_id, actor, "child_linked", f"{ticket_id} (alert)")

    def link_child(self, tx: Transaction, incident_id: str, ticket: Ticket, actor: str) -> None:
        """A user's open ticket becomes a child of the incident's parent ticket."""
        self.store.incidents.link_child(tx, incident_id, ticket.id)
        tx.ticket_event(ticket.id, actor, "linked", f"child of mass incident {incident_id}")
        tx.ticket_event(incident_id, actor, "child_linked", ticket.id)

    # --- what operators do ----------------------------------------------------------------

    async def update(
        self, incident_id: str, actor: Actor, messages: dict[str, str], *, action_id: str = ""
    ) -> int:
        """Tell every subscriber the news; returns how many were told."""
        messages = _messages(messages)
        if not messages:
            raise ActionRefused("the update is empty", "empty_update")
        return await self._broadcast(incident_id, actor, "update", messages, action_id)

    async def resolve(
        self,
        incident_id: str,
        actor: Actor,
        messages: dict[str, str] | None = None,
        *,
        action_id: str = "",
    ) -> int:
        """The outage is over: tell every subscriber, resolve the parent and its children."""
        messages = _messages(messages or {})
        return await self._broadcast(incident_id, actor, "resolved", messages, action_id)

    async def _broadcast(
        self, incident_id: str, actor: Actor, kind: str, messages: dict[str, str], action_id: str
    ) -> int:
        """Tell every subscriber once, in commits of BROADCAST_CHUNK (a commit blocks Redis
        while it runs), then record the change in a last commit that also tells whoever
        subscribed meanwhile. Who was told is kept per round, so a broadcast retried
        after a failure tells nobody twice. The operator's action named by `action_id` is
        done once: a repeat of it (the console's retry) is answered how many were told."""
        parent = f"{CHANNEL}:{incident_id}"  # the parent ticket's conversation
        once = f"incident_{kind}:{actor.login}:{action_id}"
        if action_id and (done := await self.store.applied_outcome(parent, once)) is not None:
            return int(done)
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
            if action_id:
                tx.apply_once(once, parent, str(total))
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

    def _titles(self, anchor: OutageReport, samples: list[str]) -> dict[str, str]:
        """An outage detection names, in each language users are told in: a service's or a
        product's name is every language's; a knowledge-base topic is its article's title
        in each; the reporters' own words are theirs, the first report in each language."""
        if anchor.services or anchor.products:
            return {}
        if anchor.topic:
            article = self.engine.flow.knowledge.article(anchor.topic)
            return {lang: article.title_for(lang) for lang in LANGUAGES} if article else {}
        titles: dict[str, str] = {}
        for text in [anchor.text, *samples]:
            titles.setdefault(detect_language(text), text.strip()[:80])
        return titles

    def _text(self, incident: Incident, kind: str, messages: dict[str, str], lang: str) -> str:
        message = messages.get(lang) or messages.get("en") or next(iter(messages.values()), "")
        title = incident.title_for(lang) or self.texts.get(lang, "incident_reported")
        if kind == "update":
            return self.texts.get(lang, "incident_update", title=title, message=message)
        text = self.texts.get(lang, "incident_resolved", title=title)
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
            tx.expect_ticket_revision(ticket.id, await self.store.tickets.revision(ticket.id))
            if ticket_id in firing:  # the monitoring still sees it: its recovery closes it
                ticket.parent = ""  # back in the queue, on its own
                tx.save_ticket(ticket)
                tx.ticket_event(ticket.id, actor.login, "kept_open", ALERT_STILL_FIRING)
                continue
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


def _declaration(by: Actor, action_id: str) -> str:
    return f"incident_declared:{by.login}:{action_id}"


def _messages(messages: dict[str, str]) -> dict[str, str]:
    return {
        lang: text.strip() for lang, text in messages.items() if lang in LANGUAGES and text.strip()
    }
