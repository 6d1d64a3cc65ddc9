"""Self-service records: one-time codes, identity links, reset grants, counters, audit.

Codes are kept only as a salted digest; reset grants name the account they may change,
and are deleted when used. No password is ever handed to this module.
"""

from __future__ import annotations

import json
import time
from typing import Any, cast

import redis.asyncio as aioredis

from gateway.store import keys, scripts
from gateway.store.first_use import set_first

AUDIT_KEEP = 10_000
UNLINK_MARK_SECONDS = 24 * 3600  # an admin's "revoke" resent this late is still once


def _text(value: bytes | str | None) -> str:
    return value.decode() if isinstance(value, bytes) else (value or "")


class SelfServiceStore:
    """Redis records behind linking, unlock and reset."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis
        self._unlink_once = redis.register_script(scripts.UNLINK_ONCE)

    async def hit(self, scope: str, name: str, window_seconds: int) -> int:
        """Count one attempt in the current fixed window of `scope`/`name`; the count."""
        window = int(time.time() // window_seconds)
        key = keys.rate_window(scope, name, window)
        pipe = self._redis.pipeline(transaction=True)
        pipe.incr(key)
        pipe.expire(key, window_seconds + 1)
        count, _ = await pipe.execute()
        return int(count)

    # --- one-time codes ------------------------------------------------------------------

    async def put_code(
        self, identity: str, login: str, salt: str, digest: str, attempts: int, ttl: int
    ) -> None:
        """The code this identity must enter next (a new one replaces the old)."""
        key = keys.link_code(identity)
        pipe = self._redis.pipeline(transaction=True)
        pipe.delete(key)
        pipe.hset(key, mapping={"login": login, "salt": salt, "digest": digest,
                                "attempts": attempts})  # fmt: skip
        pipe.expire(key, ttl)
        await pipe.execute()

    async def code(self, identity: str) -> dict[str, str] | None:
        raw = await self._redis.hgetall(keys.link_code(identity))
        return {_text(k): _text(v) for k, v in raw.items()} if raw else None

    async def spend_attempt(self, identity: str) -> int:
        """One attempt used; the attempts left (the code is gone at 0)."""
        key = keys.link_code(identity)
        left = int(await self._redis.hincrby(key, "attempts", -1))
        if left <= 0:
            await self._redis.delete(key)
        return left

    async def drop_code(self, identity: str) -> bool:
        """Delete the code; True for exactly one caller (single use under races)."""
        return bool(await self._redis.delete(keys.link_code(identity)))

    # --- links ---------------------------------------------------------------------------

    async def link(self, identity: str, login: str, now: float, ttl: int) -> None:
        record = {"identity": identity, "login": login, "linked_at": now, "expires_at": now + ttl}
        # Two steps, not one transaction (three slots on a cluster): the account's list
        # and the index name the identity before the link exists, so a link is never left
        # where unlinking the account would miss it (a listed identity may have no link).
        pipe = self._redis.pipeline(transaction=False)
        pipe.sadd(keys.account_identities(login.lower()), identity)
        pipe.zadd(keys.IDENTITY_LINKS, {identity: now + ttl})
        await pipe.execute()
        await self._redis.set(keys.identity_link(identity), json.dumps(record), ex=ttl)

    async def identities_of(self, login: str) -> set[str]:
        """Identities once linked to the account (check each one's link: it may be gone)."""
        members = await self._redis.smembers(keys.account_identities(login.lower()))
        return {_text(m) for m in members}

    async def linked(self, identity: str) -> dict[str, Any] | None:
        raw = await self._redis.get(keys.identity_link(identity))
        return json.loads(raw) if raw is not None else None

    async def unlink(self, identity: str, action_id: str = "") -> int:
        """Remove an identity's link: 1 when removed now, 0 when there is none. An admin's
        action `action_id` removes it once: the same action sent again is answered 2."""
        link = await self.linked(identity)
        # The link first (it is what grants anything), then the lists that name it.
        if action_id:
            mark = keys.once_mark(keys.identity_link(identity), f"unlink:{action_id}")
            removed = int(
                await self._unlink_once(
                    keys=[keys.identity_link(identity), mark], args=[UNLINK_MARK_SECONDS]
                )
            )
        else:
            removed = int(await self._redis.delete(keys.identity_link(identity)))
        pipe = self._redis.pipeline(transaction=False)
        pipe.zrem(keys.IDENTITY_LINKS, identity)
        if link is not None:
            pipe.srem(keys.account_identities(str(link.get("login", "")).lower()), identity)
        await pipe.execute()
        return removed

    async def links(self, now: float, limit: int = 500) -> list[dict[str, Any]]:
        """Links in force, soonest to expire first (expired index entries are dropped)."""
        await self._redis.zremrangebyscore(keys.IDENTITY_LINKS, "-inf", now)
        members = cast(list[bytes], await self._redis.zrange(keys.IDENTITY_LINKS, 0, limit))
        identities = [_text(i) for i in members]
        if not identities:
            return []
        pipe = self._redis.pipeline(transaction=False)  # one key per slot on a cluster
        for identity in identities:
            pipe.get(keys.identity_link(identity))
        raws = await pipe.execute()
        return [json.loads(r) for r in raws if r is not None]

    # --- reset grants --------------------------------------------------------------------

    async def put_grant(self, nonce: str, grant: dict[str, Any], ttl: int) -> None:
        """Keep a reset link's grant. One link per account works: the one before it (sent
        earlier, maybe seen by someone since) stops working now.

        The account's current nonce is the one thing that says which link works, and it
        is set in one step (SET … GET): two `/reset`s at once each write their own and the
        last one set is the only link that works (`grant` checks it). Before, each read
        the current nonce and then wrote, so both could find none and both links worked."""
        current = keys.reset_current(str(grant.get("login", "")).lower())
        await self._redis.set(keys.reset_grant(nonce), json.dumps(grant), ex=ttl)
        before = await self._redis.set(current, nonce, ex=ttl, get=True)
        if before is not None and _text(before) != nonce:
            await self._redis.delete(keys.reset_grant(_text(before)))  # tidy: it no longer works

    async def remember_asker(self, nonce: str, conversation: str, ttl: int) -> None:
        """Which conversation asked for this link (kept `ttl` s, past the link's life)."""
        await self._redis.set(keys.reset_asker(nonce), conversation, ex=ttl)

    async def asker(self, nonce: str) -> str:
        """The conversation that asked for the link, "" when it is no longer kept."""
        return _text(await self._redis.get(keys.reset_asker(nonce)))

    async def grant(self, nonce: str) -> dict[str, Any] | None:
        """The grant of a link that still works: kept, and its account's newest link."""
        raw = await self._redis.get(keys.reset_grant(nonce))
        if raw is None:
            return None
        record: dict[str, Any] = json.loads(raw)
        current = await self._redis.get(keys.reset_current(str(record.get("login", "")).lower()))
        return record if current is not None and _text(current) == nonce else None

    async def claim_grant(self, nonce: str, seconds: int) -> dict[str, Any] | None:
        """Hold the grant for one request; None when it is gone or another request has it."""
        if not await set_first(self._redis, keys.reset_claim(nonce), seconds):
            return None
        grant = await self.grant(nonce)
        if grant is None:
            await self._redis.delete(keys.reset_claim(nonce))
        return grant

    async def release_grant(self, nonce: str) -> None:
        """The request did not use the grant (the policy refused): it may be tried again."""
        await self._redis.delete(keys.reset_claim(nonce))

    async def spend_grant(
        self, nonce: str, form_id: str = "", kept: int = 3600, language: str = "en"
    ) -> None:
        """The grant did its one job: it is gone for good. The page's form `form_id` that
        used it is remembered (`kept` s, with the page's language) first: that form sent
        again (a lost answer, a double click) is answered "changed", not "link used"."""
        if form_id:
            await self._redis.set(_form_mark(nonce, form_id), language or "en", ex=kept)
        await self._redis.delete(keys.reset_grant(nonce), keys.reset_claim(nonce))

    async def form_used_it(self, nonce: str, form_id: str) -> str:
        """The page's language when its form `form_id` is the one that used the grant
        `nonce`; "" otherwise."""
        if not form_id:
            return ""
        value = await self._redis.get(_form_mark(nonce, form_id))
        return _text(value) if value is not None else ""

    # --- audit ---------------------------------------------------------------------------

    async def audit(self, entry: dict[str, Any]) -> None:
        pipe = self._redis.pipeline(transaction=True)
        pipe.lpush(keys.DIRECTORY_AUDIT, json.dumps(entry, ensure_ascii=False))
        pipe.ltrim(keys.DIRECTORY_AUDIT, 0, AUDIT_KEEP - 1)
        await pipe.execute()

    async def audit_entries(self, limit: int = 200) -> list[dict[str, Any]]:
        raw = await self._redis.lrange(keys.DIRECTORY_AUDIT, 0, limit - 1)
        return [json.loads(r) for r in raw]


def _form_mark(nonce: str, form_id: str) -> str:
    return keys.once_mark(keys.reset_grant(nonce), f"reset-form:{form_id}")
