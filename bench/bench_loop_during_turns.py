"""What the event loop serves while a turn reads a long first message (a pasted log).

The real runtime on a fresh redis-server (config/firstline.yaml, the repository's faq/).
Each round sends a new visitor's first message through the conversation service, as a
worker takes it: a short one ("Принтер не печатает"), then a long one (the problem and
a pasted log of `--kb` KB). Before the long one the readers forget the words read so
far (not the dictionaries): it is read as a first message full of words not seen before,
the case of a worker just started or of a letter in words nobody wrote yet.
Beside each turn a ticker asks the loop for a slot every 10 ms, as the process's other
work does (the leases' heartbeat, the store's liveness ping, webhooks, the web chat).

Per kind of message it prints the turn's wall time (median of the rounds, and its ratio
to the short message's), the loop's longest stall during the turn and the ticks it
served against those it would have served free. Two modes, alternated round by round
in the same process: `thread` (the product: the engine reads in its own thread,
gateway/engine_thread.py) and `loop` (as before 2026-12-07: the read on the event loop).

    python bench/bench_loop_during_turns.py [--rounds 5] [--kb 4]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_long_mail import log_lines  # noqa: E402
from loadstats import embedded_runtime  # noqa: E402

from gateway.models import InboundMessage  # noqa: E402
from gateway.runtime import Runtime  # noqa: E402

TICK = 0.01
PROBLEM = "Принтер не печатает, пишет offline. Лог ниже."


def forget_words() -> None:
    """Empty every memo of words and texts of the gateway's readers; the dictionaries
    (`dictionaries.analyser`) stay loaded, as in a running worker."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("gateway.") or name == "gateway.knowledge.dictionaries":
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


class OnTheLoop:
    """The engine's calls made on the event loop itself (the `loop` mode)."""

    async def run(self, call: Callable[..., Any], *args: Any) -> Any:
        return call(*args)

    def close(self) -> None:
        pass


@dataclass
class Turns:
    """What the turns of one kind and mode measured, round by round."""

    walls: list[float] = field(default_factory=list)
    stalls: list[float] = field(default_factory=list)
    served: list[float] = field(default_factory=list)  # ticks served / ticks free


async def _turn(rt: Runtime, text: str, into: Turns, cold: bool) -> None:
    chat = uuid.uuid4().hex
    msg = InboundMessage("webchat", chat, chat, user_id=chat, text=text)
    done = asyncio.Event()
    ticks: list[float] = []

    async def ticker() -> None:
        while not done.is_set():
            ticks.append(time.perf_counter())
            await asyncio.sleep(TICK)

    if cold:
        forget_words()
    started = time.perf_counter()
    beside = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # the ticker's first tick
    await rt.service.handle(msg)
    wall = time.perf_counter() - started
    done.set()
    await beside
    marks = [started, *ticks, started + wall]
    into.walls.append(wall)
    into.stalls.append(max(b - a for a, b in itertools.pairwise(marks)))
    into.served.append(min(1.0, len(ticks) / max(1.0, wall / TICK)))


async def main(args: argparse.Namespace) -> None:
    results: dict[tuple[str, str], Turns] = {}
    # Every round reports the same problem: detection would join the later ones to the
    # outage it declares (a turn that reads nothing more), so it is off.
    async with embedded_runtime("bench-loop-", FIRSTLINE__INCIDENTS__ENABLED="false") as rt:
        reading = rt.service.reading
        await rt.service.handle(InboundMessage("webchat", "warm", "warm", text="привет"))
        for n in range(args.rounds):
            for mode in ("loop", "thread") if n % 2 else ("thread", "loop"):
                rt.service.reading = reading if mode == "thread" else OnTheLoop()  # type: ignore[assignment]
                seed = n * 2 + (mode == "loop")
                for kind, text in (
                    ("short", "Принтер не печатает"),
                    (f"long {args.kb} KB", f"{PROBLEM}\n{log_lines(args.kb, seed)}"),
                ):
                    turns = results.setdefault((mode, kind), Turns())
                    await _turn(rt, text, turns, cold=kind != "short")
        rt.service.reading = reading
    print(f"rounds {args.rounds}; medians; ticks every {TICK * 1000:.0f} ms beside each turn")
    print(f"{'mode':8}{'message':12}{'turn s':>9}{'x short':>9}{'stall ms':>10}{'served':>8}")
    for mode in ("loop", "thread"):
        short = statistics.median(results[(mode, "short")].walls)
        for (m, kind), turns in results.items():
            if m != mode:
                continue
            wall = statistics.median(turns.walls)
            print(
                f"{mode:8}{kind:12}{wall:9.3f}{wall / short:9.1f}"
                f"{statistics.median(turns.stalls) * 1000:10.0f}"
                f"{statistics.median(turns.served):8.0%}"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kb", type=int, default=4)
    asyncio.run(main(parser.parse_args()))
