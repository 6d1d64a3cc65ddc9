"""Who takes the turns: inbound workers wired to a process's runtime.

What `firstline worker`, each worker process `serve` forks, and `serve` itself without
worker processes run. Nothing here needs the web stack (aiohttp, the console, the
channels' connectors), so a worker process never loads it: `app.py`, which does, is
imported by serve only once its worker processes are forked.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from typing import Any

from gateway import metrics
from gateway.config import Settings
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import UNANSWERED_CHANNELS
from gateway.process_memory import give_back_after_work, let_words_go, load_to_answer
from gateway.runtime import Runtime, open_runtime
from gateway.store import Fence, InboundEntry
from gateway.worker import InboundWorker

log = logging.getLogger(__name__)


def entry_handler(rt: Runtime) -> Callable[[InboundEntry, Fence, list[list[str]]], Awaitable[Any]]:
    async def handle(entry: InboundEntry, fence: Fence, ack: list[list[str]]) -> Any:
        if entry.message.channel in UNANSWERED_CHANNELS:
            return await rt.alerts.handle(entry.message, fence, ack)
        with metrics.TURNS.time():
            return await rt.service.handle(entry.message, fence, ack)

    return handle


def group_handler(
    rt: Runtime,
) -> Callable[[list[InboundEntry], Fence, list[list[list[str]]]], Awaitable[list[bool]]]:
    """Users' messages of different conversations of one shard, taken together (alerts
    are left to `entry_handler`, one by one)."""

    async def handle(entries: list[InboundEntry], fence: Fence, acks: list[Any]) -> list[bool]:
        turns = [
            (n, (entry.message, ack))
            for n, (entry, ack) in enumerate(zip(entries, acks, strict=True))
            if entry.message.channel not in UNANSWERED_CHANNELS
        ]
        done = [False] * len(entries)
        if not turns:
            return done
        started = time.perf_counter()
        # A group's turns are committed well inside the shard lease (renewed meanwhile).
        budget = rt.settings.worker.lease_seconds / 4
        outcomes = await rt.service.handle_together([turn for _, turn in turns], fence, budget)
        each = (time.perf_counter() - started) / len(turns)
        for (n, _), outcome in zip(turns, outcomes, strict=True):
            if outcome is not None:
                done[n] = True
                metrics.TURNS.observe(each)  # a turn's share of the group's time
        return done

    return handle


def start_workers(rt: Runtime, count: int) -> list[InboundWorker]:
    ws = rt.settings.worker
    return [
        InboundWorker(
            rt.store,
            entry_handler(rt),
            lease_seconds=ws.lease_seconds,
            batch=ws.batch,
            block_ms=ws.block_ms,
            together=group_handler(rt),
        )
        for _ in range(count)
    ]


async def run_workers(
    settings: Settings, count: int, knowledge: KnowledgeLibrary | None = None
) -> int:
    """A worker process (`firstline worker`, or one `serve` forked): `count` inbound
    workers until SIGTERM/SIGINT, then the turns in hand are finished. A store that is
    down when it starts is waited for, as one that goes down later."""
    async with open_runtime(settings, knowledge=knowledge, wait_for_store=True) as rt:
        load_to_answer(rt.knowledge)  # once the store is reached: a worker answers
        workers = start_workers(rt, count)
        stopping = asyncio.Event()

        def stop() -> None:
            stopping.set()
            for worker in workers:
                worker.stop()

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop)
        reloader = asyncio.create_task(reload_knowledge(rt, stopping))
        giver = asyncio.create_task(give_back_after_work(stopping))
        await asyncio.gather(*(w.run() for w in workers))
        stopping.set()
        await asyncio.gather(reloader, giver)
    return 0


async def reload_knowledge(rt: Runtime, stopping: asyncio.Event) -> None:
    """Pick up edited knowledge-base files every `faq_reload_seconds` (in every process:
    serve and its worker processes). A process that takes no turns (serve beside worker
    processes) lets the dictionaries the reload read go again."""
    interval = rt.settings.faq_reload_seconds
    if interval <= 0:
        return
    while not stopping.is_set():
        try:
            await asyncio.wait_for(stopping.wait(), timeout=interval)
        except TimeoutError:
            try:
                if await asyncio.to_thread(rt.knowledge.reload_if_changed):
                    if not rt.takes_turns:
                        await asyncio.to_thread(let_words_go)
                    log.info("knowledge base reloaded")
            except Exception:
                log.exception("knowledge base reload failed; keeping the previous one")
