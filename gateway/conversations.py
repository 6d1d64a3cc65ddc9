"""Runs one turn of a conversation: load, step the dialog engine, commit atomically.

This is the seam between the pure dialog engine and the store. Every effect of a turn
(new dialog state, transcript lines, queued replies, an opened ticket, the inbound
acknowledgement) is committed in one atomic step, so a worker killed mid-turn leaves
nothing behind and the message is processed again from the same state.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from gateway import metrics
from gateway.dialogs.accounts import AccountResult
from gateway.dialogs.engine import DialogEngine, StepContext, StepResult
from gateway.dialogs.events import (
    AccountAction,
    ArticleNotHelped,
    CsatCommented,
    CsatRecorded,
    Event,
    FaqAnswered,
    IncidentDeclined,
    IncidentJoined,
    ResolutionUndone,
    Resolved,
    StatusAsked,
    TicketDetailsGiven,
    TicketRequested,
)
from gateway.dialogs.outages import OpenIncident
from gateway.dialogs.state import DialogState
from gateway.engine_thread import EngineThread
from gateway.identities import ChannelIdentityOnly
from gateway.logs import log_failure
from gateway.models import (
    ANSWERED_INLINE,
    BUTTON_CHANNELS,
    CLIENT_ADDRESS,
    LETTER_CHANNELS,
    TRANSCRIPT_CHANNELS,
    UNANSWERED_CHANNELS,
    UNDELIVERED,
    Delivery,
    InboundMessage,
    Level,
    OutboundMessage,
    Priority,
    SupportGroup,
    Ticket,
    TicketStatus,
)
from gateway.reports.recorder import Rating, ReportRecorder
from gateway.self_service import Requester, SelfService
from gateway.store import (
    NO_FENCE,
    STORE_UNAVAILABLE,
    CommitConflict,
    Conversation,
    ConversationAddress,
    Fence,
    Incident,
    LeaseLost,
    Store,
    Transaction,
)
from gateway.ticket_status import CardAction, TicketStatusDesk
from gateway.triage import sla_clock
from gateway.triage.sla import DAY, SlaPolicy

log = logging.getLogger(__name__)

MAX_CONFLICT_RETRIES = 20
REOPEN_SECONDS = 7 * DAY  # defaults of `ticket_status` in the configuration
SHOWN = 5


@dataclass
class TurnOutcome:
    """What one turn produced, for callers that talk to the user directly (chat CLI)."""

    replies: list[OutboundMessage] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tickets: list[Ticket] = field(default_factory=list)
    reported: tuple[str, str, str] | None = None  # a new problem: text, topic, products
    report: object = None  # as counted for incident detection (in the turn's commit)


class Incidents(Protocol):
    """What a turn needs of mass incidents (gateway.incidents.IncidentService)."""

    @property
    def enabled(self) -> bool: ...
    def told(self, stored: Sequence[Incident]) -> tuple[OpenIncident, ...]: ...
    def record(
        self, tx: Transaction, conversation_key: str, problem: tuple[str, str, str]
    ) -> object: ...
    def look(self, stepped: tuple[OpenIncident, ...] | None = None) -> Any: ...
    async def observe(self, report: Any, look: Any = None) -> object: ...
    def link_child(self, tx: Transaction, incident_id: str, ticket: Ticket, actor: str) -> None: ...


class ConversationService:
    """Applies inbound messages and ticket changes to conversations."""

    def __init__(
        self,
        store: Store,
        engine: DialogEngine,
        sla: SlaPolicy,
        direct_channels: Iterable[str] = (),
        clock: Callable[[], float] = time.time,
        tickets: TicketStatusDesk | None = None,
        accounts: SelfService | None = None,
    ) -> None:
        self.accounts = accounts  # self-service against the directory, when configured
        self.store = store
        self.engine = engine
        self.sla = sla
        self.tickets = tickets or TicketStatusDesk(
            store, sla, ChannelIdentityOnly(), reopen_seconds=REOPEN_SECONDS, shown=SHOWN
        )
        # Channels that show replies themselves, or where nobody reads them: nothing is
        # queued for them.
        self.direct_channels = (
            TRANSCRIPT_CHANNELS | frozenset(direct_channels) | UNANSWERED_CHANNELS
        )
        self.clock = clock
        self.reports = ReportRecorder(sla)
        self.incidents: Incidents | None = None  # set by the runtime once built
        # A turn reads the user's words in the engine's own thread (engine_thread.py).
        self.reading = EngineThread()

    def close(self) -> None:
        self.reading.close()

    async def handle(
        self, msg: InboundMessage, fence: Fence = NO_FENCE, ack_ops: list[list[str]] | None = None
    ) -> TurnOutcome:
        """Process one inbound message; retried from fresh state if an operator raced us."""
        for _ in range(MAX_CONFLICT_RETRIES):
            try:
                outcome, incidents = await self._turn(msg, fence, ack_ops or [])
            except CommitConflict:
                log.debug("conversation changed during the turn; recomputing")
                continue
            await self._observe(outcome, self.incidents.look(incidents) if self.incidents else None)
            return outcome
        raise RuntimeError(f"conversation {msg.conversation_key} kept changing; turn abandoned")

    async def _turn(
        self, msg: InboundMessage, fence: Fence, ack_ops: list[list[str]]
    ) -> tuple[TurnOutcome, tuple[OpenIncident, ...]]:
        """A turn and its commit; with the open incidents it was stepped with."""
        # Round trips of a turn: this read (the conversation, its open tickets and, when
        # detection is on, the open incidents: one pipeline), then the one commit. A new
        # problem adds detection's reads after it (`_observe`): the report window (1, plus
        # 1 for reports not seen before), the firing alerts when the report names a
        # service (1); the open incidents again only just before a declaration. In a
        # group of turns (`handle_together`) those reads are made once for all its reports.
        [(conv, tickets)], incidents = await self._read([_address(msg)])
        tx, outcome = await self._step(msg, conv, tickets, incidents, ack_ops)
        await self.store.commit(tx, fence)
        _count(outcome)
        return outcome, incidents

    async def handle_together(
        self,
        turns: list[tuple[InboundMessage, list[list[str]]]],
        fence: Fence,
        budget: float = 0.5,
    ) -> list[TurnOutcome | None]:
        """Messages of different conversations (one shard's read batch) with one read and
        one commit round trip for all of them, each turn still committed atomically on
        its own. None for a turn that was not committed (its conversation changed since
        the read, or the turn failed): the caller runs it again alone, before that
        conversation's next message. Raises LeaseLost after the turns that did commit.
        Turns are computed for at most `budget` seconds (well inside the shard lease):
        those left are not done, and run alone."""
        loaded, incidents = await self._read([_address(m) for m, _ in turns])
        stepped: list[tuple[int, Transaction, TurnOutcome]] = []
        deadline = time.monotonic() + budget
        for n, ((msg, ack_ops), (conv, tickets)) in enumerate(zip(turns, loaded, strict=True)):
            if stepped and time.monotonic() > deadline:
                break  # commit what is computed while the lease surely holds
            await asyncio.sleep(0)  # let the lease be renewed between steps
            try:
                stepped.append((n, *await self._step(msg, conv, tickets, incidents, ack_ops)))
            except STORE_UNAVAILABLE:
                raise
            except Exception:
                log.debug("turn failed among others; it is run again alone", exc_info=True)
        failures = await self.store.commit_many([tx for _, tx, _ in stepped], fence)
        done: list[TurnOutcome | None] = [None] * len(turns)
        # Detection reads the store once for the group's reports (`Look`).
        look = self.incidents.look(incidents) if self.incidents else None
        for (n, _, outcome), failure in zip(stepped, failures, strict=True):
            if failure is None:
                _count(outcome)
                done[n] = outcome
                await self._observe(outcome, look)
        if any(isinstance(f, LeaseLost) for f in failures):
            raise LeaseLost
        return done

    async def _read(
        self, addresses: list[ConversationAddress]
    ) -> tuple[list[tuple[Conversation, list[Ticket]]], tuple[OpenIncident, ...]]:
        """What turns start from, in one round trip: each conversation with its open
        tickets, and the open incidents when detection is on."""
        detecting = self.incidents is not None and self.incidents.enabled
        loaded, stored = await self.store.turn_reads(addresses, incidents=detecting)
        return loaded, self.incidents.told(stored) if self.incidents is not None else ()

    async def _step(
        self,
        msg: InboundMessage,
        conv: Conversation,
        tickets: list[Ticket],
        incidents: tuple[OpenIncident, ...],
        ack_ops: list[list[str]],
    ) -> tuple[Transaction, TurnOutcome]:
        """A turn up to its commit: what to write, and what it produced."""
        now = self.clock()
        conv.user_name = msg.user_name or conv.user_name
        tx = Transaction()
        outcome = TurnOutcome()
        if msg.kind in ("blocked", "unblocked"):
            conv.blocked = msg.kind == "blocked"
            tx.transcript(conv.key, _channel_entry(msg, msg.kind))
            if msg.meta.get(UNDELIVERED):
                await self._not_a_response(tx, conv, msg.meta[UNDELIVERED], now)
        elif msg.kind == "delivery_failed":
            tx.transcript(conv.key, _channel_entry(msg, f"delivery failed: {msg.text}"))
        else:
            conv.last_user_at = max(conv.last_user_at, msg.timestamp)
            tx.transcript(conv.key, _inbound_entry(msg))
            if conv.blocked and msg.kind == "message":
                conv.blocked = False  # writing to us again means the user is reachable
            state = DialogState.from_dict(conv.state)
            letters = conv.channel in LETTER_CHANNELS
            if conv.bot_owns:
                ctx = StepContext(
                    now=now,
                    open_tickets=tuple(t for t in tickets if t.status.is_active),
                    letters=letters,
                    directory=self.accounts is not None,
                    incidents=incidents,
                    numbered=conv.channel not in BUTTON_CHANNELS,
                )
                result: StepResult | None = await self.reading.run(
                    self.engine.step, state, msg, ctx
                )
                outcome.reported = _new_problem(state, result) if result else None
                if outcome.reported is not None and self.incidents is not None:
                    outcome.report = await self.reading.run(
                        self.incidents.record, tx, conv.key, outcome.reported
                    )
            else:  # a person has the conversation: the bot answers only "where is my ticket?"
                ctx = StepContext(now=now, letters=letters)
                result = await self.reading.run(self.engine.self_service, state, msg, ctx)
                if result is None:
                    await self._note_user_activity(tx, conv, now)
            if result is not None:
                address = msg.meta.get(CLIENT_ADDRESS, "")
                result = await self._apply_events(
                    tx, conv, result, ctx, outcome, address=address, msg=msg
                )
                self._emit(tx, conv, result, outcome, send=msg.meta.get(ANSWERED_INLINE) != "1")
        self.store.conversations.save(tx, conv, now)
        tx.ops.extend(ack_ops)
        return tx, outcome

    async def _observe(self, outcome: TurnOutcome, look: Any = None) -> None:
        """The report counted in the turn's commit may complete a mass incident (decided
        after the commit: a failure here never undoes the turn, nor loses the count).
        `look`: what detection read of the store for the turn's group (the open incidents
        the turns were stepped with, the window), so it is not read again for each
        report."""
        if self.incidents is None or outcome.report is None:
            return
        try:
            await self.incidents.observe(outcome.report, look)
        except Exception:  # a store outage is a warning (the turn and its count are kept)
            log_failure(log, "counting a report for incident detection failed")

    async def _apply_events(
        self,
        tx: Transaction,
        conv: Conversation,
        result: StepResult,
        ctx: StepContext,
        outcome: TurnOutcome,
        depth: int = 0,
        address: str = "",
        msg: InboundMessage | None = None,
    ) -> StepResult:
        """Carry out what the engine asked for; feed results back into the engine. `msg`:
        the message of the turn, read again when a reopen is refused."""
        replies, events = list(result.replies), list(result.events)
        state = result.state

        def follow(step: StepResult) -> None:
            nonlocal state
            state = step.state
            replies.extend(step.replies)
            events.extend(step.events)

        for event in result.events:
            if isinstance(event, AccountAction) and self.accounts is not None and depth < 3:
                # The directory's answer may ask for more: a linked user's pending unlock,
                # or a ticket for a person. Those follow-ups are carried out too.
                lang = state.language or conv.language
                who = Requester(conv.channel, conv.chat_id, lang, address)
                answer = await self.accounts.carry_out(who, event)
                after = self.engine.account_result(state, answer, ctx)
                follow(await self._apply_events(tx, conv, after, ctx, outcome, depth + 1, address))
            elif isinstance(event, TicketRequested):
                ticket = await self._new_ticket(conv, event, ctx.now)
                tx.save_ticket(ticket)
                tx.ticket_event(ticket.id, "bot", "opened", event.reason)
                if event.follows:  # the operator sees the history it goes on from
                    tx.ticket_event(ticket.id, "user", "follows", event.follows)
                    tx.ticket_event(event.follows, "user", "followed", ticket.id)
                self.reports.ticket_opened(tx, ticket, event.fields.get("problem", ""))
                conv.active_ticket = ticket.id
                outcome.tickets.append(ticket)
                follow(self.engine.ticket_opened(state, ticket, ctx))
            elif isinstance(event, CsatRecorded):
                await self._record_csat(tx, conv, event, ctx.now)
            elif isinstance(event, CsatCommented):
                await self._record_csat_comment(tx, conv, event, ctx.now, result.state.csat_score)
            elif isinstance(event, Resolved):
                tx.outcome(conv.key, "resolved_l1", by=event.by)
                if event.by == "bot":
                    self.reports.bot_resolved(tx, ctx.now, conv.channel, result.state.group)
            elif isinstance(event, ResolutionUndone):
                tx.outcome(conv.key, "resolution_undone", by="bot")
                self.reports.bot_resolution_undone(
                    tx, event.resolved_at, ctx.now, conv.channel, event.group
                )
            elif isinstance(event, FaqAnswered):
                group = result.state.group
                self.reports.faq_answered(tx, ctx.now, conv.channel, group, event.topic)
            elif isinstance(event, ArticleNotHelped) and event.topic:
                group = result.state.group
                self.reports.faq_not_helped(tx, ctx.now, conv.channel, group, event.topic)
            elif isinstance(event, TicketDetailsGiven):
                ticket = _open_ticket(ctx, event.ticket_id)
                if ticket is not None:
                    ticket.fields.update(event.fields)
                    ticket.sources.update(event.sources)
                    ticket.updated_at = ctx.now
                    tx.save_ticket(ticket)
                    tx.ticket_event(ticket.id, "user", "details", ", ".join(event.fields))
            elif isinstance(event, IncidentJoined) and self.incidents is not None:
                self.store.incidents.subscribe(tx, event.incident_id, conv.key)
                for ticket in ctx.open_tickets:
                    self.incidents.link_child(tx, event.incident_id, ticket, "user")
            elif isinstance(event, IncidentDeclined):
                self.store.incidents.unsubscribe(tx, event.incident_id, conv.key)
            elif isinstance(event, StatusAsked):
                report = await self.tickets.report(conv.key, event.ticket_id, ctx.now)
                for view in report.tickets if event.impatient else ():
                    if view.ticket.status.is_active:  # the operator sees the impatience
                        tx.ticket_event(view.ticket.id, "user", "impatient", event.impatient)
                follow(self.engine.ticket_status(state, report, ctx))
            elif isinstance(event, CardAction):
                report = await self.tickets.carry_out(tx, conv, event, ctx.now)
                if report.done == "solved":  # told like an operator's resolution, then rated
                    ticket = report.tickets[0].ticket
                    follow(self.engine.ticket_changed(state, ticket, "resolved", ctx))
                elif report.done == "reopen_late" and msg is not None and depth < 3:
                    # what the user wrote is the new request at once, not "describe it again"
                    refused = self.engine.reopen_refused
                    after = await self.reading.run(refused, state, report, msg, ctx)
                    deeper = await self._apply_events(
                        tx, conv, after, ctx, outcome, depth + 1, address, msg
                    )
                    follow(deeper)
                else:
                    follow(self.engine.ticket_status(state, report, ctx))
        return StepResult(state=state, replies=replies, events=events)

    async def _new_ticket(self, conv: Conversation, event: TicketRequested, now: float) -> Ticket:
        ticket = Ticket(
            id=await self.store.tickets.next_id(),
            conversation_key=conv.key,
            channel=conv.channel,
            chat_id=conv.chat_id,
            subject=event.subject,
            group=SupportGroup(event.group),
            priority=Priority(event.priority),
            topic=event.topic or "",
            language=event.language,
            level=Level(event.level),
            status=TicketStatus.NEW,
            fields=dict(event.fields),
            sources=dict(event.sources),
            reason=event.reason,
            created_at=now,
            updated_at=now,
        )
        sla_clock.start_clocks(ticket, self.sla, now)
        return ticket

    async def _record_csat(
        self, tx: Transaction, conv: Conversation, event: CsatRecorded, now: float
    ) -> None:
        """The score, on the rated ticket (when a person helped) and in the outcomes."""
        ticket = await self._rated_ticket(conv, event.ticket_id)
        if ticket is not None:
            tx.update_ticket(ticket.id, {"csat": event.score})
            tx.ticket_event(ticket.id, "user", "rated", f"{event.score} {event.comment}".strip())
        tx.outcome(conv.key, "csat", score=event.score, comment=event.comment)
        self.reports.csat(tx, Rating(now, event.score, event.comment, conv.channel, ticket))

    async def _record_csat_comment(
        self,
        tx: Transaction,
        conv: Conversation,
        event: CsatCommented,
        now: float,
        state_score: int,
    ) -> None:
        ticket = await self._rated_ticket(conv, event.ticket_id)
        if ticket is not None:
            tx.update_ticket(ticket.id, {"csat_comment": event.comment})
            tx.ticket_event(ticket.id, "user", "commented", event.comment)
        tx.outcome(conv.key, "csat_comment", comment=event.comment)
        score = ticket.csat if ticket is not None and ticket.csat else state_score
        self.reports.csat_comment(tx, Rating(now, score, event.comment, conv.channel, ticket))

    async def _rated_ticket(self, conv: Conversation, ticket_id: str) -> Ticket | None:
        return await self.tickets.own_ticket(conv.key, ticket_id) if ticket_id else None

    async def _note_user_activity(self, tx: Transaction, conv: Conversation, now: float) -> None:
        """The user wrote while a person owns the conversation: the bot stays quiet."""
        if not conv.active_ticket:
            return
        ticket = await self.store.tickets.get(conv.active_ticket)
        if ticket is None:
            return
        revision = await self.store.tickets.revision(ticket.id)
        tx.expect_ticket_revision(ticket.id, revision)
        self.tickets.user_wrote(tx, ticket, now)
        ticket.updated_at = now
        tx.save_ticket(ticket)
        tx.events.append({"type": "ticket", "ticket": ticket.id, "action": "user_message"})

    async def _not_a_response(
        self, tx: Transaction, conv: Conversation, delivery_id: str, now: float
    ) -> None:
        """An operator's reply never reached the user (they blocked the bot): it is no
        first response, and nobody is waiting for the user's answer to it."""
        ticket = await self.store.tickets.get(conv.active_ticket) if conv.active_ticket else None
        if ticket is None or not ticket.status.is_active:
            return
        undone = []
        if ticket.first_response_delivery == delivery_id:
            ticket.first_response_at, ticket.first_response_delivery = 0.0, ""
            undone.append("first response")
        if ticket.status == TicketStatus.WAITING_FOR_USER:
            ticket.status = TicketStatus.OPEN
            sla_clock.resume(ticket, self.sla, now)
            undone.append("waiting for the user")
        if not undone:
            return
        tx.expect_ticket_revision(ticket.id, await self.store.tickets.revision(ticket.id))
        ticket.updated_at = now
        tx.save_ticket(ticket)
        detail = f"the user blocked the bot on {conv.channel}; not counted: {', '.join(undone)}"
        tx.ticket_event(ticket.id, "channel", "reply_undelivered", detail)

    async def account_news(self, channel: str, chat_id: str, result: AccountResult) -> None:
        """Tell the user on their channel what happened outside the chat (the reset page)."""
        for _ in range(MAX_CONFLICT_RETRIES):
            conv = await self.store.conversations.get_or_new(
                f"{channel}:{chat_id}", channel, chat_id
            )
            now = self.clock()
            tx = Transaction()
            if conv.bot_owns:
                state = DialogState.from_dict(conv.state)
                news = self.engine.account_result(state, result, StepContext(now=now))
                self._emit(tx, conv, news, TurnOutcome())
            else:  # a person has the conversation: their screen shows the notice
                notice = self.engine.texts.get(conv.language, f"account_{result.outcome.value}")
                self.queue_replies(tx, conv, [OutboundMessage(text=notice)])
            self.store.conversations.save(tx, conv, now)
            try:
                await self.store.commit(tx)
                return
            except CommitConflict:
                continue

    def _emit(
        self,
        tx: Transaction,
        conv: Conversation,
        result: StepResult,
        outcome: TurnOutcome,
        send: bool = True,
    ) -> None:
        conv.state = result.state.stored()
        conv.language = str(getattr(result.state, "language", "") or conv.language)
        self.queue_replies(tx, conv, result.replies, send=send)
        outcome.replies.extend(result.replies)
        outcome.events.extend(result.events)

    def queue_replies(
        self,
        tx: Transaction,
        conv: Conversation,
        replies: Iterable[OutboundMessage],
        send: bool = True,
    ) -> list[Delivery]:
        """Record replies in the transcript and queue them for the user's channel (unless
        `send` is False: the channel has shown them already)."""
        if conv.channel in LETTER_CHANNELS:
            replies = _one_letter(list(replies))
        deliveries = []
        for reply in replies:
            tx.transcript(conv.key, _outbound_entry(reply))
            if send and conv.channel not in self.direct_channels and not conv.blocked:
                deliveries.append(tx.deliver(conv.channel, conv.chat_id, reply))
        return deliveries


def _address(msg: InboundMessage) -> ConversationAddress:
    return ConversationAddress(msg.conversation_key, msg.channel, msg.chat_id)


def _new_problem(before: DialogState, after: StepResult) -> tuple[str, str, str] | None:
    """The problem a turn took up, unless it was joined to a known outage."""
    state = after.state
    if state.incident or any(isinstance(e, IncidentJoined) for e in after.events):
        return None
    if state.problem and state.problem != before.problem:
        return state.problem, state.topic, state.fields.get("product", "")
    if state.unclear and state.unclear != before.unclear:  # kept to ask what is meant
        return state.unclear, "", ""
    return None


def _open_ticket(ctx: StepContext, ticket_id: str) -> Ticket | None:
    return next((t for t in ctx.open_tickets if t.id == ticket_id), None)


def _one_letter(replies: list[OutboundMessage]) -> list[OutboundMessage]:
    """Replies of one turn as one letter, for channels where each message is a letter."""
    if len(replies) < 2:
        return replies
    first = replies[0]
    return [
        dataclasses.replace(
            first,
            text="\n\n".join(r.text for r in replies if r.text),
            buttons=tuple(b for r in replies for b in r.buttons),
            purpose=next((r.purpose for r in replies if r.purpose), ""),  # the letter's
        )
    ]


def _count(outcome: TurnOutcome) -> None:
    for ticket in outcome.tickets:
        metrics.TICKETS.labels(ticket.group.value, ticket.priority.value).inc()
    if any(isinstance(e, Resolved) and e.by == "bot" for e in outcome.events):
        metrics.RESOLVED_BY_BOT.inc()
    if any(isinstance(e, ResolutionUndone) for e in outcome.events):
        metrics.RESOLUTIONS_UNDONE.inc()


def _channel_entry(msg: InboundMessage, text: str) -> dict[str, Any]:
    """What the channel itself reported (blocked, a failed delivery), for operators."""
    entry: dict[str, Any] = {"direction": "system", "author": "channel", "text": text}
    if msg.meta:
        entry["meta"] = dict(msg.meta)
    return entry


def _inbound_entry(msg: InboundMessage) -> dict[str, Any]:
    return {
        "direction": "in",
        "author": "user",
        "author_name": msg.user_name,
        "text": msg.text,
        "payload": msg.payload,
        "attachments": [a.__dict__ for a in msg.attachments],
        "message_id": msg.message_id,
        "kind": msg.kind,
    }


def _outbound_entry(reply: OutboundMessage) -> dict[str, Any]:
    return {
        "direction": "out",
        "author": reply.author,
        "author_name": reply.author_name,
        "text": reply.text,
        "buttons": [{"label": b.label, "payload": b.payload} for b in reply.buttons],
        "attachments": [a.__dict__ for a in reply.attachments],
    }
