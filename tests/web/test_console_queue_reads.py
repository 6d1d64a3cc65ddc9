"""The queue's unread counts read in one round trip, whatever the queue's length (real
gateway, real Redis; outside pass, session 25)."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from harness import Console, Gateway, seed_ticket

from gateway.app import RUNTIME
from gateway.store import Store, Transaction

TICKETS = 40


async def test_unread_counts_are_the_same_and_read_in_one_batch(
    gateway: Gateway, store: Store, http: aiohttp.ClientSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, each ticket's transcript was one call to Redis: 400 tickets, 400 round trips
    (2.5 s on a loaded host). The counts are unchanged; no ticket reads on its own."""
    tickets = [await seed_ticket(store, subject=f"scanner {n}") for n in range(TICKETS)]
    for n, ticket in enumerate(tickets[:5]):  # n more messages from the user, a bot reply
        tx = Transaction()
        for m in range(n):
            tx.transcript(ticket.conversation_key, {"direction": "in", "text": f"again {m}"})
        tx.transcript(ticket.conversation_key, {"direction": "out", "text": "noted"})
        await store.commit(tx)
    await store.operators.mark_seen("bob", tickets[4].id, 3)  # Bob read 3 of its 6 entries

    conversations = gateway.app[RUNTIME].store.conversations
    client: Any = conversations._redis
    one_by_one: list[str] = []
    read = client.lrange

    async def counted(name: Any, start: int, end: int) -> Any:
        one_by_one.append(str(name))
        return await read(name, start, end)

    monkeypatch.setattr(client, "lrange", counted)
    console = Console(http, gateway)
    await console.sign_in("bob")
    status, queue = await console.get("/console/api/tickets")
    assert status == 200
    unread = {t["id"]: t["unread"] for t in queue["tickets"]}
    assert len(unread) == TICKETS
    assert [unread[t.id] for t in tickets[:5]] == [1, 2, 3, 4, 2]
    assert all(unread[t.id] == 1 for t in tickets[5:])
    assert one_by_one == []
