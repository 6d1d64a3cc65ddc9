"""The bound on a Redis call's socket I/O, kept as a timeout scope on the caller's task.

redis-py bounds each write by the connection's `socket_timeout` with `asyncio.wait_for`,
which on Python 3.11 runs every write as a task of its own: a task and two passes of the
event loop per round trip, in every process, for a write that almost always goes to the
kernel at once. Measured on one lone script call through the shared pipeline: 95-145 µs
of CPU with it, 20-25 µs less without (2026-12-03, `socket_timeout` None vs 5 s).

Here the connection has no socket timeout of redis-py's own. The same bound, the
configured `socket_timeout`, is an `asyncio.timeout` scope around each write and each
read, on the task that makes the call: a stopped or frozen server still fails the call
after that many seconds (redis-py's TimeoutError, the connection dropped), as before. A
read given a timeout of its caller's (pub/sub's wait for the next message) is redis-py's
own, as before.
"""

from __future__ import annotations

import asyncio
from typing import Any

from redis.asyncio.connection import (
    AbstractConnection,
    Connection,
    SSLConnection,
    UnixDomainSocketConnection,
)
from redis.exceptions import TimeoutError as RedisTimeoutError

from gateway.store.packing import HiredisPacking


class ScopedTimeout(AbstractConnection):
    """A connection whose writes and reads are bounded by `io_timeout` seconds."""

    def __init__(self, *args: Any, io_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.io_timeout = io_timeout

    async def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        try:
            async with asyncio.timeout(self.io_timeout):
                await super().send_packed_command(command, check_health)
        except TimeoutError:  # the scope's (redis-py's own errors are RedisError)
            await self.disconnect(nowait=True)
            raise RedisTimeoutError("Timeout writing to socket") from None

    async def read_response(
        self, disable_decoding: bool = False, timeout: float | None = None, **kwargs: Any
    ) -> Any:
        if timeout is not None:  # the caller's own wait, answered as redis-py answers it
            return await super().read_response(disable_decoding, timeout, **kwargs)
        try:
            async with asyncio.timeout(self.io_timeout):
                return await super().read_response(disable_decoding, None, **kwargs)
        except TimeoutError:
            if kwargs.get("disconnect_on_error", True):
                await self.disconnect(nowait=True)
            raise RedisTimeoutError(f"Timeout reading from {self._host_error()}") from None


# A single server's connections: bounded by a scope, and (store/packing.py) packing their
# commands with hiredis.
class ScopedTCP(ScopedTimeout, HiredisPacking, Connection):
    pass


class ScopedUnix(ScopedTimeout, HiredisPacking, UnixDomainSocketConnection):
    pass


class ScopedTLS(ScopedTimeout, HiredisPacking, SSLConnection):
    pass


SCOPED = {Connection: ScopedTCP, UnixDomainSocketConnection: ScopedUnix, SSLConnection: ScopedTLS}


def bound_by_scope(pool: Any) -> None:
    """Move the socket timeout of a pool's connections (made from now on) from redis-py's
    own to a scope on the caller's task. Connecting keeps its own bound. (Those
    connections also pack their commands with hiredis: store/packing.py.)"""
    kwargs = pool.connection_kwargs
    timeout = kwargs.get("socket_timeout")
    if not timeout:  # unbounded by configuration: nothing to move
        return
    kwargs["socket_connect_timeout"] = kwargs.get("socket_connect_timeout") or timeout
    kwargs["socket_timeout"] = None
    kwargs["io_timeout"] = timeout
    pool.connection_class = SCOPED[pool.connection_class]
