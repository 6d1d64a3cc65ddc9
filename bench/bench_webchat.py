"""Web-chat throughput and reply latency, beside a bare aiohttp WebSocket echo server.

Starts a redis-server, `firstline serve` (the real app: widget socket, durable intake,
in-process workers, dialog engine, outbox) and a bare echo server, each in its own
process on loopback. N concurrent visitors each send a few messages one after another
and wait for the answer (the bot's first reply, or the echo). Prints messages/s and
latency median/p99 for both, and the ratios.

    python bench/bench_webchat.py [--sessions 100 500] [--messages 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from aiohttp import web
from loadstats import LoadResult, free_port

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "my printer shows offline and nothing prints",
    "I forgot my password",
    "no sound on my laptop",
    "outlook does not send mail",
]
PHASE_TIMEOUT = 40.0


@dataclass
class Result(LoadResult):
    sessions: int = 0

    def line(self) -> str:
        return (
            f"{self.name:<8} sessions={self.sessions:<4} messages={len(self.latencies):<5} "
            f"failed={self.failures:<3} {self.rate:8.0f} msg/s   latency median "
            f"{self.median * 1000:7.1f} ms  p99 {self.quantile(0.99) * 1000:7.1f} ms"
        )


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise SystemExit(f"nothing listens on {port}")


@contextlib.contextmanager
def servers(workdir: Path, gateway_cmd: list[str]) -> Iterator[tuple[str, str]]:
    """redis-server, the gateway and the echo server; their base URLs."""
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
        "FIRSTLINE__LOGGING__LEVEL": "WARNING",
    }
    try:
        procs.append(
            subprocess.Popen(
                [*gateway_cmd, "serve", "--port", str(gw_port)],
                env=env,
                cwd=ROOT,
                stderr=subprocess.DEVNULL,
            )
        )
        procs.append(subprocess.Popen([sys.executable, __file__, "--echo-server", str(echo_port)]))
        wait_port(gw_port, procs[0])
        wait_port(echo_port, procs[1])
        yield f"http://127.0.0.1:{gw_port}", f"http://127.0.0.1:{echo_port}"
    finally:
        for proc in reversed(procs):
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(20)
            if proc.poll() is None:
                proc.kill()
        redis_server.stop()


async def gateway_session(
    http: aiohttp.ClientSession, base: str, messages: int, out: Result
) -> None:
    """A visitor: say something, wait for the bot's first reply to it, repeat."""
    async with http.ws_connect(base.replace("http", "ws") + "/webchat/ws", origin=base) as ws:
        await ws.send_json({"type": "hello", "token": None, "have": 0, "lang": "en"})
        for i in range(messages):
            client_id = uuid.uuid4().hex
            started = time.perf_counter()
            text = QUESTIONS[i % len(QUESTIONS)]
            await ws.send_json({"type": "message", "id": client_id, "text": text})
            mine = -1
            while True:
                frame = json.loads((await ws.receive(timeout=PHASE_TIMEOUT)).data)
                if frame["type"] == "error":
                    raise RuntimeError(frame)
                if frame["type"] != "entry":
                    continue
                if frame["entry"].get("client_id") == client_id:
                    mine = frame["index"]
                elif mine >= 0 and frame["entry"]["direction"] == "out":
                    out.latencies.append(time.perf_counter() - started)
                    break


async def echo_session(http: aiohttp.ClientSession, base: str, messages: int, out: Result) -> None:
    async with http.ws_connect(base.replace("http", "ws") + "/echo") as ws:
        for i in range(messages):
            started = time.perf_counter()
            await ws.send_json(
                {"type": "message", "id": uuid.uuid4().hex, "text": QUESTIONS[i % 4]}
            )
            await ws.receive(timeout=PHASE_TIMEOUT)
            out.latencies.append(time.perf_counter() - started)


async def run_phase(name: str, session, base: str, sessions: int, messages: int) -> Result:  # type: ignore[no-untyped-def]
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        result = Result(name, 0.0, sessions=sessions)
        started = time.perf_counter()
        outcomes = await asyncio.wait_for(
            asyncio.gather(
                *(session(http, base, messages, result) for _ in range(sessions)),
                return_exceptions=True,
            ),
            PHASE_TIMEOUT + 10,
        )
        result.seconds = time.perf_counter() - started
        result.failures = sum(1 for o in outcomes if isinstance(o, BaseException))
        return result


async def bench(sizes: list[int], messages: int, gateway_cmd: list[str]) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-"))
    try:
        with servers(workdir, gateway_cmd) as (gateway_url, echo_url):
            await run_phase("warm-up", gateway_session, gateway_url, 10, 1)
            for n in sizes:
                echo = await run_phase("echo", echo_session, echo_url, n, messages)
                gw = await run_phase("gateway", gateway_session, gateway_url, n, messages)
                print(echo.line())
                print(gw.line())
                if echo.rate and gw.latencies:
                    slower = gw.median / echo.median
                    print(
                        f"ratio    gateway/echo throughput {gw.rate / echo.rate:.3f}; "
                        f"median latency x{slower:.0f}\n"
                    )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


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
    parser.add_argument("--sessions", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--messages", type=int, default=3)
    parser.add_argument(
        "--gateway-cmd",
        default=f"{sys.executable} -m gateway",
        help="how to start the gateway (default: this Python's `-m gateway`)",
    )
    parser.add_argument("--echo-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.echo_server:
        echo_server(args.echo_server)
        return
    print(f"cpus: {os.cpu_count()}; messages per session: {args.messages}; loopback only")
    asyncio.run(bench(args.sessions, args.messages, shlex.split(args.gateway_cmd)))


if __name__ == "__main__":
    main()
