"""A store written before hash tags is renamed once at start, and nothing in it is lost:
conversations, tickets, queues, SLA timers, inbound entries still pending, dedupe keys."""

from __future__ import annotations

import json
import time

import redis as sync_redis

from gateway.models import InboundMessage, SupportGroup
from gateway.store import Store, keys, migration


def write_old_layout(url: str) -> None:
    """What an older firstline left in Redis (names without hash tags)."""
    r = sync_redis.Redis.from_url(url)
    now = time.time()
    r.hset("fl:conv:telegram:5", mapping={"channel": "telegram", "chat_id": "5",
                                          "version": "3", "owner": "bot"})  # fmt: skip
    r.rpush("fl:conv:telegram:5:log", json.dumps({"direction": "in", "text": "не печатает"}))
    r.sadd("fl:conv:telegram:5:tickets", "HD-000007")
    r.hset("fl:ticket:HD-000007", mapping={
        "id": "HD-000007", "conversation_key": "telegram:5", "channel": "telegram",
        "chat_id": "5", "subject": "printer", "group": "hardware", "priority": "P3",
        "status": "new", "created_at": repr(now), "updated_at": repr(now),
    })  # fmt: skip
    r.hset("fl:ticket:HD-000007:fields", mapping={"product": "HP LaserJet"})
    r.set("fl:ticket:seq", 7)
    r.zadd("fl:queue:hardware", {"HD-000007": 3 * 10**10 + now})
    r.zadd("fl:tickets", {"HD-000007": now})
    r.zadd("fl:sla:due", {"HD-000007": now + 60})
    # An inbound entry read by a worker and not yet processed (pending), and its dedupe key.
    message = InboundMessage(channel="telegram", chat_id="5", message_id="u1", text="ещё")
    shard = Store.from_url(url, shards=4).inbound.shard_of(message.conversation_key)
    r.xgroup_create(f"fl:in:{shard}", "workers", id="0", mkstream=True)
    r.xadd(f"fl:in:{shard}", {"m": json.dumps(message.to_dict())})
    r.xreadgroup("workers", "old-worker", {f"fl:in:{shard}": ">"})
    r.set("fl:seen:telegram:u1", "1", ex=3600)
    r.close()


async def test_an_old_store_is_renamed_once_and_keeps_everything(redis_url: str) -> None:
    write_old_layout(redis_url)
    store = Store.from_url(redis_url, shards=4)
    try:
        await store.prepare()
        conv, tickets = await store.conversations.load("telegram:5", "telegram", "5")
        assert conv.version == 3
        assert [e["text"] for e in await store.conversations.transcript("telegram:5")] == [
            "не печатает"
        ]
        assert [(t.id, t.fields) for t in tickets] == [("HD-000007", {"product": "HP LaserJet"})]
        assert [t.id for t in await store.tickets.queue(SupportGroup.HARDWARE)] == ["HD-000007"]
        assert [t.id for t in await store.tickets.recent()] == ["HD-000007"]
        assert await store.sla_timers.pending() == 1
        assert await store.tickets.next_id() == "HD-000008"  # the sequence kept its name
        # The pending entry is reclaimed from the renamed stream; its retry is a repeat.
        repeat = InboundMessage(channel="telegram", chat_id="5", message_id="u1", text="ещё")
        shard = store.inbound.shard_of(repeat.conversation_key)
        assert [e.message.text for e in await store.inbound.reclaim(shard, "new")] == ["ещё"]
        assert not await store.inbound.accept(repeat)
        old = [k async for k in store.redis.scan_iter(match="fl:*") if b"{" not in k]
        assert sorted(old) == [
            b"fl:layout", b"fl:mail:threads-indexed", b"fl:seen:telegram:u1", b"fl:ticket:seq"
        ]  # fmt: skip
        assert await migration.tag_keys(store.redis) == 0  # once only
        assert await store.redis.get(keys.LAYOUT) == keys.TAGGED_LAYOUT.encode()
    finally:
        await store.close()
