"""Finding tickets in the console: by ticket id, user, channel and what was written.

A search reads the desk's tickets newest first, a page at a time (the tickets with their
users' names, then the transcripts of those nothing cheaper matched: on a single server a
script call each, one reply for the page), the operator's visible ones only, and matches
each in memory. One search reads at most
`SEARCHED_TICKETS`; when older ones are left, the answer's `more` is where the next search
starts (`before=`), and the console offers it. A desk of 20,000 tickets once read 2,000
transcripts one by one (2.7 s on the shared host) and never said the older ones were
left unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from gateway.models import Channel, Ticket
from gateway.runtime import Runtime
from gateway.store.tickets import is_ticket_id
from gateway.web.desk_api import operator_entry, summary
from gateway.web.sessions import Session, refuse

MAX_QUERY = 200
MAX_RESULTS = 50
SEARCHED_TICKETS = 1000  # read by one search; `more` continues from the last
PAGE = 250  # tickets read together
SNIPPET = 80
TICKET_NUMBER = re.compile(r"^(?:hd-?)?0*(\d{1,9})$")


@dataclass
class Found:
    """What one search found, how many tickets it read, and where the next one starts
    (the last ticket read; empty when the desk's oldest was read)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    searched: int = 0
    more: str = ""


class DeskSearch:
    """`GET /console/api/search?q=...&channel=...&before=...` for the signed-in operator."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    async def search(self, request: web.Request, session: Session) -> web.Response:
        query = request.query.get("q", "").strip()
        channel = request.query.get("channel", "")
        before = request.query.get("before", "")
        if len(query) > MAX_QUERY:
            raise refuse(400, f"q: at most {MAX_QUERY} characters")
        if channel and channel not in {c.value for c in Channel}:
            raise refuse(400, f"channel: one of {', '.join(c.value for c in Channel)}")
        if not query and not channel:
            raise refuse(400, "q: write what to look for")
        if before and not is_ticket_id(before):
            raise refuse(400, "before: a ticket id")
        found = Found(more=before)
        while found.searched < SEARCHED_TICKETS and len(found.rows) < MAX_RESULTS:
            limit = min(PAGE, SEARCHED_TICKETS - found.searched)
            page = await self.rt.store.tickets.older_ids(limit, after=found.more)
            if page is None:
                raise refuse(400, "before: no such ticket")
            ids, older = page
            await self._search_page(ids, session, query.casefold(), channel, found)
            if not older and (not ids or found.more == ids[-1]):  # the desk's oldest read
                found.more = ""
                break
        return web.json_response(
            {"query": query, "tickets": found.rows, "searched": found.searched,
             "more": found.more or None}
        )  # fmt: skip

    async def _search_page(
        self, ids: list[str], session: Session, query: str, channel: str, found: Found
    ) -> None:
        """Match a page of tickets (newest first) until `found` is full; `found.more`
        becomes the last ticket read."""
        tickets = [
            (t, name) for t, name in await self.rt.store.tickets.with_user_names(ids)
            if session.account.can_see(t) and (not channel or t.channel == channel)
        ]  # fmt: skip
        cheap = {t.id: quick_match(t, name, query) for t, name in tickets}
        unread = list(dict.fromkeys(
            t.conversation_key for t, _ in tickets if query and cheap[t.id] is None
        ))  # fmt: skip
        read = await self.rt.store.conversations.transcripts([(key, 0) for key in unread])
        transcripts = dict(zip(unread, read, strict=True))
        searched = {ticket_id: n for n, ticket_id in enumerate(ids, 1)}
        for ticket, name in tickets:
            match = cheap[ticket.id] or transcript_match(
                transcripts.get(ticket.conversation_key, []), query
            )
            if match is None:
                continue
            found.rows.append(row(ticket, name, *match))
            if len(found.rows) >= MAX_RESULTS:
                found.searched += searched[ticket.id]
                found.more = ticket.id
                return
        found.searched += len(ids)
        found.more = ids[-1] if ids else found.more


def quick_match(ticket: Ticket, user: str, query: str) -> tuple[str, str] | None:
    """What matched (`id`, `user`, `channel`, `text`) without the transcript, and a
    snippet; every ticket of the channel with no words asked. `user`: the name of the
    conversation's user."""
    if not query:
        return "channel", ""
    number = TICKET_NUMBER.match(query)
    if query in ticket.id.casefold() or (
        number is not None and int(ticket.id.rsplit("-", 1)[-1]) == int(number.group(1))
    ):
        return "id", ticket.id
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
    return None


def transcript_match(entries: list[dict[str, Any]], query: str) -> tuple[str, str] | None:
    """The first message in or out (as operators see it) holding `query`."""
    for entry in entries:
        text = str(operator_entry(entry).get("text") or "")
        if entry.get("direction") in ("in", "out") and query in text.casefold():
            return "text", snippet(text, query)
    return None


def row(ticket: Ticket, user: str, matched: str, text: str) -> dict[str, Any]:
    """A found ticket as the console lists it, with its user's name."""
    return summary(ticket) | {
        "user_name": user,
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
