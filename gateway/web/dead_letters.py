"""Dead letters for admins: replies that could not be delivered, with "retry", the
channel payloads we could not read, and mail we could not take in (with a link to the
kept original). A small page of its own at /console/dead-letters."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from gateway.store import Store
from gateway.web.desk_api import action_id, json_body
from gateway.web.files import file_response
from gateway.web.sessions import Session, refuse

SHOWN = 200
# Mail that never became a ticket has no ticket route: admins fetch its original here,
# and only for mail on the dead-letter list (never any message id).
MAIL_ORIGINAL = "/console/api/dead-letters/mail/original"  # ?message_id=<...>


def _admin(session: Session) -> None:
    if not session.account.is_admin:
        raise refuse(403, "only admins see dead letters", key="admins_only")


class DeadLetterApi:
    """GET the lists; POST .../{delivery_id}/retry to queue a reply again."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def list(self, request: web.Request, session: Session) -> web.Response:
        _admin(session)
        replies = await self.store.outbox.dead_letters(SHOWN)
        unreadable = await self.store.inbound.unreadable_list(SHOWN)
        mail = await self.store.mail.dead_letters(SHOWN)
        return web.json_response({
            "replies": [_reply_row(r) for r in replies],
            "unreadable": unreadable,
            "mail": [_mail_row(m) for m in mail],
        })  # fmt: skip

    async def mail_original(self, request: web.Request, session: Session) -> web.Response:
        """The kept original of a mail on the dead-letter list, as `original.eml`."""
        _admin(session)
        message_id = request.query.get("message_id", "")
        listed = {str(m.get("original", "")) for m in await self.store.mail.dead_letters(SHOWN)}
        raw = await self.store.mail.original(message_id) if message_id in listed - {""} else None
        if raw is None:
            raise refuse(404, "no such dead letter")
        return file_response("original.eml", "message/rfc822", raw)

    async def retry(self, request: web.Request, session: Session) -> web.Response:
        _admin(session)
        delivery_id = request.match_info["delivery_id"]
        # The page's id for this click: the click resent after a lost answer is answered
        # as the first (queued), not "already retried".
        once = action_id(await json_body(request))
        click = f"{session.account.login}:{once}" if once else ""
        if not await self.store.outbox.retry_dead(delivery_id, action_id=click):
            raise refuse(404, "no such dead letter (already retried?)", key="no_dead_letter")
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


def _mail_row(record: dict[str, Any]) -> dict[str, Any]:
    """A mail poison message or an orphan bounce; `original_url` when its bytes were kept."""
    where = "/".join(str(record[k]) for k in ("mailbox", "folder") if record.get(k))
    if record.get("uid"):
        where += f" UID {record['uid']}"
    original = str(record.get("original", ""))
    return {
        "at": record.get("at", 0),
        "source": record.get("source", "mail"),
        "where": where or str(record.get("message_id", "")),
        "reason": str(record.get("reason", "")),
        "size": record.get("size", 0),
        "original_url": f"{MAIL_ORIGINAL}?{urlencode({'message_id': original})}"
        if original
        else "",
    }
