"""A batch of writes applied atomically, optionally fenced by a shard lease.

Callers describe what should change (save a conversation, queue a reply, open a ticket,
acknowledge the inbound entry); `Store.commit` applies all of it in one server-side
script, so a worker killed half-way leaves either nothing or everything.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from gateway.models import Delivery, OutboundMessage, SupportGroup, Ticket
from gateway.store import keys


@dataclass(frozen=True)
class Fence:
    """The lease a worker must still hold for its commit to apply."""

    lease_key: str = ""
    token: str = ""


NO_FENCE = Fence()


WARNED = frozenset({"first_response_warning", "resolution_warning"})

# How long a commit's once-mark is kept: a client resends within seconds, a console
# retries an operator's action within minutes; a day is ample.
ONCE_MARK_SECONDS = 24 * 3600


class CommitConflict(Exception):
    """The conversation changed since it was read (e.g. an operator took it over)."""


class LeaseLost(Exception):
    """Another worker owns the shard now; this worker's results are discarded."""


def writes_json(ops: Any) -> str | bytes:
    """A commit's list of writes for its script (COMMIT; a cluster's steps and the intent
    that lists them), its texts in UTF-8: a Cyrillic letter is 2 bytes, where a \\u
    escape was 6 (a ru/uk turn's commit is ~27 % smaller). Text UTF-8 cannot carry (a lone
    surrogate; input with one is refused at the door) is escaped as before: the script then
    fails this commit alone, where unencodable text would fail the round trip it shares
    with other commits."""
    text = json.dumps(ops, ensure_ascii=False)
    try:
        return text.encode()
    except UnicodeEncodeError:
        return json.dumps(ops)


def _s(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)
    return str(value)


@dataclass
class Transaction:
    """Writes to apply together, and the versions they depend on."""

    ops: list[list[str]] = field(default_factory=list)
    checks: list[list[str]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    # The commit's id, marked applied in the same script: the same commit sent again
    # (redis-py resends a command after a connection error, also one the server had
    # applied) is told 'applied' and changes nothing. A turn's commit is known by the
    # inbound entry it acknowledges instead. An operator's action names its own
    # (`apply_once`), so a repeat of the action computed afresh is not applied either.
    # Made when first asked (`once_id`): a turn's commit never asks (a uuid4 a turn).
    commit_id: str = ""
    home: str = ""  # the key in whose slot the mark is kept ('' for the commit's home)
    action_outcome: str = ""  # kept in the mark: what a repeat of the action is answered

    def once_id(self) -> str:
        """The commit's id: made on first use, the same however often the commit is sent."""
        if not self.commit_id:
            self.commit_id = uuid.uuid4().hex
        return self.commit_id

    def apply_once(self, action_id: str, conversation_key: str, outcome: str = "") -> None:
        """Apply this commit at most once for `action_id`, however often it is computed
        and sent; the mark is kept beside the conversation, with `outcome`
        (`Store.applied_outcome` reads it)."""
        self.commit_id = action_id
        self.home = keys.conversation(conversation_key)
        self.action_outcome = outcome

    def expect(self, hash_key: str, field_name: str, value: str) -> None:
        self.checks.append([hash_key, field_name, value])

    def hset(self, key: str, mapping: dict[str, Any]) -> None:
        if mapping:
            op = ["HSET", key]
            for k, v in mapping.items():
                op += [k, _s(v)]
            self.ops.append(op)

    def raw(self, *op: Any) -> None:
        self.ops.append([_s(part) for part in op])

    def transcript(self, conversation_key: str, entry: dict[str, Any]) -> None:
        entry = {"at": time.time(), **entry}
        self.raw("RPUSH", keys.transcript(conversation_key), json.dumps(entry, ensure_ascii=False))
        self.events.append({"type": "transcript", "conversation": conversation_key})

    def deliver(self, channel: str, chat_id: str, message: OutboundMessage) -> Delivery:
        delivery = Delivery(uuid.uuid4().hex, channel, chat_id, message)
        self.raw(
            "XADD", keys.outbound_stream(channel), "*", "d",
            json.dumps(delivery.to_dict(), ensure_ascii=False),
        )  # fmt: skip
        return delivery

    def save_ticket(self, ticket: Ticket) -> None:
        data = ticket.to_dict()
        fields_, sources = data.pop("fields"), data.pop("sources")
        self.hset(keys.ticket(ticket.id), {k: v for k, v in data.items()})
        if fields_:
            self.hset(keys.ticket_fields(ticket.id), fields_)
        if sources:
            self.hset(keys.ticket_sources(ticket.id), sources)
        queue = keys.group_queue(ticket.group)
        for group in SupportGroup:
            if keys.group_queue(group) != queue:
                self.raw("ZREM", keys.group_queue(group), ticket.id)
        if ticket.status.is_active and not ticket.parent:
            # Priority first, then age: P1 tickets sort before any P2 ticket. A child of
            # an incident (`parent`) waits behind its incident, not in the queue.
            self.raw("ZADD", queue, ticket.priority.rank * 10**10 + ticket.created_at, ticket.id)
        else:
            self.raw("ZREM", queue, ticket.id)
        self.raw("ZADD", keys.TICKETS_ALL, ticket.created_at, ticket.id)
        # Live SLA state for reports: breached / near-breach among active tickets.
        breached = ticket.status.is_active and ticket.breached
        warned = ticket.status.is_active and not breached and bool(ticket.fired & WARNED)
        self.raw("SADD" if breached else "SREM", keys.SLA_BREACHED_ACTIVE, ticket.id)
        self.raw("SADD" if warned else "SREM", keys.SLA_WARNED_ACTIVE, ticket.id)
        # One durable timer per ticket, at its next SLA moment (claimed by sla_timers).
        next_at = ticket.next_timer_at()
        if next_at is None:
            self.raw("ZREM", keys.SLA_TIMERS, ticket.id)
        else:
            self.raw("ZADD", keys.SLA_TIMERS, next_at, ticket.id)
        self.raw("SADD", keys.conversation_tickets(ticket.conversation_key), ticket.id)
        self.events.append({"type": "ticket", "ticket": ticket.id, "status": ticket.status})

    def update_ticket(self, ticket_id: str, changes: dict[str, Any]) -> None:
        """Change some fields of a stored ticket (its queue position is unaffected)."""
        self.hset(keys.ticket(ticket_id), changes)

    def expect_ticket_revision(self, ticket_id: str, revision: str) -> None:
        """Apply only if nobody changed the ticket since `revision` was read."""
        self.expect(keys.ticket(ticket_id), "updated_at", revision)

    def ticket_note(self, ticket_id: str, note: dict[str, Any]) -> None:
        self.raw("RPUSH", keys.ticket_notes(ticket_id), json.dumps(note, ensure_ascii=False))

    def outcome(self, conversation_key: str, outcome: str, **fields: Any) -> None:
        """Record how a conversation ended (resolved at first line, a rating) for reports."""
        op: list[Any] = ["XADD", keys.OUTCOMES, "*", "conversation", conversation_key]
        op += ["outcome", outcome, "at", time.time()]
        for name, value in fields.items():
            op += [name, value]
        self.raw(*op)

    def count(self, day: str, field_name: str, amount: int = 1) -> None:
        """Add to one report counter of `day`."""
        self.raw("HINCRBY", keys.report_day(day), field_name, amount)

    def reports_amended(self) -> None:
        """Say that counters of a day already over were changed (a resolution taken back),
        so that a report service reads its kept closed days again."""
        self.raw("INCR", keys.REPORTS_AMENDED)

    def report_note(self, day: str, kind: str, entry: dict[str, Any], keep: int) -> None:
        """Keep a report entry (a CSAT comment, an unmatched question); the newest `keep`."""
        key = keys.report_notes(day, kind)
        self.raw("LPUSH", key, json.dumps(entry, ensure_ascii=False))
        self.raw("LTRIM", key, 0, keep - 1)

    def ticket_event(self, ticket_id: str, actor: str, action: str, detail: str = "") -> None:
        self.raw(
            "XADD",
            keys.ticket_events(ticket_id),
            "*",
            "at",
            time.time(),
            "actor",
            actor,
            "action",
            action,
            "detail",
            detail,
        )
        self.events.append({"type": "ticket", "ticket": ticket_id, "action": action})

    def publish_ops(self) -> list[list[str]]:
        """One message for the whole commit, each change named once: live readers only
        learn *what* changed (they read the store for the rest)."""
        if not self.events:
            return []
        news = list({_news_key(e): _news(e) for e in self.events}.values())
        return [["PUBLISH", keys.EVENTS_CHANNEL, json.dumps(news, ensure_ascii=False, default=str)]]

    def live_news(self) -> list[str]:
        """The commit's live news as the single-server COMMIT script completes it: the
        changes as in `publish_ops`, and a transcript's news with the entries written (so
        a live reader need not read back what was just written), where the transcript
        ends after them and the conversation's language, which the script puts in: the
        list is JSON text, then for each transcript its key, its conversation's key and
        the text that follows. Comma-separated JSON objects; [] when there is no news."""
        if not self.events:
            return []
        parts, text = [], ""
        for news in {_news_key(e): _news(e) for e in self.events}.values():
            text += "," if text or parts else ""
            if news.get("type") != "transcript":
                text += json.dumps(news, ensure_ascii=False, default=str)
                continue
            conversation = str(news.get("conversation"))
            parts += [text + json.dumps(news, ensure_ascii=False)[:-1] + ", "]
            parts += [keys.transcript(conversation), keys.conversation(conversation)]
            text = "}"
        return [*parts, text]


def _news_key(event: dict[str, Any]) -> str:
    """Events about the same transcript or ticket collapse into one."""
    kind = event.get("type")
    if kind == "transcript":
        return f"transcript:{event.get('conversation')}"
    if kind == "ticket":
        return f"ticket:{event.get('ticket')}"
    if kind == "incident":
        return "incidents"
    return json.dumps(event, sort_keys=True, default=str)


def _news(event: dict[str, Any]) -> dict[str, Any]:
    if event.get("type") == "transcript":  # the entry itself is read from the transcript
        return {"type": "transcript", "conversation": event.get("conversation")}
    if event.get("type") == "incident":  # incidents or proposals changed: consoles reload
        return {"type": "incidents"}
    return event
