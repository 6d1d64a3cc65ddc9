"""Console sign-in throttling: a growing delay per client address and per login.

Not a lockout: after a few free tries, each failure makes the next try from that address,
or for that login, wait longer (doubling, capped). The cap per login is short, so a
password sprayer can never keep the real admin out for long, while the cap per address
is long, so one sprayer is slowed hard whatever logins it tries. Unknown logins count
like known ones (and cost the same scrypt), so the answers tell nothing apart.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from gateway.client_blocks import counted_as
from gateway.store import Store

WINDOW_SECONDS = 3600  # failures older than this are forgotten


@dataclass(frozen=True)
class DelayRule:
    """`free` failures cost nothing; then base * 2**(n - free - 1) seconds, up to `cap`."""

    free: int
    base: float
    cap: float

    def delay(self, failures: int) -> float:
        over = failures - self.free
        return 0.0 if over <= 0 else min(self.cap, self.base * 2 ** (over - 1))


PER_ADDRESS = DelayRule(free=5, base=1.0, cap=300.0)
PER_LOGIN = DelayRule(free=5, base=1.0, cap=30.0)


class SignInThrottle:
    """Asks before a password is checked, and is told how the check went."""

    def __init__(self, store: Store) -> None:
        self.operators = store.operators

    def _scopes(self, address: str, login: str) -> list[tuple[str, str, DelayRule]]:
        return [
            ("addr", counted_as(address), PER_ADDRESS),
            ("login", login.lower()[:64], PER_LOGIN),
        ]

    async def wait(self, address: str, login: str) -> float:
        """Seconds to wait before this attempt may be checked (0 when it may be now)."""
        now = time.time()
        waits = [await self.operators.signin_wait(s, n, now) for s, n, _ in self._scopes(
            address, login)]  # fmt: skip
        return max(waits)

    async def failed(self, address: str, login: str) -> float:
        now = time.time()
        delays = [
            await self.operators.signin_failed(s, n, now, rule.delay, WINDOW_SECONDS)
            for s, n, rule in self._scopes(address, login)
        ]
        return max(delays)

    async def succeeded(self, address: str, login: str) -> None:
        for scope, name, _ in self._scopes(address, login):
            await self.operators.signin_succeeded(scope, name)
