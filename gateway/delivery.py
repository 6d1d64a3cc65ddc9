"""Sends queued replies through their channel's connector, with retries and backoff.

Replies to one chat go out in order; different chats are sent concurrently, at most
`concurrency` at a time (a broadcast to thousands of chats would otherwise start as many
sends at once, all waiting on the store's connection pool and the rate limiter). A reply that
keeps failing lands in the dead-letter list operators can see. A user who blocked the
bot is marked, and nothing more is sent to them. A channel that refuses the bot itself (a
revoked token) is marked down (`ChannelHealth`) and its replies are held, not retried.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable

from gateway import metrics
from gateway.channel_health import ChannelHealth
from gateway.connectors.base import (
    FILE_UPLOAD_SECONDS,
    ChannelRefused,
    Connector,
    DeliveryError,
    MaybeDelivered,
    RecipientBlocked,
)
from gateway.models import Delivery
from gateway.store import STORE_UNAVAILABLE, OutboundEntry, Store

log = logging.getLogger(__name__)

OnBlocked = Callable[[Delivery], Awaitable[None]]  # told which delivery found the block
OnDead = Callable[[Delivery, str], Awaitable[None]]  # told a delivery was given up, and why
STORE_RETRY_SECONDS = 1.0
# A channel's "wait N seconds" (429 with retry_after) spends no try: the reply is not at
# fault. Waited for up to this long in all for one reply; beyond it, a try as any failure.
FLOOD_WAIT_MAX_SECONDS = 3600.0
# A send that may have arrived (the connector saw it leave and its answer get lost) is
# sent once more at most: a reply lost costs the user more than one seen twice, and a
# channel with no idempotency key (Telegram) shows every copy. Then it is a dead letter
# that says so, and an operator who finds the user without it sends it again.
MAYBE_DELIVERED_RESENDS = 1
HELD_READ_SECONDS = 1.0  # while the channel is down, new replies stay in the stream


class _Held(Exception):
    """The channel is down and the sender stopping: the reply stays queued (unacknowledged,
    taken up again at the next start)."""


class ChannelSender:
    """Drains one channel's outbound stream into its connector."""

    def __init__(
        self,
        store: Store,
        connector: Connector,
        *,
        consumer: str,
        on_blocked: OnBlocked,
        on_dead: OnDead | None = None,
        max_attempts: int = 6,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
        send_timeout: float = 15.0,
        concurrency: int = 64,
        health: ChannelHealth | None = None,
    ) -> None:
        self.store = store
        self.connector = connector
        self.channel = connector.channel
        self.consumer = consumer
        self.on_blocked = on_blocked
        self.on_dead = on_dead
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.send_timeout = send_timeout
        # The connector's own when it has one (its receiving side sees refusals too).
        self.health = health or getattr(connector, "health", None) or ChannelHealth(self.channel)
        self.sent = 0
        self._chats: dict[str, asyncio.Queue[OutboundEntry]] = {}
        self._chat_tasks: set[asyncio.Task[None]] = set()
        self._sending = asyncio.Semaphore(concurrency)  # chats being sent to at once
        # Sent, but the store was unreachable when we went to record it: never resend.
        self._sent_unrecorded: set[str] = set()
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        await self.store.outbox.ensure_group(self.channel)
        reclaim = True
        while not self._stopping.is_set():
            try:
                if reclaim:
                    # At start, and after an outage (a failover may have left entries
                    # pending that no read returns again): a repeat is never resent.
                    for entry in await self.store.outbox.reclaim(self.channel, self.consumer):
                        self._dispatch(entry)
                    reclaim = False
                if self.health.down:
                    # Nothing can go out: what is queued stays in the stream meanwhile.
                    await asyncio.sleep(HELD_READ_SECONDS)
                    continue
                entries = await self.store.outbox.read(self.channel, self.consumer, 100, 500)
            except STORE_UNAVAILABLE as exc:
                log.warning(
                    "outbox unreachable; retrying",
                    extra={"channel": self.channel, "error": repr(exc)},
                )
                reclaim = True
                await asyncio.sleep(STORE_RETRY_SECONDS)
                continue
            except Exception:
                log.exception("reading the %s outbox failed", self.channel)
                await asyncio.sleep(1.0)
                continue
            for entry in entries:
                self._dispatch(entry)
        await self.drain()

    async def drain(self) -> None:
        """Wait for replies already handed to chat queues (used at shutdown)."""
        while self._chat_tasks:
            await asyncio.gather(*list(self._chat_tasks), return_exceptions=True)

    def _dispatch(self, entry: OutboundEntry) -> None:
        chat = entry.delivery.chat_id
        queue = self._chats.get(chat)
        if queue is None:
            queue = self._chats[chat] = asyncio.Queue()
            task = asyncio.create_task(self._chat_loop(chat, queue))
            self._chat_tasks.add(task)
            task.add_done_callback(self._chat_tasks.discard)
        queue.put_nowait(entry)

    async def _chat_loop(self, chat: str, queue: asyncio.Queue[OutboundEntry]) -> None:
        try:
            while not queue.empty():
                entry = queue.get_nowait()
                while True:
                    try:
                        async with self._sending:
                            await self._deliver(entry)
                        break
                    except STORE_UNAVAILABLE as exc:
                        # Our record of the delivery could not be read or written: keep
                        # the entry and the chat's order, and try again once Redis is back.
                        log.warning(
                            "outbox unreachable; delivery retried",
                            extra={"channel": self.channel, "error": repr(exc)},
                        )
                        await asyncio.sleep(STORE_RETRY_SECONDS)
        finally:
            self._chats.pop(chat, None)

    async def _deliver(self, entry: OutboundEntry) -> None:
        """Send one entry and record the outcome. A store outage propagates (the chat loop
        retries the entry); a reply already sent is then recorded, never sent again."""
        delivery = entry.delivery
        if delivery.delivery_id not in self._sent_unrecorded:
            if await self.store.outbox.was_delivered(self.channel, delivery.delivery_id):
                await self.store.outbox.done(self.channel, entry)
                return
            try:
                error = await self._send_with_retries(delivery)
            except _Held:
                return
            except RecipientBlocked as exc:
                metrics.DELIVERIES.labels(self.channel, "blocked").inc()
                log.warning(
                    "delivery refused: the user blocked the bot or left the chat; "
                    "marked blocked, not written to again",
                    extra={"channel": self.channel, "chat": delivery.chat_id,
                           "delivery": delivery.delivery_id, "error": str(exc)[:200]},
                )  # fmt: skip
                await self.on_blocked(delivery)
                await self.store.outbox.dead(self.channel, entry, f"blocked: {exc}", time.time())
                return
            if error is not None:
                metrics.DELIVERIES.labels(self.channel, "dead").inc()
                log.warning(
                    "delivery dead-lettered", extra={"channel": self.channel, "error": error}
                )
                if self.on_dead is not None:
                    # Before the dead letter: a store outage here retries the entry whole,
                    # and the note is deduplicated by the delivery's id.
                    await self.on_dead(delivery, error)
                await self.store.outbox.dead(self.channel, entry, error, time.time())
                return
            self._sent_unrecorded.add(delivery.delivery_id)
        await self.store.outbox.done(self.channel, entry)
        self._sent_unrecorded.discard(delivery.delivery_id)
        self.sent += 1
        metrics.DELIVERIES.labels(self.channel, "sent").inc()

    async def _send_with_retries(self, delivery: Delivery) -> str | None:
        """None once sent; the last error after the attempts ran out (or a permanent one,
        or a second send that may have arrived: MAYBE_DELIVERED_RESENDS). The waits a
        channel asks for (`retry_after`) spend no attempt, up to FLOOD_WAIT_MAX_SECONDS."""
        error = ""
        pace = getattr(self.connector, "pace", None)
        attempt, told_to_wait, unconfirmed = 1, 0.0, 0
        while True:
            if not await self.health.turn(self._stopping):
                raise _Held()
            try:
                if pace is not None:
                    # Waiting for a rate-limit slot is not sending: no timeout, no failure.
                    await pace(delivery.chat_id, delivery.message)
                # In this task (no new task to schedule): the send starts the moment its
                # slot is granted, so sends leave as paced and never bunch up behind a
                # busy event loop.
                async with asyncio.timeout(self._time_for(delivery)):
                    await self.connector.send(delivery.chat_id, delivery.message)
                self.health.accepted()
                return None
            except (RecipientBlocked, *STORE_UNAVAILABLE):
                raise
            except ChannelRefused as exc:
                # No attempt spent: the reply waits for the channel, however long.
                self.health.refused(str(exc))
                continue
            except MaybeDelivered as exc:
                error = str(exc)
                unconfirmed += 1
                if unconfirmed > MAYBE_DELIVERED_RESENDS:
                    return (
                        f"unconfirmed: {error}, twice; it may have arrived, so it was not "
                        "sent again"
                    )
                delay = self._backoff(attempt)
                log.warning(
                    "a send may have arrived without an answer; it is sent once more, "
                    "and the user may see it twice",
                    extra={"channel": self.channel, "chat": delivery.chat_id,
                           "delivery": delivery.delivery_id, "error": error},
                )  # fmt: skip
            except TimeoutError:
                # Our own cut-off: it may have fallen on a store call inside the send as
                # well as on the channel's, so it is no "may have arrived" (a connector
                # whose calls end sooner than `send_timeout` tells those apart itself).
                error, delay = "timed out", self._backoff(attempt)
            except DeliveryError as exc:
                error = str(exc)
                if exc.permanent:
                    return error
                wait = exc.retry_after
                if wait is not None and told_to_wait + wait <= FLOOD_WAIT_MAX_SECONDS:
                    told_to_wait += wait
                    metrics.DELIVERIES.labels(self.channel, "retried").inc()
                    log.info(
                        "delivery throttled, waiting as told",
                        extra={"channel": self.channel, "delay": wait, "error": error},
                    )
                    await asyncio.sleep(wait)
                    continue
                delay = wait if wait is not None else self._backoff(attempt)
            except Exception as exc:  # a connector bug must not stop the sender
                log.exception("sending via %s failed", self.channel)
                error, delay = repr(exc), self._backoff(attempt)
            if attempt >= self.max_attempts:
                return error
            metrics.DELIVERIES.labels(self.channel, "retried").inc()
            log.info(
                "delivery failed, retrying",
                extra={"channel": self.channel, "attempt": attempt, "delay": delay, "error": error},
            )
            await asyncio.sleep(delay)
            attempt += 1

    def _time_for(self, delivery: Delivery) -> float:
        """A send's time: `send_timeout`, and FILE_UPLOAD_SECONDS more for each file (cut
        off sooner, an upload on a slow line never arrived whole, or arrived and was sent
        again)."""
        return self.send_timeout + FILE_UPLOAD_SECONDS * len(delivery.message.attachments)

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff with full jitter."""
        cap = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
        return random.uniform(cap / 2, cap)
