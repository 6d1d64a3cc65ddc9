"""A worker SIGKILLed mid-turn: the message is processed and answered exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from gateway.config import Settings
from gateway.models import InboundMessage
from gateway.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _env(settings: Settings, redis_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "REDIS_URL": redis_url,
        "FIRSTLINE_FAQ_DIR": str(settings.faq_dir),
        "FIRSTLINE__WORKER__SHARDS": str(settings.worker.shards),
        "FIRSTLINE__WORKER__LEASE_SECONDS": "1",
        "FIRSTLINE_CONFIG": str(ROOT / "config" / "firstline.yaml"),
    }


def _wait(condition, what: str, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


async def test_killed_worker_message_is_answered_exactly_once(
    settings: Settings, redis_url: str
) -> None:
    store = Store.from_url(redis_url, settings.worker.shards)
    await store.prepare()
    msg = InboundMessage(
        "telegram", "5001", "update-1", text="I forgot my password", user_name="Ann"
    )
    assert await store.inbound.accept(msg)
    await store.close()
    r = redis.Redis.from_url(redis_url)
    env = _env(settings, redis_url)

    stalled = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "processes" / "stalling_worker.py")],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait(lambda: r.exists("test:stalled"), "the worker to read the message")
        os.kill(stalled.pid, signal.SIGKILL)
        stalled.wait(10)
    finally:
        stalled.kill()
    assert int(r.get("test:stalled")) > 0  # it had computed a turn with effects
    assert r.llen("fl:conv:{telegram:5001}:log") == 0, "nothing may be written by a killed turn"
    assert r.xlen("fl:out:{telegram}") == 0

    worker = subprocess.Popen(
        [sys.executable, "-m", "gateway", "worker", "--count", "1"], env=env, cwd=ROOT
    )
    try:
        _wait(lambda: r.xlen("fl:out:{telegram}") > 0, "the restarted worker to answer")
        _wait(
            lambda: not any(r.xpending(f"fl:in:{{{s}}}", "workers")["pending"] for s in range(4)),
            "the message to be acknowledged",
        )
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0
    finally:
        worker.kill()

    log = [json.loads(x) for x in r.lrange("fl:conv:{telegram:5001}:log", 0, -1)]
    inbound = [e for e in log if e["direction"] == "in"]
    outbound = [e for e in log if e["direction"] == "out"]
    assert [e["message_id"] for e in inbound] == ["update-1"]
    queued = [json.loads(f[b"d"]) for _, f in r.xrange("fl:out:{telegram}")]
    assert [q["message"]["text"] for q in queued] == [e["text"] for e in outbound]
    assert len(outbound) >= 1 and len({q["delivery_id"] for q in queued}) == len(queued)
    assert "password" in " ".join(e["text"] for e in outbound).lower()
    r.close()
