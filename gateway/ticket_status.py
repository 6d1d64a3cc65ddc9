"""The store's side of "where is my ticket?": the user's own tickets, and their actions.

A service beside operations.py. It answers the dialog engine's `StatusAsked` with the
tickets of the user's own identities (the `UserIdentities` port: the same channel user,
or every identity linked to the same directory account), and carries out what the user
does from a ticket's card (a comment, "still broken", a person) inside the turn's
transaction. A ticket of anyone else is treated exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.dialogs.events import (
    PersonRequested,
    ReopenRequested,
    SolvedByUser,
    TicketCommented,
)
from gateway.dialogs.status import StatusReport, TicketView
from gateway.identities import UserIdentities
from gateway.models import BOT_OWNER, Ticket, TicketStatus
from gateway.reports.recorder import ReportRecorder
from gateway.store import Conversation, Store, Transaction
from gateway.triage import sla_clock
from gateway.triage.sla import SlaPolicy

RECENT_ENTRIES = 300  # how far back in a conversation the last public update is looked for
OPERATOR = "operator:"
CardAction = TicketCommented | ReopenRequested | PersonRequested | SolvedByUser
CHANGED = frozenset({"commented", "reopened", "person", "solved"})


class TicketStatusDesk:
    """Finds a user's tickets through their identities and applies their card actions."""

    def __init__(
        self,
        store: Store,
        sla: SlaPolicy,
        identities: UserIdentities,
        *,
        reopen_seconds: float,
        shown: int,
        operator_names: Mapping[str, str] | None = None,
    ) -> None:
        self.store = store
        self.sla = sla
        self.identities = identities
        self.reopen_seconds = reopen_seconds
        self.shown = shown
        self.operator_names = dict(operator_names or {})
        self.reports = ReportRecorder(sla)

    async def own_ticket(self, identity: str, ticket_id: str) -> Ticket | None:
        """The ticket, when it belongs to the user behind `identity`; None otherwise."""
        ticket = await self.store.tickets.get(ticket_id)
        if ticket is None or ticket.conversation_key not in await self._known_as(identity):
            return None
        return ticket

    async def report(self, identity: str, asked: str, now: float, done: str = "") -> StatusReport:
        """The ticket asked about, or the user's active and recently resolved ones."""
        if asked:
            ticket = await self.own_ticket(identity, asked)
            tickets = [ticket] if ticket is not None else []
        else:
            mine: list[Ticket] = []
            for key in sorted(await self._known_as(identity)):
                mine += await self.store.tickets.for_conversation(key, active_only=False)
            current = [t for t in mine if t.status.is_active or self._reopenable(t, now)]
            current.sort(key=lambda t: (not t.status.is_active, -t.created_at))
            tickets = current[: self.shown]
        views = [await self.view(t, identity, now) for t in tickets]
        return StatusReport(asked=asked, tickets=tuple(views), done=done)

    async def view(self, ticket: Ticket, identity: str, now: float) -> TicketView:
        """What the store adds to a ticket for its card: who has it, its last update."""
        entries = await self.store.conversations.transcript(
            ticket.conversation_key, -RECENT_ENTRIES
        )
        update = _last_public_update(ticket, entries)
        return TicketView(
            ticket=ticket,
            handler=await self._first_name(ticket.assignee, entries),
            last_update=str(update.get("text", "")) if update else "",
            last_update_at=float(update.get("at", 0.0)) if update else 0.0,
            reopenable=self._reopenable(ticket, now),
            here=ticket.conversation_key == identity,
        )

    async def carry_out(
        self, tx: Transaction, conv: Conversation, action: CardAction, now: float
    ) -> StatusReport:
        """A comment, "works now", "still broken" or a call for a person, committed with
        the turn; `done` says which happened, or why nothing did."""
        ticket = await self.own_ticket(conv.key, action.ticket_id)
        if ticket is None:
            return StatusReport(asked=action.ticket_id, tickets=())
        tx.expect_ticket_revision(ticket.id, await self.store.tickets.revision(ticket.id))
        done = self._apply(tx, conv, ticket, action, now)
        if done in CHANGED:
            ticket.updated_at = now
            tx.save_ticket(ticket)
        view = await self.view(ticket, conv.key, now)
        return StatusReport(asked=ticket.id, tickets=(view,), done=done)

    def _apply(
        self,
        tx: Transaction,
        conv: Conversation,
        ticket: Ticket,
        action: CardAction,
        now: float,
    ) -> str:
        if isinstance(action, ReopenRequested):
            if ticket.status.is_active:
                return ""  # open already: its card says so
            if not self._reopenable(ticket, now):
                return "reopen_late"
            sla_clock.reopen(ticket, self.sla, now)
            self.reports.reopened(tx, ticket, now)
            # Back in its group's queue for whoever takes it, as a ticket handed back is:
            # the bot has the conversation since the resolution, so no one holds it (kept,
            # the last holder showed as working on it, and was refused a reply until they
            # took it again)
            ticket.assignee = ""
            tx.ticket_event(ticket.id, "user", "reopened", "the user says it is still broken")
            self._make_current(conv, ticket)
            return "reopened"
        if not ticket.status.is_active:
            return "not_active"
        if isinstance(action, SolvedByUser):
            ticket.status, ticket.resolved_at = TicketStatus.RESOLVED, now
            tx.ticket_event(ticket.id, "user", "resolved", "the user said it is solved")
            tx.outcome(conv.key, "resolved_l1", by="user")
            if conv.active_ticket == ticket.id:
                conv.active_ticket = ""
            if ticket.conversation_key == conv.key:
                conv.owner = BOT_OWNER  # as when an operator resolves it
            return "solved"
        self.user_wrote(tx, ticket, now)
        if isinstance(action, TicketCommented):
            if ticket.conversation_key != conv.key:  # from a linked identity: keep it visible
                tx.transcript(ticket.conversation_key, _comment_entry(action.comment, conv.key))
            tx.ticket_event(ticket.id, "user", "user_comment", action.comment)
            return "commented"
        tx.ticket_event(ticket.id, "user", "person_requested", f"via {conv.channel}")
        self._make_current(conv, ticket)
        return "person"

    def user_wrote(self, tx: Transaction, ticket: Ticket, now: float) -> None:
        """The user answered: a ticket waiting for them is worked on again, clocks going."""
        if ticket.status == TicketStatus.WAITING_FOR_USER:
            ticket.status = TicketStatus.OPEN
        if sla_clock.resume(ticket, self.sla, now):
            tx.ticket_event(ticket.id, "user", "clock_started", "the user wrote")

    def _reopenable(self, ticket: Ticket, now: float) -> bool:
        resolved = ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED)
        return (
            resolved
            and bool(ticket.resolved_at)
            and now - ticket.resolved_at <= (self.reopen_seconds)
        )

    @staticmethod
    def _make_current(conv: Conversation, ticket: Ticket) -> None:
        """The user's next words in this conversation go to the ticket."""
        if ticket.conversation_key == conv.key:
            conv.active_ticket = ticket.id

    async def _known_as(self, identity: str) -> frozenset[str]:
        return await self.identities.known_as(identity) | {identity}

    async def _first_name(self, login: str, entries: list[dict[str, Any]]) -> str:
        """How the user may call the person who has the ticket: their first name only."""
        if not login:
            return ""
        account = await self.store.operators.get_account(login)
        name = str((account or {}).get("name") or self.operator_names.get(login, ""))
        if not name:
            author = OPERATOR + login
            name = next(
                (
                    str(e.get("author_name", ""))
                    for e in reversed(entries)
                    if e.get("author") == author
                ),
                "",
            )
        return (name.split() or [login])[0]


def _last_public_update(ticket: Ticket, entries: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The last message a person sent the user while the ticket was theirs (not notes)."""
    until = ticket.resolved_at or float("inf")
    for entry in reversed(entries):
        at = float(entry.get("at", 0.0))
        if (
            entry.get("direction") == "out"
            and str(entry.get("author", "")).startswith(OPERATOR)
            and ticket.created_at <= at <= until
            and entry.get("text")
        ):
            return entry
    return None


def _comment_entry(comment: str, via: str) -> dict[str, Any]:
    return {"direction": "in", "author": "user", "text": comment, "kind": "message", "via": via}


__all__ = ["TicketStatusDesk"]
