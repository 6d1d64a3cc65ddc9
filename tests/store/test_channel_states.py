"""A channel found down by several hosts at one instant keeps its first "since" (store's
channel states, on the real redis-server): the read and the write are one step."""

from __future__ import annotations

import asyncio

import redis.asyncio as aioredis

from gateway.store import ChannelDown, ChannelStates, Store, keys


async def test_hosts_finding_a_channel_down_at_once_keep_the_first_since(redis_url: str) -> None:
    """Eight hosts, each with its own connection, find the bot's token revoked at once, the
    first at 500.0: a read then a write apart let a later host's "since" overwrite it."""
    hosts = [aioredis.from_url(redis_url) for _ in range(8)]
    try:
        await asyncio.gather(*(host.ping() for host in hosts))  # each connected, ready
        found = [
            ChannelStates(host).down(
                "telegram", ChannelDown("status 401: bot token revoked", 500.0 + n, f"node-{n}")
            )
            for n, host in enumerate(hosts)
        ]
        await asyncio.gather(*found)
        kept = await ChannelStates(hosts[0]).get("telegram")
        assert kept is not None and kept.since == 500.0
    finally:
        for host in hosts:
            await host.aclose()


async def test_a_later_finding_keeps_the_since_to_the_microsecond(store: Store) -> None:
    states = store.channel_states
    first = 1765145678.123456
    await states.down("viber", ChannelDown("status 2: invalid auth token", first, "node-a"))
    await states.down("viber", ChannelDown("status 7: receiver not found", first + 9.5, "node-b"))
    assert await states.get("viber") == ChannelDown("status 7: receiver not found", first, "node-b")
    await states.down("viber", ChannelDown("status 7: receiver not found", first - 1.25, "node-c"))
    assert await states.get("viber") == ChannelDown(
        "status 7: receiver not found", first - 1.25, "node-c"
    )


async def test_an_unreadable_state_is_written_anew_and_any_reason_reads_back(
    store: Store,
) -> None:
    states = store.channel_states
    await store.redis.hset(keys.CHANNELS_DOWN, "mail", "{not json")
    reason = 'IMAP: «вход отклонён» / "AUTHENTICATIONFAILED"\tретрай'
    await states.down("mail", ChannelDown(reason, 42.0, "node-a"))
    assert await states.all() == {"mail": ChannelDown(reason, 42.0, "node-a")}


async def test_a_working_host_clears_a_refusal_of_its_own_credentials_only(
    store: Store,
) -> None:
    """Host B's wrong token refused; host A works with its own (another): A's success
    leaves B's finding, which only B itself or a host of the same credentials clears."""
    states = store.channel_states
    refused = ChannelDown("status 2: invalid auth token", 1000.0, "host-b", "b0b0b0b0")
    await states.down("viber", refused)
    assert await states.up("viber", "a1a1a1a1", "host-a") is False  # another token's
    assert await states.get("viber") == refused
    assert await states.up("viber", "a1a1a1a1", "host-b") is True  # the refused host's own
    await states.down("viber", refused)
    assert await states.up("viber", "b0b0b0b0", "host-a") is True  # the same token works
    await states.down("viber", ChannelDown("status 2: invalid auth token", 1000.0, "host-b"))
    assert await states.up("viber", "a1a1a1a1", "host-a") is True  # credentials not told
    assert await states.all() == {}
