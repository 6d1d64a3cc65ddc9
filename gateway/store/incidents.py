"""Mass incidents: the incident records, subscribers, children, timeline, and the
sliding windows of users' reports that detection counts."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio as aioredis

from gateway.models import SupportGroup
from gateway.store import keys, scripts
from gateway.store.durability import ScriptRun
from gateway.store.transaction import Transaction

WINDOW_READ = 5000  # reports read per detection: the newest, in a very busy window
REPORT_LOG_KEPT = 20000  # the log of reports counted, about (a worker further behind reads all)
LOG_START = "0-0"  # the place in an empty log
TIMELINE_SHOWN = 200


@dataclass
class Incident:
    """An outage declared (by detection or by an operator); its parent ticket has its id."""

    id: str
    title: str
    services: list[str] = field(default_factory=list)
    topic: str = ""
    status: str = "open"  # open | resolved
    messages: dict[str, str] = field(default_factory=dict)  # language -> public message
    samples: list[str] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)  # detection keys it holds
    anchor: str = ""  # the report detection formed it on (OutageReport JSON), if any
    titles: dict[str, str] = field(default_factory=dict)  # language -> title, when it has one
    updates: int = 0  # status updates broadcast so far
    declared_by: str = ""
    declared_at: float = 0.0
    resolved_at: float = 0.0

    def title_for(self, language: str) -> str:
        """The title users of `language` are shown: one for every language, or, for an
        outage named in the reporters' words, theirs in that language ("" if none wrote
        in it: the caller says it in its own words)."""
        return self.titles.get(language, "") if self.titles else self.title

    def to_hash(self) -> dict[str, str]:
        return {
            "title": self.title,
            "services": json.dumps(self.services),
            "topic": self.topic,
            "status": self.status,
            "messages": json.dumps(self.messages, ensure_ascii=False),
            "samples": json.dumps(self.samples, ensure_ascii=False),
            "signatures": json.dumps(self.signatures),
            "anchor": self.anchor,
            "titles": json.dumps(self.titles, ensure_ascii=False),
            "updates": str(self.updates),
            "declared_by": self.declared_by,
            "declared_at": repr(self.declared_at),
            "resolved_at": repr(self.resolved_at),
        }

    @classmethod
    def from_hash(cls, incident_id: str, raw: dict[str, str]) -> Incident:
        return cls(
            id=incident_id,
            title=raw.get("title", ""),
            services=json.loads(raw.get("services") or "[]"),
            topic=raw.get("topic", ""),
            status=raw.get("status", "open"),
            messages=json.loads(raw.get("messages") or "{}"),
            samples=json.loads(raw.get("samples") or "[]"),
            signatures=json.loads(raw.get("signatures") or "[]"),
            anchor=raw.get("anchor", ""),
            titles=json.loads(raw.get("titles") or "{}"),
            updates=int(raw.get("updates") or 0),
            declared_by=raw.get("declared_by", ""),
            declared_at=float(raw.get("declared_at") or 0),
            resolved_at=float(raw.get("resolved_at") or 0),
        )


class IncidentStore:
    """Reads of incidents; writes go through a Transaction (the helpers below)."""

    def __init__(self, redis: aioredis.Redis, *, cluster: bool = False) -> None:
        self._redis = redis
        self._cluster = cluster
        self._open = redis.register_script(scripts.OPEN_INCIDENTS)
        self._subscription = redis.register_script(scripts.INCIDENT_SUBSCRIPTION)
        self._last_open: tuple[list[Any], tuple[Incident, ...]] | None = None

    async def get(self, incident_id: str) -> Incident | None:
        return _incident(incident_id, await self._redis.hgetall(keys.incident(incident_id)))

    async def open(self) -> list[Incident]:
        """The open incidents, oldest first: one round trip however many there are (every
        turn reads them, and in an outage there are several); two on a cluster, where
        each incident has its own slot."""
        if not self._cluster:
            run = self.open_run()
            return self.opened(await self._open(keys=run.keys, args=run.args))
        return _opened_on_cluster(await self._read_on_cluster())

    async def open_for_turns(self) -> tuple[Incident, ...]:
        """`open` for the turns' reads on a cluster (a single server's turns read them in
        their own round trip: `opened_for_turns`), decoded once while unchanged."""
        if not self._cluster:
            run = self.open_run()
            return self.opened_for_turns(await self._open(keys=run.keys, args=run.args))
        return self._decoded_once(await self._read_on_cluster(), _opened_on_cluster)

    async def _read_on_cluster(self) -> list[tuple[str, dict[bytes, bytes]]]:
        """Each open incident's id and stored hash, in two round trips (each incident has
        its own slot)."""
        ids = await self.open_ids()
        if not ids:
            return []
        pipe = self._redis.pipeline(transaction=False)  # one key per slot on a cluster
        for incident_id in ids:
            pipe.hgetall(keys.incident(incident_id))
        return list(zip(ids, await pipe.execute(), strict=True))

    def open_run(self) -> ScriptRun:
        """The script call that reads the open incidents (on a single server), to go in
        one pipeline with other reads; `opened` makes its reply incidents."""
        return ScriptRun(self._open, [keys.INCIDENTS_OPEN], keys.incident_around_id())

    @staticmethod
    def opened(reply: list[Any]) -> list[Incident]:
        found = [_incident(i.decode(), scripts.hash_of(raw)) for i, raw in reply]
        return [incident for incident in found if incident and incident.status == "open"]

    def opened_for_turns(self, reply: list[Any]) -> tuple[Incident, ...]:
        """`opened` for the turns' reads."""
        return self._decoded_once(reply, self.opened)

    def _decoded_once(
        self, reply: list[Any], decode: Callable[[list[Any]], list[Incident]]
    ) -> tuple[Incident, ...]:
        """Every turn of an outage reads the same open incidents: while the reply is the
        one read before, the incidents decoded from it then (the same tuple, which turns
        only read)."""
        if self._last_open is None or self._last_open[0] != reply:
            self._last_open = (reply, tuple(decode(reply)))
        return self._last_open[1]

    async def open_ids(self) -> list[str]:
        return [i.decode() for i in await self._redis.zrange(keys.INCIDENTS_OPEN, 0, -1)]

    async def recent_ids(self, limit: int = 50) -> list[str]:
        return [i.decode() for i in await self._redis.zrevrange(keys.INCIDENTS_ALL, 0, limit - 1)]

    async def subscribers(self, incident_id: str) -> list[str]:
        members = await self._redis.smembers(keys.incident_subscribers(incident_id))
        return sorted(m.decode() for m in members)

    async def subscriber_count(self, incident_id: str) -> int:
        return int(await self._redis.scard(keys.incident_subscribers(incident_id)))

    async def is_subscribed(self, incident_id: str, conversation_key: str) -> bool:
        key = keys.incident_subscribers(incident_id)
        return bool(await self._redis.sismember(key, conversation_key))

    def subscription_run(self, incident_id: str, conversation_key: str) -> ScriptRun:
        """The incident and whether the conversation is subscribed to it, as a script call
        (on a single server) to go in one pipeline with other reads; `subscription` reads
        its reply."""
        where = [keys.incident(incident_id), keys.incident_subscribers(incident_id)]
        return ScriptRun(self._subscription, where, [conversation_key])

    @staticmethod
    def subscription(incident_id: str, reply: list[Any]) -> tuple[Incident | None, bool]:
        """The incident if it is open, and whether the conversation is subscribed."""
        raw, subscribed = reply
        incident = _incident(incident_id, scripts.hash_of(raw))
        return (incident if incident and incident.status == "open" else None), bool(subscribed)

    async def told(self, incident_id: str, round_: str) -> set[str]:
        members = await self._redis.smembers(keys.incident_told(incident_id, round_))
        return {m.decode() for m in members}

    @staticmethod
    def mark_told(tx: Transaction, incident_id: str, round_: str, conversations: list[str]) -> None:
        if conversations:
            tx.raw("SADD", keys.incident_told(incident_id, round_), *conversations)

    async def children(self, incident_id: str) -> list[str]:
        members = await self._redis.smembers(keys.incident_children(incident_id))
        return sorted(m.decode() for m in members)

    async def timeline(self, incident_id: str) -> list[dict[str, Any]]:
        rows = await self._redis.lrange(keys.incident_timeline(incident_id), 0, TIMELINE_SHOWN)
        return [json.loads(r) for r in rows]

    @staticmethod
    def add_report(
        tx: Transaction, conversation_key: str, report: str, at: float, ttl: int
    ) -> None:
        """Count a user's report (JSON) in the detection window, in the turn's commit."""
        tx.raw("SET", keys.incident_report(conversation_key), report, "EX", ttl)
        tx.raw("ZADD", keys.INCIDENT_REPORTS, at, conversation_key)
        tx.raw("XADD", keys.INCIDENT_REPORT_LOG, "MAXLEN", "~", REPORT_LOG_KEPT, "*",
               "c", conversation_key)  # fmt: skip

    async def window(
        self, since: float, limit: int = WINDOW_READ
    ) -> tuple[list[tuple[str, float]], str]:
        """Who reported a problem since `since` and when their latest report was counted,
        newest first; older entries leave the window. A (conversation, time) pair names one
        report for good: a later report of the conversation is counted at a later time.
        With it, the place in the log of reports (`reported_after`) it is complete up to."""
        # Not a transaction: the read is bounded by `since` itself, and a cluster runs a
        # transaction as a script, whose WITHSCORES reply redis-py cannot parse. The log's
        # place is read first, in the same slot: every report logged up to it has been
        # counted in the window by the time the window is read (one commit, one step).
        pipe = self._redis.pipeline(transaction=False)
        pipe.xrevrange(keys.INCIDENT_REPORT_LOG, count=1)
        pipe.zremrangebyscore(keys.INCIDENT_REPORTS, "-inf", f"({since}")
        pipe.zrevrangebyscore(
            keys.INCIDENT_REPORTS, "+inf", since, start=0, num=limit, withscores=True
        )
        last, _, members = await pipe.execute()
        place = last[0][0].decode() if last else LOG_START
        return [(member.decode(), float(at)) for member, at in members], place

    async def reported_after(self, place: str, since: float) -> tuple[list[str], str] | None:
        """The conversations whose reports were counted after `place` in the log, oldest
        first, and the new place; None when the log no longer reaches back to `place`
        (trimmed past it, or more were counted than one read takes): read the `window`."""
        pipe = self._redis.pipeline(transaction=False)
        pipe.zremrangebyscore(keys.INCIDENT_REPORTS, "-inf", f"({since}")
        pipe.xrange(keys.INCIDENT_REPORT_LOG, min="-", max="+", count=1)
        ms, seq = _log_id(place)
        pipe.xrange(keys.INCIDENT_REPORT_LOG, min=f"{ms}-{seq + 1}", max="+", count=WINDOW_READ)
        _, oldest, rows = await pipe.execute()
        if (oldest and _log_id(oldest[0][0]) > (ms, seq)) or len(rows) >= WINDOW_READ:
            return None
        after = [fields[b"c"].decode() for _, fields in rows]
        return after, rows[-1][0].decode() if rows else place

    async def reports(self, conversations: list[str]) -> list[str | None]:
        """The latest report (JSON) of each conversation, None where it has expired."""
        if not conversations:
            return []
        pipe = self._redis.pipeline(transaction=False)  # one key per slot on a cluster
        for conversation in conversations:
            pipe.get(keys.incident_report(conversation))
        return [r.decode() if r else None for r in await pipe.execute()]

    def propose(self, tx: Transaction, signature: str, proposal: dict[str, Any]) -> None:
        """Detection found enough reports, but declaring is left to an operator."""
        tx.raw("HSET", keys.INCIDENTS_PROPOSED, signature, json.dumps(proposal, ensure_ascii=False))
        tx.events.append({"type": "incident", "proposal": signature})

    async def proposals(self) -> dict[str, dict[str, Any]]:
        """Every stored proposal by signature (the service re-counts them)."""
        raw = await self._redis.hgetall(keys.INCIDENTS_PROPOSED)
        return {k.decode(): json.loads(v) for k, v in raw.items()}

    async def forget_proposals(self, signatures: list[str]) -> None:
        """Proposals whose reports have left the window."""
        if signatures:
            await self._redis.hdel(keys.INCIDENTS_PROPOSED, *signatures)

    @staticmethod
    def drop_proposals(tx: Transaction, signatures: list[str]) -> None:
        if signatures:
            tx.raw("HDEL", keys.INCIDENTS_PROPOSED, *signatures)
            tx.events.append({"type": "incident", "proposals": "dropped"})

    async def claim_signature(self, signature: str, incident_id: str) -> str:
        """Make `incident_id` the open incident of `signature`, unless one already is:
        returns the incident that holds it."""
        key = keys.incident_signature(signature)
        if await self._redis.set(key, incident_id, nx=True):
            return incident_id
        held = await self._redis.get(key)
        return held.decode() if held else incident_id

    async def signature_holder(self, signature: str) -> str:
        held = await self._redis.get(keys.incident_signature(signature))
        return held.decode() if held else ""

    async def conversations(self, conversation_keys: list[str]) -> list[tuple[str, str, bool]]:
        """(key, language, blocked) of each stored conversation, for a broadcast."""
        pipe = self._redis.pipeline(transaction=False)
        for key in conversation_keys:
            pipe.hmget(keys.conversation(key), ["language", "blocked"])
        rows = await pipe.execute()
        return [
            (key, (lang or b"").decode(), blocked == b"1")
            for key, (lang, blocked) in zip(conversation_keys, rows, strict=True)
        ]

    @staticmethod
    def release_signatures(tx: Transaction, signatures: list[str]) -> None:
        for signature in signatures:
            tx.raw("DEL", keys.incident_signature(signature))

    @staticmethod
    def save(tx: Transaction, incident: Incident) -> None:
        tx.hset(keys.incident(incident.id), incident.to_hash())
        tx.raw("ZADD", keys.INCIDENTS_ALL, incident.declared_at, incident.id)
        if incident.status == "open":
            tx.raw("ZADD", keys.INCIDENTS_OPEN, incident.declared_at, incident.id)
        else:
            tx.raw("ZREM", keys.INCIDENTS_OPEN, incident.id)
        tx.events.append({"type": "incident", "incident": incident.id, "status": incident.status})

    @staticmethod
    def expect_status(tx: Transaction, incident_id: str, status: str) -> None:
        tx.expect(keys.incident(incident_id), "status", status)

    @staticmethod
    def subscribe(tx: Transaction, incident_id: str, conversation_key: str) -> None:
        tx.raw("SADD", keys.incident_subscribers(incident_id), conversation_key)
        tx.events.append({"type": "incident", "incident": incident_id})  # affected count

    @staticmethod
    def unsubscribe(tx: Transaction, incident_id: str, conversation_key: str) -> None:
        tx.raw("SREM", keys.incident_subscribers(incident_id), conversation_key)

    @staticmethod
    def link_child(tx: Transaction, incident_id: str, ticket_id: str) -> None:
        tx.raw("SADD", keys.incident_children(incident_id), ticket_id)

    @staticmethod
    def adopt_alert(
        tx: Transaction, incident_id: str, ticket_id: str, parent_was: str | None = None
    ) -> None:
        """An alert ticket becomes a child of the incident, out of its group's queue (the
        incident stands for it there). With `parent_was` (its parent as read) the commit
        conflicts if another gateway linked it meanwhile: linked, and logged, once."""
        if parent_was is not None:
            tx.expect(keys.ticket(ticket_id), "parent", parent_was)
        tx.raw("SADD", keys.incident_children(incident_id), ticket_id)
        tx.hset(keys.ticket(ticket_id), {"parent": incident_id})
        for group in SupportGroup:
            tx.raw("ZREM", keys.group_queue(group), ticket_id)

    @staticmethod
    def log(tx: Transaction, incident_id: str, entry: dict[str, Any]) -> None:
        tx.raw("RPUSH", keys.incident_timeline(incident_id), json.dumps(entry, ensure_ascii=False))
        tx.events.append({"type": "incident", "incident": incident_id, "action": entry["kind"]})


def _opened_on_cluster(reply: list[tuple[str, dict[bytes, bytes]]]) -> list[Incident]:
    found = [_incident(incident_id, raw) for incident_id, raw in reply]
    return [incident for incident in found if incident and incident.status == "open"]


def _incident(incident_id: str, raw: dict[bytes, bytes]) -> Incident | None:
    if not raw:
        return None
    return Incident.from_hash(incident_id, {k.decode(): v.decode() for k, v in raw.items()})


def _log_id(entry_id: bytes | str) -> tuple[int, int]:
    """A stream entry id as a comparable pair (milliseconds, sequence)."""
    text = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    ms, _, seq = text.partition("-")
    return int(ms), int(seq or 0)
