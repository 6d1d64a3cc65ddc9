"""Finding tickets in the console: by ticket id, user, channel and what was written.

A desk of this size keeps its recent tickets in Redis, so a search reads them (newest
first, the operator's visible ones only) and matches each in memory; the conversation's
transcript is read only for tickets that nothing cheaper matched.
"""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from gateway.models import Channel, Ticket
from gateway.runtime import Runtime
from gateway.web.desk_api import operator_entry, summary
from gateway.web.sessions import Session, refuse

MAX_QUERY = 200
MAX_RESULTS = 50
SEARCHED_TICKETS = 2000
SNIPPET = 80
TICKET_NUMBER = re.compile(r"^(?:hd-?)?0*(\d{1,9})$")


class DeskSearch:
    """`GET /console/api/search?q=...&channel=...` for the signed-in operator."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    async def search(self, request: web.Request, session: Session) -> web.Response:
        query = request.query.get("q", "").strip()
        channel = request.query.get("channel", "")
        if len(query) > MAX_QUERY:
            raise refuse(400, f"q: at most {MAX_QUERY} characters")
        if channel and channel not in {c.value for c in Channel}:
            raise refuse(400, f"channel: one of {', '.join(c.value for c in Channel)}")
        if not query and not channel:
            raise refuse(400, "q: write what to look for")
        found: list[dict[str, Any]] = []
        for ticket in await self.rt.store.tickets.recent(SEARCHED_TICKETS):
            if not session.account.can_see(ticket) or (channel and ticket.channel != channel):
                continue
            match = await self.match(ticket, query.casefold()) if query else ("channel", "")
            if match is not None:
                found.append(await self._row(ticket, *match))
                if len(found) >= MAX_RESULTS:
                    break
        return web.json_response({"query": query, "tickets": found})

    async def match(self, ticket: Ticket, query: str) -> tuple[str, str] | None:
        """What matched (`id`, `user`, `channel`, `text`) and a snippet, or None."""
        number = TICKET_NUMBER.match(query)
        if query in ticket.id.casefold() or (
            number is not None and int(ticket.id.rsplit("-", 1)[-1]) == int(number.group(1))
        ):
            return "id", ticket.id
        conv = await self.rt.store.conversations.get(ticket.conversation_key)
        user = conv.user_name if conv else ""
        if query in user.casefold() or query == ticket.chat_id.casefold():
            return "user", user or ticket.chat_id
        address = mail_address(ticket)
        if address and query in address.casefold():
            return "user", address
        if query == ticket.channel:
            return "channel", ticket.channel
        for text in (ticket.subject, *ticket.fields.values()):
            if query in text.casefold():
                return "text", snippet(text, query)
        for entry in await self.rt.store.conversations.transcript(ticket.conversation_key):
            text = str(operator_entry(entry).get("text") or "")
            if entry.get("direction") in ("in", "out") and query in text.casefold():
                return "text", snippet(text, query)
        return None

    async def _row(self, ticket: Ticket, matched: str, text: str) -> dict[str, Any]:
        conv = await self.rt.store.conversations.get(ticket.conversation_key)
        return summary(ticket) | {
            "user_name": conv.user_name if conv else "",
            "matched": matched,
            "snippet": text,
        }


def mail_address(ticket: Ticket) -> str:
    """The address a mail ticket's user writes from: its thread's chat id is the address
    and a digest ("ivan@corp.example.com#4b90d91979"), so the address typed whole, or a
    part of it, found no mail user's ticket."""
    if ticket.channel != Channel.EMAIL.value:
        return ""
    return ticket.chat_id.rsplit("#", 1)[0]


def snippet(text: str, query: str) -> str:
    """The words around the first place `query` occurs in `text`."""
    at = text.casefold().find(query)
    start = max(0, at - SNIPPET // 2)
    piece = text[start : start + SNIPPET].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(text) else "")
