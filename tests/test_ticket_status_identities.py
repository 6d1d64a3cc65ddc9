"""The ticket status service over real Redis, with a user known by two channel identities
(what directory linking supplies through the `UserIdentities` port): their tickets from
either identity, a comment from the other channel landing on the ticket's conversation,
and nobody else's tickets."""

from __future__ import annotations

from pathlib import Path

from test_sla_timers import START, open_ticket

from gateway.conversations import ConversationService
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import InboundMessage, TicketStatus
from gateway.store import Store
from gateway.texts import Texts
from gateway.ticket_status import TicketStatusDesk
from gateway.triage.sla import DAY, SlaPolicy

ROOT = Path(__file__).resolve().parents[1]
TELEGRAM, WEBCHAT = "telegram:501", "webchat:linked-session"


class TwoIdentities:
    """One person linked on Telegram and in the web chat; everyone else is themselves."""

    async def known_as(self, identity: str) -> frozenset[str]:
        both = frozenset({TELEGRAM, WEBCHAT})
        return both if identity in both else frozenset({identity})


def service(store: Store) -> ConversationService:
    policy = SlaPolicy.default()
    engine = DialogEngine(KnowledgeLibrary(ROOT / "faq"), policy)
    tickets = TicketStatusDesk(store, policy, TwoIdentities(), reopen_seconds=7 * DAY, shown=5)
    return ConversationService(store, engine, policy, clock=lambda: START + 60, tickets=tickets)


def web(text: str, n: int, payload: str = "") -> InboundMessage:
    return InboundMessage(
        channel="webchat", chat_id="linked-session", message_id=f"w{n}", text=text,
        payload=payload, timestamp=START + 60,
    )  # fmt: skip


async def test_a_linked_user_sees_and_comments_a_ticket_from_another_channel(
    store: Store,
) -> None:
    svc = service(store)
    ticket = await open_ticket(store, "501")  # opened on Telegram
    stranger = await open_ticket(store, "999")

    outcome = await svc.handle(web("where is my ticket?", 1))
    card = outcome.replies[-1]
    assert card.text.startswith(f"{ticket.id} — new") and stranger.id not in card.text
    comment = next(b for b in card.buttons if b.payload == f"status:comment:{ticket.id}")

    await svc.handle(web(comment.label, 2, comment.payload))
    outcome = await svc.handle(web("The paper tray is empty too", 3))
    assert f"{ticket.id}" in outcome.replies[-1].text
    on_ticket = await store.conversations.transcript(TELEGRAM)
    assert on_ticket[-1]["text"] == "The paper tray is empty too"
    assert on_ticket[-1]["via"] == WEBCHAT
    history = [(e.actor, e.action, e.detail) for e in await store.tickets.events(ticket.id)]
    assert ("user", "user_comment", "The paper tray is empty too") in history

    outcome = await svc.handle(web(f"status of {stranger.id}?", 4))
    missing = Texts.load().get("en", "status_not_found", ticket_id=stranger.id)
    assert outcome.replies[-1].text == missing
    outcome = await svc.handle(web(f"status of {stranger.id}", 5, f"status:solved:{stranger.id}"))
    assert outcome.replies[-1].text == missing
    same = await store.tickets.get(stranger.id)
    assert same is not None and same.status == TicketStatus.NEW
