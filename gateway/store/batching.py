"""Calls of one script made in the same event-loop pass, sent to Redis together.

Under load many requests reach the same step at once (webhooks and web-chat messages
being accepted). Each call on its own is a write and a read on the socket, and on a busy
host those system calls are most of what an accept costs. Collected for one pass of the
loop, they go out as one pipeline: one write, one read, however many there are. Every
caller still gets its own result (or error) only once Redis has run its call (and the
replicas confirmed it, when asked for), so nothing is acknowledged earlier than before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from gateway.store.durability import ScriptCall

MAX_BATCH = 256  # calls per pipeline: a bound on one reply's size and on its wait


class ScriptBatcher:
    """Runs a script for many callers, one pipeline per loop pass (`run` sends a batch)."""

    def __init__(self, run: Callable[[list[ScriptCall]], Awaitable[list[Any]]]) -> None:
        self._run = run
        self._waiting: list[tuple[list[Any], list[Any], asyncio.Future[Any]]] = []
        self._sending: set[asyncio.Task[None]] = set()

    async def call(self, keys: list[Any], args: list[Any]) -> Any:
        """The script's result for these keys and arguments, once it is durable."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        self._waiting.append((keys, args, future))
        if len(self._waiting) >= MAX_BATCH:
            self._flush()
        elif len(self._waiting) == 1:
            # After every caller this pass of the loop wakes has added its call.
            loop.call_soon(self._flush)
        return await future

    def _flush(self) -> None:
        batch, self._waiting = self._waiting, []
        if batch:
            task = asyncio.ensure_future(self._send(batch))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)

    async def _send(self, batch: list[tuple[list[Any], list[Any], asyncio.Future[Any]]]) -> None:
        try:
            results = await self._run([(k, a) for k, a, _ in batch])
        except asyncio.CancelledError:  # shutting down: nobody is answered as stored
            for *_, future in batch:
                future.cancel()
            raise
        except Exception as exc:  # the store failed: every caller sees it (and is retried)
            for *_, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (*_, future), result in zip(batch, results, strict=True):
            if future.done():  # its caller gave up waiting
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)
