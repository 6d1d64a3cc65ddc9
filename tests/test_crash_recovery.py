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

    _kill_at_commit(r, env, at_least=1)
    assert r.llen("fl:conv:{telegram:5001}:log") == 0, "nothing may be written by a killed turn"
    assert r.xlen("fl:out:{telegram}") == 0

    _restart_worker_until_done(r, env)
    _assert_answered_once(r, "5001", "update-1")
    assert "password" in _replies(r, "5001").lower()
    r.close()


async def test_killed_worker_group_of_turns_is_answered_exactly_once(
    settings: Settings, redis_url: str
) -> None:
    """Messages of several chats of one shard are taken together and committed in one
    round trip; a worker killed there leaves none of them half-done or answered."""
    store = Store.from_url(redis_url, settings.worker.shards)
    await store.prepare()
    shard = store.inbound.shard_of("telegram:6000")
    chats = [
        c for c in map(str, range(6000, 6400)) if store.inbound.shard_of(f"telegram:{c}") == shard
    ][:5]
    questions = ["I forgot my password", "the printer is offline", "no sound on my laptop"]
    for n, chat in enumerate(chats):
        text = questions[n % len(questions)]
        assert await store.inbound.accept(InboundMessage("telegram", chat, f"u-{chat}", text=text))
    await store.close()
    r = redis.Redis.from_url(redis_url)
    env = _env(settings, redis_url)

    # The group is what was computed within a quarter of the shard's lease: the killed worker
    # gets a lease long enough for two turns on a loaded host (with 1 s, a cold first turn
    # could use up the 250 ms alone); the restarted one takes the shard once it lapses.
    _kill_at_commit(r, {**env, "FIRSTLINE__WORKER__LEASE_SECONDS": "8"}, at_least=2)
    for chat in chats:
        assert r.llen(f"fl:conv:{{telegram:{chat}}}:log") == 0, "a killed group writes nothing"
    assert r.xlen("fl:out:{telegram}") == 0

    _restart_worker_until_done(r, env)
    for chat in chats:
        _assert_answered_once(r, chat, f"u-{chat}")
    assert "password" in _replies(r, chats[0]).lower()
    assert "print" in _replies(r, chats[1]).lower()
    r.close()


def _kill_at_commit(r: redis.Redis, env: dict[str, str], at_least: int) -> None:
    """Run the stalling worker until it stands at a commit of `at_least` turns computed
    together; SIGKILL it."""
    stalled = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "processes" / "stalling_worker.py")],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait(lambda: r.exists("test:stalled"), "the worker to read the messages")
        os.kill(stalled.pid, signal.SIGKILL)
        stalled.wait(10)
    finally:
        stalled.kill()
    marker = r.hgetall("test:stalled")
    assert int(marker[b"turns"]) >= at_least  # computed, to commit together
    assert int(marker[b"ops"]) > 0  # with effects


def _restart_worker_until_done(r: redis.Redis, env: dict[str, str]) -> None:
    worker = subprocess.Popen(
        [sys.executable, "-m", "gateway", "worker", "--count", "1"], env=env, cwd=ROOT
    )
    try:
        _wait(lambda: r.xlen("fl:out:{telegram}") > 0, "the restarted worker to answer")
        _wait(
            lambda: not any(r.xlen(f"fl:in:{{{s}}}") for s in range(4)),
            "the messages to be processed",
        )
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0
    finally:
        worker.kill()


def _assert_answered_once(r: redis.Redis, chat: str, message_id: str) -> None:
    """The message is in its transcript once, and each reply there was queued once."""
    log = [json.loads(x) for x in r.lrange(f"fl:conv:{{telegram:{chat}}}:log", 0, -1)]
    inbound = [e for e in log if e["direction"] == "in"]
    outbound = [e for e in log if e["direction"] == "out"]
    assert [e["message_id"] for e in inbound] == [message_id]
    queued = [json.loads(f[b"d"]) for _, f in r.xrange("fl:out:{telegram}")]
    mine = [q for q in queued if q["chat_id"] == chat]
    assert [q["message"]["text"] for q in mine] == [e["text"] for e in outbound]
    assert len(outbound) >= 1 and len({q["delivery_id"] for q in mine}) == len(mine)


def _replies(r: redis.Redis, chat: str) -> str:
    log = [json.loads(x) for x in r.lrange(f"fl:conv:{{telegram:{chat}}}:log", 0, -1)]
    return " ".join(e["text"] for e in log if e["direction"] == "out")
