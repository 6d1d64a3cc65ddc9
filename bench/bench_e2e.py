"""End to end: Telegram webhook updates in, turns taken, replies out on the Bot API emulator.

Starts one redis-server (append-only file, fsync every second, as the gateway runs it),
the Telegram Bot API emulator (tests/emulators) and, one after another:

- `floor`: the bare aiohttp handler of bench_webhook.py (parse the JSON, XADD, 200): what
  any durable webhook must at least do, for the same updates;
- `firstline serve --processes P` for each P of `--processes` (default 1 and 2), with the
  Telegram channel in webhook mode against the emulator.

Once the gateway has taken the first turns of a few chats of its own (so that a worker
process still loading its dictionaries is not timed), a bounded-concurrency client posts
`--updates` distinct updates from `--chats` chats (each chat's messages in order).
Turns/s is updates / the time from the first post until `/readyz` reports an empty
inbound backlog (every update's turn committed). Replies out are the bot's messages the
emulator has received by then, and a few seconds later (sending is paced at Telegram's
published 30 messages/s, so replies trail the turns). Printed beside the floor's
requests/s, as ratios, with the CPU per turn of each process (serve, its worker
processes, redis-server, and the bench's own client and emulator, which share the
cores). Loopback only.

    python bench/bench_e2e.py [--updates 3000] [--chats 1000] [--processes 1 2]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import redis
from bench_webhook import server_process
from loadstats import free_port, process_cpu, process_tree, process_waits

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from emulators.telegram import TelegramEmulator  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402

SECRET = "bench_secret-0123456789"
# serve with Telegram and its worker processes took ~90 s to listen on a host at load 20.
START_SECONDS = 300
TEXTS = ["принтер не печатает, пишет offline", "перезагружал, не помогло", "HP LaserJet 400"]
REPLIES_GRACE_SECONDS = 5.0
WARM_UP_CHATS = 16  # chats whose first turns are taken before the timed run


def update(update_id: int, chat: int, n: int) -> bytes:
    return json.dumps(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": int(time.time()),
                "from": {"id": chat, "is_bot": False, "first_name": "Иван", "language_code": "ru"},
                "chat": {"id": chat, "type": "private", "first_name": "Иван"},
                "text": TEXTS[n % len(TEXTS)],
            },
        },
        ensure_ascii=False,
    ).encode()


def updates(first_id: int, count: int, chats: int) -> list[list[bytes]]:
    """Per chat, its updates in the order the chat sent them."""
    per_chat: list[list[bytes]] = [[] for _ in range(chats)]
    for i in range(count):
        chat = i % chats
        per_chat[chat].append(update(first_id + i, 200_000_000 + first_id + chat, i // chats))
    return per_chat


async def post_all(url: str, per_chat: list[list[bytes]], concurrency: int) -> int:
    """Post every update (a chat's in order), `concurrency` chats at a time; failures."""
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
    queue = list(reversed(per_chat))
    failures = 0
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:

        async def client() -> None:
            nonlocal failures
            while queue:
                for body in queue.pop():
                    async with http.post(url, data=body, headers=headers) as resp:
                        await resp.read()
                        failures += resp.status != 200

        await asyncio.gather(*(client() for _ in range(concurrency)))
    return failures


async def floor(redis_url: str, per_chat: list[list[bytes]], concurrency: int) -> float:
    with server_process("bare", redis_url) as url:
        started = time.perf_counter()
        await post_all(url, per_chat, concurrency)
        return sum(map(len, per_chat)) / (time.perf_counter() - started)


@contextlib.asynccontextmanager
async def gateway(
    redis_url: str, api: TelegramEmulator, processes: int, workdir: Path
) -> AsyncIterator[tuple[str, int]]:
    """The base URL and pid of a running `firstline serve --processes P`."""
    port = free_port()
    env = os.environ | {
        "REDIS_URL": redis_url,
        "FIRSTLINE_DATA_DIR": str(workdir / f"data-{processes}"),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE__LOGGING__LEVEL": "WARNING",
        "FIRSTLINE_SESSION_SECRET": "bench-session-secret-0123456789",
        "FIRSTLINE__TELEGRAM__ENABLED": "true",
        "FIRSTLINE__TELEGRAM__TOKEN": api.token,
        "FIRSTLINE__TELEGRAM__API_BASE": api.base_url,
        "FIRSTLINE__TELEGRAM__MODE": "webhook",
        "FIRSTLINE__TELEGRAM__WEBHOOK_URL": "https://bench.example/webhooks/telegram",
        "FIRSTLINE__TELEGRAM__WEBHOOK_SECRET": SECRET,
    }
    cmd = [sys.executable, "-m", "gateway", "serve", "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--processes", str(processes)], env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + START_SECONDS
            while (await backlog(http, base)) is None:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("the gateway did not start")
                await asyncio.sleep(0.1)
        await asyncio.sleep(2.0 + processes)  # worker processes have taken their shards
        await warm_up(base, processes)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


async def warm_up(base: str, processes: int) -> None:
    """Return once the gateway has taken a first turn of a few chats of their own: /readyz
    answers as soon as serve accepts, while a worker process may still be loading its
    dictionaries and matcher (seconds on a busy host), which the timed run must not count
    (serve --processes 1 loads them before it listens)."""
    per_chat = updates(900_000_000 + 1_000 * processes, WARM_UP_CHATS, WARM_UP_CHATS)
    await post_all(f"{base}/webhooks/telegram", per_chat, WARM_UP_CHATS)
    deadline = time.monotonic() + START_SECONDS
    async with aiohttp.ClientSession() as http:
        while await backlog(http, base) != 0:
            if time.monotonic() > deadline:
                raise SystemExit("the gateway took no turn")
            await asyncio.sleep(0.05)


async def backlog(http: aiohttp.ClientSession, base: str) -> int | None:
    """The inbound backlog /readyz reports; None while the gateway is not ready."""
    with contextlib.suppress(aiohttp.ClientError):
        async with http.get(f"{base}/readyz") as resp:
            if resp.status == 200:
                return int((await resp.json())["inbound_backlog"])
    return None


@dataclass
class Turns:
    rate: float  # turns/s
    cpu_ms: dict[str, float]  # CPU per turn of each part (serve, workers, redis, bench)
    waited_ms: float  # per turn, time the gateway's processes were runnable without a CPU
    out_then: int  # replies the emulator had when the last turn was committed
    out_later: int  # and REPLIES_GRACE_SECONDS later
    failures: int  # posts not answered 200

    def gateway_ms(self) -> float:
        """CPU per turn of serve, its worker processes and the redis-server."""
        return sum(ms for part, ms in self.cpu_ms.items() if part != "bench")

    def parts(self) -> str:
        return ", ".join(f"{part} {ms:.2f}" for part, ms in self.cpu_ms.items())


async def turns(
    redis_pid: int,
    redis_url: str,
    api: TelegramEmulator,
    processes: int,
    workdir: Path,
    args: argparse.Namespace,
) -> Turns:
    redis.Redis.from_url(redis_url).flushall()
    per_chat = updates(10_000_000 * processes, args.updates, args.chats)
    async with gateway(redis_url, api, processes, workdir) as (base, pid):
        await asyncio.sleep(1.0)  # the warm-up's replies are out (30 a second)
        api.sent.clear()
        # The bench's own process posts the updates and runs the emulator: on the same
        # cores, so its share is printed too.
        parts = {
            "serve": [pid],
            "workers": [p for p in process_tree(pid) if p != pid],
            "redis": [redis_pid],
            "bench": [os.getpid()],
        }
        gateway_pids = [p for part, pids in parts.items() if part != "bench" for p in pids]
        cpu = {part: process_cpu(pids) for part, pids in parts.items()}
        waited = process_waits(gateway_pids)
        started = time.perf_counter()
        failures = await post_all(f"{base}/webhooks/telegram", per_chat, args.concurrency)
        async with aiohttp.ClientSession() as http:
            while await backlog(http, base) != 0:
                await asyncio.sleep(0.02)
        seconds = time.perf_counter() - started
        per_turn = {
            part: (process_cpu(pids) - cpu[part]) / args.updates * 1000
            for part, pids in parts.items()
        }
        waited = (process_waits(gateway_pids) - waited) / args.updates * 1000
        out_then = sum(map(len, api.sent.values()))
        await asyncio.sleep(REPLIES_GRACE_SECONDS)
        out_later = sum(map(len, api.sent.values()))
    return Turns(args.updates / seconds, per_turn, waited, out_then, out_later, failures)


async def main(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-e2e-"))
    api = TelegramEmulator()
    await api.start()
    try:
        server = EmbeddedRedis(workdir / "redis")
        with server as redis_url:
            print(
                f"cpus: {os.cpu_count()}; {args.updates} Telegram updates from {args.chats} "
                f"chats, concurrency {args.concurrency}; loopback; redis AOF everysec"
            )
            floor_rate = await floor(redis_url, updates(1, args.updates, args.chats), 32)
            print(f"floor    {floor_rate:8.0f} updates/s   (bare JSON + XADD webhook)", flush=True)
            for processes in args.processes:
                t = await turns(server.pid or 0, redis_url, api, processes, workdir, args)
                print(
                    f"serve --processes {processes}: {t.rate:6.0f} turns/s  "
                    f"turns/floor {t.rate / floor_rate:.2f}  CPU {t.gateway_ms():.2f} ms/turn   "
                    f"replies out: {t.out_then} when the turns were done, {t.out_later} "
                    f"{REPLIES_GRACE_SECONDS:g} s later   failed posts {t.failures}\n"
                    f"    CPU per turn: {t.parts()} ms (bench: its client and the emulator); "
                    f"the gateway waited for a CPU {t.waited_ms:.2f} ms per turn; "
                    f"load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    finally:
        await api.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
