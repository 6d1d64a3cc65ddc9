"""What one client address may do to our SMTP listener: connections open at once,
connections and recipients a minute. Past a limit the client is told to come back later
(a 4xx reply) and the refusal is logged once per address and minute.

Counted in this process (the listener's own); a site that relays all mail through its
MTA is one address, so its limits must be set above that MTA's traffic. An IPv6 client is
counted by its /64: a host is given a whole /64 and may send from any address in it (an
IPv4 address mapped into IPv6 is the IPv4 address: `gateway.client_blocks`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from gateway.client_blocks import counted_as

log = logging.getLogger(__name__)

TOO_MANY_CONNECTIONS = "421 4.7.0 too many connections from your address, try again later"
TOO_MANY_RECIPIENTS = "451 4.7.1 too many recipients from your address, try again later"
WINDOW_SECONDS = 60.0


@dataclass
class ClientLimits:
    """Per client address (0 in a field: no limit of that kind)."""

    connections_at_once: int = 20
    connections_per_minute: int = 120
    recipients_per_minute: int = 120
    clock: Callable[[], float] = time.monotonic
    _open: dict[str, int] = field(default_factory=dict)
    _counts: dict[tuple[str, str, int], int] = field(default_factory=dict)
    _logged: set[tuple[str, str, int]] = field(default_factory=set)

    def connect(self, address: str) -> str | None:
        """A new connection from `address`: None when it may go on (release it when it
        ends), else the reply that refuses it."""
        address = counted_as(address)
        if self.connections_at_once and self._open.get(address, 0) >= self.connections_at_once:
            return self._refuse(address, "connections at once", TOO_MANY_CONNECTIONS)
        if not self._within(address, "connections", self.connections_per_minute):
            return self._refuse(address, "connections a minute", TOO_MANY_CONNECTIONS)
        self._open[address] = self._open.get(address, 0) + 1
        return None

    def release(self, address: str) -> None:
        address = counted_as(address)
        left = self._open.get(address, 0) - 1
        if left > 0:
            self._open[address] = left
        else:
            self._open.pop(address, None)

    def recipient(self, address: str) -> str | None:
        """One RCPT from `address`: None when it may be taken, else the refusal."""
        address = counted_as(address)
        if not self._within(address, "recipients", self.recipients_per_minute):
            return self._refuse(address, "recipients a minute", TOO_MANY_RECIPIENTS)
        return None

    def _within(self, address: str, kind: str, limit: int) -> bool:
        """Count one `kind` for `address` in this minute's window unless it is full."""
        if not limit:
            return True
        window = int(self.clock() // WINDOW_SECONDS)
        if len(self._counts) > 10_000:  # windows gone by
            self._counts = {k: v for k, v in self._counts.items() if k[2] >= window}
            self._logged = {k for k in self._logged if k[2] >= window}
        key = (address, kind, window)
        count = self._counts.get(key, 0)
        if count >= limit:
            return False
        self._counts[key] = count + 1
        return True

    def _refuse(self, address: str, what: str, reply: str) -> str:
        mark = (address, what, int(self.clock() // WINDOW_SECONDS))
        if mark not in self._logged:
            self._logged.add(mark)
            log.warning(
                "smtp client refused: over its limit",
                extra={"client": address, "limit": what, "reply": reply[:3]},
            )
        return reply
