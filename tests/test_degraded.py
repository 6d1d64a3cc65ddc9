"""Degraded, not silent: a promoted primary with no replica left, with the real gateway.

1 primary, 2 replicas, 3 sentinels; the gateway writes with `WAIT 1`. The primary is
SIGKILLed, a replica promoted, then the last replica dies too: the primary answers but
can confirm no write. Every channel is refused (Telegram gets 503s, never a 200), and
the operator is told: `/readyz` answers "redis degraded" naming the problem, the metrics
say so, the log says so once, `firstline config check` fails. When a replica is back
(here the dead one restarted; Sentinel makes it a replica of the new primary), all of it
clears and Telegram's resend is stored once.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import aiohttp
import pytest
from failover_traffic import on_sentinel
from pydantic import SecretStr
from redis_topologies import SentinelSetup, firstline, wait_for
from web.harness import running_gateway

from emulators.harness import with_telegram
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from gateway import app as gateway_app
from gateway.config import Settings
from gateway.runtime import Runtime

SECRET = "hook_secret-degraded"
CHAT = 717171
NO_REPLICA = "0 replicas online, writes wait for 1"


async def get(http: aiohttp.ClientSession, url: str) -> tuple[int, Any]:
    async with http.get(url) as resp:
        body = await resp.text()
        return resp.status, json.loads(body) if resp.content_type == "application/json" else body


def metric(text: str, name: str) -> float | None:
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    return None


async def test_a_primary_with_no_replica_left_is_reported_everywhere_and_refuses_writes(
    settings: Settings, telegram_api: TelegramEmulator, fresh_sentinel: SentinelSetup,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    setup = fresh_sentinel
    port = free_port()
    config = with_telegram(settings, telegram_api, mode="webhook", webhook_secret=SecretStr(SECRET))
    config = on_sentinel(config, setup)
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})}
    )
    caplog.set_level(logging.WARNING, logger="gateway.liveness")
    async with running_gateway(config, port) as gw, aiohttp.ClientSession() as http:
        rt: Runtime = gw.app[gateway_app.RUNTIME]
        await eventually(lambda: telegram_api.webhook, what="webhook registered")
        old = setup.primary()
        old.kill()
        await asyncio.to_thread(wait_for, lambda: setup.primary_port() != old.port, "a promotion")
        primary = setup.primary()
        last_replica = next(n for n in setup.nodes if n.alive() and n is not primary)
        last_replica.kill()

        # /readyz names the problem and the primary it was found on.
        async def degraded() -> Any:
            status, body = await get(http, f"{gw.url}/readyz")
            return body if status == 503 and body["status"] == "redis degraded" else None

        body = await eventually(degraded, timeout=30, what="/readyz degraded")
        assert body["redis"]["problems"] == [NO_REPLICA]
        assert body["redis"]["primary"] == primary.address and body["redis"]["replicas"] == []
        # The metrics and the log say so.
        text = await eventually(
            lambda: _metrics_when(http, gw.url, "firstline_redis_degraded", 1.0), timeout=30,
            what="the degraded metric",
        )  # fmt: skip
        assert metric(text, "firstline_redis_replicas_online") == 0.0
        errors = [r for r in caplog.records if r.getMessage().startswith("redis degraded")]
        assert len(errors) == 1 and errors[0].levelno == logging.ERROR
        assert errors[0].problems == [NO_REPLICA]  # type: ignore[attr-defined]
        # A channel is refused, never acknowledged: a write now could be lost.
        update_id = await telegram_api.send_text(CHAT, "принтер не печатает")
        await eventually(lambda: (update_id, 503) in telegram_api.webhook_posts, what="a 503")
        # `firstline config check` fails on the same problem.
        check = await asyncio.to_thread(firstline, "config", "check", env=_env(setup))
        assert check.returncode == 1 and f"redis: {NO_REPLICA}" in check.stderr
        assert (update_id, 200) not in telegram_api.webhook_posts

        # A replica is back: Sentinel points it at the new primary, and all of it clears.
        last_replica.start()
        await eventually(lambda: _metrics_when(http, gw.url, "firstline_redis_degraded", 0.0),
                         timeout=60, what="the degraded metric cleared")  # fmt: skip
        status, body = await get(http, f"{gw.url}/readyz")
        assert status == 200 and body["redis"]["replicas"] == [last_replica.address]
        assert any(r.getMessage() == "redis no longer degraded" for r in caplog.records)
        await eventually(lambda: (update_id, 200) in telegram_api.webhook_posts, timeout=30,
                         what="the resend accepted")  # fmt: skip
        said = await eventually(lambda: _said(rt, f"telegram:{CHAT}"), what="processed")
        assert said == ["принтер не печатает"]
        assert [s for u, s in telegram_api.webhook_posts if u == update_id].count(200) == 1


async def _metrics_when(
    http: aiohttp.ClientSession, url: str, name: str, value: float
) -> str | None:
    _, text = await get(http, f"{url}/metrics")
    return text if metric(text, name) == value else None


async def _said(rt: Runtime, key: str) -> list[str]:
    log = await rt.store.conversations.transcript(key)
    return [e["text"] for e in log if e["direction"] == "in"]


def _env(setup: SentinelSetup) -> dict[str, str]:
    return {
        "FIRSTLINE__REDIS__TOPOLOGY": "sentinel",
        "FIRSTLINE__REDIS__SENTINELS": json.dumps(setup.addresses),
        "FIRSTLINE__REDIS__SERVICE": setup.service,
        "FIRSTLINE__REDIS__WAIT_REPLICAS": "1",
    }
