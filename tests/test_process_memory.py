"""A process gives its free C heap back once a busy spell is over, never while busy."""

from __future__ import annotations

import asyncio

import pytest

from gateway import process_memory

CHECK = 0.001  # seconds between checks (the CPU readings are scaled to it)
TRIM_CPU = 0.5 * CHECK  # what one give-back costs: more than an idle check allows


class Process:
    """A process's CPU clock: each check after the first adds the next share of a check
    interval; a give-back adds its own cost. Stops the loop after the last share."""

    def __init__(self, shares: list[float], stopping: asyncio.Event) -> None:
        self.shares = iter(shares)
        self.stopping = stopping
        self.cpu = 0.0
        self.started = False
        self.trimmed = False
        self.given = 0

    def give_back(self) -> None:
        self.given += 1
        self.cpu += TRIM_CPU
        self.trimmed = True

    def cpu_seconds(self) -> float:
        if self.trimmed or not self.started:  # read after a give-back, or at the start
            self.started, self.trimmed = True, False
            return self.cpu
        share = next(self.shares, None)
        if share is None:
            self.stopping.set()
            share = 0.0
        self.cpu += share * CHECK
        return self.cpu


@pytest.mark.parametrize(
    ("cpu_share_each_check", "trims"),
    [
        ([0.5, 0.5, 0.0], 1),  # busy two checks, then idle: given back once
        ([0.5, 0.0, 0.0, 0.0], 1),  # idle for long after it: still once (the give-back's
        # own CPU is no work that asks for another)
        ([0.5, 0.0, 0.5, 0.0], 2),  # two busy spells
        ([0.5, 0.5, 0.5], 0),  # still busy: never while busy
        ([0.0, 0.01, 0.0], 0),  # never busy (an idle loop's own ticks): nothing to give
    ],
)
async def test_free_heap_is_given_back_once_after_each_busy_spell(
    cpu_share_each_check: list[float], trims: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopping = asyncio.Event()
    process = Process(cpu_share_each_check, stopping)
    monkeypatch.setattr(process_memory, "give_back_free_memory", process.give_back)
    await process_memory.give_back_after_work(stopping, CHECK, process.cpu_seconds)
    assert process.given == trims
