"""Where a turn's time goes: in-process turns against a real redis-server, profiled.

Builds the real runtime (store, knowledge, dialog engine, conversation service) on a
fresh redis-server and feeds it web-chat messages of many visitors two ways, in one run:
`alone`, one `ConversationService.handle` after another, and `worker`, a stored backlog
drained by a real worker (batches read from a shard, taken together). Prints turns/s,
CPU per turn (this process and redis-server: the figure a loaded host does not skew),
the Redis commands per turn (counted by the server) and, with `--profile`, the functions
that took most of the time (cProfile, cumulative).

    python bench/profile_turns.py [--turns 2000] [--visitors 200] [--modes alone worker]
                                  [--texts varied|four] [--profile]

`--texts varied` (the default) sends the tuning sets' questions (ru, uk, en), each message a
text not seen before in the run, so memos cannot hide the cost of a new message; `four`
repeats the four questions of `bench_webchat.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gateway.models import InboundMessage  # noqa: E402
from gateway.runtime import Runtime  # noqa: E402
from gateway.turns import start_workers  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from loadstats import QUESTIONS, embedded_runtime, varied_texts  # noqa: E402


def messages(
    turns: int, visitors: int, texts: list[tuple[str, str]], offset: int = 0
) -> list[InboundMessage]:
    """`turns` messages of `visitors` visitors, taking `texts` in order from `offset`."""
    chats = [uuid.uuid4().hex for _ in range(visitors)]
    out = []
    for i in range(turns):
        text, lang = texts[(offset + i) % len(texts)]
        out.append(
            InboundMessage(
                channel="webchat",
                chat_id=chats[i % visitors],
                message_id=uuid.uuid4().hex,
                user_id=chats[i % visitors],
                text=text,
                language_hint=lang,
            )
        )
    return out


async def run(
    turns: int, visitors: int, profile: bool, modes: list[str], texts: list[tuple[str, str]]
) -> None:
    async with embedded_runtime("fl-turns-") as rt:
        four = [(q, "en") for q in QUESTIONS]
        for msg in messages(50, 10, four):  # warm-up: caches, scripts loaded
            await rt.service.handle(msg)
        baseline = None
        for n, mode in enumerate(modes):  # each mode its own texts when they vary
            batch = messages(turns, visitors, texts, offset=n * turns)
            cpu = await timed(rt, mode, batch, profile)
            baseline = baseline or cpu
            print(f"  CPU per turn against `{modes[0]}` in this run: {cpu / baseline:.2f}")


async def timed(rt: Runtime, mode: str, batch: list[InboundMessage], profile: bool) -> float:
    """Run the turns one way; print turns/s, CPU per turn, Redis commands per turn; return
    the CPU seconds per turn (this process and redis-server together)."""
    if mode == "worker":  # a backlog, drained by one worker reading batches of a shard
        for msg in batch:
            await rt.store.inbound.accept(msg)
    await rt.store.redis.config_resetstat()
    redis_cpu = await _redis_cpu(rt)
    profiler = cProfile.Profile() if profile else None
    # The engine reads the users' words in a thread of its own (gateway/engine_thread.py):
    # profiled there too (cProfile sees only the thread it is enabled in).
    reading = cProfile.Profile() if profile else None
    cpu, started = time.process_time(), time.perf_counter()
    if profiler and reading:
        await rt.service.reading.run(reading.enable)
        profiler.enable()
    if mode == "worker":
        workers = start_workers(rt, 1)
        task = asyncio.create_task(workers[0].run())
        while workers[0].processed < len(batch):
            await asyncio.sleep(0.005)
        workers[0].stop()
    else:
        for msg in batch:
            await rt.service.handle(msg)
    if profiler and reading:
        profiler.disable()
        await rt.service.reading.run(reading.disable)
    seconds = time.perf_counter() - started
    own = time.process_time() - cpu
    redis_cpu = await _redis_cpu(rt) - redis_cpu
    cpu = own + redis_cpu
    commands = await rt.store.redis.info("commandstats")
    if mode == "worker":
        await task
    turns = len(batch)
    print(
        f"{mode}: turns/s {turns / seconds:8.0f}   {seconds / turns * 1e3:.2f} ms/turn   "
        f"CPU {cpu / turns * 1e3:.2f} ms/turn (this process {own / turns * 1e3:.2f} + "
        f"redis-server {redis_cpu / turns * 1e3:.2f})"
    )
    print("  redis commands per turn (those inside scripts included):")
    for name, stat in sorted(commands.items(), key=lambda kv: -kv[1]["calls"]):
        if name not in ("cmdstat_config", "cmdstat_info"):
            print(f"    {name.removeprefix('cmdstat_'):<12} {stat['calls'] / turns:6.2f}")
    if profiler and reading:
        stats = pstats.Stats(profiler).add(reading)
        stats.dump_stats(f"profile-turns-{mode}.prof")  # for pstats / snakeviz
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(30)
    return cpu / turns


async def _redis_cpu(rt: Runtime) -> float:
    info = await rt.store.redis.info("cpu")
    return float(info["used_cpu_sys"]) + float(info["used_cpu_user"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--visitors", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=["alone", "worker"],
        default=["alone", "worker"],
        help="alone: one `handle` after another; worker: a backlog drained by a worker",
    )
    parser.add_argument(
        "--texts",
        choices=["varied", "four"],
        default="varied",
        help="varied: the dev and tuning questions, a new text each message; four: the "
        "four questions of bench_webchat.py, repeated",
    )
    args = parser.parse_args()
    texts = varied_texts() if args.texts == "varied" else [(q, "en") for q in QUESTIONS]
    print(f"texts: {args.texts} ({len(texts)} distinct)")
    asyncio.run(run(args.turns, args.visitors, args.profile, args.modes, texts))


if __name__ == "__main__":
    main()
