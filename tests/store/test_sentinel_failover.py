"""A Sentinel failover as a client sees it, with the real thing: 1 primary, 2 replicas and
3 sentinels (down-after-milliseconds 1000) on loopback. The primary is frozen (SIGSTOP):
its sockets stay open, as with a hung host or a network partition, so a client's pooled
connection to it still looks alive when the sentinels have promoted a replica.

- The trap (redis-py issue 3874): redis-py's asyncio Sentinel client with a retry policy
  retries a failed command on the connection it had, and that connection reconnects to
  the address it had: the old primary's, even after the sentinels have named the new one.
  A naive client set up that way fails its write although the new primary was known.
- Ours has no retries inside redis-py: a failed call surfaces at once as "store
  unavailable" (the channel gets a 503 and resends) and the next call asks the sentinels,
  so it lands on the new primary.
- After the failover, the dedupe keys and the ticket sequence go on from the acknowledged
  writes: a resend of a message acknowledged before the kill is not stored again, and no
  ticket number is handed out twice.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest
from redis.asyncio.retry import Retry
from redis.asyncio.sentinel import Sentinel
from redis.backoff import ConstantBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis_topologies import RedisProcess, SentinelSetup, wait_for

from gateway.models import InboundMessage
from gateway.store import STORE_UNAVAILABLE, RedisTarget, Store
from gateway.store import keys as store_keys
from gateway.store.topology import parse_address

T = TypeVar("T")
SHARDS = 2
TIMEOUT = 0.5  # seconds to wait for a server's answer (both clients)
MAX_REFUSALS = 300  # attempts 0.05 s apart: far more than a failover takes


def target(setup: SentinelSetup) -> RedisTarget:
    return RedisTarget(
        kind="sentinel",
        sentinels=tuple(parse_address(a) for a in setup.addresses),
        service=setup.service,
        wait_replicas=1,
        wait_timeout_ms=500,
        socket_timeout=TIMEOUT,
    )


def message(n: int) -> InboundMessage:
    return InboundMessage("telegram", "4242", f"m{n}", text=f"printer error {n}")


def stored_on(node: RedisProcess) -> list[str]:
    """The message ids in the inbound streams of this very server."""
    client = node.client()
    ids = []
    for shard in range(SHARDS):
        for _, fields in client.xrange(store_keys.inbound_stream(shard)):
            ids.append(json.loads(fields[b"m"])["message_id"])
    return ids


class Dials:
    """Every TCP connection this process's event loop opens, by port (redis-py dials with
    `asyncio.open_connection`, which goes through `loop.create_connection`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ports: list[int] = []
        loop = asyncio.get_running_loop()
        dial = loop.create_connection

        async def counted(*args: Any, **kwargs: Any) -> Any:
            port = kwargs.get("port", args[2] if len(args) > 2 else None)
            self.ports.append(int(port))
            return await dial(*args, **kwargs)

        monkeypatch.setattr(loop, "create_connection", counted)

    def since(self, mark: int, port: int) -> int:
        """Dials to this port after the mark (a length of `ports`)."""
        return self.ports[mark:].count(port)


async def as_a_channel_resends(call: Callable[[], Awaitable[T]]) -> tuple[T, int]:
    """Call until it is not refused as store-unavailable (what a channel's resend does);
    the result and how many times it was refused."""
    for refused in range(MAX_REFUSALS):
        try:
            return await call(), refused
        except STORE_UNAVAILABLE:
            await asyncio.sleep(0.05)
    raise AssertionError(f"still refused after {MAX_REFUSALS} attempts")


async def test_after_a_failover_ours_reaches_the_new_primary_a_retrying_client_the_old(
    fresh_sentinel: SentinelSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    dials = Dials(monkeypatch)
    store = Store.connect(target(fresh_sentinel), shards=SHARDS)
    await store.prepare()
    naive = Sentinel(
        [parse_address(a) for a in fresh_sentinel.addresses], socket_timeout=TIMEOUT
    ).master_for(
        fresh_sentinel.service,
        socket_timeout=TIMEOUT,
        socket_connect_timeout=TIMEOUT,
        retry=Retry(ConstantBackoff(0.05), 3),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )
    try:
        # Acknowledged before the failover (each confirmed by a replica): three messages
        # and three ticket numbers.
        for n in range(3):
            assert await store.inbound.accept(message(n))
        before = [await store.tickets.next_id() for _ in range(3)]
        await naive.set("naive", "before")  # the naive client holds a connection too

        old = fresh_sentinel.primary()
        old.pause()
        await asyncio.to_thread(
            wait_for, lambda: fresh_sentinel.primary_port() != old.port, "a promotion"
        )
        new = fresh_sentinel.primary()

        # The trap: the write starts after the sentinels named the new primary, and each
        # of redis-py's retries dials the old primary's address again.
        mark = len(dials.ports)
        with pytest.raises((RedisConnectionError, RedisTimeoutError)) as trap:
            await naive.set("naive", "after")
        assert f"127.0.0.1:{old.port}" in str(trap.value)
        assert dials.since(mark, old.port) == 3  # one per retry of its policy
        assert dials.since(mark, new.port) == 0
        assert new.client().get("naive") != b"after"  # never reached the new primary

        # Ours: the call on the connection it held is refused (a 503 to the channel); the
        # resend asks the sentinels and is accepted on the new primary. Nothing of ours
        # dials the old address once the sentinels have named the new one.
        mark = len(dials.ports)
        accepted, refused = await as_a_channel_resends(lambda: store.inbound.accept(message(3)))
        assert accepted
        assert sorted(stored_on(new)) == ["m0", "m1", "m2", "m3"]
        assert dials.since(mark, old.port) == 0
        assert dials.since(mark, new.port) >= 1
        print(f"\nours: refused {refused} times, then accepted on the new primary")

        # Resends of what was acknowledged before the kill are repeats, not new entries.
        for n in range(3):
            repeat, _ = await as_a_channel_resends(lambda n=n: store.inbound.accept(message(n)))
            assert repeat is False
        assert sorted(stored_on(new)) == ["m0", "m1", "m2", "m3"]

        # The ticket sequence goes on past every number handed out before the kill.
        after = [(await as_a_channel_resends(store.tickets.next_id))[0] for _ in range(3)]
        assert len(set(before + after)) == 6
        assert min(after) > max(before)  # HD-000004 and up: zero-padded, so text order holds
        assert dials.since(mark, old.port) == 0
        old.kill()
    finally:
        await naive.aclose()
        await store.close()
