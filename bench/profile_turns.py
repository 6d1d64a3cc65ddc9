"""Where a turn's time goes: in-process turns against a real redis-server, profiled.

Builds the real runtime (store, knowledge, dialog engine, conversation service) on a
fresh redis-server, feeds it web-chat messages of many visitors the way a worker does
(`ConversationService.handle`), and prints turns/s, the Redis round trips per turn
(commands the server counted / turns) and, with `--profile`, the functions that took
most of the time (cProfile, cumulative).

    python bench/profile_turns.py [--turns 2000] [--visitors 200] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gateway.config import load_settings  # noqa: E402
from gateway.models import InboundMessage  # noqa: E402
from gateway.runtime import open_runtime  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402

QUESTIONS = [
    "my printer shows offline and nothing prints",
    "I forgot my password",
    "no sound on my laptop",
    "outlook does not send mail",
]


def messages(turns: int, visitors: int) -> list[InboundMessage]:
    chats = [uuid.uuid4().hex for _ in range(visitors)]
    return [
        InboundMessage(
            channel="webchat",
            chat_id=chats[i % visitors],
            message_id=uuid.uuid4().hex,
            user_id=chats[i % visitors],
            text=QUESTIONS[(i // visitors) % len(QUESTIONS)],
            language_hint="en",
        )
        for i in range(turns)
    ]


async def run(turns: int, visitors: int, profile: bool) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-turns-"))
    try:
        with EmbeddedRedis(workdir / "redis", appendonly=False) as url:
            env = {"REDIS_URL": url, "FIRSTLINE_DATA_DIR": str(workdir / "data"),
                   "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"), "FIRSTLINE__LOGGING__LEVEL": "WARNING"}
            settings = load_settings(ROOT / "config" / "firstline.yaml", env)
            async with open_runtime(settings) as rt:
                for msg in messages(50, 10):  # warm-up: caches, scripts loaded
                    await rt.service.handle(msg)
                batch = messages(turns, visitors)
                await rt.store.redis.config_resetstat()
                profiler = cProfile.Profile() if profile else None
                started = time.perf_counter()
                if profiler:
                    profiler.enable()
                for msg in batch:
                    await rt.service.handle(msg)
                if profiler:
                    profiler.disable()
                seconds = time.perf_counter() - started
                commands = await rt.store.redis.info("commandstats")
                print(f"turns/s {turns / seconds:8.0f}   {seconds / turns * 1e3:.2f} ms/turn")
                print("redis commands per turn (those inside scripts included):")
                for name, stat in sorted(commands.items(), key=lambda kv: -kv[1]["calls"]):
                    if name != "cmdstat_config":
                        print(f"  {name.removeprefix('cmdstat_'):<12} {stat['calls'] / turns:6.2f}")
                if profiler:
                    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--visitors", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    asyncio.run(run(args.turns, args.visitors, args.profile))


if __name__ == "__main__":
    main()
