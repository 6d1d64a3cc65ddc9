"""Ingest and turns a second on one Redis server, on Sentinel with `WAIT 1` and on a
Redis Cluster, as ratios to the single server.

All in the same run, on loopback, real redis-server processes:
- `single`: one redis-server;
- `sentinel`: 1 primary, 2 replicas, 3 sentinels; the gateway writes with `WAIT 1`.
- `cluster`: 3 primaries, 3 replicas; without and with `WAIT 1` (to the slot's replica).
None keeps an append-only file (the test fixture's nodes do not), so the ratio is the
cost of the replica round trip (`WAIT`), the clients, and on a cluster the commit's
single-slot steps (store/slot_steps.py).

Ingest: the durable accept a webhook does before its 200 (dedupe + stream append, and on
Sentinel the `WAIT`), at a fixed concurrency, distinct message ids. Turns: the real
runtime's worker (`open_runtime`, in-process worker) processing accepted messages, each a
dialog turn committed atomically (and on Sentinel confirmed by a replica).

    python bench/bench_topologies.py [--messages 3000] [--turns 600] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from redis_topologies import ClusterSetup, RedisProcess, SentinelSetup, free_port  # noqa: E402

from gateway.config import Settings, load_settings  # noqa: E402
from gateway.models import InboundMessage  # noqa: E402
from gateway.runtime import open_runtime, redis_target  # noqa: E402
from gateway.store import Store  # noqa: E402
from gateway.turns import start_workers  # noqa: E402

SHARDS = 16


def settings_for(env: dict[str, str]) -> Settings:
    base = {
        "FIRSTLINE_DATA_DIR": tempfile.mkdtemp(prefix="fl-bench-topo-"),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE__WORKER__SHARDS": str(SHARDS),
        "FIRSTLINE__SLA__TIMERS": "false",
    }
    return load_settings(ROOT / "config" / "firstline.yaml", {**base, **env})


@contextlib.asynccontextmanager
async def single() -> AsyncIterator[Settings]:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-single-"))
    port = free_port()
    args = [
        "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir),
        "--appendonly", "no", "--save", "",
    ]  # fmt: skip
    node = RedisProcess("single", port, args, workdir)
    node.start()
    try:
        yield settings_for({"REDIS_URL": f"redis://127.0.0.1:{node.port}/0"})
    finally:
        node.stop()


@contextlib.asynccontextmanager
async def sentinel() -> AsyncIterator[Settings]:
    setup = SentinelSetup.start(Path(tempfile.mkdtemp(prefix="fl-bench-sentinel-")))
    try:
        yield settings_for(
            {
                "FIRSTLINE__REDIS__TOPOLOGY": "sentinel",
                "FIRSTLINE__REDIS__SENTINELS": json.dumps(setup.addresses),
                "FIRSTLINE__REDIS__SERVICE": setup.service,
                "FIRSTLINE__REDIS__WAIT_REPLICAS": "1",
            }
        )
    finally:
        setup.stop()


def cluster(wait_replicas: int) -> Any:
    @contextlib.asynccontextmanager
    async def formed() -> AsyncIterator[Settings]:
        setup = ClusterSetup.start(Path(tempfile.mkdtemp(prefix="fl-bench-cluster-")))
        try:
            yield settings_for(
                {
                    "FIRSTLINE__REDIS__TOPOLOGY": "cluster",
                    "FIRSTLINE__REDIS__CLUSTER_NODES": json.dumps(setup.addresses[:2]),
                    "FIRSTLINE__REDIS__WAIT_REPLICAS": str(wait_replicas),
                }
            )
        finally:
            setup.stop()

    return formed


TOPOLOGIES: dict[str, Any] = {
    "single": single,
    "sentinel WAIT 1": sentinel,
    "cluster": cluster(0),
    "cluster WAIT 1": cluster(1),
}


async def ingest(settings: Settings, messages: int, concurrency: int, tag: str) -> float:
    """Durable accepts a second."""
    store = Store.connect(redis_target(settings, settings.redis.url or ""), SHARDS)
    await store.prepare()
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(messages):
        queue.put_nowait(n)

    async def worker() -> None:
        while not queue.empty():
            n = queue.get_nowait()
            msg = InboundMessage("telegram", str(n % 500), f"{tag}-{n}", text=f"printer {n}")
            assert await store.inbound.accept(msg)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    took = time.perf_counter() - started
    await store.close()
    return messages / took


async def turns(settings: Settings, count: int) -> float:
    """Dialog turns a second by the runtime's worker, over `count` accepted messages."""
    async with open_runtime(settings) as rt:
        for n in range(count):
            chat = str(10_000 + n % 200)
            msg = InboundMessage("telegram", chat, f"turn-{n}", text="не печатает принтер")
            await rt.store.inbound.accept(msg)
        [worker] = start_workers(rt, 1)
        started = time.perf_counter()
        task = asyncio.create_task(worker.run())
        while worker.processed < count:
            await asyncio.sleep(0.05)
        took = time.perf_counter() - started
        worker.stop()
        await task
    return count / took


async def main(args: argparse.Namespace) -> None:
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in TOPOLOGIES}
    for round_ in range(args.rounds):  # interleaved, so drift hits all alike
        for name, topology in TOPOLOGIES.items():
            async with topology() as settings:
                tag = f"{name.replace(' ', '')}{round_}"
                rate = await ingest(settings, args.messages, args.concurrency, tag)
                turn_rate = await turns(settings, args.turns)
                results[name].append((rate, turn_rate))
    best = {k: (max(r[0] for r in v), max(r[1] for r in v)) for k, v in results.items()}
    base_ingest, base_turns = best["single"]
    print(
        f"Topologies, loopback, {args.messages} accepts at concurrency {args.concurrency}, "
        f"{args.turns} turns by one worker, best of {args.rounds} interleaved rounds"
    )
    for name, (rate, turn_rate) in best.items():
        print(
            f"  {name:16} ingest {rate:8.0f}/s ({rate / base_ingest:4.0%} of single)   "
            f"turns {turn_rate:6.0f}/s ({turn_rate / base_turns:4.0%} of single)"
        )


def parse() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--messages", type=int, default=3000)
    p.add_argument("--turns", type=int, default=600)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--rounds", type=int, default=2)
    return p.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
