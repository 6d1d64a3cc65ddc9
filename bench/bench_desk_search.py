"""The console's search on a big desk against a small one, as an operator sees it.

The real application (create_app) on a fresh redis-server; an operator signs in and
searches over HTTP (`GET /console/api/search`), as console.js does. Each desk holds
`--tickets` tickets, each behind a web-chat conversation with a short transcript (the
user's words, the bot's questions, the answers). Three searches on each desk:

- words nobody wrote (nothing cheaper matches, so every transcript searched is read);
- words only the desk's oldest ticket's transcript holds (is it found, or said to be
  further back?);
- a recent user's name (found among the first tickets read).

For each: the median time, the tickets found and whether more were left to search, then
the big desk's time over the small one's.

    python bench/bench_desk_search.py [--tickets 200 20000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's gateway, not the venv's install

from gateway.app import create_app  # noqa: E402
from gateway.config import OperatorAccount, Settings, load_settings  # noqa: E402
from gateway.models import Priority, SupportGroup, Ticket  # noqa: E402
from gateway.store import Conversation, Store, Transaction  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402
from gateway.web.auth import hash_password  # noqa: E402

PASSWORD = "bench search password"
OLDEST_WORDS = "kerberos ticket granting skew"  # only the oldest ticket's transcript
PROBLEMS = (
    "Outlook does not send mail, it stays in the outbox",
    "Принтер на 3 этаже пишет offline",
    "VPN drops every ten minutes",
    "1С не запускается после обновления",
    "Не працює сканер у бухгалтерії",
)


async def seed(store: Store, count: int) -> None:
    """`count` tickets, oldest first, each with a conversation and six transcript entries."""
    now = time.time()
    tx = Transaction()
    for n in range(count):
        at = now - (count - n) * 60
        chat_id = uuid.uuid4().hex
        problem = OLDEST_WORDS if n == 0 else PROBLEMS[n % len(PROBLEMS)]
        ticket = Ticket(
            id=await store.tickets.next_id(), conversation_key=f"webchat:{chat_id}",
            channel="webchat", language="en", chat_id=chat_id, subject=f"request {n}",
            group=SupportGroup.HARDWARE, priority=Priority.P3, topic="bench",
            fields={"os": "Windows 11", "since": "today"}, created_at=at, updated_at=at,
        )  # fmt: skip
        conv = Conversation(key=ticket.conversation_key, channel="webchat", chat_id=chat_id)
        conv.active_ticket, conv.last_user_at, conv.user_name = ticket.id, at, f"User {n}"
        tx.save_ticket(ticket)
        for direction, text in (
            ("in", problem), ("out", "What did you try already?"), ("in", "restarted it"),
            ("out", "Since when?"), ("in", "since this morning"),
            ("out", f"I have opened request {ticket.id}."),
        ):  # fmt: skip
            tx.transcript(conv.key, {"direction": direction, "author": "bot", "text": text})
        store.conversations.save(tx, conv, at)
        if len(tx.ops) > 4000:
            await store.commit(tx)
            tx = Transaction()
    await store.commit(tx)


def settings_for(url: str, workdir: Path) -> Settings:
    env = {
        "REDIS_URL": url,
        "FIRSTLINE_DATA_DIR": str(workdir / "data"),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE__LOGGING__LEVEL": "WARNING",
    }
    settings = load_settings(ROOT / "config" / "firstline.yaml", env, channels=False)
    operator = OperatorAccount(login="bench", password_hash=hash_password(PASSWORD))
    return settings.model_copy(update={"operators": [operator]})


async def signed_in(http: aiohttp.ClientSession, url: str) -> None:
    async with http.get(url + "/console/api/session") as resp:
        csrf = (await resp.json())["csrf"]
    body = {"login": "bench", "password": PASSWORD}
    headers = {"Origin": url, "X-CSRF-Token": csrf}
    async with http.post(url + "/console/api/login", json=body, headers=headers) as resp:
        assert resp.status == 200, await resp.text()


async def searched(
    http: aiohttp.ClientSession, url: str, query: str, rounds: int
) -> tuple[float, float, dict[str, Any]]:
    """The median time of `rounds` searches for `query`, the CPU of this process (the
    gateway and its client; less skewed by a loaded host) per search, the last answer."""
    times, body = [], {}
    cpu = time.process_time()
    for _ in range(rounds):
        started = time.perf_counter()
        async with http.get(url + "/console/api/search", params={"q": query}) as resp:
            body = await resp.json()
            assert resp.status == 200, body
        times.append(time.perf_counter() - started)
    return statistics.median(times), (time.process_time() - cpu) / rounds, body


async def desk(count: int, rounds: int) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-search-"))
    try:
        with EmbeddedRedis(workdir / "redis", appendonly=False) as url:
            settings = settings_for(url, workdir)
            store = Store.from_url(url)
            try:
                await seed(store, count)
            finally:
                await store.close()
            app = create_app(settings)
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            host, port = runner.addresses[0][:2]
            base = f"http://{host}:{port}"
            try:
                jar = aiohttp.CookieJar(unsafe=True)
                async with aiohttp.ClientSession(cookie_jar=jar) as http:
                    await signed_in(http, base)
                    await searched(http, base, "warm up", 1)
                    out = {}
                    for name, query in (
                        ("words nobody wrote", "zebra crossing"),
                        ("the oldest ticket's words", OLDEST_WORDS),
                        ("a recent user's name", f"User {count - 3}"),
                    ):
                        took, cpu, body = await searched(http, base, query, rounds)
                        out[name] = took
                        out[f"{name}, CPU"] = cpu
                        more = body.get("more")
                        print(
                            f"  {count:>6,} tickets, {name:<26} {took * 1e3:8.1f} ms"
                            f" (CPU {cpu * 1e3:6.1f} ms)"
                            f"  found {len(body['tickets']):>2}"
                            f"  searched {body.get('searched', '?')}"
                            f"  more: {more if more is not None else '-'}"
                        )
                    return out
            finally:
                await runner.cleanup()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


async def main(counts: list[int], rounds: int) -> None:
    logging.disable(logging.WARNING)
    results = {count: await desk(count, rounds) for count in counts}
    small, big = results[min(counts)], results[max(counts)]
    for name in small:
        print(f"ratio {max(counts):,} / {min(counts):,} tickets, {name}: "
              f"{big[name] / small[name]:.1f}")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, nargs=2, default=[200, 20_000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.tickets, args.rounds))
