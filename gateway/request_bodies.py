"""A request's body must keep arriving, and fit.

aiohttp closes a connection that sends no whole request head in its keep-alive time, but
once the head is in, a handler waits for the body as long as the client likes: one
client sending a byte now and then (a slow-body "slowloris") holds a connection and a
handler per request, without end. Here a body that stops arriving for `idle_seconds`, or
is not all there after `total_seconds`, ends the request: 408, connection closed (logged
as every refusal is: `gateway/refusals.py`; so is aiohttp's 413 for a body over the
app's limit, chunked ones without a length too). Nothing of such a request was stored: a
real sender retries.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Middleware = Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]


class BodyTooSlow(TimeoutError):
    """The request's body stopped arriving, or took too long.

    A timeout, so that aiohttp, draining what is left of the body after the 408 is sent,
    closes the connection quietly instead of logging an "Unhandled exception" with a
    traceback for every slow client."""


def body_deadline(idle_seconds: float, total_seconds: float) -> Middleware:
    """The middleware holding every request body to the two limits."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.body_exists or request.content.is_eof():
            return await handler(request)
        watch = _Watch(request, idle_seconds, total_seconds)
        try:
            return await handler(request)
        except BodyTooSlow as exc:  # logged with every refusal (gateway/refusals.py)
            received = request.content.total_bytes
            error = f"request body too slow: {exc} ({received} bytes came)"
            response = web.json_response({"error": error}, status=408)
            response.force_close()
            return response
        finally:
            watch.stop()

    return middleware


class _Watch:
    """Checks now and then that the body is still arriving; when it is not, the handler's
    read ends with `BodyTooSlow`."""

    def __init__(self, request: web.Request, idle_seconds: float, total_seconds: float) -> None:
        self.request = request
        self.idle, self.total = idle_seconds, total_seconds
        self.loop = asyncio.get_running_loop()
        self.started = self.last_moved = self.loop.time()
        self.seen = request.content.total_bytes
        self.handle: asyncio.TimerHandle | None = None
        self._schedule()

    def _schedule(self) -> None:
        now = self.loop.time()
        due = min(self.last_moved + self.idle, self.started + self.total)
        self.handle = self.loop.call_at(max(due, now + 0.05), self._check)

    def _check(self) -> None:
        content = self.request.content
        if content.is_eof() or content.exception() is not None:
            return  # all there (or already failed): nothing more to watch
        now = self.loop.time()
        if content.total_bytes != self.seen:
            self.seen, self.last_moved = content.total_bytes, now
        if now - self.started >= self.total:
            content.set_exception(BodyTooSlow(f"not all there after {self.total:g} s"))
        elif now - self.last_moved >= self.idle:
            content.set_exception(BodyTooSlow(f"nothing for {self.idle:g} s"))
        else:
            self._schedule()

    def stop(self) -> None:
        if self.handle is not None:
            self.handle.cancel()


async def read_body(request: web.Request, limit: int) -> bytes:
    """The whole body of a route whose sender may send more than the app's limit (Meta's
    webhooks: a batch of up to 3 MB, which the sender would otherwise resend for days and
    then drop). Over `limit`: 413, refused (and logged) as the app's own limit is."""
    declared = request.content_length
    if declared is not None and declared > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=declared)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=size)
        chunks.append(chunk)
    return b"".join(chunks)
