"""Reads the report counters: per-day hashes, kept notes, and the live SLA sets."""

from __future__ import annotations

import json
from typing import Any

import redis.asyncio as aioredis

from gateway.store import keys


class ReportStore:
    """What reports read; counters are written by transactions (`Transaction.count`)."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis

    async def counters(self, units: list[str]) -> list[dict[str, int]]:
        """The counters of each unit (a day, ISO week or month), in order."""
        pipe = self._redis.pipeline(transaction=False)
        for unit in units:
            pipe.hgetall(keys.report_day(unit))
        rows = await pipe.execute()
        return [{k.decode(): int(v) for k, v in row.items()} for row in rows]

    async def amended_and_counters(self, units: list[str]) -> tuple[int, list[dict[str, int]]]:
        """How many times counters of past days were changed (`Transaction.reports_amended`),
        and the counters of `units`, in one round trip."""
        pipe = self._redis.pipeline(transaction=False)
        pipe.get(keys.REPORTS_AMENDED)
        for unit in units:
            pipe.hgetall(keys.report_day(unit))
        amended, *rows = await pipe.execute()
        return int(amended or 0), [{k.decode(): int(v) for k, v in row.items()} for row in rows]

    async def notes(self, days: list[str], kind: str, per_day: int) -> list[dict[str, Any]]:
        """Kept entries of `kind` ("comments", "unmatched"): newest days first, `per_day`."""
        pipe = self._redis.pipeline(transaction=False)
        for day in reversed(days):
            pipe.lrange(keys.report_notes(day, kind), 0, per_day - 1)
        return [json.loads(e) for row in await pipe.execute() for e in row]

    async def live_sla(self) -> tuple[list[str], list[str]]:
        """(breached, near-breach) ids among active tickets."""
        pipe = self._redis.pipeline(transaction=False)
        pipe.smembers(keys.SLA_BREACHED_ACTIVE)
        pipe.smembers(keys.SLA_WARNED_ACTIVE)
        breached, warned = await pipe.execute()
        return sorted(m.decode() for m in breached), sorted(m.decode() for m in warned)
