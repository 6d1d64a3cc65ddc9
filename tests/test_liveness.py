"""Liveness tells the truth: not alive once the store was unreachable beyond the grace."""

from __future__ import annotations

from gateway.liveness import StoreWatch


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_alive_through_a_short_outage_not_after_the_grace() -> None:
    clock, up = Clock(), [True]

    async def ping() -> bool:
        if not up[0]:
            raise ConnectionError("redis is down")
        return True

    watch = StoreWatch(ping, grace_seconds=30, clock=clock)
    await watch.check()
    up[0] = False
    clock.now += 10
    await watch.check()
    assert watch.alive() and watch.unreachable_for() == 10
    clock.now += 25
    await watch.check()
    assert not watch.alive() and watch.unreachable_for() == 35
    up[0] = True
    await watch.check()
    assert watch.alive() and watch.unreachable_for() == 0
