"""Files users sent on a channel (a WhatsApp photo, a Telegram document), for operators.

Only the media id is stored with the message; the bytes stay with the channel until a
signed-in operator asks, and the channel's connector fetches them (`download`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import aiohttp
from aiohttp import web

from gateway.connectors.base import DeliveryError
from gateway.web.sessions import ConsoleSessions, Session

log = logging.getLogger(__name__)

FILES = "/console/files/{channel}/{file_id}"
FILE_ID_MAX = 300

Download = Callable[[str], Awaitable[bytes]]


def channel_file_routes(sessions: ConsoleSessions, connectors: Iterable[Any]) -> list[web.RouteDef]:
    """GET a user's file through the connector of its channel (those that can download)."""
    downloads: dict[str, Download] = {
        c.channel: c.download for c in connectors if callable(getattr(c, "download", None))
    }

    async def file(request: web.Request, session: Session) -> web.StreamResponse:
        download = downloads.get(request.match_info["channel"])
        file_id = request.match_info["file_id"]
        if download is None or not file_id or len(file_id) > FILE_ID_MAX:
            raise web.HTTPNotFound(text="no such file")
        try:
            data = await download(file_id)
        except DeliveryError as exc:
            if exc.permanent:
                raise web.HTTPNotFound(text="the channel has no such file") from None
            raise web.HTTPBadGateway(text="the channel did not answer; try again") from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("fetching a channel file failed", extra={"error": repr(exc)})
            raise web.HTTPBadGateway(text="the channel did not answer; try again") from None
        return web.Response(
            body=data,
            headers={
                # Never rendered inline: whatever a user sent must not run in the console.
                "Content-Type": "application/octet-stream",
                "Content-Disposition": "attachment",
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "private, no-store",
            },
        )

    return [web.get(FILES, sessions.required(file, changes_state=False))]
