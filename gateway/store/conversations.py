"""Conversations: who the user is, who owns the dialog (bot or operator), dialog state."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio as aioredis

from gateway.models import BOT_OWNER, Ticket, TicketStatus
from gateway.store import keys, scripts
from gateway.store.batching import PassPipeline
from gateway.store.durability import DurableWrites, ScriptRun, evalsha_all
from gateway.store.tickets import read_tickets, ticket_from_hashes
from gateway.store.transaction import Transaction

# A ticket in one of these is over: a turn does not read it (see LOAD_CONVERSATION).
ENDED_STATUSES = tuple(status.value for status in TicketStatus if not status.is_active)


@dataclass
class Conversation:
    """One user's thread on one channel."""

    key: str
    channel: str
    chat_id: str
    user_name: str = ""
    language: str = ""
    owner: str = BOT_OWNER  # "bot" or "operator:<login>"
    state: dict[str, Any] = field(default_factory=dict)
    version: int = 0
    active_ticket: str = ""
    blocked: bool = False
    updated_at: float = 0.0
    last_user_at: float = 0.0  # when the user last wrote (messaging windows count from it)

    @property
    def bot_owns(self) -> bool:
        return self.owner == BOT_OWNER


@dataclass(frozen=True)
class ConversationAddress:
    """Which conversation a turn is about, and its channel and chat for a new one."""

    key: str
    channel: str
    chat_id: str


@dataclass(frozen=True)
class TranscriptPage:
    """Transcript entries past a reader's cursor, with the conversation's language."""

    entries: list[dict[str, Any]]
    language: str


class ConversationStore:
    """Reads conversations and their transcripts; writes go through a Transaction."""

    def __init__(
        self,
        redis: aioredis.Redis,
        *,
        cluster: bool = False,
        pipeline: PassPipeline | None = None,
    ) -> None:
        self._redis = redis
        self._cluster = cluster
        self._load = redis.register_script(scripts.LOAD_CONVERSATION)
        self._read_since = redis.register_script(scripts.READ_SINCE)
        self._transcripts = redis.register_script(scripts.TRANSCRIPTS)
        # Sockets woken together (a worker's batch of turns) catch up in one round trip,
        # with the store's other calls of the same moment.
        self._pipeline = pipeline or PassPipeline(redis, DurableWrites(redis))

    async def get(self, key: str) -> Conversation | None:
        return _conversation(key, await self._redis.hgetall(keys.conversation(key)))

    async def get_or_new(self, key: str, channel: str, chat_id: str) -> Conversation:
        return await self.get(key) or Conversation(key=key, channel=channel, chat_id=chat_id)

    async def load(self, key: str, channel: str, chat_id: str) -> tuple[Conversation, list[Ticket]]:
        """What a turn starts from: the conversation (a new one if none is stored) and its
        open tickets, in the order of their ids (`load_many` for one address)."""
        [loaded] = await self.load_many([ConversationAddress(key, channel, chat_id)])
        return loaded

    async def load_many(
        self, addresses: list[ConversationAddress]
    ) -> list[tuple[Conversation, list[Ticket]]]:
        """What several turns start from (as `load`, for each), in one round trip. (On a
        cluster the tickets are in their own slots: two round trips, all at once.)"""
        if self._cluster:
            return list(await asyncio.gather(
                *(self._load_from_slots(a.key, a.channel, a.chat_id) for a in addresses)
            ))  # fmt: skip
        return self.loaded(addresses, await evalsha_all(self._redis, self.load_runs(addresses)))

    def load_runs(self, addresses: list[ConversationAddress]) -> list[ScriptRun]:
        """The script calls that read what these turns start from (on a single server),
        to go in one pipeline with other reads; `loaded` reads their replies."""
        return [ScriptRun(self._load, *_load_call(address)) for address in addresses]

    @staticmethod
    def loaded(
        addresses: list[ConversationAddress], replies: list[Any]
    ) -> list[tuple[Conversation, list[Ticket]]]:
        """The conversations and open tickets read by `load_runs`' replies."""
        for reply in replies:
            if isinstance(reply, Exception):
                raise reply
        return [_loaded(a, reply) for a, reply in zip(addresses, replies, strict=True)]

    async def _load_from_slots(
        self, key: str, channel: str, chat_id: str
    ) -> tuple[Conversation, list[Ticket]]:
        pipe = self._redis.pipeline(transaction=False)
        pipe.hgetall(keys.conversation(key))
        pipe.smembers(keys.conversation_tickets(key))
        raw, ids = await pipe.execute()
        conv = _conversation(key, raw) or Conversation(key=key, channel=channel, chat_id=chat_id)
        tickets = await read_tickets(self._redis, sorted(i.decode() for i in ids))
        return conv, [t for t in tickets if t.status.is_active]

    async def language(self, key: str) -> str:
        value = await self._redis.hget(keys.conversation(key), "language")
        return value.decode() if value is not None else ""

    async def transcript(self, key: str, start: int = 0, end: int = -1) -> list[dict[str, Any]]:
        rows = await self._redis.lrange(keys.transcript(key), start, end)
        return [json.loads(r) for r in rows]

    async def transcripts(self, reads: list[tuple[str, int]]) -> list[list[dict[str, Any]]]:
        """Several conversations' transcripts, each from its own start, as one reply (a
        console queue of 400 tickets read them one call each: 2.5 s on a loaded host; one
        reply each of a pipeline cost the search more than the reading). On a cluster they
        are in their own slots: one pipelined round trip."""
        if not reads:
            return []
        if self._cluster:
            pipe = self._redis.pipeline(transaction=False)
            for key, start in reads:
                pipe.lrange(keys.transcript(key), start, -1)
            rows = await pipe.execute()
        else:
            where = [keys.transcript(key) for key, _ in reads]
            rows = await self._transcripts(keys=where, args=[start for _, start in reads])
        return [json.loads(b"[" + b",".join(found) + b"]") for found in rows]

    async def read_since(self, key: str, start: int) -> TranscriptPage:
        """Transcript entries from `start` on, and the conversation's language: one round
        trip for a live socket catching up, shared with the others catching up with it."""
        where = [keys.transcript(key), keys.conversation(key)]  # one slot
        if self._cluster:  # a batch would span the cluster's slots: each on its own
            rows, language = await self._read_since(keys=where, args=[start])
        else:
            rows, language = await self._pipeline.run(ScriptRun(self._read_since, where, [start]))
        return TranscriptPage(
            [json.loads(r) for r in rows], language.decode() if language is not None else ""
        )

    @staticmethod
    def save(tx: Transaction, conv: Conversation, now: float) -> None:
        """Write the conversation if nobody changed it since it was read."""
        tx.expect(keys.conversation(conv.key), "version", str(conv.version) if conv.version else "")
        conv.version += 1
        conv.updated_at = now
        tx.hset(
            keys.conversation(conv.key),
            {
                "channel": conv.channel,
                "chat_id": conv.chat_id,
                "user_name": conv.user_name,
                "language": conv.language,
                "owner": conv.owner,
                "state": json.dumps(conv.state, ensure_ascii=False),
                "version": conv.version,
                "active_ticket": conv.active_ticket,
                "blocked": conv.blocked,
                "updated_at": now,
                "last_user_at": conv.last_user_at,
            },
        )
        tx.raw("ZADD", keys.CONVERSATIONS, now, conv.key)


def _load_call(where: ConversationAddress) -> tuple[list[str], list[str]]:
    """The LOAD_CONVERSATION script's keys and arguments for one conversation."""
    return (
        [keys.conversation(where.key), keys.conversation_tickets(where.key)],
        [*keys.ticket_hashes_around_id(), *ENDED_STATUSES],
    )


def _loaded(where: ConversationAddress, reply: Any) -> tuple[Conversation, list[Ticket]]:
    raw, rows = reply
    conv = _conversation(where.key, scripts.hash_of(raw)) or Conversation(
        key=where.key, channel=where.channel, chat_id=where.chat_id
    )
    tickets = [ticket_from_hashes(*map(scripts.hash_of, row[1:])) for row in sorted(rows)]
    return conv, [t for t in tickets if t is not None]


def _conversation(key: str, raw: dict[bytes, bytes]) -> Conversation | None:
    if not raw:
        return None
    data = {k.decode(): v.decode() for k, v in raw.items()}
    return Conversation(
        key=key,
        channel=data.get("channel", ""),
        chat_id=data.get("chat_id", ""),
        user_name=data.get("user_name", ""),
        language=data.get("language", ""),
        owner=data.get("owner", BOT_OWNER),
        state=json.loads(data.get("state") or "{}"),
        version=int(data.get("version", 0)),
        active_ticket=data.get("active_ticket", ""),
        blocked=data.get("blocked") == "1",
        updated_at=float(data.get("updated_at", 0)),
        last_user_at=float(data.get("last_user_at", 0)),
    )
