"""Display names of Messenger and Instagram users, from the Graph user-profile call.

Webhook events carry only the user's page-scoped id. `GET /<id>?fields=...` gives the name
(Messenger: first_name, last_name; Instagram: name, username). A name is kept per user
for a week, so a conversation costs one call; when Graph refuses or does not answer in
time the message goes on without a name (it is stored all the same). When Graph does not
answer at all (a timeout, no connection, a 5xx or throttling), lookups pause for
`PAUSE_SECONDS`: the webhook waits for each message's lookup, so a batch of new users
would otherwise wait 3 s per user (30 s for ten) and Meta would deliver it again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from urllib.parse import quote

import aiohttp

from gateway.connectors.graph_api import INVALID_TOKEN_CODE, GraphClient, GraphError
from gateway.store import Store

log = logging.getLogger(__name__)

NAME_KEPT_SECONDS = 7 * 24 * 3600
LOOKUP_TIMEOUT = 3.0  # the webhook waits for it before answering Meta
PAUSE_SECONDS = 60.0  # no lookups this long after Graph did not answer
FIELDS = {"messenger": "first_name,last_name", "instagram": "name,username"}
NAME_MAX = 100


class ProfileNames:
    """The name of a Messenger/Instagram user, cached per user in the store."""

    def __init__(
        self,
        client: GraphClient,
        store: Store,
        channel: str,
        *,
        timeout: float = LOOKUP_TIMEOUT,
        kept_seconds: int = NAME_KEPT_SECONDS,
        pause_seconds: float = PAUSE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.store = store
        self.channel = channel
        self.timeout = timeout
        self.kept_seconds = kept_seconds
        self.pause_seconds = pause_seconds
        self.clock = clock
        self._paused_until = 0.0

    async def name(self, user_id: str) -> str:
        """The user's display name, or "" when Graph has none for us."""
        cached = await self.store.channel_get(self.channel, f"profile:{user_id}")
        if cached is not None:
            return str(cached.get("name") or "")
        if self.clock() < self._paused_until:
            return ""  # Graph did not answer a moment ago: no name, no wait
        path = f"{quote(user_id, safe='')}?fields={FIELDS[self.channel]}"
        try:
            profile = await asyncio.wait_for(self.client.get(path), self.timeout)
        except GraphError as exc:
            if exc.transient and exc.code != INVALID_TOKEN_CODE:
                self._pause(exc)
            else:  # this user's privacy, a permission, the token: Graph answered
                log.warning(
                    "no profile name from graph",
                    extra={"channel": self.channel, "error": str(exc)[:200]},
                )
            return ""
        except (aiohttp.ClientError, TimeoutError) as exc:
            self._pause(exc)
            return ""
        name = display_name(profile.get)
        await self.store.channel_put(
            self.channel, f"profile:{user_id}", {"name": name}, self.kept_seconds
        )
        return name

    def _pause(self, exc: Exception) -> None:
        self._paused_until = self.clock() + self.pause_seconds
        error = str(exc) or f"no answer within {self.timeout:g} s"
        log.warning(
            "no profile names from graph for a while: it did not answer",
            extra={"channel": self.channel, "error": f"{type(exc).__name__}: {error}"[:200],
                   "paused_seconds": self.pause_seconds},
        )  # fmt: skip


def display_name(field: Callable[[str], object]) -> str:
    """"First Last" (Messenger), else the name, else the @username (Instagram)."""

    def value(key: str) -> str:
        found = field(key)
        return found.strip() if isinstance(found, str) else ""

    full = " ".join(p for p in (value("first_name"), value("last_name")) if p)
    return (full or value("name") or value("username"))[:NAME_MAX]
