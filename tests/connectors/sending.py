"""A reply queued for a channel, sent through the real sender until it goes out or is given up."""

from __future__ import annotations

import asyncio

from emulators.server import eventually
from gateway.connectors.base import Connector
from gateway.delivery import ChannelSender
from gateway.models import Delivery
from gateway.store import Store


async def sent_or_given_up(
    store: Store,
    connector: Connector,
    *,
    max_attempts: int,
    backoff_base: float,
    send_timeout: float,
) -> tuple[ChannelSender, list[str]]:
    """Runs a sender over what is queued until one reply is sent or dead-lettered: the sender,
    and the errors of the replies given up."""
    given_up: list[str] = []

    async def ignore(_: Delivery) -> None: ...

    async def dead(_: Delivery, error: str) -> None:
        given_up.append(error)

    sender = ChannelSender(
        store, connector, consumer="s", on_blocked=ignore, on_dead=dead,
        max_attempts=max_attempts, backoff_base=backoff_base, send_timeout=send_timeout,
    )  # fmt: skip
    task = asyncio.create_task(sender.run())
    try:
        await eventually(lambda: sender.sent or given_up, what="the reply sent or given up")
    finally:
        sender.stop()
        await task
    return sender, given_up
