"""`firstline serve` on embedded defaults: ready, answers, stops on SIGTERM, keeps data."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

import redis

from gateway.models import InboundMessage
from gateway.store import Store

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(
    data: Path, port: int, stderr: IO[bytes] | None = None, **extra_env: str
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env |= {"FIRSTLINE_DATA_DIR": str(data), "FIRSTLINE__WORKER__LEASE_SECONDS": "1"}
    env |= extra_env
    return subprocess.Popen(
        [sys.executable, "-m", "gateway", "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stderr=stderr,
    )


def get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def wait(condition, what: str, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def test_serve_keeps_conversations_across_a_restart(tmp_path: Path) -> None:
    data, port = tmp_path / "data", free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start(data, port)
    try:
        wait(lambda: get(f"{base}/readyz")[0] == 200, "the gateway to be ready")
        assert get(f"{base}/healthz") == (200, {"status": "ok"})
        sock = data / "redis" / "redis.sock"
        r = redis.Redis(unix_socket_path=str(sock))
        message = InboundMessage(
            "telegram", "77", "u1", text="printer shows offline and nothing prints"
        )
        assert asyncio.run(accept(f"unix://{sock}", message))  # as a connector would
        wait(lambda: r.llen("fl:conv:telegram:77:log") >= 2, "the bot to answer")
        before = r.lrange("fl:conv:telegram:77:log", 0, -1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
        r.close()

        proc = start(data, port)
        wait(lambda: get(f"{base}/readyz")[0] == 200, "the gateway to be ready again")
        r = redis.Redis(unix_socket_path=str(sock))
        assert r.lrange("fl:conv:telegram:77:log", 0, -1) == before
        state = json.loads(r.hget("fl:conv:telegram:77", "state"))
        assert state, "dialog state survived the restart"
        r.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        finally:
            proc.kill()


async def accept(url: str, message: InboundMessage) -> bool:
    store = Store.from_url(url)
    try:
        return await store.inbound.accept(message)
    finally:
        await store.close()
