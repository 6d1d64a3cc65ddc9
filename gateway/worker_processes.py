"""Worker processes `firstline serve` starts beside itself, so turns use every core.

Each child is an inbound worker on the same Redis: it leases its share of the inbound
shards like any worker, so per-conversation order and the exactly-once commit are the
same as with workers started by hand. The first children are forked before the event
loop starts, once the core modules and the knowledge base's articles are loaded (and
frozen out of the garbage collector's reach, so that neither process's collector writes
to those pages). Each child then loads the morphology dictionaries and builds the
matcher itself: the serve process takes no turns, so it never loads them at all. They
are forked before serve imports the web stack (aiohttp, the console, the channels'
connectors), which a worker process has no use for, so none of it is in their memory. A
child that exits on its own is replaced by a `firstline worker` (with backoff); a child
dies with the serve process (the kernel tells it), and at shutdown each is asked to
finish the turn in hand and stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys
from collections.abc import Mapping
from typing import Protocol

from gateway import metrics
from gateway.config import Settings
from gateway.knowledge.library import KnowledgeLibrary
from gateway.process_memory import give_back_free_memory
from gateway.store.embedded import die_with_parent
from gateway.turns import run_workers

log = logging.getLogger(__name__)

RESTART_DELAY_MAX = 10.0
STOP_GRACE_SECONDS = 15.0


class Child(Protocol):
    """A worker process as supervised here (`asyncio.subprocess.Process` is one)."""

    pid: int

    @property
    def returncode(self) -> int | None: ...
    def send_signal(self, sig: int) -> None: ...
    async def wait(self) -> int: ...


class WorkerProcesses:
    """`count` supervised worker children, each with its own event loop."""

    def __init__(self, count: int, env: Mapping[str, str]) -> None:
        self.count = count
        self.env = dict(env)
        self.started = 0  # children started, restarts included
        self.knowledge: KnowledgeLibrary | None = None  # loaded before the fork, shared
        self._forked: list[ForkedChild] = []  # forked, waiting for `run` to start them
        self._children: set[Child] = set()
        self._stopping = asyncio.Event()

    def fork_preloaded(self, settings: Settings) -> None:
        """Load the knowledge base's articles (checked: a broken base stops serve here),
        then fork the children; call before the event loop starts (a fork copies only
        the calling thread).

        What is shared is frozen (`gc.freeze()`): the collector then never writes to
        those objects, so their pages stay shared (copy-on-write) for as long as nobody
        changes them. The dictionaries and the matcher (~40 MiB) are no part of it: only
        the children read words, so each loads its own (`run_workers`). When serve
        loaded them before the fork and let them go after it, the collector walk that
        freed them copied the shared articles' pages, and the freed heap stayed resident
        in serve."""
        gc.collect()
        gc.freeze()
        self.knowledge = KnowledgeLibrary(settings.faq_dir, index_now=False)
        gc.collect()  # the garbage of loading, before the fork (it walks the new objects)
        gc.freeze()
        give_back_free_memory()  # or each child would keep the freed pages resident too
        for _ in range(self.count):
            self._forked.append(ForkedChild.fork(settings, self.knowledge, self._forked))

    def stop(self) -> None:
        """Ask every child to finish the turn in hand and exit (killed if it outstays the
        grace); `run` returns once they have."""
        self._stopping.set()
        for child in list(self._children):
            _signal(child, signal.SIGTERM)
            asyncio.get_running_loop().call_later(
                STOP_GRACE_SECONDS, _signal, child, signal.SIGKILL
            )

    def pids(self) -> list[int]:
        return sorted(c.pid for c in self._children)

    async def run(self, embedded_url: str | None = None) -> None:
        """Keep the children running until `stop`: on the configured Redis, or on the
        embedded one this process runs at `embedded_url`."""
        if embedded_url:
            self.env["REDIS_URL"] = embedded_url
        forked, self._forked = self._forked, []
        for child in forked:
            self._children.add(child)
            self.started += 1
            child.start(embedded_url or "")
        await asyncio.gather(
            *(
                self._keep_running(n, forked[n] if n < len(forked) else None)
                for n in range(self.count)
            )
        )

    async def _keep_running(self, slot: int, first: Child | None) -> None:
        failures = 0
        while not self._stopping.is_set():
            child = first or await self._start()
            first = None
            code = await child.wait()
            self._children.discard(child)
            metrics.process_gone(child.pid)
            if self._stopping.is_set():
                return
            failures += 1
            delay = min(RESTART_DELAY_MAX, 0.5 * 2 ** min(failures, 5))
            log.warning(
                "worker process exited; starting another",
                extra={"slot": slot, "code": code, "delay": delay},
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)

    async def _start(self) -> asyncio.subprocess.Process:
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "gateway",
            "worker",
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            preexec_fn=die_with_parent,
        )
        self._children.add(child)
        self.started += 1
        if self._stopping.is_set():  # stopped while it was starting
            _signal(child, signal.SIGTERM)
        return child


def _signal(child: Child, sig: int) -> None:
    if child.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            child.send_signal(sig)


def worker_env(config: str | None) -> dict[str, str]:
    """The environment a child reads its settings from: ours, and our configuration file."""
    env = dict(os.environ)
    if config:
        env["FIRSTLINE_CONFIG"] = config
    return env


class ForkedChild:
    """A worker process forked from the serve process; it waits, blocked on a pipe, for
    the Redis to use (the embedded one starts only later), and exits if serve does."""

    def __init__(self, pid: int, start_fd: int) -> None:
        self.pid = pid
        self._start_fd = start_fd
        self._code: int | None = None

    @classmethod
    def fork(
        cls, settings: Settings, knowledge: KnowledgeLibrary, siblings: list[ForkedChild]
    ) -> ForkedChild:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(write_fd)
            for sibling in siblings:  # their start signal is not ours to hold open
                os.close(sibling._start_fd)
            os._exit(_forked_worker(settings, knowledge, read_fd))
        os.close(read_fd)
        return cls(pid, write_fd)

    def start(self, redis_url: str) -> None:
        """Let the child run, on `redis_url` ("": the configured Redis)."""
        with contextlib.suppress(OSError):  # it died already: `wait` reports it
            os.write(self._start_fd, f"{redis_url}\n".encode())
        os.close(self._start_fd)

    @property
    def returncode(self) -> int | None:
        return self._code

    def send_signal(self, sig: int) -> None:
        if self._code is None:
            os.kill(self.pid, sig)

    async def wait(self) -> int:
        """Its exit status, once it has exited (woken by its pidfd, then reaped)."""
        if self._code is not None:
            return self._code
        exited = asyncio.Event()
        loop = asyncio.get_running_loop()
        pidfd = os.pidfd_open(self.pid)
        loop.add_reader(pidfd, exited.set)
        try:
            await exited.wait()
        finally:
            loop.remove_reader(pidfd)
            os.close(pidfd)
        _, status = os.waitpid(self.pid, 0)
        self._code = os.waitstatus_to_exitcode(status)
        return self._code


def _forked_worker(
    settings: Settings, knowledge: KnowledgeLibrary, start_fd: int
) -> int:  # pragma: no cover - runs in the forked child
    """The forked child: wait for the start signal, then one inbound worker."""
    gc.freeze()  # the modules and the articles: shared, never walked here
    try:
        die_with_parent()
        with os.fdopen(start_fd, "rb") as start:
            line = start.readline()
        if not line:
            return 0  # serve stopped before it started us
        url = line.decode().strip()
        if url:  # the embedded Redis serve runs
            redis = settings.redis.model_copy(update={"url": url})
            settings = settings.model_copy(update={"redis": redis})
        return asyncio.run(run_workers(settings, 1, knowledge))
    except KeyboardInterrupt:
        return 0
    except BaseException:
        log.exception("worker process failed")
        return 1
