"""Self-service records in the store: which reset link of an account works."""

from __future__ import annotations

import asyncio

from gateway.store import Store


async def test_resets_at_once_leave_one_working_link(store: Store) -> None:
    """Two `/reset`s at the same moment (two linked chats, a double send): each read the
    account's current link, found none, and wrote its own, so both links worked."""
    nonces = [f"nonce-at-once-{n}" for n in range(5)]
    await asyncio.gather(
        *(store.self_service.put_grant(n, {"login": "Ivanova"}, 600) for n in nonces)
    )
    working = [n for n in nonces if await store.self_service.grant(n) is not None]
    assert len(working) == 1
    claimed = [n for n in nonces if await store.self_service.claim_grant(n, 120) is not None]
    assert claimed == working


async def test_a_newer_link_ends_the_older_one_and_a_resend_keeps_its_own(store: Store) -> None:
    await store.self_service.put_grant("nonce-old", {"login": "petrov"}, 600)
    await store.self_service.put_grant("nonce-new", {"login": "petrov"}, 600)
    await store.self_service.put_grant("nonce-new", {"login": "petrov"}, 600)  # sent again
    assert await store.self_service.grant("nonce-old") is None
    assert await store.self_service.grant("nonce-new") == {"login": "petrov"}
