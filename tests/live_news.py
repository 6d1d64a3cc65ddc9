"""The store's live events in a test, with nothing missed at either end."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from typing import Any

from gateway.store import Store


@contextlib.asynccontextmanager
async def heard(store: Store) -> AsyncIterator[list[dict[str, Any]]]:
    """The live events published inside the block: listened for from the moment Redis
    confirms the subscription until a marker published after the block arrives (one
    channel keeps its order, so every event of the block came before the marker)."""
    got: list[dict[str, Any]] = []
    subscribed = asyncio.Event()
    marker = {"type": "test_marker", "id": uuid.uuid4().hex}

    async def listen() -> None:
        async for event in store.live_events(subscribed):
            if event == marker:
                return
            got.append(event)

    listener = asyncio.create_task(listen())
    try:
        await _first(listener, subscribed.wait())
        yield got
        await store.announce(marker)
        await asyncio.wait_for(listener, 60)
    finally:
        listener.cancel()
        await asyncio.gather(listener, return_exceptions=True)


async def _first(listener: asyncio.Task[None], subscribed: Any) -> None:
    """Wait for the subscription; the listener's own error if it failed first."""
    waiting = asyncio.ensure_future(subscribed)
    done, _ = await asyncio.wait({listener, waiting}, timeout=60, return_when="FIRST_COMPLETED")
    waiting.cancel()
    if listener in done:
        listener.result()
    assert waiting in done, "the live events were never subscribed to"
