"""Alert ingestion and incident broadcast, each beside a floor measured in the same run.

1. Ingestion (req/s): the real `/alerts/alertmanager` route (bearer check with
   compare_digest, parse, translate every alert, dedupe + durable XADD through
   Store.inbound.accept, 200) beside a bare aiohttp handler that parses the JSON and
   XADDs it (the floor of any durable webhook). Each in its own process on loopback,
   one redis-server (AOF everysec); a new fingerprint per request, so dedupe never
   short-cuts.
2. Broadcast: one incident update to 10,000 subscribers (Telegram and web chat, ru/uk/en)
   through IncidentService.update: the time to enqueue every message atomically, beside a
   bare pipeline of 10,000 XADDs of the same deliveries. Then the Telegram sender drains
   the first `--paced` messages through the real sender and pacing (ChannelSender,
   SendRateLimiter): the busiest second (any one-second window, and any clock second)
   and the mean rate are printed against the 30/s limit.

    python bench/bench_alerts.py [--requests 4000] [--concurrency 32] [--subscribers 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from aiohttp import web
from loadstats import LoadResult, bare_xadd_app, child_server, connector_app, post_all

from gateway.store.embedded import EmbeddedRedis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKEN = "bench-alert-token-0123456789"
PATH = "/alerts/alertmanager"


def serve(kind: str, port: int, redis_url: str) -> None:
    app = bare_xadd_app(redis_url, PATH) if kind == "bare" else firstline_app(redis_url)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


def firstline_app(redis_url: str) -> web.Application:
    from pydantic import SecretStr

    from gateway.config import AlertSettings, AlertSource, Settings
    from gateway.connectors.alerts import AlertConnector
    from gateway.store import Store

    store = Store.from_url(redis_url, shards=16)
    alerts = AlertSettings(alertmanager=AlertSource(enabled=True, token=SecretStr(TOKEN)))
    connector = AlertConnector(Settings().model_copy(update={"alerts": alerts}), store)
    return connector_app(store, connector)


def alert_body(n: int) -> bytes:
    """An Alertmanager v4 notification with one firing alert (a new fingerprint each)."""
    labels = {"alertname": "CRMDown", "service": "crm", "severity": "critical",
              "instance": f"crm-{n % 50}.example.com:443", "job": "blackbox"}  # fmt: skip
    return json.dumps(
        {
            "version": "4",
            "groupKey": '{}:{alertname="CRMDown"}',
            "truncatedAlerts": 0,
            "status": "firing",
            "receiver": "firstline",
            "groupLabels": {"alertname": "CRMDown"},
            "commonLabels": labels,
            "commonAnnotations": {"summary": "CRM does not answer"},
            "externalURL": "http://alertmanager.example.com:9093",
            "alerts": [
                {
                    "status": "firing",
                    "labels": labels,
                    "annotations": {
                        "summary": "CRM does not answer",
                        "description": "probe_success == 0 for 2 minutes",
                    },
                    "startsAt": "2026-12-02T00:10:03.512Z",
                    "endsAt": "0001-01-01T00:00:00Z",
                    "generatorURL": "http://prometheus.example.com:9090/graph?g0.expr=probe",
                    "fingerprint": f"{n:016x}",
                }
            ],
        }
    ).encode()


async def load(name: str, url: str, first: int, requests: int, concurrency: int) -> LoadResult:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    bodies = [(alert_body(n), headers) for n in range(first, first + requests)]
    return await post_all(LoadResult(name, 0.0), url, bodies, concurrency)


def server_process(kind: str, redis_url: str) -> contextlib.AbstractContextManager[str]:
    return child_server(__file__, kind, redis_url, PATH)


async def ingestion(redis_url: str, args: argparse.Namespace) -> None:
    best: dict[str, LoadResult] = {}
    first = 1
    for _ in range(args.rounds):
        for kind in ("bare", "firstline"):
            with server_process(kind, redis_url) as url:
                await load(kind, url, first, args.warmup, args.concurrency)
                first += args.warmup
                result = await load(kind, url, first, args.requests, args.concurrency)
                first += args.requests
            if kind not in best or result.rate > best[kind].rate:
                best[kind] = result
    print(f"Alert ingestion (Alertmanager v4, one alert per request), {args.requests} requests,")
    print(f"concurrency {args.concurrency}, loopback, one redis-server (AOF everysec)")
    for kind in ("bare", "firstline"):
        print("  " + best[kind].line())
    print(f"  firstline / bare = {best['firstline'].rate / best['bare'].rate:.0%}")


async def broadcast(redis_url: str, args: argparse.Namespace) -> None:
    from gateway.config import Settings
    from gateway.connectors.ratelimit import SendRateLimiter
    from gateway.delivery import ChannelSender
    from gateway.models import OutboundMessage
    from gateway.operations import Actor
    from gateway.runtime import open_runtime
    from gateway.store import Transaction, keys

    settings = Settings().model_copy(
        update={"redis": Settings().redis.model_copy(update={"url": redis_url})}
    )
    async with open_runtime(settings) as rt:
        await rt.store.redis.flushdb()
        await rt.store.prepare()
        incident = await rt.incidents.declare(
            title="CRM", services=["crm"], messages={"en": "Down."}, by=Actor("bench")
        )
        langs = ("ru", "uk", "en")
        subscribers = []
        for start in range(0, args.subscribers, 1000):
            tx = Transaction()
            for n in range(start, min(start + 1000, args.subscribers)):
                channel = "telegram" if n % 2 else "webchat"
                key = f"{channel}:{900000000 + n}"
                record = {"channel": channel, "chat_id": key.partition(":")[2],
                          "language": langs[n % 3], "version": 1}  # fmt: skip
                tx.hset(keys.conversation(key), record)
                rt.store.incidents.subscribe(tx, incident.id, key)
                subscribers.append(key)
            await rt.store.commit(tx)
        messages = {"ru": "Перезапускаем сервер CRM.", "uk": "Перезапускаємо сервер CRM.",
                    "en": "Restarting the CRM server."}  # fmt: skip
        started = time.perf_counter()
        told = await rt.incidents.update(incident.id, Actor("bench"), messages)
        enqueue = time.perf_counter() - started

        # The floor: the same number of deliveries XADDed in one bare pipeline.
        reply = OutboundMessage(text="Новости о сбое (CRM):\nПерезапускаем сервер CRM.")
        started = time.perf_counter()
        pipe = rt.store.redis.pipeline(transaction=True)
        for key in subscribers:
            channel, _, chat = key.partition(":")
            delivery = {"delivery_id": os.urandom(16).hex(), "channel": channel, "chat_id": chat,
                        "message": reply.to_dict(), "attempts": 0}  # fmt: skip
            pipe.xadd(f"bench:{channel}", {"d": json.dumps(delivery)})
        await pipe.execute()
        floor = time.perf_counter() - started
        print(f"Broadcast of one update to {args.subscribers} subscribers (Telegram, web chat)")
        print(
            f"  enqueued {told} messages in {enqueue:.2f} s (in commits of 500, with transcripts)"
        )
        print(f"  bare pipeline of {len(subscribers)} XADDs: {floor:.2f} s;"
              f" firstline / bare time = {enqueue / floor:.1f}x")  # fmt: skip
        await paced(rt.store, args.paced, ChannelSender, SendRateLimiter)


async def paced(store, count: int, sender_class, limiter_class) -> None:  # type: ignore[no-untyped-def]
    """Drain `count` Telegram deliveries through the real sender and the 30/s pacing."""
    sent_at: list[float] = []
    done = asyncio.Event()

    class PacedTelegram:
        channel = "telegram"

        def __init__(self) -> None:
            self.limiter = limiter_class()

        async def pace(self, chat_id: str, message: object) -> None:
            await self.limiter.acquire(chat_id)

        async def send(self, chat_id: str, message: object) -> None:
            sent_at.append(time.monotonic())
            if len(sent_at) >= count:
                done.set()

    async def on_blocked(delivery: object) -> None:
        return None

    sender = sender_class(store, PacedTelegram(), consumer="bench", on_blocked=on_blocked)
    task = asyncio.create_task(sender.run())
    await done.wait()
    sender.stop()
    task.cancel()
    chats = list(sender._chat_tasks)  # the other subscribers' sends: not measured
    for chat in chats:
        chat.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await asyncio.gather(*chats, return_exceptions=True)
    times = sorted(sent_at[:count])
    span = times[-1] - times[0]
    rate = (count - 1) / span if span else float("inf")
    rolling = max(bisect.bisect_left(times, t + 1.0 - 1e-6) - i for i, t in enumerate(times))
    clock = max(Counter(int(t) for t in times).values())
    print(f"  Telegram pacing over the first {count} messages (limit 30/s overall, 1/s per chat):")
    print(f"    busiest second {rolling} msgs (any one-second window), busiest clock second "
          f"{clock} msgs, mean {rate:.1f} msg/s over {span:.1f} s")  # fmt: skip


async def main(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-alerts-"))
    try:
        with EmbeddedRedis(workdir / "redis") as redis_url:
            if not args.skip_ingestion:
                await ingestion(redis_url, args)
            await broadcast(redis_url, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--warmup", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--subscribers", type=int, default=10000)
    parser.add_argument("--paced", type=int, default=300)
    parser.add_argument("--skip-ingestion", action="store_true")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--redis", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.serve:
        serve(arguments.serve, arguments.port, arguments.redis)
    else:
        asyncio.run(main(arguments))
