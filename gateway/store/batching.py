"""Script calls made in the same event-loop pass, sent to Redis as one pipeline.

Under load many requests reach Redis at once: web-chat messages and webhooks being
accepted, sockets catching up on their conversations, a worker's shards' turns reading
what they start from and committing. Each call on its own is a write and a read on the
socket, and on a busy host those system calls (and the wake-ups of the redis-server they
cause) are much of what a message costs. The calls one pass of the loop collects, of any
script, go out as one pipeline: one write, one read, however many there are (a single
server; on a cluster each call goes to its slot's node on its own).

Every caller still gets its own results (or errors) only once Redis has run its calls,
each call still runs on its own (a failed one fails alone), and a caller's calls run in
the order given, next to each other. A write that must be durable is answered only once
enough replicas confirmed the pipeline (`WAIT` after it), so nothing is acknowledged
earlier than before; a read in the same pipeline is answered whatever they say.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from gateway.store.durability import DurableWrites, NotReplicated, ScriptRun, evalsha_all

MAX_BATCH = 256  # calls per pipeline: a bound on one reply's size and on its wait


@dataclass(slots=True)
class _Waiting:
    runs: list[ScriptRun]
    durable: bool
    future: asyncio.Future[list[Any]]
    then: ScriptRun | None


class PassPipeline:
    """Runs script calls for many callers, one pipeline per loop pass."""

    def __init__(self, redis: Any, durable: DurableWrites) -> None:
        self._redis = redis
        self._durable = durable
        self._waiting: list[_Waiting] = []
        self._calls = 0
        self._sending: set[asyncio.Task[None]] = set()

    async def run(
        self, call: ScriptRun, *, durable: bool = False, then: ScriptRun | None = None
    ) -> Any:
        """One call's result (its error raised), once Redis ran it (and, if `durable`,
        the replicas asked for have it)."""
        [result] = await self.run_all([call], durable=durable, then=then)
        if isinstance(result, Exception):
            raise result
        return result

    async def run_all(
        self, calls: list[ScriptRun], *, durable: bool = False, then: ScriptRun | None = None
    ) -> list[Any]:
        """The calls' results in order, a failed call's error as its result. They run one
        after another in one pipeline, with whatever else this pass sends. A pipeline that
        fails as a whole (the connection) raises here for every caller.

        `then`: a call that ends the pipeline, once however many callers ask for the same
        (the live news of its commits, published in one message)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[list[Any]] = loop.create_future()
        self._waiting.append(_Waiting(list(calls), durable, future, then))
        self._calls += len(calls)
        if self._calls >= MAX_BATCH:
            self._start(self._send(self._take()))
        elif len(self._waiting) == 1:
            # Its first step runs in the next pass of the loop, after every caller this
            # pass wakes has added its calls (one pass and one callback fewer per round
            # trip than a callback that then starts the sending task).
            self._start(self._send_collected())
        return await future

    def _take(self) -> list[_Waiting]:
        batch, self._waiting, self._calls = self._waiting, [], 0
        return batch

    def _start(self, sending: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(sending)
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _send_collected(self) -> None:
        batch = self._take()
        if batch:  # else a full batch went out before this pass ended
            await self._send(batch)

    async def _send(self, batch: list[_Waiting]) -> None:
        replicas = self._durable.replicas
        wait = (replicas, self._durable.timeout_ms) if replicas else None
        if not any(w.durable for w in batch):
            wait = None
        runs = [r for w in batch for r in w.runs]
        last = {(id(w.then.script), *w.then.keys, *w.then.args): w.then for w in batch if w.then}
        try:
            results = await evalsha_all(self._redis, [*runs, *last.values()], wait)
        except asyncio.CancelledError:  # shutting down: nobody is answered as stored
            for waiting in batch:
                waiting.future.cancel()
            raise
        except Exception as exc:  # the store failed: every caller sees it (and is retried)
            for waiting in batch:
                if not waiting.future.done():
                    waiting.future.set_exception(exc)
            return
        refused = None
        if wait is not None:
            confirmed = int(results.pop())
            if confirmed < replicas:
                refused = NotReplicated(
                    f"{confirmed} of {replicas} replicas confirmed within {wait[1]} ms"
                )
        del results[len(runs) :]  # the closing calls': a failed one leaves its work to the next
        start = 0
        for waiting in batch:
            mine = results[start : start + len(waiting.runs)]
            start += len(waiting.runs)
            if waiting.future.done():  # its caller gave up waiting
                continue
            if waiting.durable and refused is not None:
                waiting.future.set_exception(refused)
            else:
                waiting.future.set_result(mine)
