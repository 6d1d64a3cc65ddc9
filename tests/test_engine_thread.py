"""A long message is read off the event loop: while the engine reads it, the process goes
on serving (the worker's heartbeat and lease renewal, other users' messages taken in),
and afterwards every message is answered once, each conversation in its order (real
redis-server, real dialog engine, the real worker)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

from gateway.config import Settings
from gateway.models import InboundMessage
from gateway.runtime import open_runtime
from gateway.store import Store
from gateway.turns import start_workers

LONG = "Принтер не печатает, пишет offline. Лог ниже:\n" + (
    "2026-12-05 10:14:03 ERROR spooler: job 118 failed, port USB001 not responding\n" * 60
)
HELD = 30.0  # at most this long is the read held back for the loop to show it serves


def _chats_of_two_shards(store: Store) -> tuple[str, str]:
    first = store.inbound.shard_of("webchat:a0")
    other = next(f"b{n}" for n in range(400) if store.inbound.shard_of(f"webchat:b{n}") != first)
    return "a0", other


async def _transcript(store: Store, chat: str) -> list[dict[str, Any]]:
    return await store.conversations.transcript(f"webchat:{chat}")


async def _until(condition: Callable[[], bool]) -> None:
    while not condition():
        await asyncio.sleep(0.01)


async def _drained(store: Store) -> None:
    while await store.inbound.backlog():
        await asyncio.sleep(0.02)


async def test_the_loop_serves_others_while_a_long_message_is_read(settings: Settings) -> None:
    async with open_runtime(settings) as rt:
        store = rt.store
        loop = asyncio.get_running_loop()
        reading = asyncio.Event()  # the long message's read has begun
        served = threading.Event()  # the loop served others meanwhile
        held: list[bool] = []  # for each read of the long message: served while it lasted
        step = rt.service.engine.step

        def slow_step(*args: Any) -> Any:
            if args[1].text == LONG:
                loop.call_soon_threadsafe(reading.set)
                held.append(served.wait(HELD))  # the loop must run for this to be set
            return step(*args)

        rt.service.engine.step = slow_step  # type: ignore[method-assign]
        beats: list[str] = []
        heartbeat = store.leases.heartbeat

        async def counted_heartbeat(*args: Any, **kwargs: Any) -> Any:
            beats.append(args[0])
            return await heartbeat(*args, **kwargs)

        store.leases.heartbeat = counted_heartbeat  # type: ignore[method-assign]
        first, other = _chats_of_two_shards(store)
        assert await store.inbound.accept(InboundMessage("webchat", first, "m1", text=LONG))
        workers = start_workers(rt, 1)
        tasks = [asyncio.create_task(w.run()) for w in workers]
        try:
            await asyncio.wait_for(reading.wait(), 60)
            # While the long message is being read: two more users' messages are taken
            # in, and the worker beats twice (its leases renewed).
            before = len(beats)
            assert await store.inbound.accept(
                InboundMessage("webchat", other, "m2", text="I forgot my password")
            )
            assert await store.inbound.accept(
                InboundMessage("webchat", first, "m3", text="it says offline")
            )
            await asyncio.wait_for(_until(lambda: len(beats) >= before + 2), 60)
            served.set()
            await asyncio.wait_for(_drained(store), 120)
        finally:
            served.set()
            for w in workers:
                w.stop()
            await asyncio.gather(*tasks)

        assert held == [True], "nothing else was served while the long message was read"
        log = await _transcript(store, first)
        assert [e["message_id"] for e in log if e["direction"] == "in"] == ["m1", "m3"]
        inbound_at = [n for n, e in enumerate(log) if e["direction"] == "in"]
        assert all(log[i + 1]["direction"] == "out" for i in inbound_at), "each got its answer"
        others = await _transcript(store, other)
        assert [e["message_id"] for e in others if e["direction"] == "in"] == ["m2"]
        assert [e for e in others if e["direction"] == "out"], "the other user got no answer"
