"""The send limiter keeps Telegram's limits in every second, on a simulated clock: at most
30 messages overall and one per chat in any one-second window, whatever the pattern of
bursts and idle gaps (a bucket alone let a second burst out on top of the first)."""

from __future__ import annotations

import asyncio
import bisect
import itertools
import random

import pytest

from gateway.connectors.ratelimit import SendRateLimiter


class SimulatedTime:
    """A clock that moves only when the limiter sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)


def busiest_second(times: list[float]) -> int:
    """Most sends within any one-second window [t, t + 1), to the microsecond (the
    simulated clock adds up waits in floating point)."""
    times = sorted(times)
    ends = (bisect.bisect_left(times, t + 1.0 - 1e-6) - i for i, t in enumerate(times))
    return max(ends, default=0)


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_no_second_holds_more_than_the_limits(seed: int) -> None:
    rng = random.Random(seed)
    sim = SimulatedTime()
    limiter = SendRateLimiter(clock=sim.clock, sleep=sim.sleep)
    sent: list[tuple[float, str]] = []
    for _ in range(12):  # bursts of a broadcast and replies, with idle gaps between
        chats = [f"c{rng.randrange(400)}" for _ in range(rng.randrange(1, 120))]
        for chat in chats:
            await limiter.acquire(chat)
            sent.append((sim.now, chat))
        sim.now += rng.choice([0.0, 0.3, 0.7, 1.0, 2.5])
    assert busiest_second([t for t, _ in sent]) <= 30
    by_chat: dict[str, list[float]] = {}
    for t, chat in sent:
        by_chat.setdefault(chat, []).append(t)
    assert max(busiest_second(times) for times in by_chat.values()) == 1
    assert len(sent) > 300  # the limits were reached, not just never approached


async def test_a_burst_after_an_idle_moment_does_not_stack_on_the_last_second() -> None:
    sim = SimulatedTime()
    limiter = SendRateLimiter(clock=sim.clock, sleep=sim.sleep)
    sent = []
    for n in range(60):
        await limiter.acquire(f"a{n}")
        sent.append(sim.now)
    sim.now += 0.5  # idle: a bucket would have refilled half a burst
    for n in range(30):
        await limiter.acquire(f"b{n}")
        sent.append(sim.now)
    assert busiest_second(sent) == 30


async def test_a_429_holds_every_chat_for_its_retry_after_then_sends_go_on_paced() -> None:
    """Telegram's 429 (flood control) is the bot's: while one chat waited out its
    `retry_after`, the other chats kept sending at 30/s into the flood. Now nothing is
    sent until it passes, and then not in a burst of the slots the wait left unused."""
    sim = SimulatedTime()
    limiter = SendRateLimiter(clock=sim.clock, sleep=sim.sleep)
    for n in range(10):
        await limiter.acquire(f"a{n}")
    told = sim.now
    limiter.hold(5.0)
    sent = []
    for n in range(60):
        await limiter.acquire(f"b{n}")
        sent.append(sim.now)
    assert min(sent) >= told + 5.0
    assert busiest_second(sent) <= 30
    assert all(b - a >= 1 / 30 - 1e-9 for a, b in itertools.pairwise(sent))  # paced
