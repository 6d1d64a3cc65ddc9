"""An operator's action is applied once: when redis-py sends its commit again after the
answer was lost (the server had applied it), and when the console repeats the action
with the same id (a retry after a lost response, a double click)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from desk_seed import Desk
from lost_answers import LostAnswers, lost_answers

from gateway.dialogs.accounts import AccountOutcome, AccountResult
from gateway.models import Level, Priority, SupportGroup, Ticket, TicketStatus
from gateway.operations import Actor
from gateway.store import Store, keys

BOB = Actor("bob", "Bob")


async def sent_to(store: Store, ticket: Ticket) -> list[str]:
    """What is queued for the user's channel, in order."""
    rows = await store.redis.xrange(keys.outbound_stream(ticket.channel))
    return [
        d["message"]["text"]
        for d in (json.loads(fields[b"d"]) for _, fields in rows)
        if d["chat_id"] == ticket.chat_id
    ]


async def logged(store: Store, ticket: Ticket) -> list[str]:
    """The transcript's texts, in order."""
    return [e["text"] for e in await store.conversations.transcript(ticket.conversation_key)]


async def history(store: Store, ticket: Ticket) -> list[str]:
    return [e.action for e in await store.tickets.events(ticket.id)]


@asynccontextmanager
async def bobs_ticket(
    redis_url: str, chat: str, group: SupportGroup
) -> AsyncIterator[tuple[LostAnswers, Store, Desk, Ticket]]:
    """A Telegram ticket Bob has taken over, on a store that talks to redis through a proxy
    that can lose a commit's answer: the proxy, the store, the desk and the ticket."""
    async with lost_answers(redis_url) as proxy:
        store = Store.from_url(proxy.url, shards=4)
        try:
            await store.prepare()
            d = Desk.build(store)
            ticket = await d.ticket("telegram", chat, group, Priority.P3, "urgent")
            await d.desk.take_over(ticket.id, BOB)
            yield proxy, store, d, ticket
        finally:
            await store.close()


async def test_an_operator_reply_whose_answer_was_lost_reaches_the_user_once(
    redis_url: str,
) -> None:
    async with bobs_ticket(redis_url, "t1", SupportGroup.HARDWARE) as (proxy, store, d, ticket):
        before = await sent_to(store, ticket)

        proxy.arm("restart the print spooler")
        await d.desk.reply(ticket.id, BOB, "Please restart the print spooler.")

        assert proxy.lost == 1  # the commit was applied, its answer lost, and sent again
        reply = "Please restart the print spooler."
        assert (await sent_to(store, ticket))[len(before) :] == [reply]
        assert (await logged(store, ticket)).count(reply) == 1
        assert (await history(store, ticket)).count("replied") == 1
        stored = await store.tickets.get(ticket.id)
        assert stored is not None and stored.status == TicketStatus.WAITING_FOR_USER


async def test_a_resolution_whose_answer_was_lost_is_told_once_and_not_refused(
    redis_url: str,
) -> None:
    async with bobs_ticket(redis_url, "t2", SupportGroup.HARDWARE) as (proxy, store, d, ticket):
        before = await sent_to(store, ticket)

        proxy.arm("the cable was loose")
        # Before: the commit sent again failed its check, the action was computed again
        # from the resolved ticket and refused ("already resolved").
        await d.desk.resolve(ticket.id, BOB, "the cable was loose")

        assert proxy.lost == 1
        told = (await sent_to(store, ticket))[len(before) :]
        assert len(told) == len(set(told)) == 2  # resolved, and the rating is asked: once
        assert ticket.id in told[0]
        assert (await history(store, ticket)).count("resolved") == 1


async def test_account_news_whose_answer_was_lost_is_told_once(redis_url: str) -> None:
    """The password page tells the user on their channel what it did (here: to a
    conversation an operator holds). That commit, sent again after it was applied, failed
    its version check and was computed and queued again."""
    async with bobs_ticket(redis_url, "t4", SupportGroup.ACCOUNTS) as (proxy, store, d, ticket):
        before = await sent_to(store, ticket)

        proxy.arm("Your account is unlocked.")
        await d.service.account_news(
            "telegram", "t4", AccountResult("unlock", AccountOutcome.UNLOCKED)
        )

        assert proxy.lost == 1
        told = (await sent_to(store, ticket))[len(before) :]
        assert told == ["Your account is unlocked. You can sign in again."]


async def test_an_action_repeated_with_its_id_is_applied_once_and_answered_the_same(
    store: Store,
) -> None:
    d = Desk.build(store)
    ticket = await d.ticket("telegram", "t3", SupportGroup.HARDWARE, Priority.P3, "urgent")
    assert (await d.desk.take_over(ticket.id, BOB, action_id="click-take-1")).won
    again = await d.desk.take_over(ticket.id, BOB, action_id="click-take-1")
    assert again.won
    before = await sent_to(store, ticket)

    for _ in range(2):  # the console's retry after a lost response: the same id
        await d.desk.reply(ticket.id, BOB, "Try the other socket.", action_id="click-reply-1")
    await d.desk.note(ticket.id, BOB, "socket 2 is dead", action_id="click-note-1")
    await d.desk.note(ticket.id, BOB, "socket 2 is dead", action_id="click-note-1")
    first = await d.desk.update(ticket.id, BOB, level=Level.L2, action_id="click-level-1")
    second = await d.desk.update(ticket.id, BOB, level=Level.L2, action_id="click-level-1")

    assert (await sent_to(store, ticket))[len(before) :].count("Try the other socket.") == 1
    assert (await logged(store, ticket)).count("Try the other socket.") == 1
    assert [n["text"] for n in await store.tickets.notes(ticket.id)] == ["socket 2 is dead"]
    assert first.to_queue and second.to_queue and first.changes == second.changes
    events = await history(store, ticket)
    assert [events.count(a) for a in ("taken", "replied", "note", "updated")] == [1, 1, 1, 1]
    # Another click (another id) is another action: the same words, sent again.
    await d.desk.take_over(ticket.id, BOB, action_id="click-take-2")
    await d.desk.reply(ticket.id, BOB, "Try the other socket.", action_id="click-reply-2")
    assert (await logged(store, ticket)).count("Try the other socket.") == 2
