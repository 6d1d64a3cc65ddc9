"""Reconnect written once: `serve_forever` runs `serve_once` again after each failure.

Used by every long-lived channel loop (Telegram polling, webhook registration) so the
waiting rule is the same everywhere: exponential backoff with jitter, reset after a
success, and a stop event that ends the wait at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backoff:
    """How long to wait before attempt `n` (1-based): `base * factor**(n-1)`, capped, jittered."""

    base: float = 1.0
    cap: float = 60.0
    factor: float = 2.0
    jitter: float = 0.5  # the delay is drawn from [delay * (1 - jitter), delay]

    def delay(self, attempt: int) -> float:
        raw = min(self.cap, self.base * self.factor ** max(0, attempt - 1))
        return random.uniform(raw * (1.0 - self.jitter), raw)


class Progress:
    """Handed to `serve_once` so it can say "this worked": the next failure starts small."""

    def __init__(self) -> None:
        self.failures = 0

    def ok(self) -> None:
        self.failures = 0


async def serve_forever(
    serve_once: Callable[[Progress], Awaitable[bool]],
    backoff: Backoff,
    stopping: asyncio.Event,
    name: str,
) -> None:
    """Call `serve_once` until it returns True (done) or `stopping` is set.

    `serve_once` returning False, or raising, means "try again": the wait grows with each
    consecutive failure and shrinks back once `serve_once` calls `progress.ok()`.
    """
    progress = Progress()
    while not stopping.is_set():
        try:
            if await serve_once(progress):
                return
            reason = "ended"
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
        if stopping.is_set():
            return
        progress.failures += 1
        delay = backoff.delay(progress.failures)
        log.warning(
            "%s failed, retrying",
            name,
            extra={"attempt": progress.failures, "delay": round(delay, 3), "error": reason},
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), timeout=delay)
