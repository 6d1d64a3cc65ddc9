"""The dialog engine's step alone: its CPU per message on a realistic mix of messages.

Builds the real runtime on a fresh redis-server and sends messages through the conversation
service, as a worker would, timing only `DialogEngine.step` (the pure part of a turn: the
matcher, the normaliser, the extractors, the flows). Three mixes, one after another:

- `webchat`: what `bench_webchat.py` sends: each visitor the four questions in turn; the
  visitors' reports open an incident, which every later new problem is weighed against;
- `varied`: questions of the FAQ dev and tuning sets (`--texts`, spread over them), each
  the first message of a new visitor (a text not seen before: no memo holds its answer);
- `dialogs`: the scenarios of the own and dev dialog files, each turn of each conversation.

Prints, per mix, the steps, their CPU (mean, median, p90 per step) and, with `--profile`,
where the steps' CPU went (cProfile of the steps alone, on CPU time). Run it inside two trees (copy
the file into the other one's bench/) and compare the means, alternating the runs.

    python bench/bench_step.py [--mixes webchat varied dialogs] [--visitors 300] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gateway.dialogs.evaluation import load_scenarios, run_scenarios  # noqa: E402
from gateway.models import InboundMessage  # noqa: E402
from gateway.runtime import Runtime  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from loadstats import QUESTIONS, embedded_runtime, varied_texts  # noqa: E402

DIALOG_FILES = ["dialogs_own.yaml", "dialogs_dev.yaml"]


class TimedSteps:
    """Wraps an engine's `step`: the CPU time of each call, optionally profiled."""

    def __init__(self, rt: Runtime, profiler: cProfile.Profile | None) -> None:
        self.step = rt.service.engine.step
        self.profiler = profiler
        self.times: list[float] = []
        rt.service.engine.step = self  # type: ignore[method-assign]

    def __call__(self, *args: Any) -> Any:
        started = time.process_time()
        if self.profiler:
            self.profiler.enable()
        try:
            return self.step(*args)
        finally:
            if self.profiler:
                self.profiler.disable()
            self.times.append(time.process_time() - started)


def _message(chat: str, text: str, lang: str) -> InboundMessage:
    return InboundMessage(
        channel="webchat",
        chat_id=chat,
        message_id=uuid.uuid4().hex,
        user_id=chat,
        text=text,
        language_hint=lang,
    )


async def webchat(rt: Runtime, args: argparse.Namespace) -> None:
    chats = [uuid.uuid4().hex for _ in range(args.visitors)]
    for question in QUESTIONS:
        for chat in chats:
            await rt.service.handle(_message(chat, question, "en"))


async def varied(rt: Runtime, args: argparse.Namespace) -> None:
    texts = varied_texts(args.eval)
    for text, lang in texts[:: max(1, len(texts) // args.texts)]:
        await rt.service.handle(_message(uuid.uuid4().hex, text, lang))


async def dialogs(rt: Runtime, args: argparse.Namespace) -> None:
    for path in (args.eval / name for name in DIALOG_FILES):
        await run_scenarios(rt.service, load_scenarios(path), io.StringIO())


MIXES = {"webchat": webchat, "varied": varied, "dialogs": dialogs}


async def run(args: argparse.Namespace) -> None:
    async with embedded_runtime("fl-step-") as rt:
        for chat in range(10):  # warm-up: the matcher's first use, scripts loaded
            await rt.service.handle(_message(f"warm-{chat}", QUESTIONS[chat % 4], "en"))
        for name in args.mixes:
            profiler = cProfile.Profile(time.process_time) if args.profile else None
            steps = TimedSteps(rt, profiler)
            await MIXES[name](rt, args)
            rt.service.engine.step = steps.step  # type: ignore[method-assign]
            report(name, steps.times, profiler)


def report(name: str, times: list[float], profiler: cProfile.Profile | None) -> None:
    us = sorted(t * 1e6 for t in times)
    print(
        f"{name:<8} steps {len(us):6d}   CPU {sum(us) / 1e3:8.1f} ms   per step: mean "
        f"{statistics.fmean(us):7.1f} µs  median {statistics.median(us):7.1f}  "
        f"p90 {us[int(len(us) * 0.9)]:7.1f}"
    )
    if profiler:
        stats = pstats.Stats(profiler)
        stats.dump_stats(f"profile-step-{name}.prof")
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mixes", nargs="+", choices=list(MIXES), default=list(MIXES))
    parser.add_argument("--visitors", type=int, default=300, help="webchat mix's visitors")
    parser.add_argument(
        "--texts", type=int, default=1500, help="varied mix's texts (spread over the sets)"
    )
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--eval",
        type=Path,
        default=ROOT / "tests" / "fixtures" / "eval",
        help="where the texts and scenarios are read (give one tree's to both trees)",
    )
    args = parser.parse_args()
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
