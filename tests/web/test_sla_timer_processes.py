"""Several real gateway processes share the SLA timers; one is SIGKILLed holding some.

Each warning and breach fires exactly once, the escalation lands (level L1 -> L2), the
group's operator sees the alerts live in the console, and the user gets one update on
their channel.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from harness import PASSWORD, Console

from gateway.models import Level, Priority, SupportGroup, Ticket
from gateway.store import Conversation, Store, Transaction, keys
from gateway.web.auth import hash_password

ROOT = Path(__file__).resolve().parents[2]
RUNNING = re.compile(r"Running on (http://127\.0\.0\.1:\d+)")


@dataclass
class Gw:
    url: str


def env(redis_url: str, tmp: Path, lease: float) -> dict[str, str]:
    operators = [
        {"login": "hw", "name": "Hanna", "password_hash": hash_password(PASSWORD),
         "groups": ["hardware"], "level": "L2"},
        {"login": "lena", "name": "Lena", "password_hash": hash_password(PASSWORD),
         "groups": ["hardware"], "level": "L3"},
        {"login": "net", "name": "Nick", "password_hash": hash_password(PASSWORD),
         "groups": ["network"]},
    ]  # fmt: skip
    return {
        **os.environ,
        "REDIS_URL": redis_url,
        "FIRSTLINE_CONFIG": str(ROOT / "config" / "firstline.yaml"),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE_DATA_DIR": str(tmp / "data"),
        "FIRSTLINE_SESSION_SECRET": "test-session-secret-0123456789",
        "FIRSTLINE__WORKER__SHARDS": "4",
        "FIRSTLINE__SLA__TIMER_POLL_SECONDS": "0.1",
        "FIRSTLINE__SLA__TIMER_LEASE_SECONDS": str(lease),
        "FIRSTLINE__SLA__LEADS": "{hardware: lena}",
        "FIRSTLINE__SLA__ON_BREACH": "{P2: [next_level, notify_lead]}",
        "FIRSTLINE__OPERATORS": json.dumps(operators),
    }


def serve(environ: dict[str, str], count: int) -> list[tuple[subprocess.Popen[str], str]]:
    """`count` real `firstline serve` processes, started together; each with its URL."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "gateway", "serve", "--port", "0"],
            env=environ,
            cwd=ROOT,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(count)
    ]
    started = []
    for proc in procs:
        assert proc.stderr is not None
        for line in proc.stderr:
            found = RUNNING.search(line)
            if found:
                started.append((proc, found.group(1)))
                break
        else:
            raise AssertionError(f"gateway exited with {proc.wait()}")
    return started


async def seed(store: Store, chat_id: str, warn_in: float, breach_in: float) -> Ticket:
    now = time.time()
    ticket = Ticket(
        id=await store.tickets.next_id(), conversation_key=f"telegram:{chat_id}",
        channel="telegram", chat_id=chat_id, subject="Laptop will not charge",
        group=SupportGroup.HARDWARE, priority=Priority.P2, language="en",
        created_at=now, updated_at=now,
        first_response_warn_at=now + warn_in, first_response_due=now + breach_in,
    )  # fmt: skip
    conv = Conversation(key=ticket.conversation_key, channel="telegram", chat_id=chat_id)
    conv.active_ticket, conv.language = ticket.id, "en"
    tx = Transaction()
    tx.save_ticket(ticket)
    store.conversations.save(tx, conv, now)
    await store.commit(tx)
    return ticket


async def told_kinds(store: Store, ticket: Ticket) -> tuple[str, ...]:
    """The alerts the ticket's group is told: the breach, and the warning when it fired in a
    round of its own (the SLA's entries in the ticket's history name what each fired)."""
    rounds = [e.detail for e in await store.tickets.events(ticket.id) if e.actor == "sla"]
    alone = any("warning" in r and "breach" not in r for r in rounds)
    return ("warning", "breach") if alone else ("breach",)


async def user_updates(store: Store) -> Counter[str]:
    got: Counter[str] = Counter()
    for _, fields in await store.redis.xrange(keys.outbound_stream("telegram")):
        delivery = json.loads(fields[b"d"])
        got[delivery["chat_id"]] += "taking longer than we promised" in delivery["message"]["text"]
    return got


async def collect(ws: aiohttp.ClientWebSocketResponse, into: list[dict[str, Any]]) -> None:
    async for msg in ws:
        frame = json.loads(msg.data)
        if frame.get("type") == "sla_alert":
            into.append(frame)


async def console_socket(http: aiohttp.ClientSession, url: str, login: str) -> Any:
    console = Console(http, Gw(url))  # type: ignore[arg-type]
    assert (await console.sign_in(login))[0] == 200
    return await http.ws_connect(url + "/console/ws", headers={"Origin": url})


async def wait_for(check: Any, what: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


async def test_timers_fire_exactly_once_across_processes_despite_a_sigkill(
    store: Store, redis_url: str, tmp_path: Path
) -> None:
    gateways = serve(env(redis_url, tmp_path, lease=2), 3)
    frames: dict[str, list[dict[str, Any]]] = {"hw": [], "lena": [], "net": []}
    sessions = [aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in frames]
    readers = []
    try:
        for (login, into), http, (_, url) in zip(frames.items(), sessions, gateways, strict=True):
            ws = await console_socket(http, url, login)
            readers.append(asyncio.create_task(collect(ws, into)))
        # While the gateways are frozen, another process claims a due ticket with a 5 s
        # lease and is killed holding it; the gateways go on with that claim in Redis. (They
        # are started first, so the lease need not outlast start-up on a busy machine.)
        for proc, _ in gateways:
            proc.send_signal(signal.SIGSTOP)
        try:
            held = await seed(store, "900", warn_in=0, breach_in=1)
            stalled = subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "processes" / "stalling_sla_timers.py")],
                env=env(redis_url, tmp_path, lease=5), cwd=ROOT,
            )  # fmt: skip
            try:
                await wait_for(
                    lambda: store.redis.sismember("test:sla_stalled", held.id), "the claim", 60
                )
            finally:
                stalled.send_signal(signal.SIGKILL)
                stalled.wait()
        finally:
            for proc, _ in gateways:
                proc.send_signal(signal.SIGCONT)
        assert await store.sla_timers.claimed() == 1, "the dead process's claim is held"
        # Another gateway is killed outright before the next timers are due.
        victim, _ = gateways.pop()
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        tickets = [held] + [await seed(store, f"91{i}", 1.5, 3.0) for i in range(8)]

        async def all_fired() -> bool:
            for t in tickets:
                stored = await store.tickets.get(t.id)
                if stored is None or not stored.breached:
                    return False
            return True

        await wait_for(all_fired, "every warning and breach")
        # A warning first fired in the same round as its breach (the held ticket, whose
        # claim outlived both; any ticket on a host too loaded to look between) is told to
        # nobody: the breach says it all. Each one fired alone is told once.
        kinds_told = {t.id: await told_kinds(store, t) for t in tickets}
        group_told = Counter({(t.id, kind): 1 for t in tickets for kind in kinds_told[t.id]})
        lead_told = Counter(
            {(t.id, kind, False): 1 for t in tickets for kind in kinds_told[t.id]}
            | {(t.id, "breach", True): 1 for t in tickets}
        )

        def kinds() -> Counter[tuple[str, str]]:
            return Counter((f["ticket"], f["kind"]) for f in frames["hw"])

        def lead() -> Counter[tuple[str, str, bool]]:
            return Counter((f["ticket"], f["kind"], f["lead"]) for f in frames["lena"])

        async def all_told() -> bool:  # the consoles' frames travel on after the commits
            return kinds().keys() >= group_told.keys() and lead().keys() >= lead_told.keys()

        await wait_for(all_told, "every alert on the consoles")
        await asyncio.sleep(1.5)  # anything fired twice would arrive by now

        for t in tickets:
            stored = await store.tickets.get(t.id)
            assert stored is not None
            assert stored.level == Level.L2, t.id
            assert stored.fired == {"first_response_warning", "first_response_breach"}
        assert kinds() == group_told
        assert lead() == lead_told
        assert frames["net"] == []  # another group's operator is not disturbed
        updates = await user_updates(store)
        assert {t.chat_id: updates[t.chat_id] for t in tickets} == {t.chat_id: 1 for t in tickets}
        assert await store.sla_timers.claimed() == 0
    finally:
        for task in readers:
            task.cancel()
        for http in sessions:
            await http.close()
        for proc, _ in gateways:
            proc.terminate()
        for proc, _ in gateways:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
