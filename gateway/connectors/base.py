"""The connector protocol: translate a channel's payloads, nothing more.

A connector turns vendor payloads into `InboundMessage` and hands them to `on_message`
(which returns only after the message is stored durably), and renders `OutboundMessage`
through the vendor API in `send`. Vendor types never leave the connector's module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from typing import TYPE_CHECKING, Protocol

from gateway.models import Button, InboundMessage, OutboundMessage, RateLimit

if TYPE_CHECKING:  # the web stack only where routes are mounted, not in a worker process
    from aiohttp import web


class OnMessage(Protocol):
    """Stores a message durably before returning (False: a repeat, stored before).

    With `limits` (a channel that limits its senders itself, the web chat), the message
    is counted against them in the same step and raises RateLimited, unstored, when over.
    """

    def __call__(
        self, message: InboundMessage, limits: Sequence[RateLimit] = ...
    ) -> Awaitable[bool]: ...


# How long one file of a reply may take to upload to a channel (a document to Telegram, a
# mail's attachment to the SMTP server): a send is given this on top of its own time.
FILE_UPLOAD_SECONDS = 120


class DeliveryError(Exception):
    """A send that failed. `retry_after` (seconds) when the channel said when to retry."""

    def __init__(self, reason: str, *, retry_after: float | None = None, permanent: bool = False):
        super().__init__(reason)
        self.retry_after = retry_after
        self.permanent = permanent


class RecipientBlocked(DeliveryError):
    """The user blocked the bot or left: stop sending, keep the ticket."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, permanent=True)


class MaybeDelivered(DeliveryError):
    """The request reached the channel and its answer never came (a read timeout, a link
    dropped): the message may have been delivered, and sending it again may repeat it."""


class ChannelRefused(DeliveryError):
    """The channel refuses the bot itself (a revoked or wrong token, a suspended account):
    no send through it can succeed until an admin mends the configuration. The reply is
    not at fault: it is kept queued, never dead-lettered for this."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, permanent=True)


class Connector(Protocol):
    """What the gateway needs from a channel."""

    channel: str

    async def start(self, on_message: OnMessage) -> None:
        """Begin receiving (polling task, webhook registration...)."""

    async def stop(self) -> None:
        """Stop receiving and release connections."""

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        """Deliver one message; raise DeliveryError (or RecipientBlocked) on failure."""

    def routes(self) -> list[web.RouteDef]:
        """HTTP routes the connector serves (webhooks); empty for polling channels."""


class PacedConnector(Connector, Protocol):
    """A channel with published rate limits: the sender calls `pace` before each `send`,
    outside the send timeout, so a long queue never reads as failed sends."""

    async def pace(self, chat_id: str, message: OutboundMessage) -> None:
        """Return when the channel's limits allow sending `message` to `chat_id`."""


def buttons_as_text(text: str, buttons: tuple[Button, ...]) -> str:
    """For channels without buttons: numbered options the user can answer by number."""
    if not buttons:
        return text
    lines = [text, ""] + [f"{i}. {b.label}" for i, b in enumerate(buttons, 1)]
    return "\n".join(lines)


def with_author(message: OutboundMessage) -> str:
    """Operators' replies carry their name, so the user knows a person is writing."""
    if message.author.startswith("operator:") and message.author_name:
        return f"{message.author_name}: {message.text}"
    return message.text


def split_text(text: str, limit: int) -> list[str]:
    """Split a long text into parts of at most `limit` characters, at line or word ends."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest or not parts:
        parts.append(rest)
    return parts
