"""Whether a channel still accepts the bot itself: its token, its account.

A channel that refuses the bot's own credentials (Telegram's 401 for a revoked token or
404 for a wrong one, Viber's status 2 "invalid auth token", Meta's code 190) refuses every
send until an admin mends the configuration. Retrying each reply and then dead-lettering
it would be a storm that loses every reply. The channel's sender holds its replies instead
(they stay queued, and go out once the channel takes them again, after the fix and a
restart) and tries one of them again every few minutes. Operators see the channel down,
and why: in the console, at /healthz and as `firstline_channel_up` in /metrics.

The state is kept in the store too (`ChannelStates`), with the reason and since when, so
that every host sharing it shows a channel that one host's sender or receiver found down,
and a success on any host clears it for all (`shared_view`), unless that host works with
other credentials than those refused: then the hosts do not share one token, and the
refused host's finding stays, named, until that host is mended (no flapping).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import socket
import time
from typing import Any

from gateway import metrics
from gateway.store import STORE_UNAVAILABLE, ChannelDown, ChannelStates

log = logging.getLogger(__name__)

RECHECK_SECONDS = 300.0  # one reply is tried again this often while the channel refuses
READ_SECONDS = 2.0  # the shared state is read within this, or the host's own is shown
LIVENESS_READ_SECONDS = 0.5  # /healthz's: a liveness probe must answer fast


class ChannelHealth:
    """One channel's state as its sender and receiver found it: up, or down and why."""

    def __init__(
        self, channel: str, recheck_seconds: float = RECHECK_SECONDS, *, credentials: str = ""
    ) -> None:
        self.channel = channel
        self.credentials = fingerprint(credentials) if credentials else ""
        self.host = socket.gethostname()
        self.recheck_seconds = recheck_seconds
        self.reason = ""
        self.since = 0.0  # wall-clock time the channel was found down
        self._next_try = 0.0  # monotonic: when the next held reply may be tried
        self._up = asyncio.Event()
        self._up.set()
        metrics.CHANNEL_UP.labels(channel).set(1)
        self._states: ChannelStates | None = None
        self._writing = asyncio.Lock()  # the store's writes in the order they were decided
        self._writes: set[asyncio.Task[None]] = set()
        self._written_down = False  # this host's "down" is in the store
        self._shared_down: bool | None = None  # the store's, as last seen (None: not seen)

    def share(self, states: ChannelStates) -> None:
        """Keep the state in the store as well, for every host to see."""
        self._states = states

    @property
    def shared_states(self) -> ChannelStates | None:
        """The store's channel states this host shares its findings in (None: not shared)."""
        return self._states

    @property
    def shared_down(self) -> bool | None:
        """Whether the store says the channel is down, as this host last wrote or read it
        (None: not yet)."""
        return self._shared_down

    async def settled(self) -> None:
        """Wait until this host's findings so far are written to the store."""
        while self._writes:
            await asyncio.gather(*list(self._writes), return_exceptions=True)

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
        self._written_down = False
        self._write(ChannelDown(reason, self.since, self.host, self.credentials))

    def accepted(self) -> None:
        """A call through the channel worked: it is up, here and (in the store) for every
        host. The store is written only when it may say down: once after the start, after
        a refusal, or once another host's was seen there."""
        if self._shared_down is not False or self.down:
            self._shared_down = False
            self._write(None)
        if not self.down:
            return
        self._lift()

    def _lift(self) -> None:
        log.warning(
            "the %s channel accepts the bot again; held replies are sent",
            self.channel,
            extra={"channel": self.channel, "down_seconds": round(time.time() - self.since)},
        )
        self.reason = ""
        self.since = 0.0
        self._written_down = False
        self._up.set()
        metrics.CHANNEL_UP.labels(self.channel).set(1)

    def _write(self, found: ChannelDown | None) -> None:
        """Put this host's finding in the store, in the background (a store outage only
        leaves the other hosts unaware; it is logged)."""
        if self._states is None:
            return
        try:
            task = asyncio.get_running_loop().create_task(self._written(self._states, found))
        except RuntimeError:
            return  # no event loop: nothing shares this state
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)

    async def _written(self, states: ChannelStates, found: ChannelDown | None) -> None:
        async with self._writing:
            try:
                if found is None:
                    await states.up(self.channel, self.credentials, self.host)
                else:
                    await states.down(self.channel, found)
            except (*STORE_UNAVAILABLE, OSError) as exc:
                log.warning("the %s channel's state could not be shared", self.channel,
                            extra={"channel": self.channel, "error": repr(exc)})  # fmt: skip
                return
            if found is not None and self.down and self.reason == found.reason:
                self._written_down = True
                self._shared_down = True

    def seen(self, shared: ChannelDown | None) -> dict[str, Any]:
        """What operators are shown, given the store's state of the channel (`shared_view`):
        the store's when it says down; this host's while its own finding is not written
        yet. A finding of this host that another host has cleared since (a send through
        the channel worked there) is lifted here too: the held replies go."""
        theirs = shared is not None and self._other_credentials(shared)
        # Another host's refusal of other credentials is not this host's to clear.
        self._shared_down = shared is not None and not theirs
        if shared is None and self.down and self._written_down:
            self._lift()
        if shared is None:
            if not self.down:
                metrics.CHANNEL_UP.labels(self.channel).set(1)
            return self.as_dict()
        metrics.CHANNEL_UP.labels(self.channel).set(0)
        seen: dict[str, Any] = {
            "channel": self.channel,
            "status": "down",
            "reason": shared.reason,
            "since": round(shared.since),
            "host": shared.host,
        }
        if theirs:
            seen["other_credentials"] = True  # the refused host's token is not this one's
        return seen

    def _other_credentials(self, shared: ChannelDown) -> bool:
        """The store's finding is another host's, of credentials other than this host's."""
        return bool(
            self.credentials
            and shared.credentials
            and shared.credentials != self.credentials
            and shared.host != self.host
        )

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
            "host": self.host,
        }


def fingerprint(credentials: str) -> str:
    """A short, one-way name for a channel's credentials: hosts compare it in the store,
    which never holds the token itself."""
    digest = hashlib.sha256(b"firstline channel credentials\0" + credentials.encode())
    return digest.hexdigest()[:16]


async def shared_view(
    healths: list[ChannelHealth], seconds: float = READ_SECONDS
) -> list[dict[str, Any]]:
    """Each channel of `healths`, up or down (and why) as every host sharing the store
    found it; this host's own view alone while the store does not answer (in `seconds`)."""
    states = next((h.shared_states for h in healths if h.shared_states is not None), None)
    if states is None or seconds <= 0:
        return [h.as_dict() for h in healths]
    try:
        async with asyncio.timeout(seconds):
            down = await states.all()
    except (*STORE_UNAVAILABLE, OSError, TimeoutError) as exc:
        log.warning("the channels' shared state could not be read", extra={"error": repr(exc)})
        return [h.as_dict() for h in healths]
    return [h.seen(down.get(h.channel)) for h in healths]


async def _first_of(a: asyncio.Event, b: asyncio.Event, timeout: float) -> None:
    waits = [asyncio.ensure_future(a.wait()), asyncio.ensure_future(b.wait())]
    try:
        await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*waits, return_exceptions=True)
