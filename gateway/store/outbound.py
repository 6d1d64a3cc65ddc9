"""Outbound replies: one stream per channel, delivered by that channel's connector."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import ResponseError

from gateway.models import Delivery
from gateway.store import keys, scripts
from gateway.store.durability import DurableWrites

DELIVERED_TTL_SECONDS = 7 * 24 * 3600
RETRIED_TTL_SECONDS = 24 * 3600
DEAD_KEPT = 10_000  # dead letters listed, newest first


@dataclass(frozen=True)
class OutboundEntry:
    entry_id: str
    delivery: Delivery


class Outbox:
    """Read queued deliveries, and retire them as sent or dead."""

    def __init__(self, redis: aioredis.Redis, durable: DurableWrites | None = None) -> None:
        self._redis = redis
        # Replies are read only once replicas hold the turn that wrote them: a reply sent
        # from a commit a failover then loses would be sent again when the turn is redone.
        self._durable = durable or DurableWrites(redis)
        self._retry_dead = redis.register_script(scripts.RETRY_DEAD_LETTER)
        self._dead_letter = redis.register_script(scripts.DEAD_LETTER)

    async def ensure_group(self, channel: str) -> None:
        try:
            await self._redis.xgroup_create(
                keys.outbound_stream(channel), keys.OUTBOUND_GROUP, id="0", mkstream=True
            )
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def read(
        self, channel: str, consumer: str, count: int, block_ms: int
    ) -> list[OutboundEntry]:
        stream = keys.outbound_stream(channel)
        reply = await self._redis.xreadgroup(
            keys.OUTBOUND_GROUP, consumer, {stream: ">"}, count=count, block=block_ms
        )
        entries = [e for _, rows in reply or [] for e in _entries(rows)]
        if entries and self._durable.replicas:
            # A blocked read that an XADD served does not count as this connection's
            # write, so a WAIT after it could miss the turn that wrote the entries.
            # Claiming them again (they are ours already) is a write that WAIT covers.
            ids = [e.entry_id for e in entries]
            await self._durable.read(
                lambda pipe: pipe.xclaim(stream, keys.OUTBOUND_GROUP, consumer, 0, ids, justid=True)
            )
        return entries

    async def reclaim(self, channel: str, consumer: str) -> list[OutboundEntry]:
        """Deliveries a previous sender read but did not finish (it crashed)."""
        out: list[OutboundEntry] = []
        cursor = "0-0"
        while True:
            cursor_b, rows, *_ = await self._durable.read(
                lambda pipe, start=cursor: pipe.xautoclaim(
                    keys.outbound_stream(channel),
                    keys.OUTBOUND_GROUP,
                    consumer,
                    min_idle_time=0,
                    start_id=start,
                    count=100,
                )
            )
            cursor = cursor_b.decode() if isinstance(cursor_b, bytes) else cursor_b
            out.extend(_entries([r for r in rows if r and r[1]]))
            if cursor == "0-0":
                return out

    async def was_delivered(self, channel: str, delivery_id: str) -> bool:
        return bool(await self._redis.exists(keys.delivered(channel, delivery_id)))

    async def done(self, channel: str, entry: OutboundEntry) -> None:
        """Mark sent and retire in one step, so a restarted sender does not send it again."""
        stream = keys.outbound_stream(channel)
        pipe = self._redis.pipeline(transaction=True)
        delivered = keys.delivered(channel, entry.delivery.delivery_id)
        pipe.set(delivered, "1", ex=DELIVERED_TTL_SECONDS)
        pipe.xack(stream, keys.OUTBOUND_GROUP, entry.entry_id)
        pipe.xdel(stream, entry.entry_id)
        await pipe.execute()

    async def dead(self, channel: str, entry: OutboundEntry, error: str, now: float) -> None:
        """Give up on a delivery: operators see it in the dead-letter list.

        Listed first, then retired (two slots), once per outbound entry: the listing's
        token is the entry's id, so a crash between the two (the entry is read again and
        given up on again) or the listing sent again after its answer was lost lists
        nothing more; a reply that dies again after a retry (a new entry) is listed again."""
        stream = keys.outbound_stream(channel)
        record = {**entry.delivery.to_dict(), "error": error, "failed_at": now}
        listed = keys.once_mark(keys.DEAD_LETTERS, f"dead:{entry.delivery.delivery_id}")
        await self._dead_letter(
            keys=[keys.DEAD_LETTERS, listed],
            args=[json.dumps(record, ensure_ascii=False), DEAD_KEPT, RETRIED_TTL_SECONDS,
                  entry.entry_id],
        )  # fmt: skip
        pipe = self._redis.pipeline(transaction=True)
        pipe.xack(stream, keys.OUTBOUND_GROUP, entry.entry_id)
        pipe.xdel(stream, entry.entry_id)
        await pipe.execute()

    async def dead_letters(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = await self._redis.lrange(keys.DEAD_LETTERS, 0, limit - 1)
        return [json.loads(r) for r in rows]

    async def retry_dead(self, delivery_id: str, action_id: str = "") -> bool:
        """Queue a dead-lettered delivery again (attempts from zero); False if it is gone.

        Queued first (marked once, in the stream's slot, with this call's token), then
        taken off the list: a crash between leaves it listed, and a second "retry" of it
        queues nothing. The script sent again after its answer was lost finds its own
        token: queued, as the first time. `action_id` (the console's id of the click,
        with whose it is) is that token, and once queued it is kept with the delivery's
        id until the entry is off the list: the click resent after its HTTP answer was
        lost is answered queued too."""
        done = keys.once_mark(keys.DEAD_LETTERS, f"dead_letter_retry:{action_id}")
        if action_id and await self._redis.get(done) == delivery_id.encode():
            return True
        for raw in await self._redis.lrange(keys.DEAD_LETTERS, 0, -1):
            record = json.loads(raw)
            if record.get("delivery_id") != delivery_id:
                continue
            delivery = Delivery.from_dict(record)
            fresh = json.dumps({**delivery.to_dict(), "attempts": 0})
            digest = hashlib.sha256(raw).hexdigest()[:32]
            retried = keys.dead_letter_retried(delivery.channel, digest)
            stream = keys.outbound_stream(delivery.channel)
            token = action_id or uuid.uuid4().hex
            queued = await self._retry_dead(
                keys=[retried, stream], args=[fresh, RETRIED_TTL_SECONDS, token]
            )
            if queued and action_id:
                await self._redis.set(done, delivery_id, ex=RETRIED_TTL_SECONDS)
            await self._redis.lrem(keys.DEAD_LETTERS, 1, raw)
            return bool(queued)
        return False

    async def pending(self, channel: str) -> int:
        try:
            return int(await self._redis.xlen(keys.outbound_stream(channel)))
        except ResponseError:
            return 0


def _entries(rows: list[Any]) -> list[OutboundEntry]:
    out = []
    for entry_id, fields in rows:
        raw = fields.get(b"d") or fields.get("d")
        eid = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
        out.append(OutboundEntry(eid, Delivery.from_dict(json.loads(raw))))
    return out
