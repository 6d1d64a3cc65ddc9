"""A day at the desk, played through the real services, for report tests and the browser.

Conversations go through the dialog engine (the bot answers, the user says it helped and
rates it); tickets are worked by operators through `OperatorDesk` (reply, resolve) and
rated by the user through the engine again. A fake clock puts it all on known days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gateway.conversations import ConversationService
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import InboundMessage, Priority, SupportGroup, Ticket
from gateway.operations import Actor, OperatorDesk
from gateway.store import Conversation, Store, Transaction
from gateway.triage import sla_clock
from gateway.triage.sla import MINUTE, SlaPolicy

ROOT = Path(__file__).resolve().parents[1]
DAY_ONE = datetime(2026, 11, 10, 9, 0, tzinfo=UTC).timestamp()  # a Tuesday


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Desk:
    store: Store
    clock: Clock
    service: ConversationService
    desk: OperatorDesk

    @classmethod
    def build(cls, store: Store, policy: SlaPolicy | None = None) -> Desk:
        policy = policy or SlaPolicy.default()
        clock = Clock(DAY_ONE)
        engine = DialogEngine(KnowledgeLibrary(ROOT / "faq"), policy)
        service = ConversationService(store, engine, policy, clock=clock)
        return cls(store, clock, service, OperatorDesk(service, clock=clock))

    async def say(self, channel: str, chat_id: str, text: str) -> None:
        self.clock.now += 5
        msg = InboundMessage(channel, chat_id, f"{chat_id}-{self.clock.now}", text=text)
        await self.service.handle(msg)

    async def bot_solves(self, channel: str, chat_id: str, score: int, comment: str) -> None:
        await self.say(channel, chat_id, "принтер не печатает, пишет offline")
        await self.say(channel, chat_id, "да")
        await self.say(channel, chat_id, str(score))
        await self.say(channel, chat_id, comment or "/cancel")

    async def article_did_not_help(self, channel: str, chat_id: str) -> None:
        """The bot's article, a "no", and the user never finishes the checklist: no ticket."""
        await self.say(channel, chat_id, "принтер не печатает, пишет offline")
        await self.say(channel, chat_id, "нет")

    async def ticket(
        self, channel: str, chat_id: str, group: SupportGroup, priority: Priority, reason: str
    ) -> Ticket:
        """Opened the way the bot opens one (same commit contents, same counters)."""
        now = self.clock.now
        ticket = Ticket(
            id=await self.store.tickets.next_id(), conversation_key=f"{channel}:{chat_id}",
            channel=channel, chat_id=chat_id, subject=f"{group.value} problem {chat_id}",
            group=group, priority=priority, topic="printer_offline" if reason == "not_solved"
            else "", language="en", reason=reason, created_at=now, updated_at=now,
        )  # fmt: skip
        sla_clock.start_clocks(ticket, self.service.sla, now)
        conv = Conversation(key=ticket.conversation_key, channel=channel, chat_id=chat_id)
        conv.active_ticket, conv.language = ticket.id, "en"
        tx = Transaction()
        tx.save_ticket(ticket)
        self.service.reports.ticket_opened(tx, ticket, f"strange thing {chat_id}")
        self.service.store.conversations.save(tx, conv, now)
        await self.store.commit(tx)
        return ticket

    async def reply(self, ticket: Ticket, login: str, after: float) -> None:
        """Take the ticket and answer `after` seconds from its opening; the user writes back."""
        actor = Actor(login, login.title())
        self.clock.now = ticket.created_at + after - 60
        await self.desk.take_over(ticket.id, actor)
        self.clock.now += 60
        await self.desk.reply(ticket.id, actor, "Please try again now.")
        await self.say(ticket.channel, ticket.chat_id, "still broken")  # restarts the clock

    async def resolve(self, ticket: Ticket, login: str, after: float, score: int) -> None:
        self.clock.now = ticket.created_at + after
        await self.desk.resolve(ticket.id, Actor(login, login.title()))
        if score:
            await self.say(ticket.channel, ticket.chat_id, str(score))
            await self.say(ticket.channel, ticket.chat_id, f"thanks {login}, rated {score}")


async def seed_desk(store: Store) -> Desk:
    """Day one: 2 bot resolutions, 2 articles that did not help, 4 tickets, 1 unmatched."""
    d = Desk.build(store)
    await d.bot_solves("telegram", "b1", 5, "спасибо, быстро")
    await d.bot_solves("webchat", "b2", 4, "")
    await d.article_did_not_help("viber", "n1")
    await d.article_did_not_help("webchat", "n2")
    hw = await d.ticket("telegram", "t1", SupportGroup.HARDWARE, Priority.P3, "not_solved")
    net = await d.ticket("webchat", "t2", SupportGroup.NETWORK, Priority.P2, "no_answer")
    sw = await d.ticket("telegram", "t3", SupportGroup.SOFTWARE, Priority.P2, "asked_for_person")
    await d.ticket("viber", "t4", SupportGroup.HARDWARE, Priority.P4, "urgent")
    await d.reply(sw, "bob", 10 * MINUTE)
    await d.reply(hw, "bob", 20 * MINUTE)  # within P3's 4 h
    await d.reply(net, "carol", 40 * MINUTE)  # P2's first answer is due in 30 min: late
    await d.resolve(sw, "bob", 30 * MINUTE, 0)  # never rated
    await d.resolve(hw, "bob", 2 * 60 * MINUTE, 4)
    await d.resolve(net, "carol", 3 * 60 * MINUTE, 2)
    return d
