"""Meta's Graph API and webhook delivery for tests, written from the documentation.

Graph API (`/<version>/...`, bearer token in `Authorization` or `?access_token=`):
- `POST /{phone-number-id}/messages`: WhatsApp Cloud API sends (text, interactive reply
  buttons and lists, templates), validated against the documented limits; answers
  `{"messaging_product", "contacts", "messages": [{"id": "wamid…"}]}` and later posts
  `statuses` (sent, delivered) to the webhook. Free-form messages outside the user's
  24-hour window are accepted and then fail with status `failed`, error 131047, as the
  Cloud API does.
- `POST /{page-id|ig-id|me}/messages`: the Messenger Send API (also Instagram): text and
  quick replies, RESPONSE inside 24 h, MESSAGE_TAG + HUMAN_AGENT up to 7 days, otherwise
  error 10 / subcode 2018278.
- `GET /{media-id}` and the media URL it returns: a user's file, token required.
- Errors: `{"error": {"message", "type", "code", "error_subcode", "error_data",
  "fbtrace_id"}}` with a non-2xx status (190 → 401, 1/2 → 500, others 400).

Webhooks: `subscribe()` runs the GET handshake (hub.mode, hub.verify_token,
hub.challenge); each POST is signed `X-Hub-Signature-256: sha256=hex(HMAC-SHA256(app
secret, raw body))`, delivered in order and retried with backoff until it gets a 200.
The user-side helpers play the WhatsApp and Messenger apps.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from emulators.server import CallingBackEmulator

WABA_ID = "102290129340398"
DISPLAY_NUMBER = "15550984277"
WINDOW = 24 * 3600
HUMAN_AGENT_WINDOW = 7 * 24 * 3600
THROTTLE_CODES = frozenset({4, 80007, 130429, 131056})
TEMPLATE_PARAMETER_BAD = ("\n", "\t", "     ")


@dataclass
class Shown:
    """A message the business sent, as the user's app shows it."""

    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (label, payload)
    kind: str = "text"  # text | buttons | list | template | quick_replies
    message_id: str = ""
    tag: str = ""
    body: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        return [label for label, _ in self.buttons]


@dataclass
class Delivery:
    product: str
    body: bytes
    statuses: list[int] = field(default_factory=list)
    done: bool = False


@dataclass
class Template:
    """An approved template: its body with {{1}}... and its quick-reply button labels."""

    body: str
    buttons: list[str] = field(default_factory=list)

    @property
    def parameters(self) -> int:
        return sum(f"{{{{{i}}}}}" in self.body for i in range(1, 10))


class MetaEmulator(CallingBackEmulator):
    """Graph API + webhook delivery for WhatsApp, Messenger and Instagram."""

    def __init__(
        self,
        *,
        app_secret: str,
        verify_token: str,
        tokens: dict[str, str],  # product -> access token
        phone_number_id: str = "114896151713920",
        page_id: str = "104060809205587",
        ig_id: str = "17841405309211844",
        version: str = "v21.0",
        retry_base: float = 0.05,
        attempts: int = 6,
    ) -> None:
        self.app_secret = app_secret
        self.verify_token = verify_token
        self.tokens = tokens
        self.phone_number_id = phone_number_id
        self.page_id = page_id
        self.ig_id = ig_id
        self.version = version
        self.retry_base = retry_base
        self.retry_cap = 3600.0  # longest wait between two attempts
        self.attempts = attempts
        self.clock: Callable[[], float] = time.time
        self.templates: dict[tuple[str, str], Template] = {}
        self.webhooks: dict[str, str] = {}  # product -> callback URL
        self.shown: dict[tuple[str, str], list[Shown]] = {}
        self.last_user_at: dict[tuple[str, str], float] = {}
        self.gone: set[tuple[str, str]] = set()  # users who blocked the business
        self.media: dict[str, bytes] = {}
        # Users' profiles by page-scoped id (the user-profile call), and the calls made.
        self.profiles: dict[str, dict[str, str]] = {}
        self.profile_calls: list[str] = []
        self.profile_delay = 0.0  # seconds before a profile is answered (a Graph that hangs)
        self.forced: list[tuple[str, int, int, int]] = []  # product, code, subcode, http
        self.forced_retry_after = ""  # a Retry-After header on the forced errors, if set
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.deliveries: list[Delivery] = []
        self.redeliver = 0
        # The next `stalled_answers` sends are taken (the user sees them) and answered only
        # after `stall_seconds`: an answer lost on a slow or broken link.
        self.stalled_answers = 0
        self.stall_seconds = 0.0
        self.answered_before_stall = 0  # sends answered at once before the stalled ones
        self.send_statuses = True
        self._ids = itertools.count(1)
        self._queue: asyncio.Queue[Delivery] = asyncio.Queue()
        app = web.Application()
        app.router.add_post("/{version}/{node}/messages", self._send)
        app.router.add_get("/media-bytes/{media_id}", self._media_bytes)
        app.router.add_get("/{version}/{media_id}", self._media_info)
        super().__init__(app)

    # Graph API

    def _product_of(self, request: web.Request) -> str | web.Response:
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else ""
        token = token or request.query.get("access_token", "")
        for product, expected in self.tokens.items():
            if token and secrets.compare_digest(token, expected):
                return product
        return error(190, "Invalid OAuth access token - Cannot parse access token")

    async def _send(self, request: web.Request) -> web.Response:
        product = self._product_of(request)
        if isinstance(product, web.Response):
            return product
        if request.match_info["version"] != self.version:
            return error(2635, f"Unknown API version {request.match_info['version']}")
        try:
            body = await request.json()
        except ValueError:
            return error(100, "Invalid parameter: the body is not JSON")
        if not isinstance(body, dict):
            return error(100, "Invalid parameter")
        self.calls.append((product, body))
        if self.forced and self.forced[0][0] == product:
            _, code, subcode, status = self.forced.pop(0)
            refused = error(code, "forced error", subcode=subcode, status=status)
            if self.forced_retry_after:
                refused.headers["Retry-After"] = self.forced_retry_after
            return refused
        answer = self._taken(product, request.match_info["node"], body)
        if self.answered_before_stall > 0 and answer.status == 200:
            self.answered_before_stall -= 1
        elif self.stalled_answers > 0 and answer.status == 200:
            self.stalled_answers -= 1
            await asyncio.sleep(self.stall_seconds)
        return answer

    def _taken(self, product: str, node: str, body: dict[str, Any]) -> web.Response:
        if product == "whatsapp":
            if node != self.phone_number_id:
                return error(100, "Unsupported post request. Object does not exist", subcode=33)
            return self._whatsapp_send(body)
        expected = self.page_id if product == "messenger" else self.ig_id
        if node not in (expected, "me"):
            return error(100, "Unsupported post request. Object does not exist", subcode=33)
        return self._messenger_send(product, body)

    def _whatsapp_send(self, body: dict[str, Any]) -> web.Response:
        to = str(body.get("to", ""))
        if body.get("messaging_product") != "whatsapp" or not to.isdigit():
            return error(100, "Invalid parameter", details="messaging_product and to required")
        kind = body.get("type")
        content = body.get(kind) if isinstance(kind, str) else None
        if not isinstance(content, dict):
            return error(100, "Invalid parameter", details=f"{kind} object required")
        try:
            shown = self._render_whatsapp(str(kind), content)
        except ValueError as exc:
            return error(exc.args[1] if len(exc.args) > 1 else 100, str(exc.args[0]))
        user = ("whatsapp", to)
        wamid = f"wamid.HBgL{next(self._ids):012d}"
        shown.message_id, shown.body = wamid, body
        response = web.json_response(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, "wa_id": to}],
                "messages": [{"id": wamid}],
            }
        )
        if user in self.gone:
            self.status(to, wamid, "failed", 131026, "Message undeliverable")
            return response
        outside = self.clock() - self.last_user_at.get(user, 0) >= WINDOW
        if outside and kind != "template":
            self.status(to, wamid, "failed", 131047, "Re-engagement message")
            return response
        self.shown.setdefault(user, []).append(shown)
        if self.send_statuses:
            self.status(to, wamid, "sent")
            self.status(to, wamid, "delivered")
        return response

    def _render_whatsapp(self, kind: str, content: dict[str, Any]) -> Shown:
        if kind == "text":
            text = str(content.get("body", ""))
            if not text.strip() or len(text) > 4096:
                raise ValueError("Invalid parameter: text.body must be 1-4096 characters", 100)
            return Shown(text)
        if kind == "interactive":
            return _interactive(content)
        if kind == "template":
            return self._render_template(content)
        raise ValueError(f"Invalid parameter: unsupported type {kind}", 100)

    def _render_template(self, content: dict[str, Any]) -> Shown:
        name = str(content.get("name", ""))
        language = str((content.get("language") or {}).get("code", ""))
        template = self.templates.get((name, language))
        if template is None:
            raise ValueError(f"Template name does not exist in the translation ({name})", 132001)
        params: list[str] = []
        payloads: dict[int, str] = {}
        for component in content.get("components") or []:
            if component.get("type") == "body":
                params += [str(p.get("text", "")) for p in component.get("parameters", [])]
            elif component.get("type") == "button":
                payload = component["parameters"][0]["payload"]
                payloads[int(component["index"])] = str(payload)
        if len(params) != template.parameters:
            raise ValueError("Number of parameters does not match the expected number", 132000)
        if any(bad in p for p in params for bad in TEMPLATE_PARAMETER_BAD):
            raise ValueError("Param text cannot have new-line/tab characters or 4+ spaces", 132018)
        text = template.body
        for i, value in enumerate(params, 1):
            text = text.replace(f"{{{{{i}}}}}", value)
        buttons = [(label, payloads.get(i, label)) for i, label in enumerate(template.buttons)]
        return Shown(text, buttons, "template")

    def _messenger_send(self, product: str, body: dict[str, Any]) -> web.Response:
        psid = str((body.get("recipient") or {}).get("id", ""))
        message = body.get("message")
        if not psid or not isinstance(message, dict):
            return error(100, "The parameter recipient is required")
        user = (product, psid)
        if user in self.gone:
            return error(551, "This person isn't available right now.", subcode=1545041)
        if psid not in {p for (prod, p) in self.last_user_at if prod == product}:
            return error(100, "No matching user found", subcode=2018001)
        text = str(message.get("text", ""))
        if not text or len(text) > (2000 if product == "messenger" else 1000):
            return error(100, "Invalid parameter: message text is empty or too long")
        replies = message.get("quick_replies") or []
        if len(replies) > 13 or any(len(r.get("title", "")) > 20 for r in replies):
            return error(100, "Invalid parameter: at most 13 quick replies of 20 characters")
        silent = self.clock() - self.last_user_at[user]
        kind, tag = body.get("messaging_type"), body.get("tag", "")
        if kind == "MESSAGE_TAG" and tag == "HUMAN_AGENT":
            allowed = silent < HUMAN_AGENT_WINDOW
        else:
            allowed = kind == "RESPONSE" and silent < WINDOW
        if not allowed:
            return error(10, "This message is sent outside of allowed window.", subcode=2018278)
        mid = f"m_{secrets.token_hex(12)}"
        buttons = [(str(r["title"]), str(r["payload"])) for r in replies]
        shown = Shown(text, buttons, "quick_replies" if buttons else "text", mid, str(tag), body)
        self.shown.setdefault(user, []).append(shown)
        return web.json_response({"recipient_id": psid, "message_id": mid})

    async def _media_info(self, request: web.Request) -> web.Response:
        product = self._product_of(request)
        if isinstance(product, web.Response):
            return product
        media_id = request.match_info["media_id"]
        if media_id in self.profiles:
            self.profile_calls.append(media_id)
            await asyncio.sleep(self.profile_delay)
            return self._profile(media_id, request.query.get("fields", ""))
        if media_id not in self.media:
            return error(100, "Unsupported get request. Object does not exist", subcode=33)
        data = self.media[media_id]
        return web.json_response(
            {
                "messaging_product": "whatsapp",
                "url": f"{self.base_url}/media-bytes/{media_id}",
                "mime_type": "image/jpeg",
                "sha256": hashlib.sha256(data).hexdigest(),
                "file_size": len(data),
                "id": media_id,
            }
        )

    def _profile(self, user_id: str, fields: str) -> web.Response:
        """`GET /<PSID or IGSID>?fields=...`: only the fields asked for, and the id."""
        profile = self.profiles[user_id]
        asked = [f for f in fields.split(",") if f]
        return web.json_response({"id": user_id, **{f: profile[f] for f in asked if f in profile}})

    async def _media_bytes(self, request: web.Request) -> web.StreamResponse:
        product = self._product_of(request)
        if isinstance(product, web.Response):
            return product
        return web.Response(body=self.media.get(request.match_info["media_id"], b""))

    # Webhooks

    def sign(self, body: bytes) -> str:
        return "sha256=" + hmac.new(self.app_secret.encode(), body, hashlib.sha256).hexdigest()

    async def subscribe(self, product: str, url: str, verify_token: str | None = None) -> bool:
        """The dashboard's "Verify and save": the GET handshake; True if the challenge came back."""
        assert self._session is not None
        challenge = str(secrets.randbelow(10**10))
        query = {
            "hub.mode": "subscribe",
            "hub.challenge": challenge,
            "hub.verify_token": self.verify_token if verify_token is None else verify_token,
        }
        async with self._session.get(url, params=query) as resp:
            ok = resp.status == 200 and await resp.text() == challenge
        if ok:
            self.webhooks[product] = url
        return ok

    def post(self, product: str, payload: dict[str, Any]) -> Delivery:
        """Queue one webhook POST (delivered in order, retried until it gets a 200)."""
        delivery = Delivery(product, json.dumps(payload).encode())  # ASCII-escaped, as Meta
        self.deliveries.append(delivery)
        self._queue.put_nowait(delivery)
        return delivery

    async def _push_loop(self) -> None:
        while True:
            delivery = await self._queue.get()
            copies = 1
            if self.redeliver:
                self.redeliver -= 1
                copies = 2
            for _ in range(copies):
                await self._deliver(delivery)
            delivery.done = True

    async def _deliver(self, delivery: Delivery) -> None:
        assert self._session is not None
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": ""}
        headers["X-Hub-Signature-256"] = self.sign(delivery.body)
        for attempt in range(self.attempts):
            url = self.webhooks.get(delivery.product)
            if url:
                try:
                    async with self._session.post(url, data=delivery.body, headers=headers) as r:
                        delivery.statuses.append(r.status)
                        if r.status == 200:
                            return
                except aiohttp.ClientError:
                    delivery.statuses.append(0)
            await asyncio.sleep(min(self.retry_base * 2**attempt, self.retry_cap))

    # The WhatsApp user's side

    def wa_message(self, wa_id: str, kind: str, content: dict[str, Any], **extra: Any) -> dict:
        """One entry of `value.messages`; the user's 24-hour window starts now."""
        now = self.clock()
        self.last_user_at[("whatsapp", wa_id)] = now
        self.gone.discard(("whatsapp", wa_id))
        return {
            "from": wa_id,
            "id": f"wamid.{secrets.token_hex(16).upper()}",
            "timestamp": str(int(now)),
            "type": kind,
            kind: content,
            **extra,
        }

    def wa_payload(
        self, changes: list[dict[str, Any]], names: dict[str, str] | None = None
    ) -> dict:
        """A webhook body; `changes` are `value` dicts (messages or statuses) of one entry."""
        values = []
        for value in changes:
            senders = {
                m["from"] for m in value.get("messages", []) if isinstance(m.get("from"), str)
            }
            values.append(
                {
                    "field": "messages",
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": DISPLAY_NUMBER,
                            "phone_number_id": self.phone_number_id,
                        },
                        **(
                            {
                                "contacts": [
                                    {"profile": {"name": (names or {}).get(s, "Ivan")}, "wa_id": s}
                                    for s in sorted(senders)
                                ]
                            }
                            if senders
                            else {}
                        ),
                        **value,
                    },
                }
            )
        return {
            "object": "whatsapp_business_account",
            "entry": [{"id": WABA_ID, "changes": values}],
        }

    def wa_send(self, wa_id: str, kind: str, content: dict[str, Any], **extra: Any) -> Delivery:
        message = self.wa_message(wa_id, kind, content, **extra)
        return self.post("whatsapp", self.wa_payload([{"messages": [message]}]))

    def wa_text(self, wa_id: str, text: str) -> Delivery:
        return self.wa_send(wa_id, "text", {"body": text})

    def wa_press(self, wa_id: str, label: str) -> Delivery:
        """Tap a reply button, a list row or a template's quick reply on the last message."""
        shown = self.last("whatsapp", wa_id)
        assert shown is not None, f"nothing shown to {wa_id}"
        for title, payload in shown.buttons:
            if title == label:
                context = {"from": DISPLAY_NUMBER, "id": shown.message_id}
                if shown.kind == "template":
                    content = {"text": title, "payload": payload}
                    return self.wa_send(wa_id, "button", content, context=context)
                reply = "button_reply" if shown.kind == "buttons" else "list_reply"
                content = {"type": reply, reply: {"id": payload, "title": title}}
                return self.wa_send(wa_id, "interactive", content, context=context)
        raise AssertionError(f"no button {label!r} on {shown.text!r}: {shown.labels}")

    def status(
        self, wa_id: str, wamid: str, status: str, code: int = 0, title: str = ""
    ) -> Delivery:
        entry: dict[str, Any] = {
            "id": wamid,
            "status": status,
            "timestamp": str(int(self.clock())),
            "recipient_id": wa_id,
        }
        if code:
            entry["errors"] = [
                {
                    "code": code,
                    "title": title,
                    "message": title,
                    "error_data": {"details": title},
                }
            ]
        return self.post("whatsapp", self.wa_payload([{"statuses": [entry]}]))

    # The Messenger / Instagram user's side

    def ms_event(self, product: str, psid: str, event: dict[str, Any]) -> Delivery:
        now = self.clock()
        if "message" in event and not event["message"].get("is_echo"):
            self.last_user_at[(product, psid)] = now
        owner = self.page_id if product == "messenger" else self.ig_id
        stamp = int(now * 1000)
        return self.post(
            product,
            {
                "object": "page" if product == "messenger" else "instagram",
                "entry": [
                    {
                        "id": owner,
                        "time": stamp,
                        "messaging": [
                            {
                                "sender": {"id": psid},
                                "recipient": {"id": owner},
                                "timestamp": stamp,
                                **event,
                            }
                        ],
                    }
                ],
            },
        )

    def ms_text(self, product: str, psid: str, text: str) -> Delivery:
        mid = f"m_{secrets.token_hex(16)}"
        return self.ms_event(product, psid, {"message": {"mid": mid, "text": text}})

    def ms_press(self, product: str, psid: str, label: str) -> Delivery:
        shown = self.last(product, psid)
        assert shown is not None, f"nothing shown to {psid}"
        for title, payload in shown.buttons:
            if title == label:
                mid = f"m_{secrets.token_hex(16)}"
                message = {"mid": mid, "text": title, "quick_reply": {"payload": payload}}
                return self.ms_event(product, psid, {"message": message})
        raise AssertionError(f"no quick reply {label!r} on {shown.text!r}: {shown.labels}")

    # What users see

    def texts(self, product: str, user: str) -> list[str]:
        return [m.text for m in self.shown.get((product, user), [])]

    def last(self, product: str, user: str) -> Shown | None:
        messages = self.shown.get((product, user), [])
        return messages[-1] if messages else None


def _interactive(content: dict[str, Any]) -> Shown:
    kind = content.get("type")
    body = str((content.get("body") or {}).get("text", ""))
    if not body or len(body) > 1024:
        raise ValueError("Invalid parameter: interactive body.text must be 1-1024 characters", 100)
    action = content.get("action") or {}
    if kind == "button":
        buttons = action.get("buttons") or []
        if not 1 <= len(buttons) <= 3:
            raise ValueError("Invalid parameter: 1 to 3 reply buttons", 131009)
        pairs = [(str(b["reply"]["title"]), str(b["reply"]["id"])) for b in buttons]
        if any(len(title) > 20 or not title for title, _ in pairs):
            raise ValueError("Invalid parameter: button titles are 1-20 characters", 131009)
        return Shown(body, pairs, "buttons")
    if kind == "list":
        rows = [r for s in action.get("sections") or [] for r in s.get("rows") or []]
        if not 1 <= len(rows) <= 10 or len(str(action.get("button", ""))) > 20:
            raise ValueError("Invalid parameter: 1 to 10 rows, a button of 20 characters", 131009)
        for row in rows:
            if len(row.get("title", "")) > 24 or len(row.get("description", "")) > 72:
                raise ValueError("Invalid parameter: row title 24, description 72", 131009)
        return Shown(body, [(str(r["title"]), str(r["id"])) for r in rows], "list")
    raise ValueError(f"Invalid parameter: interactive type {kind}", 100)


def error(
    code: int, message: str, *, subcode: int = 0, status: int = 0, details: str = ""
) -> web.Response:
    """A Graph API error response in the documented shape."""
    if not status:
        status = 401 if code == 190 else 500 if code in (1, 2) else 400
    err: dict[str, Any] = {
        "message": f"({'#'}{code}) {message}",
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": secrets.token_urlsafe(9),
    }
    if subcode:
        err["error_subcode"] = subcode
    if details:
        err["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return web.json_response({"error": err}, status=status)
