"""A real worker process that stops dead between reading a message and committing it.

It runs the real runtime and dialog engine; only the final commit (of one turn, or of a
group of turns taken together) is replaced by a marker and an endless wait, so the test
can SIGKILL it at exactly that point. The marker counts the transactions and their writes.
"""

from __future__ import annotations

import asyncio
import os

from gateway.config import load_settings
from gateway.runtime import open_runtime
from gateway.store import Fence, Transaction
from gateway.turns import start_workers


async def main() -> None:
    settings = load_settings(None, os.environ)
    async with open_runtime(settings) as rt:

        async def stall(tx: Transaction, fence: Fence | None = None) -> None:
            await stall_many([tx], fence)

        async def stall_many(txs: list[Transaction], fence: Fence | None = None) -> None:
            await rt.store.redis.hset(
                "test:stalled", mapping={"turns": len(txs), "ops": sum(len(t.ops) for t in txs)}
            )
            await asyncio.Event().wait()

        rt.store.commit = stall  # type: ignore[method-assign]
        rt.store.commit_many = stall_many  # type: ignore[method-assign,assignment]
        await asyncio.gather(*(w.run() for w in start_workers(rt, 1)))


if __name__ == "__main__":
    asyncio.run(main())
