"""A send with no answer, told from a send that never left: the rule every channel without
an idempotency key shares (Telegram, Viber, WhatsApp, Messenger and Instagram).

A send whose connection could not be made (refused, not made within CONNECT_TIMEOUT, a
name not resolved) never reached the channel: it is retried freely (`DeliveryError`). One
that reached it and got no answer (a read timeout, a link dropped after the request went)
may have been delivered (`MaybeDelivered`): the sender sends it once more at most, then
dead-letters it as "unconfirmed, it may have arrived" (`gateway.delivery`). A send ends at
SEND_TIMEOUT here, inside the sender's own `outbound.send_timeout` (15 s), whose cut-off
cannot tell the two apart and is retried freely.
"""

from __future__ import annotations

import aiohttp

from gateway.connectors.base import DeliveryError, MaybeDelivered

CONNECT_TIMEOUT = 5.0  # seconds for a send's connection: beyond it, it never left
SEND_TIMEOUT = 10.0  # seconds for a text's send, within the sender's 15
NEVER_LEFT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)


def send_timeout(total: float | None = None) -> aiohttp.ClientTimeout:
    """A send's time (SEND_TIMEOUT unless told), its connection given CONNECT_TIMEOUT of it."""
    total = SEND_TIMEOUT if total is None else total
    return aiohttp.ClientTimeout(total=total, connect=min(CONNECT_TIMEOUT, total))


def never_left(exc: BaseException | None) -> bool:
    """The failure was the connection's: the channel never saw the request."""
    return isinstance(exc, NEVER_LEFT)


def send_failure(exc: BaseException, channel: str) -> DeliveryError:
    """What the sender is told of a send's network failure or timeout."""
    if never_left(exc):
        return DeliveryError(f"{channel} unreachable: {type(exc).__name__}: {exc}")
    return MaybeDelivered(f"{channel} did not answer: {type(exc).__name__}: {exc}")
