"""The operator console at /console: sign-in, the live queue and ticket pages.

The page is static HTML and JavaScript; data comes from a small JSON API and a WebSocket
fed by the store's live events, so queues update without reloads on every process.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from pathlib import Path
from typing import Any, Protocol, cast

from aiohttp import WSMsgType, web

from gateway.channel_health import ChannelHealth, shared_view
from gateway.models import Ticket
from gateway.runtime import Runtime
from gateway.store import Store
from gateway.texts import LANGUAGES, Texts
from gateway.untrusted import UntrustedInput, parse_json
from gateway.web.auth import session_secret
from gateway.web.client_address import trusted_networks
from gateway.web.dead_letters import MAIL_ORIGINAL, DeadLetterApi
from gateway.web.desk_api import DeskApi, json_body, load_canned, operator_entry, summary
from gateway.web.desk_files import ChannelFiles, ChannelOriginals, DeskFiles, DownloadById
from gateway.web.desk_search import DeskSearch
from gateway.web.incidents_api import IncidentApi
from gateway.web.linked_accounts import LinkedAccountsApi
from gateway.web.live import SOCKET_COMPRESSION, LiveHub, TranscriptSocket, seen_count
from gateway.web.operators import Account, OperatorDirectory
from gateway.web.reports_page import ReportsPage
from gateway.web.sessions import ConsoleSessions, Session, refuse, same_origin

FRAME_BYTES = 4096  # a console socket frame (a watch, typing): larger closes 1009

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
CONSOLE_FILES = (
    "console.js",
    "shown-text.js",
    "console.css",
    "reports.css",
    "admin-page.js",
    "dead-letters.js",
    "linked-accounts.js",
)
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
TYPING_EVERY_SECONDS = 3.0  # Telegram shows "typing…" for 5 s per sendChatAction


class Console:
    """Everything the console's handlers share."""

    def __init__(self, rt: Runtime, hub: LiveHub | None = None) -> None:
        secret = rt.settings.web.session_secret
        self.rt = rt
        directory = OperatorDirectory(rt.settings, rt.store)
        self.sessions = ConsoleSessions(
            rt.store,
            directory,
            session_secret(secret.get_secret_value() if secret else None, "console"),
            trusted_networks(rt.settings.http.trusted_proxies),
            rt.settings.http.public_url,
        )
        self.desk = DeskApi(rt, load_canned(STATIC / "canned-replies.json"), directory)
        self.files = DeskFiles(rt, self.desk)
        self.search = DeskSearch(rt)
        self.catalog = Texts.load()
        self.hub = hub or LiveHub(rt.store)  # shared with the web chat's sockets
        self.dead = DeadLetterApi(rt.store)
        self.links = LinkedAccountsApi(rt.accounts)
        self.sockets: set[web.WebSocketResponse] = set()
        # Channels that can show "typing…" to their users (Telegram's sendChatAction).
        self.typing_channels: dict[str, ChannelTyping] = {}
        # Each answered channel's state: a revoked token is shown to everyone at the desk.
        self.channel_health: list[ChannelHealth] = []

    def routes(self) -> list[web.RouteDef]:
        need = self.sessions.required
        ticket_url = "/console/api/tickets/{ticket_id}"
        return [
            web.get("/console", self.page),
            web.get("/console/static/{name}", self.static),
            web.get("/console/api/session", self.session),
            web.get("/console/api/texts", self.texts),
            web.post("/console/api/preferences", need(self.preferences, changes_state=True)),
            web.post("/console/api/login", self.login),
            web.post("/console/api/logout", need(self.sessions.sign_out, changes_state=True)),
            web.get("/console/api/tickets", need(self.desk.queue, changes_state=False)),
            web.get("/console/api/search", need(self.search.search, changes_state=False)),
            web.get("/console/api/operators", need(self.desk.colleagues, changes_state=False)),
            web.get("/console/api/channels", need(self.channels, changes_state=False)),
            web.get(ticket_url, need(self.desk.ticket, changes_state=False)),
            web.post(ticket_url + "/files", need(self.files.upload, changes_state=True)),
            web.get(
                ticket_url + "/files/{index}/{n}", need(self.files.download, changes_state=False)
            ),
            web.get(
                ticket_url + "/original/{index}", need(self.files.original, changes_state=False)
            ),
            web.post(ticket_url + "/{action}", need(self.desk.act, changes_state=True)),
            web.get("/console/ws", self.socket),
            web.get("/console/dead-letters", self.dead_letters_page),
            web.get("/console/api/dead-letters", need(self.dead.list, changes_state=False)),
            web.get(MAIL_ORIGINAL, need(self.dead.mail_original, changes_state=False)),
            web.post(
                "/console/api/dead-letters/{delivery_id}/retry",
                need(self.dead.retry, changes_state=True),
            ),
            web.get("/console/linked-accounts", self.linked_accounts_page),
            web.get("/console/api/linked-accounts", need(self.links.list, changes_state=False)),
            web.post(
                "/console/api/linked-accounts/revoke", need(self.links.revoke, changes_state=True)
            ),
            *ReportsPage(self.rt, self.sessions, self.catalog, self._page_language).routes(),
            *IncidentApi(self.rt).routes(need),
        ]

    async def dead_letters_page(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "dead-letters.html", headers=PAGE_HEADERS)

    async def linked_accounts_page(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "linked-accounts.html", headers=PAGE_HEADERS)

    async def page(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "console.html", headers=PAGE_HEADERS)

    async def static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in CONSOLE_FILES:
            raise web.HTTPNotFound()
        return web.FileResponse(STATIC / name, headers={"Cache-Control": "no-cache"})

    async def session(self, request: web.Request) -> web.Response:
        """Who is signed in (with the CSRF token), or a token for the sign-in form."""
        current = await self.sessions.current(request)
        if current is not None:
            return web.json_response(self.sessions.describe(current))
        response = web.Response(content_type="application/json")
        csrf = self.sessions.login_csrf(request, response)
        response.text = json.dumps({"signed_in": False, "csrf": csrf})
        return response

    async def channels(self, request: web.Request, session: Session) -> web.Response:
        """Each answered channel, up or down (and why) as any host found it: the console
        shows the down ones."""
        return web.json_response({"channels": await shared_view(self.channel_health)})

    async def texts(self, request: web.Request) -> web.Response:
        """The console's labels: in `?lang`, else the operator's language, else the browser's."""
        lang = request.query.get("lang", "")
        if lang not in LANGUAGES:
            session = await self.sessions.current(request)
            lang = await self._language(session) if session else ""
        return self._texts_response(lang or browser_language(request))

    async def preferences(self, request: web.Request, session: Session) -> web.Response:
        """`{language}`: the operator's console language, kept for their next sign-in."""
        body = await json_body(request)  # bytes read as JSON: broken UTF-8 is a 400 too
        lang = body.get("language")
        if lang not in LANGUAGES:
            raise refuse(400, f"language: one of {', '.join(LANGUAGES)}")
        await self.rt.store.operators.set_preference(session.account.login, "language", lang)
        return self._texts_response(lang)

    async def _page_language(self, request: web.Request, session: Session) -> str:
        """A page's language: the operator's, else the browser's (as the console's)."""
        return await self._language(session) or browser_language(request)

    async def _language(self, session: Session) -> str:
        chosen = (await self.rt.store.operators.preferences(session.account.login)).get("language")
        return chosen if chosen in LANGUAGES else session.account.language

    def _texts_response(self, lang: str) -> web.Response:
        return web.json_response(
            {"language": lang, "texts": self.catalog.section("console", lang)},
            dumps=lambda d: json.dumps(d, ensure_ascii=False),
        )

    async def login(self, request: web.Request) -> web.Response:
        try:
            body = parse_json(await request.read())
            login, password = body["login"], body["password"]
        except (UntrustedInput, KeyError, TypeError):
            raise refuse(400, "login and password are required") from None
        if not isinstance(login, str) or not isinstance(password, str) or len(password) > 1024:
            raise refuse(400, "login and password are required")
        return await self.sessions.sign_in(request, login.strip(), password)

    async def socket(self, request: web.Request) -> web.StreamResponse:
        """Live queue and the open ticket's transcript for one signed-in browser tab."""
        session = await self.sessions.current(request)
        if session is None or not same_origin(request):
            raise refuse(403, "sign in first")
        ws = web.WebSocketResponse(
            heartbeat=30, max_msg_size=FRAME_BYTES, compress=SOCKET_COMPRESSION
        )
        await ws.prepare(request)
        self.sockets.add(ws)
        follower = ConsoleSocket(ws, session)
        self.hub.follow_all_tickets(follower)
        follower.start(self.rt.store)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    await self._frame(follower, parse_json(msg.data))
        except UntrustedInput:
            await ws.close(code=1003, message=b"bad frame")
        finally:
            self.hub.unfollow_all_tickets(follower)
            self.hub.unfollow(follower.key, follower)
            self.sockets.discard(ws)
            await follower.stop()
        return ws

    async def _frame(self, follower: ConsoleSocket, frame: Any) -> None:
        if isinstance(frame, dict) and frame.get("type") == "typing":
            await self._typing(follower)
        else:
            await self._watch(follower, frame)

    async def _typing(self, follower: ConsoleSocket) -> None:
        """The operator is typing a reply on the watched ticket: the user is shown it, while
        the ticket is still theirs to answer (`typing_shown`) and has not left them since
        they opened it (then their typing was stopped on the user's side)."""
        watched, now = follower.ticket, time.monotonic()
        if watched is None or follower.left:
            return
        if now - follower.typing_announced < TYPING_EVERY_SECONDS:
            return
        ticket = await self.rt.store.tickets.get(watched.id)
        account = follower.session.account
        if ticket is None or not typing_shown(account, ticket):
            return
        follower.typing_announced = now
        follower.held = follower.held or ticket.assignee == account.login
        await self.rt.store.announce(operator_typing(ticket, account.name or account.login))
        channel = self.typing_channels.get(ticket.channel)
        if channel is not None:
            await channel.typing(ticket.chat_id)

    async def _watch(self, follower: ConsoleSocket, frame: Any) -> None:
        """`{type: watch, ticket, have}`: follow that ticket's conversation from `have`."""
        self.hub.unfollow(follower.key, follower)
        follower.retarget("", 0)
        follower.ticket = None
        if not isinstance(frame, dict) or frame.get("type") != "watch":
            return
        wanted = frame.get("ticket")
        ticket = await self.rt.store.tickets.get(wanted) if isinstance(wanted, str) else None
        if ticket is None or not follower.session.account.can_see(ticket):
            await follower.send({"type": "error", "error": "no such ticket"})
            return
        cursor = seen_count(frame.get("have")) or 0
        self.hub.follow(ticket.conversation_key, follower)
        follower.retarget(ticket.conversation_key, cursor)
        follower.ticket = ticket
        follower.held = ticket.assignee == follower.session.account.login
        follower.left, follower.typing_announced = False, 0.0
        await self.rt.store.operators.mark_seen(follower.session.account.login, ticket.id, cursor)

    async def close(self, app: web.Application) -> None:
        for ws in list(self.sockets):
            with contextlib.suppress(Exception):
                await ws.close(code=1001, message=b"server shutting down")
        await self.hub.stop()


class ConsoleSocket(TranscriptSocket):
    """Sends visible ticket changes, and entries of the conversation being watched."""

    __slots__ = ("held", "left", "session", "ticket", "typing_announced")

    def __init__(self, ws: web.WebSocketResponse, session: Session) -> None:
        super().__init__(ws)
        self.session = session
        self.ticket: Ticket | None = None  # the ticket being watched, as last seen
        self.typing_announced = 0.0  # when the user was last shown this operator typing
        self.held = False  # the watched ticket has been this operator's since they opened it
        self.left = False  # ... and has left them since (their typing is no longer shown)

    def ticket_changed(self, ticket: Ticket) -> None:
        """Also: the watched ticket left this operator (reassigned, escalated, resolved,
        handed back) while the user was shown them typing: the user's "typing…" ends."""
        super().ticket_changed(ticket)
        if self.ticket is None or ticket.id != self.ticket.id:
            return
        account = self.session.account
        self.held = self.held or ticket.assignee == account.login
        self.ticket = ticket
        gone = not typing_shown(account, ticket) or (self.held and ticket.assignee != account.login)
        if not gone or self.left:
            return
        self.left = True
        if self.typing_announced and self._store is not None:
            self.typing_announced = 0.0
            stopped = operator_typing(ticket, account.name or account.login) | {"stopped": True}
            task = asyncio.ensure_future(self._store.announce(stopped))
            task.add_done_callback(lambda t: t.cancelled() or t.exception())

    def view(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        return operator_entry(entry)

    def ticket_frame(self, ticket: Ticket) -> dict[str, Any] | None:
        if not self.session.account.can_see(ticket):
            # Escalated or moved out of this operator's queues: drop it from their screen.
            return {"type": "gone", "ticket": ticket.id}
        return {"type": "ticket", "ticket": summary(ticket)}

    def typing_frame(self, who: str, name: str) -> dict[str, Any] | None:
        """Operators see the user typing (other operators' typing is not news to them)."""
        return {"who": "user", "name": name} if who == "user" else None

    def activity_frame(self, conversation_key: str) -> dict[str, Any] | None:
        return {"type": "activity", "conversation": conversation_key}

    def incidents_frame(self) -> dict[str, Any] | None:
        """A new proposal, a new subscriber, an update: the incidents section reloads."""
        return {"type": "incidents"}

    async def entries_sent(self, store: Store, language: str) -> None:
        """The operator has now seen the watched ticket's conversation up to the cursor."""
        if self.ticket is not None and self.ticket.conversation_key == self.key:
            await store.operators.mark_seen(self.session.account.login, self.ticket.id, self.cursor)

    def alert_frame(self, event: dict[str, Any]) -> dict[str, Any] | None:
        """SLA warnings and breaches for the group's operators; addressed ones to one person."""
        account = self.session.account
        to = str(event.get("to") or "")
        if to:
            if to != account.login:
                return None
        elif not account.sees(str(event.get("group", "")), str(event.get("level", "L1"))):
            return None
        return {"type": "sla_alert", **{k: v for k, v in event.items() if k != "type"}}


def typing_shown(account: Account, ticket: Ticket) -> bool:
    """Whether the user may be shown this operator typing on the ticket: it is open, in
    their queues, and held by them or by nobody yet."""
    return (
        ticket.status.is_active
        and account.can_see(ticket)
        and ticket.assignee in ("", account.login)
    )


def operator_typing(ticket: Ticket, name: str) -> dict[str, Any]:
    """The live event that shows the ticket's user an operator typing."""
    return {
        "type": "typing",
        "conversation": ticket.conversation_key,
        "who": "operator",
        "name": name,
    }


class ChannelTyping(Protocol):
    """A connector that can show the user that someone is typing."""

    channel: str

    async def typing(self, chat_id: str) -> None: ...


def browser_language(request: web.Request) -> str:
    """The first of ru, uk, en in the browser's Accept-Language; English otherwise."""
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip()[:2].lower()
        if code in LANGUAGES:
            return code
    return "en"


def setup_console(app: web.Application, rt: Runtime) -> None:
    """Mount the console; close its sockets (and the web chat's) when the app shuts down."""
    from gateway.app import CHANNEL_HEALTH, CONNECTORS

    connectors = app.get(CONNECTORS, [])
    # One subscription to the live news per process: the web chat's hub, when there is one.
    hubs = [c.hub for c in connectors if isinstance(getattr(c, "hub", None), LiveHub)]
    console = Console(rt, hubs[0] if hubs else None)
    console.channel_health = app.get(CHANNEL_HEALTH, [])
    app.router.add_routes(console.routes())
    console.hub.start()
    app.on_shutdown.append(console.close)
    for connector in connectors:
        if hasattr(connector, "typing"):
            console.typing_channels[connector.channel] = cast(ChannelTyping, connector)
        if hasattr(connector, "fetch_file"):
            console.files.channels[connector.channel] = cast(ChannelFiles, connector)
        elif hasattr(connector, "download"):
            console.files.channels[connector.channel] = DownloadById(connector)
        if hasattr(connector, "original"):
            console.files.originals[connector.channel] = cast(ChannelOriginals, connector)
        close_sockets = getattr(connector, "close_sockets", None)
        if close_sockets is not None:
            app.on_shutdown.append(lambda _app, close=close_sockets: close())
