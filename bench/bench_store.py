"""Inbound store throughput: the full durable path beside raw stream commands.

Both run in the same process against the same freshly started redis-server:
  raw      XADD, XREADGROUP (batches), XACK per message
  durable  InboundQueue.accept (dedupe + XADD in one script), InboundQueue.read,
           and a fenced Store.commit that acknowledges each message
Prints messages/s for each and the ratio durable/raw (aim: >= 0.5).

    python bench/bench_store.py [--messages 20000] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

import redis.asyncio as aioredis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's gateway, not the venv's install

from gateway.models import InboundMessage  # noqa: E402
from gateway.store import Store, Transaction  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402


async def produce(n: int, concurrency: int, send) -> None:  # type: ignore[no-untyped-def]
    counter = iter(range(n))

    async def producer() -> None:
        for i in counter:
            await send(i)

    await asyncio.gather(*(producer() for _ in range(concurrency)))


async def raw_path(r: aioredis.Redis, n: int, concurrency: int) -> float:
    stream, group = "bench:raw", "g"
    await r.delete(stream)
    await r.xgroup_create(stream, group, id="0", mkstream=True)
    body = InboundMessage("telegram", "1", "0", text="printer offline").to_dict()
    payload = str(body)
    start = time.perf_counter()

    async def send(i: int) -> None:
        await r.xadd(stream, {"m": payload})

    async def consume() -> None:
        done = 0
        while done < n:
            reply = await r.xreadgroup(group, "c", {stream: ">"}, count=100, block=100)
            for _, rows in reply or []:
                for entry_id, _ in rows:
                    await r.xack(stream, group, entry_id)
                    done += 1

    await asyncio.gather(produce(n, concurrency, send), consume())
    return n / (time.perf_counter() - start)


async def durable_path(store: Store, n: int, concurrency: int) -> float:
    shard = 0
    token = "bench-worker"
    await store.leases.acquire(shard, token, 600_000)
    fence = store.leases.fence(shard, token)
    # All messages in one conversation hashed to shard 0: the strictest (ordered) case.
    chat = next(str(i) for i in range(10_000) if store.inbound.shard_of(f"telegram:{i}") == 0)
    start = time.perf_counter()

    async def send(i: int) -> None:
        await store.inbound.accept(
            InboundMessage("telegram", chat, f"m{i}", text="printer offline")
        )

    async def consume() -> None:
        done = 0
        while done < n:
            for entry in await store.inbound.read([shard], token, 100, 100):
                tx = Transaction()
                tx.ops.extend(store.inbound.ack_ops(entry))
                await store.commit(tx, fence)
                done += 1

    await asyncio.gather(produce(n, concurrency, send), consume())
    return n / (time.perf_counter() - start)


async def main(n: int, concurrency: int, rounds: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-"))
    try:
        with EmbeddedRedis(workdir / "redis") as url:
            r = aioredis.Redis.from_url(url)
            await measure(r, n, concurrency, rounds)
            await r.aclose()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


async def measure(r: aioredis.Redis, n: int, concurrency: int, rounds: int) -> None:
    store = Store(r, shards=1)
    raws, durables = [], []
    for _ in range(rounds):  # interleaved, so drift on a noisy machine hits both
        await r.flushall()
        raws.append(await raw_path(r, n, concurrency))
        await r.flushall()
        await store.prepare()
        durables.append(await durable_path(store, n, concurrency))
    raw, durable = max(raws), max(durables)
    print(f"messages per round: {n}, producers: {concurrency}, rounds: {rounds} (best of)")
    print(f"{'path':<48}{'msg/s':>10}")
    print(f"{'raw XADD + XREADGROUP + XACK':<48}{raw:>10.0f}")
    print(f"{'durable (dedupe + stream + group + fenced ack)':<48}{durable:>10.0f}")
    print(f"ratio durable/raw: {durable / raw:.2f}  (aim >= 0.50)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    asyncio.run(main(a.messages, a.concurrency, a.rounds))
