"""The web chat: an embeddable widget talking to the gateway over a WebSocket.

The conversation transcript is the visitor's mailbox. A socket pushes transcript
entries past the visitor's cursor, each with its index, whenever the conversation
changes (on any process: changes arrive through the store's live events), so a
reconnecting visitor gets exactly what it has not seen. Visitor messages carry the
client's own id, which is the dedupe key; the ack is sent after the durable accept.

Frames (JSON), client → server: `hello {token, have, lang, name}`, `start`,
`message {id, text, payload}`, `typing`; server → client: `welcome {token, max_chars}`,
`entries {entries: [{index, entry}]}` (every new entry of one update, oldest first, in
one frame), `ack {id}`, `ticket {id, status}`, `typing {who: operator, name,
stopped?}` (stopped: the ticket left that operator, hide it now),
`language {lang}` (the conversation's, for the labels), `error {code, id?, ...}`.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WebSocketError, WSCloseCode, WSMessage, WSMsgType, web

from gateway.attachments import FileRefused
from gateway.client_blocks import counted_as
from gateway.config import Settings
from gateway.connectors.base import OnMessage
from gateway.connectors.frame_refusals import FrameRefusals
from gateway.disclosed_passwords import PASSWORD_HIDDEN, hide_in_file_name
from gateway.models import (
    CLIENT_ADDRESS,
    Channel,
    InboundMessage,
    OutboundMessage,
    RateLimit,
    RateLimited,
    Ticket,
)
from gateway.store import STORE_UNAVAILABLE, Store
from gateway.texts import Texts
from gateway.untrusted import UntrustedInput, parse_json
from gateway.web.auth import Signer, new_token, session_secret
from gateway.web.client_address import client_address, trusted_networks
from gateway.web.files import (
    attachment_of,
    attachment_view,
    file_response,
    read_upload,
    refusal,
    rules_of,
)
from gateway.web.live import SOCKET_COMPRESSION, LiveHub, TranscriptSocket, seen_count

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
LANGUAGES = ("ru", "uk", "en")
TOKEN_MAX_AGE = 180 * 24 * 3600
STORE_UNAVAILABLE_CLOSE = 1013  # WebSocket "try again later" (RFC 6455 registry)
MAX_PAYLOAD_CHARS = 200
MAX_NAME_CHARS = 100
HELLO_TIMEOUT = 15.0
TOKEN_HEADER = "X-Chat-Token"  # the widget's signed session, for file upload and download
TYPING_EVERY_SECONDS = 2.0  # at most one "typing" announcement per socket in this time
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

    __slots__ = ("address", "chat_id", "lang", "name", "shown_language", "typing_announced")

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
        self.typing_announced = 0.0
        self.shown_language = ""  # the conversation's language the widget was told

    def view(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        return visitor_view(entry, self.chat_id)

    def ticket_frame(self, ticket: Ticket) -> dict[str, Any] | None:
        return ticket_frame(ticket)

    async def entries_sent(self, store: Store, language: str) -> None:
        await self.show_language(language)

    async def show_language(self, language: str) -> None:
        """The widget's labels follow the conversation's language (detected or switched)."""
        if language in LANGUAGES and language != self.shown_language:
            self.shown_language = language
            await self.send({"type": "language", "lang": language})

    def typing_frame(self, who: str, name: str) -> dict[str, Any] | None:
        """The visitor sees an operator typing (never their own typing echoed back)."""
        return {"who": "operator", "name": name} if who == "operator" else None


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
    files = [a for a in entry.get("attachments") or () if a.get("file_id")]
    if files:  # web-chat files are all kept by us: the visitor downloads them by id
        view["files"] = [attachment_view(a) | {"id": a["file_id"]} for a in files]
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
    return {"type": "ticket", "id": ticket.id, "status": ticket.shown_status}


TOO_LARGE_REASON = b"message too big"  # the close's reason (1009) after the error frame
LINGER_SECONDS = 2.0  # at most this long the refused frame's rest is read (and dropped)


class ChatSocketResponse(web.WebSocketResponse):
    """The web chat's socket: a frame over `max_msg_size` is refused in words, then closed.

    aiohttp refuses such a frame inside `receive`, before any handler sees it, by closing
    the socket with 1009 and no reason: a client other than the widget (which never sends
    one) got a bare close, with nothing to show its user. That close first sends the error
    frame of a message too long (`too_long`, with the limit in characters and the frame's
    in bytes) and carries a reason. The frame cannot be read on (aiohttp stops parsing at
    its header), so the socket is closed still; what was acknowledged before it is kept.

    The connection then lingers (`lingered`): closed at once, with the rest of the frame
    still arriving, the kernel answers it with a reset, and a client that had not read
    the error and the close frames yet loses them (Chromium saw 1006 in one run of three
    on loopback). So this side only stops writing (FIN) while the rest is read and
    dropped, and the connection ends when the client closes it, or after LINGER_SECONDS."""

    def __init__(self, *, max_chars: int, max_msg_size: int, **kwargs: Any) -> None:
        super().__init__(max_msg_size=max_msg_size, **kwargs)
        self.refusal = {
            "type": "error",
            "code": "too_long",
            "limit": max_chars,
            "max_bytes": max_msg_size,
            "detail": f"a frame is at most {max_msg_size} bytes; the socket is closed",
        }
        self._refused = False
        self._lingering: asyncio.BaseTransport | None = None

    async def close(
        self, *, code: int = WSCloseCode.OK, message: bytes = b"", drain: bool = True
    ) -> bool:
        if code == WSCloseCode.MESSAGE_TOO_BIG and not self.closed:
            self._refused = True
            with contextlib.suppress(ConnectionError):  # the client left meanwhile
                await self.send_json(self.refusal)
            message = message or TOO_LARGE_REASON
        return await super().close(code=code, message=message, drain=drain)

    def _close_transport(self) -> None:
        """aiohttp's, once the close frame is written: after a refused frame, only stop
        writing (the connection lingers); else close."""
        transport = self._req.transport if self._req is not None else None
        if (
            self._refused
            and isinstance(transport, asyncio.WriteTransport)
            and transport.can_write_eof()
            and not transport.is_closing()
        ):
            transport.write_eof()
            self._lingering = transport
            return
        super()._close_transport()

    async def lingered(self) -> None:
        """Once the client closed the connection a refused frame left lingering (or after
        LINGER_SECONDS): closed."""
        transport, self._lingering = self._lingering, None
        if transport is None:
            return
        deadline = time.monotonic() + LINGER_SECONDS
        while not transport.is_closing() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        transport.close()


def too_large(error: Any) -> bool:
    """A socket's error is a frame over `max_msg_size` (aiohttp answers it with 1009)."""
    return isinstance(error, WebSocketError) and error.code == WSCloseCode.MESSAGE_TOO_BIG


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
    if seen_count(have) is None:
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
        self._sockets_of: dict[str, int] = {}  # counted client address -> sockets open
        self.trusted_proxies = trusted_networks(settings.http.trusted_proxies)
        self._on_message: OnMessage | None = None
        self._texts = json.loads((STATIC / "widget-texts.json").read_text(encoding="utf-8"))
        self._demo_texts = Texts.load()

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
            web.get("/webchat/demo.css", self._demo_css),
            web.get("/webchat/ws", self._socket),
            web.post("/webchat/files", self._upload),
            web.get("/webchat/files/{file_id}", self._download),
            web.options("/webchat/files", self._preflight),
            web.options("/webchat/files/{file_id}", self._preflight),
        ]

    async def _demo_page(self, request: web.Request) -> web.Response:
        """The demo page in the language asked for (`?lang=`), the widget starting in it."""
        lang = request.query.get("lang", "en")
        lang = lang if lang in LANGUAGES else "en"
        fields = {"lang": lang, **self._demo_texts.section("demo", lang)}
        page = (STATIC / "demo.html").read_text("utf-8")
        for name, value in fields.items():
            page = page.replace("{" + name + "}", html.escape(value))
        return web.Response(text=page, content_type="text/html", headers=SECURITY_HEADERS)

    async def _widget_css(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "widget.css")

    async def _demo_css(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "demo.css")

    async def _widget_js(self, request: web.Request) -> web.Response:
        texts = json.dumps(self._texts, ensure_ascii=False)
        body = f"window.FIRSTLINE_TEXTS = {texts};\n" + (STATIC / "widget.js").read_text("utf-8")
        return web.Response(
            text=body,
            content_type="application/javascript",
            headers={"Cache-Control": "no-cache"},
        )

    def _cors(self, request: web.Request) -> dict[str, str]:
        """Sites allowed to embed the chat may call the file endpoints from their pages."""
        origin = request.headers.get("Origin")
        web_settings = self.settings.web
        if not origin or not origin_allowed(
            request, web_settings.allowed_origins, self.settings.http.public_url
        ):
            return {}
        return {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Methods": "GET, POST",
            "Access-Control-Allow-Headers": "X-Chat-Token, X-Client-Id, X-File-Name, Content-Type",
            "Access-Control-Expose-Headers": "Content-Disposition",
            "Access-Control-Max-Age": "600",
            "Vary": "Origin",
        }

    async def _preflight(self, request: web.Request) -> web.Response:
        headers = self._cors(request)
        return web.Response(status=204 if headers else 403, headers=headers)

    def _visitor(self, request: web.Request) -> str:
        """The chat id of the visitor whose signed token is in `X-Chat-Token` (else 401)."""
        chat_id = self.signer.unsign(request.headers.get(TOKEN_HEADER), TOKEN_MAX_AGE)
        if chat_id is None:
            raise web.HTTPUnauthorized(
                text=json.dumps({"error": "unauthorized", "detail": "open the chat first"}),
                content_type="application/json",
            )
        return chat_id

    async def _upload(self, request: web.Request) -> web.Response:
        """A visitor's file: kept, then posted into the conversation as their message."""
        web_settings = self.settings.web
        if not origin_allowed(request, web_settings.allowed_origins, self.settings.http.public_url):
            return web.json_response({"error": "origin_not_allowed"}, status=403)
        chat_id = self._visitor(request)
        client_id = request.headers.get("X-Client-Id", "")
        if not CLIENT_ID_RE.match(client_id):
            return web.json_response({"error": "bad_frame", "detail": "X-Client-Id"}, status=400)
        if self._on_message is None:
            return web.json_response({"error": "unavailable"}, status=503)
        # Per session, then per client address (opening sessions is free: without it one
        # address could keep many sessions uploading and fill the store everyone needs).
        # An upload over its session's limit is not counted against the address's.
        address = client_address(request, self.trusted_proxies)
        for scope, name, limit in (
            ("webchat-upload", chat_id, web_settings.uploads_per_minute),
            (
                "webchat-upload-addr",
                counted_as(address),
                web_settings.uploads_per_minute_per_address,
            ),
        ):
            hits, retry_after = await self.store.operators.hit(scope, name, 60)
            if hits > limit:
                return web.json_response(
                    {"error": "rate_limited", "retry_after": round(retry_after, 1)}, status=429
                )
        rules = rules_of(web_settings)
        try:
            name, mime_type, data = await read_upload(request, rules)
        except FileRefused as exc:
            response = refusal(exc, rules)
            response.headers.update(self._cors(request))  # so an embedding page can read why
            return response
        # A password in the file's name is hidden before the file is kept (the bot then
        # tells the visitor, as for one typed: app.py).
        name, hidden = hide_in_file_name(name)
        meta = await self.store.files.put(
            f"{self.channel}:{chat_id}",
            name,
            mime_type,
            data,
            uploaded_by="user",
            ttl_seconds=web_settings.file_retention_days * 86400,
            upload_id=client_id,  # sent again after a lost answer: the same file
        )
        await self._on_message(
            InboundMessage(
                channel=self.channel,
                chat_id=chat_id,
                message_id=f"{chat_id}:{client_id}",
                user_id=chat_id,
                attachments=(attachment_of(meta),),
                meta={PASSWORD_HIDDEN: str(hidden)} if hidden else {},
            )
        )
        return web.json_response(
            {"id": client_id, "name": name, "size": meta.size}, headers=self._cors(request)
        )

    async def _download(self, request: web.Request) -> web.Response:
        """A file of the visitor's own conversation (theirs or an operator's), as a download."""
        chat_id = self._visitor(request)
        found = await self.store.files.get(request.match_info["file_id"])
        if found is None or found[0].conversation != f"{self.channel}:{chat_id}":
            return web.json_response({"error": "not_found"}, status=404)
        meta, data = found
        response = file_response(meta.name, meta.mime_type, data)
        response.headers.update(self._cors(request))
        return response

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        web_settings = self.settings.web
        if not origin_allowed(request, web_settings.allowed_origins, self.settings.http.public_url):
            return web.json_response(
                {"error": "origin_not_allowed", "detail": "this site may not open the web chat"},
                status=403,
            )
        address = client_address(request, self.trusted_proxies)
        counted = counted_as(address)
        if self._sockets_of.get(counted, 0) >= web_settings.sockets_at_once_per_address:
            return web.json_response(
                {"error": "rate_limited", "detail": "too many chat connections from your address"},
                status=429,
            )
        ws = ChatSocketResponse(
            heartbeat=30,
            max_chars=web_settings.max_message_chars,
            max_msg_size=64 * 1024 + 8 * web_settings.max_message_chars,
            compress=SOCKET_COMPRESSION,
        )
        self._sockets_of[counted] = self._sockets_of.get(counted, 0) + 1
        refusals = FrameRefusals(address)
        try:
            await ws.prepare(request)
            self.sockets.add(ws)
            try:
                await self._serve(ws, address, refusals)
                await ws.lingered()
            except STORE_UNAVAILABLE as exc:
                # Nothing was acknowledged: the widget reconnects and resends. 1013 "try
                # again later" tells it the message was not at fault (not counted as a try).
                log.warning(
                    "web-chat socket closed: store unavailable", extra={"error": repr(exc)}
                )
                await ws.close(code=STORE_UNAVAILABLE_CLOSE, message=b"try again later")
            except Exception as exc:
                log.warning("web-chat socket closed on an error", extra={"error": repr(exc)})
                await ws.close(code=1011, message=b"try again")
            finally:
                self.sockets.discard(ws)
                refusals.closed()
        finally:
            left = self._sockets_of.get(counted, 0) - 1
            if left > 0:
                self._sockets_of[counted] = left
            else:
                self._sockets_of.pop(counted, None)
        return ws

    async def _serve(
        self, ws: web.WebSocketResponse, address: str, refusals: FrameRefusals
    ) -> None:
        chat = await self._greeted(ws, address, refusals)
        if chat is None:
            return
        self.hub.follow(chat.key, chat)
        chat.start(self.store)
        try:
            async for msg in ws:
                await self._received(chat, refusals, msg)
                # An idle socket keeps nothing it was sent: its last frame (up to ~70 KB,
                # a pasted log) would otherwise stay in memory until the visitor's next.
                del msg
        finally:
            self.hub.unfollow(chat.key, chat)
            await chat.stop()

    async def _greeted(
        self, ws: web.WebSocketResponse, address: str, refusals: FrameRefusals
    ) -> ChatSocket | None:
        """The visitor's hello answered (the welcome, their latest ticket, the labels in
        their language): the socket to serve, or None when there was no good hello. What
        the answer read (the hello, the tickets) is not kept for the socket's life."""
        hello = await self._hello(ws, address, refusals)
        if hello is None:
            return None
        refusals.chat = hello["chat_id"]
        chat = ChatSocket(
            ws, hello["chat_id"], hello["have"], hello["lang"], hello["name"], address
        )
        await chat.send(
            {
                "type": "welcome",
                "token": hello["token"],
                "resumed": hello["resumed"],
                "max_chars": self.settings.web.max_message_chars,
                "max_file_bytes": self.settings.web.upload_max_bytes,
                "file_types": self.settings.web.upload_types,
            }
        )
        tickets = await self.store.tickets.for_conversation(chat.key, active_only=False)
        if tickets:
            await chat.send(ticket_frame(max(tickets, key=lambda t: t.created_at)))
        # A returning visitor: labels in their language.
        await chat.show_language(await self.store.conversations.language(chat.key))
        return chat

    async def _received(self, chat: ChatSocket, refusals: FrameRefusals, msg: WSMessage) -> None:
        """One frame from the visitor: answered, or refused and said why."""
        if msg.type == WSMsgType.BINARY:  # said, not dropped: the client would wait
            refusals.note("binary", len(msg.data))
            await chat.send({"type": "error", "code": "bad_frame",
                             "detail": "frames are JSON text"})  # fmt: skip
            return
        if msg.type == WSMsgType.ERROR and too_large(msg.data):
            refusals.note("too_large")  # closed with 1009, said (ChatSocketResponse)
            return
        if msg.type != WSMsgType.TEXT:
            return
        try:
            await self._frame(chat, msg.data)
        except ChatError as exc:
            refusals.note(exc.code, len(msg.data))
            await chat.send({"type": "error", "code": exc.code, **exc.detail})
        except STORE_UNAVAILABLE:
            raise  # closed with 1013: the widget reconnects and resends
        except Exception:
            log.exception("web-chat frame failed")
            await chat.send({"type": "error", "code": "bad_frame"})

    async def _hello(
        self, ws: web.WebSocketResponse, address: str, refusals: FrameRefusals
    ) -> dict[str, Any] | None:
        """Read the first frame: resume the signed session or start a new one.

        A first frame that is not a well-formed hello gets an error frame and a normal
        close (the widget always sends a good one, so this is never a loop).
        """
        try:
            msg = await ws.receive(timeout=HELLO_TIMEOUT)
        except TimeoutError:
            refusals.note("no_hello")
            await ws.send_json({"type": "error", "code": "bad_frame", "detail": "hello expected"})
            await ws.close()
            return None
        if msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
            return None  # the visitor left before saying anything: nothing was refused
        if msg.type == WSMsgType.ERROR:
            refusals.note("too_large" if too_large(msg.data) else "before_hello")
            return None  # aiohttp has closed the socket
        try:
            frame = read_hello(msg.data if msg.type == WSMsgType.TEXT else "")
        except UntrustedInput as exc:
            refusals.note("before_hello", len(msg.data or ""))
            await ws.send_json({"type": "error", "code": "bad_frame", "detail": str(exc)[:100]})
            await ws.close()
            return None
        chat_id = self.signer.unsign(frame["token"], TOKEN_MAX_AGE)
        resumed = chat_id is not None
        if not resumed:
            hits, retry_after = await self.store.operators.hit(
                "webchat-new", counted_as(address), 60
            )
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
        elif kind == "typing":
            await self._typing(chat)
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
        limits = (
            # The session first: a visitor over their own limit stops being counted
            # against the budget their address shares with others (colleagues behind
            # one NAT), so one flooding visitor does not silence the rest.
            RateLimit("webchat", chat.chat_id, web_cfg.messages_per_minute),
            RateLimit(
                "webchat-addr", counted_as(chat.address), web_cfg.messages_per_minute_per_address
            ),
        )
        try:
            await self._accept(
                chat, client_id, text=text, payload=payload, kind="message", limits=limits
            )
        except RateLimited as exc:
            raise ChatError(
                "rate_limited", id=client_id, retry_after=round(exc.retry_after, 1)
            ) from None
        await chat.send({"type": "ack", "id": client_id})
        chat.typing_announced = 0.0  # typing after this is about the next message

    async def _typing(self, chat: ChatSocket) -> None:
        """The visitor is typing: tell the consoles watching, on every process."""
        now = time.monotonic()
        if now - chat.typing_announced < TYPING_EVERY_SECONDS:
            return
        chat.typing_announced = now
        await self.store.announce(
            {"type": "typing", "conversation": chat.key, "who": "user", "name": chat.name}
        )

    async def _accept(
        self,
        chat: ChatSocket,
        client_id: str,
        *,
        text: str,
        payload: str,
        kind: str,
        limits: tuple[RateLimit, ...] = (),
    ) -> None:
        """Store the visitor's message (counted against `limits` in the same round trip)."""
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
                meta={CLIENT_ADDRESS: chat.address} if chat.address else {},
            ),
            limits,
        )
