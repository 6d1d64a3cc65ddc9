"""Which channels refuse the bot, as every gateway host sees it (`gateway.channel_health`).

The host whose sender or receiver meets the refusal writes it here, with the reason and
since when; any host clears it when a send through the channel succeeds or its token is
accepted again. Each host's console, /healthz, /readyz and /metrics read it from here, so
an operator on any host sees a channel another host found down. A finding names the
credentials refused by a fingerprint: a host that works with other credentials does not
clear another host's refusal of its own (hosts that do not share one token), so the state
stays down, naming the refused host, instead of flapping at each host's try.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import redis.asyncio as aioredis

from gateway.store import keys, scripts


@dataclass(frozen=True)
class ChannelDown:
    """A channel found refusing the bot: why, since when (wall clock), by which host, and
    which credentials (a fingerprint, `channel_health.fingerprint`; empty: not told)."""

    reason: str
    since: float
    host: str = ""
    credentials: str = ""


class ChannelStates:
    """The channels down, one hash field each; a channel up has no field."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis
        self._down = redis.register_script(scripts.CHANNEL_DOWN)
        self._up = redis.register_script(scripts.CHANNEL_UP)

    async def down(self, channel: str, found: ChannelDown) -> None:
        """Mark `channel` down; a channel already down keeps its first `since`, also when
        two hosts find it at one instant (read and written in one step on the server)."""
        args = [channel, found.reason, repr(float(found.since)), found.host, found.credentials]
        await self._down(keys=[keys.CHANNELS_DOWN], args=args)

    async def up(self, channel: str, credentials: str = "", host: str = "") -> bool:
        """Clear `channel`'s "down", found working with `credentials` on `host`; it stays
        when another host found other credentials refused (False then)."""
        cleared = await self._up(keys=[keys.CHANNELS_DOWN], args=[channel, credentials, host])
        return bool(cleared)

    async def get(self, channel: str) -> ChannelDown | None:
        return _decoded(await self._redis.hget(keys.CHANNELS_DOWN, channel))

    async def all(self) -> dict[str, ChannelDown]:
        raw = await self._redis.hgetall(keys.CHANNELS_DOWN)
        found = {_text(k): _decoded(v) for k, v in raw.items()}
        return {channel: state for channel, state in found.items() if state is not None}


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _decoded(raw: bytes | str | None) -> ChannelDown | None:
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        return ChannelDown(
            str(data["reason"]),
            float(data["since"]),
            str(data.get("host", "")),
            str(data.get("credentials", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None  # unreadable: as if up (the next refusal writes it anew)
