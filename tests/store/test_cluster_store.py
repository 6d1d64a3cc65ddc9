"""The store on a real Redis Cluster (3 primaries, 3 replicas, formed by the fixture).

Every atomic step touches one slot (a CROSSSLOT would fail these tests), a commit that
spans slots is applied exactly once even when its process dies between steps, and
intake and delivery spread over the primaries. The rest of the store's suite runs on a
cluster with `FIRSTLINE_TEST_REDIS=cluster` (README, "Tests").
"""

from __future__ import annotations

import signal
import time
from dataclasses import replace
from typing import Any

import pytest
from redis.crc import key_slot
from redis_topologies import ClusterSetup, RedisProcess

from gateway.models import (
    BOT_OWNER,
    InboundMessage,
    OutboundMessage,
    Priority,
    SupportGroup,
    Ticket,
    TicketStatus,
)
from gateway.store import CommitConflict, NotReplicated, Store, Transaction, keys
from gateway.store.conversations import ConversationStore
from gateway.store.slot_steps import STALE_AFTER_SECONDS, SlotSteps


class Crash(Exception):
    """The process "dies" after the commit's home step."""


async def commit_then_die(store: Store, tx: Transaction, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commit `tx` in a process that dies right after the home step."""

    async def die(*args: Any) -> None:
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(SlotSteps, "_finish", die)
        with pytest.raises(Crash):
            await store.commit(tx)


def a_ticket(tid: str, conversation: str) -> Ticket:
    now = time.time()
    return Ticket(
        id=tid,
        conversation_key=conversation,
        channel="telegram",
        chat_id=conversation.split(":")[1],
        subject="printer offline",
        group=SupportGroup.HARDWARE,
        priority=Priority.P3,
        status=TicketStatus.NEW,
        created_at=now,
        updated_at=now,
        resolution_due=now + 600,
    )


async def a_turn(store: Store, chat: str, entry: Any = None) -> Transaction:
    """What a dialog turn writes: the conversation, its transcript, a reply, a ticket."""
    key = f"telegram:{chat}"
    conv, _ = await store.conversations.load(key, "telegram", chat)
    tx = Transaction()
    tx.transcript(key, {"direction": "in", "text": "не печатает"})
    tx.deliver("telegram", chat, OutboundMessage(text="Заявка HD-000001"))
    tx.save_ticket(a_ticket("HD-000001", key))
    ConversationStore.save(tx, conv, time.time())
    if entry is not None:
        tx.ops.extend(store.inbound.ack_ops(entry))
    return tx


async def test_a_turn_commits_across_slots_and_reads_back(cluster_store: Store) -> None:
    store = cluster_store
    tx = await a_turn(store, "501")
    slots = {key_slot(op[1].encode()) for op in tx.ops}
    assert len(slots) >= 4  # conversation, ticket, desk indexes, outbound stream
    await store.commit(tx)
    conv, tickets = await store.conversations.load("telegram:501", "telegram", "501")
    assert conv.version == 1 and conv.owner == BOT_OWNER
    assert [t.id for t in tickets] == ["HD-000001"]
    assert [t.id for t in await store.tickets.queue(SupportGroup.HARDWARE)] == ["HD-000001"]
    assert await store.outbox.pending("telegram") == 1
    assert await store.redis.zcard(keys.INTENTS) == 0  # nothing left to finish


async def test_a_commit_cut_after_its_home_step_is_finished_once(
    cluster_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = cluster_store
    await commit_then_die(store, await a_turn(store, "502"), monkeypatch)
    # The conversation's slot has the turn; the other slots do not have it yet.
    assert len(await store.conversations.transcript("telegram:502")) == 1
    assert await store.outbox.pending("telegram") == 0
    assert await store.tickets.get("HD-000001") is None

    steps = SlotSteps(store.redis, store._durable)
    assert await steps.finish_stale(time.time()) == 0  # young: its process may be alive
    later = time.time() + STALE_AFTER_SECONDS + 1
    assert await steps.finish_stale(later) == 1
    assert await steps.finish_stale(later) == 0
    assert await store.outbox.pending("telegram") == 1
    ticket = await store.tickets.get("HD-000001")
    assert ticket is not None and ticket.conversation_key == "telegram:502"
    assert await store.redis.zcard(keys.INTENTS) == 0


async def test_a_replayed_turn_is_not_applied_twice(
    cluster_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker dies after the home step of a turn; the shard's next worker reclaims the
    entry and runs the turn again: it is acknowledged, and its writes are there once."""
    store = cluster_store
    message = InboundMessage(channel="telegram", chat_id="503", message_id="m1", text="hi")
    assert await store.inbound.accept(message)
    shard = store.inbound.shard_of(message.conversation_key)
    [entry] = await store.inbound.read([shard], "dies", 10, 10)

    await commit_then_die(store, await a_turn(store, "503", entry), monkeypatch)

    [again] = await store.inbound.reclaim(shard, "next")
    assert again.entry_id == entry.entry_id
    await store.commit(await a_turn(store, "503", again))  # a fresh read: version 1 now
    assert len(await store.conversations.transcript("telegram:503")) == 1
    assert await store.outbox.pending("telegram") == 1
    assert await store.inbound.backlog() == 0
    assert await store.redis.zcard(keys.INTENTS) == 0


async def test_a_version_checked_in_another_slot_refuses_a_stale_commit(
    cluster_store: Store,
) -> None:
    store = cluster_store
    await store.commit(await a_turn(store, "504"))
    revision = await store.tickets.revision("HD-000001")
    conv, _ = await store.conversations.load("telegram:504", "telegram", "504")

    def operator_change(note: str) -> Transaction:
        tx = Transaction()
        tx.expect_ticket_revision("HD-000001", revision)
        tx.update_ticket("HD-000001", {"updated_at": time.time(), "subject": note})
        ConversationStore.save(tx, conv, time.time())
        return tx

    await store.commit(operator_change("first"))
    conv.version -= 1  # the second change was computed from the same reads
    with pytest.raises(CommitConflict):
        await store.commit(operator_change("second"))
    stored = await store.tickets.get("HD-000001")
    assert stored is not None and stored.subject == "first"
    # The lock the check took in the ticket's slot is gone: a fresh change goes through.
    revision = await store.tickets.revision("HD-000001")
    conv, _ = await store.conversations.load("telegram:504", "telegram", "504")
    await store.commit(operator_change("third"))
    stored = await store.tickets.get("HD-000001")
    assert stored is not None and stored.subject == "third"


async def test_dead_letters_claims_and_timers_work_on_a_cluster(cluster_store: Store) -> None:
    store = cluster_store
    await store.outbox.ensure_group("telegram")
    await store.commit(await a_turn(store, "505"))
    [entry] = await store.outbox.read("telegram", "sender", 10, 10)
    await store.outbox.dead("telegram", entry, "blocked", time.time())
    assert await store.outbox.pending("telegram") == 0
    assert await store.outbox.retry_dead(entry.delivery.delivery_id)
    assert not await store.outbox.retry_dead(entry.delivery.delivery_id)  # gone now
    assert await store.outbox.pending("telegram") == 1

    ticket = await store.tickets.get("HD-000001")
    assert ticket is not None
    won = await store.tickets.claim(ticket, "anna", time.time())
    lost = await store.tickets.claim(ticket, "boris", time.time())
    assert won.won and not lost.won and lost.holder == "anna"
    conv = await store.conversations.get("telegram:505")
    assert conv is not None and conv.owner == "operator:anna"

    due = await store.sla_timers.claim(time.time() + 10**9, time.time() + 30, 10)
    assert due == ["HD-000001"]


async def test_shards_and_outbound_streams_spread_over_the_primaries(
    shared_cluster: ClusterSetup,
) -> None:
    store = Store.connect(shared_cluster.target(), shards=16)
    try:
        await store.redis.initialize()
        owner = store.redis.get_node_from_key
        shards = {owner(keys.inbound_stream(s)).name for s in range(16)}
        channels = ["telegram", "viber", "webchat", "email", "whatsapp", "messenger"]
        outbound = {owner(keys.outbound_stream(c)).name for c in channels}
        assert len(shards) == 3 and len(outbound) >= 2
    finally:
        await store.close()


def replica_of(setup: ClusterSetup, primary: str) -> RedisProcess:
    view = setup.known(setup.nodes[0])
    primary_id = next(v["node_id"] for a, v in view.items() if a.startswith(primary))
    address = next(a for a, v in view.items() if v["master_id"] == primary_id)
    return next(n for n in setup.nodes if address.startswith(n.address))


async def test_writes_wait_for_the_shards_replica(shared_cluster: ClusterSetup) -> None:
    """WAIT goes to the primary of the written slot and counts its replica: while that
    replica does not answer, nothing is acknowledged (the retry is deduplicated once it
    does). Asking for more replicas than a primary has is the degraded mode: confirmed by
    the replicas it has, and noted."""
    shared_cluster.flush()
    store = Store.connect(
        replace(shared_cluster.target(wait_replicas=1), wait_timeout_ms=300), shards=4
    )
    greedy = Store.connect(shared_cluster.target(wait_replicas=2), shards=4)
    try:
        await store.prepare()
        message = InboundMessage(channel="telegram", chat_id="77", message_id="w1", text="x")
        stream = keys.inbound_stream(store.inbound.shard_of(message.conversation_key))
        await store.redis.initialize()
        primary = store.redis.get_node_from_key(stream).name
        replica = replica_of(shared_cluster, primary)
        assert replica.proc is not None
        replica.proc.send_signal(signal.SIGSTOP)
        try:
            with pytest.raises(NotReplicated):
                await store.inbound.accept(message)
        finally:
            replica.proc.send_signal(signal.SIGCONT)
        assert not await store.inbound.accept(message)  # the retry: stored once, confirmed
        assert await store.redis.xlen(stream) == 1
        assert (await store.tickets.next_id()).startswith("HD-")

        assert await greedy.inbound.accept(replace(message, message_id="w2"))
        assert set(greedy._durable.replicas_of.values()) == {1}  # degraded: 1 of 2
    finally:
        await store.close()
        await greedy.close()
