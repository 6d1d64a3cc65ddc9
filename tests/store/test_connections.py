"""How many Redis connections a process opens under a burst: `serve` beside its worker
processes takes no turns and keeps a small pool (`CONNECTIONS_WITHOUT_TURNS`); callers
beyond it wait for a connection, and every call is answered."""

from __future__ import annotations

import asyncio

import redis

from gateway.store import CONNECTIONS_WITHOUT_TURNS, Store
from gateway.store.topology import RedisTarget

BURST = 300  # widgets opening at once: each reads its conversation's language


def _clients_since(url: str, since: int) -> int:
    """Clients connected after client id `since` (ids only grow): the session's Redis may
    still hold connections an earlier test left open, and those are not this store's."""
    admin = redis.Redis.from_url(url)
    try:
        own = admin.client_id()
        return sum(1 for c in admin.client_list() if since < int(c["id"]) != own)
    finally:
        admin.close()


def _newest_client(url: str) -> int:
    admin = redis.Redis.from_url(url)
    try:
        return int(admin.client_id())
    finally:
        admin.close()


async def _burst(store: Store) -> list[str]:
    """The hub's subscription and nine blocking delivery reads hold their connections while
    a burst of single reads runs."""
    pubsub = store.redis.pubsub()
    await pubsub.subscribe("t:news")
    for n in range(9):
        await store.outbox.ensure_group(f"ch{n}")
    readers = [
        asyncio.create_task(store.outbox.read(f"ch{n}", "c", 10, 1500)) for n in range(9)
    ]
    await asyncio.sleep(0.05)
    try:
        async with asyncio.timeout(20):  # a guard: the pool waits 30 s for a connection
            return await asyncio.gather(
                *(store.conversations.language(f"webchat:{n}") for n in range(BURST))
            )
    finally:
        await asyncio.gather(*readers)
        await pubsub.aclose()


async def test_serve_beside_workers_opens_a_small_pool_and_answers_a_burst(
    redis_url: str,
) -> None:
    before = _newest_client(redis_url)
    store = Store.connect(RedisTarget(url=redis_url), shards=4, takes_turns=False)
    try:
        languages = await _burst(store)
        assert languages == [""] * BURST
        assert 0 < _clients_since(redis_url, before) <= CONNECTIONS_WITHOUT_TURNS
    finally:
        await store.close()


async def test_a_process_that_takes_turns_keeps_the_larger_pool(redis_url: str) -> None:
    store = Store.connect(RedisTarget(url=redis_url), shards=16)
    try:
        assert store.redis.connection_pool.max_connections == 64
    finally:
        await store.close()
