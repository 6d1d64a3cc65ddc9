"""Running an emulator on a free loopback port, and waiting for conditions in tests."""

from __future__ import annotations

import asyncio
import random
import socket
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web


class LoopbackServer:
    """An aiohttp application served on 127.0.0.1 with a port the OS picks."""

    def __init__(self, app: web.Application, port: int = 0) -> None:
        self.app = app
        self._runner: web.AppRunner | None = None
        self.port = port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[union-attr]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


class CallingBackEmulator:
    """A vendor API on loopback that also calls the gateway back: one push loop, in order.

    Subclasses build their aiohttp app, call `__init__` with it, and implement `_push_loop`.
    """

    def __init__(self, app: web.Application) -> None:
        self.server = LoopbackServer(app)
        self._pusher: asyncio.Task[None] | None = None
        self._session: Any = None  # aiohttp.ClientSession once started

    @property
    def base_url(self) -> str:
        return self.server.url

    async def start(self) -> None:
        import aiohttp

        await self.server.start()
        self._session = aiohttp.ClientSession()
        self._pusher = asyncio.ensure_future(self._push_loop())

    async def stop(self) -> None:
        if self._pusher is not None:
            self._pusher.cancel()
            await asyncio.gather(self._pusher, return_exceptions=True)
        if self._session is not None:
            await self._session.close()
        await self.server.stop()

    async def _push_loop(self) -> None:
        raise NotImplementedError


# How long a test waits for what the gateway does in the background before calling it
# broken. The CI host has 2 cores shared with other suites: at load 12 a first answer
# (start-up, dictionaries, engine) took 16 s of wall time for 2.6 s of CPU, near the 20 s
# this was.
WAIT_SECONDS = 60.0


async def eventually(
    check: Callable[[], Any | Awaitable[Any]],
    timeout: float = WAIT_SECONDS,
    interval: float = 0.02,
    what: str = "condition",
) -> Any:
    """Poll `check` until it returns something truthy; fail after a generous timeout
    (it returns as soon as the condition holds: a long one costs a passing test nothing)."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while True:
        last = check()
        if asyncio.iscoroutine(last) or isinstance(last, Awaitable):
            last = await last
        if last:
            return last
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; last value: {last!r}")
        await asyncio.sleep(interval)


async def in_one_window(
    window_seconds: int, room: float = 15.0, clock: Callable[[], float] | None = None
) -> None:
    """Wait, if need be, for the next fixed window of the clock, so that `room` seconds of
    counted steps fit in one. The limits count per `int(time.time() // window_seconds)`:
    a window ending between a test's steps restarts the count, and the limit is reached
    one step later than the test expects (proved: a minute ending 0.1 s into a 0.12 s test).
    Call it right before the counted steps (a gateway's start-up is not counted); `clock`
    is the one the limit reads (time.time, read when called; the SMTP listener's is
    time.monotonic)."""
    now = clock() if clock is not None else time.time()
    left = window_seconds - now % window_seconds
    if left < room:
        await asyncio.sleep(left + 0.01)


def _ephemeral_low() -> int:
    """Where the kernel's ephemeral ports start (Linux's default: 32768)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


# Ports are picked below the ephemeral range. A port from bind(0) is in it, the range every
# outgoing connection's source port is taken from: between free_port() and the server's
# own bind (a `firstline serve` starting takes seconds) any client socket on the host (ours,
# a Redis client's, another suite's) could be given it, and the server would not start.
PORTS_FROM = 10_000
_handed_out: set[int] = set()  # never the same port twice in one run
_pick = random.Random()  # not the global one: a test seeding that must not repeat ports


def free_port(span: int = 0) -> int:
    """A port free right now, for servers whose address must be known before they start:
    below the ephemeral range, not handed out before in this run, and with `span` > 0 the
    port `span` above it free too (a Redis Cluster node's bus port)."""
    top = _ephemeral_low() - 1 - span
    for _ in range(2000):
        port = _pick.randint(PORTS_FROM, top)
        if port in _handed_out or port + span in _handed_out:
            continue
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind(("127.0.0.1", port))
                if span:
                    b.bind(("127.0.0.1", port + span))
        except OSError:
            continue
        _handed_out.update({port, port + span})
        return port
    raise AssertionError(f"no free port between {PORTS_FROM} and {top}")
