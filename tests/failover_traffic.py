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

from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from gateway.config import Settings
from gateway.store import Store

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
    kills: list[float] = field(default_factory=list)  # when each primary was killed
    back: list[float] = field(default_factory=list)  # the first 200 after each kill
    # Per chat, the first 200 after the last kill: a cluster keeps serving the slots of
    # the primaries still alive, so the chats whose shard was on the dead one show the gap.
    chat_back: dict[int, float] = field(default_factory=dict)

    @property
    def total_acked(self) -> int:
        return sum(len(t) for t in self.acked.values())

    @property
    def kill_at(self) -> float | None:
        return self.kills[-1] if self.kills else None

    def killed(self) -> None:
        self.kills.append(time.monotonic())

    def acknowledged(self, attempt_started: float, chat: int = 0) -> None:
        """A 200 came for an attempt started then: the first after the last kill marks
        the end of that gap."""
        if self.kills and len(self.back) < len(self.kills) and attempt_started > self.kills[-1]:
            self.back.append(time.monotonic())
        if self.kills and attempt_started > self.kills[-1] and chat not in self.chat_back:
            self.chat_back[chat] = time.monotonic()

    def slowest_recovery_seconds(self) -> float:
        """From the last kill until the last chat to get a 200 again got one."""
        assert self.kills and self.chat_back, "no 200 after the kill"
        return max(self.chat_back.values()) - self.kills[-1]

    def recovery_seconds(self) -> list[float]:
        """Seconds from each kill until inbound was accepted again."""
        assert len(self.back) == len(self.kills), "a gap never ended"
        return [b - k for k, b in zip(self.kills, self.back, strict=True)]


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
            report.acknowledged(attempt, chat)
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


async def readiness_through_the_gap(
    port: int, report: TrafficReport, until: str = ""
) -> list[tuple[int, str]]:
    """What /readyz answers from the kill until it answers 200 again (with the status
    `until`, if given)."""
    seen: list[tuple[int, str]] = []
    async with aiohttp.ClientSession() as http:
        while report.kill_at is None:
            await asyncio.sleep(0.02)
        while not seen or seen[-1][0] != 200 or (until and seen[-1][1] != until):
            async with http.get(f"http://127.0.0.1:{port}/readyz") as resp:
                seen.append((resp.status, (await resp.json())["status"]))
            await asyncio.sleep(0.1)
    return seen


async def every_chat_reached_its_ticket(
    store: Store, telegram: TelegramEmulator, report: TrafficReport
) -> None:
    """Every acknowledged update is in its conversation once, in the order sent (nothing
    lost, nothing repeated); every chat has one ticket and was shown its number; no
    ticket number was handed out twice."""
    numbers = []
    for chat, acked in report.acked.items():
        key = f"telegram:{chat}"

        async def said(key: str = key, acked: list[str] = acked) -> list[str] | None:
            log = await store.conversations.transcript(key)
            inbound = [e["text"] for e in log if e["direction"] == "in"]
            return inbound if len(inbound) >= len(acked) else None

        assert await eventually(said, what=f"{key} processed") == acked
        tickets = await store.tickets.for_conversation(key)
        assert len(tickets) == 1
        await eventually(
            lambda c=chat, t=tickets[0].id: any(t in x for x in telegram.texts(c)),
            what=f"the ticket number shown in chat {chat}",
        )
        numbers.append(tickets[0].id)
    assert len(set(numbers)) == len(report.acked)
