"""Telegram webhook traffic at a bounded rate, as Telegram sends it: each update is
posted until it gets a 200, waiting out a 503's Retry-After. Shared by the failover
tests and bench/bench_failover.py.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from redis_topologies import SentinelSetup

from gateway.config import Settings

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
QUESTION = "не печатает принтер, пишет offline"
# "/operator" asks for a person: the checklist answers then make a ticket.
SCRIPT = [
    "/operator",
    QUESTION,
    "перезагрузил принтер",
    "HP LaserJet 400",
    "Windows 11",
    "со вчера",
]
RETRY_WAIT_CAP = 0.5  # seconds; Telegram waits out Retry-After, tests do not wait 5 s


@dataclass
class TrafficReport:
    """What the channel saw: acknowledged texts per chat, refusals, the gap."""

    acked: dict[int, list[str]] = field(default_factory=dict)
    retryable: int = 0  # 503s and refused connections: Telegram sends those again
    other: list[int] = field(default_factory=list)  # any other status (must stay empty)
    kill_at: float | None = None
    first_ack_after_kill: float | None = None

    @property
    def total_acked(self) -> int:
        return sum(len(t) for t in self.acked.values())

    def recovery_seconds(self) -> float:
        assert self.kill_at is not None and self.first_ack_after_kill is not None
        return self.first_ack_after_kill - self.kill_at


def update(update_id: int, chat: int, text: str) -> dict[str, object]:
    user = {"id": chat, "is_bot": False, "first_name": "Ivan", "language_code": "ru"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private", "first_name": "Ivan"},
            "from": user,
            "text": text,
        },
    }


def texts_for(extra: int) -> list[str]:
    """What one chat says: the script that reaches a ticket, then `extra` follow-ups."""
    return [*SCRIPT, *(f"уточнение номер {i}" for i in range(1, extra + 1))]


async def post_until_acked(
    http: aiohttp.ClientSession,
    url: str,
    secret: str,
    body: dict[str, object],
    report: TrafficReport,
) -> float:
    """Post until a 200; returns when the successful attempt started."""
    while True:
        attempt = time.monotonic()
        try:
            async with http.post(
                url,
                data=json.dumps(body),
                headers={SECRET_HEADER: secret, "Content-Type": "application/json"},
                timeout=aiohttp.ClientTimeout(total=15),
            ) as resp:
                await resp.read()
                if resp.status == 200:
                    return attempt
                if resp.status != 503:
                    report.other.append(resp.status)
                    return attempt
                report.retryable += 1
                wait = float(resp.headers.get("Retry-After") or RETRY_WAIT_CAP)
        except (aiohttp.ClientError, TimeoutError):
            report.retryable += 1
            wait = RETRY_WAIT_CAP
        await asyncio.sleep(min(wait, RETRY_WAIT_CAP))


async def chat_traffic(
    url: str, secret: str, chats: list[int], extra: int, rate: float, report: TrafficReport
) -> None:
    """Every chat says its texts in order (the next after the last's 200); at most `rate`
    new updates a second over all chats."""
    interval = len(chats) / rate
    ids = iter(range(1, 10**9))

    async def one(chat: int) -> None:
        acked = report.acked.setdefault(chat, [])
        for text in texts_for(extra):
            started = time.monotonic()
            body = update(next(ids), chat, text)
            attempt = await post_until_acked(http, url, secret, body, report)
            acked.append(text)
            kill_at = report.kill_at
            if kill_at is not None and attempt > kill_at and report.first_ack_after_kill is None:
                report.first_ack_after_kill = time.monotonic()
            await asyncio.sleep(max(0.0, interval - (time.monotonic() - started)))

    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(one(c) for c in chats))


def on_sentinel(settings: Settings, setup: SentinelSetup, **extra: Any) -> Settings:
    """The settings on this Sentinel setup, writes confirmed by one replica (`WAIT 1`)."""
    redis = settings.redis.model_copy(
        update={
            "topology": "sentinel",
            "url": None,
            "sentinels": setup.addresses,
            "service": setup.service,
            "wait_replicas": 1,
            "wait_timeout_ms": 500,
            **extra,
        }
    )
    return settings.model_copy(update={"redis": redis})
