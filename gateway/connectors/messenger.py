"""Messenger and Instagram through the Messenger Platform: Meta's webhook in, the Send API out.

Both speak the same `messaging` events (object `page` or `instagram`): text, quick-reply
presses, postbacks and attachments are stored; echoes of our own messages, reads,
deliveries and reactions are acknowledged and dropped. Replies are `POST
/{page-id}/messages`: buttons become quick replies (at most 13, titles of at most 20
characters; longer labels are also listed as numbered text). Within 24 hours of the
user's last message a reply is a RESPONSE; after that, where the app has the Human Agent
feature, it is tagged HUMAN_AGENT for 7 days; otherwise it cannot be delivered.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from typing import Any

import aiohttp
from aiohttp import web

from gateway.channel_health import ChannelHealth
from gateway.config import ConfigError, MessengerSettings, Settings
from gateway.connectors.base import (
    DeliveryError,
    OnMessage,
    buttons_as_text,
    split_text,
    with_author,
)
from gateway.connectors.graph_api import GraphClient, GraphError, delivery_error
from gateway.connectors.meta_profiles import ProfileNames
from gateway.connectors.meta_webhook import (
    MetaWebhook,
    Received,
    each_part,
    epoch,
    meta_secrets,
)
from gateway.connectors.reply_windows import ReplyMode, reply_route
from gateway.connectors.sent_parts import SentParts, reply_key
from gateway.connectors.unanswered import send_failure
from gateway.models import Attachment, Button, InboundMessage, OutboundMessage, RateLimit
from gateway.store import Store
from gateway.untrusted import UntrustedInput, ident, items, obj, text

QUICK_REPLIES_MAX = 13
QUICK_REPLY_TITLE_MAX = 20
QUICK_REPLY_PAYLOAD_MAX = 1000
TEXT_LIMITS = {"messenger": 2000, "instagram": 1000}
OBJECTS = {"messenger": "page", "instagram": "instagram"}
ATTACHMENT_KINDS = {"image": "photo", "video": "video", "audio": "audio", "file": "document"}


class MessengerConnector:
    """A Facebook Page's Messenger inbox, or an Instagram account's: same platform."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        channel: str = "messenger",
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if channel not in OBJECTS:
            raise ConfigError(f"{channel}: not a Messenger Platform channel")
        section: MessengerSettings = getattr(settings, channel)
        token = section.access_token.get_secret_value() if section.access_token else ""
        if not token:
            raise ConfigError(f"{channel}.access_token: required when {channel} is enabled")
        secret, verify = meta_secrets(settings, channel)
        self.channel = channel
        self.settings = settings
        self.store = store
        self.page_id = section.page_id
        self.text_limit = TEXT_LIMITS[channel]
        self.client = GraphClient(settings.meta.graph_base, settings.meta.graph_version, token)
        self.webhook = MetaWebhook(
            channel, OBJECTS[channel], secret, verify, store, self._translate
        )
        self.clock = clock
        self.profiles = ProfileNames(self.client, store, channel) if section.profile_names else None
        self.health = ChannelHealth(channel, credentials=token)  # the token refused (190)
        self.sent_parts = SentParts()  # a long reply's parts Graph confirmed, for a retry

    async def start(self, on_message: OnMessage) -> None:
        self.webhook.start(self._named(on_message) if self.profiles else on_message)

    def _named(self, on_message: OnMessage) -> OnMessage:
        """Fill in the user's display name (Graph user profile) before storing."""
        profiles = self.profiles
        assert profiles is not None

        async def named(message: InboundMessage, limits: Sequence[RateLimit] = ()) -> bool:
            if not message.user_name and message.user_id:
                name = await profiles.name(message.user_id)
                if name:
                    message = dataclasses.replace(message, user_name=name)
            return await on_message(message, limits)

        return named

    async def stop(self) -> None:
        await self.client.close()

    def routes(self) -> list[web.RouteDef]:
        return self.webhook.routes(f"/webhooks/{self.channel}")

    def _translate(self, payload: dict[str, Any]) -> list[Received]:
        return inbound_from_payload(payload, self.channel)

    # Sending

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        conv = await self.store.conversations.get(f"{self.channel}:{chat_id}")
        last_user_at = conv.last_user_at if conv else 0.0
        route = reply_route(self.settings, self.channel, last_user_at, self.clock())
        if route.mode is ReplyMode.CLOSED:
            raise DeliveryError(route.note, permanent=True)
        parts = split_text(_shown_text(message), self.text_limit)
        # A retry of this reply (a part refused, or its answer lost) sends only the parts
        # Graph has not confirmed: the user does not read the first ones twice.
        key = reply_key(chat_id, message)
        try:
            for index in range(self.sent_parts.confirmed(key), len(parts)):
                last = index == len(parts) - 1
                body = send_body(chat_id, parts[index], message.buttons if last else (), route.mode)
                await self.client.post(f"{self.page_id or 'me'}/messages", body)
                self.sent_parts.confirm(key, index + 1)
        except GraphError as exc:
            raise delivery_error(exc) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            # Meta has no idempotency key: a send with no answer goes once more at most.
            raise send_failure(exc, "graph api") from exc
        self.sent_parts.finished(key)


def _shown_text(message: OutboundMessage) -> str:
    text_ = with_author(message)
    fits = len(message.buttons) <= QUICK_REPLIES_MAX and all(
        len(b.label) <= QUICK_REPLY_TITLE_MAX for b in message.buttons
    )
    return text_ if fits else buttons_as_text(text_, message.buttons)


def send_body(
    recipient: str, text_: str, buttons: tuple[Button, ...], mode: ReplyMode
) -> dict[str, Any]:
    """One Send API request: a text, its quick replies, and the messaging type."""
    message: dict[str, Any] = {"text": text_}
    replies = quick_replies(buttons)
    if replies:
        message["quick_replies"] = replies
    body: dict[str, Any] = {"recipient": {"id": recipient}, "message": message}
    if mode is ReplyMode.HUMAN_AGENT:
        body |= {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
    else:
        body["messaging_type"] = "RESPONSE"
    return body


def quick_replies(buttons: tuple[Button, ...]) -> list[dict[str, str]]:
    """Up to 13 quick replies; a label too long for one is numbered in the text too."""
    out = []
    for number, button in enumerate(buttons[:QUICK_REPLIES_MAX], 1):
        title = button.label
        if len(title) > QUICK_REPLY_TITLE_MAX:
            title = f"{number}. {title}"[: QUICK_REPLY_TITLE_MAX - 1] + "…"
        out.append(
            {
                "content_type": "text",
                "title": title,
                "payload": button.payload[:QUICK_REPLY_PAYLOAD_MAX],
            }
        )
    return out


# Receiving


def inbound_from_payload(payload: dict[str, Any], channel: str) -> list[Received]:
    """Every user message of a webhook POST, in order; bad parts as Unreadable."""
    out: list[Received] = []
    for entry in items(payload, "entry"):
        if not isinstance(entry, dict):
            raise UntrustedInput("entry: objects are expected")
        out += each_part(entry.get("messaging"), lambda e: _event(e, channel), "messaging")
    return out


def _event(event: dict[str, Any], channel: str) -> InboundMessage | None:
    sender = ident(obj(event, "sender"), "id", required=True)
    when = epoch(event, "timestamp", millis=True)
    if "message" in event:
        message = obj(event, "message")
        if message.get("is_echo"):
            return None  # our own message, sent back to us
        said = text(message, "text")
        payload = text(obj(message, "quick_reply"), "payload")
        attachments = tuple(_attachment(a) for a in items(message, "attachments"))
        return _inbound(
            channel, sender, ident(message, "mid", required=True), when, said, payload, attachments
        )
    if "postback" in event:
        postback = obj(event, "postback")
        mid = text(postback, "mid") or f"postback:{sender}:{int(when * 1000)}"
        said = text(postback, "title")
        return _inbound(channel, sender, mid, when, said, text(postback, "payload"), ())
    return None  # read, delivery, reaction, referral...: nothing for the dialog


def _attachment(attachment: Any) -> Attachment:
    if not isinstance(attachment, dict):
        raise UntrustedInput("attachments: objects are expected")
    kind = text(attachment, "type", required=True)
    return Attachment(
        kind=ATTACHMENT_KINDS.get(kind, "other"),
        url=text(obj(attachment, "payload"), "url"),
    )


def _inbound(
    channel: str,
    sender: str,
    mid: str,
    when: float,
    said: str,
    payload: str,
    attachments: tuple[Attachment, ...],
) -> InboundMessage:
    return InboundMessage(
        channel=channel,
        chat_id=sender,
        message_id=mid,
        text=said,
        user_id=sender,
        payload=payload,
        attachments=attachments,
        timestamp=when,
    )
