"""Is the store reachable, and can it take writes as configured? Two small watches.

The gateway is not alive (`/healthz`) when it has been unable to reach Redis for longer
than the configured grace: an orchestrator should then restart it. Short outages (the
embedded server being restarted, a failover) stay within the grace and are ridden out.

Redis can also answer and still refuse what we need: a primary promoted with no replica
left cannot confirm a write (`WAIT`), so every channel is refused until a replica is back.
That degraded mode is no silent outage: it is logged when it starts and ends and shown as
metrics (and `/readyz` and `firstline config check` say so when asked).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

from gateway import metrics

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


TOPOLOGY_INTERVAL = 5.0


class _Topology(Protocol):
    @property
    def replicas(self) -> list[str]: ...

    @property
    def problems(self) -> list[str]: ...

    @property
    def degraded(self) -> list[str]: ...

    def as_dict(self) -> dict[str, object]: ...


class TopologyWatch:
    """Asks Redis for its topology every few seconds; says when writes would be refused."""

    def __init__(
        self, describe: Callable[[], Awaitable[_Topology]], interval: float = TOPOLOGY_INTERVAL
    ) -> None:
        self._describe = describe
        self.interval = interval
        self.problems: list[str] = []
        self.degraded: list[str] = []

    async def check(self) -> None:
        try:
            view = await asyncio.wait_for(self._describe(), timeout=self.interval)
        except Exception:
            return  # unreachable: StoreWatch and /healthz speak for that
        metrics.REDIS_REPLICAS.set(len(view.replicas))
        metrics.REDIS_DEGRADED.set(1 if view.problems or view.degraded else 0)
        if view.degraded and view.degraded != self.degraded:
            log.error(
                "redis degraded: served, with fewer replica copies than wait_replicas",
                extra={"degraded": view.degraded, "redis": view.as_dict()},
            )
        self.degraded = list(view.degraded)
        if view.problems and view.problems != self.problems:
            log.error(
                "redis degraded: writes are refused until it is mended",
                extra={"problems": view.problems, "redis": view.as_dict()},
            )
        elif self.problems and not view.problems:
            log.warning("redis no longer degraded", extra={"redis": view.as_dict()})
        self.problems = list(view.problems)

    async def run(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            await self.check()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), timeout=self.interval)
