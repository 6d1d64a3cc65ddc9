"""What the e-mail channel keeps in Redis: threads, the Message-ID index, originals,
attachments, undeliverable addresses, dead letters, IMAP cursors and used rating links.

Message-IDs are hashed for key names (they can be long and hold any characters).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import redis.asyncio as aioredis

from gateway.store import keys
from gateway.store.first_use import set_first

THREAD_TTL_SECONDS = 400 * 24 * 3600  # a reply a year later still finds its ticket
MAX_REFERENCES = 20
DEAD_LETTERS_KEPT = 1000
INDEX_BATCH = 500


def thread_sender(chat_id: str) -> str:
    """The address a thread's chat id was made from (`<from>#<digest>`), in lower case."""
    return chat_id.rsplit("#", 1)[0].lower()


def id_digest(message_id: str) -> str:
    return hashlib.sha256(message_id.strip().lower().encode()).hexdigest()[:40]


@dataclass
class MailThread:
    """One conversation by mail: whom to write to, the subject, the Message-ID chain."""

    chat_id: str
    address: str
    name: str = ""
    subject: str = ""
    references: list[str] = field(default_factory=list)
    last_inbound_id: str = ""
    robot: str = ""  # why the last inbound mail was automatic, if it was
    # A mail on it failed sender authentication (our trusted MTA said so): its From is
    # forged, and the thread speaks for no other thread of that address.
    unverified: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: bytes | str) -> MailThread:
        data = json.loads(raw)
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def remember(self, message_id: str) -> None:
        if message_id and message_id not in self.references:
            self.references = [*self.references, message_id][-MAX_REFERENCES:]


@dataclass(frozen=True)
class ImapCursor:
    uidvalidity: int = 0
    last_uid: int = 0


class MailStore:
    """The e-mail channel's records."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis

    async def thread_of(self, message_ids: tuple[str, ...]) -> str:
        """The conversation the first known of these Message-IDs belongs to ("" if none)."""
        if not message_ids:
            return ""
        pipe = self._redis.pipeline(transaction=False)  # one key per slot on a cluster
        for message_id in message_ids:
            pipe.get(keys.mail_message(id_digest(message_id)))
        values = await pipe.execute()
        return next((v.decode() for v in values if v is not None), "")

    async def known(self, message_id: str) -> bool:
        """Whether this Message-ID was taken in (or sent by us) before."""
        return bool(await self._redis.exists(keys.mail_message(id_digest(message_id))))

    async def copy_of(self, message_id: str, digest: str) -> str:
        """The id a mail is taken under: its Message-ID for the first mail seen with it,
        else Message-ID#digest (a different mail reusing the Message-ID: broken mailers,
        a device that sends a constant one). The same mail fetched twice has the same
        digest, so the same id, and is a repeat. A Message-ID taken before digests were
        kept (only its old key) is that mail: the id is the Message-ID, a repeat as before."""
        first_key = keys.mail_first_copy(id_digest(message_id))
        first = await self._redis.get(first_key)
        if first is None:
            if await self.known(message_id):
                return message_id
            await self._redis.set(first_key, digest, nx=True, ex=THREAD_TTL_SECONDS)
            first = await self._redis.get(first_key)
        if first is None or first.decode() == digest:
            return message_id
        return f"{message_id}#{digest[:16]}"

    async def link(self, message_id: str, chat_id: str) -> None:
        await self._redis.set(
            keys.mail_message(id_digest(message_id)), chat_id, ex=THREAD_TTL_SECONDS
        )

    async def thread(self, chat_id: str) -> MailThread | None:
        raw = await self._redis.get(keys.mail_thread(chat_id))
        return MailThread.from_json(raw) if raw is not None else None

    async def save_thread(self, thread: MailThread, now: float | None = None) -> None:
        """Keep the thread, and in its sender's threads as the one with mail at `now`."""
        now = time.time() if now is None else now
        await self._redis.set(
            keys.mail_thread(thread.chat_id), thread.to_json(), ex=THREAD_TTL_SECONDS
        )
        began_by = keys.mail_threads_by(thread_sender(thread.chat_id))
        pipe = self._redis.pipeline(transaction=False)
        pipe.zadd(began_by, {thread.chat_id: now})
        pipe.zremrangebyscore(began_by, "-inf", now - THREAD_TTL_SECONDS)  # expired threads
        pipe.expire(began_by, THREAD_TTL_SECONDS)
        await pipe.execute()

    async def threads_from(self, address: str, limit: int = 0) -> list[str]:
        """The chat ids of the threads `address` began, the latest to have mail first;
        the `limit` latest when it is given."""
        found = await self._redis.zrevrange(
            keys.mail_threads_by(address.lower()), 0, (limit or 0) - 1
        )
        return [v.decode() if isinstance(v, bytes) else str(v) for v in found]

    async def index_threads(self, now: float | None = None) -> int:
        """Put every kept thread in its sender's threads, once per store: threads from
        before the index (or from its set without times) were found only after their next
        mail. A thread's last mail is read from its expiry (each save sets it anew).
        Idempotent, and safe from several processes at once (ZADD NX keeps a time a save
        wrote). Returns the number of threads indexed."""
        if await self._redis.exists(keys.MAIL_THREADS_INDEXED):
            return 0
        now = time.time() if now is None else now
        batch: list[str] = []
        indexed = 0
        async for raw in self._redis.scan_iter(match=f"{keys.MAIL_THREAD_PREFIX}*", count=1000):
            batch.append(raw.decode() if isinstance(raw, bytes) else str(raw))
            if len(batch) >= INDEX_BATCH:
                indexed += await self._index(batch, now)
                batch = []
        if batch:
            indexed += await self._index(batch, now)
        old = [k async for k in self._redis.scan_iter(match=keys.mail_threads_from("*"))]
        for key in old:
            await self._redis.delete(key)
        await self._redis.set(keys.MAIL_THREADS_INDEXED, "1")
        return indexed

    async def _index(self, thread_keys: list[str], now: float) -> int:
        pipe = self._redis.pipeline(transaction=False)
        for key in thread_keys:
            pipe.ttl(key)
        ttls = await pipe.execute()
        pipe = self._redis.pipeline(transaction=False)
        for key, ttl in zip(thread_keys, ttls, strict=True):
            chat_id = key.removeprefix(keys.MAIL_THREAD_PREFIX)
            last_mail = now - THREAD_TTL_SECONDS + ttl if ttl > 0 else now
            began_by = keys.mail_threads_by(thread_sender(chat_id))
            pipe.zadd(began_by, {chat_id: last_mail}, nx=True)
            pipe.expire(began_by, THREAD_TTL_SECONDS)
        await pipe.execute()
        return len(thread_keys)

    async def keep_original(self, message_id: str, raw: bytes, ttl_seconds: int) -> None:
        """The mail as received, for operators; it expires after `ttl_seconds`."""
        await self._redis.set(keys.mail_original(id_digest(message_id)), raw, ex=ttl_seconds)

    async def original(self, message_id: str) -> bytes | None:
        value = await self._redis.get(keys.mail_original(id_digest(message_id)))
        return bytes(value) if value is not None else None

    async def keep_attachment(
        self, attachment_id: str, filename: str, content_type: str, data: bytes, ttl_seconds: int
    ) -> None:
        """A mail attachment, for operators; it expires after `ttl_seconds`."""
        key = keys.mail_attachment(attachment_id)
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(key, mapping={"filename": filename, "content_type": content_type, "data": data})
        pipe.expire(key, ttl_seconds)
        await pipe.execute()

    async def attachment(self, attachment_id: str) -> tuple[str, str, bytes] | None:
        row = await self._redis.hgetall(keys.mail_attachment(attachment_id))
        if not row:
            return None
        return row[b"filename"].decode(), row[b"content_type"].decode(), bytes(row[b"data"])

    async def mark_undeliverable(self, address: str, why: dict[str, Any]) -> None:
        await self._redis.hset(
            keys.MAIL_UNDELIVERABLE, address.lower(), json.dumps(why, ensure_ascii=False)
        )

    async def clear_undeliverable(self, address: str) -> None:
        await self._redis.hdel(keys.MAIL_UNDELIVERABLE, address.lower())

    async def undeliverable(self, address: str) -> dict[str, Any] | None:
        raw = await self._redis.hget(keys.MAIL_UNDELIVERABLE, address.lower())
        return json.loads(raw) if raw is not None else None

    async def dead_letter(self, record: dict[str, Any]) -> None:
        """Keep mail that could not be taken in where operators can see it."""
        pipe = self._redis.pipeline(transaction=True)
        pipe.lpush(keys.MAIL_DEAD, json.dumps(record, ensure_ascii=False))
        pipe.ltrim(keys.MAIL_DEAD, 0, DEAD_LETTERS_KEPT - 1)
        await pipe.execute()

    async def dead_letters(self, limit: int = 100) -> list[dict[str, Any]]:
        return [json.loads(r) for r in await self._redis.lrange(keys.MAIL_DEAD, 0, limit - 1)]

    async def replies_in_window(self, address: str, window_seconds: int, now: float) -> int:
        """Count one automatic reply to `address` in the current window; returns the count."""
        key = keys.rate_window("mail-reply", address.lower(), int(now // window_seconds))
        pipe = self._redis.pipeline(transaction=True)
        pipe.incr(key)
        pipe.expire(key, window_seconds * 2)
        count, _ = await pipe.execute()
        return int(count)

    async def rating_used(self, nonce: str) -> bool:
        """Whether a rating link was already confirmed (reading only; a GET never uses it)."""
        return bool(await self._redis.exists(keys.mail_rating_used(nonce)))

    async def use_rating(self, nonce: str, ttl_seconds: int) -> bool:
        """True the first time a rating link is used, False afterwards."""
        return await set_first(self._redis, keys.mail_rating_used(nonce), ttl_seconds)

    async def ask_rating(self, chat_id: str, nonce: str, ttl_seconds: int) -> None:
        """The rating links with `nonce` are the thread's latest: earlier letters' are stale."""
        await self._redis.set(keys.mail_rating_asked(chat_id), nonce, ex=ttl_seconds)

    async def rating_asked(self, chat_id: str) -> str:
        """The nonce of the thread's latest rating links; "" if none is known (older links)."""
        nonce = await self._redis.get(keys.mail_rating_asked(chat_id))
        return nonce.decode() if nonce else ""

    async def set_aside_before(self, mailbox: str, folder: str, validity: int, uid: int) -> bool:
        """Whether this IMAP message was kept aside already (by a reader that died after)."""
        return bool(await self._redis.exists(keys.mail_set_aside(mailbox, folder, validity, uid)))

    async def set_aside(
        self, mailbox: str, folder: str, validity: int, uid: int, ttl_seconds: int
    ) -> bool:
        """Note this IMAP message kept aside; True the first time, False afterwards."""
        key = keys.mail_set_aside(mailbox, folder, validity, uid)
        return await set_first(self._redis, key, ttl_seconds)

    async def cursor(self, mailbox: str, folder: str) -> ImapCursor:
        row = await self._redis.hgetall(keys.mail_cursor(mailbox, folder))
        if not row:
            return ImapCursor()
        return ImapCursor(int(row.get(b"uidvalidity", 0)), int(row.get(b"last_uid", 0)))

    async def set_cursor(self, mailbox: str, folder: str, cursor: ImapCursor) -> None:
        await self._redis.hset(
            keys.mail_cursor(mailbox, folder),
            mapping={"uidvalidity": cursor.uidvalidity, "last_uid": cursor.last_uid},
        )
