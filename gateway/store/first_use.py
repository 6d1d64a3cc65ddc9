"""A key that whoever comes first sets (a rating link used, a reset link held)."""

from __future__ import annotations

import uuid

import redis.asyncio as aioredis


async def set_first(redis: aioredis.Redis, key: str, seconds: int) -> bool:
    """Set `key` for `seconds` unless it is set: True if this call set it.

    redis-py sends a command again after a connection error, also when the server had
    applied it and could not answer; the SET NX sent again finds the key set. The call's
    own token in the key tells that apart from someone else having come first."""
    token = uuid.uuid4().hex
    if await redis.set(key, token, nx=True, ex=seconds):
        return True
    return await redis.get(key) == token.encode()
