"""Mail attachments, originals and intake dead letters, for signed-in operators only."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web

from gateway.store import Store
from gateway.web.sessions import ConsoleSessions, Session

ATTACHMENTS = "/console/mail/attachments/{attachment_id}"
ORIGINAL = "/console/mail/original"  # ?message_id=<...>: the mail as received (.eml)
DEAD_LETTERS = "/console/api/mail/dead"


def mail_file_routes(sessions: ConsoleSessions, store: Store) -> list[web.RouteDef]:
    async def attachment(request: web.Request, session: Session) -> web.StreamResponse:
        found = await store.mail.attachment(request.match_info["attachment_id"])
        if found is None:
            raise web.HTTPNotFound(text="no such attachment")
        filename, content_type, data = found
        return web.Response(
            body=data,
            headers={
                # Never rendered inline: a mailed HTML file must not run in the console.
                "Content-Type": "application/octet-stream"
                if content_type.startswith("text/html")
                else content_type or "application/octet-stream",
                "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "private, no-store",
            },
        )

    async def original(request: web.Request, session: Session) -> web.StreamResponse:
        message_id = request.query.get("message_id", "")
        raw = await store.mail.original(message_id) if message_id else None
        if raw is None:
            raise web.HTTPNotFound(text="no such message")
        return web.Response(
            body=raw,
            headers={
                "Content-Type": "message/rfc822",
                "Content-Disposition": 'attachment; filename="original.eml"',
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "private, no-store",
            },
        )

    async def dead_letters(request: web.Request, session: Session) -> web.Response:
        return web.json_response({"dead_letters": await store.mail.dead_letters()})

    need = sessions.required
    return [
        web.get(ATTACHMENTS, need(attachment, changes_state=False)),
        web.get(ORIGINAL, need(original, changes_state=False)),
        web.get(DEAD_LETTERS, need(dead_letters, changes_state=False)),
    ]
