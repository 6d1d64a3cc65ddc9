"""A reply burst against the Telegram emulator: every reply delivered once, no dead
letters, the global pacing honoured, and the wait for a slot never counted as a failure
(the send timeout here is far shorter than the time the burst takes to drain).

`bench/burst_telegram.py` runs the issue's 2,000 chats at Telegram's real 30 msg/s.
"""

from __future__ import annotations

import time

from burst import busiest_window, reply_burst

from emulators.harness import FAST_BACKOFF, with_telegram
from emulators.telegram import TelegramEmulator
from gateway.config import Settings
from gateway.connectors.ratelimit import SendRateLimiter
from gateway.connectors.telegram import TelegramConnector
from gateway.store import Store

RATE, BURST, CHATS = 20.0, 5, 200


class RecordingLimiter(SendRateLimiter):
    """The real limiter, remembering when it let each send go."""

    def __init__(self, **limits: float) -> None:
        super().__init__(**limits)  # type: ignore[arg-type]
        self.released: list[float] = []

    async def acquire(self, chat_id: str) -> None:
        await super().acquire(chat_id)
        self.released.append(time.monotonic())


async def test_a_reply_burst_drains_at_the_global_limit_with_no_dead_letters(
    settings: Settings, store: Store, telegram_api: TelegramEmulator
) -> None:
    limiter = RecordingLimiter(global_rate=RATE, global_burst=BURST)
    connector = TelegramConnector(
        with_telegram(settings, telegram_api), store, backoff=FAST_BACKOFF, limiter=limiter
    )
    try:
        result = await reply_burst(
            store, connector, telegram_api, chats=CHATS, send_timeout=3.0, timeout=120
        )
    finally:
        await connector.stop()
    assert (result.delivered_once, result.missing, result.repeated) == (CHATS, 0, 0)
    assert result.dead_letters == 0
    # The sends were let out at the global limit: RATE a second after a first BURST. (The
    # API's arrival times add the HTTP client's jitter; the bench reports those.)
    assert len(limiter.released) == CHATS
    assert busiest_window(sorted(limiter.released)) <= RATE + BURST + 1, "faster than the limit"
