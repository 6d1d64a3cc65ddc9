"""A channel that refuses the bot itself (a revoked or wrong token): its replies are held
queued, not retried into a storm nor dead-lettered, and the channel is said to be down,
once and loudly, until a send goes through again. Against the emulated APIs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest

from emulators.harness import FAST_BACKOFF, Intake, with_telegram
from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway import metrics
from gateway.channel_health import ChannelHealth
from gateway.config import Settings
from gateway.connectors.base import ChannelRefused
from gateway.connectors.graph_api import GraphError, delivery_error
from gateway.connectors.ratelimit import SendRateLimiter
from gateway.connectors.telegram import TelegramConnector
from gateway.connectors.viber import ViberConnector
from gateway.delivery import ChannelSender
from gateway.models import Delivery, OutboundMessage
from gateway.store import Store, Transaction

CHAT = 222333444
USER = "01234567890A/+b=="


def channel_up(channel: str) -> float:
    return metrics.CHANNEL_UP.labels(channel)._value.get()  # type: ignore[no-any-return]


@pytest.fixture
async def telegram(
    settings: Settings, store: Store, telegram_api: TelegramEmulator
) -> AsyncIterator[TelegramConnector]:
    limiter = SendRateLimiter(per_chat_rate=1000, per_chat_burst=1000, global_rate=1000)
    connector = TelegramConnector(
        with_telegram(settings, telegram_api), store, backoff=FAST_BACKOFF, limiter=limiter
    )
    yield connector
    await connector.stop()


class Outcomes:
    def __init__(self) -> None:
        self.dead: list[str] = []
        self.blocked: list[str] = []

    async def on_dead(self, delivery: Delivery, error: str) -> None:
        self.dead.append(error)

    async def on_blocked(self, delivery: Delivery) -> None:
        self.blocked.append(delivery.chat_id)


async def queue(store: Store, channel: str, chat: str, *texts: str) -> None:
    tx = Transaction()
    for text in texts:
        tx.deliver(channel, chat, OutboundMessage(text=text))
    await store.commit(tx)


def sends(api: TelegramEmulator) -> int:
    """sendMessage calls, refused or not."""
    tried = api.calls + [(m, {}) for m in api.unauthorized]
    return sum(1 for method, _ in tried if method == "sendmessage")


async def test_a_revoked_telegram_token_holds_the_replies_and_says_the_channel_is_down(
    telegram: TelegramConnector,
    telegram_api: TelegramEmulator,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Before: each reply was tried six times (a 401 read as temporary), then dead-lettered
    with a note on its ticket, and nothing told the operator the bot's token was gone."""
    telegram_api.token = "123456:a-new-token-from-botfather"  # ours is revoked
    telegram.health = ChannelHealth("telegram", recheck_seconds=0.5)
    outcomes = Outcomes()
    sender = ChannelSender(
        store, telegram, consumer="sender-telegram", on_blocked=outcomes.on_blocked,
        on_dead=outcomes.on_dead, max_attempts=6, backoff_base=0.01, send_timeout=5,
    )  # fmt: skip
    await queue(store, "telegram", str(CHAT), "first", "second")
    await queue(store, "telegram", "555", "another chat")
    caplog.set_level(logging.INFO, logger="gateway.channel_health")
    task = asyncio.create_task(sender.run())
    try:
        await eventually(lambda: sender.health.down, what="the channel found down")
        assert "revoked" in sender.health.reason and "Unauthorized" in sender.health.reason
        assert channel_up("telegram") == 0
        await asyncio.sleep(1.2)  # two recheck intervals
        # One reply is tried per interval, not six per reply; none is given up on.
        assert 1 <= sends(telegram_api) <= 4
        assert outcomes.dead == [] and outcomes.blocked == []
        assert await store.outbox.dead_letters() == []
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 1 and "refuses the bot's credentials" in errors[0].getMessage()

        telegram_api.token = telegram.bot.token  # the admin mended it (or Telegram relented)
        await eventually(lambda: sender.sent == 3, what="the held replies sent")
    finally:
        sender.stop()
        await task
    assert telegram_api.texts(CHAT) == ["first", "second"]
    assert telegram_api.texts(555) == ["another chat"]
    assert not sender.health.down and channel_up("telegram") == 1
    assert await store.outbox.pending("telegram") == 0


async def test_replies_held_at_shutdown_stay_queued_for_the_next_start(
    telegram: TelegramConnector, telegram_api: TelegramEmulator, store: Store
) -> None:
    telegram_api.token = "123456:a-new-token-from-botfather"
    outcomes = Outcomes()
    sender = ChannelSender(
        store, telegram, consumer="sender-telegram", on_blocked=outcomes.on_blocked,
        on_dead=outcomes.on_dead, backoff_base=0.01,
    )  # fmt: skip
    await queue(store, "telegram", str(CHAT), "held one", "held two")
    task = asyncio.create_task(sender.run())
    await eventually(lambda: sender.health.down, what="the channel found down")
    sender.stop()
    await asyncio.wait_for(task, 5)  # does not wait out the recheck interval
    assert outcomes.dead == [] and await store.outbox.dead_letters() == []
    assert await store.outbox.pending("telegram") == 2

    telegram_api.token = telegram.bot.token  # fixed; the gateway starts again
    again = ChannelSender(
        store, telegram, consumer="sender-telegram", on_blocked=outcomes.on_blocked,
        on_dead=outcomes.on_dead, backoff_base=0.01,
    )  # fmt: skip
    again.health = ChannelHealth("telegram")  # a new process knows nothing of the old
    task = asyncio.create_task(again.run())
    try:
        await eventually(lambda: again.sent == 2, what="the held replies sent after the fix")
    finally:
        again.stop()
        await task
    assert telegram_api.texts(CHAT) == ["held one", "held two"]


async def test_a_wrong_token_refused_while_polling_marks_the_channel_down(
    telegram: TelegramConnector, telegram_api: TelegramEmulator
) -> None:
    telegram_api.token = "987654:somebody-elses-bot"
    await telegram.start(Intake(telegram.store))
    await eventually(lambda: telegram.health.down, what="polling refused")
    assert "telegram.token" in telegram.health.reason
    telegram_api.token = telegram.bot.token
    await eventually(lambda: not telegram.health.down, what="polling accepted again")


async def test_telegrams_not_found_for_a_token_that_never_existed_is_a_refusal(
    telegram: TelegramConnector, telegram_api: TelegramEmulator
) -> None:
    telegram_api.fail_next("sendMessage", 404, "Not Found")
    with pytest.raises(ChannelRefused, match="wrong"):
        await telegram.send(str(CHAT), OutboundMessage(text="hello"))


async def test_an_invalid_viber_token_holds_the_replies_and_says_the_channel_is_down(
    viber: tuple[ViberConnector, Intake, str], store: Store, viber_api: ViberEmulator
) -> None:
    connector, intake, _ = viber
    viber_api.send_text(USER, "привіт")
    await eventually(lambda: intake.accepted, what="the user's first message")

    right = viber_api.auth_token
    viber_api.auth_token = "4453b6ac00000000-revoked"
    outcomes = Outcomes()
    sender = ChannelSender(
        store, connector, consumer="sender-viber", on_blocked=outcomes.on_blocked,
        on_dead=outcomes.on_dead, backoff_base=0.01,
    )  # fmt: skip
    connector.health.recheck_seconds = 0.3
    await queue(store, "viber", USER, "held for viber")
    task = asyncio.create_task(sender.run())
    try:
        await eventually(lambda: sender.health.down, what="viber found down")
        assert "viber.auth_token" in sender.health.reason
        assert channel_up("viber") == 0
        await asyncio.sleep(0.5)
        assert outcomes.dead == [] and await store.outbox.dead_letters() == []
        viber_api.auth_token = right
        await eventually(lambda: sender.sent == 1, what="the held reply sent")
    finally:
        sender.stop()
        await task
    assert viber_api.texts(USER) == ["held for viber"]
    assert not sender.health.down


def test_metas_invalid_token_code_is_a_refusal_of_the_channel() -> None:
    """Code 190 had been retried as temporary and dead-lettered reply by reply."""
    refused = delivery_error(GraphError(190, "Error validating access token", http_status=401))
    assert isinstance(refused, ChannelRefused) and "new token" in str(refused)
