"""The one module that talks to Redis. Everything else uses `Store`."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Sequence
from typing import Any, TypeVar

import redis.asyncio as aioredis
from redis.asyncio.sentinel import Sentinel
from redis.exceptions import (
    ClusterDownError,
    ClusterError,
    MasterDownError,
    ReadOnlyError,
    SlotNotCoveredError,
    TryAgainError,
)
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from gateway.models import Ticket
from gateway.store import keys, migration, scripts
from gateway.store.alerts import AlertDetails, AlertStore
from gateway.store.batching import PassPipeline
from gateway.store.channel_states import ChannelDown, ChannelStates
from gateway.store.conversations import Conversation, ConversationAddress, ConversationStore
from gateway.store.durability import DurableWrites, NotReplicated, ScriptRun
from gateway.store.files import FileStore, StoredFile
from gateway.store.inbound import InboundEntry, InboundQueue, ShardLeases
from gateway.store.incidents import Incident, IncidentStore
from gateway.store.mail import MailStore
from gateway.store.operators import OperatorStore
from gateway.store.outbound import OutboundEntry, Outbox
from gateway.store.reports import ReportStore
from gateway.store.self_service import SelfServiceStore
from gateway.store.sla_timers import SlaTimerQueue
from gateway.store.slot_steps import (
    STALE_AFTER_SECONDS,
    OnceMark,
    SlotSteps,
    commit_home,
    inbound_entry,
)
from gateway.store.tickets import ClaimResult, TicketEvent, TicketStore
from gateway.store.topology import RedisTarget, TopologyView, connect, describe
from gateway.store.transaction import (
    NO_FENCE,
    ONCE_MARK_SECONDS,
    CommitConflict,
    Fence,
    LeaseLost,
    Transaction,
    writes_json,
)

log = logging.getLogger(__name__)

# What a call into the store raises while Redis is unreachable (down, restarting, loading,
# failing over: no primary yet, a demoted one still answering, uncovered cluster slots) or
# while a write could not be confirmed durable: callers answer "try again later" (503, a
# socket close) instead of failing, and acknowledge nothing.
STORE_UNAVAILABLE: tuple[type[Exception], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    ReadOnlyError,
    ClusterDownError,
    ClusterError,  # redis-py's cluster client gave up retrying (a failover under way)
    SlotNotCoveredError,
    TryAgainError,
    MasterDownError,
    NotReplicated,
)

# The Redis connections of a process that takes no turns (`serve` beside its worker
# processes): the hub's subscription and one blocking delivery read per channel hold
# theirs (nine at most), and the calls of the moment share the rest (a loop pass's script
# calls share one round trip). Under a burst (a thousand widgets opening at once) callers
# wait for a connection instead of opening more: the server runs them one at a time
# anyway, and each idle connection is memory on both sides (~27 KB here, ~18 KB in
# redis-server). A process that takes turns keeps the larger pool (`Store.connect`).
CONNECTIONS_WITHOUT_TURNS = 24


_T = TypeVar("_T")


async def answered_within(seconds: float, call: Awaitable[_T]) -> _T:
    """`call`'s result, or "store unavailable" (one of STORE_UNAVAILABLE) once the store
    has not answered in `seconds`. What Redis runs later all the same is applied once:
    every write here is recognised when it is sent again."""
    try:
        async with asyncio.timeout(seconds):
            return await call
    except TimeoutError:
        raise RedisTimeoutError(f"the store did not answer within {seconds:g} s") from None


__all__ = [
    "CONNECTIONS_WITHOUT_TURNS",
    "NO_FENCE",
    "STORE_UNAVAILABLE",
    "AlertDetails",
    "ChannelDown",
    "ChannelStates",
    "ClaimResult",
    "CommitConflict",
    "Conversation",
    "ConversationAddress",
    "Fence",
    "InboundEntry",
    "Incident",
    "LeaseLost",
    "NotReplicated",
    "OutboundEntry",
    "RedisTarget",
    "Store",
    "StoredFile",
    "TicketEvent",
    "TopologyView",
    "Transaction",
    "answered_within",
]


class Store:
    """Facade over the Redis-backed parts: intake, outbox, conversations, tickets."""

    def __init__(
        self,
        redis: aioredis.Redis,
        shards: int = 16,
        target: RedisTarget | None = None,
        sentinel: Sentinel | None = None,
    ) -> None:
        self.redis = redis
        self.target = target or RedisTarget()
        self._sentinel = sentinel
        self.cluster = self.target.kind == "cluster"
        durable = DurableWrites(redis, self.target.wait_replicas, self.target.wait_timeout_ms)
        self._durable = durable
        # A single server's script calls of one loop pass (accepts, catch-ups, turn reads
        # and commits) share one round trip (store/batching.py).
        self._pipeline = PassPipeline(redis, durable)
        self.inbound = InboundQueue(
            redis, shards, durable, cluster=self.cluster, pipeline=self._pipeline
        )
        self.leases = ShardLeases(redis)
        self.outbox = Outbox(redis, durable)
        self.conversations = ConversationStore(redis, cluster=self.cluster, pipeline=self._pipeline)
        self.tickets = TicketStore(redis, durable, cluster=self.cluster, pipeline=self._pipeline)
        self.operators = OperatorStore(redis)
        self.files = FileStore(redis)
        self.mail = MailStore(redis)
        self.sla_timers = SlaTimerQueue(redis)
        self.reports = ReportStore(redis)
        self.alerts = AlertStore(redis)
        self.incidents = IncidentStore(redis, cluster=self.cluster)
        self.self_service = SelfServiceStore(redis)
        self.channel_states = ChannelStates(redis)
        self._commit = redis.register_script(scripts.COMMIT)
        self._live_news = ScriptRun(
            redis.register_script(scripts.LIVE_NEWS), [keys.LIVE_NEWS], [keys.EVENTS_CHANNEL]
        )
        self._slot_steps = SlotSteps(redis, durable)

    @classmethod
    def from_url(cls, url: str, shards: int = 16) -> Store:
        """A single Redis server at `url`."""
        return cls.connect(RedisTarget(url=url), shards)

    @classmethod
    def connect(cls, target: RedisTarget, shards: int = 16, *, takes_turns: bool = True) -> Store:
        """The store on the topology `target` names (single, Sentinel, Cluster).

        A worker keeps one connection in a blocking read for its shards (on a cluster, one
        per held shard). A process that takes no turns (`serve` beside its worker
        processes) gets a smaller pool (`CONNECTIONS_WITHOUT_TURNS`)."""
        most = max(64, shards * 2 + 32) if takes_turns else CONNECTIONS_WITHOUT_TURNS
        client, sentinel = connect(target, max_connections=most)
        return cls(client, shards, target, sentinel)

    async def topology(self) -> TopologyView:
        """The primary (or primaries), replicas and slot coverage found now."""
        return await describe(self.redis, self._sentinel, self.target)

    async def close(self) -> None:
        await self.redis.aclose()
        for sentinel in self._sentinel.sentinels if self._sentinel is not None else []:
            await sentinel.aclose()

    async def ping(self) -> bool:
        return bool(await self.redis.ping())

    async def prepare(self) -> None:
        """Rename a store written before hash tags, create consumer groups; safe to call
        from every process at start."""
        if self.cluster:
            await migration.mark_tagged(self.redis)
        else:
            await migration.tag_keys(self.redis)
        await self.mail.index_threads()
        await self.inbound.ensure_groups()

    async def turn_reads(
        self, addresses: list[ConversationAddress], *, incidents: bool
    ) -> tuple[list[tuple[Conversation, list[Ticket]]], Sequence[Incident]]:
        """What turns read before they step, in one round trip on a single server (shared
        with the other calls of the moment, e.g. other shards' turns): each conversation
        with its open tickets (`conversations.load_many`) and, if asked, the open
        incidents (`incidents.open`). On a cluster: the same reads, at once."""
        if self.cluster:
            if not incidents:
                return await self.conversations.load_many(addresses), []
            loaded, found = await asyncio.gather(
                self.conversations.load_many(addresses), self.incidents.open_for_turns()
            )
            return loaded, found
        runs = self.conversations.load_runs(addresses)
        if not incidents:
            return self.conversations.loaded(addresses, await self._pipeline.run_all(runs)), []
        *replies, opened = await self._pipeline.run_all([*runs, self.incidents.open_run()])
        if isinstance(opened, Exception):
            raise opened
        loaded = self.conversations.loaded(addresses, replies)
        return loaded, self.incidents.opened_for_turns(opened)

    async def subscriber_reads(
        self, incident_id: str, conversation_key: str
    ) -> tuple[Incident | None, Conversation | None, list[Ticket], bool]:
        """What bringing a user into an incident reads: the incident if it is open, the
        conversation (None if none is stored) with its open tickets, and whether the user
        is subscribed already. One round trip on a single server, shared with the other
        calls of the moment (it was up to five: the incident, the conversation, the
        subscription, the ticket ids, the tickets); on a cluster the same reads, at once."""
        if self.cluster:
            incident, conv, tickets, subscribed = await asyncio.gather(
                self.incidents.get(incident_id),
                self.conversations.get(conversation_key),
                self.tickets.for_conversation(conversation_key),
                self.incidents.is_subscribed(incident_id, conversation_key),
            )
            open_ = incident if incident is not None and incident.status == "open" else None
            return open_, conv, tickets, subscribed
        address = ConversationAddress(conversation_key, "", "")
        [load] = self.conversations.load_runs([address])
        subscription = self.incidents.subscription_run(incident_id, conversation_key)
        loaded, found = await self._pipeline.run_all([load, subscription])
        for reply in (loaded, found):
            if isinstance(reply, Exception):
                raise reply
        [(conv, tickets)] = self.conversations.loaded([address], [loaded])
        incident, subscribed = self.incidents.subscription(incident_id, found)
        stored = conv if loaded[0] else None  # the hash read, empty when none is stored
        return incident, stored, tickets, subscribed

    async def commit(self, tx: Transaction, fence: Fence = NO_FENCE) -> None:
        """Apply the transaction atomically, or raise CommitConflict / LeaseLost.

        On a single server it shares its round trip with the other calls of the moment
        (other shards' turns). On a cluster: as single-slot steps that are applied exactly
        once, even across a crash (store/slot_steps.py)."""
        if self.cluster:
            home = commit_home(tx.checks, tx.ops, tx.home)
            mark = _once_mark(tx, home)
            status = await self._slot_steps.commit(
                tx.checks, tx.ops, tx.publish_ops(), fence, home, mark
            )
            failure = _commit_failure(status)
        else:
            call = ScriptRun(self._commit, *_commit_call(tx, fence))
            then = self._live_news if tx.events else None
            failure = _commit_failure(await self._pipeline.run(call, durable=True, then=then))
        if failure is not None:
            raise failure

    async def commit_many(
        self, txs: list[Transaction], fence: Fence = NO_FENCE
    ) -> list[CommitConflict | LeaseLost | None]:
        """Apply each transaction atomically on its own, all in one round trip: for each,
        None when it applied, else why not. They must not depend on each other (a
        shard's turns of different conversations): each is checked and fenced alone.
        (On a cluster each is its own spanning commit, all at once.)"""
        if self.cluster:
            return list(await asyncio.gather(*(self._commit_one(tx, fence) for tx in txs)))
        calls = [ScriptRun(self._commit, *_commit_call(tx, fence)) for tx in txs]
        then = self._live_news if any(tx.events for tx in txs) else None
        results = await self._pipeline.run_all(calls, durable=True, then=then)
        for result in results:
            if isinstance(result, Exception):
                raise result
        return [_commit_failure(result) for result in results]

    async def _commit_one(self, tx: Transaction, fence: Fence) -> CommitConflict | LeaseLost | None:
        try:
            await self.commit(tx, fence)
        except (CommitConflict, LeaseLost) as failure:
            return failure
        return None

    async def applied_outcome(self, conversation_key: str, action_id: str) -> str | None:
        """What an action committed with `Transaction.apply_once(action_id,
        conversation_key, outcome)` kept as its outcome; None if it is not applied."""
        home = keys.conversation(conversation_key)
        value = await self.redis.get(keys.once_mark(home, action_id))
        return value.decode() if value is not None else None

    async def keep_commits_whole(self, stopping: asyncio.Event) -> None:
        """On a cluster: finish, every few seconds, the commits a dead process left
        between their steps (each step is applied once)."""
        while self.cluster and not stopping.is_set():
            try:
                await self._slot_steps.finish_stale()
            except STORE_UNAVAILABLE:
                log.info("store unavailable; unfinished commits wait for the next round")
            except Exception:
                log.exception("finishing commits left between steps failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), STALE_AFTER_SECONDS / 3)

    # Small per-channel records: polling cursors, blocked users, web-chat sessions.

    async def get_cursor(self, channel: str, name: str) -> str | None:
        value = await self.redis.get(keys.channel_cursor(channel, name))
        return value.decode() if value is not None else None

    async def set_cursor(self, channel: str, name: str, value: str) -> None:
        await self.redis.set(keys.channel_cursor(channel, name), value)

    async def channel_get(self, channel: str, name: str) -> dict[str, Any] | None:
        value = await self.redis.get(keys.channel_state(channel, name))
        return json.loads(value) if value is not None else None

    async def channel_put(
        self, channel: str, name: str, data: dict[str, Any], ttl: int | None = None
    ) -> None:
        await self.redis.set(
            keys.channel_state(channel, name), json.dumps(data, ensure_ascii=False), ex=ttl
        )

    async def announce(self, event: dict[str, Any]) -> None:
        """A passing live event (someone is typing): published, never stored."""
        await self.redis.publish(keys.EVENTS_CHANNEL, json.dumps(event, ensure_ascii=False))

    async def channel_record(self, channel: str, name: str) -> dict[str, str]:
        raw = await self.redis.hgetall(keys.channel_record(channel, name))
        return {k.decode(): v.decode() for k, v in raw.items()}

    async def update_channel_record(
        self, channel: str, name: str, fields: dict[str, str], ttl: int
    ) -> None:
        """Set some fields of a record (others stay), and keep it for `ttl` seconds."""
        key = keys.channel_record(channel, name)
        pipe = self.redis.pipeline(transaction=True)
        pipe.hset(key, mapping=fields)
        pipe.expire(key, ttl)
        await pipe.execute()

    async def live_events(
        self, subscribed: asyncio.Event | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        """Changes as they are committed (tickets, transcripts), for live consoles.
        `subscribed` is set once Redis confirms the subscription: nothing published from
        then on is missed."""
        pubsub = self.redis.pubsub()
        await pubsub.subscribe(keys.EVENTS_CHANNEL)
        try:
            async for message in pubsub.listen():
                if message.get("type") == "subscribe" and subscribed is not None:
                    subscribed.set()
                elif message.get("type") == "message":
                    news = json.loads(message["data"])  # a commit's list, or one announcement
                    for event in news if isinstance(news, list) else [news]:
                        yield event
        finally:
            await pubsub.unsubscribe(keys.EVENTS_CHANNEL)
            await pubsub.aclose()


def _commit_call(tx: Transaction, fence: Fence) -> tuple[list[str], list[str | bytes]]:
    """The COMMIT script's keys and arguments for one transaction (one turn: one
    conversation, one shard). `commit_many` pipelines such calls and never joins two in
    one script, so whatever keeps one commit in one Cluster slot keeps all of them so."""
    ops = tx.ops
    entry = inbound_entry(ops)
    # Where a cluster keeps the commit's marks (the conversation's slot, for a turn): the
    # same names here.
    home = commit_home(tx.checks, tx.ops, tx.home)
    applied = keys.applied_entry(home) if entry and home else ""
    mark = _once_mark(tx, home) or OnceMark("", "", 0)
    news = tx.live_news()
    return [], [
        fence.lease_key, fence.token, json.dumps(tx.checks), writes_json(ops),
        applied, *(entry if applied else ("", "")), *mark,
        keys.LIVE_NEWS if news else "", *news,
    ]  # fmt: skip


def _once_mark(tx: Transaction, home: str) -> OnceMark | None:
    """The commit's once-mark; none for a turn (the inbound entry it acknowledges is kept
    instead, one key per conversation) or a commit that writes nothing."""
    if not home or inbound_entry(tx.ops):
        return None
    return OnceMark(keys.once_mark(home, tx.once_id()), tx.action_outcome, ONCE_MARK_SECONDS)


def _commit_failure(result: Any) -> CommitConflict | LeaseLost | None:
    status = result.decode() if isinstance(result, bytes) else result
    if status == "conflict":
        return CommitConflict()
    if status == "lease_lost":
        return LeaseLost()
    return None  # 'ok', or 'applied': the same commit was applied before
