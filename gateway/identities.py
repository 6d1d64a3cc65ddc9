"""Who a user is: the channel identities one person is known as.

A channel identity is a conversation key (`telegram:42`, `webchat:<session>`,
`email:anna@example.com`). Without linking, a user is exactly their channel identity.
Directory linking (a channel identity proven to own a directory account) plugs in here
by answering with every identity linked to the same account, so a user sees the tickets
they opened from any of them, and never anyone else's.
"""

from __future__ import annotations

from typing import Protocol


class UserIdentities(Protocol):
    """The set of channel identities the user behind `identity` is known as."""

    async def known_as(self, identity: str) -> frozenset[str]: ...


class ChannelIdentityOnly:
    """No linking: a user is the one channel identity they write from."""

    async def known_as(self, identity: str) -> frozenset[str]:
        return frozenset({identity})


__all__ = ["ChannelIdentityOnly", "UserIdentities"]
