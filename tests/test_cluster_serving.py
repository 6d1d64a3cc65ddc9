"""The gateway served on a real Redis Cluster: 3 primaries and 3 replicas on loopback,
formed by the fixture, with `wait_replicas: 1`.

- One conversation end to end on Telegram, Viber and the web chat: a ticket with the
  checklist, an operator's take-over and reply, resolution and the user's rating.
- A primary SIGKILLed under Telegram webhook traffic. Telegram's side shows nothing
  acknowledged lost or repeated and only retryable errors in the gap; every chat reaches
  its ticket and sees its number; `/readyz` is not ready in the gap, then "degraded"
  (the promoted replica has no replica of its own) with all slots covered.
The long run is `bench/bench_failover.py --topology cluster`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from connectors.test_channel_conversations import (
    Gateway,
    User,
    full_conversation,
    run_gateway,
    telegram_user,
    viber_user,
)
from failover_traffic import (
    TrafficReport,
    chat_traffic,
    every_chat_reached_its_ticket,
    readiness_through_the_gap,
)
from pydantic import SecretStr
from redis_topologies import ClusterSetup

from emulators.harness import with_telegram, with_viber
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway import app as gateway_app
from gateway.config import Settings
from gateway.runtime import Runtime
from gateway.store import keys
from gateway.store.topology import CLUSTER_SLOTS, FailoverSafeCluster

SECRET = "hook_secret-42"
CHATS = [800001 + i for i in range(8)]
EXTRA = 4  # follow-ups per chat after the ticket script
RATE = 40.0  # updates a second over all chats
KILL_AFTER_ACKS = 24


def on_cluster(settings: Settings, setup: ClusterSetup, port: int) -> Settings:
    cluster = {"topology": "cluster", "url": None, "cluster_nodes": setup.addresses[:2]}
    redis = settings.redis.model_copy(
        update={**cluster, "wait_replicas": 1, "wait_timeout_ms": 500}
    )
    http = settings.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})
    return settings.model_copy(update={"redis": redis, "http": http})


@pytest.fixture
def fresh_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterSetup]:
    """A cluster of the test's own (it kills a primary)."""
    setup = ClusterSetup.start(tmp_path_factory.mktemp("cluster"))
    yield setup
    setup.stop()


async def webchat_user(
    gw: Gateway, port: int, http: aiohttp.ClientSession, readers: list[asyncio.Task[None]]
) -> User:
    """A visitor speaking the widget's protocol; what the bot and operators show it.

    As the widget: a message stays unacknowledged until its `ack`; a socket the gateway
    closes (1013 "try again later" while the store refuses a write, 1011) is opened
    again with the session's token and what was shown, and every unacknowledged message
    is sent again with its id (the gateway stores it once)."""
    url, origin = f"ws://127.0.0.1:{port}/webchat/ws", f"http://127.0.0.1:{port}"
    shown: list[dict[str, Any]] = []
    session: dict[str, Any] = {"token": None, "have": 0, "reopened": 0}
    unacked: dict[str, dict[str, Any]] = {}
    sockets: list[aiohttp.ClientWebSocketResponse] = []

    async def open_socket() -> None:
        ws = await http.ws_connect(url, origin=origin)
        await ws.send_json({"type": "hello", "token": session["token"],
                            "have": session["have"], "lang": "ru"})  # fmt: skip
        sockets.append(ws)

    async def read() -> None:
        while True:
            ws = sockets[-1]
            async for msg in ws:
                frame = json.loads(msg.data)
                if frame["type"] == "welcome":
                    session["token"] = frame["token"]
                    for message in list(unacked.values()):  # not acknowledged: again
                        await ws.send_json(message)
                elif frame["type"] == "ack":
                    unacked.pop(frame["id"], None)
                elif frame["type"] == "entries":
                    for item in frame["entries"]:
                        if item["index"] < session["have"]:
                            continue  # shown before the socket was opened again
                        session["have"] = item["index"] + 1
                        if item["entry"]["direction"] == "out":
                            shown.append(item["entry"])
            if ws.close_code not in (1011, 1013):  # closed by the test (or for good)
                return
            session["reopened"] += 1
            await asyncio.sleep(0.2)
            await open_socket()

    await open_socket()
    readers.append(asyncio.create_task(read()))  # ends when the test closes the socket

    async def say(text: str, payload: str = "") -> None:
        message = {"type": "message", "id": str(time.monotonic_ns()), "text": text,
                   "payload": payload}  # fmt: skip
        unacked[message["id"]] = message
        with contextlib.suppress(ConnectionError):  # closing: sent again on reopening
            await sockets[-1].send_json(message)

    async def press(label: str) -> None:
        buttons = shown[-1].get("buttons", []) if shown else []
        await say(label, next(b["payload"] for b in buttons if b["label"] == label))

    def buttons() -> list[str]:
        return [b["label"] for b in (shown[-1].get("buttons", []) if shown else [])]

    user = User("", say, press, lambda: [e["text"] for e in shown], buttons)
    await say("/start")
    await eventually(lambda: shown, what="the web chat greeting")

    async def key() -> str | None:
        members = await gw.rt.store.redis.zrange(keys.CONVERSATIONS, 0, -1)
        found = [m.decode() for m in members if m.startswith(b"webchat:")]
        return found[0] if found else None

    user.conversation_key = await eventually(key, what="the web chat conversation")
    return user


async def test_one_conversation_per_channel_on_a_cluster(
    settings: Settings,
    telegram_api: TelegramEmulator,
    viber_api: ViberEmulator,
    shared_cluster: ClusterSetup,
) -> None:
    shared_cluster.flush()
    port = free_port()
    config = on_cluster(with_viber(with_telegram(settings, telegram_api), viber_api),
                        shared_cluster, port)  # fmt: skip
    gw = await run_gateway(config, port)
    try:
        await eventually(lambda: viber_api.webhook_url, what="viber webhook registered")
        telegram = telegram_user(telegram_api, 111111111)
        viber_api.open_conversation("cluster-user==", name="Ivan", language="ru")
        viber = viber_user(viber_api, "cluster-user==")
        readers: list[asyncio.Task[None]] = []
        async with aiohttp.ClientSession() as http:
            web_chat = await webchat_user(gw, port, http, readers)
            done = [await full_conversation(gw, user) for user in (telegram, viber, web_chat)]
        await asyncio.gather(*readers, return_exceptions=True)
        assert [t.channel for t in done] == ["telegram", "viber", "webchat"]
        assert len({t.id for t in done}) == 3
        async with aiohttp.ClientSession() as http, http.get(
            f"http://127.0.0.1:{port}/readyz"
        ) as resp:
            ready = await resp.json()
        assert resp.status == 200 and ready["status"] == "ready"
        assert ready["redis"]["slots_covered"] == CLUSTER_SLOTS
        assert len(ready["redis"]["primaries"]) == 3 and len(ready["redis"]["replicas"]) == 3
        assert await gw.rt.store.redis.zcard(keys.INTENTS) == 0  # every commit finished
    finally:
        await gw.runner.cleanup()


async def kill_a_primary_after(setup: ClusterSetup, report: TrafficReport, acks: int) -> str:
    while report.total_acked < acks:
        await asyncio.sleep(0.02)
    primary = setup.primaries()[0]
    await asyncio.to_thread(primary.kill)
    report.killed()
    return primary.address


async def test_a_cluster_primary_killed_loses_and_repeats_nothing_acknowledged(
    settings: Settings, telegram_api: TelegramEmulator, fresh_cluster: ClusterSetup
) -> None:
    port = free_port()
    config = with_telegram(settings, telegram_api, mode="webhook", webhook_secret=SecretStr(SECRET))
    config = on_cluster(config, fresh_cluster, port)
    # Every chat reports the same printer: a mass incident would join them to one parent.
    config = config.model_copy(
        update={"incidents": config.incidents.model_copy(update={"enabled": False})}
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
        killer = asyncio.create_task(kill_a_primary_after(fresh_cluster, report, KILL_AFTER_ACKS))
        readiness = asyncio.create_task(readiness_through_the_gap(port, report, "degraded"))
        await asyncio.wait_for(chat_traffic(url, SECRET, CHATS, EXTRA, RATE, report), 180)
        killed = await killer
        seen = await asyncio.wait_for(readiness, 60)
        # Not ready while slots are uncovered (when a poll falls in the gap: the client's
        # own retries may ride it out), then served, degraded: the promoted replica has
        # no replica of its own.
        assert {status for status, _ in seen} <= {200, 503}
        assert seen[-1] == (200, "degraded")
        view = await rt.store.topology()
        assert killed not in view.primaries and view.slots_covered == CLUSTER_SLOTS
        assert len(view.primaries_without_replica) == 1

        assert report.other == []  # only 200s and retryable errors: no 500, no crash
        assert report.retryable > 0
        print(
            f"\ncluster failover: {report.total_acked} acknowledged, "
            f"{report.retryable} retryable errors, "
            f"inbound accepted again {report.recovery_seconds()[0]:.1f} s after the kill "
            f"(every chat: {report.slowest_recovery_seconds():.1f} s), "
            f"{FailoverSafeCluster.translated} non-Redis client errors translated"
        )
        await every_chat_reached_its_ticket(rt.store, telegram_api, report)
    finally:
        await runner.cleanup()
