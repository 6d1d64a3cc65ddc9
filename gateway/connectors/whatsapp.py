"""WhatsApp through the Cloud API: Meta's signed webhook in, `/{phone-number-id}/messages` out.

Inside the 24-hour customer-service window (counted from the user's last message),
replies go out free-form, with reply buttons or a list. Outside it, only an approved
template may be sent: the message's purpose picks one (`csat_request` for the rating
question, `ticket_update` for everything else: a late operator reply, ticket news), in
the conversation's language, with the text as its parameter. Graph errors become
`DeliveryError` (throttling and transient codes, retried with backoff) or
`RecipientBlocked` (the user cannot be reached: the conversation is marked).

Statuses (sent, delivered, read, failed) are recorded against the message id we got
when sending; a failure also lands in the conversation, so the operator sees it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from gateway.channel_health import ChannelHealth
from gateway.config import ConfigError, Settings
from gateway.connectors.base import DeliveryError, OnMessage, buttons_as_text, with_author
from gateway.connectors.graph_api import (
    RECIPIENT_GONE_CODES,
    GraphClient,
    GraphError,
    delivery_error,
)
from gateway.connectors.meta_webhook import DeliveryStatus, MetaWebhook, Received, meta_secrets
from gateway.connectors.reply_windows import ReplyMode, reply_route
from gateway.connectors.sent_parts import SentParts, reply_key
from gateway.connectors.unanswered import send_failure
from gateway.connectors.whatsapp_payloads import (
    CHANNEL,
    OBJECT,
    free_form,
    inbound_from_payload,
    template_body,
)
from gateway.models import InboundMessage, OutboundMessage
from gateway.store import Store
from gateway.texts import Texts

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/whatsapp"
SENT_RECORD_TTL = 30 * 24 * 3600
TICKET_UPDATE, CSAT_REQUEST = "ticket_update", "csat_request"
FALLBACK_LANGUAGE = "en"
STATUS_RANK = {"sent": 1, "delivered": 2, "read": 3, "failed": 4}


class WhatsAppConnector:
    """The WhatsApp channel: verify and store webhooks, send within the rules of the window."""

    channel = CHANNEL

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        clock: Callable[[], float] = time.time,
        texts: Texts | None = None,
    ) -> None:
        wa = settings.whatsapp
        token = wa.access_token.get_secret_value() if wa.access_token else ""
        if not token:
            raise ConfigError("whatsapp.access_token: required when whatsapp is enabled")
        if not wa.phone_number_id:
            raise ConfigError("whatsapp.phone_number_id: required when whatsapp is enabled")
        secret, verify = meta_secrets(settings, CHANNEL)
        self.settings = settings
        self.store = store
        self.phone_number_id = wa.phone_number_id
        self.templates = wa.templates
        self.client = GraphClient(settings.meta.graph_base, settings.meta.graph_version, token)
        self.webhook = MetaWebhook(
            CHANNEL, OBJECT, secret, verify, store, self._translate, self._record_status
        )
        self.clock = clock
        self.texts = texts or Texts.load()
        self._on_message: OnMessage | None = None
        self.health = ChannelHealth(CHANNEL, credentials=token)  # the token refused (190)
        self.sent_parts = SentParts()  # a long reply's messages Graph confirmed, for a retry

    async def start(self, on_message: OnMessage) -> None:
        """Meta calls us; the callback URL is set in the app dashboard, not through the API."""
        self._on_message = on_message
        self.webhook.start(on_message)

    async def stop(self) -> None:
        await self.client.close()

    def routes(self) -> list[web.RouteDef]:
        return self.webhook.routes(WEBHOOK_PATH)

    def _translate(self, payload: dict[str, Any]) -> list[Received]:
        return inbound_from_payload(payload, self.phone_number_id)

    async def _record_status(self, status: DeliveryStatus) -> None:
        name = f"sent:{status.message_id}"
        fields = {f"{status.status}_at": str(status.timestamp)}
        known = (await self.store.channel_record(CHANNEL, name)).get("status", "")
        # Webhooks may arrive out of order: a late "delivered" must not undo "read".
        if STATUS_RANK.get(known, 0) <= STATUS_RANK[status.status]:
            fields["status"] = status.status
        if status.status == "failed":
            fields |= {"error_code": str(status.error_code), "error_title": status.error_title}
        await self.store.update_channel_record(CHANNEL, name, fields, SENT_RECORD_TTL)
        if status.status != "failed" or self._on_message is None:
            return
        gone = status.error_code in RECIPIENT_GONE_CODES
        await self._on_message(
            InboundMessage(
                channel=CHANNEL,
                chat_id=status.chat_id,
                message_id=f"failed:{status.message_id}",
                text=f"{status.error_code} {status.error_title}".strip(),
                kind="blocked" if gone else "delivery_failed",
                timestamp=status.timestamp,
                meta={
                    "message_id": status.message_id,
                    "error_code": str(status.error_code),
                    "error_title": status.error_title,
                },
            )
        )

    # Sending

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        """Free-form inside the window, a template outside it; Graph errors mapped."""
        conv = await self.store.conversations.get(f"{CHANNEL}:{chat_id}")
        last_user_at = conv.last_user_at if conv else 0.0
        language = (conv.language if conv else "") or FALLBACK_LANGUAGE
        route = reply_route(self.settings, CHANNEL, last_user_at, self.clock())
        # A retry of this reply (a message refused, or its answer lost) sends only the
        # messages Graph has not confirmed: the user does not read the first ones twice.
        key = reply_key(chat_id, message)
        try:
            if route.mode is ReplyMode.FREE:
                choose = self.texts.get(language, "btn_choose")
                bodies = free_form(chat_id, with_author(message), message.buttons, choose)
                try:
                    for index in range(self.sent_parts.confirmed(key), len(bodies)):
                        await self._post(bodies[index])
                        self.sent_parts.confirm(key, index + 1)
                    self.sent_parts.finished(key)
                    return
                except GraphError as exc:
                    if not exc.window_closed:
                        raise
                    log.info("whatsapp: window closed before our clock said so; templating")
            await self._post(self._template(chat_id, message, language))
            self.sent_parts.finished(key)
        except GraphError as exc:
            raise delivery_error(exc) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            # Meta has no idempotency key: a send with no answer goes once more at most.
            raise send_failure(exc, "graph api") from exc

    def _template(self, to: str, message: OutboundMessage, language: str) -> dict[str, Any]:
        purpose = CSAT_REQUEST if message.purpose == CSAT_REQUEST else TICKET_UPDATE
        template = self._template_for(purpose, language)
        if purpose == CSAT_REQUEST and template is not None:
            return template_body(to, template.name, template.language, "", message.buttons)
        template = self._template_for(TICKET_UPDATE, language)
        if template is None:
            raise DeliveryError(
                "outside WhatsApp's 24-hour window and no whatsapp.templates.ticket_update "
                f"for {language!r} is configured",
                permanent=True,
            )
        # Buttons a template cannot carry become numbers the user can type back.
        text = buttons_as_text(with_author(message), message.buttons)
        return template_body(to, template.name, template.language, text, ())

    def _template_for(self, purpose: str, language: str) -> Any:
        by_language = self.templates.get(purpose) or {}
        return (
            by_language.get(language)
            or by_language.get(FALLBACK_LANGUAGE)
            or next(iter(by_language.values()), None)
        )

    async def _post(self, body: dict[str, Any]) -> str:
        result = await self.client.post(f"{self.phone_number_id}/messages", body)
        sent = result.get("messages")
        message_id = ""
        if isinstance(sent, list) and sent and isinstance(sent[0], dict):
            message_id = str(sent[0].get("id", ""))
        if message_id:
            record = {"chat_id": body["to"], "type": body["type"], "accepted_at": str(time.time())}
            if body["type"] == "template":
                record["template"] = body["template"]["name"]
            await self.store.update_channel_record(
                CHANNEL, f"sent:{message_id}", record, SENT_RECORD_TTL
            )
        return message_id

    # Files

    async def download(self, media_id: str) -> bytes:
        """The bytes of a file a user sent (media URL, then the file); for operators."""
        try:
            media = await self.client.get(media_id)
            url = media.get("url")
            if not isinstance(url, str) or not url:
                raise DeliveryError(f"whatsapp has no URL for media {media_id}", permanent=True)
            return await self.client.download(url)
        except GraphError as exc:
            raise delivery_error(exc) from exc
