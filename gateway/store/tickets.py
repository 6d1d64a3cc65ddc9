"""Tickets: readable ids, per-group queues ordered by priority then age, event logs."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

import redis.asyncio as aioredis

from gateway.models import TICKET_TIMES, Ticket, ticket_id_for
from gateway.store import keys, scripts
from gateway.store.batching import PassPipeline
from gateway.store.durability import DurableWrites, ScriptRun


@dataclass(frozen=True)
class ClaimResult:
    """Outcome of a take-over attempt: won, or who holds it / why not."""

    won: bool
    holder: str = ""
    reason: str = ""


@dataclass(frozen=True)
class TicketEvent:
    at: float
    actor: str
    action: str
    detail: str


# Ids are `HD-000123`; a ":" would reach into a ticket's sub-keys (`HD-000001:fields`).
TICKET_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
NUMBER_MARK_SECONDS = 600  # a drawn number is kept for a resend of its call (seconds after)


def is_ticket_id(value: str) -> bool:
    """Could name a ticket; `HD-000001:fields` and the like name none, whatever is stored."""
    return bool(TICKET_ID.fullmatch(value))


class TicketStore:
    """Reads tickets; every write goes through a Transaction or an atomic script."""

    def __init__(
        self,
        redis: aioredis.Redis,
        durable: DurableWrites | None = None,
        *,
        cluster: bool = False,
        pipeline: PassPipeline | None = None,
    ) -> None:
        self._redis = redis
        self._cluster = cluster
        self._durable = durable or DurableWrites(redis)
        # A single server's numbers are drawn in the round trip of the store's other calls
        # of the moment (other shards' turns reading and committing).
        self._pipeline = None if cluster else pipeline
        self._claim = redis.register_script(scripts.CLAIM_TICKET)
        self._search_page = redis.register_script(scripts.SEARCH_PAGE)
        self._next_number = redis.register_script(scripts.NEXT_TICKET_NUMBER)

    async def next_id(self) -> str:
        """A number never handed out before, even across a failover: it is used only once
        replicated (a number lost with a dead primary was never used, so none repeats).
        The call sent again after its answer was lost gets the number it drew: none is
        skipped."""
        mark = keys.once_mark(keys.TICKET_SEQ, f"number:{uuid.uuid4().hex}")
        call = ScriptRun(self._next_number, [keys.TICKET_SEQ, mark], [NUMBER_MARK_SECONDS])
        if self._pipeline is not None:
            drawn = await self._pipeline.run(call, durable=True)
        else:
            drawn = await self._durable.script(*call)
        return ticket_id_for(int(drawn))

    async def get(self, ticket_id: str) -> Ticket | None:
        found = await self.many([ticket_id])
        return found[0] if found else None

    async def many(self, ticket_ids: list[str]) -> list[Ticket]:
        """The tickets that exist among `ticket_ids`, in that order: one round trip."""
        return await read_tickets(self._redis, ticket_ids)

    async def with_user_names(self, ticket_ids: list[str]) -> list[tuple[Ticket, str]]:
        """The tickets that exist among `ticket_ids`, in that order, each with its
        conversation's user name (what the console's search matches): one script call, one
        reply (on a cluster the names are in other slots: two pipelined round trips)."""
        ids = [t for t in ticket_ids if is_ticket_id(t)]
        if not ids:
            return []
        if self._cluster:
            tickets = await self.many(ids)
            pipe = self._redis.pipeline(transaction=False)
            for ticket in tickets:
                pipe.hget(keys.conversation(ticket.conversation_key), "user_name")
            names = await pipe.execute() if tickets else []
            return [(t, (n or b"").decode()) for t, n in zip(tickets, names, strict=True)]
        around = [*keys.ticket_hashes_around_id(), *keys.conversation("\x00").split("\x00")]
        page = await self._search_page(args=[*around, *ids])
        out = []
        for found in page:
            ticket = ticket_from_hashes(*(_pairs(flat) for flat in found[:3])) if found else None
            if ticket is not None:
                out.append((ticket, found[3].decode()))
        return out

    async def queue(self, group: str, limit: int = 200) -> list[Ticket]:
        """Active tickets of a group: highest priority first, then oldest first; every one
        with `limit` 0."""
        ids = await self._redis.zrange(keys.group_queue(group), 0, limit - 1)
        return await self.many([i.decode() for i in ids])

    async def queue_length(self, group: str) -> int:
        """How many active tickets wait in a group's queue."""
        return int(await self._redis.zcard(keys.group_queue(group)))

    async def recent(self, limit: int = 500) -> list[Ticket]:
        ids = await self._redis.zrevrange(keys.TICKETS_ALL, 0, limit - 1)
        return await self.many([i.decode() for i in ids])

    async def older_ids(self, limit: int, after: str = "") -> tuple[list[str], bool] | None:
        """Up to `limit` ticket ids, newest first, from the one after `after` (from the
        newest with none), and whether older ones are left; None when `after` is no
        ticket. Tickets opened meanwhile do not shift a reader paging back this way."""
        start = 0
        if after:
            rank = await self._redis.zrevrank(keys.TICKETS_ALL, after)
            if rank is None:
                return None
            start = int(rank) + 1
        ids = await self._redis.zrevrange(keys.TICKETS_ALL, start, start + limit)
        return [i.decode() for i in ids[:limit]], len(ids) > limit

    async def for_conversation(
        self, conversation_key: str, active_only: bool = True
    ) -> list[Ticket]:
        ids = sorted(
            m.decode()
            for m in await self._redis.smembers(keys.conversation_tickets(conversation_key))
        )
        tickets = await self.many(ids)
        return [t for t in tickets if t.status.is_active] if active_only else tickets

    async def events(self, ticket_id: str) -> list[TicketEvent]:
        rows = await self._redis.xrange(keys.ticket_events(ticket_id))
        out = []
        for _, fields in rows:
            f = {k.decode(): v.decode() for k, v in fields.items()}
            out.append(TicketEvent(float(f["at"]), f["actor"], f["action"], f.get("detail", "")))
        return out

    async def notes(self, ticket_id: str) -> list[dict[str, Any]]:
        return [
            json.loads(n) for n in await self._redis.lrange(keys.ticket_notes(ticket_id), 0, -1)
        ]

    async def claim(self, ticket: Ticket, operator: str, now: float) -> ClaimResult:
        """Atomically make `operator` the assignee and owner of the conversation.

        On a cluster the ticket and the conversation are in different slots: the ticket
        is won first (one winner), then the conversation handed over; a crash between is
        mended by the operator's next claim (the holder's claim succeeds again)."""
        owner = f"operator:{operator}"
        conversation = keys.conversation(ticket.conversation_key)
        status, detail = await self._claim(
            keys=[keys.ticket(ticket.id)] + ([] if self._cluster else [conversation]),
            args=[operator, now, owner],
        )
        status, detail = status.decode(), detail.decode()
        if status == "ok":
            if self._cluster:
                pipe = self._redis.pipeline(transaction=True)
                pipe.hset(conversation, "owner", owner)
                pipe.hincrby(conversation, "version", 1)
                await pipe.execute()
            return ClaimResult(True, operator)
        if status == "taken":
            return ClaimResult(False, holder=detail, reason="taken")
        return ClaimResult(False, reason=status if status != "closed" else f"ticket is {detail}")

    async def revision(self, ticket_id: str) -> str:
        """The ticket's `updated_at` as stored: a change token for optimistic updates."""
        value = await self._redis.hget(keys.ticket(ticket_id), "updated_at")
        return value.decode() if value is not None else ""


async def read_tickets(redis: aioredis.Redis, ticket_ids: list[str]) -> list[Ticket]:
    """The tickets that exist among `ticket_ids`, in that order: one round trip."""
    ids = [t for t in ticket_ids if is_ticket_id(t)]
    if not ids:
        return []
    pipe = redis.pipeline(transaction=False)
    for ticket_id in ids:
        pipe.hgetall(keys.ticket(ticket_id))
        pipe.hgetall(keys.ticket_fields(ticket_id))
        pipe.hgetall(keys.ticket_sources(ticket_id))
    rows = await pipe.execute()
    out = []
    for i in range(0, len(rows), 3):
        ticket = ticket_from_hashes(*rows[i : i + 3])
        if ticket is not None:
            out.append(ticket)
    return out


def _pairs(flat: list[bytes]) -> dict[bytes, bytes]:
    """A hash as a script returns it (field, value, field, value, …) as a dict."""
    return dict(zip(flat[::2], flat[1::2], strict=True))


def ticket_from_hashes(
    raw: dict[bytes, bytes], raw_fields: dict[bytes, bytes], raw_sources: dict[bytes, bytes]
) -> Ticket | None:
    """A ticket from its three stored hashes; None when it is not stored."""
    if not raw:
        return None
    data: dict[str, Any] = {k.decode(): v.decode() for k, v in raw.items()}
    for name in TICKET_TIMES:
        data[name] = float(data.get(name) or 0)
    data["csat"] = int(data.get("csat") or 0)
    data["fields"] = {k.decode(): v.decode() for k, v in raw_fields.items()}
    data["sources"] = {k.decode(): v.decode() for k, v in raw_sources.items()}
    return Ticket.from_dict(data)
