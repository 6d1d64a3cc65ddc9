"""Whether a channel still accepts the bot itself: its token, its account.

A channel that refuses the bot's own credentials (Telegram's 401 for a revoked token or
404 for a wrong one, Viber's status 2 "invalid auth token", Meta's code 190) refuses every
send until an admin mends the configuration. Retrying each reply and then dead-lettering
it would be a storm that loses every reply. The channel's sender holds its replies instead
(they stay queued, and go out once the channel takes them again, after the fix and a
restart) and tries one of them again every few minutes. Operators see the channel down,
and why: in the console, at /healthz and as `firstline_channel_up` in /metrics.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from gateway import metrics

log = logging.getLogger(__name__)

RECHECK_SECONDS = 300.0  # one reply is tried again this often while the channel refuses


class ChannelHealth:
    """One channel's state as its sender and receiver found it: up, or down and why."""

    def __init__(self, channel: str, recheck_seconds: float = RECHECK_SECONDS) -> None:
        self.channel = channel
        self.recheck_seconds = recheck_seconds
        self.reason = ""
        self.since = 0.0  # wall-clock time the channel was found down
        self._next_try = 0.0  # monotonic: when the next held reply may be tried
        self._up = asyncio.Event()
        self._up.set()
        metrics.CHANNEL_UP.labels(channel).set(1)

    @property
    def down(self) -> bool:
        return bool(self.reason)

    def refused(self, reason: str) -> None:
        """The channel refused the bot's credentials: hold its sends, say so once, loudly."""
        reason = reason[:300] or "refused"
        if not self.down:
            self.since = time.time()
            log.error(
                "the %s channel refuses the bot's credentials: nothing is sent through it "
                "until an admin mends them (then restart); replies are kept queued",
                self.channel,
                extra={"channel": self.channel, "error": reason},
            )
            metrics.CHANNEL_UP.labels(self.channel).set(0)
        else:
            log.info("the %s channel still refuses the bot", self.channel,
                     extra={"channel": self.channel, "error": reason})  # fmt: skip
        self.reason = reason
        self._up.clear()
        self._next_try = time.monotonic() + self.recheck_seconds

    def accepted(self) -> None:
        """A call through the channel worked: it is up."""
        if not self.down:
            return
        log.warning(
            "the %s channel accepts the bot again; held replies are sent",
            self.channel,
            extra={"channel": self.channel, "down_seconds": round(time.time() - self.since)},
        )
        self.reason = ""
        self.since = 0.0
        self._up.set()
        metrics.CHANNEL_UP.labels(self.channel).set(1)

    async def turn(self, stopping: asyncio.Event) -> bool:
        """True when a send may go: at once while the channel is up; while it is down, one
        held reply every `recheck_seconds` (the rest wait). False once `stopping` is set."""
        while self.down and not stopping.is_set():
            wait = self._next_try - time.monotonic()
            if wait <= 0:
                # This caller's send is the try; the next one waits a full interval.
                self._next_try = time.monotonic() + self.recheck_seconds
                return True
            await _first_of(self._up, stopping, wait)
        return not stopping.is_set()

    def as_dict(self) -> dict[str, Any]:
        """What operators are shown (the console, /healthz)."""
        if not self.down:
            return {"channel": self.channel, "status": "up"}
        return {
            "channel": self.channel,
            "status": "down",
            "reason": self.reason,
            "since": round(self.since),
        }


async def _first_of(a: asyncio.Event, b: asyncio.Event, timeout: float) -> None:
    waits = [asyncio.ensure_future(a.wait()), asyncio.ensure_future(b.wait())]
    try:
        await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*waits, return_exceptions=True)
