"""Web-chat throughput and reply latency, beside a bare aiohttp WebSocket echo server.

Starts a redis-server, `firstline serve` (the real app: widget socket, durable intake,
its worker processes, dialog engine) and a bare echo server, each in its own process
group on loopback.

- Closed loop (default): N concurrent visitors each send a few messages one after
  another and wait for the answer (the bot's first reply, or the echo). Prints
  messages/s and latency median/p99 for both, and the ratios.
- Open loop (`--rate R`): N visitors together offer R messages/s for `--duration`
  seconds whatever the answers do (a closed loop hides queueing), and the latency
  percentiles of the answers, for the gateway and the echo at the same offered load.
- Memory: the resident size of the whole serve process group (its worker processes and
  the redis-server included) with `--memory-sessions` web-chat sockets open, each
  process's share, and what redis-server holds by kind of key.

    python bench/bench_webchat.py [--sessions 1 100 500 1000] [--messages 5]
    python bench/bench_webchat.py --rate 500 --rate-sessions 500 [--duration 10]
    python bench/bench_webchat.py --rate 100 200 300 500   # each in turn: where is the knee?
    python bench/bench_webchat.py --processes 1   # serve without worker processes
    python bench/bench_webchat.py --texts varied  # a new text each message (no memo hits)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import redis
from aiohttp import web
from loadstats import (
    QUESTIONS,
    LoadResult,
    forget_touches,
    free_port,
    process_cpu,
    process_memory,
    process_memory_parts,
    process_tree,
    process_waits,
    varied_texts,
)

ROOT = Path(__file__).resolve().parents[1]
PHASE_TIMEOUT = 40.0
# serve loads the dictionaries and the matcher before it listens: on a shared host at load
# ~20 that took over 30 s
STARTUP_TIMEOUT = 180.0
# Visitors offer permessage-deflate, as every browser does (what the server keeps per
# socket if it accepts is part of its memory).
BROWSER_DEFLATE = 15
# What visitors say: the four questions in turn, or (`--texts varied`) the FAQ tuning
# questions, each message a text not sent before in the run.
TEXTS: list[str] = QUESTIONS
_SENT = itertools.count()


def next_text(n: int) -> str:
    """The text of a visitor's n-th message."""
    if TEXTS is QUESTIONS:
        return QUESTIONS[n % len(QUESTIONS)]
    return TEXTS[next(_SENT) % len(TEXTS)]


@dataclass
class Result(LoadResult):
    sessions: int = 0

    def line(self) -> str:
        return (
            f"{self.name:<8} sessions={self.sessions:<4} messages={len(self.latencies):<5} "
            f"failed={self.failures:<3} {self.rate:8.0f} msg/s   latency median "
            f"{self.median * 1000:7.1f} ms  p99 {self.quantile(0.99) * 1000:7.1f} ms"
        )


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = STARTUP_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise SystemExit(f"nothing listens on {port}")


@dataclass
class Servers:
    gateway: str  # base URLs
    echo: str
    gateway_pid: int
    redis_pid: int
    redis_url: str = ""
    touches_forgotten: set[int] = field(default_factory=set)  # see forget_touches


@contextlib.contextmanager
def servers(workdir: Path, gateway_cmd: list[str], processes: int | None) -> Iterator[Servers]:
    """redis-server, the gateway and the echo server."""
    from gateway.store.embedded import EmbeddedRedis

    redis_server = EmbeddedRedis(workdir / "redis", appendonly=False)
    redis_url = redis_server.start()
    procs: list[subprocess.Popen[bytes]] = []
    gw_port, echo_port = free_port(), free_port()
    env = os.environ | {
        "REDIS_URL": redis_url,
        "FIRSTLINE_DATA_DIR": str(workdir / "data"),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE_SESSION_SECRET": "bench-" + uuid.uuid4().hex,
        "FIRSTLINE__WEB__MESSAGES_PER_MINUTE": "100000",
        # Every simulated visitor comes from 127.0.0.1: lift the per-address limits.
        "FIRSTLINE__WEB__MESSAGES_PER_MINUTE_PER_ADDRESS": "10000000",
        "FIRSTLINE__WEB__NEW_SESSIONS_PER_MINUTE_PER_ADDRESS": "10000000",
        "FIRSTLINE__WEB__SOCKETS_AT_ONCE_PER_ADDRESS": "10000000",
        "FIRSTLINE__LOGGING__LEVEL": "WARNING",
    }
    try:
        serve = [*gateway_cmd, "serve", "--port", str(gw_port)]
        serve += ["--processes", str(processes)] if processes else []
        procs.append(
            subprocess.Popen(
                serve,
                env=env,
                cwd=ROOT,
                stderr=subprocess.DEVNULL,
            )
        )
        procs.append(subprocess.Popen([sys.executable, __file__, "--echo-server", str(echo_port)]))
        wait_port(gw_port, procs[0])
        wait_port(echo_port, procs[1])
        yield Servers(
            f"http://127.0.0.1:{gw_port}",
            f"http://127.0.0.1:{echo_port}",
            procs[0].pid,
            redis_server.pid or 0,
            redis_url,
        )
    finally:
        for proc in reversed(procs):
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(20)
            if proc.poll() is None:
                proc.kill()
        redis_server.stop()


def entries_in(frame: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) of the transcript entries a frame carries: all of an `entries`
    frame, or the one of an `entry` frame (a gateway from before one-frame updates,
    started with `--gateway-cmd` for a before/after run)."""
    if frame["type"] == "entries":
        return [(item["index"], item["entry"]) for item in frame["entries"]]
    return [(frame["index"], frame["entry"])] if frame["type"] == "entry" else []


async def gateway_session(
    http: aiohttp.ClientSession, base: str, messages: int, out: Result
) -> None:
    """A visitor: say something, wait for the bot's first reply to it, repeat."""
    chat = base.replace("http", "ws") + "/webchat/ws"
    async with http.ws_connect(chat, origin=base, compress=BROWSER_DEFLATE) as ws:
        await ws.send_json({"type": "hello", "token": None, "have": 0, "lang": "en"})
        for i in range(messages):
            client_id = uuid.uuid4().hex
            started = time.perf_counter()
            text = next_text(i)
            await ws.send_json({"type": "message", "id": client_id, "text": text})
            mine = -1
            while True:
                frame = json.loads((await ws.receive(timeout=PHASE_TIMEOUT)).data)
                if frame["type"] == "error":
                    raise RuntimeError(frame)
                for index, entry in entries_in(frame):
                    if entry.get("client_id") == client_id:
                        mine = index
                    elif mine >= 0 and entry["direction"] == "out":
                        break
                else:
                    continue
                out.latencies.append(time.perf_counter() - started)
                break


async def echo_session(http: aiohttp.ClientSession, base: str, messages: int, out: Result) -> None:
    async with http.ws_connect(base.replace("http", "ws") + "/echo") as ws:
        for i in range(messages):
            started = time.perf_counter()
            await ws.send_json({"type": "message", "id": uuid.uuid4().hex, "text": next_text(i)})
            await ws.receive(timeout=PHASE_TIMEOUT)
            out.latencies.append(time.perf_counter() - started)


async def run_phase(name: str, session, base: str, sessions: int, messages: int) -> Result:  # type: ignore[no-untyped-def]
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        result = Result(name, 0.0, sessions=sessions)
        started = time.perf_counter()
        tasks = [
            asyncio.create_task(session(http, base, messages, result)) for _ in range(sessions)
        ]
        done, late = await asyncio.wait(tasks, timeout=PHASE_TIMEOUT * messages)
        result.seconds = time.perf_counter() - started
        for task in late:  # a visitor still waiting at the end counts as failed
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
        result.failures = len(late) + sum(1 for t in done if t.exception() is not None)
        return result


async def bench(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-"))
    gateway_cmd = shlex.split(args.gateway_cmd)
    try:
        with servers(workdir, gateway_cmd, args.processes) as srv:
            await run_phase("warm-up", gateway_session, srv.gateway, 10, 1)
            await asyncio.sleep(2.0)  # worker processes have taken their shards
            print_processes_memory(srv, "start   ")  # before the load, no sockets open
            # what the load reads or writes of each process, from now on
            srv.touches_forgotten = {pid for pid in group_pids(srv) if forget_touches(pid)}
            if args.rate:
                await open_loop(srv, args.rate, args.rate_sessions, args.duration)
            else:
                for n in args.sessions:
                    await closed_loop(srv, n, args.messages)
            if args.memory_sessions:
                await memory(srv, args.memory_sessions)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


async def closed_loop(srv: Servers, sessions: int, messages: int) -> None:
    cpu = process_cpu([echo_pid(srv)])
    echo = await run_phase("echo", echo_session, srv.echo, sessions, messages)
    echo_cpu = process_cpu([echo_pid(srv)]) - cpu
    cpu = cpu_by_part(srv)
    gw = await run_phase("gateway", gateway_session, srv.gateway, sessions, messages)
    parts = {name: used - cpu[name] for name, used in cpu_by_part(srv).items()}
    gw_cpu = sum(parts.values())
    print(echo.line())
    print(gw.line())
    if echo.rate and gw.latencies:
        # CPU time per message is what a shared, noisy host distorts least.
        per_echo = echo_cpu / max(1, len(echo.latencies)) * 1000
        per_gw = gw_cpu / max(1, len(gw.latencies)) * 1000
        print(
            f"ratio    gateway/echo throughput {gw.rate / echo.rate:.3f}; "
            f"median latency x{gw.median / echo.median:.0f}; CPU per message "
            f"{per_gw:.2f} ms (serve group + redis) vs echo {per_echo:.2f} ms; of it "
            + ", ".join(
                f"{name} {used / len(gw.latencies) * 1000:.2f}" for name, used in parts.items()
            )
            + "\n",
            flush=True,
        )


# Open loop: each visitor sends on its own schedule, never waiting for an answer.

QUANTILES = (0.5, 0.9, 0.99, 0.999)
ANSWERED_IN_FULL = 0.98  # of the offered load, for a rate to count as carried


@dataclass
class Waits:
    """Where each answered message's time went, seconds, from the frames the visitor sees:
    accept (sent → the gateway's `ack`: serve's event loop and the durable accept), queue
    (ack → the turn, by the bot entry's timestamp: waiting in its shard, the read, the
    step) and reply (the turn → the reply on the visitor's socket: the commit, the live
    event, serve's catch-up read and the frame)."""

    accept: list[float] = field(default_factory=list)
    queue: list[float] = field(default_factory=list)
    reply: list[float] = field(default_factory=list)

    def line(self) -> str:
        def pct(values: list[float], q: float) -> float:
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000 if values else 0

        return "; ".join(
            f"{name} p50 {pct(values, 0.5):.1f} / p99 {pct(values, 0.99):.1f} ms"
            for name, values in (
                ("accept", self.accept),
                ("queue", self.queue),
                ("reply", self.reply),
            )
        )


@dataclass
class RateStep:
    """One offered rate's outcome, for the summary."""

    rate: float
    answered: float
    p50: float
    p99: float
    echo_p99: float
    cpu: dict[str, float]  # seconds per message, by part


def ceiling(steps: list[RateStep], cores: int, workers: int) -> str:
    """What idle cores would carry at the CPU per message measured at the busiest step:
    the group's parts together on all `cores`, and its `workers` worker processes (a
    Python process uses one core at most), whichever is lower."""
    cpu = max(steps, key=lambda s: s.answered).cpu
    total = sum(cpu.values())
    return (
        f"{min(cores / total, workers / cpu['workers']):.0f} msg/s: the group "
        f"{cores / total:.0f} ({total * 1000:.2f} ms per message on {cores} cores), its "
        f"{workers} worker process(es) {workers / cpu['workers']:.0f} "
        f"({cpu['workers'] * 1000:.2f} ms per message each)"
    )


async def open_loop(srv: Servers, rates: list[float], sessions: int, duration: float) -> None:
    steps = [await open_loop_at(srv, rate, sessions, duration) for rate in rates]
    workers = max(1, len(process_tree(srv.gateway_pid)) - 1)  # serve takes turns without
    print("summary  offered msg/s -> answered msg/s, p50 / p99 ms (echo p99 ms)")
    for step in steps:
        print(
            f"         {step.rate:6.0f} -> {step.answered:6.0f}  {step.p50 * 1000:8.1f} / "
            f"{step.p99 * 1000:8.1f}  ({step.echo_p99 * 1000:.1f})"
        )
    carried = [s.rate for s in steps if s.answered >= ANSWERED_IN_FULL * s.rate]
    print(
        f"         knee: carried in full up to {max(carried, default=0):.0f} msg/s offered "
        f"(answered >= {ANSWERED_IN_FULL:.0%} of it within the run) on this host; idle "
        f"cores would carry at most {ceiling(steps, os.cpu_count() or 1, workers)}",
        flush=True,
    )


async def open_loop_at(srv: Servers, rate: float, sessions: int, duration: float) -> RateStep:
    """Echo, then the gateway, at one offered rate; each answered message's latency."""
    print(f"open loop: {rate:.0f} msg/s offered by {sessions} visitors for {duration:.0f} s")
    await drained(srv)
    results: dict[str, tuple[Result, int, dict[str, float], dict[str, float]]] = {}
    waits = Waits()
    me = [os.getpid()]
    for name, url, session in (
        ("echo", srv.echo, open_echo_session),
        ("gateway", srv.gateway, open_gateway_session),
    ):
        result = Result(name, duration, sessions=sessions)
        interval = sessions / rate
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as http:
            sockets = [await connect(http, url, session) for _ in range(sessions)]
            cpu, waited = server_cpu(srv, name), server_waits(srv, name)
            redis_before = redis_counts(srv)
            client_cpu, began = process_cpu(me), time.perf_counter()
            started = time.perf_counter() + 0.5
            outcomes = await asyncio.gather(
                *(
                    session(
                        ws,
                        Schedule(started + random.uniform(0, interval), interval, duration),
                        result,
                        waits,
                    )
                    for ws in sockets
                ),
                return_exceptions=True,
            )
            wall = time.perf_counter() - began
            used = {part: now - cpu[part] for part, now in server_cpu(srv, name).items()}
            delays = {part: now - waited[part] for part, now in server_waits(srv, name).items()}
            client = (process_cpu(me) - client_cpu) / wall
            after = redis_counts(srv)
            redis_used = [now - then for now, then in zip(after, redis_before, strict=True)]
            for ws in sockets:
                await ws.close()
        result.failures = sum(1 for o in outcomes if isinstance(o, BaseException))
        sent = sum(o for o in outcomes if isinstance(o, int))
        results[name] = (result, sent, used, delays)
        lat = " ".join(f"p{q * 100:g} {result.quantile(q) * 1000:7.1f} ms" for q in QUANTILES)
        print(
            f"{name:<8} offered {sent / duration:6.0f} msg/s  answered {result.rate:6.0f} msg/s  "
            f"unanswered {sent - len(result.latencies):<5} failed {result.failures:<3} {lat}",
            flush=True,
        )
        # CPU per message: what the load costs, whatever else the host runs. Per message
        # answered when some were not (an overloaded gateway accepted them all, and took
        # the turns of only the answered ones).
        counted = sent if len(result.latencies) >= sent else max(1, len(result.latencies))
        per = ", ".join(f"{part} {u / counted * 1000:.2f}" for part, u in used.items())
        total = sum(used.values()) / counted * 1000
        which = "offered" if counted == sent else "answered (all were accepted)"
        print(f"{'':<8} CPU per message {which} {total:.2f} ms ({per})", flush=True)
        if name == "gateway":  # counted by redis-server: what a loaded host cannot skew
            trips, commands, published = (n / counted for n in redis_used)
            print(
                f"{'':<8} Redis per message: {trips:.2f} round trips (the server's socket "
                f"reads), {commands:.1f} commands (those inside scripts included), "
                f"{published:.2f} live messages (PUBLISH)",
                flush=True,
            )
        # A part busy near 1.0 is the bottleneck. A part runnable most of the time but given
        # a small share of a core when it was is held back by the host's other programs.
        busy = ", ".join(f"{part} {u / wall:.2f}" for part, u in used.items())
        wait = ", ".join(f"{part} {d / counted * 1000:.2f}" for part, d in delays.items())
        share = ", ".join(
            f"{part} {(used[part] + d) / wall:.2f} / {used[part] / max(used[part] + d, 1e-9):.2f}"
            for part, d in delays.items()
        )
        print(
            f"{'':<8} cores busy: {busy} (the bench client {client:.2f}); waited for a CPU "
            f"per message: {wait} ms\n{'':<8} runnable / share of a core it got then: {share}",
            flush=True,
        )
    echo, _, echo_used, _ = results["echo"]
    gw, gw_sent, gw_used, _ = results["gateway"]
    echo_per = sum(echo_used.values()) / max(1, len(echo.latencies))
    gw_per = sum(gw_used.values()) / max(1, min(gw_sent, len(gw.latencies)))
    print(
        f"ratio    gateway/echo: answered {gw.rate / max(echo.rate, 1e-9):.3f}; p50 "
        f"x{gw.median / echo.median:.0f}; p99 x{gw.quantile(0.99) / echo.quantile(0.99):.0f}; "
        f"CPU per message x{gw_per / max(echo_per, 1e-9):.1f}"
    )
    print(f"{'':<8} where a gateway message waited: {waits.line()}\n", flush=True)
    per_part = {part: u / max(1, min(gw_sent, len(gw.latencies))) for part, u in gw_used.items()}
    return RateStep(rate, gw.rate, gw.median, gw.quantile(0.99), echo.quantile(0.99), per_part)


def redis_counts(srv: Servers) -> tuple[int, int, int]:
    """The redis-server's socket reads (a pipeline, however long, is one or two),
    commands processed and PUBLISH calls (live messages) so far."""
    with redis.Redis.from_url(srv.redis_url) as client:
        stats = client.info("stats")
        published = client.info("commandstats").get("cmdstat_publish", {}).get("calls", 0)
    return (
        int(stats["total_reads_processed"]),
        int(stats["total_commands_processed"]),
        int(published),
    )


async def drained(srv: Servers, timeout: float = 120.0) -> None:
    """Wait until the gateway has taken every message offered before (an overloaded step
    leaves a backlog, which the next step would otherwise inherit)."""
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            async with http.get(srv.gateway + "/readyz") as resp:
                if (await resp.json()).get("inbound_backlog", 0) == 0:
                    return
            await asyncio.sleep(0.5)
    print(f"         (the backlog of the step before was not drained in {timeout:.0f} s)")


async def connect(
    http: aiohttp.ClientSession, base: str, session: object
) -> aiohttp.ClientWebSocketResponse:
    if session is open_echo_session:
        return await http.ws_connect(base.replace("http", "ws") + "/echo")
    ws = await http.ws_connect(
        base.replace("http", "ws") + "/webchat/ws", origin=base, compress=BROWSER_DEFLATE
    )
    await ws.send_json({"type": "hello", "token": None, "have": 0, "lang": "en"})
    while json.loads((await ws.receive(timeout=PHASE_TIMEOUT)).data)["type"] != "welcome":
        pass
    return ws


@dataclass(frozen=True)
class Schedule:
    """When one open-loop visitor sends: at `first`, then every `interval`, for `duration`."""

    first: float
    interval: float
    duration: float


async def open_gateway_session(
    ws: aiohttp.ClientWebSocketResponse, schedule: Schedule, out: Result, waits: Waits
) -> int:
    """Send every `interval` seconds; an answer is the first bot entry after a message."""
    sent_at: dict[str, float] = {}  # sent, its entry not yet seen
    unacked: dict[str, float] = {}  # sent, not yet acknowledged
    acked_at: dict[str, float] = {}  # wall clock: the bot entry's timestamp is the turn's
    waiting: list[tuple[float, float]] = []  # in the transcript, not yet answered

    async def receive() -> None:
        while True:
            frame = json.loads((await ws.receive()).data)
            if frame["type"] == "error":
                raise RuntimeError(frame)
            if frame["type"] == "ack":
                waits.accept.append(time.perf_counter() - unacked.pop(frame["id"]))
                if frame["id"] in sent_at:  # (its entry may come first, as the widget allows)
                    acked_at[frame["id"]] = time.time()
            for _, entry in entries_in(frame):
                client_id = entry.get("client_id")
                if client_id in sent_at:
                    waiting.append((sent_at.pop(client_id), acked_at.pop(client_id, 0.0)))
                elif entry["direction"] == "out" and waiting:
                    sent, acked = waiting.pop(0)
                    out.latencies.append(time.perf_counter() - sent)
                    if acked and entry.get("at"):
                        waits.queue.append(max(0.0, entry["at"] - acked))
                        waits.reply.append(max(0.0, time.time() - entry["at"]))
                    waiting.clear()  # one turn answers everything it read

    async def send(n: int) -> None:
        client_id = uuid.uuid4().hex
        sent_at[client_id] = unacked[client_id] = time.perf_counter()
        text = next_text(n)
        await ws.send_json({"type": "message", "id": client_id, "text": text})

    return await _scheduled(send, receive, schedule)


async def open_echo_session(
    ws: aiohttp.ClientWebSocketResponse, schedule: Schedule, out: Result, waits: Waits
) -> int:
    async def receive() -> None:
        while True:
            frame = json.loads((await ws.receive()).data)
            out.latencies.append(time.perf_counter() - frame["at"])

    async def send(n: int) -> None:
        await ws.send_json({"type": "message", "at": time.perf_counter(), "text": next_text(n)})

    return await _scheduled(send, receive, schedule)


async def _scheduled(send, receive, schedule: Schedule) -> int:  # type: ignore[no-untyped-def]
    """Call `send` on the schedule; keep receiving until the answers have had time to
    arrive. Returns how many were sent."""
    reader = asyncio.create_task(receive())
    sent = 0
    first, interval = schedule.first, schedule.interval
    try:
        while (at := first + sent * interval) < first + schedule.duration:
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            await send(sent)
            sent += 1
        await asyncio.sleep(2.0)  # stragglers; later answers count as unanswered
        if reader.done():
            reader.result()  # a failed socket is a failure, not silence
    finally:
        reader.cancel()
        await asyncio.gather(reader, return_exceptions=True)
    return sent


# Memory of the serve process group with many sockets open.


async def memory(srv: Servers, sessions: int) -> None:
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        before = group_memory(srv)
        sockets = await asyncio.gather(
            *(connect(http, srv.gateway, open_gateway_session) for _ in range(sessions))
        )
        await asyncio.sleep(1.0)
        after = group_memory(srv)
        print_processes_memory(srv, "memory  ", touched=True)
        for ws in sockets:
            await ws.close()
    echo_rss, _ = process_memory([echo_pid(srv)])
    print(
        f"memory   serve process group (serve, worker processes, redis-server): "
        f"{len(after[2])} processes, RSS {after[0] / 2**20:.0f} MiB "
        f"(PSS {after[1] / 2**20:.0f} MiB) with {sessions} web-chat sockets open; "
        f"{before[0] / 2**20:.0f} MiB (PSS {before[1] / 2**20:.0f} MiB) with none; "
        f"the echo server: {echo_rss / 2**20:.0f} MiB"
    )


def print_processes_memory(srv: Servers, label: str, touched: bool = False) -> None:
    """Each process's RSS, PSS, and its private and shared (with another process:
    serve and the worker processes it forked share pages until one writes to them);
    `touched`: also how much of its heap the load read or wrote (the rest it only holds)."""
    for pid in group_pids(srv):
        parts = process_memory_parts(pid)
        since = "the load touched" if pid in srv.touches_forgotten else "touched since start"
        heap = (
            f"; heap {parts['Heap'] / 2**20:.0f} MiB, {since} {parts['Heap_Touched'] / 2**20:.0f}"
            if touched
            else ""
        )
        print(
            f"{label} {process_role(pid, srv):<32} RSS {parts['Rss'] / 2**20:5.0f} MiB  "
            f"PSS {parts['Pss'] / 2**20:5.0f} MiB  private {parts['Private'] / 2**20:5.0f} MiB  "
            f"shared {parts['Shared'] / 2**20:5.0f} MiB (heap {parts['Heap_Shared'] / 2**20:4.1f})"
            + heap
        )
    rss, pss = process_memory(group_pids(srv))
    with redis.Redis.from_url(srv.redis_url) as client:
        used = client.info("memory")["used_memory"]
        clients = len(client.client_list())
        kinds = redis_data_by_kind(client)
    print(
        f"{label} group RSS {rss / 2**20:.0f} MiB  PSS {pss / 2**20:.0f} MiB; "
        f"redis-server's data (used_memory) {used / 2**20:.1f} MiB, {clients} clients"
    )
    largest = sorted(kinds.items(), key=lambda kind: -kind[1][0])[:REDIS_KINDS_SHOWN]
    print(
        f"{label} redis-server's keys by kind: "
        + ", ".join(f"{k} {b / 2**20:.2f} MiB ({n})" for k, (b, n) in largest)
    )


REDIS_KINDS_SHOWN = 6
_HASH_TAG = re.compile(r"\{[^}]*\}")


def key_kind(name: str) -> str:
    """What a key is, without the ids in its name: `fl:conv:{webchat:ab12}:log` is
    `fl:conv:{}:log` (a transcript), `fl:in:{3}:seen:webchat:ab12:cd34` is
    `fl:in:{}:seen:webchat` (a message's duplicate mark)."""
    kept = []
    for part in _HASH_TAG.sub("{}", name).split(":"):
        if any(c.isdigit() for c in part) or len(part) > 24:
            break  # an id: what follows names this one key
        kept.append(part)
    return ":".join(kept)


def redis_data_by_kind(client: redis.Redis) -> dict[str, tuple[int, int]]:
    """Bytes (`MEMORY USAGE`, exact) and keys of each kind of key in the database."""
    kinds: dict[str, tuple[int, int]] = {}
    names = list(client.scan_iter(count=1000))
    for at in range(0, len(names), 1000):
        batch = names[at : at + 1000]
        with client.pipeline(transaction=False) as pipe:
            for name in batch:
                pipe.memory_usage(name, samples=0)
            sizes = pipe.execute()
        for name, size in zip(batch, sizes, strict=True):
            kind = key_kind(name.decode(errors="replace"))
            total, count = kinds.get(kind, (0, 0))
            kinds[kind] = (total + (size or 0), count + 1)
    return kinds


def process_role(pid: int, srv: Servers) -> str:
    """What a process of the group is: serve, a worker process (forked from serve, or a
    `firstline worker`), redis-server."""
    if pid == srv.redis_pid:
        return "redis-server"
    if pid == srv.gateway_pid:
        return "serve"
    with contextlib.suppress(OSError):
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"worker" in command:
            return "worker process (firstline worker)"
        if b"serve" in command:
            return "worker process (forked from serve)"
    return "other"


def group_pids(srv: Servers) -> list[int]:
    """The serve process, its worker processes and the redis-server."""
    return [*process_tree(srv.gateway_pid), srv.redis_pid]


def cpu_by_part(srv: Servers) -> dict[str, float]:
    """CPU seconds used so far by the serve process (web, sockets, intake), its worker
    processes (the turns) and redis-server."""
    workers = process_tree(srv.gateway_pid)[1:]
    return {
        "serve": process_cpu([srv.gateway_pid]),
        "workers": process_cpu(workers),
        "redis": process_cpu([srv.redis_pid]),
    }


def server_cpu(srv: Servers, name: str) -> dict[str, float]:
    """CPU seconds used so far by the gateway's parts, or by the echo server."""
    return cpu_by_part(srv) if name == "gateway" else {"echo": process_cpu([echo_pid(srv)])}


def server_waits(srv: Servers, name: str) -> dict[str, float]:
    """Seconds the gateway's parts (or the echo server) have waited for a CPU so far."""
    if name != "gateway":
        return {"echo": process_waits([echo_pid(srv)])}
    return {
        "serve": process_waits([srv.gateway_pid]),
        "workers": process_waits(process_tree(srv.gateway_pid)[1:]),
        "redis": process_waits([srv.redis_pid]),
    }


def group_memory(srv: Servers) -> tuple[int, int, list[int]]:
    pids = group_pids(srv)
    rss, pss = process_memory(pids)
    return rss, pss, pids


def echo_pid(srv: Servers) -> int:
    port = srv.echo.rsplit(":", 1)[1]
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            if f"--echo-server\0{port}" in cmdline.read_text():
                return int(cmdline.parent.name)
    return 0


def echo_server(port: int) -> None:
    """The baseline: a bare aiohttp WebSocket echo, nothing else."""

    async def echo(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for msg in ws:
            await ws.send_str(msg.data)
        return ws

    app = web.Application()
    app.router.add_get("/echo", echo)
    web.run_app(app, host="127.0.0.1", port=port, print=lambda *_: None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 100, 500, 1000])
    parser.add_argument("--messages", type=int, default=5)
    parser.add_argument(
        "--rate",
        type=float,
        nargs="+",
        help="open loop: messages/s offered in total (several: each in turn, then a summary)",
    )
    parser.add_argument("--rate-sessions", type=int, default=500, help="visitors offering it")
    parser.add_argument("--duration", type=float, default=10.0, help="open loop: seconds")
    parser.add_argument(
        "--memory-sessions", type=int, default=1000, help="sockets open for the RSS (0: skip)"
    )
    parser.add_argument("--processes", type=int, help="`serve --processes` (default: its own)")
    parser.add_argument(
        "--gateway-cmd",
        default=f"{sys.executable} -m gateway",
        help="how to start the gateway (default: this Python's `-m gateway`)",
    )
    parser.add_argument(
        "--texts",
        choices=["four", "varied"],
        default="four",
        help="four: four questions in turn; varied: a new FAQ tuning question each message",
    )
    parser.add_argument("--echo-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global TEXTS
    if args.texts == "varied":
        TEXTS = [text for text, _ in varied_texts()]
    if args.echo_server:
        echo_server(args.echo_server)
        return
    print(
        f"cpus: {os.cpu_count()}; serve --processes {args.processes or 'default'}; "
        f"messages per session: {args.messages}; texts: {args.texts}; loopback only"
    )
    asyncio.run(bench(args))


if __name__ == "__main__":
    main()
