"""Durable, deduplicated intake: sharded Redis streams read through a consumer group.

A conversation always hashes to the same shard and a shard is leased to one worker at a
time, so messages of one conversation are processed in order even with many workers.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import ResponseError

from gateway.models import InboundMessage, RateLimit, RateLimited
from gateway.store import keys, scripts
from gateway.store.batching import PassPipeline
from gateway.store.durability import DurableWrites, ScriptRun
from gateway.store.transaction import Fence

log = logging.getLogger(__name__)

SEEN_TTL_SECONDS = 7 * 24 * 3600
UNREADABLE_KEPT = 1000
RAW_BYTES_KEPT = 8192
ERROR_CHARS = 300


@dataclass(frozen=True)
class InboundEntry:
    """A stored inbound message as handed to a worker."""

    shard: int
    entry_id: str
    message: InboundMessage


class InboundQueue:
    """Accept, read, reclaim and acknowledge inbound messages."""

    def __init__(
        self,
        redis: aioredis.Redis,
        shards: int,
        durable: DurableWrites | None = None,
        *,
        cluster: bool = False,
        pipeline: PassPipeline | None = None,
    ) -> None:
        self._redis = redis
        self.shards = shards
        self._cluster = cluster
        self._durable = durable or DurableWrites(redis)
        self._accept = redis.register_script(scripts.ACCEPT)
        # Accepts arriving together (a burst of webhooks, many visitors) share a round trip,
        # with the store's other calls of the same moment.
        self._pipeline = pipeline or PassPipeline(redis, self._durable)

    def shard_of(self, conversation_key: str) -> int:
        return zlib.crc32(conversation_key.encode()) % self.shards

    async def ensure_groups(self) -> None:
        for shard in range(self.shards):
            try:
                await self._redis.xgroup_create(
                    keys.inbound_stream(shard), keys.INBOUND_GROUP, id="0", mkstream=True
                )
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise

    async def accept(self, message: InboundMessage, limits: Sequence[RateLimit] = ()) -> bool:
        """Store the message durably; False if this channel message id was seen before.

        With `limits`, the message counts against each (a repeat too) in the same round
        trip, and is stored only within all of them: else RateLimited, nothing stored.
        Raises NotReplicated when replicas are required and too few confirmed in time:
        the channel must then be told to retry (its retry is deduplicated).

        A message sent longer ago than the dedupe remembers (its channel's own time, as
        Meta's events carry it) is not stored either: False, as a repeat. It cannot be
        told from a captured delivery replayed once its mark is gone (a signature covers
        the body, not when it is sent), and no channel redelivers for that long."""
        now = time.time()
        if message.timestamp < now - SEEN_TTL_SECONDS:
            log.warning(
                "a message older than the dedupe window dropped (a replay, or stale)",
                extra={
                    "channel": message.channel,
                    "age_days": round((now - message.timestamp) / 86400, 1),
                },
            )
            return False
        shard = self.shard_of(message.conversation_key)
        windows = [int(now // limit.window_seconds) for limit in limits]
        counters = [
            keys.rate_window(limit.scope, limit.name, window)
            for limit, window in zip(limits, windows, strict=True)
        ]
        counted = [n for limit in limits for n in (limit.limit, limit.window_seconds + 1)]
        if self._cluster and counters:  # the counters are in other slots: a step first
            over = await self._count(counters, counted)
            counters, counted = [], []
        else:
            over = None
        if over is None:
            before_tags = [] if self._cluster else [keys.seen_before_tags(
                message.channel, message.message_id)]  # fmt: skip
            accept_keys = [
                keys.seen(shard, message.channel, message.message_id),
                keys.inbound_stream(shard),
                *counters,
            ]
            accept_args = [
                SEEN_TTL_SECONDS,
                json.dumps(message.to_dict(), ensure_ascii=False),
                *counted,
                *before_tags,
            ]
            if self._cluster:  # its WAIT must reach this slot's primary: on its own
                result = await self._durable.script(self._accept, accept_keys, accept_args)
            else:
                call = ScriptRun(self._accept, accept_keys, accept_args)
                result = await self._pipeline.run(call, durable=True)
            over = result[0] - 1 if isinstance(result, list) else None
        if over is not None:
            limit = limits[over]
            raise RateLimited(limit, (windows[over] + 1) * limit.window_seconds - now)
        return result is not None

    async def _count(self, counters: list[str], counted: list[int]) -> int | None:
        """Count a message against rate counters of several slots (a cluster): the index
        of the first one over its limit, or None. As ACCEPT does, the counters after the
        first one over do not keep this message (they are counted back)."""
        pipe = self._redis.pipeline(transaction=False)
        for key, ttl in zip(counters, counted[1::2], strict=True):
            pipe.set(key, 0, ex=ttl, nx=True)
            pipe.incr(key)
        hits = (await pipe.execute())[1::2]
        over = [i for i, n in enumerate(hits) if int(n) > counted[2 * i]]
        if over and over[0] + 1 < len(counters):
            pipe = self._redis.pipeline(transaction=False)
            for key in counters[over[0] + 1 :]:
                pipe.decr(key)
            await pipe.execute()
        return over[0] if over else None

    async def read(
        self, shards: list[int], consumer: str, count: int, block_ms: int
    ) -> list[InboundEntry]:
        """New entries of the given shards, oldest first within each shard."""
        if not shards:
            return []
        if self._cluster and len(shards) > 1:  # each shard's stream is in its own slot
            found = await asyncio.gather(
                *(self.read([s], consumer, count, block_ms) for s in shards)
            )
            return [entry for entries in found for entry in entries]
        streams = {keys.inbound_stream(s): ">" for s in shards}
        reply = await self._redis.xreadgroup(
            keys.INBOUND_GROUP, consumer, streams, count=count, block=block_ms
        )
        return [
            entry
            for stream, rows in reply or []
            for entry in self._entries(_shard_of_stream(stream), rows)
        ]

    async def stranded(
        self, shard: int, consumer: str, idle_ms: int, in_hand: Collection[str] = ()
    ) -> bool:
        """Whether an entry handed to `consumer` longer than `idle_ms` ago is still pending,
        other than those it has `in_hand` (ids: read, being processed or waiting their turn
        behind a long one): a read Redis answered to a connection the worker had given up
        on (the answer came after a store outage), so the worker never saw it. Only a
        reclaim brings it. Among len(in_hand) + 1 idle entries one is not in hand."""
        rows = await self._redis.xpending_range(
            keys.inbound_stream(shard), keys.INBOUND_GROUP, "-", "+", len(in_hand) + 1,
            consumername=consumer, idle=idle_ms,
        )  # fmt: skip
        return any(_decode(row["message_id"]) not in in_hand for row in rows)

    async def reclaim(self, shard: int, consumer: str) -> list[InboundEntry]:
        """Everything left pending in a shard (by a crashed worker), now owned by us."""
        stream = keys.inbound_stream(shard)
        cursor = "0-0"
        out: list[InboundEntry] = []
        while True:
            reply = await self._redis.xautoclaim(
                stream, keys.INBOUND_GROUP, consumer, min_idle_time=0, start_id=cursor, count=100
            )
            cursor, rows = _decode(reply[0]), reply[1]
            out.extend(self._entries(shard, [r for r in rows if r and r[1]]))
            if cursor == "0-0":
                break
        out.sort(key=lambda e: tuple(int(p) for p in e.entry_id.split("-")))
        return out

    @staticmethod
    def ack_ops(entry: InboundEntry) -> list[list[str]]:
        """Writes that retire an entry; part of the same atomic commit as its effects."""
        stream = keys.inbound_stream(entry.shard)
        return [
            ["XACK", stream, keys.INBOUND_GROUP, entry.entry_id],
            ["XDEL", stream, entry.entry_id],
        ]

    async def give_up(self, entry: InboundEntry) -> None:
        """Move a message that keeps failing aside, so the conversation is not stuck.

        Two steps (the dead list and the shard are in different slots): kept first, then
        retired; a crash between keeps it twice, never loses it."""
        record = {"entry": entry.entry_id, "message": entry.message.to_dict()}
        await self._redis.lpush(keys.INBOUND_DEAD, json.dumps(record, ensure_ascii=False))
        pipe = self._redis.pipeline(transaction=True)
        for op in self.ack_ops(entry):
            pipe.execute_command(*op)
        await pipe.execute()

    async def unreadable(self, channel: str, raw: bytes, error: str, now: float) -> None:
        """Keep a payload the channel delivered but we could not read, for people to look at.

        The channel was told "received" (it would otherwise redeliver it for hours), so
        this list is the only trace of it; it keeps the newest UNREADABLE_KEPT.
        """
        record = {
            "channel": channel,
            "at": now,
            "error": error[:ERROR_CHARS],
            "raw": raw[:RAW_BYTES_KEPT].decode("utf-8", "replace"),
        }
        pipe = self._redis.pipeline(transaction=True)
        pipe.lpush(keys.INBOUND_UNREADABLE, json.dumps(record))  # ASCII: any bytes store
        pipe.ltrim(keys.INBOUND_UNREADABLE, 0, UNREADABLE_KEPT - 1)
        await pipe.execute()

    async def unreadable_list(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = await self._redis.lrange(keys.INBOUND_UNREADABLE, 0, limit - 1)
        return [json.loads(r) for r in rows]

    async def backlog(self) -> int:
        """Messages accepted but not yet processed, over all shards, in one round trip.

        A processed entry is deleted from its stream in the commit that acknowledges it,
        so a stream's length is its backlog: read by no worker yet, or read and pending.
        (Consumer-group `lag` would say the same, but Redis 6.2 does not report it.)
        """
        pipe = self._redis.pipeline(transaction=False)
        for shard in range(self.shards):
            pipe.xlen(keys.inbound_stream(shard))
        return sum(int(n) for n in await pipe.execute())

    def _entries(
        self, shard: int, rows: list[tuple[bytes, dict[bytes, bytes]]]
    ) -> list[InboundEntry]:
        out = []
        for entry_id, fields in rows:
            raw = fields.get(b"m") or fields.get("m")  # type: ignore[call-overload]
            message = InboundMessage.from_dict(json.loads(raw))
            out.append(InboundEntry(shard, _decode(entry_id), message))
        return out


class ShardLeases:
    """Which worker processes which shard: a lease key per shard, renewed while alive, and
    the shard's holder, the worker that took it last, which every commit is fenced by.

    A lease that ran out while no other worker took the shard is renewed by its holder
    (a worker starved past its lease on a loaded host loses nothing); once another worker
    takes the shard, the old holder's commits are refused."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis
        self._acquire = redis.register_script(scripts.ACQUIRE_LEASE)
        self._renew = redis.register_script(scripts.RENEW_LEASE)
        self._release = redis.register_script(scripts.RELEASE_LEASE)

    @staticmethod
    def fence(shard: int, token: str) -> Fence:
        """What a commit must check to apply only while `token` holds the shard."""
        return Fence(keys.shard_holder(shard), token)

    async def acquire(self, shard: int, token: str, ttl_ms: int) -> bool:
        """Take a free shard, or take up again one still ours (a consumer that stopped on a
        store outage, a lease that came through a failover)."""
        return bool(await self._acquire(keys=_lease_keys(shard), args=[token, ttl_ms]))

    async def renew(self, shard: int, token: str, ttl_ms: int) -> bool:
        """Keep the shard: False once another worker has taken it."""
        return bool(await self._renew(keys=_lease_keys(shard), args=[token, ttl_ms]))

    async def release(self, shard: int, token: str) -> None:
        await self._release(keys=_lease_keys(shard), args=[token])

    async def heartbeat(self, worker_id: str, now: float, stale_after: float) -> list[str]:
        """Record this worker as alive; returns the ids of all live workers, sorted."""
        pipe = self._redis.pipeline(transaction=True)
        pipe.zadd(keys.WORKERS, {worker_id: now})
        pipe.zremrangebyscore(keys.WORKERS, "-inf", now - stale_after)
        pipe.zrange(keys.WORKERS, 0, -1)
        result = await pipe.execute()
        return sorted(_decode(w) for w in result[-1])

    async def leave(self, worker_id: str) -> None:
        await self._redis.zrem(keys.WORKERS, worker_id)


def _lease_keys(shard: int) -> list[str]:
    return [keys.shard_lease(shard), keys.shard_holder(shard)]


def _shard_of_stream(stream: bytes | str) -> int:
    return keys.shard_of_stream(_decode(stream))


def _decode(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
