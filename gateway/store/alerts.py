"""Alert tickets: the index from an alert's dedupe key to its ticket, and its details."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio as aioredis

from gateway.store import keys, scripts
from gateway.store.transaction import Transaction

# An alert is matched to its ticket this long after its last notification.
ALERT_INDEX_TTL_SECONDS = 30 * 86400
# An alert's run at intake is kept as long (longer than the inbound dedupe's 7 days).
ALERT_RUN_TTL_SECONDS = ALERT_INDEX_TTL_SECONDS
STALE = "stale"


@dataclass
class AlertDetails:
    """What the console shows of an alert ticket, and what flapping is counted on."""

    source: str
    key: str
    series: str = ""  # what later alerts of the same check share (a Zabbix trigger id)
    title: str = ""
    state: str = "firing"  # firing | resolved
    service: str = ""
    severity: str = ""
    link: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    fires: int = 0  # times it fired (first firing included)
    resolves: int = 0
    first_at: float = 0.0
    last_at: float = 0.0
    resolved_at: float = 0.0
    flapping: bool = False

    def to_hash(self) -> dict[str, str]:
        data: dict[str, Any] = dict(self.__dict__)
        data["labels"] = json.dumps(self.labels, ensure_ascii=False, sort_keys=True)
        data["flapping"] = "1" if self.flapping else "0"
        return {k: str(v) if not isinstance(v, float) else repr(v) for k, v in data.items()}

    @classmethod
    def from_hash(cls, raw: dict[str, str]) -> AlertDetails:
        return cls(
            source=raw.get("source", ""),
            key=raw.get("key", ""),
            series=raw.get("series", ""),
            title=raw.get("title", ""),
            state=raw.get("state", "firing"),
            service=raw.get("service", ""),
            severity=raw.get("severity", ""),
            link=raw.get("link", ""),
            labels=json.loads(raw.get("labels") or "{}"),
            fires=int(raw.get("fires") or 0),
            resolves=int(raw.get("resolves") or 0),
            first_at=float(raw.get("first_at") or 0),
            last_at=float(raw.get("last_at") or 0),
            resolved_at=float(raw.get("resolved_at") or 0),
            flapping=raw.get("flapping") == "1",
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class AlertStore:
    """Reads of alert tickets; writes go through a Transaction (`record`)."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis
        self._run_of = redis.register_script(scripts.ALERT_RUN)

    async def run_of(
        self,
        source: str,
        key: str,
        status: str,
        now: float,
        signed_at: int | None = None,
        *,
        final: bool = False,
    ) -> str:
        """Which run of the alert a notification arriving now belongs to: the same status
        as the one before is the same run (a retried delivery, a repeat, an update);
        another status begins a new one (a recovery; firing after it: a new outage, even
        sent word for word as the last). STALE: another status signed (`signed_at`, Unix
        seconds) before the notification that began the current run, or any other status
        after a `final` one (a Zabbix recovery: its event id never fires again). Late
        retries and replays, not news."""
        run = await self._run_of(
            keys=[keys.alert_run(source, key)],
            args=[status, int(now * 1000), "" if signed_at is None else signed_at,
                  ALERT_RUN_TTL_SECONDS, "1" if final else ""],
        )  # fmt: skip
        return run.decode() if isinstance(run, bytes) else str(run)

    async def ticket_for(self, source: str, key: str) -> str:
        value = await self._redis.get(keys.alert_ticket(source, key))
        return value.decode() if value is not None else ""

    async def details(self, ticket_id: str) -> AlertDetails | None:
        raw = await self._redis.hgetall(keys.alert_details(ticket_id))
        if not raw:
            return None
        return AlertDetails.from_hash({k.decode(): v.decode() for k, v in raw.items()})

    async def firing_services(self) -> dict[str, str]:
        """ticket id -> service, of alerts firing now."""
        raw = await self._redis.hgetall(keys.ALERTS_FIRING)
        return {k.decode(): v.decode() for k, v in raw.items()}

    @staticmethod
    def record(tx: Transaction, ticket_id: str, details: AlertDetails) -> None:
        """Save the details, index the alert to the ticket, and track what fires."""
        tx.hset(keys.alert_details(ticket_id), details.to_hash())
        index = keys.alert_ticket(details.source, details.key)
        tx.raw("SET", index, ticket_id, "EX", ALERT_INDEX_TTL_SECONDS)
        if details.series:  # the check's next alert (a new Zabbix event) finds it too
            series = keys.alert_ticket(details.source, details.series)
            tx.raw("SET", series, ticket_id, "EX", ALERT_INDEX_TTL_SECONDS)
        if details.state == "firing":
            tx.raw("HSET", keys.ALERTS_FIRING, ticket_id, details.service or details.title)
        else:
            tx.raw("HDEL", keys.ALERTS_FIRING, ticket_id)
