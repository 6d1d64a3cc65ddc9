"""Operator accounts created from the CLI, console sessions and rate-limit counters."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import redis.asyncio as aioredis

from gateway.store import keys, scripts


class OperatorStore:
    """Accounts (JSON per login), sessions with a TTL, and fixed-window hit counters."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis
        self._mark_seen = redis.register_script(scripts.MARK_SEEN)

    async def get_account(self, login: str) -> dict[str, Any] | None:
        raw = await self._redis.hget(keys.OPERATORS, login)
        return json.loads(raw) if raw is not None else None

    async def put_account(self, account: dict[str, Any]) -> None:
        await self._redis.hset(
            keys.OPERATORS, account["login"], json.dumps(account, ensure_ascii=False)
        )

    async def accounts(self) -> list[dict[str, Any]]:
        raw = await self._redis.hgetall(keys.OPERATORS)
        return [json.loads(v) for v in raw.values()]

    async def preferences(self, login: str) -> dict[str, str]:
        """What an operator chose in the console (e.g. its language)."""
        raw = await self._redis.hgetall(keys.operator_preferences(login))
        return {k.decode(): v.decode() for k, v in raw.items()}

    async def set_preference(self, login: str, name: str, value: str) -> None:
        await self._redis.hset(keys.operator_preferences(login), name, value)

    async def seen(self, login: str) -> dict[str, int]:
        """How far the operator has read each ticket's conversation (entries)."""
        raw = await self._redis.hgetall(keys.operator_seen(login))
        return {k.decode(): int(v) for k, v in raw.items()}

    async def mark_seen(self, login: str, ticket_id: str, entries: int) -> None:
        """Remember the operator read `entries` entries (never moves back)."""
        await self._mark_seen(keys=[keys.operator_seen(login)], args=[ticket_id, entries])

    async def action_outcome(self, login: str, action_id: str) -> dict[str, Any] | None:
        """What the operator's console action `action_id` answered, while it is kept."""
        raw = await self._redis.get(keys.once_mark(keys.operator_seen(login), action_id))
        return json.loads(raw) if raw is not None else None

    async def keep_action_outcome(
        self, login: str, action_id: str, outcome: dict[str, Any], ttl: int
    ) -> None:
        """Keep what action `action_id` answered: its resend is answered the same."""
        mark = keys.once_mark(keys.operator_seen(login), action_id)
        await self._redis.set(mark, json.dumps(outcome, ensure_ascii=False), ex=ttl)

    async def put_session(self, session_id: str, data: dict[str, Any], ttl: int) -> None:
        await self._redis.set(keys.web_session(session_id), json.dumps(data), ex=ttl)

    async def get_session(self, session_id: str) -> dict[str, Any] | None:
        raw = await self._redis.get(keys.web_session(session_id))
        return json.loads(raw) if raw is not None else None

    async def drop_session(self, session_id: str) -> None:
        await self._redis.delete(keys.web_session(session_id))

    async def hit(self, scope: str, name: str, window_seconds: int) -> tuple[int, float]:
        """Count one hit in the current window: (hits so far, seconds until the window ends)."""
        return (await self.hits([(scope, name)], window_seconds))[0]

    async def hits(
        self, counters: list[tuple[str, str]], window_seconds: int
    ) -> list[tuple[int, float]]:
        """`hit` for several (scope, name) counters at once, in one round trip."""
        now = time.time()
        window = int(now // window_seconds)
        # Each counter on its own (on a cluster they are in different slots): created
        # with its expiry, then counted; the two go to one server in this order.
        pipe = self._redis.pipeline(transaction=False)
        for scope, name in counters:
            key = keys.rate_window(scope, name, window)
            pipe.set(key, 0, ex=window_seconds + 1, nx=True)
            pipe.incr(key)
        replies = await pipe.execute()
        left = (window + 1) * window_seconds - now
        return [(int(count), left) for count in replies[1::2]]

    async def signin_wait(self, scope: str, name: str, now: float) -> float:
        """Seconds before the next sign-in for this address or login may be tried."""
        raw = await self._redis.get(keys.signin_not_before(scope, name))
        return max(0.0, float(raw) - now) if raw is not None else 0.0

    async def signin_failed(
        self, scope: str, name: str, now: float, delay_for: Callable[[int], float], window: int
    ) -> float:
        """Count a failure; the next try waits `delay_for(failures)` seconds (returned)."""
        key = keys.signin_failures(scope, name)
        pipe = self._redis.pipeline(transaction=True)
        pipe.incr(key)
        pipe.expire(key, window)
        failures, _ = await pipe.execute()
        delay = delay_for(int(failures))
        if delay > 0:
            await self._redis.set(
                keys.signin_not_before(scope, name), repr(now + delay), ex=int(delay) + 1
            )
        return delay

    async def signin_succeeded(self, scope: str, name: str) -> None:
        await self._redis.delete(
            keys.signin_failures(scope, name), keys.signin_not_before(scope, name)
        )
