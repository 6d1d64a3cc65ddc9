"""Meta's webhook family (WhatsApp, Messenger, Instagram): one way in for all three.

- `GET` is the subscription handshake: the challenge is echoed only when
  `hub.verify_token` matches ours (compared in constant time); 403 otherwise.
- A POST may be up to 3 MB (Meta's limit), more than the app's 1 MiB for other routes.
- Every `POST` must carry `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw
  body)>`, checked in constant time before anything is read; 403 and nothing stored
  otherwise.
- A POST may batch several entries and changes. Each message is stored on its own, in
  the order of the batch (so per user too), and 200 is answered only after all are
  stored: a Redis failure answers 500, Meta redelivers, and the store's dedupe on the
  message id (`wamid…`, `mid`) drops what was already stored.
- A signed body that is not a JSON object is refused with 400 (Meta never sends one). A
  readable batch with an unreadable part stores the rest, keeps the part in the unreadable
  list for people to look at, and answers 200: Meta would otherwise redeliver the whole
  batch for days (and unsubscribe an app whose webhook keeps failing). So is a signed body
  of another object (another product subscribed to this URL): kept aside, a WARNING, 200.
"""

from __future__ import annotations

import json
import logging
import math
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from gateway.config import ConfigError, Settings
from gateway.connectors.base import OnMessage
from gateway.connectors.graph_api import SIGNATURE_HEADER, signature
from gateway.models import InboundMessage
from gateway.request_bodies import read_body
from gateway.store import Store
from gateway.untrusted import UntrustedInput, parse_json

log = logging.getLogger(__name__)

UNREADABLE_PART_CHARS = 4000
# Meta's webhook POSTs "can be up to 3MB" (WhatsApp Cloud API, Webhooks): a batch of up to
# 1,000 changes. The app's 1 MiB would refuse the larger ones (413) until Meta gave up.
BODY_MAX_BYTES = 3 * 1024 * 1024


@dataclass(frozen=True)
class DeliveryStatus:
    """What Meta says became of a message we sent (WhatsApp `statuses`)."""

    message_id: str
    chat_id: str
    status: str  # sent | delivered | read | failed
    timestamp: float
    error_code: int = 0
    error_title: str = ""


@dataclass(frozen=True)
class Unreadable:
    """A part of a batch we could not read, kept for people to look at."""

    error: str
    part: Any


Received = InboundMessage | DeliveryStatus | Unreadable
Translate = Callable[[dict[str, Any]], list[Received]]
OnStatus = Callable[[DeliveryStatus], Awaitable[None]]


def meta_secrets(settings: Settings, channel: str) -> tuple[str, str]:
    """The app secret and verify token every Meta channel needs, or ConfigError."""
    meta = settings.meta
    secret = meta.app_secret.get_secret_value() if meta.app_secret else ""
    verify = meta.verify_token.get_secret_value() if meta.verify_token else ""
    if not secret:
        raise ConfigError(f"meta.app_secret: required when {channel} is enabled")
    if not verify:
        raise ConfigError(f"meta.verify_token: required when {channel} is enabled")
    return secret, verify


class MetaWebhook:
    """The handshake and signed POSTs of one Meta product, translated by `translate`."""

    def __init__(
        self,
        channel: str,
        object_name: str,
        app_secret: str,
        verify_token: str,
        store: Store,
        translate: Translate,
        on_status: OnStatus | None = None,
    ) -> None:
        self.channel = channel
        self.object_name = object_name
        self._secret = app_secret
        self._verify_token = verify_token.encode()
        self.store = store
        self.translate = translate
        self.on_status = on_status
        self._on_message: OnMessage | None = None

    def start(self, on_message: OnMessage) -> None:
        self._on_message = on_message

    def routes(self, path: str) -> list[web.RouteDef]:
        return [web.get(path, self.handshake), web.post(path, self.receive)]

    async def handshake(self, request: web.Request) -> web.StreamResponse:
        """Echo `hub.challenge` when Meta subscribes with our verify token."""
        query = request.query
        offered = query.get("hub.verify_token", "").encode("utf-8", "replace")
        challenge = query.get("hub.challenge", "")
        if (
            query.get("hub.mode") != "subscribe"
            or not challenge
            or not secrets.compare_digest(offered, self._verify_token)
        ):
            return web.Response(status=403, text="verification failed")
        return web.Response(text=challenge, content_type="text/plain")

    async def receive(self, request: web.Request) -> web.StreamResponse:
        """Signature, parse, durable writes in batch order, then 200."""
        body = await read_body(request, BODY_MAX_BYTES)
        offered = request.headers.get(SIGNATURE_HEADER, "").encode("utf-8", "replace")
        if not secrets.compare_digest(offered, signature(self._secret, body).encode()):
            return web.Response(status=403, text="bad signature")
        if self._on_message is None:
            return web.Response(status=503, text="not started")
        try:
            payload = parse_payload(body)
        except UntrustedInput as exc:
            log.warning("malformed %s webhook", self.channel, extra={"error": str(exc)[:200]})
            return web.Response(status=400, text="malformed payload")
        if payload.get("object") != self.object_name:
            # Signed, so Meta's: another object subscribed to this URL (the app's settings).
            # Refused, Meta would resend it for days and then unsubscribe the app, and the
            # messages with it; kept aside and said, it is 200.
            other = str(payload.get("object"))[:60]
            why = (f"object {other!r}, not {self.object_name!r}: another product is "
                   "subscribed to this URL (check the app's webhook subscriptions)")  # fmt: skip
            await self._keep_unreadable(Unreadable(why, payload))
            return web.Response(text="EVENT_RECEIVED")
        try:
            received = self.translate(payload)
        except (UntrustedInput, KeyError, TypeError, ValueError, AttributeError) as exc:
            # Signed, so Meta's: refusing it would only make Meta resend it for days.
            received = [Unreadable(f"envelope: {type(exc).__name__}: {exc}"[:300], payload)]
        for item in received:
            if isinstance(item, InboundMessage):
                await self._on_message(item)  # a Redis failure is a 500: Meta redelivers
            elif isinstance(item, DeliveryStatus):
                if self.on_status is not None:
                    await self.on_status(item)
            else:
                await self._keep_unreadable(item)
        return web.Response(text="EVENT_RECEIVED")

    async def _keep_unreadable(self, item: Unreadable) -> None:
        raw = json.dumps(item.part, ensure_ascii=False)[:UNREADABLE_PART_CHARS]
        log.warning(
            "unreadable part of a %s webhook kept", self.channel, extra={"error": item.error}
        )
        await self.store.inbound.unreadable(self.channel, raw.encode(), item.error, time.time())


def parse_payload(body: bytes) -> dict[str, Any]:
    """A JSON object we can read and store (see gateway.untrusted), or UntrustedInput."""
    payload = parse_json(body, max_bytes=BODY_MAX_BYTES)
    if not isinstance(payload, dict):
        raise UntrustedInput("a webhook payload must be a JSON object")
    return payload


def each_part(
    parts: Any, read: Callable[[dict[str, Any]], Received | None], where: str
) -> list[Received]:
    """Read each part of a list on its own: one bad part becomes Unreadable, not a 400."""
    out: list[Received] = []
    for part in parts if isinstance(parts, list) else []:
        try:
            if not isinstance(part, dict):
                raise UntrustedInput(f"{where}: an object is expected")
            item = read(part)
        except (UntrustedInput, KeyError, TypeError, ValueError, AttributeError) as exc:
            out.append(Unreadable(f"{where}: {exc}"[:300], part))
            continue
        if item is not None:
            out.append(item)
    return out


def epoch(parent: dict[str, Any], key: str, *, millis: bool = False) -> float:
    """A Unix time given as a number or a numeric string (WhatsApp sends strings)."""
    value = parent.get(key)
    if isinstance(value, str) and value.strip().isdecimal():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UntrustedInput(f"{key}: a Unix time is expected")
    seconds = value / 1000 if millis else value
    if not 0 <= seconds < 2**33:
        raise UntrustedInput(f"{key}: out of range")
    return float(seconds)
