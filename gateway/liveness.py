"""Is the store reachable? A small watch that liveness (`/healthz`) reads.

The gateway is not alive when it has been unable to reach Redis for longer than the
configured grace: an orchestrator should then restart it. Short outages (the embedded
server being restarted, a failover) stay within the grace and are ridden out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

CHECK_INTERVAL = 1.0


class StoreWatch:
    """Pings the store every second; remembers when it last answered."""

    def __init__(
        self,
        ping: Callable[[], Awaitable[object]],
        grace_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ping = ping
        self.grace_seconds = grace_seconds
        self._clock = clock
        self.last_ok = clock()
        self.reachable = True

    def unreachable_for(self) -> float:
        """Seconds since the store last answered (0 while it answers)."""
        return 0.0 if self.reachable else self._clock() - self.last_ok

    def alive(self) -> bool:
        return self.unreachable_for() <= self.grace_seconds

    async def check(self) -> None:
        try:
            await asyncio.wait_for(self._ping(), timeout=CHECK_INTERVAL * 2)
        except Exception as exc:
            if self.reachable:
                log.warning("store unreachable", extra={"error": repr(exc)})
            self.reachable = False
            return
        if not self.reachable:
            log.warning("store reachable again", extra={"after": round(self.unreachable_for(), 1)})
        self.reachable = True
        self.last_ok = self._clock()

    async def run(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            await self.check()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), timeout=CHECK_INTERVAL)
