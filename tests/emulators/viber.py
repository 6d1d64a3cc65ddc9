"""A Viber REST bot API server for tests, written from the documented behaviour.

`POST /pa/<method>` with JSON; the auth token in `X-Viber-Auth-Token` (or, as the
official SDK does, `auth_token` in the body). Always HTTP 200 with the outcome in
`status` (0 ok, 2 bad token, 5 not registered, 6 not subscribed, ...). set_webhook calls
the URL back with a signed `webhook` event and fails unless it answers 200. Callbacks
carry `X-Viber-Content-Signature` = hex HMAC-SHA256(raw body, key = auth token) and are
retried until they get a 200 (a few quick attempts here, an hour at Viber).

`send_message` takes `text`, `picture` (JPEG/PNG, `media` URL, text up to 768 characters)
and `file` (`media`, `size`, `file_name`) messages; for the last two it downloads `media`
as Viber does, and refuses the message when that URL does not answer 200.

The user-side helpers (`open_conversation`, `send_text`, `press`, `unsubscribe`...)
play the Viber app: a user subscribes by writing, and a keyboard press sends the
button's ActionBody as text together with the last `tracking_data` the bot sent.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from emulators.server import CallingBackEmulator

HOSTNAME = "SN-CHAT-05_"
PICTURE_TEXT_LIMIT = 768
PICTURE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG")


@dataclass
class ViberUser:
    id: str
    name: str
    language: str = "ru"
    subscribed: bool = False
    tracking_data: str = ""
    # What the user's own side of the chat shows: what they typed, and a reply button's
    # ActionBody when they press it (Viber shows it as their message unless `Silent`).
    bubbles: list[str] = field(default_factory=list)


@dataclass
class ShownMessage:
    """A message the bot sent, as the user's app shows it."""

    text: str
    sender: dict[str, Any]
    keyboard: dict[str, Any] | None = None
    tracking_data: str = ""
    inline_welcome: bool = False
    type: str = "text"  # text | picture | file
    file_name: str = ""
    content: bytes = b""  # a picture or file, as Viber fetched it from `media`

    @property
    def buttons(self) -> list[str]:
        return [b.get("Text", "") for b in (self.keyboard or {}).get("Buttons", [])]


@dataclass
class Callback:
    body: bytes
    event: str
    statuses: list[int] = field(default_factory=list)
    done: bool = False
    reply: bytes = b""


class ViberEmulator(CallingBackEmulator):
    """The Viber bot API plus a simulated user population."""

    def __init__(self, auth_token: str, *, retry_base: float = 0.05, attempts: int = 6) -> None:
        self.auth_token = auth_token
        self.retry_base = retry_base
        self.retry_cap = 3600.0  # longest wait between two attempts
        self.attempts = attempts
        app = web.Application()
        app.router.add_post("/pa/{method}", self._api)
        app.router.add_get("/media/{name}", self._media)
        super().__init__(app)
        self.webhook_url = ""
        self.event_types: list[str] = []
        self.users: dict[str, ViberUser] = {}
        self.sent: dict[str, list[ShownMessage]] = {}
        self.refused: list[tuple[str, str]] = []  # (receiver, text) refused: not subscribed
        self.callbacks: list[Callback] = []
        self.forced_status: list[int] = []  # statuses for the next send_message calls
        self.send_calls = 0
        self.media: dict[str, bytes] = {}  # files users sent, served as Viber's media URLs
        self.redeliver = 0  # push the next N callbacks twice (the first ack "got lost")
        self._tokens = itertools.count(5466394344559121456)  # above 2**53, as in the wild
        self._queue: asyncio.Queue[Callback] = asyncio.Queue()

    def media_url(self, name: str, content: bytes) -> str:
        """Keep a user's file where Viber's callback would point (its media URL)."""
        self.media[name] = content
        return f"{self.base_url}/media/{name}"

    async def _media(self, request: web.Request) -> web.Response:
        content = self.media.get(request.match_info["name"])
        if content is None:
            return web.Response(status=404, text="expired")
        return web.Response(body=content, content_type="application/octet-stream")

    # The API

    async def _api(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return _status(3, "badData")
        if not isinstance(body, dict):
            return _status(3, "badData")
        token = request.headers.get("X-Viber-Auth-Token") or body.get("auth_token")
        if not token:
            return _status(2, "missing_auth_token")
        if token != self.auth_token:
            return _status(2, "invalidAuthToken")
        method = request.match_info["method"]
        if method == "set_webhook":
            return await self._set_webhook(body)
        if method == "send_message":
            return await self._send_message(body)
        if method == "get_account_info":
            return web.json_response(
                {
                    "status": 0,
                    "status_message": "ok",
                    "name": "Support",
                    "webhook": self.webhook_url,
                }
            )
        return _status(3, f"unknown method {method}")

    async def _set_webhook(self, body: dict[str, Any]) -> web.Response:
        url = str(body.get("url", ""))
        if not url:
            self.webhook_url = ""
            return _status(0, "ok")
        check = self._callback({"event": "webhook"})
        status, _ = await self._post(url, check.body)
        check.statuses.append(status)
        self.callbacks.append(check)
        if status != 200:
            return _status(1, f"Result[HttpRequest[POST {url}] Failed[HTTP {status}]]")
        self.webhook_url = url
        self.event_types = list(body.get("event_types") or [])
        return web.json_response(
            {
                "status": 0,
                "status_message": "ok",
                "event_types": self.event_types,
                "chat_hostname": HOSTNAME,
            }
        )

    async def _send_message(self, body: dict[str, Any]) -> web.Response:
        self.send_calls += 1
        if self.forced_status:
            code = self.forced_status.pop(0)
            return _status(code, {12: "Too many requests", 6: "notSubscribed"}.get(code, "error"))
        receiver = str(body.get("receiver", ""))
        sender = body.get("sender") or {}
        if not receiver or not isinstance(sender, dict) or not sender.get("name"):
            return _status(4, "missingData")
        if len(sender["name"]) > 28:
            return _status(3, "badData: sender.name")
        kind = body.get("type")
        if kind == "text" and not str(body.get("text") or "").strip():
            return _status(3, "badData: text")
        if kind not in ("text", "picture", "file"):
            return _status(3, f"badData: type {kind}")
        if kind == "picture" and len(str(body.get("text", ""))) > PICTURE_TEXT_LIMIT:
            return _status(3, "badData: text")
        if kind == "file" and not (body.get("file_name") and isinstance(body.get("size"), int)):
            return _status(3, "badData: file_name and size are required")
        user = self.users.get(receiver)
        if user is None:
            return _status(5, "receiverNotRegistered")
        if not user.subscribed:
            self.refused.append((receiver, str(body.get("text", ""))))
            return _status(6, "notSubscribed")
        content = b""
        if kind != "text":
            # Viber takes the file from the URL, which must be public (here: reachable).
            fetched = await self._fetch(str(body.get("media") or ""))
            if fetched is None:
                return _status(3, "badData: media could not be downloaded")
            if kind == "picture" and not fetched.startswith(PICTURE_MAGIC):
                return _status(3, "badData: picture must be JPEG or PNG")
            content = fetched
        self._show(user, body, content=content)
        token = next(self._tokens)
        if "delivered" in self.event_types:
            self._enqueue({"event": "delivered", "user_id": receiver, "message_token": token})
        return web.json_response(
            {"status": 0, "status_message": "ok", "message_token": token, "chat_hostname": HOSTNAME}
        )

    async def _fetch(self, url: str) -> bytes | None:
        if not url.startswith(("http://", "https://")):
            return None
        try:
            async with aiohttp.ClientSession() as http, http.get(url) as resp:
                return await resp.read() if resp.status == 200 else None
        except aiohttp.ClientError:
            return None

    def _show(
        self, user: ViberUser, body: dict[str, Any], inline: bool = False, content: bytes = b""
    ) -> None:
        tracking = str(body.get("tracking_data") or "")
        user.tracking_data = tracking
        self.sent.setdefault(user.id, []).append(
            ShownMessage(
                str(body.get("text", "")),
                dict(body.get("sender") or {}),
                body.get("keyboard"),
                tracking,
                inline,
                str(body.get("type") or "text"),
                str(body.get("file_name") or ""),
                content,
            )
        )

    # Callbacks

    def _callback(self, event: dict[str, Any]) -> Callback:
        event = {
            "timestamp": int(time.time() * 1000),
            "chat_hostname": HOSTNAME,
            "message_token": next(self._tokens),
            **event,
        }
        return Callback(json.dumps(event).encode(), str(event["event"]))

    def sign(self, body: bytes) -> str:
        return hmac.new(self.auth_token.encode(), body, hashlib.sha256).hexdigest()

    async def _post(self, url: str, body: bytes) -> tuple[int, bytes]:
        assert self._session is not None
        headers = {"X-Viber-Content-Signature": self.sign(body), "Content-Type": "application/json"}
        try:
            async with self._session.post(
                url, data=body, headers=headers, timeout=aiohttp.ClientTimeout(total=10)
            ) as resp:
                return resp.status, await resp.read()
        except (aiohttp.ClientError, TimeoutError):
            return 0, b""

    def _enqueue(self, event: dict[str, Any]) -> Callback:
        callback = self._callback(event)
        self._queue.put_nowait(callback)
        return callback

    async def _push_loop(self) -> None:
        """One callback at a time, in order; each retried until it gets a 200."""
        while True:
            callback = await self._queue.get()
            copies = 1
            if self.redeliver:
                self.redeliver -= 1
                copies = 2
            for _ in range(copies):
                await self._deliver(callback)
            callback.done = True

    async def _deliver(self, callback: Callback) -> None:
        for attempt in range(self.attempts):
            if not self.webhook_url:
                await asyncio.sleep(self.retry_base)
                continue
            status, reply = await self._post(self.webhook_url, callback.body)
            callback.statuses.append(status)
            if status == 200:
                callback.reply = reply
                self._take_inline_reply(callback)
                return
            await asyncio.sleep(min(self.retry_base * 2**attempt, self.retry_cap))

    def _take_inline_reply(self, callback: Callback) -> None:
        """A welcome message may come back in the reply to conversation_started."""
        if callback.event != "conversation_started" or not callback.reply:
            return
        try:
            reply = json.loads(callback.reply)
        except ValueError:
            return
        if isinstance(reply, dict) and reply.get("text"):
            user_id = json.loads(callback.body)["user"]["id"]
            self._show(self.users[user_id], reply, inline=True)

    # The user's side

    def user(self, user_id: str, name: str = "Olena", language: str = "uk") -> ViberUser:
        if user_id not in self.users:
            self.users[user_id] = ViberUser(user_id, name, language)
        return self.users[user_id]

    def _sender(self, user: ViberUser) -> dict[str, Any]:
        return {
            "id": user.id,
            "name": user.name,
            "avatar": "http://avatar.example.com/a.jpg",
            "language": user.language,
            "country": "UA",
            "api_version": 10,
        }

    def open_conversation(self, user_id: str, **who: Any) -> Callback:
        user = self.user(user_id, **who)
        return self._enqueue(
            {
                "event": "conversation_started",
                "type": "open",
                "context": "",
                "user": self._sender(user),
                "subscribed": user.subscribed,
            }
        )

    def _message(self, user: ViberUser, message: dict[str, Any]) -> Callback:
        user.subscribed = True  # writing to the bot subscribes the user
        if user.tracking_data:
            message = {**message, "tracking_data": user.tracking_data}
        return self._enqueue(
            {"event": "message", "sender": self._sender(user), "message": message, "silent": False}
        )

    def send_text(self, user_id: str, text: str, **who: Any) -> Callback:
        user = self.user(user_id, **who)
        user.bubbles.append(text)
        return self._message(user, {"type": "text", "text": text})

    def send_picture(self, user_id: str, url: str, caption: str = "") -> Callback:
        return self._message(
            self.user(user_id),
            {
                "type": "picture",
                "text": caption,
                "media": url,
                "thumbnail": url,
                "file_name": "photo.jpg",
                "size": 2048,
            },
        )

    def send_file(self, user_id: str, url: str, file_name: str, size: int) -> Callback:
        return self._message(
            self.user(user_id), {"type": "file", "media": url, "file_name": file_name, "size": size}
        )

    def press(self, user_id: str, label: str, keyboard: int | None = None) -> Callback:
        """Tap a button of the keyboard currently shown (the last message's); with
        `keyboard`, of the keyboards this user was shown, that one (0 the first, -2 the one
        before the last), as a second device still showing it or a press Viber delivers
        late would. Viber echoes the last `tracking_data` the bot sent, whichever it is."""
        shown = self.last(user_id)
        if keyboard is not None:
            shown = [m for m in self.sent.get(user_id, []) if m.keyboard][keyboard]
        for button in (shown.keyboard or {}).get("Buttons", []) if shown else []:
            if button.get("Text") == label:
                user = self.users[user_id]
                if not button.get("Silent"):
                    user.bubbles.append(button["ActionBody"])
                return self._message(user, {"type": "text", "text": button["ActionBody"]})
        raise AssertionError(f"no button {label!r} for {user_id}: {self.texts(user_id)}")

    def unsubscribe(self, user_id: str) -> Callback:
        self.users[user_id].subscribed = False
        return self._enqueue({"event": "unsubscribed", "user_id": user_id})

    def texts(self, user_id: str) -> list[str]:
        return [m.text for m in self.sent.get(user_id, []) if m.type == "text"]

    def files(self, user_id: str) -> list[ShownMessage]:
        """The pictures and files the bot sent this user, with the bytes Viber fetched."""
        return [m for m in self.sent.get(user_id, []) if m.type != "text"]

    def last(self, user_id: str) -> ShownMessage | None:
        messages = self.sent.get(user_id, [])
        return messages[-1] if messages else None


def _status(code: int, message: str) -> web.Response:
    return web.json_response({"status": code, "status_message": message, "chat_hostname": HOSTNAME})
