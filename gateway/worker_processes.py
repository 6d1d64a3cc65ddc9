"""Worker processes `firstline serve` starts beside itself, so turns use every core.

Each child is a `firstline worker` on the same Redis: it leases its share of the inbound
shards like any worker, so per-conversation order and the exactly-once commit are the
same as with workers started by hand. A child that exits on its own is started again
(with backoff); a child dies with the serve process (the kernel tells it), and at
shutdown each is asked to finish the turn in hand and stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Mapping

from gateway.store.embedded import die_with_parent

log = logging.getLogger(__name__)

RESTART_DELAY_MAX = 10.0
STOP_GRACE_SECONDS = 15.0


class WorkerProcesses:
    """`count` supervised `firstline worker` children, each with its own event loop."""

    def __init__(self, count: int, env: Mapping[str, str]) -> None:
        self.count = count
        self.env = dict(env)
        self.started = 0  # children started, restarts included
        self._children: set[asyncio.subprocess.Process] = set()
        self._stopping = asyncio.Event()

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
        await asyncio.gather(*(self._keep_running(n) for n in range(self.count)))

    async def _keep_running(self, slot: int) -> None:
        failures = 0
        while not self._stopping.is_set():
            child = await self._start()
            code = await child.wait()
            self._children.discard(child)
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


def _signal(child: asyncio.subprocess.Process, sig: int) -> None:
    if child.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            child.send_signal(sig)


def worker_env(config: str | None) -> dict[str, str]:
    """The environment a child reads its settings from: ours, and our configuration file."""
    env = dict(os.environ)
    if config:
        env["FIRSTLINE_CONFIG"] = config
    return env
