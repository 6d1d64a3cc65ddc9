"""A Sentinel failover under webhook traffic, with the real gateway (`create_app`).

1 primary, 2 replicas, 3 sentinels (down-after-milliseconds 1000); the gateway writes
with `WAIT 1`. Telegram webhooks arrive at a bounded rate from several chats; the
primary is SIGKILLed mid-run. Telegram's side then shows:
- every update it got a 200 for is in its conversation, once, in order (0 lost, 0 twice);
- during the gap it got retryable errors (503 with Retry-After), never another status;
- every conversation still reaches its ticket and the user sees the ticket's number.
The long run with more traffic is bench/bench_failover.py.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
from aiohttp import web
from failover_traffic import TrafficReport, chat_traffic, on_sentinel
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
EXTRA = 4  # follow-ups per chat after the ticket script
RATE = 40.0  # updates a second over all chats
KILL_AFTER_ACKS = 24


async def kill_primary_after(setup: SentinelSetup, report: TrafficReport, acks: int) -> int:
    while report.total_acked < acks:
        await asyncio.sleep(0.02)
    primary = setup.primary()
    await asyncio.to_thread(primary.kill)
    report.kill_at = time.monotonic()
    return primary.port


async def readiness_through_the_gap(port: int, report: TrafficReport) -> list[tuple[int, str]]:
    """What /readyz answers from the kill until it is ready again."""
    seen: list[tuple[int, str]] = []
    async with aiohttp.ClientSession() as http:
        while report.kill_at is None:
            await asyncio.sleep(0.02)
        while not seen or seen[-1][0] != 200:
            async with http.get(f"http://127.0.0.1:{port}/readyz") as resp:
                seen.append((resp.status, (await resp.json())["status"]))
            await asyncio.sleep(0.1)
    return seen


async def test_a_sentinel_failover_loses_and_repeats_nothing_acknowledged(
    settings: Settings, telegram_api: TelegramEmulator, fresh_sentinel: SentinelSetup
) -> None:
    port = free_port()
    config = with_telegram(settings, telegram_api, mode="webhook", webhook_secret=SecretStr(SECRET))
    config = on_sentinel(config, fresh_sentinel)
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
        killer = asyncio.create_task(kill_primary_after(fresh_sentinel, report, KILL_AFTER_ACKS))
        readiness = asyncio.create_task(readiness_through_the_gap(port, report))
        await asyncio.wait_for(chat_traffic(url, SECRET, CHATS, EXTRA, RATE, report), 120)
        killed = await killer
        # /readyz: not ready during the gap, ready again on the new primary.
        seen = await asyncio.wait_for(readiness, 60)
        assert (503, "redis unavailable") in seen and seen[-1][0] == 200
        assert fresh_sentinel.primary_port() != killed

        # What the channel was told: only 200s and retryable 503s, and some of the latter.
        assert report.other == []
        assert report.retryable > 0
        print(
            f"\nsentinel failover: {report.total_acked} acknowledged, "
            f"{report.retryable} retryable errors, "
            f"inbound accepted again {report.recovery_seconds():.1f} s after the kill"
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
