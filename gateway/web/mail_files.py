"""Mail that could not be taken in (intake dead letters), for signed-in operators only.

Mail attachments and originals belong to tickets: they are served by the console's
ticket-scoped file routes (`gateway/web/desk_files.py`), never by a bare id.
"""

from __future__ import annotations

from aiohttp import web

from gateway.store import Store
from gateway.web.sessions import ConsoleSessions, Session

DEAD_LETTERS = "/console/api/mail/dead"


def mail_dead_letter_routes(sessions: ConsoleSessions, store: Store) -> list[web.RouteDef]:
    async def dead_letters(request: web.Request, session: Session) -> web.Response:
        return web.json_response({"dead_letters": await store.mail.dead_letters()})

    return [web.get(DEAD_LETTERS, sessions.required(dead_letters, changes_state=False))]
