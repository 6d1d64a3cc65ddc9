"""What operators do to tickets: take over, reply, note, re-route, resolve, hand back.

Each action is one atomic commit that also tells the user what happened, in their
language and on their channel, through the dialog engine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from gateway.conversations import ConversationService
from gateway.dialogs.engine import StepContext
from gateway.dialogs.state import DialogState
from gateway.models import (
    BOT_OWNER,
    Attachment,
    Level,
    OutboundMessage,
    Priority,
    SupportGroup,
    Ticket,
    TicketStatus,
)
from gateway.store import ClaimResult, CommitConflict, Conversation, Transaction
from gateway.triage import sla_clock

MAX_RETRIES = 20


class ActionRefused(Exception):
    """The action is not allowed now (not yours, already resolved...); says why."""


@dataclass(frozen=True)
class Actor:
    """The person doing an action, as written in the ticket's event log."""

    login: str
    name: str = ""
    is_admin: bool = False

    @property
    def owner_tag(self) -> str:
        return f"operator:{self.login}"

    @property
    def display(self) -> str:
        return self.name or self.login


class OperatorDesk:
    """Operator actions on tickets and the conversations behind them."""

    def __init__(
        self, service: ConversationService, clock: Callable[[], float] = time.time
    ) -> None:
        self.service = service
        self.store = service.store
        self.engine = service.engine
        self.clock = clock

    async def take_over(self, ticket_id: str, actor: Actor) -> ClaimResult:
        """Become the owner: exactly one of two concurrent operators wins."""
        ticket = await self._ticket(ticket_id)
        result = await self.store.tickets.claim(ticket, actor.login, self.clock())
        if result.won:
            await self._with_conversation(
                ticket_id, actor, "taken", lambda t, c, tx: None, inform="taken"
            )
        return result

    async def reply(
        self, ticket_id: str, actor: Actor, text: str, attachments: tuple[Attachment, ...] = ()
    ) -> None:
        """Send the operator's words (and files) to the user's channel; the first counts as
        the first response."""
        text = text.strip()
        if not text and not attachments:
            raise ActionRefused("the reply is empty")

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            self._require_owner(ticket, conv, actor)
            now = self.clock()
            if not ticket.first_response_at:
                ticket.first_response_at = now
            if ticket.status in (TicketStatus.NEW, TicketStatus.OPEN):
                ticket.status = TicketStatus.WAITING_FOR_USER
                if sla_clock.pause(ticket, self.service.sla, now):
                    tx.ticket_event(ticket.id, actor.login, "clock_stopped", "waiting for the user")
            message = OutboundMessage(
                text=text,
                attachments=attachments,
                author=actor.owner_tag,
                author_name=actor.display,
            )
            self.service.queue_replies(tx, conv, [message])

        await self._with_conversation(ticket_id, actor, "replied", apply)

    async def note(self, ticket_id: str, actor: Actor, text: str) -> None:
        """An internal note: visible to operators, never sent to the user."""
        text = text.strip()
        if not text:
            raise ActionRefused("the note is empty")
        ticket = await self._ticket(ticket_id)
        tx = Transaction()
        note = {
            "at": self.clock(),
            "author": actor.login,
            "author_name": actor.display,
            "text": text,
        }
        tx.ticket_note(ticket.id, note)
        tx.ticket_event(ticket.id, actor.login, "note")
        await self.store.commit(tx)

    async def update(
        self,
        ticket_id: str,
        actor: Actor,
        *,
        priority: Priority | None = None,
        group: SupportGroup | None = None,
        level: Level | None = None,
    ) -> None:
        """Change priority, group or level; raising the level escalates to L2/L3."""
        changes: list[str] = []
        inform = ""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            nonlocal inform
            if not ticket.status.is_active:
                raise ActionRefused(f"ticket {ticket.id} is {ticket.status.value}")
            if priority and priority != ticket.priority:
                changes.append(f"priority {ticket.priority}→{priority}")
                ticket.priority = priority
                sla_clock.start_clocks(ticket, self.service.sla, self.clock())
                inform = inform or "priority"
            if group and group != ticket.group:
                changes.append(f"group {ticket.group}→{group}")
                ticket.group = group
            if level and level != ticket.level:
                changes.append(f"level {ticket.level}→{level}")
                if level.value > ticket.level.value:
                    ticket.status = TicketStatus.ESCALATED
                    inform = "escalated"
                ticket.level = level
            if not changes:
                raise ActionRefused("nothing to change")

        await self._with_conversation(
            ticket_id,
            actor,
            "updated",
            apply,
            inform=lambda: inform,
            detail=lambda: "; ".join(changes),
        )

    async def resolve(self, ticket_id: str, actor: Actor, comment: str = "") -> None:
        """Close the request as solved; the bot asks the user for a rating."""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            if not ticket.status.is_active:
                raise ActionRefused(f"ticket {ticket.id} is already {ticket.status.value}")
            ticket.status = TicketStatus.RESOLVED
            ticket.resolved_at = self.clock()
            if not ticket.assignee:
                ticket.assignee = actor.login
            conv.owner = BOT_OWNER
            if conv.active_ticket == ticket.id:
                conv.active_ticket = ""

        await self._with_conversation(
            ticket_id, actor, "resolved", apply, inform="resolved", detail=lambda: comment
        )

    async def hand_back(self, ticket_id: str, actor: Actor) -> None:
        """Give the conversation back to the bot; the ticket stays in the queue."""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            self._require_owner(ticket, conv, actor)
            conv.owner = BOT_OWNER
            ticket.assignee = ""
            if ticket.status == TicketStatus.WAITING_FOR_USER:
                ticket.status = TicketStatus.OPEN
            if sla_clock.resume(ticket, self.service.sla, self.clock()):
                tx.ticket_event(ticket.id, actor.login, "clock_started", "handed back to the bot")

        await self._with_conversation(ticket_id, actor, "handed_back", apply, inform="handed_back")

    async def change(
        self,
        ticket_id: str,
        actor: Actor,
        action: str,
        apply: Callable[[Ticket, Conversation, Transaction], None],
        inform: Callable[[], str],
        detail: Callable[[], str],
    ) -> None:
        """A change by a service (SLA timers), committed and told like an operator's."""
        await self._with_conversation(ticket_id, actor, action, apply, inform, detail)

    async def _ticket(self, ticket_id: str) -> Ticket:
        ticket = await self.store.tickets.get(ticket_id)
        if ticket is None:
            raise ActionRefused(f"no ticket {ticket_id}")
        return ticket

    @staticmethod
    def _require_owner(ticket: Ticket, conv: Conversation, actor: Actor) -> None:
        if conv.owner != actor.owner_tag and not actor.is_admin:
            holder = ticket.assignee or "nobody"
            raise ActionRefused(f"take the ticket over first (it is held by {holder})")

    async def _with_conversation(
        self,
        ticket_id: str,
        actor: Actor,
        action: str,
        apply: Callable[[Ticket, Conversation, Transaction], None],
        inform: str | Callable[[], str] = "",
        detail: Callable[[], str] = lambda: "",
    ) -> None:
        """Read, change and commit ticket and conversation together, retrying on races."""
        for _ in range(MAX_RETRIES):
            # The revision first: a change between the two reads is then a conflict.
            revision = await self.store.tickets.revision(ticket_id)
            ticket = await self._ticket(ticket_id)
            conv = await self.store.conversations.get_or_new(
                ticket.conversation_key, ticket.channel, ticket.chat_id
            )
            tx = Transaction()
            tx.expect_ticket_revision(ticket.id, revision)
            apply(ticket, conv, tx)
            now = self.clock()
            ticket.updated_at = now
            tx.save_ticket(ticket)
            tx.ticket_event(ticket.id, actor.login, action, detail())
            change = inform() if callable(inform) else inform
            if change:
                state = DialogState.from_dict(conv.state)
                ctx = StepContext(now=now, open_tickets=())
                result = self.engine.ticket_changed(state, ticket, change, ctx)
                conv.state = result.state.to_dict()
                self.service.queue_replies(tx, conv, result.replies)
            self.store.conversations.save(tx, conv, now)
            try:
                await self.store.commit(tx)
                return
            except CommitConflict:
                continue
        raise ActionRefused(f"ticket {ticket_id} kept changing; try again")
