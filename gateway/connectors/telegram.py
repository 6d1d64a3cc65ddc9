"""Telegram through aiogram 3: long polling or a webhook in, the Bot API out.

Receiving: every update is stored durably (`on_message`) before Telegram is told it was
received: polling advances the stored offset only after the whole batch was accepted,
and the webhook answers 200 only after the write. Redelivered updates are dropped by the
store's dedupe on `update_id`.

Sending: buttons become an inline keyboard, long texts are split at 4096 characters,
sends are paced under Telegram's limits, and Bot API errors become `DeliveryError`
(429 with `retry_after`, 5xx, network), `RecipientBlocked` (403) or `ChannelRefused`
(401 for a revoked token, 404 for a wrong one: the whole bot is refused, see
`gateway.channel_health`).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import io
import json
import logging
import re
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    GetUpdates,
    SendChatAction,
    SendMessage,
)
from aiogram.methods.base import Response
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from aiohttp import web

from gateway.channel_health import ChannelHealth
from gateway.config import ConfigError, Settings
from gateway.connectors import telegram_updates as updates
from gateway.connectors.backoff import Backoff, Progress, serve_forever
from gateway.connectors.base import (
    FILE_UPLOAD_SECONDS,
    ChannelRefused,
    DeliveryError,
    MaybeDelivered,
    OnMessage,
    RecipientBlocked,
    split_text,
    with_author,
)
from gateway.connectors.ratelimit import SendRateLimiter
from gateway.connectors.sent_parts import SentParts, reply_key
from gateway.connectors.unanswered import SEND_TIMEOUT, never_left, send_timeout
from gateway.models import Attachment, InboundMessage, OutboundMessage
from gateway.store import Store
from gateway.untrusted import UntrustedInput, check_value, parse_json

log = logging.getLogger(__name__)

CHANNEL = updates.CHANNEL
WEBHOOK_PATH = "/webhooks/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
TEXT_LIMIT = 4096
OFFSET_CURSOR = "offset"
PAYLOAD_TTL_SECONDS = 30 * 24 * 3600
REQUEST_TIMEOUT = 20  # seconds for ordinary Bot API calls; long polls add their timeout
# A text's send ends at `unanswered.SEND_TIMEOUT`, within the sender's `outbound.send_timeout`,
# so a late answer is told apart (MaybeDelivered) instead of being cut off unexplained.
UPLOAD_TIMEOUT = FILE_UPLOAD_SECONDS  # seconds for sending a file
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
RECONNECT_BACKOFF = Backoff(base=1.0, cap=60.0)
KEYBOARDS_REMEMBERED = 10_000


# Telegram answers every method of a revoked token 401 Unauthorized, and of a token that
# never existed (a typo) 404 Not Found: the bot, not the call, is refused.
REFUSED_TOKEN = (TelegramUnauthorizedError, TelegramNotFound)


class PolledUpdates(GetUpdates):
    """getUpdates answered as plain JSON: each update is read as a webhook's is, so one
    that aiogram's models refuse (a field of another Bot API version, a message with no
    chat) is kept aside alone instead of failing the batch, and polling with it for good."""

    __returning__ = list[Any]


# aiogram reads every Bot API answer as `Response[<the method's result type>]`, a pydantic
# generic class that pydantic keeps only weakly: once nothing holds it, the garbage
# collector frees it and the next call builds it again, schema and validator (10-20 ms of
# CPU each time; the serve process sending Telegram replies spent ~18 % of its samples
# there). The answers of the calls made per message are held here, each built once.
ANSWER_TYPES = tuple(
    Response[method.__returning__]
    for method in (
        SendMessage,
        EditMessageReplyMarkup,
        AnswerCallbackQuery,
        SendChatAction,
        PolledUpdates,
    )
)


class TelegramConnector:
    """The Telegram channel: receive updates, send replies, fetch users' files."""

    channel = CHANNEL

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        backoff: Backoff | None = None,
        limiter: SendRateLimiter | None = None,
    ) -> None:
        tg = settings.telegram
        if tg.token is None or not tg.token.get_secret_value():
            raise ConfigError("telegram.token: required when telegram is enabled")
        self.store = store
        self.mode = tg.mode
        self.polling_timeout = tg.polling_timeout
        self.backoff = backoff or RECONNECT_BACKOFF
        self.limiter = limiter or SendRateLimiter(
            per_chat_rate=tg.per_chat_rate,
            global_rate=tg.global_rate,
            global_burst=max(1, int(tg.global_rate)),
        )
        self.webhook_url = ""
        self._secret = b""
        if self.mode == "webhook":
            self.webhook_url, self._secret = _webhook_config(settings)
        session = AiohttpSession(api=TelegramAPIServer.from_base(tg.api_base))
        self.bot = Bot(tg.token.get_secret_value(), session=session)
        # The bot's token refused, sending or polling; the token named by its fingerprint only.
        self.health = ChannelHealth(CHANNEL, credentials=tg.token.get_secret_value())
        self._on_message: OnMessage | None = None
        self._stopping = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        # Parts of a split text already sent, so a retried send does not repeat them.
        self.sent_parts = SentParts()
        # Per chat, the bot message whose keyboard is still shown (kept in memory: the hot
        # send path makes no extra store round trip; after a restart a pressed keyboard is
        # still removed, from the id the press carries).
        self._keyboards: OrderedDict[str, int] = OrderedDict()
        # Chats whose next send already waited for its rate-limit slot (in `pace`).
        self._paced: dict[str, int] = {}

    # Lifecycle

    async def start(self, on_message: OnMessage) -> None:
        """Start polling, or register the webhook, in the background; never blocks on the API."""
        self._on_message = on_message
        self._stopping.clear()
        if self.mode == "webhook":
            self._spawn(
                serve_forever(
                    self._register_webhook,
                    self.backoff,
                    self._stopping,
                    "telegram webhook registration",
                )
            )
        else:
            self._spawn(serve_forever(self._poll, self.backoff, self._stopping, "telegram polling"))

    async def stop(self) -> None:
        self._stopping.set()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.bot.session.close()

    def routes(self) -> list[web.RouteDef]:
        if self.mode != "webhook":
            return []
        return [web.post(WEBHOOK_PATH, self.handle_webhook)]

    # Receiving: long polling

    async def _poll(self, progress: Progress) -> bool:
        """One polling session: resume at the stored offset, store each batch, then confirm it."""
        try:
            return await self._poll_session(progress)
        except REFUSED_TOKEN as exc:
            self.health.refused(_refusal(exc))
            raise

    async def _poll_session(self, progress: Progress) -> bool:
        # A webhook left over from webhook mode makes getUpdates fail with 409.
        await self.bot.delete_webhook(drop_pending_updates=False, request_timeout=REQUEST_TIMEOUT)
        cursor = await self.store.get_cursor(CHANNEL, OFFSET_CURSOR)
        offset = int(cursor) if cursor else None
        while not self._stopping.is_set():
            poll = PolledUpdates(
                offset=offset, timeout=self.polling_timeout, allowed_updates=updates.ALLOWED_UPDATES
            )
            batch = await self.bot(poll, request_timeout=self.polling_timeout + REQUEST_TIMEOUT)
            progress.ok()
            self.health.accepted()
            numbered = []
            for raw in batch:
                with contextlib.suppress(updates.MalformedUpdate):
                    numbered.append(updates.update_id_of(raw))
                await self._receive_polled(raw)
            if not numbered:
                continue
            # Confirming: the next getUpdates with this offset drops the batch on Telegram.
            offset = max(numbered) + 1
            await self.store.set_cursor(CHANNEL, OFFSET_CURSOR, str(offset))
        return True

    async def _receive_polled(self, raw: Any) -> None:
        try:
            check_value(raw)  # a webhook's update is checked by parse_json; this one is not
            message = updates.inbound_from_update(raw)
        except (UntrustedInput, updates.MalformedUpdate) as exc:
            await self._keep_unreadable(json.dumps(raw).encode(), str(exc))
            return
        if message is None:
            return
        await self._deliver_inbound(message)
        query_id = updates.callback_query_id(raw)
        if query_id:
            self._spawn(self._answer_callback(query_id))

    async def _keep_unreadable(self, body: bytes, error: str) -> None:
        """Confirmed to Telegram all the same (it would redeliver for hours); kept for people."""
        log.warning("unreadable telegram update kept aside", extra={"error": error})
        await self.store.inbound.unreadable(CHANNEL, body, error, time.time())

    async def _answer_callback(self, query_id: str) -> None:
        """Stop the button's progress spinner; failing here only costs the user a spinner."""
        try:
            await self.bot.answer_callback_query(query_id, request_timeout=REQUEST_TIMEOUT)
        except TelegramAPIError as exc:
            log.info("answerCallbackQuery failed", extra={"error": str(exc)})

    # Receiving: webhook

    async def _register_webhook(self, progress: Progress) -> bool:
        try:
            await self.bot.set_webhook(
                self.webhook_url,
                secret_token=self._secret.decode(),
                allowed_updates=updates.ALLOWED_UPDATES,
                drop_pending_updates=False,
                request_timeout=REQUEST_TIMEOUT,
            )
        except REFUSED_TOKEN as exc:
            self.health.refused(_refusal(exc))
            raise
        self.health.accepted()
        log.info("telegram webhook registered", extra={"url": self.webhook_url})
        return True

    async def handle_webhook(self, request: web.Request) -> web.StreamResponse:
        """Secret check, parse, durable write, 200. Nothing is stored unless all pass."""
        offered = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not secrets.compare_digest(offered, self._secret):
            return web.Response(status=401, text="Unauthorized")
        if self._on_message is None:
            return web.Response(status=503, text="not started")
        body = await request.read()
        try:
            raw = parse_json(body)
            message = updates.inbound_from_update(raw)
        except (UntrustedInput, updates.MalformedUpdate) as exc:
            # Signed by the secret, so it is Telegram's: a 4xx would make it retry for hours.
            await self._keep_unreadable(body, str(exc))
            return web.Response()
        if message is None:
            return web.Response()
        await self._deliver_inbound(message)  # Redis down: a 503 (middleware), Telegram retries
        query_id = updates.callback_query_id(raw)
        if query_id:
            # The webhook reply: Telegram runs this method for us, saving a round trip.
            return web.json_response(
                {"method": "answerCallbackQuery", "callback_query_id": query_id}
            )
        return web.Response()

    async def _deliver_inbound(self, message: InboundMessage) -> None:
        assert self._on_message is not None
        if message.payload and updates.is_hashed_payload(message.payload):
            message = await self._restore_payload(message)
        await self._on_message(message)
        pressed_on = message.meta.get(updates.KEYBOARD_MESSAGE, "")
        if pressed_on.isdecimal():
            # Answered: that keyboard must not be pressed again.
            self._spawn(self._remove_keyboard(message.chat_id, int(pressed_on)))

    async def _remove_keyboard(self, chat_id: str, message_id: int) -> None:
        """Take the buttons off a message; a keyboard already gone is not an error."""
        try:
            await self.limiter.acquire(chat_id)
            await self.bot.edit_message_reply_markup(
                chat_id=_chat(chat_id),
                message_id=message_id,
                reply_markup=None,
                request_timeout=REQUEST_TIMEOUT,
            )
        except TelegramAPIError as exc:
            log.info("editMessageReplyMarkup failed", extra={"error": str(exc)})
        if self._keyboards.get(chat_id) == message_id:
            del self._keyboards[chat_id]

    async def _restore_payload(self, message: InboundMessage) -> InboundMessage:
        stored = await self.store.channel_get(CHANNEL, f"payload:{message.payload}")
        if stored is None:
            return message
        return dataclasses.replace(message, payload=str(stored["payload"]))

    # Sending

    async def pace(self, chat_id: str, message: OutboundMessage) -> None:
        """Wait for the rate-limit slot of the next part to send (outside the send timeout)."""
        if self._paced.get(chat_id, 0) == 0:
            await self.limiter.acquire(chat_id)
            self._paced[chat_id] = 1

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        """Send one reply (several Telegram messages if long, then its files as documents);
        map errors for the sender."""
        text = with_author(message) if message.text else ""
        parts = split_text(text, TEXT_LIMIT) if text else []
        markup = await self._keyboard(message)
        key = reply_key(chat_id, message)
        done = self.sent_parts.confirmed(key)
        try:
            if done == 0:
                # A keyboard lives until the next message: the new one makes it stale.
                shown = self._keyboards.pop(chat_id, None)
                if shown is not None:
                    await self._remove_keyboard(chat_id, shown)
            for index in range(done, len(parts)):
                if not self._paced.pop(chat_id, 0):  # a slot from `pace` is used once
                    await self.limiter.acquire(chat_id)
                last = index == len(parts) - 1
                sent_id = await self._call_send(chat_id, parts[index], markup if last else None)
                self.sent_parts.confirm(key, index + 1)
                if last and markup is not None:
                    self._keyboards[chat_id] = sent_id
                    self._keyboards.move_to_end(chat_id)
                    while len(self._keyboards) > KEYBOARDS_REMEMBERED:
                        self._keyboards.popitem(last=False)
            for index, attachment in enumerate(message.attachments, start=len(parts)):
                if index < done:
                    continue
                await self.limiter.acquire(chat_id)
                await self._send_file(chat_id, attachment, message)
                self.sent_parts.confirm(key, index + 1)
        finally:
            if self._stopping.is_set():
                # Senders drain after receiving stopped; aiogram reopened its session.
                await self.bot.session.close()
        self.sent_parts.finished(key)

    async def _call_send(self, chat_id: str, text: str, markup: InlineKeyboardMarkup | None) -> int:
        """Send one message; its Telegram message id."""
        sent = await self._call(
            self.bot.send_message(
                chat_id=_chat(chat_id),
                text=text,
                parse_mode=None,
                reply_markup=markup,
                request_timeout=_send_timeout(SEND_TIMEOUT),
            )
        )
        return int(sent.message_id)

    async def _send_file(
        self, chat_id: str, attachment: Attachment, message: OutboundMessage
    ) -> None:
        """An operator's file, from the store, as a Telegram document."""
        kept = await self.store.files.get(attachment.file_id)
        if kept is None:
            raise DeliveryError(f"file {attachment.name} is no longer kept", permanent=True)
        meta, data = kept
        caption = message.author_name if message.author.startswith("operator:") else None
        await self._call(
            self.bot.send_document(
                chat_id=_chat(chat_id),
                document=BufferedInputFile(data, filename=meta.name),
                caption=caption,
                request_timeout=_send_timeout(UPLOAD_TIMEOUT),
            )
        )

    async def _call(self, request: Awaitable[Any]) -> Any:
        """Await a Bot API call; its errors become what the sender understands. A 429
        (flood control) holds every send of the bot for its `retry_after`, not only the
        chat's: the limits are the bot's, and a bot that keeps sending meanwhile is told
        to wait longer."""
        try:
            return await request
        except TelegramRetryAfter as exc:
            self.limiter.hold(float(exc.retry_after))
            raise DeliveryError(str(exc), retry_after=float(exc.retry_after)) from exc
        except TelegramForbiddenError as exc:
            raise RecipientBlocked(exc.message) from exc
        except REFUSED_TOKEN as exc:
            raise ChannelRefused(_refusal(exc)) from exc
        except TelegramNetworkError as exc:
            if never_left(exc.__cause__):
                raise DeliveryError(str(exc)) from exc  # never left: send again freely
            # Sent, and no answer: Telegram may have it (it has no idempotency key).
            raise MaybeDelivered(str(exc)) from exc
        except TelegramServerError as exc:
            raise DeliveryError(str(exc)) from exc
        except TelegramBadRequest as exc:
            raise DeliveryError(exc.message, permanent=True) from exc
        except TelegramAPIError as exc:
            raise DeliveryError(str(exc), permanent=True) from exc

    async def _keyboard(self, message: OutboundMessage) -> InlineKeyboardMarkup | None:
        if not message.buttons:
            return None
        for button in message.buttons:
            data = updates.callback_data_for(button.payload)
            if data != button.payload:
                await self.store.channel_put(
                    CHANNEL, f"payload:{data}", {"payload": button.payload}, PAYLOAD_TTL_SECONDS
                )
        rows = [
            [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
            for row in updates.keyboard_rows(message.buttons)
        ]
        return InlineKeyboardMarkup(inline_keyboard=rows)

    async def typing(self, chat_id: str) -> None:
        """Show "typing…" in the user's chat for a few seconds (an operator is writing)."""
        try:
            await self.bot.send_chat_action(
                chat_id=_chat(chat_id), action="typing", request_timeout=REQUEST_TIMEOUT
            )
        except TelegramAPIError as exc:  # only a courtesy: never fail the operator for it
            log.info("sendChatAction failed", extra={"error": str(exc)})

    # Files

    async def fetch_file(self, attachment: Attachment) -> bytes:
        """A file the user sent, for an operator (see `download`)."""
        try:
            return await self.download(attachment.file_id)
        except TelegramAPIError as exc:
            raise DeliveryError(str(exc), permanent=True) from exc

    async def download(self, file_id: str) -> bytes:
        """The bytes of a file a user sent (getFile, then the file URL); for operators."""
        file = await self.bot.get_file(file_id, request_timeout=REQUEST_TIMEOUT)
        if not file.file_path:
            raise DeliveryError(f"telegram has no path for file {file_id}", permanent=True)
        buffer = io.BytesIO()
        await self.bot.download_file(file.file_path, destination=buffer, timeout=REQUEST_TIMEOUT)
        return buffer.getvalue()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def _webhook_config(settings: Settings) -> tuple[str, bytes]:
    tg = settings.telegram
    url = tg.webhook_url or settings.http.public(WEBHOOK_PATH)
    if not url:
        raise ConfigError("telegram.webhook_url (or http.public_url): required in webhook mode")
    secret = tg.webhook_secret.get_secret_value() if tg.webhook_secret else ""
    if not SECRET_PATTERN.fullmatch(secret):
        raise ConfigError(
            "telegram.webhook_secret: required in webhook mode; 1-256 characters of "
            "A-Z a-z 0-9 _ - (set TELEGRAM_WEBHOOK_SECRET)"
        )
    return url, secret.encode()


def _send_timeout(total: float) -> int:
    """A send's time, its connection given `unanswered.CONNECT_TIMEOUT` of it: a connection
    that could not be made is the one failure Telegram certainly did not see."""
    # aiogram hands `request_timeout` to aiohttp as is, which takes a ClientTimeout.
    return cast(int, send_timeout(total))


def _refusal(exc: TelegramAPIError) -> str:
    """What operators are told: Telegram's words and what they mean here."""
    what = "revoked" if isinstance(exc, TelegramUnauthorizedError) else "wrong"
    return f"telegram refuses the bot token ({exc.message}): is telegram.token {what}?"


def _chat(chat_id: str) -> int | str:
    return int(chat_id) if chat_id.lstrip("-").isdecimal() else chat_id


def _send_key(chat_id: str, message: OutboundMessage) -> str:
    blob = json.dumps([chat_id, message.to_dict()], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()
