"""Outbound delivery: retries with the channel's retry_after, dead letters, blocked users."""

from __future__ import annotations

import asyncio
import logging
from unittest.mock import patch

import pytest
from aiohttp import web

from gateway.connectors.base import DeliveryError, OnMessage, RecipientBlocked
from gateway.delivery import FLOOD_WAIT_MAX_SECONDS, ChannelSender
from gateway.models import Delivery, OutboundMessage
from gateway.store import Store, Transaction


class ScriptedChannel:
    """A channel whose API answers with the given failures before succeeding."""

    channel = "telegram"

    def __init__(self, failures: dict[str, list[Exception]]) -> None:
        self.failures = failures
        self.delivered: list[tuple[str, str]] = []
        self.calls = 0

    async def start(self, on_message: OnMessage) -> None: ...

    async def stop(self) -> None: ...

    def routes(self) -> list[web.RouteDef]:
        return []

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        self.calls += 1
        pending = self.failures.get(chat_id, [])
        if pending:
            raise pending.pop(0)
        self.delivered.append((chat_id, message.text))


async def queue(store: Store, chat: str, *texts: str) -> None:
    tx = Transaction()
    for text in texts:
        tx.deliver("telegram", chat, OutboundMessage(text=text))
    await store.commit(tx)


async def run_until(sender: ChannelSender, condition, rounds: int = 1000) -> None:  # type: ignore[no-untyped-def]
    task = asyncio.create_task(sender.run())
    for _ in range(rounds):
        if condition():
            break
        await asyncio.sleep(0.01)
    sender.stop()
    await task


async def test_429_is_waited_out_and_each_reply_delivered_once_in_order(store: Store) -> None:
    channel = ScriptedChannel({"1": [DeliveryError("429", retry_after=0.05)]})
    blocked: list[str] = []

    async def on_blocked(delivery: Delivery) -> None:
        blocked.append(delivery.chat_id)

    await queue(store, "1", "first", "second")
    await queue(store, "2", "other chat")
    sender = ChannelSender(store, channel, consumer="s", on_blocked=on_blocked, backoff_base=0.01)
    await run_until(sender, lambda: len(channel.delivered) == 3)

    assert [t for c, t in channel.delivered if c == "1"] == ["first", "second"]
    assert ("2", "other chat") in channel.delivered
    assert channel.calls == 4
    assert await store.outbox.pending("telegram") == 0
    assert blocked == []


async def test_reply_that_keeps_failing_goes_to_dead_letters(store: Store) -> None:
    channel = ScriptedChannel({"1": [DeliveryError("502 bad gateway")] * 10})
    sender = ChannelSender(
        store, channel, consumer="s", on_blocked=_ignore, max_attempts=3, backoff_base=0.01
    )
    await queue(store, "1", "hello")
    await run_until(sender, lambda: channel.calls >= 3)
    await asyncio.sleep(0)
    dead = await store.outbox.dead_letters()
    assert [(d["chat_id"], d["message"]["text"], d["error"]) for d in dead] == [
        ("1", "hello", "502 bad gateway")
    ]
    assert await store.outbox.pending("telegram") == 0


async def test_a_channel_saying_wait_spends_no_try_and_the_reply_goes_out(store: Store) -> None:
    """A 429 says when to send again: the reply is not at fault. Each 429 spent one of
    the tries, so a channel throttling the bot six times in a row (a flood, an incident's
    broadcast) dead-lettered the reply. Now its waits spend none; other failures still
    do, and a reply waited on for longer than FLOOD_WAIT_MAX_SECONDS is given up."""
    flood = [DeliveryError("Too Many Requests: retry after 1", retry_after=0.01)] * 5
    channel = ScriptedChannel({"1": [*flood, DeliveryError("502 bad gateway"), *flood]})
    sender = ChannelSender(
        store, channel, consumer="s", on_blocked=_ignore, max_attempts=2, backoff_base=0.01
    )
    await queue(store, "1", "hello")
    await run_until(sender, lambda: channel.delivered)
    assert channel.delivered == [("1", "hello")] and channel.calls == 12
    assert await store.outbox.dead_letters() == []

    endless = ScriptedChannel({"2": [DeliveryError("429", retry_after=FLOOD_WAIT_MAX_SECONDS)] * 2})
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    given_up = ChannelSender(store, endless, consumer="t", on_blocked=_ignore, max_attempts=1)
    with patch("gateway.delivery.asyncio.sleep", sleep):
        error = await given_up._send_with_retries(
            Delivery("d2", "telegram", "2", OutboundMessage(text="late"))
        )
    assert error == "429" and slept == [FLOOD_WAIT_MAX_SECONDS]


async def test_blocked_user_is_reported_and_not_retried(store: Store) -> None:
    channel = ScriptedChannel({"9": [RecipientBlocked("Forbidden: bot was blocked by the user")]})
    blocked: list[str] = []

    async def on_blocked(delivery: Delivery) -> None:
        blocked.append(delivery.chat_id)

    await queue(store, "9", "are you there?")
    sender = ChannelSender(store, channel, consumer="s", on_blocked=on_blocked)
    await run_until(sender, lambda: blocked)
    assert blocked == ["9"] and channel.calls == 1 and channel.delivered == []


async def test_a_reply_to_a_user_who_blocked_the_bot_is_one_clear_log_line(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """The operator reading the log sees why a reply did not arrive, and to whom."""
    channel = ScriptedChannel({"9": [RecipientBlocked("Forbidden: bot was blocked by the user")]})
    blocked: list[str] = []

    async def on_blocked(delivery: Delivery) -> None:
        blocked.append(delivery.chat_id)

    await queue(store, "9", "are you there?")
    sender = ChannelSender(store, channel, consumer="s", on_blocked=on_blocked)
    with caplog.at_level(logging.INFO, logger="gateway.delivery"):
        await run_until(sender, lambda: blocked)
    lines = [r for r in caplog.records if "blocked the bot" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.WARNING
    assert (lines[0].channel, lines[0].chat) == ("telegram", "9")  # type: ignore[attr-defined]
    assert "bot was blocked by the user" in lines[0].error  # type: ignore[attr-defined]


async def test_reply_left_by_a_crashed_sender_is_sent_once_by_the_next(store: Store) -> None:
    await queue(store, "1", "once")
    await store.outbox.ensure_group("telegram")
    taken = await store.outbox.read("telegram", "crashed-sender", 10, 10)
    assert [e.delivery.message.text for e in taken] == ["once"]  # read, never finished

    channel = ScriptedChannel({})
    sender = ChannelSender(store, channel, consumer="s", on_blocked=_ignore)
    await run_until(sender, lambda: channel.delivered)
    again = ChannelSender(store, channel, consumer="s2", on_blocked=_ignore)
    await run_until(again, lambda: channel.calls > 1, rounds=50)
    assert channel.delivered == [("1", "once")]
    assert await store.outbox.pending("telegram") == 0


class _Crashed(Exception):
    """The sender's process died here."""


class _DiesBeforeRetiring:
    """The store's connection as the dying sender saw it: the listing went through, the
    step that retires the entry (a pipeline) never did."""

    def __init__(self, real: object) -> None:
        self.real = real

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def pipeline(self, **_: object) -> object:
        raise _Crashed


async def test_a_reply_given_up_on_by_a_sender_that_died_before_retiring_it_is_listed_once(
    store: Store,
) -> None:
    """A sender listed a dead letter and died before taking it off its stream; the next
    sender read it again, failed again and listed it a second time (two rows for one
    reply, the second's retry a 404)."""
    channel = ScriptedChannel({"7": [DeliveryError("403 forbidden", permanent=True)] * 2})
    await queue(store, "7", "your VPN access is ready")
    dying = ChannelSender(store, channel, consumer="dying", on_blocked=_ignore)
    await store.outbox.ensure_group("telegram")
    [entry] = await store.outbox.read("telegram", "dying", 10, 100)
    real = store.outbox._redis
    store.outbox._redis = _DiesBeforeRetiring(real)  # type: ignore[assignment]
    try:
        await dying._deliver(entry)
    except _Crashed:
        pass
    finally:
        store.outbox._redis = real
    assert len(await store.outbox.dead_letters()) == 1

    sender = ChannelSender(store, channel, consumer="next", on_blocked=_ignore)
    await run_until(sender, lambda: channel.calls >= 2)
    await asyncio.sleep(0.05)
    dead = await store.outbox.dead_letters()
    assert [(d["chat_id"], d["message"]["text"]) for d in dead] == [
        ("7", "your VPN access is ready")
    ]
    assert await store.outbox.pending("telegram") == 0


async def _ignore(delivery: Delivery) -> None:
    return None
