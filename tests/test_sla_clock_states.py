"""Clock states through the real store: first response, stop while waiting, restart."""

from __future__ import annotations

import json
from pathlib import Path

from desk_seed import Clock

from gateway.conversations import ConversationService
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import InboundMessage, Priority, SupportGroup, Ticket, TicketStatus
from gateway.operations import Actor, OperatorDesk
from gateway.store import Conversation, Store, Transaction, keys
from gateway.triage import sla_clock
from gateway.triage.sla import HOUR, SlaPolicy

ROOT = Path(__file__).resolve().parents[1]
BOB = Actor("bob", "Bob")


async def open_ticket(store: Store, policy: SlaPolicy, now: float) -> Ticket:
    ticket = Ticket(
        id=await store.tickets.next_id(),
        conversation_key="telegram:77",
        channel="telegram",
        chat_id="77",
        subject="VPN drops every hour",
        group=SupportGroup.NETWORK,
        priority=Priority.P3,
        created_at=now,
        updated_at=now,
    )
    sla_clock.start_clocks(ticket, policy, now)
    conv = Conversation(key=ticket.conversation_key, channel="telegram", chat_id="77")
    conv.active_ticket = ticket.id
    tx = Transaction()
    tx.save_ticket(ticket)
    tx.ticket_event(ticket.id, "bot", "opened", "asked_for_person")
    store.conversations.save(tx, conv, now)
    await store.commit(tx)
    return ticket


async def desk_on_a_ticket(
    store: Store,
) -> tuple[Clock, ConversationService, OperatorDesk, Ticket]:
    """A P3 ticket opened now under the default 24/7 policy (P3: 4 h to respond, 3 days to
    resolve; P1: 4 h to resolve), and the service and the desk that work it, on one clock."""
    policy = SlaPolicy.default()
    clock = Clock(1_800_000_000.0)
    service = ConversationService(
        store, DialogEngine(KnowledgeLibrary(ROOT / "faq"), policy), policy, clock=clock
    )
    ticket = await open_ticket(store, policy, clock.now)
    return clock, service, OperatorDesk(service, clock=clock), ticket


async def test_the_clock_stops_while_waiting_for_the_user_and_restarts_when_they_write(
    store: Store,
) -> None:
    clock, service, desk, ticket = await desk_on_a_ticket(store)
    resolution_due = ticket.resolution_due

    clock.now += 600
    await desk.take_over(ticket.id, BOB)  # the automatic "taken" notice is no response
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.first_response_at == 0.0

    clock.now += 600
    await desk.reply(ticket.id, BOB, "Which VPN client version do you have?")
    stored = await store.tickets.get(ticket.id)
    assert stored is not None
    assert stored.first_response_at == clock.now
    assert stored.status == TicketStatus.WAITING_FOR_USER
    assert stored.sla_paused_at == clock.now
    assert await store.redis.zscore("fl:{desk}:sla:due", ticket.id) == stored.autoclose_notice_at

    clock.now += 5 * HOUR  # the user takes five hours to answer
    await service.handle(InboundMessage("telegram", "77", "m-1", text="version 5.2"))
    stored = await store.tickets.get(ticket.id)
    assert stored is not None
    assert stored.status == TicketStatus.OPEN
    assert stored.sla_paused_at == 0.0
    assert stored.resolution_due == resolution_due + 5 * HOUR
    assert await store.redis.zscore("fl:{desk}:sla:due", ticket.id) == stored.resolution_remind_at

    history = [(e.actor, e.action) for e in await store.tickets.events(ticket.id)]
    assert ("bob", "clock_stopped") in history and ("user", "clock_started") in history
    assert history.index(("bob", "clock_stopped")) < history.index(("user", "clock_started"))

    clock.now += 60
    await desk.resolve(ticket.id, BOB)
    assert await store.redis.zscore("fl:{desk}:sla:due", ticket.id) is None


async def test_a_priority_changed_while_waiting_for_the_user_counts_only_the_time_worked(
    store: Store,
) -> None:
    """Outside pass (hard-out18): raised to P1 five hours into a wait for the user, the
    ticket's working time was taken to include the wait (20 min + 5 h > P1's 4 h), so its
    resolution was due the moment the user wrote back plus the wait again, 5 h, where P1's
    4 h less the 20 min worked (3 h 40 min) were left."""
    clock, service, desk, ticket = await desk_on_a_ticket(store)
    await desk.take_over(ticket.id, BOB)
    clock.now += 20 * 60
    await desk.reply(ticket.id, BOB, "Which VPN client version do you have?")  # the wait
    clock.now += 5 * HOUR
    await desk.update(ticket.id, BOB, priority=Priority.P1)
    clock.now += HOUR
    await service.handle(InboundMessage("telegram", "77", "m-1", text="version 5.2"))
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.sla_paused_at == 0.0
    assert stored.resolution_due == clock.now + 4 * HOUR - 20 * 60
    assert stored.fired == frozenset()


async def test_a_user_asked_a_question_is_not_promised_a_past_answer_time(store: Store) -> None:
    """Outside pass (hard-out18): the priority raised while the ticket waited on the user's
    answer told them "ответ сегодня до 13:36" at 13:37 (here "expect an answer by 12:00
    today" at 17:00), the first response's due time: the clocks are stopped, there is no
    promise. Now they are told the specialist waits for their answer."""
    clock, _, desk, ticket = await desk_on_a_ticket(store)
    await desk.take_over(ticket.id, BOB)
    await desk.reply(ticket.id, BOB, "Which VPN client version do you have?")
    clock.now += 5 * HOUR  # past the first response's due time (4 h)
    await desk.update(ticket.id, BOB, priority=Priority.P1)
    told = [
        json.loads(fields[b"d"])["message"]["text"]
        for _, fields in await store.redis.xrange(keys.outbound_stream("telegram"))
    ]
    assert told[-1] == (
        f"The urgency of request {ticket.id} is now P1. "
        "The specialist is waiting for your answer to their question."
    )
