"""Two gateway hosts on one store: a channel one host found refusing the bot is shown down
on the other too (console, /healthz, /readyz, /metrics), with the reason and since when,
and a send that works again clears it on both. Telegram in webhook mode (two hosts cannot
both long-poll one bot), against the emulated Bot API and one real redis-server."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import aiohttp
import pytest
from harness import Console, Gateway, running_gateway
from pydantic import SecretStr

from emulators.harness import with_telegram
from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from gateway import channel_health
from gateway.app import CHANNEL_HEALTH, RUNTIME
from gateway.channel_health import ChannelHealth
from gateway.config import Settings
from gateway.models import OutboundMessage
from gateway.store import ChannelDown, Transaction

CHAT = "727272"


def registrations(api: TelegramEmulator) -> int:
    return sum(1 for method, _ in api.calls if method == "setwebhook")


def telegram_of(gw: Gateway) -> ChannelHealth:
    [health] = [h for h in gw.app[CHANNEL_HEALTH] if h.channel == "telegram"]
    return health


async def shown(http: aiohttp.ClientSession, gw: Gateway) -> dict[str, Any]:
    """The telegram line each place shows on this host."""
    async with http.get(gw.url + "/console/api/channels") as resp:
        console = {c["channel"]: c for c in (await resp.json())["channels"]}["telegram"]
    async with http.get(gw.url + "/healthz") as resp:
        healthz = (await resp.json()).get("channels_down", [])
    async with http.get(gw.url + "/readyz") as resp:
        readyz = (await resp.json()).get("channels_down", [])
    async with http.get(gw.url + "/metrics") as resp:
        up = 'firstline_channel_up{channel="telegram"} 1.0' in await resp.text()
    return {"console": console, "healthz": healthz, "readyz": readyz, "metric_up": up}


def webhook_settings(web_settings: Settings, telegram_api: TelegramEmulator) -> Settings:
    return with_telegram(
        web_settings,
        telegram_api,
        mode="webhook",
        webhook_url="https://desk.example.test/webhooks/telegram",
        webhook_secret=SecretStr("two-hosts-one-bot"),
    )


@pytest.fixture
async def two_hosts(
    web_settings: Settings, telegram_api: TelegramEmulator
) -> AsyncIterator[tuple[Gateway, Gateway]]:
    settings = webhook_settings(web_settings, telegram_api)
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(running_gateway(settings))
        second = await stack.enter_async_context(running_gateway(settings))
        for gw in (first, second):
            telegram_of(gw).recheck_seconds = 0.3  # a held reply is tried again soon
        # Both hosts registered the webhook (each clears the shared state when it does).
        await eventually(lambda: registrations(telegram_api) >= 2, what="webhooks registered")
        hosts = [telegram_of(first), telegram_of(second)]
        await eventually(lambda: all(h.shared_down is False for h in hosts), what="up, shared")
        for health in hosts:
            await health.settled()
        yield first, second


async def signed_in(stack: AsyncExitStack, gw: Gateway) -> aiohttp.ClientSession:
    jar = aiohttp.CookieJar(unsafe=True)
    http = await stack.enter_async_context(aiohttp.ClientSession(cookie_jar=jar))
    assert (await Console(http, gw).sign_in("alice"))[0] == 200
    return http


async def test_a_token_refused_on_one_host_shows_on_the_other_and_clears_on_both(
    two_hosts: tuple[Gateway, Gateway], telegram_api: TelegramEmulator
) -> None:
    first, second = two_hosts
    right = telegram_api.token
    async with AsyncExitStack() as stack:
        operators = [await signed_in(stack, gw) for gw in two_hosts]
        for http, gw in zip(operators, two_hosts, strict=True):
            assert (await shown(http, gw))["console"] == {"channel": "telegram", "status": "up"}

        telegram_api.token = "123456:revoked-while-both-hosts-ran"
        before = time.time()
        tx = Transaction()
        tx.deliver("telegram", CHAT, OutboundMessage(text="your ticket is taken"))
        await first.app[RUNTIME].store.commit(tx)
        # One host's sender takes the reply and meets the refusal; the other sent nothing.
        await eventually(
            lambda: telegram_of(first).down or telegram_of(second).down, what="refused"
        )
        found, other = (first, second) if telegram_of(first).down else (second, first)
        assert not telegram_of(other).down
        states = other.app[RUNTIME].store.channel_states
        await eventually(lambda: states.get("telegram"), what="shared")

        for http, gw in zip(operators, two_hosts, strict=True):
            seen = await shown(http, gw)
            assert seen["console"]["status"] == "down", gw.url
            assert "Unauthorized" in seen["console"]["reason"]
            assert before - 1 <= seen["console"]["since"] <= time.time() + 1
            assert [c["channel"] for c in seen["healthz"]] == ["telegram"]
            assert [c["channel"] for c in seen["readyz"]] == ["telegram"]
            assert not seen["metric_up"]
        assert telegram_api.texts(int(CHAT)) == []

        telegram_api.token = right
        await eventually(lambda: telegram_api.texts(int(CHAT)), what="the held reply sent")
        assert telegram_api.texts(int(CHAT)) == ["your ticket is taken"]
        await eventually(lambda: not telegram_of(found).down, what="accepted again")
        for http, gw in zip(operators, two_hosts, strict=True):
            seen = await shown(http, gw)
            assert seen["console"] == {"channel": "telegram", "status": "up"}, gw.url
            assert seen["healthz"] == [] and seen["readyz"] == []
            assert seen["metric_up"]
        assert await states.get("telegram") is None


async def test_a_send_that_works_on_the_other_host_lifts_the_hold_here(
    two_hosts: tuple[Gateway, Gateway], telegram_api: TelegramEmulator
) -> None:
    """Host one found the token refused; the token was mended and host two sent a reply:
    host one's operators see the channel up, and host one no longer holds its replies."""
    first, second = two_hosts
    here, there = telegram_of(first), telegram_of(second)
    here.recheck_seconds = 3600.0  # host one would not try again for an hour itself
    here.refused("Telegram server says - Unauthorized (telegram.token revoked)")
    states = first.app[RUNTIME].store.channel_states
    await eventually(lambda: states.get("telegram"), what="shared")
    async with AsyncExitStack() as stack:
        [first_http, second_http] = [await signed_in(stack, gw) for gw in two_hosts]
        assert (await shown(second_http, second))["console"]["status"] == "down"
        assert not there.down
        there.accepted()  # a send through the channel worked on host two
        await eventually(lambda: _none(states.get("telegram")), what="cleared")
        assert (await shown(first_http, first))["console"] == {
            "channel": "telegram",
            "status": "up",
        }
        assert not here.down  # its held replies go now, not in an hour


async def _none(value: Any) -> bool:
    return await value is None


async def test_a_refusal_keeps_the_first_since_when_another_host_finds_it_later(
    two_hosts: tuple[Gateway, Gateway],
) -> None:
    states = two_hosts[0].app[RUNTIME].store.channel_states
    await states.down("viber", ChannelDown("status 2: invalid auth token", 1000.0, "host-a"))
    await states.down("viber", ChannelDown("status 2: invalid auth token", 2000.0, "host-b"))
    assert await states.get("viber") == ChannelDown(
        "status 2: invalid auth token", 1000.0, "host-b"
    )
    await states.up("viber")
    assert await states.all() == {}


async def test_a_host_with_another_token_is_named_down_and_the_state_does_not_flap(
    web_settings: Settings, telegram_api: TelegramEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Host B runs a wrong token, host A the right one: every place on both hosts shows
    Telegram down on host B, and A's working sends do not clear it. Before: each of A's
    sends cleared B's finding and B's next read lifted its hold, so the state flapped
    between up and down at every try, and never said the hosts' tokens differ."""
    settings = webhook_settings(web_settings, telegram_api)
    wrong = settings.telegram.model_copy(update={"token": SecretStr("123456:another-desks-bot")})
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(running_gateway(settings))
        with monkeypatch.context() as named:
            named.setattr(channel_health.socket, "gethostname", lambda: "desk-host-b")
            second = await stack.enter_async_context(
                running_gateway(settings.model_copy(update={"telegram": wrong}))
            )
        here, there = telegram_of(first), telegram_of(second)
        assert there.host == "desk-host-b" != here.host
        await eventually(lambda: there.down, what="host B's token refused")
        await eventually(lambda: here.shared_down is not None, what="host A registered")
        states = first.app[RUNTIME].store.channel_states
        await eventually(lambda: states.get("telegram"), what="shared")
        operators = [await signed_in(stack, gw) for gw in (first, second)]
        for _ in range(3):
            here.accepted()  # a send through the channel worked on host A
            await here.settled()
            for http, gw in zip(operators, (first, second), strict=True):
                seen = await shown(http, gw)
                assert seen["console"]["status"] == "down", gw.url
                assert seen["console"]["host"] == "desk-host-b"
                assert [c["host"] for c in seen["healthz"]] == ["desk-host-b"]
                assert not seen["metric_up"]
            assert there.down
            found = await states.get("telegram")
            assert found is not None and found.host == "desk-host-b"
        a_sees = (await shown(operators[0], first))["console"]
        b_sees = (await shown(operators[1], second))["console"]
        assert a_sees["other_credentials"] is True  # A's token works: B's is another
        assert "other_credentials" not in b_sees
        assert not here.down

        there.accepted()  # host B mended: what it found, it clears
        await there.settled()
        assert await states.get("telegram") is None
