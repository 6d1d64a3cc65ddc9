"""Live ticket changes: every changed ticket reaches the sockets that follow it, once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from gateway.models import Priority, SupportGroup, Ticket
from gateway.store import Store, Transaction
from gateway.web.live import Added, LiveHub


class Recorder:
    """A listener that keeps what it is told."""

    def __init__(self) -> None:
        self.tickets: list[Ticket] = []
        self.transcripts: list[str] = []

    def transcript_changed(self, conversation_key: str) -> None:
        self.transcripts.append(conversation_key)

    def transcript_added(self, conversation_key: str, added: Added) -> None:
        self.transcripts.append(conversation_key)

    def ticket_changed(self, ticket: Ticket) -> None:
        self.tickets.append(ticket)

    def typing(self, conversation_key: str, who: str, name: str) -> None:
        pass

    def sla_alert(self, event: dict[str, Any]) -> None:
        pass

    def activity(self, conversation_key: str) -> None:
        pass

    def incidents_changed(self) -> None:
        pass


def ticket(tid: str, chat_id: str, subject: str) -> Ticket:
    return Ticket(
        id=tid,
        conversation_key=f"webchat:{chat_id}",
        channel="webchat",
        chat_id=chat_id,
        subject=subject,
        group=SupportGroup.HARDWARE,
        priority=Priority.P3,
        created_at=1.0,
        updated_at=1.0,
    )


async def until(done: Any, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not done():
        assert asyncio.get_running_loop().time() < deadline, "not told in time"
        await asyncio.sleep(0.01)


async def test_tickets_changed_together_reach_their_followers_each_once(store: Store) -> None:
    hub = LiveHub(store)
    desk, visitor, other = Recorder(), Recorder(), Recorder()
    hub.follow_all_tickets(desk)
    hub.follow("webchat:b", visitor)
    hub.follow("webchat:z", other)
    hub.start()
    try:
        await asyncio.wait_for(hub.subscribed.wait(), 60)
        saved = [
            ticket("T-1", "a", "printer"),
            ticket("T-2", "b", "vpn"),
            ticket("T-3", "c", "mail"),
        ]
        tx = Transaction()
        for t in saved:
            tx.save_ticket(t)
            tx.ticket_event(t.id, "bot", "created")
        await store.commit(tx)
        hub.dispatch({"type": "ticket", "ticket": "T-404"})  # gone: nothing to tell
        await until(lambda: len(desk.tickets) >= 3 and visitor.tickets)
        await asyncio.sleep(0.2)  # anything told twice would have arrived by now
    finally:
        await hub.stop()
    assert sorted((t.id, t.subject) for t in desk.tickets) == [
        ("T-1", "printer"),
        ("T-2", "vpn"),
        ("T-3", "mail"),
    ]
    assert [(t.id, t.conversation_key) for t in visitor.tickets] == [("T-2", "webchat:b")]
    assert other.tickets == []


async def test_a_change_committed_before_the_hub_subscribed_reaches_its_follower(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process subscribes to the live events while turns already commit (at its start,
    or again after Redis dropped it): what was published before Redis confirmed the
    subscription reached nobody here, and a web chat open then did not show the reply
    until something else changed (on a loaded host, right after start: the cluster
    serving test's web chat waited for its greeting). Each confirmed subscription now
    makes every follower catch up from the store."""
    gate = asyncio.Event()
    subscribe = store.live_events

    async def late(subscribed: asyncio.Event | None = None) -> AsyncIterator[dict[str, Any]]:
        await gate.wait()
        async for event in subscribe(subscribed):
            yield event

    monkeypatch.setattr(store, "live_events", late)
    hub = LiveHub(store)
    visitor, later = Recorder(), Recorder()
    hub.follow("webchat:early", visitor)
    hub.follow("webchat:later", later)
    hub.start()
    try:
        tx = Transaction()
        tx.transcript("webchat:early", {"direction": "out", "text": "Hello!"})
        await store.commit(tx)  # published while the hub is not yet subscribed
        gate.set()
        await asyncio.wait_for(hub.subscribed.wait(), 60)
        tx = Transaction()
        tx.transcript("webchat:later", {"direction": "out", "text": "Hi again"})
        await store.commit(tx)
        await until(lambda: later.transcripts)  # the hub hears what comes after
    finally:
        await hub.stop()
    assert visitor.transcripts == ["webchat:early"]
