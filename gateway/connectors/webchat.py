"""The web chat: an embeddable widget talking to the gateway over a WebSocket.

The conversation transcript is the visitor's mailbox. A socket pushes transcript
entries past the visitor's cursor, each with its index, whenever the conversation
changes (on any process: changes arrive through the store's live events), so a
reconnecting visitor gets exactly what it has not seen. Visitor messages carry the
client's own id, which is the dedupe key; the ack is sent after the durable accept.

Frames (JSON), client → server: `hello {token, have, lang, name}`, `start`,
`message {id, text, payload}`; server → client: `welcome {token, max_chars}`,
`entry {index, entry}`, `ack {id}`, `ticket {id, status}`, `error {code, id?, ...}`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from gateway.config import Settings
from gateway.connectors.base import OnMessage
from gateway.models import Channel, InboundMessage, OutboundMessage, Ticket
from gateway.store import STORE_UNAVAILABLE, Store
from gateway.untrusted import UntrustedInput, parse_json
from gateway.web.auth import Signer, new_token, session_secret
from gateway.web.client_address import client_address, trusted_networks
from gateway.web.live import LiveHub, TranscriptSocket

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
LANGUAGES = ("ru", "uk", "en")
TOKEN_MAX_AGE = 180 * 24 * 3600
MAX_PAYLOAD_CHARS = 200
MAX_NAME_CHARS = 100
HELLO_TIMEOUT = 15.0
MAX_HAVE = 10**7  # entries a visitor may claim to have seen (a transcript is far shorter)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class ChatError(Exception):
    """A frame the visitor must be told about: `code` is looked up in the widget's texts."""

    def __init__(self, code: str, **detail: Any) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def origin_allowed(request: web.Request, allowed: list[str], public_url: str = "") -> bool:
    """Same origin (or the configured public URL) always; others only when listed."""
    origin = request.headers.get("Origin")
    if origin is None:  # not a browser: the check protects browsers from other sites
        return True
    if "*" in allowed or origin.rstrip("/") in {a.rstrip("/") for a in allowed}:
        return True
    host = urlsplit(origin).netloc
    return host == request.host or (bool(public_url) and host == urlsplit(public_url).netloc)


class ChatSocket(TranscriptSocket):
    """One open widget: its conversation's entries as the visitor sees them, and tickets."""

    def __init__(
        self,
        ws: web.WebSocketResponse,
        chat_id: str,
        cursor: int,
        lang: str,
        name: str,
        address: str = "",
    ) -> None:
        super().__init__(ws, f"{Channel.WEBCHAT.value}:{chat_id}", cursor)
        self.chat_id = chat_id
        self.address = address
        self.lang = lang
        self.name = name

    def view(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        return visitor_view(entry, self.chat_id)

    def ticket_frame(self, ticket: Ticket) -> dict[str, Any] | None:
        return ticket_frame(ticket)


def visitor_view(entry: dict[str, Any], chat_id: str) -> dict[str, Any] | None:
    """What the visitor may see of a transcript entry; None for internal ones."""
    direction = entry.get("direction")
    if direction not in ("in", "out") or (direction == "in" and entry.get("kind") == "start"):
        return None
    view: dict[str, Any] = {
        "direction": direction,
        "author": "user" if direction == "in" else str(entry.get("author", "bot")).split(":")[0],
        "author_name": entry.get("author_name", "") if direction == "out" else "",
        "text": entry.get("text", ""),
        "at": entry.get("at", 0),
    }
    if entry.get("buttons"):
        view["buttons"] = [
            {"label": b.get("label", ""), "payload": b.get("payload", "")} for b in entry["buttons"]
        ]
    prefix = f"{chat_id}:"
    message_id = str(entry.get("message_id", ""))
    if message_id.startswith(prefix):
        view["client_id"] = message_id[len(prefix) :]
    return view


def ticket_frame(ticket: Ticket) -> dict[str, Any]:
    return {"type": "ticket", "id": ticket.id, "status": ticket.status.value}


def read_hello(raw: str) -> dict[str, Any]:
    """The hello frame's fields, typed and bounded; UntrustedInput when it is not one."""
    frame = parse_json(raw)
    if not isinstance(frame, dict) or frame.get("type") != "hello":
        raise UntrustedInput("hello expected")
    token = frame.get("token")
    have = frame.get("have", 0)
    lang = frame.get("lang")
    name = frame.get("name") or ""
    if token is not None and not isinstance(token, str):
        raise UntrustedInput("hello: token must be text")
    if isinstance(have, bool) or not isinstance(have, int) or not 0 <= have <= MAX_HAVE:
        raise UntrustedInput("hello: have must be a count of entries")
    if not isinstance(name, str):
        raise UntrustedInput("hello: name must be text")
    return {
        "token": token,
        "have": have,
        "lang": lang if lang in LANGUAGES else "",
        "name": name[:MAX_NAME_CHARS],
    }


class WebChatConnector:
    """Serves the widget, its WebSocket and the demo page."""

    channel = Channel.WEBCHAT.value

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        secret = settings.web.session_secret
        self.signer = Signer(
            session_secret(secret.get_secret_value() if secret else None, "web chat"), "webchat"
        )
        self.hub = LiveHub(store)
        self.sockets: set[web.WebSocketResponse] = set()
        self.trusted_proxies = trusted_networks(settings.http.trusted_proxies)
        self._on_message: OnMessage | None = None
        self._texts = json.loads((STATIC / "widget-texts.json").read_text(encoding="utf-8"))

    async def start(self, on_message: OnMessage) -> None:
        self._on_message = on_message
        self.hub.start()

    async def stop(self) -> None:
        await self.close_sockets()
        await self.hub.stop()

    async def close_sockets(self) -> None:
        """Close every open widget socket (at shutdown; widgets reconnect elsewhere)."""
        for ws in list(self.sockets):
            with contextlib.suppress(Exception):
                await ws.close(code=1001, message=b"server shutting down")

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        """The reply is already in the transcript: wake this process's sockets of the chat."""
        self.hub.poke(f"{self.channel}:{chat_id}")

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/", self._demo_page),
            web.get("/webchat/widget.js", self._widget_js),
            web.get("/webchat/widget.css", self._widget_css),
            web.get("/webchat/ws", self._socket),
        ]

    async def _demo_page(self, request: web.Request) -> web.Response:
        lang = request.query.get("lang", "en")
        page = (STATIC / "demo.html").read_text("utf-8")
        return web.Response(
            text=page.replace("{lang}", lang if lang in LANGUAGES else "en"),
            content_type="text/html",
            headers=SECURITY_HEADERS,
        )

    async def _widget_css(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "widget.css")

    async def _widget_js(self, request: web.Request) -> web.Response:
        texts = json.dumps(self._texts, ensure_ascii=False)
        body = f"window.FIRSTLINE_TEXTS = {texts};\n" + (STATIC / "widget.js").read_text("utf-8")
        return web.Response(
            text=body,
            content_type="application/javascript",
            headers={"Cache-Control": "no-cache"},
        )

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        web_settings = self.settings.web
        if not origin_allowed(request, web_settings.allowed_origins, self.settings.http.public_url):
            return web.json_response(
                {"error": "origin_not_allowed", "detail": "this site may not open the web chat"},
                status=403,
            )
        ws = web.WebSocketResponse(
            heartbeat=30, max_msg_size=64 * 1024 + 8 * web_settings.max_message_chars
        )
        await ws.prepare(request)
        self.sockets.add(ws)
        try:
            await self._serve(ws, client_address(request, self.trusted_proxies))
        except Exception as exc:  # the store failed: the widget reconnects and resends
            log.warning("web-chat socket closed: store unavailable", extra={"error": repr(exc)})
            await ws.close(code=1011, message=b"try again")
        finally:
            self.sockets.discard(ws)
        return ws

    async def _serve(self, ws: web.WebSocketResponse, address: str) -> None:
        hello = await self._hello(ws, address)
        if hello is None:
            return
        chat = ChatSocket(
            ws, hello["chat_id"], hello["have"], hello["lang"], hello["name"], address
        )
        await chat.send(
            {
                "type": "welcome",
                "token": hello["token"],
                "resumed": hello["resumed"],
                "max_chars": self.settings.web.max_message_chars,
            }
        )
        tickets = await self.store.tickets.for_conversation(chat.key, active_only=False)
        if tickets:
            await chat.send(ticket_frame(max(tickets, key=lambda t: t.created_at)))
        self.hub.follow(chat.key, chat)
        pump = asyncio.create_task(chat.pump(self.store))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    await self._frame(chat, msg.data)
                except ChatError as exc:
                    await chat.send({"type": "error", "code": exc.code, **exc.detail})
                except STORE_UNAVAILABLE:
                    raise  # closed with 1011: the widget reconnects and resends
                except Exception:
                    log.exception("web-chat frame failed")
                    await chat.send({"type": "error", "code": "bad_frame"})
        finally:
            self.hub.unfollow(chat.key, chat)
            pump.cancel()
            await asyncio.gather(pump, return_exceptions=True)

    async def _hello(self, ws: web.WebSocketResponse, address: str) -> dict[str, Any] | None:
        """Read the first frame: resume the signed session or start a new one.

        A first frame that is not a well-formed hello gets an error frame and a normal
        close (the widget always sends a good one, so this is never a loop).
        """
        try:
            msg = await ws.receive(timeout=HELLO_TIMEOUT)
            frame = read_hello(msg.data if msg.type == WSMsgType.TEXT else "")
        except (TimeoutError, UntrustedInput) as exc:
            await ws.send_json({"type": "error", "code": "bad_frame", "detail": str(exc)[:100]})
            await ws.close()
            return None
        chat_id = self.signer.unsign(frame["token"], TOKEN_MAX_AGE)
        resumed = chat_id is not None
        if not resumed:
            hits, retry_after = await self.store.operators.hit("webchat-new", address, 60)
            if hits > self.settings.web.new_sessions_per_minute_per_address:
                await ws.send_json(
                    {"type": "error", "code": "rate_limited", "retry_after": round(retry_after, 1)}
                )
                await ws.close()
                return None
        chat_id = chat_id or new_token()
        return {
            "chat_id": chat_id,
            "token": self.signer.sign(chat_id),
            "resumed": resumed,
            "have": frame["have"] if resumed else 0,
            "lang": frame["lang"],
            "name": frame["name"],
        }

    async def _frame(self, chat: ChatSocket, raw: str) -> None:
        try:
            frame = parse_json(raw)
        except UntrustedInput:
            raise ChatError("bad_frame") from None
        if not isinstance(frame, dict):
            raise ChatError("bad_frame")
        kind = frame.get("type")
        if kind == "start":
            await self._accept(chat, "start", text="", payload="", kind="start")
        elif kind == "message":
            await self._message(chat, frame)
        else:
            raise ChatError("bad_frame")

    async def _message(self, chat: ChatSocket, frame: dict[str, Any]) -> None:
        client_id = frame.get("id")
        text, payload = frame.get("text"), frame.get("payload") or ""
        if not isinstance(client_id, str) or not CLIENT_ID_RE.match(client_id):
            raise ChatError("bad_frame")
        if not isinstance(text, str) or not isinstance(payload, str):
            raise ChatError("bad_frame", id=client_id)
        limit = self.settings.web.max_message_chars
        if len(text) > limit:
            raise ChatError("too_long", id=client_id, limit=limit)
        if len(payload) > MAX_PAYLOAD_CHARS or not (text.strip() or payload):
            raise ChatError("bad_frame", id=client_id)
        web_cfg = self.settings.web
        for scope, name, allowed in (
            ("webchat", chat.chat_id, web_cfg.messages_per_minute),
            ("webchat-addr", chat.address, web_cfg.messages_per_minute_per_address),
        ):
            hits, retry_after = await self.store.operators.hit(scope, name, 60)
            if hits > allowed:
                raise ChatError("rate_limited", id=client_id, retry_after=round(retry_after, 1))
        await self._accept(chat, client_id, text=text, payload=payload, kind="message")
        await chat.send({"type": "ack", "id": client_id})

    async def _accept(
        self, chat: ChatSocket, client_id: str, *, text: str, payload: str, kind: str
    ) -> None:
        if self._on_message is None:
            raise ChatError("unavailable")
        # A duplicate (False) is fine: the message was stored when first sent.
        await self._on_message(
            InboundMessage(
                channel=self.channel,
                chat_id=chat.chat_id,
                message_id=f"{chat.chat_id}:{client_id}",
                text=text,
                payload=payload,
                user_id=chat.chat_id,
                user_name=chat.name,
                language_hint=chat.lang,
                kind=kind,
            )
        )
