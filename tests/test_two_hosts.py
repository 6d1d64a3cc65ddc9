"""Two gateway hosts, simulated as two `firstline serve` processes with their own ports and
data dirs, against the same Sentinel-watched Redis (writes with `WAIT 1`).

Both take shards; one is SIGKILLed while messages keep coming: the other takes over its
shards, with what it left pending, and every accepted message is processed exactly once,
in order, in its conversation.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from pathlib import Path

import redis
from redis_topologies import SentinelSetup
from test_serve import START_SECONDS, free_port, get, start, wait

from gateway.models import InboundMessage
from gateway.store import RedisTarget, Store
from gateway.store import keys as store_keys
from gateway.store.topology import parse_address

SHARDS = 8
CONVERSATIONS = 16
MESSAGES_EACH = 4


def sentinel_env(setup: SentinelSetup) -> dict[str, str]:
    return {
        "FIRSTLINE__REDIS__TOPOLOGY": "sentinel",
        "FIRSTLINE__REDIS__SENTINELS": json.dumps(setup.addresses),
        "FIRSTLINE__REDIS__SERVICE": setup.service,
        "FIRSTLINE__REDIS__WAIT_REPLICAS": "1",
        "FIRSTLINE__WORKER__SHARDS": str(SHARDS),
        "FIRSTLINE__WORKER__PROCESSES": "1",  # each host's turns in its serve process
        "FIRSTLINE__SLA__TIMERS": "false",
    }


def lease_holders(setup: SentinelSetup) -> dict[int, str]:
    client = setup.primary().client()
    held = {}
    for shard in range(SHARDS):
        value = client.get(store_keys.shard_lease(shard))
        if value is not None:
            held[shard] = value.decode()
    return held


def pid_of(worker_id: str) -> int:
    return int(worker_id.rsplit("-", 2)[1])  # host-pid-random


async def say(setup: SentinelSetup, round_: int) -> None:
    """Each conversation says its `round_`-th message, accepted durably as a channel would."""
    target = RedisTarget(
        kind="sentinel",
        sentinels=tuple(parse_address(a) for a in setup.addresses),
        service=setup.service,
        wait_replicas=1,
    )
    store = Store.connect(target, SHARDS)
    try:
        for c in range(CONVERSATIONS):
            text = f"message {round_} of conversation {c}: printer offline"
            msg = InboundMessage("telegram", str(1000 + c), f"c{c}-m{round_}", text=text)
            assert await store.inbound.accept(msg)
    finally:
        await store.close()


def inbound_texts(setup: SentinelSetup, conversation: int) -> list[str]:
    client = setup.primary().client()
    rows = client.lrange(store_keys.transcript(f"telegram:{1000 + conversation}"), 0, -1)
    return [e["text"] for e in map(json.loads, rows) if e["direction"] == "in"]


def test_a_killed_host_s_shards_move_to_the_other_and_nothing_is_lost(
    tmp_path: Path, fresh_sentinel: SentinelSetup
) -> None:
    env = sentinel_env(fresh_sentinel)
    ports = [free_port(), free_port()]
    logs = [(tmp_path / f"serve{i}.log").open("wb") for i in range(2)]
    hosts = [start(tmp_path / f"host{i}", ports[i], stderr=logs[i], **env) for i in range(2)]
    try:
        for port in ports:
            up = f"http://127.0.0.1:{port}/readyz"
            wait(lambda up=up: get(up)[0] == 200, "ready", START_SECONDS)
        _, ready = get(f"http://127.0.0.1:{ports[0]}/readyz")
        assert ready["redis"] == {
            "kind": "sentinel",
            "wait_replicas": 1,
            "primary": fresh_sentinel.primary().address,
            "replicas": ready["redis"]["replicas"],
        }
        assert len(ready["redis"]["replicas"]) == 2
        pids = {h.pid for h in hosts}
        wait(
            lambda: {pid_of(w) for w in lease_holders(fresh_sentinel).values()} == pids,
            "both hosts to hold shards",
        )
        asyncio.run(say(fresh_sentinel, 1))
        asyncio.run(say(fresh_sentinel, 2))
        victim, survivor = hosts
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        for round_ in range(3, MESSAGES_EACH + 1):
            asyncio.run(say(fresh_sentinel, round_))

        def all_processed() -> bool:
            return all(
                len(inbound_texts(fresh_sentinel, c)) >= MESSAGES_EACH for c in range(CONVERSATIONS)
            )

        wait(all_processed, "every message to be processed", 90)
        for c in range(CONVERSATIONS):
            expected = [
                f"message {r} of conversation {c}: printer offline"
                for r in range(1, MESSAGES_EACH + 1)
            ]
            assert inbound_texts(fresh_sentinel, c) == expected  # once each, in order
        holders = lease_holders(fresh_sentinel)
        assert {pid_of(w) for w in holders.values()} == {survivor.pid}
        assert len(holders) == SHARDS
        client: redis.Redis = fresh_sentinel.primary().client()
        for shard in range(SHARDS):
            assert client.xlen(store_keys.inbound_stream(shard)) == 0  # all retired
    finally:
        for h in hosts:
            if h.poll() is None:
                h.send_signal(signal.SIGTERM)
                try:
                    h.wait(30)
                except Exception:
                    h.kill()
        for log in logs:
            log.close()
