"""The console's JSON API over tickets: the queue, a ticket's page, and operator actions.

Every action goes through `OperatorDesk`, which commits atomically and tells the user on
their own channel. Operators only see (and act on) tickets of their groups and level.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from aiohttp import web

from gateway.connectors.reply_windows import reply_route
from gateway.knowledge.gaps import first_message, offered_article
from gateway.knowledge.samples import SampleError, one_review_at_a_time, review_apart
from gateway.models import UNANSWERED_CHANNELS, Attachment, Level, Priority, SupportGroup, Ticket
from gateway.operations import ActionRefused, Actor
from gateway.runtime import Runtime
from gateway.self_service import RESET_PATH
from gateway.untrusted import UntrustedInput, parse_json
from gateway.web.files import attachment_of
from gateway.web.operators import Account, OperatorDirectory
from gateway.web.sessions import Session, refuse

MAX_TEXT = 8000
QUEUE_SHOWN = 200  # active tickets read per group for the queue (the most urgent, oldest)
ACTION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")  # a console click's id (console.js: actionId)
MAX_FILES_PER_REPLY = 5
SAMPLE_KEPT_SECONDS = 24 * 3600  # a sample review's answer, for its click resent
STATUS_FILTERS = ("active", "resolved", "all")


class Notice:
    """What an action did, for the console: English `text`, and `key` + `params` that
    the console shows as `console.notice_<key>` in the operator's language."""

    def __init__(self, text: str = "", key: str = "", left: bool = False, **params: str) -> None:
        self.text, self.key, self.left, self.params = text, key, left, params

    def __bool__(self) -> bool:
        return bool(self.text)

    def left_queue(self) -> Notice:
        """The same notice, saying the ticket has left the operator's queue."""
        return Notice(self.text + "; it has left your queue", self.key, True, **self.params)

    def fields(self) -> dict[str, Any]:
        return {
            "notice": self.text,
            "notice_key": self.key,
            "notice_params": self.params,
            "notice_left_queue": self.left,
        }


def actor_of(session: Session) -> Actor:
    account = session.account
    return Actor(account.login, account.name, account.role, account.groups)


def shown(ticket: Ticket) -> dict[str, Any]:
    """The ticket as the console shows it: what is stored, and the status people see."""
    return ticket.to_dict() | {"shown_status": ticket.shown_status}


def summary(ticket: Ticket) -> dict[str, Any]:
    """A queue row: everything but the checklist answers."""
    data = shown(ticket)
    data.pop("fields")
    data.pop("sources")
    return data


# A reset link in the bot's reply: the user's alone. The transcript keeps it (the web chat
# shows its visitors the transcript), the console never shows it: whoever read it there
# could set that user's password while the link lasts.
RESET_LINK = re.compile(re.escape(RESET_PATH) + r"[^\s\"'<>]+")


def operator_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A transcript entry as operators see it: a reset link left out."""
    text = entry.get("text")
    if entry.get("direction") != "out" or not isinstance(text, str) or RESET_PATH not in text:
        return entry
    return {**entry, "text": RESET_LINK.sub(RESET_PATH + "…", text)}


def is_user_message(entry: dict[str, Any]) -> bool:
    """A transcript entry the user wrote (not the chat opening, not a channel notice)."""
    return entry.get("direction") == "in" and entry.get("kind", "message") in ("message", "")


def queue_order(ticket: Ticket) -> tuple[int, float, float]:
    """Priority first, then the SLA clock that runs now (first response, then resolution)."""
    due = ticket.resolution_due if ticket.first_response_at else ticket.first_response_due
    return (ticket.priority.rank, due or float("inf"), ticket.created_at)


def load_canned(path: Path) -> dict[str, list[dict[str, str]]]:
    """Canned replies per language: {"en": [{"title": ..., "text": ...}], ...}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {lang: [dict(r) for r in replies] for lang, replies in data.items()}


class DeskApi:
    """Handlers for /console/api/tickets...; each receives the signed-in session."""

    def __init__(
        self,
        rt: Runtime,
        canned: dict[str, list[dict[str, str]]],
        directory: OperatorDirectory,
    ) -> None:
        self.rt = rt
        self.canned = canned
        self.directory = directory

    async def visible_ticket(self, ticket_id: str, session: Session) -> Ticket:
        ticket = await self.rt.store.tickets.get(ticket_id)
        if ticket is None or not session.account.can_see(ticket):
            raise _no_ticket(ticket_id)
        return ticket

    async def queue(self, request: web.Request, session: Session) -> web.Response:
        """Tickets by priority then SLA due time, filtered by group, status and "mine"."""
        status = request.query.get("status", "active")
        group = request.query.get("group", "")
        mine = request.query.get("mine") in ("1", "true")
        if status not in STATUS_FILTERS:
            raise refuse(400, f"status: one of {', '.join(STATUS_FILTERS)}")
        store = self.rt.store.tickets
        more = 0
        if status == "active":
            groups = [group] if group else [g.value for g in SupportGroup]
            # one's own tickets may stand anywhere in a long queue: "mine" reads it all
            shown_per_group = 0 if mine else QUEUE_SHOWN
            tickets = [t for g in groups for t in await store.queue(g, shown_per_group)]
            if not mine:
                lengths = [await store.queue_length(g) for g in groups]
                more = sum(max(0, n - QUEUE_SHOWN) for n in lengths)
        else:
            tickets = await store.recent()
        account = session.account
        shown = [
            t
            for t in tickets
            if account.can_see(t)
            and (not group or t.group.value == group)
            and (status == "all" or (status == "active") == t.status.is_active)
            and (not mine or t.assignee == account.login)
        ]
        shown.sort(key=queue_order)
        unread = await self.unread(account.login, shown)
        return web.json_response(
            {
                "now": time.time(),
                "tickets": [summary(t) | {"unread": unread.get(t.id, 0)} for t in shown],
                "more": more,  # active tickets past the part of each queue read
            }
        )

    async def past_tickets(self, ticket: Ticket, session: Session) -> list[dict[str, Any]]:
        """The same user's other tickets (same conversation on this channel), newest first."""
        store = self.rt.store.tickets
        others = await store.for_conversation(ticket.conversation_key, active_only=False)
        visible = [t for t in others if t.id != ticket.id and session.account.can_see(t)]
        return [summary(t) for t in sorted(visible, key=lambda t: t.created_at, reverse=True)]

    async def unread(self, login: str, tickets: list[Ticket]) -> dict[str, int]:
        """Per ticket, the user's messages the operator has not seen yet."""
        seen = await self.rt.store.operators.seen(login)
        reads = [(t.conversation_key, seen.get(t.id, 0)) for t in tickets]
        found = await self.rt.store.conversations.transcripts(reads)
        return {
            t.id: sum(1 for e in entries if is_user_message(e))
            for t, entries in zip(tickets, found, strict=True)
        }

    async def ticket(self, request: web.Request, session: Session) -> web.Response:
        """A ticket's page: checklist, conversation, transcript, notes and history."""
        ticket = await self.visible_ticket(request.match_info["ticket_id"], session)
        store = self.rt.store
        conv = await store.conversations.get(ticket.conversation_key)
        transcript = [
            operator_entry(e) for e in await store.conversations.transcript(ticket.conversation_key)
        ]
        events = await store.tickets.events(ticket.id)
        now = time.time()
        route = reply_route(
            self.rt.settings, ticket.channel, conv.last_user_at if conv else 0.0, now
        )
        return web.json_response(
            {
                "now": now,
                "ticket": shown(ticket),
                "first_message": first_message(ticket),
                "conversation": {
                    "key": ticket.conversation_key,
                    "channel": ticket.channel,
                    "owner": conv.owner if conv else "bot",
                    "user_name": conv.user_name if conv else "",
                    "language": (conv.language if conv else "") or ticket.language,
                    "blocked": conv.blocked if conv else False,
                    "last_user_at": conv.last_user_at if conv else 0.0,
                    # How the next reply reaches the user (a WhatsApp template, a tag...).
                    "reply_window": {"mode": route.mode.value, "note": route.note},
                },
                "transcript": transcript,
                "notes": await store.tickets.notes(ticket.id),
                "events": [e.__dict__ for e in events],
                "canned": self.canned.get(ticket.language) or self.canned.get("en", []),
                "articles": [] if ticket.status.is_active else self.articles(ticket.language),
                "offered_article": offered_article(ticket),  # the sample form starts with it
                "user_tickets": await self.past_tickets(ticket, session),
                "alert": await self.alert_of(ticket),
            },
            dumps=lambda d: json.dumps(d, ensure_ascii=False, default=str),
        )

    def articles(self, lang: str) -> list[dict[str, str]]:
        """The articles a resolved ticket's question may be added to, with their titles in
        the ticket's language: the operator picks one by its title, not by an id they must
        know (a ticket the bot found nothing for has no topic to start from)."""
        found = [
            {"id": a.id, "title": a.title.get(lang) or a.title.get("en") or a.id}
            for a in self.rt.knowledge.articles
        ]
        return sorted(found, key=lambda a: a["title"].lower())

    async def alert_of(self, ticket: Ticket) -> dict[str, Any] | None:
        """What the monitoring system said of an alert ticket; None for users' tickets."""
        if ticket.channel not in UNANSWERED_CHANNELS:
            return None
        details = await self.rt.store.alerts.details(ticket.id)
        return details.to_dict() if details else None

    async def _requeued(self, ticket: Ticket) -> Notice:
        """Where an escalated or re-routed ticket went, and whether anyone works that queue:
        a queue only admins can see (no L3 operator of the group yet) is said so, not left
        for the ticket to wait in unseen."""
        group, level = ticket.group.value, ticket.level.value
        where = f"{group} · {level}"
        watched = any(
            not a.is_admin and a.can_see(ticket) for a in await self.directory.everyone()
        )
        if watched:
            return Notice(
                f"{ticket.id} handed to the {where} queue",
                "requeued", id=ticket.id, group=group, level=level,
            )  # fmt: skip
        return Notice(
            f"{ticket.id} handed to the {where} queue; no operator works that queue, only "
            "admins see it",
            "requeued_unwatched", id=ticket.id, group=group, level=level,
        )  # fmt: skip

    async def colleagues(self, request: web.Request, session: Session) -> web.Response:
        """Who a ticket can be transferred to: the accounts that can see it, or everyone."""
        ticket_id = request.query.get("ticket", "")
        ticket = await self.visible_ticket(ticket_id, session) if ticket_id else None
        shown = [
            {"login": a.login, "name": a.name or a.login, "level": a.level, "role": a.role}
            for a in await self.directory.everyone()
            if ticket is None or a.can_see(ticket)
        ]
        return web.json_response({"operators": shown})

    async def act(self, request: web.Request, session: Session) -> web.Response:
        """take | assign | reply | note | update | resolve | hand_back | sample, as the operator."""
        ticket_id = request.match_info["ticket_id"]
        action = request.match_info["action"]
        body = await json_body(request)
        desk, actor = self.rt.desk, actor_of(session)
        # The console's id for this click: a retry of the same action (a lost answer, a
        # double click) is applied once and answered as the first, also when the action
        # took the ticket out of the operator's sight (escalated past their level).
        once = action_id(body)
        # What a resend is checked as: a force-take is its own action, not a take (a take's
        # id sent again with `force` would take a ticket out of the operator's sight).
        route = "force_take" if action == "take" and body.get("force") is True else action
        ticket = await self.rt.store.tickets.get(ticket_id)
        if ticket is None or not (
            session.account.can_see(ticket)
            or (once and await desk.resent(ticket, actor, route, once))
        ):
            raise _no_ticket(ticket_id)
        notice = Notice()
        try:
            if action == "take":
                force = body.get("force") is True
                result = await desk.take_over(ticket.id, actor, force=force, action_id=once)
                if not result.won:
                    if result.holder:
                        raise refuse(
                            409,
                            f"taken by {result.holder}",
                            key="taken",
                            params={"name": result.holder},
                        )
                    raise refuse(409, result.reason)
            elif action == "assign":
                target = await self._colleague(body, ticket)
                done = await desk.assign(ticket.id, actor, target.login, action_id=once)
                name = target.name or target.login
                notice = Notice(f"{ticket.id} {done} to {name}", done, id=ticket.id, name=name)
            elif action == "reply":
                files = await self._files(body, ticket)
                text = _text(body, "text", required=not files)
                reopen = body.get("reopen") is True
                await desk.reply(ticket.id, actor, text, files, reopen=reopen, action_id=once)
            elif action == "note":
                await desk.note(ticket.id, actor, _text(body, "text"), action_id=once)
            elif action == "update":
                rerouted = await desk.update(ticket.id, actor, **_changes(body), action_id=once)
                if rerouted.to_queue:
                    notice = await self._requeued(rerouted.ticket)
            elif action == "resolve":
                comment = _text(body, "comment", required=False)
                await desk.resolve(ticket.id, actor, comment, action_id=once)
            elif action == "hand_back":
                await desk.hand_back(ticket.id, actor, action_id=once)
            elif action == "sample":
                return await self._add_sample(ticket, body, session.account.login, once)
            else:
                raise refuse(404, f"unknown action {action}")
        except ActionRefused as exc:
            raise refuse(409, str(exc), key=exc.key, params=exc.params) from None
        fresh = await self.rt.store.tickets.get(ticket.id) or ticket
        visible = session.account.can_see(fresh)
        if notice and not visible:
            notice = notice.left_queue()
        return web.json_response(
            {"ok": True, "ticket": summary(fresh), "visible": visible, **notice.fields()},
            dumps=lambda d: json.dumps(d, ensure_ascii=False, default=str),
        )

    async def _add_sample(
        self, ticket: Ticket, body: dict[str, Any], login: str, once: str
    ) -> web.Response:
        """The user's first message as a sample question of an article, if the eval holds.

        One review at a time on this host (the same question twice is one line), and a
        click resent with its action id is answered what the first one was."""
        if ticket.status.is_active:
            raise refuse(409, "resolve the ticket first", key="resolve_first")
        question = first_message(ticket)
        if not question:
            raise refuse(409, "the ticket has no first message", key="no_first_message")
        settings = self.rt.settings
        article = _text(body, "article")
        lang = body.get("lang") if isinstance(body.get("lang"), str) else ticket.language
        operators = self.rt.store.operators
        try:
            async with one_review_at_a_time(settings.faq_dir):
                kept = await operators.action_outcome(login, once) if once else None
                if kept is not None:
                    return web.json_response(kept)
                review = await review_apart(
                    settings.faq_dir, settings.faq_eval_dir, article, lang, question
                )
                outcome = {"ok": True, "question": question, **asdict(review)}
                if once:
                    await operators.keep_action_outcome(login, once, outcome, SAMPLE_KEPT_SECONDS)
        except (SampleError, FileNotFoundError) as exc:
            raise refuse(400, str(exc)) from None
        except OSError as exc:  # a read-only knowledge base (an image's root-owned files)
            folder = str(settings.faq_dir)
            raise refuse(
                409,
                f"the knowledge base folder {folder} cannot be written by the gateway: "
                f"{exc.strerror or type(exc).__name__}",
                key="faq_not_writable",
                params={"folder": folder},
            ) from None
        return web.json_response(outcome)

    async def _colleague(self, body: dict[str, Any], ticket: Ticket) -> Account:
        login = body.get("to")
        if not isinstance(login, str) or not login:
            raise refuse(400, "to: the login of the colleague to hand the ticket to")
        account = await self.directory.get(login)
        if account is None:
            raise refuse(
                400, f"to: no operator {login}", key="no_operator", params={"login": login}
            )
        if not account.can_see(ticket):
            raise refuse(
                409,
                f"{login} cannot work on {ticket.group.value} {ticket.level.value}",
                key="cannot_work_on",
                params={"login": login, "group": ticket.group.value, "level": ticket.level.value},
            )
        return account

    async def _files(self, body: dict[str, Any], ticket: Ticket) -> tuple[Attachment, ...]:
        """Files uploaded for this ticket's conversation, named by id in `files`."""
        ids = body.get("files") or []
        if not isinstance(ids, list) or len(ids) > MAX_FILES_PER_REPLY:
            raise refuse(400, f"files: a list of at most {MAX_FILES_PER_REPLY} file ids")
        found = []
        for file_id in ids:
            meta = await self.rt.store.files.meta(str(file_id))
            if meta is None or meta.conversation != ticket.conversation_key:
                raise refuse(400, f"files: no file {file_id} on this ticket; upload it again")
            found.append(attachment_of(meta))
        return tuple(found)


async def json_body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    try:
        body = parse_json(await request.read())
    except UntrustedInput:
        raise refuse(400, "the request body must be JSON") from None
    if not isinstance(body, dict):
        raise refuse(400, "the request body must be a JSON object")
    return body


def _text(body: dict[str, Any], name: str, required: bool = True) -> str:
    value = body.get(name, "")
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise refuse(400, f"{name}: text of at most {MAX_TEXT} characters")
    if required and not value.strip():
        raise refuse(400, f"{name}: write something first", key="write_first")
    return value


def action_id(body: dict[str, Any]) -> str:
    """The client's id of an action (its idempotency key), or "" when it sent none."""
    value = body.get("action_id", "")
    if not isinstance(value, str) or (value and not ACTION_ID.fullmatch(value)):
        raise refuse(400, "action_id: 8 to 64 letters, digits, '-' or '_'")
    return value


def _no_ticket(ticket_id: str) -> web.HTTPException:
    """The refusal for a ticket that does not exist or that the operator may not see."""
    shown = ticket_id[:40]
    return refuse(404, f"no ticket {shown}", key="no_ticket", params={"id": shown})


def _changes(body: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, kind in (("priority", Priority), ("group", SupportGroup), ("level", Level)):
        value = body.get(name)
        if value:
            try:
                out[name] = kind(value)
            except ValueError:
                allowed = ", ".join(v.value for v in kind)
                raise refuse(400, f"{name}: one of {allowed}") from None
    return out
