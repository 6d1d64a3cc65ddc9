"""The embedded redis-server keeps data across restarts (append-only file)."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest
import redis

from gateway.models import InboundMessage, Priority, SupportGroup, Ticket
from gateway.store import Store, Transaction, keys
from gateway.store.embedded import EmbeddedRedis, RedisUnavailable


async def test_data_survives_a_restart_of_embedded_redis(tmp_path: Path) -> None:
    server = EmbeddedRedis(tmp_path / "data")
    store = Store.from_url(await server.astart(), shards=2)
    await store.prepare()
    assert await store.inbound.accept(InboundMessage("telegram", "1", "u1", text="hi"))
    tx = Transaction()
    tx.save_ticket(
        Ticket(
            id=await store.tickets.next_id(),
            conversation_key="telegram:1",
            channel="telegram",
            chat_id="1",
            subject="no sound",
            group=SupportGroup.HARDWARE,
            priority=Priority.P3,
            created_at=1.0,
            fields={"os": "Windows 10"},
        )
    )
    await store.commit(tx)
    await store.close()
    await server.astop()

    server = EmbeddedRedis(tmp_path / "data")
    store = Store.from_url(await server.astart(), shards=2)
    try:
        ticket = await store.tickets.get("HD-000001")
        assert ticket is not None and ticket.fields == {"os": "Windows 10"}
        assert await store.tickets.next_id() == "HD-000002"
        assert not await store.inbound.accept(InboundMessage("telegram", "1", "u1", text="hi"))
        entries = await store.inbound.read([0, 1], "w", 10, 10)
        assert [e.message.text for e in entries] == ["hi"]
    finally:
        await store.close()
        await server.astop()


def test_one_server_per_data_dir_and_a_stale_lock_file_is_no_obstacle(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "redis.lock").write_text("999999\n")  # left by a process that died
    first = EmbeddedRedis(data)
    first.start()
    try:
        second = EmbeddedRedis(data)
        with pytest.raises(RedisUnavailable, match="in use by another firstline process"):
            second.claim(join=False, lock_wait=0.2)
        assert second.claim(join=True, lock_wait=0.2) is False  # it may join the running one
        assert (data / "redis.lock").read_text().strip() == str(os.getpid())
    finally:
        first.stop()
    third = EmbeddedRedis(data)
    third.start()  # the lock went with the stopped server
    third.stop()


async def test_a_killed_server_is_restarted_from_its_append_only_file(tmp_path: Path) -> None:
    # fsync always: this test is about supervision, not about the last second of writes.
    server = EmbeddedRedis(tmp_path / "data", "always")
    store = Store.from_url(await server.astart(), shards=2)
    await store.prepare()
    stopping = asyncio.Event()
    supervisor = asyncio.create_task(server.supervise(stopping))
    try:
        assert await store.inbound.accept(InboundMessage("telegram", "1", "u1", text="hi"))
        killed = server.pid
        assert killed is not None
        os.kill(killed, signal.SIGKILL)
        for _ in range(400):
            if server.restarts:
                break
            await asyncio.sleep(0.05)
        assert server.restarts == 1 and server.pid != killed
        # The same store client reconnects by itself; the data came back from the AOF.
        assert not await store.inbound.accept(InboundMessage("telegram", "1", "u1", text="hi"))
        entries = await store.inbound.read([0, 1], "w", 10, 10)
        assert [e.message.text for e in entries] == ["hi"]
    finally:
        stopping.set()
        await supervisor
        await store.close()
        await server.astop()


async def test_a_conversation_is_kept_compact_by_the_embedded_redis(tmp_path: Path) -> None:
    """A conversation's dialog state is ~1-2 KB of JSON: the embedded server keeps the hash
    as one compact list, not a hash table of separately allocated fields."""
    server = EmbeddedRedis(tmp_path / "data")
    store = Store.from_url(await server.astart(), shards=2)
    try:
        conv, _ = await store.conversations.load("webchat:c1", "webchat", "c1")
        conv.state = {"asked": ["problem", "tried", "error"], "notes": "x" * 1500}
        tx = Transaction()
        store.conversations.save(tx, conv, 1.0)
        await store.commit(tx)
        loaded, _ = await store.conversations.load("webchat:c1", "webchat", "c1")
        assert loaded.state == conv.state
        with redis.Redis(unix_socket_path=str(server.socket)) as r:
            encoding = r.object("encoding", keys.conversation("webchat:c1"))
        assert encoding in (b"ziplist", b"listpack")
    finally:
        await store.close()
        await server.astop()


async def test_a_tickets_short_history_takes_no_4_kb_node_in_the_embedded_redis(
    tmp_path: Path,
) -> None:
    """Redis 6.2 allocates a stream's node at its full size: a ticket's history of one or
    a few events took 4.7 KB. The embedded server's nodes are small; the history reads
    back whole, and a long stream still takes every entry."""
    server = EmbeddedRedis(tmp_path / "data")
    store = Store.from_url(await server.astart(), shards=2)
    try:
        tx = Transaction()
        tx.ticket_event("T-1", "bot", "opened", "the printer does not print")
        for n in range(300):
            tx.ticket_event("T-2", "user", "details", f"detail {n}")
        await store.commit(tx)
        opened = await store.tickets.events("T-1")
        assert [(e.actor, e.action, e.detail) for e in opened] == [
            ("bot", "opened", "the printer does not print")
        ]
        assert [e.detail for e in await store.tickets.events("T-2")] == [
            f"detail {n}" for n in range(300)
        ]
        with redis.Redis(unix_socket_path=str(server.socket)) as r:
            assert r.memory_usage(keys.ticket_events("T-1")) < 2048
    finally:
        await store.close()
        await server.astop()


async def test_a_transcript_is_kept_in_small_nodes_by_the_embedded_redis(tmp_path: Path) -> None:
    """A transcript grows an entry at a time: the embedded server keeps it in nodes of a few
    entries (each append reallocates only a small node), and reads it back whole."""
    server = EmbeddedRedis(tmp_path / "data")
    store = Store.from_url(await server.astart(), shards=2)
    try:
        with redis.Redis(unix_socket_path=str(server.socket)) as r:
            assert r.config_get("list-max-ziplist-size") == {"list-max-ziplist-size": "4"}
            entries = [f'{{"text": "entry {n}"}}' for n in range(11)]
            for entry in entries:
                r.rpush("fl:conv:{webchat:c1}:log", entry)
            assert [e.decode() for e in r.lrange("fl:conv:{webchat:c1}:log", 0, -1)] == entries
    finally:
        await store.close()
        await server.astop()
