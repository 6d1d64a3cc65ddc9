"""What a process loads to answer, and what one that takes no turns gives back.

A worker process reads words: it loads the pymorphy3 dictionaries (ru ~15 MiB, uk
~13 MiB) and builds the knowledge base's matcher before its first turn. `serve` beside its
worker processes answers nobody itself: it holds the articles only, and when something
there does read words (a sample question reviewed from the console) it lets the
dictionaries go again; the next use, if ever, loads them again.

Every process gives back, once a busy spell is over, what the spell's transient objects
left free in the C heap (`give_back_after_work`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import time
from collections.abc import Callable

from gateway.knowledge import morphology
from gateway.knowledge.library import KnowledgeLibrary


def give_back_free_memory() -> None:
    """Return the C heap's free pages to the system (glibc's `malloc_trim`): freed Python
    memory otherwise stays resident. Elsewhere (another C library) nothing is done."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


IDLE_CHECK_SECONDS = 1.0
IDLE_CPU_SHARE = 0.02  # a check interval with less CPU than this share of it is idle


async def give_back_after_work(
    stopping: asyncio.Event,
    interval: float = IDLE_CHECK_SECONDS,
    cpu_seconds: Callable[[], float] = time.process_time,
) -> None:
    """Until `stopping`: once the process idles for an `interval` after working (a burst
    of turns, of sockets opened and closed), give the C heap's free pages back.

    A burst's transient objects (a batch of turns read and committed together, a thousand
    upgrade requests parsed) are freed when it ends, but the heap they grew stays
    resident: after the web-chat bench's load ~5 MiB in a worker process and ~2 MiB in
    serve. One `malloc_trim` per busy spell, never while busy, and in a thread: on a heap
    a burst left fragmented it takes 25-40 ms, which the event loop does not wait for."""
    busy = False
    used = cpu_seconds()
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), interval)
        now = cpu_seconds()
        if stopping.is_set():
            return
        if now - used > IDLE_CPU_SHARE * interval:
            busy = True
        elif busy:
            busy = False
            await asyncio.to_thread(give_back_free_memory)
            now = cpu_seconds()  # the trim's own CPU is no work
        used = now


def let_words_go() -> None:
    """Forget the dictionaries and every word read with them, and give the pages back."""
    morphology.release()
    gc.collect()
    give_back_free_memory()


def load_to_answer(knowledge: KnowledgeLibrary) -> None:
    """Build the matcher and load the dictionaries before the first turn; then keep them,
    and everything else loaded so far, out of the collector's way: they live as long as
    the process, so a full collection need not walk them (nor, in a forked worker
    process, write to the pages it still shares with serve)."""
    knowledge.index()
    morphology.warm_up()
    gc.collect()  # the garbage of loading (the English word list read for its DAWG)
    gc.freeze()
    give_back_free_memory()
