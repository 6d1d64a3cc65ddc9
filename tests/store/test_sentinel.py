"""The store on a real Sentinel setup: 1 primary, 2 replicas, 3 sentinels on loopback.

- It finds the primary through the sentinels and says what it found.
- With `wait_replicas`, a write is acknowledged only once a replica has it; when no
  replica confirms in time the caller gets NotReplicated (a retryable error), and the
  retry is deduplicated (no second entry, no reused ticket number).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator

import pytest
from redis_topologies import RedisProcess, SentinelSetup, firstline, found_topology

from gateway.models import InboundMessage
from gateway.store import STORE_UNAVAILABLE, NotReplicated, RedisTarget, Store
from gateway.store import keys as store_keys
from gateway.store.topology import parse_address


@pytest.fixture(scope="module")
def sentinel_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SentinelSetup]:
    setup = SentinelSetup.start(tmp_path_factory.mktemp("sentinel"))
    yield setup
    setup.stop()


def target(setup: SentinelSetup, wait_replicas: int = 1, timeout_ms: int = 300) -> RedisTarget:
    return RedisTarget(
        kind="sentinel",
        sentinels=tuple(parse_address(a) for a in setup.addresses),
        service=setup.service,
        wait_replicas=wait_replicas,
        wait_timeout_ms=timeout_ms,
    )


@pytest.fixture
async def store(sentinel_setup: SentinelSetup) -> AsyncIterator[Store]:
    sentinel_setup.primary().client().flushall()
    s = Store.connect(target(sentinel_setup), shards=2)
    await s.prepare()
    yield s
    await s.close()


def message(n: int) -> InboundMessage:
    return InboundMessage("telegram", "42", f"m{n}", text=f"printer error {n}")


async def stream_entries(store: Store) -> list[str]:
    out = []
    for shard in range(store.inbound.shards):
        rows = await store.redis.xrange(store_keys.inbound_stream(shard))
        out += [fields[b"m"].decode() for _, fields in rows]
    return out


async def test_the_primary_and_its_replicas_are_found_through_the_sentinels(
    store: Store, sentinel_setup: SentinelSetup
) -> None:
    view = await store.topology()
    replicas = sorted(n.address for n in sentinel_setup.nodes if n.port != view_port(view.primary))
    assert view.primary == sentinel_setup.primary().address
    assert sorted(view.replicas) == replicas and len(replicas) == 2
    assert view.ready and view.as_dict()["kind"] == "sentinel"
    await store.redis.script_flush()  # as on a newly promoted primary: scripts load again
    assert await store.inbound.accept(message(1))
    assert not await store.inbound.accept(message(1))  # the repeat is dropped
    assert len(await stream_entries(store)) == 1


def view_port(address: str) -> int:
    return parse_address(address)[1]


async def test_a_write_no_replica_confirms_is_refused_and_its_retry_is_not_doubled(
    store: Store, sentinel_setup: SentinelSetup
) -> None:
    replicas = [n for n in sentinel_setup.nodes if n.port != sentinel_setup.primary_port()]
    for node in replicas:
        node.pause()
    try:
        with pytest.raises(NotReplicated):
            await store.inbound.accept(message(7))
        with pytest.raises(NotReplicated):  # the channel's retry: still not durable
            await store.inbound.accept(message(7))
        with pytest.raises(NotReplicated):
            await store.tickets.next_id()
        view = await store.topology()
        assert view.ready  # paused replicas still look connected to the primary
    finally:
        for node in replicas:
            node.resume()
    # The retry once replicas are back: acknowledged as a repeat, stored once.
    assert not await store.inbound.accept(message(7))
    assert len(await stream_entries(store)) == 1
    first, second = await store.tickets.next_id(), await store.tickets.next_id()
    assert (first, second) == ("HD-000002", "HD-000003")  # the refused one is never reused


async def test_a_primary_short_of_replicas_is_not_ready(sentinel_setup: SentinelSetup) -> None:
    s = Store.connect(target(sentinel_setup, wait_replicas=3), shards=2)
    try:
        view = await s.topology()
        assert not view.ready
        assert view.problems == ["2 replicas online, writes wait for 3"]
        with pytest.raises(NotReplicated):
            await s.inbound.accept(message(9))
    finally:
        await s.close()


async def test_without_wait_replicas_writes_are_not_held(sentinel_setup: SentinelSetup) -> None:
    sentinel_setup.primary().client().flushall()
    s = Store.connect(target(sentinel_setup, wait_replicas=0), shards=2)
    await s.prepare()
    try:
        assert await s.inbound.accept(message(3))
        assert (await s.topology()).ready
    finally:
        await s.close()


def test_the_setup_has_one_primary(sentinel_setup: SentinelSetup) -> None:
    roles = [n.client().info("replication")["role"] for n in sentinel_setup.nodes]
    assert sorted(roles) == ["master", "slave", "slave"]


def test_config_check_prints_the_topology_it_finds(sentinel_setup: SentinelSetup) -> None:
    env = {
        "FIRSTLINE__REDIS__TOPOLOGY": "sentinel",
        "FIRSTLINE__REDIS__SENTINELS": json.dumps(sentinel_setup.addresses),
        "FIRSTLINE__REDIS__SERVICE": sentinel_setup.service,
        "FIRSTLINE__REDIS__WAIT_REPLICAS": "1",
    }
    ok = firstline("config", "check", env=env)
    assert ok.returncode == 0, ok.stderr
    found = found_topology(ok)
    assert found["kind"] == "sentinel" and found["primary"] == sentinel_setup.primary().address
    assert len(found["replicas"]) == 2
    env["FIRSTLINE__REDIS__WAIT_REPLICAS"] = "3"
    short = firstline("config", "check", env=env)
    assert short.returncode == 1
    assert "redis: 2 replicas online, writes wait for 3" in short.stderr


async def test_after_a_failover_writes_go_to_the_new_primary_never_the_restarted_old_one(
    fresh_sentinel: SentinelSetup,
) -> None:
    store = Store.connect(target(fresh_sentinel), shards=2)
    await store.prepare()
    try:
        assert await store.inbound.accept(message(1))
        old = fresh_sentinel.primary()
        old.kill()
        # The gap: retryable errors only, until the sentinels have promoted a replica.
        accepted, refused = False, 0
        while not accepted:
            try:
                accepted = await store.inbound.accept(message(2))
            except STORE_UNAVAILABLE:
                refused += 1
                await asyncio.sleep(0.1)
        new_port = fresh_sentinel.primary_port()
        assert new_port != old.port and refused > 0
        # The old primary comes back as a primary (no replicaof) on its old address, as
        # after a reboot; Sentinel demotes it only once it notices. Meanwhile nothing we
        # acknowledge may land there only.
        old.start()
        for n in range(3, 23):
            try:
                assert await store.inbound.accept(message(n))
            except STORE_UNAVAILABLE:
                continue  # refused, so never acknowledged: the channel would retry
            stored = await stream_entries(store)
            assert any(f'"m{n}"' in e for e in stored)
            new_primary = next(x for x in fresh_sentinel.nodes if x.port == new_port)
            on_new = [json.loads(r)["message_id"] for r in new_stream(new_primary)]
            assert f"m{n}" in on_new  # acknowledged on the promoted primary, not the old one
            await asyncio.sleep(0.1)
    finally:
        await store.close()


def new_stream(node: RedisProcess) -> list[str]:
    client = node.client()
    out = []
    for shard in range(2):
        out += [f[b"m"].decode() for _, f in client.xrange(store_keys.inbound_stream(shard))]
    return out
