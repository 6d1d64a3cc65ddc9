"""Sender-side pacing for channels with published rate limits (Telegram: 1 msg/s per
chat, 30 msg/s overall).

Staying under the limits is cheaper than being told off with a 429 and waiting
`retry_after`. The limiter is a GCRA (a token bucket kept as one timestamp per bucket)
per chat and one overall; waiters take the overall slots one at a time, in order. A
bucket alone lets a full burst out again after an idle moment, on top of the sends of
the second before (36 in one second were measured at 30/s): the overall slots are also
held to `global_rate` within any one second, by the times of the last sends.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

PRUNE_ABOVE = 1024  # idle chats are forgotten once this many are tracked
# The limits are per second; 20 ms more, so that the moment a send really starts (a
# little after its slot, on a busy event loop) still keeps every second within them.
WINDOW_SECONDS = 1.02


class SendRateLimiter:
    """Waits so that sends stay within a per-chat and a global rate, allowing bursts."""

    def __init__(
        self,
        per_chat_rate: float = 1.0,
        per_chat_burst: int = 1,
        global_rate: float = 30.0,
        global_burst: int = 30,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._chat_interval = WINDOW_SECONDS / per_chat_rate
        self._chat_tolerance = self._chat_interval * (per_chat_burst - 1)
        self._global_interval = 1.0 / global_rate
        self._global_tolerance = self._global_interval * (global_burst - 1)
        self._clock = clock
        self._sleep = sleep
        self._chat_tat: dict[str, float] = {}
        self._global_tat = 0.0
        # When the last `global_rate` sends went: one more only once the oldest is a
        # second old, so no second (rolling, hence no clock second) holds more.
        self._recent: deque[float] = deque(maxlen=max(1, int(global_rate)))
        self._global_turn = asyncio.Lock()  # FIFO: waiters take global slots in order

    def reserve_chat(self, chat_id: str) -> float:
        """Take the chat's next slot; seconds to wait for it. One sender per chat sends in
        order, so reserving ahead is safe here."""
        now = self._clock()
        chat_tat = self._chat_tat.get(chat_id, now)
        start = max(now, chat_tat - self._chat_tolerance)
        self._chat_tat[chat_id] = max(chat_tat, start) + self._chat_interval
        if len(self._chat_tat) > PRUNE_ABOVE:
            self._prune(now)
        return start - now

    def take_global(self) -> float:
        """Take the global slot now if it is free (0.0), else seconds until it is."""
        now = self._clock()
        start = max(now, self._global_tat - self._global_tolerance)
        if len(self._recent) == self._recent.maxlen:
            start = max(start, self._recent[0] + WINDOW_SECONDS)
        if start > now:
            return start - now
        self._global_tat = max(self._global_tat, now) + self._global_interval
        self._recent.append(now)
        return 0.0

    def hold(self, seconds: float) -> None:
        """Send nothing for `seconds` (the API said to wait: a 429's `retry_after`), then
        go on at the rate, not in a burst of the slots the wait left unused."""
        resume = self._clock() + seconds
        self._global_tat = max(self._global_tat, resume + self._global_tolerance)

    async def acquire(self, chat_id: str) -> None:
        """Return when a message to `chat_id` may be sent.

        The global slot is taken at the moment of sending, one waiter at a time in
        arrival order: slots reserved ahead would all fall due together after a stall
        (a slow event loop, a paused process) and go out as one burst.
        """
        wait = self.reserve_chat(chat_id)
        if wait > 0:
            await self._sleep(wait)
        async with self._global_turn:
            while (wait := self.take_global()) > 0:
                await self._sleep(wait)
        # The chat's slot counts from when it really goes: the overall wait may have
        # pushed it up against the chat's next reserved slot.
        sent = self._clock()
        self._chat_tat[chat_id] = max(self._chat_tat.get(chat_id, sent), sent + self._chat_interval)

    def _prune(self, now: float) -> None:
        for chat, tat in list(self._chat_tat.items()):
            if tat <= now:
                del self._chat_tat[chat]
