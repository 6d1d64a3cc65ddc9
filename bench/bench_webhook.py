"""Webhook ingestion (Telegram, WhatsApp): firstline's full path beside a bare JSON + XADD handler.

Starts one redis-server (append-only file, fsync every second, as the gateway runs it)
and, each in its own process on loopback, one server at a time:

- `bare`: aiohttp handler that parses the JSON and XADDs it to a stream, then 200
  (the floor: what any durable webhook must at least do);
- `firstline`: the real TelegramConnector webhook route (secret check with
  compare_digest, parse, translate to InboundMessage, dedupe + durable XADD in one
  script through Store.inbound.accept, 200);
- `whatsapp`: the real WhatsAppConnector webhook route (X-Hub-Signature-256 HMAC of the
  raw body with compare_digest, parse, translate the Cloud API change, dedupe + durable
  XADD, 200), fed Cloud API `messages` payloads; its floor is `bare-wa`, the bare handler
  fed the same payloads;
- `aiogram` (optional, `--aiogram`): aiogram's SimpleRequestHandler with a handler that
  XADDs the validated update, `handle_in_background=False` so the write happens
  before the 200 — the off-the-shelf way, for scale.

A bounded-concurrency aiohttp client posts distinct updates (new update_id each, so
dedupe never short-cuts) and reports requests/s and latency median/p99, and the ratio
of each server to `bare`. Loopback only; well under two minutes.

    python bench/bench_webhook.py [--requests 6000] [--concurrency 32] [--aiogram]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from aiohttp import web
from loadstats import (
    LoadResult,
    bare_xadd_app,
    child_server,
    connector_app,
    free_port,
    post_all,
    process_cpu,
    process_tree,
)

from gateway.store.embedded import EmbeddedRedis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECRET = "bench_secret-0123456789"
TOKEN = "123456:BENCH-token"
PATH = "/webhooks/telegram"
WA_PATH = "/webhooks/whatsapp"
APP_SECRET = "bench-app-secret-0123456789"
PHONE_NUMBER_ID = "114896151713920"
PATHS = {"bare": PATH, "bare-wa": WA_PATH, "firstline": PATH, "whatsapp": WA_PATH, "aiogram": PATH}
FLOORS = {"firstline": "bare", "aiogram": "bare", "whatsapp": "bare-wa"}
AIOGRAM_STREAM = "bench:aiogram"


# Servers (run in a child process: `--serve KIND`)


def serve(kind: str, port: int, redis_url: str) -> None:
    """Run one of the servers until killed."""
    if kind in ("bare", "bare-wa"):
        app = bare_xadd_app(redis_url, PATH, WA_PATH)
    elif kind == "firstline":
        app = firstline_app(redis_url)
    elif kind == "whatsapp":
        app = whatsapp_app(redis_url)
    elif kind == "aiogram":
        app = aiogram_app(redis_url)
    else:
        raise SystemExit(f"unknown server {kind}")
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


def whatsapp_app(redis_url: str) -> web.Application:
    from pydantic import SecretStr

    from gateway.config import Settings
    from gateway.connectors.whatsapp import WhatsAppConnector
    from gateway.store import Store

    store = Store.from_url(redis_url, shards=16)
    settings = Settings()
    settings = settings.model_copy(
        update={
            "meta": settings.meta.model_copy(
                update={
                    "app_secret": SecretStr(APP_SECRET),
                    "verify_token": SecretStr("bench-verify"),
                    "graph_base": "http://127.0.0.1:9",  # never called: nothing is sent
                }
            ),
            "whatsapp": settings.whatsapp.model_copy(
                update={
                    "enabled": True,
                    "access_token": SecretStr(TOKEN),
                    "phone_number_id": PHONE_NUMBER_ID,
                }
            ),
        }
    )
    connector = WhatsAppConnector(settings, store)
    return connector_app(store, connector)


def firstline_app(redis_url: str) -> web.Application:
    from pydantic import SecretStr

    from gateway.config import Settings
    from gateway.connectors.telegram import TelegramConnector
    from gateway.store import Store

    store = Store.from_url(redis_url, shards=16)
    api = web.Application()  # answers setWebhook, so registration succeeds at once

    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "result": True})

    api.router.add_route("*", "/{tail:.*}", ok)
    settings = Settings()
    api_port = free_port()
    settings = settings.model_copy(
        update={
            "telegram": settings.telegram.model_copy(
                update={
                    "enabled": True,
                    "token": SecretStr(TOKEN),
                    "api_base": f"http://127.0.0.1:{api_port}",
                    "mode": "webhook",
                    "webhook_url": "https://bench.example/webhooks/telegram",
                    "webhook_secret": SecretStr(SECRET),
                }
            )
        }
    )
    app = connector_app(store, TelegramConnector(settings, store))

    async def bot_api(app: web.Application):  # type: ignore[no-untyped-def]
        runner = web.AppRunner(api, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", api_port).start()
        yield
        await runner.cleanup()

    app.cleanup_ctx.insert(0, bot_api)  # up before the connector registers its webhook
    return app


def aiogram_app(redis_url: str) -> web.Application:
    import redis.asyncio as aioredis
    from aiogram import Bot, Dispatcher
    from aiogram.types import Update
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler

    client = aioredis.Redis.from_url(redis_url)
    dp = Dispatcher()

    @dp.update()
    async def store_update(update: Update) -> None:
        await client.xadd(AIOGRAM_STREAM, {"m": update.model_dump_json(exclude_none=True)})

    bot = Bot(TOKEN)
    app = web.Application()
    SimpleRequestHandler(dp, bot, handle_in_background=False, secret_token=SECRET).register(
        app, path=PATH
    )
    return app


# Client


def update_body(update_id: int) -> bytes:
    chat = 100000000 + update_id % 1000
    return json.dumps(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": int(time.time()),
                "from": {
                    "id": chat,
                    "is_bot": False,
                    "first_name": "Иван",
                    "username": "ivan",
                    "language_code": "ru",
                },
                "chat": {"id": chat, "type": "private", "first_name": "Иван"},
                "text": "не печатает принтер, пишет offline",
            },
        },
        ensure_ascii=False,
    ).encode()


def whatsapp_body(n: int) -> bytes:
    """One Cloud API `messages` change with one text message (a new wamid each)."""
    wa_id = str(380500000000 + n % 1000)
    return json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "102290129340398",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "metadata": {
                                    "display_phone_number": "15550984277",
                                    "phone_number_id": PHONE_NUMBER_ID,
                                },
                                "contacts": [{"profile": {"name": "Иван"}, "wa_id": wa_id}],
                                "messages": [
                                    {
                                        "from": wa_id,
                                        "id": f"wamid.HBgLMzgwNTAw{n:016d}",
                                        "timestamp": str(int(time.time())),
                                        "type": "text",
                                        "text": {"body": "не печатает принтер, пишет offline"},
                                    }
                                ],
                            },
                        }
                    ],
                }
            ],
        }
    ).encode()  # ASCII-escaped, as Meta sends it


def request_for(kind: str, n: int) -> tuple[bytes, dict[str, str]]:
    """A request body and headers of the channel `kind` ingests."""
    if PATHS[kind] == WA_PATH:
        from gateway.connectors.graph_api import signature

        body = whatsapp_body(n)
        return body, {
            "Content-Type": "application/json",
            "X-Hub-Signature-256": signature(APP_SECRET, body),
        }
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
    return update_body(n), headers


async def load(name: str, url: str, first_id: int, requests: int, concurrency: int) -> LoadResult:
    requests_ = [request_for(name, first_id + i) for i in range(requests)]
    return await post_all(LoadResult(name, 0.0), url, requests_, concurrency)


# Processes


def server_process(kind: str, redis_url: str) -> contextlib.AbstractContextManager[str]:
    return child_server(__file__, kind, redis_url, PATHS[kind])


async def measure(kind: str, redis_url: str, first_id: int, args: argparse.Namespace) -> LoadResult:
    with server_process(kind, redis_url) as url:
        await load(kind, url, first_id, args.warmup, args.concurrency)
        serving = process_tree(os.getpid())[1:]  # the server and redis-server: our children
        cpu = process_cpu(serving)
        result = await load(kind, url, first_id + args.warmup, args.requests, args.concurrency)
        result.cpu_seconds = process_cpu(serving) - cpu
        return result


async def main(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-webhook-"))
    kinds = ["bare", "firstline", "bare-wa", "whatsapp"] + (["aiogram"] if args.aiogram else [])
    try:
        with EmbeddedRedis(workdir / "redis") as redis_url:
            results: dict[str, list[LoadResult]] = {k: [] for k in kinds}
            first_id = 1
            for _ in range(args.rounds):  # interleaved, so drift hits every server alike
                for kind in kinds:
                    results[kind].append(await measure(kind, redis_url, first_id, args))
                    first_id += args.warmup + args.requests
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"Webhook ingestion, {args.requests} requests x {args.rounds} rounds, "
        f"concurrency {args.concurrency}, loopback, one redis-server (AOF everysec)"
    )
    best = {k: max(rs, key=lambda r: r.rate) for k, rs in results.items()}
    for kind in kinds:
        print("  " + best[kind].line())
    # CPU per request (server + redis-server) is what a shared, noisy host distorts least.
    cpu = {k: min(r.cpu_per_request for r in rs) for k, rs in results.items()}
    for kind in kinds:
        if kind in FLOORS:
            floor = FLOORS[kind]
            print(
                f"  {kind} / {floor} = {best[kind].rate / best[floor].rate:.0%} of the throughput;"
                f" CPU per request {cpu[kind] * 1000:.3f} / {cpu[floor] * 1000:.3f} ms"
                f" = floor at {cpu[floor] / cpu[kind]:.0%} of the CPU"
            )


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--aiogram", action="store_true", help="also measure SimpleRequestHandler")
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
