"""A send whose answer never came may have arrived: it is sent once more at most (the user
sees a reply twice at worst, not six times), then it is a dead letter that says so. A send
that never left (no connection) is retried as before. Against the emulated Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sending import sent_or_given_up

from emulators.harness import FAST_BACKOFF, with_telegram
from emulators.server import free_port
from emulators.telegram import TelegramEmulator
from gateway.config import Settings
from gateway.connectors import telegram as telegram_module
from gateway.connectors.base import DeliveryError, MaybeDelivered
from gateway.connectors.ratelimit import SendRateLimiter
from gateway.connectors.telegram import TelegramConnector
from gateway.delivery import ChannelSender
from gateway.models import OutboundMessage
from gateway.store import Store, Transaction

CHAT = 333444555


def connector_for(settings: Settings, store: Store, api: TelegramEmulator) -> TelegramConnector:
    limiter = SendRateLimiter(per_chat_rate=1000, per_chat_burst=1000, global_rate=1000)
    return TelegramConnector(
        with_telegram(settings, api), store, backoff=FAST_BACKOFF, limiter=limiter
    )


@pytest.fixture
async def telegram(
    settings: Settings,
    store: Store,
    telegram_api: TelegramEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[TelegramConnector]:
    monkeypatch.setattr(telegram_module, "SEND_TIMEOUT", 0.5)  # the emulator stalls 1.5 s
    connector = connector_for(settings, store, telegram_api)
    yield connector
    await connector.stop()


async def send_through_sender(
    store: Store, connector: TelegramConnector, text: str
) -> tuple[ChannelSender, list[str]]:
    tx = Transaction()
    tx.deliver("telegram", str(CHAT), OutboundMessage(text=text))
    await store.commit(tx)
    return await sent_or_given_up(
        store, connector, max_attempts=6, backoff_base=0.05, send_timeout=5
    )


async def test_a_send_telegram_took_but_answered_too_late_is_sent_once_more_at_most(
    telegram: TelegramConnector, telegram_api: TelegramEmulator, store: Store
) -> None:
    """Before: each of the six tries stalled past the send's time and each was shown: the
    user saw the reply six times, and it was dead-lettered as "timed out"."""
    telegram_api.stalled_answers, telegram_api.stall_seconds = 10, 1.5
    _, given_up = await send_through_sender(store, telegram, "Restart the router, please")
    assert telegram_api.texts(CHAT) == ["Restart the router, please"] * 2
    [error] = given_up
    assert error.startswith("unconfirmed:") and "may have arrived" in error
    [letter] = await store.outbox.dead_letters()
    assert letter["error"] == error  # the operator sees why, and can send it again


async def test_one_lost_answer_costs_one_repeat_and_the_reply_is_delivered(
    telegram: TelegramConnector, telegram_api: TelegramEmulator, store: Store
) -> None:
    telegram_api.stalled_answers, telegram_api.stall_seconds = 1, 1.5
    sender, given_up = await send_through_sender(store, telegram, "Your ticket is HD-000042")
    assert sender.sent == 1 and given_up == []
    assert telegram_api.texts(CHAT) == ["Your ticket is HD-000042"] * 2


async def test_a_lost_answer_is_told_from_a_connection_never_made(
    settings: Settings,
    store: Store,
    telegram: TelegramConnector,
    telegram_api: TelegramEmulator,
) -> None:
    telegram_api.stalled_answers, telegram_api.stall_seconds = 1, 1.5
    with pytest.raises(MaybeDelivered):
        await telegram.send(str(CHAT), OutboundMessage(text="answered too late"))
    telegram_api.down = "close"  # took the request, dropped the link
    with pytest.raises(MaybeDelivered):
        await telegram.send(str(CHAT), OutboundMessage(text="link dropped"))
    telegram_api.down = ""

    nobody = TelegramEmulator()  # never started: its port refuses connections
    nobody.server.port = free_port()
    unreachable = connector_for(settings, store, nobody)
    try:
        with pytest.raises(DeliveryError) as refused:
            await unreachable.send(str(CHAT), OutboundMessage(text="never left"))
        assert not isinstance(refused.value, MaybeDelivered)
    finally:
        await unreachable.stop()


async def test_sends_that_never_left_are_retried_as_before(
    telegram: TelegramConnector, telegram_api: TelegramEmulator, store: Store
) -> None:
    """Three 502s (Telegram's front answered: it did not take the message) then success."""
    telegram_api.fail_next("sendMessage", 502, "Bad Gateway", times=3)
    sender, given_up = await send_through_sender(store, telegram, "Try the VPN again")
    assert sender.sent == 1 and given_up == []
    assert telegram_api.texts(CHAT) == ["Try the VPN again"]
