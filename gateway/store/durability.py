"""Durable acknowledgement: a write counts once enough replicas have it (`WAIT`).

A primary acknowledges a write before its replicas have it; if it dies then, Sentinel
promotes a replica without the write. Writes we acknowledge to a channel (an accepted
message, a ticket number, a dialog turn) are sent with `WAIT n timeout` on the same
connection, so the answer comes only once `n` replicas hold them, or not at all.
"""

from __future__ import annotations

from typing import Any

from redis.exceptions import NoScriptError

from gateway.store.batching import Call, run_script_calls


class NotReplicated(Exception):
    """The primary took the write, but too few replicas confirmed it in time: the caller
    must not acknowledge it (a failover now could lose it) and should be retried."""


class DurableWrites:
    """Runs a write, followed on the same connection by `WAIT` if replicas are asked for."""

    def __init__(self, redis: Any, replicas: int = 0, timeout_ms: int = 1000) -> None:
        self._redis = redis
        self.replicas = replicas
        self.timeout_ms = timeout_ms

    async def script(self, script: Any, keys: list[Any], args: list[Any]) -> Any:
        """Run a registered Lua script; its result once it is durable."""
        if not self.replicas:
            return await script(keys=keys, args=args)
        # EVALSHA straight in the pipeline (no SCRIPT EXISTS round trip first); a server
        # without the script (a newly promoted primary) gets it loaded, once.
        try:
            return await self._evalsha_confirmed(script, keys, args)
        except NoScriptError:
            await self._redis.script_load(script.script)
            return await self._evalsha_confirmed(script, keys, args)

    async def scripts(self, script: Any, calls: list[Call]) -> list[Any]:
        """Run a registered Lua script once per (keys, args), all in one pipeline, with one
        `WAIT` after them if replicas are asked for: each call's result or error, in order,
        once durable; NotReplicated for all when too few replicas confirmed."""
        wait = ("WAIT", self.replicas, self.timeout_ms) if self.replicas else ()
        results, confirmed = await run_script_calls(self._redis, script, calls, wait)
        for replicas in confirmed:
            self._check(None, replicas)
        return results

    async def _evalsha_confirmed(self, script: Any, keys: list[Any], args: list[Any]) -> Any:
        pipe = self._redis.pipeline(transaction=False)
        pipe.evalsha(script.sha, len(keys), *keys, *args)
        return await self._confirmed(pipe)

    async def command(self, *args: Any) -> Any:
        """Run one write command; its result once it is durable."""
        if not self.replicas:
            return await self._redis.execute_command(*args)
        pipe = self._redis.pipeline(transaction=False)
        pipe.execute_command(*args)
        return await self._confirmed(pipe)

    async def _confirmed(self, pipe: Any) -> Any:
        pipe.execute_command("WAIT", self.replicas, self.timeout_ms)
        result, confirmed = await pipe.execute()
        return self._check(result, confirmed)

    def _check(self, result: Any, confirmed: Any) -> Any:
        if isinstance(confirmed, Exception):
            raise confirmed
        if int(confirmed) < self.replicas:
            raise NotReplicated(
                f"{confirmed} of {self.replicas} replicas confirmed within {self.timeout_ms} ms"
            )
        return result
