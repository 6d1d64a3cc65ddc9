"""A single server's pipelines give their connection back to the pool (`ReleasingPipeline`):
many more pipelines than the pool has connections all run, one after another, at once,
failed ones and cancelled ones included."""

from __future__ import annotations

import asyncio

from redis.exceptions import ResponseError

from gateway.store import Store
from gateway.store.topology import RedisTarget


async def test_pipelines_beyond_the_pool_size_all_run(redis_url: str) -> None:
    store = Store.connect(RedisTarget(url=redis_url), shards=4)
    pool = store.redis.connection_pool
    rounds = pool.max_connections * 3

    async def one(n: int, fail: bool = False) -> list[object]:
        pipe = store.redis.pipeline(transaction=False)
        pipe.set(f"t:release:{n}", n)
        if fail:
            pipe.lpush(f"t:release:{n}", "x")  # a string key: WRONGTYPE
        pipe.get(f"t:release:{n}")
        return list(await pipe.execute(raise_on_error=False))

    async def cancelled(n: int) -> None:
        task = asyncio.create_task(one(n))
        await asyncio.sleep(0)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    try:
        async with asyncio.timeout(20):  # a guard: the pool would wait 30 s for a connection
            for n in range(rounds):
                assert await one(n) == [True, str(n).encode()]
            together = await asyncio.gather(*(one(n, fail=n % 2 == 1) for n in range(rounds)))
            for n in range(rounds):
                await cancelled(n)
            assert await one(rounds) == [True, str(rounds).encode()]
        assert all(isinstance(r[1], ResponseError) for r in together[1::2])
        assert all(r == [True, str(n).encode()] for n, r in enumerate(together) if n % 2 == 0)
    finally:
        await store.close()
