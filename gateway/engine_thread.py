"""The dialog engine's own thread: a turn reads the user's words there, off the event loop.

A short message is read in milliseconds; a long one full of words not read before (a
pasted log, a long letter) takes up to a second of CPU, and many seconds of a loaded
host's wall clock. Read on the event loop, that stalls everything the process serves
meanwhile: the commits of turns already read, the shard leases' renewal, the store's
liveness ping (which then reports the store unreachable), webhooks, the web chat, the
console. So the calls of a turn that read what the user wrote (the step, the
self-service reading while a person has the conversation, the reading of a request too
late to reopen, the outage report) run here, and the loop serves the rest. The news of
what operators or the store did (texts filled in, no words read) are told on the loop.

One thread, not a pool: the readers' memos (the matcher's, the ranker's, the
extractors') are plain dicts trimmed without a lock, which one reader at a time keeps
whole; and under the GIL more threads would not read faster (a process per core does).
The thread only computes: the store is written on the loop, by the turn's one commit,
and a conversation's turns keep their order (its worker awaits each turn).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class EngineThread:
    """Runs the engine's calls one at a time in a thread of their own (started on first
    use: a process that takes no turns never starts it)."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dialog-engine")

    async def run(self, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`call(*args, **kwargs)` in the engine's thread; the loop serves others meanwhile."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: call(*args, **kwargs))

    def close(self) -> None:
        """Let the thread go once the call in hand (if any) returns."""
        self._executor.shutdown(wait=False, cancel_futures=True)
