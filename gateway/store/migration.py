"""Renaming a store written before hash tags (store/keys.py) to the tagged names, once.

Run at start by every process (`Store.prepare`). It is idempotent and safe to run from
several processes at once: RENAMENX moves a key only if its new name is free, and a key
another process moved already is simply gone. Streams keep their consumer groups and
pending entries through RENAME, so work in flight survives the upgrade.
"""

from __future__ import annotations

from typing import Any

from redis.exceptions import ResponseError

from gateway.store import keys

SCAN_BATCH = 1000


async def tag_keys(redis: Any) -> int:
    """Give every old key its tagged name; the number of keys renamed."""
    if await redis.get(keys.LAYOUT) == keys.TAGGED_LAYOUT.encode():
        return 0
    renamed = 0
    async for raw in redis.scan_iter(match=f"{keys.PREFIX}:*", count=SCAN_BATCH):
        old = raw.decode() if isinstance(raw, bytes) else raw
        new = keys.tagged_name(old)
        if new is None:
            continue
        try:
            renamed += int(await redis.renamenx(old, new))
        except ResponseError:  # renamed by another process meanwhile
            continue
    await redis.set(keys.LAYOUT, keys.TAGGED_LAYOUT)
    return renamed


async def mark_tagged(redis: Any) -> None:
    """A new store (a cluster is always new) starts in the tagged layout."""
    await redis.set(keys.LAYOUT, keys.TAGGED_LAYOUT, nx=True)
