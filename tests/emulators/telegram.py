"""A Telegram Bot API server for tests, written from the documented behaviour.

Speaks `/bot<token>/<method>` with parameters in the query string, url-encoded or
multipart forms (how aiogram sends them: nested values as JSON strings) or a JSON body,
and answers in the `{"ok": ...}` envelope with the HTTP status equal to `error_code`.
getUpdates confirms updates below `offset` and long-polls up to `timeout`; setWebhook
switches to pushing updates one at a time with the secret header, retrying non-2xx
(first retry at once, then doubling) and executing a method returned in a 2xx body.

The "user side" helpers (`send_text`, `press`, `block`...) play the Telegram app.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from emulators.server import LoopbackServer


@dataclass
class SentDocument:
    """A file the bot sent to a chat (sendDocument)."""

    name: str
    content: bytes
    caption: str


CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
}  # fmt: skip
BOT_USER = {"id": 999000111, "is_bot": True, "first_name": "Support", "username": "fl_bot"}
LONG_POLL_MAX = 50


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


@dataclass
class Forced:
    """A failure to return on the next call(s) of a method."""

    method: str
    code: int
    description: str
    retry_after: int | None = None
    times: int = 1
    after: int = 0  # let this many calls succeed first


@dataclass
class SentMessage:
    """A message the bot sent, as the user's app shows it."""

    message_id: int
    chat_id: int
    text: str
    reply_markup: dict[str, Any] | None = None

    @property
    def buttons(self) -> list[str]:
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [b["text"] for row in rows for b in row]


@dataclass
class Webhook:
    url: str
    secret: str
    allowed_updates: list[str] = field(default_factory=list)


class TelegramEmulator:
    """The Bot API plus a simulated user population."""

    def __init__(self, token: str = "123456:TEST-token_abc", *, retry_base: float = 0.05) -> None:
        self.token = token
        self.retry_base = retry_base
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self.server = LoopbackServer(app)
        self.pending: list[dict[str, Any]] = []  # unconfirmed updates, oldest first
        self._update_ids = itertools.count(100000001)
        self._message_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self.sent: dict[int, list[SentMessage]] = {}
        self.chat_actions: dict[int, list[str]] = {}  # sendChatAction calls per chat
        self.documents: dict[int, list[SentDocument]] = {}  # files the bot sent, per chat
        self.upload_seconds = 0.0  # how long a document takes to arrive (a slow uplink)
        # The next `stalled_answers` sendMessage calls are taken (the user sees the text) and
        # answered only after `stall_seconds`: an answer lost on a slow or broken link.
        self.stalled_answers = 0
        self.stall_seconds = 0.0
        self.send_times: list[float] = []  # when each sendMessage succeeded (monotonic)
        self.blocked: set[int] = set()
        self.files: dict[str, tuple[str, bytes]] = {}
        self.callback_ids: set[str] = set()
        self.answered_callbacks: list[str] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.forced: list[Forced] = []
        self.down: str = ""  # "" | "502" | "close"
        self.refused = 0  # requests answered while down
        self.unauthorized: list[str] = []  # methods called with a token not the bot's (401)
        self.webhook: Webhook | None = None
        self.webhook_posts: list[tuple[int, int]] = []  # (update_id, HTTP status)
        self.redeliver: set[int] = set()  # update ids to push once more after a 2xx
        self._pusher: asyncio.Task[None] | None = None
        self._closing = False

    @property
    def base_url(self) -> str:
        return self.server.url

    async def start(self) -> None:
        await self.server.start()

    async def stop(self) -> None:
        async with self._changed:  # parked long polls return at once
            self._closing = True
            self._changed.notify_all()
        if self._pusher is not None:
            self._pusher.cancel()
            await asyncio.gather(self._pusher, return_exceptions=True)
        await self.server.stop()

    # The API

    async def _api(self, request: web.Request) -> web.StreamResponse:
        if self.down:
            self.refused += 1
        if self.down == "502":
            return web.Response(
                status=502, text="<html>502 Bad Gateway</html>", content_type="text/html"
            )
        if self.down == "close":
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=502)
        if request.match_info["token"] != self.token:
            self.unauthorized.append(request.match_info["method"].lower())
            return _error(401, "Unauthorized")
        method = request.match_info["method"].lower()
        params = await _params(request)
        self.calls.append((method, params))
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        try:
            self._raise_forced(method)
            result = await handler(params)
        except ApiError as exc:
            return _error(exc.code, exc.description, exc.retry_after)
        return web.json_response({"ok": True, "result": result})

    def _raise_forced(self, method: str) -> None:
        for forced in self.forced:
            if forced.method.lower() == method and forced.times > 0:
                if forced.after > 0:
                    forced.after -= 1
                    continue
                forced.times -= 1
                raise ApiError(forced.code, forced.description, forced.retry_after)

    async def _m_getme(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _m_getupdates(self, params: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _int(params.get("offset"), 0)
        limit = min(max(_int(params.get("limit"), 100), 1), 100)
        timeout = min(max(_int(params.get("timeout"), 0), 0), LONG_POLL_MAX)
        async with self._changed:
            self._confirm(offset)
            if not self.pending and timeout > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self.pending) or self._closing), timeout
                    )
            return [dict(u) for u in self.pending[:limit]]

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        elif offset < 0:
            self.pending = self.pending[offset:]

    async def _m_setwebhook(self, params: dict[str, Any]) -> Any:
        url = str(params.get("url", ""))
        secret = str(params.get("secret_token", ""))
        if secret and (len(secret) > 256 or not all(c.isalnum() or c in "_-" for c in secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if _bool(params.get("drop_pending_updates")):
            self.pending.clear()
        if not url:
            self.webhook = None
            return True
        if not url.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: invalid webhook URL specified")
        self.webhook = Webhook(url, secret, _json(params.get("allowed_updates")) or [])
        if self._pusher is None or self._pusher.done():
            self._pusher = asyncio.ensure_future(self._push_loop())
        return True

    async def _m_deletewebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        if _bool(params.get("drop_pending_updates")):
            self.pending.clear()
        return True

    async def _m_getwebhookinfo(self, params: dict[str, Any]) -> Any:
        return {
            "url": self.webhook.url if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
        }

    async def _m_sendmessage(self, params: dict[str, Any]) -> Any:
        chat_id = _int(params.get("chat_id"), 0)
        text = str(params.get("text") or "")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        markup = _json(params.get("reply_markup"))
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        message = SentMessage(next(self._message_ids), chat_id, text, markup)
        self.sent.setdefault(chat_id, []).append(message)
        self.send_times.append(time.monotonic())
        result = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            "text": text,
        }
        if markup:
            result["reply_markup"] = markup
        if self.stalled_answers > 0:
            self.stalled_answers -= 1
            await asyncio.sleep(self.stall_seconds)
        return result

    async def _m_senddocument(self, params: dict[str, Any]) -> Any:
        chat_id = _int(params.get("chat_id"), 0)
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        upload = params.get("document")
        if isinstance(upload, str) and upload.startswith("attach://"):
            upload = params.get(upload.removeprefix("attach://"))  # a named multipart part
        if not isinstance(upload, web.FileField):
            raise ApiError(400, "Bad Request: there is no document in the request")
        content = upload.file.read()
        if not content:
            raise ApiError(400, "Bad Request: file must be non-empty")
        await asyncio.sleep(self.upload_seconds)
        name = upload.filename or "document"
        file_id = self._store_file(content, "BQACbot", f"documents/{name}")
        caption = str(params.get("caption") or "")
        self.documents.setdefault(chat_id, []).append(SentDocument(name, content, caption))
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            "document": {"file_id": file_id, "file_unique_id": "bd", "file_name": name,
                         "file_size": len(content)},
            **({"caption": caption} if caption else {}),
        }  # fmt: skip

    async def _m_sendchataction(self, params: dict[str, Any]) -> Any:
        chat_id = _int(params.get("chat_id"), 0)
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if params.get("action") not in CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        self.chat_actions.setdefault(chat_id, []).append(str(params["action"]))
        return True

    async def _m_editmessagereplymarkup(self, params: dict[str, Any]) -> Any:
        """Replace (or, without reply_markup, remove) the inline keyboard of a bot message."""
        chat_id = _int(params.get("chat_id"), 0)
        message_id = _int(params.get("message_id"), 0)
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        found = [m for m in self.sent.get(chat_id, []) if m.message_id == message_id]
        if not found:
            raise ApiError(400, "Bad Request: message to edit not found")
        message = found[0]
        markup = _json(params.get("reply_markup")) or None
        if markup is not None and not markup.get("inline_keyboard"):
            markup = None
        if markup == message.reply_markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message",
            )
        message.reply_markup = markup
        return {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            "text": message.text,
        }

    async def _m_answercallbackquery(self, params: dict[str, Any]) -> Any:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self.callback_ids:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        self.answered_callbacks.append(query_id)
        return True

    async def _m_getfile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id", ""))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(content),
            "file_path": path,
        }

    async def _file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            self.unauthorized.append(request.match_info["method"].lower())
            return _error(401, "Unauthorized")
        for path, content in self.files.values():
            if path == request.match_info["path"]:
                return web.Response(body=content, content_type="application/octet-stream")
        return _error(404, "Not Found")

    # Webhook delivery, as WebhookActor does it

    async def _push_loop(self) -> None:
        failures = 0
        async with aiohttp.ClientSession() as session:
            while True:
                async with self._changed:
                    await self._changed.wait_for(lambda: bool(self.pending and self.webhook))
                    update, hook = self.pending[0], self.webhook
                assert hook is not None
                status, retry_after, body = await self._post(session, hook, update)
                self.webhook_posts.append((update["update_id"], status))
                if 200 <= status < 300:
                    failures = 0
                    if update["update_id"] in self.redeliver:
                        self.redeliver.discard(update["update_id"])  # the ack "got lost"
                        continue
                    async with self._changed:
                        if self.pending and self.pending[0] is update:
                            self.pending.pop(0)
                    await self._run_reply_method(body)
                    continue
                failures += 1
                delay = 0.0 if failures == 1 else self.retry_base * 2 ** (failures - 2)
                if retry_after is not None:
                    delay = retry_after
                await asyncio.sleep(min(delay, 2.0))

    async def _post(
        self, session: aiohttp.ClientSession, hook: Webhook, update: dict[str, Any]
    ) -> tuple[int, float | None, bytes]:
        headers = {"Content-Type": "application/json"}
        if hook.secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret
        try:
            async with session.post(
                hook.url,
                data=json.dumps(update),
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=10),
            ) as resp:
                body = await resp.read()
                retry = resp.headers.get("Retry-After")
                return resp.status, float(retry) if retry else None, body
        except (aiohttp.ClientError, TimeoutError):
            return 0, None, b""

    async def _run_reply_method(self, body: bytes) -> None:
        try:
            reply = json.loads(body) if body else None
        except ValueError:
            return
        if not isinstance(reply, dict) or "method" not in reply:
            return
        method = str(reply["method"]).lower()
        if method.startswith("get") or method in ("setwebhook", "deletewebhook", "close", "logout"):
            return
        handler = getattr(self, f"_m_{method}", None)
        if handler is not None:
            self.calls.append((method, reply))
            # The bot cannot learn the result of a webhook reply.
            with contextlib.suppress(ApiError):
                await handler(reply)

    # The user's side

    async def add_update(self, body: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        async with self._changed:
            self.pending.append({"update_id": update_id, **body})
            self._changed.notify_all()
        return update_id

    @staticmethod
    def user(chat_id: int, name: str = "Ivan", language: str = "ru") -> dict[str, Any]:
        return {
            "id": chat_id,
            "is_bot": False,
            "first_name": name,
            "username": name.lower(),
            "language_code": language,
        }

    def _message(self, chat_id: int, user: dict[str, Any] | None, **content: Any) -> dict[str, Any]:
        user = user or self.user(chat_id)
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "from": user,
            "chat": {"id": chat_id, "type": "private", "first_name": user["first_name"]},
            **content,
        }

    async def send_text(self, chat_id: int, text: str, user: dict[str, Any] | None = None) -> int:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self.add_update({"message": self._message(chat_id, user, **content)})

    def _store_file(self, content: bytes, prefix: str, path: str) -> str:
        file_id = f"{prefix}{len(self.files) + 1:04d}AAQ"
        self.files[file_id] = (path, content)
        return file_id

    async def send_photo(self, chat_id: int, content: bytes, caption: str = "") -> int:
        small = self._store_file(content[:10], "AgACthumb", f"photos/t{len(self.files)}.jpg")
        big = self._store_file(content, "AgACbig", f"photos/file_{len(self.files)}.jpg")
        sizes = [
            {"file_id": small, "file_unique_id": "s", "width": 90, "height": 67, "file_size": 10},
            {
                "file_id": big,
                "file_unique_id": "b",
                "width": 1280,
                "height": 960,
                "file_size": len(content),
            },
        ]
        extra = {"caption": caption} if caption else {}
        return await self.add_update(
            {"message": self._message(chat_id, None, photo=sizes, **extra)}
        )

    async def send_album(self, chat_id: int, contents: list[bytes], caption: str = "") -> list[int]:
        """Photos sent together, as the app sends them: one message each, sharing a
        `media_group_id`, the caption on the first."""
        group = f"1{next(self._message_ids):08d}"
        sent = []
        for n, content in enumerate(contents):
            big = self._store_file(content, "AgACbig", f"photos/file_{len(self.files)}.jpg")
            size = {"file_id": big, "file_unique_id": "b", "width": 1280, "height": 960,
                    "file_size": len(content)}  # fmt: skip
            extra = {"caption": caption} if caption and n == 0 else {}
            message = self._message(chat_id, None, photo=[size], media_group_id=group, **extra)
            sent.append(await self.add_update({"message": message}))
        return sent

    async def send_document(
        self, chat_id: int, content: bytes, file_name: str, mime_type: str, caption: str = ""
    ) -> int:
        file_id = self._store_file(content, "BQACdoc", f"documents/{file_name}")
        document = {
            "file_id": file_id,
            "file_unique_id": "d",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(content),
        }
        extra = {"caption": caption} if caption else {}
        return await self.add_update(
            {"message": self._message(chat_id, None, document=document, **extra)}
        )

    async def edit_text(self, chat_id: int, message_id: int, text: str) -> int:
        message = self._message(chat_id, None, text=text)
        message["message_id"] = message_id
        message["edit_date"] = int(time.time())
        return await self.add_update({"edited_message": message})

    async def press(
        self,
        chat_id: int,
        label: str,
        user: dict[str, Any] | None = None,
        *,
        as_shown: SentMessage | None = None,
    ) -> int:
        """Press the button labelled `label` on the newest bot message that has it.

        `as_shown` presses on a copy of a message as the app displayed it earlier (a tap
        that raced the keyboard's removal, or an app that had not refreshed yet).
        """
        candidates = [as_shown] if as_shown else reversed(self.sent.get(chat_id, []))
        for message in candidates:
            for row in (message.reply_markup or {}).get("inline_keyboard", []):
                for button in row:
                    if button["text"] == label:
                        query_id = f"cbq{len(self.callback_ids) + 1}x{chat_id}"
                        self.callback_ids.add(query_id)
                        shown = {
                            "message_id": message.message_id,
                            "date": int(time.time()),
                            "from": BOT_USER,
                            "chat": {"id": chat_id, "type": "private"},
                            "text": message.text,
                            "reply_markup": message.reply_markup,
                        }
                        return await self.add_update(
                            {
                                "callback_query": {
                                    "id": query_id,
                                    "from": user or self.user(chat_id),
                                    "chat_instance": f"-{chat_id}77",
                                    "message": shown,
                                    "data": button["callback_data"],
                                }
                            }
                        )
        raise AssertionError(f"no button {label!r} in chat {chat_id}: {self.texts(chat_id)}")

    async def block(self, chat_id: int) -> int:
        """The user blocks the bot: sends fail with 403 and a my_chat_member update comes."""
        self.blocked.add(chat_id)
        user = self.user(chat_id)
        return await self.add_update(
            {
                "my_chat_member": {
                    "chat": {"id": chat_id, "type": "private", "first_name": user["first_name"]},
                    "from": user,
                    "date": int(time.time()),
                    "old_chat_member": {"status": "member", "user": BOT_USER},
                    "new_chat_member": {"status": "kicked", "user": BOT_USER, "until_date": 0},
                }
            }
        )

    def texts(self, chat_id: int) -> list[str]:
        return [m.text for m in self.sent.get(chat_id, [])]

    def last(self, chat_id: int) -> SentMessage | None:
        messages = self.sent.get(chat_id, [])
        return messages[-1] if messages else None

    def fail_next(
        self,
        method: str,
        code: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
        after: int = 0,
    ) -> None:
        """Answer the next call(s) of `method` (after `after` successes) with this error."""
        self.forced.append(Forced(method, code, description, retry_after, times, after))


def _error(code: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=code)


async def _params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        else:
            form = await request.post()
            params.update(dict(form.items()))  # uploads (sendDocument) arrive as FileField
    return params


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _bool(value: Any) -> bool:
    return value is True or value in ("true", "True", "1")
