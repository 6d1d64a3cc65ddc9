"""Durable acknowledgement: a write counts once enough replicas have it (`WAIT`).

A primary acknowledges a write before its replicas have it; if it dies then, Sentinel
promotes a replica without the write. Writes we acknowledge to a channel (an accepted
message, a ticket number, a dialog turn) are sent with `WAIT n timeout` on the same
connection, so the answer comes only once `n` replicas hold them, or not at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from redis.asyncio.cluster import PipelineCommand, RedisCluster
from redis.exceptions import AskError, ClusterError, MovedError, NoScriptError, TryAgainError
from redis.exceptions import ConnectionError as RedisConnectionError

log = logging.getLogger(__name__)

# A write refused because its slot is moving is sent again this many times, TRYAGAIN
# after a pause growing by this much (about 1.4 s in all), before the store counts as
# unavailable (the caller's own retry takes over).
SLOT_REDIRECTS = 8
TRYAGAIN_PAUSE = 0.05

# One call of a script: its keys and its arguments.
ScriptCall = tuple[Sequence[Any], Sequence[Any]]


class ScriptRun(NamedTuple):
    """One call of a registered script, beside calls of other scripts in one pipeline."""

    script: Any
    keys: Sequence[Any]
    args: Sequence[Any]


class NotReplicated(Exception):
    """The primary took the write, but too few replicas confirmed it in time: the caller
    must not acknowledge it (a failover now could lose it) and should be retried."""


class SlotMoving(ClusterError):
    """A write refused every time it was sent because its slot was moving: it was not
    applied (the store is unavailable for it for now)."""


class DurableWrites:
    """Runs a write, followed on the same connection by `WAIT` if replicas are asked for."""

    def __init__(self, redis: Any, replicas: int = 0, timeout_ms: int = 1000) -> None:
        self._redis = redis
        self.replicas = replicas
        self.timeout_ms = timeout_ms
        # Cluster: how many replicas each primary had at its last write (see _on_slot_node).
        self.replicas_of: dict[str, int] = {}

    async def script(self, script: Any, keys: list[Any], args: list[Any]) -> Any:
        """Run a registered Lua script; its result once it is durable."""
        if not self.replicas and not isinstance(self._redis, RedisCluster):
            return await script(keys=keys, args=args)
        # EVALSHA straight in the pipeline (no SCRIPT EXISTS round trip first); a server
        # without the script (a newly promoted primary) gets it loaded, once.
        try:
            return await self._evalsha_confirmed(script, keys, args)
        except NoScriptError:
            await self._redis.script_load(script.script)
            return await self._evalsha_confirmed(script, keys, args)

    async def _evalsha_confirmed(self, script: Any, keys: list[Any], args: list[Any]) -> Any:
        command = ("EVALSHA", script.sha, len(keys), *keys, *args)
        if isinstance(self._redis, RedisCluster):
            return await self._on_slot_node(keys[0], command)
        pipe = self._redis.pipeline(transaction=False)
        pipe.execute_command(*command)
        return await self._confirmed(pipe)

    async def script_each(self, script: Any, calls: Sequence[ScriptCall]) -> list[Any]:
        """Run a registered Lua script once per call, all in one round trip; the results
        in order (a failed call's error as its result), once they are durable."""
        wait = (self.replicas, self.timeout_ms) if self.replicas else None
        results = await evalsha_each(self._redis, script, calls, wait)
        if wait is not None:
            confirmed = results.pop()
            if int(confirmed) < self.replicas:
                raise NotReplicated(
                    f"{confirmed} of {self.replicas} replicas confirmed within {self.timeout_ms} ms"
                )
        return results

    async def command(self, *args: Any) -> Any:
        """Run one write command (its key second); its result once it is durable."""
        if isinstance(self._redis, RedisCluster):
            return await self._on_slot_node(args[1], args)
        if not self.replicas:
            return await self._redis.execute_command(*args)
        pipe = self._redis.pipeline(transaction=False)
        pipe.execute_command(*args)
        return await self._confirmed(pipe)

    async def read(self, queue: Callable[[Any], object]) -> Any:
        """Run one command that `queue` puts on a pipeline; with replicas, its result only
        once they hold every write before it. For a read that is itself a write (XREADGROUP,
        XAUTOCLAIM move entries into the reader's pending list), `WAIT` then covers every
        write up to that point, including the ones that produced what was read: nothing is
        acted on (a reply sent) that a failover could still take back."""
        pipe = self._redis.pipeline(transaction=False)
        queue(pipe)
        if not self.replicas or isinstance(self._redis, RedisCluster):
            # On a cluster a keyless WAIT in a pipeline goes to any node: reads there are
            # not gated (the writes they follow are, on their own slot's node).
            (result,) = await pipe.execute()
            return result
        return await self._confirmed(pipe)

    async def _on_slot_node(self, key: Any, command: tuple[Any, ...]) -> Any:
        """On a cluster: the write and its WAIT on one connection to the primary of the
        key's slot, so WAIT counts that shard's replicas (a cluster pipeline would send
        the keyless WAIT to any node).

        A slot being moved (resharding, a failover) is followed here, a few times: MOVED
        to its new primary, ASK to the node importing it with ASKING on the same
        connection (redis-py sends its ASKING on another pooled connection, so the
        command is refused again), TRYAGAIN (the keys are split between the two nodes
        for a moment) after a short pause. A refused write was not applied, so sending it
        again applies it once; still refused, the store is unavailable (SlotMoving).

        Degraded mode: a primary with fewer replicas than asked for (a promoted replica
        whose old primary is gone has none) gets its writes confirmed by the replicas it
        has, not refused forever; it is logged, `/readyz` and `firstline config check`
        name it (`degraded`), and full confirmation resumes once its replica is back."""
        await self._redis.initialize()  # learns the slots on first use (a no-op after)
        node, asking = self._redis.get_node_from_key(key), False
        for tries in range(1, SLOT_REDIRECTS + 1):
            role, write, wait = await self._write_on(node, command, asking)
            refused = write.result
            if not isinstance(refused, AskError | TryAgainError):
                break
            if tries == SLOT_REDIRECTS:
                raise SlotMoving(f"slot still moving after {tries} tries: {refused}")
            if isinstance(refused, MovedError):  # its slot moved (resharded, a failover)
                await self._refresh_slots()
                node, asking = self._redis.get_node_from_key(key), False
            elif isinstance(refused, AskError):  # being moved; this key is there already
                node, asking = await self._node_at(refused.host, refused.port), True
            else:
                await asyncio.sleep(TRYAGAIN_PAUSE * tries)
                node, asking = self._redis.get_node_from_key(key), False
        for done in (role, write, wait):
            if done is not None and isinstance(done.result, Exception):
                raise done.result
        if wait is None:
            return write.result
        has = len(role.result[2]) if role.result[0] in (b"master", "master") else 0
        if has < self.replicas and self.replicas_of.get(node.name) != has:
            log.warning(
                "redis cluster degraded: a primary has fewer replicas than wait_replicas; "
                "its writes are confirmed by the replicas it has",
                extra={"primary": node.name, "replicas": has, "wait_replicas": self.replicas},
            )
        self.replicas_of[node.name] = has
        return self._check(write.result, wait.result, min(self.replicas, has))

    async def _write_on(
        self, node: Any, command: tuple[Any, ...], asking: bool
    ) -> tuple[PipelineCommand, PipelineCommand, PipelineCommand | None]:
        """ROLE, the write (after ASKING when asked to) and WAIT, on one connection."""
        wait_for = min(self.replicas, self.replicas_of.get(node.name, self.replicas))
        role = PipelineCommand(0, "ROLE")
        write = PipelineCommand(2, *command)
        wait = PipelineCommand(3, "WAIT", wait_for, self.timeout_ms) if self.replicas else None
        sent = [role, *([PipelineCommand(1, "ASKING")] if asking else []), write]
        try:
            await node.execute_pipeline([*sent, *([wait] if wait else [])])
        except (OSError, AttributeError) as exc:  # the node died under us
            await self._refresh_slots()
            raise RedisConnectionError(f"cluster node {node.name} lost: {exc!r}") from exc
        return role, write, wait

    async def _node_at(self, host: str, port: Any) -> Any:
        node = self._redis.get_node(host=host, port=int(port))
        if node is None:  # a node added since the slots were learnt
            await self._refresh_slots()
            node = self._redis.get_node(host=host, port=int(port))
        if node is None:
            raise RedisConnectionError(f"asked to go to {host}:{port}, an unknown node")
        return node

    async def _refresh_slots(self) -> None:
        with contextlib.suppress(Exception):  # the next call finds the nodes again
            await self._redis.nodes_manager.initialize()

    async def _confirmed(self, pipe: Any) -> Any:
        pipe.execute_command("WAIT", self.replicas, self.timeout_ms)
        result, confirmed = await pipe.execute()
        return self._check(result, confirmed, self.replicas)

    def _check(self, result: Any, confirmed: Any, needed: int) -> Any:
        if int(confirmed) < needed:
            raise NotReplicated(
                f"{confirmed} of {needed} replicas confirmed within {self.timeout_ms} ms"
            )
        return result


async def evalsha_each(
    redis: Any, script: Any, calls: Sequence[ScriptCall], wait: tuple[int, int] | None = None
) -> list[Any]:
    """Each call of `script` in one pipeline (one round trip), then `WAIT` if asked; the
    results in order, a call's error as its result. A server that lacks the script (just
    restarted, newly promoted) gets it loaded once, and only the calls it refused are
    sent again: each call runs exactly once."""
    return await evalsha_all(redis, [ScriptRun(script, *call) for call in calls], wait)


async def evalsha_all(
    redis: Any, runs: Sequence[ScriptRun], wait: tuple[int, int] | None = None
) -> list[Any]:
    """As `evalsha_each`, for calls of different scripts (reads that go together)."""
    results = await _pipelined(redis, runs, wait)
    refused = [i for i, r in enumerate(results[: len(runs)]) if isinstance(r, NoScriptError)]
    if refused:
        for script in {id(runs[i].script): runs[i].script for i in refused}.values():
            await redis.script_load(script.script)
        again = await _pipelined(redis, [runs[i] for i in refused], wait)
        for i, result in zip(refused, again, strict=False):
            results[i] = result
        if wait is not None:
            results[-1] = again[-1]  # the WAIT that follows the last writes
    return results


async def _pipelined(
    redis: Any, runs: Sequence[ScriptRun], wait: tuple[int, int] | None
) -> list[Any]:
    pipe = redis.pipeline(transaction=False)
    for run in runs:
        pipe.evalsha(run.script.sha, len(run.keys), *run.keys, *run.args)
    if wait is not None:
        pipe.execute_command("WAIT", *wait)
    return list(await pipe.execute(raise_on_error=False))
