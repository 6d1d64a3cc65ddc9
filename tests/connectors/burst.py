"""A reply burst: many chats waiting for a reply at once, drained through the real sender."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from emulators.telegram import TelegramEmulator
from gateway.connectors.telegram import TelegramConnector
from gateway.delivery import ChannelSender
from gateway.models import Delivery, OutboundMessage
from gateway.store import Store, Transaction
from gateway.store import keys as store_keys


@dataclass
class BurstResult:
    chats: int
    delivered_once: int
    missing: int
    repeated: int
    dead_letters: int
    seconds: float
    busiest_second: int  # the most sends the API saw within any one second
    busiest_two_seconds: int


async def reply_burst(
    store: Store,
    connector: TelegramConnector,
    api: TelegramEmulator,
    *,
    chats: int,
    send_timeout: float,
    timeout: float,
) -> BurstResult:
    """Queue one reply to each of `chats` chats, run a sender until all are out or `timeout`."""
    tx = Transaction()
    for chat in range(1, chats + 1):
        tx.deliver("telegram", str(chat), OutboundMessage(text=f"reply to chat {chat}"))
    await store.commit(tx)
    sender = ChannelSender(
        store, connector, consumer="burst", on_blocked=_never_blocked,
        send_timeout=send_timeout, backoff_base=0.05, backoff_max=0.2,
    )  # fmt: skip
    started = time.monotonic()
    task = asyncio.create_task(sender.run())
    deadline = started + timeout
    while time.monotonic() < deadline:
        done = len(api.send_times) + int(await store.redis.llen(store_keys.DEAD_LETTERS))
        if done >= chats:
            break
        await asyncio.sleep(0.05)
    seconds = time.monotonic() - started
    sender.stop()
    await task
    counts = [len(api.sent.get(chat, [])) for chat in range(1, chats + 1)]
    return BurstResult(
        chats=chats,
        delivered_once=sum(c == 1 for c in counts),
        missing=sum(c == 0 for c in counts),
        repeated=sum(c > 1 for c in counts),
        dead_letters=int(await store.redis.llen(store_keys.DEAD_LETTERS)),
        seconds=seconds,
        busiest_second=busiest_window(sorted(api.send_times)),
        busiest_two_seconds=busiest_window(sorted(api.send_times), 2.0),
    )


def busiest_window(times: list[float], seconds: float = 1.0) -> int:
    """The most sends the API saw within any window of `seconds`."""
    best, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= seconds:
            first += 1
        best = max(best, last - first + 1)
    return best


async def _never_blocked(delivery: Delivery) -> None:
    raise AssertionError(f"{delivery.channel}:{delivery.chat_id} reported blocked")
