"""Inbound workers: lease shards, process their messages in order, reclaim the orphaned.

Several workers (in this process or others, on any machine sharing the Redis) split the
shards between them. A shard is processed by exactly one worker at a time, so a
conversation's messages keep their order; a worker that dies loses its leases after
`lease_seconds` and another worker takes the shards over, including what was pending.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Awaitable, Callable

from gateway.store import STORE_UNAVAILABLE, Fence, InboundEntry, LeaseLost, Store

log = logging.getLogger(__name__)

Handler = Callable[[InboundEntry, Fence, list[list[str]]], Awaitable[object]]
# Entries of one shard, of different conversations, taken together (their acknowledging
# writes beside them): for each, whether it is done. One not done is run alone by `Handler`.
GroupHandler = Callable[[list[InboundEntry], Fence, list[list[list[str]]]], Awaitable[list[bool]]]
MAX_ATTEMPTS = 3


def _owner(shard: int, workers: list[str]) -> str:
    return workers[shard % len(workers)]


class InboundWorker:
    """One consumer of the inbound shards: a task per held shard, a balancer beside them."""

    def __init__(
        self,
        store: Store,
        handler: Handler,
        *,
        lease_seconds: float = 10.0,
        batch: int = 50,
        block_ms: int = 1000,
        worker_id: str | None = None,
        together: GroupHandler | None = None,
    ) -> None:
        self.store = store
        self.handler = handler
        self.together = together
        self.lease_ms = int(lease_seconds * 1000)
        self.batch = batch
        self.block_ms = min(block_ms, max(10, self.lease_ms // 4))
        self.id = worker_id or f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.held: set[int] = set()
        self.processed = 0
        self._consumers: dict[int, asyncio.Task[None]] = {}
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Finish the messages in hand, then return from `run`."""
        self._stopping.set()

    async def run(self) -> None:
        try:
            while not self._stopping.is_set():
                try:
                    await self._balance()
                except STORE_UNAVAILABLE as exc:
                    log.warning("store unreachable; retrying", extra={"error": repr(exc)})
                except Exception:
                    log.exception("shard balancing failed; retrying")
                await self._sleep(self.lease_ms / 3000)
        finally:
            for shard in list(self.held):
                await self._drop(shard, release=True)
            await self.store.leases.leave(self.id)

    async def _balance(self) -> None:
        """Heartbeat, renew held leases, and move towards this worker's share of shards.

        Every live worker computes the same assignment (shards dealt round-robin over the
        sorted live worker ids), so shards spread evenly. A shard changes hands only once
        its holder releases it or its lease expires, so it never has two workers.
        """
        lease_s = self.lease_ms / 1000
        alive = await self.store.leases.heartbeat(self.id, time.time(), stale_after=lease_s * 3)
        mine = {s for s in range(self.store.inbound.shards) if _owner(s, alive) == self.id}
        for shard in sorted(self.held - mine):
            await self._drop(shard, release=True)
        for shard in sorted(self.held & mine):
            if not await self.store.leases.renew(shard, self.id, self.lease_ms):
                log.warning("lease of shard %s expired; leaving it", shard)
                await self._drop(shard, release=False)
        for shard in sorted(mine - self.held):
            if self._stopping.is_set():
                return
            if await self.store.leases.acquire(shard, self.id, self.lease_ms):
                self.held.add(shard)
                self._consumers[shard] = asyncio.create_task(self._consume(shard))

    async def _drop(self, shard: int, *, release: bool) -> None:
        """Stop consuming a shard after the message in hand, then give up its lease."""
        self.held.discard(shard)
        task = self._consumers.pop(shard, None)
        if task is not None:
            await asyncio.wait({task}, timeout=self.lease_ms / 1000)
            if not task.done():
                task.cancel()
        if release:
            await self.store.leases.release(shard, self.id)

    def _active(self, shard: int) -> bool:
        return shard in self.held and not self._stopping.is_set()

    async def _consume(self, shard: int) -> None:
        """Process one shard strictly in order: first what a crashed holder left, then new."""
        try:
            await self._process_in_order(shard, await self.store.inbound.reclaim(shard, self.id))
            while self._active(shard):
                entries = await self.store.inbound.read([shard], self.id, self.batch, self.block_ms)
                await self._process_in_order(shard, entries)
        except Exception as exc:
            if isinstance(exc, STORE_UNAVAILABLE):
                log.warning("store unreachable; handing shard %s back", shard)
            else:
                log.exception("consuming shard %s failed; handing it back", shard)
            # Back to the balancer, which takes the shard up again with the lease it still
            # holds. No release: sent now, redis-py's retries could land it once Redis is
            # back, after the balancer took the shard up again, and take that lease away.
            if self._consumers.get(shard) is asyncio.current_task():
                self.held.discard(shard)
                del self._consumers[shard]

    async def _process_in_order(self, shard: int, entries: list[InboundEntry]) -> None:
        """Entries of a shard, oldest first. Runs of different conversations are taken
        together when a GroupHandler is given; a conversation's next message waits until
        its previous one is done. What is not done when the shard is lost is left
        pending: whoever holds the shard next reclaims it."""
        for group in _conversation_runs(entries) if self.together else [[e] for e in entries]:
            if not self._active(shard):
                return
            done = await self._process_group(group) if len(group) > 1 else [False]
            for entry, ok in zip(group, done, strict=True):
                if not ok:
                    if not self._active(shard):
                        return
                    await self._process(entry)

    async def _process_group(self, group: list[InboundEntry]) -> list[bool]:
        """Whether each entry of the group was done; those that were not are run alone."""
        assert self.together is not None
        shard = group[0].shard
        acks = [self.store.inbound.ack_ops(entry) for entry in group]
        try:
            done = await self.together(group, self.store.leases.fence(shard, self.id), acks)
        except LeaseLost:
            log.warning("lost the lease of shard %s; leaving it", shard)
            self.held.discard(shard)  # nothing more of this shard is ours to do
            return [False] * len(group)
        except STORE_UNAVAILABLE:
            raise
        except Exception:
            log.exception("processing a group of messages failed; taking them one by one")
            return [False] * len(group)
        self.processed += sum(done)
        return done

    async def _process(self, entry: InboundEntry) -> None:
        fence = self.store.leases.fence(entry.shard, self.id)
        ack = self.store.inbound.ack_ops(entry)
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                await self.handler(entry, fence, ack)
                self.processed += 1
                return
            except LeaseLost:
                log.warning("lost the lease of shard %s; leaving it", entry.shard)
                self.held.discard(entry.shard)
                return
            except STORE_UNAVAILABLE:
                raise  # not the message's fault: it stays pending and is read again
            except Exception:
                log.exception(
                    "processing failed",
                    extra={
                        "entry": entry.entry_id,
                        "attempt": attempt,
                        "channel": entry.message.channel,
                    },
                )
                await asyncio.sleep(0.1 * attempt)
        await self.store.inbound.give_up(entry)

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)


def _conversation_runs(entries: list[InboundEntry]) -> list[list[InboundEntry]]:
    """The entries cut into consecutive runs in which no conversation comes twice."""
    runs: list[list[InboundEntry]] = []
    seen: set[str] = set()
    for entry in entries:
        key = entry.message.conversation_key
        if not runs or key in seen:
            runs.append([])
            seen = set()
        runs[-1].append(entry)
        seen.add(key)
    return runs
