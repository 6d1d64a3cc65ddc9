"""Two Sentinel failovers in a row under webhook traffic, with the real gateway
(`create_app`).

1 primary, 3 replicas, 3 sentinels (down-after-milliseconds 1000); the gateway writes
with `WAIT 1`. Telegram webhooks arrive at a bounded rate from several chats; the
primary is SIGKILLed mid-run, and once a replica is promoted and intake goes on, the new
primary is SIGKILLed too (so a write the first new primary acknowledged must survive its
death). Telegram's side then shows:
- every update it got a 200 for is in its conversation, once, in order (0 lost, 0 twice);
- during the gap it got retryable errors (503 with Retry-After), never another status;
- every conversation still reaches its ticket and the user sees the ticket's number, and
  no ticket number is handed out twice;
- intake came back after each kill (the seconds are printed, not asserted).
The long run with more traffic is bench/bench_failover.py (`--failovers 2`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from aiohttp import web
from failover_traffic import TrafficReport, chat_traffic, on_sentinel, readiness_through_the_gap
from pydantic import SecretStr
from redis_topologies import SentinelSetup

from emulators.harness import with_telegram
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from gateway import app as gateway_app
from gateway.config import Settings
from gateway.runtime import Runtime

SECRET = "hook_secret-42"
CHATS = [700001 + i for i in range(8)]
EXTRA = 6  # follow-ups per chat after the ticket script
RATE = 40.0  # updates a second over all chats
KILL_EVERY_ACKS = 24  # acknowledged updates before each kill
FAILOVERS = 2


@pytest.fixture
def sentinel_3_replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SentinelSetup]:
    """After two failovers the last primary still has a replica to confirm writes."""
    setup = SentinelSetup.start(tmp_path_factory.mktemp("sentinel"), replicas=3)
    yield setup
    setup.stop()


async def kill_primaries(setup: SentinelSetup, report: TrafficReport, every: int) -> list[int]:
    """SIGKILL the primary after `every` acknowledged updates; once intake is back on the
    promoted replica (and the sentinels know its replicas), after `every` more, again."""
    killed: list[int] = []
    for n in range(FAILOVERS):
        while report.total_acked < every * (n + 1) or len(report.back) < n:
            await asyncio.sleep(0.02)
        if n:
            await asyncio.to_thread(setup.wait_settled, FAILOVERS - n + 1)
        primary = setup.primary()
        await asyncio.to_thread(primary.kill)
        report.killed()
        killed.append(primary.port)
    return killed


async def test_two_sentinel_failovers_in_a_row_lose_and_repeat_nothing_acknowledged(
    settings: Settings, telegram_api: TelegramEmulator, sentinel_3_replicas: SentinelSetup
) -> None:
    setup = sentinel_3_replicas
    port = free_port()
    config = with_telegram(settings, telegram_api, mode="webhook", webhook_secret=SecretStr(SECRET))
    config = on_sentinel(config, setup)
    # Every chat reports the same printer: that is a mass incident, which would join the chats
    # to one parent ticket depending on timing. Each chat's own ticket is what is checked here.
    config = config.model_copy(
        update={"incidents": config.incidents.model_copy(update={"enabled": False})}
    )
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})}
    )
    app = gateway_app.create_app(config)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        rt: Runtime = app[gateway_app.RUNTIME]
        await eventually(lambda: telegram_api.webhook, what="webhook registered")
        report = TrafficReport()
        url = f"http://127.0.0.1:{port}/webhooks/telegram"
        killer = asyncio.create_task(kill_primaries(setup, report, KILL_EVERY_ACKS))
        readiness = asyncio.create_task(readiness_through_the_gap(port, report))
        await asyncio.wait_for(chat_traffic(url, SECRET, CHATS, EXTRA, RATE, report), 120)
        killed = await killer
        # /readyz: not ready during the gap, ready again on the new primary.
        seen = await asyncio.wait_for(readiness, 60)
        assert (503, "redis unavailable") in seen and seen[-1][0] == 200
        assert len(set(killed)) == FAILOVERS and setup.primary_port() not in killed

        # What the channel was told: only 200s and retryable 503s, and some of the latter.
        assert report.other == []
        assert report.retryable > 0
        back = ", ".join(f"{s:.1f}" for s in report.recovery_seconds())
        print(
            f"\n{FAILOVERS} sentinel failovers: {report.total_acked} acknowledged, "
            f"{report.retryable} retryable errors, "
            f"inbound accepted again {back} s after each kill"
        )
        for chat in CHATS:
            key = f"telegram:{chat}"

            async def said(key: str = key) -> list[str] | None:
                log = await rt.store.conversations.transcript(key)
                inbound = [e["text"] for e in log if e["direction"] == "in"]
                return inbound if len(inbound) >= len(report.acked[int(key[9:])]) else None

            # Every acknowledged update once, in the order sent: nothing lost or repeated.
            assert await eventually(said, what=f"{key} processed") == report.acked[chat]
            tickets = await rt.store.tickets.for_conversation(key)
            assert len(tickets) == 1
            await eventually(
                lambda c=chat, t=tickets[0].id: any(t in x for x in telegram_api.texts(c)),
                what=f"the ticket number shown in chat {chat}",
            )
        numbers = [
            t.id for c in CHATS for t in await rt.store.tickets.for_conversation(f"telegram:{c}")
        ]
        assert len(set(numbers)) == len(CHATS)  # no ticket number handed out twice
    finally:
        await runner.cleanup()
