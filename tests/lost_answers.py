"""A Redis connection that loses one answer: what redis-py resends after.

A TCP proxy in front of the test's redis-server (its unix socket, or a TCP address such
as a cluster node's). Armed with a piece of a command, it
passes the first command that holds it to the server, waits for the server's answer
(the command has been applied by then), drops that answer and closes the client's
connection. redis-py takes that for a connection error and sends the same command
again on a new connection, as it does when a server applies a command and dies (or the
network breaks) before answering.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator


class LostAnswers:
    """The proxy; `url` is what a client connects to, `arm` chooses the answer lost."""

    def __init__(self, redis_url: str) -> None:
        self._target = redis_url
        self._armed: tuple[bytes, ...] = ()
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()
        self.lost = 0  # answers dropped so far
        self.url = ""

    def arm(self, piece: str) -> None:
        """Lose the answer to the next command that holds `piece` (once), as a commit
        carries it: inside JSON, as UTF-8 (a commit's writes since 9c6fec0) or with
        non-ASCII letters escaped (what other calls still send)."""
        forms = (json.dumps(piece, ensure_ascii=False), json.dumps(piece))
        self._armed = tuple(dict.fromkeys(f[1:-1].encode() for f in forms))

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"redis://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for handler in self._handlers:
                handler.cancel()
            await asyncio.gather(*self._handlers, return_exceptions=True)
            await self._server.wait_closed()

    async def _serve(
        self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter
    ) -> None:
        handler = asyncio.current_task()
        assert handler is not None
        self._handlers.add(handler)
        handler.add_done_callback(self._handlers.discard)
        server_in, server_out = await self._connect()
        answers = asyncio.create_task(_pipe(server_in, client_out))
        sent = b""  # the command so far (a long one may come in several reads)
        try:
            while chunk := await client_in.read(65536):
                longest = max((len(a) for a in self._armed), default=0)
                sent = (sent + chunk)[-(longest + 65536) :]
                if any(armed in sent for armed in self._armed):
                    self._armed = ()
                    answers.cancel()
                    await self._lose_answer(chunk, client_in, server_in, server_out)
                    return
                server_out.write(chunk)
                await server_out.drain()
                if not self._armed:
                    sent = b""
        except (ConnectionError, asyncio.CancelledError):
            pass  # the client went away, or the proxy stops
        finally:
            answers.cancel()
            for writer in (client_out, server_out):
                writer.close()
                with contextlib.suppress(Exception):
                    await writer.wait_closed()

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._target.startswith("unix://"):
            return await asyncio.open_unix_connection(self._target.removeprefix("unix://"))
        host, _, port = self._target.removeprefix("redis://").rpartition(":")
        return await asyncio.open_connection(host, int(port))

    @property
    def port(self) -> int:
        return int(self.url.rpartition(":")[2])

    async def _lose_answer(
        self,
        chunk: bytes,
        client_in: asyncio.StreamReader,
        server_in: asyncio.StreamReader,
        server_out: asyncio.StreamWriter,
    ) -> None:
        """Pass the command (the rest of it too) and wait until the server has answered."""
        answer = asyncio.create_task(server_in.read(65536))
        while chunk:
            server_out.write(chunk)
            await server_out.drain()
            more = asyncio.create_task(client_in.read(65536))
            await asyncio.wait({answer, more}, return_when=asyncio.FIRST_COMPLETED)
            if answer.done():
                more.cancel()
                break
            chunk = more.result()
        await answer  # applied: the answer, which is lost
        self.lost += 1


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()


@contextlib.asynccontextmanager
async def lost_answers(redis_url: str) -> AsyncIterator[LostAnswers]:
    proxy = LostAnswers(redis_url)
    await proxy.start()
    try:
        yield proxy
    finally:
        await proxy.stop()
