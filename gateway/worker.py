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
# An entry pending to this worker for this many leases, and not in its hands, was never
# brought to it (a read answered after a store outage): reclaimed. One in its hands may be
# that old: a long turn (read off the event loop, so the leases are renewed meanwhile) or
# the entries read with it, waiting their turn.
STRANDED_LEASES = 2


def _owner(shard: int, workers: list[str]) -> str:
    return workers[shard % len(workers)]


READ_BLOCK_MAX_MS = 100  # a shard that joins the reads waits at most this for its first


class ShardReads:
    """One blocking read (XREADGROUP) for every shard a worker consumes, instead of one
    per shard: a message on any of them wakes it, and the shards' consumers woken by one
    read take their turns together (their reads and commits share round trips, see
    store/batching.py). What a read brings for a shard whose consumer is still busy is
    kept for it (up to a batch; beyond that the shard is left out of the reads until
    its consumer takes what is kept), so nothing is read ahead without bound.

    A consumer joins before it reclaims what its shard has pending and leaves when it
    stops; what arrives for a shard nobody consumes is left pending (whoever consumes
    it next reclaims it). An entry read here that its consumer also reclaimed (a read
    that ran before the reclaim) reaches it twice: `next` skips what is not past the
    last entry it handed out, since new reads only bring entries past all pending ones.
    """

    def __init__(self, store: Store, consumer: str, batch: int, block_ms: int) -> None:
        self._store = store
        self._consumer = consumer
        self._batch = batch
        self._block_ms = min(block_ms, READ_BLOCK_MAX_MS)
        self._kept: dict[int, list[InboundEntry]] = {}  # joined shards: read, not yet taken
        self._seen: dict[int, tuple[int, int]] = {}  # joined shards: last entry handed out
        self._waiting: dict[int, asyncio.Future[list[InboundEntry]]] = {}
        self._joined = asyncio.Event()
        self._reading: frozenset[int] = frozenset()  # the shards of the read under way
        self._read_done = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def join(self, shard: int) -> None:
        self._kept.setdefault(shard, [])
        self._seen.setdefault(shard, (0, 0))
        self._joined.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._read_all())

    def leave(self, shard: int) -> None:
        """The shard's consumer stops: what was kept for it stays pending in Redis."""
        self._kept.pop(shard, None)
        self._seen.pop(shard, None)
        self._wake(shard, [])

    def kept(self, shard: int) -> set[str]:
        """The ids of what was read for the shard and not yet taken by its consumer."""
        return {entry.entry_id for entry in self._kept.get(shard, ())}

    def handed(self, shard: int, entries: list[InboundEntry]) -> None:
        """The consumer took these (reclaimed) entries: later ones only are handed out."""
        for entry in entries:
            self._seen[shard] = max(self._seen.get(shard, (0, 0)), _entry_order(entry))

    async def settled(self, shard: int) -> None:
        """Once no read of the shard is under way: a worker gives a shard up only then, so
        no read of its lands after the next holder reclaimed what was pending (what it
        brought would be left pending, unseen by the holder)."""
        while shard in self._reading:
            await self._read_done.wait()

    async def next(self, shard: int) -> list[InboundEntry]:
        """The shard's next entries, oldest first; [] once it left or the reads failed
        (the error raised)."""
        while shard in self._kept:
            kept = self._fresh(shard, self._kept[shard])
            self._kept[shard] = []
            self._joined.set()  # a shard left out of the reads (it kept a batch) is back
            if kept:
                return kept
            future = asyncio.get_running_loop().create_future()
            self._waiting[shard] = future
            try:
                await future
            finally:
                if self._waiting.get(shard) is future:
                    del self._waiting[shard]
        return []

    async def stop(self) -> None:
        for shard in list(self._kept):
            self.leave(shard)
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def _fresh(self, shard: int, entries: list[InboundEntry]) -> list[InboundEntry]:
        last = self._seen.get(shard, (0, 0))
        fresh = [e for e in entries if _entry_order(e) > last]
        if fresh:
            self._seen[shard] = _entry_order(fresh[-1])
        return fresh

    def _wake(self, shard: int, result: list[InboundEntry] | BaseException) -> None:
        future = self._waiting.pop(shard, None)
        if future is not None and not future.done():
            if isinstance(result, BaseException):
                future.set_exception(result)
            else:
                future.set_result(result)

    async def _read_all(self) -> None:
        while self._kept:
            shards = [s for s, kept in self._kept.items() if len(kept) < self._batch]
            if not shards:  # every consumer is busy with a batch: wait for one to take it
                self._joined.clear()
                await self._joined.wait()
                continue
            self._joined.clear()
            self._reading = frozenset(shards)
            self._read_done.clear()
            try:
                entries = await self._store.inbound.read(
                    sorted(shards), self._consumer, self._batch, self._block_ms
                )
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # each waiting consumer hands its shard back
                for shard in list(self._waiting):
                    self._wake(shard, exc)
                await asyncio.sleep(0.1)
                continue
            finally:
                self._reading = frozenset()
                self._read_done.set()
            for entry in entries:
                if entry.shard in self._kept:  # else left pending: its next consumer reclaims
                    self._kept[entry.shard].append(entry)
            for shard in {e.shard for e in entries}:
                self._wake(shard, [])


def _entry_order(entry: InboundEntry) -> tuple[int, int]:
    millis, _, seq = entry.entry_id.partition("-")
    return int(millis), int(seq or 0)


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
        self._in_hand: dict[int, set[str]] = {}  # per shard: taken, not yet done
        self._stopping = asyncio.Event()
        # One read for all its shards on a single server; on a cluster each shard's stream
        # is on its own node and is read on its own.
        self._reads = None if store.cluster else ShardReads(store, self.id, batch, self.block_ms)

    def stop(self) -> None:
        """Finish the messages in hand, then return from `run`."""
        self._stopping.set()
        for shard in list(self.held):
            self._leave(shard)  # a consumer waiting for entries stops now

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
            if self._reads is not None:
                await self._reads.stop()
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
            elif await self.store.inbound.stranded(
                shard, self.id, self.lease_ms * STRANDED_LEASES, self._in_hands(shard)
            ):
                # Taken up again below, with the lease it holds: the reclaim brings it.
                log.warning(
                    "shard %s: a message read for this worker never reached it (a read "
                    "answered after a store outage); taking the shard up again", shard
                )
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
        self._leave(shard)
        task = self._consumers.pop(shard, None)
        if task is not None:
            await asyncio.wait({task}, timeout=self.lease_ms / 1000)
            if not task.done():
                task.cancel()
        if release:
            if self._reads is not None:
                await self._reads.settled(shard)
            await self.store.leases.release(shard, self.id)

    def _in_hands(self, shard: int) -> set[str]:
        """The shard's entries this worker has: being processed, waiting their turn in
        the batch, or read and kept for its consumer."""
        kept = self._reads.kept(shard) if self._reads is not None else set()
        return self._in_hand.get(shard, set()) | kept

    def _active(self, shard: int) -> bool:
        return shard in self.held and not self._stopping.is_set()

    async def _consume(self, shard: int) -> None:
        """Process one shard strictly in order: first what a crashed holder left, then new."""
        if self._reads is not None:  # before the reclaim: what is read meanwhile is not lost
            self._reads.join(shard)
        try:
            pending = await self.store.inbound.reclaim(shard, self.id)
            if self._reads is not None:
                self._reads.handed(shard, pending)
            await self._process_in_order(shard, pending)
            while self._active(shard):
                await self._process_in_order(shard, await self._next(shard))
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
        finally:
            if self._consumers.get(shard) in (None, asyncio.current_task()):
                self._leave(shard)

    async def _next(self, shard: int) -> list[InboundEntry]:
        if self._reads is None:
            return await self.store.inbound.read([shard], self.id, self.batch, self.block_ms)
        return await self._reads.next(shard)

    def _leave(self, shard: int) -> None:
        if self._reads is not None:
            self._reads.leave(shard)

    async def _process_in_order(self, shard: int, entries: list[InboundEntry]) -> None:
        """Entries of a shard, oldest first. Runs of different conversations are taken
        together when a GroupHandler is given; a conversation's next message waits until
        its previous one is done. What is not done when the shard is lost is left
        pending: whoever holds the shard next reclaims it."""
        hand = self._in_hand.setdefault(shard, set())
        hand.update(entry.entry_id for entry in entries)
        try:
            await self._each_in_order(shard, entries)
        finally:
            hand.difference_update(entry.entry_id for entry in entries)

    async def _each_in_order(self, shard: int, entries: list[InboundEntry]) -> None:
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
