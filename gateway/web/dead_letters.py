"""Dead letters for admins: replies that could not be delivered, with "retry", and the
channel payloads we could not read. A small page of its own at /console/dead-letters."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from gateway.store import Store
from gateway.web.sessions import Session, refuse

SHOWN = 200


def _admin(session: Session) -> None:
    if not session.account.is_admin:
        raise refuse(403, "only admins see dead letters")


class DeadLetterApi:
    """GET the lists; POST .../{delivery_id}/retry to queue a reply again."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def list(self, request: web.Request, session: Session) -> web.Response:
        _admin(session)
        replies = await self.store.outbox.dead_letters(SHOWN)
        unreadable = await self.store.inbound.unreadable_list(SHOWN)
        return web.json_response(
            {"replies": [_reply_row(r) for r in replies], "unreadable": unreadable}
        )

    async def retry(self, request: web.Request, session: Session) -> web.Response:
        _admin(session)
        delivery_id = request.match_info["delivery_id"]
        if not await self.store.outbox.retry_dead(delivery_id):
            raise refuse(404, "no such dead letter (already retried?)")
        return web.json_response({"ok": True, "retried": delivery_id})


def _reply_row(record: dict[str, Any]) -> dict[str, Any]:
    message = record.get("message") or {}
    return {
        "delivery_id": record.get("delivery_id", ""),
        "channel": record.get("channel", ""),
        "chat_id": record.get("chat_id", ""),
        "text": str(message.get("text", ""))[:500],
        "error": record.get("error", ""),
        "failed_at": record.get("failed_at", 0),
    }
