"""Viber through its REST bot API: signed webhook callbacks in, `send_message` out.

Every callback's signature (hex HMAC-SHA256 of the raw body, keyed by the auth token) is
checked before anything else; a message is stored durably before we answer 200, and a
callback Viber retries carries the same `message_token`, which the store dedupes on.

Buttons become a Viber keyboard (`ActionType: reply`, `Silent`: Viber would otherwise show
the ActionBody, our payload, as the user's message). A press comes back as an ordinary
text message whose text is the button's ActionBody, so each keyboard message also
carries the button map in `tracking_data`, which Viber echoes with the user's reply:
that is how a press is told apart from typing. A client that echoes no `tracking_data`
(a second device, an old app) still sends the ActionBody: the last keyboard sent to each
user is kept, and a bare ActionBody of it is read as that press, never as typed text.
Each keyboard's ActionBodies carry its own signed serial (`yes|kb:3fa9c1e20b`): a press of
a keyboard no longer shown (a second device still showing it, a press delivered late) is
told apart from today's "yes" and comes in as an earlier keyboard's press (`earlier:yes`), which
answers nothing, not as the user typing "yes"; the same text typed by hand carries no
signature of ours and is what the user typed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from gateway.channel_health import ChannelHealth
from gateway.config import ConfigError, Settings
from gateway.connectors.backoff import Backoff, Progress, serve_forever
from gateway.connectors.base import (
    ChannelRefused,
    DeliveryError,
    OnMessage,
    RecipientBlocked,
    split_text,
)
from gateway.connectors.sent_parts import SentParts, reply_key
from gateway.connectors.unanswered import send_failure
from gateway.connectors.viber_api import (
    SIGNATURE_HEADER,
    ViberApiError,
    ViberClient,
    ViberStatus,
    signature,
)
from gateway.file_links import FileLinks
from gateway.models import (
    ANSWERED_INLINE,
    REOPENED,
    Attachment,
    Button,
    InboundMessage,
    OutboundMessage,
)
from gateway.store import Store
from gateway.untrusted import (
    UntrustedInput,
    check_value,
    coordinate,
    count,
    ident,
    obj,
    parse_json,
    sent_at,
    text,
)

log = logging.getLogger(__name__)

CHANNEL = "viber"
WEBHOOK_PATH = "/webhooks/viber"
TEXT_LIMIT = 7000
SENDER_NAME_LIMIT = 28
TRACKING_LIMIT = 4000
EVENT_TYPES = ["delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started"]
# The callbacks read; any other (a receipt, "webhook", a type Viber adds later) is
# acknowledged and ignored.
READ_EVENTS = frozenset({"message", "conversation_started", "subscribed", "unsubscribed"})
NOT_YET_SUBSCRIBED_TTL = 7 * 24 * 3600
RECONNECT_BACKOFF = Backoff(base=1.0, cap=60.0)
SHORT_LABEL_CHARS = 4
MAX_MEDIA_BYTES = 50 * 1024 * 1024  # Viber's own limit for a file
PICTURE_TYPES = frozenset({"image/jpeg", "image/png"})  # others go as `file`
FILE_NAME_LIMIT = 256
KEYBOARD_TTL = 14 * 24 * 3600  # a rating keyboard may be pressed days later
# A button's ActionBody: its payload and the serial of the keyboard it was sent on, six
# random hex digits and four that sign them (keyed by the auth token): a press of an earlier
# keyboard is told from the same text typed by hand ("yes|kb:3fa9c1e20c" typed is the
# user's). Keyboards sent before serials were signed carry the six digits alone and stay on
# screens for `KEYBOARD_TTL`: a press of one is an earlier press too, never today's answer.
_ACTION_BODY = re.compile(r"(.+)\|kb:([0-9a-f]{6})([0-9a-f]{4})?", re.S)
SERIAL_RANDOM_BYTES = 3
EARLIER = "earlier:"  # payload prefix of a press on a keyboard no longer shown: it is stale
BLOCKING_STATUSES = frozenset(
    {ViberStatus.RECEIVER_NOT_REGISTERED, ViberStatus.RECEIVER_NOT_SUBSCRIBED}
)
RETRYABLE_STATUSES = frozenset({ViberStatus.TOO_MANY_REQUESTS, -1})
# Viber refuses the bot itself, whoever the reply is for: its token, or its account
# blocked, gone or suspended. Held until an admin mends it (`gateway.channel_health`).
REFUSED_STATUSES = frozenset(
    {
        ViberStatus.INVALID_AUTH_TOKEN,
        ViberStatus.PUBLIC_ACCOUNT_BLOCKED,
        ViberStatus.PUBLIC_ACCOUNT_NOT_FOUND,
        ViberStatus.PUBLIC_ACCOUNT_SUSPENDED,
    }
)

Welcome = Callable[[str], OutboundMessage | None]


class MalformedCallback(ValueError):
    """The JSON is not a Viber callback we can read."""


class ViberConnector:
    """The Viber channel: verify and store callbacks, send replies."""

    channel = CHANNEL

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        backoff: Backoff | None = None,
        welcome: Welcome | None = None,
        links: FileLinks | None = None,
    ) -> None:
        vb = settings.viber
        if vb.auth_token is None or not vb.auth_token.get_secret_value():
            raise ConfigError("viber.auth_token: required when viber is enabled")
        self.store = store
        self._token = vb.auth_token.get_secret_value()
        self.client = ViberClient(vb.api_base, self._token)
        # The bot's token refused, sending or registering; named by its fingerprint only.
        self.health = ChannelHealth(CHANNEL, credentials=self._token)
        self.bot_name = vb.bot_name[:SENDER_NAME_LIMIT]
        self.bot_avatar = vb.bot_avatar
        self.webhook_url = vb.webhook_url or settings.http.public(WEBHOOK_PATH)
        self.backoff = backoff or RECONNECT_BACKOFF
        self.welcome = welcome if welcome is not None else catalog_welcome()
        self.links = links
        self._on_message: OnMessage | None = None
        self._stopping = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        # reply key -> Viber messages of it already sent: the sender's retry goes on from there
        self.sent_parts = SentParts()

    async def start(self, on_message: OnMessage) -> None:
        """Register the webhook in the background: Viber calls it back during set_webhook,
        so our HTTP server must be listening first, which happens after start() returns."""
        self._on_message = on_message
        self._stopping.clear()
        if not self.webhook_url:
            log.warning("viber: no viber.webhook_url or http.public_url; webhook not registered")
            return
        task = asyncio.ensure_future(
            serve_forever(self._register_webhook, self.backoff, self._stopping, "viber webhook")
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def stop(self) -> None:
        self._stopping.set()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.client.close()

    def routes(self) -> list[web.RouteDef]:
        return [web.post(WEBHOOK_PATH, self.handle_webhook)]

    async def _register_webhook(self, progress: Progress) -> bool:
        try:
            await self.client.set_webhook(self.webhook_url, EVENT_TYPES)
        except ViberApiError as exc:
            if exc.status in REFUSED_STATUSES:
                self.health.refused(_refusal(exc))
            raise
        self.health.accepted()
        log.info("viber webhook registered", extra={"url": self.webhook_url})
        return True

    # Receiving

    async def handle_webhook(self, request: web.Request) -> web.StreamResponse:
        """Signature, parse, durable write, 200. Nothing is stored unless all pass."""
        body = await request.read()
        offered = request.headers.get(SIGNATURE_HEADER, "").encode("utf-8", "replace")
        if not secrets.compare_digest(offered, signature(self._token, body).encode()):
            return web.Response(status=403, text="bad signature")
        if self._on_message is None:
            return web.Response(status=503, text="not started")
        try:
            event = parse_json(body)
            message = inbound_from_callback(event)
        except (UntrustedInput, MalformedCallback) as exc:
            log.warning("malformed viber callback", extra={"error": str(exc)[:200]})
            return web.Response(status=400, text="malformed callback")
        if message is None:
            if event.get("event") == "failed":
                log.warning("viber could not deliver a message", extra=_failure_summary(event))
            return web.Response()
        not_subscribed = message.kind == "start" and message.meta.get("subscribed") != "1"
        welcome = self.welcome(message.language_hint) if not_subscribed and self.welcome else None
        if not_subscribed:
            # Viber lets us message this user only once they subscribe (write to us):
            # replies before that fail with "not subscribed", which must not read as blocked.
            await self.store.channel_put(
                CHANNEL, f"unsubscribed-start:{message.chat_id}", {}, NOT_YET_SUBSCRIBED_TTL
            )
        if message.kind == "message" and _untracked_text(event, message):
            message = await self._keyboard_press(message)
        elif message.payload.startswith(EARLIER) and not self._ours(_typed(event)):
            # shaped like a button's ActionBody but signed by nobody: typed by hand
            message = dataclasses.replace(message, payload="", text=_typed(event))
        if welcome is not None:
            # The greeting goes in this callback's reply; the bot's own must not follow it.
            message = dataclasses.replace(message, meta={**message.meta, ANSWERED_INLINE: "1"})
        await self._on_message(message)  # Redis down: a 503 (middleware), Viber retries
        if welcome is not None:
            # The one message Viber lets us send before the user subscribes: in the reply.
            content = {"type": "text", "text": welcome.text}
            return web.json_response(self._render(welcome, content, True))
        return web.Response()

    async def _keyboard_press(self, message: InboundMessage) -> InboundMessage:
        """A text with no tracking data that is an ActionBody of the user's last keyboard."""
        kept = await self.store.channel_get(CHANNEL, f"keyboard:{message.chat_id}") or {}
        label = kept.get(message.text)
        if not isinstance(label, str):
            return _earlier_press(message) if self._ours(message.text) else message
        payload = _payload_of(message.text)
        return dataclasses.replace(message, payload=payload, text=label or payload)

    # Sending

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        """Send one reply (several Viber messages if long, one more per file); map Viber
        statuses for the sender.

        Viber takes files only from a public URL: each operator's file goes as a `picture`
        or `file` message pointing at a signed, expiring link to that one file. Without
        `http.public_url` there is no such link, and the file's name is written instead.
        """
        linked = [(a, self._link(a)) for a in message.attachments]
        unlinked = [f"📎 {a.name}" for a, url in linked if not url]
        text = "\n".join([message.text, *unlinked]).strip()
        parts = split_text(text, TEXT_LIMIT) if text else []
        contents: list[dict[str, Any]] = [{"type": "text", "text": part} for part in parts]
        contents += [file_message(a, url) for a, url in linked if url]
        # A reply is several Viber messages (a long text's parts, then its files): when one
        # fails and the sender retries, those already shown are not sent again.
        key = reply_key(chat_id, message)
        done = self.sent_parts.confirmed(key)
        try:
            for index, content in enumerate(contents):
                if index < done:
                    continue
                body = self._render(message, content, index == len(contents) - 1)
                body["receiver"] = chat_id
                await self._call_send(chat_id, body)
                if "keyboard" in body:
                    await self._keep_keyboard(chat_id, body["keyboard"])
                if index < len(contents) - 1:
                    self.sent_parts.confirm(key, index + 1)
        finally:
            if self._stopping.is_set():
                await self.client.close()  # senders drain after receiving stopped
        self.sent_parts.finished(key)

    async def _keep_keyboard(self, chat_id: str, keyboard: dict[str, Any]) -> None:
        """The keyboard now shown to this user, for a press that comes back untracked."""
        shown = {b["ActionBody"]: b["Text"] for b in keyboard["Buttons"]}
        await self.store.channel_put(CHANNEL, f"keyboard:{chat_id}", shown, KEYBOARD_TTL)

    def _ours(self, action: str) -> bool:
        """Whether `action` is a button's ActionBody this bot sent (its serial is signed, or
        is of a keyboard sent before serials were)."""
        found = _ACTION_BODY.fullmatch(action)
        if found is None:
            return False
        mac = found.group(3)
        return mac is None or secrets.compare_digest(mac, _serial_mac(self._token, found.group(2)))

    def _link(self, attachment: Attachment) -> str:
        return self.links.url(attachment.file_id) if self.links and attachment.file_id else ""

    async def fetch_file(self, attachment: Attachment) -> bytes:
        """A picture or file a user sent, from the media URL in Viber's callback."""
        if not attachment.url:
            raise DeliveryError("viber gave no media URL for this file", permanent=True)
        try:
            return await self.client.fetch(attachment.url, MAX_MEDIA_BYTES)
        except (ViberApiError, aiohttp.ClientError, TimeoutError) as exc:
            raise DeliveryError(f"viber media: {exc}", permanent=True) from exc

    async def _call_send(self, chat_id: str, body: dict[str, Any]) -> None:
        try:
            await self.client.send_message(body)
        except ViberApiError as exc:
            if exc.status in REFUSED_STATUSES:
                raise ChannelRefused(_refusal(exc)) from exc
            if exc.status in BLOCKING_STATUSES:
                if exc.status == ViberStatus.RECEIVER_NOT_SUBSCRIBED and (
                    await self._never_subscribed(chat_id)
                ):
                    # Only opened the chat: they saw the inline welcome, and nothing else
                    # can reach them until they write. Not a failure anyone can act on.
                    log.info("viber: reply to a user who has not subscribed yet dropped")
                    return
                raise RecipientBlocked(str(exc)) from exc
            if exc.status in RETRYABLE_STATUSES or exc.http_status >= 500:
                raise DeliveryError(str(exc)) from exc
            raise DeliveryError(str(exc), permanent=True) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            # Never left: sent again freely; sent, and no answer: Viber may have delivered it.
            raise send_failure(exc, "viber") from exc

    async def _never_subscribed(self, chat_id: str) -> bool:
        return await self.store.channel_get(CHANNEL, f"unsubscribed-start:{chat_id}") is not None

    def _render(
        self, message: OutboundMessage, content: dict[str, Any], with_keyboard: bool
    ) -> dict[str, Any]:
        name = self.bot_name
        if message.author.startswith("operator:") and message.author_name:
            name = message.author_name[:SENDER_NAME_LIMIT]  # Viber shows a sender per message
        sender: dict[str, str] = {"name": name}
        if self.bot_avatar:
            sender["avatar"] = self.bot_avatar
        body: dict[str, Any] = {
            "min_api_version": 1,
            "sender": sender,
            **content,
        }
        if with_keyboard and message.buttons:
            serial = keyboard_serial(self._token)
            body["keyboard"] = keyboard(message.buttons, serial)
            body["tracking_data"] = tracking_data(message.buttons, serial)
        return body


def file_message(attachment: Attachment, url: str) -> dict[str, Any]:
    """A Viber `picture` (JPEG/PNG, shown in the chat) or `file` message for one file."""
    if attachment.mime_type in PICTURE_TYPES:
        return {"type": "picture", "text": "", "media": url}
    return {"type": "file", "media": url, "size": attachment.size,
            "file_name": attachment.name[:FILE_NAME_LIMIT] or "file"}  # fmt: skip


def catalog_welcome() -> Welcome | None:
    """The greeting from the text catalogs, in the user's language (if the catalogs load)."""
    try:
        from gateway.texts import Texts

        texts = Texts.load()
    except Exception:  # the catalogs are optional for the connector itself
        log.warning("viber: no text catalogs, conversation_started gets no welcome")
        return None

    def welcome(language: str) -> OutboundMessage | None:
        return OutboundMessage(text=texts.get(language.split("-")[0].lower() or None, "greeting"))

    return welcome


def keyboard_serial(auth_token: str) -> str:
    """A new keyboard's serial: random, then signed, so that nobody can type one."""
    random_part = secrets.token_hex(SERIAL_RANDOM_BYTES)
    return random_part + _serial_mac(auth_token, random_part)


def _serial_mac(auth_token: str, random_part: str) -> str:
    mac = hmac.new(auth_token.encode(), f"keyboard:{random_part}".encode(), hashlib.sha256)
    return mac.hexdigest()[:4]


def _typed(event: dict[str, Any]) -> str:
    body = event.get("message")
    said = body.get("text") if isinstance(body, dict) else ""
    return said if isinstance(said, str) else ""


def action_body(payload: str, serial: str) -> str:
    """What a button sends when pressed: its payload, and which keyboard it was on."""
    return f"{payload}|kb:{serial}"


def _payload_of(action: str) -> str:
    found = _ACTION_BODY.fullmatch(action)
    return found.group(1) if found else action


def _earlier_press(message: InboundMessage) -> InboundMessage:
    """A press on a keyboard no longer shown: a stale button, never the user's words."""
    return dataclasses.replace(message, payload=EARLIER + _payload_of(message.text), text="")


def keyboard(buttons: tuple[Button, ...], serial: str) -> dict[str, Any]:
    """A reply keyboard: short labels (ratings, digits) share a row, others get a row each."""
    short = len(buttons) <= 6 and all(len(b.label) <= SHORT_LABEL_CHARS for b in buttons)
    columns = 6 // len(buttons) if short else 6
    return {
        "Type": "keyboard",
        "DefaultHeight": False,
        "Buttons": [
            {
                "Columns": columns,
                "Rows": 1,
                "ActionType": "reply",
                "ActionBody": action_body(b.payload, serial),
                "Text": b.label,
                # Not shown as the user's message: the payload is ours, not their words.
                "Silent": True,
            }
            for b in buttons
        ],
    }


def tracking_data(buttons: tuple[Button, ...], serial: str) -> str:
    """The ActionBody → label map, echoed back by Viber with the user's next message."""
    shown = {action_body(b.payload, serial): b.label for b in buttons}
    data = json.dumps({"buttons": shown}, ensure_ascii=False)
    if len(data) > TRACKING_LIMIT:
        data = json.dumps({"buttons": dict.fromkeys(shown, "")}, ensure_ascii=False)
    return data[:TRACKING_LIMIT]


def inbound_from_callback(event: Any) -> InboundMessage | None:
    """Translate one callback; None for events that only need an acknowledgement.

    Every field read is type-checked, so only well-formed messages reach the store.
    """
    if not isinstance(event, dict) or not isinstance(event.get("event"), str):
        raise MalformedCallback("a callback must be a JSON object with an event name")
    name = event["event"]
    if name not in READ_EVENTS:
        return None  # a receipt, or an event type Viber added later: acknowledge, ignore
    try:
        check_value(event)
        token = ident(event, "message_token", required=True)
        if name == "message":
            return _from_message(token, event)
        if name == "conversation_started":
            user = obj(event, "user", required=True)
            user_id = ident(user, "id", required=True)
            subscribed = event.get("subscribed") is True  # opened again from the chat list
            return InboundMessage(
                channel=CHANNEL,
                chat_id=user_id,
                message_id=token,
                user_id=user_id,
                user_name=text(user, "name"),
                language_hint=text(user, "language"),
                kind="start",
                meta={
                    "subscribed": "1" if subscribed else "0",
                    "context": text(event, "context"),
                    REOPENED: "1" if subscribed else "0",
                },
            )
        if name == "subscribed":
            user = obj(event, "user", required=True)
            return _membership(
                token, ident(user, "id", required=True), "unblocked", text(user, "name")
            )
        if name == "unsubscribed":
            return _membership(token, ident(event, "user_id", required=True), "blocked", "")
    except UntrustedInput as exc:
        raise MalformedCallback(f"{name}: {exc}") from None
    return None


def _failure_summary(event: dict[str, Any]) -> dict[str, str]:
    """What to log of a `failed` event: ids and a capped description, not the whole body."""
    return {
        "message_token": str(event.get("message_token", ""))[:40],
        "user_id": str(event.get("user_id", ""))[:80],
        "desc": str(event.get("desc", ""))[:200],
    }


def _membership(token: str, user_id: str, kind: str, name: str) -> InboundMessage:
    return InboundMessage(
        channel=CHANNEL,
        chat_id=user_id,
        message_id=token,
        user_id=user_id,
        user_name=name,
        kind=kind,
    )


def _from_message(token: str, event: dict[str, Any]) -> InboundMessage:
    sender = obj(event, "sender", required=True)
    sender_id = ident(sender, "id", required=True)
    body = obj(event, "message", required=True)
    kind = text(body, "type") or "text"
    said = text(body, "text")
    payload = ""
    pressed = _buttons_offered(body.get("tracking_data"))
    if kind == "text" and said in pressed:
        payload = _payload_of(said)
        said = pressed[said] or payload
    elif kind == "text" and body.get("tracking_data") and _ACTION_BODY.fullmatch(said):
        payload, said = EARLIER + _payload_of(said), ""  # a keyboard no longer shown
    attachments: tuple[Attachment, ...] = ()
    if kind in ("picture", "file", "video"):
        attachments = (
            Attachment(
                kind={"picture": "photo", "file": "document"}.get(kind, kind),
                url=text(body, "media"),
                name=text(body, "file_name"),
                size=count(body, "size"),
            ),
        )
    elif kind == "location":
        where = obj(body, "location")
        said = said or f"{coordinate(where, 'lat')},{coordinate(where, 'lon')}"
    elif kind == "contact":
        contact = obj(body, "contact")
        said = said or f"{text(contact, 'name')} {text(contact, 'phone_number')}".strip()
    elif kind == "url":
        said = said or text(body, "media")
    return InboundMessage(
        channel=CHANNEL,
        chat_id=sender_id,
        message_id=token,
        text=said,
        user_id=sender_id,
        user_name=text(sender, "name"),
        payload=payload,
        attachments=attachments,
        language_hint=text(sender, "language"),
        timestamp=sent_at(event, "timestamp", millis=True),
        meta={"type": kind},
    )


def _untracked_text(event: dict[str, Any], message: InboundMessage) -> bool:
    """A text message that came without the tracking data Viber echoes for a press."""
    body = event.get("message")
    tracked = isinstance(body, dict) and bool(body.get("tracking_data"))
    return not tracked and not message.payload and message.meta.get("type") == "text"


def _buttons_offered(tracking: Any) -> dict[str, str]:
    if not isinstance(tracking, str) or not tracking:
        return {}
    try:
        data = parse_json(tracking)
    except UntrustedInput:
        return {}
    buttons = data.get("buttons") if isinstance(data, dict) else None
    if not isinstance(buttons, dict):
        return {}
    return {k: v for k, v in buttons.items() if isinstance(v, str)}


def _refusal(exc: ViberApiError) -> str:
    """What operators are told: Viber's words and where to mend them."""
    if exc.status == ViberStatus.INVALID_AUTH_TOKEN:
        return f"viber refuses the bot's token ({exc}): is viber.auth_token right?"
    return f"viber refuses the bot's account ({exc}): see the account in Viber's admin panel"
