"""Running an emulator on a free loopback port, and waiting for conditions in tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
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


async def eventually(
    check: Callable[[], Any | Awaitable[Any]],
    timeout: float = 20.0,
    interval: float = 0.02,
    what: str = "condition",
) -> Any:
    """Poll `check` until it returns something truthy; fail after a generous timeout."""
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


def free_port() -> int:
    """A port free right now, for servers whose public URL must be known before they start."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
