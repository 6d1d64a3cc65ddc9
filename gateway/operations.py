"""What operators do to tickets: take over, reply, note, re-route, resolve, hand back.

Each action is one atomic commit that also tells the user what happened, in their
language and on their channel, through the dialog engine. Re-routing (another group or
level) hands the ticket back to its queue; leads and admins may force-take or reassign,
and whoever holds a ticket may transfer it to a named colleague. An action named by an
id (the console's idempotency key) is applied once: a repeat is answered as the first.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from gateway.conversations import ConversationService
from gateway.dialogs.engine import StepContext
from gateway.dialogs.state import DialogState
from gateway.disclosed_passwords import hide_in_file_name, hide_passwords
from gateway.models import (
    BOT_OWNER,
    UNANSWERED_CHANNELS,
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
    """The action is not allowed now (not yours, already resolved...); says why.

    `key` and `params` name the reason for the console, which shows it in the operator's
    language (`console.refused_<key>` in gateway/texts); the English text is for API clients.
    """

    def __init__(self, text: str, key: str = "", **params: object) -> None:
        super().__init__(text)
        self.key = key
        self.params = {name: str(value) for name, value in params.items()}


SUPERVISOR_ROLES = frozenset({"admin", "lead"})


@dataclass(frozen=True)
class Actor:
    """The person doing an action, as written in the ticket's event log."""

    login: str
    name: str = ""
    role: str = "operator"  # operator | lead | admin
    groups: tuple[str, ...] = ()

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def owner_tag(self) -> str:
        return f"operator:{self.login}"

    @property
    def display(self) -> str:
        """How colleagues see the actor in the console."""
        return self.name or self.login

    def supervises(self, ticket: Ticket) -> bool:
        """Admins supervise every ticket; a group lead the tickets of their groups."""
        if self.role not in SUPERVISOR_ROLES:
            return False
        return self.is_admin or not self.groups or ticket.group.value in self.groups


@dataclass(frozen=True)
class Reroute:
    """What `update` did: the changes, and whether the ticket went back to its queue."""

    ticket: Ticket
    changes: tuple[str, ...]
    to_queue: bool


class OperatorDesk:
    """Operator actions on tickets and the conversations behind them."""

    def __init__(
        self, service: ConversationService, clock: Callable[[], float] = time.time
    ) -> None:
        self.service = service
        self.store = service.store
        self.engine = service.engine
        self.clock = clock

    async def take_over(
        self, ticket_id: str, actor: Actor, *, force: bool = False, action_id: str = ""
    ) -> ClaimResult:
        """Become the owner: exactly one of two concurrent operators wins.

        With `force`, a lead or admin takes the ticket from whoever holds it; the history
        says from whom.
        """
        ticket = await self._ticket(ticket_id)
        if force:
            return await self._force_take(ticket, actor, action_id)
        if await self._applied(ticket, actor, "taken", action_id) is not None:
            return ClaimResult(True, actor.login)
        result = await self.store.tickets.claim(ticket, actor.login, self.clock())
        if result.won:
            await self._with_conversation(
                ticket_id, actor, "taken", self._acknowledged(actor), inform="taken",
                action_id=action_id,
            )  # fmt: skip
        return result

    def _acknowledged(self, actor: Actor) -> Callable[[Ticket, Conversation, Transaction], None]:
        """Taking a ticket nobody can be answered on (an alert's, an incident's own) is its
        first response: a person has it. A reply there is refused, so nothing else could
        stop its first-response clock but the recovery."""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            if ticket.channel in UNANSWERED_CHANNELS and not ticket.first_response_at:
                ticket.first_response_at = self.clock()
                at = ticket.first_response_at
                self.service.reports.first_response(tx, ticket, actor.login, at)

        return apply

    async def _force_take(self, ticket: Ticket, actor: Actor, action_id: str) -> ClaimResult:
        if not actor.supervises(ticket):
            raise ActionRefused(
                "only a group lead or an admin can take a ticket held by someone", "force_take"
            )
        previous = ""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            nonlocal previous
            _require_active(ticket)
            previous = ticket.assignee or _operator_of(conv.owner)
            _hand_to(ticket, conv, actor.login)

        await self._with_conversation(
            ticket.id,
            actor,
            "force_taken",
            apply,
            inform="taken",
            detail=lambda: f"from {previous}" if previous else "",
            action_id=action_id,
        )
        return ClaimResult(True, actor.login)

    async def assign(self, ticket_id: str, actor: Actor, to: str, *, action_id: str = "") -> str:
        """Give the ticket to the colleague `to`: a transfer by its holder, or a lead's or
        admin's reassignment. Returns the history action ("transferred" | "reassigned")."""
        action = ""
        previous = ""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            nonlocal action, previous
            _require_active(ticket)
            previous = ticket.assignee or _operator_of(conv.owner)
            if to == previous:
                raise ActionRefused(
                    f"{to} already holds ticket {ticket.id}",
                    "already_holds",
                    login=to,
                    id=ticket.id,
                )
            if previous == actor.login or conv.owner == actor.owner_tag:
                action = "transferred"
            elif actor.supervises(ticket):
                action = "reassigned"
            else:
                raise ActionRefused(
                    "take the ticket over first, then transfer it", "transfer_take_first"
                )
            _hand_to(ticket, conv, to)

        return await self._with_conversation(
            ticket_id,
            actor,
            "assigned",
            apply,
            inform="transferred",
            detail=lambda: f"{action}: {previous or 'queue'} → {to}",
            action_id=action_id,
            outcome=lambda: action,
        )

    async def reply(
        self,
        ticket_id: str,
        actor: Actor,
        text: str,
        attachments: tuple[Attachment, ...] = (),
        *,
        reopen: bool = False,
        action_id: str = "",
    ) -> None:
        """Send the operator's words (and files) to the user's channel; the first counts as
        the first response.

        A reply on a resolved ticket is refused unless `reopen` says to reopen it first.
        A user who blocked the bot gets nothing: the reply is refused with that reason and
        neither the first response nor "waiting for user" is recorded.
        """
        text = text.strip()
        if not text and not attachments:
            raise ActionRefused("the reply is empty", "empty_reply")
        if hide_passwords(text)[1] or any(hide_in_file_name(a.name)[1] for a in attachments):
            # Passwords never go in a chat (it is kept, shown, searched), nor as a file's
            # name: the user sets their own through a reset link. Refused, not hidden:
            # the operator knows.
            raise ActionRefused(
                "the reply holds a password: passwords never go in the chat; "
                "ask the user to send /reset",
                "password_in_reply",
            )
        reopened = False

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            nonlocal reopened
            if ticket.channel in UNANSWERED_CHANNELS:
                # A monitoring system or an incident's own ticket: nobody reads a reply.
                # Taken, it counted as the first response, stopped the SLA clock "waiting
                # for the user" and set the ticket to close itself for want of an answer.
                raise ActionRefused(
                    f"ticket {ticket.id} came from {ticket.channel}: nobody reads a reply "
                    "there; write an internal note (taking the ticket was its first response)",
                    "no_one_to_reply",
                    id=ticket.id,
                )
            if conv.blocked:
                raise ActionRefused(
                    f"the user blocked the bot on {conv.channel}: the reply cannot be delivered "
                    "until they write again",
                    "blocked",
                    channel=conv.channel,
                )
            if not ticket.status.is_active:
                if not reopen:
                    raise ActionRefused(
                        f"ticket {ticket.id} is {ticket.status.value}: reopen it to reply",
                        "reopen_to_reply",
                        id=ticket.id,
                        status=ticket.status.value,
                    )
                reopened = True
                sla_clock.reopen(ticket, self.service.sla, self.clock())
                self.service.reports.reopened(tx, ticket, self.clock())
                _hand_to(ticket, conv, actor.login)
                conv.active_ticket = ticket.id
                state = DialogState.from_dict(conv.state)
                ctx = StepContext(now=self.clock(), held=True)  # the replying operator's now
                news = self.engine.ticket_changed(state, ticket, "reopened", ctx)
                conv.state = news.state.stored()
                self.service.queue_replies(tx, conv, news.replies)
            self._require_owner(ticket, conv, actor)
            now = self.clock()
            # Signed by the operator's display name; an account without one is "Operator"
            # (in the user's language): a person wrote it, not the bot.
            signature = actor.name or self.engine.texts.get(
                ticket.language or conv.language, "operator_signature"
            )
            message = OutboundMessage(
                text=text,
                attachments=attachments,
                author=actor.owner_tag,
                author_name=signature,
            )
            deliveries = self.service.queue_replies(tx, conv, [message])
            if not ticket.first_response_at:
                ticket.first_response_at = now
                ticket.first_response_delivery = deliveries[0].delivery_id if deliveries else ""
                self.service.reports.first_response(tx, ticket, actor.login, now)
            if ticket.status in (TicketStatus.NEW, TicketStatus.OPEN):
                ticket.status = TicketStatus.WAITING_FOR_USER
                if sla_clock.pause(ticket, self.service.sla, now):
                    tx.ticket_event(ticket.id, actor.login, "clock_stopped", "waiting for the user")

        await self._with_conversation(
            ticket_id,
            actor,
            "replied",
            apply,
            detail=lambda: "reopened" if reopened else "",
            action_id=action_id,
        )

    async def note(self, ticket_id: str, actor: Actor, text: str, *, action_id: str = "") -> None:
        """An internal note: visible to operators, never sent to the user."""
        text = text.strip()
        if not text:
            raise ActionRefused("the note is empty", "empty_note")
        ticket = await self._ticket(ticket_id)
        if await self._applied(ticket, actor, "note", action_id) is not None:
            return
        tx = Transaction()
        if action_id:
            tx.apply_once(_once_id(actor, "note", action_id), ticket.conversation_key)
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
        action_id: str = "",
    ) -> Reroute:
        """Change priority, group or level; raising the level escalates to L2/L3.

        Another group or level hands the ticket to that queue: nobody holds it any more,
        the bot keeps the user company, and an operator of the target queue can take it.
        """
        changes: list[str] = []
        inform = ""
        to_queue = False

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            nonlocal inform, to_queue
            changes.clear()
            inform = ""
            _require_active(ticket)
            _require_not_anothers(ticket, conv, actor)
            to_queue = bool((group and group != ticket.group) or (level and level != ticket.level))
            if priority and priority != ticket.priority:
                changes.append(f"priority {ticket.priority}→{priority}")
                ticket.priority = priority
                sla_clock.start_clocks(ticket, self.service.sla, self.clock())
                inform = "priority"
            if group and group != ticket.group:
                changes.append(f"group {ticket.group}→{group}")
                ticket.group = group
            if level and level != ticket.level:
                changes.append(f"level {ticket.level}→{level}")
                if level.value > ticket.level.value:
                    ticket.status = TicketStatus.ESCALATED
                    inform = "escalated"
                elif level == Level.L1 and ticket.status == TicketStatus.ESCALATED:
                    ticket.status = TicketStatus.OPEN  # back at the first line: its queue
                ticket.level = level
            if not changes:
                raise ActionRefused("nothing to change", "nothing_to_change")
            if to_queue:
                holder = ticket.assignee or _operator_of(conv.owner)
                ticket.assignee = ""
                if not conv.bot_owns:
                    conv.owner = BOT_OWNER
                    inform = inform if inform == "escalated" else _requeued(changes)
                if ticket.status == TicketStatus.WAITING_FOR_USER:
                    ticket.status = TicketStatus.OPEN
                if sla_clock.resume(ticket, self.service.sla, self.clock()):
                    tx.ticket_event(ticket.id, actor.login, "clock_started", "back in the queue")
                if holder:
                    changes.append(f"released by {holder}")

        done = await self._with_conversation(
            ticket_id,
            actor,
            "updated",
            apply,
            inform=lambda: inform,
            detail=lambda: "; ".join(changes),
            action_id=action_id,
            outcome=lambda: json.dumps({"changes": changes, "to_queue": to_queue}),
        )
        told = json.loads(done)  # as this action was first applied, if it is a repeat
        return Reroute(await self._ticket(ticket_id), tuple(told["changes"]), told["to_queue"])

    async def resolve(
        self, ticket_id: str, actor: Actor, comment: str = "", *, action_id: str = ""
    ) -> None:
        """Close the request as solved; the bot asks the user for a rating."""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            _require_active(ticket)
            _require_not_anothers(ticket, conv, actor)
            ticket.status = TicketStatus.RESOLVED
            ticket.resolved_at = self.clock()
            if not ticket.assignee:
                ticket.assignee = actor.login
            self.service.reports.resolved(tx, ticket, ticket.assignee, ticket.resolved_at)
            conv.owner = BOT_OWNER
            if conv.active_ticket == ticket.id:
                conv.active_ticket = ""

        await self._with_conversation(
            ticket_id, actor, "resolved", apply, inform="resolved", detail=lambda: comment,
            action_id=action_id,
        )  # fmt: skip

    async def hand_back(self, ticket_id: str, actor: Actor, *, action_id: str = "") -> None:
        """Give the conversation back to the bot; the ticket stays in the queue."""

        def apply(ticket: Ticket, conv: Conversation, tx: Transaction) -> None:
            # resolving gave the conversation back already: "take it over first" would
            # send its holder to a take that a resolved ticket refuses
            _require_active(ticket)
            if conv.bot_owns:  # an admin's page from before a re-route: nobody to hand back
                raise ActionRefused("nobody holds the conversation", "take_first")
            self._require_owner(ticket, conv, actor)
            conv.owner = BOT_OWNER
            ticket.assignee = ""
            if ticket.status == TicketStatus.WAITING_FOR_USER:
                ticket.status = TicketStatus.OPEN
            if sla_clock.resume(ticket, self.service.sla, self.clock()):
                tx.ticket_event(ticket.id, actor.login, "clock_started", "handed back to the bot")

        await self._with_conversation(
            ticket_id, actor, "handed_back", apply, inform="handed_back", action_id=action_id
        )

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

    async def resent(self, ticket: Ticket, actor: Actor, route: str, action_id: str) -> bool:
        """Whether `action_id` was already applied by `actor` on the ticket as the console
        action `route` (take, force_take, assign, reply, note, update, resolve, hand_back):
        its resend is answered as the first even when the action took the ticket out of
        their sight (an escalation past their level)."""
        action = ONCE_ACTIONS.get(route)
        if action is None:
            return False
        return await self._applied(ticket, actor, action, action_id) is not None

    async def _applied(
        self, ticket: Ticket, actor: Actor, action: str, action_id: str
    ) -> str | None:
        """What the action `action_id` answered when it was applied; None if it was not."""
        if not action_id:
            return None
        once = _once_id(actor, action, action_id)
        return await self.store.applied_outcome(ticket.conversation_key, once)

    async def _ticket(self, ticket_id: str) -> Ticket:
        ticket = await self.store.tickets.get(ticket_id)
        if ticket is None:
            raise ActionRefused(f"no ticket {ticket_id}", "no_ticket", id=ticket_id)
        return ticket

    @staticmethod
    def _require_owner(ticket: Ticket, conv: Conversation, actor: Actor) -> None:
        if conv.owner != actor.owner_tag and not actor.is_admin:
            holder = ticket.assignee or "nobody"
            raise ActionRefused(
                f"take the ticket over first (it is held by {holder})",
                "take_first_held" if ticket.assignee else "take_first",
                name=holder,
            )

    async def _with_conversation(
        self,
        ticket_id: str,
        actor: Actor,
        action: str,
        apply: Callable[[Ticket, Conversation, Transaction], None],
        inform: str | Callable[[], str] = "",
        detail: Callable[[], str] = lambda: "",
        action_id: str = "",
        outcome: Callable[[], str] = lambda: "",
    ) -> str:
        """Read, change and commit ticket and conversation together, retrying on races;
        the action's `outcome`. An action with an id is applied once: a repeat of it (a
        console's retry) changes nothing and is answered the first outcome."""
        if action_id:
            done = await self._applied(await self._ticket(ticket_id), actor, action, action_id)
            if done is not None:
                return done
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
                ctx = StepContext(now=now, open_tickets=(), held=not conv.bot_owns)
                result = self.engine.ticket_changed(state, ticket, change, ctx)
                conv.state = result.state.stored()
                self.service.queue_replies(tx, conv, result.replies)
            self.store.conversations.save(tx, conv, now)
            said = outcome()
            if action_id:
                tx.apply_once(_once_id(actor, action, action_id), ticket.conversation_key, said)
            try:
                # Sent again after it was applied (a lost answer), it is told 'applied'.
                await self.store.commit(tx)
                return said
            except CommitConflict:
                continue
        raise ActionRefused(f"ticket {ticket_id} kept changing; try again", "busy", id=ticket_id)


# The console's actions and what each is applied once as (_once_id).
ONCE_ACTIONS: dict[str, str] = {
    "take": "taken",
    "force_take": "force_taken",
    "assign": "assigned",
    "reply": "replied",
    "note": "note",
    "update": "updated",
    "resolve": "resolved",
    "hand_back": "handed_back",
}


def _once_id(actor: Actor, action: str, action_id: str) -> str:
    """The id an action is applied once by: the operator's own id for it, their login and
    what it does (an id sent with another action, or by someone else, is another)."""
    return f"{action}:{actor.login}:{action_id}"


def _require_active(ticket: Ticket) -> None:
    if not ticket.status.is_active:
        raise ActionRefused(
            f"ticket {ticket.id} is already {ticket.status.value}",
            "already",
            id=ticket.id,
            status=ticket.status.value,
        )


def _require_not_anothers(ticket: Ticket, conv: Conversation, actor: Actor) -> None:
    """A ticket another operator holds is theirs to resolve, re-route or re-prioritise (a
    colleague who only sees it in the queue would take it from under them: the user told
    "solved" mid-conversation, the holder's ticket gone to another queue); its group's lead
    or an admin may. A ticket nobody holds is anyone's who sees it, as before."""
    holder = ticket.assignee or _operator_of(conv.owner)
    if not holder or holder == actor.login or conv.owner == actor.owner_tag:
        return
    if actor.supervises(ticket):
        return
    raise ActionRefused(f"{holder} holds this ticket", "held_by_other", name=holder)


def _requeued(changes: list[str]) -> str:
    """The news of a ticket put in another queue: another group's ("requeued"), or only a
    lower level of its own group's ("returned": the same team, not "another team")."""
    moved_group = any(c.startswith("group ") for c in changes)
    return "requeued" if moved_group else "returned"


def _operator_of(owner: str) -> str:
    """The login in an "operator:<login>" owner tag; "" when the bot owns the conversation."""
    return owner.partition("operator:")[2] if owner.startswith("operator:") else ""


def _hand_to(ticket: Ticket, conv: Conversation, login: str) -> None:
    """Make `login` the ticket's assignee and the conversation's owner."""
    ticket.assignee = login
    conv.owner = f"operator:{login}"
    if ticket.status in (TicketStatus.NEW, TicketStatus.ESCALATED):
        ticket.status = TicketStatus.OPEN
