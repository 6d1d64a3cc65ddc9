"""A real gateway runtime whose SLA timer service claims due tickets and then stops dead.

The claim is the real one (atomic, with a lease); only carrying it out is replaced by a
marker and an endless wait, so the test can SIGKILL the process while it holds timers.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from gateway.config import load_settings
from gateway.runtime import open_runtime


async def main() -> None:
    settings = load_settings(None, os.environ)
    async with open_runtime(settings) as rt:

        async def stall(ticket_id: str, *args: Any, **kwargs: Any) -> None:
            await rt.store.redis.sadd("test:sla_stalled", ticket_id)
            await asyncio.Event().wait()

        rt.desk.change = stall  # type: ignore[method-assign]
        await rt.timers.run()


if __name__ == "__main__":
    asyncio.run(main())
