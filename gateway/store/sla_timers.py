"""Durable SLA timers: a sorted set of tickets by their next SLA moment, claimed atomically.

`Transaction.save_ticket` keeps each ticket's entry at its next moment. A timer process
*claims* due entries in one server-side step, moving them to a claimed set with a lease
deadline, so no two processes hold the same ticket at once. What it commits carries the
ticket's fired marks, so a claim that is retried after a crash does nothing twice; a
claim whose process died is put back when its lease runs out, so nothing is lost.
"""

from __future__ import annotations

import math
import uuid

import redis.asyncio as aioredis

from gateway.store import keys, scripts


class SlaTimerQueue:
    """The due set and the claimed set of SLA timers."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis
        self._claim = redis.register_script(scripts.CLAIM_SLA_TIMERS)
        self._recover = redis.register_script(scripts.RECOVER_SLA_TIMERS)
        self._release = redis.register_script(scripts.RELEASE_SLA_TIMER)

    async def claim(self, now: float, lease_until: float, limit: int) -> list[str]:
        """Ticket ids whose next moment is due, now held by the caller until `lease_until`
        (also when the claim is sent again after its answer was lost)."""
        mark = keys.once_mark(keys.SLA_CLAIMED, f"claim:{uuid.uuid4().hex}")
        keep = max(1, math.ceil(lease_until - now))  # a resend comes within the lease
        ids = await self._claim(
            keys=[keys.SLA_TIMERS, keys.SLA_CLAIMED, mark],
            args=[repr(now), limit, repr(lease_until), keep],
        )
        return [i.decode() for i in ids]

    async def recover(self, now: float, limit: int = 1000) -> int:
        """Put back claims whose holder did not finish in time; how many."""
        return int(
            await self._recover(keys=[keys.SLA_TIMERS, keys.SLA_CLAIMED], args=[repr(now), limit])
        )

    async def release(self, ticket_id: str, lease_until: float) -> None:
        await self._release(keys=[keys.SLA_CLAIMED], args=[ticket_id, repr(lease_until)])

    async def schedule_no_later(self, ticket_id: str, at: float) -> None:
        """Look at the ticket again at `at`, unless something already asks for earlier."""
        await self._redis.zadd(keys.SLA_TIMERS, {ticket_id: at}, lt=True)

    async def next_due(self) -> float | None:
        first = await self._redis.zrange(keys.SLA_TIMERS, 0, 0, withscores=True)
        return float(first[0][1]) if first else None

    async def pending(self) -> int:
        return int(await self._redis.zcard(keys.SLA_TIMERS))

    async def claimed(self) -> int:
        return int(await self._redis.zcard(keys.SLA_CLAIMED))
