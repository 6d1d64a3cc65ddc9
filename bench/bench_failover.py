"""The long failover run: webhook traffic at a steady rate, primaries SIGKILLed.

Sentinel (default): 1 primary, `--replicas` replicas (2) and 3 sentinels
(down-after-milliseconds 1000); `--topology cluster`: 3 primaries with a replica each
(cluster-node-timeout 1000), one primary killed. On loopback, with the real gateway
(`create_app`, Telegram webhook mode against the Telegram emulator, `wait_replicas` 1),
and posts Telegram updates from many chats at a bounded rate, each until it gets a 200
(as Telegram does). A quarter of the way in, the
primary is SIGKILLed; with `--failovers 2` (and `--replicas 3`, so the last primary still
has a replica), the promoted primary is SIGKILLed too, as soon as intake is back on it
and the sentinels know its replicas: two failovers in a row. Reports, from what the
channel and the store saw:

- acknowledged messages lost (must be 0) and stored twice (must be 0);
- seconds from each kill until inbound was accepted again (on a cluster also until every
  chat was: the other primaries' slots are served meanwhile);
- retryable errors (503 + Retry-After, refused connections) during the gap;
- conversations that reached their ticket and showed its number to the user.

    python bench/bench_failover.py [--seconds 20] [--rate 100] [--chats 20]
                                   [--failovers 1] [--replicas 2] [--topology cluster]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from aiohttp import web
from pydantic import SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from failover_traffic import SCRIPT, TrafficReport, chat_traffic  # noqa: E402
from redis_topologies import ClusterSetup, RedisProcess, SentinelSetup  # noqa: E402

from emulators.harness import with_telegram  # noqa: E402
from emulators.server import free_port  # noqa: E402
from emulators.telegram import TelegramEmulator  # noqa: E402
from gateway import app as gateway_app  # noqa: E402
from gateway.config import load_settings  # noqa: E402

SECRET = "bench_secret-0123456789"


async def settle(
    rt: gateway_app.Runtime, report: TrafficReport, api: TelegramEmulator
) -> dict[str, int]:
    """Wait (up to a minute) for every chat's acknowledged texts to be processed."""
    deadline = time.monotonic() + 60
    while True:
        lost = dup = 0
        tickets = shown = 0
        for chat, acked in report.acked.items():
            key = f"telegram:{chat}"
            log = await rt.store.conversations.transcript(key)
            said = [e["text"] for e in log if e["direction"] == "in"]
            lost += len(set(acked) - set(said))
            dup += len(said) - len(set(said))
            found = await rt.store.tickets.for_conversation(key)
            tickets += bool(found)
            shown += bool(found) and any(found[0].id in t for t in api.texts(chat))
        done = not lost and tickets == shown == len(report.acked)
        if done or time.monotonic() > deadline:
            return {"lost": lost, "duplicates": dup, "tickets": tickets, "shown": shown}
        await asyncio.sleep(0.5)


async def main(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix=f"fl-bench-{args.topology}-"))
    setup: SentinelSetup | ClusterSetup
    if args.topology == "cluster":
        setup = ClusterSetup.start(workdir)
        where = {"FIRSTLINE__REDIS__TOPOLOGY": "cluster",
                 "FIRSTLINE__REDIS__CLUSTER_NODES": json.dumps(setup.addresses[:2])}  # fmt: skip
    else:
        setup = SentinelSetup.start(workdir, replicas=args.replicas)
        where = {"FIRSTLINE__REDIS__TOPOLOGY": "sentinel",
                 "FIRSTLINE__REDIS__SENTINELS": json.dumps(setup.addresses),
                 "FIRSTLINE__REDIS__SERVICE": setup.service}  # fmt: skip
    api = TelegramEmulator()
    await api.start()
    port = free_port()
    env = {
        "FIRSTLINE_DATA_DIR": tempfile.mkdtemp(prefix="fl-bench-data-"),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE_SESSION_SECRET": "bench-session-secret-0123456789",
        **where,
        "FIRSTLINE__REDIS__WAIT_REPLICAS": "1",
        "FIRSTLINE__REDIS__WAIT_TIMEOUT_MS": "1000",
        "FIRSTLINE__HTTP__PUBLIC_URL": f"http://127.0.0.1:{port}",
        "FIRSTLINE__WORKER__LEASE_SECONDS": "2",
        "FIRSTLINE__SLA__TIMERS": "false",
        # Every chat reports the same printer: that is a mass incident, which would join the
        # chats to one parent ticket. Each chat's own ticket is what this run counts.
        "FIRSTLINE__INCIDENTS__ENABLED": "false",
    }
    settings = load_settings(ROOT / "config" / "firstline.yaml", env)
    settings = with_telegram(settings, api, mode="webhook", webhook_secret=SecretStr(SECRET))
    app = gateway_app.create_app(settings)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        while not api.webhook:
            await asyncio.sleep(0.1)
        report = TrafficReport()
        chats = [900001 + i for i in range(args.chats)]
        extra = max(0, int(args.rate * args.seconds / args.chats) - len(SCRIPT))

        async def kill() -> None:
            await asyncio.sleep(args.seconds / 4)
            for n in range(args.failovers):
                if n:  # the next as soon as intake is back and the sentinels know the replicas
                    while len(report.back) < n:
                        await asyncio.sleep(0.02)
                    assert isinstance(setup, SentinelSetup), "one failover on a cluster"
                    await asyncio.to_thread(setup.wait_settled, args.replicas - n)
                primary: RedisProcess = (
                    setup.primaries()[0] if isinstance(setup, ClusterSetup) else setup.primary()
                )
                await asyncio.to_thread(primary.kill)
                report.killed()
                print(f"SIGKILL primary :{primary.port} after {report.total_acked} acknowledged")

        started = time.monotonic()
        url = f"http://127.0.0.1:{port}/webhooks/telegram"
        await asyncio.gather(kill(), chat_traffic(url, SECRET, chats, extra, args.rate, report))
        took = time.monotonic() - started
        figures = await settle(app[gateway_app.RUNTIME], report, api)
        back = ", ".join(f"{s:.2f}" for s in report.recovery_seconds())
        print(
            f"{args.topology}, {args.failovers} failover(s), "
            f"{'1 replica each' if args.topology == 'cluster' else f'{args.replicas} replicas'}, "
            f"{args.chats} chats at <= {args.rate:.0f} updates/s, "
            f"{took:.1f} s:\n"
            f"  acknowledged {report.total_acked}, lost {figures['lost']}, "
            f"stored twice {figures['duplicates']}\n"
            f"  inbound accepted again {back} s after each kill, for every chat "
            f"{report.slowest_recovery_seconds():.2f} s after the last "
            f"(failure detection after 1000 ms)\n"
            f"  retryable errors during the gap {report.retryable}, other statuses "
            f"{len(report.other)}\n"
            f"  conversations with a ticket {figures['tickets']}/{len(chats)}, "
            f"ticket number shown {figures['shown']}/{len(chats)}"
        )
    finally:
        await runner.cleanup()
        await api.stop()
        setup.stop()


def parse() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--topology", choices=["sentinel", "cluster"], default="sentinel")
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--rate", type=float, default=100.0, help="updates a second, all chats")
    p.add_argument("--chats", type=int, default=20)
    p.add_argument("--failovers", type=int, default=1, help="primaries killed in a row")
    p.add_argument("--replicas", type=int, default=2)
    return p.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
