"""The SLA timer service against a real Redis: warnings, breaches that escalate, auto-close."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from desk_seed import Clock
from live_news import heard
from lost_answers import lost_answers
from prometheus_client import REGISTRY

from gateway.conversations import ConversationService
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import Level, Priority, SupportGroup, Ticket, TicketStatus
from gateway.operations import Actor, OperatorDesk
from gateway.sla_timers import SlaTimerService
from gateway.store import Conversation, Store, Transaction, keys, scripts
from gateway.triage import sla_clock
from gateway.triage.sla import DAY, MINUTE, EscalationPolicy, SlaPolicy

ROOT = Path(__file__).resolve().parents[1]
START = 1_800_000_000.0  # 2027-01-15 08:00 UTC


def build(store: Store, clock: Clock, **escalation: Any) -> SlaTimerService:
    policy = SlaPolicy.default()
    engine = DialogEngine(KnowledgeLibrary(ROOT / "faq"), policy)
    service = ConversationService(store, engine, policy, clock=clock)
    desk = OperatorDesk(service, clock=clock)
    rules = EscalationPolicy(
        on_breach={p: ("next_level", "notify_lead") for p in Priority},
        leads={"hardware": "lena"},
        **escalation,
    )
    return SlaTimerService(store, desk, policy, rules, engine.texts, clock=clock)


async def open_ticket(store: Store, chat_id: str, priority: Priority = Priority.P2) -> Ticket:
    ticket = Ticket(
        id=await store.tickets.next_id(),
        conversation_key=f"telegram:{chat_id}",
        channel="telegram",
        chat_id=chat_id,
        subject="Printer jams on every page",
        group=SupportGroup.HARDWARE,
        priority=priority,
        language="en",
        created_at=START,
        updated_at=START,
    )
    sla_clock.start_clocks(ticket, SlaPolicy.default(), START)
    conv = Conversation(key=ticket.conversation_key, channel="telegram", chat_id=chat_id)
    conv.active_ticket = ticket.id
    conv.language = "en"
    tx = Transaction()
    tx.save_ticket(ticket)
    store.conversations.save(tx, conv, START)
    await store.commit(tx)
    return ticket


async def sent_to(store: Store, chat_id: str) -> list[str]:
    rows = await store.redis.xrange(keys.outbound_stream("telegram"))
    out = []
    for _, fields in rows:
        delivery = json.loads(fields[b"d"])
        if delivery["chat_id"] == chat_id:
            out.append(delivery["message"]["text"])
    return out


async def alerts(store: Store, during: Any) -> list[dict[str, Any]]:
    """SLA alerts published while `during` runs, as every console process receives them."""
    async with heard(store) as events:
        await during
    return [event for event in events if event.get("type") == "sla_alert"]


async def test_warning_then_breach_escalates_and_tells_the_user_once(store: Store) -> None:
    clock = Clock(START)
    timers = build(store, clock, on_duty_telegram_chat="duty-1")
    ticket = await open_ticket(store, "501")  # P2: 30 min to the first response, 24/7

    clock.now = START + 22 * MINUTE  # before 75%
    assert await timers.tick() == 0
    clock.now = START + 23 * MINUTE
    warned = await alerts(store, timers.tick())
    assert [(a["kind"], a["clock"], a["to"]) for a in warned] == [("warning", "first_response", "")]
    assert await timers.tick() == 0  # not again

    clock.now = START + 31 * MINUTE
    labels = {"group": "hardware", "priority": "P2", "clock": "first_response"}
    before = REGISTRY.get_sample_value("firstline_sla_breaches_total", labels) or 0
    breached = await alerts(store, timers.tick())
    assert REGISTRY.get_sample_value("firstline_sla_breaches_total", labels) == before + 1
    assert [(a["kind"], a["to"]) for a in breached] == [("breach", ""), ("breach", "lena")]
    stored = await store.tickets.get(ticket.id)
    assert stored is not None
    assert (stored.level, stored.status) == (Level.L2, TicketStatus.ESCALATED)
    assert stored.breached
    assert stored.first_response_due == clock.now + 30 * MINUTE  # the new line's promise
    user = await sent_to(store, "501")
    assert len(user) == 1
    assert f"request {ticket.id} is taking longer than we promised" in user[0]
    assert "passed to the second line; expected answer by 09:01 today." in user[0]
    duty = await sent_to(store, "duty-1")
    assert [d.split(":")[0] for d in duty] == ["SLA warning", "SLA breach"]
    history = [(e.actor, e.action) for e in await store.tickets.events(ticket.id)]
    assert history.count(("sla", "sla")) == 2
    for _ in range(3):
        clock.now += 9 * MINUTE  # up to 08:58, before the new promise (09:01)
        await timers.tick()
    assert len(await sent_to(store, "501")) == 1  # the breach is told once


async def test_the_time_promised_after_a_breach_is_watched_once_across_a_restart(
    store: Store,
) -> None:
    clock = Clock(START)
    timers = build(store, clock, on_duty_telegram_chat="duty-2")
    ticket = await open_ticket(store, "502")  # P2: first response due 08:30
    clock.now = START + 31 * MINUTE
    await timers.tick()  # breach: L1 -> L2, "expected answer by 09:01 today"
    clock.now = START + 60 * MINUTE
    assert await timers.tick() == 0  # the new promise still holds
    assert len(await sent_to(store, "502")) == 1

    timers = build(store, clock, on_duty_telegram_chat="duty-2")  # the gateway restarted
    clock.now = START + 62 * MINUTE  # 09:02: the promise of 09:01 is broken too
    broken = await alerts(store, timers.tick())
    assert [(a["kind"], a["clock"], a["to"]) for a in broken] == [
        ("breach", "first_response", ""),
        ("breach", "first_response", "lena"),
    ]
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.level == Level.L3
    user = await sent_to(store, "502")
    assert len(user) == 2
    assert f"request {ticket.id} is taking longer than we promised" in user[1]
    assert "expected answer by 09:32 today." in user[1]
    # the warning of 08:22 was first seen at 08:31, with its breach: only the breaches
    assert [d.split(":")[0] for d in await sent_to(store, "duty-2")] == [
        "SLA breach", "SLA breach",
    ]  # fmt: skip
    for _ in range(3):  # nothing twice for one promise
        clock.now += 9 * MINUTE  # up to 09:29
        await asyncio.gather(timers.tick(), build(store, clock).tick())
    assert len(await sent_to(store, "502")) == 2

    # An answer keeps a promise of a first answer: nothing fires when its time passes.
    root = Actor(login="root", name="Root")
    await timers.desk.take_over(ticket.id, root)
    await timers.desk.reply(ticket.id, root, "Looking at it now")
    clock.now = START + 95 * MINUTE  # 09:35, past 09:32
    await timers.tick()
    told = await sent_to(store, "502")
    assert told[-1] == "Looking at it now"  # and no "longer than we promised" after it


async def test_a_first_response_due_while_the_gateway_was_down_fires_once_late(
    store: Store,
) -> None:
    """Outside pass, session 24: the gateway down from 08:10 to 08:40 past a P2 ticket's
    first-response warning (08:22) and breach (08:30). Restarted, it told the operators and
    the on-duty chat "first response due soon" together with "breached": a warning that
    arrives after the breach. The breach fires once, late, and is not lost; the warning
    that ran out with it is marked, told to nobody."""
    clock = Clock(START)
    timers = build(store, clock, on_duty_telegram_chat="duty-3")
    ticket = await open_ticket(store, "503")
    clock.now = START + 10 * MINUTE
    assert await timers.tick() == 0
    timers.stop()  # down; nothing ticks until 08:40

    clock.now = START + 40 * MINUTE
    restarted = build(store, clock, on_duty_telegram_chat="duty-3")
    fired = await alerts(store, restarted.tick())
    assert [(a["kind"], a["clock"], a["to"]) for a in fired] == [
        ("breach", "first_response", ""),
        ("breach", "first_response", "lena"),
    ]
    assert [d.split(":")[0] for d in await sent_to(store, "duty-3")] == ["SLA breach"]
    assert len(await sent_to(store, "503")) == 1  # the user is told once
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.level == Level.L2 and stored.breached
    for _ in range(3):  # not twice, whichever process looks
        clock.now += 5 * MINUTE
        both = asyncio.gather(restarted.tick(), build(store, clock).tick())
        assert await alerts(store, both) == []
    assert len(await sent_to(store, "503")) == 1


async def test_two_services_never_fire_the_same_timer_twice(store: Store) -> None:
    clock = Clock(START)
    a, b = build(store, clock), build(store, clock)
    tickets = [await open_ticket(store, f"6{i:02d}") for i in range(30)]
    clock.now = START + 31 * MINUTE  # warning and breach both due
    await asyncio.gather(a.tick(), b.tick(), a.tick(), b.tick())
    for ticket in tickets:
        stored = await store.tickets.get(ticket.id)
        assert stored is not None and stored.level == Level.L2
        assert stored.fired >= {"first_response_warning", "first_response_breach"}
        assert len(await sent_to(store, ticket.chat_id)) == 1


async def test_a_claim_whose_holder_died_is_fired_after_its_lease(store: Store) -> None:
    clock = Clock(START)
    timers = build(store, clock)
    ticket = await open_ticket(store, "701")
    clock.now = START + 24 * MINUTE
    # A process claims the ticket and dies before doing anything.
    assert await store.sla_timers.claim(clock.now, clock.now + 30, 10) == [ticket.id]
    assert await timers.tick() == 0  # held by the dead process
    clock.now += 31
    assert await timers.tick() == 1
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and "first_response_warning" in stored.fired
    assert await store.sla_timers.claimed() == 0


async def test_a_claim_whose_answer_was_lost_is_fired_without_waiting_its_lease(
    redis_url: str,
) -> None:
    """The claim moved the due ticket to the claimed set and its answer was lost; sent
    again it found nothing due, so the warning waited for the lease to run out (30 s)."""
    async with lost_answers(redis_url) as proxy:
        store = Store.from_url(proxy.url, shards=4)
        try:
            clock = Clock(START)
            timers = build(store, clock)
            ticket = await open_ticket(store, "702")
            clock.now = START + 24 * MINUTE
            await store.redis.script_load(scripts.CLAIM_SLA_TIMERS)  # sent as EVALSHA
            proxy.arm(repr(clock.now + timers.lease_seconds))  # the claim's lease deadline
            assert await timers.tick() == 1
            assert proxy.lost == 1
            stored = await store.tickets.get(ticket.id)
            assert stored is not None and "first_response_warning" in stored.fired
            assert await store.sla_timers.claimed() == 0
        finally:
            await store.close()


async def test_waiting_on_the_user_ends_with_a_last_notice_then_auto_close(store: Store) -> None:
    clock = Clock(START)
    timers = build(store, clock)
    desk = timers.desk
    ticket = await open_ticket(store, "801", Priority.P3)
    bob = Actor("bob", "Bob")
    await desk.take_over(ticket.id, bob)
    await desk.reply(ticket.id, bob, "Could you send a photo of the error?")
    before = len(await sent_to(store, "801"))
    clock.now = START + 6 * DAY + MINUTE  # the last notice, a day before closing
    await timers.tick()
    notice = (await sent_to(store, "801"))[before:]
    assert len(notice) == 1 and "waiting for your reply" in notice[0]
    clock.now = START + 7 * DAY + MINUTE
    await timers.tick()
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.status == TicketStatus.CLOSED
    closed = (await sent_to(store, "801"))[before + 1 :]
    assert len(closed) == 1 and "closed because we had no reply" in closed[0]
    assert not stored.breached  # the paused clocks never ran out
    assert await store.sla_timers.pending() == 0
