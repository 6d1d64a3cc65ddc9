"""A commit whose writes fall in several Redis Cluster hash slots, as single-slot steps.

A cluster runs a script or a transaction only over keys of one slot, and a dialog turn
writes several: its conversation, an outbound stream, its tickets, the desk's indexes,
and the acknowledgement of its inbound entry. On a cluster a commit therefore runs as:

1. A version checked outside the home slot (a ticket's revision, besides the
   conversation's version) is checked there and that slot locked until this commit has
   written there. The intent's name goes into a global index, so it is found if this
   process dies; the shard lease is checked (the fence).
2. The home step, one script in the slot of the versions checked (the conversation):
   a turn whose inbound entry was committed already is skipped; the versions are
   checked; the home slot's writes are applied and the other slots' writes stored as the
   intent, all at once. From here on the commit has happened.
3. Every other slot: its writes, with a done-mark for (intent, slot) set in the same
   script, so applying the step again (a retry, the sweeper) changes nothing.
4. The live news is published; the intent and its index entry are removed.

A crash after step 2 leaves the intent, and `finish_stale` (run periodically) applies
what is left of it, each step once. A crash before step 2 leaves only an index entry,
which the sweeper drops. A worker that replays the turn (the entry was still pending)
finds the entry applied in step 2 and only finishes the intent and acknowledges.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from redis.crc import key_slot

from gateway.store import keys, scripts
from gateway.store.durability import DurableWrites, SlotMoving
from gateway.store.transaction import Fence, writes_json

DONE_MARK_TTL_SECONDS = 7 * 24 * 3600
STALE_AFTER_SECONDS = 30.0  # an intent older than this belongs to a process that died
SWEEP_BATCH = 100
CHECK_LOCK_MS = 10_000  # a lock outlives any commit; a dead holder's expires


@dataclass
class Step:
    """Writes that fall in one slot, in the order they were asked for."""

    keys: list[str] = field(default_factory=list)
    ops: list[list[str]] = field(default_factory=list)

    def add(self, op: list[str]) -> None:
        if op[1] not in self.keys:
            self.keys.append(op[1])
        self.ops.append(op)


def by_slot(ops: list[list[str]]) -> dict[int, Step]:
    """The writes grouped by the slot of their key (every op names its key second)."""
    steps: dict[int, Step] = {}
    for op in ops:
        steps.setdefault(key_slot(op[1].encode()), Step()).add(op)
    return steps


class SlotSteps:
    """Applies commits that span slots; finishes those a dead process left half-done."""

    def __init__(self, redis: Any, durable: DurableWrites) -> None:
        self._redis = redis
        self._durable = durable
        self._home = redis.register_script(scripts.COMMIT_HOME)
        self._once = redis.register_script(scripts.APPLY_ONCE)
        self._check_and_lock = redis.register_script(scripts.CHECK_AND_LOCK)

    async def commit(
        self,
        checks: list[list[str]],
        ops: list[list[str]],
        news: list[list[str]],
        fence: Fence,
        home_key: str = "",
        mark: OnceMark | None = None,
    ) -> str:
        """'ok', 'conflict' or 'lease_lost', like the one-script commit. `home_key`: the
        commit's home (`commit_home`); `mark`: its once-mark, set in the home step."""
        writes = [op for op in ops if op[0] != "PUBLISH"]
        news = news + [op for op in ops if op[0] == "PUBLISH"]
        steps = by_slot(writes)
        home_key = home_key or commit_home(checks, writes)
        if not home_key:
            return "ok"
        home_slot = _slot(home_key)
        intent_id = uuid.uuid4().hex
        elsewhere = _checks_by_slot([c for c in checks if _slot(c[0]) != home_slot])
        if not await self._lock(elsewhere, intent_id):
            return "conflict"
        for slot, slot_checks in elsewhere.items():  # the step there unlocks
            steps.setdefault(slot, Step()).add(["DEL", keys.check_lock(slot_checks[0][0])])
        checks = [c for c in checks if _slot(c[0]) == home_slot]
        home = steps.pop(home_slot, Step())
        marker = json.dumps([keys.intents(home_key), intent_id])
        later = [[s.keys, s.ops] for s in steps.values()]
        if not await self._register(marker if later else "", fence):
            await self._unlock(elsewhere)
            return "lease_lost"
        entry = inbound_entry(writes)
        try:
            intent = writes_json({"steps": later, "news": news}) if later else ""
            status = await self._home_step(home_key, home, checks, intent_id, intent, entry, mark)
        except SlotMoving:  # refused, so not applied: nothing of it is left to finish
            await self._unlock(elsewhere)
            if later:
                await self._redis.zrem(keys.INTENTS, marker)
            raise
        status = status.decode() if isinstance(status, bytes) else status
        if status == "conflict":
            await self._unlock(elsewhere)
            if later:
                await self._redis.zrem(keys.INTENTS, marker)
            return status
        if status == "applied":  # a replay: finish what the first commit left, then ack
            await self._unlock(elsewhere)
            if later:
                await self._redis.zrem(keys.INTENTS, marker)
            await self.finish_home(home_key)
            pipe = self._redis.pipeline(transaction=True)
            for op in writes:
                if _retires(op, entry):
                    pipe.execute_command(*op)
            await pipe.execute()
            return "ok"
        if later:
            await self._finish(marker, intent_id, later, news)
        elif news:
            await self._publish(news)
        return "ok"

    async def _home_step(
        self,
        home_key: str,
        home: Step,
        checks: list[list[str]],
        intent_id: str,
        intent: str | bytes,
        entry: tuple[str, str] | None,
        mark: OnceMark | None,
    ) -> Any:
        """Step 2, the home step (scripts.COMMIT_HOME)."""
        applied = keys.applied_entry(home_key) if entry else ""
        return await self._durable.script(
            self._home,
            keys=[home_key, *home.keys, *[c[0] for c in checks], keys.intents(home_key)]
            + [keys.check_lock(home_key)]
            + ([applied] if applied else [])
            + ([mark.key] if mark else []),
            args=[
                json.dumps(checks),
                writes_json(home.ops),
                keys.intents(home_key),
                intent_id,
                intent,
                applied,
                *(entry or ("", "")),
                keys.check_lock(home_key),
                *(mark or OnceMark("", "", 0)),
            ],
        )

    async def finish_home(self, home_key: str) -> int:
        """Apply what intents recorded in `home_key`'s slot still have to do."""
        name = keys.intents(home_key)
        pending = await self._redis.hgetall(name)
        for raw_id, raw in pending.items():
            intent_id = raw_id.decode()
            intent = json.loads(raw)
            await self._finish(json.dumps([name, intent_id]), intent_id, intent["steps"],
                               intent["news"])  # fmt: skip
        return len(pending)

    async def finish_stale(self, now: float | None = None) -> int:
        """Finish intents older than STALE_AFTER_SECONDS (their process died); drop index
        entries whose home step never happened. The number of intents finished."""
        until = (now or time.time()) - STALE_AFTER_SECONDS
        finished = 0
        for raw in await self._redis.zrangebyscore(keys.INTENTS, "-inf", until, 0, SWEEP_BATCH):
            marker = raw.decode()
            name, intent_id = json.loads(marker)
            found = await self._redis.hget(name, intent_id)
            if found is None:
                await self._redis.zrem(keys.INTENTS, marker)
                continue
            intent = json.loads(found)
            await self._finish(marker, intent_id, intent["steps"], intent["news"])
            finished += 1
        return finished

    async def _lock(self, elsewhere: dict[int, list[list[str]]], token: str) -> bool:
        """Check the versions outside the home slot, locking each slot checked; on a
        mismatch (or a lock held) release what was locked: a conflict."""
        locked: dict[int, list[list[str]]] = {}
        for slot, slot_checks in elsewhere.items():
            lock = keys.check_lock(slot_checks[0][0])
            ok = await self._check_and_lock(
                keys=[lock, *[c[0] for c in slot_checks]],
                args=[json.dumps(slot_checks), token, CHECK_LOCK_MS],
            )
            if not ok:
                await self._unlock(locked)
                return False
            locked[slot] = slot_checks
        return True

    async def _unlock(self, locked: dict[int, list[list[str]]]) -> None:
        for slot_checks in locked.values():
            await self._redis.delete(keys.check_lock(slot_checks[0][0]))

    async def _register(self, marker: str, fence: Fence) -> bool:
        """Index the intent (if it has later steps) and check the lease: one round trip."""
        if not marker and not fence.lease_key:
            return True
        pipe = self._redis.pipeline(transaction=False)
        if fence.lease_key:
            pipe.get(fence.lease_key)
        if marker:
            pipe.zadd(keys.INTENTS, {marker: time.time()})
        results = await pipe.execute()
        if fence.lease_key and results[0] != fence.token.encode():
            if marker:
                await self._redis.zrem(keys.INTENTS, marker)
            return False
        return True

    async def _finish(
        self, marker: str, intent_id: str, later: list[Any], news: list[list[str]]
    ) -> None:
        await asyncio.gather(*(self._apply(Step(k, o), intent_id) for k, o in later))
        if news:
            await self._publish(news)
        name, _ = json.loads(marker)
        pipe = self._redis.pipeline(transaction=False)
        pipe.hdel(name, intent_id)
        pipe.zrem(keys.INTENTS, marker)
        await pipe.execute()

    async def _apply(self, step: Step, intent_id: str) -> None:
        """One slot's writes, once per intent (the done-mark is in the same slot)."""
        mark = keys.step_done(step.keys[0], intent_id)
        await self._durable.script(
            self._once,
            keys=[mark, *step.keys],
            args=[writes_json(step.ops), DONE_MARK_TTL_SECONDS],
        )

    async def _publish(self, news: list[list[str]]) -> None:
        for op in news:
            await self._redis.execute_command(*op)


def _slot(key: str) -> int:
    return key_slot(key.encode())


def _checks_by_slot(checks: list[list[str]]) -> dict[int, list[list[str]]]:
    grouped: dict[int, list[list[str]]] = {}
    for check in checks:
        grouped.setdefault(_slot(check[0]), []).append(check)
    return grouped


class OnceMark(NamedTuple):
    """A commit's once-mark: its key (in the commit's home slot), the outcome it keeps,
    how long it is kept (seconds)."""

    key: str
    outcome: str
    seconds: int


def commit_home(checks: list[list[str]], ops: list[list[str]], home: str = "") -> str:
    """The key in whose slot a commit is applied first and its marks are kept: `home` when
    the commit names one, else the last version checked (a conversation's: checked
    last), else its first write."""
    if home:
        return home
    if checks:
        return checks[-1][0]
    writes = [op for op in ops if op[0] != "PUBLISH"]
    return writes[0][1] if writes else ""


def inbound_entry(ops: list[list[str]]) -> tuple[str, str] | None:
    """(stream, entry id) of the inbound entry a commit acknowledges, if any."""
    for op in ops:
        if op[0] == "XACK" and op[2] == keys.INBOUND_GROUP:
            return op[1], op[3]
    return None


def _retires(op: list[str], entry: tuple[str, str] | None) -> bool:
    """Whether `op` acknowledges or deletes `entry` in its stream."""
    return entry is not None and op[0] in ("XACK", "XDEL") and op[1] == entry[0]
