"""What operators see of a channel that refuses the bot (a revoked Telegram token): the
console names it, with why, /healthz names it (alive all the same: a restart mends no
token) and /metrics has it at 0."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from harness import Console, Gateway, running_gateway, screenshot, sign_in
from playwright.async_api import expect

from emulators.harness import with_telegram
from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from gateway.app import CHANNEL_HEALTH
from gateway.channel_health import ChannelHealth
from gateway.config import Settings


@asynccontextmanager
async def telegram_refusing(
    web_settings: Settings, telegram_api: TelegramEmulator
) -> AsyncIterator[tuple[Gateway, ChannelHealth]]:
    """The gateway running while Telegram refuses its token (a revoked one), once it has
    found the channel down: the gateway and Telegram's health."""
    settings = with_telegram(web_settings, telegram_api)
    telegram_api.token = "123456:the-token-botfather-gave-after-a-revoke"
    async with running_gateway(settings) as gw:
        [telegram] = [h for h in gw.app[CHANNEL_HEALTH] if h.channel == "telegram"]
        await eventually(lambda: telegram.down, what="polling refused")
        yield gw, telegram


async def test_operators_see_that_telegram_refuses_the_bot_and_why(
    web_settings: Settings, telegram_api: TelegramEmulator, http: aiohttp.ClientSession
) -> None:
    async with telegram_refusing(web_settings, telegram_api) as (gw, telegram):
        operator = Console(http, gw)
        assert (await operator.sign_in("alice"))[0] == 200
        status, body = await operator.get("/console/api/channels")
        assert status == 200
        shown = {c["channel"]: c for c in body["channels"]}
        assert shown["webchat"] == {"channel": "webchat", "status": "up"}
        assert shown["telegram"]["status"] == "down"
        assert "Unauthorized" in shown["telegram"]["reason"]
        assert "telegram.token" in shown["telegram"]["reason"]

        async with http.get(gw.url + "/healthz") as resp:
            assert resp.status == 200  # alive: the web chat and the console work
            health = await resp.json()
        assert [c["channel"] for c in health["channels_down"]] == ["telegram"]
        async with http.get(gw.url + "/metrics") as resp:
            assert 'firstline_channel_up{channel="telegram"} 0.0' in await resp.text()

        telegram_api.token = gw.settings.telegram.token.get_secret_value()  # type: ignore[union-attr]
        await eventually(lambda: not telegram.down, what="polling accepted again")
        body = (await operator.get("/console/api/channels"))[1]
        assert all(c["status"] == "up" for c in body["channels"])
        async with http.get(gw.url + "/healthz") as resp:
            assert await resp.json() == {"status": "ok"}


async def test_the_console_api_of_channels_needs_a_signed_in_operator(
    web_settings: Settings, http: aiohttp.ClientSession
) -> None:
    async with running_gateway(web_settings) as gw:
        status, _ = await Console(http, gw).get("/console/api/channels")
        assert status in (401, 403)


async def test_the_console_page_shows_telegram_down_over_the_queue(
    web_settings: Settings, telegram_api: TelegramEmulator, browser: Any
) -> None:
    async with telegram_refusing(web_settings, telegram_api) as (gw, _):
        page = await browser.new_page()
        await sign_in(page, gw, "alice")
        shown = page.locator("#channels-down .channel-down")
        await expect(shown).to_have_count(1)
        await expect(shown).to_contain_text("Telegram is down since")
        await expect(shown).to_contain_text("Unauthorized")
        await screenshot(page, "console-telegram-down")
        await page.close()
